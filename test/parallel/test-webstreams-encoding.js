'use strict';
// TextEncoderStream, TextDecoderStream, CompressionStream and
// DecompressionStream: chunking, errors and inspect output as in Node 18.
const common = require('../common');
const assert = require('assert');
const util = require('util');
const web = require('stream/web');

for (const name of ['TextEncoderStream', 'TextDecoderStream',
  'CompressionStream', 'DecompressionStream']) {
  assert.strictEqual(globalThis[name], web[name]);
}

const te = new TextEncoderStream();
assert.strictEqual(te.encoding, 'utf-8');
assert.strictEqual(util.inspect(te), 'TextEncoderStream {\n' +
  "  encoding: 'utf-8',\n" +
  "  readable: ReadableStream { locked: false, state: 'readable', supportsBYOB: false },\n" +
  "  writable: WritableStream { locked: false, state: 'writable' }\n}");
const td = new TextDecoderStream('utf-8', { fatal: true });
assert.deepStrictEqual([td.encoding, td.fatal, td.ignoreBOM],
                       ['utf-8', true, false]);
assert.throws(() => new CompressionStream('zip'), {
  name: 'TypeError', code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'format' is invalid. Received 'zip'",
});
assert.throws(() => new DecompressionStream('deflate-raw'), {
  code: 'ERR_INVALID_ARG_VALUE',
});
assert.throws(() => new TextDecoderStream('nope'), {
  name: 'RangeError', code: 'ERR_ENCODING_NOT_SUPPORTED',
  message: 'The "nope" encoding is not supported',
});

function from(chunks) {
  return new ReadableStream({
    start(c) { for (const chunk of chunks) c.enqueue(chunk); c.close(); },
  });
}

async function collect(stream) {
  const out = [];
  for await (const chunk of stream) out.push(chunk);
  return out;
}

(async () => {
  // A surrogate pair split across chunks is encoded whole; empty chunks
  // give nothing.
  const encoded = await collect(from(['h€', '', '\ud83d', '\ude00x'])
    .pipeThrough(new TextEncoderStream()));
  assert.deepStrictEqual(encoded.map((c) => Array.from(c).join(',')),
                         ['104,226,130,172', '240,159,152,128,120']);
  const lone = await collect(from(['a\ud83d'])
    .pipeThrough(new TextEncoderStream()));
  assert.deepStrictEqual(lone.map((c) => Array.from(c)),
                         [[97], [0xef, 0xbf, 0xbd]]);

  const bytes = [[0xe2], [0x82, 0xac, 0xf0, 0x9f], [0x98], [0x80, 0x41]];
  const decoded = await collect(from(bytes.map((b) => new Uint8Array(b)))
    .pipeThrough(new TextDecoderStream()));
  assert.deepStrictEqual(decoded, ['€', '😀A']);
  const truncated = await collect(from([new Uint8Array([0xe2])])
    .pipeThrough(new TextDecoderStream()));
  assert.deepStrictEqual(truncated, ['\ufffd']);
  await assert.rejects(
    collect(from([new Uint8Array([0xff])])
      .pipeThrough(new TextDecoderStream('utf-8', { fatal: true }))),
    { name: 'TypeError', code: 'ERR_ENCODING_INVALID_ENCODED_DATA',
      message: 'The encoded data was not valid for encoding utf-8' });

  for (const format of ['gzip', 'deflate']) {
    const compressed = await collect(
      from([new TextEncoder().encode('hello hello hello')])
        .pipeThrough(new CompressionStream(format)));
    assert.ok(compressed.every((c) => c instanceof Uint8Array));
    const all = Buffer.concat(compressed);
    assert.strictEqual(all.length, format === 'gzip' ? 28 : 16);
    const text = await collect(from([all])
      .pipeThrough(new DecompressionStream(format))
      .pipeThrough(new TextDecoderStream()));
    assert.strictEqual(text.join(''), 'hello hello hello');
  }
  await assert.rejects(
    collect(from([new Uint8Array([1, 2, 3])])
      .pipeThrough(new DecompressionStream('gzip'))),
    { code: 'Z_DATA_ERROR', message: 'incorrect header check' });
})().then(common.mustCall());
