// zlib: compressed bytes for many codecs and options, in blocking, stream
// and callback forms, plus Node's errors. Results are sorted at the end, as
// pool work may complete in any order.
'use strict';
const zlib = require('zlib');
const C = zlib.constants;

// Compressible, text-like, deterministic.
function data(n, seed) {
  const words = ['alpha ', 'beta ', 'gamma ', 'delta ', 'x', '\n', '{"k":1}'];
  const b = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n;) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    i += b.write(words[x % words.length], i);
    if (x % 13 === 0 && i < n) b[i++] = x & 255;
  }
  return b;
}
function digest(b) {
  let h = 0;
  for (let i = 0; i < b.length; i++) h = (Math.imul(h, 31) + b[i]) >>> 0;
  return `${b.length}:${b.subarray(0, 12).toString('hex')}:` +
    `${b.subarray(-8).toString('hex')}:${h}`;
}
const out = [];
const d1 = data(200000, 7);
const d2 = data(700, 3);

for (let level = -1; level <= 9; level++) {
  out.push(`deflate level ${level} ${digest(zlib.deflateSync(d1, { level }))}`);
}
for (let strategy = 0; strategy <= 4; strategy++) {
  out.push(`gzip strategy ${strategy} ` +
           digest(zlib.gzipSync(d1, { strategy })));
}
for (const windowBits of [8, 9, 12, 15]) {
  for (const memLevel of [1, 8, 9]) {
    out.push(`raw wb ${windowBits} mem ${memLevel} ` +
             digest(zlib.deflateRawSync(d1, { windowBits, memLevel })));
  }
}
for (let q = 0; q <= 11; q += 3) {
  out.push(`brotli q ${q} ` + digest(zlib.brotliCompressSync(d1, {
    params: { [C.BROTLI_PARAM_QUALITY]: q },
  })));
}
out.push('brotli text ' + digest(zlib.brotliCompressSync(d2, {
  params: { [C.BROTLI_PARAM_MODE]: C.BROTLI_MODE_TEXT,
            [C.BROTLI_PARAM_LGWIN]: 10 },
})));
out.push('dict ' + zlib.deflateSync(d2, { dictionary: d2.subarray(0, 100) })
  .toString('hex'));
out.push('small ' + zlib.gzipSync(d2.subarray(0, 50)).toString('hex'));

for (const [name, input] of [
  ['inflate junk', () => zlib.inflateSync(Buffer.from('junk'))],
  ['gunzip short', () => zlib.gunzipSync(zlib.gzipSync(d2).subarray(0, 30))],
  ['raw bad', () => zlib.inflateRawSync(Buffer.from([0xff, 0xff]))],
  ['brotli junk', () => zlib.brotliDecompressSync(Buffer.from('junk data'))],
  ['need dict', () => zlib.inflateSync(zlib.deflateSync('a', {
    dictionary: Buffer.from('a') }))],
  ['too large', () => zlib.inflateSync(zlib.deflateSync(d1),
                                       { maxOutputLength: 1000 })],
  ['bad level', () => zlib.deflateSync('a', { level: 42 })],
  ['bad input', () => zlib.deflateSync({})],
]) {
  try {
    input();
    out.push(`${name}: no error`);
  } catch (err) {
    out.push(`${name}: ${err.name} ${err.code} ${err.errno} ${err.message}`);
  }
}

let pending = 0;
function stream(label, make, steps) {
  pending++;
  const s = make();
  const chunks = [];
  s.on('data', (c) => chunks.push(c));
  s.on('end', () => {
    out.push(`${label} ${digest(Buffer.concat(chunks))} ${s.bytesWritten}`);
    if (--pending === 0) done();
  });
  s.on('error', (e) => {
    out.push(`${label} error ${e.code} ${e.message}`);
    if (--pending === 0) done();
  });
  let i = 0;
  (function next() {
    if (i === steps.length) return s.end();
    const step = steps[i++];
    if (step === 'flush') s.flush(next);
    else if (step === 'params') s.params(9, C.Z_FILTERED, next);
    else {
      s.write(step);
      setImmediate(next);
    }
  })();
}
const parts = [];
for (let i = 0; i < d1.length; i += 9000) parts.push(d1.subarray(i, i + 9000));
stream('gzip stream', () => zlib.createGzip(), parts);
stream('gzip flushes', () => zlib.createGzip(),
       [parts[0], 'flush', parts[1], 'flush', parts[2]]);
stream('deflate params', () => zlib.createDeflate({ level: 1 }),
       [parts[0], 'params', parts[1]]);
stream('brotli stream', () => zlib.createBrotliCompress(), parts.slice(0, 6));
stream('brotli flush', () => zlib.createBrotliCompress(),
       [parts[0], 'flush', parts[1]]);
stream('raw chunk 64', () => zlib.createDeflateRaw({ chunkSize: 64 }),
       parts.slice(0, 3));
const gz = zlib.gzipSync(d1);
stream('unzip bytes', () => zlib.createUnzip(),
       [gz.subarray(0, 1), gz.subarray(1, 2), gz.subarray(2)]);
stream('gunzip bad', () => zlib.createGunzip(), [Buffer.from('nope')]);
for (const [enc, dec] of [['gzip', 'gunzip'], ['deflateRaw', 'inflateRaw'],
                          ['brotliCompress', 'brotliDecompress']]) {
  pending++;
  zlib[enc](d1, (err, packed) => {
    out.push(`${enc} cb ${err} ${digest(packed)}`);
    zlib[dec](packed, (err, back) => {
      out.push(`${dec} cb ${err} ${back.equals(d1)}`);
      if (--pending === 0) done();
    });
  });
}
function done() {
  console.log(out.sort().join('\n'));
}
