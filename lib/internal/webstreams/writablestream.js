'use strict';

// WritableStream of the WHATWG Streams standard, with its default
// controller and default writer.

const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_STATE,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');
const { inspectAs } = require('internal/util/inspect_helpers');
const {
  callbackMember,
  createDeferred,
  dequeueValue,
  enqueueValueWithSize,
  extractHighWaterMark,
  extractSizeAlgorithm,
  invokePromise,
  peekQueueValue,
  rejectedDeferred,
  resetQueue,
  resolvedDeferred,
  setPromiseHandled,
} = require('internal/webstreams/util');
const readable = require('internal/webstreams/readablestream');
const { finishClass, kState } = readable;

const kConstruct = Symbol('kConstruct');
const kCloseSentinel = Symbol('kCloseSentinel');
const customInspect = Symbol.for('nodejs.util.inspect.custom');

let AbortController;

function is(kind) {
  return (value) => value !== null && typeof value === 'object' &&
    value[kState] !== undefined && value[kState].kind === kind;
}
const isWritableStream = is('WritableStream');
const isWriter = is('WritableStreamDefaultWriter');
const isController = is('WritableStreamDefaultController');

function check(self, test, name) {
  if (!test(self)) throw new ERR_INVALID_THIS(name);
}

function checkAsync(self, test, name) {
  return test(self) ? undefined :
    Promise.reject(new ERR_INVALID_THIS(name));
}

function newStreamState() {
  return {
    kind: 'WritableStream',
    state: 'writable',
    storedError: undefined,
    writer: undefined,
    controller: undefined,
    inFlightWriteRequest: undefined,
    closeRequest: undefined,
    inFlightCloseRequest: undefined,
    pendingAbortRequest: undefined,
    writeRequests: [],
    backpressure: false,
  };
}

// ---- WritableStream ----

class WritableStream {
  constructor(sink = {}, strategy = {}) {
    if (sink === null) sink = {};
    if (strategy === null) strategy = {};
    this[kState] = newStreamState();
    const type = sink.type;
    if (type !== undefined) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('type', type);
    }
    const size = extractSizeAlgorithm(strategy);
    const hwm = extractHighWaterMark(strategy, 1);
    const controller = new WritableStreamDefaultController(kConstruct);
    const start = callbackMember(sink, 'start');
    const write = callbackMember(sink, 'write');
    const close = callbackMember(sink, 'close');
    const abort = callbackMember(sink, 'abort');
    setUpController(
      this, controller,
      () => (start === undefined ? undefined :
        Reflect.apply(start, sink, [controller])),
      (chunk) => invokePromise(write, sink, [chunk, controller]),
      () => invokePromise(close, sink, []),
      (reason) => invokePromise(abort, sink, [reason]),
      hwm, size);
  }

  get locked() {
    check(this, isWritableStream, 'WritableStream');
    return isLocked(this);
  }

  abort(reason = undefined) {
    const bad = checkAsync(this, isWritableStream, 'WritableStream');
    if (bad) return bad;
    if (isLocked(this)) {
      return Promise.reject(
        new ERR_INVALID_STATE.TypeError('WritableStream is locked'));
    }
    return writableStreamAbort(this, reason);
  }

  close() {
    const bad = checkAsync(this, isWritableStream, 'WritableStream');
    if (bad) return bad;
    if (isLocked(this)) {
      return Promise.reject(
        new ERR_INVALID_STATE.TypeError('WritableStream is locked'));
    }
    if (closeQueuedOrInFlight(this)) {
      return Promise.reject(new ERR_INVALID_STATE.TypeError(
        'Failure closing WritableStream'));
    }
    return writableStreamClose(this);
  }

  getWriter() {
    check(this, isWritableStream, 'WritableStream');
    return new WritableStreamDefaultWriter(this);
  }

  [customInspect](depth, options) {
    return inspectAs(this, {
      locked: isLocked(this),
      state: this[kState].state,
    }, depth, options);
  }
}

function isLocked(stream) {
  return stream[kState].writer !== undefined;
}

function createWritableStream(startAlgorithm, writeAlgorithm, closeAlgorithm,
                              abortAlgorithm, hwm, sizeAlgorithm) {
  const stream = Object.create(WritableStream.prototype);
  stream[kState] = newStreamState();
  const controller = new WritableStreamDefaultController(kConstruct);
  setUpController(stream, controller, startAlgorithm, writeAlgorithm,
                  closeAlgorithm, abortAlgorithm, hwm, sizeAlgorithm);
  return stream;
}

function writableStreamAbort(stream, reason) {
  const ss = stream[kState];
  if (ss.state === 'closed' || ss.state === 'errored') {
    return Promise.resolve();
  }
  ss.controller[kState].abortController.abort(reason);
  const state = ss.state;
  if (state === 'closed' || state === 'errored') return Promise.resolve();
  if (ss.pendingAbortRequest !== undefined) {
    return ss.pendingAbortRequest.promise;
  }
  const wasAlreadyErroring = state === 'erroring';
  if (wasAlreadyErroring) reason = undefined;
  const d = createDeferred();
  ss.pendingAbortRequest = { ...d, reason, wasAlreadyErroring };
  ss.pendingAbortRequest.promise = d.promise;
  if (!wasAlreadyErroring) startErroring(stream, reason);
  return d.promise;
}

function writableStreamClose(stream) {
  const ss = stream[kState];
  if (ss.state === 'closed' || ss.state === 'errored') {
    return Promise.reject(new ERR_INVALID_STATE.TypeError(
      `WritableStream is ${ss.state}`));
  }
  const d = createDeferred();
  ss.closeRequest = d;
  const writer = ss.writer;
  if (writer !== undefined && ss.backpressure && ss.state === 'writable') {
    writer[kState].ready.resolve();
  }
  const controller = ss.controller;
  enqueueValueWithSize(controller[kState], kCloseSentinel, 0);
  advanceQueueIfNeeded(controller);
  return d.promise;
}

function dealWithRejection(stream, error) {
  if (stream[kState].state === 'writable') {
    startErroring(stream, error);
    return;
  }
  finishErroring(stream);
}

function startErroring(stream, reason) {
  const ss = stream[kState];
  const controller = ss.controller;
  ss.state = 'erroring';
  ss.storedError = reason;
  if (ss.writer !== undefined) ensureReadyRejected(ss.writer, reason);
  if (!hasOperationMarkedInFlight(stream) && controller[kState].started) {
    finishErroring(stream);
  }
}

// A promise that settles when the stream closes or errors, for
// stream.finished(); it takes no lock.
function settledPromise(stream) {
  const ss = stream[kState];
  if (ss.settled === undefined) {
    if (ss.state === 'closed') ss.settled = resolvedDeferred();
    else if (ss.state === 'errored') {
      ss.settled = rejectedDeferred(ss.storedError);
    } else {
      ss.settled = createDeferred();
    }
  }
  return ss.settled.promise;
}

function finishErroring(stream) {
  const ss = stream[kState];
  ss.state = 'errored';
  if (ss.settled !== undefined) {
    ss.settled.reject(ss.storedError);
    setPromiseHandled(ss.settled.promise);
  }
  resetQueue(ss.controller[kState]);
  const error = ss.storedError;
  const requests = ss.writeRequests;
  ss.writeRequests = [];
  for (const request of requests) request.reject(error);
  const abortRequest = ss.pendingAbortRequest;
  if (abortRequest === undefined) {
    rejectCloseAndClosedIfNeeded(stream);
    return;
  }
  ss.pendingAbortRequest = undefined;
  if (abortRequest.wasAlreadyErroring) {
    abortRequest.reject(error);
    rejectCloseAndClosedIfNeeded(stream);
    return;
  }
  const controller = ss.controller;
  const result = controller[kState].abortAlgorithm(abortRequest.reason);
  clearAlgorithms(controller);
  result.then(() => {
    abortRequest.resolve();
    rejectCloseAndClosedIfNeeded(stream);
  }, (reason) => {
    abortRequest.reject(reason);
    rejectCloseAndClosedIfNeeded(stream);
  });
}

function finishInFlightWrite(stream) {
  const ss = stream[kState];
  ss.inFlightWriteRequest.resolve();
  ss.inFlightWriteRequest = undefined;
}

function finishInFlightWriteWithError(stream, error) {
  const ss = stream[kState];
  ss.inFlightWriteRequest.reject(error);
  ss.inFlightWriteRequest = undefined;
  dealWithRejection(stream, error);
}

function finishInFlightClose(stream) {
  const ss = stream[kState];
  ss.inFlightCloseRequest.resolve();
  ss.inFlightCloseRequest = undefined;
  if (ss.state === 'erroring') {
    ss.storedError = undefined;
    if (ss.pendingAbortRequest !== undefined) {
      ss.pendingAbortRequest.resolve();
      ss.pendingAbortRequest = undefined;
    }
  }
  ss.state = 'closed';
  if (ss.settled !== undefined) ss.settled.resolve();
  if (ss.writer !== undefined) ss.writer[kState].closed.resolve();
}

function finishInFlightCloseWithError(stream, error) {
  const ss = stream[kState];
  ss.inFlightCloseRequest.reject(error);
  ss.inFlightCloseRequest = undefined;
  if (ss.pendingAbortRequest !== undefined) {
    ss.pendingAbortRequest.reject(error);
    ss.pendingAbortRequest = undefined;
  }
  dealWithRejection(stream, error);
}

function closeQueuedOrInFlight(stream) {
  const ss = stream[kState];
  return ss.closeRequest !== undefined || ss.inFlightCloseRequest !== undefined;
}

function hasOperationMarkedInFlight(stream) {
  const ss = stream[kState];
  return ss.inFlightWriteRequest !== undefined ||
    ss.inFlightCloseRequest !== undefined;
}

function rejectCloseAndClosedIfNeeded(stream) {
  const ss = stream[kState];
  if (ss.closeRequest !== undefined) {
    ss.closeRequest.reject(ss.storedError);
    ss.closeRequest = undefined;
  }
  const writer = ss.writer;
  if (writer !== undefined) {
    const ws = writer[kState];
    ws.closed.reject(ss.storedError);
    setPromiseHandled(ws.closed.promise);
  }
}

function updateBackpressure(stream, backpressure) {
  const ss = stream[kState];
  const writer = ss.writer;
  if (writer !== undefined && backpressure !== ss.backpressure) {
    if (backpressure) writer[kState].ready = createDeferred();
    else writer[kState].ready.resolve();
  }
  ss.backpressure = backpressure;
}

// ---- WritableStreamDefaultWriter ----

class WritableStreamDefaultWriter {
  constructor(stream) {
    if (!isWritableStream(stream)) {
      throw new ERR_INVALID_ARG_TYPE('stream', 'WritableStream', stream);
    }
    if (isLocked(stream)) {
      throw new ERR_INVALID_STATE.TypeError('WritableStream is locked');
    }
    const ws = this[kState] = {
      kind: 'WritableStreamDefaultWriter',
      stream,
      ready: undefined,
      closed: undefined,
    };
    const ss = stream[kState];
    ss.writer = this;
    const state = ss.state;
    if (state === 'writable') {
      ws.ready = !closeQueuedOrInFlight(stream) && ss.backpressure ?
        createDeferred() : resolvedDeferred();
      ws.closed = createDeferred();
    } else if (state === 'erroring') {
      ws.ready = rejectedDeferred(ss.storedError);
      ws.closed = createDeferred();
    } else if (state === 'closed') {
      ws.ready = resolvedDeferred();
      ws.closed = resolvedDeferred();
    } else {
      ws.ready = rejectedDeferred(ss.storedError);
      ws.closed = rejectedDeferred(ss.storedError);
    }
  }

  get closed() {
    const bad = checkAsync(this, isWriter, 'WritableStreamDefaultWriter');
    if (bad) return bad;
    return this[kState].closed.promise;
  }

  get ready() {
    const bad = checkAsync(this, isWriter, 'WritableStreamDefaultWriter');
    if (bad) return bad;
    return this[kState].ready.promise;
  }

  get desiredSize() {
    check(this, isWriter, 'WritableStreamDefaultWriter');
    const stream = this[kState].stream;
    if (stream === undefined) throw unbound();
    return writerDesiredSize(stream);
  }

  abort(reason = undefined) {
    const bad = checkAsync(this, isWriter, 'WritableStreamDefaultWriter');
    if (bad) return bad;
    const stream = this[kState].stream;
    if (stream === undefined) return Promise.reject(unbound());
    return writableStreamAbort(stream, reason);
  }

  close() {
    const bad = checkAsync(this, isWriter, 'WritableStreamDefaultWriter');
    if (bad) return bad;
    const stream = this[kState].stream;
    if (stream === undefined) return Promise.reject(unbound());
    if (closeQueuedOrInFlight(stream)) {
      return Promise.reject(new ERR_INVALID_STATE.TypeError(
        'Failure to close WritableStream'));
    }
    return writableStreamClose(stream);
  }

  releaseLock() {
    check(this, isWriter, 'WritableStreamDefaultWriter');
    if (this[kState].stream === undefined) return;
    writerRelease(this);
  }

  write(chunk = undefined) {
    const bad = checkAsync(this, isWriter, 'WritableStreamDefaultWriter');
    if (bad) return bad;
    if (this[kState].stream === undefined) return Promise.reject(unbound());
    return writerWrite(this, chunk);
  }

  [customInspect](depth, options) {
    const ws = this[kState];
    return inspectAs(this, {
      stream: ws.stream,
      close: ws.closed.promise,
      ready: ws.ready.promise,
      desiredSize: ws.stream === undefined ? undefined :
        writerDesiredSize(ws.stream),
    }, depth, options);
  }
}

function unbound() {
  return new ERR_INVALID_STATE.TypeError(
    'Writer is not bound to a WritableStream');
}

function writerDesiredSize(stream) {
  const ss = stream[kState];
  if (ss.state === 'errored' || ss.state === 'erroring') return null;
  if (ss.state === 'closed') return 0;
  const cs = ss.controller[kState];
  return cs.hwm - cs.queueTotalSize;
}

function ensureReadyRejected(writer, error) {
  const ws = writer[kState];
  if (ws.ready.settled) ws.ready = createDeferred();
  ws.ready.reject(error);
  setPromiseHandled(ws.ready.promise);
}

function ensureClosedRejected(writer, error) {
  const ws = writer[kState];
  if (ws.closed.settled) ws.closed = createDeferred();
  ws.closed.reject(error);
  setPromiseHandled(ws.closed.promise);
}

function writerRelease(writer) {
  const ws = writer[kState];
  const released = new ERR_INVALID_STATE.TypeError('Writer has been released');
  ensureReadyRejected(writer, released);
  ensureClosedRejected(writer, released);
  ws.stream[kState].writer = undefined;
  ws.stream = undefined;
}

function writerWrite(writer, chunk) {
  const stream = writer[kState].stream;
  const ss = stream[kState];
  const controller = ss.controller;
  const cs = controller[kState];
  let chunkSize = 1;
  if (cs.sizeAlgorithm !== undefined) {
    try {
      chunkSize = cs.sizeAlgorithm(chunk);
    } catch (err) {
      if (ss.state === 'writable') controllerError(controller, err);
    }
  }
  if (stream !== writer[kState].stream) return Promise.reject(unbound());
  const state = ss.state;
  if (state === 'errored') return Promise.reject(ss.storedError);
  if (closeQueuedOrInFlight(stream) || state === 'closed') {
    return Promise.reject(
      new ERR_INVALID_STATE.TypeError('WritableStream is closed'));
  }
  if (state === 'erroring') return Promise.reject(ss.storedError);
  const d = createDeferred();
  ss.writeRequests.push(d);
  try {
    enqueueValueWithSize(cs, chunk, chunkSize);
  } catch (err) {
    if (ss.state === 'writable') controllerError(controller, err);
    return d.promise;
  }
  if (!closeQueuedOrInFlight(stream) && ss.state === 'writable') {
    updateBackpressure(stream, cs.hwm - cs.queueTotalSize <= 0);
  }
  advanceQueueIfNeeded(controller);
  return d.promise;
}

function writerCloseWithErrorPropagation(writer) {
  const stream = writer[kState].stream;
  const ss = stream[kState];
  if (closeQueuedOrInFlight(stream) || ss.state === 'closed') {
    return Promise.resolve();
  }
  if (ss.state === 'errored') return Promise.reject(ss.storedError);
  return writableStreamClose(stream);
}

// ---- WritableStreamDefaultController ----

class WritableStreamDefaultController {
  constructor(key) {
    if (key !== kConstruct) throw new ERR_ILLEGAL_CONSTRUCTOR();
    if (AbortController === undefined) {
      AbortController = require('internal/abort_controller').AbortController;
    }
    this[kState] = {
      kind: 'WritableStreamDefaultController',
      stream: undefined,
      queue: [],
      queueTotalSize: 0,
      abortController: new AbortController(),
      started: false,
      sizeAlgorithm: undefined,
      hwm: 1,
      writeAlgorithm: undefined,
      closeAlgorithm: undefined,
      abortAlgorithm: undefined,
    };
  }

  get signal() {
    check(this, isController, 'WritableStreamDefaultController');
    return this[kState].abortController.signal;
  }

  error(error = undefined) {
    check(this, isController, 'WritableStreamDefaultController');
    if (this[kState].stream[kState].state !== 'writable') return;
    controllerError(this, error);
  }

  [customInspect](depth, options) {
    return inspectAs(this, { stream: this[kState].stream }, depth, options);
  }
}

function setUpController(stream, controller, startAlgorithm, writeAlgorithm,
                         closeAlgorithm, abortAlgorithm, hwm, sizeAlgorithm) {
  const cs = controller[kState];
  cs.stream = stream;
  stream[kState].controller = controller;
  cs.sizeAlgorithm = sizeAlgorithm;
  cs.hwm = hwm;
  cs.writeAlgorithm = writeAlgorithm;
  cs.closeAlgorithm = closeAlgorithm;
  cs.abortAlgorithm = abortAlgorithm;
  updateBackpressure(stream, cs.hwm - cs.queueTotalSize <= 0);
  const startResult = startAlgorithm();
  Promise.resolve(startResult).then(() => {
    cs.started = true;
    advanceQueueIfNeeded(controller);
  }, (r) => {
    cs.started = true;
    dealWithRejection(stream, r);
  });
}

function clearAlgorithms(controller) {
  const cs = controller[kState];
  cs.writeAlgorithm = undefined;
  cs.closeAlgorithm = undefined;
  cs.abortAlgorithm = undefined;
  cs.sizeAlgorithm = undefined;
}

function controllerError(controller, error) {
  clearAlgorithms(controller);
  startErroring(controller[kState].stream, error);
}

function errorIfNeeded(controller, error) {
  if (controller[kState].stream[kState].state === 'writable') {
    controllerError(controller, error);
  }
}

function advanceQueueIfNeeded(controller) {
  const cs = controller[kState];
  const stream = cs.stream;
  const ss = stream[kState];
  if (!cs.started || ss.inFlightWriteRequest !== undefined) return;
  if (ss.state === 'erroring') {
    finishErroring(stream);
    return;
  }
  if (cs.queue.length === 0) return;
  const value = peekQueueValue(cs);
  if (value === kCloseSentinel) processClose(controller);
  else processWrite(controller, value);
}

function processClose(controller) {
  const cs = controller[kState];
  const stream = cs.stream;
  const ss = stream[kState];
  ss.inFlightCloseRequest = ss.closeRequest;
  ss.closeRequest = undefined;
  dequeueValue(cs);
  const result = cs.closeAlgorithm();
  clearAlgorithms(controller);
  result.then(() => finishInFlightClose(stream),
              (reason) => finishInFlightCloseWithError(stream, reason));
}

function processWrite(controller, chunk) {
  const cs = controller[kState];
  const stream = cs.stream;
  const ss = stream[kState];
  ss.inFlightWriteRequest = ss.writeRequests.shift();
  cs.writeAlgorithm(chunk).then(() => {
    finishInFlightWrite(stream);
    const state = ss.state;
    dequeueValue(cs);
    if (!closeQueuedOrInFlight(stream) && state === 'writable') {
      updateBackpressure(stream, cs.hwm - cs.queueTotalSize <= 0);
    }
    advanceQueueIfNeeded(controller);
  }, (reason) => {
    if (ss.state === 'writable') clearAlgorithms(controller);
    finishInFlightWriteWithError(stream, reason);
  });
}

finishClass(WritableStream, 'WritableStream',
            ['locked', 'abort', 'close', 'getWriter']);
finishClass(WritableStreamDefaultWriter, 'WritableStreamDefaultWriter',
            ['closed', 'ready', 'desiredSize', 'abort', 'close',
             'releaseLock', 'write']);
finishClass(WritableStreamDefaultController,
            'WritableStreamDefaultController', ['signal', 'error']);

// What pipeTo needs from this side.
Object.assign(readable.writable, {
  abort: writableStreamAbort,
  acquireWriter: (stream) => new WritableStreamDefaultWriter(stream),
  closeQueuedOrInFlight,
  isLocked,
  isWritableStream,
  writerCloseWithErrorPropagation,
  writerClosed: (writer) => writer[kState].closed.promise,
  writerReady: (writer) => writer[kState].ready.promise,
  writerRelease,
  writerWrite,
});

module.exports = {
  WritableStream,
  WritableStreamDefaultController,
  WritableStreamDefaultWriter,
  createWritableStream,
  errorIfNeeded,
  errorWritableStream: (stream, error) =>
    errorIfNeeded(stream[kState].controller, error),
  isWritableStream,
  settledPromise,
};
