'use strict';

// StringDecoder: bytes to text across several writes, keeping the bytes of
// a character split between writes until the rest arrives.
//
// Per encoding, what is kept back at the end of a write:
//   utf8       an incomplete sequence (judged by its lead byte alone);
//   utf16le    an odd byte, or a lead surrogate ending an even length;
//   base64(url) the bytes after the last whole group of 3;
//   the others nothing.
// The held bytes live in a 4-byte buffer (`lastChar`), with `lastNeed`
// bytes still missing of a character of `lastTotal` bytes.

const { Buffer } = require('buffer');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_THIS, ERR_UNKNOWN_ENCODING },
} = require('internal/errors');

const binding = internalBinding('buffer');
const { kUtf8, kUcs2, kLatin1, kAscii, kBase64, kBase64Url, kHex } = binding;

const kState = Symbol('kState');

const encodings = {
  __proto__: null,
  'utf8': ['utf8', kUtf8], 'utf-8': ['utf8', kUtf8],
  'ucs2': ['utf16le', kUcs2], 'ucs-2': ['utf16le', kUcs2],
  'utf16le': ['utf16le', kUcs2], 'utf-16le': ['utf16le', kUcs2],
  'latin1': ['latin1', kLatin1], 'binary': ['latin1', kLatin1],
  'base64': ['base64', kBase64], 'base64url': ['base64url', kBase64Url],
  'hex': ['hex', kHex], 'ascii': ['ascii', kAscii],
};

function lookupEncoding(enc) {
  if (enc === undefined || enc === null || enc === '') return encodings.utf8;
  if (typeof enc !== 'string') return undefined;
  return encodings[enc] || encodings[enc.toLowerCase()];
}

// Bytes a UTF-8 sequence starting with `b` has in all (0: not a lead).
function utf8Total(b) {
  if (b >= 0xc0 && b <= 0xdf) return 2;
  if (b >= 0xe0 && b <= 0xef) return 3;
  if (b >= 0xf0 && b <= 0xf7) return 4;
  return 0;
}

function StringDecoder(encoding) {
  const found = lookupEncoding(encoding);
  if (found === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  this.encoding = found[0];
  Object.defineProperty(this, kState, {
    value: {
      id: found[1],
      held: Buffer.alloc(4),  // bytes kept back
      count: 0,               // how many of them
      need: 0,                // bytes missing to complete them
    },
    enumerable: false, writable: false, configurable: true,
  });
}

function asBytes(buf) {
  if (buf instanceof Uint8Array) return buf;
  if (ArrayBuffer.isView(buf)) {
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  throw new ERR_INVALID_ARG_TYPE('buf', ['Buffer', 'TypedArray', 'DataView'],
                                 buf);
}

function decode(bytes, id, start, end) {
  return start < end ? binding.decode(bytes, id, start, end) : '';
}

// How many bytes at the end of bytes[0, len) to keep back, and how many
// more they need, for UTF-8.
function utf8Tail(bytes, len) {
  for (let back = 1; back <= 3 && back <= len; back++) {
    const b = bytes[len - back];
    if ((b & 0xc0) === 0x80) continue;  // continuation: look further back
    const total = utf8Total(b);
    return total > back ? [back, total - back] : [0, 0];
  }
  return [0, 0];
}

function writeUtf8(state, bytes) {
  let out = '';
  let i = 0;
  // Complete a held sequence with continuation bytes. A byte that is not
  // one ends it early; either way the held bytes are decoded as they are
  // (an invalid or cut sequence gives replacement characters).
  if (state.count > 0) {
    while (state.need > 0 && i < bytes.length) {
      if ((bytes[i] & 0xc0) !== 0x80) break;
      state.held[state.count++] = bytes[i++];
      state.need--;
    }
    if (state.need > 0 && i === bytes.length) return '';
    out = binding.decode(state.held, kUtf8, 0, state.count);
    state.count = 0;
    state.need = 0;
  }
  const [keep, need] = utf8Tail(bytes, bytes.length);
  const end = bytes.length - keep;
  out += decode(bytes, kUtf8, i, end);
  if (keep > 0 && end >= i) {
    for (let k = 0; k < keep; k++) state.held[k] = bytes[end + k];
    state.count = keep;
    state.need = need;
  }
  return out;
}

// UTF-16LE keeps back an odd last byte (1 byte missing), or a lead
// surrogate that ends an even length (its trail unit, 2 bytes, missing).
// Held bytes are completed first and decoded as they are (as in Node, an
// odd byte completed into a lead surrogate does not wait for a trail).
function writeUtf16(state, bytes) {
  let out = '';
  let i = 0;
  while (state.need > 0 && i < bytes.length) {
    state.held[state.count++] = bytes[i++];
    state.need--;
  }
  if (state.need > 0) return '';
  if (state.count > 0) {
    out = binding.decode(state.held, kUcs2, 0, state.count);
    state.count = 0;
  }
  let end = bytes.length;
  let need = 0;
  if ((end - i) % 2 === 1) {
    end--;
    need = 1;
  } else if (end - i >= 2) {
    const last = bytes[end - 2] | bytes[end - 1] << 8;
    if (last >= 0xd800 && last <= 0xdbff) {
      end -= 2;
      need = 2;
    }
  }
  for (let k = end; k < bytes.length; k++) state.held[state.count++] = bytes[k];
  state.need = need;
  return out + decode(bytes, kUcs2, i, end);
}

function writeBase64(state, bytes, id) {
  let data = bytes;
  if (state.count > 0) {
    data = Buffer.concat([state.held.subarray(0, state.count), bytes]);
    state.count = 0;
    state.need = 0;
  }
  const end = data.length - data.length % 3;
  const keep = data.length - end;
  for (let k = 0; k < keep; k++) state.held[k] = data[end + k];
  state.count = keep;
  state.need = keep ? 3 - keep : 0;
  return decode(data, id, 0, end);
}

StringDecoder.prototype.write = function write(buf) {
  if (typeof buf === 'string') return buf;
  const bytes = asBytes(buf);
  const state = this === null || typeof this !== 'object' ? undefined :
    this[kState];
  if (state === undefined) throw new ERR_INVALID_THIS('StringDecoder');
  if (bytes.length === 0) return '';
  switch (state.id) {
    case kUtf8: return writeUtf8(state, bytes);
    case kUcs2: return writeUtf16(state, bytes);
    case kBase64:
    case kBase64Url: return writeBase64(state, bytes, state.id);
    default: return binding.decode(bytes, state.id, 0, bytes.length);
  }
};

// What the held bytes make at the end of the input; the state resets.
StringDecoder.prototype.end = function end(buf) {
  let out = '';
  if (buf !== undefined) out = this.write(buf);
  const state = this[kState];
  if (state.count > 0) {
    const n = state.id === kUcs2 ? state.count & ~1 : state.count;
    out += decode(state.held, state.id, 0, n);
  }
  state.count = 0;
  state.need = 0;
  return out;
};

// Decodes buf from `offset`, forgetting any held bytes first.
StringDecoder.prototype.text = function text(buf, offset) {
  const state = this[kState];
  state.count = 0;
  state.need = 0;
  return this.write(asBytes(buf).subarray(offset));
};

Object.defineProperties(StringDecoder.prototype, {
  lastChar: {
    get() { return this[kState].held; },
    enumerable: true, configurable: true,
  },
  lastNeed: {
    get() { return this[kState].need; },
    enumerable: true, configurable: true,
  },
  lastTotal: {
    get() { return this[kState].count + this[kState].need; },
    enumerable: true, configurable: true,
  },
});

module.exports = { StringDecoder };
