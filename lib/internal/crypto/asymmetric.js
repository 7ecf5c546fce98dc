'use strict';

// Asymmetric keys over OpenSSL EVP_PKEYs (internalBinding('crypto_keys')):
// createPublicKey/createPrivateKey (PEM and DER), generateKeyPair(Sync)
// for rsa, rsa-pss, ec, ed25519/ed448 and x25519/x448, sign/verify (one
// shot, and the Sign/Verify objects), and RSA public/private
// encryption.

const {
  codes: {
    ERR_CRYPTO_SIGN_KEY_REQUIRED, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE,
  },
} = require('internal/errors');
const {
  validateFunction, validateObject, validateString, validateUint32,
} = require('internal/validators');
const { Buffer } = require('buffer');
const { Writable } = require('stream');
const {
  KeyObject, PrivateKeyObject, PublicKeyObject, isKeyObject, kHandle,
} = require('internal/crypto/keys');
const {
  encodeOutput, getArrayBufferOrView, isByteView, normalizeEncoding,
  toBuffer, toUint8, toUpdateData,
} = require('internal/crypto/util');
const binding = internalBinding('crypto_keys');

const kKeyArg = ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView',
  'KeyObject', 'CryptoKey'];

function passphraseBytes(passphrase) {
  if (passphrase === undefined || passphrase === null) return undefined;
  if (typeof passphrase === 'string') return Buffer.from(passphrase);
  if (isByteView(passphrase)) return toUint8(passphrase);
  throw new ERR_INVALID_ARG_TYPE('key.passphrase',
                                 ['string', 'Buffer', 'TypedArray',
                                   'DataView'], passphrase);
}

// A native key handle from what Node accepts as a key: a KeyObject, a PEM
// string or buffer, or { key, format, type, passphrase, encoding }.
// `isPublic` parses the public half (from a public or a private key).
function parseKey(key, isPublic, name = 'key') {
  if (isKeyObject(key)) {
    if (key.type === 'secret') {
      const { codes } = require('internal/errors');
      throw new codes.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(
        'secret', isPublic ? 'private or public' : 'private');
    }
    if (!isPublic && key.type !== 'private') {
      const { codes } = require('internal/errors');
      throw new codes.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'private');
    }
    return key[kHandle];
  }
  let data = key;
  let format = 'pem';
  let passphrase;
  let encoding;
  if (typeof key === 'object' && key !== null && !isByteView(key)) {
    ({ key: data, format = 'pem', passphrase, encoding } = key);
    if (isKeyObject(data)) return parseKey(data, isPublic, name);
    if (format === 'jwk') {
      throw new ERR_INVALID_ARG_VALUE('key.format', format,
                                      'is not supported by noderun yet');
    }
    if (format !== 'pem' && format !== 'der') {
      throw new ERR_INVALID_ARG_VALUE('key.format', format);
    }
    name = 'key.key';
  }
  if (typeof data === 'string') {
    data = Buffer.from(data, normalizeEncoding(encoding));
  } else if (isByteView(data)) {
    data = toUint8(data);
  } else {
    throw new ERR_INVALID_ARG_TYPE(name, kKeyArg, data);
  }
  return binding.keyParse(data, format, isPublic,
                          passphraseBytes(passphrase));
}

function createPublicKey(key) {
  // From a KeyObject, only a private one (its public half).
  const inner = typeof key === 'object' && key !== null &&
    !isKeyObject(key) && !isByteView(key) ? key.key : key;
  if (isKeyObject(inner) && inner.type !== 'private') {
    const { codes } = require('internal/errors');
    throw new codes.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(inner.type, 'private');
  }
  return new PublicKeyObject(parseKey(key, true));
}

function createPrivateKey(key) {
  if (isKeyObject(key)) {
    throw new ERR_INVALID_ARG_TYPE('key', ['string', 'ArrayBuffer', 'Buffer',
      'TypedArray', 'DataView'], key);
  }
  return new PrivateKeyObject(parseKey(key, false));
}

// ---- Key generation ---------------------------------------------------------

const kKeyTypes = ['rsa', 'rsa-pss', 'dsa', 'ec', 'ed25519', 'ed448',
  'x25519', 'x448', 'dh'];

function keygenArgs(type, options) {
  validateString(type, 'type');
  if (!kKeyTypes.includes(type)) {
    throw new ERR_INVALID_ARG_VALUE('type', type,
                                    'must be a supported key type');
  }
  // Types with parameters need options; the others take them optionally.
  if (options !== undefined || ['rsa', 'rsa-pss', 'dsa', 'ec', 'dh']
    .includes(type)) {
    validateObject(options, 'options');
  }
  const o = options || {};
  let bits = 0;
  let exponent = 0x10001;
  let curve;
  let explicit = false;
  if (type === 'rsa' || type === 'rsa-pss') {
    validateUint32(o.modulusLength, 'options.modulusLength');
    bits = o.modulusLength;
    if (o.publicExponent !== undefined) {
      validateUint32(o.publicExponent, 'options.publicExponent');
      exponent = o.publicExponent;
    }
  } else if (type === 'ec') {
    validateString(o.namedCurve, 'options.namedCurve');
    curve = o.namedCurve;
    const { paramEncoding } = o;
    if (paramEncoding !== undefined && paramEncoding !== 'named' &&
        paramEncoding !== 'explicit') {
      throw new ERR_INVALID_ARG_VALUE('options.paramEncoding', paramEncoding);
    }
    explicit = paramEncoding === 'explicit';
  } else if (type === 'dsa' || type === 'dh') {
    throw new ERR_INVALID_ARG_VALUE('type', type,
                                    'is not supported by noderun yet');
  }
  return { bits, exponent, curve, explicit };
}

// The pair as KeyObjects, or exported as publicKeyEncoding /
// privateKeyEncoding ask.
function keygenOutput(pair, options) {
  const publicKey = new PublicKeyObject(pair[0]);
  const privateKey = new PrivateKeyObject(pair[1]);
  const { publicKeyEncoding, privateKeyEncoding } = options || {};
  return {
    publicKey: publicKeyEncoding === undefined ? publicKey :
      publicKey.export(publicKeyEncoding),
    privateKey: privateKeyEncoding === undefined ? privateKey :
      privateKey.export(privateKeyEncoding),
  };
}

function checkEncodings(options) {
  const { publicKeyEncoding, privateKeyEncoding } = options || {};
  for (const [name, value] of [['publicKeyEncoding', publicKeyEncoding],
    ['privateKeyEncoding', privateKeyEncoding]]) {
    if (value !== undefined && (typeof value !== 'object' || value === null)) {
      throw new ERR_INVALID_ARG_VALUE(`options.${name}`, value);
    }
  }
}

function generateKeyPairSync(type, options) {
  const a = keygenArgs(type, options);
  checkEncodings(options);
  return keygenOutput(binding.keyGenerate(type, a.bits, a.exponent, a.curve,
                                          a.explicit), options);
}

function generateKeyPair(type, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  const a = keygenArgs(type, options);
  checkEncodings(options);
  const done = (err, pair) => {
    if (err) return callback(err);
    let out;
    try {
      out = keygenOutput(pair, options);
    } catch (e) {
      return callback(e);
    }
    callback(null, out.publicKey, out.privateKey);
  };
  binding.keyGenerate(type, a.bits, a.exponent, a.curve, a.explicit, done);
}

// util.promisify(generateKeyPair) resolves to { publicKey, privateKey }.
Object.defineProperty(generateKeyPair, require('util').promisify.custom, {
  value(type, options) {
    return new Promise((resolve, reject) => {
      generateKeyPair(type, options, (err, publicKey, privateKey) => {
        if (err) reject(err);
        else resolve({ publicKey, privateKey });
      });
    });
  },
});

// ---- Signatures -------------------------------------------------------------

function sigOptions(key) {
  let padding = -1;
  let saltLength;
  let p1363 = false;
  if (typeof key === 'object' && key !== null && !isKeyObject(key) &&
      !isByteView(key)) {
    if (key.padding !== undefined) {
      if (key.padding !== (key.padding | 0)) {
        throw new ERR_INVALID_ARG_VALUE('options.padding', key.padding);
      }
      padding = key.padding;
    }
    if (key.saltLength !== undefined) {
      if (key.saltLength !== (key.saltLength | 0)) {
        throw new ERR_INVALID_ARG_VALUE('options.saltLength', key.saltLength);
      }
      saltLength = key.saltLength;
    }
    const { dsaEncoding } = key;
    if (dsaEncoding !== undefined && dsaEncoding !== 'der' &&
        dsaEncoding !== 'ieee-p1363') {
      throw new ERR_INVALID_ARG_VALUE('options.dsaEncoding', dsaEncoding);
    }
    p1363 = dsaEncoding === 'ieee-p1363';
  }
  return { padding, saltLength, p1363 };
}

function signOneShot(algorithm, data, key, callback) {
  if (algorithm !== null && algorithm !== undefined) {
    validateString(algorithm, 'algorithm');
  }
  if (callback !== undefined) validateFunction(callback, 'callback');
  data = getArrayBufferOrView(data, 'data');
  if (!key) throw new ERR_CRYPTO_SIGN_KEY_REQUIRED();
  const { padding, saltLength, p1363 } = sigOptions(key);
  const handle = parseKey(key, false);
  if (callback) {
    binding.sign(handle, algorithm, data, padding, saltLength, p1363,
                 (err, ab) => {
                   if (err) callback(err);
                   else callback(null, toBuffer(ab));
                 });
    return;
  }
  return toBuffer(binding.sign(handle, algorithm, data, padding, saltLength,
                               p1363));
}

function verifyOneShot(algorithm, data, key, signature, callback) {
  if (algorithm !== null && algorithm !== undefined) {
    validateString(algorithm, 'algorithm');
  }
  if (callback !== undefined) validateFunction(callback, 'callback');
  data = getArrayBufferOrView(data, 'data');
  if (!ArrayBuffer.isView(signature)) {
    throw new ERR_INVALID_ARG_TYPE('signature',
                                   ['Buffer', 'TypedArray', 'DataView'],
                                   signature);
  }
  const { padding, saltLength, p1363 } = sigOptions(key);
  const handle = parseKey(key, true);
  if (callback) {
    binding.verify(handle, algorithm, data, signature, padding, saltLength,
                   p1363, callback);
    return;
  }
  return binding.verify(handle, algorithm, data, signature, padding,
                        saltLength, p1363);
}

const kAlgorithm = Symbol('kAlgorithm');
const kChunks = Symbol('kChunks');

// Sign and Verify collect what they are given and sign it in one call at
// the end.
function initSigner(self, algorithm, options) {
  validateString(algorithm, 'algorithm');
  try {
    internalBinding('crypto_hash').hashNew(algorithm);
  } catch {
    const err = new Error('Invalid digest');
    err.code = 'ERR_CRYPTO_INVALID_DIGEST';
    throw err;
  }
  self[kAlgorithm] = algorithm;
  self[kChunks] = [];
  Writable.call(self, options);
}

function signerUpdate(data, encoding) {
  this[kChunks].push(Buffer.from(toUpdateData(data, encoding)));
  return this;
}

function signerWrite(chunk, encoding, callback) {
  this.update(chunk, encoding);
  callback();
}

function Sign(algorithm, options) {
  if (!(this instanceof Sign)) return new Sign(algorithm, options);
  initSigner(this, algorithm, options);
}
Object.setPrototypeOf(Sign.prototype, Writable.prototype);
Object.setPrototypeOf(Sign, Writable);
Sign.prototype.update = signerUpdate;
Sign.prototype._write = signerWrite;
Sign.prototype.sign = function sign(privateKey, outputEncoding) {
  if (!privateKey) throw new ERR_CRYPTO_SIGN_KEY_REQUIRED();
  const data = Buffer.concat(this[kChunks]);
  const sig = signOneShot(this[kAlgorithm], data, privateKey);
  return encodeOutput(sig, outputEncoding);
};

function Verify(algorithm, options) {
  if (!(this instanceof Verify)) return new Verify(algorithm, options);
  initSigner(this, algorithm, options);
}
Object.setPrototypeOf(Verify.prototype, Writable.prototype);
Object.setPrototypeOf(Verify, Writable);
Verify.prototype.update = signerUpdate;
Verify.prototype._write = signerWrite;
Verify.prototype.verify = function verify(object, signature, sigEncoding) {
  if (typeof signature === 'string') {
    signature = Buffer.from(signature, normalizeEncoding(sigEncoding));
  }
  const data = Buffer.concat(this[kChunks]);
  return verifyOneShot(this[kAlgorithm], data, object, signature);
};

function createSign(algorithm, options) {
  return new Sign(algorithm, options);
}

function createVerify(algorithm, options) {
  return new Verify(algorithm, options);
}

// ---- RSA encryption ---------------------------------------------------------

const RSA_PKCS1_PADDING = 1;
const RSA_PKCS1_OAEP_PADDING = 4;

function rsaFunction(op, isPublic, defaultPadding) {
  return function(key, buffer) {
    const handle = parseKey(key, isPublic);
    let padding = defaultPadding;
    let oaepHash;
    let oaepLabel;
    let encoding;
    if (typeof key === 'object' && key !== null && !isKeyObject(key) &&
        !isByteView(key)) {
      if (key.padding !== undefined) padding = key.padding;
      encoding = key.encoding;
      if (key.oaepHash !== undefined) {
        validateString(key.oaepHash, 'key.oaepHash');
        oaepHash = key.oaepHash;
      }
      if (key.oaepLabel !== undefined) {
        oaepLabel = getArrayBufferOrView(key.oaepLabel, 'key.oaepLabel');
      }
    }
    // A string to encrypt is read in the key's encoding.
    buffer = getArrayBufferOrView(buffer, 'buffer', encoding);
    return toBuffer(binding.rsaCipher(op, handle, buffer, padding, oaepHash,
                                      oaepLabel));
  };
}

const publicEncrypt = rsaFunction(0, true, RSA_PKCS1_OAEP_PADDING);
const privateDecrypt = rsaFunction(1, false, RSA_PKCS1_OAEP_PADDING);
const privateEncrypt = rsaFunction(2, false, RSA_PKCS1_PADDING);
const publicDecrypt = rsaFunction(3, true, RSA_PKCS1_PADDING);

let curves;
function getCurves() {
  if (curves === undefined) curves = binding.getCurves();
  return curves.slice();
}

module.exports = {
  KeyObject,
  Sign,
  Verify,
  createPrivateKey,
  createPublicKey,
  createSign,
  createVerify,
  generateKeyPair,
  generateKeyPairSync,
  getCurves,
  privateDecrypt,
  privateEncrypt,
  publicDecrypt,
  publicEncrypt,
  signOneShot,
  verifyOneShot,
};
