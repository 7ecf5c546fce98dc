'use strict';
// An uncaught exception in a worker becomes an 'error' event on its Worker
// (the error rebuilt in the parent) and exit code 1; process.exit() in a
// worker ends only that worker, with its code; the process goes on.
const { assert, mustCall, mustNotCall } = require('../common');
const { Worker } = require('worker_threads');

const w1 = new Worker(`
  setTimeout(() => { throw new RangeError('boom'); }, 1);
`, { eval: true });
w1.on('error', mustCall((err) => {
  assert.ok(err instanceof RangeError);
  assert.strictEqual(err.message, 'boom');
  assert.match(err.stack, /RangeError: boom/);
}));
w1.on('exit', mustCall((code) => assert.strictEqual(code, 1)));

const w2 = new Worker(`
  process.on('exit', (code) => {
    require('worker_threads').parentPort.postMessage('exit ' + code);
  });
  process.exit(7);
  require('worker_threads').parentPort.postMessage('not reached');
`, { eval: true });
w2.on('message', mustCall((m) => assert.strictEqual(m, 'exit 7')));
w2.on('error', mustNotCall());
w2.on('exit', mustCall((code) => assert.strictEqual(code, 7)));

// A thrown non-error value arrives as it was.
const w3 = new Worker('throw 42', { eval: true });
w3.on('error', mustCall((err) => assert.strictEqual(err, 42)));
w3.on('exit', mustCall((code) => assert.strictEqual(code, 1)));

// A syntax error in the worker's script.
const w4 = new Worker('this is not js', { eval: true });
w4.on('error', mustCall((err) => assert.ok(err instanceof SyntaxError)));
w4.on('exit', mustCall((code) => assert.strictEqual(code, 1)));

// process.exitCode is the worker's own.
const w5 = new Worker('process.exitCode = 3', { eval: true });
w5.on('exit', mustCall((code) => {
  assert.strictEqual(code, 3);
  assert.strictEqual(process.exitCode, undefined);
}));
