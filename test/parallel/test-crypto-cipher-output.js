// Flags: --expose-gc
'use strict';
// The Buffers that cipher update() returns: a stream cipher's output has
// a buffer of exactly its length (as in Node), and no output exposes
// stale memory through its .buffer (update() does not zero its output
// before writing it, so anything it does not write must be zeroed).
require('../common');
const assert = require('assert');
const crypto = require('crypto');

const key16 = crypto.randomBytes(16);
const key32 = crypto.randomBytes(32);

// Leave freed memory full of random bytes for the allocator to hand out
// again: outputs of encryption are random, and the collection frees them.
function dirtyTheHeap() {
  const c = crypto.createCipheriv('aes-256-ctr', key32, Buffer.alloc(16));
  const zeros = Buffer.alloc(4096);
  for (let i = 0; i < 300; i++) c.update(zeros.subarray(0, 1 + i * 13));
  globalThis.gc();
}

function assertClean(out, what) {
  const whole = Buffer.from(out.buffer);
  const tail = whole.subarray(out.byteOffset + out.length);
  assert(tail.every((b) => b === 0), `${what}: stale bytes past the output`);
  assert(whole.subarray(0, out.byteOffset).every((b) => b === 0), what);
}

const streams = [
  ['aes-256-gcm', key32, 12],
  ['aes-128-ctr', key16, 16],
  ['aes-128-ccm', key16, 12],
  ['chacha20-poly1305', key32, 12],
  ['aes-128-ofb', key16, 16],
];
for (const [alg, key, ivLen] of streams) {
  for (const len of [0, 1, 15, 16, 17, 1000, 65536]) {
    dirtyTheHeap();
    const opts = { authTagLength: 16 };
    const plaintextLength = len;
    const iv = crypto.randomBytes(ivLen);
    const data = crypto.randomFillSync(Buffer.alloc(len));
    const c = crypto.createCipheriv(alg, key, iv, opts);
    if (alg.endsWith('ccm')) c.setAAD(Buffer.alloc(0), { plaintextLength });
    const out = c.update(data);
    assert.strictEqual(out.length, len, alg);
    assert.strictEqual(out.byteOffset, 0, alg);
    assert.strictEqual(out.buffer.byteLength, len, `${alg} ${len}`);
    c.final();
    // And it decrypts back.
    const d = crypto.createDecipheriv(alg, key, iv, opts);
    if (alg !== 'aes-128-ctr' && alg !== 'aes-128-ofb') {
      d.setAuthTag(c.getAuthTag());
    }
    if (alg.endsWith('ccm')) d.setAAD(Buffer.alloc(0), { plaintextLength });
    const back = d.update(out);
    assert.strictEqual(back.buffer.byteLength, len, `${alg} ${len}`);
    d.final();
    assert.deepStrictEqual(back, data, alg);
  }
}

// Block ciphers hold back part of their input: what they do not write is
// zero.
for (const alg of ['aes-128-cbc', 'aes-128-ecb', 'aes-256-cbc']) {
  for (const len of [1, 15, 16, 17, 31, 40, 1000]) {
    dirtyTheHeap();
    const iv = alg.endsWith('ecb') ? null : crypto.randomBytes(16);
    const key = alg.startsWith('aes-256') ? key32 : key16;
    const c = crypto.createCipheriv(alg, key, iv);
    const parts = [];
    for (let i = 0; i < 3; i++) {
      const out = c.update(crypto.randomBytes(len));
      assertClean(out, `${alg} ${len}`);
      parts.push(out);
    }
    parts.push(c.final());
    const d = crypto.createDecipheriv(alg, key, iv);
    const enc = Buffer.concat(parts);
    const half = enc.length >> 1;
    const a = d.update(enc.subarray(0, half));
    assertClean(a, `${alg} decrypt ${len}`);
    const b = d.update(enc.subarray(half));
    assertClean(b, `${alg} decrypt ${len}`);
    assert.strictEqual(a.length + b.length + d.final().length, 3 * len);
  }
}

// A key wrap adds an IV and padding in one update.
for (const len of [1, 8, 9, 100]) {
  dirtyTheHeap();
  const c = crypto.createCipheriv('id-aes128-wrap-pad', key16,
                                  Buffer.from('a65959a6', 'hex'));
  const data = crypto.randomBytes(len);
  const out = c.update(data);
  assertClean(out, `wrap ${len}`);
  assert.strictEqual(out.length, 8 + Math.ceil(len / 8) * 8);
  const d = crypto.createDecipheriv('id-aes128-wrap-pad', key16,
                                    Buffer.from('a65959a6', 'hex'));
  const back = d.update(out);
  assertClean(back, `unwrap ${len}`);
  assert.deepStrictEqual(back, data);
}
