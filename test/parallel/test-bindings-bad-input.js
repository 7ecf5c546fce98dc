// Flags: --expose-internals
// Every native of every binding, called with arguments of the wrong kinds,
// must throw or ignore them: never crash, abort or corrupt the process.
'use strict';

const { assert } = require('../common');
const fs = require('fs');
const path = require('path');
const { internalBinding } = require('internal/test/binding');

// Natives whose job is to end the process or change its global state,
// checked by their own tests instead.
const skip = new Set([
  'process_methods.reallyExit', 'process_methods.kill',
  'process_methods.umask', 'process_methods.chdir',
  'process_methods.setTitle', 'process_methods.envSet',
  'process_methods.envDelete', 'process_methods.setCredential',
  'process_methods.setgroups', 'task_queue.triggerUncaughtException',
  'task_queue.setup', 'timers.setup',
  // dlopen('x', flags) would load any library of that name (and ASan
  // aborts on RTLD_DEEPBIND); test-process-dlopen.js covers it.
  'process_methods.dlopen',
  // fchmod(1, 0) and ftruncate(1, 0) would change the mode or size of
  // whatever the test's stdout is (a terminal, a log file).
  'fs.fchmod', 'fs.ftruncate',
]);

const bindings = internalBinding('builtins').bindingNames;
assert.ok(bindings.includes('fs') && bindings.includes('timers'));

const values = [undefined, null, true, 0, -1, 1.5, NaN, 2 ** 53, -(2 ** 31),
  '', 'x', '\0', Symbol('s'), 10n, {}, [], ['a', 1], () => {},
  new Uint8Array(2), new ArrayBuffer(1), new Proxy({}, {}),
  Object.create(null), new Date(0), /re/];

// Work in a scratch folder: fs natives may create files named like values.
const scratch = path.join(process.env.TMPDIR || '/tmp',
                          `noderun-bad-input-${process.pid}`);
fs.mkdirSync(scratch, { recursive: true });
process.chdir(scratch);

let calls = 0;
for (const name of bindings) {
  const b = internalBinding(name);
  for (const key of Object.keys(b)) {
    if (typeof b[key] !== 'function' || skip.has(`${name}.${key}`)) continue;
    const fn = b[key];
    const argLists = [[]];
    for (const v of values) {
      argLists.push([v], [v, v], ['x', v], [1, v], [v, () => {}]);
    }
    for (const args of argLists) {
      // readFileUtf8(fd) would wait for the test's stdin to end.
      if (key === 'readFileUtf8' && typeof args[0] === 'number') continue;
      calls++;
      try {
        fn(...args);
      } catch (err) {
        // A JS error, not a crash: what is wanted. It must be a real error.
        assert.ok(err instanceof Error, `${name}.${key} threw ${err}`);
      }
      try {
        new fn(...args);  // eslint-disable-line new-cap
      } catch {
        // Constructing a native is allowed to fail.
      }
    }
  }
}
assert.ok(calls > 1000);

// The process is still whole: JS runs, the loop turns.
setTimeout(() => {
  process.chdir('/');
  fs.rmSync(scratch, { recursive: true, force: true });
}, 1);
