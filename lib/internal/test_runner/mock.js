// node:test's mocks: spy functions that record their calls (mock.fn),
// methods, getters and setters replaced on an object (mock.method) and put
// back by restore()/restoreAll(). A mock is a Proxy over the function it
// imitates, so its name, length and properties stay those of the original.
'use strict';

const { codes } = require('internal/errors');

function validateFunction(value, name) {
  if (typeof value !== 'function') {
    throw new codes.ERR_INVALID_ARG_TYPE(name, 'function', value);
  }
}

function validateTimes(options) {
  if (options === null || typeof options !== 'object') {
    throw new codes.ERR_INVALID_ARG_TYPE('options', 'object', options);
  }
  const { times = Infinity } = options;
  if (times !== Infinity &&
      (typeof times !== 'number' || !Number.isInteger(times) || times < 1)) {
    if (typeof times !== 'number') {
      throw new codes.ERR_INVALID_ARG_TYPE('options.times', 'number', times);
    }
    throw new codes.ERR_OUT_OF_RANGE('options.times', '>= 1', times);
  }
  return times;
}

// What `fn.mock` is: the record of calls and the switches of one mock.
class MockFunctionContext {
  #calls = [];
  #implementation;
  #original;
  #onceImplementations = new Map();
  #times;
  #restore;

  constructor(implementation, original, restore, times) {
    this.#implementation = implementation;
    this.#original = original;
    this.#restore = restore;
    this.#times = times;
  }

  get calls() { return this.#calls.slice(); }

  callCount() { return this.#calls.length; }

  mockImplementation(implementation) {
    validateFunction(implementation, 'implementation');
    this.#implementation = implementation;
  }

  mockImplementationOnce(implementation, onCall) {
    validateFunction(implementation, 'implementation');
    const next = this.#calls.length;
    const call = onCall === undefined ? next : onCall;
    if (typeof call !== 'number') {
      throw new codes.ERR_INVALID_ARG_TYPE('onCall', 'number', onCall);
    }
    if (!Number.isInteger(call) || call < next) {
      throw new codes.ERR_OUT_OF_RANGE('onCall', `>= ${next}`, call);
    }
    this.#onceImplementations.set(call, implementation);
  }

  // Calls go to the original from now on; a replaced method is put back.
  restore() {
    this.#implementation = this.#original;
    this.#times = Infinity;
    if (this.#restore !== undefined) {
      const restore = this.#restore;
      this.#restore = undefined;
      restore();
    }
  }

  resetCalls() { this.#calls = []; }

  // The function the next call runs: a one-off, else the implementation
  // while `times` lasts, else the original.
  nextImplementation() {
    const n = this.#calls.length;
    const once = this.#onceImplementations.get(n);
    if (once !== undefined) {
      this.#onceImplementations.delete(n);
      return once;
    }
    if (this.#times !== Infinity && n >= this.#times) return this.#original;
    return this.#implementation;
  }

  record(call) { this.#calls.push(call); }

  // A constructor call's `this` is the object it made.
  lastCallThis(value) { this.#calls[this.#calls.length - 1].this = value; }
}

function makeMock(original, implementation, restore, times) {
  const ctx = new MockFunctionContext(implementation, original, restore,
                                      times);
  const record = (thisArg, args, target, invoke) => {
    const impl = ctx.nextImplementation();
    const call = { __proto__: null, arguments: args, error: undefined,
                   result: undefined, stack: new Error(), target,
                   this: thisArg };
    try {
      call.result = invoke(impl);
    } catch (err) {
      call.error = err;
      ctx.record(call);
      throw err;
    }
    ctx.record(call);
    return call.result;
  };
  const proxy = new Proxy(original, {
    __proto__: null,
    apply(fn, thisArg, args) {
      return record(thisArg, args, undefined,
                    (impl) => Reflect.apply(impl, thisArg, args));
    },
    construct(fn, args, newTarget) {
      // `new mock()` builds with the implementation but keeps new.target's
      // prototype; the record names the mocked function and the object.
      const call = record(undefined, args, fn, (impl) => {
        const instance = Reflect.construct(impl, args, newTarget);
        return instance;
      });
      ctx.lastCallThis(call);
      return call;
    },
    get(fn, key, receiver) {
      if (key === 'mock') return ctx;
      return Reflect.get(fn, key, receiver);
    },
  });
  return proxy;
}

class MockTracker {
  #mocks = [];

  fn(original = function() {}, implementation = original, options = {}) {
    if (original !== null && typeof original === 'object') {
      options = original;
      original = function() {};
      implementation = original;
    } else if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = original;
    }
    validateFunction(original, 'original');
    validateFunction(implementation, 'implementation');
    const times = validateTimes(options);
    const mock = makeMock(original, implementation, undefined, times);
    this.#mocks.push(mock.mock);
    return mock;
  }

  method(object, methodName, implementation, options = {}) {
    if (object === null || (typeof object !== 'object' &&
                            typeof object !== 'function')) {
      throw new codes.ERR_INVALID_ARG_TYPE('object', 'object', object);
    }
    if (typeof methodName !== 'string' && typeof methodName !== 'symbol') {
      throw new codes.ERR_INVALID_ARG_TYPE('methodName',
                                           ['string', 'symbol'], methodName);
    }
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = undefined;
    }
    const times = validateTimes(options);
    const getter = !!options.getter;
    const setter = !!options.setter;
    if (getter && setter) {
      throw new codes.ERR_INVALID_ARG_VALUE(
        'options.setter', setter, 'cannot be used with \'options.getter\'');
    }
    // The descriptor may sit on the prototype chain.
    let descriptor;
    for (let o = object; o !== null && descriptor === undefined;
      o = Object.getPrototypeOf(o)) {
      descriptor = Object.getOwnPropertyDescriptor(o, methodName);
    }
    const original = descriptor === undefined ? undefined :
      getter ? descriptor.get : setter ? descriptor.set : descriptor.value;
    if (typeof original !== 'function') {
      throw new codes.ERR_INVALID_ARG_VALUE(
        'methodName', original, 'must be a method');
    }
    if (implementation === undefined) implementation = original;
    validateFunction(implementation, 'implementation');
    // As in Node, restoring puts the original on the object itself, even
    // when it was found on a prototype.
    const restore = () => {
      Object.defineProperty(object, methodName, descriptor);
    };
    const mock = makeMock(original, implementation, restore, times);
    const next = { configurable: descriptor.configurable,
                   enumerable: descriptor.enumerable };
    if (getter) {
      next.get = mock;
      next.set = descriptor.set;
    } else if (setter) {
      next.get = descriptor.get;
      next.set = mock;
    } else {
      next.value = mock;
      next.writable = descriptor.writable;
    }
    Object.defineProperty(object, methodName, next);
    this.#mocks.push(mock.mock);
    return mock;
  }

  getter(object, methodName, implementation, options = {}) {
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = undefined;
    }
    if (options.getter === false) {
      throw new codes.ERR_INVALID_ARG_VALUE(
        'options.getter', false, 'cannot be false');
    }
    return this.method(object, methodName, implementation,
                       { ...options, getter: true });
  }

  setter(object, methodName, implementation, options = {}) {
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = undefined;
    }
    if (options.setter === false) {
      throw new codes.ERR_INVALID_ARG_VALUE(
        'options.setter', false, 'cannot be false');
    }
    return this.method(object, methodName, implementation,
                       { ...options, setter: true });
  }

  // Restores every mock and forgets them.
  reset() {
    this.restoreAll();
    this.#mocks = [];
  }

  // Newest first, so that two mocks of one property unwind in order.
  restoreAll() {
    for (let i = this.#mocks.length - 1; i >= 0; i--) this.#mocks[i].restore();
  }
}

module.exports = { MockTracker, MockFunctionContext };
