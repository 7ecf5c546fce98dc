'use strict';
// BroadcastChannel reaches every other channel of the same name, on any
// thread.
const { assert, mustCall, mustNotCall } = require('../common');
const { Worker, BroadcastChannel } = require('worker_threads');

// A global too, as in Node 18 (not enumerable).
assert.strictEqual(globalThis.BroadcastChannel, BroadcastChannel);
assert.strictEqual(
  Object.getOwnPropertyDescriptor(globalThis, 'BroadcastChannel').enumerable,
  false);

const main = new BroadcastChannel('nr-test');
const other = new BroadcastChannel('nr-other');
other.onmessage = mustNotCall();
const seen = [];
main.onmessage = mustCall((event) => {
  seen.push(event.data);
  if (seen.length === 2) {
    assert.deepStrictEqual(seen.sort(), ['from 1', 'from 2']);
    main.postMessage('bye');
    main.close();
    other.close();
  }
}, 2);

for (const n of [1, 2]) {
  new Worker(`
    const { BroadcastChannel, workerData } = require('worker_threads');
    const bc = new BroadcastChannel('nr-test');
    bc.onmessage = (event) => {
      if (event.data === 'bye') bc.close();
    };
    bc.postMessage('from ' + workerData);
  `, { eval: true, workerData: n }).on('exit', mustCall((code) => {
    assert.strictEqual(code, 0);
  }));
}
