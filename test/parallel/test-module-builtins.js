'use strict';
// Builtin modules: the node: prefix, require('module').builtinModules,
// and that internals stay out of user code's reach.
const common = require('../common');
const { assert } = common;
const Module = require('module');

// node: prefix gives the same object as the bare name.
assert.strictEqual(require('node:fs'), require('fs'));
assert.strictEqual(require('node:path'), require('path'));
assert.strictEqual(require('node:events'), require('events'));
assert.strictEqual(require('node:module'), Module);
assert.strictEqual(require('node:timers'), require('timers'));

// An unknown name after node: is an error of its own, not a file lookup.
assert.throws(() => require('node:no-such-builtin'), {
  code: 'ERR_UNKNOWN_BUILTIN_MODULE',
});

// builtinModules lists the public modules only, without the prefix.
const list = Module.builtinModules;
assert.ok(Array.isArray(list));
for (const name of ['fs', 'path', 'events', 'module', 'timers', 'util']) {
  assert.ok(list.includes(name), `builtinModules lacks ${name}`);
}
assert.ok(!list.includes('node:fs'));
assert.strictEqual(list.filter((n) => n.startsWith('internal')).length, 0,
                   'builtinModules lists internal modules');
for (const name of list) {
  // Every listed module loads.
  const exported = require(name);
  assert.ok(typeof exported === 'object' || typeof exported === 'function',
            name);
}
if (typeof Module.isBuiltin === 'function') {
  assert.strictEqual(Module.isBuiltin('fs'), true);
  assert.strictEqual(Module.isBuiltin('node:fs'), true);
  assert.strictEqual(Module.isBuiltin('internal/errors'), false);
  assert.strictEqual(Module.isBuiltin('no-such-thing'), false);
}

// Internals: not reachable by name, with or without the prefix.
assert.throws(() => require('internal/errors'), {
  code: 'MODULE_NOT_FOUND',
  message: /^Cannot find module 'internal\/errors'/,
});
assert.throws(() => require('internal/modules/cjs/loader'),
              { code: 'MODULE_NOT_FOUND' });
assert.throws(() => require('node:internal/errors'),
              { code: 'ERR_UNKNOWN_BUILTIN_MODULE' });
assert.throws(() => require.resolve('internal/errors'),
              { code: 'MODULE_NOT_FOUND' });

// The privileged helpers given to lib/ are not globals.
assert.strictEqual(typeof internalBinding, 'undefined');
assert.strictEqual(typeof globalThis.internalBinding, 'undefined');
assert.strictEqual(typeof primordials, 'undefined');

// process.binding() is only the legacy allow-list: an unknown name throws.
assert.strictEqual(typeof process.binding, 'function');
assert.throws(() => process.binding('x'), { message: 'No such module: x' });
assert.throws(() => process.binding('internal/errors'),
              /No such module: internal\/errors/);

// The message of ERR_UNKNOWN_BUILTIN_MODULE names the request as written.
assert.throws(() => require('node:no-such-builtin'), {
  message: 'No such built-in module: node:no-such-builtin',
});
