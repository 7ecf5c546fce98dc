'use strict';
// process.exit() while a connect, a write, a listen and lookups are in
// flight: teardown frees them all without calling back into JS (the
// lookups finish on the threadpool after the JS engine is gone).
const common = require('../common');
const net = require('net');
const dns = require('dns');

const server = net.createServer((sock) => {
  sock.write(Buffer.alloc(4 * 1024 * 1024));
});
server.listen(0, '127.0.0.1', common.mustCall(() => {
  const c = net.connect(server.address().port, '127.0.0.1');
  c.write(Buffer.alloc(4 * 1024 * 1024));
  c.pause();
  dns.lookup('localhost', common.mustNotCall());
  dns.lookup('no-such-host.invalid', common.mustNotCall());
  dns.lookupService('127.0.0.1', 80, common.mustNotCall());
  process.exit(0);
}));
