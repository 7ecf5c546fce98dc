'use strict';

// TextEncoder and TextDecoder (the WHATWG Encoding Standard) for the
// encodings this runtime decodes without ICU: UTF-8, UTF-16LE/BE and
// windows-1252 (which every "latin1"/"ascii" label means on the web).
// src/encoding.c does the byte work; this file keeps the labels, the
// options, and the state of a streaming decoder.

const {
  codes: {
    ERR_ENCODING_NOT_SUPPORTED,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');
const { validateObject, validateString } = require('internal/validators');
const { inspect } = require('internal/util/inspect');

const {
  encodeUtf8,
  encodeInto: encodeIntoNative,
  decodeUtf8,
  decodeUtf16,
  decodeLatin1,
} = internalBinding('encoding');

const { isAnyArrayBuffer } = internalBinding('types');

/*
 * Labels. Each label Node 18 accepts for these encodings, mapped to the
 * encoding's name.
 */

const kLabels = new Map();
function addLabels(encoding, labels) {
  for (const label of labels) kLabels.set(label, encoding);
}
addLabels('utf-8', ['unicode-1-1-utf-8', 'utf-8', 'utf8']);
addLabels('utf-16le', ['utf-16', 'utf-16le']);
addLabels('utf-16be', ['utf-16be']);
addLabels('windows-1252', [
  'ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1', 'ibm819',
  'iso-8859-1', 'iso-ir-100', 'iso8859-1', 'iso88591', 'iso_8859-1',
  'iso_8859-1:1987', 'l1', 'latin1', 'us-ascii', 'windows-1252', 'x-cp1252',
]);

// The standard trims ASCII whitespace (not \v) and ignores ASCII case.
function getEncodingFromLabel(label) {
  const key = label.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '')
    .replace(/[A-Z]+/g, (s) => s.toLowerCase());
  return kLabels.get(key);
}

// %TypedArray%.prototype[@@toStringTag] names the element type of a typed
// array and is undefined for anything else, subclasses and realms aside.
const typedArrayTag = Function.prototype.call.bind(
  Object.getOwnPropertyDescriptor(
    Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get);

function isUint8Array(value) {
  return typedArrayTag(value) === 'Uint8Array';
}

// The name of the class an encoder or decoder was made by (a subclass
// included).
function className(self, fallback) {
  const proto = Object.getPrototypeOf(self);
  const ctor = proto !== null ? proto.constructor : undefined;
  return typeof ctor === 'function' && ctor.name ? ctor.name : fallback;
}

// What util.inspect prints for one nested deeper than its depth option:
// "[TextDecoder]", or "[Sub [TextDecoder]]" for a subclass.
function depthExceeded(self, base, options) {
  const name = className(self, base);
  const shown = name === base ? name : `${name} [${base}]`;
  return options.stylize(`[${shown}]`, 'special');
}

/*
 * TextEncoder
 */

// Where the native encodeInto puts [read, written].
const encodeResults = new Uint32Array(2);

// Strings of up to kShortString units (3 bytes each at most) are encoded
// into this scratch buffer and copied out: a typed array of 64 bytes or
// less lives on the JS heap and costs far less to make than the external
// buffer that encodeUtf8 has to allocate.
const kShortString = 21;
const shortScratch = new Uint8Array(new ArrayBuffer(64));

function encodeShort(str) {
  encodeIntoNative(str, shortScratch, encodeResults);
  const size = encodeResults[1];
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = shortScratch[i];
  return out;
}

class TextEncoder {
  // Only objects made by this constructor pass the brand check.
  #brand = true;

  static #check(self) {
    if (self === null || typeof self !== 'object' || !(#brand in self)) {
      throw new ERR_INVALID_THIS('TextEncoder');
    }
  }

  get encoding() {
    TextEncoder.#check(this);
    return 'utf-8';
  }

  encode(input = '') {
    TextEncoder.#check(this);
    const str = `${input}`;
    return str.length <= kShortString ? encodeShort(str) : encodeUtf8(str);
  }

  encodeInto(src, dest) {
    TextEncoder.#check(this);
    validateString(src, 'src');
    if (!isUint8Array(dest)) {
      throw new ERR_INVALID_ARG_TYPE('dest', 'Uint8Array', dest);
    }
    encodeIntoNative(src, dest, encodeResults);
    return { read: encodeResults[0], written: encodeResults[1] };
  }

  [inspect.custom](depth, options) {
    TextEncoder.#check(this);
    if (typeof depth === 'number' && depth < 0) {
      return depthExceeded(this, 'TextEncoder', options);
    }
    // Node prints a plain object here, without the class name.
    return { encoding: this.encoding };
  }
}

/*
 * TextDecoder
 */

const kEmpty = new Uint8Array(0);

// Node throws this one from C++: a plain TypeError with a code, and a
// message without the usual "Received ..." part.
function notBytes(name) {
  const err = new TypeError(`The "${name}" argument must be an instance ` +
    'of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.');
  err.code = 'ERR_INVALID_ARG_TYPE';
  return err;
}

// The bytes of an ArrayBuffer, SharedArrayBuffer or view as a Uint8Array.
function toUint8Array(input) {
  if (isUint8Array(input)) return input;
  if (ArrayBuffer.isView(input)) {
    return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  }
  return new Uint8Array(input);
}

// How many bytes at the end of buf begin a UTF-8 sequence that more input
// could still complete. A sequence already known to be malformed is not
// held back: it decodes (to U+FFFD) at once.
function utf8Pending(buf) {
  const len = buf.length;
  for (let k = 1; k <= 3 && k <= len; k++) {
    const b = buf[len - k];
    if (b < 0x80) return 0;
    if (b < 0xC0) continue;  // a continuation byte: look further back
    let size;
    let lower = 0x80;
    let upper = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
      size = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
      size = 3;
      if (b === 0xE0) lower = 0xA0;
      if (b === 0xED) upper = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      size = 4;
      if (b === 0xF0) lower = 0x90;
      if (b === 0xF4) upper = 0x8F;
    } else {
      return 0;
    }
    if (k >= size) return 0;
    if (k >= 2 && (buf[len - k + 1] < lower || buf[len - k + 1] > upper)) {
      return 0;
    }
    return k;
  }
  return 0;
}

// The same for UTF-16: an odd byte, and before it a lead surrogate that
// waits for its trail.
function utf16Pending(buf, bigEndian) {
  const len = buf.length;
  let keep = len & 1;
  const end = len - keep;
  if (end >= 2) {
    const unit = bigEndian ? (buf[end - 2] << 8) | buf[end - 1] :
      (buf[end - 1] << 8) | buf[end - 2];
    if (unit >= 0xD800 && unit <= 0xDBFF) keep += 2;
  }
  return keep;
}

const kUtf8 = 0;
const kUtf16le = 1;
const kUtf16be = 2;
const kWindows1252 = 3;
const kKinds = {
  'utf-8': kUtf8,
  'utf-16le': kUtf16le,
  'utf-16be': kUtf16be,
  'windows-1252': kWindows1252,
};

class TextDecoder {
  #encoding;
  #kind;
  #fatal;
  #ignoreBOM;
  // Between calls of a stream: whether the last call had stream: true, the
  // bytes of an unfinished character, and whether the start of the stream
  // (where a BOM is dropped) has been decoded.
  #streaming = false;
  #pending = null;
  #bomSeen = false;
  #everStreamed = false;

  constructor(encoding = 'utf-8', options = {}) {
    encoding = `${encoding}`;
    validateObject(options, 'options', {
      nullable: true,
      allowArray: true,
      allowFunction: true,
    });
    const name = getEncodingFromLabel(encoding);
    if (name === undefined) throw new ERR_ENCODING_NOT_SUPPORTED(encoding);
    let fatal = false;
    let ignoreBOM = false;
    if (options !== null) {
      fatal = Boolean(options.fatal);
      ignoreBOM = Boolean(options.ignoreBOM);
    }
    this.#encoding = name;
    this.#kind = kKinds[name];
    this.#fatal = fatal;
    this.#ignoreBOM = ignoreBOM;
  }

  static #check(self) {
    if (self === null || typeof self !== 'object' || !(#kind in self)) {
      throw new ERR_INVALID_THIS('TextDecoder');
    }
  }

  decode(input = undefined, options = undefined) {
    TextDecoder.#check(this);
    const stream = options !== null && options !== undefined &&
      Boolean(options.stream);
    if (stream) this.#everStreamed = true;
    if (input === undefined) {
      input = kEmpty;
    } else if (!ArrayBuffer.isView(input) && !isAnyArrayBuffer(input)) {
      // Node's UTF-8 decoder calls its input "list" until it first streams.
      const utf8Whole = this.#kind === kUtf8 && !this.#everStreamed;
      throw notBytes(utf8Whole ? 'list' : 'input');
    }

    if (this.#kind === kWindows1252) return decodeLatin1(input, true);

    // A call after one without stream: true starts a new stream.
    if (!this.#streaming) {
      this.#pending = null;
      this.#bomSeen = false;
    }
    this.#streaming = stream;
    // The common case: one whole text in one call.
    if (!stream && this.#pending === null && !this.#bomSeen) {
      return this.#decodeWhole(input, this.#ignoreBOM);
    }

    let buf = toUint8Array(input);
    if (this.#pending !== null) {
      const joined = new Uint8Array(this.#pending.length + buf.length);
      joined.set(this.#pending);
      joined.set(buf, this.#pending.length);
      buf = joined;
    }
    let keep = 0;
    if (stream) {
      keep = this.#kind === kUtf8 ? utf8Pending(buf) :
        utf16Pending(buf, this.#kind === kUtf16be);
    }
    const whole = keep === 0 ? buf : buf.subarray(0, buf.length - keep);
    // A throw (fatal) drops the bytes of this call, those held back
    // included; what earlier calls decoded stays decoded, so the BOM state
    // is kept.
    this.#pending = null;
    const text = this.#decodeWhole(whole, this.#ignoreBOM || this.#bomSeen);
    if (keep !== 0) this.#pending = buf.slice(buf.length - keep);
    // Any complete bytes decode to something (a BOM included), so after
    // them a BOM is text.
    if (whole.length !== 0) this.#bomSeen = true;
    return text;
  }

  #decodeWhole(bytes, ignoreBOM) {
    switch (this.#kind) {
      case kUtf8:
        return decodeUtf8(bytes, ignoreBOM, this.#fatal);
      case kUtf16le:
        return decodeUtf16(bytes, ignoreBOM, this.#fatal, false);
      default:
        return decodeUtf16(bytes, ignoreBOM, this.#fatal, true);
    }
  }

  get encoding() {
    TextDecoder.#check(this);
    return this.#encoding;
  }

  get fatal() {
    TextDecoder.#check(this);
    return this.#fatal;
  }

  get ignoreBOM() {
    TextDecoder.#check(this);
    return this.#ignoreBOM;
  }

  [inspect.custom](depth, options) {
    TextDecoder.#check(this);
    if (typeof depth === 'number' && depth < 0) {
      return depthExceeded(this, 'TextDecoder', options);
    }
    // Node prints the attributes with default options (no colors), after
    // the class name.
    const shown = {
      encoding: this.#encoding,
      fatal: this.#fatal,
      ignoreBOM: this.#ignoreBOM,
    };
    return `${className(this, 'TextDecoder')} ${inspect(shown)}`;
  }
}

// The attributes and methods are enumerable on the prototypes, and the
// prototypes carry their class name as toStringTag, as in browsers.
for (const [cls, keys] of [
  [TextEncoder, ['encoding', 'encode', 'encodeInto']],
  [TextDecoder, ['decode', 'encoding', 'fatal', 'ignoreBOM']],
]) {
  for (const key of keys) {
    Object.defineProperty(cls.prototype, key, { enumerable: true });
  }
  Object.defineProperty(cls.prototype, Symbol.toStringTag, {
    value: cls.name,
    writable: false,
    enumerable: false,
    configurable: true,
  });
}

module.exports = {
  TextDecoder,
  TextEncoder,
  getEncodingFromLabel,
};
