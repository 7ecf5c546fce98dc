'use strict';

// Duplex.from(body): turn streams, iterables, async generator functions,
// promises and { readable, writable } pairs into one Duplex.
// (Blobs and web streams are not supported in this runtime.)

const {
  AbortError,
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_RETURN_VALUE },
} = require('internal/errors');
const {
  isReadable,
  isWritable,
  isIterable,
  isNodeStream,
  isReadableNodeStream,
  isWritableNodeStream,
  isDuplexNodeStream,
  newAbortController,
} = require('internal/streams/utils');
const eos = require('internal/streams/end-of-stream');
const { destroyer } = require('internal/streams/destroy');
const Duplex = require('internal/streams/duplex');
const Readable = require('internal/streams/readable');
const from = require('internal/streams/from');

// Its own class so that these duplexes can be told apart when debugging.
class Duplexify extends Duplex {}

function duplexify(body, name) {
  if (isDuplexNodeStream(body)) return body;

  if (isReadableNodeStream(body)) return fromPair({ readable: body });
  if (isWritableNodeStream(body)) return fromPair({ writable: body });
  if (isNodeStream(body)) return fromPair({ writable: false, readable: false });

  if (typeof body === 'function') {
    const { value, write, final, destroy } = fromAsyncGen(body);

    if (isIterable(value)) {
      return from(Duplexify, value, {
        objectMode: true,
        write,
        final,
        destroy,
      });
    }

    const then = value && value.then;
    if (typeof then === 'function') {
      let d;
      // An async function consumer: the duplex finishes with its promise.
      const promise = then.call(value, (val) => {
        if (val != null)
          throw new ERR_INVALID_RETURN_VALUE('nully', 'body', val);
      }, (err) => {
        destroyer(d, err);
      });

      d = new Duplexify({
        objectMode: true,
        readable: false,
        write,
        final(cb) {
          final(async () => {
            try {
              await promise;
              process.nextTick(cb, null);
            } catch (err) {
              process.nextTick(cb, err);
            }
          });
        },
        destroy,
      });
      return d;
    }

    throw new ERR_INVALID_RETURN_VALUE(
      'Iterable, AsyncIterable or AsyncFunction', name, value);
  }

  if (isIterable(body)) {
    return from(Duplexify, body, { objectMode: true, writable: false });
  }

  if (body && (typeof body.writable === 'object' ||
               typeof body.readable === 'object')) {
    const readable = body.readable ?
      (isReadableNodeStream(body.readable) ?
        body.readable : duplexify(body.readable)) :
      undefined;
    const writable = body.writable ?
      (isWritableNodeStream(body.writable) ?
        body.writable : duplexify(body.writable)) :
      undefined;
    return fromPair({ readable, writable });
  }

  const then = body && body.then;
  if (typeof then === 'function') {
    let d;
    then.call(body, (val) => {
      if (val != null) d.push(val);
      d.push(null);
    }, (err) => {
      destroyer(d, err);
    });
    d = new Duplexify({ objectMode: true, writable: false, read() {} });
    return d;
  }

  throw new ERR_INVALID_ARG_TYPE(name, [
    'Blob', 'ReadableStream', 'WritableStream', 'Stream', 'Iterable',
    'AsyncIterable', 'Function', '{ readable, writable } pair', 'Promise',
  ], body);
}

// Call fn(source) where source is an async iterable fed by the duplex's
// writes; returns the pieces a Duplex needs to drive it.
function fromAsyncGen(fn) {
  // The generator awaits `promise`; write()/final() settle it through
  // `resolve`. They are kept apart because a write may come before the
  // generator first looks.
  let { promise, resolve } = newDeferred();
  const ac = newAbortController();
  const signal = ac.signal;

  const source = (async function* () {
    for (;;) {
      const current = promise;
      promise = null;
      const { chunk, done, cb } = await current;
      process.nextTick(cb);
      if (done) return;
      if (signal.aborted)
        throw new AbortError(undefined, { cause: signal.reason });
      ({ promise, resolve } = newDeferred());
      yield chunk;
    }
  })();

  const value = fn(source, { signal });

  const settle = (item) => {
    const fn = resolve;
    resolve = null;
    fn(item);
  };

  return {
    value,
    write(chunk, encoding, cb) {
      settle({ chunk, done: false, cb });
    },
    final(cb) {
      settle({ done: true, cb });
    },
    destroy(err, cb) {
      ac.abort();
      cb(err);
    },
  };
}

function newDeferred() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

// One Duplex that reads from `readable` and writes into `writable`.
function fromPair(pair) {
  const r = pair.readable && typeof pair.readable.read !== 'function' ?
    Readable.wrap(pair.readable) : pair.readable;
  const w = pair.writable;

  let readable = !!isReadable(r);
  let writable = !!isWritable(w);

  let onDrain = null;
  let onFinish = null;
  let onReadable = null;
  // undefined: open; a function: destroy waits for the sides to close;
  // null: a side has already closed.
  let onClose;

  const d = new Duplexify({
    readableObjectMode: !!(r && r.readableObjectMode),
    writableObjectMode: !!(w && w.writableObjectMode),
    readable,
    writable,
  });

  function onSideDone(err) {
    const cb = onClose;
    onClose = null;
    if (cb) cb(err);
    else if (err) d.destroy(err);
    else if (!readable && !writable) d.destroy();
  }

  // Call a parked callback once.
  function take(cb) {
    if (cb) cb();
  }

  if (writable) {
    eos(w, (err) => {
      writable = false;
      if (err) destroyer(r, err);
      onSideDone(err);
    });

    d._write = function(chunk, encoding, callback) {
      if (w.write(chunk, encoding)) callback();
      else onDrain = callback;
    };

    d._final = function(callback) {
      w.end();
      onFinish = callback;
    };

    w.on('drain', () => {
      const cb = onDrain;
      onDrain = null;
      take(cb);
    });

    w.on('finish', () => {
      const cb = onFinish;
      onFinish = null;
      take(cb);
    });
  }

  if (readable) {
    eos(r, (err) => {
      readable = false;
      if (err) destroyer(r, err);
      onSideDone(err);
    });

    r.on('readable', () => {
      const cb = onReadable;
      onReadable = null;
      take(cb);
    });

    r.on('end', () => {
      d.push(null);
    });

    d._read = function() {
      for (;;) {
        const buf = r.read();
        if (buf === null) {
          onReadable = d._read;
          return;
        }
        if (!d.push(buf)) return;
      }
    };
  }

  d._destroy = function(err, callback) {
    if (!err && onClose !== null) err = new AbortError();
    onReadable = null;
    onDrain = null;
    onFinish = null;
    if (onClose === null) {
      callback(err);
    } else {
      onClose = callback;
      destroyer(w, err);
      destroyer(r, err);
    }
  };

  return d;
}

module.exports = duplexify;
