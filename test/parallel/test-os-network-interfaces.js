'use strict';
// os.networkInterfaces(): each interface's addresses, in Node's shape.
const { assert } = require('../common');
const fs = require('fs');
const os = require('os');

// The netmask as a string of 32 or 128 bits.
function maskBits(netmask, family) {
  if (family === 'IPv4') {
    return netmask.split('.')
      .map((n) => Number(n).toString(2).padStart(8, '0')).join('');
  }
  const [head, tail = ''] = netmask.split('::');
  const left = head.split(':').filter((g) => g !== '');
  const right = tail.split(':').filter((g) => g !== '');
  const zeros = netmask.includes('::') ? 8 - left.length - right.length : 0;
  const groups = [...left, ...new Array(zeros).fill('0'), ...right];
  return groups.map((g) => parseInt(g, 16).toString(2).padStart(16, '0'))
    .join('');
}

const interfaces = os.networkInterfaces();
assert.strictEqual(Object.getPrototypeOf(interfaces), Object.prototype);
let sawLoopback = false;
for (const [name, list] of Object.entries(interfaces)) {
  assert.ok(Array.isArray(list) && list.length > 0, name);
  for (const entry of list) {
    const keys = ['address', 'netmask', 'family', 'mac', 'internal', 'cidr'];
    if (entry.family === 'IPv6') keys.push('scopeid');
    assert.deepStrictEqual(Object.keys(entry), keys);
    assert.ok(entry.family === 'IPv4' || entry.family === 'IPv6');
    assert.match(entry.mac, /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
    assert.strictEqual(typeof entry.internal, 'boolean');
    if (entry.family === 'IPv4') {
      assert.match(entry.address, /^\d+\.\d+\.\d+\.\d+$/);
    } else {
      assert.ok(entry.address.includes(':'));
      assert.ok(Number.isInteger(entry.scopeid) && entry.scopeid >= 0);
    }
    const bits = maskBits(entry.netmask, entry.family);
    assert.strictEqual(bits.length, entry.family === 'IPv4' ? 32 : 128);
    if (/^1*0*$/.test(bits)) {
      const prefix = bits.indexOf('0') === -1 ? bits.length :
        bits.indexOf('0');
      assert.strictEqual(entry.cidr, `${entry.address}/${prefix}`);
    } else {
      assert.strictEqual(entry.cidr, null);
    }
    if (entry.address === '127.0.0.1') {
      sawLoopback = true;
      assert.strictEqual(entry.internal, true);
      assert.strictEqual(entry.mac, '00:00:00:00:00:00');
    }
  }
}

// Every interface that is up with an address appears, under its name.
const names = fs.readdirSync('/sys/class/net');
for (const name of Object.keys(interfaces)) {
  assert.ok(names.includes(name.split(':')[0]), name);
}
if (names.includes('lo') && interfaces.lo !== undefined) {
  assert.ok(sawLoopback || interfaces.lo.every((e) => e.family === 'IPv6'));
}

// A new object each call.
assert.notStrictEqual(os.networkInterfaces(), interfaces);
assert.deepStrictEqual(os.networkInterfaces(), interfaces);
