'use strict';
// randomBytes, randomFill(Sync), randomInt, randomUUID, getRandomValues,
// the global `crypto` and timingSafeEqual: shapes, ranges and Node's
// argument errors.
const common = require('../common');
const { assert } = common;
const crypto = require('crypto');

const b = crypto.randomBytes(32);
assert(Buffer.isBuffer(b));
assert.strictEqual(b.length, 32);
assert.notDeepStrictEqual(b, crypto.randomBytes(32));
assert.strictEqual(crypto.randomBytes(0).length, 0);
assert.strictEqual(crypto.randomBytes(10.7).length, 10);
crypto.randomBytes(16, common.mustCall((err, buf) => {
  assert.strictEqual(err, null);
  assert.strictEqual(buf.length, 16);
}));
assert.throws(() => crypto.randomBytes(-1), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "size" is out of range. It must be >= 0 && <= ' +
           '2147483647. Received -1',
});
assert.throws(() => crypto.randomBytes('1'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "size" argument must be of type number. Received type ' +
           "string ('1')",
});

// Fills stay inside their range, in elements of the view.
{
  const u16 = new Uint16Array(10);
  crypto.randomFillSync(u16, 5, 5);
  assert.deepStrictEqual([...u16.subarray(0, 5)], [0, 0, 0, 0, 0]);
  const zeros = Buffer.alloc(64);
  const buf = Buffer.alloc(64);
  crypto.randomFillSync(buf, 8, 8);
  assert(buf.subarray(0, 8).equals(zeros.subarray(0, 8)));
  assert(buf.subarray(16).equals(zeros.subarray(16)));
  assert(!buf.subarray(8, 16).equals(zeros.subarray(0, 8)));
  assert.throws(() => crypto.randomFillSync(new Uint16Array(10), 5, 6), {
    code: 'ERR_OUT_OF_RANGE',
    message: 'The value of "size + offset" is out of range. It must be ' +
             '<= 20. Received 22',
  });
  assert.throws(() => crypto.randomFillSync(Buffer.alloc(4), 5), {
    message: 'The value of "offset" is out of range. It must be >= 0 && ' +
             '<= 4. Received 5',
  });
  assert.throws(() => crypto.randomFillSync(1), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "buf" argument must be an instance of ArrayBuffer or ' +
             'ArrayBufferView. Received type number (1)',
  });
  const u8 = new Uint8Array(32);
  crypto.randomFill(u8, 16, common.mustCall((err, out) => {
    assert.strictEqual(err, null);
    assert.strictEqual(out, u8);
    assert.deepStrictEqual([...u8.subarray(0, 16)], Array(16).fill(0));
    assert(u8.subarray(16).some((x) => x !== 0));
  }));
  const ab = new ArrayBuffer(8);
  crypto.randomFill(ab, common.mustCall((err, out) => {
    assert.strictEqual(err, null);
    assert.strictEqual(out, ab);
  }));
}

// randomInt: every value of a small range shows up, none outside it.
{
  const seen = new Set();
  for (let i = 0; i < 1000; i++) {
    const n = crypto.randomInt(-3, 3);
    assert(Number.isInteger(n) && n >= -3 && n < 3);
    seen.add(n);
  }
  assert.strictEqual(seen.size, 6);
  let pending = 50;
  for (let i = 0; i < 50; i++) {
    crypto.randomInt(5, common.mustCall((err, n) => {
      assert.ifError(err);
      assert(n >= 0 && n < 5);
      pending--;
    }));
  }
  process.on('exit', () => assert.strictEqual(pending, 0));
  assert.throws(() => crypto.randomInt(10, 5), {
    code: 'ERR_OUT_OF_RANGE',
    message: 'The value of "max" is out of range. It must be greater than ' +
             'the value of "min" (10). Received 5',
  });
  assert.throws(() => crypto.randomInt(2 ** 48), {
    message: 'The value of "max" is out of range. It must be <= ' +
             '281474976710655. Received 281_474_976_710_656',
  });
  assert.throws(() => crypto.randomInt(1.5), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "max" argument must be a safe integer. Received type ' +
             'number (1.5)',
  });
}

// randomUUID: version 4, variant 10xx, all different.
{
  const re = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  const all = new Set();
  for (let i = 0; i < 300; i++) {
    const u = crypto.randomUUID(i % 2 ? { disableEntropyCache: true } : {});
    assert.match(u, re);
    all.add(u);
  }
  assert.strictEqual(all.size, 300);
  assert.match(globalThis.crypto.randomUUID(), re);
}

// getRandomValues, on the module and the global.
{
  const a = new Uint32Array(8);
  assert.strictEqual(crypto.getRandomValues(a), a);
  assert(a.some((x) => x !== 0));
  assert.strictEqual(globalThis.crypto, crypto.webcrypto);
  assert.strictEqual(Object.prototype.toString.call(globalThis.crypto),
                     '[object Crypto]');
  assert.throws(() => globalThis.crypto.getRandomValues(new Float32Array(2)),
                { name: 'TypeMismatchError', code: 17 });
  assert.throws(() => crypto.getRandomValues(new Uint8Array(65537)), {
    name: 'QuotaExceededError',
    message: 'The requested length exceeds 65,536 bytes',
  });
  assert.throws(() => globalThis.crypto.getRandomValues.call({}, a), {
    code: 'ERR_INVALID_THIS',
  });
  assert.strictEqual(globalThis.crypto.getRandomValues(new Uint8Array(65536))
    .length, 65536);
}

// timingSafeEqual.
assert.strictEqual(crypto.timingSafeEqual(Buffer.from('abc'),
                                          Buffer.from('abc')), true);
assert.strictEqual(crypto.timingSafeEqual(new Uint8Array([1, 2]),
                                          new Uint8Array([1, 3])), false);
assert.throws(() => crypto.timingSafeEqual(Buffer.alloc(1), Buffer.alloc(2)), {
  name: 'RangeError', code: 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH',
  message: 'Input buffers must have the same byte length',
});
assert.throws(() => crypto.timingSafeEqual('a', 'b'), {
  name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "buf1" argument must be an instance of ArrayBuffer, ' +
           'Buffer, TypedArray, or DataView.',
});
