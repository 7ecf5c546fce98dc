'use strict';
// The Timeout and Immediate objects: ref/unref/hasRef chain and toggle,
// Symbol.toPrimitive gives a stable numeric id that clearTimeout accepts
// (as a number or a string), refresh() restarts a timer.
const common = require('../common');
const { assert } = common;

const t = setTimeout(common.mustNotCall('cleared by its id'), 10);
assert.strictEqual(t.constructor.name, 'Timeout');
assert.strictEqual(t.hasRef(), true);
assert.strictEqual(t.unref(), t);
assert.strictEqual(t.hasRef(), false);
assert.strictEqual(t.unref(), t);
assert.strictEqual(t.hasRef(), false);
assert.strictEqual(t.ref(), t);
assert.strictEqual(t.hasRef(), true);

const id = t[Symbol.toPrimitive]();
assert.strictEqual(typeof id, 'number');
assert.ok(Number.isInteger(id) && id > 0);
assert.strictEqual(t[Symbol.toPrimitive](), id);
assert.strictEqual(+t, id);
assert.strictEqual(`${t}`, String(id));
clearTimeout(id);

// Ids differ between timers; a string id works too.
const t2 = setTimeout(common.mustNotCall('cleared by its string id'), 10);
assert.notStrictEqual(+t2, id);
clearTimeout(String(+t2));

// An id works for intervals, with clearInterval or clearTimeout.
const iv = setInterval(common.mustNotCall('interval cleared by id'), 5);
clearInterval(+iv);

// Clearing what is not a timer is a no-op.
for (const v of [undefined, null, {}, 0, 99999999, 'nope', NaN]) {
  clearTimeout(v);
  clearInterval(v);
}
clearImmediate(undefined);
clearImmediate(null);

// A cleared timer can be cleared again.
const t3 = setTimeout(common.mustNotCall(), 1);
clearTimeout(t3);
clearTimeout(t3);
clearTimeout(+t3);

// Immediates have ref/unref/hasRef too.
const im = setImmediate(common.mustCall());
assert.strictEqual(im.constructor.name, 'Immediate');
assert.strictEqual(im.hasRef(), true);
assert.strictEqual(im.unref(), im);
assert.strictEqual(im.hasRef(), false);
assert.strictEqual(im.ref(), im);
assert.strictEqual(im.hasRef(), true);

// clearImmediate cancels, also from an earlier immediate of the same
// batch.
const cleared = setImmediate(common.mustNotCall('cleared immediate'));
clearImmediate(cleared);
let victim;
setImmediate(common.mustCall(() => clearImmediate(victim)));
victim = setImmediate(common.mustNotCall('cleared by a sibling'));

// A timer cleared by an earlier timer of the same list does not run.
let victimTimer;
setTimeout(common.mustCall(() => clearTimeout(victimTimer)), 3);
victimTimer = setTimeout(common.mustNotCall('cleared by a sibling'), 3);

// refresh() returns the timer and restarts its countdown.
const start = process.hrtime.bigint();
let fired = 0;
const r = setTimeout(common.mustCall(() => {
  if (++fired > 1) return;
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  // Refreshed at >= 20 ms, so it fires at >= 60 ms, not at 40 ms.
  assert.ok(ms >= 55, `fired after ${ms} ms`);
  // refresh() on a timer that already fired starts it again.
  assert.strictEqual(r.refresh(), r);
}, 2), 40);
setTimeout(common.mustCall(() => {
  assert.strictEqual(r.refresh(), r);
}), 20);

// refresh() keeps the ref state.
const u = setTimeout(common.mustNotCall('unref timer kept the loop'), 5000);
u.unref();
u.refresh();
assert.strictEqual(u.hasRef(), false);
