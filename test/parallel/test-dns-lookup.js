'use strict';
// dns.lookup and dns.lookupService on the system resolver: localhost,
// numeric addresses (answered without a lookup), `.invalid` names
// (ENOTFOUND with hostname and syscall), the options and their checks,
// and the constants.
const common = require('../common');
const { assert } = common;
const dns = require('dns');
const net = require('net');

assert.strictEqual(typeof dns.ADDRCONFIG, 'number');
assert.strictEqual(typeof dns.V4MAPPED, 'number');
assert.strictEqual(typeof dns.ALL, 'number');
assert.strictEqual(dns.NOTFOUND, 'ENOTFOUND');
assert.strictEqual(dns.NODATA, 'ENODATA');
assert.strictEqual(dns.CANCELLED, 'ECANCELLED');
assert.strictEqual(dns.getDefaultResultOrder(), 'verbatim');

dns.lookup('localhost', common.mustCall((err, address, family) => {
  assert.ifError(err);
  assert.strictEqual(net.isIP(address), family);
  assert.ok(['127.0.0.1', '::1'].includes(address));
}));

dns.lookup('localhost', { all: true }, common.mustCall((err, list) => {
  assert.ifError(err);
  assert.ok(Array.isArray(list) && list.length > 0);
  for (const { address, family } of list) {
    assert.strictEqual(net.isIP(address), family);
  }
}));

dns.lookup('localhost', { family: 4, hints: dns.ADDRCONFIG },
           common.mustCall((err, address, family) => {
             assert.ifError(err);
             assert.strictEqual(address, '127.0.0.1');
             assert.strictEqual(family, 4);
           }));

dns.lookup('localhost', { family: 'IPv4', verbatim: false },
           common.mustCall((err, address, family) => {
             assert.ifError(err);
             assert.strictEqual(family, 4);
           }));

// Numeric addresses come back as they are, asynchronously.
let sync = true;
dns.lookup('1.2.3.4', common.mustCall((err, address, family) => {
  assert.strictEqual(sync, false);
  assert.strictEqual(address, '1.2.3.4');
  assert.strictEqual(family, 4);
}));
dns.lookup('::1', { all: true }, common.mustCall((err, list) => {
  assert.deepStrictEqual(list, [{ address: '::1', family: 6 }]);
}));
sync = false;

dns.lookup('nonexistent.invalid', common.mustCall((err, address) => {
  assert.strictEqual(err.code, 'ENOTFOUND');
  assert.strictEqual(err.errno, -3008);
  assert.strictEqual(err.syscall, 'getaddrinfo');
  assert.strictEqual(err.hostname, 'nonexistent.invalid');
  assert.strictEqual(err.message, 'getaddrinfo ENOTFOUND nonexistent.invalid');
  assert.strictEqual(address, undefined);
}));

dns.lookupService('127.0.0.1', 22, common.mustCall((err, host, service) => {
  assert.ifError(err);
  assert.strictEqual(typeof host, 'string');
  assert.ok(['ssh', '22'].includes(service));
}));

// Argument checks.
assert.throws(() => dns.lookup(1, common.mustNotCall()), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "hostname" argument must be of type string. ' +
           'Received type number (1)',
});
assert.throws(() => dns.lookup('localhost'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: /"callback" argument must be of type function/,
});
assert.throws(() => dns.lookup('localhost', { family: 5 }, () => {}), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The property 'options.family' must be one of: 0, 4, 6. " +
           'Received 5',
});
assert.throws(() => dns.lookup('localhost', 5, () => {}), {
  code: 'ERR_INVALID_ARG_VALUE',
});
assert.throws(() => dns.lookup('localhost', { hints: 1e6 }, () => {}), {
  code: 'ERR_INVALID_ARG_VALUE',
});
assert.throws(() => dns.lookup('localhost', { all: 1 }, () => {}), {
  code: 'ERR_INVALID_ARG_TYPE',
});
assert.throws(() => dns.lookup('localhost', 'x', () => {}), {
  code: 'ERR_INVALID_ARG_TYPE',
});
assert.throws(() => dns.lookupService('127.0.0.1', 80), {
  code: 'ERR_MISSING_ARGS',
});
assert.throws(() => dns.lookupService('x', 80, () => {}), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'address' is invalid. Received 'x'",
});
assert.throws(() => dns.lookupService('127.0.0.1', 'x', () => {}), {
  code: 'ERR_SOCKET_BAD_PORT',
});
assert.throws(() => dns.setDefaultResultOrder('x'), {
  code: 'ERR_INVALID_ARG_VALUE',
});
dns.setDefaultResultOrder('ipv4first');
assert.strictEqual(dns.getDefaultResultOrder(), 'ipv4first');
dns.setDefaultResultOrder('verbatim');
