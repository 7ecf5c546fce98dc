'use strict';
// tls.checkServerIdentity on its own: DNS and IP altnames, wildcards, the
// CN fallback, and Node's reasons when a name does not match.

require('../common');
const assert = require('assert');
const tls = require('tls');

const check = tls.checkServerIdentity;
const ok = (host, cert) => assert.strictEqual(check(host, cert), undefined,
                                              `${host} should match`);
function bad(host, cert, reason) {
  const err = check(host, cert);
  assert(err instanceof Error, `${host} should not match`);
  assert.strictEqual(err.code, 'ERR_TLS_CERT_ALTNAME_INVALID');
  assert.strictEqual(err.reason, reason);
  assert.strictEqual(err.host, host);
  assert.strictEqual(err.message,
                     `Hostname/IP does not match certificate's altnames: ${reason}`);
}

const san = (s) => ({ subject: { CN: 'ignored.example' }, subjectaltname: s });

ok('a.com', san('DNS:a.com'));
ok('A.COM', san('DNS:a.com'));
ok('a.com.', san('DNS:a.com'));
ok('b.a.com', san('DNS:*.a.com'));
ok('foo.a.com', san('DNS:f*.a.com'));
bad('a.com', san('DNS:*.a.com'),
    "Host: a.com. is not in the cert's altnames: DNS:*.a.com");
bad('c.b.a.com', san('DNS:*.a.com'),
    "Host: c.b.a.com. is not in the cert's altnames: DNS:*.a.com");
// A wildcard needs at least three labels.
bad('a.com', san('DNS:*.com'),
    "Host: a.com. is not in the cert's altnames: DNS:*.com");
ok('b.com', san('DNS:a.com, DNS:b.com'));
bad('ignored.example', san('DNS:a.com'),
    "Host: ignored.example. is not in the cert's altnames: DNS:a.com");

// IP addresses match IP entries only.
ok('127.0.0.1', san('DNS:localhost, IP Address:127.0.0.1'));
bad('127.0.0.2', san('DNS:127.0.0.2, IP Address:127.0.0.1'),
    "IP: 127.0.0.2 is not in the cert's list: 127.0.0.1");

// No DNS altnames: the subject's CN decides.
ok('a.com', { subject: { CN: 'a.com' } });
ok('x.a.com', { subject: { CN: '*.a.com' } });
ok('b.com', { subject: { CN: ['a.com', 'b.com'] } });
bad('b.com', { subject: { CN: 'a.com' } }, "Host: b.com. is not cert's CN: a.com");
bad('b.com', { subject: {} }, 'Cert does not contain a DNS name');
bad('b.com', {}, 'Cert does not contain a DNS name');
bad('b.com', { subject: { CN: 'x' }, subjectaltname: 'IP Address:1.2.3.4' },
    "Host: b.com. is not cert's CN: x");
