'use strict';
// KeyObjects: secret keys; asymmetric keys made by generateKeyPair(Sync),
// read and written as PEM/DER; sign/verify (one shot and Sign/Verify);
// RSA encryption both ways; getCurves.
const common = require('../common');
const { assert } = common;
const crypto = require('crypto');
const util = require('util');

// Secret keys.
{
  const k = crypto.createSecretKey(Buffer.from('abc'));
  assert.strictEqual(k.type, 'secret');
  assert.strictEqual(k.symmetricKeySize, 3);
  assert.strictEqual(k.export().toString(), 'abc');
  assert.deepStrictEqual(k.export({ format: 'jwk' }), { kty: 'oct', k: 'YWJj' });
  assert(k.equals(crypto.createSecretKey(Buffer.from('abc'))));
  assert(!k.equals(crypto.createSecretKey(Buffer.from('abd'))));
  assert(util.types.isKeyObject(k));
  assert(k instanceof crypto.KeyObject);
  assert.strictEqual(util.inspect(k),
                     "SecretKeyObject [KeyObject] { [Symbol(kKeyType)]: 'secret' }");
  assert.throws(() => k.export({ format: 'pem' }), {
    code: 'ERR_INVALID_ARG_VALUE',
    message: "The property 'options.format' must be one of: undefined, " +
             "'buffer', 'jwk'. Received 'pem'",
  });
  assert.throws(() => crypto.createSecretKey(1), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "key" argument must be an instance of ArrayBuffer, Buffer, ' +
             'TypedArray, or DataView. Received type number (1)',
  });
}

// generateKey(Sync): secret keys of a length in bits.
{
  const k = crypto.generateKeySync('hmac', { length: 123 });
  assert.strictEqual(k.type, 'secret');
  assert.strictEqual(k.symmetricKeySize, 15);
  crypto.generateKey('aes', { length: 256 }, common.mustCall((err, key) => {
    assert.ifError(err);
    assert.strictEqual(key.symmetricKeySize, 32);
  }));
  assert.throws(() => crypto.generateKeySync('aes', { length: 100 }), {
    code: 'ERR_INVALID_ARG_VALUE',
  });
}

// RSA: PEM round trip, details, signatures, encryption.
{
  const pem = crypto.generateKeyPairSync('rsa', {
    modulusLength: 1024,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  assert.match(pem.publicKey, /^-----BEGIN PUBLIC KEY-----\n/);
  assert.match(pem.privateKey, /^-----BEGIN PRIVATE KEY-----\n/);
  const priv = crypto.createPrivateKey(pem.privateKey);
  const pub = crypto.createPublicKey(pem.privateKey);
  assert.strictEqual(priv.type, 'private');
  assert.strictEqual(pub.type, 'public');
  assert.strictEqual(priv.asymmetricKeyType, 'rsa');
  assert.deepStrictEqual(priv.asymmetricKeyDetails,
                         { modulusLength: 1024, publicExponent: 65537n });
  assert.strictEqual(pub.export({ type: 'spki', format: 'pem' }), pem.publicKey);
  assert.match(pub.export({ type: 'pkcs1', format: 'pem' }),
               /^-----BEGIN RSA PUBLIC KEY-----\n/);
  const der = pub.export({ type: 'spki', format: 'der' });
  assert(Buffer.isBuffer(der));
  assert(crypto.createPublicKey({ key: der, format: 'der', type: 'spki' })
    .equals(pub));
  assert(priv.equals(crypto.createPrivateKey(pem.privateKey)));

  const sig = crypto.sign('sha256', Buffer.from('data'), priv);
  assert.strictEqual(sig.length, 128);
  assert.strictEqual(crypto.verify('sha256', Buffer.from('data'), pub, sig),
                     true);
  assert.strictEqual(crypto.verify('sha256', Buffer.from('datb'), pub, sig),
                     false);
  const s = crypto.createSign('SHA256');
  s.update('da');
  s.write('ta');
  const sig2 = s.sign(pem.privateKey, 'base64');
  // PKCS#1 v1.5 signatures are deterministic.
  assert.strictEqual(sig2, sig.toString('base64'));
  assert(crypto.createVerify('RSA-SHA256').update('data')
    .verify(pem.publicKey, sig2, 'base64'));
  const pss = crypto.sign('sha256', Buffer.from('x'), {
    key: priv, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32,
  });
  assert(crypto.verify('sha256', Buffer.from('x'), {
    key: pub, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32,
  }, pss));
  // The callback forms (on the threadpool).
  crypto.sign('sha256', Buffer.from('x'), priv, common.mustCall((err, out) => {
    assert.ifError(err);
    assert.strictEqual(out.length, 128);
    crypto.verify('sha256', Buffer.from('x'), pub, out,
                  common.mustCall((err, ok) => {
                    assert.ifError(err);
                    assert.strictEqual(ok, true);
                  }));
  }));

  const ct = crypto.publicEncrypt(pub, Buffer.from('hello'));
  assert.strictEqual(crypto.privateDecrypt(priv, ct).toString(), 'hello');
  const ct2 = crypto.publicEncrypt({ key: pem.publicKey, oaepHash: 'sha256' },
                                   Buffer.from('hi'));
  assert.strictEqual(
    crypto.privateDecrypt({ key: priv, oaepHash: 'sha256' }, ct2).toString(),
    'hi');
  assert.strictEqual(
    crypto.publicDecrypt(pub, crypto.privateEncrypt(priv, Buffer.from('yo')))
      .toString(), 'yo');
  // Key and data strings are both read in the key's encoding.
  const ct3 = crypto.publicEncrypt({
    key: Buffer.from(pem.publicKey).toString('hex'), encoding: 'hex',
  }, '6869');
  assert.strictEqual(crypto.privateDecrypt(priv, ct3).toString(), 'hi');
  // createPublicKey takes a private KeyObject, not a public one.
  assert(crypto.createPublicKey(priv).equals(pub));
  assert.throws(() => crypto.createPublicKey(pub), {
    code: 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE',
  });
  assert.throws(() => crypto.privateDecrypt(priv, Buffer.alloc(128)), {
    code: 'ERR_OSSL_RSA_OAEP_DECODING_ERROR',
  });

  // An encrypted private key needs its passphrase.
  const enc = priv.export({ type: 'pkcs8', format: 'pem',
                            cipher: 'aes-256-cbc', passphrase: 'pw' });
  assert.match(enc, /^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/);
  assert(crypto.createPrivateKey({ key: enc, passphrase: 'pw' }).equals(priv));
  assert.throws(() => crypto.createPrivateKey(enc), { name: 'Error' });
}

// EC and Ed25519, with the callback form of generateKeyPair.
{
  const { publicKey, privateKey } =
    crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  assert.deepStrictEqual(privateKey.asymmetricKeyDetails,
                         { namedCurve: 'prime256v1' });
  assert.strictEqual(util.inspect(publicKey),
                     "PublicKeyObject [KeyObject] { [Symbol(kKeyType)]: 'public' }");
  const sig = crypto.createSign('sha384').update('m').sign(privateKey);
  assert(crypto.createVerify('sha384').update('m').verify(publicKey, sig));
  // IEEE P1363 signatures: r || s, 32 bytes each on P-256.
  const p1363 = crypto.sign('sha256', Buffer.from('m'),
                            { key: privateKey, dsaEncoding: 'ieee-p1363' });
  assert.strictEqual(p1363.length, 64);
  assert(crypto.verify('sha256', Buffer.from('m'),
                       { key: publicKey, dsaEncoding: 'ieee-p1363' }, p1363));
  assert.match(privateKey.export({ type: 'sec1', format: 'pem' }),
               /^-----BEGIN EC PRIVATE KEY-----\n/);

  crypto.generateKeyPair('ed25519', common.mustCall((err, pub, priv) => {
    assert.ifError(err);
    assert.strictEqual(pub.asymmetricKeyType, 'ed25519');
    assert.strictEqual(pub.export({ type: 'spki', format: 'der' }).length, 44);
    const sig = crypto.sign(null, Buffer.from('msg'), priv);
    assert.strictEqual(sig.length, 64);
    assert(crypto.verify(null, Buffer.from('msg'), pub, sig));
  }));
  crypto.generateKeyPair('rsa', {
    modulusLength: 512,
    publicKeyEncoding: { type: 'pkcs1', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  }, common.mustCall((err, pub, priv) => {
    assert.ifError(err);
    assert.match(pub, /^-----BEGIN RSA PUBLIC KEY-----\n/);
    assert.match(priv, /^-----BEGIN RSA PRIVATE KEY-----\n/);
  }));
}

// Errors, as Node reports them.
assert.throws(() => crypto.generateKeyPairSync('nope'), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'type' must be a supported key type. Received 'nope'",
});
assert.throws(() => crypto.generateKeyPairSync('rsa', {}), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.modulusLength" property must be of type number. ' +
           'Received undefined',
});
assert.throws(() => crypto.generateKeyPairSync('ec', { namedCurve: 'nope' }), {
  name: 'TypeError', code: 'ERR_CRYPTO_INVALID_CURVE',
  message: 'Invalid EC curve name',
});
assert.throws(() => crypto.createPublicKey('nope'), {
  code: 'ERR_OSSL_UNSUPPORTED',
  message: 'error:1E08010C:DECODER routines::unsupported',
});
assert.throws(() => crypto.sign('sha256', Buffer.from('x'), 1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "key" argument must be of type string or an instance of ' +
           'ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or ' +
           'CryptoKey. Received type number (1)',
});

const curves = crypto.getCurves();
for (const c of ['prime256v1', 'secp384r1', 'secp521r1', 'secp256k1']) {
  assert(curves.includes(c), c);
}
