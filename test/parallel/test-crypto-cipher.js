'use strict';
// createCipheriv / createDecipheriv against NIST SP 800-38A (CBC, CTR, ECB,
// OFB, CFB), the GCM specification's test cases, SP 800-38C (CCM) and
// RFC 8439 (ChaCha20-Poly1305); padding, encodings, the AEAD state rules,
// Node's errors, and the stream interface.
const common = require('../common');
const { assert } = common;
const crypto = require('crypto');

const H = (s) => Buffer.from(s, 'hex');
const k128 = H('2b7e151628aed2a6abf7158809cf4f3c');
const k256 = H('603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4');
const iv = H('000102030405060708090a0b0c0d0e0f');
const p1 = H('6bc1bee22e409f96e93d7e117393172a');

function enc(alg, key, ivec, data, pad = true) {
  const c = crypto.createCipheriv(alg, key, ivec).setAutoPadding(pad);
  return Buffer.concat([c.update(data), c.final()]).toString('hex');
}
function dec(alg, key, ivec, hex, pad = true) {
  const d = crypto.createDecipheriv(alg, key, ivec).setAutoPadding(pad);
  return Buffer.concat([d.update(hex, 'hex'), d.final()]);
}

// SP 800-38A, first block of each mode.
const sp800_38a = [
  ['aes-128-ecb', k128, null, '3ad77bb40d7a3660a89ecaf32466ef97'],
  ['aes-128-cbc', k128, iv, '7649abac8119b246cee98e9b12e9197d'],
  ['aes-256-cbc', k256, iv, 'f58c4c04d6e5f1ba779eabfb5f7bfbd6'],
  ['aes-128-ofb', k128, iv, '3b3fd92eb72dad20333449f8e83cfb4a'],
  ['aes-128-cfb', k128, iv, '3b3fd92eb72dad20333449f8e83cfb4a'],
  ['aes-128-ctr', k128, H('f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff'),
   '874d6191b620e3261bef6864990db6ce'],
];
for (const [alg, key, ivec, want] of sp800_38a) {
  assert.strictEqual(enc(alg, key, ivec, p1, false), want, alg);
  assert.deepStrictEqual(dec(alg, key, ivec, want, false), p1, alg);
}
// RFC 3394 key wrap, and wrap with padding (output longer than a block
// past the input).
{
  const w = crypto.createCipheriv('id-aes128-wrap',
                                  H('000102030405060708090a0b0c0d0e0f'),
                                  H('a6a6a6a6a6a6a6a6'));
  assert.strictEqual(w.update(H('00112233445566778899aabbccddeeff'), null,
                              'hex') + w.final('hex'),
                     '1fa68b0a8112b447aef34bd8fb5a7b829d3e862371d2cfe5');
  const p = crypto.createCipheriv('id-aes128-wrap-pad', Buffer.alloc(16, 1),
                                  H('a65959a6'));
  const out = Buffer.concat([p.update(Buffer.alloc(20, 2)), p.final()]);
  assert.strictEqual(out.length, 32);
  const u = crypto.createDecipheriv('id-aes128-wrap-pad', Buffer.alloc(16, 1),
                                    H('a65959a6'));
  assert.deepStrictEqual(Buffer.concat([u.update(out), u.final()]),
                         Buffer.alloc(20, 2));
}

// PKCS#7 padding: a full block of padding after a whole block.
assert.strictEqual(enc('aes-128-cbc', k128, iv, p1).length, 64);
assert.strictEqual(enc('aes-192-cbc', Buffer.alloc(24), iv, '').length, 32);
assert.deepStrictEqual(dec('aes-128-cbc', k128, iv,
                           enc('aes-128-cbc', k128, iv, 'hello')),
                       Buffer.from('hello'));

// Strings in and out, a character split between updates stays whole.
{
  const text = 'héllo wörld, ☃ and more';
  const c = crypto.createCipheriv('aes-256-cbc', k256, iv);
  const b64 = c.update(text, 'utf8', 'base64') + c.final('base64');
  const d = crypto.createDecipheriv('aes-256-cbc', k256, iv);
  assert.strictEqual(d.update(b64, 'base64', 'utf8') + d.final('utf8'), text);
  const ct = crypto.createCipheriv('aes-128-ctr', k128, iv).update('☃');
  const dd = crypto.createDecipheriv('aes-128-ctr', k128, iv);
  assert.strictEqual(dd.update(ct.subarray(0, 1), 'buffer', 'utf8') +
                     dd.update(ct.subarray(1), 'buffer', 'utf8') +
                     dd.final('utf8'), '☃');
  assert.strictEqual(
    crypto.createCipheriv('aes-128-cbc', 'aaaaaaaaaaaaaaaa',
                          'bbbbbbbbbbbbbbbb').update('x', 'utf8', 'hex'), '');
}

// Decryption failures.
assert.throws(() => dec('aes-128-cbc', k128, iv, '00'.repeat(16)), {
  name: 'Error', code: 'ERR_OSSL_BAD_DECRYPT', library: 'Provider routines',
  reason: 'bad decrypt',
  message: 'error:1C800064:Provider routines::bad decrypt',
});
assert.throws(() => enc('aes-128-cbc', k128, iv, 'abc', false), {
  code: 'ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH',
});

// GCM specification, test cases 2 and 4.
{
  const c = crypto.createCipheriv('aes-128-gcm', Buffer.alloc(16),
                                  Buffer.alloc(12));
  assert.strictEqual(c.update(Buffer.alloc(16), null, 'hex') + c.final('hex'),
                     '0388dace60b6a392f328c2b971b2fe78');
  assert.strictEqual(c.getAuthTag().toString('hex'),
                     'ab6e47d42cec13bdf53a67b21257bddf');

  const key = H('feffe9928665731c6d6a8f9467308308');
  const nonce = H('cafebabefacedbaddecaf888');
  const aad = H('feedfacedeadbeeffeedfacedeadbeefabaddad2');
  const plain = H('d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d' +
                  '8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657' +
                  'ba637b39');
  const ct = '42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca1' +
             '2e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091';
  const tag = '5bc94fbc3221a5db94fae95ae7121a47';
  const e = crypto.createCipheriv('aes-128-gcm', key, nonce);
  e.setAAD(aad);
  assert.strictEqual(e.update(plain, null, 'hex') + e.final('hex'), ct);
  assert.strictEqual(e.getAuthTag().toString('hex'), tag);
  assert.strictEqual(e.getAuthTag().toString('hex'), tag);
  const d = crypto.createDecipheriv('aes-128-gcm', key, nonce);
  d.setAAD(aad).setAuthTag(H(tag));
  assert.deepStrictEqual(Buffer.concat([d.update(ct, 'hex'), d.final()]),
                         plain);
  // A wrong tag, wrong AAD or no tag at all fail to authenticate.
  for (const setup of [
    (x) => x.setAAD(aad).setAuthTag(Buffer.alloc(16)),
    (x) => x.setAAD(Buffer.from('x')).setAuthTag(H(tag)),
    (x) => x.setAAD(aad),
  ]) {
    const bad = crypto.createDecipheriv('aes-128-gcm', key, nonce);
    setup(bad);
    bad.update(ct, 'hex');
    assert.throws(() => bad.final(), {
      name: 'Error',
      message: 'Unsupported state or unable to authenticate data',
    });
  }
  // A shorter tag when asked for, and only that length back.
  const s = crypto.createCipheriv('aes-128-gcm', key, nonce,
                                  { authTagLength: 8 });
  s.setAAD(aad);
  s.update(plain);
  s.final();
  assert.strictEqual(s.getAuthTag().toString('hex'), tag.slice(0, 16));
  const sd = crypto.createDecipheriv('aes-128-gcm', key, nonce,
                                     { authTagLength: 8 });
  assert.throws(() => sd.setAuthTag(H(tag)), {
    name: 'TypeError', code: 'ERR_CRYPTO_INVALID_AUTH_TAG',
    message: 'Invalid authentication tag length: 16',
  });
}

// SP 800-38C example 1 (CCM, 4-byte tag, 7-byte nonce).
{
  const key = H('404142434445464748494a4b4c4d4e4f');
  const nonce = H('10111213141516');
  const aad = H('0001020304050607');
  const c = crypto.createCipheriv('aes-128-ccm', key, nonce,
                                  { authTagLength: 4 });
  c.setAAD(aad, { plaintextLength: 4 });
  assert.strictEqual(c.update(H('20212223'), null, 'hex'), '7162015b');
  c.final();
  assert.strictEqual(c.getAuthTag().toString('hex'), '4dac255d');
  const d = crypto.createDecipheriv('aes-128-ccm', key, nonce,
                                    { authTagLength: 4 });
  d.setAuthTag(H('4dac255d'));
  d.setAAD(aad, { plaintextLength: 4 });
  assert.strictEqual(d.update(H('7162015b')).toString('hex'), '20212223');
  d.final();
  const bad = crypto.createDecipheriv('aes-128-ccm', key, nonce,
                                      { authTagLength: 4 });
  bad.setAuthTag(H('4dac255e'));
  bad.setAAD(aad, { plaintextLength: 4 });
  assert.strictEqual(bad.update(H('7162015b')).length, 0);
  assert.throws(() => bad.final(), {
    message: 'Unsupported state or unable to authenticate data',
  });
  assert.throws(() => crypto.createCipheriv('aes-128-ccm', key, nonce), {
    name: 'TypeError', code: 'ERR_CRYPTO_INVALID_AUTH_TAG',
    message: 'authTagLength required for aes-128-ccm',
  });
  assert.throws(() => crypto.createCipheriv('aes-128-ccm', key, nonce,
                                            { authTagLength: 16 })
    .setAAD(aad), {
    name: 'TypeError', code: 'ERR_MISSING_ARGS',
    message: 'options.plaintextLength required for CCM mode with AAD',
  });
}

// RFC 8439, section 2.8.2 (ChaCha20-Poly1305).
{
  const key = H('808182838485868788898a8b8c8d8e8f' +
                '909192939495969798999a9b9c9d9e9f');
  const nonce = H('070000004041424344454647');
  const aad = H('50515253c0c1c2c3c4c5c6c7');
  const text = 'Ladies and Gentlemen of the class of \'99: If I could ' +
               'offer you only one tip for the future, sunscreen would be it.';
  const c = crypto.createCipheriv('chacha20-poly1305', key, nonce,
                                  { authTagLength: 16 });
  c.setAAD(aad);
  const ct = c.update(text, 'utf8', 'hex') + c.final('hex');
  assert.strictEqual(ct.slice(0, 32), 'd31a8d34648e60db7b86afbc53ef7ec2');
  assert.strictEqual(ct.length, text.length * 2);
  assert.strictEqual(c.getAuthTag().toString('hex'),
                     '1ae10b594f09e26a7e902ecbd0600691');
  const d = crypto.createDecipheriv('chacha20-poly1305', key, nonce,
                                    { authTagLength: 16 });
  d.setAAD(aad);
  d.setAuthTag(H('1ae10b594f09e26a7e902ecbd0600691'));
  assert.strictEqual(d.update(ct, 'hex', 'utf8') + d.final('utf8'), text);
}

// Argument and state errors, as Node reports them.
{
  const key = Buffer.alloc(16);
  assert.throws(() => crypto.createCipheriv('aes-128-cbc', Buffer.alloc(15),
                                            iv), {
    name: 'RangeError', code: 'ERR_CRYPTO_INVALID_KEYLEN',
    message: 'Invalid key length',
  });
  for (const bad of [Buffer.alloc(15), null]) {
    assert.throws(() => crypto.createCipheriv('aes-128-cbc', key, bad), {
      name: 'TypeError', code: 'ERR_CRYPTO_INVALID_IV',
      message: 'Invalid initialization vector',
    });
  }
  assert.throws(() => crypto.createCipheriv('aes-128-ecb', key, iv), {
    code: 'ERR_CRYPTO_INVALID_IV',
  });
  assert.throws(() => crypto.createCipheriv('aes-128-gcm', key,
                                            Buffer.alloc(0)), {
    code: 'ERR_CRYPTO_INVALID_IV',
  });
  assert.throws(() => crypto.createCipheriv('aes-128-nope', key, iv), {
    name: 'Error', code: 'ERR_CRYPTO_UNKNOWN_CIPHER', message: 'Unknown cipher',
  });
  assert.throws(() => crypto.createCipheriv(1, key, iv), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "cipher" argument must be of type string. Received type ' +
             'number (1)',
  });
  assert.throws(() => crypto.createCipheriv('aes-128-cbc', key, 1), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "iv" argument must be of type string or an instance of ' +
             'ArrayBuffer, Buffer, TypedArray, or DataView. Received type ' +
             'number (1)',
  });
  assert.throws(() => crypto.createCipheriv('aes-128-gcm', key,
                                            Buffer.alloc(12),
                                            { authTagLength: 3 }), {
    code: 'ERR_CRYPTO_INVALID_AUTH_TAG',
    message: 'Invalid authentication tag length: 3',
  });
  const state = (op) => ({ code: 'ERR_CRYPTO_INVALID_STATE',
                           message: `Invalid state for operation ${op}` });
  const g = crypto.createCipheriv('aes-128-gcm', key, Buffer.alloc(12));
  assert.throws(() => g.getAuthTag(), state('getAuthTag'));
  g.update('abc');
  assert.throws(() => g.setAAD(Buffer.from('x')), state('setAAD'));
  g.final();
  assert.throws(() => g.final(), { code: 'ERR_CRYPTO_INVALID_STATE',
                                   message: 'Invalid state' });
  assert.throws(() => g.update('x'), {
    message: 'Trying to add data in unsupported state',
  });
  assert.throws(() => g.setAutoPadding(false), state('setAutoPadding'));
  assert.strictEqual(typeof g.setAuthTag, 'undefined');
  const dg = crypto.createDecipheriv('aes-128-gcm', key, Buffer.alloc(12));
  assert.strictEqual(typeof dg.getAuthTag, 'undefined');
  dg.setAuthTag(Buffer.alloc(16));
  assert.throws(() => dg.setAuthTag(Buffer.alloc(16)), state('setAuthTag'));
}

// The deprecated password forms: key and IV by EVP_BytesToKey (MD5).
{
  process.on('warning', common.mustCall((w) => {
    assert.strictEqual(w.name, 'DeprecationWarning');
    assert.strictEqual(w.code, 'DEP0106');
  }));
  const c = crypto.createCipher('aes192', 'secret');
  const ct = c.update('hello world', 'utf8', 'hex') + c.final('hex');
  assert.strictEqual(ct, '54b209a64f5092b4477f21f85f16cf25');
  const d = crypto.createDecipher('aes192', 'secret');
  assert.strictEqual(d.update(ct, 'hex', 'utf8') + d.final('utf8'),
                     'hello world');
  assert(d instanceof crypto.Decipher);
}

assert(crypto.getCiphers().includes('aes-256-gcm'));
assert(crypto.getCiphers().includes('chacha20-poly1305'));
assert.deepStrictEqual(crypto.getCipherInfo('aes-128-gcm'), {
  mode: 'gcm', name: 'id-aes128-gcm', nid: 895, blockSize: 1, ivLength: 12,
  keyLength: 16,
});
assert.strictEqual(crypto.getCipherInfo('nope'), undefined);
assert(crypto.Cipheriv('aes-128-cbc', k128, iv) instanceof crypto.Cipheriv);

// Cipher and Decipher are Transform streams: pipe one into the other.
{
  const { pipeline, PassThrough } = require('stream');
  const key = crypto.createSecretKey(k256);
  const src = new PassThrough();
  const chunks = [];
  const sink = new PassThrough();
  sink.on('data', (d) => chunks.push(d));
  pipeline(src, crypto.createCipheriv('aes-256-cbc', key, iv),
           crypto.createDecipheriv('aes-256-cbc', key, iv), sink,
           common.mustCall((err) => {
             assert.ifError(err);
             assert.strictEqual(Buffer.concat(chunks).toString(),
                                'stream one, stream two');
           }));
  src.write('stream one, ');
  src.end('stream two');
  // A bad final block is an 'error' event.
  const d = crypto.createDecipheriv('aes-128-cbc', k128, iv);
  d.on('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ERR_OSSL_BAD_DECRYPT');
  }));
  d.resume();
  d.end(Buffer.alloc(16));
}
