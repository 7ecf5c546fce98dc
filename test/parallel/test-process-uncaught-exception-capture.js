'use strict';
// process.setUncaughtExceptionCaptureCallback(): the callback takes uncaught
// exceptions (and rejections that would throw) in place of 'uncaughtException'
// listeners, after 'uncaughtExceptionMonitor'; only one may be set at a time.
// With --abort-on-uncaught-exception it is what keeps the process alive.
const common = require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');

if (process.argv[2] === 'abort-child') {
  process.setUncaughtExceptionCaptureCallback(() => console.log('captured'));
  throw new Error('caught by the callback');
}
if (process.argv[2] === 'abort-child-without') {
  throw new Error('nothing takes this');
}

assert.strictEqual(process.hasUncaughtExceptionCaptureCallback(), false);
assert.throws(() => process.setUncaughtExceptionCaptureCallback('x'), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "fn" argument must be of type function or null. ' +
           "Received type string ('x')",
});

const order = [];
process.on('uncaughtExceptionMonitor', (err, origin) => {
  order.push(`monitor ${err.message} ${origin}`);
});
process.on('uncaughtException', common.mustNotCall());
const capture = common.mustCall((err) => order.push(`capture ${err.message}`),
                                2);
process.setUncaughtExceptionCaptureCallback(capture);
assert.strictEqual(process.hasUncaughtExceptionCaptureCallback(), true);
assert.throws(() => process.setUncaughtExceptionCaptureCallback(capture), {
  code: 'ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET',
  name: 'Error',
});

setTimeout(() => { throw new Error('one'); }, 1);
setTimeout(() => Promise.reject(new Error('two')), 2);
setTimeout(common.mustCall(() => {
  process.setUncaughtExceptionCaptureCallback(null);
  assert.strictEqual(process.hasUncaughtExceptionCaptureCallback(), false);
  assert.deepStrictEqual(order, [
    'monitor one uncaughtException', 'capture one',
    'monitor two unhandledRejection', 'capture two',
  ]);

  const flags = ['--abort-on-uncaught-exception', __filename];
  let child = spawnSync(process.execPath, [...flags, 'abort-child']);
  assert.strictEqual(child.signal, null, child.stderr.toString());
  assert.strictEqual(child.status, 0);
  assert.strictEqual(child.stdout.toString(), 'captured\n');

  // Without a callback the flag aborts the process (no core file: ulimit).
  child = spawnSync('/bin/sh', ['-c', 'ulimit -c 0 && exec "$0" "$@"',
                                process.execPath, ...flags,
                                'abort-child-without']);
  assert.ok(['SIGABRT', 'SIGTRAP', 'SIGILL'].includes(child.signal),
            `${child.signal} ${child.status}`);
  assert.match(child.stderr.toString(), /nothing takes this/);
}), 20);
