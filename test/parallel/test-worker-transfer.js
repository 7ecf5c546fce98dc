'use strict';
// postMessage with transfer lists across threads: ArrayBuffers move (the
// sender's copy is detached), MessagePorts move to the worker's thread and
// keep working there, markAsUntransferable keeps a buffer, and
// receiveMessageOnPort reads synchronously.
const { assert, mustCall } = require('../common');
const {
  Worker, MessageChannel, markAsUntransferable, receiveMessageOnPort,
} = require('worker_threads');

const w = new Worker(`
  const { parentPort } = require('worker_threads');
  parentPort.on('message', ({ buf, port, kept }) => {
    const bytes = new Uint8Array(buf);
    // The moved buffer's memory, written by the parent before the move.
    port.postMessage({ sum: bytes.reduce((a, b) => a + b, 0),
                       length: buf.byteLength, kept: kept.byteLength });
    port.on('message', (m) => {
      if (m === 'bye') {
        port.close();
        parentPort.close();
        return;
      }
      // A buffer moved back from the worker's thread.
      const back = new ArrayBuffer(1024 * 1024);
      new Uint8Array(back)[5] = 9;
      port.postMessage(back, [back]);
      if (back.byteLength !== 0) throw new Error('not moved');
    });
  });
`, { eval: true });

const { port1, port2 } = new MessageChannel();
const buf = new ArrayBuffer(1024);
new Uint8Array(buf).fill(1);
const kept = new ArrayBuffer(16);
markAsUntransferable(kept);
w.postMessage({ buf, port: port2, kept }, [buf, port2, kept]);
assert.strictEqual(buf.byteLength, 0);
assert.strictEqual(kept.byteLength, 16);
// The moved port is of no use here any more.
port2.postMessage('ignored');

port1.once('message', mustCall((m) => {
  assert.deepStrictEqual(m, { sum: 1024, length: 1024, kept: 16 });
  port1.postMessage('again');
  port1.once('message', mustCall((back) => {
    assert.ok(back instanceof ArrayBuffer);
    assert.strictEqual(back.byteLength, 1024 * 1024);
    assert.strictEqual(new Uint8Array(back)[5], 9);
    port1.postMessage('bye');
  }));
}));
port1.on('close', mustCall());
w.on('exit', mustCall((code) => assert.strictEqual(code, 0)));

// Ports left out of the transfer list, the sending port itself, and values
// that cannot be cloned are refused before anything moves.
{
  const { port1: a, port2: b } = new MessageChannel();
  assert.throws(() => a.postMessage({ b }),
                { code: 'ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST' });
  assert.throws(() => a.postMessage(a, [a]), { name: 'DataCloneError' });
  const ab = new ArrayBuffer(8);
  assert.throws(() => a.postMessage({ f() {}, ab }, [ab]),
                { name: 'DataCloneError' });
  assert.strictEqual(ab.byteLength, 8);
  // receiveMessageOnPort takes queued messages in order, and the ports
  // that came with them.
  const c = new MessageChannel();
  a.postMessage({ x: 1 });
  a.postMessage({ port: c.port1 }, [c.port1]);
  assert.deepStrictEqual(receiveMessageOnPort(b), { message: { x: 1 } });
  const got = receiveMessageOnPort(b).message.port;
  assert.strictEqual(receiveMessageOnPort(b), undefined);
  c.port2.postMessage('through the moved port');
  assert.deepStrictEqual(receiveMessageOnPort(got),
                         { message: 'through the moved port' });
  a.close();
  got.close();
}

// A listener that removes itself stops delivery: the messages that had
// already arrived wait, in order, for the next listener.
{
  const { port1: a, port2: b } = new MessageChannel();
  const got = [];
  const first = mustCall((m) => {
    got.push(m);
    b.off('message', first);
    setTimeout(mustCall(() => {
      b.on('message', mustCall((m) => {
        got.push(m);
        if (got.length === 3) {
          assert.deepStrictEqual(got, [1, 2, 3]);
          b.close();
        }
      }, 2));
    }), 20);
  });
  b.on('message', first);
  a.postMessage(1);
  a.postMessage(2);
  a.postMessage(3);
}

// Buffer's allocation pool is shared by unrelated Buffers: it is copied,
// never moved.
{
  const { port1: a, port2: b } = new MessageChannel();
  const x = Buffer.from('pooled');
  const y = Buffer.from('pooled too');
  assert.strictEqual(x.buffer, y.buffer);
  a.postMessage(x, [x.buffer]);
  assert.strictEqual(y.toString(), 'pooled too');
  assert.strictEqual(receiveMessageOnPort(b).message.length, 6);
  a.close();
}
