'use strict';

// Blob: immutable bytes with a MIME type. The bytes are copied once, when
// the Blob is made; slices share them.

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');
const { inspectAs } = require('internal/util/inspect_helpers');

const kBytes = Symbol('kBytes');
const kType = Symbol('kType');
const customInspect = Symbol.for('nodejs.util.inspect.custom');

let Buffer;
let TextDecoder;

function isBlob(value) {
  return value !== null && typeof value === 'object' &&
    value[kBytes] !== undefined;
}

function checkBlob(self) {
  if (!isBlob(self)) throw new ERR_INVALID_THIS('Blob');
}

// A type with any character outside U+0020..U+007E is no type at all.
function normalizeType(type) {
  type = `${type}`;
  for (let i = 0; i < type.length; i++) {
    const code = type.charCodeAt(i);
    if (code < 0x20 || code > 0x7e) return '';
  }
  return type.toLowerCase();
}

function isIterable(value) {
  return value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof value[Symbol.iterator] === 'function';
}

// The bytes of one blob part, as a Uint8Array that may share memory with
// the part (it is copied into the Blob right after).
function partBytes(part, nativeEndings) {
  if (isBlob(part)) return part[kBytes];
  if (part instanceof ArrayBuffer ||
      (typeof SharedArrayBuffer === 'function' &&
       part instanceof SharedArrayBuffer)) {
    return new Uint8Array(part);
  }
  if (ArrayBuffer.isView(part)) {
    return new Uint8Array(part.buffer, part.byteOffset, part.byteLength);
  }
  let text = `${part}`;
  // Linux's line ending is \n: "native" turns \r\n and lone \r into it.
  if (nativeEndings) text = text.replace(/\r\n?/g, '\n');
  if (Buffer === undefined) Buffer = require('buffer').Buffer;
  return Buffer.from(text, 'utf8');
}

class Blob {
  constructor(sources = [], options = undefined) {
    if (!isIterable(sources) || typeof sources === 'string') {
      throw new ERR_INVALID_ARG_TYPE('sources', 'a sequence', sources);
    }
    if (options !== undefined && options !== null &&
        typeof options !== 'object' && typeof options !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('options', 'a dictionary', options);
    }
    const { endings = 'transparent', type = '' } = options ?? {};
    const ending = `${endings}`;
    if (ending !== 'transparent' && ending !== 'native') {
      throw new ERR_INVALID_ARG_VALUE('options.endings', endings);
    }
    const parts = [];
    let length = 0;
    for (const part of sources) {
      const bytes = partBytes(part, ending === 'native');
      parts.push(bytes);
      length += bytes.byteLength;
    }
    const bytes = new Uint8Array(length);
    let offset = 0;
    for (const part of parts) {
      bytes.set(part, offset);
      offset += part.byteLength;
    }
    this[kBytes] = bytes;
    this[kType] = normalizeType(type);
  }

  get type() {
    checkBlob(this);
    return this[kType];
  }

  get size() {
    checkBlob(this);
    return this[kBytes].byteLength;
  }

  slice(start = 0, end = undefined, contentType = '') {
    checkBlob(this);
    const size = this[kBytes].byteLength;
    const from = relativeIndex(start, size);
    const to = end === undefined ? size : relativeIndex(end, size);
    const blob = Object.create(Blob.prototype);
    blob[kBytes] = this[kBytes].subarray(from, Math.max(from, to));
    blob[kType] = normalizeType(contentType);
    return blob;
  }

  arrayBuffer() {
    if (!isBlob(this)) return Promise.reject(new ERR_INVALID_THIS('Blob'));
    const bytes = this[kBytes];
    const copy = new ArrayBuffer(bytes.byteLength);
    new Uint8Array(copy).set(bytes);
    return Promise.resolve(copy);
  }

  text() {
    if (!isBlob(this)) return Promise.reject(new ERR_INVALID_THIS('Blob'));
    if (TextDecoder === undefined) {
      TextDecoder = require('internal/encoding').TextDecoder;
    }
    return Promise.resolve(new TextDecoder().decode(this[kBytes]));
  }

  // A ReadableStream of the bytes: one Uint8Array (a copy) for the whole.
  stream() {
    checkBlob(this);
    const { ReadableStream } = require('internal/webstreams/readablestream');
    require('internal/webstreams/writablestream');
    const bytes = this[kBytes];
    return new ReadableStream({
      pull(controller) {
        if (bytes.byteLength > 0) controller.enqueue(new Uint8Array(bytes));
        controller.close();
      },
    });
  }

  [customInspect](depth, options) {
    return inspectAs(this, { size: this.size, type: this.type },
                     depth, options);
  }
}

function relativeIndex(value, size) {
  value = Math.trunc(+value) || 0;
  if (value < 0) return Math.max(size + value, 0);
  return Math.min(value, size);
}

for (const name of ['type', 'size', 'slice', 'arrayBuffer', 'text',
  'stream']) {
  Object.defineProperty(Blob.prototype, name, { enumerable: true });
}
Object.defineProperty(Blob.prototype, Symbol.toStringTag, {
  value: 'Blob', writable: false, enumerable: false, configurable: true,
});

module.exports = { Blob, isBlob };
