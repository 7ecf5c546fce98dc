'use strict';
// UDP across processes: cluster workers binding one address share the
// primary's socket, and a dgram.Socket sent to a forked child arrives
// bound and receiving.
const common = require('../common');
const { assert } = common;
const cluster = require('cluster');
const dgram = require('dgram');
const { fork } = require('child_process');

if (cluster.isWorker) {
  const socket = dgram.createSocket('udp4');
  socket.on('message', (msg, rinfo) => {
    socket.send(`${cluster.worker.id}:${msg}`, rinfo.port, rinfo.address);
  });
  socket.bind(0, '127.0.0.1');
  return;
}

if (process.argv[2] === 'child') {
  process.on('message', (msg, socket) => {
    assert.strictEqual(msg, 'take');
    assert.ok(socket instanceof dgram.Socket);
    socket.on('message', (data, rinfo) => {
      socket.send(`child:${data}`, rinfo.port, rinfo.address, () => {
        socket.close();
        process.disconnect();
      });
    });
    process.send('ready');
  });
  return;
}

const WORKERS = 2;
const DATAGRAMS = 20;
const ports = new Set();
let listening = 0;
cluster.on('listening', common.mustCall((worker, address) => {
  assert.strictEqual(address.addressType, 'udp4');
  ports.add(address.port);
  if (++listening === WORKERS) sendAll();
}, WORKERS));
for (let i = 0; i < WORKERS; i++) cluster.fork();

function sendAll() {
  assert.strictEqual(ports.size, 1, 'workers share one port');
  const [port] = ports;
  const client = dgram.createSocket('udp4');
  let replies = 0;
  client.on('message', (msg) => {
    assert.match(msg.toString(), /^[12]:\d+$/);
    if (++replies === DATAGRAMS) {
      client.close();
      cluster.disconnect(common.mustCall(sendToChild));
    }
  });
  for (let i = 0; i < DATAGRAMS; i++) client.send(`${i}`, port, '127.0.0.1');
}

function sendToChild() {
  const socket = dgram.createSocket('udp4');
  socket.bind(0, '127.0.0.1', common.mustCall(() => {
    const { port } = socket.address();
    const child = fork(__filename, ['child']);
    child.send('take', socket);
    child.on('message', common.mustCall((msg) => {
      assert.strictEqual(msg, 'ready');
      // The parent's copy may read too: stop it, so the child answers.
      socket.close();
      const client = dgram.createSocket('udp4');
      client.on('message', common.mustCall((reply) => {
        assert.strictEqual(reply.toString(), 'child:hello');
        client.close();
      }));
      client.send('hello', port, '127.0.0.1');
    }));
    child.on('exit', common.mustCall((code) => assert.strictEqual(code, 0)));
  }));
}
