'use strict';
// net's and dgram's built-in diagnostics channels: a socket net.connect()
// makes (before it connects), one a server accepted (after 'connection'),
// and every dgram socket; plain `new net.Socket()` publishes nothing.

const common = require('../common');
const assert = require('assert');
const dc = require('diagnostics_channel');
const dgram = require('dgram');
const net = require('net');

const log = [];
for (const name of ['net.client.socket', 'net.server.socket', 'udp.socket']) {
  dc.subscribe(name, (message) => {
    assert.deepStrictEqual(Object.keys(message), ['socket']);
    const kind = message.socket instanceof net.Socket ? 'net' :
      message.socket instanceof dgram.Socket ? 'dgram' : 'other';
    log.push(`${name} ${kind}`);
  });
}

const server = net.createServer(common.mustCall((socket) => {
  log.push('connection');
  socket.destroy();
  server.close();
  setImmediate(common.mustCall(() => {
    assert.deepStrictEqual(log, [
      'net.client.socket net',
      'after connect()',
      'new Socket',
      'udp.socket dgram',
      'after createSocket',
      'connection',
      'net.server.socket net',
    ]);
  }));
}));

server.listen(0, common.mustCall(() => {
  const c = net.connect(server.address().port);
  log.push('after connect()');
  c.on('error', () => {});
  new net.Socket();
  log.push('new Socket');
  const u = dgram.createSocket('udp4');
  log.push('after createSocket');
  u.close();
}));
