'use strict';
// How an uncaught exception ends the process: an 'exit' listener may change
// the exit code; process.exit() goes through process.reallyExit, which a
// program may replace; a process._fatalException that is not a function
// makes the exit code 6.
require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');

const cases = {
  exitCodeFromListener() {
    process.on('exit', (code) => {
      assert.strictEqual(code, 1);
      assert.strictEqual(process.exitCode, 1);
      process.exitCode = 42;
    });
    throw new Error('first');
  },
  zeroFromListener() {
    process.on('exit', () => { process.exitCode = 0; });
    throw new Error('second');
  },
  replacedReallyExit() {
    process.reallyExit = (code) => console.log(`reallyExit ${code}`);
    process.exit(3);
  },
  fatalNotAFunction() {
    process._fatalException = undefined;
    throw new Error('third');
  },
  fatalReplaced() {
    process._fatalException = (err) => {
      console.log(`took ${err.message}`);
      return true;
    };
    setTimeout(() => console.log('still running'), 1);
    throw new Error('fourth');
  },
};

if (process.argv[2]) {
  cases[process.argv[2]]();
  return;
}

const run = (name) => {
  const r = spawnSync(process.execPath, [__filename, name]);
  return { status: r.status, out: r.stdout.toString(),
           err: r.stderr.toString() };
};

let r = run('exitCodeFromListener');
assert.strictEqual(r.status, 42);
assert.match(r.err, /Error: first/);
r = run('zeroFromListener');
assert.strictEqual(r.status, 0);
assert.match(r.err, /Error: second/);
r = run('replacedReallyExit');
assert.strictEqual(r.out, 'reallyExit 3\n');
r = run('fatalNotAFunction');
assert.strictEqual(r.status, 6);
assert.match(r.err, /Error: third/);
r = run('fatalReplaced');
assert.strictEqual(r.status, 0);
assert.strictEqual(r.out, 'took fourth\nstill running\n');
