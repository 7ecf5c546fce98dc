'use strict';
// A TCP echo over loopback: 'connection', 'connect', 'ready', 'data', 'end'
// and 'close' in order, the addresses and ports of both ends, bytesRead and
// bytesWritten, and the server closing once its last socket closed.
const common = require('../common');
const { assert } = common;
const net = require('net');

const events = [];
const server = net.createServer(common.mustCall((sock) => {
  assert.ok(sock instanceof net.Socket);
  assert.strictEqual(sock.server, server);
  assert.strictEqual(sock.remoteAddress, '127.0.0.1');
  assert.strictEqual(sock.remoteFamily, 'IPv4');
  assert.strictEqual(sock.localPort, server.address().port);
  assert.strictEqual(sock.localAddress, '127.0.0.1');
  assert.strictEqual(typeof sock.remotePort, 'number');
  assert.strictEqual(sock.readyState, 'open');
  sock.on('data', (d) => sock.write(`echo:${d}`));
  sock.on('end', common.mustCall(() => {
    events.push('server end');
    sock.end('bye');
  }));
  sock.on('close', common.mustCall((hadError) => {
    assert.strictEqual(hadError, false);
    server.close();
  }));
}));

server.on('close', common.mustCall(() => {
  events.push('server close');
}));

server.listen(0, '127.0.0.1', common.mustCall(() => {
  const addr = server.address();
  assert.deepStrictEqual(Object.keys(addr).sort(),
                         ['address', 'family', 'port']);
  assert.strictEqual(addr.address, '127.0.0.1');
  assert.strictEqual(addr.family, 'IPv4');
  assert.ok(addr.port > 0);
  assert.strictEqual(server.listening, true);

  const client = net.connect(addr.port, '127.0.0.1');
  assert.strictEqual(client.connecting, true);
  assert.strictEqual(client.readyState, 'opening');
  assert.strictEqual(client.pending, true);
  client.on('connect', common.mustCall(() => {
    events.push('connect');
    assert.strictEqual(client.connecting, false);
    assert.strictEqual(client.pending, false);
    assert.strictEqual(client.remotePort, addr.port);
    assert.strictEqual(client.remoteAddress, '127.0.0.1');
    assert.strictEqual(client.address().family, 'IPv4');
    client.write('hello');
  }));
  client.on('ready', common.mustCall(() => events.push('ready')));
  client.setEncoding('utf8');
  let got = '';
  client.on('data', (d) => {
    assert.strictEqual(typeof d, 'string');
    got += d;
    if (got === 'echo:hello') client.end();
  });
  client.on('end', common.mustCall(() => {
    events.push('client end');
    assert.strictEqual(got, 'echo:hellobye');
  }));
  client.on('close', common.mustCall((hadError) => {
    assert.strictEqual(hadError, false);
    assert.strictEqual(client.bytesRead, 13);
    assert.strictEqual(client.bytesWritten, 5);
    assert.strictEqual(client.destroyed, true);
    assert.strictEqual(client.readyState, 'closed');
    events.push('client close');
  }));
}));

process.on('exit', () => {
  assert.deepStrictEqual(events.slice(0, 3), ['connect', 'ready',
                                              'server end']);
  assert.ok(events.includes('client end'));
  assert.ok(events.includes('client close'));
  assert.ok(events.includes('server close'));
});
