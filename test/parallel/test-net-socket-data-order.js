'use strict';
// A socket's reads reach 'data' listeners straight when nothing is queued;
// pausing, setEncoding, pipes and late listeners must still see every byte
// once, in order.
const common = require('../common');
const assert = require('assert');
const net = require('net');
const { Writable } = require('stream');

// The peer writes `count` numbered lines, one write each, a turn apart so
// that they arrive as separate reads.
function serve(count, onSocket) {
  const server = net.createServer((conn) => {
    let i = 0;
    (function next() {
      if (i === count) return conn.end();
      conn.write(`line ${i++}\n`);
      setTimeout(next, 2);
    })();
  });
  server.listen(0, '127.0.0.1', common.mustCall(() => {
    const socket = net.connect(server.address().port, '127.0.0.1');
    onSocket(socket, () => server.close());
  }));
}

function expected(count) {
  let s = '';
  for (let i = 0; i < count; i++) s += `line ${i}\n`;
  return s;
}

// Paused from a listener, resumed later: nothing lost or reordered, and
// chunks queued meanwhile come out before 'end'.
serve(20, (socket, done) => {
  let text = '';
  let paused = 0;
  socket.on('data', (d) => {
    assert(Buffer.isBuffer(d));
    text += d;
    if (text.length > 20 && paused++ < 3) {
      socket.pause();
      assert.strictEqual(socket.isPaused(), true);
      setTimeout(() => socket.resume(), 15);
    }
  });
  socket.on('end', common.mustCall(() => {
    assert.strictEqual(text, expected(20));
    assert.strictEqual(socket.bytesRead, text.length);
    done();
  }));
});

// A second listener added midway sees the rest; setEncoding turns later
// chunks into strings.
serve(10, (socket, done) => {
  let first = '';
  let second = '';
  const kinds = new Set();
  let added = false;
  socket.on('data', (d) => {
    kinds.add(typeof d);
    first += d;
    if (!added && first.length >= 14) {
      added = true;
      socket.setEncoding('utf8');
      socket.on('data', (d2) => { second += d2; });
    }
  });
  socket.on('end', common.mustCall(() => {
    assert.strictEqual(first, expected(10));
    assert(expected(10).endsWith(second) && second.length > 0, second);
    assert.deepStrictEqual([...kinds].sort(), ['object', 'string']);
    done();
  }));
});

// Piped into a slow writable: backpressure holds, every byte arrives.
serve(30, (socket, done) => {
  let text = '';
  const sink = new Writable({
    highWaterMark: 8,
    write(chunk, enc, cb) {
      text += chunk;
      setTimeout(cb, 3);
    },
  });
  socket.pipe(sink);
  sink.on('finish', common.mustCall(() => {
    assert.strictEqual(text, expected(30));
    done();
  }));
});

// A 'readable' listener switches the socket to paused mode: data comes
// through read() only.
serve(5, (socket, done) => {
  let text = '';
  socket.on('readable', () => {
    let d;
    while ((d = socket.read()) !== null) text += d;
  });
  socket.on('end', common.mustCall(() => {
    assert.strictEqual(text, expected(5));
    done();
  }));
});
