'use strict';

// What the crypto modules share: byte-source conversion with Node's
// argument errors, encodings of outputs, and errors thrown the way Node's
// native layer throws them (a plain Error with a `code`).

const { Buffer } = require('buffer');
const {
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const { validateEncoding } = require('internal/validators');
const types = internalBinding('types');

const kByteSource = ['string', 'ArrayBuffer', 'Buffer', 'TypedArray',
  'DataView'];

// An error as Node's C++ layer makes them: the class's plain name in the
// stack, with `code` as a property.
function cryptoError(Ctor, code, message) {
  const err = new Ctor(message);
  err.code = code;
  return err;
}

function isByteView(value) {
  return ArrayBuffer.isView(value) || types.isAnyArrayBuffer(value);
}

// A Uint8Array over the bytes of a string (in `encoding`), buffer, view
// or ArrayBuffer; anything else throws ERR_INVALID_ARG_TYPE for `name`.
function getArrayBufferOrView(value, name, encoding) {
  if (typeof value === 'string') {
    if (encoding === 'buffer') encoding = 'utf8';
    return Buffer.from(value, normalizeEncoding(encoding));
  }
  if (!isByteView(value)) {
    throw new ERR_INVALID_ARG_TYPE(name, kByteSource, value);
  }
  return toUint8(value);
}

function toUint8(value) {
  if (value instanceof Uint8Array) return value;
  if (ArrayBuffer.isView(value)) {
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  }
  return new Uint8Array(value);
}

// Data for update(): a string in `encoding` (default utf8; an unknown
// encoding is read as utf8, as Node does) or a view.
function toUpdateData(data, encoding, name = 'data') {
  if (typeof data === 'string') {
    validateEncoding(data, encoding);
    return Buffer.from(data, normalizeEncoding(encoding));
  }
  if (!ArrayBuffer.isView(data)) {
    throw new ERR_INVALID_ARG_TYPE(name,
                                   ['string', 'Buffer', 'TypedArray',
                                     'DataView'], data);
  }
  return toUint8(data);
}

function normalizeEncoding(encoding) {
  return typeof encoding === 'string' && Buffer.isEncoding(encoding) ?
    encoding : 'utf8';
}

// An output: a string in `encoding` when it names one, else a Buffer.
function encodeOutput(buf, encoding) {
  // Any other value is named by its string form (which may throw).
  if (encoding && typeof encoding !== 'string') encoding = `${encoding}`;
  if (typeof encoding === 'string' && encoding !== 'buffer' &&
      Buffer.isEncoding(encoding)) {
    return buf.toString(encoding);
  }
  return buf;
}

// A Buffer over a native result: an ArrayBuffer, or a view of one.
function toBuffer(ab) {
  if (ArrayBuffer.isView(ab)) {
    return Buffer.from(ab.buffer, ab.byteOffset, ab.byteLength);
  }
  return Buffer.from(ab);
}

module.exports = {
  cryptoError,
  encodeOutput,
  getArrayBufferOrView,
  isByteView,
  kByteSource,
  normalizeEncoding,
  toBuffer,
  toUint8,
  toUpdateData,
};
