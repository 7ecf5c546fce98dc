'use strict';

// finished(stream[, options], callback): call back once a stream is done
// (readable side ended and/or writable side finished), has failed, or was
// closed too early. Returns a function that removes every listener.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_STREAM_PREMATURE_CLOSE },
  AbortError,
} = require('internal/errors');
const {
  validateAbortSignal,
  validateFunction,
  validateObject,
} = require('internal/validators');
const {
  isClosed,
  isReadable,
  isReadableNodeStream,
  isReadableFinished,
  isReadableErrored,
  isWritable,
  isWritableNodeStream,
  isWritableFinished,
  isWritableErrored,
  isNodeStream,
  isRequest,
  willEmitClose: willEmitCloseOf,
} = require('internal/streams/utils');

function nop() {}

function onceOnly(fn) {
  let called = false;
  return function(...args) {
    if (called) return;
    called = true;
    return fn.apply(this, args);
  };
}

// The promise of a web stream that settles when it closes or errors;
// undefined for anything else. The web streams load only if asked about.
function webStreamSettled(stream) {
  if (stream === null || typeof stream !== 'object') return undefined;
  const readable = require('internal/webstreams/readablestream');
  if (readable.isReadableStream(stream)) {
    return readable.settledPromise(stream);
  }
  const writable = require('internal/webstreams/writablestream');
  if (writable.isWritableStream(stream)) {
    return writable.settledPromise(stream);
  }
  return undefined;
}

function eosWeb(stream, settled, signal, callback) {
  let done = false;
  const finish = (err) => {
    if (done) return;
    done = true;
    if (signal !== undefined) signal.removeEventListener('abort', onAbort);
    if (err === undefined) callback.call(stream);
    else callback.call(stream, err);
  };
  const onAbort = () => {
    finish(new AbortError(undefined, { cause: signal.reason }));
  };
  if (signal !== undefined) {
    if (signal.aborted) {
      process.nextTick(onAbort);
    } else {
      signal.addEventListener('abort', onAbort);
    }
  }
  settled.then(() => finish(), (err) => finish(err));
  return () => {
    done = true;
    if (signal !== undefined) signal.removeEventListener('abort', onAbort);
  };
}

function eos(stream, options, callback) {
  if (arguments.length === 2) {
    callback = options;
    options = {};
  } else if (options == null) {
    options = {};
  } else {
    validateObject(options, 'options');
  }
  validateFunction(callback, 'callback');
  validateAbortSignal(options.signal, 'options.signal');

  let cb = onceOnly(callback);

  if (!isNodeStream(stream)) {
    const settled = webStreamSettled(stream);
    if (settled !== undefined) {
      return eosWeb(stream, settled, options.signal, cb);
    }
    throw new ERR_INVALID_ARG_TYPE(
      'stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
  }

  const readable = options.readable != null ?
    options.readable : isReadableNodeStream(stream);
  const writable = options.writable != null ?
    options.writable : isWritableNodeStream(stream);
  const w = stream._writableState;
  const r = stream._readableState;

  // When the stream will emit 'close' by itself after 'end'/'finish', wait
  // for that 'close' so the callback comes last.
  let waitForClose = willEmitCloseOf(stream) &&
    isReadableNodeStream(stream) === readable &&
    isWritableNodeStream(stream) === writable;

  let writableDone = isWritableFinished(stream, false);
  let readableDone = isReadableFinished(stream, false);
  let closed = isClosed(stream);

  const onfinish = () => {
    writableDone = true;
    if (stream.destroyed) waitForClose = false;
    if (waitForClose && (!stream.readable || readable)) return;
    if (!readable || readableDone) cb.call(stream);
  };

  const onend = () => {
    readableDone = true;
    if (stream.destroyed) waitForClose = false;
    if (waitForClose && (!stream.writable || writable)) return;
    if (!writable || writableDone) cb.call(stream);
  };

  // Old-style writables have no _writableState: 'end'/'close' mean done.
  const onlegacyfinish = () => {
    if (!stream.writable) onfinish();
  };

  const onerror = (err) => {
    cb.call(stream, err);
  };

  const onclose = () => {
    closed = true;
    const errored = isWritableErrored(stream) || isReadableErrored(stream);
    if (errored && typeof errored !== 'boolean')
      return cb.call(stream, errored);
    if (readable && !readableDone && isReadableNodeStream(stream, true) &&
        !isReadableFinished(stream, false))
      return cb.call(stream, new ERR_STREAM_PREMATURE_CLOSE());
    if (writable && !writableDone && !isWritableFinished(stream, false))
      return cb.call(stream, new ERR_STREAM_PREMATURE_CLOSE());
    cb.call(stream);
  };

  const onrequest = () => {
    stream.req.on('finish', onfinish);
  };

  if (isRequest(stream)) {
    stream.on('complete', onfinish);
    if (!waitForClose) stream.on('abort', onclose);
    if (stream.req) onrequest();
    else stream.on('request', onrequest);
  } else if (writable && !w) {
    stream.on('end', onlegacyfinish);
    stream.on('close', onlegacyfinish);
  }

  // http.IncomingMessage and friends
  if (!waitForClose && typeof stream.aborted === 'boolean')
    stream.on('aborted', onclose);

  stream.on('end', onend);
  stream.on('finish', onfinish);
  if (options.error !== false) stream.on('error', onerror);
  stream.on('close', onclose);

  // Already over? Then answer on the next tick.
  if (closed) {
    process.nextTick(onclose);
  } else if ((w && w.errorEmitted) || (r && r.errorEmitted)) {
    if (!waitForClose) process.nextTick(onclose);
  } else if (!readable && (!waitForClose || isReadable(stream)) &&
             (writableDone || isWritable(stream) === false)) {
    process.nextTick(onclose);
  } else if (!writable && (!waitForClose || isWritable(stream)) &&
             (readableDone || isReadable(stream) === false)) {
    process.nextTick(onclose);
  } else if (r && stream.req && stream.aborted) {
    process.nextTick(onclose);
  }

  const cleanup = () => {
    cb = nop;
    stream.removeListener('aborted', onclose);
    stream.removeListener('complete', onfinish);
    stream.removeListener('abort', onclose);
    stream.removeListener('request', onrequest);
    if (stream.req) stream.req.removeListener('finish', onfinish);
    stream.removeListener('end', onlegacyfinish);
    stream.removeListener('close', onlegacyfinish);
    stream.removeListener('finish', onfinish);
    stream.removeListener('end', onend);
    stream.removeListener('error', onerror);
    stream.removeListener('close', onclose);
  };

  if (options.signal && !closed) {
    const signal = options.signal;
    const abort = () => {
      const last = cb;
      cleanup();
      last.call(stream, new AbortError(undefined, { cause: signal.reason }));
    };
    if (signal.aborted) {
      process.nextTick(abort);
    } else {
      const inner = cb;
      cb = onceOnly(function(...args) {
        signal.removeEventListener('abort', abort);
        inner.apply(stream, args);
      });
      signal.addEventListener('abort', abort);
    }
  }

  return cleanup;
}

function finished(stream, opts) {
  let autoCleanup = false;
  if (opts === null) opts = {};
  if (opts && opts.cleanup) {
    const { validateBoolean } = require('internal/validators');
    validateBoolean(opts.cleanup, 'cleanup');
    autoCleanup = opts.cleanup;
  }
  return new Promise((resolve, reject) => {
    const cleanup = eos(stream, opts, (err) => {
      if (autoCleanup) cleanup();
      if (err) reject(err);
      else resolve();
    });
  });
}

eos.finished = finished;
module.exports = eos;
