'use strict';
// The fast paths of Buffer's codecs (SIMD steps, strings read in pieces,
// one-byte strings written as UTF-8 without V8's encoder, small inputs
// done in JS) against plain reference codecs, at many lengths around each
// step, piece size and threshold.
const { assert } = require('../common');
const { Buffer } = require('buffer');

// ---- References --------------------------------------------------------

function utf8Ref(s) {
  const out = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xDC00 && d <= 0xDFFF) {
        c = 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00);
        i++;
      }
    }
    if (c >= 0xD800 && c <= 0xDFFF) c = 0xFFFD;  // lone surrogate
    if (c < 0x80) {
      out.push(c);
    } else if (c < 0x800) {
      out.push(0xC0 | c >> 6, 0x80 | c & 63);
    } else if (c < 0x10000) {
      out.push(0xE0 | c >> 12, 0x80 | c >> 6 & 63, 0x80 | c & 63);
    } else {
      out.push(0xF0 | c >> 18, 0x80 | c >> 12 & 63, 0x80 | c >> 6 & 63,
               0x80 | c & 63);
    }
  }
  return Buffer.from(out);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
function b64Value(c) {
  const i = B64.indexOf(c);
  if (i >= 0) return i;
  if (c === '+' || c === '-') return 62;
  if (c === '/' || c === '_') return 63;
  return -1;
}

// Lenient decoding as Node does it: characters of neither alphabet are
// skipped, the first '=' ends the input, 2 or 3 leftover characters make 1
// or 2 bytes. Each character counts by its low byte.
function base64DecodeRef(s) {
  const out = [];
  let acc = 0;
  let have = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = String.fromCharCode(s.charCodeAt(i) & 255);
    if (ch === '=') break;
    const v = b64Value(ch);
    if (v < 0) continue;
    acc = acc << 6 | v;
    if (++have === 4) {
      out.push(acc >> 16 & 255, acc >> 8 & 255, acc & 255);
      acc = 0;
      have = 0;
    }
  }
  if (have >= 2) {
    acc <<= 6 * (4 - have);
    out.push(acc >> 16 & 255);
    if (have === 3) out.push(acc >> 8 & 255);
  }
  return Buffer.from(out);
}

function base64EncodeRef(b, url) {
  const abc = B64 + (url ? '-_' : '+/');
  let s = '';
  let i = 0;
  for (; i + 3 <= b.length; i += 3) {
    const v = b[i] << 16 | b[i + 1] << 8 | b[i + 2];
    s += abc[v >> 18] + abc[v >> 12 & 63] + abc[v >> 6 & 63] + abc[v & 63];
  }
  if (i < b.length) {
    const two = i + 1 < b.length;
    const v = b[i] << 16 | (two ? b[i + 1] << 8 : 0);
    s += abc[v >> 18] + abc[v >> 12 & 63];
    if (two) s += abc[v >> 6 & 63];
    if (!url) s += two ? '=' : '==';
  }
  return s;
}

function hexDigit(c) {
  c &= 255;
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

// Pairs until the first that is not one.
function hexDecodeRef(s) {
  const out = [];
  for (let i = 0; i + 1 < s.length; i += 2) {
    const hi = hexDigit(s.charCodeAt(i));
    const lo = hexDigit(s.charCodeAt(i + 1));
    if (hi < 0 || lo < 0) break;
    out.push(hi << 4 | lo);
  }
  return Buffer.from(out);
}

function hexEncodeRef(b) {
  let s = '';
  for (let i = 0; i < b.length; i++) s += (b[i] < 16 ? '0' : '') +
    b[i].toString(16);
  return s;
}

// The UTF-8 decoder's contract (WHATWG: one U+FFFD per maximal subpart).
function utf8DecodeRef(b) {
  let s = '';
  let i = 0;
  while (i < b.length) {
    const x = b[i];
    if (x < 0x80) {
      s += String.fromCharCode(x);
      i++;
      continue;
    }
    let need;
    let lo = 0x80;
    let hi = 0xBF;
    let cp;
    if (x >= 0xC2 && x <= 0xDF) {
      need = 1;
      cp = x & 0x1F;
    } else if (x >= 0xE0 && x <= 0xEF) {
      need = 2;
      cp = x & 0xF;
      if (x === 0xE0) lo = 0xA0;
      if (x === 0xED) hi = 0x9F;
    } else if (x >= 0xF0 && x <= 0xF4) {
      need = 3;
      cp = x & 7;
      if (x === 0xF0) lo = 0x90;
      if (x === 0xF4) hi = 0x8F;
    } else {
      s += '\uFFFD';
      i++;
      continue;
    }
    let j = i + 1;
    let ok = true;
    for (let k = 0; k < need; k++, j++) {
      const y = b[j];
      if (j >= b.length || y < lo || y > hi) {
        ok = false;
        break;
      }
      cp = cp << 6 | y & 63;
      lo = 0x80;
      hi = 0xBF;
    }
    if (!ok) {
      s += '\uFFFD';
      i = j;
      continue;
    }
    s += String.fromCodePoint(cp);
    i = j;
  }
  return s;
}

// A pseudo-random generator, so that failures reproduce.
let seed = 12345;
function rand(n) {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return (seed >>> 8) % n;
}

// Lengths around a step or threshold t.
function around(t, spread = 3) {
  const out = [];
  for (let d = -spread; d <= spread; d++) if (t + d >= 0) out.push(t + d);
  return out;
}

const lengths = new Set();
for (let n = 0; n <= 70; n++) lengths.add(n);
// Pool threshold (4096 bytes), the native's pieces (8192 units) and SIMD
// steps just above them.
for (const t of [1365, 1366, 2048, 4095, 4096, 4097, 8192, 8192 + 16,
  2 * 8192, 3 * 8192 + 7]) {
  for (const n of around(t, 1)) lengths.add(n);
}

// ---- Strings to UTF-8 ----------------------------------------------------

function checkUtf8(s, what) {
  const expected = utf8Ref(s);
  const got = Buffer.from(s);
  assert(got.equals(expected), `${what}: length ${s.length}`);
  assert.strictEqual(Buffer.byteLength(s), expected.length,
                     `${what}: byteLength ${s.length}`);
  assert.strictEqual(Buffer.from(s, 'utf8').length, expected.length);
}

for (const n of lengths) {
  const ascii = 'x'.repeat(n);
  checkUtf8(ascii, 'ascii');
  // One high Latin-1 character at the start, the end, and just past each
  // piece of 8192 units (the native guesses ASCII from the first piece).
  for (const at of [0, n - 1, 8191, 8192, 8193, n >> 1]) {
    if (at < 0 || at >= n) continue;
    checkUtf8(ascii.slice(0, at) + '\xe9' + ascii.slice(at + 1),
              `latin1 at ${at}`);
  }
  // Random Latin-1 and random two-byte text with pairs and lone halves.
  let latin = '';
  let wide = '';
  for (let i = 0; i < n; i++) {
    latin += String.fromCharCode(rand(4) ? rand(128) : rand(256));
    const r = rand(10);
    wide += String.fromCharCode(r < 6 ? rand(128) : r < 8 ? rand(0x10000) :
      r < 9 ? 0xD800 + rand(0x400) : 0xDC00 + rand(0x400));
  }
  checkUtf8(latin, 'latin1');
  checkUtf8(wide, 'two-byte');
  // A cons string (a rope) of one-byte halves.
  checkUtf8(latin.slice(0, n >> 1) + ascii.slice(n >> 1), 'rope');
}

// Large buffers stay off the pool; small ones are slices of it.
assert.strictEqual(Buffer.from('y'.repeat(5000)).buffer.byteLength, 5000);
assert.strictEqual(Buffer.from('\xff'.repeat(5000)).buffer.byteLength, 10000);
assert.strictEqual(Buffer.from('y'.repeat(100)).buffer.byteLength,
                   Buffer.poolSize);

// ---- Bytes to strings and back in every codec ----------------------------

for (const n of lengths) {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = rand(256);
  const asciiBytes = Buffer.alloc(n);
  for (let i = 0; i < n; i++) asciiBytes[i] = rand(128);

  // base64 / base64url / hex out.
  const b64 = b.toString('base64');
  assert.strictEqual(b64, base64EncodeRef(b, false), `base64 n=${n}`);
  assert.strictEqual(b.toString('base64url'), base64EncodeRef(b, true));
  const hex = b.toString('hex');
  assert.strictEqual(hex, hexEncodeRef(b), `hex n=${n}`);

  // ... and back, clean.
  assert(Buffer.from(b64, 'base64').equals(b), `from base64 n=${n}`);
  assert(Buffer.from(b.toString('base64url'), 'base64url').equals(b));
  assert(Buffer.from(hex, 'hex').equals(b), `from hex n=${n}`);
  assert(Buffer.from(hex.toUpperCase(), 'hex').equals(b));

  // Dirty base64: whitespace every so often, garbage, a padding in the
  // middle, characters above 0xFF (read by their low byte).
  let dirty = '';
  for (let i = 0; i < b64.length; i++) {
    const r = rand(40);
    if (r === 0) dirty += '\n';
    else if (r === 1) dirty += ' ';
    else if (r === 2) dirty += '*';
    else if (r === 3) dirty += '\u0141';  // low byte 0x41, 'A'
    dirty += b64[i];
  }
  assert(Buffer.from(dirty, 'base64').equals(base64DecodeRef(dirty)),
         `dirty base64 n=${n}`);
  const cut = rand(b64.length + 1);
  const padded = b64.slice(0, cut) + '=' + b64.slice(cut);
  assert(Buffer.from(padded, 'base64').equals(base64DecodeRef(padded)),
         `padded base64 n=${n} cut=${cut}`);
  // Unpadded, and with trailing single characters.
  const bare = b64.replace(/=+$/, '');
  assert(Buffer.from(bare, 'base64').equals(b));
  assert(Buffer.from(bare + 'Q', 'base64').equals(base64DecodeRef(bare + 'Q')));

  // Hex: an odd length, and a bad pair somewhere.
  assert(Buffer.from(hex + 'a', 'hex').equals(b));
  if (n > 0) {
    const at = rand(hex.length);
    const bad = hex.slice(0, at) + 'g' + hex.slice(at + 1);
    assert(Buffer.from(bad, 'hex').equals(hexDecodeRef(bad)),
           `bad hex n=${n} at=${at}`);
    const wideHex = hex.slice(0, at) + '\u0130' + hex.slice(at + 1);
    assert(Buffer.from(wideHex, 'hex').equals(hexDecodeRef(wideHex)),
           `wide hex n=${n} at=${at}`);
  }

  // UTF-8 out: random bytes (mostly invalid), ASCII, and valid text.
  assert.strictEqual(b.toString(), utf8DecodeRef(b), `utf8 n=${n}`);
  assert.strictEqual(b.toString('utf8', 1), utf8DecodeRef(b.subarray(1)));
  assert.strictEqual(asciiBytes.toString(), utf8DecodeRef(asciiBytes));
  assert.strictEqual(asciiBytes.toString('latin1'),
                     utf8DecodeRef(asciiBytes));
  assert.strictEqual(asciiBytes.toString('ascii'), utf8DecodeRef(asciiBytes));
  let masked = '';
  for (let i = 0; i < n; i += 1000) {
    const part = b.subarray(i, i + 1000).map((x) => x & 127);
    masked += String.fromCharCode(...part);
  }
  assert.strictEqual(b.toString('ascii'), masked, `ascii n=${n}`);
  let latin = '';
  for (let i = 0; i < n; i += 1000) {
    latin += String.fromCharCode(...b.subarray(i, i + 1000));
  }
  assert.strictEqual(b.toString('latin1'), latin);
  // Truncated sequences at the very end.
  for (const tail of [[0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xED, 0xA0],
    [0xF4, 0x90]]) {
    const t = Buffer.concat([asciiBytes, Buffer.from(tail)]);
    assert.strictEqual(t.toString(), utf8DecodeRef(t), `tail ${tail}`);
  }
}

// Sub-ranges of a buffer decode only their bytes.
const text = Buffer.from('héllo wörld €uro 😀');
for (let start = 0; start <= text.length; start++) {
  for (let end = start; end <= text.length; end++) {
    const part = text.subarray(start, end);
    assert.strictEqual(text.toString('utf8', start, end), utf8DecodeRef(part));
    assert.strictEqual(text.toString('hex', start, end), hexEncodeRef(part));
    assert.strictEqual(text.toString('base64', start, end),
                       base64EncodeRef(part, false));
  }
}

// A bad hex digit at every place of the first SIMD steps (32 digits make
// 16 bytes), in strings long enough for the native.
const longHex = hexEncodeRef(Buffer.from('0123456789abcdef'.repeat(8)));
for (let at = 0; at < 100; at++) {
  for (const bad of ['g', '/', ':', '@', 'G', '`', '\u0100', ' ']) {
    const s = longHex.slice(0, at) + bad + longHex.slice(at + 1);
    assert(Buffer.from(s, 'hex').equals(hexDecodeRef(s)), `at ${at} ${bad}`);
  }
}

// Base64 with one odd character at every place of the first SIMD steps
// (16 characters make 12 bytes), in strings long enough for the native;
// the url alphabet mixed into the standard one.
const longB64 = base64EncodeRef(Buffer.from('\xfb\xff\xbe'.repeat(60),
                                            'latin1'), false);
for (let at = 0; at < 120; at++) {
  for (const odd of ['=', ' ', '\n', '*', '\u0141', '-', '_', '\x80']) {
    const s = longB64.slice(0, at) + odd + longB64.slice(at + 1);
    assert(Buffer.from(s, 'base64').equals(base64DecodeRef(s)),
           `at ${at} ${JSON.stringify(odd)}`);
  }
}
