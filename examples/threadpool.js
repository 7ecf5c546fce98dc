'use strict';
// The founding notes' experiment: libuv runs crypto.pbkdf2 on its
// threadpool, 4 threads unless UV_THREADPOOL_SIZE says otherwise. Six
// hashes started at the same moment finish in batches of the pool size:
// with 4 threads, four finish together, the other two about one hash-time
// later. Try UV_THREADPOOL_SIZE=2 or =6 to see the batches change.
const crypto = require('crypto');

const count = 6;
const start = Date.now();
const size = process.env.UV_THREADPOOL_SIZE || '4 (default)';
console.log(`threadpool size: ${size}; starting ${count} pbkdf2 hashes ` +
            '(100000 iterations, sha512)');
for (let i = 1; i <= count; i++) {
  crypto.pbkdf2('a', 'b', 100000, 64, 'sha512', (err) => {
    if (err) throw err;
    console.log(`${i}: ${Date.now() - start} ms`);
  });
}
