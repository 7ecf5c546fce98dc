'use strict';

// Hash and Hmac: OpenSSL digest and HMAC contexts
// (internalBinding('crypto_hash')) behind Node's update()/digest()/copy()
// API, and Transform streams that emit the digest when they end.

const {
  codes: {
    ERR_CRYPTO_HASH_FINALIZED, ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE,
    ERR_INVALID_ARG_TYPE,
  },
} = require('internal/errors');
const { validateString, validateUint32 } =
  require('internal/validators');
const LazyTransform = require('internal/streams/lazy_transform');
const {
  encodeOutput, isByteView, normalizeEncoding, toBuffer, toUint8,
  toUpdateData,
} = require('internal/crypto/util');
const { Buffer } = require('buffer');
const binding = internalBinding('crypto_hash');

const kHandle = Symbol('kHandle');
const kState = Symbol('kState');
const kFinalized = Symbol('kFinalized');

function xofLength(options) {
  if (options == null || typeof options !== 'object') return undefined;
  const len = options.outputLength;
  if (len !== undefined) validateUint32(len, 'options.outputLength');
  return len;
}

function Hash(algorithm, options) {
  if (!(this instanceof Hash)) return new Hash(algorithm, options);
  const len = xofLength(options);
  if (algorithm instanceof Hash) {
    // copy(): the state of another Hash.
    this[kHandle] = binding.hashCopy(algorithm[kHandle], len);
  } else {
    validateString(algorithm, 'algorithm');
    this[kHandle] = binding.hashNew(algorithm, len);
  }
  this[kState] = { [kFinalized]: false };
  LazyTransform.call(this, options);
}
Object.setPrototypeOf(Hash.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Hash, LazyTransform);

Hash.prototype.copy = function copy(options) {
  if (this[kState][kFinalized]) throw new ERR_CRYPTO_HASH_FINALIZED();
  return new Hash(this, options);
};

Hash.prototype._transform = function _transform(chunk, encoding, callback) {
  binding.hashUpdate(this[kHandle], toUpdateData(chunk, encoding));
  callback();
};

// The stream's end takes the digest without finalizing the Hash object:
// a later digest() returns the same value (as in Node).
Hash.prototype._flush = function _flush(callback) {
  this.push(toBuffer(binding.hashDigest(this[kHandle])));
  callback();
};

// Strings in UTF-8 go to the native as they are (no Buffer in between).
function updateData(data, encoding) {
  if (typeof data === 'string' &&
      (encoding === undefined || encoding === 'utf8' ||
       encoding === 'utf-8')) {
    return data;
  }
  return toUpdateData(data, encoding);
}

Hash.prototype.update = function update(data, encoding) {
  if (this[kState][kFinalized]) throw new ERR_CRYPTO_HASH_FINALIZED();
  binding.hashUpdate(this[kHandle], updateData(data, encoding));
  return this;
};

Hash.prototype.digest = function digest(outputEncoding) {
  if (this[kState][kFinalized]) throw new ERR_CRYPTO_HASH_FINALIZED();
  this[kState][kFinalized] = true;
  if (outputEncoding === 'hex') return binding.hashDigest(this[kHandle], true);
  return encodeOutput(toBuffer(binding.hashDigest(this[kHandle])),
                      outputEncoding);
};

// ---- Hmac -------------------------------------------------------------------

// The bytes of an HMAC or cipher key: a string (in encoding), a buffer
// or view, or a secret KeyObject.
function prepareSecretKey(key, encoding) {
  const keys = require('internal/crypto/keys');
  if (keys.isKeyObject(key)) {
    if (key.type !== 'secret') {
      throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'secret');
    }
    return keys.secretKeyBytes(key);
  }
  if (typeof key === 'string') {
    return Buffer.from(key, normalizeEncoding(encoding));
  }
  if (!isByteView(key)) {
    throw new ERR_INVALID_ARG_TYPE('key',
                                   ['string', 'ArrayBuffer', 'Buffer',
                                     'TypedArray', 'DataView', 'KeyObject',
                                     'CryptoKey'], key);
  }
  return toUint8(key);
}

function Hmac(hmac, key, options) {
  if (!(this instanceof Hmac)) return new Hmac(hmac, key, options);
  validateString(hmac, 'hmac');
  const encoding = options != null && typeof options === 'object' ?
    options.encoding : undefined;
  key = prepareSecretKey(key, encoding);
  this[kHandle] = binding.hmacNew(hmac, key);
  this[kState] = { [kFinalized]: false };
  LazyTransform.call(this, options);
}
Object.setPrototypeOf(Hmac.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Hmac, LazyTransform);

Hmac.prototype.update = function update(data, encoding) {
  if (this[kState][kFinalized]) throw new ERR_CRYPTO_HASH_FINALIZED();
  binding.hmacUpdate(this[kHandle], updateData(data, encoding));
  return this;
};

// A second digest() gives an empty result rather than an error (Node's
// behavior, kept for old code).
Hmac.prototype.digest = function digest(outputEncoding) {
  if (this[kState][kFinalized]) {
    return encodeOutput(Buffer.alloc(0), outputEncoding);
  }
  this[kState][kFinalized] = true;
  if (outputEncoding === 'hex') return binding.hmacDigest(this[kHandle], true);
  return encodeOutput(toBuffer(binding.hmacDigest(this[kHandle])),
                      outputEncoding);
};

Hmac.prototype._transform = function _transform(chunk, encoding, callback) {
  binding.hmacUpdate(this[kHandle], toUpdateData(chunk, encoding));
  callback();
};
Hmac.prototype._flush = function _flush(callback) {
  this.push(this.digest());
  callback();
};

let hashes;
function getHashes() {
  if (hashes === undefined) hashes = binding.getHashes();
  return hashes.slice();
}

module.exports = { Hash, Hmac, getHashes, prepareSecretKey };
