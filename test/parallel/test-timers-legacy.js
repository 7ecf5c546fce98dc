'use strict';
// The deprecated item API of timers: enroll/active/_unrefActive/unenroll
// turn any object with _onTimeout into a timer.
const common = require('../common');
const assert = require('assert');
const timers = require('timers');

assert.deepStrictEqual(Object.keys(timers), [
  'setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate',
  'setInterval', 'clearInterval', '_unrefActive', 'active', 'unenroll',
  'enroll',
]);

assert.throws(() => timers.enroll({}, -1), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "msecs" is out of range. It must be a non-negative ' +
           'finite number. Received -1',
});
assert.throws(() => timers.enroll({}, '1'), { code: 'ERR_INVALID_ARG_TYPE' });

const warnings = [];
process.on('warning', (w) => warnings.push(w.code));

// active(): a ref'd countdown that keeps the process alive and fires once.
const item = { _onTimeout: common.mustCall() };
timers.enroll(item, 5);
assert.strictEqual(item._idleTimeout, 5);
timers.active(item);

// _unrefActive() re-arms on each call until unenroll(); unenroll inside the
// callback wins over the re-arm that follows it.
let fired = 0;
const again = {
  _onTimeout() {
    if (++fired === 3) timers.unenroll(again);
    timers._unrefActive(again);
  },
};
timers.enroll(again, 1);
timers._unrefActive(again);

// Unenrolled before it fires: never runs, and does not hold the loop.
const never = { _onTimeout: common.mustNotCall() };
timers.enroll(never, 1);
timers.active(never);
timers.unenroll(never);
assert.strictEqual(never._idleTimeout, -1);

setTimeout(common.mustCall(() => {
  assert.strictEqual(fired, 3);
  // Each deprecation is printed once, with Node's code.
  assert.deepStrictEqual(warnings.sort(),
                         ['DEP0095', 'DEP0096', 'DEP0126', 'DEP0127']);
}), 60);
