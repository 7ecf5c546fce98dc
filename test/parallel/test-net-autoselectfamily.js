'use strict';
// autoSelectFamily: with several addresses for a host, IPv6 and IPv4 take
// turns until one connects; the attempted addresses are recorded; when
// all fail the errors come together; without the option only the first
// address is tried.
const common = require('../common');
const { assert } = common;
const net = require('net');

assert.strictEqual(net.getDefaultAutoSelectFamily(), false);
assert.strictEqual(net.getDefaultAutoSelectFamilyAttemptTimeout(), 250);
assert.throws(() => net.setDefaultAutoSelectFamily(1), {
  code: 'ERR_INVALID_ARG_TYPE',
});
assert.throws(() => net.connect({ port: 1, autoSelectFamily: 1 }), {
  code: 'ERR_INVALID_ARG_TYPE',
});

// A lookup giving a refused IPv6 address before the listening IPv4 one.
function lookup(host, opts, cb) {
  assert.strictEqual(opts.all, true);
  cb(null, [{ address: '::1', family: 6 }, { address: '127.0.0.1', family: 4 }]);
}

const server = net.createServer((sock) => sock.end('ok'));
server.listen(0, '127.0.0.1', common.mustCall(() => {
  const { port } = server.address();
  const c = net.connect({ host: 'example.invalid', port, lookup,
                          autoSelectFamily: true });
  // Node 18 emits no 'lookup' event when it tries several addresses.
  c.on('lookup', common.mustNotCall());
  c.on('connect', common.mustCall(() => {
    assert.strictEqual(c.remoteAddress, '127.0.0.1');
    assert.deepStrictEqual(c.autoSelectFamilyAttemptedAddresses,
                           [`::1:${port}`, `127.0.0.1:${port}`]);
  }));
  let got = '';
  c.setEncoding('utf8');
  c.on('data', (d) => { got += d; });
  c.on('close', common.mustCall((hadError) => {
    assert.strictEqual(hadError, false);
    assert.strictEqual(got, 'ok');

    // Every address refused: both errors reported together.
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const closedPort = probe.address().port;
      probe.close(() => {
        const all = net.connect({ host: 'example.invalid', port: closedPort,
                                  lookup, autoSelectFamily: true });
        all.on('error', common.mustCall((err) => {
          assert.ok(err instanceof AggregateError);
          assert.strictEqual(err.code, 'ECONNREFUSED');
          assert.deepStrictEqual(err.errors.map((e) => e.address),
                                 ['::1', '127.0.0.1']);
          // Without the option, only the first address is tried.
          const one = net.connect({
            host: 'example.invalid', port, lookup: (h, o, cb) => {
              assert.strictEqual(o.all, undefined);
              cb(null, '::1', 6);
            },
          });
          one.on('error', common.mustCall((e) => {
            assert.strictEqual(e.code, 'ECONNREFUSED');
            assert.strictEqual(e.address, '::1');
            server.close();
          }));
        }));
      });
    });
  }));
}));
