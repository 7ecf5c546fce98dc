'use strict';

// CountQueuingStrategy and ByteLengthQueuingStrategy: a high-water mark
// and the size of one chunk (1, or its byteLength).

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
    ERR_MISSING_OPTION,
  },
} = require('internal/errors');
const { inspectAs } = require('internal/util/inspect_helpers');
const { finishClass } = require('internal/webstreams/readablestream');

const kHighWaterMark = Symbol('kHighWaterMark');
const customInspect = Symbol.for('nodejs.util.inspect.custom');

function readInit(init) {
  if (init === null || typeof init !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('init', 'Object', init);
  }
  if (init.highWaterMark === undefined) {
    throw new ERR_MISSING_OPTION('init.highWaterMark');
  }
  return +init.highWaterMark;
}

// The same size function for every instance, as the standard asks.
function countSize() { return 1; }
Object.defineProperty(countSize, 'name', { value: 'size' });
function byteLengthSize(chunk) { return chunk.byteLength; }
Object.defineProperty(byteLengthSize, 'name', { value: 'size' });

function makeStrategy(name, size) {
  const Class = {
    [name]: class {
      constructor(init) {
        this[kHighWaterMark] = readInit(init);
      }

      get highWaterMark() {
        if (this?.[kHighWaterMark] === undefined) {
          throw new ERR_INVALID_THIS(name);
        }
        return this[kHighWaterMark];
      }

      get size() {
        if (this?.[kHighWaterMark] === undefined) {
          throw new ERR_INVALID_THIS(name);
        }
        return size;
      }

      [customInspect](depth, options) {
        return inspectAs(this, { highWaterMark: this[kHighWaterMark] },
                         depth, options);
      }
    },
  }[name];
  finishClass(Class, name, ['highWaterMark', 'size']);
  return Class;
}

module.exports = {
  ByteLengthQueuingStrategy: makeStrategy('ByteLengthQueuingStrategy',
                                          byteLengthSize),
  CountQueuingStrategy: makeStrategy('CountQueuingStrategy', countSize),
};
