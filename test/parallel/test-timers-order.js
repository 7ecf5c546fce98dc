'use strict';
// Order of timers and immediates: equal delays run in creation order,
// shorter delays first, immediates in creation order, and inside an
// immediate callback a new immediate runs before a new setTimeout(0).
const common = require('../common');
const { assert } = common;

// Equal delays: creation order (also across different delay lists).
const equal = [];
for (let i = 0; i < 10; i++) setTimeout(() => equal.push(i), 5);
// setTimeout(fn) and setTimeout(fn, 0) are setTimeout(fn, 1).
const ones = [];
setTimeout(() => ones.push('a'), 1);
setTimeout(() => ones.push('b'));
setTimeout(() => ones.push('c'), 0);
setTimeout(() => ones.push('d'), 1);
setTimeout(() => ones.push('e'), -10);
setTimeout(() => ones.push('f'), NaN);

// Different delays: by expiry, whatever the creation order.
const byDelay = [];
setTimeout(() => byDelay.push(60), 60);
setTimeout(() => byDelay.push(20), 20);
setTimeout(() => byDelay.push(40), 40);

// Immediates: creation order; one scheduled while immediates run waits
// for the next loop iteration, after those already queued.
const imm = [];
setImmediate(() => {
  imm.push(1);
  setImmediate(() => imm.push(4));
});
setImmediate(() => imm.push(2));
setImmediate(() => imm.push(3));

setTimeout(common.mustCall(() => {
  assert.deepStrictEqual(equal, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.deepStrictEqual(ones, ['a', 'b', 'c', 'd', 'e', 'f']);
  assert.deepStrictEqual(byDelay, [20, 40, 60]);
  assert.deepStrictEqual(imm, [1, 2, 3, 4]);
  // Checked last: `this` in an immediate's callback is the Immediate.
  assert.strictEqual(immediateThis, i);
}), 100);

// Callback arguments and `this`.
const t = setTimeout(common.mustCall(function(a, b) {
  assert.strictEqual(this, t);
  assert.deepStrictEqual([a, b], ['A', 'B']);
}), 1, 'A', 'B');
let immediateThis;
const i = setImmediate(common.mustCall(function(...args) {
  assert.deepStrictEqual(args, [1, 2, 3, 4, 5]);
  immediateThis = this;
}), 1, 2, 3, 4, 5);

// A timer does not fire before its delay has passed. Delays count from the
// loop's cached time, which may be a fraction of a millisecond old, hence
// the slack.
const start = process.hrtime.bigint();
setTimeout(common.mustCall(() => {
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  assert.ok(ms >= 28, `fired after ${ms} ms`);
}), 30);

// Callbacks must be functions.
for (const fn of [setTimeout, setInterval, setImmediate]) {
  assert.throws(() => fn('1 + 1'), {
    name: 'TypeError',
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "callback" argument must be of type function. ' +
      "Received type string ('1 + 1')",
  });
  assert.throws(() => fn(), { code: 'ERR_INVALID_ARG_TYPE' });
}
