// Flags: --expose-internals
'use strict';
// MessageChannel within one thread: order, cloning, events, close, ref.
const { assert, mustCall } = require('../common');
const { receiveMessageOnPort } = require('internal/worker/io');

const { port1, port2 } = new MessageChannel();
assert.ok(port1 instanceof MessagePort);
assert.ok(port1 instanceof EventTarget);
assert.throws(() => new MessagePort(), { name: 'TypeError' });

const sent = { list: [1, { a: new Map([[1, 2]]) }], when: new Date(0) };
const got = [];
port2.on('message', mustCall((msg) => {
  got.push(msg);
  if (got.length === 3) {
    assert.deepStrictEqual(got[0], sent);
    assert.notStrictEqual(got[0], sent);  // a clone, not the object
    assert.deepStrictEqual(got.slice(1), ['second', 3]);
    port2.close();
  }
}, 3));
port1.postMessage(sent);
port1.postMessage('second');
port1.postMessage(3);
// Messages arrive on the loop, never synchronously.
assert.strictEqual(got.length, 0);
port1.on('close', mustCall());
port2.on('close', mustCall());

// onmessage gets a MessageEvent.
const c2 = new MessageChannel();
c2.port2.onmessage = mustCall((event) => {
  assert.ok(event instanceof MessageEvent);
  assert.strictEqual(event.data, 'hi');
  assert.strictEqual(event.type, 'message');
  c2.port1.close();
});
c2.port1.postMessage('hi');

// receiveMessageOnPort takes one message synchronously.
const c3 = new MessageChannel();
c3.port1.postMessage({ n: 1 });
c3.port1.postMessage({ n: 2 });
assert.deepStrictEqual(receiveMessageOnPort(c3.port2), { message: { n: 1 } });
assert.deepStrictEqual(receiveMessageOnPort(c3.port2), { message: { n: 2 } });
assert.strictEqual(receiveMessageOnPort(c3.port2), undefined);
c3.port1.close();

// Transferred ArrayBuffers move to the receiver.
const c4 = new MessageChannel();
const ab = new ArrayBuffer(8);
c4.port2.on('message', mustCall((msg) => {
  assert.strictEqual(msg.byteLength, 8);
  c4.port2.close();
}));
c4.port1.postMessage(ab, [ab]);
assert.strictEqual(ab.byteLength, 0);

// What cannot be cloned throws at the sender.
assert.throws(() => c4.port1.postMessage(() => {}), { name: 'DataCloneError' });

// A port without 'message' listeners, or unref'd, does not keep the
// process alive: this test ends although c5 is never closed.
const c5 = new MessageChannel();
c5.port1.on('message', () => {});
assert.strictEqual(c5.port1.hasRef(), true);
c5.port1.unref();
assert.strictEqual(c5.port1.hasRef(), false);
