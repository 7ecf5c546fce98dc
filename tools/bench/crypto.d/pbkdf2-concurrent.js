'use strict';
// 8 pbkdf2 (100,000 iterations, sha512) started together: the threadpool
// runs them 4 at a time (UV_THREADPOOL_SIZE); hashes per second overall.
const crypto = require('crypto');
const n = 8;
const start = process.hrtime.bigint();
let left = n;
for (let i = 0; i < n; i++) {
  crypto.pbkdf2('password', 'salt', 100000, 64, 'sha512', (err) => {
    if (err) throw err;
    if (--left === 0) {
      const s = Number(process.hrtime.bigint() - start) / 1e9;
      console.log(`pbkdf2-8x100k-sha512 ${(n / s).toFixed(2)} hashes/s`);
    }
  });
}
