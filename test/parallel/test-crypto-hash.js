'use strict';
// createHash and createHmac against known vectors (FIPS 180/202 examples,
// RFC 4231), their encodings, copy(), XOF lengths, the errors after
// digest(), and the stream interface.
const common = require('../common');
const { assert } = common;
const crypto = require('crypto');

const h = (alg, data, enc = 'hex', opts) =>
  crypto.createHash(alg, opts).update(data).digest(enc);

assert.strictEqual(h('md5', ''), 'd41d8cd98f00b204e9800998ecf8427e');
assert.strictEqual(h('sha1', 'abc'), 'a9993e364706816aba3e25717850c26c9cd0d89d');
assert.strictEqual(h('sha256', 'abc'),
                   'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
assert.strictEqual(h('sha512', 'abc'),
                   'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a' +
                   '2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f');
assert.strictEqual(h('sha3-256', 'abc'),
                   '3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532');
// Aliases: upper case, RSA-*, *WithRSAEncryption.
for (const alias of ['SHA256', 'RSA-SHA256', 'sha256WithRSAEncryption']) {
  assert.strictEqual(h(alias, 'abc'), h('sha256', 'abc'));
}
// XOFs: their default length, or outputLength.
assert.strictEqual(h('shake128', ''), '7f9c2ba4e88f827d616045507605853e');
assert.strictEqual(h('shake128', '', 'hex', { outputLength: 32 }),
                   '7f9c2ba4e88f827d616045507605853ed73b8093f6efbc88eb1a6eacfa66ef26');
assert.strictEqual(h('shake256', '', 'hex', { outputLength: 0 }), '');
assert.strictEqual(h('sha256', '', 'hex', { outputLength: 32 }),
                   'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
assert.throws(() => crypto.createHash('sha256', { outputLength: 16 }), {
  name: 'Error', code: 'ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH',
  message: 'error:030000B2:digital envelope routines::not XOF or invalid ' +
           'length',
});
assert.throws(() => crypto.createHash('shake128', { outputLength: -1 }), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "options.outputLength" is out of range. It must ' +
           'be >= 0 && <= 4294967295. Received -1',
});

// Encodings in and out.
const abc = crypto.createHash('sha256').update('abc').digest();
assert(Buffer.isBuffer(abc));
assert.strictEqual(h('sha256', 'abc', 'base64'), abc.toString('base64'));
assert.strictEqual(h('sha256', 'abc', 'base64url'),
                   abc.toString('base64url'));
assert.strictEqual(h('sha256', 'abc', 'latin1'), abc.toString('latin1'));
assert.strictEqual(h('sha256', 'abc', 'binary'), abc.toString('latin1'));
assert.deepStrictEqual(h('sha256', 'abc', 'buffer'), abc);
assert.deepStrictEqual(h('sha256', 'abc', 'no-such-encoding'), abc);
assert.strictEqual(crypto.createHash('sha256').update('616263', 'hex')
  .digest('hex'), abc.toString('hex'));
assert.strictEqual(crypto.createHash('sha256').update('YWJj', 'base64')
  .digest('hex'), abc.toString('hex'));
assert.strictEqual(h('sha256', new Uint16Array([0x6261, 0x63])),
                   h('sha256', Buffer.from('abc\0')));
assert.strictEqual(h('sha1', '\u00e9', 'hex'), h('sha1', Buffer.from('é')));
assert.strictEqual(crypto.createHash('sha1').update('\u00e9', 'latin1')
  .digest('hex'), h('sha1', Buffer.from([0xe9])));
assert.throws(() => crypto.createHash('sha1').update('616', 'hex'), {
  code: 'ERR_INVALID_ARG_VALUE',
});
assert.throws(() => crypto.createHash('sha256').update(1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "data" argument must be of type string or an instance of ' +
           'Buffer, TypedArray, or DataView. Received type number (1)',
});

// copy() keeps the state; digest() ends a Hash for good.
{
  const a = crypto.createHash('sha256').update('ab');
  const b = a.copy();
  a.update('c');
  b.update('x');
  assert.strictEqual(a.digest('hex'), abc.toString('hex'));
  assert.strictEqual(b.digest('hex'), h('sha256', 'abx'));
  const finalized = { code: 'ERR_CRYPTO_HASH_FINALIZED',
                      message: 'Digest already called' };
  assert.throws(() => a.update('x'), finalized);
  assert.throws(() => a.digest(), finalized);
  assert.throws(() => a.copy(), finalized);
  const x = crypto.createHash('shake256').update('q');
  assert.strictEqual(x.copy({ outputLength: 3 }).digest('hex'),
                     h('shake256', 'q', 'hex', { outputLength: 3 }));
}

assert.throws(() => crypto.createHash('nope'), {
  name: 'Error', message: 'Digest method not supported',
});
assert.throws(() => crypto.createHash(1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "algorithm" argument must be of type string. Received ' +
           'type number (1)',
});
assert(crypto.Hash('sha1') instanceof crypto.Hash);
const hashes = crypto.getHashes();
for (const name of ['md5', 'sha1', 'sha256', 'sha3-512', 'shake256',
  'RSA-SHA256', 'sha512-256']) {
  assert(hashes.includes(name), name);
}
assert.notStrictEqual(crypto.getHashes(), hashes);

// HMAC: RFC 4231 test cases 1 and 2.
assert.strictEqual(
  crypto.createHmac('sha256', Buffer.alloc(20, 0x0b)).update('Hi There')
    .digest('hex'),
  'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7');
assert.strictEqual(
  crypto.createHmac('sha512', 'Jefe')
    .update('what do ya want for nothing?').digest('hex'),
  '164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554' +
  '9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737');
assert.strictEqual(
  crypto.createHmac('sha256', crypto.createSecretKey(Buffer.from('Jefe')))
    .update('what do ya want for nothing?').digest('hex'),
  '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
assert.strictEqual(crypto.createHmac('sha1', '').digest('hex'),
                   'fbdb1d1b18aa6c08324b7d64b71fb76370690e1d');
{
  const m = crypto.createHmac('sha1', 'k');
  m.digest();
  // A second digest() of an Hmac is empty, not an error (as in Node).
  assert.strictEqual(m.digest('hex'), '');
  assert.strictEqual(m.digest().length, 0);
  assert.throws(() => m.update('x'), { code: 'ERR_CRYPTO_HASH_FINALIZED' });
}
assert.throws(() => crypto.createHmac('nope', 'k'), {
  name: 'TypeError', code: 'ERR_CRYPTO_INVALID_DIGEST',
  message: 'Invalid digest: nope',
});
assert.throws(() => crypto.createHmac('sha256', 1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "key" argument must be of type string or an instance of ' +
           'ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or ' +
           'CryptoKey. Received type number (1)',
});
assert.throws(() => crypto.createHmac('sha256', 'key').digest({
  toString() { throw new Error('boom'); },
}), { message: 'boom' });

// Hash and Hmac are Transform streams that emit their digest at the end.
{
  const { Transform } = require('stream');
  const hash = crypto.createHash('sha256');
  assert(hash instanceof Transform);
  hash.setEncoding('hex');
  let out = '';
  hash.on('data', (d) => { out += d; });
  hash.on('end', common.mustCall(() => {
    assert.strictEqual(out, abc.toString('hex'));
  }));
  hash.write('a');
  hash.write(Buffer.from('b'));
  hash.end('c');

  const hmac = crypto.createHmac('sha256', Buffer.alloc(20, 0x0b));
  hmac.on('readable', common.mustCall(() => {
    const d = hmac.read();
    if (d) {
      assert.strictEqual(d.toString('hex'), 'b0344c61d8db38535ca8afceaf0bf1' +
                         '2b881dc200c9833da726e9376c2e32cff7');
    }
  }, 2));
  hmac.end('Hi There');
}
