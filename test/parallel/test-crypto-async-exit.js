'use strict';
// Crypto work still on the threadpool when the process exits is dropped:
// no callback runs, nothing crashes or leaks (the sanitizer build checks).
const { mustNotCall } = require('../common');
const crypto = require('crypto');

for (let i = 0; i < 3; i++) {
  crypto.pbkdf2('pw', 'salt', 20000, 64, 'sha512', mustNotCall());
  crypto.scrypt('pw', 'salt', 64, mustNotCall());
  crypto.randomBytes(1024, mustNotCall());
}
crypto.generateKeyPair('rsa', { modulusLength: 512 }, mustNotCall());
crypto.hkdf('sha256', 'k', 's', 'i', 32, mustNotCall());
process.exit(0);
