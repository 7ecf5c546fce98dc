'use strict';

// destroy(), _construct() handling and error reporting shared by Readable,
// Writable and Duplex. Either state object may be missing, so every step
// looks at both.

const {
  codes: { ERR_MULTIPLE_CALLBACK },
  AbortError,
} = require('internal/errors');
const {
  kIsDestroyed,
  isDestroyed,
  isFinished,
  isServerRequest,
  aggregateTwoErrors,
} = require('internal/streams/utils');

// Internal events: construction finished / destroy waited for it.
const kDestroy = Symbol('kDestroy');
const kConstruct = Symbol('kConstruct');

function bothStates(stream) {
  return [stream._readableState, stream._writableState];
}

// Remember the first error on each side. Touching .stack captures it now,
// while the stack still says where the error came from.
function recordError(err, w, r) {
  if (!err) return;
  err.stack; // eslint-disable-line no-unused-expressions
  if (w && !w.errored) w.errored = err;
  if (r && !r.errored) r.errored = err;
}

function destroy(err, cb) {
  const [r, w] = bothStates(this);
  const s = w || r;

  if ((w && w.destroyed) || (r && r.destroyed)) {
    if (typeof cb === 'function') cb();
    return this;
  }

  recordError(err, w, r);
  if (w) w.destroyed = true;
  if (r) r.destroyed = true;

  if (!s.constructed) {
    // _construct() is still running: finish destroying once it is done.
    this.once(kDestroy, function(er) {
      runDestroy(this, aggregateTwoErrors(er, err), cb);
    });
  } else {
    runDestroy(this, err, cb);
  }
  return this;
}

function runDestroy(self, err, cb) {
  let called = false;

  function onDestroyed(err) {
    if (called) return;
    called = true;
    const [r, w] = bothStates(self);
    recordError(err, w, r);
    if (w) w.closed = true;
    if (r) r.closed = true;
    if (typeof cb === 'function') cb(err);
    if (err) process.nextTick(emitErrorThenClose, self, err);
    else process.nextTick(emitClose, self);
  }

  try {
    self._destroy(err || null, onDestroyed);
  } catch (e) {
    onDestroyed(e);
  }
}

function emitErrorThenClose(self, err) {
  emitError(self, err);
  emitClose(self);
}

function emitClose(self) {
  const [r, w] = bothStates(self);
  if (w) w.closeEmitted = true;
  if (r) r.closeEmitted = true;
  if ((w && w.emitClose) || (r && r.emitClose)) self.emit('close');
}

function emitError(self, err) {
  const [r, w] = bothStates(self);
  if ((w && w.errorEmitted) || (r && r.errorEmitted)) return;
  if (w) w.errorEmitted = true;
  if (r) r.errorEmitted = true;
  self.emit('error', err);
}

function undestroy() {
  const [r, w] = bothStates(this);
  if (r) {
    r.constructed = true;
    r.closed = false;
    r.closeEmitted = false;
    r.destroyed = false;
    r.errored = null;
    r.errorEmitted = false;
    r.reading = false;
    r.ended = r.readable === false;
    r.endEmitted = r.readable === false;
  }
  if (w) {
    w.constructed = true;
    w.destroyed = false;
    w.closed = false;
    w.closeEmitted = false;
    w.errored = null;
    w.errorEmitted = false;
    w.finalCalled = false;
    w.prefinished = false;
    w.ended = w.writable === false;
    w.ending = w.writable === false;
    w.finished = w.writable === false;
  }
}

// Report an error from inside a stream: destroy it when autoDestroy is on,
// otherwise just emit 'error' (on the next tick when `sync`).
function errorOrDestroy(stream, err, sync) {
  const [r, w] = bothStates(stream);
  if ((w && w.destroyed) || (r && r.destroyed)) return this;
  if ((r && r.autoDestroy) || (w && w.autoDestroy)) {
    stream.destroy(err);
  } else if (err) {
    recordError(err, w, r);
    if (sync) process.nextTick(emitError, stream, err);
    else emitError(stream, err);
  }
}

// Run stream._construct(cb) if there is one. Reading and writing wait for
// `cb` (the stream's own continuation) through `constructed`.
function construct(stream, cb) {
  if (typeof stream._construct !== 'function') return;
  const [r, w] = bothStates(stream);
  if (r) r.constructed = false;
  if (w) w.constructed = false;
  stream.once(kConstruct, cb);
  // A Duplex calls this from both constructors; construct once.
  if (stream.listenerCount(kConstruct) > 1) return;
  process.nextTick(runConstruct, stream);
}

function runConstruct(stream) {
  let called = false;

  function onConstructed(err) {
    if (called) {
      errorOrDestroy(stream, err != null ? err : new ERR_MULTIPLE_CALLBACK());
      return;
    }
    called = true;
    const [r, w] = bothStates(stream);
    const s = w || r;
    if (r) r.constructed = true;
    if (w) w.constructed = true;
    if (s.destroyed) stream.emit(kDestroy, err);
    else if (err) errorOrDestroy(stream, err, true);
    else process.nextTick(() => stream.emit(kConstruct));
  }

  try {
    stream._construct((err) => {
      process.nextTick(onConstructed, err);
    });
  } catch (err) {
    process.nextTick(onConstructed, err);
  }
}

// Destroy anything stream-like: streams, http requests, or objects with
// only close().
function destroyer(stream, err) {
  if (!stream || isDestroyed(stream)) return;
  if (!err && !isFinished(stream)) err = new AbortError();
  // An incoming http request is destroyed without an error.
  if (isServerRequest(stream)) {
    stream.socket = null;
    stream.destroy(err);
  } else if (isRequestLike(stream)) {
    stream.abort();
  } else if (isRequestLike(stream.req)) {
    stream.req.abort();
  } else if (typeof stream.destroy === 'function') {
    stream.destroy(err);
  } else if (typeof stream.close === 'function') {
    stream.close();
  } else if (err) {
    process.nextTick((s, e) => s.emit('error', e), stream, err);
  } else {
    process.nextTick((s) => s.emit('close'), stream);
  }
  if (!stream.destroyed) stream[kIsDestroyed] = true;
}

function isRequestLike(s) {
  return !!(s && s.setHeader && typeof s.abort === 'function');
}

module.exports = {
  construct,
  destroyer,
  destroy,
  undestroy,
  errorOrDestroy,
  kDestroy,
  kConstruct,
};
