'use strict';
// node:test's mock: mock.fn() records calls (arguments, result, error,
// this), implementations switch for a number of calls or once, methods,
// getters and setters are replaced and restored.
const common = require('../common');
const { assert } = common;
const { mock } = require('node:test');

// mock.fn() with no function: returns undefined, records its calls.
const empty = mock.fn();
assert.strictEqual(empty(1, 2), undefined);
assert.strictEqual(empty.mock.callCount(), 1);
assert.deepStrictEqual(empty.mock.calls[0].arguments, [1, 2]);

// The original's name and length show through; calls are copies.
function double(x) { return x * 2; }
const fn = mock.fn(double);
assert.strictEqual(fn.name, 'double');
assert.strictEqual(fn.length, 1);
assert.strictEqual(fn(3), 6);
const call = fn.mock.calls[0];
assert.strictEqual(Object.getPrototypeOf(call), null);
assert.deepStrictEqual(Object.keys(call).sort(),
                       ['arguments', 'error', 'result', 'stack', 'target',
                        'this']);
assert.strictEqual(call.result, 6);
assert.strictEqual(call.error, undefined);
assert.ok(call.stack instanceof Error);
assert.notStrictEqual(fn.mock.calls, fn.mock.calls);

// A throwing implementation: the error is recorded and rethrown.
const thrower = mock.fn(() => { throw new Error('bad'); });
assert.throws(() => thrower(), /bad/);
assert.strictEqual(thrower.mock.calls[0].error.message, 'bad');

// `times`: the implementation runs that many times, then the original.
const counted = mock.fn(() => 'orig', () => 'impl', { times: 2 });
assert.deepStrictEqual([counted(), counted(), counted()],
                       ['impl', 'impl', 'orig']);

// mockImplementation / mockImplementationOnce / resetCalls.
const sw = mock.fn(() => 1);
sw.mock.mockImplementationOnce(() => 2);
assert.strictEqual(sw(), 2);
assert.strictEqual(sw(), 1);
sw.mock.mockImplementation(() => 3);
assert.strictEqual(sw(), 3);
sw.mock.mockImplementationOnce(() => 9, 4);
assert.strictEqual(sw(), 3);
assert.strictEqual(sw(), 9);
sw.mock.resetCalls();
assert.strictEqual(sw.mock.callCount(), 0);

// new on a mock: target is new.target.
class Point { constructor(x) { this.x = x; } }
const P = mock.fn(Point);
const p = new P(4);
assert.strictEqual(p.x, 4);
assert.strictEqual(P.mock.calls[0].target, Point);
assert.strictEqual(P.mock.calls[0].this, p);

// mock.method on an object, `this` recorded, restore().
const obj = {
  base: 10,
  add(a) { return this.base + a; },
};
const m = mock.method(obj, 'add');
assert.strictEqual(obj.add(5), 15);
assert.strictEqual(obj.add.mock, m.mock);
assert.strictEqual(m.mock.calls[0].this, obj);
m.mock.restore();
assert.strictEqual(obj.add.mock, undefined);
assert.strictEqual(obj.add(1), 11);

// A method found on the prototype is shadowed by the mock.
class Counter { value() { return 1; } }
const c = new Counter();
mock.method(c, 'value', () => 42);
assert.strictEqual(c.value(), 42);
assert.ok(Object.hasOwn(c, 'value'));
mock.restoreAll();
assert.strictEqual(c.value(), 1);

// Getters and setters.
const box = {
  inner: 1,
  get v() { return this.inner; },
  set v(x) { this.inner = x; },
};
const g = mock.getter(box, 'v', () => 99);
assert.strictEqual(box.v, 99);
assert.strictEqual(g.mock.callCount(), 1);
const s = mock.method(box, 'v', function(x) { this.inner = x * 2; },
                      { setter: true });
box.v = 4;
assert.strictEqual(box.inner, 8);
assert.strictEqual(s.mock.calls[0].arguments[0], 4);
s.mock.restore();
g.mock.restore();
assert.strictEqual(box.v, 8);
mock.reset();

// Bad arguments.
assert.throws(() => mock.fn(5), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => mock.method(obj, 'base'), { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => mock.method(null, 'x'), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => mock.fn(() => {}, () => {}, { times: 0 }),
              { code: 'ERR_OUT_OF_RANGE' });
