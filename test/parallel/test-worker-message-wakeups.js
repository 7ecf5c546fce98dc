'use strict';
// How a port's loop is woken: one wake-up may announce many messages, a
// message taken with receiveMessageOnPort must not swallow the wake-up of
// the next one, a listener that keeps feeding its own port lets the loop
// run every 1000 messages (as Node does), and a transferred ArrayBuffer
// moves without a copy, both ways, many times.
const { assert, mustCall } = require('../common');
const {
  Worker, MessageChannel, receiveMessageOnPort, isMainThread, parentPort,
  workerData,
} = require('worker_threads');

if (!isMainThread) {
  const { mode, port } = workerData;
  if (mode === 'burst') {
    for (let i = 0; i < 3000; i++) parentPort.postMessage(i);
  } else if (mode === 'steal') {
    // 'first', then 'second' while the parent's listener spins on
    // receiveMessageOnPort, then 'third' once the parent says so; the
    // port closes only when the parent got 'third'.
    port.postMessage('first');
    port.on('message', (m) => {
      if (m === 'go-second') port.postMessage('second');
      if (m === 'go-third') port.postMessage('third');
      if (m === 'done') port.close();
    });
  } else if (mode === 'echo') {
    parentPort.on('message', (m) => {
      if (m === 'stop') return parentPort.close();
      const bytes = new Uint8Array(m);
      bytes[1] = bytes[0] + 1;
      parentPort.postMessage(m, [m]);
      assert.strictEqual(m.byteLength, 0);
    });
  }
  return;
}

// A burst from another thread arrives whole and in order.
{
  const w = new Worker(__filename, { workerData: { mode: 'burst' } });
  let next = 0;
  w.on('message', (m) => {
    assert.strictEqual(m, next);
    next++;
  });
  w.on('exit', mustCall(() => assert.strictEqual(next, 3000)));
}

// Within one thread: a message taken synchronously leaves later ones to
// the listener, each delivered once.
{
  const { port1, port2 } = new MessageChannel();
  const got = [];
  port2.on('message', (m) => {
    got.push(m);
    if (m === 2) port2.close();
  });
  port1.postMessage(1);
  assert.deepStrictEqual(receiveMessageOnPort(port2), { message: 1 });
  setImmediate(() => port1.postMessage(2));
  port2.on('close', mustCall(() => assert.deepStrictEqual(got, [2])));
}

// Across threads: while the listener of 'first' waits for 'second' with
// receiveMessageOnPort, the wake-up of 'second' comes and goes; 'third',
// posted later, must still wake the listener.
{
  const { port1, port2 } = new MessageChannel();
  const w = new Worker(__filename, {
    workerData: { mode: 'steal', port: port2 }, transferList: [port2],
  });
  const seen = [];
  const watchdog = setTimeout(() => {
    assert.fail(`'third' never woke the listener: ${seen.join(', ')}`);
  }, 5000);
  port1.on('message', (m) => {
    seen.push(m);
    if (m === 'third') {
      clearTimeout(watchdog);
      port1.postMessage('done');
    }
    if (m === 'first') {
      port1.postMessage('go-second');
      let box;
      const until = Date.now() + 10000;
      while ((box = receiveMessageOnPort(port1)) === undefined) {
        assert.ok(Date.now() < until, 'second never came');
      }
      seen.push(`taken ${box.message}`);
      // Let the worker's wake-up for 'second' land before we return, and
      // this listener's wake-up end, before 'third' is asked for.
      const pause = Date.now() + 20;
      while (Date.now() < pause);
      setTimeout(() => port1.postMessage('go-third'), 50);
    }
  });
  port1.on('close', mustCall(() => {
    assert.deepStrictEqual(seen, ['first', 'taken second', 'third']);
  }));
  w.on('exit', mustCall());
}

// A listener that feeds its own port: the loop still gets turns.
{
  const { port1, port2 } = new MessageChannel();
  let n = 0;
  let atImmediate = -1;
  port2.on('message', () => {
    n++;
    if (n < 3000) {
      port1.postMessage(n);
    } else {
      port2.close();
    }
  });
  setImmediate(mustCall(() => { atImmediate = n; }));
  port1.postMessage(0);
  port2.on('close', mustCall(() => {
    assert.ok(atImmediate > 0 && atImmediate <= 1000,
              `setImmediate ran after ${atImmediate} messages`);
  }));
}

// 1 MiB moved both ways 200 times: detached on the sending side, the same
// bytes on the other.
{
  const w = new Worker(__filename, { workerData: { mode: 'echo' } });
  let trips = 0;
  const send = (buf) => {
    new Uint8Array(buf)[0] = trips & 0x7f;
    w.postMessage(buf, [buf]);
    assert.strictEqual(buf.byteLength, 0);
  };
  w.on('message', (buf) => {
    assert.ok(buf instanceof ArrayBuffer);
    assert.strictEqual(buf.byteLength, 1 << 20);
    const bytes = new Uint8Array(buf);
    assert.strictEqual(bytes[1], (trips & 0x7f) + 1);
    assert.strictEqual(bytes[1 << 19], 0xab);
    if (++trips === 200) return w.postMessage('stop');
    send(buf);
  });
  const first = new ArrayBuffer(1 << 20);
  new Uint8Array(first)[1 << 19] = 0xab;
  send(first);
  w.on('exit', mustCall(() => assert.strictEqual(trips, 200)));
}
