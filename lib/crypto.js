'use strict';

// node:crypto on OpenSSL 3. The natives are the crypto_* bindings
// (src/crypto_*.c); each area has its file in lib/internal/crypto/.

const {
  getRandomValues, randomBytes, randomFill, randomFillSync, randomInt,
  randomUUID,
} = require('internal/crypto/random');
const { pbkdf2, pbkdf2Sync } = require('internal/crypto/pbkdf2');
const { scrypt, scryptSync } = require('internal/crypto/scrypt');
const { hkdf, hkdfSync } = require('internal/crypto/hkdf');
const { Hash, Hmac, getHashes } = require('internal/crypto/hash');
const {
  KeyObject, createSecretKey, generateKey, generateKeySync,
} = require('internal/crypto/keys');
const {
  Cipher, Cipheriv, Decipher, Decipheriv, createCipher, createCipheriv,
  createDecipher, createDecipheriv, getCipherInfo, getCiphers,
} = require('internal/crypto/cipher');
const { cryptoError, isByteView } = require('internal/crypto/util');
const {
  Sign, Verify, createPrivateKey, createPublicKey, createSign, createVerify,
  generateKeyPair, generateKeyPairSync, getCurves, privateDecrypt,
  privateEncrypt, publicDecrypt, publicEncrypt, signOneShot, verifyOneShot,
} = require('internal/crypto/asymmetric');
const randomBinding = internalBinding('crypto_random');

function createHash(algorithm, options) {
  return new Hash(algorithm, options);
}

function createHmac(hmac, key, options) {
  return new Hmac(hmac, key, options);
}

function timingSafeEqual(buf1, buf2) {
  for (const [name, value] of [['buf1', buf1], ['buf2', buf2]]) {
    if (!isByteView(value)) {
      throw cryptoError(TypeError, 'ERR_INVALID_ARG_TYPE',
                        `The "${name}" argument must be an instance of ` +
                        'ArrayBuffer, Buffer, TypedArray, or DataView.');
    }
  }
  if (buf1.byteLength !== buf2.byteLength) {
    throw cryptoError(RangeError, 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH',
                      'Input buffers must have the same byte length');
  }
  return randomBinding.timingSafeEqual(buf1, buf2);
}

const constants = Object.freeze(Object.assign(Object.create(null), {
  OPENSSL_VERSION_NUMBER: 0x30000000,
  RSA_PKCS1_PADDING: 1,
  RSA_NO_PADDING: 3,
  RSA_PKCS1_OAEP_PADDING: 4,
  RSA_X931_PADDING: 5,
  RSA_PKCS1_PSS_PADDING: 6,
  RSA_PSS_SALTLEN_DIGEST: -1,
  RSA_PSS_SALTLEN_MAX_SIGN: -2,
  RSA_PSS_SALTLEN_AUTO: -2,
  TLS1_VERSION: 769,
  TLS1_1_VERSION: 770,
  TLS1_2_VERSION: 771,
  TLS1_3_VERSION: 772,
  POINT_CONVERSION_COMPRESSED: 2,
  POINT_CONVERSION_UNCOMPRESSED: 4,
  POINT_CONVERSION_HYBRID: 6,
}));

function getFips() {
  return 0;
}

module.exports = {
  createCipher,
  createCipheriv,
  createDecipher,
  createDecipheriv,
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  createSecretKey,
  createSign,
  createVerify,
  generateKey,
  generateKeyPair,
  generateKeyPairSync,
  generateKeySync,
  getCipherInfo,
  getCiphers,
  getCurves,
  getHashes,
  getRandomValues: undefined,
  hkdf,
  hkdfSync,
  pbkdf2,
  pbkdf2Sync,
  privateDecrypt,
  privateEncrypt,
  publicDecrypt,
  publicEncrypt,
  randomBytes,
  randomFill,
  randomFillSync,
  randomInt,
  randomUUID,
  scrypt,
  scryptSync,
  sign: signOneShot,
  timingSafeEqual,
  verify: verifyOneShot,
  getFips,
  Cipher,
  Cipheriv,
  Decipher,
  Decipheriv,
  Hash,
  Hmac,
  KeyObject,
  Sign,
  Verify,
  constants,
  webcrypto: undefined,
};

Object.defineProperties(module.exports, {
  webcrypto: {
    get() { return require('internal/crypto/webcrypto').crypto; },
    configurable: false,
    enumerable: true,
  },
  getRandomValues: {
    get() {
      const { crypto } = require('internal/crypto/webcrypto');
      return crypto.getRandomValues.bind(crypto);
    },
    configurable: false,
    enumerable: true,
  },
});

// Old aliases of randomBytes (DEP0115): they warn only with
// --pending-deprecation, as in Node.
{
  const { pendingDeprecation } =
    internalBinding('process_methods').getOptions();
  const alias = pendingDeprecation ?
    require('util').deprecate(randomBytes,
                              'crypto.pseudoRandomBytes is deprecated.',
                              'DEP0115') :
    randomBytes;
  for (const name of ['prng', 'pseudoRandomBytes', 'rng']) {
    Object.defineProperty(module.exports, name, {
      value: alias, enumerable: false, writable: true, configurable: true,
    });
  }
}
