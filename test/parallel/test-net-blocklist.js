'use strict';
// net.BlockList: addresses, ranges and subnets in both families, IPv4
// addresses seen as IPv4-mapped IPv6 and back, SocketAddress arguments,
// the rules list and the argument checks.
const common = require('../common');
const { assert } = common;
const net = require('net');
const util = require('util');

const list = new net.BlockList();
list.addAddress('123.123.123.123');
list.addRange('10.0.0.1', '10.0.0.10');
list.addSubnet('8592:757c:efae:4e45::', 64, 'ipv6');
list.addSubnet('192.168.0.0', 16);
list.addAddress('0:0:0:0:0:0:0:1', 'ipv6');

assert.strictEqual(list.check('123.123.123.123'), true);
assert.strictEqual(list.check('10.0.0.3'), true);
assert.strictEqual(list.check('10.0.0.1'), true);
assert.strictEqual(list.check('10.0.0.10'), true);
assert.strictEqual(list.check('10.0.0.11'), false);
assert.strictEqual(list.check('222.111.111.222'), false);
assert.strictEqual(list.check('192.168.200.1'), true);
assert.strictEqual(list.check('192.169.0.1'), false);
assert.strictEqual(list.check('8592:757c:efae:4e45:1::1', 'ipv6'), true);
assert.strictEqual(list.check('8592:757c:efae:4e46::1', 'ipv6'), false);
assert.strictEqual(list.check('::1', 'ipv6'), true);
assert.strictEqual(list.check('::1', 'IPv6'), true);
// IPv4 rules match IPv4-mapped IPv6 addresses.
assert.strictEqual(list.check('::ffff:7b7b:7b7b', 'ipv6'), true);
assert.strictEqual(list.check('::ffff:123.123.123.123', 'ipv6'), true);
assert.strictEqual(list.check('::ffff:10.0.0.5', 'ipv6'), true);
// An unparsable address is simply not in the list.
assert.strictEqual(list.check('nope'), false);
assert.strictEqual(list.check('::1'), false);

assert.deepStrictEqual(list.rules, [
  'Address: IPv6 ::1',
  'Subnet: IPv4 192.168.0.0/16',
  'Subnet: IPv6 8592:757c:efae:4e45::/64',
  'Range: IPv4 10.0.0.1-10.0.0.10',
  'Address: IPv4 123.123.123.123',
]);
assert.match(util.inspect(list), /^BlockList \{\s+rules: \[/);

// An IPv6 rule for a mapped address matches the plain IPv4 address.
const mapped = new net.BlockList();
mapped.addAddress('::ffff:2.2.2.2', 'ipv6');
assert.strictEqual(mapped.check('2.2.2.2'), true);
assert.strictEqual(mapped.check('2.2.2.3'), false);

// SocketAddress arguments.
const sa = new net.SocketAddress({ address: '1.1.1.1' });
const withSa = new net.BlockList();
withSa.addAddress(sa);
withSa.addSubnet(new net.SocketAddress({ address: 'fe80::', family: 'ipv6' }),
                 10);
assert.strictEqual(withSa.check(sa), true);
assert.strictEqual(withSa.check('fe80::1', 'ipv6'), true);
assert.deepStrictEqual(withSa.rules, ['Subnet: IPv6 fe80::/10',
                                      'Address: IPv4 1.1.1.1']);

// Argument checks.
const b = new net.BlockList();
assert.throws(() => b.addAddress('x'), {
  code: 'ERR_INVALID_ADDRESS', message: 'Invalid socket address',
});
assert.throws(() => b.addAddress(1), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => b.addAddress('1.2.3.4', 'ipv7'), {
  code: 'ERR_INVALID_ARG_VALUE',
});
assert.throws(() => b.addSubnet('1.2.3.4', 33), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "prefix" is out of range. It must be >= 0 && <= 32.' +
           ' Received 33',
});
assert.throws(() => b.addSubnet('::', 129, 'ipv6'), {
  code: 'ERR_OUT_OF_RANGE',
});
assert.throws(() => b.addSubnet('1.2.3.4', 'x'), {
  code: 'ERR_INVALID_ARG_TYPE',
});
assert.throws(() => b.addRange('1.2.3.5', '1.2.3.4'), {
  code: 'ERR_INVALID_ARG_VALUE',
});
assert.throws(() => b.check(1), { code: 'ERR_INVALID_ARG_TYPE' });
assert.deepStrictEqual(b.rules, []);
