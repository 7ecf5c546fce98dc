'use strict';

// The querystring module: parse and stringify URL query strings
// (application/x-www-form-urlencoded in Node's lenient flavour).

const {
  codes: { ERR_INVALID_URI },
} = require('internal/errors');

const {
  hexTable: kHexTable,
  encodeCodePoint,
} = require('internal/querystring');

// ASCII left as it is by escape(): A-Z a-z 0-9 - _ . ! ~ * ' ( )
const kNoEscape = new Uint8Array(128);
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz' +
  '0123456789-_.!~*\'()') {
  kNoEscape[ch.charCodeAt(0)] = 1;
}

// Percent-encode str as UTF-8, keeping the code units marked in
// noEscape.
function encodeStr(str, noEscape) {
  let out = '';
  let last = 0;
  const length = str.length;
  for (let i = 0; i < length; i++) {
    let c = str.charCodeAt(i);
    if (c < 0x80) {
      if (noEscape[c] === 1) continue;
      out += str.slice(last, i) + kHexTable[c];
      last = i + 1;
      continue;
    }
    out += str.slice(last, i);
    if (c >= 0xD800 && c <= 0xDFFF) {
      // Any surrogate takes the next code unit as its pair, unchecked,
      // as Node does; one at the end cannot be encoded.
      if (i + 1 >= length) throw new ERR_INVALID_URI();
      const next = str.charCodeAt(i + 1);
      c = 0x10000 + (((c & 0x3FF) << 10) | (next & 0x3FF));
      i++;
    }
    out += encodeCodePoint(c);
    last = i + 1;
  }
  return last === 0 ? str : out + str.slice(last);
}

function qsEscape(str) {
  if (typeof str !== 'string') {
    if (typeof str === 'object') {
      str = String(str);
    } else {
      str += '';
    }
  }
  return encodeStr(str, kNoEscape);
}

function isHexCode(c) {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) ||
    (c >= 0x61 && c <= 0x66);
}

function hexValue(c) {
  if (c <= 0x39) return c - 0x30;
  return (c | 0x20) - 0x61 + 10;
}

// Decode '%XX' escapes (and '+' when decodeSpaces) into a Buffer. Other
// code units are stored as their low byte, as Node does.
function unescapeBuffer(s, decodeSpaces) {
  s = `${s}`;
  const bytes = new Uint8Array(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2B && decodeSpaces) {
      bytes[n++] = 0x20;
    } else if (c === 0x25 && i + 2 < s.length &&
               isHexCode(s.charCodeAt(i + 1)) &&
               isHexCode(s.charCodeAt(i + 2))) {
      bytes[n++] = hexValue(s.charCodeAt(i + 1)) * 16 +
        hexValue(s.charCodeAt(i + 2));
      i += 2;
    } else {
      bytes[n++] = c & 0xFF;
    }
  }
  return lazyBuffer().from(bytes.buffer, 0, n);
}

let BufferClass;
function lazyBuffer() {
  if (BufferClass === undefined) BufferClass = require('buffer').Buffer;
  return BufferClass;
}

let utf8Decode;
function decodeUTF8(bytes) {
  if (utf8Decode === undefined) {
    utf8Decode = require('internal/url').utf8Decode;
  }
  return utf8Decode(bytes);
}

function qsUnescape(s, decodeSpaces) {
  try {
    return decodeURIComponent(s);
  } catch {
    const bytes = unescapeBuffer(s, decodeSpaces);
    return decodeUTF8(bytes);
  }
}

function stringifyPrimitive(v) {
  switch (typeof v) {
    case 'string': return v;
    case 'number': return Number.isFinite(v) ? `${v}` : '';
    case 'bigint': return `${v}`;
    case 'boolean': return v ? 'true' : 'false';
    default: return '';
  }
}

function stringify(obj, sep, eq, options) {
  sep = sep || '&';
  eq = eq || '=';
  let encode = QueryString.escape;
  if (options && typeof options.encodeURIComponent === 'function') {
    encode = options.encodeURIComponent;
  }
  if (obj === null || typeof obj !== 'object') return '';
  const fields = [];
  for (const key of Object.keys(obj)) {
    const value = obj[key];
    const prefix = encode(stringifyPrimitive(key)) + eq;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        fields.push(prefix + encode(stringifyPrimitive(value[i])));
      }
    } else {
      fields.push(prefix + encode(stringifyPrimitive(value)));
    }
  }
  return fields.join(sep);
}

function countEscapes(text) {
  if (!text.includes('%')) return 0;
  const matches = text.match(/%[0-9A-Fa-f]{2}/g);
  return matches === null ? 0 : matches.length;
}

function decodeComponent(s, decode) {
  try {
    return decode(s);
  } catch {
    return QueryString.unescape(s, true);
  }
}

function parse(qs, sep, eq, options) {
  const obj = { __proto__: null };
  if (typeof qs !== 'string' || qs.length === 0) return obj;
  sep = sep ? `${sep}` : '&';
  eq = eq ? `${eq}` : '=';

  let maxKeys = 1000;
  if (options && typeof options.maxKeys === 'number') {
    maxKeys = options.maxKeys;
  }
  let decode = QueryString.unescape;
  if (options && typeof options.decodeURIComponent === 'function') {
    decode = options.decodeURIComponent;
  }
  // The default decoder only runs on text holding a valid '%XX' escape
  // (and, as in Node, on every value whose key holds two or more); a
  // custom one sees every non-empty key and value, with '+' turned into
  // '%20'.
  const custom = decode !== qsUnescape;
  const decodePart = (text, encoded) => {
    if (custom) {
      if (text === '') return text;
      return decodeComponent(text.replace(/\+/g, '%20'), decode);
    }
    if (text.includes('+')) text = text.replace(/\+/g, ' ');
    return encoded ? decodeComponent(text, decode) : text;
  };

  let segments = qs.split(sep);
  // Every segment counts towards maxKeys, empty ones too. Node stops
  // when the count equals maxKeys, so a fraction means no limit.
  if (Number.isInteger(maxKeys) && maxKeys > 0 &&
      segments.length > maxKeys) {
    segments = segments.slice(0, maxKeys);
  }
  for (const segment of segments) {
    if (segment.length === 0) continue;
    const at = segment.indexOf(eq);
    const rawKey = at === -1 ? segment : segment.slice(0, at);
    const rawValue = at === -1 ? '' : segment.slice(at + eq.length);
    const keyEscapes = countEscapes(rawKey);
    const key = decodePart(rawKey, keyEscapes > 0);
    const value = decodePart(rawValue,
                             keyEscapes > 1 || countEscapes(rawValue) > 0);
    const current = obj[key];
    if (current === undefined) {
      obj[key] = value;
    } else if (typeof current === 'string') {
      obj[key] = [current, value];
    } else {
      current.push(value);
    }
  }
  return obj;
}

const QueryString = module.exports = {
  unescapeBuffer,
  unescape: qsUnescape,
  escape: qsEscape,
  stringify,
  encode: stringify,
  parse,
  decode: parse,
};
