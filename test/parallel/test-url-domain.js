'use strict';
// url.domainToASCII() / url.domainToUnicode(), IDNA in URL hosts, and
// the punycode module.
const common = require('../common');
const { assert } = common;
const url = require('url');
const punycode = require('punycode');

for (const [input, ascii, unicode] of [
  ['español.com', 'xn--espaol-zwa.com', 'español.com'],
  ['xn--espaol-zwa.com', 'xn--espaol-zwa.com', 'español.com'],
  ['中文.com', 'xn--fiq228c.com', '中文.com'],
  ['EXAMPLE.com', 'example.com', 'example.com'],
  ['ＥＸＡＭＰＬＥ。ｃｏｍ', 'example.com', 'example.com'],
  ['faß.de', 'xn--fa-hia.de', 'faß.de'],
  ['a\u00ADb', 'ab', 'ab'],
  ['0x7f.1', '127.0.0.1', '127.0.0.1'],
  ['[::1]', '[::1]', '[::1]'],
  ['%41b', 'ab', 'ab'],
  ['a/b', 'a', 'a'],
  ['xn--iñvalid.com', '', ''],
  ['xn--a', '', ''],
  ['a:80', '', ''],
  ['a b', '', ''],
  ['', '', ''],
  ['1.2.3.4.5', '', ''],
  ['\u200D.example', '', ''],
  ['يa', '', ''],
]) {
  assert.strictEqual(url.domainToASCII(input), ascii, input);
  assert.strictEqual(url.domainToUnicode(input), unicode, input);
}
assert.strictEqual(url.domainToASCII(5), '0.0.0.5');
for (const fn of [url.domainToASCII, url.domainToUnicode]) {
  assert.throws(() => fn(), {
    name: 'TypeError',
    code: 'ERR_MISSING_ARGS',
    message: 'The "domain" argument must be specified',
  });
}

// The same IDNA processing in URL hosts.
for (const [host, expected] of [
  ['ab--c', 'ab--c'], ['-x.ß', '-x.xn--zca'], ['a\u094D\u200Db',
    'xn--ab-fsf014u'], ['ß.xn--zca', 'xn--zca.xn--zca'], ['Ꭰ', 'xn--58d'],
  ['İ', 'xn--i-9bb'], ['≠', 'xn--1ch'], ['ﬀ', 'ff'], ['ⅸ', 'ix'],
]) {
  assert.strictEqual(new URL(`http://${host}/`).host, expected, host);
}

// Node 18's IDNA details: case folding beyond lowercasing, mappings that
// would make a '.', and its Bidi and ContextJ checks (the Bidi rule is
// skipped for labels with a joiner, and only the first joiner is
// checked).
for (const [host, expected] of [
  ['\u1F80', 'xn--uxa970l'], ['\u03F2', 'xn--4xa'], ['\u13F8', 'xn--gce'],
  ['\u1C80', 'xn--b1a'], ['\u0345x', 'xn--x-fmb'], ['\u2488', null],
  ['\u2132', null], ['a\u3002b\uFF61c\uFF0Ed', 'a.b.c.d'],
  ['aא', 'xn--a-0hc'], ['אa', null], ['א1', 'xn--1-zhc'], ['א٣1', null],
  ['\u0628\u200C\u0627a', 'xn--a-ymcc626x'], ['\u0627\u200C\u0628', null],
  ['\u0628\u200C\u0627\u200Da', 'xn--a-ymcc626xga'], ['a\u200D', null],
]) {
  const input = `http://${host}/`;
  if (expected === null) {
    assert.throws(() => new URL(input), { code: 'ERR_INVALID_URL' }, host);
  } else {
    assert.strictEqual(new URL(input).host, expected, host);
  }
}

// punycode.
assert.strictEqual(punycode.version, '2.1.0');
assert.deepStrictEqual(Object.keys(punycode),
                       ['version', 'ucs2', 'decode', 'encode', 'toASCII',
                        'toUnicode']);
for (const [decoded, encoded] of [
  ['münchen', 'mnchen-3ya'], ['abc', 'abc-'], ['', ''], ['ü', 'tda'],
  ['他们为什么不说中文', 'ihqwcrb4cv8a8dqg056pqjye'],
  ['a\u{1F600}', 'a-jv3s'], ['-', '--'],
]) {
  assert.strictEqual(punycode.encode(decoded), encoded, decoded);
  assert.strictEqual(punycode.decode(encoded), decoded, encoded);
}
assert.strictEqual(punycode.encode('\uD800'), 'ib9b');
assert.strictEqual(punycode.decode('ABC'), '\x82\x81\x80');
for (const [input, message] of [
  ['zz', 'Invalid input'],
  ['-abc', 'Invalid input'],
  ['ü-a', 'Illegal input >= 0x80 (not a basic code point)'],
  ['99999999999', 'Overflow: input needs wider integers to process'],
]) {
  assert.throws(() => punycode.decode(input), {
    name: 'RangeError',
    message,
  }, input);
}
assert.strictEqual(punycode.toASCII('mañana.com'), 'xn--maana-pta.com');
assert.strictEqual(punycode.toASCII('MAÑANA.COM'), 'xn--MAANA-7na.COM');
assert.strictEqual(punycode.toASCII('user@mañana\u3002com'),
                   'user@xn--maana-pta.com');
assert.strictEqual(punycode.toASCII('a\uFF0Eb\uFF61c'), 'a.b.c');
assert.strictEqual(punycode.toUnicode('xn--maana-pta.com'), 'mañana.com');
assert.strictEqual(punycode.toUnicode('XN--MAANA-PTA.com'),
                   'XN--MAANA-PTA.com');
assert.strictEqual(punycode.toUnicode('a@xn--maana-pta.com'), 'a@mañana.com');
assert.deepStrictEqual(punycode.ucs2.decode('a\u{1F600}\uD800b\uDC00'),
                       [0x61, 0x1F600, 0xD800, 0x62, 0xDC00]);
assert.strictEqual(punycode.ucs2.encode([0x61, 0x1F600, 0xD800]),
                   'a\u{1F600}\uD800');
assert.throws(() => punycode.ucs2.encode([-1]), RangeError);
assert.throws(() => punycode.toASCII(1), TypeError);
