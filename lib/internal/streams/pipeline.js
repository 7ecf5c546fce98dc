'use strict';

// pipeline(...streams, callback): connect streams (and iterables and
// async generator functions) in a row, with backpressure, and destroy all
// of them when one fails. The callback gets the first real error.

const eos = require('internal/streams/end-of-stream');
const destroyImpl = require('internal/streams/destroy');
const {
  AbortError,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_RETURN_VALUE,
    ERR_MISSING_ARGS,
    ERR_STREAM_DESTROYED,
    ERR_STREAM_PREMATURE_CLOSE,
  },
} = require('internal/errors');
const {
  validateFunction,
  validateAbortSignal,
} = require('internal/validators');
const {
  isIterable,
  isReadable,
  isReadableNodeStream,
  isNodeStream,
  isReadableFinished,
  aggregateTwoErrors,
  newAbortController,
} = require('internal/streams/utils');

let PassThrough;
let Duplex;
let Readable;

// Destroy `stream` unless it already finished well by itself.
function destroyer(stream, reading, writing) {
  let finished = false;
  stream.on('close', () => {
    finished = true;
  });
  const cleanup = eos(stream, { readable: reading, writable: writing },
                      (err) => { finished = !err; });
  return {
    destroy: (err) => {
      if (finished) return;
      finished = true;
      destroyImpl.destroyer(stream, err || new ERR_STREAM_DESTROYED('pipe'));
    },
    cleanup,
  };
}

function popCallback(streams) {
  // The odd name is what Node prints.
  validateFunction(streams[streams.length - 1], 'streams[stream.length - 1]');
  return streams.pop();
}

function makeAsyncIterable(val) {
  if (isIterable(val)) return val;
  if (isReadableNodeStream(val)) return fromReadable(val);
  throw new ERR_INVALID_ARG_TYPE(
    'val', ['Readable', 'Iterable', 'AsyncIterable'], val);
}

async function* fromReadable(val) {
  if (!Readable) Readable = require('internal/streams/readable');
  yield* Readable.prototype[Symbol.asyncIterator].call(val);
}

// Write an iterable into a Node writable, waiting for 'drain' as needed.
async function pumpToNode(iterable, writable, finish, { end }) {
  let error;
  let wakeUp = null;

  const resume = (err) => {
    if (err) error = err;
    if (wakeUp) {
      const fn = wakeUp;
      wakeUp = null;
      fn();
    }
  };

  const wait = () => new Promise((resolve, reject) => {
    if (error) {
      reject(error);
    } else {
      wakeUp = () => {
        if (error) reject(error);
        else resolve();
      };
    }
  });

  writable.on('drain', resume);
  const cleanup = eos(writable, { readable: false }, resume);

  try {
    if (writable.writableNeedDrain) await wait();
    for await (const chunk of iterable) {
      if (!writable.write(chunk)) await wait();
    }
    if (end) writable.end();
    await wait();
    finish();
  } catch (err) {
    finish(error !== err ? aggregateTwoErrors(error, err) : err);
  } finally {
    cleanup();
    writable.off('drain', resume);
  }
}

function pipeline(...streams) {
  return pipelineImpl(streams, popCallback(streams));
}

function pipelineImpl(streams, callback, opts) {
  if (streams.length === 1 && Array.isArray(streams[0])) streams = streams[0];
  if (streams.length < 2) throw new ERR_MISSING_ARGS('streams');

  const ac = newAbortController();
  const signal = ac.signal;
  const outerSignal = opts && opts.signal;

  // Cleanups to run on success for a last stream that stays readable.
  const lastStreamCleanup = [];

  validateAbortSignal(outerSignal, 'options.signal');

  function abort() {
    finishImpl(new AbortError());
  }
  if (outerSignal) outerSignal.addEventListener('abort', abort);

  let error;
  let value;
  const destroys = [];
  let finishCount = 0;

  function finish(err) {
    finishImpl(err, --finishCount === 0);
  }

  function finishImpl(err, final) {
    // A premature close is usually the echo of a better error.
    if (err && (!error || error.code === 'ERR_STREAM_PREMATURE_CLOSE'))
      error = err;
    if (!error && !final) return;

    while (destroys.length) destroys.shift()(error);

    if (outerSignal) outerSignal.removeEventListener('abort', abort);
    ac.abort();

    if (final) {
      if (!error) lastStreamCleanup.forEach((fn) => fn());
      process.nextTick(callback, error, value);
    }
  }

  let ret;
  for (let i = 0; i < streams.length; i++) {
    const stream = streams[i];
    const reading = i < streams.length - 1;
    const writing = i > 0;
    const end = reading || !opts || opts.end !== false;
    const isLastStream = i === streams.length - 1;

    if (isNodeStream(stream)) {
      if (end) {
        const { destroy, cleanup } = destroyer(stream, reading, writing);
        destroys.push(destroy);
        if (isReadable(stream) && isLastStream) lastStreamCleanup.push(cleanup);
      }

      // Errors after the pipe has settled still reach the callback path
      // instead of going unhandled.
      const onError = (err) => {
        if (err && err.name !== 'AbortError' &&
            err.code !== 'ERR_STREAM_PREMATURE_CLOSE')
          finish(err);
      };
      stream.on('error', onError);
      if (isReadable(stream) && isLastStream) {
        lastStreamCleanup.push(() => {
          stream.removeListener('error', onError);
        });
      }
    }

    if (i === 0) {
      if (typeof stream === 'function') {
        ret = stream({ signal });
        if (!isIterable(ret)) {
          throw new ERR_INVALID_RETURN_VALUE(
            'Iterable, AsyncIterable or Stream', 'source', ret);
        }
      } else if (isIterable(stream) || isReadableNodeStream(stream)) {
        ret = stream;
      } else {
        if (!Duplex) Duplex = require('internal/streams/duplex');
        ret = Duplex.from(stream);
      }
    } else if (typeof stream === 'function') {
      ret = makeAsyncIterable(ret);
      ret = stream(ret, { signal });

      if (reading) {
        if (!isIterable(ret, true)) {
          throw new ERR_INVALID_RETURN_VALUE(
            'AsyncIterable', `transform[${i - 1}]`, ret);
        }
      } else {
        // The last step is a function: its result flows out through a
        // PassThrough so there is a stream to return.
        if (!PassThrough) PassThrough = require('internal/streams/passthrough');
        const pt = new PassThrough({ objectMode: true });

        const then = ret && ret.then;
        if (typeof then === 'function') {
          finishCount++;
          then.call(ret, (val) => {
            value = val;
            if (val != null) pt.write(val);
            if (end) pt.end();
            process.nextTick(finish);
          }, (err) => {
            pt.destroy(err);
            process.nextTick(finish, err);
          });
        } else if (isIterable(ret, true)) {
          finishCount++;
          pumpToNode(ret, pt, finish, { end });
        } else {
          throw new ERR_INVALID_RETURN_VALUE(
            'AsyncIterable or Promise', 'destination', ret);
        }

        ret = pt;
        const { destroy, cleanup } = destroyer(ret, false, true);
        destroys.push(destroy);
        if (isLastStream) lastStreamCleanup.push(cleanup);
      }
    } else if (isNodeStream(stream)) {
      if (isReadableNodeStream(ret)) {
        finishCount += 2;
        const cleanup = pipe(ret, stream, finish, { end });
        if (isReadable(stream) && isLastStream) lastStreamCleanup.push(cleanup);
      } else if (isIterable(ret)) {
        finishCount++;
        pumpToNode(ret, stream, finish, { end });
      } else {
        throw new ERR_INVALID_ARG_TYPE(
          'val', ['Readable', 'Iterable', 'AsyncIterable'], ret);
      }
      ret = stream;
    } else {
      if (!Duplex) Duplex = require('internal/streams/duplex');
      ret = Duplex.from(stream);
    }
  }

  if ((signal && signal.aborted) || (outerSignal && outerSignal.aborted))
    process.nextTick(abort);

  return ret;
}

// src.pipe(dst) plus completion tracking: `finish` is called once for
// each side.
function pipe(src, dst, finish, { end }) {
  let ended = false;
  dst.on('close', () => {
    // dst closed before src was done with it.
    if (!ended) finish(new ERR_STREAM_PREMATURE_CLOSE());
  });

  // We end dst ourselves below, so readable.pipe() must not.
  src.pipe(dst, { end: false });

  if (end) {
    const endFn = () => {
      ended = true;
      dst.end();
    };
    if (isReadableFinished(src)) process.nextTick(endFn);
    else src.once('end', endFn);
  } else {
    // dst stays open: only src decides when we are done.
    finish();
  }

  eos(src, { readable: true, writable: false }, (err) => {
    const rState = src._readableState;
    if (err && err.code === 'ERR_STREAM_PREMATURE_CLOSE' &&
        rState && rState.ended && !rState.errored && !rState.errorEmitted) {
      // Closed after push(null) but before 'end': still wait for 'end'.
      src.once('end', finish).once('error', finish);
    } else {
      finish(err);
    }
  });

  return eos(dst, { readable: false, writable: true }, finish);
}

module.exports = { pipelineImpl, pipeline };
