// zlib: deflate/inflate/gzip/gunzip/raw/unzip on zlib, and brotli, in three
// forms: Transform streams (createGzip() ...), callbacks (gzip(buf, cb))
// and blocking calls (gzipSync(buf)). The codec runs in src/zlib.c; a
// stream's writes run on the threadpool, a *Sync call on this thread.
'use strict';

const binding = internalBinding('zlib');
const { isAnyArrayBuffer, isArrayBufferView } = internalBinding('types');
const { Buffer, kMaxLength } = require('buffer');
const Transform = require('internal/streams/transform');
const finished = require('internal/streams/end-of-stream');
const {
  codes: {
    ERR_BROTLI_INVALID_PARAM,
    ERR_BUFFER_TOO_LARGE,
    ERR_INVALID_ARG_TYPE,
    ERR_OUT_OF_RANGE,
    ERR_ZLIB_INITIALIZATION_FAILED,
  },
} = require('internal/errors');
const { validateFunction } = require('internal/validators');

// ---- Constants -----------------------------------------------------------

// zlib.constants: the binding's table, in Node's order, plus Z_MAX_CHUNK.
const constants = { __proto__: null };
for (const key of Object.keys(binding.constants)) {
  constants[key] = binding.constants[key];
  if (key === 'Z_MIN_CHUNK') constants.Z_MAX_CHUNK = Infinity;
}
for (const key of Object.keys(constants)) {
  Object.defineProperty(constants, key, {
    value: constants[key], writable: false, enumerable: true,
    configurable: false,
  });
}

const {
  Z_NO_FLUSH, Z_BLOCK, Z_SYNC_FLUSH, Z_FULL_FLUSH,
  Z_FINISH, Z_MIN_CHUNK, Z_MIN_WINDOWBITS, Z_MAX_WINDOWBITS,
  Z_MIN_LEVEL, Z_MAX_LEVEL, Z_MIN_MEMLEVEL, Z_MAX_MEMLEVEL,
  Z_DEFAULT_CHUNK, Z_DEFAULT_COMPRESSION, Z_DEFAULT_STRATEGY,
  Z_DEFAULT_WINDOWBITS, Z_DEFAULT_MEMLEVEL, Z_FIXED,
  DEFLATE, DEFLATERAW, INFLATE, INFLATERAW, GZIP, GUNZIP, UNZIP,
  BROTLI_DECODE, BROTLI_ENCODE,
  BROTLI_OPERATION_PROCESS, BROTLI_OPERATION_FLUSH,
  BROTLI_OPERATION_FINISH, BROTLI_OPERATION_EMIT_METADATA,
} = constants;

// zlib.codes: zlib's return codes both ways (name -> number -> name).
const codes = {
  Z_OK: constants.Z_OK,
  Z_STREAM_END: constants.Z_STREAM_END,
  Z_NEED_DICT: constants.Z_NEED_DICT,
  Z_ERRNO: constants.Z_ERRNO,
  Z_STREAM_ERROR: constants.Z_STREAM_ERROR,
  Z_DATA_ERROR: constants.Z_DATA_ERROR,
  Z_MEM_ERROR: constants.Z_MEM_ERROR,
  Z_BUF_ERROR: constants.Z_BUF_ERROR,
  Z_VERSION_ERROR: constants.Z_VERSION_ERROR,
};
for (const key of Object.keys(codes)) codes[codes[key]] = key;
Object.freeze(codes);

// The largest key among brotli's encoder and decoder parameters.
let kMaxBrotliParam = 0;
for (const key of Object.keys(constants)) {
  if (/^BROTLI_(DECODER_)?PARAM_/.test(key)) {
    kMaxBrotliParam = Math.max(kMaxBrotliParam, constants[key]);
  }
}

const kFlushFlag = Symbol('kFlushFlag');
const kResume = Symbol('kResume');
const kError = Symbol('kError');
const kMode = Symbol('kMode');

// ---- Option checks -------------------------------------------------------

// A finite number, or false for "use the default" (undefined or NaN).
function isSetFiniteNumber(value, name) {
  if (value === undefined) return false;
  if (typeof value !== 'number') {
    throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  }
  if (Number.isNaN(value)) return false;
  if (!Number.isFinite(value)) {
    throw new ERR_OUT_OF_RANGE(name, 'a finite number', value);
  }
  return true;
}

function rangeOrDefault(value, name, lower, upper, def) {
  if (!isSetFiniteNumber(value, name)) return def;
  if (value < lower || value > upper) {
    throw new ERR_OUT_OF_RANGE(name, `>= ${lower} and <= ${upper}`, value);
  }
  return value;
}

// ---- The stream ----------------------------------------------------------

function ZlibBase(opts, mode, handle, { flush, finishFlush, fullFlush }) {
  let chunkSize = Z_DEFAULT_CHUNK;
  let maxOutputLength = kMaxLength;
  // The flush flags of zlib and brotli share their numbers' range check.
  const maxFlush = mode === BROTLI_ENCODE || mode === BROTLI_DECODE ?
    BROTLI_OPERATION_EMIT_METADATA : Z_BLOCK;
  if (opts) {
    chunkSize = opts.chunkSize;
    if (!isSetFiniteNumber(chunkSize, 'options.chunkSize')) {
      chunkSize = Z_DEFAULT_CHUNK;
    } else if (chunkSize < Z_MIN_CHUNK) {
      throw new ERR_OUT_OF_RANGE('options.chunkSize', `>= ${Z_MIN_CHUNK}`,
                                 chunkSize);
    }
    flush = rangeOrDefault(opts.flush, 'options.flush', 0, maxFlush, flush);
    finishFlush = rangeOrDefault(opts.finishFlush, 'options.finishFlush', 0,
                                 maxFlush, finishFlush);
    maxOutputLength = rangeOrDefault(opts.maxOutputLength,
                                     'options.maxOutputLength', 1, kMaxLength,
                                     kMaxLength);
    if (opts.encoding || opts.objectMode || opts.writableObjectMode) {
      opts = { ...opts, encoding: null, objectMode: false,
               writableObjectMode: false };
    }
  }
  Transform.call(this, { autoDestroy: true, ...opts });
  this[kError] = null;
  this[kMode] = mode;
  this.bytesWritten = 0;
  this._handle = handle;
  this._outBuffer = Buffer.allocUnsafe(chunkSize);
  this._outOffset = 0;
  this._chunkSize = chunkSize;
  this._defaultFlushFlag = flush;
  this._finishFlushFlag = finishFlush;
  this._defaultFullFlushFlag = fullFlush;
  this._info = opts && opts.info;
  this._maxOutputLength = maxOutputLength;
  this[kResume] = null;
}
Object.setPrototypeOf(ZlibBase.prototype, Transform.prototype);
Object.setPrototypeOf(ZlibBase, Transform);

Object.defineProperty(ZlibBase.prototype, '_closed', {
  configurable: true, enumerable: true,
  get() { return !this._handle; },
});

// Deprecated name of bytesWritten, still there in Node 18.
let bytesReadWarned = false;
function warnBytesRead() {
  if (bytesReadWarned) return;
  bytesReadWarned = true;
  process.emitWarning('zlib.bytesRead is deprecated and will change its ' +
                      'meaning in the future. Use zlib.bytesWritten instead.',
                      'DeprecationWarning', 'DEP0108');
}
Object.defineProperty(ZlibBase.prototype, 'bytesRead', {
  configurable: true, enumerable: true,
  get() {
    warnBytesRead();
    return this.bytesWritten;
  },
  set(value) {
    warnBytesRead();
    this.bytesWritten = value;
  },
});

ZlibBase.prototype.reset = function() {
  if (!this._handle) throw new Error('zlib binding closed');
  const r = binding.reset(this._handle);
  if (r !== 0) zlibError(this, ['Failed to reset stream', r, codeName(r)]);
};

// flush([kind, ]callback): compress what was written so far and push it.
ZlibBase.prototype.flush = function(kind, callback) {
  if (typeof kind === 'function' || (kind === undefined && !callback)) {
    callback = kind;
    kind = this._defaultFullFlushFlag;
  }
  if (this.writableFinished) {
    if (callback) process.nextTick(callback);
  } else if (this.writableEnded) {
    if (callback) this.once('end', callback);
  } else {
    const marker = Buffer.alloc(0);
    marker[kFlushFlag] = kind;
    this.write(marker, '', callback);
  }
};

ZlibBase.prototype.close = function(callback) {
  if (callback) finished(this, callback);
  this.destroy();
};

ZlibBase.prototype._destroy = function(err, callback) {
  this[kResume] = null;
  closeHandle(this);
  callback(err);
};

ZlibBase.prototype._transform = function(chunk, encoding, cb) {
  let flushFlag = chunk[kFlushFlag];
  if (flushFlag === undefined) flushFlag = this._defaultFlushFlag;
  // The last chunk of an ended stream finishes it.
  const ws = this._writableState;
  if ((ws.ending || ws.ended) && ws.length === chunk.byteLength) {
    flushFlag = this._finishFlushFlag;
  }
  processChunk(this, chunk, flushFlag, cb);
};

ZlibBase.prototype._flush = function(callback) {
  this._transform(Buffer.alloc(0), '', callback);
};

// Output that waits for the reader resumes when the reader asks.
ZlibBase.prototype._read = function(n) {
  const resume = this[kResume];
  if (resume) {
    this[kResume] = null;
    resume();
  }
  Transform.prototype._read.call(this, n);
};

ZlibBase.prototype._processChunk = function(chunk, flushFlag, cb) {
  if (typeof cb === 'function') return processChunk(this, chunk, flushFlag, cb);
  return processChunkSync(this, chunk, flushFlag);
};

function codeName(errno) {
  return codes[errno] || 'Z_UNKNOWN';
}

function closeHandle(engine) {
  if (!engine._handle) return;
  binding.close(engine._handle);
  engine._handle = null;
}

// [message, errno, code] from the binding as Node's error.
function makeError([message, errno, code]) {
  const err = new Error(message);
  err.errno = errno;
  err.code = code;
  return err;
}

function zlibError(engine, outcome) {
  const err = makeError(outcome);
  closeHandle(engine);
  engine[kError] = err;
  engine.destroy(err);
}

// A blocking decompression collects its output in steps that double from
// chunkSize up to this (fewer native calls; the bytes are the same). A
// compressor keeps chunkSize steps: stored blocks are cut by them.
const kMaxSyncStep = 256 << 10;

function isDecompressor(mode) {
  return mode === INFLATE || mode === GUNZIP || mode === INFLATERAW ||
    mode === UNZIP || mode === BROTLI_DECODE;
}

// Blocking: the whole chunk, output collected until the codec is done.
function processChunkSync(engine, chunk, flushFlag) {
  const handle = engine._handle;
  if (!handle) throw new Error('zlib binding closed');
  const state = engine._writeState;
  const chunkSize = engine._chunkSize;
  const grow = isDecompressor(engine[kMode]);
  const buffers = [];
  let nread = 0;
  let inOff = 0;
  let availIn = chunk.byteLength;
  let outBuffer = engine._outBuffer;
  let outOffset = engine._outOffset;
  let size = chunkSize;
  for (;;) {
    const availOutBefore = size - outOffset;
    const outcome = binding.write(handle, flushFlag, chunk, inOff, availIn,
                                  outBuffer, outOffset, availOutBefore);
    if (outcome !== undefined) {
      const err = makeError(outcome);
      closeHandle(engine);
      engine[kError] = err;
      throw err;
    }
    const availOutAfter = state[0];
    const availInAfter = state[1];
    const inDelta = availIn - availInAfter;
    const have = availOutBefore - availOutAfter;
    engine.bytesWritten += inDelta;
    if (have > 0) {
      buffers.push(outBuffer.slice(outOffset, outOffset + have));
      outOffset += have;
      nread += have;
      if (nread > engine._maxOutputLength) {
        closeHandle(engine);
        throw new ERR_BUFFER_TOO_LARGE(engine._maxOutputLength);
      }
    }
    if (availOutAfter === 0 || outOffset >= size) {
      if (grow && size < kMaxSyncStep) size = Math.min(size * 2, kMaxSyncStep);
      outOffset = 0;
      outBuffer = Buffer.allocUnsafe(size);
    }
    inOff += inDelta;
    availIn = availInAfter;
    // Full output: there may be more. Input left with room to spare only
    // goes on while the codec still makes progress (data after the end
    // of a stream is left alone).
    if (availOutAfter === 0) continue;
    if (availInAfter > 0 && (inDelta > 0 || have > 0)) continue;
    break;
  }
  if (size === chunkSize) {
    engine._outBuffer = outBuffer;
    engine._outOffset = outOffset;
  } else {
    engine._outBuffer = Buffer.allocUnsafe(chunkSize);
    engine._outOffset = 0;
  }
  return buffers.length === 1 ? buffers[0] : Buffer.concat(buffers, nread);
}

// On the threadpool: one binding write per loop turn, each filling at most
// the rest of the output chunk.
function processChunk(engine, chunk, flushFlag, cb) {
  const handle = engine._handle;
  if (!handle) {
    process.nextTick(cb);
    return;
  }
  const job = {
    engine, chunk, flushFlag, cb,
    inOff: 0,
    availIn: chunk.byteLength,
    availOutBefore: 0,
  };
  writeJob(job);
}

function writeJob(job) {
  const engine = job.engine;
  const handle = engine._handle;
  if (!handle) {
    job.cb();
    return;
  }
  job.availOutBefore = engine._chunkSize - engine._outOffset;
  binding.write(handle, job.flushFlag, job.chunk, job.inOff, job.availIn,
                engine._outBuffer, engine._outOffset, job.availOutBefore,
                function(outcome) { afterWrite(job, outcome); });
}

function afterWrite(job, outcome) {
  const engine = job.engine;
  if (engine.destroyed) {
    job.cb();
    return;
  }
  if (outcome !== undefined) {
    zlibError(engine, outcome);
    return;
  }
  const state = engine._writeState;
  const availOutAfter = state[0];
  const availInAfter = state[1];
  const inDelta = job.availIn - availInAfter;
  const have = job.availOutBefore - availOutAfter;
  engine.bytesWritten += inDelta;
  let readerFull = false;
  if (have > 0) {
    const out = engine._outBuffer.slice(engine._outOffset,
                                        engine._outOffset + have);
    engine._outOffset += have;
    readerFull = !engine.push(out);
  }
  if (engine.destroyed) {
    job.cb();
    return;
  }
  if (availOutAfter === 0 || engine._outOffset >= engine._chunkSize) {
    engine._outOffset = 0;
    engine._outBuffer = Buffer.allocUnsafe(engine._chunkSize);
  }
  job.inOff += inDelta;
  job.availIn = availInAfter;
  if (availOutAfter !== 0) {
    // Room to spare yet input left: the codec saw the end of its stream
    // and takes no more, so the readable side ends here.
    if (availInAfter > 0) engine.push(null);
    job.cb();
    return;
  }
  // More output to make: now, or when the reader has taken what it has.
  if (readerFull) {
    engine[kResume] = () => writeJob(job);
  } else {
    writeJob(job);
  }
}

// The handle reports [availOut, availIn] after each write in _writeState.
function newHandle(engine, mode) {
  engine._writeState = new Uint32Array(2);
  return binding.create(mode, engine._writeState);
}

// ---- zlib ----------------------------------------------------------------

const zlibDefaultOpts = {
  flush: Z_NO_FLUSH,
  finishFlush: Z_FINISH,
  fullFlush: Z_FULL_FLUSH,
};

function Zlib(opts, mode) {
  let windowBits = Z_DEFAULT_WINDOWBITS;
  let level = Z_DEFAULT_COMPRESSION;
  let memLevel = Z_DEFAULT_MEMLEVEL;
  let strategy = Z_DEFAULT_STRATEGY;
  let dictionary;
  if (opts) {
    // Inflate may take its window size from the stream (windowBits 0).
    if ((opts.windowBits == null || opts.windowBits === 0) &&
        (mode === INFLATE || mode === GUNZIP || mode === UNZIP)) {
      windowBits = 0;
    } else {
      // gzip needs a window of at least 2^9.
      windowBits = rangeOrDefault(
        opts.windowBits, 'options.windowBits',
        mode === GZIP ? 9 : Z_MIN_WINDOWBITS, Z_MAX_WINDOWBITS,
        Z_DEFAULT_WINDOWBITS);
    }
    level = rangeOrDefault(opts.level, 'options.level', Z_MIN_LEVEL,
                           Z_MAX_LEVEL, Z_DEFAULT_COMPRESSION);
    memLevel = rangeOrDefault(opts.memLevel, 'options.memLevel',
                              Z_MIN_MEMLEVEL, Z_MAX_MEMLEVEL,
                              Z_DEFAULT_MEMLEVEL);
    strategy = rangeOrDefault(opts.strategy, 'options.strategy',
                              Z_DEFAULT_STRATEGY, Z_FIXED,
                              Z_DEFAULT_STRATEGY);
    dictionary = opts.dictionary;
    if (dictionary !== undefined && !isArrayBufferView(dictionary)) {
      if (isAnyArrayBuffer(dictionary)) {
        dictionary = Buffer.from(dictionary);
      } else {
        throw new ERR_INVALID_ARG_TYPE(
          'options.dictionary',
          ['Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'], dictionary);
      }
    }
  }
  const handle = newHandle(this, mode);
  const r = binding.initZlib(handle, Math.trunc(level), Math.trunc(windowBits),
                             Math.trunc(memLevel), Math.trunc(strategy),
                             dictionary);
  if (r !== 0) {
    binding.close(handle);
    throw new ERR_ZLIB_INITIALIZATION_FAILED();
  }
  ZlibBase.call(this, opts, mode, handle, zlibDefaultOpts);
  this._level = level;
  this._strategy = strategy;
}
Object.setPrototypeOf(Zlib.prototype, ZlibBase.prototype);
Object.setPrototypeOf(Zlib, ZlibBase);

// params(level, strategy, callback): new settings from the next byte on.
Zlib.prototype.params = function params(level, strategy, callback) {
  rangeOrDefault(level, 'level', Z_MIN_LEVEL, Z_MAX_LEVEL);
  rangeOrDefault(strategy, 'strategy', Z_DEFAULT_STRATEGY, Z_FIXED);
  if (this._level === level && this._strategy === strategy) {
    if (callback) process.nextTick(callback);
    return;
  }
  this.flush(Z_SYNC_FLUSH, () => {
    if (!this._handle) return;
    const r = binding.params(this._handle, Math.trunc(level),
                             Math.trunc(strategy));
    if (r !== 0 && r !== constants.Z_BUF_ERROR) {
      zlibError(this, ['Failed to set parameters', r, codeName(r)]);
      return;
    }
    this._level = level;
    this._strategy = strategy;
    if (callback) callback();
  });
};

function Deflate(opts) {
  if (!(this instanceof Deflate)) return new Deflate(opts);
  Zlib.call(this, opts, DEFLATE);
}
function Inflate(opts) {
  if (!(this instanceof Inflate)) return new Inflate(opts);
  Zlib.call(this, opts, INFLATE);
}
function Gzip(opts) {
  if (!(this instanceof Gzip)) return new Gzip(opts);
  Zlib.call(this, opts, GZIP);
}
function Gunzip(opts) {
  if (!(this instanceof Gunzip)) return new Gunzip(opts);
  Zlib.call(this, opts, GUNZIP);
}
function DeflateRaw(opts) {
  if (!(this instanceof DeflateRaw)) return new DeflateRaw(opts);
  Zlib.call(this, opts, DEFLATERAW);
}
function InflateRaw(opts) {
  if (!(this instanceof InflateRaw)) return new InflateRaw(opts);
  Zlib.call(this, opts, INFLATERAW);
}
function Unzip(opts) {
  if (!(this instanceof Unzip)) return new Unzip(opts);
  Zlib.call(this, opts, UNZIP);
}
for (const ctor of [Deflate, Inflate, Gzip, Gunzip, DeflateRaw, InflateRaw,
                    Unzip]) {
  Object.setPrototypeOf(ctor.prototype, Zlib.prototype);
  Object.setPrototypeOf(ctor, Zlib);
}

// ---- brotli --------------------------------------------------------------

const brotliDefaultOpts = {
  flush: BROTLI_OPERATION_PROCESS,
  finishFlush: BROTLI_OPERATION_FINISH,
  fullFlush: BROTLI_OPERATION_FLUSH,
};

function Brotli(opts, mode) {
  const params = [];
  if (opts && opts.params) {
    for (const origKey of Object.keys(opts.params)) {
      const key = Number(origKey);
      if (!Number.isInteger(key) || key < 0 || key > kMaxBrotliParam ||
          params.includes(key)) {
        throw new ERR_BROTLI_INVALID_PARAM(origKey);
      }
      const value = opts.params[origKey];
      if (typeof value !== 'number' && typeof value !== 'boolean') {
        throw new ERR_INVALID_ARG_TYPE('options.params[key]', 'number',
                                       opts.params[origKey]);
      }
      params.push(key, Number(value));
    }
  }
  const handle = newHandle(this, mode);
  const r = binding.initBrotli(handle, new Uint32Array(params));
  if (r !== -1) {
    binding.close(handle);
    throw new ERR_ZLIB_INITIALIZATION_FAILED();
  }
  ZlibBase.call(this, opts, mode, handle, brotliDefaultOpts);
}
Object.setPrototypeOf(Brotli.prototype, ZlibBase.prototype);
Object.setPrototypeOf(Brotli, ZlibBase);

function BrotliCompress(opts) {
  if (!(this instanceof BrotliCompress)) return new BrotliCompress(opts);
  Brotli.call(this, opts, BROTLI_ENCODE);
}
Object.setPrototypeOf(BrotliCompress.prototype, Brotli.prototype);
Object.setPrototypeOf(BrotliCompress, Brotli);

function BrotliDecompress(opts) {
  if (!(this instanceof BrotliDecompress)) return new BrotliDecompress(opts);
  Brotli.call(this, opts, BROTLI_DECODE);
}
Object.setPrototypeOf(BrotliDecompress.prototype, Brotli.prototype);
Object.setPrototypeOf(BrotliDecompress, Brotli);

// ---- Whole-buffer forms ----------------------------------------------------

function zlibBufferSync(engine, buffer) {
  if (typeof buffer === 'string') {
    buffer = Buffer.from(buffer);
  } else if (!isArrayBufferView(buffer)) {
    if (isAnyArrayBuffer(buffer)) {
      buffer = Buffer.from(buffer);
    } else {
      throw new ERR_INVALID_ARG_TYPE(
        'buffer', ['string', 'Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'],
        buffer);
    }
  }
  buffer = processChunkSync(engine, buffer, engine._finishFlushFlag);
  closeHandle(engine);
  if (engine._info) return { buffer, engine };
  return buffer;
}

function zlibBuffer(engine, buffer, callback) {
  validateFunction(callback, 'callback');
  if (typeof buffer === 'string') {
    buffer = Buffer.from(buffer);
  } else if (isAnyArrayBuffer(buffer)) {
    buffer = Buffer.from(buffer);
  } else if (isArrayBufferView(buffer) && !(buffer instanceof Uint8Array)) {
    // Other views go in as their bytes.
    buffer = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }
  const buffers = [];
  let nread = 0;
  let done = false;
  function onData(chunk) {
    buffers.push(chunk);
    nread += chunk.length;
    if (nread > engine._maxOutputLength) {
      onError(new ERR_BUFFER_TOO_LARGE(engine._maxOutputLength));
    }
  }
  function onError(err) {
    if (done) return;
    done = true;
    engine.removeListener('end', onEnd);
    engine.removeListener('data', onData);
    engine.removeListener('error', onError);
    engine.close();
    callback(err);
  }
  function onEnd() {
    if (done) return;
    done = true;
    const result = Buffer.concat(buffers, nread);
    engine.close();
    if (engine._info) callback(null, { buffer: result, engine });
    else callback(null, result);
  }
  engine.on('data', onData);
  engine.on('error', onError);
  engine.on('end', onEnd);
  engine.end(buffer);
}

function bufferForms(Ctor) {
  function async(buffer, opts, callback) {
    if (typeof opts === 'function') {
      callback = opts;
      opts = {};
    }
    return zlibBuffer(new Ctor(opts), buffer, callback);
  }
  function sync(buffer, opts) {
    return zlibBufferSync(new Ctor(opts), buffer);
  }
  return [async, sync];
}

function named(name, fn) {
  Object.defineProperty(fn, 'name', { value: name, configurable: true });
  return fn;
}

const forms = {};
for (const [name, Ctor] of [
  ['deflate', Deflate], ['gzip', Gzip], ['deflateRaw', DeflateRaw],
  ['unzip', Unzip], ['inflate', Inflate], ['gunzip', Gunzip],
  ['inflateRaw', InflateRaw], ['brotliCompress', BrotliCompress],
  ['brotliDecompress', BrotliDecompress],
]) {
  const [async, sync] = bufferForms(Ctor);
  forms[name] = named(name, async);
  forms[name + 'Sync'] = named(name + 'Sync', sync);
}

function factory(Ctor) {
  return named('create' + Ctor.name, (opts) => new Ctor(opts));
}

module.exports = {
  Deflate,
  Inflate,
  Gzip,
  Gunzip,
  DeflateRaw,
  InflateRaw,
  Unzip,
  BrotliCompress,
  BrotliDecompress,
  ...forms,
  createDeflate: factory(Deflate),
  createInflate: factory(Inflate),
  createDeflateRaw: factory(DeflateRaw),
  createInflateRaw: factory(InflateRaw),
  createGzip: factory(Gzip),
  createGunzip: factory(Gunzip),
  createUnzip: factory(Unzip),
  createBrotliCompress: factory(BrotliCompress),
  createBrotliDecompress: factory(BrotliDecompress),
};

Object.defineProperties(module.exports, {
  constants: {
    value: constants, writable: false, enumerable: true, configurable: false,
  },
  codes: {
    value: codes, writable: false, enumerable: true, configurable: false,
  },
});

// The legacy top-level constants (zlib.Z_OK ...): every non-brotli one,
// read-only and hidden from enumeration.
for (const key of Object.keys(constants)) {
  if (key.startsWith('BROTLI')) continue;
  Object.defineProperty(module.exports, key, {
    value: constants[key], writable: false, enumerable: false,
    configurable: false,
  });
}
