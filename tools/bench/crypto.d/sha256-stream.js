'use strict';
// sha256 of 256 MiB fed in 64 KiB updates.
const crypto = require('crypto');
const chunk = crypto.randomBytes(64 * 1024);
const total = 256 * 1024 * 1024;
const start = process.hrtime.bigint();
const h = crypto.createHash('sha256');
for (let done = 0; done < total; done += chunk.length) h.update(chunk);
h.digest('hex');
const s = Number(process.hrtime.bigint() - start) / 1e9;
console.log(`sha256-256MiB-64KiB ${(256 / s).toFixed(1)} MiB/s`);
