'use strict';
// Buffer.from / alloc / allocUnsafe / of / concat / byteLength, and the
// shape of the class, with Node 18's errors.
const { assert } = require('../common');
const { Buffer, SlowBuffer, kMaxLength, constants } = require('buffer');

const hex = (b) => Buffer.prototype.toString.call(b, 'hex');

// The class.
assert.strictEqual(Object.getPrototypeOf(Buffer.prototype),
                   Uint8Array.prototype);
assert.strictEqual(Object.getPrototypeOf(Buffer), Uint8Array);
assert.strictEqual(Buffer.name, 'Buffer');
assert.strictEqual(Buffer.length, 3);
assert.strictEqual(Buffer.poolSize, 8192);
const abc = Buffer.from('abc');
assert.ok(abc instanceof Buffer && abc instanceof Uint8Array);
assert.strictEqual(abc.constructor, Buffer);
assert.strictEqual(Object.prototype.toString.call(abc), '[object Uint8Array]');
assert.ok(Buffer.isBuffer(abc));
assert.ok(!Buffer.isBuffer(new Uint8Array(1)));
assert.ok(Buffer.isBuffer(abc.map((x) => x + 1)));
assert.strictEqual(hex(abc.map((x) => x + 1)), '626364');
assert.ok(Buffer.isBuffer(abc.subarray(1)));
assert.deepStrictEqual([...abc.entries()], [[0, 97], [1, 98], [2, 99]]);
assert.deepStrictEqual([...abc.keys()], [0, 1, 2]);
assert.deepStrictEqual([...abc.values()], [97, 98, 99]);
assert.strictEqual(kMaxLength, 2 ** 32);
assert.deepStrictEqual(constants, { MAX_LENGTH: 2 ** 32,
                                    MAX_STRING_LENGTH: 2 ** 29 - 24 });

// from(string, encoding)
assert.strictEqual(hex(Buffer.from('abc', 1)), '616263');
assert.strictEqual(hex(Buffer.from('abc', null)), '616263');
assert.strictEqual(Buffer.from('').length, 0);
assert.throws(() => Buffer.from('abc', 'foo'), {
  name: 'TypeError', code: 'ERR_UNKNOWN_ENCODING',
  message: 'Unknown encoding: foo',
});

// from(array-like), from(object)
assert.strictEqual(hex(Buffer.from([1.7, -1, 'x', '2'])), '01ff0002');
assert.strictEqual(hex(Buffer.from({ length: 2, 0: 1, 1: 300 })), '012c');
assert.strictEqual(hex(Buffer.from(new Uint16Array([1, 256]))), '0100');
assert.strictEqual(Buffer.from({ length: -1 }).length, 0);
assert.strictEqual(Buffer.from({ length: 'x' }).length, 0);
assert.strictEqual(hex(Buffer.from({ type: 'Buffer', data: [1, 2] })),
                   '0102');
assert.strictEqual(hex(Buffer.from(new String('hey'))), '686579');
assert.strictEqual(hex(Buffer.from({ valueOf() { return 'abc'; } })),
                   '616263');
assert.strictEqual(
  hex(Buffer.from({ [Symbol.toPrimitive]() { return 'xy'; } })), '7879');
const msg = 'The first argument must be of type string or an instance of ' +
  'Buffer, ArrayBuffer, or Array or an Array-like Object. Received ';
for (const [v, shown] of [[undefined, 'undefined'], [5, 'type number (5)'],
  [null, 'null'], [{}, 'an instance of Object'],
  [Symbol(), 'type symbol (Symbol())']]) {
  assert.throws(() => Buffer.from(v), {
    name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE', message: msg + shown,
  });
}

// from(buffer) copies; from(arrayBuffer, offset, length) shares.
const copy = Buffer.from(abc);
copy[0] = 0;
assert.strictEqual(abc[0], 97);
const ab = new ArrayBuffer(4);
const view = Buffer.from(ab, 1, 2);
view[0] = 7;
assert.strictEqual(new Uint8Array(ab)[1], 7);
assert.strictEqual(Buffer.from(ab, '1').length, 3);
assert.strictEqual(Buffer.from(new Float64Array(1).buffer, 1).length, 7);
assert.throws(() => Buffer.from(ab, 5), {
  name: 'RangeError', code: 'ERR_BUFFER_OUT_OF_BOUNDS',
  message: '"offset" is outside of buffer bounds',
});
assert.throws(() => Buffer.from(ab, 1, 5), {
  code: 'ERR_BUFFER_OUT_OF_BOUNDS',
  message: '"length" is outside of buffer bounds',
});

// alloc, allocUnsafe, allocUnsafeSlow, SlowBuffer, of
assert.strictEqual(hex(Buffer.alloc(3)), '000000');
assert.strictEqual(hex(Buffer.alloc(1.5)), '00');
assert.strictEqual(hex(Buffer.alloc(3, 'YWJj', 'base64')), '616263');
assert.strictEqual(hex(Buffer.alloc(5, 'ab')), '6162616261');
assert.strictEqual(hex(Buffer.alloc(3, '')), '000000');
assert.strictEqual(hex(Buffer.alloc(3, 257)), '010101');
assert.throws(() => Buffer.alloc(3, 'x', 'foo'),
              { code: 'ERR_UNKNOWN_ENCODING' });
for (const f of [Buffer.alloc, Buffer.allocUnsafe, Buffer.allocUnsafeSlow,
  SlowBuffer]) {
  for (const [v, shown] of [[-1, '-1'], [NaN, 'NaN'],
    [2 ** 33, '8589934592']]) {
    assert.throws(() => f(v), {
      name: 'RangeError', code: 'ERR_INVALID_ARG_VALUE',
      message: `The argument 'size' is invalid. Received ${shown}`,
    });
  }
  assert.throws(() => f('5'), {
    name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "size" argument must be of type number. ' +
      "Received type string ('5')",
  });
}
const small = Buffer.allocUnsafe(10);
assert.strictEqual(small.length, 10);
assert.strictEqual(small.buffer.byteLength, 8192);  // from the pool
assert.strictEqual(Buffer.allocUnsafeSlow(10).buffer.byteLength, 10);
assert.strictEqual(Buffer.allocUnsafe(5000).buffer.byteLength, 5000);
assert.strictEqual(hex(Buffer.of(1, 2, 300)), '01022c');

// concat
assert.strictEqual(hex(Buffer.concat([abc, new Uint8Array([1])], 2)),
                   '6162');
assert.strictEqual(hex(Buffer.concat([abc], 6)), '616263000000');
assert.strictEqual(hex(Buffer.concat([abc, abc])), '616263616263');
assert.strictEqual(Buffer.concat([]).length, 0);
assert.throws(() => Buffer.concat(5), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "list" argument must be an instance of Array. ' +
    'Received type number (5)',
});
assert.throws(() => Buffer.concat([abc, 'x']), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "list[1]" argument must be an instance of Buffer or ' +
    "Uint8Array. Received type string ('x')",
});
assert.throws(() => Buffer.concat([abc], -1), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "length" is out of range. It must be >= 0 && ' +
    '<= 4294967296. Received -1',
});
assert.throws(() => Buffer.concat([abc], 1.5), {
  message: 'The value of "length" is out of range. It must be an integer. ' +
    'Received 1.5',
});

// byteLength, isEncoding
assert.strictEqual(Buffer.byteLength('abc', 'foo'), 3);
assert.strictEqual(Buffer.byteLength(new ArrayBuffer(5)), 5);
assert.strictEqual(Buffer.byteLength(new Uint16Array(3)), 6);
assert.strictEqual(Buffer.byteLength('abcd', 'hex'), 2);
assert.strictEqual(Buffer.byteLength('é', 'latin1'), 1);
assert.strictEqual(Buffer.byteLength('ab', 'ucs2'), 4);
assert.strictEqual(Buffer.byteLength('a\ud800'), 4);
assert.strictEqual(Buffer.byteLength('é€😀'), 9);
assert.strictEqual(Buffer.byteLength('YQ==YQ==', 'base64'), 4);
assert.strictEqual(Buffer.byteLength('Y Q = =', 'base64'), 4);
assert.throws(() => Buffer.byteLength(5), {
  message: 'The "string" argument must be of type string or an instance ' +
    'of Buffer or ArrayBuffer. Received type number (5)',
});
for (const e of ['UTF-8', 'binary', 'UCS-2', 'hex', 'base64url', 'Latin1']) {
  assert.strictEqual(Buffer.isEncoding(e), true);
}
for (const e of ['', 1, 'utf16-le', null, 'foo']) {
  assert.strictEqual(Buffer.isEncoding(e), false);
}

// copyBytesFrom
assert.strictEqual(hex(Buffer.copyBytesFrom(new Uint16Array([1, 0x203]),
                                            1)), '0302');
