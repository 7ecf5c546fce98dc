'use strict';

// addAbortSignal(signal, stream): destroy the stream with an AbortError
// when the signal aborts (a web stream: error it).

const {
  AbortError,
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const { validateAbortSignal } = require('internal/validators');
const { isNodeStream } = require('internal/streams/utils');
const eos = require('internal/streams/end-of-stream');

function addAbortSignal(signal, stream) {
  validateAbortSignal(signal, 'signal');
  if (!isNodeStream(stream)) {
    const error = webStreamError(stream);
    if (error === undefined) {
      throw new ERR_INVALID_ARG_TYPE(
        'stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
    }
    return abortWith(signal, stream, (err) => error(stream, err));
  }
  return addAbortSignalNoValidate(signal, stream);
}

// How to error a web stream; undefined for anything else. The web streams
// load only if asked about.
function webStreamError(stream) {
  if (stream === null || typeof stream !== 'object') return undefined;
  const readable = require('internal/webstreams/readablestream');
  if (readable.isReadableStream(stream)) return readable.errorReadableStream;
  const writable = require('internal/webstreams/writablestream');
  if (writable.isWritableStream(stream)) return writable.errorWritableStream;
  return undefined;
}

function addAbortSignalNoValidate(signal, stream) {
  if (typeof signal !== 'object' || !('aborted' in signal)) return stream;
  return abortWith(signal, stream, (err) => stream.destroy(err));
}

// Calls abort(AbortError) when signal aborts (now, if it has), until the
// stream ends.
function abortWith(signal, stream, abort) {
  const onAbort = () => {
    abort(new AbortError(undefined, { cause: signal.reason }));
  };
  if (signal.aborted) {
    onAbort();
  } else {
    signal.addEventListener('abort', onAbort);
    eos(stream, () => signal.removeEventListener('abort', onAbort));
  }
  return stream;
}

module.exports = { addAbortSignal, addAbortSignalNoValidate };
