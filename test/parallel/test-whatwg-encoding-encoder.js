'use strict';
// TextEncoder: encode() and encodeInto() produce UTF-8, with lone
// surrogates as U+FFFD, and encodeInto() never writes part of a character.

const { assert } = require('../common');
const util = require('util');
const { TextEncoder } = util;

// The global is the same class.
assert.strictEqual(globalThis.TextEncoder, TextEncoder);
assert.strictEqual(globalThis.TextDecoder, util.TextDecoder);

const enc = new TextEncoder();
assert.strictEqual(enc.encoding, 'utf-8');

function bytes(u8) {
  assert.ok(u8 instanceof Uint8Array);
  return Array.from(u8);
}

// encode(): the input is converted to a string first.
assert.deepStrictEqual(bytes(enc.encode()), []);
assert.deepStrictEqual(bytes(enc.encode(undefined)), []);
assert.deepStrictEqual(bytes(enc.encode('')), []);
assert.deepStrictEqual(bytes(enc.encode(null)), [0x6e, 0x75, 0x6c, 0x6c]);
assert.deepStrictEqual(bytes(enc.encode(123)), [0x31, 0x32, 0x33]);
assert.deepStrictEqual(bytes(enc.encode({ toString: () => 'é' })),
                       [0xc3, 0xa9]);
assert.throws(() => enc.encode(Symbol('s')), TypeError);

// One to four bytes per code point.
assert.deepStrictEqual(bytes(enc.encode('a\u00e9\u20ac\u{1F600}')),
                       [0x61, 0xc3, 0xa9, 0xe2, 0x82, 0xac,
                        0xf0, 0x9f, 0x98, 0x80]);
assert.deepStrictEqual(bytes(enc.encode('\0\x7f\x80\u07ff\u0800\uffff')),
                       [0x00, 0x7f, 0xc2, 0x80, 0xdf, 0xbf, 0xe0, 0xa0,
                        0x80, 0xef, 0xbf, 0xbf]);
assert.deepStrictEqual(bytes(enc.encode('\u{10FFFF}')),
                       [0xf4, 0x8f, 0xbf, 0xbf]);

// Lone surrogates, leading or trailing, become U+FFFD.
const fffd = [0xef, 0xbf, 0xbd];
assert.deepStrictEqual(bytes(enc.encode('\ud800')), fffd);
assert.deepStrictEqual(bytes(enc.encode('\udc00')), fffd);
assert.deepStrictEqual(bytes(enc.encode('\ud800a\udc00\ud83d\ude00')),
                       [...fffd, 0x61, ...fffd, 0xf0, 0x9f, 0x98, 0x80]);
assert.deepStrictEqual(bytes(enc.encode('\udc00\ud800')), [...fffd, ...fffd]);
assert.deepStrictEqual(bytes(enc.encode('x\ud800')), [0x78, ...fffd]);

// The result owns a buffer of exactly its size.
const out = enc.encode('hello');
assert.strictEqual(out.byteOffset, 0);
assert.strictEqual(out.buffer.byteLength, 5);
assert.notStrictEqual(enc.encode('hello').buffer, out.buffer);

// A long string round-trips.
const long = 'abc\u00e9\u{1F600}'.repeat(10000);
assert.strictEqual(enc.encode(long).length, 90000);
assert.strictEqual(new util.TextDecoder().decode(enc.encode(long)), long);

// encodeInto(): { read, written } in UTF-16 units and bytes.
function into(str, size) {
  const dest = new Uint8Array(size);
  const r = enc.encodeInto(str, dest);
  return [r.read, r.written, Array.from(dest.subarray(0, r.written))];
}
assert.deepStrictEqual(into('abc', 5), [3, 3, [0x61, 0x62, 0x63]]);
assert.deepStrictEqual(into('abc', 2), [2, 2, [0x61, 0x62]]);
assert.deepStrictEqual(into('', 0), [0, 0, []]);
assert.deepStrictEqual(into('ab', 0), [0, 0, []]);
// A character that does not fit is left out whole.
assert.deepStrictEqual(into('a\u{1F600}', 4), [1, 1, [0x61]]);
assert.deepStrictEqual(into('a\u{1F600}', 5),
                       [3, 5, [0x61, 0xf0, 0x9f, 0x98, 0x80]]);
assert.deepStrictEqual(into('a\u{1F600}b', 3), [1, 1, [0x61]]);
assert.deepStrictEqual(into('\u20ac\u20ac', 5), [1, 3, [0xe2, 0x82, 0xac]]);
assert.deepStrictEqual(into('\u00ff\u00ff', 3), [1, 2, [0xc3, 0xbf]]);
// A lone surrogate takes three bytes (U+FFFD) and counts as one unit.
assert.deepStrictEqual(into('a\ud800b', 3), [1, 1, [0x61]]);
assert.deepStrictEqual(into('a\ud800b', 4), [2, 4, [0x61, ...fffd]]);
assert.deepStrictEqual(into('a\ud800b', 5), [3, 5, [0x61, ...fffd, 0x62]]);
assert.deepStrictEqual(into('a\udc00', 5), [2, 4, [0x61, ...fffd]]);

// encodeInto writes at the view's offset and nowhere else.
{
  const buf = new Uint8Array(8).fill(0xaa);
  const r = enc.encodeInto('h\u00e9llo', buf.subarray(2, 7));
  assert.deepStrictEqual(r, { read: 4, written: 5 });
  assert.deepStrictEqual(Array.from(buf),
                         [0xaa, 0xaa, 0x68, 0xc3, 0xa9, 0x6c, 0x6c, 0xaa]);
}
// A Uint8Array over a SharedArrayBuffer is a Uint8Array.
if (typeof SharedArrayBuffer === 'function') {
  const shared = new Uint8Array(new SharedArrayBuffer(4));
  assert.deepStrictEqual(enc.encodeInto('abc', shared),
                         { read: 3, written: 3 });
}
// Results are plain objects.
assert.deepStrictEqual(Object.keys(enc.encodeInto('a', new Uint8Array(1))),
                       ['read', 'written']);

// Argument errors, with Node's codes and messages.
assert.throws(() => enc.encodeInto('abc'), {
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "dest" argument must be an instance of Uint8Array. ' +
    'Received undefined',
});
for (const [dest, received] of [
  [[], 'an instance of Array'],
  [new Uint16Array(4), 'an instance of Uint16Array'],
  [new Int8Array(4), 'an instance of Int8Array'],
  [new Uint8ClampedArray(4), 'an instance of Uint8ClampedArray'],
  [new ArrayBuffer(4), 'an instance of ArrayBuffer'],
]) {
  assert.throws(() => enc.encodeInto('abc', dest), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "dest" argument must be an instance of Uint8Array. ' +
      `Received ${received}`,
  });
}
assert.throws(() => enc.encodeInto(5, new Uint8Array(4)), {
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "src" argument must be of type string. ' +
    'Received type number (5)',
});

// Brand checks: the methods work only on real TextEncoders.
const invalidThis = {
  name: 'TypeError',
  code: 'ERR_INVALID_THIS',
  message: 'Value of "this" must be of type TextEncoder',
};
assert.throws(() => TextEncoder.prototype.encode.call({}), invalidThis);
assert.throws(() => TextEncoder.prototype.encodeInto.call(
  {}, 'a', new Uint8Array(2)), invalidThis);
assert.throws(() => Object.getOwnPropertyDescriptor(
  TextEncoder.prototype, 'encoding').get.call({}), invalidThis);
assert.throws(() => TextEncoder(), TypeError);

// The shape of the class.
assert.strictEqual(TextEncoder.length, 0);
assert.strictEqual(TextEncoder.prototype.encode.length, 0);
assert.strictEqual(TextEncoder.prototype.encodeInto.length, 2);
assert.deepStrictEqual(Object.getOwnPropertyNames(TextEncoder.prototype),
                       ['constructor', 'encoding', 'encode', 'encodeInto']);
assert.deepStrictEqual(Object.keys(TextEncoder.prototype),
                       ['encoding', 'encode', 'encodeInto']);
assert.deepStrictEqual(Object.keys(enc), []);
assert.strictEqual(Object.prototype.toString.call(enc), '[object TextEncoder]');

// util.inspect, as Node prints it.
assert.strictEqual(util.inspect(enc), "{ encoding: 'utf-8' }");
assert.strictEqual(util.inspect(enc, { colors: true }),
                   "{ encoding: \x1b[32m'utf-8'\x1b[39m }");
assert.strictEqual(util.inspect(enc, { compact: false }),
                   "{\n  encoding: 'utf-8'\n}");
assert.strictEqual(util.inspect(enc, { depth: -1 }), '[TextEncoder]');
assert.strictEqual(util.inspect({ a: enc }, { depth: 0 }),
                   '{ a: [TextEncoder] }');
assert.strictEqual(util.inspect({ a: enc }), "{ a: { encoding: 'utf-8' } }");
class MyEncoder extends TextEncoder {}
assert.strictEqual(util.inspect(new MyEncoder()), "{ encoding: 'utf-8' }");
assert.strictEqual(util.inspect(TextEncoder.prototype),
                   'Object [TextEncoder] {\n' +
                   '  encoding: [Getter],\n' +
                   '  encode: [Function: encode],\n' +
                   '  encodeInto: [Function: encodeInto]\n}');
