'use strict';
// process.exit() while a connect, a write, a listen, lookups and c-ares
// queries are in flight: teardown frees them all without calling back
// into JS (lookups finish on the threadpool after the engine is gone).
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
  const resolver = new dns.Resolver();
  resolver.setServers(['127.0.0.1:1']);
  resolver.resolve4('localhost', common.mustNotCall());
  resolver.reverse('127.0.0.1', common.mustNotCall());
  process.exit(0);
}));
