// Flags: --expose-internals --no-warnings
'use strict';
// pbkdf2, scrypt and hkdf against published test vectors (RFC 6070,
// RFC 7914, RFC 5869), in both forms; Node's argument errors; and the
// callback forms really run on the threadpool (counted as crypto work).
const common = require('../common');
const { assert } = common;
const crypto = require('crypto');
// noderun counts threadpool work by kind (Node has no such binding).
const pool = process.versions.noderun ?
  require('internal/test/binding').internalBinding('threadpool') :
  { stats: () => ({ crypto: { completed: Infinity } }) };

const hex = (b) => Buffer.from(b).toString('hex');

// RFC 6070 (PBKDF2-HMAC-SHA1).
const pbkdf2Vectors = [
  ['password', 'salt', 1, 20, '0c60c80f961f0e71f3a9b524af6012062fe037a6'],
  ['password', 'salt', 2, 20, 'ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957'],
  ['password', 'salt', 4096, 20, '4b007901b765489abead49d926f721d065a429c1'],
  ['passwordPASSWORDpassword', 'saltSALTsaltSALTsaltSALTsaltSALTsalt', 4096,
   25, '3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038'],
  ['pass\0word', 'sa\0lt', 4096, 16, '56fa6aa75548099dcc37d7f03425e0c3'],
];
const before = pool.stats().crypto.completed;
for (const [p, s, i, len, want] of pbkdf2Vectors) {
  assert.strictEqual(crypto.pbkdf2Sync(p, s, i, len, 'sha1').toString('hex'),
                     want);
  crypto.pbkdf2(Buffer.from(p), Buffer.from(s), i, len, 'sha1',
                common.mustCall((err, key) => {
                  assert.strictEqual(err, null);
                  assert(Buffer.isBuffer(key));
                  assert.strictEqual(key.toString('hex'), want);
                }));
}
// Aliases and other digests resolve as in OpenSSL.
assert.strictEqual(
  crypto.pbkdf2Sync('password', 'salt', 1, 32, 'RSA-SHA256').toString('hex'),
  '120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b');
assert.strictEqual(crypto.pbkdf2Sync('a', 'b', 1, 0, 'sha256').length, 0);

assert.throws(() => crypto.pbkdf2Sync('a', 'b', 1, 10, 'nope'), {
  name: 'TypeError', code: 'ERR_CRYPTO_INVALID_DIGEST',
  message: 'Invalid digest: nope',
});
assert.throws(() => crypto.pbkdf2Sync('a', 'b', 0, 10, 'sha1'), {
  name: 'RangeError', code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "iterations" is out of range. It must be >= 1 && ' +
           '<= 2147483647. Received 0',
});
assert.throws(() => crypto.pbkdf2Sync(1, 'b', 1, 10, 'sha1'), {
  name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "password" argument must be of type string or an instance ' +
           'of ArrayBuffer, Buffer, TypedArray, or DataView. Received type ' +
           'number (1)',
});
assert.throws(() => crypto.pbkdf2Sync('a', 'b', 1, 10), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "digest" argument must be of type string. Received undefined',
});
assert.throws(() => crypto.pbkdf2('a', 'b', 1, 10, 'sha1'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "callback" argument must be of type function. Received ' +
           'undefined',
});

// RFC 7914, section 12 (the ones fast enough for a test).
assert.strictEqual(
  crypto.scryptSync('', '', 64, { N: 16, r: 1, p: 1 }).toString('hex'),
  '77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442' +
  'fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906');
const scrypt2 =
  'fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162' +
  '2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640';
assert.strictEqual(
  crypto.scryptSync('password', 'NaCl', 64,
                    { cost: 1024, blockSize: 8, parallelization: 16 })
    .toString('hex'), scrypt2);
crypto.scrypt('password', 'NaCl', 64, { N: 1024, r: 8, p: 16 },
              common.mustCall((err, key) => {
                assert.strictEqual(err, null);
                assert.strictEqual(key.toString('hex'), scrypt2);
              }));
crypto.scrypt('pw', 'salt', 16, common.mustCall((err, key) => {
  assert.strictEqual(err, null);
  assert.strictEqual(key.length, 16);
}));
assert.throws(() => crypto.scryptSync('a', 'b', 64, { N: 3 }), {
  name: 'RangeError', code: 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS',
  message: 'Invalid scrypt params',
});
// 2 ** 20 * 128 * 8 bytes is over the default maxmem of 32 MiB.
assert.throws(() => crypto.scryptSync('a', 'b', 64, { N: 2 ** 20 }), {
  code: 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS',
});
assert.throws(() => crypto.scryptSync('a', 'b', 64, { N: 16, cost: 16 }), {
  code: 'ERR_CRYPTO_SCRYPT_INVALID_PARAMETER',
  message: 'Invalid scrypt parameter',
});
assert.throws(() => crypto.scryptSync('a', 'b', 64, { maxmem: -1 }), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "maxmem" is out of range. It must be >= 0 && <= ' +
           '9007199254740991. Received -1',
});

// RFC 5869 test cases 1 and 3 (HKDF-SHA256).
const ikm = Buffer.alloc(22, 0x0b);
const okm1 = '3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf' +
             '34007208d5b887185865';
const r1 = crypto.hkdfSync('sha256', ikm, Buffer.from('000102030405060708090a0b0c', 'hex'),
                           Buffer.from('f0f1f2f3f4f5f6f7f8f9', 'hex'), 42);
assert(r1 instanceof ArrayBuffer);
assert.strictEqual(hex(r1), okm1);
assert.strictEqual(
  hex(crypto.hkdfSync('sha256', ikm, '', '', 42)),
  '8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d' +
  '9d201395faa4b61a96c8');
crypto.hkdf('sha256', crypto.createSecretKey(ikm),
            Buffer.from('000102030405060708090a0b0c', 'hex'),
            Buffer.from('f0f1f2f3f4f5f6f7f8f9', 'hex'), 42,
            common.mustCall((err, ab) => {
              assert.strictEqual(err, null);
              assert(ab instanceof ArrayBuffer);
              assert.strictEqual(hex(ab), okm1);
            }));
// An empty key and a zero length are legal.
assert.strictEqual(hex(crypto.hkdfSync('sha256', '', '', '', 10)),
                   'eb70f01dede9afafa449');
assert.strictEqual(crypto.hkdfSync('sha256', 'a', '', '', 0).byteLength, 0);
assert.throws(() => crypto.hkdfSync('sha256', 'a', '', '', 255 * 32 + 1), {
  name: 'RangeError', code: 'ERR_CRYPTO_INVALID_KEYLEN',
  message: 'Invalid key length',
});
assert.throws(() => crypto.hkdfSync('nope', 'a', '', '', 10), {
  code: 'ERR_CRYPTO_INVALID_DIGEST', message: 'Invalid digest: nope',
});
assert.throws(() => crypto.hkdfSync('sha256', 1, '', '', 10), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "ikm" argument must be of type string or an instance of ' +
           'SecretKeyObject, ArrayBuffer, TypedArray, DataView, or Buffer. ' +
           'Received type number (1)',
});

process.on('exit', () => {
  // 5 pbkdf2 + 2 scrypt + 1 hkdf went through the pool.
  if (process.versions.noderun)
    assert(pool.stats().crypto.completed - before >= 8);
});
