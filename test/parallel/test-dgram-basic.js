'use strict';
// dgram over loopback: datagrams both ways with their rinfo, several
// buffers in one datagram, empty ones, connected sockets, the implicit
// bind of send(), a custom lookup, and the errors Node throws.
const common = require('../common');
const { assert } = common;
const dgram = require('dgram');

// Argument errors, before any socket is bound.
assert.throws(() => dgram.createSocket('tcp'),
              { code: 'ERR_SOCKET_BAD_TYPE', name: 'TypeError' });
assert.throws(() => dgram.createSocket({ type: 'udp4', lookup: 1 }),
              { code: 'ERR_INVALID_ARG_TYPE' });
{
  const s = dgram.createSocket('udp4');
  assert.throws(() => s.address(),
                { code: 'EBADF', syscall: 'getsockname' });
  assert.throws(() => s.remoteAddress(),
                { code: 'ERR_SOCKET_DGRAM_NOT_CONNECTED' });
  assert.throws(() => s.send('x'), {
    code: 'ERR_SOCKET_BAD_PORT',
    message: 'Port should be > 0 and < 65536. Received undefined.',
  });
  assert.throws(() => s.send('x', 1, 1), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => s.send(5, 1234), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => s.setTTL('x'), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => s.getRecvBufferSize(), {
    code: 'ERR_SOCKET_BUFFER_SIZE',
    name: 'SystemError',
    message: 'Could not get or set buffer size: uv_recv_buffer_size ' +
             'returned EBADF (bad file descriptor)',
  });
  assert.throws(() => s.setRecvBufferSize(-1),
                { code: 'ERR_SOCKET_BAD_BUFFER_SIZE' });
  assert.throws(() => s.addMembership(),
                { code: 'ERR_MISSING_ARGS' });
  assert.strictEqual(s.ref(), s);
  assert.strictEqual(s.unref(), s);
  s.close(common.mustCall(() => {
    assert.throws(() => s.close(), { code: 'ERR_SOCKET_DGRAM_NOT_RUNNING' });
    assert.throws(() => s.send('x', 1, 'localhost'),
                  { code: 'ERR_SOCKET_DGRAM_NOT_RUNNING' });
  }));
}

// An echo server, and a client that sends several kinds of datagram.
const server = dgram.createSocket('udp4');
server.on('message', (msg, rinfo) => {
  assert.ok(Buffer.isBuffer(msg));
  assert.strictEqual(rinfo.address, '127.0.0.1');
  assert.strictEqual(rinfo.family, 'IPv4');
  assert.strictEqual(rinfo.size, msg.length);
  server.send(Buffer.concat([Buffer.from('echo:'), msg]), rinfo.port,
              rinfo.address);
});

server.bind(0, '127.0.0.1', common.mustCall(() => {
  const { port, address, family } = server.address();
  assert.strictEqual(address, '127.0.0.1');
  assert.strictEqual(family, 'IPv4');
  assert.ok(port > 0);
  assert.throws(() => server.bind(0), { code: 'ERR_SOCKET_ALREADY_BOUND' });
  assert.ok(server.getRecvBufferSize() > 0);
  server.setRecvBufferSize(65536);
  assert.ok(server.getRecvBufferSize() >= 65536);
  assert.throws(() => server.setTTL(1000),
                { code: 'EINVAL', syscall: 'setTTL' });
  assert.strictEqual(server.setTTL(10), 10);

  // send() before bind() binds implicitly and queues the datagram.
  const client = dgram.createSocket('udp4');
  const expected = ['echo:one', 'echo:twothree', 'echo:', 'echo:sliced'];
  const got = [];
  client.on('message', common.mustCall((msg, rinfo) => {
    assert.strictEqual(rinfo.port, port);
    got.push(msg.toString());
    if (got.length === expected.length) {
      assert.deepStrictEqual(got.sort(), expected.slice().sort());
      client.close(common.mustCall());
      connected(port);
    }
  }, expected.length));
  client.send('one', port, 'localhost', common.mustSucceed((bytes) => {
    assert.strictEqual(bytes, 3);
  }));
  client.on('listening', common.mustCall(() => {
    assert.ok(client.address().port > 0);
  }));
  client.send(['two', Buffer.from('three')], port, '127.0.0.1',
              common.mustSucceed((bytes) => assert.strictEqual(bytes, 8)));
  client.send([], port, common.mustSucceed((bytes) => {
    assert.strictEqual(bytes, 0);
  }));
  client.send(Buffer.from('xxslicedxx'), 2, 6, port, '127.0.0.1');
}));

// A connected socket: send() takes no address; remoteAddress() answers.
function connected(port) {
  const lookups = [];
  const client = dgram.createSocket({
    type: 'udp4',
    lookup(host, family, cb) {
      lookups.push([host, family]);
      cb(null, '127.0.0.1', 4);
    },
  });
  client.connect(port, 'echo.test', common.mustCall(() => {
    assert.deepStrictEqual(client.remoteAddress(),
                           { address: '127.0.0.1', family: 'IPv4', port });
    assert.throws(() => client.connect(port),
                  { code: 'ERR_SOCKET_DGRAM_IS_CONNECTED' });
    assert.throws(() => client.send('x', 0, 1, port),
                  { code: 'ERR_SOCKET_DGRAM_IS_CONNECTED' });
    client.send('hi', common.mustSucceed());
    client.once('message', common.mustCall((msg) => {
      assert.strictEqual(msg.toString(), 'echo:hi');
      assert.deepStrictEqual(lookups.map((l) => l[0]),
                             ['0.0.0.0', 'echo.test']);
      client.disconnect();
      assert.throws(() => client.disconnect(),
                    { code: 'ERR_SOCKET_DGRAM_NOT_CONNECTED' });
      assert.throws(() => client.remoteAddress(),
                    { code: 'ERR_SOCKET_DGRAM_NOT_CONNECTED' });
      client.close();
      server.close(common.mustCall());
    }));
  }));
}

// An AbortSignal closes the socket.
{
  const controller = new AbortController();
  const s = dgram.createSocket({ type: 'udp4', signal: controller.signal });
  s.on('close', common.mustCall());
  s.bind(0, common.mustCall(() => controller.abort()));
}
