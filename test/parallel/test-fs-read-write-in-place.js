// Flags: --expose-gc
// Asynchronous fs.read and fs.write work on the caller's memory in place:
// the bytes land at the right offset of any kind of view, and the request
// keeps that memory alive even when JS drops every reference to it.
'use strict';
const common = require('../common');
const { assert } = common;
const fs = require('fs');

const tmpdir = common.tmpdir;
tmpdir.refresh();
const file = tmpdir.resolve('data.bin');
const content = Buffer.alloc(16 * 65536);
for (let i = 0; i < content.length; i++) content[i] = (i * 7) & 0xff;
fs.writeFileSync(file, content);
const fd = fs.openSync(file, 'r');
// The fd closes once all 19 reads below are done.
let reads = 19;
const readDone = () => { if (--reads === 0) fs.closeSync(fd); };

// Into the middle of a Buffer: bytes outside [offset, offset + length)
// stay as they were.
{
  const buf = Buffer.alloc(64, 0xee);
  fs.read(fd, buf, 8, 16, 100, common.mustCall((err, n, b) => {
    assert.ifError(err);
    assert.strictEqual(n, 16);
    assert.strictEqual(b, buf);
    assert.deepStrictEqual(buf.subarray(8, 24), content.subarray(100, 116));
    assert.ok(buf.subarray(0, 8).every((x) => x === 0xee));
    assert.ok(buf.subarray(24).every((x) => x === 0xee));
    readDone();
  }));
}

// A small typed array (its bytes may start out on the JS heap) and a
// DataView over part of an ArrayBuffer.
{
  const small = new Uint16Array(4);
  fs.read(fd, small, 0, 8, 0, common.mustCall((err, n) => {
    assert.ifError(err);
    assert.strictEqual(n, 8);
    assert.deepStrictEqual(Buffer.from(small.buffer), content.subarray(0, 8));
    readDone();
  }));
  const ab = new ArrayBuffer(32);
  const view = new DataView(ab, 4, 16);
  fs.read(fd, view, 0, 16, 1000, common.mustCall((err, n) => {
    assert.ifError(err);
    assert.strictEqual(n, 16);
    assert.deepStrictEqual(Buffer.from(ab, 4, 16),
                           content.subarray(1000, 1016));
    assert.ok(new Uint8Array(ab, 0, 4).every((x) => x === 0));
    readDone();
  }));
}

// Nothing but the request holds the buffers: many large reads with a GC
// while they are in flight.
{
  for (let i = 0; i < 16; i++) {
    fs.read(fd, Buffer.allocUnsafeSlow(65536), 0, 65536, i * 65536,
            common.mustCall((err, n, b) => {
              assert.ifError(err);
              assert.strictEqual(n, 65536);
              assert.deepStrictEqual(
                b, content.subarray(i * 65536, (i + 1) * 65536));
              readDone();
            }));
  }
  globalThis.gc();
}

// A write from a buffer that JS no longer references, then read back.
{
  const out = tmpdir.resolve('out.bin');
  const wfd = fs.openSync(out, 'w');
  fs.write(wfd, Buffer.from(content.subarray(0, 100000)), 0, 100000, 0,
           common.mustCall((err, n) => {
             assert.ifError(err);
             assert.strictEqual(n, 100000);
             fs.closeSync(wfd);
             assert.deepStrictEqual(fs.readFileSync(out),
                                    content.subarray(0, 100000));
           }));
  globalThis.gc();
}
