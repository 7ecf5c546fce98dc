'use strict';
// TextDecoder with { stream: true }: characters split across calls come out
// whole, the BOM is dropped only at the start of a stream, and fatal errors
// behave as in Node 18.

const { assert } = require('../common');
const { TextDecoder, TextEncoder } = require('util');

const hex = (s) => Array.from(s, (c) => c.codePointAt(0).toString(16))
  .join(' ');

// Decodes each chunk with stream: true except the last; returns the
// results (hex), an error code standing in for a call that threw.
function streamed(label, chunks, options) {
  const decoder = new TextDecoder(label, options);
  return chunks.map((chunk, i) => {
    try {
      return hex(decoder.decode(new Uint8Array(chunk),
                                { stream: i < chunks.length - 1 }));
    } catch (err) {
      return err.code;
    }
  });
}

const bad = 'ERR_ENCODING_INVALID_ENCODED_DATA';
// [label, chunks, options, results] as Node 18 gives them.
const cases = [
  ['utf-8', [[0xef], [0xbb], [0xbf, 0x41], []], {}, ['', '', '41', '']],
  ['utf-8', [[0xef], [0xbb], [0xbf, 0x41], [0xef, 0xbb, 0xbf]], {},
   ['', '', '41', 'feff']],
  ['utf-8', [[0xef, 0xbb, 0xbf], [0xef, 0xbb, 0xbf], [0xef, 0xbb, 0xbf]], {},
   ['', 'feff', 'feff']],
  ['utf-8', [[0x41], [0xef, 0xbb, 0xbf], []], {}, ['41', 'feff', '']],
  ['utf-8', [[], [0xef, 0xbb, 0xbf], []], {}, ['', '', '']],
  ['utf-8', [[0xef, 0xbb, 0xbf], [0x41]], { ignoreBOM: true },
   ['feff', '41']],
  ['utf-8', [[0xf0, 0x9f], [0x98], [0x80], []], {}, ['', '', '1f600', '']],
  ['utf-8', [[0xf0, 0x9f], [0x41], []], {}, ['', 'fffd 41', '']],
  ['utf-8', [[0xe0], [0x80], []], {}, ['', 'fffd fffd', '']],
  // A start already known to be malformed is not held back.
  ['utf-8', [[0xe0, 0x80], []], {}, ['fffd fffd', '']],
  ['utf-8', [[0xf4, 0x90], []], {}, ['fffd fffd', '']],
  ['utf-8', [[0xf0, 0x9f], []], {}, ['', 'fffd']],
  ['utf-8', [[0xf0, 0x9f], [0xf0, 0x9f]], {}, ['', 'fffd fffd']],
  ['utf-8', [[0xc3], [0xa9, 0xe2], [0x82], [0xac]], {},
   ['', 'e9', '', '20ac']],
  ['utf-8', [[0xff], [0x41]], { fatal: true }, [bad, '41']],
  ['utf-8', [[0xf0], [0x41], [0x42]], { fatal: true }, ['', bad, '42']],
  ['utf-8', [[0xf0], [0x41]], { fatal: true }, ['', bad]],
  ['utf-8', [[0xf0], [0x9f], []], { fatal: true }, ['', '', bad]],
  ['utf-8', [[0xf0], [0x9f], [0x41]], { fatal: true }, ['', '', bad]],
  ['utf-8', [[0xf0], [0x9f], [0x98, 0x80]], { fatal: true },
   ['', '', '1f600']],
  ['utf-16le', [[0xff], [0xfe, 0x41], [0x00], []], {}, ['', '', '41', '']],
  ['utf-16le', [[0x00, 0xd8], [0x00], [0xdc], []], {},
   ['', '', '10000', '']],
  ['utf-16le', [[0x00, 0xd8], [0x41, 0x00], []], {}, ['', 'fffd 41', '']],
  ['utf-16le', [[0x00, 0xd8], []], {}, ['', 'fffd']],
  ['utf-16le', [[0x41], []], {}, ['', 'fffd']],
  ['utf-16le', [[0x41], [0x00, 0xff, 0xfe]], {}, ['', '41 feff']],
  ['utf-16le', [[0x00, 0xd8, 0x41], []], {}, ['', 'fffd']],
  ['utf-16le', [[0x00, 0xd8], [0x41]], { fatal: true }, ['', bad]],
  ['utf-16be', [[0xfe], [0xff, 0x00], [0x41, 0xd8], [0x3d, 0xde], [0x00]],
   {}, ['', '', '41', '', '1f600']],
  ['windows-1252', [[0x80], [0xff]], {}, ['20ac', 'ff']],
];
for (const [label, chunks, options, results] of cases) {
  assert.deepStrictEqual(streamed(label, chunks, options), results,
                         `${label} ${JSON.stringify(chunks)}`);
}

// The state carries across calls until one without stream: true.
{
  const d = new TextDecoder();
  assert.strictEqual(d.decode(new Uint8Array([0xf0]), { stream: true }), '');
  assert.strictEqual(d.decode(new Uint8Array([0x41])), '\ufffdA');
  // ...after which a new stream begins, with its own BOM.
  assert.strictEqual(d.decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x42])), 'B');
}
{
  const d = new TextDecoder();
  assert.strictEqual(d.decode(new Uint8Array([0xf0]), { stream: true }), '');
  assert.strictEqual(d.decode(), '\ufffd');
  assert.strictEqual(d.decode(), '');
}
{
  const d = new TextDecoder();
  d.decode(new Uint8Array([0xf0]), { stream: true });
  assert.strictEqual(d.decode(undefined, { stream: true }), '');
  assert.strictEqual(d.decode(new Uint8Array([0x9f, 0x98, 0x80])),
                     '\u{1F600}');
}
{
  const d = new TextDecoder();
  d.decode(new Uint8Array([0xf0]), { stream: true });
  const text = d.decode(new Uint8Array([0x9f, 0x98, 0x80]), { stream: true }) +
    d.decode(new Uint8Array([0xf0]));
  assert.strictEqual(text, '\u{1F600}\ufffd');
}

// After a fatal error the bytes of that call are gone, but what earlier
// calls decoded stays decoded: the BOM is no longer at the start.
function afterError(label, before, failing, after) {
  const d = new TextDecoder(label, { fatal: true });
  for (const chunk of before) d.decode(new Uint8Array(chunk), { stream: true });
  assert.throws(() => d.decode(new Uint8Array(failing), { stream: true }), {
    name: 'TypeError',
    code: bad,
    message: `The encoded data was not valid for encoding ${label}`,
  });
  try {
    return d.decode(new Uint8Array(after));
  } catch (err) {
    return err.code;
  }
}
assert.strictEqual(afterError('utf-8', [[0x41]], [0xff],
                              [0xef, 0xbb, 0xbf, 0x42]), '\ufeffB');
assert.strictEqual(afterError('utf-8', [], [0xff], [0xef, 0xbb, 0xbf, 0x42]),
                   'B');
assert.strictEqual(afterError('utf-8', [], [0x41, 0xff],
                              [0xef, 0xbb, 0xbf, 0x42]), 'B');
assert.strictEqual(afterError('utf-8', [], [0xff, 0xf0], [0x9f, 0x98, 0x80]),
                   bad);
assert.strictEqual(afterError('utf-8', [[0xf0, 0x9f]], [0xff], [0x98, 0x80]),
                   bad);
assert.strictEqual(afterError('utf-16le', [[0x41, 0x00]], [0x00, 0xdc],
                              [0xff, 0xfe, 0x42, 0x00]), '\ufeffB');
assert.strictEqual(afterError('utf-16le', [], [0x00, 0xdc, 0x41], [0x00]),
                   bad);

// Any text, cut anywhere, decodes to itself.
const text = 'ascii \u00e9\u00e8 \u20ac\u2603 \u{1F600}\u{10FFFF} \ufeff end';
const encoded = new TextEncoder().encode(text);
for (let size = 1; size <= 5; size++) {
  for (const options of [{}, { fatal: true }]) {
    const d = new TextDecoder('utf-8', options);
    let out = '';
    for (let i = 0; i < encoded.length; i += size) {
      out += d.decode(encoded.subarray(i, i + size), { stream: true });
    }
    out += d.decode();
    assert.strictEqual(out, text, `pieces of ${size}`);
  }
}
// The same in UTF-16, both byte orders.
for (const [label, swap] of [['utf-16le', false], ['utf-16be', true]]) {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes[2 * i + (swap ? 1 : 0)] = unit & 0xff;
    bytes[2 * i + (swap ? 0 : 1)] = unit >> 8;
  }
  for (let size = 1; size <= 5; size++) {
    const d = new TextDecoder(label, { fatal: true });
    let out = '';
    for (let i = 0; i < bytes.length; i += size) {
      out += d.decode(bytes.subarray(i, i + size), { stream: true });
    }
    out += d.decode();
    assert.strictEqual(out, text, `${label} pieces of ${size}`);
  }
}
// Streamed pieces may be any kind of view or buffer.
{
  const d = new TextDecoder();
  const bytes = new TextEncoder().encode('\u20ac\u20ac');
  assert.strictEqual(d.decode(new DataView(bytes.buffer, 0, 2),
                              { stream: true }), '');
  assert.strictEqual(d.decode(bytes.buffer.slice(2, 4), { stream: true }),
                     '\u20ac');
  assert.strictEqual(d.decode(bytes.subarray(4)), '\u20ac');
}
