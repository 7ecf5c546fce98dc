'use strict';
// zlib's stream and callback forms (their writes run on the threadpool):
// the same bytes as Node 18, flush/params/reset/close, bytesWritten,
// backpressure in chunkSize pieces, errors through callbacks and events.
const common = require('../common');
const { assert, mustCall } = common;
const zlib = require('zlib');
const C = zlib.constants;

function collect(stream, cb) {
  const chunks = [];
  stream.on('data', (c) => chunks.push(c));
  stream.on('end', mustCall(() => cb(Buffer.concat(chunks))));
}

// params() in mid-stream: Node 18's bytes.
{
  const d = zlib.createDeflate({ level: 1 });
  collect(d, (out) => {
    assert.strictEqual(out.toString('hex'),
                       '78014a4ca43d00000000ffff4ba2030000d6394c2d');
  });
  d.write('a'.repeat(100));
  d.params(9, C.Z_FILTERED, mustCall(() => {
    d.write('b'.repeat(100));
    d.end();
  }));
  assert.throws(() => d.params(10, 0), {
    code: 'ERR_OUT_OF_RANGE',
    message: 'The value of "level" is out of range. It must be >= -1 and ' +
      '<= 9. Received 10',
  });
}

// flush(): what was written comes out before the end.
{
  const g = zlib.createGzip();
  const chunks = [];
  g.on('data', (c) => chunks.push(c));
  g.write('hello hello hello');
  g.flush(mustCall(() => {
    assert.strictEqual(Buffer.concat(chunks).toString('hex'),
                       '1f8b0800000000000003ca48cdc9c957c8409000000000ffff');
    g.flush(C.Z_SYNC_FLUSH, mustCall(() => g.end('x')));
  }));
  g.on('end', mustCall(() => {
    assert.strictEqual(
      Buffer.concat(chunks).toString('hex'),
      '1f8b0800000000000003ca48cdc9c957c8409000000000ffffab00002b6c81611200' +
      '0000');
    assert.strictEqual(g.bytesWritten, 18);
  }));
}
{
  const b = zlib.createBrotliCompress();
  const chunks = [];
  b.on('data', (c) => chunks.push(c));
  b.write('brotli brotli');
  b.flush(mustCall(() => {
    assert.strictEqual(Buffer.concat(chunks).toString('hex'),
                       '0b068062726f746c692062726f746c69');
    b.end();
  }));
}

// reset(): the stream starts over.
{
  const r = zlib.createDeflate();
  const chunks = [];
  r.on('data', (c) => chunks.push(c));
  r.write('first');
  r.flush(mustCall(() => {
    r.reset();
    chunks.length = 0;
    r.end('second');
  }));
  r.on('end', mustCall(() => {
    assert.strictEqual(Buffer.concat(chunks).toString('hex'),
                       '789c2b4e4dcecf4b010008ca027d');
  }));
}

// A stream in many small writes gives the one-shot bytes, for every codec.
const big = Buffer.alloc(300000);
for (let i = 0; i < big.length; i++) big[i] = (i * 13 + (i >> 10)) & 0x7f;
for (const [make, sync] of [
  [zlib.createGzip, zlib.gzipSync],
  [zlib.createDeflateRaw, zlib.deflateRawSync],
  [zlib.createBrotliCompress, zlib.brotliCompressSync],
]) {
  const s = make({ chunkSize: 1024 });
  collect(s, (out) => {
    assert.deepStrictEqual(out, sync(big));
    assert.strictEqual(s.bytesWritten, big.length);
  });
  for (let i = 0; i < big.length; i += 40000) {
    s.write(big.subarray(i, i + 40000));
  }
  s.end();
}

// Decompression in one-byte writes (the unzip header check too).
{
  const gz = zlib.gzipSync(big.subarray(0, 5000));
  const u = zlib.createUnzip();
  collect(u, (out) => assert.deepStrictEqual(out, big.subarray(0, 5000)));
  for (let i = 0; i < gz.length; i++) u.write(gz.subarray(i, i + 1));
  u.end();
}

// Backpressure: while nobody reads, output stops near the high-water mark
// instead of inflating everything; reading resumes it.
{
  const packed = zlib.deflateSync(Buffer.alloc(1 << 20));
  const inf = zlib.createInflate({ chunkSize: 1024 });
  inf.end(packed);
  // Once the buffer reached the mark, more time changes nothing.
  const poll = setInterval(() => {
    if (inf.readableLength < inf.readableHighWaterMark) return;
    clearInterval(poll);
    setTimeout(mustCall(() => {
      const held = inf.readableLength;
      assert.ok(held <= inf.readableHighWaterMark + 1024, held);
      collect(inf, (out) => {
        assert.strictEqual(out.length, 1 << 20);
        assert.ok(out.every((b) => b === 0));
      });
    }), 100);
  }, 5);
}

// Callback forms equal the blocking ones; errors arrive as Node's.
zlib.gzip(big, mustCall((err, out) => {
  assert.ifError(err);
  assert.deepStrictEqual(out, zlib.gzipSync(big));
  zlib.gunzip(out, mustCall((err, back) => {
    assert.ifError(err);
    assert.deepStrictEqual(back, big);
  }));
}));
zlib.brotliCompress('abc', mustCall((err, out) => {
  assert.ifError(err);
  zlib.brotliDecompress(out, { info: true }, mustCall((err, res) => {
    assert.ifError(err);
    assert.strictEqual(res.buffer.toString(), 'abc');
    assert.ok(res.engine instanceof zlib.BrotliDecompress);
  }));
}));
zlib.inflate(Buffer.from('not deflate'), mustCall((err, out) => {
  assert.strictEqual(out, undefined);
  assert.strictEqual(err.message, 'incorrect header check');
  assert.strictEqual(err.code, 'Z_DATA_ERROR');
  assert.strictEqual(err.errno, -3);
}));
zlib.gunzip(zlib.gzipSync('x'.repeat(100000)), { maxOutputLength: 100 },
            mustCall((err) => {
              assert.strictEqual(err.code, 'ERR_BUFFER_TOO_LARGE');
            }));
assert.throws(() => zlib.deflate('abc'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "callback" argument must be of type function. ' +
    'Received undefined',
});

// A stream's error event; writes after close fail.
{
  const g = zlib.createGunzip();
  g.on('error', mustCall((err) => {
    assert.strictEqual(err.code, 'Z_DATA_ERROR');
    assert.strictEqual(g._handle, null);
  }));
  g.end('definitely not gzip');
}
{
  const d = zlib.createDeflate();
  d.close(mustCall());
  d.write('abc', mustCall((err) => {
    assert.strictEqual(err.code, 'ERR_STREAM_DESTROYED');
  }));
}
// Destroying a stream while its write is on the pool is safe.
{
  const g = zlib.createGzip();
  g.write(big);
  g.destroy();
  g.on('close', mustCall());
}

// The readable side ends where the compressed stream ends, even while the
// writer goes on; what follows is not counted.
for (const [pack, make] of [[zlib.deflateSync, zlib.createInflate],
                            [zlib.brotliCompressSync,
                             zlib.createBrotliDecompress]]) {
  const packed = pack('payload');
  const s = make();
  collect(s, (out) => {
    assert.strictEqual(out.toString(), 'payload');
    assert.strictEqual(s.bytesWritten, packed.length);
  });
  s.write(Buffer.concat([packed, Buffer.from('trailing junk')]));
}
// Views other than Uint8Array go in as their bytes.
zlib.deflate(new Int16Array([1, 2]), mustCall((err, out) => {
  assert.ifError(err);
  assert.strictEqual(zlib.inflateSync(out).toString('hex'), '01000200');
}));
