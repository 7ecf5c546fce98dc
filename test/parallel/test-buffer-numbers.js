'use strict';
// Reading and writing numbers at every offset, and the errors for values
// and offsets out of range.
const { assert } = require('../common');
const { Buffer } = require('buffer');

// Each integer method against DataView, at every offset of a 12-byte buffer.
const buf = Buffer.alloc(12);
for (let i = 0; i < 12; i++) buf[i] = (i * 37 + 200) & 255;
const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
const methods = [
  ['UInt8', 1, 'getUint8'], ['Int8', 1, 'getInt8'],
  ['UInt16LE', 2, 'getUint16', true], ['UInt16BE', 2, 'getUint16', false],
  ['Int16LE', 2, 'getInt16', true], ['Int16BE', 2, 'getInt16', false],
  ['UInt32LE', 4, 'getUint32', true], ['UInt32BE', 4, 'getUint32', false],
  ['Int32LE', 4, 'getInt32', true], ['Int32BE', 4, 'getInt32', false],
  ['FloatLE', 4, 'getFloat32', true], ['FloatBE', 4, 'getFloat32', false],
  ['DoubleLE', 8, 'getFloat64', true], ['DoubleBE', 8, 'getFloat64', false],
  ['BigUInt64LE', 8, 'getBigUint64', true],
  ['BigUInt64BE', 8, 'getBigUint64', false],
  ['BigInt64LE', 8, 'getBigInt64', true],
  ['BigInt64BE', 8, 'getBigInt64', false],
];
for (const [name, size, get, le] of methods) {
  for (let off = 0; off + size <= 12; off++) {
    const got = buf[`read${name}`](off);
    assert.ok(Object.is(got, dv[get](off, le)), `read${name}(${off})`);
    const copy = Buffer.alloc(12);
    assert.strictEqual(copy[`write${name}`](got, off), off + size);
    assert.ok(copy.subarray(off, off + size)
      .equals(buf.subarray(off, off + size)), `write${name}(${off})`);
  }
  assert.throws(() => buf[`read${name}`](13 - size), {
    name: 'RangeError', code: 'ERR_OUT_OF_RANGE',
    message: 'The value of "offset" is out of range. It must be >= 0 and ' +
      `<= ${12 - size}. Received ${13 - size}`,
  });
}
for (let n = 1; n <= 6; n++) {
  for (let off = 0; off + n <= 12; off++) {
    for (const [r, w] of [['readUIntLE', 'writeUIntLE'],
      ['readUIntBE', 'writeUIntBE'], ['readIntLE', 'writeIntLE'],
      ['readIntBE', 'writeIntBE']]) {
      const v = buf[r](off, n);
      const copy = Buffer.alloc(12);
      assert.strictEqual(copy[w](v, off, n), off + n);
      assert.ok(copy.subarray(off, off + n).equals(buf.subarray(off, off + n)));
    }
  }
}
assert.strictEqual(Buffer.from([1, 2, 3, 4, 5, 0x86]).readIntLE(0, 6),
                   -0x79fafbfcfdff);
assert.strictEqual(Buffer.from('abc').readIntBE(1, 2), 25187);
assert.strictEqual(Buffer.from('abc').readUIntBE(0, 3), 6382179);
assert.strictEqual(buf.readUint8, buf.readUInt8);
assert.strictEqual(buf.writeBigUint64LE, buf.writeBigUInt64LE);

// Offsets.
const b = () => Buffer.from('abc');
const range = (name, r, v) => ({
  name: 'RangeError', code: 'ERR_OUT_OF_RANGE',
  message: `The value of "${name}" is out of range. It must be ${r}. ` +
    `Received ${v}`,
});
const oob = { name: 'RangeError', code: 'ERR_BUFFER_OUT_OF_BOUNDS',
              message: 'Attempt to access memory outside buffer bounds' };
assert.throws(() => b().readUInt8(3), range('offset', '>= 0 and <= 2', 3));
assert.throws(() => b().readUInt8(-1), range('offset', '>= 0 and <= 2', -1));
assert.throws(() => b().readUInt8(1.5), range('offset', 'an integer', 1.5));
assert.throws(() => b().readUInt8(NaN), range('offset', 'an integer', NaN));
assert.throws(() => b().readUInt8('1'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "offset" argument must be of type number. ' +
    "Received type string ('1')",
});
assert.throws(() => Buffer.alloc(1).readUInt16LE(0), oob);
assert.throws(() => b().readUIntLE(0, 4), oob);
assert.throws(() => b().readDoubleLE(0), oob);
assert.throws(() => b().readUIntLE(0, 7),
              range('byteLength', '>= 1 and <= 6', 7));
assert.throws(() => b().readUIntLE(0), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "byteLength" argument must be of type number. ' +
    'Received undefined',
});
assert.strictEqual(b().readUInt8(), 97);

// Values.
assert.throws(() => b().writeUInt8(256), range('value', '>= 0 and <= 255',
                                               256));
assert.throws(() => b().writeInt8(128), range('value', '>= -128 and <= 127',
                                              128));
assert.throws(() => b().writeUInt8(255.9),
              range('value', '>= 0 and <= 255', 255.9));
assert.throws(() => b().writeInt32LE(2 ** 31),
              range('value', '>= -2147483648 and <= 2147483647', 2 ** 31));
assert.throws(() => b().writeUIntLE(2 ** 24, 0, 3),
              range('value', '>= 0 and <= 16777215', 16777216));
assert.throws(() => b().writeIntBE(2 ** 47, 0, 6),
              range('value', '>= -(2 ** 47) and < 2 ** 47',
                    '140_737_488_355_328'));
assert.throws(() => Buffer.alloc(8).writeUIntBE(2 ** 48, 0, 6),
              range('value', '>= 0 and < 2 ** 48', '281_474_976_710_656'));
assert.throws(() => Buffer.alloc(8).writeBigInt64LE(2n ** 63n),
              range('value', '>= -(2n ** 63n) and < 2n ** 63n',
                    '9_223_372_036_854_775_808n'));
assert.throws(() => Buffer.alloc(8).writeBigUInt64LE(-1n),
              range('value', '>= 0n and < 2n ** 64n', '-1n'));
assert.throws(() => Buffer.alloc(8).writeBigUInt64LE(1), TypeError);
assert.throws(() => b().writeUInt8(1, 3), range('offset', '>= 0 and <= 2', 3));
assert.throws(() => Buffer.alloc(8).writeFloatLE(1, 5),
              range('offset', '>= 0 and <= 4', 5));
assert.strictEqual(b().writeUInt8(), 1);
assert.strictEqual(b().writeUInt16BE(0xffff, 1), 3);
const neg = Buffer.alloc(2);
neg.writeInt16LE(-1.5);
assert.strictEqual(neg.toString('hex'), 'ffff');
const n6 = Buffer.alloc(6);
n6.writeIntLE(-1.5, 0, 6);
assert.strictEqual(n6.toString('hex'), 'ffffffffffff');

// swap
assert.strictEqual(Buffer.from('0102030405060708', 'hex').swap16()
  .toString('hex'), '0201040306050807');
assert.strictEqual(Buffer.from('0102030405060708', 'hex').swap32()
  .toString('hex'), '0403020108070605');
assert.strictEqual(Buffer.from('0102030405060708', 'hex').swap64()
  .toString('hex'), '0807060504030201');
for (const [m, bits] of [['swap16', 16], ['swap32', 32], ['swap64', 64]]) {
  assert.throws(() => b()[m](), {
    name: 'RangeError', code: 'ERR_INVALID_BUFFER_SIZE',
    message: `Buffer size must be a multiple of ${bits}-bits`,
  });
}
