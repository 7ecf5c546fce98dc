'use strict';

// performance.timerify(fn): a wrapper that times each call of fn and hands
// a 'function' entry (detail: the arguments) to PerformanceObservers.

const {
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const {
  validateFunction,
  validateObject,
} = require('internal/validators');
const { now } = require('internal/perf/utils');
const { createPerformanceEntry } = require('internal/perf/performance_entry');
const { enqueue, hasObserver } = require('internal/perf/observe');

const { isPromise } = internalBinding('types');

function report(name, start, args) {
  // Entries nobody observes are not worth making.
  if (!hasObserver('function')) return;
  enqueue(createPerformanceEntry(name, 'function', start, now() - start,
                                 args));
}

function timerify(fn, options = {}) {
  validateFunction(fn, 'fn');
  validateObject(options, 'options');
  const { histogram } = options;
  if (histogram !== undefined) {
    // No RecordableHistogram exists in this runtime yet, so no value fits.
    throw new ERR_INVALID_ARG_TYPE('options.histogram', 'RecordableHistogram',
                                   histogram);
  }

  function timerified(...args) {
    const start = now();
    const result = new.target ?
      Reflect.construct(fn, args, fn) :
      Reflect.apply(fn, this, args);
    // An async function's time runs until its promise settles.
    if (!new.target && isPromise(result)) {
      return result.finally(() => report(fn.name, start, args));
    }
    report(fn.name, start, args);
    return result;
  }

  Object.defineProperties(timerified, {
    length: {
      value: fn.length, writable: false, enumerable: true,
      configurable: false,
    },
    name: {
      value: `timerified ${fn.name}`, writable: false, enumerable: true,
      configurable: false,
    },
  });
  return timerified;
}

module.exports = { timerify };
