'use strict';
// require.cache: modules are loaded once, a deleted entry is loaded again,
// a module that throws while loading is not cached, and the Module objects
// carry id, filename, loaded, parent and children.
const common = require('../common');
const { assert } = common;
const path = require('path');

const counterPath = common.fixtures.path('cjs', 'counter.js');

const first = require(counterPath);
assert.strictEqual(first.loads, 1);
assert.strictEqual(require(counterPath), first);
assert.strictEqual(require('../fixtures/cjs/counter'), first);
assert.strictEqual(globalThis.cjsCounterLoads, 1);

// The cache is keyed by the resolved absolute filename.
const entry = require.cache[counterPath];
assert.ok(entry);
assert.strictEqual(entry.exports, first);
assert.strictEqual(entry.id, counterPath);
assert.strictEqual(entry.filename, counterPath);
assert.strictEqual(entry.loaded, true);
assert.strictEqual(entry.parent, module);
assert.ok(module.children.includes(entry));
assert.deepStrictEqual(entry.paths[0],
                       path.join(path.dirname(counterPath), 'node_modules'));

// Deleting the entry makes the next require() run the file again.
delete require.cache[counterPath];
const second = require(counterPath);
assert.notStrictEqual(second, first);
assert.strictEqual(second.loads, 2);
assert.strictEqual(require(counterPath), second);

// require.cache is the same object for every module.
assert.strictEqual(require('../fixtures/cjs/requirer').cache, require.cache);

// An entry placed in the cache by hand is returned without reading the
// file.
const fakePath = common.fixtures.path('cjs', 'dir-index', 'index.js');
require.cache[fakePath] = { id: fakePath, filename: fakePath, loaded: true,
                            exports: { fake: true } };
assert.deepStrictEqual(require('../fixtures/cjs/dir-index'), { fake: true });
delete require.cache[fakePath];
assert.strictEqual(require('../fixtures/cjs/dir-index'), 'dir-index');

// A module whose body throws is removed from the cache, so requiring it
// again runs it again.
const throwsPath = common.fixtures.path('cjs', 'throws-on-load.js');
assert.throws(() => require(throwsPath), { message: 'load failed' });
assert.strictEqual(require.cache[throwsPath], undefined);
assert.throws(() => require(throwsPath), { message: 'load failed' });
assert.strictEqual(globalThis.throwsOnLoadCount, 2);

// The main module: id '.', no parent, loaded only after its body ran.
assert.strictEqual(module.id, '.');
assert.strictEqual(module.filename, __filename);
assert.strictEqual(module.loaded, false);
assert.strictEqual(require.cache[__filename], module);
setImmediate(common.mustCall(() => {
  assert.strictEqual(module.loaded, true);
}));
