// gzip and gunzip of 32 MiB, blocking and as streams. Prints
// "name value MB/s" lines (MB = 2^20 bytes of uncompressed data).
'use strict';
const zlib = require('zlib');

const SIZE = 32 << 20;
// Text-like data: words from a small vocabulary in a pseudo-random order,
// which gzip shrinks about 3:1, like logs or JSON.
const words = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta',
               'theta', 'iota', 'kappa', 'lambda', 'mu', '{"id":', '},\n',
               '0', '17', '"name"', 'true', 'null', ' ']
  .map((w) => Buffer.from(w + ' '));
const input = Buffer.alloc(SIZE);
let seed = 12345;
for (let off = 0; off < SIZE;) {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  off += words[(seed >>> 8) % words.length].copy(input, off);
}

function report(name, bytes, ns) {
  const mbs = bytes / (1 << 20) / (Number(ns) / 1e9);
  console.log(`${name} ${mbs.toFixed(1)} MB/s`);
}

function timeSync(name, fn) {
  const t0 = process.hrtime.bigint();
  const out = fn();
  report(name, SIZE, process.hrtime.bigint() - t0);
  return out;
}

function timeStream(name, stream, data, done) {
  const t0 = process.hrtime.bigint();
  let n = 0;
  stream.on('data', (c) => { n += c.length; });
  stream.on('end', () => {
    report(name, SIZE, process.hrtime.bigint() - t0);
    done(n);
  });
  const step = 64 << 10;
  let off = 0;
  (function write() {
    while (off < data.length) {
      const ok = stream.write(data.subarray(off, off + step));
      off += step;
      if (!ok) {
        stream.once('drain', write);
        return;
      }
    }
    stream.end();
  })();
}

const packed = timeSync('gzip-sync', () => zlib.gzipSync(input));
timeSync('gunzip-sync', () => zlib.gunzipSync(packed));
timeStream('gzip-stream', zlib.createGzip(), input, () => {
  timeStream('gunzip-stream', zlib.createGunzip(), packed, () => {
    const t0 = process.hrtime.bigint();
    zlib.gzip(input, (err) => {
      if (err) throw err;
      report('gzip-callback', SIZE, process.hrtime.bigint() - t0);
    });
  });
});
