'use strict';

// ReadableStream of the WHATWG Streams standard: the default controller
// and reader, byte streams (the byte controller, the BYOB reader and its
// requests), tee(), pipeTo(), pipeThrough() and async iteration.

const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_STATE,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');
const { validateAbortSignal } = require('internal/validators');
const { inspectAs } = require('internal/util/inspect_helpers');
const {
  callbackMember,
  createDeferred,
  dequeueValue,
  enqueueValueWithSize,
  extractHighWaterMark,
  extractSizeAlgorithm,
  invokePromise,
  noop,
  rejectedDeferred,
  resetQueue,
  resolvedDeferred,
  setPromiseHandled,
} = require('internal/webstreams/util');

const kState = Symbol('kState');
const kConstruct = Symbol('kConstruct');
const customInspect = Symbol.for('nodejs.util.inspect.custom');

// Filled in by internal/webstreams/writablestream (it needs this file too).
const writable = {};

function isReadableStream(value) {
  return value !== null && typeof value === 'object' &&
    value[kState] !== undefined && value[kState].kind === 'ReadableStream';
}

function isReader(value) {
  return value !== null && typeof value === 'object' &&
    value[kState] !== undefined &&
    value[kState].kind === 'ReadableStreamDefaultReader';
}

function isController(value) {
  return value !== null && typeof value === 'object' &&
    value[kState] !== undefined &&
    value[kState].kind === 'ReadableStreamDefaultController';
}

function isKind(kind) {
  return (value) => value !== null && typeof value === 'object' &&
    value[kState] !== undefined && value[kState].kind === kind;
}
const isBYOBReader = isKind('ReadableStreamBYOBReader');
const isByteController = isKind('ReadableByteStreamController');
const isBYOBRequest = isKind('ReadableStreamBYOBRequest');

function check(self, test, name) {
  if (!test(self)) throw new ERR_INVALID_THIS(name);
}

function checkAsync(self, test, name) {
  return test(self) ? undefined :
    Promise.reject(new ERR_INVALID_THIS(name));
}

// ---- ReadableStream ----

class ReadableStream {
  constructor(source = {}, strategy = {}) {
    if (source === null) source = {};
    if (strategy === null) strategy = {};
    this[kState] = {
      kind: 'ReadableStream',
      state: 'readable',
      reader: undefined,
      storedError: undefined,
      disturbed: false,
      controller: undefined,
    };
    const type = source.type;
    if (type !== undefined) {
      if (`${type}` !== 'bytes') {
        throw new ERR_INVALID_ARG_VALUE('source.type', type);
      }
      if (strategy.size !== undefined) {
        throw new ERR_INVALID_ARG_VALUE.RangeError('strategy.size',
                                                   strategy.size);
      }
      setUpByteControllerFromSource(this, source,
                                    extractHighWaterMark(strategy, 0));
      return;
    }
    const size = extractSizeAlgorithm(strategy);
    const hwm = extractHighWaterMark(strategy, 1);
    setUpControllerFromSource(this, source, hwm, size);
  }

  get locked() {
    check(this, isReadableStream, 'ReadableStream');
    return isLocked(this);
  }

  cancel(reason = undefined) {
    const bad = checkAsync(this, isReadableStream, 'ReadableStream');
    if (bad) return bad;
    if (isLocked(this)) {
      return Promise.reject(
        new ERR_INVALID_STATE.TypeError('ReadableStream is locked'));
    }
    return readableStreamCancel(this, reason);
  }

  getReader(options = {}) {
    check(this, isReadableStream, 'ReadableStream');
    if (options === null || typeof options !== 'object') {
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    const mode = options.mode;
    if (mode === undefined) return new ReadableStreamDefaultReader(this);
    if (`${mode}` === 'byob') return new ReadableStreamBYOBReader(this);
    throw new ERR_INVALID_ARG_VALUE('options.mode', mode);
  }

  pipeThrough(transform, options = {}) {
    check(this, isReadableStream, 'ReadableStream');
    const readable = transform?.readable;
    if (!isReadableStream(readable)) {
      throw new ERR_INVALID_ARG_TYPE('transform.readable', 'ReadableStream',
                                     readable);
    }
    const dest = transform.writable;
    if (!writable.isWritableStream(dest)) {
      throw new ERR_INVALID_ARG_TYPE('transform.writable', 'WritableStream',
                                     dest);
    }
    const opts = pipeOptions(options);
    if (isLocked(this)) {
      throw new ERR_INVALID_STATE.TypeError('The ReadableStream is locked');
    }
    if (writable.isLocked(dest)) {
      throw new ERR_INVALID_STATE.TypeError('The WritableStream is locked');
    }
    setPromiseHandled(readableStreamPipeTo(this, dest, opts));
    return readable;
  }

  pipeTo(dest, options = {}) {
    try {
      check(this, isReadableStream, 'ReadableStream');
      if (!writable.isWritableStream(dest)) {
        throw new ERR_INVALID_ARG_TYPE('transform.writable', 'WritableStream',
                                       dest);
      }
      const opts = pipeOptions(options);
      if (isLocked(this)) {
        throw new ERR_INVALID_STATE.TypeError('The ReadableStream is locked');
      }
      if (writable.isLocked(dest)) {
        throw new ERR_INVALID_STATE.TypeError('The WritableStream is locked');
      }
      return readableStreamPipeTo(this, dest, opts);
    } catch (err) {
      return Promise.reject(err);
    }
  }

  tee() {
    check(this, isReadableStream, 'ReadableStream');
    return readableStreamTee(this);
  }

  values(options = {}) {
    check(this, isReadableStream, 'ReadableStream');
    if (options === null || typeof options !== 'object') {
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    return createAsyncIterator(this, !!options.preventCancel);
  }

  [customInspect](depth, options) {
    return inspectAs(this, {
      locked: isLocked(this),
      state: this[kState].state,
      supportsBYOB: isByteController(this[kState].controller),
    }, depth, options);
  }
}

Object.defineProperty(ReadableStream.prototype, Symbol.asyncIterator, {
  value: ReadableStream.prototype.values, writable: true, enumerable: false,
  configurable: true,
});

function pipeOptions(options) {
  if (options === null || typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  const { preventAbort, preventCancel, preventClose, signal } = options;
  if (signal !== undefined) validateAbortSignal(signal, 'options.signal');
  return {
    preventAbort: !!preventAbort,
    preventCancel: !!preventCancel,
    preventClose: !!preventClose,
    signal,
  };
}

function isLocked(stream) {
  return stream[kState].reader !== undefined;
}

// Makes a stream whose controller runs the given algorithms (tee() and
// TransformStream use this; user code goes through the constructor).
function createReadableStream(startAlgorithm, pullAlgorithm, cancelAlgorithm,
                              hwm = 1, sizeAlgorithm = () => 1) {
  const stream = Object.create(ReadableStream.prototype);
  stream[kState] = {
    kind: 'ReadableStream',
    state: 'readable',
    reader: undefined,
    storedError: undefined,
    disturbed: false,
    controller: undefined,
  };
  const controller = new ReadableStreamDefaultController(kConstruct);
  setUpController(stream, controller, startAlgorithm, pullAlgorithm,
                  cancelAlgorithm, hwm, sizeAlgorithm);
  return stream;
}

function readableStreamCancel(stream, reason) {
  const state = stream[kState];
  state.disturbed = true;
  if (state.state === 'closed') return Promise.resolve();
  if (state.state === 'errored') return Promise.reject(state.storedError);
  readableStreamClose(stream);
  const reader = state.reader;
  if (reader !== undefined && isBYOBReader(reader)) {
    const requests = reader[kState].readIntoRequests;
    reader[kState].readIntoRequests = [];
    for (const request of requests) request.close(undefined);
  }
  const result = state.controller[kState].cancelSteps(reason);
  return result.then(noop);
}

// A promise that settles when the stream closes or errors, for
// stream.finished(); it takes no lock. Settled by the two functions below.
function settledPromise(stream) {
  const state = stream[kState];
  if (state.settled === undefined) {
    if (state.state === 'closed') state.settled = resolvedDeferred();
    else if (state.state === 'errored') {
      state.settled = rejectedDeferred(state.storedError);
    } else {
      state.settled = createDeferred();
    }
  }
  return state.settled.promise;
}

function readableStreamClose(stream) {
  const state = stream[kState];
  state.state = 'closed';
  if (state.settled !== undefined) state.settled.resolve();
  const reader = state.reader;
  if (reader === undefined) return;
  const rs = reader[kState];
  rs.closed.resolve();
  if (rs.readRequests === undefined) return;
  const requests = rs.readRequests;
  rs.readRequests = [];
  for (const request of requests) request.close();
}

function readableStreamError(stream, error) {
  const state = stream[kState];
  state.state = 'errored';
  state.storedError = error;
  if (state.settled !== undefined) {
    state.settled.reject(error);
    setPromiseHandled(state.settled.promise);
  }
  const reader = state.reader;
  if (reader === undefined) return;
  const rs = reader[kState];
  rs.closed.reject(error);
  setPromiseHandled(rs.closed.promise);
  errorReadRequests(reader, error);
}

function errorReadRequests(reader, error) {
  const rs = reader[kState];
  const key = rs.readRequests !== undefined ? 'readRequests' :
    'readIntoRequests';
  const requests = rs[key];
  rs[key] = [];
  for (const request of requests) request.error(error);
}

function fulfillReadRequest(stream, chunk, done) {
  const request = stream[kState].reader[kState].readRequests.shift();
  if (done) request.close();
  else request.chunk(chunk);
}

function numReadRequests(stream) {
  return stream[kState].reader[kState].readRequests.length;
}

function hasDefaultReader(stream) {
  const reader = stream[kState].reader;
  return reader !== undefined && isReader(reader);
}

function hasBYOBReader(stream) {
  const reader = stream[kState].reader;
  return reader !== undefined && isBYOBReader(reader);
}

// ---- ReadableStreamDefaultReader ----

// What both kinds of reader share (the spec's generic reader), checked
// against the kind `is` tells, named `name` in errors.
function readerReleaseLock(reader, is, name) {
  check(reader, is, name);
  if (reader[kState].stream === undefined) return;
  readerRelease(reader);
}

function readerClosed(reader, is, name) {
  const bad = checkAsync(reader, is, name);
  if (bad) return bad;
  return reader[kState].closed.promise;
}

function readerCancel(reader, is, name, reason) {
  const bad = checkAsync(reader, is, name);
  if (bad) return bad;
  const stream = reader[kState].stream;
  if (stream === undefined) {
    return Promise.reject(new ERR_INVALID_STATE.TypeError(
      'The reader is not attached to a stream'));
  }
  return readableStreamCancel(stream, reason);
}

class ReadableStreamDefaultReader {
  constructor(stream) {
    if (!isReadableStream(stream)) {
      throw new ERR_INVALID_ARG_TYPE('stream', 'ReadableStream', stream);
    }
    if (isLocked(stream)) {
      throw new ERR_INVALID_STATE.TypeError('ReadableStream is locked');
    }
    this[kState] = {
      kind: 'ReadableStreamDefaultReader',
      stream,
      closed: undefined,
      readRequests: [],
    };
    genericReaderInitialize(this, stream);
  }

  read() {
    const bad = checkAsync(this, isReader, 'ReadableStreamDefaultReader');
    if (bad) return bad;
    if (this[kState].stream === undefined) {
      return Promise.reject(new ERR_INVALID_STATE.TypeError(
        'The reader is not attached to a stream'));
    }
    const d = createDeferred();
    readerRead(this, {
      chunk: (value) => d.resolve({ value, done: false }),
      close: () => d.resolve({ value: undefined, done: true }),
      error: (e) => d.reject(e),
    });
    return d.promise;
  }

  releaseLock() {
    readerReleaseLock(this, isReader, 'ReadableStreamDefaultReader');
  }

  get closed() {
    return readerClosed(this, isReader, 'ReadableStreamDefaultReader');
  }

  cancel(reason = undefined) {
    return readerCancel(this, isReader, 'ReadableStreamDefaultReader', reason);
  }

  [customInspect](depth, options) {
    const rs = this[kState];
    return inspectAs(this, {
      stream: rs.stream,
      readRequests: rs.readRequests.length,
      close: rs.closed.promise,
    }, depth, options);
  }
}

function genericReaderInitialize(reader, stream) {
  const rs = reader[kState];
  const ss = stream[kState];
  ss.reader = reader;
  if (ss.state === 'readable') {
    rs.closed = createDeferred();
  } else if (ss.state === 'closed') {
    rs.closed = resolvedDeferred();
  } else {
    rs.closed = rejectedDeferred(ss.storedError);
  }
}

function readerRead(reader, request) {
  const stream = reader[kState].stream;
  const ss = stream[kState];
  ss.disturbed = true;
  if (ss.state === 'closed') request.close();
  else if (ss.state === 'errored') request.error(ss.storedError);
  else ss.controller[kState].pullSteps(request);
}

function readerRelease(reader) {
  const rs = reader[kState];
  const stream = rs.stream;
  const ss = stream[kState];
  const released = new ERR_INVALID_STATE.TypeError('Reader released');
  if (ss.state === 'readable') {
    rs.closed.reject(released);
  } else {
    rs.closed = createDeferred();
    rs.closed.reject(released);
  }
  setPromiseHandled(rs.closed.promise);
  ss.controller[kState].releaseSteps();
  ss.reader = undefined;
  rs.stream = undefined;
  errorReadRequests(reader,
                    new ERR_INVALID_STATE.TypeError('Releasing reader'));
}

// ---- ReadableStreamDefaultController ----

class ReadableStreamDefaultController {
  constructor(key) {
    if (key !== kConstruct) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kState] = {
      kind: 'ReadableStreamDefaultController',
      stream: undefined,
      queue: [],
      queueTotalSize: 0,
      started: false,
      closeRequested: false,
      pullAgain: false,
      pulling: false,
      sizeAlgorithm: undefined,
      hwm: 1,
      pullAlgorithm: undefined,
      cancelAlgorithm: undefined,
      pullSteps: (request) => controllerPullSteps(this, request),
      releaseSteps: noop,
      cancelSteps: (reason) => {
        resetQueue(this[kState]);
        const result = this[kState].cancelAlgorithm(reason);
        clearAlgorithms(this);
        return result;
      },
    };
  }

  get desiredSize() {
    check(this, isController, 'ReadableStreamDefaultController');
    return controllerDesiredSize(this);
  }

  close() {
    check(this, isController, 'ReadableStreamDefaultController');
    if (!canCloseOrEnqueue(this)) {
      throw new ERR_INVALID_STATE.TypeError('Controller is already closed');
    }
    controllerClose(this);
  }

  enqueue(chunk = undefined) {
    check(this, isController, 'ReadableStreamDefaultController');
    if (!canCloseOrEnqueue(this)) {
      throw new ERR_INVALID_STATE.TypeError('Controller is already closed');
    }
    controllerEnqueue(this, chunk);
  }

  error(error = undefined) {
    check(this, isController, 'ReadableStreamDefaultController');
    controllerError(this, error);
  }

  [customInspect](depth, options) {
    return inspectAs(this, {}, depth, options);
  }
}

function setUpControllerFromSource(stream, source, hwm, sizeAlgorithm) {
  const controller = new ReadableStreamDefaultController(kConstruct);
  const start = callbackMember(source, 'start');
  const pull = callbackMember(source, 'pull');
  const cancel = callbackMember(source, 'cancel');
  setUpController(
    stream, controller,
    () => (start === undefined ? undefined :
      Reflect.apply(start, source, [controller])),
    () => invokePromise(pull, source, [controller]),
    (reason) => invokePromise(cancel, source, [reason]),
    hwm, sizeAlgorithm);
}

function setUpController(stream, controller, startAlgorithm, pullAlgorithm,
                         cancelAlgorithm, hwm, sizeAlgorithm) {
  const cs = controller[kState];
  cs.stream = stream;
  cs.hwm = hwm;
  cs.sizeAlgorithm = sizeAlgorithm;
  cs.pullAlgorithm = pullAlgorithm;
  cs.cancelAlgorithm = cancelAlgorithm;
  stream[kState].controller = controller;
  const startResult = startAlgorithm();
  Promise.resolve(startResult).then(() => {
    cs.started = true;
    callPullIfNeeded(controller);
  }, (r) => controllerError(controller, r));
}

function controllerPullSteps(controller, request) {
  const cs = controller[kState];
  const stream = cs.stream;
  if (cs.queue.length > 0) {
    const chunk = dequeueValue(cs);
    if (cs.closeRequested && cs.queue.length === 0) {
      clearAlgorithms(controller);
      readableStreamClose(stream);
    } else {
      callPullIfNeeded(controller);
    }
    request.chunk(chunk);
  } else {
    stream[kState].reader[kState].readRequests.push(request);
    callPullIfNeeded(controller);
  }
}

function clearAlgorithms(controller) {
  const cs = controller[kState];
  cs.pullAlgorithm = undefined;
  cs.cancelAlgorithm = undefined;
  cs.sizeAlgorithm = undefined;
}

function canCloseOrEnqueue(controller) {
  const cs = controller[kState];
  return !cs.closeRequested && cs.stream[kState].state === 'readable';
}

function controllerDesiredSize(controller) {
  const cs = controller[kState];
  const state = cs.stream[kState].state;
  if (state === 'errored') return null;
  if (state === 'closed') return 0;
  return cs.hwm - cs.queueTotalSize;
}

function controllerClose(controller) {
  if (!canCloseOrEnqueue(controller)) return;
  const cs = controller[kState];
  cs.closeRequested = true;
  if (cs.queue.length === 0) {
    clearAlgorithms(controller);
    readableStreamClose(cs.stream);
  }
}

function controllerEnqueue(controller, chunk) {
  if (!canCloseOrEnqueue(controller)) return;
  const cs = controller[kState];
  const stream = cs.stream;
  if (isLocked(stream) && numReadRequests(stream) > 0) {
    fulfillReadRequest(stream, chunk, false);
  } else {
    let size;
    try {
      size = cs.sizeAlgorithm(chunk);
      enqueueValueWithSize(cs, chunk, size);
    } catch (err) {
      controllerError(controller, err);
      throw err;
    }
  }
  callPullIfNeeded(controller);
}

function controllerError(controller, error) {
  const cs = controller[kState];
  if (cs.stream[kState].state !== 'readable') return;
  resetQueue(cs);
  clearAlgorithms(controller);
  readableStreamError(cs.stream, error);
}

function shouldCallPull(controller) {
  const cs = controller[kState];
  if (!canCloseOrEnqueue(controller) || !cs.started) return false;
  const stream = cs.stream;
  if (isLocked(stream) && numReadRequests(stream) > 0) return true;
  return controllerDesiredSize(controller) > 0;
}

function callPullIfNeeded(controller) {
  if (!shouldCallPull(controller)) return;
  const cs = controller[kState];
  if (cs.pulling) {
    cs.pullAgain = true;
    return;
  }
  cs.pulling = true;
  cs.pullAlgorithm().then(() => {
    cs.pulling = false;
    if (cs.pullAgain) {
      cs.pullAgain = false;
      callPullIfNeeded(controller);
    }
  }, (e) => controllerError(controller, e));
}

function hasBackpressure(controller) {
  return !shouldCallPull(controller);
}

// ---- byte streams ----

// A BYOB reader: read(view) fills the caller's view.
class ReadableStreamBYOBReader {
  constructor(stream) {
    if (!isReadableStream(stream)) {
      throw new ERR_INVALID_ARG_TYPE('stream', 'ReadableStream', stream);
    }
    if (!isByteController(stream[kState].controller)) {
      throw new ERR_INVALID_ARG_VALUE('stream', stream,
                                      'must be a byte stream');
    }
    if (isLocked(stream)) {
      throw new ERR_INVALID_STATE.TypeError('ReadableStream is locked');
    }
    this[kState] = {
      kind: 'ReadableStreamBYOBReader',
      stream,
      closed: undefined,
      readIntoRequests: [],
    };
    genericReaderInitialize(this, stream);
  }

  read(view = undefined) {
    const bad = checkAsync(this, isBYOBReader, 'ReadableStreamBYOBReader');
    if (bad) return bad;
    if (!ArrayBuffer.isView(view)) {
      return Promise.reject(new ERR_INVALID_ARG_TYPE(
        'view', ['Buffer', 'TypedArray', 'DataView'], view));
    }
    if (view.byteLength === 0 || view.buffer.byteLength === 0) {
      return Promise.reject(new ERR_INVALID_STATE.TypeError(
        'View or Viewed ArrayBuffer is zero-length or detached'));
    }
    const stream = this[kState].stream;
    if (stream === undefined) {
      return Promise.reject(new ERR_INVALID_STATE.TypeError(
        'The reader is not attached to a stream'));
    }
    const d = createDeferred();
    const request = {
      chunk: (value) => d.resolve({ value, done: false }),
      close: (value) => d.resolve({ value, done: true }),
      error: (e) => d.reject(e),
    };
    const ss = stream[kState];
    ss.disturbed = true;
    if (ss.state === 'errored') request.error(ss.storedError);
    else bytePullInto(ss.controller, view, request);
    return d.promise;
  }

  releaseLock() {
    readerReleaseLock(this, isBYOBReader, 'ReadableStreamBYOBReader');
  }

  get closed() {
    return readerClosed(this, isBYOBReader, 'ReadableStreamBYOBReader');
  }

  cancel(reason = undefined) {
    return readerCancel(this, isBYOBReader, 'ReadableStreamBYOBReader', reason);
  }

  [customInspect](depth, options) {
    const rs = this[kState];
    // Node 18 spells the field this way.
    return inspectAs(this, {
      stream: rs.stream,
      requestIntoRequests: rs.readIntoRequests.length,
      close: rs.closed.promise,
    }, depth, options);
  }
}

class ReadableStreamBYOBRequest {
  constructor(key) {
    if (key !== kConstruct) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kState] = {
      kind: 'ReadableStreamBYOBRequest', controller: undefined, view: null,
    };
  }

  get view() {
    check(this, isBYOBRequest, 'ReadableStreamBYOBRequest');
    return this[kState].view;
  }

  respond(bytesWritten) {
    check(this, isBYOBRequest, 'ReadableStreamBYOBRequest');
    const controller = this[kState].controller;
    if (controller === undefined) {
      throw new ERR_INVALID_STATE.TypeError(
        'This BYOB request has been invalidated');
    }
    bytesWritten = +bytesWritten;
    if (!Number.isFinite(bytesWritten) || bytesWritten < 0) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('bytesWritten',
                                                 bytesWritten);
    }
    byteRespond(controller, Math.trunc(bytesWritten));
  }

  respondWithNewView(view) {
    check(this, isBYOBRequest, 'ReadableStreamBYOBRequest');
    const controller = this[kState].controller;
    if (controller === undefined) {
      throw new ERR_INVALID_STATE.TypeError(
        'This BYOB request has been invalidated');
    }
    if (!ArrayBuffer.isView(view)) {
      throw new ERR_INVALID_ARG_TYPE(
        'view', ['Buffer', 'TypedArray', 'DataView'], view);
    }
    byteRespondWithNewView(controller, view);
  }

  [customInspect](depth, options) {
    return inspectAs(this, {
      view: this[kState].view,
      controller: this[kState].controller,
    }, depth, options);
  }
}

class ReadableByteStreamController {
  constructor(key) {
    if (key !== kConstruct) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kState] = {
      kind: 'ReadableByteStreamController',
      stream: undefined,
      autoAllocateChunkSize: undefined,
      byobRequest: null,
      // Each entry: { buffer, byteOffset, byteLength }.
      queue: [],
      queueTotalSize: 0,
      // Each entry: { buffer, bufferByteLength, byteOffset, byteLength,
      // bytesFilled, elementSize, viewConstructor, readerType }.
      pendingPullIntos: [],
      started: false,
      closeRequested: false,
      pullAgain: false,
      pulling: false,
      hwm: 0,
      pullAlgorithm: undefined,
      cancelAlgorithm: undefined,
      pullSteps: (request) => bytePullSteps(this, request),
      releaseSteps: () => {
        const cs = this[kState];
        if (cs.pendingPullIntos.length > 0) {
          const first = cs.pendingPullIntos[0];
          first.readerType = 'none';
          cs.pendingPullIntos = [first];
        }
      },
      cancelSteps: (reason) => {
        const cs = this[kState];
        clearPendingPullIntos(this);
        resetQueue(cs);
        const result = cs.cancelAlgorithm(reason);
        byteClearAlgorithms(this);
        return result;
      },
    };
  }

  get byobRequest() {
    check(this, isByteController, 'ReadableByteStreamController');
    const cs = this[kState];
    if (cs.byobRequest === null && cs.pendingPullIntos.length > 0) {
      const first = cs.pendingPullIntos[0];
      const request = new ReadableStreamBYOBRequest(kConstruct);
      request[kState].controller = this;
      request[kState].view = new Uint8Array(
        first.buffer, first.byteOffset + first.bytesFilled,
        first.byteLength - first.bytesFilled);
      cs.byobRequest = request;
    }
    return cs.byobRequest;
  }

  get desiredSize() {
    check(this, isByteController, 'ReadableByteStreamController');
    return controllerDesiredSize(this);
  }

  close() {
    check(this, isByteController, 'ReadableByteStreamController');
    const cs = this[kState];
    if (cs.closeRequested) {
      throw new ERR_INVALID_STATE.TypeError('Controller is already closed');
    }
    if (cs.stream[kState].state !== 'readable') {
      throw new ERR_INVALID_STATE.TypeError(
        'ReadableStream is already closed');
    }
    byteClose(this);
  }

  enqueue(chunk) {
    check(this, isByteController, 'ReadableByteStreamController');
    if (!ArrayBuffer.isView(chunk)) {
      throw new ERR_INVALID_ARG_TYPE(
        'buffer', ['Buffer', 'TypedArray', 'DataView'], chunk);
    }
    if (chunk.byteLength === 0 || chunk.buffer.byteLength === 0) {
      throw new ERR_INVALID_STATE.TypeError(
        'chunk ArrayBuffer is zero-length or detached');
    }
    const cs = this[kState];
    if (cs.closeRequested) {
      throw new ERR_INVALID_STATE.TypeError('Controller is already closed');
    }
    if (cs.stream[kState].state !== 'readable') {
      throw new ERR_INVALID_STATE.TypeError(
        'ReadableStream is already closed');
    }
    byteEnqueue(this, chunk);
  }

  error(error = undefined) {
    check(this, isByteController, 'ReadableByteStreamController');
    byteError(this, error);
  }

  [customInspect](depth, options) {
    return inspectAs(this, {}, depth, options);
  }
}

function setUpByteControllerFromSource(stream, source, hwm) {
  const controller = new ReadableByteStreamController(kConstruct);
  const start = callbackMember(source, 'start');
  const pull = callbackMember(source, 'pull');
  const cancel = callbackMember(source, 'cancel');
  const autoAllocate = source.autoAllocateChunkSize;
  if (autoAllocate !== undefined &&
      (!Number.isInteger(autoAllocate) || autoAllocate <= 0)) {
    throw new ERR_INVALID_ARG_VALUE('source.autoAllocateChunkSize',
                                    autoAllocate);
  }
  const cs = controller[kState];
  cs.stream = stream;
  cs.hwm = hwm;
  cs.autoAllocateChunkSize = autoAllocate;
  cs.pullAlgorithm = () => invokePromise(pull, source, [controller]);
  cs.cancelAlgorithm = (reason) => invokePromise(cancel, source, [reason]);
  stream[kState].controller = controller;
  const startResult = start === undefined ? undefined :
    Reflect.apply(start, source, [controller]);
  Promise.resolve(startResult).then(() => {
    cs.started = true;
    byteCallPullIfNeeded(controller);
  }, (r) => byteError(controller, r));
}

function byteClearAlgorithms(controller) {
  const cs = controller[kState];
  cs.pullAlgorithm = undefined;
  cs.cancelAlgorithm = undefined;
}

function invalidateBYOBRequest(controller) {
  const cs = controller[kState];
  if (cs.byobRequest === null) return;
  cs.byobRequest[kState].controller = undefined;
  cs.byobRequest[kState].view = null;
  cs.byobRequest = null;
}

function clearPendingPullIntos(controller) {
  invalidateBYOBRequest(controller);
  controller[kState].pendingPullIntos = [];
}

function byteError(controller, error) {
  const cs = controller[kState];
  if (cs.stream[kState].state !== 'readable') return;
  clearPendingPullIntos(controller);
  resetQueue(cs);
  byteClearAlgorithms(controller);
  readableStreamError(cs.stream, error);
}

function byteClose(controller) {
  const cs = controller[kState];
  const stream = cs.stream;
  if (cs.closeRequested || stream[kState].state !== 'readable') return;
  if (cs.queueTotalSize > 0) {
    cs.closeRequested = true;
    return;
  }
  if (cs.pendingPullIntos.length > 0) {
    const first = cs.pendingPullIntos[0];
    if (first.bytesFilled % first.elementSize !== 0) {
      const e = new ERR_INVALID_STATE.TypeError(
        'Partial read is not possible');
      byteError(controller, e);
      throw e;
    }
  }
  byteClearAlgorithms(controller);
  readableStreamClose(stream);
}

function enqueueChunkToQueue(controller, buffer, byteOffset, byteLength) {
  const cs = controller[kState];
  cs.queue.push({ buffer, byteOffset, byteLength });
  cs.queueTotalSize += byteLength;
}

function enqueueClonedChunkToQueue(controller, buffer, byteOffset,
                                   byteLength) {
  enqueueChunkToQueue(controller,
                      buffer.slice(byteOffset, byteOffset + byteLength),
                      0, byteLength);
}

function enqueueDetachedPullIntoToQueue(controller, descriptor) {
  if (descriptor.bytesFilled > 0) {
    enqueueClonedChunkToQueue(controller, descriptor.buffer,
                              descriptor.byteOffset, descriptor.bytesFilled);
  }
  controller[kState].pendingPullIntos.shift();
}

function byteEnqueue(controller, chunk) {
  const cs = controller[kState];
  const stream = cs.stream;
  if (cs.closeRequested || stream[kState].state !== 'readable') return;
  const { buffer, byteOffset, byteLength } = chunk;
  if (cs.pendingPullIntos.length > 0) {
    invalidateBYOBRequest(controller);
    const first = cs.pendingPullIntos[0];
    if (first.readerType === 'none') {
      enqueueDetachedPullIntoToQueue(controller, first);
    }
  }
  if (hasDefaultReader(stream)) {
    processReadRequestsUsingQueue(controller);
    if (numReadRequests(stream) === 0) {
      enqueueChunkToQueue(controller, buffer, byteOffset, byteLength);
    } else {
      if (cs.pendingPullIntos.length > 0) cs.pendingPullIntos.shift();
      fulfillReadRequest(stream, new Uint8Array(buffer, byteOffset,
                                                byteLength), false);
    }
  } else if (hasBYOBReader(stream)) {
    enqueueChunkToQueue(controller, buffer, byteOffset, byteLength);
    processPullIntosUsingQueue(controller);
  } else {
    enqueueChunkToQueue(controller, buffer, byteOffset, byteLength);
  }
  byteCallPullIfNeeded(controller);
}

function handleQueueDrain(controller) {
  const cs = controller[kState];
  if (cs.queueTotalSize === 0 && cs.closeRequested) {
    byteClearAlgorithms(controller);
    readableStreamClose(cs.stream);
  } else {
    byteCallPullIfNeeded(controller);
  }
}

function fillReadRequestFromQueue(controller, request) {
  const cs = controller[kState];
  const entry = cs.queue.shift();
  cs.queueTotalSize -= entry.byteLength;
  handleQueueDrain(controller);
  request.chunk(new Uint8Array(entry.buffer, entry.byteOffset,
                               entry.byteLength));
}

function processReadRequestsUsingQueue(controller) {
  const cs = controller[kState];
  const reader = cs.stream[kState].reader;
  while (reader[kState].readRequests.length > 0) {
    if (cs.queueTotalSize === 0) return;
    fillReadRequestFromQueue(controller, reader[kState].readRequests.shift());
  }
}

function fillHeadPullInto(controller, size, descriptor) {
  invalidateBYOBRequest(controller);
  descriptor.bytesFilled += size;
}

// Copies queued bytes into the descriptor; true when it holds at least one
// whole element.
function fillPullIntoFromQueue(controller, d) {
  const cs = controller[kState];
  const maxBytesToCopy = Math.min(cs.queueTotalSize,
                                  d.byteLength - d.bytesFilled);
  const maxBytesFilled = d.bytesFilled + maxBytesToCopy;
  const maxAlignedBytes = maxBytesFilled - maxBytesFilled % d.elementSize;
  let remaining = maxBytesToCopy;
  let ready = false;
  if (maxAlignedBytes > d.bytesFilled) {
    remaining = maxAlignedBytes - d.bytesFilled;
    ready = true;
  }
  while (remaining > 0) {
    const head = cs.queue[0];
    const bytesToCopy = Math.min(remaining, head.byteLength);
    new Uint8Array(d.buffer, d.byteOffset + d.bytesFilled, bytesToCopy).set(
      new Uint8Array(head.buffer, head.byteOffset, bytesToCopy));
    if (head.byteLength === bytesToCopy) {
      cs.queue.shift();
    } else {
      head.byteOffset += bytesToCopy;
      head.byteLength -= bytesToCopy;
    }
    cs.queueTotalSize -= bytesToCopy;
    fillHeadPullInto(controller, bytesToCopy, d);
    remaining -= bytesToCopy;
  }
  return ready;
}

function convertPullInto(d) {
  const length = d.viewConstructor === DataView ? d.bytesFilled :
    d.bytesFilled / d.elementSize;
  return new d.viewConstructor(d.buffer, d.byteOffset, length);
}

function commitPullInto(stream, d) {
  const done = stream[kState].state === 'closed';
  const view = convertPullInto(d);
  if (d.readerType === 'default') {
    fulfillReadRequest(stream, view, done);
  } else {
    const request = stream[kState].reader[kState].readIntoRequests.shift();
    if (done) request.close(view);
    else request.chunk(view);
  }
}

function processPullIntosUsingQueue(controller) {
  const cs = controller[kState];
  while (cs.pendingPullIntos.length > 0) {
    if (cs.queueTotalSize === 0) return;
    const d = cs.pendingPullIntos[0];
    if (fillPullIntoFromQueue(controller, d)) {
      cs.pendingPullIntos.shift();
      commitPullInto(cs.stream, d);
    }
  }
}

const typedArrayTag = Object.getOwnPropertyDescriptor(
  Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;
function typedArrayName(view) {
  return Reflect.apply(typedArrayTag, view, []);
}
const typedArrayConstructors = {
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array,
  Int32Array, Uint32Array, Float32Array, Float64Array, BigInt64Array,
  BigUint64Array,
};

function bytePullInto(controller, view, request) {
  const cs = controller[kState];
  const stream = cs.stream;
  let elementSize = 1;
  let viewConstructor = DataView;
  if (!(view instanceof DataView)) {
    // The answer has the view's class (a Buffer for a Buffer, as in Node)
    // but is made by the intrinsic constructor: a subclass's constructor
    // may take other arguments (Buffer's warns).
    const intrinsic = typedArrayConstructors[typedArrayName(view)];
    const newTarget = typeof view.constructor === 'function' ?
      view.constructor : intrinsic;
    viewConstructor = function(buffer, byteOffset, length) {
      return Reflect.construct(intrinsic, [buffer, byteOffset, length],
                               newTarget);
    };
    elementSize = intrinsic.BYTES_PER_ELEMENT;
  }
  const d = {
    buffer: view.buffer,
    bufferByteLength: view.buffer.byteLength,
    byteOffset: view.byteOffset,
    byteLength: view.byteLength,
    bytesFilled: 0,
    elementSize,
    viewConstructor,
    readerType: 'byob',
  };
  const readIntoRequests = stream[kState].reader[kState].readIntoRequests;
  if (cs.pendingPullIntos.length > 0) {
    cs.pendingPullIntos.push(d);
    readIntoRequests.push(request);
    return;
  }
  if (stream[kState].state === 'closed') {
    request.close(new viewConstructor(d.buffer, d.byteOffset, 0));
    return;
  }
  if (cs.queueTotalSize > 0) {
    if (fillPullIntoFromQueue(controller, d)) {
      const filled = convertPullInto(d);
      handleQueueDrain(controller);
      request.chunk(filled);
      return;
    }
    if (cs.closeRequested) {
      const e = new ERR_INVALID_STATE.TypeError(
        'ReadableStream closed');
      byteError(controller, e);
      request.error(e);
      return;
    }
  }
  cs.pendingPullIntos.push(d);
  readIntoRequests.push(request);
  byteCallPullIfNeeded(controller);
}

function bytePullSteps(controller, request) {
  const cs = controller[kState];
  if (cs.queueTotalSize > 0) {
    fillReadRequestFromQueue(controller, request);
    return;
  }
  const size = cs.autoAllocateChunkSize;
  if (size !== undefined) {
    let buffer;
    try {
      buffer = new ArrayBuffer(size);
    } catch (err) {
      request.error(err);
      return;
    }
    cs.pendingPullIntos.push({
      buffer, bufferByteLength: size, byteOffset: 0, byteLength: size,
      bytesFilled: 0, elementSize: 1, viewConstructor: Uint8Array,
      readerType: 'default',
    });
  }
  cs.stream[kState].reader[kState].readRequests.push(request);
  byteCallPullIfNeeded(controller);
}

function byteShouldCallPull(controller) {
  const cs = controller[kState];
  const stream = cs.stream;
  if (stream[kState].state !== 'readable' || cs.closeRequested ||
      !cs.started) {
    return false;
  }
  if (hasDefaultReader(stream) && numReadRequests(stream) > 0) return true;
  if (hasBYOBReader(stream) &&
      stream[kState].reader[kState].readIntoRequests.length > 0) {
    return true;
  }
  return controllerDesiredSize(controller) > 0;
}

function byteCallPullIfNeeded(controller) {
  if (!byteShouldCallPull(controller)) return;
  const cs = controller[kState];
  if (cs.pulling) {
    cs.pullAgain = true;
    return;
  }
  cs.pulling = true;
  cs.pullAlgorithm().then(() => {
    cs.pulling = false;
    if (cs.pullAgain) {
      cs.pullAgain = false;
      byteCallPullIfNeeded(controller);
    }
  }, (e) => byteError(controller, e));
}

function byteRespond(controller, bytesWritten) {
  const cs = controller[kState];
  const first = cs.pendingPullIntos[0];
  if (cs.stream[kState].state === 'closed') {
    if (bytesWritten !== 0) {
      throw new ERR_INVALID_ARG_VALUE.TypeError('bytesWritten', bytesWritten,
                                                'must be 0 when closed');
    }
  } else {
    if (bytesWritten === 0) {
      throw new ERR_INVALID_ARG_VALUE.TypeError(
        'bytesWritten', bytesWritten, 'must be greater than 0');
    }
    if (first.bytesFilled + bytesWritten > first.byteLength) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('bytesWritten',
                                                 bytesWritten);
    }
  }
  byteRespondInternal(controller, bytesWritten);
}

function byteRespondWithNewView(controller, view) {
  const cs = controller[kState];
  const first = cs.pendingPullIntos[0];
  if (cs.stream[kState].state === 'closed') {
    if (view.byteLength !== 0) {
      throw new ERR_INVALID_ARG_VALUE.TypeError('view', view,
                                                'must be zero-length');
    }
  } else if (view.byteLength === 0) {
    throw new ERR_INVALID_ARG_VALUE.TypeError('view', view,
                                              'must not be zero-length');
  }
  if (first.byteOffset + first.bytesFilled !== view.byteOffset) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('view', view,
                                               'has an invalid offset');
  }
  if (first.bufferByteLength !== view.buffer.byteLength ||
      first.bytesFilled + view.byteLength > first.byteLength) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('view', view,
                                               'has an invalid length');
  }
  first.buffer = view.buffer;
  byteRespondInternal(controller, view.byteLength);
}

function byteRespondInternal(controller, bytesWritten) {
  const cs = controller[kState];
  const stream = cs.stream;
  const first = cs.pendingPullIntos[0];
  invalidateBYOBRequest(controller);
  if (stream[kState].state === 'closed') {
    if (first.readerType === 'none') cs.pendingPullIntos.shift();
    if (hasBYOBReader(stream)) {
      const reader = stream[kState].reader;
      while (reader[kState].readIntoRequests.length > 0) {
        commitPullInto(stream, cs.pendingPullIntos.shift());
      }
    }
  } else {
    fillHeadPullInto(controller, bytesWritten, first);
    if (first.readerType === 'none') {
      enqueueDetachedPullIntoToQueue(controller, first);
      processPullIntosUsingQueue(controller);
    } else if (first.bytesFilled >= first.elementSize) {
      cs.pendingPullIntos.shift();
      const remainder = first.bytesFilled % first.elementSize;
      if (remainder > 0) {
        const end = first.byteOffset + first.bytesFilled;
        enqueueClonedChunkToQueue(controller, first.buffer, end - remainder,
                                  remainder);
      }
      first.bytesFilled -= remainder;
      commitPullInto(stream, first);
      processPullIntosUsingQueue(controller);
    }
  }
  byteCallPullIfNeeded(controller);
}

// Errors the stream through its controller, whichever kind it is (for
// stream.addAbortSignal()).
function errorReadableStream(stream, error) {
  const controller = stream[kState].controller;
  if (isByteController(controller)) byteError(controller, error);
  else controllerError(controller, error);
}

// ---- tee ----

function readableStreamTee(stream) {
  const reader = new ReadableStreamDefaultReader(stream);
  let reading = false;
  let readAgain = false;
  let canceled1 = false;
  let canceled2 = false;
  let reason1;
  let reason2;
  let branch1;
  let branch2;
  const cancelDeferred = createDeferred();

  function pullAlgorithm() {
    if (reading) {
      readAgain = true;
      return Promise.resolve();
    }
    reading = true;
    readerRead(reader, {
      chunk(chunk) {
        queueMicrotask(() => {
          readAgain = false;
          if (!canceled1) controllerEnqueue(branch1[kState].controller, chunk);
          if (!canceled2) controllerEnqueue(branch2[kState].controller, chunk);
          reading = false;
          if (readAgain) pullAlgorithm();
        });
      },
      close() {
        reading = false;
        if (!canceled1) controllerClose(branch1[kState].controller);
        if (!canceled2) controllerClose(branch2[kState].controller);
        if (!canceled1 || !canceled2) cancelDeferred.resolve();
      },
      error() {
        reading = false;
      },
    });
    return Promise.resolve();
  }

  function cancel1(reason) {
    canceled1 = true;
    reason1 = reason;
    if (canceled2) {
      cancelDeferred.resolve(readableStreamCancel(stream, [reason1, reason2]));
    }
    return cancelDeferred.promise;
  }

  function cancel2(reason) {
    canceled2 = true;
    reason2 = reason;
    if (canceled1) {
      cancelDeferred.resolve(readableStreamCancel(stream, [reason1, reason2]));
    }
    return cancelDeferred.promise;
  }

  branch1 = createReadableStream(noop, pullAlgorithm, cancel1);
  branch2 = createReadableStream(noop, pullAlgorithm, cancel2);
  reader[kState].closed.promise.then(undefined, (r) => {
    controllerError(branch1[kState].controller, r);
    controllerError(branch2[kState].controller, r);
    if (!canceled1 || !canceled2) cancelDeferred.resolve();
  });
  return [branch1, branch2];
}

// ---- pipeTo ----

function readableStreamPipeTo(source, dest, options) {
  const { preventAbort, preventCancel, preventClose, signal } = options;
  const reader = new ReadableStreamDefaultReader(source);
  const writer = writable.acquireWriter(dest);
  const ds = dest[kState];
  source[kState].disturbed = true;
  let shuttingDown = false;
  let currentWrite = Promise.resolve();
  const done = createDeferred();
  let abortAlgorithm;

  function finalize(isError, error) {
    writable.writerRelease(writer);
    readerRelease(reader);
    if (signal !== undefined) {
      signal.removeEventListener('abort', abortAlgorithm);
    }
    if (isError) done.reject(error);
    else done.resolve();
  }

  function waitForWritesToFinish() {
    const old = currentWrite;
    return old.then(() =>
      (old !== currentWrite ? waitForWritesToFinish() : undefined));
  }

  function shutdownWithAction(action, isError, error) {
    if (shuttingDown) return;
    shuttingDown = true;
    const rest = () => {
      action().then(() => finalize(isError, error),
                    (newError) => finalize(true, newError));
    };
    if (ds.state === 'writable' && !writable.closeQueuedOrInFlight(dest)) {
      waitForWritesToFinish().then(rest);
    } else {
      rest();
    }
  }

  function shutdown(isError, error) {
    if (shuttingDown) return;
    shuttingDown = true;
    if (ds.state === 'writable' && !writable.closeQueuedOrInFlight(dest)) {
      waitForWritesToFinish().then(() => finalize(isError, error));
    } else {
      finalize(isError, error);
    }
  }

  if (signal !== undefined) {
    abortAlgorithm = () => {
      const error = signal.reason;
      const actions = [];
      if (!preventAbort) {
        actions.push(() => (ds.state === 'writable' ?
          writable.abort(dest, error) : Promise.resolve()));
      }
      if (!preventCancel) {
        actions.push(() => (source[kState].state === 'readable' ?
          readableStreamCancel(source, error) : Promise.resolve()));
      }
      shutdownWithAction(() => Promise.all(actions.map((a) => a())),
                         true, error);
    };
    if (signal.aborted) {
      abortAlgorithm();
      return done.promise;
    }
    signal.addEventListener('abort', abortAlgorithm);
  }

  function pipeStep() {
    if (shuttingDown) return Promise.resolve(true);
    return writable.writerReady(writer).then(() => new Promise(
      (resolve, reject) => {
        readerRead(reader, {
          chunk(chunk) {
            currentWrite = writable.writerWrite(writer, chunk).then(noop, noop);
            resolve(false);
          },
          close: () => resolve(true),
          error: reject,
        });
      }));
  }

  function pipeLoop() {
    return pipeStep().then((stop) => (stop ? undefined : pipeLoop()));
  }

  // Errors must be propagated forward.
  const readerClosed = reader[kState].closed.promise;
  const onSourceError = (storedError) => {
    if (!preventAbort) {
      shutdownWithAction(() => writable.abort(dest, storedError),
                         true, storedError);
    } else {
      shutdown(true, storedError);
    }
  };
  if (source[kState].state === 'errored') {
    onSourceError(source[kState].storedError);
  } else {
    readerClosed.then(undefined, onSourceError);
  }
  // Errors must be propagated backward.
  const onDestError = (storedError) => {
    if (!preventCancel) {
      shutdownWithAction(() => readableStreamCancel(source, storedError),
                         true, storedError);
    } else {
      shutdown(true, storedError);
    }
  };
  if (ds.state === 'errored') {
    onDestError(ds.storedError);
  } else {
    writable.writerClosed(writer).then(undefined, onDestError);
  }
  // Closing must be propagated forward.
  const onSourceClosed = () => {
    if (!preventClose) {
      shutdownWithAction(
        () => writable.writerCloseWithErrorPropagation(writer));
    } else {
      shutdown();
    }
  };
  if (source[kState].state === 'closed') onSourceClosed();
  else readerClosed.then(onSourceClosed, noop);
  // Closing must be propagated backward.
  if (writable.closeQueuedOrInFlight(dest) || ds.state === 'closed') {
    const destClosed = new ERR_INVALID_STATE.TypeError(
      'the destination writable stream closed before all data could be ' +
      'piped to it');
    if (!preventCancel) {
      shutdownWithAction(() => readableStreamCancel(source, destClosed),
                         true, destClosed);
    } else {
      shutdown(true, destClosed);
    }
  }
  setPromiseHandled(pipeLoop());
  return done.promise;
}

// ---- async iteration ----

const AsyncIteratorPrototype = Object.getPrototypeOf(
  Object.getPrototypeOf(async function* () {}).prototype);

const kIterator = Symbol('kIterator');

const ReadableStreamAsyncIteratorPrototype = Object.setPrototypeOf({
  next() {
    const it = this[kIterator];
    const step = () => nextSteps(it);
    it.ongoing = it.ongoing === undefined ? step() :
      it.ongoing.then(step, step);
    return it.ongoing;
  },
  return(value = undefined) {
    const it = this[kIterator];
    const step = () => returnSteps(it, value);
    return it.ongoing === undefined ? step() :
      it.ongoing.then(step, step);
  },
}, AsyncIteratorPrototype);

function createAsyncIterator(stream, preventCancel) {
  const reader = new ReadableStreamDefaultReader(stream);
  const iterator = Object.create(ReadableStreamAsyncIteratorPrototype);
  iterator[kIterator] = {
    reader, preventCancel, finished: false, ongoing: undefined,
  };
  return iterator;
}

function nextSteps(it) {
  if (it.finished) return Promise.resolve({ value: undefined, done: true });
  const d = createDeferred();
  readerRead(it.reader, {
    chunk: (value) => d.resolve({ value, done: false }),
    close() {
      it.finished = true;
      readerRelease(it.reader);
      d.resolve({ value: undefined, done: true });
    },
    error(e) {
      it.finished = true;
      readerRelease(it.reader);
      d.reject(e);
    },
  });
  return d.promise;
}

function returnSteps(it, value) {
  if (it.finished) return Promise.resolve({ value, done: true });
  it.finished = true;
  const reader = it.reader;
  if (!it.preventCancel) {
    const result = readableStreamCancel(reader[kState].stream, value);
    readerRelease(reader);
    return result.then(() => ({ value, done: true }));
  }
  readerRelease(reader);
  return Promise.resolve({ value, done: true });
}

// ---- property attributes ----

function finishClass(Class, name, members) {
  for (const member of members) {
    Object.defineProperty(Class.prototype, member, { enumerable: true });
  }
  Object.defineProperty(Class.prototype, Symbol.toStringTag, {
    value: name, writable: false, enumerable: false, configurable: true,
  });
}

finishClass(ReadableStream, 'ReadableStream',
            ['locked', 'cancel', 'getReader', 'pipeThrough', 'pipeTo', 'tee',
             'values']);
finishClass(ReadableStreamDefaultReader, 'ReadableStreamDefaultReader',
            ['read', 'releaseLock', 'closed', 'cancel']);
finishClass(ReadableStreamDefaultController,
            'ReadableStreamDefaultController',
            ['desiredSize', 'close', 'enqueue', 'error']);
finishClass(ReadableStreamBYOBReader, 'ReadableStreamBYOBReader',
            ['read', 'releaseLock', 'closed', 'cancel']);
finishClass(ReadableStreamBYOBRequest, 'ReadableStreamBYOBRequest',
            ['view', 'respond', 'respondWithNewView']);
finishClass(ReadableByteStreamController, 'ReadableByteStreamController',
            ['byobRequest', 'desiredSize', 'close', 'enqueue', 'error']);

module.exports = {
  ReadableByteStreamController,
  ReadableStream,
  ReadableStreamBYOBReader,
  ReadableStreamBYOBRequest,
  ReadableStreamDefaultController,
  ReadableStreamDefaultReader,
  canCloseOrEnqueue,
  controllerClose,
  controllerDesiredSize,
  controllerEnqueue,
  controllerError,
  createReadableStream,
  errorReadableStream,
  finishClass,
  hasBackpressure,
  isReadableStream,
  kState,
  settledPromise,
  writable,
};
