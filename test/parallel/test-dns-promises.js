'use strict';
// dns.promises and dns/promises: the same object; lookup and
// lookupService resolve to objects, failures reject with the same errors
// as the callback forms, bad arguments throw at once.
const common = require('../common');
const { assert } = common;
const dns = require('dns');
const dnsPromises = require('dns/promises');

assert.strictEqual(dns.promises, dnsPromises);
assert.strictEqual(dnsPromises.NOTFOUND, 'ENOTFOUND');

(async () => {
  const one = await dnsPromises.lookup('localhost', { family: 4 });
  assert.deepStrictEqual(one, { address: '127.0.0.1', family: 4 });
  const all = await dnsPromises.lookup('127.0.0.1', { all: true });
  assert.deepStrictEqual(all, [{ address: '127.0.0.1', family: 4 }]);
  const numeric = await dnsPromises.lookup('::1');
  assert.deepStrictEqual(numeric, { address: '::1', family: 6 });

  await assert.rejects(dnsPromises.lookup('nothing-here.invalid'), {
    code: 'ENOTFOUND',
    syscall: 'getaddrinfo',
    hostname: 'nothing-here.invalid',
  });

  const svc = await dnsPromises.lookupService('127.0.0.1', 80);
  assert.ok(['http', '80'].includes(svc.service));
  assert.strictEqual(typeof svc.hostname, 'string');

  assert.throws(() => dnsPromises.lookup(5), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => dnsPromises.lookup('x', { family: 3 }), {
    code: 'ERR_INVALID_ARG_VALUE',
  });
  assert.throws(() => dnsPromises.lookupService('127.0.0.1'), {
    code: 'ERR_MISSING_ARGS',
    message: 'The "address" and "port" arguments must be specified',
  });
})().then(common.mustCall());
