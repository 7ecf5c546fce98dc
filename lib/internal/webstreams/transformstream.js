'use strict';

// TransformStream of the WHATWG Streams standard: a writable side whose
// chunks go through transform() into a readable side.

const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_STATE,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');
const { inspectAs } = require('internal/util/inspect_helpers');
const {
  callbackMember,
  createDeferred,
  extractHighWaterMark,
  extractSizeAlgorithm,
  invokePromise,
} = require('internal/webstreams/util');
const {
  canCloseOrEnqueue,
  controllerClose,
  controllerDesiredSize,
  controllerEnqueue,
  controllerError,
  createReadableStream,
  finishClass,
  hasBackpressure,
  kState,
} = require('internal/webstreams/readablestream');
const {
  createWritableStream,
  errorIfNeeded,
} = require('internal/webstreams/writablestream');

const kConstruct = Symbol('kConstruct');
const customInspect = Symbol.for('nodejs.util.inspect.custom');

function is(kind) {
  return (value) => value !== null && typeof value === 'object' &&
    value[kState] !== undefined && value[kState].kind === kind;
}
const isTransformStream = is('TransformStream');
const isController = is('TransformStreamDefaultController');

function check(self, test, name) {
  if (!test(self)) throw new ERR_INVALID_THIS(name);
}

class TransformStream {
  constructor(transformer = {}, writableStrategy = {},
              readableStrategy = {}) {
    if (transformer === null) transformer = {};
    if (writableStrategy === null) writableStrategy = {};
    if (readableStrategy === null) readableStrategy = {};
    const { readableType, writableType } = transformer;
    if (readableType !== undefined) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('transformer.readableType',
                                                 readableType);
    }
    if (writableType !== undefined) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('transformer.writableType',
                                                 writableType);
    }
    const readableHWM = extractHighWaterMark(readableStrategy, 0);
    const readableSize = extractSizeAlgorithm(readableStrategy);
    const writableHWM = extractHighWaterMark(writableStrategy, 1);
    const writableSize = extractSizeAlgorithm(writableStrategy);
    const start = callbackMember(transformer, 'start');
    const transform = callbackMember(transformer, 'transform');
    const flush = callbackMember(transformer, 'flush');
    const startDeferred = createDeferred();
    initialize(this, startDeferred.promise, writableHWM, writableSize,
               readableHWM, readableSize);
    const controller = new TransformStreamDefaultController(kConstruct);
    setUpController(
      this, controller,
      transform === undefined ? (chunk) => {
        try {
          controllerEnqueueChecked(controller, chunk);
          return Promise.resolve();
        } catch (err) {
          return Promise.reject(err);
        }
      } : (chunk) => invokePromise(transform, transformer, [chunk, controller]),
      () => invokePromise(flush, transformer, [controller]));
    if (start === undefined) {
      startDeferred.resolve();
    } else {
      startDeferred.resolve(Reflect.apply(start, transformer, [controller]));
    }
  }

  get readable() {
    check(this, isTransformStream, 'TransformStream');
    return this[kState].readable;
  }

  get writable() {
    check(this, isTransformStream, 'TransformStream');
    return this[kState].writable;
  }

  [customInspect](depth, options) {
    const ts = this[kState];
    return inspectAs(this, {
      readable: ts.readable,
      writable: ts.writable,
      backpressure: ts.backpressure,
    }, depth, options);
  }
}

function initialize(stream, startPromise, writableHWM, writableSize,
                    readableHWM, readableSize) {
  const ts = stream[kState] = {
    kind: 'TransformStream',
    readable: undefined,
    writable: undefined,
    backpressure: undefined,
    backpressureChange: undefined,
    controller: undefined,
  };
  const startAlgorithm = () => startPromise;
  ts.writable = createWritableStream(
    startAlgorithm,
    (chunk) => sinkWrite(stream, chunk),
    () => sinkClose(stream),
    (reason) => {
      transformStreamError(stream, reason);
      return Promise.resolve();
    },
    writableHWM, writableSize);
  ts.readable = createReadableStream(
    startAlgorithm,
    () => {
      setBackpressure(stream, false);
      return ts.backpressureChange.promise;
    },
    (reason) => {
      errorWritableAndUnblockWrite(stream, reason);
      return Promise.resolve();
    },
    readableHWM, readableSize);
  setBackpressure(stream, true);
}

function readableController(stream) {
  return stream[kState].readable[kState].controller;
}

function transformStreamError(stream, error) {
  controllerError(readableController(stream), error);
  errorWritableAndUnblockWrite(stream, error);
}

function errorWritableAndUnblockWrite(stream, error) {
  const ts = stream[kState];
  clearAlgorithms(ts.controller);
  errorIfNeeded(ts.writable[kState].controller, error);
  if (ts.backpressure) setBackpressure(stream, false);
}

function setBackpressure(stream, backpressure) {
  const ts = stream[kState];
  if (ts.backpressureChange !== undefined) ts.backpressureChange.resolve();
  ts.backpressureChange = createDeferred();
  ts.backpressure = backpressure;
}

function sinkWrite(stream, chunk) {
  const ts = stream[kState];
  const controller = ts.controller;
  if (ts.backpressure) {
    return ts.backpressureChange.promise.then(() => {
      const ws = ts.writable[kState];
      if (ws.state === 'erroring') throw ws.storedError;
      return performTransform(controller, chunk);
    });
  }
  return performTransform(controller, chunk);
}

function sinkClose(stream) {
  const ts = stream[kState];
  const readable = ts.readable;
  const controller = ts.controller;
  const flushPromise = controller[kState].flushAlgorithm();
  clearAlgorithms(controller);
  return flushPromise.then(() => {
    if (readable[kState].state === 'errored') {
      throw readable[kState].storedError;
    }
    const rc = readable[kState].controller;
    if (canCloseOrEnqueue(rc)) controllerClose(rc);
  }, (r) => {
    transformStreamError(stream, r);
    throw readable[kState].storedError;
  });
}

function performTransform(controller, chunk) {
  const cs = controller[kState];
  return cs.transformAlgorithm(chunk).then(undefined, (r) => {
    transformStreamError(cs.stream, r);
    throw r;
  });
}

// ---- TransformStreamDefaultController ----

class TransformStreamDefaultController {
  constructor(key) {
    if (key !== kConstruct) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kState] = {
      kind: 'TransformStreamDefaultController',
      stream: undefined,
      transformAlgorithm: undefined,
      flushAlgorithm: undefined,
    };
  }

  get desiredSize() {
    check(this, isController, 'TransformStreamDefaultController');
    return controllerDesiredSize(readableController(this[kState].stream));
  }

  enqueue(chunk = undefined) {
    check(this, isController, 'TransformStreamDefaultController');
    controllerEnqueueChecked(this, chunk);
  }

  error(reason = undefined) {
    check(this, isController, 'TransformStreamDefaultController');
    transformStreamError(this[kState].stream, reason);
  }

  terminate() {
    check(this, isController, 'TransformStreamDefaultController');
    const stream = this[kState].stream;
    const rc = readableController(stream);
    if (canCloseOrEnqueue(rc)) controllerClose(rc);
    errorWritableAndUnblockWrite(stream, new ERR_INVALID_STATE.TypeError(
      'TransformStream has been terminated'));
  }

  [customInspect](depth, options) {
    return inspectAs(this, { stream: this[kState].stream }, depth, options);
  }
}

function setUpController(stream, controller, transformAlgorithm,
                         flushAlgorithm) {
  const cs = controller[kState];
  cs.stream = stream;
  stream[kState].controller = controller;
  cs.transformAlgorithm = transformAlgorithm;
  cs.flushAlgorithm = flushAlgorithm;
}

function clearAlgorithms(controller) {
  const cs = controller[kState];
  cs.transformAlgorithm = undefined;
  cs.flushAlgorithm = undefined;
}

function controllerEnqueueChecked(controller, chunk) {
  const stream = controller[kState].stream;
  const rc = readableController(stream);
  if (!canCloseOrEnqueue(rc)) {
    throw new ERR_INVALID_STATE.TypeError('Unable to enqueue');
  }
  try {
    controllerEnqueue(rc, chunk);
  } catch (err) {
    errorWritableAndUnblockWrite(stream, err);
    throw stream[kState].readable[kState].storedError;
  }
  const backpressure = hasBackpressure(rc);
  if (backpressure !== stream[kState].backpressure) {
    setBackpressure(stream, true);
  }
}

finishClass(TransformStream, 'TransformStream', ['readable', 'writable']);
finishClass(TransformStreamDefaultController,
            'TransformStreamDefaultController',
            ['desiredSize', 'enqueue', 'error', 'terminate']);

module.exports = {
  TransformStream,
  TransformStreamDefaultController,
  isTransformStream,
};
