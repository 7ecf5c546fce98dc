'use strict';

// Readable streams.
//
// A Readable holds a queue of chunks (state.buffer) that _read() fills
// through push(). Consumers either pull with read() in paused mode (driven
// by 'readable' events) or get 'data' events in flowing mode. Most of the
// subtle work is deciding when to call _read() again, and when to emit
// 'readable' and 'end', so that the events keep Node's order.

module.exports = Readable;
Readable.ReadableState = ReadableState;

const EE = require('events');
const { Stream, prependListener } = require('internal/streams/legacy');
const { BufferList } = require('internal/streams/buffer_list');
const chunkUtil = require('internal/streams/chunk');
const destroyImpl = require('internal/streams/destroy');
const {
  getHighWaterMark,
  getDefaultHighWaterMark,
} = require('internal/streams/state');
const eos = require('internal/streams/end-of-stream');
const { addAbortSignalNoValidate } =
  require('internal/streams/add-abort-signal');
const from = require('internal/streams/from');
const { aggregateTwoErrors } = require('internal/streams/utils');
const {
  AbortError,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_METHOD_NOT_IMPLEMENTED,
    ERR_OUT_OF_RANGE,
    ERR_STREAM_PUSH_AFTER_EOF,
    ERR_STREAM_UNSHIFT_AFTER_END_EVENT,
  },
} = require('internal/errors');
const { validateObject } = require('internal/validators');

const { errorOrDestroy } = destroyImpl;
const kPaused = Symbol('kPaused');

// Loaded on first use: duplex.js requires this file.
let Duplex;
function lazyDuplex() {
  if (Duplex === undefined) Duplex = require('internal/streams/duplex');
  return Duplex;
}

Object.setPrototypeOf(Readable.prototype, Stream.prototype);
Object.setPrototypeOf(Readable, Stream);

function nop() {}

function ReadableState(options, stream, isDuplex) {
  if (typeof isDuplex !== 'boolean')
    isDuplex = stream instanceof lazyDuplex();

  // In object mode every chunk counts as 1 and may be any value.
  this.objectMode = !!(options && options.objectMode);
  if (isDuplex)
    this.objectMode = this.objectMode ||
      !!(options && options.readableObjectMode);

  // Stop asking _read() for more once this much is queued.
  this.highWaterMark = options ?
    getHighWaterMark(this, options, 'readableHighWaterMark', isDuplex) :
    getDefaultHighWaterMark(false);

  this.buffer = new BufferList();
  this.length = 0;
  this.pipes = [];
  // null: nobody consumes yet; true: flowing; false: paused explicitly.
  this.flowing = null;
  this.ended = false;          // push(null) happened
  this.endEmitted = false;
  this.reading = false;        // waiting for _read() to push

  // False while _construct() has not called back.
  this.constructed = true;

  // True while _read() runs, so push() from inside it can delay events.
  // It starts true: pushes before the first _read() count as synchronous.
  this.sync = true;

  this.needReadable = false;
  this.emittedReadable = false;
  this.readableListening = false;
  this.resumeScheduled = false;
  this[kPaused] = null;

  this.errorEmitted = false;
  this.emitClose = !options || options.emitClose !== false;
  this.autoDestroy = !options || options.autoDestroy !== false;
  this.destroyed = false;
  this.errored = null;
  this.closed = false;
  this.closeEmitted = false;

  this.defaultEncoding = (options && options.defaultEncoding) || 'utf8';

  // Pipe destinations whose 'drain' we wait for: one stream, or a Set
  // once there is more than one pipe.
  this.awaitDrainWriters = null;
  this.multiAwaitDrain = false;

  this.readingMore = false;
  this.dataEmitted = false;

  this.decoder = null;
  this.encoding = null;
  if (options && options.encoding) {
    this.decoder = chunkUtil.createDecoder(options.encoding);
    this.encoding = options.encoding;
  }
}

Object.defineProperties(ReadableState.prototype, {
  pipesCount: {
    __proto__: null,
    get() { return this.pipes.length; },
  },
  paused: {
    __proto__: null,
    get() { return this[kPaused] !== false; },
    set(value) { this[kPaused] = !!value; },
  },
});

function Readable(options) {
  if (!(this instanceof Readable)) return new Readable(options);

  const isDuplex = this instanceof lazyDuplex();
  this._readableState = new ReadableState(options, this, isDuplex);

  if (options) {
    if (typeof options.read === 'function') this._read = options.read;
    if (typeof options.destroy === 'function')
      this._destroy = options.destroy;
    if (typeof options.construct === 'function')
      this._construct = options.construct;
    if (options.signal && !isDuplex)
      addAbortSignalNoValidate(options.signal, this);
  }

  Stream.call(this, options);

  destroyImpl.construct(this, () => {
    if (this._readableState.needReadable)
      maybeReadMore(this, this._readableState);
  });
}

Readable.prototype.destroy = destroyImpl.destroy;
Readable.prototype._undestroy = destroyImpl.undestroy;
Readable.prototype._destroy = function(err, cb) {
  cb(err);
};

Readable.prototype[EE.captureRejectionSymbol] = function(err) {
  this.destroy(err);
};

Readable.prototype.push = function(chunk, encoding) {
  return addChunkFromUser(this, chunk, encoding, false);
};

Readable.prototype.unshift = function(chunk, encoding) {
  return addChunkFromUser(this, chunk, encoding, true);
};

// Shared by push() and unshift(): check and convert the chunk, then queue
// it or deliver it. Returns whether the caller may push more.
function addChunkFromUser(stream, chunk, encoding, addToFront) {
  const state = stream._readableState;
  let err;

  if (!state.objectMode) {
    if (typeof chunk === 'string') {
      encoding = encoding || state.defaultEncoding;
      if (state.encoding !== encoding) {
        if (addToFront && state.encoding) {
          // Unshifted text must match the text already decoded.
          chunk = textIn(chunk, encoding, state.encoding);
        } else {
          chunk = chunkUtil.fromString(chunk, encoding);
          // Without Buffer utf8 text stays a string, unless a decoder
          // must turn it into another encoding.
          if (typeof chunk === 'string' && state.decoder)
            chunk = chunkUtil.stringToBytes(chunk, encoding);
          encoding = typeof chunk === 'string' ? encoding : '';
        }
      }
    } else if (chunkUtil.isBuffer(chunk)) {
      encoding = '';
    } else if (chunkUtil.isUint8Array(chunk)) {
      chunk = chunkUtil.fromUint8Array(chunk);
      encoding = '';
    } else if (chunk != null) {
      err = new ERR_INVALID_ARG_TYPE(
        'chunk', ['string', 'Buffer', 'Uint8Array'], chunk);
    }
  }

  if (err) {
    errorOrDestroy(stream, err);
  } else if (chunk === null) {
    state.reading = false;
    onEofChunk(stream, state);
  } else if (state.objectMode || (chunk && chunk.length > 0)) {
    if (addToFront) {
      if (state.endEmitted) {
        errorOrDestroy(stream, new ERR_STREAM_UNSHIFT_AFTER_END_EVENT());
      } else if (state.destroyed || state.errored) {
        return false;
      } else {
        addChunk(stream, state, chunk, true);
      }
    } else if (state.ended) {
      errorOrDestroy(stream, new ERR_STREAM_PUSH_AFTER_EOF());
    } else if (state.destroyed || state.errored) {
      return false;
    } else {
      state.reading = false;
      if (state.decoder && !encoding) {
        chunk = state.decoder.write(chunk);
        if (state.objectMode || chunk.length !== 0)
          addChunk(stream, state, chunk, false);
        else
          maybeReadMore(stream, state);
      } else {
        addChunk(stream, state, chunk, false);
      }
    }
  } else if (!addToFront) {
    // An empty chunk: nothing to queue, but the read is over.
    state.reading = false;
    maybeReadMore(stream, state);
  }

  return !state.ended &&
    (state.length < state.highWaterMark || state.length === 0);
}

// Re-encode text from one string encoding to another.
function textIn(str, from, to) {
  if (chunkUtil.hasBuffer()) return Buffer.from(str, from).toString(to);
  return chunkUtil.createDecoder(to).end(chunkUtil.stringToBytes(str, from));
}

// Nothing queued and someone listens: a chunk can go out right away.
function canHandOver(stream, state) {
  return state.flowing && state.length === 0 && !state.sync &&
    stream.listenerCount('data') > 0;
}

function handOver(stream, state, chunk) {
  if (state.multiAwaitDrain) state.awaitDrainWriters.clear();
  else state.awaitDrainWriters = null;
  state.dataEmitted = true;
  stream.emit('data', chunk);
}

function addChunk(stream, state, chunk, addToFront) {
  if (canHandOver(stream, state)) {
    handOver(stream, state, chunk);
  } else {
    state.length += state.objectMode ? 1 : chunk.length;
    if (addToFront) state.buffer.unshift(chunk);
    else state.buffer.push(chunk);
    if (state.needReadable) emitReadable(stream);
  }
  maybeReadMore(stream, state);
}

Readable.prototype.isPaused = function() {
  const state = this._readableState;
  return state[kPaused] === true || state.flowing === false;
};

Readable.prototype.setEncoding = function(enc) {
  const decoder = chunkUtil.createDecoder(enc);
  const state = this._readableState;
  state.decoder = decoder;
  state.encoding = decoder.encoding;

  // What is already queued becomes text too.
  let text = '';
  for (const data of state.buffer) text += decoder.write(data);
  state.buffer.clear();
  if (text !== '') state.buffer.push(text);
  state.length = text.length;
  return this;
};

// Largest highWaterMark read(n) may raise it to.
const kMaxHwm = 0x40000000;

// Round up to the next power of 2 so the buffer grows in few steps.
function grownHighWaterMark(n) {
  if (n > kMaxHwm)
    throw new ERR_OUT_OF_RANGE('size', '<= 1GiB', n);
  n--;
  n |= n >>> 1;
  n |= n >>> 2;
  n |= n >>> 4;
  n |= n >>> 8;
  n |= n >>> 16;
  return n + 1;
}

// How much read(n) can hand out right now.
function amountToRead(n, state) {
  if (n <= 0 || (state.length === 0 && state.ended)) return 0;
  if (state.objectMode) return 1;
  if (Number.isNaN(n)) {
    // read() with no size: in flowing mode one chunk at a time.
    if (state.flowing && state.length) return state.buffer.first().length;
    return state.length;
  }
  if (n <= state.length) return n;
  return state.ended ? state.length : 0;
}

Readable.prototype.read = function(n) {
  if (n === undefined) {
    n = NaN;
  } else if (!Number.isInteger(n)) {
    n = Number.parseInt(n, 10);
  }
  const state = this._readableState;
  const requested = n;

  if (n > state.highWaterMark)
    state.highWaterMark = grownHighWaterMark(n);

  if (n !== 0) state.emittedReadable = false;

  // read(0) just pokes the stream: report what is there, or end.
  if (n === 0 && state.needReadable &&
      ((state.highWaterMark !== 0 ?
        state.length >= state.highWaterMark :
        state.length > 0) ||
       state.ended)) {
    if (state.length === 0 && state.ended) endReadable(this);
    else emitReadable(this);
    return null;
  }

  n = amountToRead(n, state);

  if (n === 0 && state.ended) {
    if (state.length === 0) endReadable(this);
    return null;
  }

  // Ask _read() for more when the queue would drop under highWaterMark,
  // unless a read is already pending or it cannot be served.
  let doRead = state.needReadable;
  if (state.length === 0 || state.length - n < state.highWaterMark)
    doRead = true;
  if (state.ended || state.reading || state.destroyed || state.errored ||
      !state.constructed) {
    doRead = false;
  } else if (doRead) {
    state.reading = true;
    state.sync = true;
    if (state.length === 0) state.needReadable = true;
    try {
      this._read(state.highWaterMark);
    } catch (err) {
      errorOrDestroy(this, err);
    }
    state.sync = false;
    // _read() may have pushed synchronously: recompute.
    if (!state.reading) n = amountToRead(requested, state);
  }

  let ret = n > 0 ? fromList(n, state) : null;

  if (ret === null) {
    state.needReadable = state.length <= state.highWaterMark;
    n = 0;
  } else {
    state.length -= n;
    if (state.multiAwaitDrain) state.awaitDrainWriters.clear();
    else state.awaitDrainWriters = null;
  }

  if (state.length === 0) {
    // Nothing left: make the next push() announce itself.
    if (!state.ended) state.needReadable = true;
    // Asked for more than there was and the stream is over.
    if (requested !== n && state.ended) endReadable(this);
  }

  if (ret !== null && !state.errorEmitted && !state.closeEmitted) {
    state.dataEmitted = true;
    this.emit('data', ret);
  }

  return ret;
};

// Take n units off the queue (one chunk in object mode).
function fromList(n, state) {
  if (state.length === 0) return null;
  let ret;
  if (state.objectMode) {
    ret = state.buffer.shift();
  } else if (!n || n >= state.length) {
    if (state.decoder) ret = state.buffer.join('');
    else if (state.buffer.length === 1) ret = state.buffer.first();
    else ret = state.buffer.concat(state.length);
    state.buffer.clear();
  } else {
    ret = state.buffer.consume(n, state.decoder);
  }
  return ret;
}
Readable._fromList = fromList;

// push(buffer) for a source that reads on by itself (a socket's handle):
// when the buffer can go straight to 'data', it does, without push()'s
// bookkeeping and its read-more tick. False when it must be push()ed.
Readable._handOver = function(stream, buffer) {
  const state = stream._readableState;
  if (state.decoder !== null || state.ended || state.destroyed ||
      state.errored || !canHandOver(stream, state)) {
    return false;
  }
  state.reading = false;
  handOver(stream, state, buffer);
  return true;
};

function onEofChunk(stream, state) {
  if (state.ended) return;
  if (state.decoder) {
    const rest = state.decoder.end();
    if (rest && rest.length) {
      state.buffer.push(rest);
      state.length += state.objectMode ? 1 : rest.length;
    }
  }
  state.ended = true;

  if (state.sync) {
    // Inside _read(): let the caller finish first.
    emitReadable(stream);
  } else {
    state.needReadable = false;
    state.emittedReadable = true;
    emitReadableNow(stream);
  }
}

// Schedule one 'readable' event for the next tick.
function emitReadable(stream) {
  const state = stream._readableState;
  state.needReadable = false;
  if (!state.emittedReadable) {
    state.emittedReadable = true;
    process.nextTick(emitReadableNow, stream);
  }
}

function emitReadableNow(stream) {
  const state = stream._readableState;
  if (!state.destroyed && !state.errored && (state.length || state.ended)) {
    stream.emit('readable');
    state.emittedReadable = false;
  }
  // Announce again only if the consumer reads everything it was told of.
  state.needReadable = !state.flowing && !state.ended &&
    state.length <= state.highWaterMark;
  flow(stream);
}

// Fill the queue up to highWaterMark in the background (next tick), so
// data is ready before it is asked for.
function maybeReadMore(stream, state) {
  if (!state.readingMore && state.constructed) {
    state.readingMore = true;
    process.nextTick(readMoreNow, stream, state);
  }
}

function readMoreNow(stream, state) {
  while (!state.reading && !state.ended &&
         (state.length < state.highWaterMark ||
          (state.flowing && state.length === 0))) {
    const before = state.length;
    stream.read(0);
    // Stop when _read() gave nothing synchronously.
    if (before === state.length) break;
  }
  state.readingMore = false;
}

Readable.prototype._read = function(n) {
  throw new ERR_METHOD_NOT_IMPLEMENTED('_read()');
};

Readable.prototype.pipe = function(dest, pipeOpts) {
  const src = this;
  const state = this._readableState;

  // From the second pipe on, track 'drain' waits per destination.
  if (state.pipes.length === 1 && !state.multiAwaitDrain) {
    state.multiAwaitDrain = true;
    state.awaitDrainWriters = new Set(
      state.awaitDrainWriters ? [state.awaitDrainWriters] : []);
  }
  state.pipes.push(dest);

  const doEnd = (!pipeOpts || pipeOpts.end !== false) &&
    dest !== process.stdout && dest !== process.stderr;

  const endFn = doEnd ? onend : unpipe;
  if (state.endEmitted) process.nextTick(endFn);
  else src.once('end', endFn);

  dest.on('unpipe', onunpipe);
  function onunpipe(readable, unpipeInfo) {
    if (readable === src && unpipeInfo && unpipeInfo.hasUnpiped === false) {
      unpipeInfo.hasUnpiped = true;
      cleanup();
    }
  }

  function onend() {
    dest.end();
  }

  let ondrain;
  let cleanedUp = false;

  function cleanup() {
    dest.removeListener('close', onclose);
    dest.removeListener('finish', onfinish);
    if (ondrain) dest.removeListener('drain', ondrain);
    dest.removeListener('error', onerror);
    dest.removeListener('unpipe', onunpipe);
    src.removeListener('end', onend);
    src.removeListener('end', unpipe);
    src.removeListener('data', ondata);
    cleanedUp = true;

    // If we were waiting on this dest, stop waiting: otherwise the source
    // would stay paused for good.
    if (ondrain && state.awaitDrainWriters &&
        (!dest._writableState || dest._writableState.needDrain))
      ondrain();
  }

  function pause() {
    if (!cleanedUp) {
      if (state.pipes.length === 1 && state.pipes[0] === dest) {
        state.awaitDrainWriters = dest;
        state.multiAwaitDrain = false;
      } else if (state.pipes.length > 1 && state.pipes.includes(dest)) {
        state.awaitDrainWriters.add(dest);
      }
      src.pause();
    }
    if (!ondrain) {
      ondrain = pipeOnDrain(src, dest);
      dest.on('drain', ondrain);
    }
  }

  src.on('data', ondata);
  function ondata(chunk) {
    const ret = dest.write(chunk);
    if (ret === false) pause();
  }

  // An error on dest stops the pipe; it still throws when nobody listens.
  function onerror(er) {
    unpipe();
    dest.removeListener('error', onerror);
    if (dest.listenerCount('error') === 0) {
      const s = dest._writableState || dest._readableState;
      if (s && !s.errorEmitted) errorOrDestroy(dest, er);
      else dest.emit('error', er);
    }
  }
  prependListener(dest, 'error', onerror);

  function onclose() {
    dest.removeListener('finish', onfinish);
    unpipe();
  }
  dest.once('close', onclose);
  function onfinish() {
    dest.removeListener('close', onclose);
    unpipe();
  }
  dest.once('finish', onfinish);

  function unpipe() {
    src.unpipe(dest);
  }

  dest.emit('pipe', src);

  if (dest.writableNeedDrain === true) {
    if (state.flowing) pause();
  } else if (!state.flowing) {
    src.resume();
  }

  return dest;
};

function pipeOnDrain(src, dest) {
  return function pipeOnDrainFunctionResult() {
    const state = src._readableState;
    if (state.awaitDrainWriters === dest) {
      state.awaitDrainWriters = null;
    } else if (state.multiAwaitDrain) {
      state.awaitDrainWriters.delete(dest);
    }
    if ((!state.awaitDrainWriters || state.awaitDrainWriters.size === 0) &&
        src.listenerCount('data')) {
      src.resume();
    }
  };
}

Readable.prototype.unpipe = function(dest) {
  const state = this._readableState;
  const unpipeInfo = { hasUnpiped: false };

  if (state.pipes.length === 0) return this;

  if (!dest) {
    const dests = state.pipes;
    state.pipes = [];
    this.pause();
    for (let i = 0; i < dests.length; i++)
      dests[i].emit('unpipe', this, { hasUnpiped: false });
    return this;
  }

  const index = state.pipes.indexOf(dest);
  if (index === -1) return this;
  state.pipes.splice(index, 1);
  if (state.pipes.length === 0) this.pause();
  dest.emit('unpipe', this, unpipeInfo);
  return this;
};

// Adding 'data' or 'readable' listeners switches modes.
Readable.prototype.on = function(ev, fn) {
  const res = Stream.prototype.on.call(this, ev, fn);
  const state = this._readableState;

  if (ev === 'data') {
    state.readableListening = this.listenerCount('readable') > 0;
    // Start flowing unless pause() was called explicitly.
    if (state.flowing !== false) this.resume();
  } else if (ev === 'readable') {
    if (!state.endEmitted && !state.readableListening) {
      state.readableListening = state.needReadable = true;
      state.flowing = false;
      state.emittedReadable = false;
      if (state.length) {
        emitReadable(this);
      } else if (!state.reading) {
        process.nextTick(readZero, this);
      }
    }
  }
  return res;
};
Readable.prototype.addListener = Readable.prototype.on;

Readable.prototype.removeListener = function(ev, fn) {
  const res = Stream.prototype.removeListener.call(this, ev, fn);
  if (ev === 'readable') process.nextTick(updateReadableListening, this);
  return res;
};
Readable.prototype.off = Readable.prototype.removeListener;

Readable.prototype.removeAllListeners = function(ev) {
  const res = Stream.prototype.removeAllListeners.apply(this, arguments);
  if (ev === 'readable' || ev === undefined)
    process.nextTick(updateReadableListening, this);
  return res;
};

// After 'readable' listeners go away, fall back to flowing or idle.
function updateReadableListening(self) {
  const state = self._readableState;
  state.readableListening = self.listenerCount('readable') > 0;
  if (state.resumeScheduled && state[kPaused] === false) {
    state.flowing = true;
  } else if (self.listenerCount('data') > 0) {
    self.resume();
  } else if (!state.readableListening) {
    state.flowing = null;
  }
}

function readZero(self) {
  self.read(0);
}

// Switch to flowing mode. With a 'readable' listener the stream stays
// paused (flowing false) but is still marked as resumed.
Readable.prototype.resume = function() {
  const state = this._readableState;
  if (!state.flowing) {
    state.flowing = !state.readableListening;
    if (!state.resumeScheduled) {
      state.resumeScheduled = true;
      process.nextTick(resumeNow, this, state);
    }
  }
  state[kPaused] = false;
  return this;
};

function resumeNow(stream, state) {
  if (!state.reading) stream.read(0);
  state.resumeScheduled = false;
  stream.emit('resume');
  flow(stream);
  if (state.flowing && !state.reading) stream.read(0);
}

Readable.prototype.pause = function() {
  const state = this._readableState;
  if (state.flowing !== false) {
    state.flowing = false;
    this.emit('pause');
  }
  state[kPaused] = true;
  return this;
};

// Emit everything queued as 'data' while flowing.
function flow(stream) {
  const state = stream._readableState;
  while (state.flowing && stream.read() !== null);
}

// Wrap an old-style stream (only 'data'/'end' events) as a Readable.
Readable.prototype.wrap = function(stream) {
  let paused = false;

  stream.on('data', (chunk) => {
    if (!this.push(chunk) && stream.pause) {
      paused = true;
      stream.pause();
    }
  });
  stream.on('end', () => {
    this.push(null);
  });
  stream.on('error', (err) => {
    errorOrDestroy(this, err);
  });
  stream.on('close', () => {
    this.destroy();
  });
  stream.on('destroy', () => {
    this.destroy();
  });

  this._read = () => {
    if (paused && stream.resume) {
      paused = false;
      stream.resume();
    }
  };

  // Expose the wrapped stream's own methods.
  const keys = Object.keys(stream);
  for (let j = 0; j < keys.length; j++) {
    const key = keys[j];
    if (this[key] === undefined && typeof stream[key] === 'function')
      this[key] = stream[key].bind(stream);
  }
  return this;
};

// `await using` support: destroy (unless ended) and wait for the end.
const kAsyncDispose = Symbol.asyncDispose || Symbol.for('nodejs.asyncDispose');
Readable.prototype[kAsyncDispose] = function() {
  let error;
  if (!this.destroyed) {
    error = this.readableEnded ? null : new AbortError();
    this.destroy(error);
  }
  return new Promise((resolve, reject) => {
    eos(this, (err) => {
      if (err && err !== error) reject(err);
      else resolve(null);
    });
  });
};

Readable.prototype[Symbol.asyncIterator] = function() {
  return streamToAsyncIterator(this);
};

Readable.prototype.iterator = function(options) {
  if (options !== undefined) validateObject(options, 'options');
  return streamToAsyncIterator(this, options);
};

function streamToAsyncIterator(stream, options) {
  if (typeof stream.read !== 'function')
    stream = Readable.wrap(stream, { objectMode: true });
  const iter = readChunks(stream, options);
  iter.stream = stream;
  return iter;
}

// The async iterator: read() until null, then wait for 'readable' or the
// end of the stream. Leaving the loop early destroys the stream unless
// destroyOnReturn is false.
async function* readChunks(stream, options) {
  let wake = nop;
  // undefined while running; null once ended cleanly; else the error
  let outcome;

  function onReadable() {
    const w = wake;
    wake = nop;
    w();
  }
  stream.on('readable', onReadable);

  const stopWatching = eos(stream, { writable: false }, (err) => {
    outcome = err ? aggregateTwoErrors(outcome, err) : null;
    onReadable();
  });

  try {
    for (;;) {
      const chunk = stream.destroyed ? null : stream.read();
      if (chunk !== null) {
        yield chunk;
      } else if (outcome) {
        throw outcome;
      } else if (outcome === null) {
        return;
      } else {
        await new Promise((resolve) => { wake = resolve; });
      }
    }
  } catch (err) {
    outcome = aggregateTwoErrors(outcome, err);
    throw outcome;
  } finally {
    const destroyOnReturn = !options || options.destroyOnReturn !== false;
    if ((outcome || destroyOnReturn) &&
        (outcome === undefined || stream._readableState.autoDestroy)) {
      destroyImpl.destroyer(stream, null);
    } else {
      stream.off('readable', onReadable);
      stopWatching();
    }
  }
}

// Accessors, non-enumerable like the rest of the prototype.
function defineGetters(proto, props) {
  for (const name of Object.keys(props)) {
    Object.defineProperty(proto, name, {
      __proto__: null,
      enumerable: false,
      ...props[name],
    });
  }
}

defineGetters(Readable.prototype, {
  readable: {
    get() {
      const r = this._readableState;
      // A Duplex with readable: false answers false.
      return !!r && r.readable !== false && !r.destroyed &&
        !r.errorEmitted && !r.endEmitted;
    },
    set(val) {
      if (this._readableState) this._readableState.readable = !!val;
    },
  },
  readableDidRead: {
    get() { return this._readableState.dataEmitted; },
  },
  readableAborted: {
    get() {
      const r = this._readableState;
      return !!(r.readable !== false && (r.destroyed || r.errored) &&
        !r.endEmitted);
    },
  },
  readableHighWaterMark: {
    get() { return this._readableState.highWaterMark; },
  },
  readableBuffer: {
    get() {
      return this._readableState && this._readableState.buffer;
    },
  },
  readableFlowing: {
    get() { return this._readableState.flowing; },
    set(state) {
      if (this._readableState) this._readableState.flowing = state;
    },
  },
  readableLength: {
    get() { return this._readableState.length; },
  },
  readableObjectMode: {
    get() {
      return this._readableState ? this._readableState.objectMode : false;
    },
  },
  readableEncoding: {
    get() {
      return this._readableState ? this._readableState.encoding : null;
    },
  },
  errored: {
    get() {
      return this._readableState ? this._readableState.errored : null;
    },
  },
  closed: {
    get() {
      return this._readableState ? this._readableState.closed : false;
    },
  },
  destroyed: {
    get() {
      return this._readableState ? this._readableState.destroyed : false;
    },
    set(value) {
      if (!this._readableState) return;
      this._readableState.destroyed = value;
    },
  },
  readableEnded: {
    get() {
      return this._readableState ? this._readableState.endEmitted : false;
    },
  },
});

function endReadable(stream) {
  const state = stream._readableState;
  if (!state.endEmitted) {
    state.ended = true;
    process.nextTick(endReadableNow, state, stream);
  }
}

function endReadableNow(state, stream) {
  // Only if nothing was read back in (unshift) or went wrong meanwhile.
  if (!state.errored && !state.closeEmitted && !state.endEmitted &&
      state.length === 0) {
    state.endEmitted = true;
    stream.emit('end');

    if (stream.writable && stream.allowHalfOpen === false) {
      process.nextTick(endWritableNow, stream);
    } else if (state.autoDestroy) {
      // A Duplex is destroyed only once both sides are done.
      const w = stream._writableState;
      const autoDestroy = !w ||
        (w.autoDestroy && (w.finished || w.writable === false));
      if (autoDestroy) stream.destroy();
    }
  }
}

function endWritableNow(stream) {
  const writable = stream.writable && !stream.writableEnded &&
    !stream.destroyed;
  if (writable) stream.end();
}

Readable.from = function(iterable, opts) {
  return from(Readable, iterable, opts);
};

// Adapters to and from web streams, loaded on first use.
Readable.fromWeb = function(readableStream, options) {
  return require('internal/webstreams/adapters')
    .newStreamReadableFromReadableStream(readableStream, options);
};
Readable.toWeb = function(streamReadable, options) {
  return require('internal/webstreams/adapters')
    .newReadableStreamFromStreamReadable(streamReadable, options);
};

Readable.wrap = function(src, options) {
  return new Readable({
    objectMode: src.readableObjectMode != null ?
      src.readableObjectMode : (src.objectMode != null ?
        src.objectMode : true),
    ...options,
    destroy(err, callback) {
      destroyImpl.destroyer(src, err);
      callback(err);
    },
  }).wrap(src);
};


// Iterator helpers (map, filter, toArray, ...) live in operators.js.
{
  const operators = require('internal/streams/operators');
  const install = (table, wrapResult) => {
    for (const key of Object.keys(table)) {
      const op = table[key];
      // A method, not a constructor: use method syntax for that.
      const fn = {
        [key](...args) {
          const result = op.apply(this, args);
          return wrapResult ? Readable.from(result) : result;
        },
      }[key];
      Object.defineProperty(fn, 'length', { __proto__: null,
                                            value: op.length });
      Object.defineProperty(Readable.prototype, key, {
        __proto__: null, value: fn, enumerable: false,
        configurable: true, writable: true,
      });
    }
  };
  install(operators.streamReturningOperators, true);
  install(operators.promiseReturningOperators, false);
}
