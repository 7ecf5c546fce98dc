'use strict';

// What the WHATWG stream classes share: promise plumbing, the queue with
// sizes, and the reading of a queuing strategy.

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
  },
} = require('internal/errors');

// A promise with its resolve/reject at hand, and whether it settled yet
// (the standard replaces or rejects a pending promise in a few places).
function createDeferred() {
  const d = { promise: undefined, resolve: undefined, reject: undefined,
              settled: false };
  d.promise = new Promise((resolve, reject) => {
    d.resolve = (v) => { d.settled = true; resolve(v); };
    d.reject = (e) => { d.settled = true; reject(e); };
  });
  return d;
}

function rejectedDeferred(error) {
  const d = createDeferred();
  d.reject(error);
  setPromiseHandled(d.promise);
  return d;
}

function resolvedDeferred(value) {
  const d = createDeferred();
  d.resolve(value);
  return d;
}

function noop() {}

function setPromiseHandled(promise) {
  promise.then(undefined, noop);
}

// Calls a user callback the way WebIDL does: a throw becomes a rejection,
// the result becomes a promise.
function invokePromise(fn, thisArg, args) {
  if (fn === undefined) return Promise.resolve();
  try {
    return Promise.resolve(Reflect.apply(fn, thisArg, args));
  } catch (err) {
    return Promise.reject(err);
  }
}

// An optional callback member of a source, sink or transformer: a
// non-function throws the TypeError Function.prototype.bind throws.
function callbackMember(holder, name) {
  const fn = holder[name];
  if (fn === undefined) return undefined;
  if (typeof fn !== 'function') Function.prototype.bind.call(fn, holder);
  return fn;
}

// ---- queue with sizes ----

function resetQueue(container) {
  container.queue = [];
  container.queueTotalSize = 0;
}

function enqueueValueWithSize(container, value, size) {
  size = +size;
  if (!Number.isFinite(size) || size < 0) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('size', size);
  }
  container.queue.push({ value, size });
  container.queueTotalSize += size;
}

function dequeueValue(container) {
  const { value, size } = container.queue.shift();
  container.queueTotalSize -= size;
  if (container.queueTotalSize < 0) container.queueTotalSize = 0;
  return value;
}

function peekQueueValue(container) {
  return container.queue[0].value;
}

// ---- strategies ----

function extractHighWaterMark(strategy, defaultHWM) {
  const hwm = strategy.highWaterMark;
  if (hwm === undefined) return defaultHWM;
  const value = +hwm;
  if (Number.isNaN(value) || value < 0) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('strategy.highWaterMark', hwm);
  }
  return value;
}

function defaultSize() { return 1; }

function extractSizeAlgorithm(strategy) {
  const size = strategy.size;
  if (size === undefined) return defaultSize;
  if (typeof size !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('strategy.size', 'Function', size);
  }
  return (chunk) => size(chunk);
}

module.exports = {
  callbackMember,
  createDeferred,
  dequeueValue,
  enqueueValueWithSize,
  extractHighWaterMark,
  extractSizeAlgorithm,
  invokePromise,
  noop,
  peekQueueValue,
  rejectedDeferred,
  resetQueue,
  resolvedDeferred,
  setPromiseHandled,
};
