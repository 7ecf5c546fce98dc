'use strict';

// Punycode (RFC 3492) and the IDNA-style helpers that Node's deprecated
// `punycode` module offers: encode, decode, toASCII, toUnicode, ucs2.
// The URL host parser uses encode/decode for its xn-- labels.

// Bootstring parameters for Punycode, RFC 3492 section 5.
const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;
const DELIMITER = '-';
// Deltas and code points are kept below 2^31, as the RFC's reference
// implementation does, so overflow is detected at the same points.
const MAX_INT = 2147483647;

const MESSAGES = {
  'overflow': 'Overflow: input needs wider integers to process',
  'not-basic': 'Illegal input >= 0x80 (not a basic code point)',
  'invalid-input': 'Invalid input',
};

function fail(kind) {
  throw new RangeError(MESSAGES[kind]);
}

// Split a string into code points; a lone surrogate stays one unit.
function ucs2decode(string) {
  const output = [];
  const length = string.length;
  for (let i = 0; i < length; i++) {
    const unit = string.charCodeAt(i);
    if (unit >= 0xD800 && unit <= 0xDBFF && i + 1 < length) {
      const next = string.charCodeAt(i + 1);
      if (next >= 0xDC00 && next <= 0xDFFF) {
        output.push(((unit - 0xD800) << 10) + (next - 0xDC00) + 0x10000);
        i++;
        continue;
      }
    }
    output.push(unit);
  }
  return output;
}

function ucs2encode(codePoints) {
  let result = '';
  // Chunked to stay clear of argument-count limits on long inputs.
  for (let i = 0; i < codePoints.length; i += 4096) {
    result += String.fromCodePoint(...codePoints.slice(i, i + 4096));
  }
  return result;
}

// Value of a Punycode digit character, or BASE when it is not one.
function digitValue(code) {
  if (code >= 0x30 && code <= 0x39) return code - 0x30 + 26;  // 0-9
  if (code >= 0x41 && code <= 0x5A) return code - 0x41;       // A-Z
  if (code >= 0x61 && code <= 0x7A) return code - 0x61;       // a-z
  return BASE;
}

// Digit 0..35 to its lowercase character: a-z then 0-9.
function digitChar(digit) {
  return String.fromCharCode(digit < 26 ? 0x61 + digit : 0x30 + digit - 26);
}

function adapt(delta, numPoints, firstTime) {
  delta = firstTime ? Math.floor(delta / DAMP) : delta >> 1;
  delta += Math.floor(delta / numPoints);
  let k = 0;
  const limit = ((BASE - T_MIN) * T_MAX) >> 1;
  while (delta > limit) {
    delta = Math.floor(delta / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor((BASE - T_MIN + 1) * delta / (delta + SKEW));
}

function threshold(k, bias) {
  if (k <= bias) return T_MIN;
  if (k >= bias + T_MAX) return T_MAX;
  return k - bias;
}

// Punycode string (without the xn-- prefix) to a Unicode string.
function decode(input) {
  const output = [];
  const length = input.length;
  // Basic code points are those before the last delimiter; a delimiter at
  // position 0 has nothing before it and is then read as a digit.
  let basic = input.lastIndexOf(DELIMITER);
  if (basic < 0) basic = 0;
  for (let j = 0; j < basic; j++) {
    const code = input.charCodeAt(j);
    if (code >= 0x80) fail('not-basic');
    output.push(code);
  }

  let n = INITIAL_N;
  let bias = INITIAL_BIAS;
  let i = 0;
  let index = basic > 0 ? basic + 1 : 0;
  while (index < length) {
    const oldi = i;
    let w = 1;
    for (let k = BASE; ; k += BASE) {
      if (index >= length) fail('invalid-input');
      const digit = digitValue(input.charCodeAt(index++));
      if (digit >= BASE) fail('invalid-input');
      if (digit > Math.floor((MAX_INT - i) / w)) fail('overflow');
      i += digit * w;
      const t = threshold(k, bias);
      if (digit < t) break;
      if (w > Math.floor(MAX_INT / (BASE - t))) fail('overflow');
      w *= BASE - t;
    }
    const count = output.length + 1;
    bias = adapt(i - oldi, count, oldi === 0);
    if (Math.floor(i / count) > MAX_INT - n) fail('overflow');
    n += Math.floor(i / count);
    i %= count;
    output.splice(i, 0, n);
    i++;
  }
  return String.fromCodePoint(...output);
}

// Unicode string to its Punycode form (without the xn-- prefix).
function encode(input) {
  const codePoints = ucs2decode(input);
  const inputLength = codePoints.length;
  let output = '';
  for (const cp of codePoints) {
    if (cp < 0x80) output += String.fromCharCode(cp);
  }
  const basicLength = output.length;
  let handled = basicLength;
  if (basicLength > 0) output += DELIMITER;

  let n = INITIAL_N;
  let delta = 0;
  let bias = INITIAL_BIAS;
  while (handled < inputLength) {
    // The smallest code point not handled yet.
    let m = MAX_INT;
    for (const cp of codePoints) {
      if (cp >= n && cp < m) m = cp;
    }
    if (m - n > Math.floor((MAX_INT - delta) / (handled + 1))) {
      fail('overflow');
    }
    delta += (m - n) * (handled + 1);
    n = m;
    for (const cp of codePoints) {
      if (cp < n && ++delta > MAX_INT) fail('overflow');
      if (cp !== n) continue;
      // Write delta as a variable-length integer.
      let q = delta;
      for (let k = BASE; ; k += BASE) {
        const t = threshold(k, bias);
        if (q < t) break;
        output += digitChar(t + (q - t) % (BASE - t));
        q = Math.floor((q - t) / (BASE - t));
      }
      output += digitChar(q);
      bias = adapt(delta, handled + 1, handled === basicLength);
      delta = 0;
      handled++;
    }
    delta++;
    n++;
  }
  return output;
}

// Apply fn to each label of a domain. The part before an '@' (an email
// address's local part) is kept as it is; the IDNA full stops U+3002,
// U+FF0E and U+FF61 separate labels like '.' does.
function mapDomain(domain, fn) {
  const parts = domain.split('@');
  let prefix = '';
  if (parts.length > 1) {
    prefix = parts[0] + '@';
    domain = parts[1];
  }
  const labels = domain.replace(/[\u3002\uFF0E\uFF61]/g, '.').split('.');
  return prefix + labels.map(fn).join('.');
}

function toASCII(domain) {
  return mapDomain(domain, (label) => {
    return /[^\0-\x7F]/.test(label) ? 'xn--' + encode(label) : label;
  });
}

function toUnicode(domain) {
  return mapDomain(domain, (label) => {
    return label.startsWith('xn--') ?
      decode(label.slice(4).toLowerCase()) : label;
  });
}

module.exports = {
  version: '2.1.0',
  ucs2: {
    decode: ucs2decode,
    encode: ucs2encode,
  },
  decode,
  encode,
  toASCII,
  toUnicode,
};
