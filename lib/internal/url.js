'use strict';

// The WHATWG URL Standard: the URL parser state machine, host parsing
// (domains through IDNA, IPv4, IPv6, opaque hosts), serialization, the
// URL and URLSearchParams classes, and the helpers lib/url.js and other
// builtins share (file URL <-> path, urlToHttpOptions, domainTo*).

const {
  codes: {
    ERR_ARG_NOT_ITERABLE,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_FILE_URL_HOST,
    ERR_INVALID_FILE_URL_PATH,
    ERR_INVALID_THIS,
    ERR_INVALID_TUPLE,
    ERR_INVALID_URL,
    ERR_INVALID_URL_SCHEME,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const punycode = require('punycode');
const path = require('path');

let inspectModule;
function lazyInspect() {
  if (inspectModule === undefined) {
    inspectModule = require('internal/util/inspect');
  }
  return inspectModule;
}

const kInspect = Symbol.for('nodejs.util.inspect.custom');
// Node keeps a URL's state under these (enumerable) symbols; a
// showHidden inspection and Object.getOwnPropertySymbols() show them.
const kContext = Symbol('context');
const kQuery = Symbol('query');

const FAILURE = Symbol('failure');
const EOF = -1;

// ---------------------------------------------------------------------------
// Strings and bytes

const kSurrogate = /[\uD800-\uDFFF]/;
const kLoneSurrogate =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// WebIDL USVString: ToString, then lone surrogates become U+FFFD.
function toUSVString(value) {
  const str = `${value}`;
  if (!kSurrogate.test(str)) return str;
  return str.replace(kLoneSurrogate, '\uFFFD');
}

function isASCIIDigit(c) {
  return c >= 0x30 && c <= 0x39;
}

function isASCIIAlpha(c) {
  return (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A);
}

function isASCIIHex(c) {
  return isASCIIDigit(c) || (c >= 0x41 && c <= 0x46) ||
    (c >= 0x61 && c <= 0x66);
}

function hexValue(c) {
  if (c <= 0x39) return c - 0x30;
  return (c | 0x20) - 0x61 + 10;
}

const {
  hexTable: kHexTable,
  encodeCodePoint,
} = require('internal/querystring');

// Percent-encode sets: for each ASCII code, 1 when it must be encoded.
// Code points above U+007E are always encoded.
function makeEncodeSet(base, chars) {
  const set = new Uint8Array(128);
  if (base !== null) set.set(base);
  for (let i = 0; i < chars.length; i++) set[chars.charCodeAt(i)] = 1;
  return set;
}

const C0_CONTROL_SET = makeEncodeSet(null, '\x7F');
for (let i = 0; i < 0x20; i++) C0_CONTROL_SET[i] = 1;
const FRAGMENT_SET = makeEncodeSet(C0_CONTROL_SET, ' "<>`');
const QUERY_SET = makeEncodeSet(C0_CONTROL_SET, ' "#<>');
const SPECIAL_QUERY_SET = makeEncodeSet(QUERY_SET, '\'');
const PATH_SET = makeEncodeSet(QUERY_SET, '?`{}');
const USERINFO_SET = makeEncodeSet(PATH_SET, '/:;=@[\\]^|');
const COMPONENT_SET = makeEncodeSet(USERINFO_SET, '$%&+,');
const FORM_SET = makeEncodeSet(COMPONENT_SET, '!\'()~');

// UTF-8 percent-encode every code point of str that is in set; a lone
// surrogate is encoded as U+FFFD. With spaceAsPlus, ' ' becomes '+'.
function percentEncode(str, set, spaceAsPlus = false) {
  let out = '';
  let last = 0;
  const length = str.length;
  for (let i = 0; i < length; i++) {
    let c = str.charCodeAt(i);
    if (c < 0x80) {
      if (spaceAsPlus && c === 0x20) {
        out += str.slice(last, i) + '+';
        last = i + 1;
      } else if (set[c] === 1) {
        out += str.slice(last, i) + kHexTable[c];
        last = i + 1;
      }
      continue;
    }
    out += str.slice(last, i);
    if (c >= 0xD800 && c <= 0xDFFF) {
      const next = i + 1 < length ? str.charCodeAt(i + 1) : 0;
      if (c <= 0xDBFF && next >= 0xDC00 && next <= 0xDFFF) {
        c = 0x10000 + ((c - 0xD800) << 10) + (next - 0xDC00);
        i++;
      } else {
        c = 0xFFFD;
      }
    }
    out += encodeCodePoint(c);
    last = i + 1;
  }
  return last === 0 ? str : out + str.slice(last);
}

// The bytes of str in UTF-8, where '%XX' stands for the byte XX.
function percentDecodeToBytes(str) {
  const bytes = [];
  const length = str.length;
  for (let i = 0; i < length; i++) {
    let c = str.charCodeAt(i);
    if (c === 0x25 && i + 2 < length &&
        isASCIIHex(str.charCodeAt(i + 1)) &&
        isASCIIHex(str.charCodeAt(i + 2))) {
      bytes.push(hexValue(str.charCodeAt(i + 1)) * 16 +
                 hexValue(str.charCodeAt(i + 2)));
      i += 2;
      continue;
    }
    if (c < 0x80) {
      bytes.push(c);
      continue;
    }
    if (c >= 0xD800 && c <= 0xDFFF) {
      const next = i + 1 < length ? str.charCodeAt(i + 1) : 0;
      if (c <= 0xDBFF && next >= 0xDC00 && next <= 0xDFFF) {
        c = 0x10000 + ((c - 0xD800) << 10) + (next - 0xDC00);
        i++;
      } else {
        c = 0xFFFD;
      }
    }
    if (c < 0x800) {
      bytes.push(0xC0 | (c >> 6), 0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      bytes.push(0xE0 | (c >> 12), 0x80 | ((c >> 6) & 0x3F),
                 0x80 | (c & 0x3F));
    } else {
      bytes.push(0xF0 | (c >> 18), 0x80 | ((c >> 12) & 0x3F),
                 0x80 | ((c >> 6) & 0x3F), 0x80 | (c & 0x3F));
    }
  }
  return bytes;
}

// UTF-8 decode (the Encoding Standard's decoder: each maximal invalid
// subsequence becomes one U+FFFD). A leading BOM is kept.
function utf8Decode(bytes) {
  const units = [];
  let out = '';
  let codePoint = 0;
  let needed = 0;
  let seen = 0;
  let lower = 0x80;
  let upper = 0xBF;
  const flush = () => {
    out += String.fromCharCode.apply(null, units);
    units.length = 0;
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (needed === 0) {
      if (b <= 0x7F) {
        units.push(b);
      } else if (b >= 0xC2 && b <= 0xDF) {
        needed = 1;
        codePoint = b & 0x1F;
      } else if (b >= 0xE0 && b <= 0xEF) {
        if (b === 0xE0) lower = 0xA0;
        if (b === 0xED) upper = 0x9F;
        needed = 2;
        codePoint = b & 0xF;
      } else if (b >= 0xF0 && b <= 0xF4) {
        if (b === 0xF0) lower = 0x90;
        if (b === 0xF4) upper = 0x8F;
        needed = 3;
        codePoint = b & 0x7;
      } else {
        units.push(0xFFFD);
      }
    } else if (b < lower || b > upper) {
      // The sequence broke off: emit U+FFFD and read this byte afresh.
      codePoint = needed = seen = 0;
      lower = 0x80;
      upper = 0xBF;
      units.push(0xFFFD);
      i--;
    } else {
      lower = 0x80;
      upper = 0xBF;
      codePoint = (codePoint << 6) | (b & 0x3F);
      if (++seen === needed) {
        if (codePoint >= 0x10000) {
          codePoint -= 0x10000;
          units.push(0xD800 + (codePoint >> 10), 0xDC00 + (codePoint & 0x3FF));
        } else {
          units.push(codePoint);
        }
        codePoint = needed = seen = 0;
      }
    }
    if (units.length > 8192) flush();
  }
  if (needed !== 0) units.push(0xFFFD);
  flush();
  return out;
}

function percentDecodeString(str) {
  if (!str.includes('%')) return str;
  return utf8Decode(percentDecodeToBytes(str));
}

// ---------------------------------------------------------------------------
// IDNA: UTS #46 ToASCII with CheckHyphens=false, CheckBidi=true,
// CheckJoiners=true, UseSTD3ASCIIRules=false, Nontransitional_Processing,
// VerifyDnsLength=false, as Node 18 applies it. V8 has no IDNA API and
// no mapping table, so the mapping is computed: ignored code points go,
// disallowed ones (by general category plus a short list) fail, others
// map to NFKC(lowercase(NFKC(c))) with the case-folding fixes below, and
// a mapping that would make a '.' fails; the deviations (ß, ς, ZWJ,
// ZWNJ) are kept. Bidi classes and joining types are approximated from
// blocks and scripts. For single code points this agrees with Node 18
// everywhere; code points Unicode assigns after V8's ICU version, and
// Bidi or ContextJ cases beyond the approximations, may still differ.

const kIdnaIgnored = new RegExp(
  '[\\u00AD\\u034F\\u180B-\\u180D\\u180F\\u200B\\u2060\\u2064' +
  '\\uFE00-\\uFE0F\\uFEFF\\u{1BCA0}-\\u{1BCA3}\\u{E0100}-\\u{E01EF}]', 'u');
const kIdnaDisallowed = new RegExp(
  '[\\p{Cn}\\p{Co}\\p{Cs}\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Zs}' +
  '\\uFFFC\\uFFFD\\u115F\\u1160\\u3164\\uFFA0\\u17B4\\u17B5\\u1806' +
  '\\u04C0\\u10A0-\\u10C5\\u2132\\u2183\\u2FF0-\\u2FFB\\u{2F868}\\u{2F874}' +
  '\\u{2F91F}\\u{2F95F}\\u{2F9BF}]', 'u');
const kNonASCII = /[^\x00-\x7F]/;
const kStartsWithMark = /^\p{M}/u;

// Mappings already worked out, by code point.
const idnaMapCache = new Map();

// The UTS #46 mapping of one non-ASCII code point: a string, '' when it
// is ignored, null when it is disallowed.
function idnaMapCodePoint(ch) {
  let mapped = idnaMapCache.get(ch);
  if (mapped === undefined) {
    mapped = idnaMapUncached(ch);
    if (idnaMapCache.size >= 4096) idnaMapCache.clear();
    idnaMapCache.set(ch, mapped);
  }
  return mapped;
}

function idnaMapUncached(ch) {
  if (kIdnaIgnored.test(ch)) return '';
  if (ch === '\u200C' || ch === '\u200D') return ch;
  if (kIdnaDisallowed.test(ch)) return null;
  // The ideographic full stops separate labels like '.'.
  if (ch === '\u3002' || ch === '\uFF0E' || ch === '\uFF61') return '.';
  const cp = ch.codePointAt(0);
  // Case folding differs from lowercasing for these.
  if (cp === 0x1E9E) return 'ss';
  if (cp >= 0x1C80 && cp <= 0x1C88) return kOldCyrillicFolds[cp - 0x1C80];
  let mapped = ch.normalize('NFKC').toLowerCase().normalize('NFKC');
  // A mapping may not make label separators ('⒈' is not '1.').
  if (mapped.includes('.') || mapped.includes('\u3002')) return null;
  // Folding also turns the iota subscript into iota, a final sigma made
  // by the mapping into sigma, and Cherokee into its capital letters.
  const decomposed = mapped.normalize('NFD');
  if (decomposed.includes('\u0345')) {
    mapped = decomposed.replace(/\u0345/g, '\u03B9').normalize('NFC');
  }
  if (ch !== '\u03C2') mapped = mapped.replace(/\u03C2/g, '\u03C3');
  return mapped.replace(/[\uAB70-\uABBF\u13F8-\u13FD]/g, (c) => {
    const code = c.charCodeAt(0);
    return String.fromCharCode(code >= 0xAB70 ? code - 0xAB70 + 0x13A0 :
      code - 8);
  });
}

// U+1C80..U+1C88, old Cyrillic letter forms, fold to these.
const kOldCyrillicFolds = ['\u0432', '\u0434', '\u043E', '\u0441', '\u0442',
  '\u0442', '\u044A', '\u0463', '\uA64B'];

function idnaMap(domain) {
  let out = '';
  for (const ch of domain) {
    const c = ch.charCodeAt(0);
    if (c < 0x80) {
      out += c >= 0x41 && c <= 0x5A ? String.fromCharCode(c + 0x20) : ch;
      continue;
    }
    const mapped = idnaMapCodePoint(ch);
    if (mapped === null) return null;
    out += mapped;
  }
  return out.normalize('NFC');
}

// Viramas (canonical combining class 9), for the ContextJ rules.
const kVirama = new RegExp(
  '[\\u094D\\u09CD\\u0A4D\\u0ACD\\u0B4D\\u0BCD\\u0C4D\\u0CCD\\u0D3B\\u0D3C' +
  '\\u0D4D\\u0DCA\\u0E3A\\u0EBA\\u0F84\\u1039\\u103A\\u1714\\u1715\\u1734' +
  '\\u17D2\\u1A60\\u1B44\\u1BAA\\u1BAB\\u1BF2\\u1BF3\\u2D7F\\uA806\\uA82C' +
  '\\uA8C4\\uA953\\uA9C0\\uAAF6\\uABED\\u{10A3F}\\u{11046}\\u{11070}' +
  '\\u{1107F}\\u{110B9}\\u{11133}\\u{11134}\\u{111C0}\\u{11235}\\u{112EA}' +
  '\\u{1134D}\\u{11442}\\u{114C2}\\u{115BF}\\u{1163F}\\u{116B6}\\u{1172B}' +
  '\\u{11839}\\u{1193D}\\u{1193E}\\u{119E0}\\u{11A34}\\u{11A47}\\u{11A99}' +
  '\\u{11C3F}\\u{11D44}\\u{11D45}\\u{11D97}]', 'u');
// Joining types, as far as Node 18's tables go: the letters that may
// come before a ZWNJ (joining type L or D) and after it (R or D).
const kJoinBefore = new RegExp(
  '[\\u0620\\u0626\\u0628\\u062A-\\u062E\\u0633-\\u063F\\u0641-\\u0647' +
  '\\u0649\\u064A\\u066E\\u066F\\u0678-\\u0687\\u069A-\\u06BF\\u06C1' +
  '\\u06C2\\u06CC\\u06CE\\u06D0\\u06D1\\u06FA-\\u06FC\\u06FF\\u0712-\\u0714' +
  '\\u071A-\\u071D\\u071F-\\u0727\\u0729\\u072B\\u072D\\u072E\\u074E-' +
  '\\u0758\\u075C-\\u0766\\u0850-\\u0853\\u0855\\u08A0\\u08A2-\\u08A9' +
  '\\u1807\\u1820-\\u1877\\u1887-\\u18A8\\u18AA\\uA840-\\uA872]');
const kJoinAfter = new RegExp(
  '[\\u0620\\u0622-\\u063F\\u0641-\\u064A\\u066E\\u066F\\u0671-\\u0673' +
  '\\u0675-\\u06D3\\u06D5\\u06EE\\u06EF\\u06FA-\\u06FC\\u06FF\\u0710' +
  '\\u0712-\\u072F\\u074D-\\u0766\\u0850-\\u0855\\u08A0\\u08A2-\\u08AC' +
  '\\u1807\\u1820-\\u1877\\u1887-\\u18A8\\u18AA\\uA840-\\uA871]');

// RFC 5892 appendix A.1 and A.2 (ContextJ) as Node 18 checks them: for
// the first ZWNJ or ZWJ of the label only, and with a ZWNJ accepted when
// any letter before it can join to the right and any after it to the
// left.
function checkJoiners(chars) {
  const i = chars.findIndex((ch) => ch === '\u200C' || ch === '\u200D');
  if (i === -1) return true;
  if (i > 0 && kVirama.test(chars[i - 1])) return true;
  if (chars[i] === '\u200D') return false;
  return chars.slice(0, i).some((ch) => kJoinBefore.test(ch)) &&
    chars.slice(i + 1).some((ch) => kJoinAfter.test(ch));
}

// Bidi classes, reduced to what RFC 5893 distinguishes: L, R (R and AL),
// AN, EN, NSM and OTHER (ES, CS, ET, ON, BN).
const kBidiRTL = new RegExp(
  '[\\u0590-\\u08FF\\uFB1D-\\uFDFF\\uFE70-\\uFEFF\\u{10800}-\\u{10FFF}' +
  '\\u{1E800}-\\u{1EFFF}]', 'u');
// Neutral and separator characters among the right-to-left blocks.
const kBidiRTLNeutral = new RegExp(
  '[\\u0606\\u0607\\u0609\\u060A\\u060C\\u060E\\u060F\\u066A\\u06DE' +
  '\\u06E9\\u07F6-\\u07F9\\uFD3E\\uFD3F\\uFDFD\\u{1091F}' +
  '\\u{10B39}-\\u{10B3F}\\u{1EEF0}\\u{1EEF1}]', 'u');
// Letters added in Unicode 14, which Node 18's tables do not know.
const kBidiRecent = new RegExp(
  '[\\u061D\\u0870-\\u088E\\u08B5\\u08C8\\u08C9\\uFBC2\\uFD40-\\uFD4F' +
  '\\uFDCF\\uFDFE\\uFDFF\\u{10F70}-\\u{10F89}]', 'u');
const kBidiAN = new RegExp(
  '[\\u0600-\\u0605\\u0660-\\u0669\\u066B\\u066C\\u06DD\\u0890\\u0891' +
  '\\u08E2\\u{10D30}-\\u{10D39}\\u{10E60}-\\u{10E7E}]', 'u');
const kBidiEN = new RegExp(
  '[0-9\\u00B2\\u00B3\\u00B9\\u06F0-\\u06F9\\u2070\\u2074-\\u2079' +
  '\\u2080-\\u2089\\u2488-\\u249B\\uFF10-\\uFF19\\u{1D7CE}-\\u{1D7FF}]', 'u');
const kBidiNSM = /[\p{Mn}\p{Me}]/u;
const kBidiL = /[\p{L}\p{Mc}\p{N}]/u;

function bidiClass(ch) {
  if (kBidiNSM.test(ch)) return 'NSM';
  if (kBidiAN.test(ch)) return 'AN';
  if (kBidiEN.test(ch)) return 'EN';
  if (kBidiRecent.test(ch)) return 'L';
  if (kBidiRTL.test(ch)) return kBidiRTLNeutral.test(ch) ? 'OTHER' : 'R';
  if (kBidiL.test(ch)) return 'L';
  return 'OTHER';
}

// The Bidi rule as Node 18 applies it, label by label (an observed
// subset of RFC 5893 section 2): a label holding any R, AL or AN
// character that starts with an L character may have them only as its
// last (non-NSM) character; any other such label must hold no L, must
// not mix EN and AN, and must end in R, AL, EN or AN.
function checkBidiLabel(label) {
  if (!kBidiRTL.test(label)) return true;
  const list = Array.from(label, bidiClass);
  if (!list.includes('R') && !list.includes('AN')) return true;
  let end = list.length - 1;
  while (end > 0 && list[end] === 'NSM') end--;
  if (list[0] === 'L') {
    for (let i = 1; i < end; i++) {
      if (list[i] === 'R' || list[i] === 'AN') return false;
    }
    return true;
  }
  if (list.includes('L')) return false;
  if (list.includes('EN') && list.includes('AN')) return false;
  const last = list[end];
  return last === 'R' || last === 'EN' || last === 'AN';
}

function isValidLabel(label, fromPunycode) {
  if (label === '') return true;
  const chars = fromPunycode || label.includes('\u200C') ||
    label.includes('\u200D') ? Array.from(label) : null;
  if (fromPunycode) {
    // A decoded label must already be in its mapped, NFC form.
    if (label.normalize('NFC') !== label) return false;
    for (const ch of chars) {
      const c = ch.charCodeAt(0);
      if (c < 0x80) {
        if ((c >= 0x41 && c <= 0x5A) || c === 0x2E) return false;
      } else if (idnaMapCodePoint(ch) !== ch) {
        return false;
      }
    }
  }
  if (kStartsWithMark.test(label)) return false;
  if (!label.includes('\u200C') && !label.includes('\u200D')) return true;
  return checkJoiners(chars);
}

// UTS #46 processing; returns the Unicode labels and the labels to use
// for ASCII output, or null on error.
function idnaProcess(domain) {
  const mapped = idnaMap(domain);
  if (mapped === null) return null;
  const ascii = mapped.split('.');
  const unicode = [];
  for (const label of ascii) {
    if (label.startsWith('xn--')) {
      if (kNonASCII.test(label)) return null;
      let decoded;
      try {
        decoded = punycode.decode(label.slice(4));
      } catch {
        return null;
      }
      if (decoded === '' || !isValidLabel(decoded, true)) return null;
      unicode.push(decoded);
    } else {
      if (!isValidLabel(label, false)) return null;
      unicode.push(label);
    }
  }
  // Node 18 skips the Bidi rule for labels with a joiner.
  for (const label of unicode) {
    if (!label.includes('\u200C') && !label.includes('\u200D') &&
        !checkBidiLabel(label)) {
      return null;
    }
  }
  for (let i = 0; i < ascii.length; i++) {
    if (kNonASCII.test(ascii[i])) {
      ascii[i] = 'xn--' + punycode.encode(ascii[i]);
    }
  }
  return { ascii, unicode };
}

const kForbiddenHost = /[\0\t\n\r #/:<>?@[\\\]^|]/;
const kForbiddenDomain = /[\0-\x20#%/:<>?@[\\\]^|\x7F]/;
const kXnLabel = /(?:^|\.)xn--/;

// UTS #46 ToASCII as above: the ASCII domain, or null on failure.
function idnaToASCII(domain) {
  let result;
  if (!kNonASCII.test(domain)) {
    // For ASCII text toLowerCase() is ASCII lowercasing.
    result = domain.toLowerCase();
    if (kXnLabel.test(result)) {
      const processed = idnaProcess(result);
      if (processed === null) return null;
      result = processed.ascii.join('.');
    }
  } else {
    const processed = idnaProcess(domain);
    if (processed === null) return null;
    result = processed.ascii.join('.');
  }
  return result;
}

// The URL Standard's "domain to ASCII" (beStrict false): null on failure.
function domainToASCIIInternal(domain) {
  const result = idnaToASCII(domain);
  if (result === null || result === '' || kForbiddenDomain.test(result)) {
    return null;
  }
  return result;
}

// The hostname step of the legacy url.parse(): IDNA ToASCII alone, with
// no check for forbidden code points. Node reads the result as a C
// string, so it ends at a NUL. null on failure.
function legacyHostToASCII(hostname) {
  let result = idnaToASCII(hostname);
  if (result === null) return null;
  const nul = result.indexOf('\0');
  if (nul !== -1) result = result.slice(0, nul);
  return result === '' ? null : result;
}

// ---------------------------------------------------------------------------
// Hosts

function parseIPv4Number(input) {
  if (input === '') return FAILURE;
  let radix = 10;
  if (input.length >= 2 && input[0] === '0' &&
      (input[1] === 'x' || input[1] === 'X')) {
    input = input.slice(2);
    radix = 16;
  } else if (input.length >= 2 && input[0] === '0') {
    input = input.slice(1);
    radix = 8;
  }
  if (input === '') return 0;
  const valid = radix === 10 ? /^[0-9]+$/ :
    radix === 16 ? /^[0-9A-Fa-f]+$/ : /^[0-7]+$/;
  if (!valid.test(input)) return FAILURE;
  // Values past 2^53 lose precision, but they fail the range checks
  // anyway.
  return parseInt(input, radix);
}

function endsInANumber(input) {
  // A number starts with a digit (hex ones with '0x'): check the first
  // character of the last label before splitting.
  let end = input.length;
  if (input.charCodeAt(end - 1) === 0x2E) end--;
  const start = input.lastIndexOf('.', end - 1) + 1;
  if (start < end && !isASCIIDigit(input.charCodeAt(start))) return false;
  const parts = input.split('.');
  if (parts[parts.length - 1] === '') {
    if (parts.length === 1) return false;
    parts.pop();
  }
  const last = parts[parts.length - 1];
  if (last !== '' && /^[0-9]+$/.test(last)) return true;
  return parseIPv4Number(last) !== FAILURE;
}

function parseIPv4(input) {
  const parts = input.split('.');
  if (parts[parts.length - 1] === '' && parts.length > 1) parts.pop();
  if (parts.length > 4) return FAILURE;
  const numbers = [];
  for (const part of parts) {
    const n = parseIPv4Number(part);
    if (n === FAILURE) return FAILURE;
    numbers.push(n);
  }
  for (let i = 0; i < numbers.length - 1; i++) {
    if (numbers[i] > 255) return FAILURE;
  }
  const last = numbers[numbers.length - 1];
  if (last >= 256 ** (5 - numbers.length)) return FAILURE;
  let ipv4 = last;
  for (let i = 0; i < numbers.length - 1; i++) {
    ipv4 += numbers[i] * 256 ** (3 - i);
  }
  return ipv4;
}

function serializeIPv4(address) {
  const parts = [];
  for (let i = 0; i < 4; i++) {
    parts.unshift(String(address % 256));
    address = Math.floor(address / 256);
  }
  return parts.join('.');
}

function parseIPv6(input) {
  const address = [0, 0, 0, 0, 0, 0, 0, 0];
  let pieceIndex = 0;
  let compress = null;
  let pointer = 0;
  const length = input.length;
  const at = (i) => (i < length ? input.charCodeAt(i) : EOF);

  if (at(pointer) === 0x3A) {
    if (at(pointer + 1) !== 0x3A) return FAILURE;
    pointer += 2;
    pieceIndex++;
    compress = pieceIndex;
  }
  while (at(pointer) !== EOF) {
    if (pieceIndex === 8) return FAILURE;
    if (at(pointer) === 0x3A) {
      if (compress !== null) return FAILURE;
      pointer++;
      pieceIndex++;
      compress = pieceIndex;
      continue;
    }
    let value = 0;
    let digits = 0;
    while (digits < 4 && isASCIIHex(at(pointer))) {
      value = value * 0x10 + hexValue(at(pointer));
      pointer++;
      digits++;
    }
    if (at(pointer) === 0x2E) {
      // An embedded IPv4 address fills the last two pieces.
      if (digits === 0) return FAILURE;
      pointer -= digits;
      if (pieceIndex > 6) return FAILURE;
      let numbersSeen = 0;
      while (at(pointer) !== EOF) {
        let ipv4Piece = null;
        if (numbersSeen > 0) {
          if (at(pointer) === 0x2E && numbersSeen < 4) {
            pointer++;
          } else {
            return FAILURE;
          }
        }
        if (!isASCIIDigit(at(pointer))) return FAILURE;
        while (isASCIIDigit(at(pointer))) {
          const number = at(pointer) - 0x30;
          if (ipv4Piece === null) {
            ipv4Piece = number;
          } else if (ipv4Piece === 0) {
            return FAILURE;
          } else {
            ipv4Piece = ipv4Piece * 10 + number;
          }
          if (ipv4Piece > 255) return FAILURE;
          pointer++;
        }
        address[pieceIndex] = address[pieceIndex] * 0x100 + ipv4Piece;
        numbersSeen++;
        if (numbersSeen === 2 || numbersSeen === 4) pieceIndex++;
      }
      if (numbersSeen !== 4) return FAILURE;
      break;
    } else if (at(pointer) === 0x3A) {
      pointer++;
      if (at(pointer) === EOF) return FAILURE;
    } else if (at(pointer) !== EOF) {
      return FAILURE;
    }
    address[pieceIndex] = value;
    pieceIndex++;
  }
  if (compress !== null) {
    let swaps = pieceIndex - compress;
    pieceIndex = 7;
    while (pieceIndex !== 0 && swaps > 0) {
      const tmp = address[pieceIndex];
      address[pieceIndex] = address[compress + swaps - 1];
      address[compress + swaps - 1] = tmp;
      pieceIndex--;
      swaps--;
    }
  } else if (pieceIndex !== 8) {
    return FAILURE;
  }
  return address;
}

function serializeIPv6(address) {
  // The first longest run of two or more zero pieces becomes '::'.
  let compress = null;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    if (address[i] !== 0) {
      i++;
      continue;
    }
    let end = i;
    while (end < 8 && address[end] === 0) end++;
    if (end - i > bestLength) {
      bestLength = end - i;
      compress = i;
    }
    i = end;
  }
  let output = '';
  for (let i = 0; i < 8; i++) {
    if (i === compress) {
      output += i === 0 ? '::' : ':';
      i += bestLength - 1;
      continue;
    }
    output += address[i].toString(16);
    if (i !== 7) output += ':';
  }
  return output;
}

function parseOpaqueHost(input) {
  if (kForbiddenHost.test(input)) return FAILURE;
  return percentEncode(input, C0_CONTROL_SET);
}

// The host parser. Hosts are kept serialized: a domain, a dotted IPv4
// address, '[IPv6]', an opaque host or '' (the empty host).
function parseHost(input, isOpaque) {
  if (input[0] === '[') {
    if (input[input.length - 1] !== ']') return FAILURE;
    const address = parseIPv6(input.slice(1, -1));
    if (address === FAILURE) return FAILURE;
    return `[${serializeIPv6(address)}]`;
  }
  if (isOpaque) return parseOpaqueHost(input);
  const domain = percentDecodeString(input);
  const asciiDomain = domainToASCIIInternal(domain);
  if (asciiDomain === null) return FAILURE;
  if (endsInANumber(asciiDomain)) {
    const address = parseIPv4(asciiDomain);
    if (address === FAILURE) return FAILURE;
    return serializeIPv4(address);
  }
  return asciiDomain;
}

// ---------------------------------------------------------------------------
// URL records and the basic URL parser

const kSpecialPorts = {
  __proto__: null,
  'ftp': 21,
  'file': null,
  'http': 80,
  'https': 443,
  'ws': 80,
  'wss': 443,
};

function isSpecialScheme(scheme) {
  switch (scheme) {
    case 'ftp':
    case 'file':
    case 'http':
    case 'https':
    case 'ws':
    case 'wss':
      return true;
    default:
      return false;
  }
}

function defaultPort(scheme) {
  const port = kSpecialPorts[scheme];
  return port === undefined ? null : port;
}

// A URL record. `path` is an array of segments, or a string for an
// opaque path (e.g. "mailto:x").
function newRecord() {
  return {
    scheme: '',
    username: '',
    password: '',
    host: null,
    port: null,
    path: [],
    query: null,
    fragment: null,
  };
}

function cloneRecord(url) {
  const copy = { ...url };
  if (typeof url.path !== 'string') copy.path = url.path.slice();
  return copy;
}

function hasOpaquePath(url) {
  return typeof url.path === 'string';
}

function includesCredentials(url) {
  return url.username !== '' || url.password !== '';
}

function cannotHaveCredentialsOrPort(url) {
  return url.host === null || url.host === '' || url.scheme === 'file';
}

function isWindowsDriveLetter(str, normalizedOnly = false) {
  if (str.length !== 2 || !isASCIIAlpha(str.charCodeAt(0))) return false;
  return str[1] === ':' || (!normalizedOnly && str[1] === '|');
}

function startsWithWindowsDriveLetter(input, pointer) {
  if (input.length - pointer < 2) return false;
  if (!isWindowsDriveLetter(input.slice(pointer, pointer + 2))) return false;
  if (input.length - pointer === 2) return true;
  const c = input[pointer + 2];
  return c === '/' || c === '\\' || c === '?' || c === '#';
}

// The port and host setters read a port as Node 18 does, which differs
// from the URL Standard for text not starting with a digit: empty text
// clears the port (port setter) or changes nothing (host setter); text
// starting with a space or control, or without any digit, changes
// nothing; other text without leading digits clears the port.
function setPortFromSetter(url, text, fromPortSetter) {
  if (text === '') {
    if (fromPortSetter) url.port = null;
    return;
  }
  if (text.charCodeAt(0) <= 0x20 || !/[0-9]/.test(text)) return;
  const digits = /^[0-9]*/.exec(text)[0];
  if (digits === '') {
    url.port = null;
    return;
  }
  const port = parseInt(digits, 10);
  if (port > 65535) return;
  url.port = port === defaultPort(url.scheme) ? null : port;
}

function shortenPath(url) {
  const segments = url.path;
  if (url.scheme === 'file' && segments.length === 1 &&
      isWindowsDriveLetter(segments[0], true)) {
    return;
  }
  segments.pop();
}

function isSingleDot(segment) {
  return segment === '.' || segment.toLowerCase() === '%2e';
}

function isDoubleDot(segment) {
  switch (segment.length) {
    case 2: return segment === '..';
    case 4: {
      const s = segment.toLowerCase();
      return s === '.%2e' || s === '%2e.';
    }
    case 6: return segment.toLowerCase() === '%2e%2e';
    default: return false;
  }
}

// States of the basic URL parser.
const SCHEME_START = 1;
const SCHEME = 2;
const NO_SCHEME = 3;
const SPECIAL_RELATIVE_OR_AUTHORITY = 4;
const PATH_OR_AUTHORITY = 5;
const RELATIVE = 6;
const RELATIVE_SLASH = 7;
const SPECIAL_AUTHORITY_SLASHES = 8;
const SPECIAL_AUTHORITY_IGNORE_SLASHES = 9;
const AUTHORITY = 10;
const HOST = 11;
const HOSTNAME = 12;
const PORT = 13;
const FILE = 14;
const FILE_SLASH = 15;
const FILE_HOST = 16;
const PATH_START = 17;
const PATH = 18;
const OPAQUE_PATH = 19;
const QUERY = 20;
const FRAGMENT = 21;

// Characters that are not scheme characters (global, for lastIndex
// searches).
const kSchemeChars = /[^A-Za-z0-9+\-.]/g;
// Characters the host state looks at.
const kHostStop = /[:/\\?#[\]]/g;
// Where the authority's parts end.
const kAuthorityEnd = /[@/?#]/g;
const kAuthorityEndSpecial = /[@/\\?#]/g;
// Where a path segment ends.
const kPathEnd = /[/?#]/g;
const kPathEndSpecial = /[/\\?#]/g;
const kPathEndOverride = /\//g;
const kPathEndSpecialOverride = /[/\\]/g;

const kLeadingTrailingC0 = /^[\0-\x20]+|[\0-\x20]+$/g;
const kTabNewline = /[\t\n\r]/g;
const kHasTabNewline = /[\t\n\r]/;

// The basic URL parser. Without `url` it returns a new record or
// FAILURE; with `url` and a state override it edits url in place and
// returns FAILURE or undefined.
function basicParse(input, base = null, url = null, stateOverride = 0) {
  if (url === null) {
    url = newRecord();
    if (input.charCodeAt(0) <= 0x20 ||
        input.charCodeAt(input.length - 1) <= 0x20) {
      input = input.replace(kLeadingTrailingC0, '');
    }
  }
  if (kHasTabNewline.test(input)) input = input.replace(kTabNewline, '');

  let state = stateOverride || SCHEME_START;
  let buffer = '';
  let atSignSeen = false;
  let insideBrackets = false;
  let passwordTokenSeen = false;
  const length = input.length;
  let pointer = 0;

  let special = isSpecialScheme(url.scheme);
  let specialFor = url.scheme;

  for (;;) {
    const c = pointer < length ? input.charCodeAt(pointer) : EOF;
    if (url.scheme !== specialFor) {
      specialFor = url.scheme;
      special = isSpecialScheme(specialFor);
    }
    switch (state) {
      case SCHEME_START:
        if (isASCIIAlpha(c)) {
          buffer += String.fromCharCode(c | 0x20);
          state = SCHEME;
        } else if (!stateOverride) {
          state = NO_SCHEME;
          pointer--;
        } else {
          return FAILURE;
        }
        break;

      case SCHEME:
        if (isASCIIAlpha(c) || isASCIIDigit(c) ||
            c === 0x2B || c === 0x2D || c === 0x2E) {
          // Take the rest of the scheme's characters at once.
          kSchemeChars.lastIndex = pointer;
          const end = kSchemeChars.test(input) ?
            kSchemeChars.lastIndex - 1 : length;
          buffer += input.slice(pointer, end).toLowerCase();
          pointer = end - 1;
        } else if (c === 0x3A) {
          if (stateOverride) {
            if (special !== isSpecialScheme(buffer)) return;
            if ((includesCredentials(url) || url.port !== null) &&
                buffer === 'file') {
              return;
            }
            if (url.scheme === 'file' && url.host === '') return;
          }
          url.scheme = buffer;
          if (stateOverride) {
            if (url.port === defaultPort(url.scheme)) url.port = null;
            return;
          }
          buffer = '';
          if (url.scheme === 'file') {
            state = FILE;
          } else if (isSpecialScheme(url.scheme) && base !== null &&
                     base.scheme === url.scheme) {
            state = SPECIAL_RELATIVE_OR_AUTHORITY;
          } else if (isSpecialScheme(url.scheme)) {
            state = SPECIAL_AUTHORITY_SLASHES;
          } else if (input[pointer + 1] === '/') {
            state = PATH_OR_AUTHORITY;
            pointer++;
          } else {
            url.path = '';
            state = OPAQUE_PATH;
          }
        } else if (!stateOverride) {
          buffer = '';
          state = NO_SCHEME;
          pointer = -1;
        } else {
          return FAILURE;
        }
        break;

      case NO_SCHEME:
        if (base === null || (hasOpaquePath(base) && c !== 0x23)) {
          return FAILURE;
        } else if (hasOpaquePath(base) && c === 0x23) {
          url.scheme = base.scheme;
          url.path = base.path;
          url.query = base.query;
          url.fragment = '';
          state = FRAGMENT;
        } else if (base.scheme !== 'file') {
          state = RELATIVE;
          pointer--;
        } else {
          state = FILE;
          pointer--;
        }
        break;

      case SPECIAL_RELATIVE_OR_AUTHORITY:
        if (c === 0x2F && input[pointer + 1] === '/') {
          state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
          pointer++;
        } else {
          state = RELATIVE;
          pointer--;
        }
        break;

      case PATH_OR_AUTHORITY:
        if (c === 0x2F) {
          state = AUTHORITY;
        } else {
          state = PATH;
          pointer--;
        }
        break;

      case RELATIVE:
        url.scheme = base.scheme;
        if (c === 0x2F || (isSpecialScheme(url.scheme) && c === 0x5C)) {
          state = RELATIVE_SLASH;
        } else {
          url.username = base.username;
          url.password = base.password;
          url.host = base.host;
          url.port = base.port;
          url.path = base.path.slice();
          url.query = base.query;
          if (c === 0x3F) {
            url.query = '';
            state = QUERY;
          } else if (c === 0x23) {
            url.fragment = '';
            state = FRAGMENT;
          } else if (c !== EOF) {
            url.query = null;
            shortenPath(url);
            state = PATH;
            pointer--;
          }
        }
        break;

      case RELATIVE_SLASH:
        if (special && (c === 0x2F || c === 0x5C)) {
          state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
        } else if (c === 0x2F) {
          state = AUTHORITY;
        } else {
          url.username = base.username;
          url.password = base.password;
          url.host = base.host;
          url.port = base.port;
          state = PATH;
          pointer--;
        }
        break;

      case SPECIAL_AUTHORITY_SLASHES:
        state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
        if (c === 0x2F && input[pointer + 1] === '/') {
          pointer++;
        } else {
          pointer--;
        }
        break;

      case SPECIAL_AUTHORITY_IGNORE_SLASHES:
        if (c !== 0x2F && c !== 0x5C) {
          state = AUTHORITY;
          pointer--;
        }
        break;

      case AUTHORITY:
        if (c === 0x40) {
          if (atSignSeen) buffer = '%40' + buffer;
          atSignSeen = true;
          let userPart = buffer;
          let passPart = null;
          if (passwordTokenSeen) {
            userPart = null;
            passPart = buffer;
          } else {
            const colon = buffer.indexOf(':');
            if (colon !== -1) {
              passwordTokenSeen = true;
              userPart = buffer.slice(0, colon);
              passPart = buffer.slice(colon + 1);
            }
          }
          if (userPart !== null) {
            url.username += percentEncode(userPart, USERINFO_SET);
          }
          if (passPart !== null) {
            url.password += percentEncode(passPart, USERINFO_SET);
          }
          buffer = '';
        } else if (c === EOF || c === 0x2F || c === 0x3F || c === 0x23 ||
                   (special && c === 0x5C)) {
          if (atSignSeen && buffer === '') return FAILURE;
          pointer -= buffer.length + 1;
          buffer = '';
          state = HOST;
        } else {
          // Take the run up to the next '@' or end of the authority.
          const delimiters = special ? kAuthorityEndSpecial : kAuthorityEnd;
          delimiters.lastIndex = pointer;
          const end = delimiters.test(input) ?
            delimiters.lastIndex - 1 : length;
          buffer += input.slice(pointer, end);
          pointer = end - 1;
        }
        break;

      case HOST:
      case HOSTNAME:
        if (stateOverride && url.scheme === 'file') {
          pointer--;
          state = FILE_HOST;
        } else if (c === 0x3A && !insideBrackets) {
          if (buffer === '') return FAILURE;
          if (stateOverride === HOSTNAME) return FAILURE;
          const host = parseHost(buffer, !special);
          if (host === FAILURE) return FAILURE;
          url.host = host;
          buffer = '';
          state = PORT;
        } else if (c === EOF || c === 0x2F || c === 0x3F || c === 0x23 ||
                   (special && c === 0x5C)) {
          pointer--;
          if (special && buffer === '') return FAILURE;
          // Node 18 also leaves a URL without a host alone, unless its
          // path is serialized with the '/.' prefix.
          if (stateOverride && buffer === '' &&
              (includesCredentials(url) || url.port !== null ||
               (url.host === null && !(url.path.length > 1 &&
                                       url.path[0] === '')))) {
            return FAILURE;
          }
          const host = parseHost(buffer, !special);
          if (host === FAILURE) return FAILURE;
          url.host = host;
          buffer = '';
          state = PATH_START;
          if (stateOverride) return;
        } else {
          if (c === 0x5B) insideBrackets = true;
          if (c === 0x5D) insideBrackets = false;
          // Take the run up to the next character that matters here.
          kHostStop.lastIndex = pointer + 1;
          const end = kHostStop.test(input) ? kHostStop.lastIndex - 1 : length;
          buffer += input.slice(pointer, end);
          pointer = end - 1;
        }
        break;

      case PORT:
        if (stateOverride) {
          setPortFromSetter(url, input.slice(pointer),
                            stateOverride === PORT);
          return;
        }
        if (isASCIIDigit(c)) {
          buffer += input[pointer];
        } else if (c === EOF || c === 0x2F || c === 0x3F || c === 0x23 ||
                   (special && c === 0x5C)) {
          if (buffer !== '') {
            const port = parseInt(buffer, 10);
            if (port > 65535) return FAILURE;
            url.port = port === defaultPort(url.scheme) ? null : port;
            buffer = '';
          }
          state = PATH_START;
          pointer--;
        } else {
          return FAILURE;
        }
        break;

      case FILE:
        url.scheme = 'file';
        url.host = '';
        if (c === 0x2F || c === 0x5C) {
          state = FILE_SLASH;
        } else if (base !== null && base.scheme === 'file') {
          url.host = base.host;
          url.path = base.path.slice();
          url.query = base.query;
          if (c === 0x3F) {
            url.query = '';
            state = QUERY;
          } else if (c === 0x23) {
            url.fragment = '';
            state = FRAGMENT;
          } else if (c !== EOF) {
            url.query = null;
            if (!startsWithWindowsDriveLetter(input, pointer)) {
              shortenPath(url);
            } else {
              url.path = [];
            }
            state = PATH;
            pointer--;
          }
        } else {
          state = PATH;
          pointer--;
        }
        break;

      case FILE_SLASH:
        if (c === 0x2F || c === 0x5C) {
          state = FILE_HOST;
        } else {
          if (base !== null && base.scheme === 'file') {
            url.host = base.host;
            if (!startsWithWindowsDriveLetter(input, pointer) &&
                base.path.length > 0 &&
                isWindowsDriveLetter(base.path[0], true)) {
              url.path.push(base.path[0]);
            }
          }
          state = PATH;
          pointer--;
        }
        break;

      case FILE_HOST:
        if (c === EOF || c === 0x2F || c === 0x5C || c === 0x3F ||
            c === 0x23) {
          pointer--;
          if (!stateOverride && isWindowsDriveLetter(buffer)) {
            // The buffer is kept: it becomes the first path segment.
            state = PATH;
          } else if (buffer === '') {
            url.host = '';
            if (stateOverride) return;
            state = PATH_START;
          } else {
            let host = parseHost(buffer, !special);
            if (host === FAILURE) return FAILURE;
            if (host === 'localhost') host = '';
            url.host = host;
            if (stateOverride) return;
            buffer = '';
            state = PATH_START;
          }
        } else {
          buffer += input[pointer];
        }
        break;

      case PATH_START:
        if (special) {
          state = PATH;
          if (c !== 0x2F && c !== 0x5C) pointer--;
        } else if (!stateOverride && c === 0x3F) {
          url.query = '';
          state = QUERY;
        } else if (!stateOverride && c === 0x23) {
          url.fragment = '';
          state = FRAGMENT;
        } else if (c !== EOF) {
          state = PATH;
          if (c !== 0x2F) pointer--;
        } else if (stateOverride && url.host === null) {
          url.path.push('');
        }
        break;

      case PATH: {
        const slash = c === 0x2F || (special && c === 0x5C);
        if (c === EOF || slash ||
            (!stateOverride && (c === 0x3F || c === 0x23))) {
          if (isDoubleDot(buffer)) {
            // As in Node 18, a final '..' that finds a non-special URL's
            // path already empty leaves it empty.
            const wasEmpty = url.path.length === 0;
            shortenPath(url);
            if (!slash && (special || !wasEmpty)) url.path.push('');
          } else if (isSingleDot(buffer)) {
            if (!slash) url.path.push('');
          } else {
            if (url.scheme === 'file' && url.path.length === 0 &&
                isWindowsDriveLetter(buffer)) {
              buffer = buffer[0] + ':';
            }
            url.path.push(percentEncode(buffer, PATH_SET));
          }
          buffer = '';
          if (c === 0x3F) {
            url.query = '';
            state = QUERY;
          } else if (c === 0x23) {
            url.fragment = '';
            state = FRAGMENT;
          }
        } else {
          // Take the whole run up to the next delimiter at once.
          const delimiters = stateOverride ?
            (special ? kPathEndSpecialOverride : kPathEndOverride) :
            (special ? kPathEndSpecial : kPathEnd);
          delimiters.lastIndex = pointer;
          const end = delimiters.test(input) ?
            delimiters.lastIndex - 1 : length;
          buffer += input.slice(pointer, end);
          pointer = end - 1;
        }
        break;
      }

      case OPAQUE_PATH:
        if (c === 0x3F) {
          url.query = '';
          state = QUERY;
        } else if (c === 0x23) {
          url.fragment = '';
          state = FRAGMENT;
        } else if (c !== EOF) {
          let end = pointer;
          while (end < length && input[end] !== '?' && input[end] !== '#') {
            end++;
          }
          url.path += percentEncode(input.slice(pointer, end),
                                    C0_CONTROL_SET);
          pointer = end - 1;
        }
        break;

      case QUERY:
        if ((!stateOverride && c === 0x23) || c === EOF) {
          url.query += percentEncode(buffer,
                                     special ? SPECIAL_QUERY_SET : QUERY_SET);
          buffer = '';
          if (c === 0x23) {
            url.fragment = '';
            state = FRAGMENT;
          }
        } else {
          let end = stateOverride ? -1 : input.indexOf('#', pointer);
          if (end === -1) end = length;
          buffer += input.slice(pointer, end);
          pointer = end - 1;
        }
        break;

      case FRAGMENT:
        if (c !== EOF) {
          url.fragment += percentEncode(input.slice(pointer), FRAGMENT_SET);
          pointer = length - 1;
        }
        break;
    }
    if (pointer >= length) break;
    pointer++;
  }
  return stateOverride ? undefined : url;
}

// ---------------------------------------------------------------------------
// Serialization

// Scheme types as Node reports them in URLContext.
const kSchemeTypes = {
  __proto__: null,
  'http': 0,
  'https': 2,
  'ws': 3,
  'ftp': 4,
  'wss': 5,
  'file': 6,
};

const kOmitted = 4294967295;

// Node's view of a URL: its href and where each component starts.
class URLContext {
  href = '';
  protocol_end = 0;
  username_end = 0;
  host_start = 0;
  host_end = 0;
  pathname_start = 0;
  search_start = 0;
  hash_start = 0;
  port = 0;
  scheme_type = 1;

  get hasPort() {
    return this.port !== kOmitted;
  }

  get hasSearch() {
    return this.search_start !== kOmitted;
  }

  get hasHash() {
    return this.hash_start !== kOmitted;
  }
}

function serializePath(url) {
  if (hasOpaquePath(url)) return url.path;
  let output = '';
  for (const segment of url.path) output += '/' + segment;
  return output;
}

// Serialize url into a new URLContext.
function serialize(url) {
  const ctx = new URLContext();
  let output = url.scheme + ':';
  ctx.protocol_end = output.length;
  ctx.scheme_type = kSchemeTypes[url.scheme] ?? 1;
  if (url.host !== null) {
    output += '//';
    ctx.username_end = output.length;
    if (includesCredentials(url)) {
      output += url.username;
      ctx.username_end = output.length;
      if (url.password !== '') output += ':' + url.password;
      ctx.host_start = output.length;
      output += '@';
    } else {
      ctx.host_start = output.length;
    }
    output += url.host;
    ctx.host_end = output.length;
    if (url.port !== null) output += ':' + url.port;
  } else {
    ctx.username_end = ctx.host_start = ctx.host_end = output.length;
    if (!hasOpaquePath(url) && url.path.length > 1 && url.path[0] === '') {
      output += '/.';
    }
  }
  ctx.port = url.port === null ? kOmitted : url.port;
  ctx.pathname_start = output.length;
  output += serializePath(url);
  ctx.search_start = kOmitted;
  if (url.query !== null) {
    ctx.search_start = output.length;
    output += '?' + url.query;
  }
  ctx.hash_start = kOmitted;
  if (url.fragment !== null) {
    ctx.hash_start = output.length;
    output += '#' + url.fragment;
  }
  ctx.href = output;
  return ctx;
}

function serializeOrigin(url) {
  switch (url.scheme) {
    case 'blob': {
      // The origin of the URL in the path, for http(s) URLs only.
      const inner = basicParse(serializePath(url));
      if (inner !== FAILURE &&
          (inner.scheme === 'http' || inner.scheme === 'https')) {
        return serializeOrigin(inner);
      }
      return 'null';
    }
    case 'ftp':
    case 'http':
    case 'https':
    case 'ws':
    case 'wss':
      return `${url.scheme}://${url.host}` +
        (url.port === null ? '' : `:${url.port}`);
    default:
      return 'null';
  }
}

// With the query and fragment gone, spaces ending an opaque path would
// be lost on reparsing, so drop them.
function stripTrailingSpacesFromOpaquePath(url) {
  if (!hasOpaquePath(url) || url.fragment !== null || url.query !== null) {
    return;
  }
  url.path = url.path.replace(/ +$/, '');
}

// ---------------------------------------------------------------------------
// application/x-www-form-urlencoded

function formDecode(str) {
  return percentDecodeString(str.includes('+') ? str.replace(/\+/g, ' ') :
    str);
}

// Parse into a flat [name, value, name, value, ...] list.
function parseParams(input) {
  const list = [];
  if (input === '') return list;
  for (const sequence of input.split('&')) {
    if (sequence === '') continue;
    const eq = sequence.indexOf('=');
    const name = eq === -1 ? sequence : sequence.slice(0, eq);
    const value = eq === -1 ? '' : sequence.slice(eq + 1);
    list.push(formDecode(name), formDecode(value));
  }
  return list;
}

function serializeParams(list) {
  let output = '';
  for (let i = 0; i < list.length; i += 2) {
    if (i !== 0) output += '&';
    output += percentEncode(list[i], FORM_SET, true) + '=' +
      percentEncode(list[i + 1], FORM_SET, true);
  }
  return output;
}

// ---------------------------------------------------------------------------
// URLSearchParams

let isURLSearchParamsThis;
let getParamsList;
let setParamsList;
let linkParamsToURL;

// Run the URL's update steps after the list changed.
let updateURLQuery;

function measure(str) {
  return lazyInspect().stripVTControlCharacters(str).length;
}

class URLSearchParams {
  #list = [];
  #url = null;

  static {
    isURLSearchParamsThis = (obj) => {
      return typeof obj === 'object' && obj !== null && #list in obj;
    };
    getParamsList = (params) => params.#list;
    setParamsList = (params, list) => {
      params.#list = list;
      params[kQuery] = list;
    };
    linkParamsToURL = (params, url) => {
      params.#url = url;
      params[kContext] = url;
    };
  }

  constructor(init = undefined) {
    if (init === undefined || init === null) {
      // Nothing to add.
    } else if (typeof init === 'object' || typeof init === 'function') {
      const method = init[Symbol.iterator];
      if (method === this[Symbol.iterator] && #list in init) {
        this.#list = init.#list.slice();
      } else if (method !== undefined && method !== null) {
        if (typeof method !== 'function') {
          throw new ERR_ARG_NOT_ITERABLE('Query pairs');
        }
        for (const pair of init) {
          if ((typeof pair !== 'object' && typeof pair !== 'function') ||
              pair === null || typeof pair[Symbol.iterator] !== 'function') {
            throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          }
          const converted = [];
          for (const element of pair) converted.push(toUSVString(element));
          if (converted.length !== 2) {
            throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          }
          this.#list.push(converted[0], converted[1]);
        }
      } else {
        // A record: its own enumerable properties.
        for (const key of Reflect.ownKeys(init)) {
          const desc = Reflect.getOwnPropertyDescriptor(init, key);
          if (desc === undefined || !desc.enumerable) continue;
          this.#list.push(toUSVString(key), toUSVString(init[key]));
        }
      }
    } else {
      let str = toUSVString(init);
      if (str[0] === '?') str = str.slice(1);
      this.#list = parseParams(str);
    }
    this[kQuery] = this.#list;
    this[kContext] = null;
  }

  #update() {
    if (this.#url !== null) updateURLQuery(this.#url, this.#list);
  }

  get size() {
    if (!isURLSearchParamsThis(this)) {
      throw new ERR_INVALID_THIS('URLSearchParams');
    }
    return this.#list.length / 2;
  }

  append(name, value) {
    if (!isURLSearchParamsThis(this)) {
      throw new ERR_INVALID_THIS('URLSearchParams');
    }
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    this.#list.push(toUSVString(name), toUSVString(value));
    this.#update();
  }

  delete(name, value = undefined) {
    if (!isURLSearchParamsThis(this)) {
      throw new ERR_INVALID_THIS('URLSearchParams');
    }
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this.#list;
    name = toUSVString(name);
    if (value !== undefined) {
      value = toUSVString(value);
      for (let i = 0; i < list.length;) {
        if (list[i] === name && list[i + 1] === value) {
          list.splice(i, 2);
        } else {
          i += 2;
        }
      }
    } else {
      for (let i = 0; i < list.length;) {
        if (list[i] === name) {
          list.splice(i, 2);
        } else {
          i += 2;
        }
      }
    }
    this.#update();
  }

  get(name) {
    if (!isURLSearchParamsThis(this)) {
      throw new ERR_INVALID_THIS('URLSearchParams');
    }
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this.#list;
    name = toUSVString(name);
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name) return list[i + 1];
    }
    return null;
  }

  getAll(name) {
    if (!isURLSearchParamsThis(this)) {
      throw new ERR_INVALID_THIS('URLSearchParams');
    }
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this.#list;
    const values = [];
    name = toUSVString(name);
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name) values.push(list[i + 1]);
    }
    return values;
  }

  has(name, value = undefined) {
    if (!isURLSearchParamsThis(this)) {
      throw new ERR_INVALID_THIS('URLSearchParams');
    }
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this.#list;
    name = toUSVString(name);
    if (value !== undefined) value = toUSVString(value);
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name && (value === undefined || list[i + 1] === value)) {
        return true;
      }
    }
    return false;
  }

  set(name, value) {
    if (!isURLSearchParamsThis(this)) {
      throw new ERR_INVALID_THIS('URLSearchParams');
    }
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    const list = this.#list;
    name = toUSVString(name);
    value = toUSVString(value);
    // The first pair named `name` takes the value; later ones go.
    let found = false;
    for (let i = 0; i < list.length;) {
      if (list[i] !== name) {
        i += 2;
      } else if (!found) {
        list[i + 1] = value;
        found = true;
        i += 2;
      } else {
        list.splice(i, 2);
      }
    }
    if (!found) list.push(name, value);
    this.#update();
  }

  sort() {
    if (!isURLSearchParamsThis(this)) {
      throw new ERR_INVALID_THIS('URLSearchParams');
    }
    const list = this.#list;
    const pairs = [];
    for (let i = 0; i < list.length; i += 2) {
      pairs.push([list[i], list[i + 1]]);
    }
    // Stable, by UTF-16 code units of the names.
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (let i = 0; i < pairs.length; i++) {
      list[2 * i] = pairs[i][0];
      list[2 * i + 1] = pairs[i][1];
    }
    this.#update();
  }

  entries() {
    if (!isURLSearchParamsThis(this)) {
      throw new ERR_INVALID_THIS('URLSearchParams');
    }
    return new URLSearchParamsIterator(this, 'key+value');
  }

  forEach(callback, thisArg = undefined) {
    if (!isURLSearchParamsThis(this)) {
      throw new ERR_INVALID_THIS('URLSearchParams');
    }
    if (typeof callback !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
    }
    // The list is read afresh each step: changes made by the callback
    // are seen.
    for (let i = 0; i < this.#list.length; i += 2) {
      const list = this.#list;
      Reflect.apply(callback, thisArg, [list[i + 1], list[i], this]);
    }
  }

  keys() {
    if (!isURLSearchParamsThis(this)) {
      throw new ERR_INVALID_THIS('URLSearchParams');
    }
    return new URLSearchParamsIterator(this, 'key');
  }

  values() {
    if (!isURLSearchParamsThis(this)) {
      throw new ERR_INVALID_THIS('URLSearchParams');
    }
    return new URLSearchParamsIterator(this, 'value');
  }

  toString() {
    if (!isURLSearchParamsThis(this)) {
      throw new ERR_INVALID_THIS('URLSearchParams');
    }
    return serializeParams(this.#list);
  }

  [kInspect](recurseTimes, ctx) {
    if (!isURLSearchParamsThis(this)) {
      throw new ERR_INVALID_THIS('URLSearchParams');
    }
    if (typeof recurseTimes === 'number' && recurseTimes < 0) {
      return ctx.stylize('[Object]', 'special');
    }
    const { inspect } = lazyInspect();
    const innerOpts = { ...ctx };
    if (recurseTimes !== null) innerOpts.depth = recurseTimes - 1;
    const list = this.#list;
    const output = [];
    for (let i = 0; i < list.length; i += 2) {
      output.push(`${inspect(list[i], innerOpts)} => ` +
                  `${inspect(list[i + 1], innerOpts)}`);
    }
    const name = this.constructor.name;
    if (output.length === 0) return `${name} {}`;
    let length = 2 * (output.length - 1);
    for (const item of output) length += measure(item);
    if (length > ctx.breakLength) {
      return `${name} {\n  ${output.join(',\n  ')} }`;
    }
    return `${name} { ${output.join(', ')} }`;
  }
}

Object.defineProperties(URLSearchParams.prototype, {
  [Symbol.toStringTag]: { value: 'URLSearchParams', configurable: true },
  [Symbol.iterator]: {
    value: URLSearchParams.prototype.entries,
    writable: true,
    configurable: true,
  },
});
for (const name of ['size', 'append', 'delete', 'get', 'getAll', 'has',
  'set', 'sort', 'entries', 'forEach', 'keys', 'values', 'toString']) {
  const desc = Object.getOwnPropertyDescriptor(URLSearchParams.prototype,
                                               name);
  desc.enumerable = true;
  Object.defineProperty(URLSearchParams.prototype, name, desc);
}

// The %IteratorPrototype% every built-in iterator inherits from.
const IteratorPrototype =
  Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));

class URLSearchParamsIterator {
  #params;
  #kind;
  #index = 0;

  constructor(params, kind) {
    this.#params = params;
    this.#kind = kind;
  }

  #item(i) {
    const list = getParamsList(this.#params);
    switch (this.#kind) {
      case 'key': return list[i];
      case 'value': return list[i + 1];
      default: return [list[i], list[i + 1]];
    }
  }

  next() {
    if (typeof this !== 'object' || this === null || !(#index in this)) {
      throw new ERR_INVALID_THIS('URLSearchParamsIterator');
    }
    const list = getParamsList(this.#params);
    if (this.#index >= list.length) return { value: undefined, done: true };
    const value = this.#item(this.#index);
    this.#index += 2;
    return { value, done: false };
  }

  [kInspect](recurseTimes, ctx) {
    if (typeof this !== 'object' || this === null || !(#index in this)) {
      throw new ERR_INVALID_THIS('URLSearchParamsIterator');
    }
    if (typeof recurseTimes === 'number' && recurseTimes < 0) {
      return ctx.stylize('[Object]', 'special');
    }
    const { inspect } = lazyInspect();
    const innerOpts = { ...ctx };
    if (recurseTimes !== null) innerOpts.depth = recurseTimes - 1;
    const list = getParamsList(this.#params);
    const output = [];
    for (let i = this.#index; i < list.length; i += 2) {
      output.push(inspect(this.#item(i), innerOpts));
    }
    const tag = 'URLSearchParams Iterator';
    if (output.length === 0) return `${tag} {  }`;
    let multiline;
    if (recurseTimes === 0) {
      multiline = false;
    } else if (ctx.compact === false) {
      multiline = true;
    } else {
      // Node measures the items as it would an array's entries.
      let length = 2 * (output.length - 1);
      for (const item of output) length += measure(item);
      if (ctx.compact !== true) length += 13;
      multiline = length > ctx.breakLength;
    }
    if (multiline) return `${tag} {\n  ${output.join(',\n  ')} }`;
    return `${tag} { ${output.join(', ')} }`;
  }
}

// Shape the prototype as Node's: next, @@toStringTag, then the inspect
// hook, and no constructor.
{
  const proto = URLSearchParamsIterator.prototype;
  const inspectHook = proto[kInspect];
  delete proto[kInspect];
  delete proto.constructor;
  Object.setPrototypeOf(proto, IteratorPrototype);
  Object.defineProperties(proto, {
    next: { enumerable: true },
    [Symbol.toStringTag]: {
      value: 'URLSearchParams Iterator',
      configurable: true,
    },
    [kInspect]: { value: inspectHook, writable: true, configurable: true },
  });
}

// ---------------------------------------------------------------------------
// URL

let isURLThis;
let getURLRecord;

// Blob URLs made by URL.createObjectURL(): id -> blob.
const blobStore = new Map();

// A version 4 UUID (not for security: the ids only name blobs).
function randomUUID() {
  let hex = '';
  for (let i = 0; i < 32; i++) {
    let digit = Math.floor(Math.random() * 16);
    if (i === 12) digit = 4;
    if (i === 16) digit = 8 + (digit & 3);
    hex += digit.toString(16);
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-` +
    `${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// The blob a blob:nodedata: URL made by URL.createObjectURL() names, or
// undefined (for buffer.resolveObjectURL()).
function resolveObjectURL(url) {
  const record = basicParse(toUSVString(url));
  if (record === FAILURE || record.scheme !== 'blob') return undefined;
  const pathname = serializePath(record);
  if (!pathname.startsWith('nodedata:')) return undefined;
  return blobStore.get(pathname.slice(9));
}

function checkURLThis(self) {
  if (!isURLThis(self)) throw new ERR_INVALID_THIS('URL');
}

class URL {
  #url;
  #context;
  #searchParams = null;

  static {
    isURLThis = (obj) => {
      return typeof obj === 'object' && obj !== null && #url in obj;
    };
    getURLRecord = (url) => url.#url;
    updateURLQuery = (url, list) => {
      const serialized = serializeParams(list);
      const record = url.#url;
      if (serialized === '') {
        record.query = null;
        stripTrailingSpacesFromOpaquePath(record);
      } else {
        record.query = serialized;
      }
      url.#changed(false);
    };
  }

  constructor(input, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    input = toUSVString(input);
    let baseRecord = null;
    if (base !== undefined) {
      baseRecord = basicParse(toUSVString(base));
      if (baseRecord === FAILURE) throw new ERR_INVALID_URL(input);
    }
    const url = basicParse(input, baseRecord);
    if (url === FAILURE) throw new ERR_INVALID_URL(input);
    this.#url = url;
    this.#changed(false);
  }

  // Re-serialize after the record changed; with queryChanged, also
  // refill the linked URLSearchParams.
  #changed(queryChanged) {
    this.#context = serialize(this.#url);
    this[kContext] = this.#context;
    if (queryChanged && this.#searchParams !== null) {
      const query = this.#url.query;
      setParamsList(this.#searchParams,
                    query === null ? [] : parseParams(query));
    }
  }

  toString() {
    checkURLThis(this);
    return this.#context.href;
  }

  get href() {
    checkURLThis(this);
    return this.#context.href;
  }

  set href(value) {
    checkURLThis(this);
    value = toUSVString(value);
    const url = basicParse(value);
    if (url === FAILURE) throw new ERR_INVALID_URL(value);
    this.#url = url;
    this.#changed(true);
  }

  get origin() {
    checkURLThis(this);
    return serializeOrigin(this.#url);
  }

  get protocol() {
    checkURLThis(this);
    return this.#url.scheme + ':';
  }

  set protocol(value) {
    checkURLThis(this);
    basicParse(toUSVString(value) + ':', null, this.#url, SCHEME_START);
    this.#changed(false);
  }

  get username() {
    checkURLThis(this);
    return this.#url.username;
  }

  set username(value) {
    checkURLThis(this);
    value = toUSVString(value);
    if (cannotHaveCredentialsOrPort(this.#url)) return;
    this.#url.username = percentEncode(value, USERINFO_SET);
    this.#changed(false);
  }

  get password() {
    checkURLThis(this);
    return this.#url.password;
  }

  set password(value) {
    checkURLThis(this);
    value = toUSVString(value);
    if (cannotHaveCredentialsOrPort(this.#url)) return;
    this.#url.password = percentEncode(value, USERINFO_SET);
    this.#changed(false);
  }

  get host() {
    checkURLThis(this);
    const url = this.#url;
    if (url.host === null) return '';
    if (url.port === null) return url.host;
    return `${url.host}:${url.port}`;
  }

  set host(value) {
    checkURLThis(this);
    value = toUSVString(value);
    if (hasOpaquePath(this.#url)) return;
    basicParse(value, null, this.#url, HOST);
    this.#changed(false);
  }

  get hostname() {
    checkURLThis(this);
    const host = this.#url.host;
    return host === null ? '' : host;
  }

  set hostname(value) {
    checkURLThis(this);
    value = toUSVString(value);
    if (hasOpaquePath(this.#url)) return;
    basicParse(value, null, this.#url, HOSTNAME);
    this.#changed(false);
  }

  get port() {
    checkURLThis(this);
    const port = this.#url.port;
    return port === null ? '' : `${port}`;
  }

  set port(value) {
    checkURLThis(this);
    value = toUSVString(value);
    const url = this.#url;
    if (cannotHaveCredentialsOrPort(url)) return;
    if (value === '') {
      url.port = null;
    } else {
      basicParse(value, null, url, PORT);
    }
    this.#changed(false);
  }

  get pathname() {
    checkURLThis(this);
    return serializePath(this.#url);
  }

  set pathname(value) {
    checkURLThis(this);
    value = toUSVString(value);
    const url = this.#url;
    if (hasOpaquePath(url)) return;
    url.path = [];
    basicParse(value, null, url, PATH_START);
    this.#changed(false);
  }

  get search() {
    checkURLThis(this);
    const query = this.#url.query;
    return query === null || query === '' ? '' : `?${query}`;
  }

  set search(value) {
    checkURLThis(this);
    value = toUSVString(value);
    const url = this.#url;
    if (value === '') {
      url.query = null;
      stripTrailingSpacesFromOpaquePath(url);
    } else {
      url.query = '';
      basicParse(value[0] === '?' ? value.slice(1) : value, null, url, QUERY);
    }
    this.#changed(true);
  }

  get searchParams() {
    checkURLThis(this);
    if (this.#searchParams === null) {
      const params = new URLSearchParams();
      const query = this.#url.query;
      setParamsList(params, query === null ? [] : parseParams(query));
      linkParamsToURL(params, this);
      this.#searchParams = params;
    }
    return this.#searchParams;
  }

  get hash() {
    checkURLThis(this);
    const fragment = this.#url.fragment;
    return fragment === null || fragment === '' ? '' : `#${fragment}`;
  }

  set hash(value) {
    checkURLThis(this);
    value = toUSVString(value);
    const url = this.#url;
    if (value === '') {
      url.fragment = null;
      stripTrailingSpacesFromOpaquePath(url);
    } else {
      url.fragment = '';
      basicParse(value[0] === '#' ? value.slice(1) : value, null, url,
                 FRAGMENT);
    }
    this.#changed(false);
  }

  toJSON() {
    checkURLThis(this);
    return this.#context.href;
  }

  [kInspect](depth, opts) {
    checkURLThis(this);
    if (typeof depth === 'number' && depth < 0) return this;
    const obj = {
      href: this.href,
      origin: this.origin,
      protocol: this.protocol,
      username: this.username,
      password: this.password,
      host: this.host,
      hostname: this.hostname,
      port: this.port,
      pathname: this.pathname,
      search: this.search,
      searchParams: this.searchParams,
      hash: this.hash,
    };
    if (opts.showHidden) obj[kContext] = this.#context;
    return `${this.constructor.name} ${lazyInspect().inspect(obj, opts)}`;
  }

  static canParse(url, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    url = toUSVString(url);
    let baseRecord = null;
    if (base !== undefined) {
      baseRecord = basicParse(toUSVString(base));
      if (baseRecord === FAILURE) return false;
    }
    return basicParse(url, baseRecord) !== FAILURE;
  }

  static createObjectURL(obj) {
    const Blob = globalThis.Blob;
    if (typeof Blob !== 'function' || !(obj instanceof Blob)) {
      throw new ERR_INVALID_ARG_TYPE('obj', 'Blob', obj);
    }
    const id = randomUUID();
    blobStore.set(id, obj);
    return `blob:nodedata:${id}`;
  }

  static revokeObjectURL(url) {
    const record = basicParse(toUSVString(url));
    if (record === FAILURE || record.scheme !== 'blob') return;
    const pathname = serializePath(record);
    if (pathname.startsWith('nodedata:')) {
      blobStore.delete(pathname.slice(9));
    }
  }
}

Object.defineProperty(URL.prototype, Symbol.toStringTag, {
  value: 'URL',
  configurable: true,
});
for (const name of ['toString', 'href', 'origin', 'protocol', 'username',
  'password', 'host', 'hostname', 'port', 'pathname', 'search',
  'searchParams', 'hash', 'toJSON']) {
  const desc = Object.getOwnPropertyDescriptor(URL.prototype, name);
  desc.enumerable = true;
  Object.defineProperty(URL.prototype, name, desc);
}
for (const name of ['canParse', 'createObjectURL', 'revokeObjectURL']) {
  const desc = Object.getOwnPropertyDescriptor(URL, name);
  desc.enumerable = true;
  Object.defineProperty(URL, name, desc);
}

// ---------------------------------------------------------------------------
// Helpers for other modules

// Duck-typed check Node's fs uses: a WHATWG URL-like object, not a
// legacy url.parse() result (which has auth and path).
function isURL(self) {
  return Boolean(self != null && self.href && self.protocol &&
                 self.auth === undefined && self.path === undefined);
}

function fileURLToPath(path) {
  if (typeof path === 'string') {
    path = new URL(path);
  } else if (!isURLThis(path)) {
    throw new ERR_INVALID_ARG_TYPE('path', ['string', 'URL'], path);
  }
  if (path.protocol !== 'file:') throw new ERR_INVALID_URL_SCHEME('file');
  if (path.hostname !== '') {
    throw new ERR_INVALID_FILE_URL_HOST(process.platform);
  }
  const pathname = path.pathname;
  if (/%2f/i.test(pathname)) {
    throw new ERR_INVALID_FILE_URL_PATH(
      'must not include encoded / characters');
  }
  return decodeURIComponent(pathname);
}

function toPathIfFileURL(fileURLOrPath) {
  if (!isURL(fileURLOrPath)) return fileURLOrPath;
  return fileURLToPath(fileURLOrPath);
}

// Characters of a path the URL parser would not keep as they are: '%'
// would start an escape, '\' is a separator in file URLs, '?' and '#'
// start the query and fragment, and tabs and newlines are dropped.
const kPathChars = /[%\\\n\r\t?#]/g;
const kPathCharEscapes = {
  '%': '%25',
  '\\': '%5C',
  '\n': '%0A',
  '\r': '%0D',
  '\t': '%09',
  '?': '%3F',
  '#': '%23',
};

function pathToFileURL(filepath) {
  if (typeof filepath !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('path', 'string', filepath);
  }
  let resolved = path.resolve(filepath);
  // path.resolve() drops a trailing slash; keep it.
  if (filepath.endsWith('/') && !resolved.endsWith('/')) resolved += '/';
  return new URL(`file://${resolved.replace(kPathChars,
                                             (c) => kPathCharEscapes[c])}`);
}

// The options object http.request() takes, from a URL.
function urlToHttpOptions(url) {
  const { hostname, pathname, search } = url;
  const options = {
    __proto__: null,
    ...url,
    protocol: url.protocol,
    hostname: typeof hostname === 'string' && hostname.startsWith('[') ?
      hostname.slice(1, -1) : hostname,
    hash: url.hash,
    search: search,
    pathname: pathname,
    path: `${pathname || ''}${search || ''}`,
    href: url.href,
  };
  if (url.port !== '') options.port = Number(url.port);
  if (url.username || url.password) {
    options.auth = `${decodeURIComponent(url.username)}:` +
      `${decodeURIComponent(url.password)}`;
  }
  return options;
}

// Run the hostname setter on a ws: URL: the host as a URL would hold
// it, or '' when it is not a valid host.
function hostFromDomain(domain) {
  const url = basicParse('ws://x');
  if (basicParse(toUSVString(domain), null, url, HOSTNAME) === FAILURE) {
    return '';
  }
  return url.host;
}

function domainToASCII(domain) {
  if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain');
  return hostFromDomain(domain);
}

// xn-- labels of an ASCII host to Unicode; a label that does not decode
// stays as it is.
function hostToUnicode(host) {
  if (!kXnLabel.test(host)) return host;
  return host.split('.').map((label) => {
    if (!label.startsWith('xn--')) return label;
    try {
      return punycode.decode(label.slice(4));
    } catch {
      return label;
    }
  }).join('.');
}

function domainToUnicode(domain) {
  if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain');
  return hostToUnicode(hostFromDomain(domain));
}

// url.format() of a WHATWG URL: its href without the parts the options
// leave out.
function formatURL(url, fragment, unicode, search, auth) {
  const record = cloneRecord(getURLRecord(url));
  if (!fragment) record.fragment = null;
  if (!search) record.query = null;
  if (!auth) {
    record.username = '';
    record.password = '';
  }
  if (unicode && record.host !== null) {
    record.host = hostToUnicode(record.host);
  }
  return serialize(record).href;
}

module.exports = {
  URL,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,
  fileURLToPath,
  formatURL,
  isURL,
  isURLInstance: (value) => isURLThis(value),
  legacyHostToASCII,
  pathToFileURL,
  resolveObjectURL,
  toPathIfFileURL,
  toUSVString,
  urlToHttpOptions,
  // For tests and lib/url.js.
  percentEncode,
  percentDecodeString,
  hostToUnicode,
  utf8Decode,
};
