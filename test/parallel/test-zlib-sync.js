'use strict';
// zlib's blocking forms: outputs byte-identical to Node 18's (same zlib
// and brotli), round trips of every codec, options, errors and constants.
const common = require('../common');
const { assert } = common;
const zlib = require('zlib');
const C = zlib.constants;

const input = Buffer.from(
  'The quick brown fox jumps over the lazy dog. '.repeat(20));

// Outputs of Node 18.20.4 on Debian's zlib 1.2.13 and brotli 1.0.9.
const expected = {
  gzip: '1f8b08000000000000030bc94855282ccd4cce56482aca2fcf5348cbaf50c82acd' +
    '2d2856c82f4b2d5228014ae72456552aa4e4a7eb29848c2a1e553caa98da8a01e64a' +
    '66b084030000',
  gzip1: '1f8b08000000000004030bc94855282ccd4cce56482aca2fcf5348cbaf50c82ac' +
    'd2d2856c82f4b2d5228014ae72456552aa4e4a7eb29848c2a1e0d8dd1b441ed9c020' +
    '0e64a66b084030000',
  deflate: '789c0bc94855282ccd4cce56482aca2fcf5348cbaf50c82acd2d2856c82f4b2d' +
    '5228014ae72456552aa4e4a7eb29848c2a1e553caa98da8a0147a5431c',
  deflateRaw: '0bc94855282ccd4cce56482aca2fcf5348cbaf50c82acd2d2856c82f4b2d5' +
    '228014ae72456552aa4e4a7eb29848c2a1e553caa98da8a01',
  deflateDict: '78bb2ee905d30bc9485528441552c82acd2d2856c82f4b2d5228014ae724' +
    '56552aa4e4a7eb298c2a1e553caa98ea8a0147a5431c',
  brotli: '1b8303882c0e78d3d0955d9710bb172ba9cad092cc8cad415ce6f236c8199e9e0' +
    'a7b830d387048206f24be41a715ce1c1e27aa2938c289b84f8301',
  brotliQ1: '8bc1010080aaaaaaeaff74a5c3496f273d5c4c5545375335315333b50d0ee0e2' +
    '579a4871830dc63c23a8b5593866f12b6ee8b311f5a5cebe9fe82d832b0b6df93f82' +
    '26c3f04303',
  empty: '1f8b080000000000000303000000000000000000',
  emptyBr: '3b',
};

const hex = (b) => b.toString('hex');
assert.strictEqual(hex(zlib.gzipSync(input)), expected.gzip);
assert.strictEqual(hex(zlib.gzipSync(input, { level: 1 })), expected.gzip1);
assert.strictEqual(hex(zlib.deflateSync(input)), expected.deflate);
assert.strictEqual(
  hex(zlib.deflateRawSync(input, { windowBits: 9, memLevel: 1 })),
  expected.deflateRaw);
const dict = Buffer.from('quick brown fox');
assert.strictEqual(hex(zlib.deflateSync(input, { dictionary: dict })),
                   expected.deflateDict);
assert.strictEqual(hex(zlib.brotliCompressSync(input)), expected.brotli);
assert.strictEqual(hex(zlib.brotliCompressSync(input, {
  params: {
    [C.BROTLI_PARAM_QUALITY]: 1,
    [C.BROTLI_PARAM_SIZE_HINT]: input.length,
  },
})), expected.brotliQ1);
assert.strictEqual(hex(zlib.gzipSync('')), expected.empty);
assert.strictEqual(hex(zlib.brotliCompressSync('')), expected.emptyBr);

// Every input kind: string, Buffer, other views (their bytes), ArrayBuffer.
const abc = zlib.deflateSync('abc');
assert.deepStrictEqual(zlib.deflateSync(Buffer.from('abc')), abc);
assert.deepStrictEqual(zlib.deflateSync(new Uint8Array([97, 98, 99]).buffer),
                       abc);
assert.deepStrictEqual(
  zlib.deflateSync(new DataView(new Uint8Array([97, 98, 99]).buffer)), abc);
assert.strictEqual(zlib.inflateSync(zlib.deflateSync(new Uint16Array([1, 2])))
  .toString('hex'), '01000200');

// Round trips, through a big input that needs many output chunks.
const big = Buffer.alloc(200000);
for (let i = 0; i < big.length; i++) big[i] = (i * 7 + (i >> 8)) & 0x3f;
const pairs = [
  ['deflateSync', 'inflateSync'], ['gzipSync', 'gunzipSync'],
  ['deflateRawSync', 'inflateRawSync'], ['deflateSync', 'unzipSync'],
  ['gzipSync', 'unzipSync'], ['brotliCompressSync', 'brotliDecompressSync'],
];
for (const [enc, dec] of pairs) {
  assert.deepStrictEqual(zlib[dec](zlib[enc](big)), big, `${enc}/${dec}`);
  assert.deepStrictEqual(zlib[dec](zlib[enc](big), { chunkSize: 64 }), big);
}

// Concatenated gzip members read as one; zero padding after is ignored;
// anything else after is a bad header.
const two = Buffer.concat([zlib.gzipSync('abc'), zlib.gzipSync('def')]);
assert.strictEqual(zlib.gunzipSync(two).toString(), 'abcdef');
assert.strictEqual(zlib.unzipSync(two).toString(), 'abcdef');
assert.strictEqual(
  zlib.gunzipSync(Buffer.concat([zlib.gzipSync('abc'), Buffer.alloc(5)]))
    .toString(), 'abc');

function checkError(fn, message, code, errno) {
  assert.throws(fn, (err) => {
    assert.strictEqual(err.message, message);
    assert.strictEqual(err.code, code);
    assert.strictEqual(err.errno, errno);
    assert.deepStrictEqual(Object.keys(err), ['errno', 'code']);
    return true;
  });
}
checkError(() => zlib.inflateSync(Buffer.from('garbage data here')),
           'incorrect header check', 'Z_DATA_ERROR', -3);
checkError(() => zlib.gunzipSync(
  Buffer.concat([zlib.gzipSync('abc'), Buffer.from('trailing')])),
           'incorrect header check', 'Z_DATA_ERROR', -3);
checkError(() => zlib.gunzipSync(zlib.gzipSync('hello').subarray(0, 10)),
           'unexpected end of file', 'Z_BUF_ERROR', -5);
checkError(() => zlib.inflateSync(Buffer.alloc(0)),
           'unexpected end of file', 'Z_BUF_ERROR', -5);
checkError(() => zlib.inflateRawSync(Buffer.from([0xff, 0xff])),
           'invalid block type', 'Z_DATA_ERROR', -3);
checkError(() => zlib.brotliDecompressSync(Buffer.from('garbage data here')),
           'Decompression failed', 'ERR_PADDING_1', -14);
checkError(() => zlib.brotliDecompressSync(
  zlib.brotliCompressSync('hello world').subarray(0, 5)),
           'unexpected end of file', 'Z_BUF_ERROR', -5);
// A truncated stream is fine when the last flush is not a finish.
assert.strictEqual(zlib.gunzipSync(zlib.gzipSync('hello').subarray(0, 15), {
  finishFlush: C.Z_SYNC_FLUSH,
}).toString(), 'hell');

// Dictionaries.
const withDict = zlib.deflateSync('hello', {
  dictionary: Buffer.from('hello'),
});
checkError(() => zlib.inflateSync(withDict), 'Missing dictionary',
           'Z_NEED_DICT', 2);
checkError(() => zlib.inflateSync(withDict, { dictionary: Buffer.from('x') }),
           'Bad dictionary', 'Z_NEED_DICT', 2);
assert.strictEqual(zlib.inflateSync(withDict, {
  dictionary: Buffer.from('hello'),
}).toString(), 'hello');
const rawDict = zlib.deflateRawSync('abcabc', {
  dictionary: Buffer.from('abc'),
});
assert.strictEqual(hex(rawDict), '4b042300');
assert.strictEqual(zlib.inflateRawSync(rawDict, {
  dictionary: new Uint8Array([97, 98, 99]).buffer,
}).toString(), 'abcabc');

// info and maxOutputLength.
const info = zlib.gzipSync('abc', { info: true });
assert.strictEqual(hex(info.buffer),
                   '1f8b08000000000000034b4c4a0600c241243503000000');
assert.ok(info.engine instanceof zlib.Gzip);
assert.strictEqual(info.engine.bytesWritten, 3);
assert.strictEqual(info.engine._handle, null);
assert.throws(() => zlib.gunzipSync(zlib.gzipSync('x'.repeat(1000)),
                                    { maxOutputLength: 10 }), {
  name: 'RangeError',
  code: 'ERR_BUFFER_TOO_LARGE',
  message: 'Cannot create a Buffer larger than 10 bytes',
});

// Argument validation, with Node's messages.
assert.throws(() => zlib.gzipSync(123), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "buffer" argument must be of type string or an instance of ' +
    'Buffer, TypedArray, DataView, or ArrayBuffer. Received type number (123)',
});
const ranges = [
  [{ level: 10 }, 'options.level', '>= -1 and <= 9', '10'],
  [{ memLevel: 0 }, 'options.memLevel', '>= 1 and <= 9', '0'],
  [{ strategy: 5 }, 'options.strategy', '>= 0 and <= 4', '5'],
  [{ windowBits: 7 }, 'options.windowBits', '>= 9 and <= 15', '7'],
  [{ chunkSize: 10 }, 'options.chunkSize', '>= 64', '10'],
  [{ flush: 6 }, 'options.flush', '>= 0 and <= 5', '6'],
  [{ finishFlush: -1 }, 'options.finishFlush', '>= 0 and <= 5', '-1'],
  [{ level: Infinity }, 'options.level', 'a finite number', 'Infinity'],
  [{ maxOutputLength: 0 }, 'options.maxOutputLength',
   '>= 1 and <= 4294967296', '0'],
];
for (const [opts, name, range, received] of ranges) {
  assert.throws(() => zlib.createGzip(opts), {
    name: 'RangeError',
    code: 'ERR_OUT_OF_RANGE',
    message: `The value of "${name}" is out of range. It must be ${range}. ` +
      `Received ${received}`,
  });
}
assert.throws(() => zlib.createDeflate({ level: 'a' }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.level" property must be of type number. ' +
    "Received type string ('a')",
});
assert.throws(() => zlib.createDeflate({ dictionary: 'abc' }), {
  code: 'ERR_INVALID_ARG_TYPE',
});
// NaN and undefined mean the default; inflate takes windowBits 0.
zlib.createDeflate({ level: NaN, windowBits: undefined, chunkSize: NaN });
zlib.createInflate({ windowBits: 0 });
zlib.createDeflateRaw({ windowBits: 8 });
assert.throws(() => zlib.createInflateRaw({ windowBits: 0 }),
              { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => zlib.createBrotliCompress({ params: { 9999: 1 } }), {
  name: 'RangeError',
  code: 'ERR_BROTLI_INVALID_PARAM',
  message: '9999 is not a valid Brotli parameter',
});
assert.throws(() => zlib.createBrotliCompress({ params: { 1.5: 1 } }),
              { code: 'ERR_BROTLI_INVALID_PARAM' });
assert.throws(() => zlib.createBrotliCompress({
  params: { [C.BROTLI_PARAM_QUALITY]: 'a' },
}), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.params[key]" property must be of type number. ' +
    "Received type string ('a')",
});

// Constants: Node's full table, frozen values; the legacy copies on the
// module are there but not enumerable.
assert.strictEqual(Object.keys(C).length, 107);
assert.strictEqual(C.Z_MAX_CHUNK, Infinity);
assert.strictEqual(C.BROTLI_DECODER_ERROR_UNREACHABLE, -31);
assert.strictEqual(C.ZLIB_VERNUM, 4816);
assert.strictEqual(Object.getPrototypeOf(C), null);
assert.strictEqual(zlib.Z_SYNC_FLUSH, 2);
assert.strictEqual(zlib.DEFLATERAW, 5);
assert.strictEqual(zlib.BROTLI_OPERATION_FLUSH, undefined);
assert.ok(!Object.keys(zlib).includes('Z_OK'));
assert.strictEqual(zlib.codes.Z_DATA_ERROR, -3);
assert.strictEqual(zlib.codes['-3'], 'Z_DATA_ERROR');
assert.strictEqual(zlib.crc32, undefined);  // only newer Node has it
assert.deepStrictEqual(Object.keys(zlib).slice(0, 11), [
  'Deflate', 'Inflate', 'Gzip', 'Gunzip', 'DeflateRaw', 'InflateRaw',
  'Unzip', 'BrotliCompress', 'BrotliDecompress', 'deflate', 'deflateSync',
]);
// The classes work with and without new.
assert.ok(zlib.Gzip() instanceof zlib.Gzip);
assert.ok(new zlib.Unzip() instanceof require('stream').Transform);
