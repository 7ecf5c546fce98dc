'use strict';
// perf_hooks 'net' and 'dns' entries: connect, lookup and lookupService,
// with Node's detail; and the options net.connect gives its lookup.

const common = require('../common');
const assert = require('assert');
const dns = require('dns');
const net = require('net');
const { PerformanceObserver } = require('perf_hooks');

const entries = [];
let port;
const allIn = common.mustCall(() => check(port));
const obs = new PerformanceObserver((list) => {
  entries.push(...list.getEntries());
  const names = new Set(entries.map((e) => e.name));
  if (names.has('connect') && names.has('lookup') &&
      names.has('lookupService')) {
    allIn();
  }
});
obs.observe({ entryTypes: ['net', 'dns'] });

const server = net.createServer((s) => s.end());
server.listen(0, '127.0.0.1', common.mustCall(() => {
  port = server.address().port;
  const lookup = common.mustCall((host, options, cb) => {
    // Node 18 passes the family asked for and adds no hint of its own.
    assert.deepStrictEqual({ ...options }, { family: 4, hints: 0 });
    dns.lookup(host, options, cb);
  });
  const c = net.connect({ port, host: 'localhost', lookup, family: 4 }, () => {
    c.end();
    dns.lookupService('127.0.0.1', port, common.mustCall(() => {
      server.close();
    }));
  });
  c.resume();
}));

function check(port) {
  obs.disconnect();
  const byName = (n) => entries.filter((e) => e.name === n);
  const [lookup] = byName('lookup');
  assert.strictEqual(lookup.entryType, 'dns');
  assert.strictEqual(lookup.detail.hostname, 'localhost');
  assert.ok(lookup.detail.addresses.includes('127.0.0.1'));
  assert.deepStrictEqual(Object.keys(lookup.detail),
                         ['hostname', 'family', 'hints', 'verbatim',
                          'addresses']);
  const [connect] = byName('connect');
  assert.strictEqual(connect.entryType, 'net');
  assert.deepStrictEqual(connect.detail, { host: '127.0.0.1', port });
  assert.ok(connect.duration >= 0);
  const [service] = byName('lookupService');
  assert.strictEqual(service.entryType, 'dns');
  assert.deepStrictEqual(Object.keys(service.detail),
                         ['host', 'port', 'hostname', 'service']);
  assert.strictEqual(service.detail.host, '127.0.0.1');
  assert.strictEqual(service.detail.port, port);
}
