// Flags: --expose-internals
'use strict';
// The natives of internalBinding('buffer') with hostile arguments: offsets
// past the end, huge lengths, detached buffers, wrong encodings. They must
// throw or clamp, never read or write outside the view (run under ASan).
const { assert } = require('../common');
const { internalBinding } = require('internal/test/binding');

const b = internalBinding('buffer');
const encs = [b.kUtf8, b.kUcs2, b.kLatin1, b.kAscii, b.kBase64,
  b.kBase64Url, b.kHex];

// A view whose ArrayBuffer was transferred away (detached).
function detached() {
  const u8 = new Uint8Array(16);
  internalBinding('messaging').structuredClone(u8.buffer, [u8.buffer]);
  return u8;
}

const det = detached();

const views = [new Uint8Array(0), new Uint8Array(5),
  new Uint8Array(new ArrayBuffer(8), 3, 4), new DataView(new ArrayBuffer(3))];
assert.strictEqual(det.length, 0);
views.push(det);
const nums = [0, 1, 4, 5, 6, 1e9, 2 ** 32, -1, -(2 ** 33), 0.5, NaN];
const strs = ['', 'abc', 'é€😀', '\ud800', 'YWJj', 'zz', 'a'.repeat(100)];

let calls = 0;
function tryCall(fn, ...args) {
  calls++;
  try {
    return fn(...args);
  } catch (err) {
    assert.ok(err instanceof Error);
    return undefined;
  }
}

for (const v of views) {
  for (const s of strs) {
    for (const e of encs) {
      for (const off of nums) {
        for (const len of [0, 3, 100, 2 ** 32]) {
          const n = tryCall(b.write, v, s, off, len, e);
          if (n !== undefined) assert.ok(n >= 0 && n <= v.byteLength);
        }
        tryCall(b.indexOfString, v, s, off, e, true);
        tryCall(b.indexOfString, v, s, off, e, false);
        tryCall(b.indexOfBuffer, v, views[1], off, e, false);
        tryCall(b.indexOfNumber, v, 0, off, off > 2);
        tryCall(b.fill, v, s, off, 5, e);
        tryCall(b.fill, v, views[2], 0, off, e);
        const str = tryCall(b.decode, v, e, off, 100);
        if (str !== undefined) assert.strictEqual(typeof str, 'string');
      }
    }
    tryCall(b.compareOffset, v, views[1], 0, 1, 100, 100);
    tryCall(b.compareOffset, views[1], v, 9, 9, 2 ** 32, 1);
    tryCall(b.compare, v, views[2]);
  }
}
assert.ok(calls > 10000);

// Clamping, where the natives clamp instead of throwing.
const u = new Uint8Array(4);
assert.strictEqual(b.write(u, 'abcdef', 2, 100, b.kLatin1), 2);
assert.deepStrictEqual([...u], [0, 0, 97, 98]);
assert.strictEqual(b.decode(u, b.kHex, 1, 100), '006162');
assert.throws(() => b.write(u, 'x', 5, 1, b.kUtf8),
              { code: 'ERR_BUFFER_OUT_OF_BOUNDS' });
assert.throws(() => b.write(u, 'x', 0, 1, 7), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => b.fill(u, 1, 0, 5, 0),
              { code: 'ERR_BUFFER_OUT_OF_BOUNDS' });
assert.strictEqual(b.fill(u, 'zz', 0, 4, b.kHex), -1);
