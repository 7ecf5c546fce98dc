// async_hooks: AsyncLocalStorage, AsyncResource and createHook over the
// execution context of lib/internal/async_hooks.js (see there for which
// callbacks carry it).
'use strict';

const internal = require('internal/async_hooks');
const {
  kAsyncId, kTriggerId, kFrame, initResource, enter, leave, getFrame,
  setFrame, emitDestroy, hasDestroyHooks, hasInitHooks,
} = internal;
const {
  codes: { ERR_ASYNC_CALLBACK, ERR_ASYNC_TYPE, ERR_INVALID_ASYNC_ID },
} = require('internal/errors');
const { validateFunction, validateString } = require('internal/validators');

let destroyRegistry = null;

class AsyncResource {
  constructor(type, opts = {}) {
    validateString(type, 'type');
    let trigger = opts;
    let manualDestroy = false;
    if (typeof opts !== 'number') {
      trigger = opts.triggerAsyncId === undefined ?
        internal.executionAsyncId() : opts.triggerAsyncId;
      manualDestroy = !!opts.requireManualDestroy;
    }
    if (!Number.isSafeInteger(trigger) || trigger < -1)
      throw new ERR_INVALID_ASYNC_ID('triggerAsyncId', trigger);
    if (hasInitHooks() && type.length === 0) throw new ERR_ASYNC_TYPE(type);
    const id = initResource(this, type, trigger);
    if (!manualDestroy && hasDestroyHooks()) {
      destroyRegistry ??= new FinalizationRegistry(emitDestroy);
      destroyRegistry.register(this, id, this);
    }
  }

  runInAsyncScope(fn, thisArg, ...args) {
    const id = this[kAsyncId];
    enter(id, this[kTriggerId], this, this[kFrame]);
    try {
      return Reflect.apply(fn, thisArg, args);
    } finally {
      leave(id);
    }
  }

  // Each call tells the destroy hooks again, as in Node 18.
  emitDestroy() {
    if (destroyRegistry !== null) destroyRegistry.unregister(this);
    emitDestroy(this[kAsyncId]);
    return this;
  }

  asyncId() {
    return this[kAsyncId];
  }

  triggerAsyncId() {
    return this[kTriggerId];
  }

  bind(fn, thisArg) {
    validateFunction(fn, 'fn');
    const resource = this;
    let bound;
    if (thisArg === undefined) {
      bound = function(...args) {
        return resource.runInAsyncScope(fn, this, ...args);
      };
    } else {
      bound = (...args) => resource.runInAsyncScope(fn, thisArg, ...args);
    }
    Object.defineProperties(bound, {
      length: {
        configurable: true, enumerable: false, value: fn.length,
        writable: false,
      },
      asyncResource: {
        configurable: true, enumerable: true, value: this, writable: true,
      },
    });
    return bound;
  }

  static bind(fn, type, thisArg) {
    type = type || fn.name;
    return (new AsyncResource(type || 'bound-anonymous-fn')).bind(fn,
                                                                 thisArg);
  }
}

class AsyncLocalStorage {
  constructor() {
    this.enabled = false;
  }

  static bind(fn) {
    return AsyncResource.bind(fn);
  }

  // A function that runs another function in the context of now.
  static snapshot() {
    const resource = new AsyncResource('AsyncLocalStorageSnapshot');
    return function runInAsyncScope(fn, ...args) {
      return resource.runInAsyncScope(fn, this, ...args);
    };
  }

  _enable() {
    if (!this.enabled) {
      this.enabled = true;
      internal.storageEnabled(1);
    }
  }

  disable() {
    if (this.enabled) {
      this.enabled = false;
      internal.storageEnabled(-1);
      const f = getFrame();
      if (f !== null && f.has(this)) {
        const next = new Map(f);
        next.delete(this);
        setFrame(next);
      }
    }
  }

  _propagate() {}

  enterWith(store) {
    this._enable();
    const next = new Map(getFrame());
    next.set(this, store);
    setFrame(next);
  }

  run(store, callback, ...args) {
    this._enable();
    const prev = getFrame();
    const next = new Map(prev);
    next.set(this, store);
    setFrame(next);
    try {
      return Reflect.apply(callback, null, args);
    } finally {
      setFrame(prev);
    }
  }

  exit(callback, ...args) {
    if (!this.enabled) return Reflect.apply(callback, null, args);
    const prev = getFrame();
    const next = new Map(prev);
    next.delete(this);
    setFrame(next);
    try {
      return Reflect.apply(callback, null, args);
    } finally {
      setFrame(prev);
    }
  }

  getStore() {
    if (!this.enabled) return undefined;
    const f = getFrame();
    return f === null ? undefined : f.get(this);
  }
}

class AsyncHook {
  constructor({ init, before, after, destroy, promiseResolve }) {
    const given = { init, before, after, destroy, promiseResolve };
    for (const name of Object.keys(given)) {
      if (given[name] !== undefined && typeof given[name] !== 'function')
        throw new ERR_ASYNC_CALLBACK(`hook.${name}`);
    }
    // What internal/async_hooks calls; `owner` is `this` for the hooks.
    this._callbacks = { ...given, owner: this };
  }

  enable() {
    internal.enableHook(this._callbacks);
    return this;
  }

  disable() {
    internal.disableHook(this._callbacks);
    return this;
  }
}

function createHook(fns) {
  return new AsyncHook(fns);
}

const asyncWrapProviders = Object.freeze({
  __proto__: null,
  ...Object.fromEntries([
    'NONE', 'DIRHANDLE', 'DNSCHANNEL', 'ELDHISTOGRAM', 'FILEHANDLE',
    'FILEHANDLECLOSEREQ', 'FIXEDSIZEBLOBCOPY', 'FSEVENTWRAP',
    'FSREQCALLBACK', 'FSREQPROMISE', 'GETADDRINFOREQWRAP',
    'GETNAMEINFOREQWRAP', 'HEAPSNAPSHOT', 'HTTP2SESSION', 'HTTP2STREAM',
    'HTTP2PING', 'HTTP2SETTINGS', 'HTTPINCOMINGMESSAGE',
    'HTTPCLIENTREQUEST', 'JSSTREAM', 'JSUDPWRAP', 'MESSAGEPORT',
    'PIPECONNECTWRAP', 'PIPESERVERWRAP', 'PIPEWRAP', 'PROCESSWRAP',
    'PROMISE', 'QUERYWRAP', 'QUIC_LOGSTREAM', 'QUIC_PACKET',
    'SHUTDOWNWRAP', 'SIGNALWRAP', 'STATWATCHER', 'STREAMPIPE',
    'TCPCONNECTWRAP', 'TCPSERVERWRAP', 'TCPWRAP', 'TTYWRAP',
    'UDPSENDWRAP', 'UDPWRAP', 'SIGINTWATCHDOG', 'WORKER',
    'WORKERHEAPSNAPSHOT', 'WRITEWRAP', 'ZLIB', 'CHECKPRIMEREQUEST',
    'PBKDF2REQUEST', 'KEYPAIRGENREQUEST', 'KEYGENREQUEST',
    'KEYEXPORTREQUEST', 'CIPHERREQUEST', 'DERIVEBITSREQUEST',
    'HASHREQUEST', 'RANDOMBYTESREQUEST', 'RANDOMPRIMEREQUEST',
    'SCRYPTREQUEST', 'SIGNREQUEST', 'TLSWRAP', 'VERIFYREQUEST',
    'INSPECTORJSBINDING',
  ].map((name, i) => [name, i])),
});

module.exports = {
  AsyncLocalStorage,
  createHook,
  executionAsyncId: internal.executionAsyncId,
  triggerAsyncId: internal.triggerAsyncId,
  executionAsyncResource: internal.executionAsyncResource,
  asyncWrapProviders,
  AsyncResource,
};
