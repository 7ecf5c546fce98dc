'use strict';
// TextDecoder: labels, options, BOM handling, UTF-16 and windows-1252,
// argument errors and util.inspect output, as Node 18 has them.

const { assert } = require('../common');
const util = require('util');
const { TextDecoder } = util;

const u8 = (...b) => new Uint8Array(b);
const decode = (label, bytes, options) =>
  new TextDecoder(label, options).decode(new Uint8Array(bytes));

// Labels: case-insensitive, ASCII whitespace (but not \v) trimmed.
const labels = {
  'utf-8': ['unicode-1-1-utf-8', 'utf-8', 'utf8', 'UTF-8', ' UTF-8\n',
            '\tUtF8 '],
  'utf-16le': ['utf-16', 'utf-16le', 'UTF-16LE'],
  'utf-16be': ['utf-16be', 'UTF-16BE'],
  'windows-1252': ['ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819',
                   'csisolatin1', 'ibm819', 'iso-8859-1', 'iso-ir-100',
                   'iso8859-1', 'iso88591', 'iso_8859-1', 'iso_8859-1:1987',
                   'l1', 'latin1', 'us-ascii', 'windows-1252', 'x-cp1252',
                   '\fLatin1\r', 'ISO-8859-1'],
};
for (const [encoding, list] of Object.entries(labels)) {
  for (const label of list) {
    assert.strictEqual(new TextDecoder(label).encoding, encoding, label);
  }
}
assert.strictEqual(new TextDecoder().encoding, 'utf-8');
assert.strictEqual(new TextDecoder(undefined).encoding, 'utf-8');
assert.strictEqual(new TextDecoder({ toString: () => 'latin1' }).encoding,
                   'windows-1252');

// Unknown labels, and labels Node 18 does not take.
for (const label of ['\vutf8', 'utf-8\u00a0', 'binary', 'ucs2', 'utf16le',
                     'utf-32', '', 'null', 'unicode11utf8', 'unicodefffe',
                     'x-user-defined', 'replacement']) {
  assert.throws(() => new TextDecoder(label), {
    name: 'RangeError',
    code: 'ERR_ENCODING_NOT_SUPPORTED',
    message: `The "${label}" encoding is not supported`,
  });
}
assert.throws(() => new TextDecoder(null), {
  code: 'ERR_ENCODING_NOT_SUPPORTED',
  message: 'The "null" encoding is not supported',
});
assert.throws(() => new TextDecoder(8), {
  message: 'The "8" encoding is not supported',
});
assert.throws(() => new TextDecoder(Symbol('s')), TypeError);

// Options: an object (or null, array or function); fatal and ignoreBOM are
// read as booleans.
for (const options of [undefined, null, {}, [], () => {}]) {
  const d = new TextDecoder('utf8', options);
  assert.strictEqual(d.fatal, false);
  assert.strictEqual(d.ignoreBOM, false);
}
for (const [options, received] of [[5, 'type number (5)'],
                                   ['x', "type string ('x')"],
                                   [true, 'type boolean (true)']]) {
  assert.throws(() => new TextDecoder('utf8', options), {
    name: 'TypeError',
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "options" argument must be of type object. ' +
      `Received ${received}`,
  });
}
{
  const d = new TextDecoder('utf-16le', { fatal: 1, ignoreBOM: 'yes' });
  assert.strictEqual(d.fatal, true);
  assert.strictEqual(d.ignoreBOM, true);
}
assert.throws(() => new TextDecoder('utf8', {
  get ignoreBOM() {
    throw new Error('from getter');
  },
}), /from getter/);

// UTF-8 and the BOM.
assert.strictEqual(decode('utf-8', [0xef, 0xbb, 0xbf, 0x41]), 'A');
assert.strictEqual(decode('utf-8', [0xef, 0xbb, 0xbf, 0x41], {
  ignoreBOM: true }), '\ufeffA');
assert.strictEqual(decode('utf-8', [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]),
                   '\ufeff');
assert.strictEqual(decode('utf-8', [0x41, 0xef, 0xbb, 0xbf]), 'A\ufeff');
assert.strictEqual(decode('utf-8', [0xef, 0xbb, 0xbf]), '');
assert.strictEqual(decode('utf-8', []), '');
assert.strictEqual(decode('utf-8', [0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0,
                                    0x9f, 0x98, 0x80]),
                   '\u00e9\u20ac\u{1F600}');
// A decoder is reusable; each call without stream: true is a new text.
{
  const d = new TextDecoder();
  const bom = u8(0xef, 0xbb, 0xbf, 0x41);
  assert.strictEqual(d.decode(bom), 'A');
  assert.strictEqual(d.decode(bom), 'A');
}

// The input: any ArrayBuffer, SharedArrayBuffer or view, read as bytes.
{
  const d = new TextDecoder();
  const bytes = u8(0x41, 0x42, 0x43);
  assert.strictEqual(d.decode(), '');
  assert.strictEqual(d.decode(undefined), '');
  assert.strictEqual(d.decode(bytes.buffer), 'ABC');
  assert.strictEqual(d.decode(bytes.subarray(1)), 'BC');
  assert.strictEqual(d.decode(new DataView(bytes.buffer, 1)), 'BC');
  assert.strictEqual(d.decode(new Uint16Array([0x4142])), 'BA');
  assert.strictEqual(d.decode(new Uint8Array(2)), '\0\0');
  assert.strictEqual(d.decode(new ArrayBuffer(2)), '\0\0');
  if (typeof SharedArrayBuffer === 'function') {
    const shared = new Uint8Array(new SharedArrayBuffer(2));
    shared[0] = 0x68;
    shared[1] = 0x69;
    assert.strictEqual(d.decode(shared), 'hi');
    assert.strictEqual(d.decode(shared.buffer), 'hi');
  }
  // The options argument of decode() is not checked.
  assert.strictEqual(d.decode(bytes, null), 'ABC');
  assert.strictEqual(d.decode(bytes, 5), 'ABC');
}
// Anything else: Node's UTF-8 decoder calls the argument "list" until it
// has streamed; the others call it "input".
function notBytes(name) {
  return {
    name: 'TypeError',
    code: 'ERR_INVALID_ARG_TYPE',
    message: `The "${name}" argument must be an instance of ` +
      'SharedArrayBuffer, ArrayBuffer or ArrayBufferView.',
  };
}
for (const input of ['abc', null, 5, {}, [1, 2]]) {
  assert.throws(() => new TextDecoder().decode(input), notBytes('list'));
  assert.throws(() => new TextDecoder('utf8', { fatal: true }).decode(input),
                notBytes('list'));
  assert.throws(() => new TextDecoder().decode(input, { stream: true }),
                notBytes('input'));
  assert.throws(() => new TextDecoder('utf-16le').decode(input),
                notBytes('input'));
  assert.throws(() => new TextDecoder('latin1').decode(input),
                notBytes('input'));
}
{
  const d = new TextDecoder();
  d.decode(u8(0x41), { stream: true });
  d.decode(u8(0x41));
  assert.throws(() => d.decode('x'), notBytes('input'));
}
// The stream option is read before the input is checked.
assert.throws(() => new TextDecoder().decode('x', {
  get stream() {
    throw new Error('stream getter');
  },
}), /stream getter/);

// UTF-16LE and UTF-16BE.
assert.strictEqual(decode('utf-16le', [0x41, 0x00, 0x3d, 0xd8, 0x00, 0xde]),
                   'A\u{1F600}');
assert.strictEqual(decode('utf-16be', [0x00, 0x41, 0xd8, 0x3d, 0xde, 0x00]),
                   'A\u{1F600}');
assert.strictEqual(new TextDecoder('utf-16le').decode(
  new Uint16Array([0x41, 0xd83d, 0xde00])), 'A\u{1F600}');
// The BOM of the decoder's byte order is dropped; the other one is text.
assert.strictEqual(decode('utf-16le', [0xff, 0xfe, 0x41, 0x00]), 'A');
assert.strictEqual(decode('utf-16le', [0xff, 0xfe, 0xff, 0xfe, 0x41, 0x00]),
                   '\ufeffA');
assert.strictEqual(decode('utf-16le', [0xfe, 0xff, 0x41, 0x00]), '\ufffeA');
assert.strictEqual(decode('utf-16be', [0xfe, 0xff, 0x00, 0x41]), 'A');
assert.strictEqual(decode('utf-16le', [0xff, 0xfe, 0x41, 0x00], {
  ignoreBOM: true }), '\ufeffA');
// Unpaired surrogates and a final odd byte are errors: U+FFFD each, except
// that a lead surrogate followed by the odd byte is one error.
const utf16Cases = [
  ['utf-16le', [0x41, 0x00, 0x42], 'A\ufffd'],
  ['utf-16le', [0x00, 0xd8, 0x41, 0x00], '\ufffdA'],
  ['utf-16le', [0x00, 0xd8], '\ufffd'],
  ['utf-16le', [0x00, 0xd8, 0x41], '\ufffd'],
  ['utf-16le', [0x00, 0xdc, 0x00, 0xd8], '\ufffd\ufffd'],
  ['utf-16le', [0x00, 0xd8, 0x00, 0xd8, 0x00, 0xdc], '\ufffd\u{10000}'],
  ['utf-16le', [0x41], '\ufffd'],
  ['utf-16le', [], ''],
  ['utf-16be', [0x00, 0x41, 0xd8, 0x00], 'A\ufffd'],
  ['utf-16be', [0xdc, 0x00, 0x00, 0x41], '\ufffdA'],
];
for (const [label, bytes, expected] of utf16Cases) {
  assert.strictEqual(decode(label, bytes), expected, `${label} ${bytes}`);
  const valid = !expected.includes('\ufffd');
  if (valid) {
    assert.strictEqual(decode(label, bytes, { fatal: true }), expected);
  } else {
    assert.throws(() => decode(label, bytes, { fatal: true }), {
      name: 'TypeError',
      code: 'ERR_ENCODING_INVALID_ENCODED_DATA',
      message: `The encoded data was not valid for encoding ${label}`,
    });
  }
}

// windows-1252: bytes 0x80-0x9F per the standard's table, the rest as
// their code point; no BOM handling, and no byte is an error.
{
  const all = new Uint8Array(256);
  for (let i = 0; i < 256; i++) all[i] = i;
  const high = [0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021,
                0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90,
                0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
                0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178];
  for (const options of [{}, { fatal: true }]) {
    const text = new TextDecoder('latin1', options).decode(all);
    assert.strictEqual(text.length, 256);
    for (let i = 0; i < 256; i++) {
      const want = i >= 0x80 && i < 0xa0 ? high[i - 0x80] : i;
      assert.strictEqual(text.charCodeAt(i), want, `byte ${i}`);
    }
  }
  assert.strictEqual(decode('latin1', [0xef, 0xbb, 0xbf, 0x41]),
                     '\u00ef\u00bb\u00bfA');
  assert.strictEqual(decode('ascii', [0x68, 0xe9]), 'h\u00e9');
}

// Brand checks.
const invalidThis = {
  name: 'TypeError',
  code: 'ERR_INVALID_THIS',
  message: 'Value of "this" must be of type TextDecoder',
};
assert.throws(() => TextDecoder.prototype.decode.call({}), invalidThis);
for (const key of ['encoding', 'fatal', 'ignoreBOM']) {
  const { get } = Object.getOwnPropertyDescriptor(TextDecoder.prototype, key);
  assert.throws(() => get.call({}), invalidThis);
  assert.throws(() => get.call(null), invalidThis);
}
assert.throws(() => util.inspect(Object.create(TextDecoder.prototype)),
              invalidThis);
assert.throws(() => TextDecoder('utf8'), TypeError);

// The shape of the class.
assert.strictEqual(TextDecoder.length, 0);
assert.strictEqual(TextDecoder.prototype.decode.length, 0);
assert.deepStrictEqual(Object.getOwnPropertyNames(TextDecoder.prototype),
                       ['constructor', 'decode', 'encoding', 'fatal',
                        'ignoreBOM']);
assert.deepStrictEqual(Object.keys(TextDecoder.prototype),
                       ['decode', 'encoding', 'fatal', 'ignoreBOM']);
assert.deepStrictEqual(Object.keys(new TextDecoder()), []);
assert.strictEqual(Object.prototype.toString.call(new TextDecoder()),
                   '[object TextDecoder]');
assert.strictEqual(TextDecoder.prototype[Symbol.toStringTag], 'TextDecoder');

// util.inspect, as Node prints it.
const d = new TextDecoder();
assert.strictEqual(util.inspect(d),
                   "TextDecoder { encoding: 'utf-8', fatal: false, " +
                   'ignoreBOM: false }');
// Node prints the attributes without colors.
assert.strictEqual(util.inspect(d, { colors: true }), util.inspect(d));
assert.strictEqual(
  util.inspect(new TextDecoder('utf-16le', { fatal: true, ignoreBOM: 1 })),
  "TextDecoder { encoding: 'utf-16le', fatal: true, ignoreBOM: true }");
assert.strictEqual(util.inspect([new TextDecoder('latin1')]),
                   "[\n  TextDecoder { encoding: 'windows-1252', fatal: " +
                   'false, ignoreBOM: false }\n]');
assert.strictEqual(util.inspect(d, { depth: -1 }), '[TextDecoder]');
assert.strictEqual(util.inspect({ a: d }, { depth: 0 }),
                   '{ a: [TextDecoder] }');
assert.strictEqual(util.inspect({ x: d }, { depth: 0, colors: true }),
                   '{ x: \x1b[36m[TextDecoder]\x1b[39m }');
assert.strictEqual(util.inspect({ a: { b: d } }, { depth: 0 }),
                   '{ a: [Object] }');
class MyDecoder extends TextDecoder {}
assert.strictEqual(util.inspect(new MyDecoder()),
                   "MyDecoder { encoding: 'utf-8', fatal: false, " +
                   'ignoreBOM: false }');
assert.strictEqual(util.inspect({ a: { b: new MyDecoder() } }, { depth: 1 }),
                   '{ a: { b: [MyDecoder [TextDecoder]] } }');
d.extra = 1;
assert.strictEqual(util.inspect(d),
                   "TextDecoder { encoding: 'utf-8', fatal: false, " +
                   'ignoreBOM: false }');
assert.strictEqual(util.inspect(TextDecoder.prototype),
                   'Object [TextDecoder] {\n' +
                   '  decode: [Function: decode],\n' +
                   '  encoding: [Getter],\n' +
                   '  fatal: [Getter],\n' +
                   '  ignoreBOM: [Getter]\n}');
