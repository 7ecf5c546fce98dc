'use strict';

// Duck-typed questions about streams, shared by finished(), pipeline()
// and the stream module's isReadable()/isErrored() helpers. Most answer
// null when the object is not the kind of stream asked about.

const kIsDestroyed = Symbol('kIsDestroyed');
const kIsErrored = Symbol('kIsErrored');
const kIsReadable = Symbol('kIsReadable');
const kIsDisturbed = Symbol('kIsDisturbed');

function isReadableNodeStream(obj, strict = false) {
  if (!obj || typeof obj.pipe !== 'function' || typeof obj.on !== 'function')
    return false;
  if (strict &&
      (typeof obj.pause !== 'function' || typeof obj.resume !== 'function'))
    return false;
  // A Duplex counts only while its readable side is there.
  if (obj._writableState) {
    const r = obj._readableState;
    if (!r || r.readable === false) return false;
  }
  return true;
}

function isWritableNodeStream(obj) {
  if (!obj || typeof obj.write !== 'function' || typeof obj.on !== 'function')
    return false;
  if (obj._readableState) {
    const w = obj._writableState;
    if (w && w.writable === false) return false;
  }
  return true;
}

function isDuplexNodeStream(obj) {
  return !!(obj && typeof obj.pipe === 'function' && obj._readableState &&
    typeof obj.on === 'function' && typeof obj.write === 'function');
}

function isNodeStream(obj) {
  if (!obj) return false;
  if (obj._readableState || obj._writableState) return true;
  if (typeof obj.on !== 'function') return false;
  return typeof obj.write === 'function' || typeof obj.pipe === 'function';
}

function isIterable(obj, isAsync) {
  if (obj == null) return false;
  if (isAsync === true) return typeof obj[Symbol.asyncIterator] === 'function';
  if (isAsync === false) return typeof obj[Symbol.iterator] === 'function';
  return typeof obj[Symbol.asyncIterator] === 'function' ||
    typeof obj[Symbol.iterator] === 'function';
}

function isDestroyed(stream) {
  if (!isNodeStream(stream)) return null;
  const state = stream._writableState || stream._readableState;
  return !!(stream.destroyed || stream[kIsDestroyed] ||
    (state && state.destroyed));
}

function isWritableEnded(stream) {
  if (!isWritableNodeStream(stream)) return null;
  if (stream.writableEnded === true) return true;
  const w = stream._writableState;
  if (w && w.errored) return false;
  if (!w || typeof w.ended !== 'boolean') return null;
  return w.ended;
}

// strict false: also true once end() was called and nothing is pending.
function isWritableFinished(stream, strict) {
  if (!isWritableNodeStream(stream)) return null;
  if (stream.writableFinished === true) return true;
  const w = stream._writableState;
  if (w && w.errored) return false;
  if (!w || typeof w.finished !== 'boolean') return null;
  return !!(w.finished ||
    (strict === false && w.ended === true && w.length === 0));
}

function isReadableEnded(stream) {
  if (!isReadableNodeStream(stream)) return null;
  if (stream.readableEnded === true) return true;
  const r = stream._readableState;
  if (!r || r.errored) return false;
  if (typeof r.ended !== 'boolean') return null;
  return r.ended;
}

// strict false: also true once push(null) happened and the buffer is empty.
function isReadableFinished(stream, strict) {
  if (!isReadableNodeStream(stream)) return null;
  const r = stream._readableState;
  if (r && r.errored) return false;
  if (!r || typeof r.endEmitted !== 'boolean') return null;
  return !!(r.endEmitted ||
    (strict === false && r.ended === true && r.length === 0));
}

function isReadable(stream) {
  if (stream && stream[kIsReadable] != null) return stream[kIsReadable];
  if (!stream || typeof stream.readable !== 'boolean') return null;
  if (isDestroyed(stream)) return false;
  return isReadableNodeStream(stream) && stream.readable &&
    !isReadableFinished(stream);
}

function isWritable(stream) {
  if (!stream || typeof stream.writable !== 'boolean') return null;
  if (isDestroyed(stream)) return false;
  return isWritableNodeStream(stream) && stream.writable &&
    !isWritableEnded(stream);
}

function isFinished(stream, opts) {
  if (!isNodeStream(stream)) return null;
  if (isDestroyed(stream)) return true;
  if ((!opts || opts.readable !== false) && isReadable(stream)) return false;
  if ((!opts || opts.writable !== false) && isWritable(stream)) return false;
  return true;
}

function isWritableErrored(stream) {
  if (!isNodeStream(stream)) return null;
  if (stream.writableErrored) return stream.writableErrored;
  const w = stream._writableState;
  return (w && w.errored) || null;
}

function isReadableErrored(stream) {
  if (!isNodeStream(stream)) return null;
  if (stream.readableErrored) return stream.readableErrored;
  const r = stream._readableState;
  return (r && r.errored) || null;
}

// http's OutgoingMessage is stream-like without the usual state objects.
function isOutgoingMessage(stream) {
  return typeof stream._closed === 'boolean' &&
    typeof stream._defaultKeepAlive === 'boolean' &&
    typeof stream._removedConnection === 'boolean' &&
    typeof stream._removedContLen === 'boolean';
}

function isServerResponse(stream) {
  return typeof stream._sent100 === 'boolean' && isOutgoingMessage(stream);
}

function isServerRequest(stream) {
  return typeof stream._consuming === 'boolean' &&
    typeof stream._dumped === 'boolean' &&
    (!stream.req || stream.req.upgradeOrConnect === undefined);
}

// An http ClientRequest (or anything that looks like one).
function isRequest(stream) {
  return !!(stream && stream.setHeader && typeof stream.abort === 'function');
}

function isClosed(stream) {
  if (!isNodeStream(stream)) return null;
  if (typeof stream.closed === 'boolean') return stream.closed;
  const w = stream._writableState;
  const r = stream._readableState;
  if ((w && typeof w.closed === 'boolean') ||
      (r && typeof r.closed === 'boolean'))
    return !!((w && w.closed) || (r && r.closed));
  if (typeof stream._closed === 'boolean' && isOutgoingMessage(stream))
    return stream._closed;
  return null;
}

// Will this stream emit 'close' by itself once it is done?
function willEmitClose(stream) {
  if (!isNodeStream(stream)) return null;
  const state = stream._writableState || stream._readableState;
  if (!state) return isServerResponse(stream);
  return !!(state.autoDestroy && state.emitClose && state.closed === false);
}

function firstDefined(...values) {
  for (let i = 0; i < values.length; i++)
    if (values[i] !== undefined && values[i] !== null) return values[i];
  return values[values.length - 1];
}

function isDisturbed(stream) {
  if (!stream) return false;
  if (stream[kIsDisturbed] != null) return !!stream[kIsDisturbed];
  return !!(stream.readableDidRead || stream.readableAborted);
}

function isErrored(stream) {
  if (!stream) return false;
  const r = stream._readableState;
  const w = stream._writableState;
  return !!firstDefined(
    stream[kIsErrored],
    stream.readableErrored,
    stream.writableErrored,
    r && r.errorEmitted,
    w && w.errorEmitted,
    r && r.errored,
    w && w.errored);
}

// Two errors met on one path: keep the first, and fold the second in.
function aggregateTwoErrors(inner, outer) {
  if (inner && outer && inner !== outer) {
    if (Array.isArray(outer.errors)) {
      outer.errors.push(inner);
      return outer;
    }
    // eslint-disable-next-line no-undef
    const err = new AggregateError([outer, inner], outer.message);
    err.code = outer.code;
    return err;
  }
  return inner || outer;
}

module.exports = {
  kIsDestroyed,
  kIsErrored,
  kIsReadable,
  kIsDisturbed,
  isClosed,
  isDestroyed,
  isDuplexNodeStream,
  isFinished,
  isIterable,
  isReadableNodeStream,
  isReadableEnded,
  isReadableFinished,
  isReadableErrored,
  isNodeStream,
  isWritable,
  isWritableNodeStream,
  isWritableEnded,
  isWritableFinished,
  isWritableErrored,
  isReadable,
  isOutgoingMessage,
  isServerRequest,
  isServerResponse,
  isRequest,
  willEmitClose,
  isDisturbed,
  isErrored,
  aggregateTwoErrors,
};

// An AbortController, or a minimal stand-in while the runtime has none.
function newAbortController() {
  if (typeof AbortController === 'function') return new AbortController();
  const listeners = new Set();
  const signal = {
    aborted: false,
    reason: undefined,
    onabort: null,
    addEventListener(type, fn) {
      if (type === 'abort') listeners.add(fn);
    },
    removeEventListener(type, fn) {
      if (type === 'abort') listeners.delete(fn);
    },
  };
  return {
    signal,
    abort(reason) {
      if (signal.aborted) return;
      if (reason === undefined) {
        const { AbortError } = require('internal/errors');
        reason = new AbortError('This operation was aborted');
      }
      signal.aborted = true;
      signal.reason = reason;
      const event = { type: 'abort', target: signal };
      if (typeof signal.onabort === 'function')
        signal.onabort.call(signal, event);
      for (const fn of [...listeners]) fn.call(signal, event);
    },
  };
}

module.exports.newAbortController = newAbortController;
