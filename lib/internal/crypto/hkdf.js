'use strict';

// hkdf / hkdfSync (RFC 5869) by OpenSSL; the result is an ArrayBuffer, as
// in Node. The callback form runs on the threadpool.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE },
} = require('internal/errors');
const {
  validateFunction, validateInteger, validateString,
} = require('internal/validators');
const { getArrayBufferOrView, isByteView, toUint8 } =
  require('internal/crypto/util');
const binding = internalBinding('crypto_kdf');

const kMaxLength = 2147483647;

function prepareIkm(ikm) {
  const { isKeyObject, secretKeyBytes } = require('internal/crypto/keys');
  if (isKeyObject(ikm)) {
    if (ikm.type !== 'secret') {
      const { codes } = require('internal/errors');
      throw new codes.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(ikm.type, 'secret');
    }
    return secretKeyBytes(ikm);
  }
  if (typeof ikm === 'string') return getArrayBufferOrView(ikm, 'ikm');
  if (!isByteView(ikm)) {
    throw new ERR_INVALID_ARG_TYPE('ikm',
                                   ['string', 'SecretKeyObject',
                                     'ArrayBuffer', 'TypedArray', 'DataView',
                                     'Buffer'], ikm);
  }
  return toUint8(ikm);
}

function check(digest, ikm, salt, info, length) {
  validateString(digest, 'digest');
  ikm = prepareIkm(ikm);
  salt = getArrayBufferOrView(salt, 'salt');
  info = getArrayBufferOrView(info, 'info');
  validateInteger(length, 'length', 0, kMaxLength);
  if (info.byteLength > 1024) {
    throw new ERR_OUT_OF_RANGE('info', 'must not contain more than 1024 bytes',
                               info.byteLength);
  }
  return { digest, ikm, salt, info, length };
}

function hkdf(digest, ikm, salt, info, length, callback) {
  const a = check(digest, ikm, salt, info, length);
  validateFunction(callback, 'callback');
  binding.hkdf(a.digest, a.ikm, a.salt, a.info, a.length, callback);
}

function hkdfSync(digest, ikm, salt, info, length) {
  const a = check(digest, ikm, salt, info, length);
  return binding.hkdf(a.digest, a.ikm, a.salt, a.info, a.length);
}

module.exports = { hkdf, hkdfSync };
