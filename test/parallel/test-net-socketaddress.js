'use strict';
// net.SocketAddress: defaults, normalized addresses, toJSON, inspect and
// the argument checks.
const common = require('../common');
const { assert } = common;
const net = require('net');
const util = require('util');

const d = new net.SocketAddress();
assert.deepStrictEqual(d.toJSON(), {
  address: '127.0.0.1', port: 0, family: 'ipv4', flowlabel: 0,
});
assert.strictEqual(JSON.stringify(d),
                   '{"address":"127.0.0.1","port":0,"family":"ipv4",' +
                   '"flowlabel":0}');

const v6 = new net.SocketAddress({ family: 'ipv6' });
assert.strictEqual(v6.address, '::');

const s = new net.SocketAddress({
  address: '0:0:0:0:0:0:0:1', port: 8080, family: 'ipv6', flowlabel: 7,
});
assert.strictEqual(s.address, '::1');
assert.strictEqual(s.port, 8080);
assert.strictEqual(s.family, 'ipv6');
assert.strictEqual(s.flowlabel, 7);
assert.strictEqual(util.inspect(s),
                   "SocketAddress { address: '::1', port: 8080, " +
                   "family: 'ipv6', flowlabel: 7 }");
assert.strictEqual(new net.SocketAddress({
  address: '1:0:0:1:0:0:0:1', family: 'ipv6',
}).address, '1:0:0:1::1');
assert.strictEqual(new net.SocketAddress({
  address: '::ffff:1.2.3.4', family: 'ipv6',
}).address, '::ffff:1.2.3.4');
assert.strictEqual(net.SocketAddress.isSocketAddress(s), true);
assert.strictEqual(net.SocketAddress.isSocketAddress({}), false);

assert.throws(() => new net.SocketAddress(1), {
  code: 'ERR_INVALID_ARG_TYPE',
});
assert.throws(() => new net.SocketAddress({ family: 'x' }), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The property 'options.family' is invalid. Received 'x'",
});
assert.throws(() => new net.SocketAddress({ port: -1 }), {
  code: 'ERR_SOCKET_BAD_PORT',
});
assert.throws(() => new net.SocketAddress({ flowlabel: -1 }), {
  code: 'ERR_OUT_OF_RANGE',
});
assert.throws(() => new net.SocketAddress({ address: 1 }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.address" property must be of type string. ' +
           'Received type number (1)',
});
assert.throws(() => new net.SocketAddress({ address: '1.2.3' }), {
  code: 'ERR_INVALID_ADDRESS',
});
assert.throws(() => new net.SocketAddress({ address: '::1' }), {
  code: 'ERR_INVALID_ADDRESS',
});
