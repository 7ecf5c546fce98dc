'use strict';
// TextDecoder on malformed UTF-8: one U+FFFD per maximal subpart (the WHATWG
// decoder), a TypeError when fatal; the same whether the bytes come in one
// call or spread over a stream.

const { assert } = require('../common');
const { TextDecoder } = require('util');

// [bytes, code points of the result (hex), valid?] as Node 18 decodes them.
const cases = [
  [[0x80], 'fffd', false],
  [[0xbf], 'fffd', false],
  [[0xc0], 'fffd', false],
  [[0xc1], 'fffd', false],
  [[0xc2], 'fffd', false],
  [[0xdf], 'fffd', false],
  [[0xe0], 'fffd', false],
  [[0xef], 'fffd', false],
  [[0xf0], 'fffd', false],
  [[0xf4], 'fffd', false],
  [[0xf5], 'fffd', false],
  [[0xf8], 'fffd', false],
  [[0xfc], 'fffd', false],
  [[0xfe], 'fffd', false],
  [[0xff], 'fffd', false],
  [[0xc0, 0x80], 'fffd fffd', false],
  [[0xc1, 0xbf], 'fffd fffd', false],
  [[0xc2, 0x41], 'fffd 41', false],
  [[0xc2, 0xc2, 0x80], 'fffd 80', false],
  [[0xe0, 0x80, 0x80], 'fffd fffd fffd', false],
  [[0xe0, 0x9f, 0xbf], 'fffd fffd fffd', false],
  [[0xe0, 0xa0], 'fffd', false],
  [[0xe0, 0xa0, 0x41], 'fffd 41', false],
  [[0xed, 0xa0, 0x80], 'fffd fffd fffd', false],
  [[0xed, 0xbf, 0xbf], 'fffd fffd fffd', false],
  [[0xed, 0x9f, 0xbf], 'd7ff', true],
  [[0xee, 0x80, 0x80], 'e000', true],
  [[0xef, 0xbf, 0xbf], 'ffff', true],
  [[0xef, 0xbf, 0xbe], 'fffe', true],
  [[0xf0, 0x80, 0x80, 0x80], 'fffd fffd fffd fffd', false],
  [[0xf0, 0x8f, 0xbf, 0xbf], 'fffd fffd fffd fffd', false],
  [[0xf0, 0x90, 0x80], 'fffd', false],
  [[0xf0, 0x90, 0x80, 0x80], '10000', true],
  [[0xf4, 0x8f, 0xbf, 0xbf], '10ffff', true],
  [[0xf4, 0x90, 0x80, 0x80], 'fffd fffd fffd fffd', false],
  [[0xf5, 0x80, 0x80, 0x80], 'fffd fffd fffd fffd', false],
  [[0xf8, 0x88, 0x80, 0x80, 0x80], 'fffd fffd fffd fffd fffd', false],
  [[0xfc, 0x84, 0x80, 0x80, 0x80, 0x80],
   'fffd fffd fffd fffd fffd fffd', false],
  [[0xe1, 0x80, 0xe1, 0x80, 0x80], 'fffd 1000', false],
  [[0xf1, 0x80, 0x80, 0xe1, 0x80, 0xc2], 'fffd fffd fffd', false],
  [[0x61, 0xf1, 0x80, 0x80, 0xe1, 0x80, 0xc2, 0x62, 0x80, 0x63, 0x80, 0xbf,
    0x64],
   '61 fffd fffd fffd 62 fffd 63 fffd fffd 64', false],
  [[0xef, 0xbb, 0xbf], '', true],
  [[0xef, 0xbb], 'fffd', false],
  [[0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], 'feff', true],
  [[0xef, 0xbb, 0x41], 'fffd 41', false],
  [[0xf0, 0x9f, 0x98, 0x80], '1f600', true],
  [[0xf0, 0x9f, 0x98], 'fffd', false],
  [[0xf0, 0x9f, 0x98, 0x41], 'fffd 41', false],
  [[0xf0, 0x9f, 0x41], 'fffd 41', false],
  [[0xf0, 0x41], 'fffd 41', false],
  [[0x41, 0x80, 0x80, 0x80, 0x80, 0x42], '41 fffd fffd fffd fffd 42', false],
  [[0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x90, 0x8d, 0x88],
   'e9 20ac 10348', true],
  [[0xe2, 0x82], 'fffd', false],
  [[0xe2, 0x82, 0xe2, 0x82, 0xac], 'fffd 20ac', false],
  [[0xed, 0xa0, 0x80, 0xed, 0xb0, 0x80],
   'fffd fffd fffd fffd fffd fffd', false],
  [[0xc0, 0xaf], 'fffd fffd', false],
  [[0xe0, 0x80, 0xaf], 'fffd fffd fffd', false],
  [[0xf0, 0x80, 0x80, 0xaf], 'fffd fffd fffd fffd', false],
  [[0x00], '0', true],
  [[0x7f], '7f', true],
  [[0x00, 0xff, 0x00], '0 fffd 0', false],
];

const hex = (s) => Array.from(s, (c) => c.codePointAt(0).toString(16))
  .join(' ');
const invalid = {
  name: 'TypeError',
  code: 'ERR_ENCODING_INVALID_ENCODED_DATA',
  message: 'The encoded data was not valid for encoding utf-8',
};

for (const [bytes, expected, valid] of cases) {
  const input = new Uint8Array(bytes);
  assert.strictEqual(hex(new TextDecoder().decode(input)), expected,
                     `${bytes}`);
  const fatal = new TextDecoder('utf-8', { fatal: true });
  if (valid) {
    assert.strictEqual(hex(fatal.decode(input)), expected);
  } else {
    assert.throws(() => fatal.decode(input), invalid);
  }
}

// An independent decoder written from the standard's algorithm, to check
// many more inputs. Returns [string, hadError].
function reference(bytes) {
  let out = '';
  let error = false;
  let cp = 0;
  let needed = 0;
  let lower = 0x80;
  let upper = 0xBF;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length) {
      if (needed !== 0) {
        out += '\ufffd';
        error = true;
      }
      break;
    }
    const b = bytes[i];
    if (needed === 0) {
      if (b <= 0x7F) {
        out += String.fromCharCode(b);
      } else if (b >= 0xC2 && b <= 0xDF) {
        needed = 1;
        cp = b & 0x1F;
      } else if (b >= 0xE0 && b <= 0xEF) {
        if (b === 0xE0) lower = 0xA0;
        if (b === 0xED) upper = 0x9F;
        needed = 2;
        cp = b & 0xF;
      } else if (b >= 0xF0 && b <= 0xF4) {
        if (b === 0xF0) lower = 0x90;
        if (b === 0xF4) upper = 0x8F;
        needed = 3;
        cp = b & 0x7;
      } else {
        out += '\ufffd';
        error = true;
      }
      continue;
    }
    if (b < lower || b > upper) {
      out += '\ufffd';
      error = true;
      needed = 0;
      lower = 0x80;
      upper = 0xBF;
      i--;  // this byte starts again
      continue;
    }
    lower = 0x80;
    upper = 0xBF;
    cp = (cp << 6) | (b & 0x3F);
    if (--needed === 0) out += String.fromCodePoint(cp);
  }
  return [out, error];
}

const plain = new TextDecoder('utf-8', { ignoreBOM: true });
const strict = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });
function check(bytes) {
  const input = new Uint8Array(bytes);
  const [want, error] = reference(input);
  const got = plain.decode(input);
  if (got !== want) {
    assert.fail(`[${bytes}]: got ${hex(got)}, want ${hex(want)}`);
  }
  let threw = false;
  try {
    if (strict.decode(input) !== want) assert.fail(`fatal on [${bytes}]`);
  } catch (err) {
    if (err.code !== 'ERR_ENCODING_INVALID_ENCODED_DATA') throw err;
    threw = true;
  }
  if (threw !== error) assert.fail(`fatal on [${bytes}] threw: ${threw}`);
}

// Every sequence of one and two bytes (an ASCII byte first is checked
// with a few followers only: it is complete by itself).
for (let a = 0; a < 256; a++) {
  check([a]);
  if (a < 0x80) {
    for (const b of [0x00, 0x41, 0x80, 0xbf, 0xc2, 0xe0, 0xf0, 0xff]) {
      check([a, b]);
    }
  } else {
    for (let b = 0; b < 256; b++) check([a, b]);
  }
}
// Sequences of three and four of the bytes where the rules change.
const edges = [0x00, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1,
               0xc2, 0xdf, 0xe0, 0xe1, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf4,
               0xf5, 0xff];
const fewer = [0x41, 0x80, 0x8f, 0x90, 0xa0, 0xbf, 0xc2, 0xe0, 0xed, 0xf0,
               0xf4, 0xff];
for (const a of edges) {
  for (const b of edges) {
    for (const c of edges) check([a, b, c]);
  }
}
for (const a of fewer) {
  for (const b of fewer) {
    for (const c of fewer) {
      for (const d of fewer) check([a, b, c, d]);
    }
  }
}

// Pseudo-random texts, decoded whole and streamed in random pieces.
let seed = 12345;
function random(n) {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
}
for (let round = 0; round < 3000; round++) {
  const bytes = [];
  const length = random(24);
  for (let i = 0; i < length; i++) {
    bytes.push(random(2) ? edges[random(edges.length)] : random(256));
  }
  check(bytes);
  const [want, error] = reference(new Uint8Array(bytes));
  for (const fatal of [false, true]) {
    const decoder = new TextDecoder('utf-8', { fatal, ignoreBOM: true });
    let got = '';
    let threw = false;
    try {
      let at = 0;
      while (at < bytes.length) {
        const end = Math.min(bytes.length, at + 1 + random(4));
        got += decoder.decode(new Uint8Array(bytes.slice(at, end)),
                              { stream: true });
        at = end;
      }
      got += decoder.decode();
    } catch (err) {
      assert.strictEqual(err.code, 'ERR_ENCODING_INVALID_ENCODED_DATA');
      threw = true;
    }
    if (fatal) {
      assert.strictEqual(threw, error, `streamed fatal [${bytes}]`);
      if (!threw) assert.strictEqual(got, want);
    } else {
      assert.strictEqual(got, want, `streamed [${bytes}]`);
    }
  }
}
