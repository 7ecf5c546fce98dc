'use strict';

// KeyObject: secret keys hold their bytes here; asymmetric keys hold an
// OpenSSL EVP_PKEY handle of internalBinding('crypto_keys') (see
// createPublicKey / createPrivateKey in lib/crypto.js when present).

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const { validateObject } = require('internal/validators');
const { Buffer } = require('buffer');
const { isByteView, normalizeEncoding, toUint8 } =
  require('internal/crypto/util');

const kKeyType = Symbol('kKeyType');
const kBytes = Symbol('kBytes');
const kHandle = Symbol('kHandle');

class KeyObject {
  constructor(type, handle) {
    if (type !== 'secret' && type !== 'public' && type !== 'private') {
      throw new ERR_INVALID_ARG_VALUE('type', type);
    }
    if (typeof handle !== 'object' || handle === null ||
        !(kBytes in handle || kHandle in handle)) {
      throw new ERR_INVALID_ARG_TYPE('handle', 'object', handle);
    }
    this[kKeyType] = type;
    for (const key of [kBytes, kHandle]) {
      if (key in handle) {
        Object.defineProperty(this, key, { value: handle[key] });
      }
    }
  }

  get type() {
    return this[kKeyType];
  }

  static from(key) {
    throw new ERR_INVALID_ARG_TYPE('key', 'CryptoKey', key);
  }

  equals(otherKeyObject) {
    if (!isKeyObject(otherKeyObject)) {
      throw new ERR_INVALID_ARG_TYPE('otherKeyObject', 'KeyObject',
                                     otherKeyObject);
    }
    if (otherKeyObject.type !== this.type) return false;
    if (this.type === 'secret') {
      const a = this[kBytes];
      const b = otherKeyObject[kBytes];
      return a.length === b.length && a.equals(b);
    }
    return internalBinding('crypto_keys').keyEquals(this[kHandle],
                                                    otherKeyObject[kHandle]);
  }
}
Object.defineProperty(KeyObject.prototype, Symbol.toStringTag, {
  value: 'KeyObject', configurable: true,
});

class SecretKeyObject extends KeyObject {
  constructor(bytes) {
    super('secret', { [kBytes]: bytes });
  }

  get symmetricKeySize() {
    return this[kBytes].length;
  }

  export(options) {
    if (options !== undefined) {
      validateObject(options, 'options');
      const { format } = options;
      if (format === 'jwk') {
        return { kty: 'oct', k: this[kBytes].toString('base64url') };
      }
      if (format !== undefined && format !== 'buffer') {
        throw new ERR_INVALID_ARG_VALUE('options.format', format,
                                        "must be one of: undefined, 'buffer'" +
                                        ", 'jwk'");
      }
    }
    return Buffer.from(this[kBytes]);
  }
}

// ---- Asymmetric keys -------------------------------------------------------

const kDetails = Symbol('kDetails');

function keyInfo(key) {
  if (key[kDetails] === undefined) {
    Object.defineProperty(key, kDetails, {
      value: internalBinding('crypto_keys').keyInfo(key[kHandle]),
    });
  }
  return key[kDetails];
}

class AsymmetricKeyObject extends KeyObject {
  get asymmetricKeyType() {
    return keyInfo(this).type;
  }

  get asymmetricKeyDetails() {
    const { modulusLength, publicExponent, namedCurve } = keyInfo(this);
    const details = {};
    if (modulusLength !== undefined) details.modulusLength = modulusLength;
    if (publicExponent !== undefined) details.publicExponent = publicExponent;
    if (namedCurve !== undefined) details.namedCurve = namedCurve;
    return details;
  }
}

function exportOptions(options, isPublic) {
  validateObject(options, 'options');
  const { format = 'pem', type, cipher, passphrase } = options;
  if (format === 'jwk') {
    throw new ERR_INVALID_ARG_VALUE('options.format', format,
                                    'is not supported by noderun yet');
  }
  if (format !== 'pem' && format !== 'der') {
    throw new ERR_INVALID_ARG_VALUE('options.format', format);
  }
  const types = isPublic ? ['pkcs1', 'spki'] : ['pkcs1', 'pkcs8', 'sec1'];
  if (!types.includes(type)) {
    throw new ERR_INVALID_ARG_VALUE('options.type', type);
  }
  let pass;
  if (cipher !== undefined) {
    if (typeof cipher !== 'string') {
      throw new ERR_INVALID_ARG_VALUE('options.cipher', cipher);
    }
    if (passphrase === undefined) {
      throw new ERR_INVALID_ARG_VALUE('options.passphrase', passphrase);
    }
  }
  if (passphrase !== undefined) {
    pass = typeof passphrase === 'string' ? Buffer.from(passphrase) :
      isByteView(passphrase) ? toUint8(passphrase) : undefined;
    if (pass === undefined) {
      throw new ERR_INVALID_ARG_TYPE('options.passphrase',
                                     ['string', 'Buffer', 'TypedArray',
                                       'DataView'], passphrase);
    }
  }
  return { format, type, cipher, passphrase: pass };
}

function exportKey(key, options, isPublic) {
  const o = exportOptions(options, isPublic);
  const out = internalBinding('crypto_keys').keyExport(
    key[kHandle], isPublic, o.format, o.type, o.cipher, o.passphrase);
  return typeof out === 'string' ? out : Buffer.from(out);
}

class PublicKeyObject extends AsymmetricKeyObject {
  constructor(handle) {
    super('public', { [kHandle]: handle });
  }

  export(options) {
    return exportKey(this, options, true);
  }
}

class PrivateKeyObject extends AsymmetricKeyObject {
  constructor(handle) {
    super('private', { [kHandle]: handle });
  }

  export(options) {
    return exportKey(this, options, false);
  }
}

function isKeyObject(obj) {
  return obj != null && obj[kKeyType] !== undefined &&
    obj instanceof KeyObject;
}

function isCryptoKey() {
  // There is no Web Crypto CryptoKey in noderun yet.
  return false;
}

function secretKeyBytes(key) {
  return key[kBytes];
}

function createSecretKey(key, encoding) {
  let bytes;
  if (typeof key === 'string') {
    bytes = Buffer.from(key, normalizeEncoding(encoding));
  } else if (isByteView(key)) {
    bytes = Buffer.from(toUint8(key));
  } else {
    throw new ERR_INVALID_ARG_TYPE('key',
                                   ['ArrayBuffer', 'Buffer', 'TypedArray',
                                     'DataView'], key);
  }
  return new SecretKeyObject(bytes);
}

// ---- generateKey(Sync): secret keys ---------------------------------------

function secretKeyArgs(type, options) {
  const { validateInteger, validateOneOf, validateString } =
    require('internal/validators');
  validateString(type, 'type');
  validateObject(options, 'options');
  const { length } = options;
  if (type === 'hmac') {
    validateInteger(length, 'options.length', 8, 2 ** 31 - 1);
  } else if (type === 'aes') {
    validateOneOf(length, 'options.length', [128, 192, 256]);
  } else {
    throw new ERR_INVALID_ARG_VALUE('type', type,
                                    'must be a supported key type');
  }
  // Bits, rounded down to whole bytes.
  return Math.floor(length / 8);
}

function generateKeySync(type, options) {
  const bytes = secretKeyArgs(type, options);
  const { randomBytes } = require('internal/crypto/random');
  return new SecretKeyObject(randomBytes(bytes));
}

function generateKey(type, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  require('internal/validators').validateFunction(callback, 'callback');
  const bytes = secretKeyArgs(type, options);
  const { randomBytes } = require('internal/crypto/random');
  randomBytes(bytes, (err, buf) => {
    if (err) callback(err);
    else callback(null, new SecretKeyObject(buf));
  });
}

module.exports = {
  KeyObject,
  generateKey,
  generateKeySync,
  PrivateKeyObject,
  PublicKeyObject,
  SecretKeyObject,
  createSecretKey,
  isCryptoKey,
  isKeyObject,
  kHandle,
  kKeyType,
  secretKeyBytes,
};
