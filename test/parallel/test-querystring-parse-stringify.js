'use strict';
// querystring: parse/decode, stringify/encode, escape, unescape and
// unescapeBuffer, with the results Node 18 gives.
const common = require('../common');
const { assert, mustCall } = common;
const qs = require('querystring');

assert.deepStrictEqual(Object.keys(qs), ['unescapeBuffer', 'unescape',
  'escape', 'stringify', 'encode', 'parse', 'decode']);
assert.strictEqual(qs.decode, qs.parse);
assert.strictEqual(qs.encode, qs.stringify);

const parses = [
  ['a=1&b=2', { a: '1', b: '2' }],
  ['a=1&a=2&a=3', { a: ['1', '2', '3'] }],
  ['a&b=&=c&&d=e=f', { a: '', b: '', '': 'c', d: 'e=f' }],
  ['+a+=+b+', { ' a ': ' b ' }],
  ['a=%41%42%43', { a: 'ABC' }],
  ['a=%zz&b=%E9&c=%', { a: '%zz', b: '�', c: '%' }],
  ['é=ü&%C3%A9=%C3%BC', { 'é': ['ü', 'ü'] }],
  ['%41%41=é%2', { AA: '�%2' }],
  ['%41=é%2', { A: 'é%2' }],
  ['__proto__=1&hasOwnProperty=2', { ['__proto__']: '1', hasOwnProperty: '2' }],
  ['=', { '': '' }],
  ['&', {}],
  ['a=b;c=d', { a: 'b;c=d' }],
  ['x=%F0%9F%98%80', { x: '😀' }],
  ['a=1&', { a: '1' }],
  ['?a=1', { '?a': '1' }],
];

const parsesSep = [
  ['a:1;b:2', ';', ':', { a: '1', b: '2' }],
  ['a==1&&b==2', '&&', '==', { a: '1', b: '2' }],
  ['a=1&b=2', null, null, { a: '1', b: '2' }],
  ['a=1&b=2', '', '', { a: '1', b: '2' }],
];

const maxKeysCases = [
  [1, { a: '1' }],
  [2, { a: '1' }],
  [0, { a: '1', b: '2' }],
  [1.5, { a: '1', b: '2' }],
];

const stringifies = [
  [{ a: 1, b: 'x y', c: true, d: false }, 'a=1&b=x%20y&c=true&d=false'],
  [{ a: [1, 2, 'three'], b: [] }, 'a=1&a=2&a=three'],
  [
    { n: NaN, i: Infinity, bi: 10n, big: 1e+21, neg: -0.5 },
    'n=&i=&bi=10&big=1e%2B21&neg=-0.5',
  ],
  [{ o: {}, f: null, u: undefined, s: 'é&=?' }, 'o=&f=&u=&s=%C3%A9%26%3D%3F'],
  [{ '': '' }, '='],
  [{ 'a b': 'c+d' }, 'a%20b=c%2Bd'],
];

const escapes = [
  ['a b~!*()\'-_.', 'a%20b~!*()\'-_.'],
  ['é😀', '%C3%A9%F0%9F%98%80'],
  ['&=?#/%+', '%26%3D%3F%23%2F%25%2B'],
  ['\uD800a', '%F0%90%81%A1'],
  ['a\uDC00b', 'a%F0%90%81%A2'],
];

const unescapes = [
  ['a%20b', 'a b', 'a b'],
  ['a+b', 'a+b', 'a+b'],
  ['%E9', '�', '�'],
  ['%zz%41', '%zzA', '%zzA'],
  ['%C3%A9', 'é', 'é'],
  ['é%41%', '�A%', '�A%'],
];

// parse() returns a null-prototype object.
for (const [input, expected] of parses) {
  const result = qs.parse(input);
  assert.strictEqual(Object.getPrototypeOf(result), null, input);
  assert.deepStrictEqual({ ...result }, expected, input);
}
for (const [input, sep, eq, expected] of parsesSep) {
  assert.deepStrictEqual({ ...qs.parse(input, sep, eq) }, expected, input);
}
for (const [maxKeys, expected] of maxKeysCases) {
  const input = maxKeys === 2 ? '&a=1&b=2' :
    maxKeys === 1 ? 'a=1&b=2&c=3' : 'a=1&b=2';
  assert.deepStrictEqual({ ...qs.parse(input, null, null, { maxKeys }) },
                         expected, `maxKeys ${maxKeys}`);
}
for (const input of [undefined, null, 5, {}, '']) {
  assert.deepStrictEqual({ ...qs.parse(input) }, {});
}
// More than 1000 pairs are cut to 1000 by default.
assert.strictEqual(
  Object.keys(qs.parse(Array.from({ length: 1100 }, (_, i) => `k${i}=v`)
    .join('&'))).length, 1000);

// A custom decoder sees every non-empty key and value ('+' as '%20');
// when it throws, the default decoding is used.
assert.deepStrictEqual(
  { ...qs.parse('a=%41&b+c=&d', null, null,
                { decodeURIComponent: (s) => `<${s}>` }) },
  { '<a>': '<%41>', '<b%20c>': '', '<d>': '' });
assert.deepStrictEqual(
  { ...qs.parse('a=%41', null, null, {
    decodeURIComponent: mustCall(() => { throw new Error('no'); }, 2),
  }) },
  { a: 'A' });

for (const [object, expected] of stringifies) {
  assert.strictEqual(qs.stringify(object), expected);
}
assert.strictEqual(qs.stringify({ a: 1, b: [2, 3] }, ';', ':'),
                   'a:1;b:2;b:3');
assert.strictEqual(qs.stringify({ a: 1, b: 2 }, '', ''), 'a=1&b=2');
assert.strictEqual(
  qs.stringify({ a: 'x', b: [1, ''] }, null, null,
               { encodeURIComponent: (s) => `<${s}>` }),
  '<a>=<x>&<b>=<1>&<b>=<>');
// A non-function encoder is ignored.
assert.strictEqual(qs.stringify({ a: ' ' }, null, null,
                                { encodeURIComponent: 5 }), 'a=%20');
for (const input of ['abc', 5, null, undefined, true]) {
  assert.strictEqual(qs.stringify(input), '');
}
assert.strictEqual(qs.stringify([1, 2]), '0=1&1=2');

for (const [input, expected] of escapes) {
  assert.strictEqual(qs.escape(input), expected, input);
}
assert.strictEqual(qs.escape(5), '5');
assert.strictEqual(qs.escape(1n), '1');
assert.strictEqual(qs.escape({ toString() { return 'é'; } }), '%C3%A9');
assert.strictEqual(qs.escape([1, 2]), '1%2C2');
for (const lone of ['\uD800', '\uDC00', 'a\uDBFF']) {
  assert.throws(() => qs.escape(lone), {
    name: 'URIError',
    code: 'ERR_INVALID_URI',
    message: 'URI malformed',
  });
}
assert.throws(() => qs.escape(Symbol('s')), TypeError);

for (const [input, plain, spaces] of unescapes) {
  assert.strictEqual(qs.unescape(input), plain, input);
  assert.strictEqual(qs.unescape(input, true), spaces, input);
}

// unescapeBuffer keeps the low byte of other code units.
const bytes = qs.unescapeBuffer('a%41+%zz%4é\u{1F600}');
assert.ok(bytes instanceof Uint8Array);
assert.deepStrictEqual(Array.from(bytes),
                       [0x61, 0x41, 0x2B, 0x25, 0x7A, 0x7A, 0x25, 0x34, 0xE9,
                        0x3D, 0x00]);
assert.deepStrictEqual(Array.from(qs.unescapeBuffer('a+b', true)),
                       [0x61, 0x20, 0x62]);
