'use strict';
// domain (deprecated in Node, still used): a Domain groups callbacks and
// event emitters so that an error thrown or emitted in any of them goes to
// the domain's 'error' listeners instead of ending the process.
//
// How it works here:
// - process.domain is the innermost entered domain; entered domains form
//   a stack (run(), bind(), intercept() and emitters enter and exit).
// - An async_hooks hook tags each resource made while a domain is active
//   (timers, immediates, nextTick, promises, AsyncResources: what our
//   async_hooks carries) and enters that domain around its callback.
// - An uncaught exception goes to process.domain's 'error' listeners
//   first (Node reaches them through the uncaught-exception capture
//   callback, which is why the two exclude each other there and here).
// - Loading this module makes new EventEmitters remember the active
//   domain, and replaces EventEmitter.prototype.emit with one that enters
//   the emitter's domain and routes unhandled 'error' events to it.

const EventEmitter = require('events');
const { createHook, executionAsyncResource } = require('async_hooks');
const {
  codes: {
    ERR_DOMAIN_CALLBACK_NOT_AVAILABLE,
    ERR_DOMAIN_CANNOT_SET_UNCAUGHT_EXCEPTION_CAPTURE,
    ERR_UNHANDLED_ERROR,
  },
  defineHidden,
} = require('internal/errors');
const execution = require('internal/process/execution');

if (execution.hasUncaughtExceptionCaptureCallback()) {
  throw new ERR_DOMAIN_CALLBACK_NOT_AVAILABLE();
}
// Where the domain module was loaded, shown with the error below.
const loadedAt = new Error().stack.split('\n').slice(1).join('\n');
process.setUncaughtExceptionCaptureCallback = function() {
  const err = new ERR_DOMAIN_CANNOT_SET_UNCAUGHT_EXCEPTION_CAPTURE();
  err.stack += `\n${'-'.repeat(40)}\n${loadedAt}`;
  throw err;
};

const stack = [];
const kDomain = Symbol('domain');

function setActive(domain) {
  exports.active = domain;
  process.domain = domain;
}

// After an uncaught exception no domain stays entered: the callback that
// threw is over.
function clearStack() {
  stack.length = 0;
  setActive(null);
}

// Uncaught exceptions go to process.domain first; false (no domain, or
// none of its listeners) lets them go on to 'uncaughtException'.
execution.setDomainHandler((err) => {
  const domain = process.domain;
  if (domain === null || domain === undefined) return false;
  return domain._errorHandler(err);
});

// Defined, not assigned: 'domain' stays out of enumerations, as in Node.
function setDomainProperty(target, domain) {
  defineHidden(target, 'domain', domain);
}

const asyncHook = createHook({
  init(asyncId, type, triggerAsyncId, resource) {
    const active = process.domain;
    if (active === null || active === undefined) return;
    if (resource === null || typeof resource !== 'object') return;
    resource[kDomain] = active;
    setDomainProperty(resource, active);
  },
  before() {
    const resource = executionAsyncResource();
    if (resource && resource[kDomain] !== undefined) resource[kDomain].enter();
  },
  after() {
    const resource = executionAsyncResource();
    if (resource && resource[kDomain] !== undefined) resource[kDomain].exit();
  },
});

class Domain extends EventEmitter {
  constructor() {
    super();
    this.members = [];
    asyncHook.enable();
  }

  enter() {
    setActive(this);
    stack.push(this);
  }

  exit() {
    const index = stack.lastIndexOf(this);
    if (index === -1) return;
    stack.splice(index);
    setActive(stack.length === 0 ? undefined : stack[stack.length - 1]);
  }

  add(emitter) {
    if (emitter.domain === this) return;
    if (emitter.domain) emitter.domain.remove(emitter);
    // A domain added to a domain must not end up inside itself.
    if (emitter instanceof Domain) {
      for (let d = this.domain; d; d = d.domain) {
        if (d === emitter) return;
      }
    }
    setDomainProperty(emitter, this);
    this.members.push(emitter);
  }

  remove(emitter) {
    emitter.domain = null;
    const index = this.members.indexOf(emitter);
    if (index !== -1) this.members.splice(index, 1);
  }

  run(fn, ...args) {
    this.enter();
    const result = fn.apply(this, args);
    this.exit();
    return result;
  }

  bind(callback) {
    const domain = this;
    function runBound(...args) {
      domain.enter();
      const result = callback.apply(this, args);
      domain.exit();
      return result;
    }
    setDomainProperty(runBound, this);
    return runBound;
  }

  // A node-style callback whose Error first argument goes to the domain;
  // otherwise it runs in the domain without that argument.
  intercept(callback) {
    const domain = this;
    function runIntercepted(err, ...args) {
      if (err instanceof Error) {
        err.domainBound = callback;
        err.domainThrown = false;
        setDomainProperty(err, domain);
        domain.emit('error', err);
        return undefined;
      }
      domain.enter();
      const result = callback.apply(this, args);
      domain.exit();
      return result;
    }
    return runIntercepted;
  }

  // An uncaught exception while this domain is process.domain. True when
  // an 'error' listener took it.
  _errorHandler(err) {
    if ((typeof err === 'object' && err !== null) || typeof err === 'function') {
      setDomainProperty(err, this);
      err.domainThrown = true;
    }
    // The listeners run outside this domain, so an error they throw
    // is not sent back to it.
    while (exports.active === this) this.exit();
    let caught = false;
    if (stack.length === 0) {
      // The outermost domain: what its listeners throw is uncaught.
      if (this.listenerCount('error') > 0) caught = this.emit('error', err);
    } else {
      try {
        caught = this.emit('error', err);
      } catch (thrown) {
        // No listener (emit throws the error itself) or a listener threw:
        // an outer domain may take it.
        setActive(stack[stack.length - 1]);
        caught = process.domain._errorHandler(thrown);
      }
    }
    clearStack();
    return caught;
  }
}

// New emitters belong to the domain active when they are made.
EventEmitter.usingDomains = true;
const originalInit = EventEmitter.init;
EventEmitter.init = function(opts) {
  this.domain = null;
  const active = process.domain;
  if (active && !(this instanceof Domain)) this.domain = active;
  return originalInit.call(this, opts);
};

const originalEmit = EventEmitter.prototype.emit;
// (arguments and apply, not rest and spread: those iterate, and user code
// may have replaced Array.prototype[Symbol.iterator].)
EventEmitter.prototype.emit = function emit(type) {
  const domain = this.domain;
  if (domain === null || domain === undefined || this === process ||
      (type === 'error' && this.listenerCount('error') > 0)) {
    return originalEmit.apply(this, arguments);
  }
  if (type === 'error') {
    const err = arguments.length > 1 && arguments[1] ? arguments[1] :
      new ERR_UNHANDLED_ERROR();
    if (typeof err === 'object') {
      err.domainEmitter = this;
      setDomainProperty(err, domain);
      err.domainThrown = false;
    }
    // The domain's listeners run outside it (and outside its repeats on
    // the stack); the stack comes back as it was afterwards.
    const savedStack = stack.slice();
    const savedActive = process.domain;
    let index = stack.lastIndexOf(domain);
    while (index !== -1 && stack[index] === domain) index--;
    stack.length = index + 1;
    setActive(stack.length === 0 ? undefined : stack[stack.length - 1]);
    try {
      domain.emit('error', err);
    } finally {
      stack.length = 0;
      for (let i = 0; i < savedStack.length; i++) stack.push(savedStack[i]);
      setActive(savedActive);
    }
    return false;
  }
  domain.enter();
  const result = originalEmit.apply(this, arguments);
  domain.exit();
  return result;
};

function create() {
  return new Domain();
}

exports._stack = stack;
exports.Domain = Domain;
exports.createDomain = create;
exports.create = create;
exports.active = null;
