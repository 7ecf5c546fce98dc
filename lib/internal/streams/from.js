'use strict';

// Readable.from(iterable[, options]): a Readable fed from a sync or async
// iterable. Strings and Buffers are pushed whole, not char by char.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_STREAM_NULL_VALUES },
} = require('internal/errors');
const { isBuffer } = require('internal/streams/chunk');

function from(Readable, iterable, opts) {
  if (typeof iterable === 'string' || isBuffer(iterable)) {
    return new Readable({
      objectMode: true,
      ...opts,
      read() {
        this.push(iterable);
        this.push(null);
      },
    });
  }

  let iterator;
  let isAsync;
  if (iterable && typeof iterable[Symbol.asyncIterator] === 'function') {
    isAsync = true;
    iterator = iterable[Symbol.asyncIterator]();
  } else if (iterable && typeof iterable[Symbol.iterator] === 'function') {
    isAsync = false;
    iterator = iterable[Symbol.iterator]();
  } else {
    throw new ERR_INVALID_ARG_TYPE('iterable', ['Iterable'], iterable);
  }

  const readable = new Readable({
    objectMode: true,
    highWaterMark: 1,
    ...opts,
  });

  // True while a pull loop is running; _read() calls during it are no-ops.
  let pulling = false;

  readable._read = function() {
    if (!pulling) {
      pulling = true;
      pull();
    }
  };

  readable._destroy = function(error, cb) {
    closeIterator(error).then(
      () => process.nextTick(cb, error),
      (e) => process.nextTick(cb, e || error));
  };

  // Give the iterator a chance to clean up: throw() on error, return().
  async function closeIterator(error) {
    const failed = error !== undefined && error !== null;
    if (failed && typeof iterator.throw === 'function') {
      const { value, done } = await iterator.throw(error);
      await value;
      if (done) return;
    }
    if (typeof iterator.return === 'function') {
      const { value } = await iterator.return();
      await value;
    }
  }

  async function pull() {
    try {
      for (;;) {
        const step = isAsync ? await iterator.next() : iterator.next();
        if (step.done) {
          readable.push(null);
          return;
        }
        let value = step.value;
        if (value && typeof value.then === 'function') value = await value;
        if (value === null) {
          pulling = false;
          throw new ERR_STREAM_NULL_VALUES();
        }
        if (!readable.push(value)) {
          pulling = false;
          return;
        }
      }
    } catch (err) {
      readable.destroy(err);
    }
  }

  return readable;
}

module.exports = from;
