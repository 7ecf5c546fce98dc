'use strict';
// Sockets and servers sent to a forked child over its IPC channel: the
// child accepts on the parent's server and answers on a parent's socket.
const common = require('../common');
const assert = require('assert');
const net = require('net');
const { fork } = require('child_process');

if (process.argv[2] === 'child') {
  let server;
  process.on('message', (m, handle) => {
    if (m.what === 'server') {
      assert.ok(handle instanceof net.Server);
      server = handle;
      handle.on('connection', (s) => s.end(`served by child ${m.n}\n`));
      process.send('listening');
    } else if (m.what === 'socket') {
      assert.ok(handle instanceof net.Socket);
      handle.end('socket answered by child\n');
      process.send('socket done');
    } else if (m.what === 'bye') {
      server.close();
      process.disconnect();
    }
  });
  return;
}

assert.strictEqual(process.send, undefined);  // not a forked child here

const child = fork(__filename, ['child']);
assert.throws(() => child.send('x', {}), { code: 'ERR_INVALID_HANDLE_TYPE' });

function read(port, cb) {
  const c = net.connect(port, '127.0.0.1');
  let text = '';
  c.setEncoding('utf8').on('data', (d) => { text += d; });
  c.on('end', common.mustCall(() => cb(text)));
}

const server = net.createServer(common.mustNotCall());
server.listen(0, '127.0.0.1', common.mustCall(() => {
  const { port } = server.address();
  child.send({ what: 'server', n: 1 }, server);
  child.once('message', common.mustCall((m) => {
    assert.strictEqual(m, 'listening');
    server.close();  // from now on only the child accepts
    read(port, common.mustCall((text) => {
      assert.strictEqual(text, 'served by child 1\n');
      sendSocket();
    }));
  }));
}));

function sendSocket() {
  const s2 = net.createServer(common.mustCall((sock) => {
    child.send({ what: 'socket' }, sock, common.mustCall((err) => {
      assert.strictEqual(err, null);
    }));
    s2.close();
  }));
  s2.listen(0, '127.0.0.1', common.mustCall(() => {
    read(s2.address().port, common.mustCall((text) => {
      assert.strictEqual(text, 'socket answered by child\n');
      child.send({ what: 'bye' });
    }));
  }));
}
child.on('exit', common.mustCall((code) => assert.strictEqual(code, 0)));
