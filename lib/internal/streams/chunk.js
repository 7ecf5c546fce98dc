'use strict';

// Everything the streams do to a byte chunk goes through this file.
// Node keeps byte chunks as Buffers. Until lib/buffer.js exists a chunk is
// either a string or a Uint8Array, and we fall back to our own conversions.
// Each helper checks `typeof Buffer === 'function'` at call time, so the
// Buffer paths switch on by themselves once Buffer is installed.

// A JS check rather than the native one: it runs for every chunk, and V8
// inlines this where a call into C cannot be.
const typedArrayTag = Object.getOwnPropertyDescriptor(
  Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;
function isUint8Array(value) {
  return ArrayBuffer.isView(value) &&
    typedArrayTag.call(value) === 'Uint8Array';
}

function hasBuffer() {
  return typeof Buffer === 'function';
}

const kEncodings = {
  __proto__: null,
  'utf8': 'utf8', 'utf-8': 'utf8',
  'ucs2': 'utf16le', 'ucs-2': 'utf16le',
  'utf16le': 'utf16le', 'utf-16le': 'utf16le',
  'latin1': 'latin1', 'binary': 'latin1',
  'base64': 'base64', 'base64url': 'base64url',
  'hex': 'hex', 'ascii': 'ascii',
};

// Canonical name of an encoding, or undefined when it is not one we know.
// Like Node, a missing encoding means utf8.
function normalizeEncoding(enc) {
  if (enc === undefined || enc === null || enc === '') return 'utf8';
  if (typeof enc !== 'string') return undefined;
  return kEncodings[enc] || kEncodings[enc.toLowerCase()];
}

function isEncoding(enc) {
  if (hasBuffer() && typeof Buffer.isEncoding === 'function')
    return Buffer.isEncoding(enc);
  return typeof enc === 'string' && enc.length > 0 &&
    normalizeEncoding(enc) !== undefined;
}

function isBuffer(chunk) {
  return hasBuffer() && typeof Buffer.isBuffer === 'function' &&
    Buffer.isBuffer(chunk);
}

// A Uint8Array seen as a Buffer over the same memory when Buffer exists.
function fromUint8Array(u8) {
  if (!hasBuffer()) return u8;
  return Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);
}

// --- string -> bytes, used only while there is no Buffer -----------------

function utf8Bytes(str) {
  const out = [];
  for (let i = 0; i < str.length; i++) {
    let c = str.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < str.length) {
      const d = str.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;  // lone surrogate
    if (c < 0x80) {
      out.push(c);
    } else if (c < 0x800) {
      out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    } else if (c < 0x10000) {
      out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    } else {
      out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63),
               0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
  }
  return new Uint8Array(out);
}

const kB64 =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64Bytes(str) {
  const out = [];
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < str.length; i++) {
    const ch = str[i];
    let v = kB64.indexOf(ch);
    if (ch === '-') v = 62;
    else if (ch === '_') v = 63;
    if (ch === '=') break;
    if (v < 0) continue;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
  }
  return new Uint8Array(out);
}

function stringToBytes(str, enc) {
  switch (normalizeEncoding(enc)) {
    case 'latin1':
    case 'ascii': {
      const u8 = new Uint8Array(str.length);
      for (let i = 0; i < str.length; i++) u8[i] = str.charCodeAt(i) & 0xff;
      return u8;
    }
    case 'utf16le': {
      const u8 = new Uint8Array(str.length * 2);
      for (let i = 0; i < str.length; i++) {
        const c = str.charCodeAt(i);
        u8[i * 2] = c & 0xff;
        u8[i * 2 + 1] = c >> 8;
      }
      return u8;
    }
    case 'hex': {
      const n = str.length >>> 1;
      const out = [];
      for (let i = 0; i < n; i++) {
        const v = parseInt(str.substr(i * 2, 2), 16);
        if (Number.isNaN(v)) break;
        out.push(v);
      }
      return new Uint8Array(out);
    }
    case 'base64':
    case 'base64url':
      return base64Bytes(str);
    default:
      return utf8Bytes(str);
  }
}

// A string written or pushed with `encoding`, in the form a byte stream
// keeps it: a Buffer when Buffer exists; otherwise utf8 text stays a
// string (there is nothing to convert it to) and other encodings become
// bytes.
function fromString(str, encoding) {
  if (hasBuffer()) return Buffer.from(str, encoding);
  if (normalizeEncoding(encoding) === 'utf8') return str;
  return stringToBytes(str, encoding);
}

// --- joining and cutting chunks -----------------------------------------

function concat(list, totalLength) {
  if (list.length === 0) return hasBuffer() ? Buffer.alloc(0) : '';
  let allStrings = true;
  let allBuffers = hasBuffer();
  for (let i = 0; i < list.length; i++) {
    if (typeof list[i] !== 'string') allStrings = false;
    if (allBuffers && !isUint8Array(list[i])) allBuffers = false;
  }
  if (allStrings) return list.join('');
  if (allBuffers) return Buffer.concat(list, totalLength);
  // Mixed strings and bytes (only without Buffer): bytes win.
  const parts = list.map((c) => (typeof c === 'string' ? utf8Bytes(c) : c));
  let size = 0;
  for (let i = 0; i < parts.length; i++) size += parts[i].length;
  const out = new Uint8Array(size);
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    out.set(parts[i], at);
    at += parts[i].length;
  }
  return out;
}

function slice(chunk, start, end) {
  if (typeof chunk === 'string') return chunk.slice(start, end);
  return chunk.subarray(start, end);
}

// --- bytes -> string ----------------------------------------------------

function latin1Text(bytes, mask) {
  let s = '';
  for (let i = 0; i < bytes.length; i += 4096) {
    const part = bytes.subarray(i, Math.min(i + 4096, bytes.length));
    const codes = mask === 0xff ? part : part.map((b) => b & mask);
    s += String.fromCharCode.apply(null, codes);
  }
  return s;
}

function hexText(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i++)
    s += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
  return s;
}

function base64Text(bytes, url) {
  const table = url ?
    kB64.slice(0, 62) + '-_' : kB64;
  let s = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    s += table[v >> 18] + table[(v >> 12) & 63] + table[(v >> 6) & 63] +
      table[v & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const v = bytes[i] << 16;
    s += table[v >> 18] + table[(v >> 12) & 63] + (url ? '' : '==');
  } else if (rest === 2) {
    const v = (bytes[i] << 16) | (bytes[i + 1] << 8);
    s += table[v >> 18] + table[(v >> 12) & 63] + table[(v >> 6) & 63] +
      (url ? '' : '=');
  }
  return s;
}

// Decode complete UTF-8 bytes, replacing each bad sequence with U+FFFD
// the way the WHATWG decoder (and V8) does.
function utf8Text(bytes, start, end) {
  let s = '';
  const codes = [];
  let i = start;
  while (i < end) {
    const b = bytes[i++];
    let cp = 0xfffd;
    let need = 0;
    let lower = 0x80;
    let upper = 0xbf;
    if (b < 0x80) {
      cp = b;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      cp = b & 0xf;
      if (b === 0xe0) lower = 0xa0;
      if (b === 0xed) upper = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      cp = b & 0x7;
      if (b === 0xf0) lower = 0x90;
      if (b === 0xf4) upper = 0x8f;
    }
    while (need > 0) {
      // A byte out of range ends the sequence; it is looked at afresh.
      if (i >= end || bytes[i] < lower || bytes[i] > upper) {
        cp = 0xfffd;
        break;
      }
      cp = (cp << 6) | (bytes[i++] & 0x3f);
      lower = 0x80;
      upper = 0xbf;
      need--;
    }
    codes.push(cp);
    if (codes.length >= 4096) {
      s += String.fromCodePoint.apply(null, codes);
      codes.length = 0;
    }
  }
  if (codes.length) s += String.fromCodePoint.apply(null, codes);
  return s;
}

// Length of the character a UTF-8 lead byte starts, judged by its bit
// pattern alone (0 for continuation and invalid bytes, 1 for ASCII).
function utf8SequenceLength(b) {
  if (b < 0x80) return 1;
  if (b >= 0xc0 && b <= 0xdf) return 2;
  if (b >= 0xe0 && b <= 0xef) return 3;
  if (b >= 0xf0 && b <= 0xf7) return 4;
  return 0;
}

function isContinuation(b) {
  return (b & 0xc0) === 0x80;
}

// Incremental decoder used by readable.setEncoding(), behaving like
// Node's StringDecoder: a character cut at the end of a chunk is held back
// until its remaining bytes arrive (or a byte that cannot continue it);
// end() flushes what is held.
class ChunkDecoder {
  constructor(encoding) {
    const enc = normalizeEncoding(encoding);
    if (enc === undefined) {
      const { codes } = require('internal/errors');
      throw new codes.ERR_UNKNOWN_ENCODING(encoding);
    }
    this.encoding = enc;
    this.held = [];    // bytes of a character (or group) not yet complete
    this.need = 0;     // bytes that character takes in all
  }

  write(chunk) {
    if (typeof chunk === 'string') return chunk;
    if (!isUint8Array(chunk)) {
      if (ArrayBuffer.isView(chunk)) {
        chunk = new Uint8Array(chunk.buffer, chunk.byteOffset,
                               chunk.byteLength);
      } else {
        const { codes } = require('internal/errors');
        throw new codes.ERR_INVALID_ARG_TYPE(
          'buf', ['Buffer', 'TypedArray', 'DataView'], chunk);
      }
    }
    switch (this.encoding) {
      case 'utf8': return this.utf8(chunk);
      case 'latin1': return latin1Text(chunk, 0xff);
      case 'ascii': return latin1Text(chunk, 0x7f);
      case 'hex': return hexText(chunk);
      case 'utf16le': return this.utf16(chunk);
      default: return this.base64(chunk);
    }
  }

  end(chunk) {
    let s = chunk === undefined || chunk === null ? '' : this.write(chunk);
    const held = this.held;
    this.held = [];
    this.need = 0;
    if (held.length === 0) return s;
    switch (this.encoding) {
      case 'utf8':
        s += utf8Text(held, 0, held.length);
        break;
      case 'utf16le':
        for (let i = 0; i + 1 < held.length; i += 2)
          s += String.fromCharCode(held[i] | (held[i + 1] << 8));
        break;
      case 'base64':
      case 'base64url':
        s += base64Text(held, this.encoding === 'base64url');
        break;
    }
    return s;
  }

  utf8(bytes) {
    let out = '';
    let i = 0;
    if (this.held.length) {
      // Complete the held character with continuation bytes.
      while (i < bytes.length && this.held.length < this.need &&
             isContinuation(bytes[i])) {
        this.held.push(bytes[i++]);
      }
      if (this.held.length < this.need && i === bytes.length) return '';
      out = utf8Text(this.held, 0, this.held.length);
      this.held = [];
      this.need = 0;
    }
    // Does the chunk end inside a character? Look back at most 3 bytes.
    let cut = bytes.length;
    for (let j = bytes.length - 1; j >= i && j >= bytes.length - 3; j--) {
      if (isContinuation(bytes[j])) continue;
      const len = utf8SequenceLength(bytes[j]);
      if (len > bytes.length - j) {
        cut = j;
        this.need = len;
      }
      break;
    }
    out += utf8Text(bytes, i, cut);
    for (let j = cut; j < bytes.length; j++) this.held.push(bytes[j]);
    return out;
  }

  utf16(bytes) {
    let out = '';
    let i = 0;
    if (this.held.length) {
      while (i < bytes.length && this.held.length < this.need)
        this.held.push(bytes[i++]);
      if (this.held.length < this.need) return '';
      for (let k = 0; k < this.held.length; k += 2)
        out += String.fromCharCode(this.held[k] | (this.held[k + 1] << 8));
      this.held = [];
      this.need = 0;
    }
    let end = bytes.length;
    if ((end - i) % 2 === 1) {
      // Odd count: keep the half unit.
      end--;
      this.need = 2;
    } else if (end - i >= 2) {
      // Keep a final high surrogate until its partner comes.
      const last = bytes[end - 2] | (bytes[end - 1] << 8);
      if (last >= 0xd800 && last <= 0xdbff) {
        end -= 2;
        this.need = 4;
      }
    }
    for (let k = i; k + 1 < end; k += 2)
      out += String.fromCharCode(bytes[k] | (bytes[k + 1] << 8));
    for (let k = end; k < bytes.length; k++) this.held.push(bytes[k]);
    return out;
  }

  base64(bytes) {
    const all = this.held.length ? [...this.held, ...bytes] : bytes;
    const whole = all.length - (all.length % 3);
    this.held = Array.prototype.slice.call(all, whole);
    return base64Text(Array.prototype.slice.call(all, 0, whole),
                      this.encoding === 'base64url');
  }
}

// Prefer the real string_decoder once it exists next to Buffer.
function createDecoder(encoding) {
  if (hasBuffer()) {
    let StringDecoder;
    try {
      ({ StringDecoder } = require('string_decoder'));
    } catch {
      StringDecoder = undefined;
    }
    if (typeof StringDecoder === 'function')
      return new StringDecoder(encoding);
  }
  return new ChunkDecoder(encoding);
}

module.exports = {
  hasBuffer,
  isUint8Array,
  isBuffer,
  isEncoding,
  normalizeEncoding,
  fromUint8Array,
  fromString,
  stringToBytes,
  concat,
  slice,
  createDecoder,
  ChunkDecoder,
};
