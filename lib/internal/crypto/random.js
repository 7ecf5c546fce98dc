'use strict';

// randomBytes, randomFill(Sync), randomInt, randomUUID, getRandomValues on
// OpenSSL's CSPRNG (internalBinding('crypto_random')). The callback forms
// make their bytes on the threadpool.

const { Buffer } = require('buffer');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE },
} = require('internal/errors');
const {
  validateBoolean, validateFunction, validateNumber, validateObject,
} = require('internal/validators');
const binding = internalBinding('crypto_random');
const types = internalBinding('types');

const kMaxLength = 2147483647;
const kMaxUint32 = 4294967295;

function assertSize(size, elementSize, offset, length) {
  validateNumber(size, 'size');
  size *= elementSize;
  if (Number.isNaN(size) || size > kMaxLength || size < 0) {
    throw new ERR_OUT_OF_RANGE('size', `>= 0 && <= ${kMaxLength}`, size);
  }
  if (size + offset > length) {
    throw new ERR_OUT_OF_RANGE('size + offset', `<= ${length}`,
                               size + offset);
  }
  return size >>> 0;
}

function assertOffset(offset, elementSize, length) {
  validateNumber(offset, 'offset');
  offset *= elementSize;
  const max = Math.min(length, kMaxLength);
  if (Number.isNaN(offset) || offset > max || offset < 0) {
    throw new ERR_OUT_OF_RANGE('offset', `>= 0 && <= ${max}`, offset);
  }
  return offset >>> 0;
}

function randomBytes(size, callback) {
  validateNumber(size, 'size', 0, kMaxLength);
  if (callback !== undefined) validateFunction(callback, 'callback');
  size >>>= 0; // a fractional size counts its whole bytes
  if (callback === undefined) return Buffer.from(binding.randomBytes(size));
  binding.randomBytes(size, (err, ab) => {
    if (err) callback(err);
    else callback(null, Buffer.from(ab));
  });
}

function checkBuf(buf) {
  if (!ArrayBuffer.isView(buf) && !types.isAnyArrayBuffer(buf)) {
    throw new ERR_INVALID_ARG_TYPE('buf', ['ArrayBuffer', 'ArrayBufferView'],
                                   buf);
  }
}

// [offset, size] in bytes for a fill of buf.
function fillRange(buf, offset, size) {
  const elementSize = buf.BYTES_PER_ELEMENT || 1;
  const length = buf.byteLength;
  offset = assertOffset(offset, elementSize, length);
  if (size === undefined) size = length - offset;
  else size = assertSize(size, elementSize, offset, length);
  return [offset, size];
}

function randomFillSync(buf, offset = 0, size) {
  checkBuf(buf);
  const [off, len] = fillRange(buf, offset, size);
  binding.randomFillSync(buf, off, len);
  return buf;
}

function randomFill(buf, offset, size, callback) {
  checkBuf(buf);
  if (typeof offset === 'function') {
    callback = offset;
    offset = 0;
    size = undefined;
  } else if (typeof size === 'function') {
    validateNumber(offset, 'offset');
    callback = size;
    size = undefined;
  }
  validateFunction(callback, 'callback');
  const [off, len] = fillRange(buf, offset, size);
  // The pool thread fills memory of its own; the bytes land in buf here,
  // on the loop thread, so buf is never written from another thread.
  binding.randomBytes(len, (err, ab) => {
    if (err) return callback(err);
    const bytes = ArrayBuffer.isView(buf) ?
      new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) :
      new Uint8Array(buf);
    bytes.set(new Uint8Array(ab), off);
    callback(null, buf);
  });
}

// ---- randomInt: rejection sampling over 48-bit values ----------------------

const RAND_MAX = 0xFFFFFFFFFFFF; // 2 ** 48 - 1
const kCacheSize = 6 * 1024;
let randomCache = null;
let randomCacheOffset = kCacheSize;
let refilling = false;
const waiting = [];

function isSafe(value) {
  return Number.isSafeInteger(value);
}

function randomInt(min, max, callback) {
  const minNotSpecified = typeof max === 'undefined' ||
                          typeof max === 'function';
  if (minNotSpecified) {
    callback = max;
    max = min;
    min = 0;
  }
  const isSync = typeof callback === 'undefined';
  if (!isSync) validateFunction(callback, 'callback');
  if (!isSafe(min)) {
    throw new ERR_INVALID_ARG_TYPE('min', 'a safe integer', min);
  }
  if (!isSafe(max)) {
    throw new ERR_INVALID_ARG_TYPE('max', 'a safe integer', max);
  }
  if (max <= min) {
    throw new ERR_OUT_OF_RANGE('max',
                               `greater than the value of "min" (${min})`,
                               max);
  }
  const range = max - min;
  if (!(range <= RAND_MAX)) {
    throw new ERR_OUT_OF_RANGE(`max${minNotSpecified ? '' : ' - min'}`,
                               `<= ${RAND_MAX}`, range);
  }
  // The largest multiple of range that fits: values at or above it are
  // redrawn, so every result is equally likely.
  const randLimit = RAND_MAX - (RAND_MAX % range);
  if (isSync) {
    for (;;) {
      if (randomCacheOffset === kCacheSize) {
        randomCache = randomFillSync(Buffer.allocUnsafe(kCacheSize));
        randomCacheOffset = 0;
      }
      const x = randomCache.readUIntBE(randomCacheOffset, 6);
      randomCacheOffset += 6;
      if (x < randLimit) return (x % range) + min;
    }
  }
  waiting.push({ min, range, randLimit, callback });
  drainWaiting();
}

// Serves asynchronous randomInt calls from the cache, refilling it on the
// threadpool when it runs out.
function drainWaiting() {
  while (waiting.length > 0 && randomCacheOffset < kCacheSize) {
    const w = waiting[0];
    const x = randomCache.readUIntBE(randomCacheOffset, 6);
    randomCacheOffset += 6;
    if (x < w.randLimit) {
      waiting.shift();
      const n = (x % w.range) + w.min;
      process.nextTick(w.callback, undefined, n);
    }
  }
  if (waiting.length > 0 && !refilling) {
    refilling = true;
    randomBytes(kCacheSize, (err, buf) => {
      refilling = false;
      if (err) {
        const all = waiting.splice(0);
        for (const w of all) w.callback(err);
        return;
      }
      randomCache = buf;
      randomCacheOffset = 0;
      drainWaiting();
    });
  }
}

// ---- randomUUID ------------------------------------------------------------

const kUUIDBatch = 128;
let uuidData = null;
let uuidIndex = kUUIDBatch;
const hex = [];
for (let i = 0; i < 256; i++) hex.push(i.toString(16).padStart(2, '0'));

function formatUUID(b, o) {
  return hex[b[o]] + hex[b[o + 1]] + hex[b[o + 2]] + hex[b[o + 3]] + '-' +
    hex[b[o + 4]] + hex[b[o + 5]] + '-' +
    hex[(b[o + 6] & 0x0f) | 0x40] + hex[b[o + 7]] + '-' +
    hex[(b[o + 8] & 0x3f) | 0x80] + hex[b[o + 9]] + '-' +
    hex[b[o + 10]] + hex[b[o + 11]] + hex[b[o + 12]] + hex[b[o + 13]] +
    hex[b[o + 14]] + hex[b[o + 15]];
}

function randomUUID(options) {
  if (options !== undefined) validateObject(options, 'options');
  const { disableEntropyCache = false } = options || {};
  validateBoolean(disableEntropyCache, 'options.disableEntropyCache');
  if (disableEntropyCache) {
    return formatUUID(randomFillSync(Buffer.allocUnsafe(16)), 0);
  }
  if (uuidIndex === kUUIDBatch) {
    if (uuidData === null) uuidData = Buffer.allocUnsafe(16 * kUUIDBatch);
    randomFillSync(uuidData);
    uuidIndex = 0;
  }
  return formatUUID(uuidData, 16 * uuidIndex++);
}

// ---- getRandomValues (Web Crypto) -----------------------------------------

function isIntegerTypedArray(data) {
  return data instanceof Int8Array || data instanceof Uint8Array ||
    data instanceof Uint8ClampedArray || data instanceof Int16Array ||
    data instanceof Uint16Array || data instanceof Int32Array ||
    data instanceof Uint32Array || data instanceof BigInt64Array ||
    data instanceof BigUint64Array;
}

function getRandomValues(data) {
  if (!isIntegerTypedArray(data)) {
    const { DOMException } = require('internal/per_context/domexception');
    throw new DOMException(
      'The data argument must be an integer-type TypedArray',
      'TypeMismatchError');
  }
  if (data.byteLength > 65536) {
    const { DOMException } = require('internal/per_context/domexception');
    throw new DOMException(
      'The requested length exceeds 65,536 bytes', 'QuotaExceededError');
  }
  binding.randomFillSync(data, 0, data.byteLength);
  return data;
}

module.exports = {
  getRandomValues,
  kMaxUint32,
  randomBytes,
  randomFill,
  randomFillSync,
  randomInt,
  randomUUID,
};
