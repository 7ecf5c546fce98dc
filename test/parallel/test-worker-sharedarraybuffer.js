'use strict';
// A SharedArrayBuffer is the same memory on both threads, and
// Atomics.wait / Atomics.notify work across them.
const { assert, mustCall } = require('../common');
const { Worker } = require('worker_threads');

const sab = new SharedArrayBuffer(16);
const a = new Int32Array(sab);
const w = new Worker(`
  const { workerData, parentPort } = require('worker_threads');
  const a = new Int32Array(workerData);
  // Waits until the parent stores 1 and notifies.
  const r = Atomics.wait(a, 0, 0, 5000);
  a[1] = 42;
  Atomics.store(a, 2, 1);
  Atomics.notify(a, 2);
  parentPort.postMessage(r);
`, { eval: true, workerData: sab });

w.on('online', mustCall(() => {
  // Wakes the worker once it waits: notify() counts the waiters it woke
  // (a loaded machine may take a while to get the worker there).
  const poke = () => {
    if (Atomics.notify(a, 0) === 0) {
      setTimeout(poke, 5);
      return;
    }
    // The main thread may block too: the worker wakes it.
    const r = Atomics.wait(a, 2, 0, 5000);
    assert.notStrictEqual(r, 'timed-out');
    assert.strictEqual(a[1], 42);
  };
  poke();
}));
w.on('message', mustCall((r) => assert.strictEqual(r, 'ok')));
w.on('exit', mustCall((code) => assert.strictEqual(code, 0)));

// A SharedArrayBuffer inside a message is shared as well.
const w2 = new Worker(`
  const { parentPort } = require('worker_threads');
  parentPort.once('message', ({ shared }) => {
    new Uint8Array(shared)[0] = 7;
    parentPort.postMessage('done');
  });
`, { eval: true });
const shared = new SharedArrayBuffer(1);
w2.postMessage({ shared });
w2.on('message', mustCall(() => {
  assert.strictEqual(new Uint8Array(shared)[0], 7);
}));
