'use strict';

// What the WHATWG URL parser (internal/url) and the querystring module
// share to percent-encode text. They differ in which characters they keep
// and in how they treat lone surrogates, so each keeps its own loop.

// '%XX' for every byte value.
const hexTable = [];
for (let i = 0; i < 256; i++) {
  hexTable.push('%' + (i < 16 ? '0' : '') + i.toString(16).toUpperCase());
}

// The '%XX' escapes of the UTF-8 bytes of code point c (c >= 0x80).
function encodeCodePoint(c) {
  if (c < 0x800) {
    return hexTable[0xC0 | (c >> 6)] + hexTable[0x80 | (c & 0x3F)];
  }
  if (c < 0x10000) {
    return hexTable[0xE0 | (c >> 12)] +
      hexTable[0x80 | ((c >> 6) & 0x3F)] + hexTable[0x80 | (c & 0x3F)];
  }
  return hexTable[0xF0 | (c >> 18)] +
    hexTable[0x80 | ((c >> 12) & 0x3F)] +
    hexTable[0x80 | ((c >> 6) & 0x3F)] + hexTable[0x80 | (c & 0x3F)];
}

module.exports = { hexTable, encodeCodePoint };
