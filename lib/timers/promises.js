'use strict';

// timers/promises: the timers as promises (setTimeout, setImmediate) and an
// async iterator (setInterval), each cancellable through an AbortSignal,
// plus the scheduler object.

const {
  AbortError,
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');
const {
  validateAbortSignal,
  validateBoolean,
  validateObject,
} = require('internal/validators');
const {
  Timeout,
  Immediate,
  clearTimeout,
  clearImmediate,
} = require('internal/timers');

function abortError(signal) {
  return new AbortError(undefined, { cause: signal?.reason });
}

// The checks all three functions make on their options; returns the
// options' { signal, ref }.
function readOptions(options) {
  validateObject(options, 'options');
  const { signal, ref = true } = options;
  validateAbortSignal(signal, 'options.signal');
  validateBoolean(ref, 'options.ref');
  return { signal, ref };
}

// A promise of the timer that `start(ref, done)` makes, which resolves it
// by calling done(value); `stop(timer)` cancels the timer when the signal
// aborts first. Bad options reject rather than throw.
function cancellable(options, start, stop) {
  let signal;
  let ref;
  try {
    ({ signal, ref } = readOptions(options));
  } catch (err) {
    return Promise.reject(err);
  }
  if (signal?.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    let onAbort;
    const timer = start(ref, (value) => {
      if (signal) signal.removeEventListener('abort', onAbort);
      resolve(value);
    });
    if (signal) {
      onAbort = () => {
        stop(timer);
        reject(abortError(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
    }
  });
}

function setTimeout(after, value, options = {}) {
  return cancellable(options, (ref, done) =>
    new Timeout(() => done(value), after, undefined, false, ref),
  clearTimeout);
}

function setImmediate(value, options = {}) {
  return cancellable(options, (ref, done) => {
    const immediate = new Immediate(() => done(value), undefined);
    if (!ref) immediate.unref();
    return immediate;
  }, clearImmediate);
}

// Yields `value` every `after` ms. Firings that happen while the consumer
// is busy are not lost: each one is yielded, without waiting, even after
// an abort (which then ends the iteration with an AbortError).
async function* setInterval(after, value, options = {}) {
  const { signal, ref } = readOptions(options);
  if (signal?.aborted) throw abortError(signal);

  let due = 0;
  let wake;
  const interval = new Timeout(() => {
    due++;
    if (wake !== undefined) {
      wake();
      wake = undefined;
    }
  }, after, undefined, true, ref);
  const onAbort = () => {
    clearTimeout(interval);
    if (wake !== undefined) {
      wake();
      wake = undefined;
    }
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      if (due === 0) {
        if (signal?.aborted) throw abortError(signal);
        await new Promise((resolve) => { wake = resolve; });
        continue;
      }
      due--;
      yield value;
    }
  } finally {
    clearTimeout(interval);
    signal?.removeEventListener('abort', onAbort);
  }
}

const kScheduler = Symbol('kScheduler');

function checkScheduler(self) {
  if (self?.[kScheduler] !== true) throw new ERR_INVALID_THIS('Scheduler');
}

// The scheduler of the Prioritized Task Scheduling proposal, as far as
// Node 18 has it.
class Scheduler {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  yield() {
    checkScheduler(this);
    return setImmediate();
  }

  wait(delay, options) {
    checkScheduler(this);
    // Only the signal is taken from the options.
    return setTimeout(delay, undefined, { signal: options?.signal });
  }
}

const scheduler = Object.create(Scheduler.prototype, {
  [kScheduler]: {
    value: true, writable: false, enumerable: true, configurable: false,
  },
});

module.exports = {
  setTimeout,
  setImmediate,
  setInterval,
  scheduler,
};
