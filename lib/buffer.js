'use strict';

// Buffer: Node's byte array, a Uint8Array with methods for text encodings
// and numbers. Instances are made by FastBuffer, a plain subclass of
// Uint8Array whose prototype Buffer shares, so `instanceof Buffer` holds and
// `Buffer()` itself is only the deprecated entry point.
//
// Byte work that is slow in JS (encoding and decoding strings, search,
// fill, comparison) is in src/buffer.c; numbers are read and written here,
// where V8 compiles the element accesses well.

const binding = internalBinding('buffer');
const types = internalBinding('types');
const {
  codes: {
    ERR_BUFFER_OUT_OF_BOUNDS,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_BUFFER_SIZE,
    ERR_MISSING_ARGS,
    ERR_OUT_OF_RANGE,
    ERR_UNKNOWN_ENCODING,
  },
} = require('internal/errors');

const kMaxLength = binding.kMaxLength;
const kStringMaxLength = binding.kStringMaxLength;
const {
  kUtf8, kUcs2, kLatin1, kAscii, kBase64, kBase64Url, kHex,
} = binding;

let INSPECT_MAX_BYTES = 50;

// The Uint8Array check V8 can inline: its toStringTag getter.
const typedArrayTag = Object.getOwnPropertyDescriptor(
  Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;
function isUint8Array(value) {
  return ArrayBuffer.isView(value) &&
    typedArrayTag.call(value) === 'Uint8Array';
}
function isTypedArray(value) {
  return ArrayBuffer.isView(value) && typedArrayTag.call(value) !== undefined;
}
function isAnyArrayBuffer(value) {
  return value instanceof ArrayBuffer ||
    (typeof SharedArrayBuffer === 'function' &&
     value instanceof SharedArrayBuffer) ||
    types.isAnyArrayBuffer(value);
}

// ---- Errors as the natives of Node word them -------------------------------

// Node throws a few errors from C++ with a code but free text; make the
// same: stack header `TypeError [CODE]: text`, and the `code` property.
function codedError(Base, code, message) {
  const err = new Base(message);
  Object.defineProperty(err, 'name', {
    value: `${Base.name} [${code}]`, configurable: true, writable: true,
  });
  // eslint-disable-next-line no-unused-expressions
  err.stack;
  delete err.name;
  err.code = code;
  return err;
}

function validateNumber(value, name) {
  if (typeof value !== 'number') {
    throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  }
}

// An offset or length argument: an integer in [min, max].
function validateOffset(value, name, min = 0, max = kMaxLength) {
  validateNumber(value, name);
  if (!Number.isInteger(value)) {
    throw new ERR_OUT_OF_RANGE(name, 'an integer', value);
  }
  if (value < min || value > max) {
    throw new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
  }
}

function validateSize(size) {
  validateNumber(size, 'size');
  if (!(size >= 0 && size <= kMaxLength)) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('size', size);
  }
}

// The error for a numeric read or write at a bad offset: not an integer,
// past the end, or a buffer too short for the value at all.
function boundsError(value, last, name = 'offset') {
  if (Math.floor(value) !== value) {
    validateNumber(value, name);
    throw new ERR_OUT_OF_RANGE(name, 'an integer', value);
  }
  if (last < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS();
  throw new ERR_OUT_OF_RANGE(name, `>= ${name === 'offset' ? 0 : 1} and ` +
                             `<= ${last}`, value);
}

// ---- Encodings --------------------------------------------------------------

// Canonical encoding ids by name; names are matched without case.
const encodingIds = {
  __proto__: null,
  'utf8': kUtf8, 'utf-8': kUtf8,
  'ucs2': kUcs2, 'ucs-2': kUcs2, 'utf16le': kUcs2, 'utf-16le': kUcs2,
  'latin1': kLatin1, 'binary': kLatin1,
  'base64': kBase64, 'base64url': kBase64Url,
  'hex': kHex, 'ascii': kAscii,
};

// The id of an encoding name, or undefined.
function encodingId(enc) {
  if (typeof enc !== 'string') return undefined;
  const id = encodingIds[enc];
  return id !== undefined ? id : encodingIds[enc.toLowerCase()];
}

// Like encodingId, but an unknown name throws ERR_UNKNOWN_ENCODING.
function requireEncoding(enc) {
  const id = encodingId(enc);
  if (id === undefined) throw new ERR_UNKNOWN_ENCODING(enc);
  return id;
}

// The bytes base64 text decodes to at most: trailing '=' do not count.
function base64ByteLength(str) {
  let n = str.length;
  if (n > 0 && str.charCodeAt(n - 1) === 0x3D) n--;
  if (n > 1 && str.charCodeAt(n - 1) === 0x3D) n--;
  return (n * 3) >>> 2;
}

function byteLengthOf(str, id) {
  switch (id) {
    case kUtf8: return binding.byteLengthUtf8(str);
    case kUcs2: return str.length * 2;
    case kHex: return str.length >>> 1;
    case kBase64:
    case kBase64Url: return base64ByteLength(str);
    default: return str.length;
  }
}

// ---- Allocation and the pool ------------------------------------------------

class FastBuffer extends Uint8Array {
  // Same arguments as Uint8Array; the constructor is here so that V8 sees
  // a subclass constructor it can inline.
  constructor(bufferOrLength, byteOffset, length) {
    super(bufferOrLength, byteOffset, length);
  }
}

// Small unsafe allocations are carved out of a shared pool, as in Node:
// many small Buffers then cost one ArrayBuffer.
let poolSize;  // of the current pool: Buffer.poolSize when it was made
let pool;
let poolOffset;

// The pool is shared by unrelated Buffers: a transfer list never moves it.
const { markAsUntransferable } = require('internal/worker/untransferable');

// While zeroFill[0] is 0 the allocator hands out memory without clearing
// it: for the unsafe allocations only, whose bytes are overwritten or are
// documented as arbitrary. --zero-fill-buffers keeps it at 1 for good.
const zeroFill = binding.zeroFill;
const zeroFillAlways =
  require('internal/options').getOptionValue('--zero-fill-buffers') === true;

function allocateUnsafeSlow(size) {
  if (zeroFillAlways) return new FastBuffer(size);
  zeroFill[0] = 0;
  try {
    return new FastBuffer(size);
  } finally {
    zeroFill[0] = 1;
  }
}

let poolBytes;  // all of the pool, for natives that write into it

function createPool() {
  poolSize = Buffer.poolSize;
  if (zeroFillAlways) {
    pool = new ArrayBuffer(poolSize);
  } else {
    zeroFill[0] = 0;
    try {
      pool = new ArrayBuffer(poolSize);
    } finally {
      zeroFill[0] = 1;
    }
  }
  markAsUntransferable(pool);
  poolBytes = new FastBuffer(pool);
  poolOffset = 0;
}

// Keep views in the pool 8-byte aligned, so Float64Array views work.
function alignPool() {
  if (poolOffset & 7) poolOffset = (poolOffset | 7) + 1;
}

// A buffer of `size` uninitialized bytes, from the pool when it is small.
function allocate(size) {
  if (size <= 0) return new FastBuffer();
  if (size < (Buffer.poolSize >>> 1)) {
    if (size > poolSize - poolOffset) createPool();
    const b = new FastBuffer(pool, poolOffset, size);
    poolOffset += size;
    alignPool();
    return b;
  }
  return allocateUnsafeSlow(size);
}

// Strings up to this long are decoded from base64 and hex in JS.
const kSmallText = 64;

// The value of each char code's low byte as a base64 character of either
// alphabet, and as a hex digit; -1 for anything else.
const base64Values = new Int8Array(256).fill(-1);
const hexValues = new Int8Array(256).fill(-1);
{
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  for (let i = 0; i < 62; i++) base64Values[abc.charCodeAt(i)] = i;
  base64Values[0x2B] = base64Values[0x2D] = 62;  // + -
  base64Values[0x2F] = base64Values[0x5F] = 63;  // / _
  for (let i = 0; i < 16; i++) {
    hexValues['0123456789abcdef'.charCodeAt(i)] = i;
    hexValues['0123456789ABCDEF'.charCodeAt(i)] = i;
  }
}

// Lenient base64 as the native reads it (characters outside both
// alphabets skipped, the first '=' ends it, each unit read by its low
// byte) into bytes[at, at + cap); returns the bytes written.
function base64ToBytes(string, bytes, at, cap) {
  let n = 0;
  let acc = 0;
  let have = 0;
  for (let i = 0; i < string.length && n < cap; i++) {
    const c = string.charCodeAt(i) & 255;
    if (c === 0x3D) break;
    const v = base64Values[c];
    if (v < 0) continue;
    acc = acc << 6 | v;
    if (++have === 4) {
      bytes[at + n++] = acc >> 16;
      if (n < cap) bytes[at + n++] = acc >> 8;
      if (n < cap) bytes[at + n++] = acc;
      acc = 0;
      have = 0;
    }
  }
  if (have >= 2 && n < cap) {
    acc <<= 6 * (4 - have);
    bytes[at + n++] = acc >> 16;
    if (have === 3 && n < cap) bytes[at + n++] = acc >> 8;
  }
  return n;
}

// Hex pairs into bytes[at, at + cap) until the first that is not one.
function hexToBytes(string, bytes, at, cap) {
  const pairs = Math.min(string.length >>> 1, cap);
  for (let i = 0; i < pairs; i++) {
    const hi = hexValues[string.charCodeAt(2 * i) & 255];
    const lo = hexValues[string.charCodeAt(2 * i + 1) & 255];
    if ((hi | lo) < 0) return i;
    bytes[at + i] = hi << 4 | lo;
  }
  return pairs;
}

// A short string's UTF-8 at bytes[at...] (room for 3 bytes a unit);
// returns the bytes written, or -1 at a surrogate, which the native
// writes (pairs, and U+FFFD for lone ones).
function utf8ToBytes(string, bytes, at) {
  let n = at;
  for (let i = 0; i < string.length; i++) {
    const c = string.charCodeAt(i);
    if (c < 0x80) {
      bytes[n++] = c;
    } else if (c < 0x800) {
      bytes[n++] = 0xC0 | c >> 6;
      bytes[n++] = 0x80 | c & 0x3F;
    } else if (c < 0xD800 || c > 0xDFFF) {
      bytes[n++] = 0xE0 | c >> 12;
      bytes[n++] = 0x80 | c >> 6 & 0x3F;
      bytes[n++] = 0x80 | c & 0x3F;
    } else {
      return -1;
    }
  }
  return n - at;
}

function fromStringFast(string, id) {
  // A short UTF-8 string is written straight into the pool, which saves
  // measuring it first: no UTF-16 unit takes more than 3 bytes.
  const most = string.length * 3;
  if (id === kUtf8 && most < (Buffer.poolSize >>> 1) && most !== 0) {
    if (most > poolSize - poolOffset) createPool();
    const start = poolOffset;
    let written = string.length <= kSmallText ?
      utf8ToBytes(string, poolBytes, start) : -1;
    if (written < 0) {
      written = binding.write(poolBytes, string, start, most, kUtf8);
    }
    poolOffset += written;
    alignPool();
    return new FastBuffer(pool, start, written);
  }
  if (id === kUtf8 && string.length >= (Buffer.poolSize >>> 1)) {
    // Too long for the pool whatever its bytes (each unit takes at least
    // one): measured and written by one native into a buffer of its own.
    return new FastBuffer(binding.fromUtf8(string));
  }
  const length = byteLengthOf(string, id);
  if (length === 0) return new FastBuffer();
  if (string.length <= kSmallText && length < (Buffer.poolSize >>> 1) &&
      (id === kBase64 || id === kBase64Url || id === kHex)) {
    // Short base64 and hex decode here, straight into the pool: cheaper
    // than the call into the native.
    if (length > poolSize - poolOffset) createPool();
    const start = poolOffset;
    const written = id === kHex ?
      hexToBytes(string, poolBytes, start, length) :
      base64ToBytes(string, poolBytes, start, length);
    poolOffset += written;
    alignPool();
    return new FastBuffer(pool, start, written);
  }
  let b;
  if (length >= (Buffer.poolSize >>> 1)) {
    b = allocateUnsafeSlow(length);
  } else {
    if (length > poolSize - poolOffset) createPool();
    b = new FastBuffer(pool, poolOffset, length);
  }
  const written = binding.write(b, string, 0, length, id);
  if (b.buffer === pool) {
    poolOffset += written;
    alignPool();
  } else if (written < length) {
    // Bytes past the result stay reachable through .buffer: clear them.
    b.fill(0, written);
  }
  // base64 and hex may decode to fewer bytes than estimated.
  return written === length ? b : new FastBuffer(b.buffer, b.byteOffset,
                                                 written);
}

function fromString(string, encoding) {
  let id = kUtf8;
  if (typeof encoding === 'string' && encoding.length !== 0) {
    id = requireEncoding(encoding);
  } else if (string.length === 0) {
    return new FastBuffer();
  }
  return fromStringFast(string, id);
}

function fromArrayBuffer(obj, byteOffset, length) {
  if (byteOffset === undefined) {
    byteOffset = 0;
  } else {
    byteOffset = +byteOffset;
    if (Number.isNaN(byteOffset)) byteOffset = 0;
  }
  const maxLength = obj.byteLength - byteOffset;
  if (maxLength < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
  if (length === undefined) {
    length = maxLength;
  } else {
    length = +length;
    if (length > 0) {
      if (length > maxLength) throw new ERR_BUFFER_OUT_OF_BOUNDS('length');
    } else {
      length = 0;
    }
  }
  return new FastBuffer(obj, byteOffset, length);
}

// Each element converted as a Uint8Array stores it (modulo 256).
function fromArrayLike(obj) {
  const length = obj.length;
  if (!(length > 0)) return new FastBuffer();
  const b = allocate(length);
  if (isUint8Array(obj)) {
    b.set(obj);
  } else {
    for (let i = 0; i < length; i++) b[i] = obj[i];
  }
  return b;
}

function fromObject(obj) {
  if (obj.length !== undefined || isAnyArrayBuffer(obj.buffer)) {
    if (typeof obj.length !== 'number') return new FastBuffer();
    return fromArrayLike(obj);
  }
  if (obj.type === 'Buffer' && Array.isArray(obj.data)) {
    return fromArrayLike(obj.data);
  }
  return undefined;
}

// ---- The Buffer function ----------------------------------------------------

let bufferWarned = false;
function showDeprecation() {
  if (bufferWarned) return;
  bufferWarned = true;
  process.emitWarning(
    'Buffer() is deprecated due to security and usability issues. Please ' +
    'use the Buffer.alloc(), Buffer.allocUnsafe(), or Buffer.from() ' +
    'methods instead.', 'DeprecationWarning', 'DEP0005');
}

// Buffer(arg, encodingOrOffset, length) and new Buffer(...): deprecated
// (DEP0005); a number allocates zeroed memory, anything else is from().
function Buffer(arg, encodingOrOffset, length) {
  showDeprecation();
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') {
      throw new ERR_INVALID_ARG_TYPE('string', 'string', arg);
    }
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}

Buffer.prototype = FastBuffer.prototype;
Object.defineProperty(Buffer.prototype, 'constructor', {
  value: Buffer, writable: true, enumerable: false, configurable: true,
});
Object.setPrototypeOf(Buffer, Uint8Array);
// Derived arrays (map, filter, subarray ...) are made by FastBuffer, not by
// the deprecated Buffer().
Object.defineProperty(Buffer, Symbol.species, {
  get() { return FastBuffer; }, enumerable: false, configurable: true,
});

Buffer.poolSize = 8 * 1024;
createPool();

Buffer.from = function from(value, encodingOrOffset, length) {
  if (typeof value === 'string') return fromString(value, encodingOrOffset);
  if (typeof value === 'object' && value !== null) {
    if (isAnyArrayBuffer(value)) {
      return fromArrayBuffer(value, encodingOrOffset, length);
    }
    const valueOf = value.valueOf && value.valueOf();
    if (valueOf != null && valueOf !== value &&
        (typeof valueOf === 'string' || typeof valueOf === 'object')) {
      return from(valueOf, encodingOrOffset, length);
    }
    const b = fromObject(value);
    if (b) return b;
    if (typeof value[Symbol.toPrimitive] === 'function') {
      const primitive = value[Symbol.toPrimitive]('string');
      if (typeof primitive === 'string') {
        return fromString(primitive, encodingOrOffset);
      }
    }
  }
  throw new ERR_INVALID_ARG_TYPE(
    'first argument',
    ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'],
    value);
};

// Buffer.copyBytesFrom(view, offset, length): a copy of elements
// [offset, offset + length) of a TypedArray.
Buffer.copyBytesFrom = function copyBytesFrom(view, offset, length) {
  if (!isTypedArray(view)) {
    throw new ERR_INVALID_ARG_TYPE('view', ['TypedArray'], view);
  }
  const count = view.length;
  if (count === 0) return new FastBuffer();
  let start = 0;
  let end = count;
  if (offset !== undefined || length !== undefined) {
    if (offset !== undefined) {
      validateInteger(offset, 'offset', 0);
      if (offset >= count) return new FastBuffer();
      start = offset;
    }
    if (length !== undefined) {
      validateInteger(length, 'length', 0);
      end = Math.min(count, start + length);
    }
  }
  const size = view.BYTES_PER_ELEMENT;
  const bytes = new Uint8Array(view.buffer, view.byteOffset + start * size,
                               (end - start) * size);
  return fromArrayLike(bytes);
};

function validateInteger(value, name, min = Number.MIN_SAFE_INTEGER,
                         max = Number.MAX_SAFE_INTEGER) {
  validateNumber(value, name);
  if (!Number.isInteger(value)) {
    throw new ERR_OUT_OF_RANGE(name, 'an integer', value);
  }
  if (value < min || value > max) {
    throw new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
  }
}

Buffer.of = function of(...items) {
  const b = allocate(items.length);
  for (let i = 0; i < items.length; i++) b[i] = items[i];
  return b;
};

Buffer.alloc = function alloc(size, fill, encoding) {
  validateSize(size);
  if (fill !== undefined && fill !== 0 && size > 0) {
    return fillImpl(new FastBuffer(size), fill, 0, size, encoding);
  }
  return new FastBuffer(size);
};

Buffer.allocUnsafe = function allocUnsafe(size) {
  validateSize(size);
  return allocate(size);
};

Buffer.allocUnsafeSlow = function allocUnsafeSlow(size) {
  validateSize(size);
  return allocateUnsafeSlow(size);
};

Buffer.isBuffer = function isBuffer(b) {
  return b instanceof Buffer;
};

Buffer.compare = function compare(buf1, buf2) {
  if (!isUint8Array(buf1)) {
    throw new ERR_INVALID_ARG_TYPE('buf1', ['Buffer', 'Uint8Array'], buf1);
  }
  if (!isUint8Array(buf2)) {
    throw new ERR_INVALID_ARG_TYPE('buf2', ['Buffer', 'Uint8Array'], buf2);
  }
  if (buf1 === buf2) return 0;
  return binding.compare(buf1, buf2);
};

Buffer.isEncoding = function isEncoding(encoding) {
  return typeof encoding === 'string' && encoding.length !== 0 &&
    encodingId(encoding) !== undefined;
};

Buffer.concat = function concat(list, length) {
  if (!Array.isArray(list)) {
    throw new ERR_INVALID_ARG_TYPE('list', 'Array', list);
  }
  if (list.length === 0) return new FastBuffer();
  if (length === undefined) {
    length = 0;
    for (let i = 0; i < list.length; i++) {
      if (!isUint8Array(list[i])) {
        throw new ERR_INVALID_ARG_TYPE(`list[${i}]`, ['Buffer', 'Uint8Array'],
                                       list[i]);
      }
      length += list[i].length;
    }
  } else {
    validateOffset(length, 'length');
  }
  const out = allocate(length);
  let pos = 0;
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (!isUint8Array(item)) {
      throw new ERR_INVALID_ARG_TYPE(`list[${i}]`, ['Buffer', 'Uint8Array'],
                                     item);
    }
    const room = length - pos;
    if (room <= 0) continue;  // later items are still type-checked
    if (item.length > room) {
      out.set(new Uint8Array(item.buffer, item.byteOffset, room), pos);
      pos += room;
    } else {
      out.set(item, pos);
      pos += item.length;
    }
  }
  // Pooled memory may hold old bytes: zero what the list did not fill.
  if (pos < length) out.fill(0, pos, length);
  return out;
};

Buffer.byteLength = function byteLength(string, encoding) {
  if (typeof string !== 'string') {
    if (ArrayBuffer.isView(string) || isAnyArrayBuffer(string)) {
      return string.byteLength;
    }
    throw new ERR_INVALID_ARG_TYPE('string', ['string', 'Buffer',
      'ArrayBuffer'], string);
  }
  if (string.length === 0) return 0;
  const id = encodingId(encoding);
  return byteLengthOf(string, id === undefined ? kUtf8 : id);
};

// ---- Prototype: strings -----------------------------------------------------

const proto = Buffer.prototype;

// The encoding-named methods of Node's Buffer.prototype: xxxSlice(start,
// end) and xxxWrite(string, offset, length).
function defineEncodingMethods(name, id) {
  Object.defineProperty(proto, `${name}Slice`, {
    value: function(start = 0, end = this.byteLength) {
      if (!ArrayBuffer.isView(this)) {
        throw new ERR_INVALID_ARG_TYPE('this', ['Buffer', 'Uint8Array'],
                                       this);
      }
      validateOffset(start, 'start');
      validateOffset(end, 'end');
      if (end > this.byteLength) throw new ERR_BUFFER_OUT_OF_BOUNDS();
      return binding.decode(this, id, start, end);
    },
    writable: true, enumerable: true, configurable: true,
  });
  Object.defineProperty(proto[`${name}Slice`], 'name',
                        { value: `${name}Slice` });
  Object.defineProperty(proto, `${name}Write`, {
    value: function(string, offset = 0, length = this.byteLength - offset) {
      if (typeof string !== 'string') {
        throw codedError(TypeError, 'ERR_INVALID_ARG_TYPE',
                         'argument must be a string');
      }
      validateOffset(offset, 'offset', 0, this.byteLength);
      validateOffset(length, 'length', 0, this.byteLength);
      return binding.write(this, string, offset, length, id);
    },
    writable: true, enumerable: true, configurable: true,
  });
  Object.defineProperty(proto[`${name}Write`], 'name',
                        { value: `${name}Write` });
}
defineEncodingMethods('ascii', kAscii);
defineEncodingMethods('base64', kBase64);
defineEncodingMethods('base64url', kBase64Url);
defineEncodingMethods('latin1', kLatin1);
defineEncodingMethods('hex', kHex);
defineEncodingMethods('ucs2', kUcs2);
defineEncodingMethods('utf8', kUtf8);

Object.defineProperty(proto, 'parent', {
  get() { return this instanceof Buffer ? this.buffer : undefined; },
  enumerable: true, configurable: false,
});
Object.defineProperty(proto, 'offset', {
  get() { return this instanceof Buffer ? this.byteOffset : undefined; },
  enumerable: true, configurable: false,
});

proto.copy = function copy(target, targetStart, sourceStart, sourceEnd) {
  if (!isUint8Array(target)) {
    throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'],
                                   target);
  }
  if (targetStart === undefined) {
    targetStart = 0;
  } else {
    targetStart = toInteger(targetStart, 0);
    if (targetStart < 0) {
      throw new ERR_OUT_OF_RANGE('targetStart', '>= 0', targetStart);
    }
  }
  if (sourceStart === undefined) {
    sourceStart = 0;
  } else {
    sourceStart = toInteger(sourceStart, 0);
    if (sourceStart < 0 || sourceStart > this.length) {
      throw new ERR_OUT_OF_RANGE('sourceStart', `>= 0 && <= ${this.length}`,
                                 sourceStart);
    }
  }
  if (sourceEnd === undefined) {
    sourceEnd = this.length;
  } else {
    sourceEnd = toInteger(sourceEnd, 0);
    if (sourceEnd < 0) {
      throw new ERR_OUT_OF_RANGE('sourceEnd', '>= 0', sourceEnd);
    }
  }
  if (targetStart >= target.length || sourceStart >= sourceEnd) return 0;
  if (sourceEnd > this.length) sourceEnd = this.length;
  const count = Math.min(sourceEnd - sourceStart,
                         target.length - targetStart);
  if (count <= 0) return 0;
  // set() copies as memmove does when both share one ArrayBuffer.
  if (sourceStart === 0 && count === this.length) {
    target.set(this, targetStart);
  } else {
    target.set(new Uint8Array(this.buffer, this.byteOffset + sourceStart,
                              count), targetStart);
  }
  return count;
};

// A number argument as an integer (toward -Infinity), or `fallback` when it
// is NaN or beyond the safe integers.
function toInteger(n, fallback) {
  n = +n;
  if (!(n >= Number.MIN_SAFE_INTEGER && n <= Number.MAX_SAFE_INTEGER)) {
    return fallback;
  }
  return Math.floor(n);
}

// toString's encoding: any value whose string form names one.
function toStringEncoding(encoding) {
  if (encoding === undefined) return kUtf8;
  return requireEncoding(typeof encoding === 'string' ? encoding :
    `${encoding}`);
}

proto.toString = function toString(encoding, start, end) {
  // Without a range the native decodes the whole view.
  if (arguments.length === 0) return binding.decode(this, kUtf8);
  if (start === undefined && end === undefined && this.length !== 0) {
    return binding.decode(this, toStringEncoding(encoding));
  }
  const len = this.length;
  if (start <= 0) {
    start = 0;
  } else if (start >= len) {
    return '';
  } else {
    start |= 0;
  }
  if (end === undefined || end > len) {
    end = len;
  } else {
    end |= 0;
  }
  if (end <= start) return '';
  return binding.decode(this, toStringEncoding(encoding), start, end);
};
proto.toLocaleString = proto.toString;

proto.equals = function equals(otherBuffer) {
  if (!isUint8Array(otherBuffer)) {
    throw new ERR_INVALID_ARG_TYPE('otherBuffer', ['Buffer', 'Uint8Array'],
                                   otherBuffer);
  }
  if (this === otherBuffer) return true;
  if (this.byteLength !== otherBuffer.byteLength) return false;
  return this.byteLength === 0 || binding.compare(this, otherBuffer) === 0;
};

proto.compare = function compare(target, targetStart, targetEnd, sourceStart,
                                 sourceEnd) {
  if (!isUint8Array(target)) {
    throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'],
                                   target);
  }
  if (arguments.length === 1) return binding.compare(this, target);
  if (targetStart === undefined) targetStart = 0;
  else validateOffset(targetStart, 'targetStart');
  if (targetEnd === undefined) targetEnd = target.length;
  else validateOffset(targetEnd, 'targetEnd', 0, target.length);
  if (sourceStart === undefined) sourceStart = 0;
  else validateOffset(sourceStart, 'sourceStart');
  if (sourceEnd === undefined) sourceEnd = this.length;
  else validateOffset(sourceEnd, 'sourceEnd', 0, this.length);
  if (sourceStart >= sourceEnd) return targetStart >= targetEnd ? 0 : -1;
  if (targetStart >= targetEnd) return 1;
  return binding.compareOffset(this, target, targetStart, sourceStart,
                               targetEnd, sourceEnd);
};

// indexOf / lastIndexOf / includes share this. byteOffset may be the
// encoding; a non-number offset counts as from the start (forward) or the
// end (backward).
function indexOfImpl(buffer, value, byteOffset, encoding, forward) {
  if (typeof byteOffset === 'string') {
    encoding = byteOffset;
    byteOffset = undefined;
  } else if (byteOffset > 0x7fffffff) {
    byteOffset = 0x7fffffff;
  } else if (byteOffset < -0x80000000) {
    byteOffset = -0x80000000;
  }
  byteOffset = +byteOffset;
  if (Number.isNaN(byteOffset)) byteOffset = forward ? 0 : buffer.length;
  byteOffset = Math.trunc(byteOffset);

  if (typeof value === 'number') {
    return binding.indexOfNumber(buffer, value & 255, byteOffset, forward);
  }
  let id = kUtf8;
  if (encoding !== undefined) id = requireEncoding(encoding);
  if (typeof value === 'string') {
    return binding.indexOfString(buffer, value, byteOffset, id, forward);
  }
  if (isUint8Array(value)) {
    return binding.indexOfBuffer(buffer, value, byteOffset, id, forward);
  }
  throw new ERR_INVALID_ARG_TYPE('value', ['number', 'string', 'Buffer',
    'Uint8Array'], value);
}

proto.indexOf = function indexOf(value, byteOffset, encoding) {
  return indexOfImpl(this, value, byteOffset, encoding, true);
};
proto.lastIndexOf = function lastIndexOf(value, byteOffset, encoding) {
  return indexOfImpl(this, value, byteOffset, encoding, false);
};
proto.includes = function includes(value, byteOffset, encoding) {
  return this.indexOf(value, byteOffset, encoding) !== -1;
};

// fill(value, offset, end, encoding); offset or end may be the encoding.
function fillImpl(buf, value, offset, end, encoding) {
  let id = kUtf8;
  if (typeof value === 'string') {
    if (typeof offset === 'string') {
      encoding = offset;
      offset = 0;
      end = buf.length;
    } else if (typeof end === 'string') {
      encoding = end;
      end = buf.length;
    }
    if (encoding !== undefined && typeof encoding !== 'string') {
      throw new ERR_INVALID_ARG_TYPE('encoding', 'string', encoding);
    }
    id = requireEncoding(encoding === undefined ? 'utf8' : encoding);
    if (value.length === 0) {
      value = 0;
    } else if (value.length === 1) {
      // One character often makes one byte: fill with a number then.
      const code = value.charCodeAt(0);
      if ((id === kUtf8 && code < 128) || id === kLatin1) value = code;
    }
  } else if (typeof value === 'boolean') {
    value = Number(value);
  } else if (!ArrayBuffer.isView(value)) {
    // Other values fill as numbers do (null and objects give 0).
    value = Number(value);
  }
  if (offset === undefined) {
    offset = 0;
    end = buf.length;
  } else {
    validateOffset(offset, 'offset');
    if (end === undefined) end = buf.length;
    else validateOffset(end, 'end', 0, buf.length);
    if (offset >= end) return buf;
  }
  if (typeof value === 'number') {
    // Uint8Array#fill stores ToUint8(value), Node's value & 255.
    Uint8Array.prototype.fill.call(buf, value & 255, offset, end);
    return buf;
  }
  const res = binding.fill(buf, value, offset, end, id);
  if (res === -1) throw new ERR_INVALID_ARG_VALUE('value', value);
  return buf;
}

proto.fill = function fill(value, offset, end, encoding) {
  return fillImpl(this, value, offset, end, encoding);
};

proto.write = function write(string, offset, length, encoding) {
  if (typeof string !== 'string') {
    throw codedError(TypeError, 'ERR_INVALID_ARG_TYPE',
                     'argument must be a string');
  }
  if (offset === undefined) {
    return binding.write(this, string, 0, this.length, kUtf8);
  }
  if (length === undefined && typeof offset === 'string') {
    encoding = offset;
    length = this.length;
    offset = 0;
  } else {
    validateOffset(offset, 'offset', 0, this.length);
    const remaining = this.length - offset;
    if (length === undefined) {
      length = remaining;
    } else if (typeof length === 'string') {
      encoding = length;
      length = remaining;
    } else {
      validateOffset(length, 'length', 0, this.length);
      if (length > remaining) length = remaining;
    }
  }
  let id = kUtf8;
  if (encoding && encoding !== 'utf8') id = requireEncoding(encoding);
  return binding.write(this, string, offset, length, id);
};

proto.toJSON = function toJSON() {
  const data = new Array(this.length);
  for (let i = 0; i < this.length; i++) data[i] = this[i];
  return { type: 'Buffer', data };
};

// slice() is subarray() for Buffers: the result shares memory. Offsets are
// coerced as Node does (NaN is 0; negatives count from the end).
function sliceOffset(value, length, fallback) {
  if (value === undefined) return fallback;
  value = +value;
  if (value === 0 || Number.isNaN(value)) return 0;
  value = Math.trunc(value);
  if (value < 0) {
    value += length;
    return value > 0 ? value : 0;
  }
  return value < length ? value : length;
}

proto.slice = function slice(start, end) {
  const len = this.length;
  start = sliceOffset(start, len, 0);
  end = sliceOffset(end, len, len);
  const count = end > start ? end - start : 0;
  return new FastBuffer(this.buffer, this.byteOffset + start, count);
};

// ---- Prototype: swapping ------------------------------------------------------

proto.swap16 = function swap16() {
  const len = this.length;
  if (len % 2 !== 0) throw new ERR_INVALID_BUFFER_SIZE('16-bits');
  for (let i = 0; i < len; i += 2) {
    const t = this[i];
    this[i] = this[i + 1];
    this[i + 1] = t;
  }
  return this;
};

proto.swap32 = function swap32() {
  const len = this.length;
  if (len % 4 !== 0) throw new ERR_INVALID_BUFFER_SIZE('32-bits');
  for (let i = 0; i < len; i += 4) {
    let t = this[i];
    this[i] = this[i + 3];
    this[i + 3] = t;
    t = this[i + 1];
    this[i + 1] = this[i + 2];
    this[i + 2] = t;
  }
  return this;
};

proto.swap64 = function swap64() {
  const len = this.length;
  if (len % 8 !== 0) throw new ERR_INVALID_BUFFER_SIZE('64-bits');
  for (let i = 0; i < len; i += 8) {
    for (let j = 0; j < 4; j++) {
      const t = this[i + j];
      this[i + j] = this[i + 7 - j];
      this[i + 7 - j] = t;
    }
  }
  return this;
};

// ---- Prototype: numbers -------------------------------------------------------

// Reads throw unless `offset` is a number with all `size` bytes inside.
function checkRead(buf, offset, size) {
  validateNumber(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + size - 1] === undefined) {
    boundsError(offset, buf.length - size);
  }
}

function readUInt(buf, offset, size, bigEndian) {
  checkRead(buf, offset, size);
  let v = 0;
  if (bigEndian) {
    for (let i = 0; i < size; i++) v = v * 256 + buf[offset + i];
  } else {
    for (let i = size - 1; i >= 0; i--) v = v * 256 + buf[offset + i];
  }
  return v;
}

function readInt(buf, offset, size, bigEndian) {
  const v = readUInt(buf, offset, size, bigEndian);
  const half = 2 ** (8 * size - 1);
  return v >= half ? v - 2 * half : v;
}

function checkByteLength(byteLength) {
  if (byteLength === undefined) {
    throw new ERR_INVALID_ARG_TYPE('byteLength', 'number', byteLength);
  }
  if (!(byteLength >= 1 && byteLength <= 6) ||
      Math.floor(byteLength) !== byteLength) {
    boundsError(byteLength, 6, 'byteLength');
  }
}

proto.readUInt8 = function readUInt8(offset = 0) {
  validateNumber(offset, 'offset');
  const v = this[offset];
  if (v === undefined) boundsError(offset, this.length - 1);
  return v;
};
proto.readInt8 = function readInt8(offset = 0) {
  validateNumber(offset, 'offset');
  const v = this[offset];
  if (v === undefined) boundsError(offset, this.length - 1);
  return v | (v & 0x80) * 0x1fffffe;
};
proto.readUInt16LE = function readUInt16LE(offset = 0) {
  validateNumber(offset, 'offset');
  const a = this[offset];
  const b = this[offset + 1];
  if (a === undefined || b === undefined) boundsError(offset, this.length - 2);
  return a + b * 256;
};
proto.readUInt16BE = function readUInt16BE(offset = 0) {
  validateNumber(offset, 'offset');
  const a = this[offset];
  const b = this[offset + 1];
  if (a === undefined || b === undefined) boundsError(offset, this.length - 2);
  return a * 256 + b;
};
proto.readInt16LE = function readInt16LE(offset = 0) {
  const v = this.readUInt16LE(offset);
  return v | (v & 0x8000) * 0x1fffe;
};
proto.readInt16BE = function readInt16BE(offset = 0) {
  const v = this.readUInt16BE(offset);
  return v | (v & 0x8000) * 0x1fffe;
};
proto.readUInt32LE = function readUInt32LE(offset = 0) {
  validateNumber(offset, 'offset');
  const a = this[offset];
  const d = this[offset + 3];
  if (a === undefined || d === undefined) boundsError(offset, this.length - 4);
  return a + this[offset + 1] * 0x100 + this[offset + 2] * 0x10000 +
    d * 0x1000000;
};
proto.readUInt32BE = function readUInt32BE(offset = 0) {
  validateNumber(offset, 'offset');
  const a = this[offset];
  const d = this[offset + 3];
  if (a === undefined || d === undefined) boundsError(offset, this.length - 4);
  return a * 0x1000000 + this[offset + 1] * 0x10000 +
    this[offset + 2] * 0x100 + d;
};
proto.readInt32LE = function readInt32LE(offset = 0) {
  validateNumber(offset, 'offset');
  const a = this[offset];
  const d = this[offset + 3];
  if (a === undefined || d === undefined) boundsError(offset, this.length - 4);
  return a + this[offset + 1] * 0x100 + this[offset + 2] * 0x10000 +
    (d << 24);
};
proto.readInt32BE = function readInt32BE(offset = 0) {
  validateNumber(offset, 'offset');
  const a = this[offset];
  const d = this[offset + 3];
  if (a === undefined || d === undefined) boundsError(offset, this.length - 4);
  return (a << 24) + this[offset + 1] * 0x10000 + this[offset + 2] * 0x100 +
    d;
};
proto.readUIntLE = function readUIntLE(offset, byteLength) {
  checkByteLength(byteLength);
  return readUInt(this, offset, byteLength, false);
};
proto.readUIntBE = function readUIntBE(offset, byteLength) {
  checkByteLength(byteLength);
  return readUInt(this, offset, byteLength, true);
};
proto.readIntLE = function readIntLE(offset, byteLength) {
  checkByteLength(byteLength);
  return readInt(this, offset, byteLength, false);
};
proto.readIntBE = function readIntBE(offset, byteLength) {
  checkByteLength(byteLength);
  return readInt(this, offset, byteLength, true);
};

proto.readBigUInt64LE = function readBigUInt64LE(offset = 0) {
  checkRead(this, offset, 8);
  const lo = readUInt(this, offset, 4, false);
  const hi = readUInt(this, offset + 4, 4, false);
  return BigInt(lo) + (BigInt(hi) << 32n);
};
proto.readBigUInt64BE = function readBigUInt64BE(offset = 0) {
  checkRead(this, offset, 8);
  const hi = readUInt(this, offset, 4, true);
  const lo = readUInt(this, offset + 4, 4, true);
  return BigInt(lo) + (BigInt(hi) << 32n);
};
proto.readBigInt64LE = function readBigInt64LE(offset = 0) {
  checkRead(this, offset, 8);
  const lo = readUInt(this, offset, 4, false);
  const hi = readInt(this, offset + 4, 4, false);
  return BigInt(lo) + (BigInt(hi) << 32n);
};
proto.readBigInt64BE = function readBigInt64BE(offset = 0) {
  checkRead(this, offset, 8);
  const hi = readInt(this, offset, 4, true);
  const lo = readUInt(this, offset + 4, 4, true);
  return BigInt(lo) + (BigInt(hi) << 32n);
};

// Floats go through a scratch array in the host's byte order.
const float32 = new Float32Array(1);
const float64 = new Float64Array(1);
const scratch4 = new Uint8Array(float32.buffer);
const scratch8 = new Uint8Array(float64.buffer);
float32[0] = -1;
const hostBigEndian = scratch4[3] === 0;

function readScratch(buf, offset, scratch, bigEndian) {
  const size = scratch.length;
  checkRead(buf, offset, size);
  if (bigEndian === hostBigEndian) {
    for (let i = 0; i < size; i++) scratch[i] = buf[offset + i];
  } else {
    for (let i = 0; i < size; i++) scratch[size - 1 - i] = buf[offset + i];
  }
}

function writeScratch(buf, offset, scratch, bigEndian) {
  const size = scratch.length;
  if (bigEndian === hostBigEndian) {
    for (let i = 0; i < size; i++) buf[offset + i] = scratch[i];
  } else {
    for (let i = 0; i < size; i++) buf[offset + i] = scratch[size - 1 - i];
  }
  return offset + size;
}

proto.readFloatLE = function readFloatLE(offset = 0) {
  readScratch(this, offset, scratch4, false);
  return float32[0];
};
proto.readFloatBE = function readFloatBE(offset = 0) {
  readScratch(this, offset, scratch4, true);
  return float32[0];
};
proto.readDoubleLE = function readDoubleLE(offset = 0) {
  readScratch(this, offset, scratch8, false);
  return float64[0];
};
proto.readDoubleBE = function readDoubleBE(offset = 0) {
  readScratch(this, offset, scratch8, true);
  return float64[0];
};

// Writes: the value is checked against the range of its type first, then
// the offset; the result is the offset after the written bytes.
function checkWrite(buf, value, offset, size, min, max) {
  if (value > max || value < min) {
    let range;
    if (size > 4) {
      range = min === 0 ? `>= 0 and < 2 ** ${8 * size}` :
        `>= -(2 ** ${8 * size - 1}) and < 2 ** ${8 * size - 1}`;
    } else {
      range = `>= ${min} and <= ${max}`;
    }
    throw new ERR_OUT_OF_RANGE('value', range, value);
  }
  checkRead(buf, offset, size);
}

function writeInteger(buf, value, offset, size, bigEndian) {
  if (size <= 4) {
    // ToUint32 wraps negatives and drops fractions, as Node stores them.
    const v = value >>> 0;
    for (let i = 0; i < size; i++) {
      buf[bigEndian ? offset + size - 1 - i : offset + i] = v >>> (8 * i);
    }
  } else {
    let v = Math.trunc(value);
    if (v !== v) v = 0;
    if (v < 0) v += 2 ** (8 * size);
    for (let i = 0; i < size; i++) {
      buf[bigEndian ? offset + size - 1 - i : offset + i] = v % 256;
      v = Math.floor(v / 256);
    }
  }
  return offset + size;
}

function defineWrite(name, size, signed, bigEndian) {
  const max = signed ? 2 ** (8 * size - 1) - 1 : 2 ** (8 * size) - 1;
  const min = signed ? -(2 ** (8 * size - 1)) : 0;
  proto[name] = {
    [name](value, offset = 0) {
      checkWrite(this, +value, offset, size, min, max);
      return writeInteger(this, +value, offset, size, bigEndian);
    },
  }[name];
}
defineWrite('writeUInt8', 1, false, false);
defineWrite('writeInt8', 1, true, false);
defineWrite('writeUInt16LE', 2, false, false);
defineWrite('writeUInt16BE', 2, false, true);
defineWrite('writeInt16LE', 2, true, false);
defineWrite('writeInt16BE', 2, true, true);
defineWrite('writeUInt32LE', 4, false, false);
defineWrite('writeUInt32BE', 4, false, true);
defineWrite('writeInt32LE', 4, true, false);
defineWrite('writeInt32BE', 4, true, true);

function defineWriteVariable(name, signed, bigEndian) {
  proto[name] = {
    [name](value, offset, byteLength) {
      checkByteLength(byteLength);
      const bits = 8 * byteLength;
      const max = signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
      const min = signed ? -(2 ** (bits - 1)) : 0;
      checkWrite(this, +value, offset, byteLength, min, max);
      return writeInteger(this, +value, offset, byteLength, bigEndian);
    },
  }[name];
}
defineWriteVariable('writeUIntLE', false, false);
defineWriteVariable('writeUIntBE', false, true);
defineWriteVariable('writeIntLE', true, false);
defineWriteVariable('writeIntBE', true, true);

function writeBig(buf, value, offset, signed, bigEndian) {
  const min = signed ? -(2n ** 63n) : 0n;
  const max = signed ? 2n ** 63n - 1n : 2n ** 64n - 1n;
  if (value > max || value < min) {
    const range = signed ? '>= -(2n ** 63n) and < 2n ** 63n' :
      '>= 0n and < 2n ** 64n';
    throw new ERR_OUT_OF_RANGE('value', range, value);
  }
  checkRead(buf, offset, 8);
  // A number value throws here, as in Node: BigInts do not mix.
  const lo = Number(value & 0xffffffffn);
  const hi = Number((value >> 32n) & 0xffffffffn);
  writeInteger(buf, lo, bigEndian ? offset + 4 : offset, 4, bigEndian);
  writeInteger(buf, hi, bigEndian ? offset : offset + 4, 4, bigEndian);
  return offset + 8;
}

proto.writeBigUInt64LE = function writeBigUInt64LE(value, offset = 0) {
  return writeBig(this, value, offset, false, false);
};
proto.writeBigUInt64BE = function writeBigUInt64BE(value, offset = 0) {
  return writeBig(this, value, offset, false, true);
};
proto.writeBigInt64LE = function writeBigInt64LE(value, offset = 0) {
  return writeBig(this, value, offset, true, false);
};
proto.writeBigInt64BE = function writeBigInt64BE(value, offset = 0) {
  return writeBig(this, value, offset, true, true);
};

function writeFloat(buf, value, offset, scratch, bigEndian) {
  value = +value;
  checkRead(buf, offset, scratch.length);
  if (scratch === scratch4) float32[0] = value;
  else float64[0] = value;
  return writeScratch(buf, offset, scratch, bigEndian);
}

proto.writeFloatLE = function writeFloatLE(value, offset = 0) {
  return writeFloat(this, value, offset, scratch4, false);
};
proto.writeFloatBE = function writeFloatBE(value, offset = 0) {
  return writeFloat(this, value, offset, scratch4, true);
};
proto.writeDoubleLE = function writeDoubleLE(value, offset = 0) {
  return writeFloat(this, value, offset, scratch8, false);
};
proto.writeDoubleBE = function writeDoubleBE(value, offset = 0) {
  return writeFloat(this, value, offset, scratch8, true);
};

// The lowercase-`int` aliases Node also has (readUint8 ...).
for (const name of Object.getOwnPropertyNames(proto)) {
  const m = /^(read|write)(Big)?UInt(.*)$/.exec(name);
  if (m) proto[`${m[1]}${m[2] || ''}Uint${m[3]}`] = proto[name];
}

// ---- Inspection ---------------------------------------------------------------

let inspectFn;
proto[Symbol.for('nodejs.util.inspect.custom')] =
  function inspect(recurseTimes, ctx) {
    if (inspectFn === undefined) {
      inspectFn = require('internal/util/inspect').inspect;
    }
    const max = INSPECT_MAX_BYTES;
    const shown = Math.min(max, this.length);
    let str = binding.decode(this, kHex, 0, shown)
      .replace(/(.{2})/g, '$1 ').trim();
    const remaining = this.length - max;
    if (remaining > 0) {
      str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
    }
    // Own properties besides the indices, as util.inspect shows them.
    if (ctx) {
      const extras = {};
      let any = false;
      for (const key of Reflect.ownKeys(this)) {
        if (typeof key === 'string' && /^(0|[1-9][0-9]*)$/.test(key)) {
          continue;
        }
        if (!Object.prototype.propertyIsEnumerable.call(this, key)) continue;
        extras[key] = this[key];
        any = true;
      }
      if (any) {
        const text = inspectFn(extras, {
          ...ctx, breakLength: Infinity, compact: true,
        }).slice(2, -2);
        str += `${str.length === 0 ? '' : ','} ${text}`;
      }
    }
    return `<${this.constructor.name} ${str}>`;
  };
proto.inspect = proto[Symbol.for('nodejs.util.inspect.custom')];

// ---- SlowBuffer, atob, btoa ---------------------------------------------------

function SlowBuffer(length) {
  validateSize(length);
  return allocateUnsafeSlow(length);
}
Object.setPrototypeOf(SlowBuffer.prototype, Uint8Array.prototype);
Object.setPrototypeOf(SlowBuffer, Uint8Array);

let DOMExceptionCtor;
function invalidCharacter(message) {
  if (DOMExceptionCtor === undefined) {
    DOMExceptionCtor = require('internal/per_context/domexception')
      .DOMException;
  }
  return new DOMExceptionCtor(message, 'InvalidCharacterError');
}

function btoa(input) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('input');
  input = `${input}`;
  for (let i = 0; i < input.length; i++) {
    if (input.charCodeAt(i) > 0xff) throw invalidCharacter('Invalid character');
  }
  return fromStringFast(input, kLatin1).toString('base64');
}

// Base64 characters of the standard alphabet.
const kBase64Char = /^[A-Za-z0-9+/]*$/;

// atob follows the forgiving-base64 decode of the HTML standard: ASCII
// whitespace is dropped, padding optional, anything else is an error.
function atob(input) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('input');
  input = `${input}`.replace(/[\t\n\f\r ]/g, '');
  if (!/^[A-Za-z0-9+/=]*$/.test(input)) {
    throw invalidCharacter('Invalid character');
  }
  let body = input;
  if (body.length % 4 === 0) {
    if (body.endsWith('==')) body = body.slice(0, -2);
    else if (body.endsWith('=')) body = body.slice(0, -1);
  }
  if (!kBase64Char.test(body)) throw invalidCharacter('Invalid character');
  if (body.length % 4 === 1) {
    throw invalidCharacter(
      'The string to be decoded is not correctly encoded.');
  }
  return fromStringFast(body, kBase64).toString('latin1');
}

// ---- isUtf8, isAscii ------------------------------------------------------------

function bytesOf(input) {
  if (ArrayBuffer.isView(input)) {
    return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  }
  if (isAnyArrayBuffer(input)) return new Uint8Array(input);
  throw new ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'Buffer',
    'TypedArray'], input);
}

function isAscii(input) {
  const bytes = bytesOf(input);
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] > 0x7f) return false;
  }
  return true;
}

// Well-formed UTF-8: shortest forms, no surrogates, nothing past U+10FFFF.
function isUtf8(input) {
  const s = bytesOf(input);
  const len = s.length;
  let i = 0;
  while (i < len) {
    const b = s[i++];
    if (b < 0x80) continue;
    let need;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else {
      return false;
    }
    if (i + need > len || s[i] < lo || s[i] > hi) return false;
    for (let k = 1; k < need; k++) {
      if ((s[i + k] & 0xc0) !== 0x80) return false;
    }
    i += need;
  }
  return true;
}

module.exports = {
  Buffer,
  SlowBuffer,
  isUtf8,
  isAscii,
  kMaxLength,
  kStringMaxLength,
  btoa,
  atob,
  constants: {
    MAX_LENGTH: kMaxLength,
    MAX_STRING_LENGTH: kStringMaxLength,
  },
};
Object.defineProperty(module.exports, 'Blob', { enumerable: true, get: () => require('internal/blob').Blob });
Object.defineProperty(module.exports, 'INSPECT_MAX_BYTES', {
  get() { return INSPECT_MAX_BYTES; },
  set(value) {
    validateNumber(value, 'INSPECT_MAX_BYTES');
    if (value < 0) {
      throw new ERR_OUT_OF_RANGE('INSPECT_MAX_BYTES', '>= 0', value);
    }
    INSPECT_MAX_BYTES = value;
  },
  enumerable: true, configurable: true,
});
