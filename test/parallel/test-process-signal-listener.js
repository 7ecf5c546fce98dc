'use strict';
// process.on('SIGUSR2') installs a handler: the listener gets the signal's
// name and number, the process survives, and the listener does not keep
// the process alive.
const common = require('../common');
const { assert } = common;

const SIGUSR2 = 12;  // On Linux.
const start = process.hrtime.bigint();

// Signals arrive through the event loop; this keeps it running until the
// second one came.
const keepAlive = setTimeout(common.mustNotCall('signals never came'), 10000);

let count = 0;
process.on('SIGUSR2', common.mustCall(function(name, number) {
  assert.strictEqual(this, process);
  assert.strictEqual(name, 'SIGUSR2');
  assert.strictEqual(number, SIGUSR2);
  if (++count === 1) {
    // By number this time.
    process.kill(process.pid, SIGUSR2);
  } else {
    clearTimeout(keepAlive);
  }
}, 2));

assert.strictEqual(process.kill(process.pid, 'SIGUSR2'), true);
// The listener runs later, from the event loop, not inside kill().
assert.strictEqual(count, 0);

// With the timer gone, the installed handler alone must not keep the
// process running.
process.on('exit', () => {
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  assert.ok(ms < 5000, `exited after ${ms} ms`);
});
