'use strict';
// performance.timerify(): the wrapper, and the 'function' entries it hands
// to observers.
const { assert, mustCall } = require('../common');
const { performance, PerformanceObserver } = require('perf_hooks');
const { inspect } = require('util');

function foo(a, b) { return a + b; }
const t = performance.timerify(foo);
assert.strictEqual(t.name, 'timerified foo');
assert.strictEqual(t.length, 2);
assert.notStrictEqual(performance.timerify(foo), t);
assert.deepStrictEqual(Object.keys(t), ['length', 'name']);
assert.deepStrictEqual(Object.getOwnPropertyDescriptor(t, 'name'), {
  value: 'timerified foo', writable: false, enumerable: true,
  configurable: false,
});
assert.strictEqual(inspect(t),
                   '[Function: timerified foo] { length: 2, ' +
                   "name: 'timerified foo' }");

// Without an observer, the calls are just calls.
assert.strictEqual(t(1, 2), 3);
assert.deepStrictEqual(performance.getEntriesByType('function'), []);

const seen = [];
const obs = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) seen.push(e);
});
obs.observe({ entryTypes: ['function'] });

assert.strictEqual(t(2, 3), 5);
// `this` passes through.
const g = performance.timerify(function g() { return this; });
const holder = { g };
assert.strictEqual(holder.g(), holder);
// Classes are constructed (as the class itself).
class K { constructor(x) { this.x = x; } }
const TK = performance.timerify(K);
const k = new TK(5);
assert.ok(k instanceof K);
assert.strictEqual(k.x, 5);
assert.throws(() => TK(1), TypeError);
// Exceptions pass through, with no entry.
const thrower = performance.timerify(function thrower() {
  throw new Error('x');
});
assert.throws(() => thrower(), { message: 'x' });
// An async function is timed until its promise settles.
const slow = performance.timerify(async function slow(v) {
  await new Promise((resolve) => setTimeout(resolve, 30));
  return v;
});

slow(7).then(mustCall((v) => {
  assert.strictEqual(v, 7);
  setImmediate(mustCall(() => {
    assert.deepStrictEqual(seen.map((e) => e.name), ['foo', 'g', 'K', 'slow']);
    const [e] = seen;
    assert.strictEqual(e.entryType, 'function');
    assert.deepStrictEqual(e.detail, [2, 3]);
    assert.ok(e.duration >= 0);
    assert.strictEqual(e.constructor.name, 'PerformanceEntry');
    assert.deepStrictEqual(seen[2].detail, [5]);
    assert.ok(seen[3].duration >= 29, `${seen[3].duration}`);
    assert.deepStrictEqual(performance.getEntriesByType('function'), []);
    obs.disconnect();
  }));
}));

for (const [args, message] of [
  [[1], 'The "fn" argument must be of type function. Received type number ' +
    '(1)'],
  [[foo, 1], 'The "options" argument must be of type object. Received ' +
    'type number (1)'],
  [[foo, { histogram: 1 }], 'The "options.histogram" property must be an ' +
    'instance of RecordableHistogram. Received type number (1)'],
]) {
  assert.throws(() => performance.timerify(...args), {
    code: 'ERR_INVALID_ARG_TYPE', message,
  });
}
