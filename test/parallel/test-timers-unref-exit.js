'use strict';
// Unref'd timers, intervals and immediates do not keep the process alive;
// an unref'd timer still fires while something else keeps the loop going.
const common = require('../common');
const { assert } = common;

const start = process.hrtime.bigint();

setTimeout(common.mustNotCall('unref timeout'), 10000).unref();
setInterval(common.mustNotCall('unref interval'), 8000).unref();

// An unref'd 5 ms interval runs while the ref'd 100 ms timer is pending.
let ticks = 0;
setInterval(() => ticks++, 5).unref();

// Unref then ref again: the timer counts again.
const reref = setTimeout(common.mustCall(), 30);
reref.unref();
reref.ref();

setTimeout(common.mustCall(() => {
  assert.ok(ticks >= 2, `unref'd interval ran ${ticks} times`);
}), 100);

let exited = false;
process.on('exit', (code) => {
  exited = true;
  assert.strictEqual(code, 0);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  assert.ok(ms < 5000, `the process lived ${ms} ms`);
  assert.ok(ms >= 99, `the process exited after ${ms} ms only`);
});
// Registered last, so it runs after the listener above.
process.on('exit', () => assert.ok(exited));
