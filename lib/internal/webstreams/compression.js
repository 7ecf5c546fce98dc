'use strict';

// CompressionStream and DecompressionStream: TransformStreams around the
// zlib module's streams. Node 18 knows 'deflate' and 'gzip' only.

const {
  codes: { ERR_INVALID_ARG_VALUE, ERR_INVALID_THIS },
} = require('internal/errors');
const { inspectAs } = require('internal/util/inspect_helpers');
const { TransformStream } = require('internal/webstreams/transformstream');
const { finishClass } = require('internal/webstreams/readablestream');

const kTransform = Symbol('kTransform');
const customInspect = Symbol.for('nodejs.util.inspect.custom');

let zlib;

// A TransformStream whose chunks go through the zlib stream `z`; what z
// gives out is enqueued as Uint8Arrays, its errors error both sides.
function zlibTransform(z) {
  return new TransformStream({
    start(controller) {
      z.on('data', (data) => {
        controller.enqueue(
          new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      });
      z.on('error', (err) => controller.error(err));
    },
    transform(chunk) {
      return new Promise((resolve, reject) => {
        z.write(chunk, (err) => (err ? reject(err) : resolve()));
      });
    },
    flush() {
      return new Promise((resolve, reject) => {
        z.once('end', resolve);
        z.once('error', reject);
        z.end();
      });
    },
  });
}

function makeZlib(format, compress) {
  if (zlib === undefined) zlib = require('zlib');
  if (format === 'deflate') {
    return compress ? zlib.createDeflate() : zlib.createInflate();
  }
  if (format === 'gzip') {
    return compress ? zlib.createGzip() : zlib.createGunzip();
  }
  throw new ERR_INVALID_ARG_VALUE('format', format);
}

function makeClass(name, compress) {
  const Class = {
    [name]: class {
      constructor(format) {
        this[kTransform] = zlibTransform(makeZlib(format, compress));
      }

      get readable() {
        if (this?.[kTransform] === undefined) throw new ERR_INVALID_THIS(name);
        return this[kTransform].readable;
      }

      get writable() {
        if (this?.[kTransform] === undefined) throw new ERR_INVALID_THIS(name);
        return this[kTransform].writable;
      }

      // Node 18 prints undefined here (its inspector returns nothing);
      // this prints the two sides, as its Text*Stream classes do.
      [customInspect](depth, options) {
        return inspectAs(this, {
          readable: this[kTransform].readable,
          writable: this[kTransform].writable,
        }, depth, options);
      }
    },
  }[name];
  finishClass(Class, name, ['readable', 'writable']);
  return Class;
}

module.exports = {
  CompressionStream: makeClass('CompressionStream', true),
  DecompressionStream: makeClass('DecompressionStream', false),
};
