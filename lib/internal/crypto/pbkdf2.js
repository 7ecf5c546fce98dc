'use strict';

// pbkdf2 / pbkdf2Sync: PKCS #5 PBKDF2 with HMAC, derived by OpenSSL (on
// the threadpool for the callback form).

const { validateFunction, validateInt32, validateString } =
  require('internal/validators');
const { getArrayBufferOrView, toBuffer } = require('internal/crypto/util');
const binding = internalBinding('crypto_kdf');

function check(password, salt, iterations, keylen, digest) {
  validateString(digest, 'digest');
  password = getArrayBufferOrView(password, 'password');
  salt = getArrayBufferOrView(salt, 'salt');
  validateInt32(iterations, 'iterations', 1);
  validateInt32(keylen, 'keylen', 0);
  return { password, salt, iterations, keylen, digest };
}

function pbkdf2(password, salt, iterations, keylen, digest, callback) {
  if (typeof digest === 'function') {
    callback = digest;
    digest = undefined;
  }
  const a = check(password, salt, iterations, keylen, digest);
  validateFunction(callback, 'callback');
  binding.pbkdf2(a.password, a.salt, a.iterations, a.keylen, a.digest,
                 (err, ab) => {
                   if (err) callback(err);
                   else callback(null, toBuffer(ab));
                 });
}

function pbkdf2Sync(password, salt, iterations, keylen, digest) {
  const a = check(password, salt, iterations, keylen, digest);
  return toBuffer(binding.pbkdf2(a.password, a.salt, a.iterations, a.keylen,
                                 a.digest));
}

module.exports = { pbkdf2, pbkdf2Sync };
