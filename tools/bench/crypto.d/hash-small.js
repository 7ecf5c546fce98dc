'use strict';
// The common one-liner: createHash().update(short string).digest('hex'),
// where the JS <-> C crossing costs more than the hashing.
const crypto = require('crypto');
const n = 200000;
const start = process.hrtime.bigint();
let x;
for (let i = 0; i < n; i++) {
  x = crypto.createHash('sha256').update('hello world ' + i).digest('hex');
}
const s = Number(process.hrtime.bigint() - start) / 1e9;
if (x.length !== 64) throw new Error('bad digest');
console.log(`sha256-small-digests ${(n / s).toFixed(0)} ops/s`);
