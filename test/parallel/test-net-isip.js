'use strict';
// net.isIP / isIPv4 / isIPv6 on valid and invalid addresses.
const common = require('../common');
const { assert } = common;
const net = require('net');

const v4 = ['127.0.0.1', '0.0.0.0', '255.255.255.255', '1.2.3.4', '10.0.0.10'];
const v6 = ['::', '::1', 'fe80::1', '2001:db8::ff00:42:8329',
  '2001:0db8:0000:0000:0000:ff00:0042:8329', '::ffff:127.0.0.1',
  '1:2:3:4:5:6:7:8', '1::', '1:2:3:4:5:6::8', '::2:3:4:5:6:7:8',
  'fe80::1%eth0', 'fe80::1%1', '1:2:3:4:5:6:1.2.3.4', 'ABCD::EF'];
const bad = ['', 'x', '1.2.3', '1.2.3.4.5', '256.1.1.1', '01.2.3.4',
  '1.2.3.-4', ' 1.2.3.4', '1.2.3.4 ', ':::', '1:2:3:4:5:6:7:8:9',
  '1::2::3', '12345::', 'g::', '::1.2.3', ':1', '1:', '1:2:3:4:5:6:7',
  '::ffff:256.0.0.1', 'fe80::1%', 'localhost', '1.2.3.4%eth0'];

for (const a of v4) {
  assert.strictEqual(net.isIP(a), 4, a);
  assert.strictEqual(net.isIPv4(a), true, a);
  assert.strictEqual(net.isIPv6(a), false, a);
}
for (const a of v6) {
  assert.strictEqual(net.isIP(a), 6, a);
  assert.strictEqual(net.isIPv6(a), true, a);
  assert.strictEqual(net.isIPv4(a), false, a);
}
for (const a of bad) {
  assert.strictEqual(net.isIP(a), 0, a);
  assert.strictEqual(net.isIPv4(a), false, a);
  assert.strictEqual(net.isIPv6(a), false, a);
}
// Non-strings are coerced as Node does.
assert.strictEqual(net.isIP(undefined), 0);
assert.strictEqual(net.isIP(null), 0);
assert.strictEqual(net.isIP(123), 0);
assert.strictEqual(net.isIP({ toString: () => '1.2.3.4' }), 4);
