'use strict';
// setInterval repeats until cleared, from inside or outside its callback,
// and an exception in one run does not stop the next.
const common = require('../common');
const { assert } = common;

let runs = 0;
const iv = setInterval(common.mustCall(function(arg) {
  assert.strictEqual(arg, 'arg');
  assert.strictEqual(this, iv);
  if (++runs === 3) clearInterval(iv);
}, 3), 2, 'arg');

// Cleared from outside, through clearTimeout (they are interchangeable).
let outside = 0;
const iv2 = setInterval(() => outside++, 2);
setTimeout(common.mustCall(() => {
  assert.ok(outside >= 1, `interval ran ${outside} times`);
  clearTimeout(iv2);
  const stopped = outside;
  setTimeout(common.mustCall(() => {
    assert.strictEqual(outside, stopped);
  }), 20);
}), 30);

// Cleared before it ever ran.
clearInterval(setInterval(common.mustNotCall(), 1));

// A throwing run is reported to 'uncaughtException' and the interval keeps
// going.
let throwing = 0;
process.on('uncaughtException', common.mustCall((err) => {
  assert.strictEqual(err.message, 'interval 1');
}));
const iv3 = setInterval(common.mustCall(() => {
  throwing++;
  if (throwing === 3) clearInterval(iv3);
  if (throwing === 1) throw new Error('interval 1');
}, 3), 2);

// The Timeout of an interval says so; runs stop after the process has
// nothing else to do only once it is cleared.
assert.strictEqual(iv.hasRef(), true);
assert.strictEqual(typeof iv.refresh, 'function');
