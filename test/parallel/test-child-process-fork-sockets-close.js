'use strict';
// A server's sockets sent to a child stay its connections until they
// close in the child: server.close()'s 'close' waits for them.
const common = require('../common');
const { assert } = common;
const net = require('net');
const { fork } = require('child_process');

if (process.argv[2] === 'child') {
  const held = [];
  process.on('message', (msg, socket) => {
    if (msg === 'hold') {
      held.push(socket);
      process.send('held');
    } else if (msg === 'release') {
      for (const s of held) s.end('bye');
    }
  });
  return;
}

const child = fork(__filename, ['child']);
const server = net.createServer((socket) => child.send('hold', socket));
let released = false;
server.on('close', common.mustCall(() => {
  assert.ok(released, "'close' came before the child's socket closed");
  child.kill();
}));
process.on('exit', () => assert.strictEqual(server._workers.length, 0));
server.listen(0, '127.0.0.1', common.mustCall(() => {
  const client = net.connect(server.address().port, '127.0.0.1');
  client.setEncoding('utf8');
  let got = '';
  client.on('data', (d) => { got += d; });
  client.on('end', common.mustCall(() => {
    assert.strictEqual(got, 'bye');
    client.end();
  }));
  child.once('message', common.mustCall((msg) => {
    assert.strictEqual(msg, 'held');
    server.close();
    setTimeout(() => {
      released = true;
      child.send('release');
    }, 100);
  }));
}));
