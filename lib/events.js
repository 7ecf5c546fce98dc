'use strict';

// EventEmitter, plus the promise / async-iterator helpers events.once()
// and events.on(). Listeners live in `this._events` (a null-prototype
// object mapping event name -> function, or -> array when there are
// several); many npm packages read that field directly, so its shape
// matters.

const {
  AbortError,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_OUT_OF_RANGE,
    ERR_UNHANDLED_ERROR,
  },
  genericNodeError,
  kEnhanceStackBeforeInspector,
} = require('internal/errors');
const {
  validateAbortSignal,
  validateBoolean,
  validateFunction,
} = require('internal/validators');

const kCapture = Symbol('kCapture');
const kErrorMonitor = Symbol('events.errorMonitor');
const kRejection = Symbol.for('nodejs.rejection');
const kMaxEventTargetListeners = Symbol('events.maxEventTargetListeners');
const kMaxEventTargetListenersWarned =
  Symbol('events.maxEventTargetListenersWarned');
const kDispose = Symbol.dispose || Symbol.for('nodejs.dispose');

const AsyncIteratorPrototype = Object.getPrototypeOf(
  Object.getPrototypeOf(async function* () {}).prototype);

let defaultMaxListeners = 10;

let inspectFn;
function inspect(value, options) {
  if (inspectFn === undefined) {
    inspectFn = require('internal/util/inspect').inspect;
  }
  return inspectFn(value, options);
}

// EventTarget support lives elsewhere; use it only when it is there.
let eventTargetModule;
function eventTargetSupport() {
  if (eventTargetModule === undefined) {
    try {
      eventTargetModule = require('internal/event_target');
    } catch {
      eventTargetModule = null;
    }
  }
  return eventTargetModule;
}

function isEventTarget(obj) {
  const support = eventTargetSupport();
  if (support !== null && typeof support.isEventTarget === 'function') {
    return support.isEventTarget(obj);
  }
  return typeof EventTarget === 'function' && obj instanceof EventTarget;
}

function checkListener(listener) {
  validateFunction(listener, 'listener');
}

function checkMaxListeners(n, name) {
  if (typeof n !== 'number' || n < 0 || Number.isNaN(n)) {
    throw new ERR_OUT_OF_RANGE(name, 'a non-negative number', n);
  }
}

function EventEmitter(opts) {
  EventEmitter.init.call(this, opts);
}

EventEmitter.prototype._events = undefined;
EventEmitter.prototype._eventsCount = 0;
EventEmitter.prototype._maxListeners = undefined;
Object.defineProperty(EventEmitter.prototype, kCapture, {
  value: false,
  writable: true,
  enumerable: false,
  configurable: true,
});

function getMaxListenersOf(emitter) {
  if (emitter._maxListeners === undefined) return defaultMaxListeners;
  return emitter._maxListeners;
}

EventEmitter.prototype.setMaxListeners = function setMaxListeners(n) {
  checkMaxListeners(n, 'n');
  this._maxListeners = n;
  return this;
};

EventEmitter.prototype.getMaxListeners = function getMaxListeners() {
  return getMaxListenersOf(this);
};

// With captureRejections on, a listener's rejected promise becomes an
// 'error' event (or a call to this[Symbol.for('nodejs.rejection')]).
function watchForRejection(emitter, result, type, args) {
  if (!emitter[kCapture]) return;
  try {
    const then = result.then;
    if (typeof then === 'function') {
      then.call(result, undefined, (err) => {
        process.nextTick(reportRejection, emitter, err, type, args);
      });
    }
  } catch (err) {
    emitter.emit('error', err);
  }
}

function reportRejection(emitter, err, type, args) {
  if (typeof emitter[kRejection] === 'function') {
    emitter[kRejection](err, type, ...args);
    return;
  }
  // Emit without capturing, so a failing 'error' listener cannot loop.
  const prev = emitter[kCapture];
  try {
    emitter[kCapture] = false;
    emitter.emit('error', err);
  } finally {
    emitter[kCapture] = prev;
  }
}

// The first run (longer than three lines) of `a` that also appears in
// `b`: { len, offset } with offset its start in `a`.
function sharedRun(a, b) {
  for (let i = 0; i < a.length - 3; i++) {
    const pos = b.indexOf(a[i]);
    if (pos === -1 || b.length - pos <= 3) continue;
    const maxLen = Math.min(a.length - i, b.length - pos);
    let len = 1;
    while (len < maxLen && a[i + len] === b[pos + len]) len++;
    if (len > 3) return { len, offset: i };
  }
  return { len: 0, offset: 0 };
}

// Give an unhandled 'error' a hook (see kEnhanceStackBeforeInspector)
// that adds where it was emitted to the printed stack.
function noteEmitSite(emitter, er) {
  try {
    const capture = {};
    Error.captureStackTrace(capture, EventEmitter.prototype.emit);
    Object.defineProperty(er, kEnhanceStackBeforeInspector, {
      value() {
        let ctorInfo = '';
        try {
          const { name } = emitter.constructor;
          if (name !== 'EventEmitter') ctorInfo = ` on ${name} instance`;
        } catch {
          // Keep it short.
        }
        const sep = `\nEmitted 'error' event${ctorInfo} at:\n`;
        const errStack = String(er.stack).split('\n').slice(1);
        const ownStack = String(capture.stack).split('\n').slice(1);
        const { len, offset } = sharedRun(ownStack, errStack);
        if (len > 0) {
          ownStack.splice(offset + 1, len - 2,
                          '    [... lines matching original stack trace ...]');
        }
        return er.stack + sep + ownStack.join('\n');
      },
      configurable: true,
    });
  } catch {
    // Best effort only.
  }
}

function describeUnhandled(er) {
  try {
    return inspect(er);
  } catch {
    return er;
  }
}

// A copy of a listener array; literal arrays for the usual small counts
// are cheaper for V8 than slice().
function copyListeners(a) {
  switch (a.length) {
    case 2: return [a[0], a[1]];
    case 3: return [a[0], a[1], a[2]];
    case 4: return [a[0], a[1], a[2], a[3]];
    default: return a.slice();
  }
}

EventEmitter.prototype.emit = function emit(type, ...args) {
  let doError = type === 'error';
  const events = this._events;
  if (events !== undefined) {
    if (doError && events[kErrorMonitor] !== undefined) {
      this.emit(kErrorMonitor, ...args);
    }
    doError = doError && events.error === undefined;
  } else if (!doError) {
    return false;
  }

  if (doError) {
    // Nobody listens for 'error': throw it.
    const er = args.length > 0 ? args[0] : undefined;
    if (er instanceof Error) {
      noteEmitSite(this, er);
      throw er; // Unhandled 'error' event
    }
    const err = new ERR_UNHANDLED_ERROR(describeUnhandled(er));
    err.context = er;
    throw err; // Unhandled 'error' event
  }

  const handler = events[type];
  if (handler === undefined) return false;

  // The listener's own apply is used, as in Node (and it lets the engine
  // inline the listener here, which Reflect.apply does not).
  if (typeof handler === 'function') {
    const result = handler.apply(this, args);
    if (result !== undefined && result !== null) {
      watchForRejection(this, result, type, args);
    }
  } else {
    // Copy so listeners added or removed during emit do not affect it.
    const listeners = copyListeners(handler);
    for (let i = 0; i < listeners.length; i++) {
      const result = listeners[i].apply(this, args);
      if (result !== undefined && result !== null) {
        watchForRejection(this, result, type, args);
      }
    }
  }
  return true;
};

function addListenerTo(target, type, listener, prepend) {
  checkListener(listener);

  let events = target._events;
  if (events === undefined) {
    events = target._events = Object.create(null);
    target._eventsCount = 0;
  } else {
    if (events.newListener !== undefined) {
      target.emit('newListener', type,
                  listener.listener ? listener.listener : listener);
      // A 'newListener' listener may have replaced _events.
      events = target._events;
    }
  }

  let existing = events[type];
  if (existing === undefined) {
    events[type] = listener;
    ++target._eventsCount;
    return target;
  }

  if (typeof existing === 'function') {
    existing = events[type] = prepend ? [listener, existing]
                                      : [existing, listener];
  } else if (prepend) {
    existing.unshift(listener);
  } else {
    existing.push(listener);
  }

  const max = getMaxListenersOf(target);
  if (max > 0 && existing.length > max && !existing.warned) {
    existing.warned = true;
    const w = genericNodeError(
      'Possible EventEmitter memory leak detected. ' +
      `${existing.length} ${String(type)} listeners ` +
      `added to ${inspect(target, { depth: -1 })}. Use ` +
      'emitter.setMaxListeners() to increase limit',
      { name: 'MaxListenersExceededWarning', emitter: target, type,
        count: existing.length });
    process.emitWarning(w);
  }
  return target;
}

EventEmitter.prototype.addListener = function addListener(type, listener) {
  return addListenerTo(this, type, listener, false);
};

EventEmitter.prototype.on = EventEmitter.prototype.addListener;

EventEmitter.prototype.prependListener =
  function prependListener(type, listener) {
    return addListenerTo(this, type, listener, true);
  };

// Called with `this` bound to the state object made by wrapOnce().
function onceWrapper(...args) {
  if (this.fired) return undefined;
  this.target.removeListener(this.type, this.wrapFn);
  this.fired = true;
  // Node calls the listener's own call/apply.
  if (args.length === 0) return this.listener.call(this.target);
  return this.listener.apply(this.target, args);
}

function wrapOnce(target, type, listener) {
  const state = { fired: false, wrapFn: undefined, target, type, listener };
  const wrapped = onceWrapper.bind(state);
  // removeListener(type, original) finds the wrapper through this.
  wrapped.listener = listener;
  state.wrapFn = wrapped;
  return wrapped;
}

EventEmitter.prototype.once = function once(type, listener) {
  checkListener(listener);
  this.on(type, wrapOnce(this, type, listener));
  return this;
};

EventEmitter.prototype.prependOnceListener =
  function prependOnceListener(type, listener) {
    checkListener(listener);
    this.prependListener(type, wrapOnce(this, type, listener));
    return this;
  };

EventEmitter.prototype.removeListener =
  function removeListener(type, listener) {
    checkListener(listener);

    const events = this._events;
    if (events === undefined) return this;
    const list = events[type];
    if (list === undefined) return this;

    if (list === listener || list.listener === listener) {
      if (--this._eventsCount === 0) {
        this._events = Object.create(null);
      } else {
        delete events[type];
        if (events.removeListener) {
          this.emit('removeListener', type, list.listener || listener);
        }
      }
      return this;
    }

    if (typeof list === 'function') return this;

    // Remove the most recently added match.
    let position = -1;
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i] === listener || list[i].listener === listener) {
        position = i;
        break;
      }
    }
    if (position < 0) return this;

    if (position === 0) {
      list.shift();
    } else {
      list.splice(position, 1);
    }
    if (list.length === 1) events[type] = list[0];

    if (events.removeListener !== undefined) {
      this.emit('removeListener', type, listener);
    }
    return this;
  };

EventEmitter.prototype.off = EventEmitter.prototype.removeListener;

EventEmitter.prototype.removeAllListeners =
  function removeAllListeners(type) {
    const events = this._events;
    if (events === undefined) return this;

    // Without 'removeListener' listeners nothing needs to be told.
    if (events.removeListener === undefined) {
      if (arguments.length === 0) {
        this._events = Object.create(null);
        this._eventsCount = 0;
      } else if (events[type] !== undefined) {
        if (--this._eventsCount === 0) {
          this._events = Object.create(null);
        } else {
          delete events[type];
        }
      }
      return this;
    }

    if (arguments.length === 0) {
      // 'removeListener' goes last so it hears about everything else.
      for (const key of Reflect.ownKeys(events)) {
        if (key === 'removeListener') continue;
        this.removeAllListeners(key);
      }
      this.removeAllListeners('removeListener');
      this._events = Object.create(null);
      this._eventsCount = 0;
      return this;
    }

    const listeners = events[type];
    if (typeof listeners === 'function') {
      this.removeListener(type, listeners);
    } else if (listeners !== undefined) {
      // Last in, first out.
      for (let i = listeners.length - 1; i >= 0; i--) {
        this.removeListener(type, listeners[i]);
      }
    }
    return this;
  };

function listenersOf(target, type, unwrap) {
  const events = target._events;
  if (events === undefined) return [];
  const found = events[type];
  if (found === undefined) return [];
  if (typeof found === 'function') {
    return unwrap ? [found.listener || found] : [found];
  }
  return unwrap ? found.map((l) => l.listener || l) : found.slice();
}

EventEmitter.prototype.listeners = function listeners(type) {
  return listenersOf(this, type, true);
};

EventEmitter.prototype.rawListeners = function rawListeners(type) {
  return listenersOf(this, type, false);
};

function listenerCount(type, listener) {
  const events = this._events;
  if (events === undefined) return 0;
  const found = events[type];
  if (found === undefined) return 0;
  if (typeof found === 'function') {
    if (listener != null) {
      return listener === found || listener === found.listener ? 1 : 0;
    }
    return 1;
  }
  if (listener != null) {
    let count = 0;
    for (const l of found) {
      if (l === listener || l.listener === listener) count++;
    }
    return count;
  }
  return found.length;
}

EventEmitter.prototype.listenerCount = listenerCount;

EventEmitter.prototype.eventNames = function eventNames() {
  return this._eventsCount > 0 ? Reflect.ownKeys(this._events) : [];
};

// ---------------------------------------------------------------------------
// Static helpers

// Listen on either an EventEmitter or an EventTarget.
// The option that keeps an internal abort listener running when a user's
// listener stops the event's propagation.
function kResistStopPropagation() {
  return require('internal/event_target').kResistStopPropagation;
}

function addAgnosticListener(emitter, name, listener, flags) {
  if (typeof emitter.on === 'function') {
    if (flags?.once) {
      emitter.once(name, listener);
    } else {
      emitter.on(name, listener);
    }
  } else if (typeof emitter.addEventListener === 'function') {
    emitter.addEventListener(name, listener, flags);
  } else {
    throw new ERR_INVALID_ARG_TYPE('emitter', 'EventEmitter', emitter);
  }
}

function removeAgnosticListener(emitter, name, listener, flags) {
  if (typeof emitter.removeListener === 'function') {
    emitter.removeListener(name, listener);
  } else if (typeof emitter.removeEventListener === 'function') {
    emitter.removeEventListener(name, listener, flags);
  } else {
    throw new ERR_INVALID_ARG_TYPE('emitter', 'EventEmitter', emitter);
  }
}

// Resolves with the arguments of the next `name` event; rejects on
// 'error' (for EventEmitters) or when the signal aborts.
async function once(emitter, name, options = {}) {
  const signal = options?.signal;
  validateAbortSignal(signal, 'options.signal');
  if (signal?.aborted) {
    throw new AbortError(undefined, { cause: signal?.reason });
  }
  return new Promise((resolve, reject) => {
    const errorListener = (err) => {
      emitter.removeListener(name, resolver);
      if (signal != null) {
        removeAgnosticListener(signal, 'abort', abortListener);
      }
      reject(err);
    };
    const resolver = (...args) => {
      if (typeof emitter.removeListener === 'function') {
        emitter.removeListener('error', errorListener);
      }
      if (signal != null) {
        removeAgnosticListener(signal, 'abort', abortListener);
      }
      resolve(args);
    };
    const abortListener = () => {
      removeAgnosticListener(emitter, name, resolver);
      removeAgnosticListener(emitter, 'error', errorListener);
      reject(new AbortError(undefined, { cause: signal?.reason }));
    };

    addAgnosticListener(emitter, name, resolver, { once: true });
    if (name !== 'error' && typeof emitter.on === 'function') {
      emitter.once('error', errorListener);
    }
    if (signal != null) {
      addAgnosticListener(signal, 'abort', abortListener, {
        once: true, [kResistStopPropagation()]: true,
      });
    }
  });
}

function iterResult(value, done) {
  return { value, done };
}

// An async iterator over `event` occurrences, each value being the
// array of the event's arguments.
function on(emitter, event, options = undefined) {
  const signal = options?.signal;
  validateAbortSignal(signal, 'options.signal');
  if (signal?.aborted) {
    throw new AbortError(undefined, { cause: signal?.reason });
  }

  const unconsumedEvents = [];
  const unconsumedPromises = [];
  let error = null;
  let finished = false;

  const removeAll = () => {
    removeAgnosticListener(emitter, event, eventHandler);
    removeAgnosticListener(emitter, 'error', errorHandler);
  };

  const iterator = Object.setPrototypeOf({
    next() {
      const value = unconsumedEvents.shift();
      if (value) return Promise.resolve(iterResult(value, false));
      // An error that arrived while nobody was waiting.
      if (error) {
        const p = Promise.reject(error);
        error = null;
        return p;
      }
      if (finished) return Promise.resolve(iterResult(undefined, true));
      return new Promise((resolve, reject) => {
        unconsumedPromises.push({ resolve, reject });
      });
    },

    return() {
      removeAll();
      if (signal) {
        removeAgnosticListener(signal, 'abort', abortListener, { once: true });
      }
      finished = true;
      for (const promise of unconsumedPromises) {
        promise.resolve(iterResult(undefined, true));
      }
      return Promise.resolve(iterResult(undefined, true));
    },

    throw(err) {
      if (!err || !(err instanceof Error)) {
        throw new ERR_INVALID_ARG_TYPE('EventEmitter.AsyncIterator',
                                       'Error', err);
      }
      error = err;
      removeAll();
    },

    [Symbol.asyncIterator]() {
      return this;
    },
  }, AsyncIteratorPrototype);

  function eventHandler(...args) {
    const promise = unconsumedPromises.shift();
    if (promise) {
      promise.resolve(iterResult(args, false));
    } else {
      unconsumedEvents.push(args);
    }
  }

  function errorHandler(err) {
    finished = true;
    const toError = unconsumedPromises.shift();
    if (toError) {
      toError.reject(err);
    } else {
      // Delivered by the next call to next().
      error = err;
    }
    iterator.return();
  }

  function abortListener() {
    errorHandler(new AbortError(undefined, { cause: signal?.reason }));
  }

  addAgnosticListener(emitter, event, eventHandler);
  if (event !== 'error' && typeof emitter.on === 'function') {
    emitter.on('error', errorHandler);
  }
  if (signal) {
    addAgnosticListener(signal, 'abort', abortListener, {
      once: true, [kResistStopPropagation()]: true,
    });
  }
  return iterator;
}

function getEventListeners(emitterOrTarget, type) {
  if (typeof emitterOrTarget?.listeners === 'function') {
    return emitterOrTarget.listeners(type);
  }
  if (isEventTarget(emitterOrTarget)) {
    const support = eventTargetSupport();
    if (support !== null && typeof support.getListeners === 'function') {
      return support.getListeners(emitterOrTarget, type);
    }
    return [];
  }
  throw new ERR_INVALID_ARG_TYPE('emitter', ['EventEmitter', 'EventTarget'],
                                 emitterOrTarget);
}

function getMaxListeners(emitterOrTarget) {
  if (typeof emitterOrTarget?.getMaxListeners === 'function') {
    return getMaxListenersOf(emitterOrTarget);
  }
  if (emitterOrTarget?.[kMaxEventTargetListeners]) {
    return emitterOrTarget[kMaxEventTargetListeners];
  }
  throw new ERR_INVALID_ARG_TYPE('emitter', ['EventEmitter', 'EventTarget'],
                                 emitterOrTarget);
}

// Run `listener` once when `signal` aborts (soon, if it already has).
// Returns a disposable that removes the listener.
function addAbortListener(signal, listener) {
  if (signal === undefined) {
    throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  }
  validateAbortSignal(signal, 'signal');
  validateFunction(listener, 'listener');
  let removeEventListener;
  if (signal.aborted) {
    queueMicrotask(() => listener());
  } else {
    signal.addEventListener('abort', listener, {
      once: true, [kResistStopPropagation()]: true,
    });
    removeEventListener = () => {
      signal.removeEventListener('abort', listener);
    };
  }
  return {
    __proto__: null,
    [kDispose]() {
      removeEventListener?.();
    },
  };
}

let EventEmitterAsyncResource;

function makeEventEmitterAsyncResource() {
  const { AsyncResource } = require('async_hooks');
  const kEventEmitter = Symbol('kEventEmitter');
  const kAsyncResource = Symbol('kAsyncResource');

  // The AsyncResource side, which refers back to its emitter.
  class EventEmitterReferencingAsyncResource extends AsyncResource {
    constructor(ee, type, options) {
      super(type, options);
      this[kEventEmitter] = ee;
    }

    get eventEmitter() {
      return this[kEventEmitter];
    }
  }

  // An EventEmitter whose listeners run in its own async context.
  return class EventEmitterAsyncResource extends EventEmitter {
    constructor(options = undefined) {
      let name;
      if (typeof options === 'string') {
        name = options;
        options = undefined;
      } else {
        if (new.target === EventEmitterAsyncResource) {
          validateString(options?.name, 'options.name');
        }
        name = options?.name || new.target.name;
      }
      super(options);
      this[kAsyncResource] =
        new EventEmitterReferencingAsyncResource(this, name, options);
    }

    emit(event, ...args) {
      const resource = this[kAsyncResource];
      return resource.runInAsyncScope(super.emit, this, event, ...args);
    }

    emitDestroy() {
      this[kAsyncResource].emitDestroy();
    }

    get asyncId() {
      return this[kAsyncResource].asyncId();
    }

    get triggerAsyncId() {
      return this[kAsyncResource].triggerAsyncId();
    }

    get asyncResource() {
      return this[kAsyncResource];
    }
  };
}

function validateString(value, name) {
  if (typeof value !== 'string') {
    throw new ERR_INVALID_ARG_TYPE(name, 'string', value);
  }
}

// ---------------------------------------------------------------------------
// Exports: the constructor itself, carrying everything else.

module.exports = EventEmitter;

Object.assign(EventEmitter, {
  addAbortListener,
  once,
  on,
  getEventListeners,
  getMaxListeners,
  EventEmitter,
  usingDomains: false,
  captureRejectionSymbol: kRejection,
});

Object.defineProperty(EventEmitter, 'captureRejections', {
  get() {
    return EventEmitter.prototype[kCapture];
  },
  set(value) {
    validateBoolean(value, 'EventEmitter.captureRejections');
    EventEmitter.prototype[kCapture] = value;
  },
  enumerable: true,
});

Object.defineProperty(EventEmitter, 'EventEmitterAsyncResource', {
  enumerable: true,
  get() {
    if (EventEmitterAsyncResource === undefined) {
      EventEmitterAsyncResource = makeEventEmitterAsyncResource();
    }
    return EventEmitterAsyncResource;
  },
  set: undefined,
  configurable: true,
});

EventEmitter.errorMonitor = kErrorMonitor;

Object.defineProperty(EventEmitter, 'defaultMaxListeners', {
  enumerable: true,
  get() {
    return defaultMaxListeners;
  },
  set(arg) {
    checkMaxListeners(arg, 'defaultMaxListeners');
    defaultMaxListeners = arg;
  },
});

Object.defineProperties(EventEmitter, {
  kMaxEventTargetListeners: {
    value: kMaxEventTargetListeners,
    enumerable: false,
    configurable: false,
    writable: false,
  },
  kMaxEventTargetListenersWarned: {
    value: kMaxEventTargetListenersWarned,
    enumerable: false,
    configurable: false,
    writable: false,
  },
});

// Set the limit on the given emitters / targets, or the default for all.
EventEmitter.setMaxListeners = function(n = defaultMaxListeners,
                                        ...eventTargets) {
  checkMaxListeners(n, 'n');
  if (eventTargets.length === 0) {
    defaultMaxListeners = n;
    return;
  }
  for (const target of eventTargets) {
    if (isEventTarget(target)) {
      target[kMaxEventTargetListeners] = n;
      target[kMaxEventTargetListenersWarned] = false;
    } else if (typeof target.setMaxListeners === 'function') {
      target.setMaxListeners(n);
    } else {
      throw new ERR_INVALID_ARG_TYPE('eventTargets',
                                     ['EventEmitter', 'EventTarget'],
                                     target);
    }
  }
};

// Assigned (not declared) so these stay anonymous, as in Node; defined
// last to keep Node's property order.
EventEmitter.init = function(opts) {
  if (this._events === undefined ||
      this._events === Object.getPrototypeOf(this)._events) {
    this._events = Object.create(null);
    this._eventsCount = 0;
  }
  this._maxListeners = this._maxListeners || undefined;

  if (opts?.captureRejections) {
    validateBoolean(opts.captureRejections, 'options.captureRejections');
    this[kCapture] = Boolean(opts.captureRejections);
  } else {
    // Follow the global EventEmitter.captureRejections setting.
    this[kCapture] = EventEmitter.prototype[kCapture];
  }
};

// Deprecated static form.
EventEmitter.listenerCount = function(emitter, type) {
  if (typeof emitter.listenerCount === 'function') {
    return emitter.listenerCount(type);
  }
  return Reflect.apply(listenerCount, emitter, [type]);
};

