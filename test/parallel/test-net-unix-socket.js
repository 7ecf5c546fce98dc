'use strict';
// Unix domain sockets: listen(path), connect(path), data both ways,
// address() giving the path, connection errors naming the path, and the
// socket file removed when the server closes.
const common = require('../common');
const { assert } = common;
const net = require('net');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = path.join(os.tmpdir(), `noderun-net-unix-${process.pid}`);
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir);
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
const sockPath = path.join(dir, 'server.sock');

const server = net.createServer(common.mustCall((sock) => {
  // Pipes have no IP addresses.
  assert.strictEqual(sock.remoteAddress, undefined);
  assert.deepStrictEqual(sock.address(), {});
  sock.setEncoding('utf8');
  sock.on('data', (d) => sock.end(d.toUpperCase()));
}));

server.listen(sockPath, common.mustCall(() => {
  assert.strictEqual(server.address(), sockPath);
  assert.ok(fs.statSync(sockPath).isSocket());

  // The same path again: EADDRINUSE.
  const other = net.createServer();
  other.on('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'EADDRINUSE');
    assert.strictEqual(err.address, sockPath);
    assert.strictEqual(err.message,
                       `listen EADDRINUSE: address already in use ${sockPath}`);
  }));
  other.listen(sockPath);

  const c = net.createConnection({ path: sockPath }, common.mustCall(() => {
    c.write('hello pipe');
  }));
  let got = '';
  c.on('data', (d) => { got += d; });
  c.on('end', common.mustCall(() => {
    assert.strictEqual(got, 'HELLO PIPE');
    server.close(common.mustCall(() => {
      assert.strictEqual(fs.existsSync(sockPath), false);
    }));
  }));
}));

const missing = path.join(dir, 'missing.sock');
net.connect(missing).on('error', common.mustCall((err) => {
  assert.strictEqual(err.code, 'ENOENT');
  assert.strictEqual(err.syscall, 'connect');
  assert.strictEqual(err.address, missing);
  assert.strictEqual(err.message, `connect ENOENT ${missing}`);
}));
