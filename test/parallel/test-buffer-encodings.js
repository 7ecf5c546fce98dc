'use strict';
// Strings to bytes and back in every encoding, with invalid input treated
// as Node 18 treats it.
const { assert } = require('../common');
const { Buffer, atob, btoa } = require('buffer');

const hex = (b) => b.toString('hex');
const from = (s, e) => hex(Buffer.from(s, e));

// Round trips.
const samples = ['', 'a', 'hello world', 'é€😀', '\0\x7f\x80\xff',
  'x'.repeat(1000) + '€'];
for (const s of samples) {
  assert.strictEqual(Buffer.from(s).toString(), s);
  assert.strictEqual(Buffer.from(s, 'ucs2').toString('utf16le'), s);
  const bytes = Buffer.from(s);
  for (const e of ['hex', 'base64', 'base64url', 'latin1']) {
    assert.deepStrictEqual(Buffer.from(bytes.toString(e), e), bytes);
  }
}
const all = Buffer.alloc(256);
for (let i = 0; i < 256; i++) all[i] = i;
assert.deepStrictEqual(Buffer.from(all.toString('latin1'), 'latin1'), all);
assert.deepStrictEqual(Buffer.from(all.toString('base64'), 'base64'), all);

// Writing: utf8 never splits a character; lone surrogates.
const w = Buffer.alloc(5);
assert.strictEqual(w.write('a\u{1F600}', 0, 4), 1);
assert.strictEqual(w.write('a\u{1F600}b'), 5);
assert.strictEqual(hex(w), '61f09f9880');
assert.strictEqual(from('\ud800x\udc00', 'latin1'), '007800');
assert.strictEqual(from('\ud800x', 'ucs2'), '00d87800');
assert.strictEqual(from('\ud800x'), 'efbfbd78');
assert.strictEqual(from('é\u0100', 'ascii'), 'e900');
assert.strictEqual(from('é€', 'binary'), 'e9ac');

// base64: lenient, both alphabets, '=' ends the data.
const b64 = [['YQ==YQ==', '61'], ['YQ=YQ', '61'], ['Y Q = =', '61'],
  ['YWJj\nZGVm', '616263646566'], ['YW=Jj', '61'], ['=YWJj', ''],
  ['YWJ', '6162'], ['Y', ''], ['YQ-_', '610fbf'], ['YQ+/', '610fbf'],
  ['*YW*Jj*', '616263'], ['YWJjZA=x', '61626364'], ['abc=d', '69b7'],
  ['\u00e9YWJj', '616263'], ['YWJj\u0100ZGVm', '616263646566']];
for (const [s, want] of b64) {
  assert.strictEqual(from(s, 'base64'), want, s);
  assert.strictEqual(from(s, 'base64url'), want, s);
}
assert.strictEqual(Buffer.from([0xfb, 0xff]).toString('base64'), '+/8=');
assert.strictEqual(Buffer.from([0xfb, 0xff]).toString('base64url'), '-_8');

// hex stops at the first pair that is not hex.
for (const [s, want] of [['abzz', 'ab'], ['a', ''], ['abc', 'ab'],
  ['ab cd', 'ab'], ['ABcd', 'abcd'], ['0g12', '']]) {
  assert.strictEqual(from(s, 'hex'), want);
}
const hb = Buffer.alloc(4);
assert.strictEqual(hb.write('abzzcd', 'hex'), 1);
// Both read a UTF-16 unit by its low byte: U+0130 is '0', U+0151 is 'Q'.
assert.strictEqual(from('80c00\u01300', 'hex'), '80c000');
assert.strictEqual(from('QUJD\u0151EFG', 'base64'), '414243404146');
// Every byte value through hex and back, at lengths around the 4-byte step.
for (let n = 0; n < 10; n++) {
  const b = Buffer.from(Array.from({ length: 256 + n }, (_, i) => i * 7));
  const s = b.toString('hex');
  assert.strictEqual(s.length, 2 * b.length);
  assert.deepStrictEqual(Buffer.from(s, 'hex'), b);
  assert.deepStrictEqual(Buffer.from(s.toUpperCase(), 'hex'), b);
}

// UTF-8 below U+0100 (a one-byte string) and around it: cut, overlong and
// stray sequences become U+FFFD as in the WHATWG decoder.
for (const [bytes, want] of [
  [[0x68, 0xc3, 0xb6], 'h\u00f6'], [[0xc2, 0x80, 0xc3, 0xbf], '\x80\xff'],
  [[0x61, 0xc3], 'a\ufffd'], [[0xc3, 0x41], '\ufffdA'],
  [[0xc0, 0xaf], '\ufffd\ufffd'], [[0xc4, 0x80, 0xe9], '\u0100\ufffd'],
  [[0xe2, 0x82, 0xac, 0xc3, 0xa9], '\u20ac\u00e9'],
  [[...Buffer.from('x'.repeat(300)), 0xc3, 0xa9], 'x'.repeat(300) + '\u00e9'],
]) {
  assert.strictEqual(Buffer.from(bytes).toString(), want);
}

// Decoding invalid UTF-8 and ASCII.
assert.strictEqual(Buffer.from([0xe9, 0x80, 0xff, 0x41, 0xc3])
  .toString('ascii'), 'i\0\x7fAC');
assert.strictEqual(Buffer.from([0xe9, 0x80, 0xff, 0x41, 0xc3]).toString(),
                   '\ufffd\ufffdA\ufffd');
assert.strictEqual(
  Buffer.from([0xf0, 0x9f, 0x98, 0x41, 0xed, 0xa0, 0x80, 0xc0, 0xaf,
               0xf4, 0x90, 0x80, 0x80]).toString(),
  '\ufffdA' + '\ufffd'.repeat(9));
assert.strictEqual(Buffer.from([0x61, 0x62, 0x63]).toString('ucs2'),
                   '\u6261');

// toString(encoding, start, end)
const abc = Buffer.from('abc');
assert.strictEqual(abc.toString(undefined, -1, 10), 'abc');
assert.strictEqual(abc.toString('utf8', 2, 1), '');
assert.strictEqual(abc.toString('utf8', '1'), 'bc');
assert.strictEqual(abc.toString('utf8', 1.5, 2.5), 'b');
assert.strictEqual(abc.toString('utf8', NaN, NaN), '');
assert.strictEqual(abc.toString('foo', 5), '');
assert.strictEqual(abc.toLocaleString, abc.toString);
assert.throws(() => abc.toString('foo'), {
  name: 'TypeError', code: 'ERR_UNKNOWN_ENCODING',
  message: 'Unknown encoding: foo',
});
assert.throws(() => abc.toString(null), { message: 'Unknown encoding: null' });
assert.throws(() => abc.toString(''), { message: 'Unknown encoding: ' });

// write(string, offset, length, encoding)
const t = () => Buffer.from('abc');
assert.strictEqual(t().write('xy', 1, 'latin1'), 2);
assert.strictEqual(t().write('xy', 3), 0);
assert.strictEqual(t().write('xy', undefined, 1), 2);
assert.throws(() => t().write(5), {
  name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE',
  message: 'argument must be a string',
});
assert.throws(() => t().write('x', 4), {
  name: 'RangeError', code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "offset" is out of range. It must be >= 0 && ' +
    '<= 3. Received 4',
});
assert.throws(() => t().write('x', 1, 5), {
  message: 'The value of "length" is out of range. It must be >= 0 && ' +
    '<= 3. Received 5',
});
assert.throws(() => t().write('xy', 1.5), {
  message: 'The value of "offset" is out of range. It must be an integer. ' +
    'Received 1.5',
});
assert.throws(() => t().write('xy', '1'), { message: 'Unknown encoding: 1' });
assert.throws(() => t().write('xy', 1, 1, 'foo'),
              { code: 'ERR_UNKNOWN_ENCODING' });
assert.strictEqual(t().utf8Write('xy', 1), 2);
assert.strictEqual(t().latin1Slice(1, 2), 'b');
assert.strictEqual(t().hexSlice(), '616263');

// atob, btoa
assert.strictEqual(atob(' YW Jj '), 'abc');
assert.strictEqual(atob('YWJ'), 'ab');
assert.strictEqual(btoa('abc'), 'YWJj');
assert.strictEqual(btoa(1), 'MQ==');
assert.strictEqual(btoa(null), 'bnVsbA==');
assert.strictEqual(atob('/w=='), '\xff');
for (const [s, message] of [
  ['a', 'The string to be decoded is not correctly encoded.'],
  ['YW=j', 'Invalid character'], ['*', 'Invalid character'],
  ['YQ===', 'Invalid character'], ['YQ=', 'Invalid character'],
  ['\u0100', 'Invalid character']]) {
  assert.throws(() => atob(s), { name: 'InvalidCharacterError', code: 5,
                                 message });
}
assert.throws(() => btoa('\u0100'), { name: 'InvalidCharacterError' });
assert.throws(() => atob(), {
  code: 'ERR_MISSING_ARGS', message: 'The "input" argument must be specified',
});

// base64 / base64url of every length around the vector steps (12 bytes in,
// 16 characters out) against a plain reference encoder.
{
  const alphabet = (url) =>
    'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789' +
    (url ? '-_' : '+/');
  const reference = (bytes, url) => {
    const abc = alphabet(url);
    let out = '';
    for (let i = 0; i < bytes.length; i += 3) {
      const n = bytes.length - i;
      const v = bytes[i] << 16 | (n > 1 ? bytes[i + 1] << 8 : 0) |
        (n > 2 ? bytes[i + 2] : 0);
      out += abc[v >> 18] + abc[v >> 12 & 63];
      out += n > 1 ? abc[v >> 6 & 63] : (url ? '' : '=');
      out += n > 2 ? abc[v & 63] : (url ? '' : '=');
    }
    return out;
  };
  for (let n = 0; n < 100; n++) {
    const b = Buffer.from(Array.from({ length: n },
                                     (_, i) => (i * 151 + n) & 255));
    assert.strictEqual(b.toString('base64'), reference(b, false), `n=${n}`);
    assert.strictEqual(b.toString('base64url'), reference(b, true), `n=${n}`);
    assert.deepStrictEqual(Buffer.from(b.toString('base64'), 'base64'), b);
  }
}
