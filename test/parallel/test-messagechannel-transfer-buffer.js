'use strict';
// postMessage(buf, [buf]) — a message that is just the ArrayBuffer it
// moves — and structuredClone of one: the receiver gets a plain
// ArrayBuffer over the same bytes, the sender's is detached, as when the
// buffer sits inside a larger value.
const { assert } = require('../common');
const {
  MessageChannel, receiveMessageOnPort, markAsUntransferable,
} = require('worker_threads');

const { port1, port2 } = new MessageChannel();
const receive = () => receiveMessageOnPort(port2).message;

const buf = new ArrayBuffer(8);
new Uint8Array(buf)[3] = 7;
buf.extra = 1;  // own properties do not travel
port1.postMessage(buf, [buf]);
assert.strictEqual(buf.byteLength, 0);
const got = receive();
assert.ok(got instanceof ArrayBuffer);
assert.strictEqual(got.byteLength, 8);
assert.strictEqual(new Uint8Array(got)[3], 7);
assert.strictEqual(got.extra, undefined);

// Inside an object: the same bytes, moved too.
const inner = new ArrayBuffer(4);
new Uint8Array(inner)[0] = 9;
port1.postMessage({ inner }, [inner]);
assert.strictEqual(inner.byteLength, 0);
assert.strictEqual(new Uint8Array(receive().inner)[0], 9);

// A buffer already detached moves as an empty one.
port1.postMessage(buf, [buf]);
assert.strictEqual(receive().byteLength, 0);

// A subclass arrives as a plain ArrayBuffer.
class Sub extends ArrayBuffer {}
const sub = new Sub(2);
port1.postMessage(sub, [sub]);
const plain = receive();
assert.strictEqual(Object.getPrototypeOf(plain), ArrayBuffer.prototype);
assert.strictEqual(plain.byteLength, 2);

// Marked untransferable: copied, the sender keeps it.
const kept = new ArrayBuffer(4);
markAsUntransferable(kept);
port1.postMessage(kept, [kept]);
assert.strictEqual(kept.byteLength, 4);
assert.strictEqual(receive().byteLength, 4);

// Listed twice: refused, nothing detached.
const twice = new ArrayBuffer(1);
assert.throws(() => port1.postMessage(twice, [twice, twice]),
              { name: 'DataCloneError' });
assert.strictEqual(twice.byteLength, 1);
assert.strictEqual(receiveMessageOnPort(port2), undefined);

// structuredClone moves it the same way.
const source = new ArrayBuffer(16);
new Uint8Array(source)[15] = 5;
const clone = structuredClone(source, { transfer: [source] });
assert.strictEqual(source.byteLength, 0);
assert.strictEqual(clone.byteLength, 16);
assert.strictEqual(new Uint8Array(clone)[15], 5);

port1.close();
