'use strict';
// process.kill(): signal 0 probes a process, errors for bad pids and
// signals.
const common = require('../common');
const { assert } = common;

assert.strictEqual(process.kill(process.pid, 0), true);
assert.strictEqual(process.kill(process.ppid, 0), true);

// A pid that does not exist (above Linux's pid_max limit of 2^22).
assert.throws(() => process.kill(2 ** 22 + 1, 0), (err) => {
  assert.strictEqual(err.code, 'ESRCH');
  assert.strictEqual(err.errno, -3);
  assert.strictEqual(err.syscall, 'kill');
  assert.strictEqual(err.message, 'kill ESRCH');
  return true;
});

assert.throws(() => process.kill(process.pid, 'SIGFOO'), {
  name: 'TypeError',
  code: 'ERR_UNKNOWN_SIGNAL',
  message: 'Unknown signal: SIGFOO',
});
// Signal names are case-sensitive.
assert.throws(() => process.kill(process.pid, 'sigterm'),
              { code: 'ERR_UNKNOWN_SIGNAL' });
assert.throws(() => process.kill('abc'), {
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "pid" argument must be of type number. ' +
    "Received type string ('abc')",
});
assert.throws(() => process.kill(), { code: 'ERR_INVALID_ARG_TYPE' });

// A signal whose default action is to ignore it does nothing.
assert.strictEqual(process.kill(process.pid, 'SIGCHLD'), true);
assert.strictEqual(process.kill(process.pid, 'SIGWINCH'), true);
