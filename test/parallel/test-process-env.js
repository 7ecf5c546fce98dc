'use strict';
// process.env: values are strings, delete and `in` work, Object.keys
// lists the variables, symbols are refused.
const common = require('../common');
const { assert } = common;

const env = process.env;
assert.strictEqual(typeof env.PATH, 'string');
assert.ok(Object.keys(env).includes('PATH'));
assert.ok('PATH' in env);
assert.ok(Object.prototype.hasOwnProperty.call(env, 'PATH'));

// Every assigned value is turned into a string.
env.NR_TEST_NUM = 42;
env.NR_TEST_UNDEF = undefined;
env.NR_TEST_NULL = null;
env.NR_TEST_BOOL = true;
env.NR_TEST_OBJ = { toString() { return 'obj'; } };
assert.strictEqual(env.NR_TEST_NUM, '42');
assert.strictEqual(env.NR_TEST_UNDEF, 'undefined');
assert.strictEqual(env.NR_TEST_NULL, 'null');
assert.strictEqual(env.NR_TEST_BOOL, 'true');
assert.strictEqual(env.NR_TEST_OBJ, 'obj');
for (const key of Object.keys(env)) {
  assert.strictEqual(typeof env[key], 'string', key);
}

// Unknown names read as undefined and are not `in`.
assert.strictEqual(env.NR_TEST_NOT_SET, undefined);
assert.ok(!('NR_TEST_NOT_SET' in env));

// delete removes the variable and returns true, also for absent names.
assert.ok('NR_TEST_NUM' in env);
assert.strictEqual(delete env.NR_TEST_NUM, true);
assert.ok(!('NR_TEST_NUM' in env));
assert.strictEqual(env.NR_TEST_NUM, undefined);
assert.ok(!Object.keys(env).includes('NR_TEST_NUM'));
assert.strictEqual(delete env.NR_TEST_NOT_SET, true);

// Object.keys, for...in, spread and JSON see the current variables.
env.NR_TEST_NEW = 'new';
assert.ok(Object.keys(env).includes('NR_TEST_NEW'));
const viaForIn = [];
for (const k in env) viaForIn.push(k);
assert.ok(viaForIn.includes('NR_TEST_NEW'));
assert.strictEqual({ ...env }.NR_TEST_NEW, 'new');
assert.strictEqual(JSON.parse(JSON.stringify(env)).NR_TEST_NEW, 'new');
assert.deepStrictEqual(Object.getOwnPropertyDescriptor(env, 'NR_TEST_NEW'), {
  value: 'new', writable: true, enumerable: true, configurable: true,
});

// Empty values are kept.
env.NR_TEST_EMPTY = '';
assert.strictEqual(env.NR_TEST_EMPTY, '');
assert.ok('NR_TEST_EMPTY' in env);

// Symbol keys and symbol values are TypeErrors.
assert.throws(() => { env[Symbol('k')] = 'v'; }, TypeError);
assert.throws(() => { env.NR_TEST_SYM = Symbol('v'); }, TypeError);
assert.ok(!('NR_TEST_SYM' in env));

// Methods of Object.prototype are reachable, as on an ordinary object.
assert.strictEqual(env.hasOwnProperty('NR_TEST_NEW'), true);

// An ordinary object, not a Proxy: it clones (to a plain copy, also across
// threads) and refuses accessors and partial descriptors as Node does.
assert.ok(!require('util').types.isProxy(env));
const copy = structuredClone({ env });
assert.strictEqual(copy.env.NR_TEST_NEW, 'new');
assert.deepStrictEqual(Object.keys(copy.env).sort(), Object.keys(env).sort());
assert.throws(() => Object.defineProperty(env, 'NR_TEST_GET', { get() {} }), {
  code: 'ERR_INVALID_OBJECT_DEFINE_PROPERTY',
  message: "'process.env' does not accept an accessor(getter/setter) " +
           'descriptor',
});
assert.throws(() => Object.defineProperty(env, 'NR_TEST_RO', { value: 'x' }), {
  code: 'ERR_INVALID_OBJECT_DEFINE_PROPERTY',
  name: 'TypeError',
});
assert.ok(!('NR_TEST_RO' in env));
