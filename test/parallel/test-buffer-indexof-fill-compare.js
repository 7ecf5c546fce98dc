'use strict';
// indexOf / lastIndexOf / includes, fill, compare, equals, copy, slice and
// inspect output, with Node 18's results for the odd cases.
const { assert } = require('../common');
const { Buffer } = require('buffer');
const util = require('util');

const s = Buffer.from('abcabc');
const got = [s.indexOf(''), s.indexOf('', 5), s.indexOf('', 6),
  s.indexOf('', 10), s.lastIndexOf(''), s.lastIndexOf('', 2),
  s.lastIndexOf('', -10), s.indexOf('c', -1), s.indexOf('c', -100),
  s.lastIndexOf('a', -3), s.lastIndexOf('a', -100),
  s.indexOf(Buffer.alloc(0), 7), s.indexOf(98), s.indexOf(98.9),
  s.indexOf(98 + 256), s.lastIndexOf('c', null), s.lastIndexOf('c'),
  s.lastIndexOf('c', NaN), s.indexOf('c', {}), s.indexOf('b', 1.9),
  s.lastIndexOf('c', {}), s.lastIndexOf('bc', 4), s.lastIndexOf('bc', 5),
  s.indexOf(-158), s.lastIndexOf(Buffer.alloc(0)),
  s.lastIndexOf(Buffer.alloc(0), 3), s.lastIndexOf('', 100),
  s.indexOf('abcabcx'), s.lastIndexOf('abcabcx'),
  s.indexOf(new Uint8Array([99])), s.indexOf('YWJj', 'base64'),
  s.indexOf('6263', 'hex'), s.indexOf('6263', 0, 'hex'),
  s.indexOf('zz', 'hex'), s.lastIndexOf('', 'hex'), s.indexOf(2 ** 40 + 99),
  s.indexOf('c', 2 ** 40), s.indexOf('c', -(2 ** 40))];
assert.deepStrictEqual(got, [0, 5, 6, 6, 6, 2, 0, 5, 2, 3, -1, 6, 1, 1, 1, -1,
  5, 5, 2, 1, 5, 4, 4, 1, 6, 3, 6, -1, -1, 2, 0, 1, 1, 0, 6, 2, -1, 2]);
const u = Buffer.from('abcdef', 'ucs2');
assert.deepStrictEqual([u.indexOf('b', 'ucs2'), u.indexOf('cd', 0, 'ucs2'),
  u.lastIndexOf('b', 'ucs2'), u.indexOf(Buffer.from('c\0'), 0, 'ucs2'),
  u.indexOf('\0b', 'ucs2'), Buffer.from('a\0b\0').indexOf('\0b', 'latin1'),
  Buffer.from('xa\0b\0').indexOf('b', 'ucs2'),
  u.indexOf('b', 3, 'ucs2'), u.lastIndexOf('b', 3, 'ucs2'),
  u.indexOf('b', -9, 'ucs2')], [2, 4, 2, 4, -1, 1, -1, 2, 2, 2]);
assert.strictEqual(Buffer.from('x€y').indexOf('€'), 1);
assert.strictEqual(Buffer.from('a\ud800b', 'latin1').indexOf('\ud800',
                                                             'latin1'), 1);
assert.strictEqual(s.includes('ca'), true);
assert.strictEqual(s.includes('ca', 3), false);
for (const [v, shown] of [[{}, 'an instance of Object'],
  [null, 'null'], [true, 'type boolean (true)'], [1n, 'type bigint (1n)']]) {
  assert.throws(() => s.indexOf(v), {
    name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "value" argument must be one of type number or string or ' +
      `an instance of Buffer or Uint8Array. Received ${shown}`,
  });
}
assert.throws(() => s.includes('a', 0, 'foo'), {
  code: 'ERR_UNKNOWN_ENCODING', message: 'Unknown encoding: foo',
});

// fill
const b = () => Buffer.from('abc');
const hex = (x) => x.toString('hex');
assert.strictEqual(hex(b().fill('x', 5)), '616263');
assert.strictEqual(hex(b().fill(null)), '000000');
assert.strictEqual(hex(b().fill(true)), '010101');
assert.strictEqual(hex(b().fill('ab', 'ucs2')), '610062');
assert.strictEqual(hex(b().fill('\u0222', 'latin1')), '222222');
assert.strictEqual(hex(Buffer.alloc(4).fill('\u0222')), 'c8a2c8a2');
assert.strictEqual(hex(Buffer.alloc(5).fill('abc', 1)), '0061626361');
assert.strictEqual(hex(b().fill('x', 2, 1)), '616263');
assert.strictEqual(hex(b().fill(-1.5)), 'ffffff');
assert.strictEqual(hex(b().fill(Buffer.from([1, 2]))), '010201');
const self = Buffer.from('abcdef');
self.fill(self.subarray(1, 3));
assert.strictEqual(self.toString(), 'bcbcbc');
assert.throws(() => b().fill('zz', 'hex'), {
  name: 'TypeError', code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'value' is invalid. Received 'zz'",
});
assert.throws(() => b().fill(Buffer.alloc(0)), {
  message: "The argument 'value' is invalid. Received <Buffer >",
});
assert.throws(() => b().fill('x', -1), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "offset" is out of range. It must be >= 0 && ' +
    '<= 4294967296. Received -1',
});
assert.throws(() => b().fill('x', 0, 5), {
  message: 'The value of "end" is out of range. It must be >= 0 && <= 3. ' +
    'Received 5',
});
assert.throws(() => b().fill('x', null), {
  message: 'The "offset" argument must be of type number. Received null',
});
assert.throws(() => b().fill('x', 0, 3, 1), {
  message: 'The "encoding" argument must be of type string. ' +
    'Received type number (1)',
});
assert.throws(() => b().fill('x', 'foo'), { code: 'ERR_UNKNOWN_ENCODING' });

// compare, equals
assert.strictEqual(Buffer.compare(b(), Buffer.from('abd')), -1);
assert.strictEqual(Buffer.compare(b(), Buffer.from('ab')), 1);
assert.strictEqual(b().compare(b(), 4), 1);
assert.strictEqual(b().compare(b(), 0, 3, 4), -1);
assert.strictEqual(b().compare(b(), 0, 3, 2, 1), -1);
assert.strictEqual(b().compare(b(), 4, 2), 1);
assert.strictEqual(b().compare(b(), undefined, undefined, 1), 1);
assert.strictEqual(b().compare(Buffer.from('xbc'), 1, 3, 1), 0);
assert.throws(() => b().compare(b(), 0, 4), {
  message: 'The value of "targetEnd" is out of range. It must be >= 0 && ' +
    '<= 3. Received 4',
});
assert.throws(() => Buffer.compare('x', b()), {
  message: 'The "buf1" argument must be an instance of Buffer or ' +
    "Uint8Array. Received type string ('x')",
});
assert.ok(b().equals(new Uint8Array([97, 98, 99])));
assert.ok(!b().equals(Buffer.from('abd')));
assert.throws(() => b().equals('x'), {
  message: 'The "otherBuffer" argument must be an instance of Buffer or ' +
    "Uint8Array. Received type string ('x')",
});

// copy
const t = Buffer.alloc(5);
assert.strictEqual(b().copy(t, 1, 1, 10), 2);
assert.strictEqual(hex(t), '0062630000');
assert.strictEqual(b().copy(Buffer.alloc(5), 1.5), 3);
assert.strictEqual(b().copy(Buffer.alloc(5), NaN, NaN), 3);
assert.strictEqual(b().copy(Buffer.alloc(5), 6), 0);
const overlap = Buffer.from('abcdef');
overlap.copy(overlap, 2, 0, 4);
assert.strictEqual(overlap.toString(), 'ababcd');
assert.throws(() => b().copy(Buffer.alloc(5), -1), {
  message: 'The value of "targetStart" is out of range. It must be >= 0. ' +
    'Received -1',
});
assert.throws(() => b().copy(Buffer.alloc(5), 0, 4), {
  message: 'The value of "sourceStart" is out of range. It must be >= 0 && ' +
    '<= 3. Received 4',
});

// slice and subarray share memory.
const base = Buffer.from('abcdef');
const sl = base.slice(1, -1);
sl[0] = 0x42;
assert.strictEqual(base.toString(), 'aBcdef');
assert.strictEqual(base.slice(-2).toString(), 'ef');
assert.strictEqual(base.slice('1', '2').toString(), 'B');
assert.strictEqual(base.slice(NaN, NaN).length, 0);
assert.strictEqual(base.slice(5, 2).length, 0);
assert.strictEqual(base.subarray(-2).toString(), 'ef');
assert.ok(Buffer.isBuffer(base.slice(1)));

// JSON and inspect
assert.deepStrictEqual(b().toJSON(), { type: 'Buffer', data: [97, 98, 99] });
assert.strictEqual(JSON.stringify(b()), '{"type":"Buffer","data":[97,98,99]}');
assert.strictEqual(util.inspect(b()), '<Buffer 61 62 63>');
assert.strictEqual(util.inspect(Buffer.alloc(0)), '<Buffer >');
assert.strictEqual(util.inspect({ a: b() }), '{ a: <Buffer 61 62 63> }');
assert.strictEqual(util.inspect(Buffer.alloc(51)),
                   `<Buffer ${'00 '.repeat(50)}... 1 more byte>`);
assert.strictEqual(util.inspect(Buffer.alloc(60)),
                   `<Buffer ${'00 '.repeat(50)}... 10 more bytes>`);
const extra = b();
extra.foo = 1;
extra[Symbol('s')] = 2;
assert.strictEqual(util.inspect(extra),
                   '<Buffer 61 62 63, foo: 1, [Symbol(s)]: 2>');
const bufferModule = require('buffer');
bufferModule.INSPECT_MAX_BYTES = 2;
assert.strictEqual(util.inspect(b()), '<Buffer 61 62 ... 1 more byte>');
bufferModule.INSPECT_MAX_BYTES = 50;
