'use strict';
// terminate() stops a worker even in `while (true) {}` or blocked in
// Atomics.wait, and returns a promise for the exit code.
const { assert, mustCall } = require('../common');
const { Worker } = require('worker_threads');

const spin = new Worker(`
  require('worker_threads').parentPort.postMessage('spinning');
  while (true) {}
`, { eval: true });
spin.once('message', mustCall(async () => {
  const code = await spin.terminate();
  assert.strictEqual(code, 1);
  // Terminating again after the exit does nothing.
  assert.strictEqual(await spin.terminate(), undefined);
}));
spin.on('exit', mustCall((code) => assert.strictEqual(code, 1)));

const sab = new SharedArrayBuffer(4);
const waiter = new Worker(`
  const { parentPort, workerData } = require('worker_threads');
  const a = new Int32Array(workerData);
  parentPort.postMessage('waiting');
  Atomics.wait(a, 0, 0);
  parentPort.postMessage('woke');
`, { eval: true, workerData: sab });
waiter.once('message', mustCall((m) => {
  assert.strictEqual(m, 'waiting');
  setTimeout(() => waiter.terminate().then(mustCall((code) => {
    assert.strictEqual(code, 1);
  })), 20);
}));

// Terminating right away, before the worker ran anything.
const early = new Worker('while (true) {}', { eval: true });
early.terminate().then(mustCall((code) => assert.strictEqual(code, 1)));
