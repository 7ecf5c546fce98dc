'use strict';

// Iterator helpers installed on Readable.prototype (experimental in
// Node 18): map, filter, forEach, toArray, some, find, every, flatMap,
// drop, take, asIndexedPairs, reduce. Each works on `this` through async
// iteration; compose() joins `this` to a stream with stream.compose().

const {
  AbortError,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_MISSING_ARGS,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');
const {
  validateAbortSignal,
  validateInteger,
  validateObject,
} = require('internal/validators');
const {
  isNodeStream,
  isWritable,
  newAbortController,
} = require('internal/streams/utils');
const eos = require('internal/streams/end-of-stream');

// compose.js needs the stream classes, which load this file: required
// when first used.
let staticCompose;
let addAbortSignalNoValidate;

// Markers inside map(): the end of input, and "skip this value".
const kEof = Symbol('kEof');
const kSkip = Symbol('kSkip');

function checkFunction(fn, name) {
  if (typeof fn !== 'function')
    throw new ERR_INVALID_ARG_TYPE(name, ['Function', 'AsyncFunction'], fn);
}

function checkOptions(options) {
  if (options != null) validateObject(options, 'options');
  if (options && options.signal != null)
    validateAbortSignal(options.signal, 'options.signal');
}

function throwIfAborted(options) {
  if (options && options.signal && options.signal.aborted)
    throw new AbortError(undefined, { cause: options.signal.reason });
}

// Like Number#toIntegerOrInfinity in the spec.
function toIntegerOrInfinity(n) {
  n = Number(n);
  if (Number.isNaN(n)) return 0;
  if (n === Infinity || n === -Infinity) return n;
  return Math.trunc(n);
}

// map() runs fn on up to `concurrency` values at a time and yields the
// results in input order.
function map(fn, options) {
  checkFunction(fn, 'fn');
  checkOptions(options);
  let concurrency = 1;
  if (options && options.concurrency != null)
    concurrency = Math.floor(options.concurrency);
  validateInteger(concurrency, 'options.concurrency', 1);

  const source = this;
  return (async function* mapped() {
    const ac = newAbortController();
    const signal = ac.signal;
    const callOptions = { signal };
    const outer = options && options.signal;
    const onOuterAbort = () => ac.abort();
    if (outer) {
      if (outer.aborted) ac.abort();
      outer.addEventListener('abort', onOuterAbort);
    }

    const pending = [];      // promises (or values) in input order
    let stopped = false;     // consumer gone or a call failed
    let wakeConsumer = null;
    let wakeProducer = null;

    const stop = () => { stopped = true; };
    const notify = () => {
      if (wakeConsumer) {
        const fn = wakeConsumer;
        wakeConsumer = null;
        fn();
      }
    };

    async function produce() {
      try {
        for await (const item of source) {
          if (stopped) return;
          if (signal.aborted) throw new AbortError();
          let result;
          try {
            result = fn(item, callOptions);
          } catch (err) {
            result = Promise.reject(err);
          }
          if (result === kSkip) continue;
          // Stop pulling input as soon as any call fails.
          if (result && typeof result.catch === 'function') result.catch(stop);
          pending.push(result);
          notify();
          if (!stopped && pending.length >= concurrency)
            await new Promise((resolve) => { wakeProducer = resolve; });
        }
        pending.push(kEof);
      } catch (err) {
        const failed = Promise.reject(err);
        failed.then(undefined, stop);
        pending.push(failed);
      } finally {
        stopped = true;
        notify();
        if (outer) outer.removeEventListener('abort', onOuterAbort);
      }
    }

    produce();

    try {
      for (;;) {
        while (pending.length > 0) {
          const value = await pending[0];
          if (value === kEof) return;
          if (signal.aborted) throw new AbortError();
          if (value !== kSkip) yield value;
          pending.shift();
          if (wakeProducer) {
            const fn = wakeProducer;
            wakeProducer = null;
            fn();
          }
        }
        await new Promise((resolve) => { wakeConsumer = resolve; });
      }
    } finally {
      ac.abort();
      stopped = true;
      if (wakeProducer) {
        const fn = wakeProducer;
        wakeProducer = null;
        fn();
      }
    }
  })();
}

let warnedIndexedPairs = false;
function asIndexedPairs(options = undefined) {
  checkOptions(options);
  if (!warnedIndexedPairs) {
    warnedIndexedPairs = true;
    process.emitWarning(
      'readable.asIndexedPairs will be removed in a future version.',
      'DeprecationWarning');
  }
  const source = this;
  return (async function* indexedPairs() {
    let index = 0;
    for await (const value of source) {
      throwIfAborted(options);
      yield [index++, value];
    }
  })();
}

async function some(fn, options = undefined) {
  for await (const unused of filter.call(this, fn, options)) {
    return true;
  }
  return false;
}

async function every(fn, options = undefined) {
  checkFunction(fn, 'fn');
  return !(await some.call(this, async (...args) => !(await fn(...args)),
                           options));
}

async function find(fn, options) {
  for await (const result of filter.call(this, fn, options)) {
    return result;
  }
  return undefined;
}

async function forEach(fn, options) {
  checkFunction(fn, 'fn');
  async function forEachFn(value, opts) {
    await fn(value, opts);
    return kSkip;
  }
  for await (const unused of map.call(this, forEachFn, options));
}

function filter(fn, options) {
  checkFunction(fn, 'fn');
  async function filterFn(value, opts) {
    if (await fn(value, opts)) return value;
    return kSkip;
  }
  return map.call(this, filterFn, options);
}

async function reduce(reducer, initialValue, options) {
  checkFunction(reducer, 'reducer');
  checkOptions(options);
  let hasInitial = arguments.length > 1;
  if (options && options.signal && options.signal.aborted) {
    // As in Node, the stream is destroyed with the abort before rejecting.
    const err = new AbortError(undefined, { cause: options.signal.reason });
    this.once('error', () => {});
    await new Promise((resolve) => {
      eos(this.destroy(err), resolve);
    });
    throw err;
  }

  const ac = newAbortController();
  const signal = ac.signal;
  const outer = options && options.signal;
  const onOuterAbort = () => ac.abort();
  if (outer) outer.addEventListener('abort', onOuterAbort, { once: true });

  let gotAny = false;
  try {
    for await (const value of this) {
      gotAny = true;
      throwIfAborted(options);
      if (!hasInitial) {
        initialValue = value;
        hasInitial = true;
      } else {
        initialValue = await reducer(initialValue, value, { signal });
      }
    }
    if (!gotAny && !hasInitial) {
      const err = new ERR_MISSING_ARGS('reduce');
      err.message = 'Reduce of an empty stream requires an initial value';
      throw err;
    }
  } finally {
    ac.abort();
    if (outer) outer.removeEventListener('abort', onOuterAbort);
  }
  return initialValue;
}

async function toArray(options) {
  checkOptions(options);
  const result = [];
  for await (const value of this) {
    throwIfAborted(options);
    result.push(value);
  }
  return result;
}

function flatMap(fn, options) {
  const values = map.call(this, fn, options);
  return (async function* flattened() {
    for await (const value of values) yield* value;
  })();
}

function drop(number, options = undefined) {
  checkOptions(options);
  number = toIntegerOrInfinity(number);
  if (number < 0) throw new ERR_OUT_OF_RANGE('number', '>= 0', number);
  const source = this;
  return (async function* dropped() {
    throwIfAborted(options);
    for await (const value of source) {
      throwIfAborted(options);
      if (number-- <= 0) yield value;
    }
  })();
}

function take(number, options = undefined) {
  checkOptions(options);
  number = toIntegerOrInfinity(number);
  if (number < 0) throw new ERR_OUT_OF_RANGE('number', '>= 0', number);
  const source = this;
  return (async function* taken() {
    throwIfAborted(options);
    if (number <= 0) return;
    for await (const value of source) {
      throwIfAborted(options);
      yield value;
      if (--number <= 0) return;
    }
  })();
}

// readable.compose(stream, options): stream.compose(this, stream), ended
// early by options.signal.
function compose(stream, options) {
  checkOptions(options);
  if (isNodeStream(stream) && !isWritable(stream)) {
    throw new ERR_INVALID_ARG_VALUE('stream', stream, 'must be writable');
  }
  if (staticCompose === undefined) {
    staticCompose = require('internal/streams/compose');
    ({ addAbortSignalNoValidate } =
      require('internal/streams/add-abort-signal'));
  }
  const composed = staticCompose(this, stream);
  if (options && options.signal) {
    addAbortSignalNoValidate(options.signal, composed);
  }
  return composed;
}

module.exports.streamReturningOperators = {
  asIndexedPairs,
  drop,
  filter,
  flatMap,
  map,
  take,
  compose,
};

module.exports.promiseReturningOperators = {
  every,
  forEach,
  reduce,
  toArray,
  some,
  find,
};
