'use strict';
// dns.Resolver on c-ares against a small DNS server on loopback
// (test/fixtures/dns/server.py): every record type, ttl, the promise
// Resolver, NXDOMAIN as ENOTFOUND, cancel(), servers that refuse, the
// server list and the argument checks.
const common = require('../common');
const { assert } = common;
const dns = require('dns');
const { spawn } = require('child_process');

const r = new dns.Resolver();
assert.throws(() => r.setServers(['x']), {
  code: 'ERR_INVALID_IP_ADDRESS', message: 'Invalid IP address: x',
});
assert.throws(() => r.setServers('x'), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => r.setServers([1]), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "servers[0]" argument must be of type string. ' +
           'Received type number (1)',
});
assert.throws(() => r.resolve('x', 'Q', () => {}), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'rrtype' is invalid. Received 'Q'",
});
assert.throws(() => r.resolve(1, () => {}), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => r.resolve4('x'), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => r.reverse('x', () => {}), {
  code: 'EINVAL', message: 'getHostByAddr EINVAL x',
});
assert.throws(() => new dns.Resolver({ timeout: -2 }), {
  code: 'ERR_OUT_OF_RANGE',
});
assert.throws(() => new dns.Resolver({ tries: 0 }), {
  code: 'ERR_OUT_OF_RANGE',
});

r.setServers(['1.2.3.4', '[::1]:54', '5.6.7.8:99', '::2', '[::3]']);
assert.deepStrictEqual(r.getServers(),
                       ['1.2.3.4', '[::1]:54', '5.6.7.8:99', '::2', '::3']);

// Local addresses: one of each family, in either order.
r.setLocalAddress('127.0.0.1');
r.setLocalAddress('::1', '127.0.0.1');
assert.throws(() => r.setLocalAddress('127.0.0.1', '127.0.0.2'), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: 'Cannot specify two IPv4 addresses.',
});
assert.throws(() => r.setLocalAddress('bad'), {
  code: 'ERR_INVALID_ARG_VALUE', message: 'Invalid IP address.',
});
assert.throws(() => r.setLocalAddress(), { code: 'ERR_INVALID_ARG_TYPE' });

// A port where nothing listens refuses at once.
const refused = new dns.Resolver({ timeout: 1000, tries: 1 });
refused.setServers(['127.0.0.1:1']);
refused.resolve4('localhost', common.mustCall((err) => {
  assert.strictEqual(err.code, 'ECONNREFUSED');
  assert.strictEqual(err.syscall, 'queryA');
  assert.strictEqual(err.hostname, 'localhost');
  assert.strictEqual(err.message, 'queryA ECONNREFUSED localhost');
}));

// cancel() fails what is in flight.
const cancelled = new dns.Resolver();
cancelled.setServers(['127.0.0.1:1']);
cancelled.resolveMx('localhost', common.mustCall((err) => {
  assert.strictEqual(err.code, 'ECANCELLED');
  assert.strictEqual(err.message, 'queryMx ECANCELLED localhost');
}));
// Servers cannot change under a query in flight...
assert.throws(() => cancelled.setServers(['127.0.0.1']), {
  code: 'ERR_DNS_SET_SERVERS_FAILED',
  message: 'c-ares failed to set servers: "There are pending queries." ' +
           "[[ '127.0.0.1' ]]",
});
cancelled.cancel();

// ...but dns.setServers() starts a new default resolver.
dns.setServers(['127.0.0.1:1']);
dns.resolve4('localhost', common.mustCall((err) => {
  assert.strictEqual(err.code, 'ECONNREFUSED');
}));
dns.setServers(['127.0.0.2']);
assert.deepStrictEqual(dns.getServers(), ['127.0.0.2']);
assert.deepStrictEqual(dns.promises.getServers(), ['127.0.0.2']);

// The loopback server.
const server = spawn('python3', [common.fixtures.path('dns', 'server.py')],
                     { stdio: ['pipe', 'pipe', 'inherit'] });
server.stdout.setEncoding('utf8');
server.stdout.once('data', common.mustCall((port) => {
  const res = new dns.Resolver();
  res.setServers([`127.0.0.1:${Number(port)}`]);
  assert.deepStrictEqual(res.getServers(), [`127.0.0.1:${Number(port)}`]);
  run(res, port).then(common.mustCall(() => server.stdin.end()));
}));

function call(res, method, ...args) {
  return new Promise((resolve, reject) => {
    res[method](...args, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

async function run(res, port) {
  assert.deepStrictEqual(await call(res, 'resolve4', 'localhost'),
                         ['127.0.0.1']);
  assert.deepStrictEqual(await call(res, 'resolve4', 'localhost',
                                    { ttl: true }),
                         [{ address: '127.0.0.1', ttl: 300 }]);
  assert.deepStrictEqual(await call(res, 'resolve6', 'localhost'), ['::1']);
  assert.deepStrictEqual(await call(res, 'resolve', 'localhost', 'AAAA'),
                         ['::1']);
  assert.deepStrictEqual(await call(res, 'resolveMx', 'localhost'), [
    { exchange: 'mail.localhost', priority: 10 },
    { exchange: 'mail2.localhost', priority: 20 },
  ]);
  assert.deepStrictEqual(await call(res, 'resolveTxt', 'localhost'),
                         [['v=spf1 -all'], ['part one', 'part two']]);
  assert.deepStrictEqual(await call(res, 'resolveNs', 'localhost'),
                         ['ns1.localhost']);
  assert.deepStrictEqual(await call(res, 'resolveSoa', 'localhost'), {
    nsname: 'ns1.localhost',
    hostmaster: 'admin.localhost',
    serial: 2024010101,
    refresh: 3600,
    retry: 600,
    expire: 86400,
    minttl: 300,
  });
  assert.deepStrictEqual(await call(res, 'resolveCaa', 'localhost'),
                         [{ critical: 0, issue: 'ca.localhost' }]);
  assert.deepStrictEqual(await call(res, 'resolveNaptr', 'localhost'), [{
    flags: 'S', service: 'SIP+D2U', regexp: '',
    replacement: '_sip._udp.localhost', order: 100, preference: 10,
  }]);
  assert.deepStrictEqual(await call(res, 'resolveSrv', '_sip._tcp.localhost'),
                         [{ name: 'sip.localhost', port: 5060, priority: 5,
                            weight: 7 }]);
  assert.deepStrictEqual(await call(res, 'resolveCname', 'alias.localhost'),
                         ['localhost']);
  assert.deepStrictEqual(await call(res, 'resolvePtr',
                                    '1.0.0.127.in-addr.arpa'),
                         ['localhost']);

  const any = await call(res, 'resolveAny', 'localhost');
  const types = any.map((r) => r.type).sort();
  assert.deepStrictEqual(types, ['A', 'AAAA', 'CAA', 'MX', 'MX', 'NAPTR',
                                 'NS', 'SOA', 'TXT', 'TXT']);
  assert.deepStrictEqual(any.find((r) => r.type === 'A'),
                         { type: 'A', address: '127.0.0.1', ttl: 300 });
  assert.deepStrictEqual(any.find((r) => r.type === 'NS'),
                         { type: 'NS', value: 'ns1.localhost' });
  assert.deepStrictEqual(any.filter((r) => r.type === 'TXT')[1],
                         { type: 'TXT', entries: ['part one', 'part two'] });

  await assert.rejects(call(res, 'resolve4', 'nothing.invalid'), {
    code: 'ENOTFOUND',
    syscall: 'queryA',
    hostname: 'nothing.invalid',
    message: 'queryA ENOTFOUND nothing.invalid',
  });
  // A name with no record of the type asked for.
  await assert.rejects(call(res, 'resolveSrv', 'localhost'), {
    code: 'ENODATA',
    syscall: 'querySrv',
  });

  // The promise Resolver and dns.promises.
  const pres = new dns.promises.Resolver();
  pres.setServers([`127.0.0.1:${Number(port)}`]);
  assert.deepStrictEqual(await pres.resolve4('localhost'), ['127.0.0.1']);
  assert.deepStrictEqual(await pres.resolve('localhost', 'NS'),
                         ['ns1.localhost']);
  await assert.rejects(pres.resolveTxt('nothing.invalid'), {
    code: 'ENOTFOUND', syscall: 'queryTxt',
  });
  assert.throws(() => pres.resolve4(5), { code: 'ERR_INVALID_ARG_TYPE' });
  // reverse() reads /etc/hosts first, as Node's does.
  assert.ok(Array.isArray(await pres.reverse('127.0.0.1')));
}
