'use strict';

// ReadableStream of the WHATWG Streams standard, with its default
// controller and default reader, tee(), pipeTo(), pipeThrough() and async
// iteration. Byte streams (type: 'bytes') are not implemented yet.

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
      if (`${type}` === 'bytes') {
        throw new ERR_INVALID_ARG_VALUE('source.type', type,
                                        'is not supported by noderun yet');
      }
      throw new ERR_INVALID_ARG_VALUE('source.type', type);
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
    if (`${mode}` === 'byob') {
      throw new ERR_INVALID_ARG_VALUE('options.mode', mode,
                                      'is not supported by noderun yet');
    }
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
      supportsBYOB: false,
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
  const result = state.controller[kState].cancelSteps(reason);
  return result.then(noop);
}

function readableStreamClose(stream) {
  const state = stream[kState];
  state.state = 'closed';
  const reader = state.reader;
  if (reader === undefined) return;
  const rs = reader[kState];
  rs.closed.resolve();
  const requests = rs.readRequests;
  rs.readRequests = [];
  for (const request of requests) request.close();
}

function readableStreamError(stream, error) {
  const state = stream[kState];
  state.state = 'errored';
  state.storedError = error;
  const reader = state.reader;
  if (reader === undefined) return;
  const rs = reader[kState];
  rs.closed.reject(error);
  setPromiseHandled(rs.closed.promise);
  errorReadRequests(reader, error);
}

function errorReadRequests(reader, error) {
  const rs = reader[kState];
  const requests = rs.readRequests;
  rs.readRequests = [];
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

// ---- ReadableStreamDefaultReader ----

class ReadableStreamDefaultReader {
  constructor(stream) {
    if (!isReadableStream(stream)) {
      throw new ERR_INVALID_ARG_TYPE('stream', 'ReadableStream', stream);
    }
    if (isLocked(stream)) {
      throw new ERR_INVALID_STATE.TypeError('ReadableStream is locked');
    }
    const rs = this[kState] = {
      kind: 'ReadableStreamDefaultReader',
      stream,
      closed: undefined,
      readRequests: [],
    };
    const ss = stream[kState];
    ss.reader = this;
    if (ss.state === 'readable') {
      rs.closed = createDeferred();
    } else if (ss.state === 'closed') {
      rs.closed = resolvedDeferred();
    } else {
      rs.closed = rejectedDeferred(ss.storedError);
    }
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
    check(this, isReader, 'ReadableStreamDefaultReader');
    if (this[kState].stream === undefined) return;
    readerRelease(this);
  }

  get closed() {
    const bad = checkAsync(this, isReader, 'ReadableStreamDefaultReader');
    if (bad) return bad;
    return this[kState].closed.promise;
  }

  cancel(reason = undefined) {
    const bad = checkAsync(this, isReader, 'ReadableStreamDefaultReader');
    if (bad) return bad;
    const stream = this[kState].stream;
    if (stream === undefined) {
      return Promise.reject(new ERR_INVALID_STATE.TypeError(
        'The reader is not attached to a stream'));
    }
    return readableStreamCancel(stream, reason);
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

module.exports = {
  ReadableStream,
  ReadableStreamDefaultController,
  ReadableStreamDefaultReader,
  canCloseOrEnqueue,
  controllerClose,
  controllerDesiredSize,
  controllerEnqueue,
  controllerError,
  createReadableStream,
  finishClass,
  hasBackpressure,
  isReadableStream,
  kState,
  writable,
};
