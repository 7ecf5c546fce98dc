'use strict';

// AbortController and AbortSignal: a signal is an EventTarget that fires
// one trusted 'abort' event, once, carrying a reason.

const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');
const {
  validateAbortSignal,
  validateAbortSignalArray,
  validateObject,
  validateUint32,
} = require('internal/validators');
const {
  Event,
  EventTarget,
  defineEventHandler,
  kTrustEvent,
} = require('internal/event_target');
const { DOMException } = require('internal/per_context/domexception');
const { Timeout } = require('internal/timers');
const { inspectAs } = require('internal/util/inspect_helpers');

const kAborted = Symbol('kAborted');
const kReason = Symbol('kReason');
const kSignal = Symbol('signal');
// Lets the runtime construct what users may not.
const kConstruct = Symbol('kConstruct');

const customInspect = Symbol.for('nodejs.util.inspect.custom');

function isAbortSignal(value) {
  return value !== null && typeof value === 'object' && kAborted in value;
}

function checkSignal(self) {
  if (!isAbortSignal(self)) throw new ERR_INVALID_THIS('AbortSignal');
}

class AbortSignal extends EventTarget {
  constructor() {
    if (arguments[0] !== kConstruct) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super();
    this[kAborted] = false;
    this[kReason] = undefined;
  }

  get aborted() {
    checkSignal(this);
    return this[kAborted];
  }

  get reason() {
    checkSignal(this);
    return this[kReason];
  }

  throwIfAborted() {
    checkSignal(this);
    if (this[kAborted]) throw this[kReason];
  }

  [customInspect](depth, options) {
    return inspectAs(this, { aborted: this.aborted }, depth, options);
  }

  static abort(reason = new DOMException('This operation was aborted',
                                         'AbortError')) {
    const signal = createAbortSignal();
    signal[kAborted] = true;
    signal[kReason] = reason;
    return signal;
  }

  static timeout(delay) {
    validateUint32(delay, 'delay', false);
    const signal = createAbortSignal();
    // An unref'd timer: it does not keep the process alive.
    new Timeout(() => {
      abortSignal(signal, new DOMException(
        'The operation was aborted due to timeout', 'TimeoutError'));
    }, delay, undefined, false, false);
    return signal;
  }

  // A signal that aborts as soon as any of `signals` does, with its reason.
  static any(signals) {
    validateAbortSignalArray(signals, 'signals');
    const signal = createAbortSignal();
    for (const source of signals) {
      if (source.aborted) {
        signal[kAborted] = true;
        signal[kReason] = source.reason;
        return signal;
      }
    }
    const hooks = [];
    const unhook = () => {
      for (const [source, hook] of hooks) {
        source.removeEventListener('abort', hook);
      }
    };
    for (const source of signals) {
      const hook = () => {
        unhook();
        abortSignal(signal, source.reason);
      };
      hooks.push([source, hook]);
      source.addEventListener('abort', hook, { once: true });
    }
    return signal;
  }
}

defineEventHandler(AbortSignal.prototype, 'abort');
Object.defineProperty(AbortSignal.prototype, 'aborted', { enumerable: true });
Object.defineProperty(AbortSignal.prototype, Symbol.toStringTag, {
  value: 'AbortSignal', writable: false, enumerable: false,
  configurable: true,
});
function createAbortSignal() {
  return new AbortSignal(kConstruct);
}

// Aborts `signal` (once) and fires its 'abort' event.
function abortSignal(signal, reason) {
  if (signal[kAborted]) return;
  signal[kAborted] = true;
  signal[kReason] = reason;
  signal.dispatchEvent(new Event('abort', { [kTrustEvent]: true }));
}

function checkController(self) {
  if (self === null || typeof self !== 'object' || !(kSignal in self)) {
    throw new ERR_INVALID_THIS('AbortController');
  }
}

class AbortController {
  constructor() {
    this[kSignal] = createAbortSignal();
  }

  get signal() {
    checkController(this);
    return this[kSignal];
  }

  abort(reason = new DOMException('This operation was aborted',
                                  'AbortError')) {
    checkController(this);
    abortSignal(this[kSignal], reason);
  }

  [customInspect](depth, options) {
    return inspectAs(this, { signal: this.signal }, depth, options);
  }
}

for (const name of ['signal', 'abort']) {
  Object.defineProperty(AbortController.prototype, name, { enumerable: true });
}
Object.defineProperty(AbortController.prototype, Symbol.toStringTag, {
  value: 'AbortController', writable: false, enumerable: false,
  configurable: true,
});

// util.aborted(): resolves (with the 'abort' event) once `signal` aborts,
// while `resource` is in use.
async function aborted(signal, resource) {
  if (signal === undefined) {
    throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  }
  validateAbortSignal(signal, 'signal');
  validateObject(resource, 'resource', { allowArray: true,
                                         allowFunction: true });
  if (signal.aborted) return;
  return new Promise((resolve) => {
    signal.addEventListener('abort', resolve, { once: true });
  });
}

module.exports = {
  AbortController,
  AbortSignal,
  aborted,
  abortSignal,
  createAbortSignal,
  isAbortSignal,
  kAborted,
};
