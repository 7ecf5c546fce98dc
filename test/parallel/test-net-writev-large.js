'use strict';
// Corked writes that mix strings, small buffers and large buffers leave
// in one writev: the large ones from their own memory. Whatever the
// kernel does not take at once must still arrive complete and in order.
const common = require('../common');
const assert = require('assert');
const crypto = require('crypto');
const net = require('net');

function pattern(size, seed) {
  const b = Buffer.allocUnsafe(size);
  for (let i = 0; i < size; i++) b[i] = (i * 31 + seed) & 0xff;
  return b;
}

const pieces = [
  'head ünïcode\r\n',
  pattern(100, 1),
  pattern(1 << 20, 2),
  Buffer.from('latin1 \xff', 'latin1'),
  pattern(70 * 1024, 3),
  pattern(3 << 20, 4),
  '',
  Buffer.alloc(0),
  'tail',
];
// A second batch queues behind the first.
const second = ['x', pattern(1 << 20, 5)];
const expected = Buffer.concat(
  [...pieces, ...second].map((p) => Buffer.from(p)));

const server = net.createServer(common.mustCall((conn) => {
  const hash = crypto.createHash('sha256');
  let size = 0;
  // Read slowly at first, so that the writes cannot all go at once.
  conn.pause();
  setTimeout(() => conn.resume(), 50);
  conn.on('data', (d) => {
    hash.update(d);
    size += d.length;
  });
  conn.on('end', common.mustCall(() => {
    assert.strictEqual(size, expected.length);
    assert.strictEqual(hash.digest('hex'),
                       crypto.createHash('sha256').update(expected)
                         .digest('hex'));
    conn.end();
    server.close();
  }));
}));

server.listen(0, '127.0.0.1', common.mustCall(() => {
  const socket = net.connect(server.address().port, '127.0.0.1');
  socket.on('connect', common.mustCall(() => {
    socket.cork();
    for (const p of pieces) socket.write(p);
    socket.uncork();
    socket.cork();
    for (const p of second) socket.write(p);
    socket.uncork();
    socket.end(common.mustCall());
  }));
  socket.resume();
}));
