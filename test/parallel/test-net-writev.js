'use strict';
// Corked writes go out together (through _writev) with every encoding,
// callbacks in order, bytesWritten counting bytes not characters; end()
// with data; write() callbacks after the peer got everything.
const common = require('../common');
const { assert } = common;
const net = require('net');

const server = net.createServer(common.mustCall((sock) => {
  const chunks = [];
  sock.on('data', (d) => chunks.push(d));
  sock.on('end', common.mustCall(() => {
    const all = Buffer.concat(chunks);
    assert.deepStrictEqual(all, Buffer.concat([
      Buffer.from('héllo '), Buffer.from([1, 2, 3]),
      Buffer.from('ÿþ', 'latin1'), Buffer.from('aGk=', 'base64'),
      Buffer.from('7a7a', 'hex'), Buffer.from('ü', 'utf16le'),
      Buffer.from('end'),
    ]));
    sock.end();
    server.close();
  }));
}));

server.listen(0, '127.0.0.1', common.mustCall(() => {
  const c = net.connect(server.address().port, '127.0.0.1');
  const order = [];
  c.on('connect', common.mustCall(() => {
    c.cork();
    c.write('héllo ', () => order.push(1));
    c.write(Buffer.from([1, 2, 3]), () => order.push(2));
    c.write('ÿþ', 'latin1', () => order.push(3));
    c.write('aGk=', 'base64', () => order.push(4));
    c.write('7a7a', 'hex', () => order.push(5));
    c.write('ü', 'utf16le', () => order.push(6));
    // Strings are buffered as they are: their length counts.
    assert.strictEqual(c.writableLength, 6 + 3 + 2 + 4 + 4 + 1);
    assert.strictEqual(c.bytesWritten, 7 + 3 + 2 + 2 + 2 + 2);
    process.nextTick(() => {
      c.uncork();
      c.end('end', common.mustCall(() => {
        assert.deepStrictEqual(order, [1, 2, 3, 4, 5, 6]);
        assert.strictEqual(c.bytesWritten, 7 + 3 + 2 + 2 + 2 + 2 + 3);
      }));
    });
  }));
  c.resume();
}));
