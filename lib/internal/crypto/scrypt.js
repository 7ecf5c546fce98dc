'use strict';

// scrypt / scryptSync (RFC 7914) by OpenSSL, the callback form on the
// threadpool.

const {
  codes: { ERR_CRYPTO_SCRYPT_INVALID_PARAMETER },
} = require('internal/errors');
const {
  validateFunction, validateInt32, validateInteger, validateUint32,
} = require('internal/validators');
const { getArrayBufferOrView, toBuffer } = require('internal/crypto/util');
const binding = internalBinding('crypto_kdf');

const defaults = { N: 16384, r: 8, p: 1, maxmem: 32 << 20 };

// Reads N/cost, r/blockSize, p/parallelization and maxmem; an option and
// its alias together are an error.
function getParams(options) {
  let { N, r, p, maxmem } = defaults;
  if (options && options !== defaults) {
    const has = (k) => options[k] !== undefined;
    if (has('N')) {
      N = options.N;
      validateUint32(N, 'N');
    }
    if (has('cost')) {
      if (has('N')) throw new ERR_CRYPTO_SCRYPT_INVALID_PARAMETER();
      N = options.cost;
      validateUint32(N, 'cost');
    }
    if (has('r')) {
      r = options.r;
      validateUint32(r, 'r');
    }
    if (has('blockSize')) {
      if (has('r')) throw new ERR_CRYPTO_SCRYPT_INVALID_PARAMETER();
      r = options.blockSize;
      validateUint32(r, 'blockSize');
    }
    if (has('p')) {
      p = options.p;
      validateUint32(p, 'p');
    }
    if (has('parallelization')) {
      if (has('p')) throw new ERR_CRYPTO_SCRYPT_INVALID_PARAMETER();
      p = options.parallelization;
      validateUint32(p, 'parallelization');
    }
    if (has('maxmem')) {
      maxmem = options.maxmem;
      validateInteger(maxmem, 'maxmem', 0);
    }
    if (N === 0) N = defaults.N;
    if (r === 0) r = defaults.r;
    if (p === 0) p = defaults.p;
    if (maxmem === 0) maxmem = defaults.maxmem;
  }
  return { N, r, p, maxmem };
}

function check(password, salt, keylen, options) {
  password = getArrayBufferOrView(password, 'password');
  salt = getArrayBufferOrView(salt, 'salt');
  validateInt32(keylen, 'keylen', 0);
  return { password, salt, keylen, ...getParams(options) };
}

function scrypt(password, salt, keylen, options, callback = defaults) {
  if (callback === defaults) {
    callback = options;
    options = defaults;
  }
  const a = check(password, salt, keylen, options);
  validateFunction(callback, 'callback');
  binding.scrypt(a.password, a.salt, a.keylen, a.N, a.r, a.p, a.maxmem,
                 (err, ab) => {
                   if (err) callback(err);
                   else callback(null, toBuffer(ab));
                 });
}

function scryptSync(password, salt, keylen, options = defaults) {
  const a = check(password, salt, keylen, options);
  return toBuffer(binding.scrypt(a.password, a.salt, a.keylen, a.N, a.r, a.p,
                                 a.maxmem));
}

module.exports = { scrypt, scryptSync };
