'use strict';
// Symbol.dispose and Symbol.asyncDispose exist (V8 10.2 lacks them) and
// Node's objects implement them: timers clear, servers and sockets close,
// file handles close, child processes are killed.
const common = require('../common');
const { assert } = common;
const net = require('net');
const dgram = require('dgram');
const fs = require('fs');
const { spawn } = require('child_process');

for (const name of ['dispose', 'asyncDispose']) {
  const desc = Object.getOwnPropertyDescriptor(Symbol, name);
  assert.strictEqual(typeof desc.value, 'symbol');
  assert.strictEqual(desc.value.toString(), `Symbol(nodejs.${name})`);
  assert.strictEqual(desc.writable, false);
  assert.strictEqual(desc.configurable, false);
}

setTimeout(common.mustNotCall(), 1)[Symbol.dispose]();
setInterval(common.mustNotCall(), 1)[Symbol.dispose]();
setImmediate(common.mustNotCall())[Symbol.dispose]();

(async () => {
  const server = net.createServer().listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  server.on('close', common.mustCall());
  await server[Symbol.asyncDispose]();
  assert.strictEqual(server.listening, false);
  await server[Symbol.asyncDispose]();  // not listening: nothing to do

  const socket = dgram.createSocket('udp4');
  socket.bind(0);
  await new Promise((resolve) => socket.once('listening', resolve));
  socket.on('close', common.mustCall());
  await socket[Symbol.asyncDispose]();
  assert.throws(() => socket.address(),
                { code: 'ERR_SOCKET_DGRAM_NOT_RUNNING' });

  const handle = await fs.promises.open(__filename);
  await handle[Symbol.asyncDispose]();
  assert.strictEqual(handle.fd, -1);

  const child = spawn('sleep', ['10']);
  child.on('exit', common.mustCall((code, signal) => {
    assert.strictEqual(signal, 'SIGTERM');
  }));
  child[Symbol.dispose]();
  assert.strictEqual(child.killed, true);
})().then(common.mustCall());
