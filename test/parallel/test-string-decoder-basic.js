'use strict';
// StringDecoder: characters split across writes, invalid input, end().
// The expected outputs are Node 18's.
const { assert } = require('../common');
const { Buffer } = require('buffer');
const { StringDecoder } = require('string_decoder');

function run(enc, chunks) {
  const d = new StringDecoder(enc);
  const out = chunks.map((c) => d.write(Buffer.from(c)));
  out.push(d.end());
  return out;
}
const R = '\ufffd';
const cases = [
  ['utf8', [[0xe2], [0x41]], ['', `${R}A`, '']],
  ['utf8', [[0xe2, 0x82], [0xac]], ['', '€', '']],
  ['utf8', [[0xe2, 0x82]], ['', R]],
  ['utf8', [[0xf0, 0x80], [0x80, 0x80]], ['', R.repeat(4), '']],
  ['utf8', [[0xf0], [0x9f], [0x98], [0x80]], ['', '', '', '😀', '']],
  ['utf8', [[0xc3], [0xc3], [0xa9]], ['', R, 'é', '']],
  ['utf8', [[0xed, 0xa0], [0x80]], ['', R.repeat(3), '']],
  ['utf8', [[0xff, 0xe2]], [R, R]],
  ['utf8', [[0xe0, 0x80]], ['', R + R]],
  ['utf8', [[0x61, 0xf4, 0x90]], ['a', R + R]],
  ['utf8', [[0xe2, 0x41, 0x82]], [`${R}A${R}`, '']],
  ['utf8', [[0xf0, 0x9f, 0x98], []], ['', '', R]],
  ['utf8', [[0xf0, 0x80], [0x41]], ['', `${R}${R}A`, '']],
  ['utf8', [[0xf0, 0x9f], [0x41, 0xe2]], ['', `${R}A`, R]],
  ['utf8', [[0xc0], [0x80]], ['', R + R, '']],
  ['utf8', [[0xe2], [0x82, 0xac, 0xe2, 0x82], [0xac]], ['', '€', '€', '']],
  ['utf8', [[0xe2, 0x82], [0x82, 0x82]], ['', `₂${R}`, '']],
  ['utf16le', [[0x61], [0x00, 0x3d, 0xd8], [0x00, 0xde]],
   ['', 'a', '😀', '']],
  ['utf16le', [[0x3d, 0xd8]], ['', '\ud83d']],
  ['utf16le', [[0x61, 0x00, 0x62]], ['a', '']],
  ['utf16le', [[0x3d, 0xd8, 0x61]], ['\ud83d', '']],
  ['utf16le', [[0x3d, 0xd8], [0x61, 0x00]], ['', '\ud83da', '']],
  ['utf16le', [[0x3d], [0xd8, 0x00], [0xde, 0x61]],
   ['', '\ud83d', '\ude00', '']],
  ['base64', [[0x61], [0x62, 0x63, 0x64]], ['', 'YWJj', 'ZA==']],
  ['base64', [[1, 2, 3, 4], [5], [6]], ['AQID', '', 'BAUG', '']],
  ['base64url', [[0x61], [0x62]], ['', '', 'YWI']],
  ['hex', [[0x61], [0xff]], ['61', 'ff', '']],
  ['latin1', [[0xe9]], ['é', '']],
  ['ascii', [[0xe9]], ['i', '']],
];
for (const [enc, chunks, want] of cases) {
  assert.deepStrictEqual(run(enc, chunks), want,
                         `${enc} ${JSON.stringify(chunks)}`);
}

// Every split of a mixed text gives the text back.
const text = 'aé€😀z';
for (const enc of ['utf8', 'utf16le', 'base64', 'hex']) {
  const bytes = Buffer.from(text, enc === 'utf16le' ? 'utf16le' : 'utf8');
  const whole = enc === 'utf8' || enc === 'utf16le' ? text :
    bytes.toString(enc);
  for (let i = 0; i <= bytes.length; i++) {
    for (let j = i; j <= bytes.length; j++) {
      const d = new StringDecoder(enc);
      const out = d.write(bytes.subarray(0, i)) +
        d.write(bytes.subarray(i, j)) + d.end(bytes.subarray(j));
      assert.strictEqual(out, whole, `${enc} ${i} ${j}`);
    }
  }
}

// State, names, arguments.
const d = new StringDecoder('utf8');
d.write(Buffer.from([0xe2, 0x82]));
assert.deepStrictEqual([...d.lastChar], [0xe2, 0x82, 0, 0]);
assert.strictEqual(d.lastNeed, 1);
assert.strictEqual(d.lastTotal, 3);
assert.deepStrictEqual(Object.keys(d), ['encoding']);
assert.strictEqual(new StringDecoder().encoding, 'utf8');
assert.strictEqual(new StringDecoder('UCS2').encoding, 'utf16le');
assert.strictEqual(new StringDecoder('binary').encoding, 'latin1');
assert.throws(() => new StringDecoder('foo'), {
  name: 'TypeError', code: 'ERR_UNKNOWN_ENCODING',
  message: 'Unknown encoding: foo',
});
assert.throws(() => new StringDecoder('utf8').write(5), {
  name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "buf" argument must be an instance of Buffer, TypedArray, ' +
    'or DataView. Received type number (5)',
});
assert.strictEqual(new StringDecoder('utf8').write('abc'), 'abc');
assert.strictEqual(new StringDecoder('utf8').end('x'), 'x');
const t = new StringDecoder('utf8');
t.write(Buffer.from([0xe2]));
assert.strictEqual(t.text(Buffer.from('xab'), 1), 'ab');
assert.strictEqual(t.end(), '');
const v = new StringDecoder('utf8');
assert.strictEqual(v.write(new Uint16Array([0x6261])), 'ab');
assert.strictEqual(v.write(new DataView(new Uint8Array([0x41]).buffer)), 'A');
