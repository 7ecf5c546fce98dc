'use strict';
// UTF-16LE decoding across writes: a lead surrogate followed by only part
// of its trail unit stays held until the pair is whole.
require('../common');
const assert = require('assert');
const { StringDecoder } = require('string_decoder');

const hex = (s) => Buffer.from(s, 'hex');

// Thumbs-up (U+1F44D) is D83D DC4D, little-endian 3D D8 4D DC, fed in
// pieces of 2, 1 and 1 bytes.
let d = new StringDecoder('utf16le');
assert.strictEqual(d.write(hex('3DD8')), '');
assert.strictEqual(d.write(hex('4D')), '');
assert.strictEqual(d.lastNeed, 1);
assert.strictEqual(d.write(hex('DC')), '\ud83d\udc4d');
assert.strictEqual(d.end(), '');

// Cut after three bytes: the lone lead surrogate comes out at the end.
d = new StringDecoder('utf16le');
assert.strictEqual(d.write(hex('3DD8')), '');
assert.strictEqual(d.write(hex('4D')), '');
assert.strictEqual(d.end(), '\ud83d');

// An odd byte completed into a lead surrogate comes out at once, as Node's.
d = new StringDecoder('utf16le');
assert.strictEqual(d.write(hex('3D')), '');
assert.strictEqual(d.write(hex('D8')), '\ud83d');
assert.strictEqual(d.write(hex('4DDC4100')), '\udc4dA');
assert.strictEqual(d.end(), '');

// Within one write an odd length holds back only the odd byte, as Node does.
d = new StringDecoder('utf16le');
assert.strictEqual(d.write(hex('3DD84D')), '\ud83d');
assert.strictEqual(d.write(hex('DC41')), '\udc4d');
assert.strictEqual(d.end(), '');

// write() checks its receiver.
assert.throws(() => StringDecoder.prototype.write.call({}, hex('41')), {
  code: 'ERR_INVALID_THIS',
  name: 'TypeError',
  message: 'Value of "this" must be of type StringDecoder',
});
