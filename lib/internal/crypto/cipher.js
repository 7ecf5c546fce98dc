'use strict';

// Cipheriv and Decipheriv over OpenSSL cipher contexts
// (internalBinding('crypto_cipher')): update/final with encodings,
// setAutoPadding, and the AEAD calls (setAAD, getAuthTag, setAuthTag).
// Both are Transform streams.

const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_UNKNOWN_ENCODING,
  },
} = require('internal/errors');
const { validateInt32, validateObject, validateString } =
  require('internal/validators');
const LazyTransform = require('internal/streams/lazy_transform');
const { StringDecoder } = require('string_decoder');
const { Buffer } = require('buffer');
const { prepareSecretKey } = require('internal/crypto/hash');
const {
  getArrayBufferOrView, isByteView, kByteSource, toBuffer, toUint8,
  toUpdateData,
} = require('internal/crypto/util');
const binding = internalBinding('crypto_cipher');

const kHandle = Symbol('kHandle');
const kAuthTagFixed = Symbol('kAuthTagFixed');

function getIv(iv) {
  if (iv === null) return null;
  if (typeof iv === 'string') return Buffer.from(iv);
  if (!isByteView(iv)) {
    throw new ERR_INVALID_ARG_TYPE('iv', kByteSource, iv);
  }
  return toUint8(iv);
}

function authTagLength(options) {
  if (options == null) return -1;
  const len = options.authTagLength;
  if (len === undefined) return -1;
  if (typeof len !== 'number' || !Number.isInteger(len) || len < 0 ||
      len > 4294967295) {
    throw new ERR_INVALID_ARG_VALUE('options.authTagLength', len);
  }
  return len;
}

function init(self, cipher, key, iv, options, encrypt) {
  validateString(cipher, 'cipher');
  key = prepareSecretKey(key, options && options.encoding);
  iv = getIv(iv);
  const tagLength = authTagLength(options);
  self[kHandle] = binding.cipherNew(cipher, key, iv, encrypt, tagLength);
  Object.defineProperty(self, kAuthTagFixed, { value: tagLength >= 0 });
  self._decoder = null;
  LazyTransform.call(self, options);
}

// Output in `encoding`: a string through one decoder per object (so a
// multi-byte character split between two updates comes out whole), or a
// Buffer.
function output(self, ab, encoding, end) {
  const buf = toBuffer(ab);
  if (encoding && encoding !== 'buffer') {
    encoding = `${encoding}`;
    if (!Buffer.isEncoding(encoding)) {
      throw new ERR_UNKNOWN_ENCODING(encoding);
    }
    if (self._decoder === null) self._decoder = new StringDecoder(encoding);
    if (self._decoder.encoding !== new StringDecoder(encoding).encoding) {
      const err = new Error('Cannot change encoding');
      err.code = 'ERR_INTERNAL_ASSERTION';
      throw err;
    }
    return end ? self._decoder.end(buf) : self._decoder.write(buf);
  }
  return buf;
}

function update(data, inputEncoding, outputEncoding) {
  if (typeof data === 'string') {
    data = toUpdateData(data, inputEncoding);
  } else if (!ArrayBuffer.isView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data',
                                   ['string', 'Buffer', 'TypedArray',
                                     'DataView'], data);
  } else {
    data = toUint8(data);
  }
  return output(this, binding.cipherUpdate(this[kHandle], data),
                outputEncoding, false);
}

function final(outputEncoding) {
  return output(this, binding.cipherFinal(this[kHandle]), outputEncoding,
                true);
}

function setAutoPadding(ap) {
  binding.cipherSetAutoPadding(this[kHandle], ap === undefined ? true : !!ap);
  return this;
}

function setAAD(aadbuf, options) {
  const buf = toUpdateData(aadbuf, options && options.encoding, 'buffer');
  let plaintextLength = -1;
  if (options !== undefined) {
    validateObject(options, 'options');
    const len = options.plaintextLength;
    if (len !== undefined) {
      if (len !== (len | 0) || len < 0) {
        throw new ERR_INVALID_ARG_VALUE('options.plaintextLength', len);
      }
      plaintextLength = len;
    }
  }
  binding.cipherSetAAD(this[kHandle], buf, plaintextLength);
  return this;
}

function _transform(chunk, encoding, callback) {
  this.push(toBuffer(binding.cipherUpdate(this[kHandle],
                                          toUpdateData(chunk, encoding))));
  callback();
}

function _flush(callback) {
  try {
    this.push(toBuffer(binding.cipherFinal(this[kHandle])));
  } catch (err) {
    callback(err);
    return;
  }
  callback();
}

function Cipheriv(cipher, key, iv, options) {
  if (!(this instanceof Cipheriv)) {
    return new Cipheriv(cipher, key, iv, options);
  }
  init(this, cipher, key, iv, options, true);
}
Object.setPrototypeOf(Cipheriv.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Cipheriv, LazyTransform);

function Decipheriv(cipher, key, iv, options) {
  if (!(this instanceof Decipheriv)) {
    return new Decipheriv(cipher, key, iv, options);
  }
  init(this, cipher, key, iv, options, false);
}
Object.setPrototypeOf(Decipheriv.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Decipheriv, LazyTransform);

for (const proto of [Cipheriv.prototype, Decipheriv.prototype]) {
  Object.assign(proto, {
    _transform, _flush, update, final, setAutoPadding, setAAD,
  });
}

Cipheriv.prototype.getAuthTag = function getAuthTag() {
  return toBuffer(binding.cipherGetAuthTag(this[kHandle]));
};

Decipheriv.prototype.setAuthTag = function setAuthTag(tagbuf, encoding) {
  const tag = toUpdateData(tagbuf, encoding, 'buffer');
  binding.cipherSetAuthTag(this[kHandle], tag, this[kAuthTagFixed]);
  return this;
};

// The old password forms (deprecated in Node, DEP0106): key and IV come
// from the password by OpenSSL's EVP_BytesToKey (MD5, one round).
function initWithPassword(self, cipher, password, options, encrypt) {
  validateString(cipher, 'cipher');
  password = getArrayBufferOrView(password, 'password');
  const [key, iv] = binding.bytesToKey(cipher, password);
  const tagLength = authTagLength(options);
  self[kHandle] = binding.cipherNew(cipher, new Uint8Array(key),
                                    iv.byteLength ? new Uint8Array(iv) : null,
                                    encrypt, tagLength);
  Object.defineProperty(self, kAuthTagFixed, { value: tagLength >= 0 });
  self._decoder = null;
  LazyTransform.call(self, options);
}

function Cipher(cipher, password, options) {
  if (!(this instanceof Cipher)) return new Cipher(cipher, password, options);
  initWithPassword(this, cipher, password, options, true);
}
Object.setPrototypeOf(Cipher.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Cipher, LazyTransform);

function Decipher(cipher, password, options) {
  if (!(this instanceof Decipher)) {
    return new Decipher(cipher, password, options);
  }
  initWithPassword(this, cipher, password, options, false);
}
Object.setPrototypeOf(Decipher.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Decipher, LazyTransform);

for (const proto of [Cipher.prototype, Decipher.prototype]) {
  Object.assign(proto, {
    _transform, _flush, update, final, setAutoPadding, setAAD,
  });
}
Cipher.prototype.getAuthTag = Cipheriv.prototype.getAuthTag;
Decipher.prototype.setAuthTag = Decipheriv.prototype.setAuthTag;

// One DEP0106 warning per process, as Node warns once per code; and a
// warning for counter modes, where a fixed IV per password is unsafe.
let warned = false;
let warnedCounter = false;
function warnPassword(name, cipher) {
  if (!warned) {
    warned = true;
    process.emitWarning(`crypto.${name} is deprecated.`, 'DeprecationWarning',
                        'DEP0106');
  }
  const info = typeof cipher === 'string' ? binding.getCipherInfo(cipher) :
    undefined;
  if (!warnedCounter && info &&
      ['ctr', 'gcm', 'ccm', 'ocb'].includes(info.mode)) {
    warnedCounter = true;
    process.emitWarning(`Use Cipheriv for counter mode of ${cipher}`);
  }
}

function createCipher(cipher, password, options) {
  warnPassword('createCipher', cipher);
  return new Cipher(cipher, password, options);
}

function createDecipher(cipher, password, options) {
  warnPassword('createDecipher', cipher);
  return new Decipher(cipher, password, options);
}

function createCipheriv(cipher, key, iv, options) {
  return new Cipheriv(cipher, key, iv, options);
}

function createDecipheriv(cipher, key, iv, options) {
  return new Decipheriv(cipher, key, iv, options);
}

let ciphers;
function getCiphers() {
  if (ciphers === undefined) ciphers = binding.getCiphers();
  return ciphers.slice();
}

function getCipherInfo(nameOrNid, options) {
  if (typeof nameOrNid !== 'string' && typeof nameOrNid !== 'number') {
    throw new ERR_INVALID_ARG_TYPE('nameOrNid', ['string', 'number'],
                                   nameOrNid);
  }
  if (typeof nameOrNid === 'number') validateInt32(nameOrNid, 'nameOrNid');
  let keyLength;
  let ivLength;
  if (options !== undefined) {
    validateObject(options, 'options');
    ({ keyLength, ivLength } = options);
    if (keyLength !== undefined) validateInt32(keyLength, 'options.keyLength');
    if (ivLength !== undefined) validateInt32(ivLength, 'options.ivLength');
  }
  const info = binding.getCipherInfo(nameOrNid);
  if (info === undefined) return undefined;
  // A length asked for must be one the cipher takes.
  if (keyLength !== undefined && keyLength !== info.keyLength) return;
  if (ivLength !== undefined && ivLength !== info.ivLength) {
    const variable = info.mode === 'gcm' || info.mode === 'ocb' ||
      info.mode === 'ccm';
    if (!variable) return;
    if (info.mode === 'ccm' && (ivLength < 7 || ivLength > 13)) return;
    if (info.mode === 'ocb' && (ivLength < 1 || ivLength > 15)) return;
    if (ivLength < 1) return;
    info.ivLength = ivLength;
  }
  return info;
}

module.exports = {
  Cipher,
  Cipheriv,
  Decipher,
  Decipheriv,
  createCipher,
  createCipheriv,
  createDecipher,
  createDecipheriv,
  getCipherInfo,
  getCiphers,
};
