// fs.ReadStream and fs.WriteStream: streams over a file, opened in
// _construct (so writes and reads wait for the open), read and written in
// chunks through fs.read/fs.write (or the functions of options.fs), and
// closed in _destroy when autoClose is on.
'use strict';

const { Readable, Writable, finished } = require('stream');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_OUT_OF_RANGE,
    ERR_METHOD_NOT_IMPLEMENTED,
  },
} = require('internal/errors');
const { validateInteger, validateFunction } = require('internal/validators');
const { errorOrDestroy } = require('internal/streams/destroy');
const { getValidatedPath, getOptions, getValidatedFd } =
  require('internal/fs/utils');

const kFs = Symbol('kFs');
const kHandle = Symbol('kHandle');
const kIsPerformingIO = Symbol('kIsPerformingIO');

function fsImpl(options, needed, stream) {
  const fs = require('fs');
  if (stream[kHandle]) {
    if (options.fs != null) {
      throw new ERR_METHOD_NOT_IMPLEMENTED('FileHandle with fs');
    }
    return handleFs(stream[kHandle]);
  }
  if (options.fs == null) return fs;
  const impl = options.fs;
  for (const name of needed) {
    validateFunction(impl[name], `options.fs.${name}`);
  }
  return impl;
}

// The fd option: a number, a FileHandle (its fd; closed through it), or
// nothing (the path is opened).
function takeFd(stream, fd) {
  stream[kHandle] = null;
  if (fd == null) {
    stream.fd = null;
  } else if (typeof fd === 'object' && typeof fd.fd === 'number') {
    stream[kHandle] = fd;
    stream.fd = fd.fd;
  } else {
    stream.fd = getValidatedFd(fd);
  }
}

// Once the stream is built: its FileHandle closed by its owner ends the
// stream, without an error.
function followHandle(stream) {
  const handle = stream[kHandle];
  if (!handle || typeof handle.on !== 'function') return;
  handle.on('close', () => {
    stream.fd = null;
    stream.destroy();
  });
}

// Opens the file for a stream (the default open()).
function openFile(stream, cb) {
  stream[kFs].open(stream.path, stream.flags, stream.mode, (err, fd) => {
    if (err) return cb(err);
    stream.fd = fd;
    // Writes made from an 'open' listener queue before those made later.
    stream.emit('open', fd);
    stream.emit('ready');
    cb();
  });
}

let openWarned = false;
// The deprecated public open(): opens, reporting failure as 'error'.
function deprecatedOpen() {
  if (!openWarned) {
    openWarned = true;
    process.emitWarning(`${this instanceof ReadStream ? 'ReadStream' :
                          'WriteStream'}.prototype.open() is deprecated`,
                        'DeprecationWarning', 'DEP0135');
  }
  openFile(this, (err) => {
    if (err) errorOrDestroy(this, err);
  });
}

// Opens the file in _construct unless an fd was given. A subclass (or a
// patch) that replaced open() the old way gets it called instead; its
// 'open' or 'error' event ends the construction.
function construct(stream, defaultOpen, cb) {
  if (typeof stream.fd === 'number') return cb();
  if (typeof stream.open === 'function' && stream.open !== defaultOpen) {
    const emit = stream.emit;
    stream.emit = function(name, ...args) {
      if (name === 'open') {
        this.emit = emit;
        cb();
      } else if (name === 'error') {
        this.emit = emit;
        cb(args[0]);
        return true;
      }
      return emit.call(this, name, ...args);
    };
    stream.open();
    return;
  }
  openFile(stream, cb);
}

// The functions a stream over a FileHandle uses: the handle's own.
function handleFs(handle) {
  const done = (cb, key) => (r) => cb(null, r[key], r.buffer || r.buffers);
  return {
    read: (fd, buf, off, len, pos, cb) =>
      handle.read(buf, off, len, pos).then(done(cb, 'bytesRead'), cb),
    write: (fd, buf, off, len, pos, cb) =>
      handle.write(buf, off, len, pos).then(done(cb, 'bytesWritten'), cb),
    writev: (fd, bufs, pos, cb) =>
      handle.writev(bufs, pos).then(done(cb, 'bytesWritten'), cb),
    close: (fd, cb) => handle.close().then(() => cb(), cb),
  };
}

// Options with inherited properties too, as Node copies them.
function copyOptions(options) {
  const copy = {};
  for (const key in options) copy[key] = options[key];
  return copy;
}

// Closes the fd (when autoClose) once no read or write is in flight.
function destroy(stream, err, cb) {
  const close = (er) => {
    stream[kFs].close(stream.fd, (closeErr) => cb(er || closeErr));
    stream.fd = null;
  };
  if (stream.fd === null || !stream.autoClose) return cb(err);
  if (stream[kIsPerformingIO]) {
    stream.once(kIsPerformingIO, (er) => close(err || er));
  } else {
    close(err);
  }
}

function streamRange(options, stream) {
  const { start, end } = options;
  if (start !== undefined) validateInteger(start, 'start', 0);
  stream.start = start;
  stream.pos = start;
  return end;
}

// Node's streams are functions that work without `new`; the fields are
// set before Readable's constructor runs, which starts _construct.
function ReadStream(path, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(path, options);
  options = copyOptions(getOptions(options, {}));
  if (options.highWaterMark === undefined) options.highWaterMark = 64 * 1024;
  if (options.autoDestroy === undefined) {
    options.autoDestroy = options.autoClose === undefined ? true :
      options.autoClose;
  }
  takeFd(this, options.fd);
  this[kFs] = fsImpl(options, this.fd === null ? ['open', 'read', 'close'] :
    ['read', 'close'], this);
  this.path = this.fd === null ? getValidatedPath(path) : undefined;
  this.flags = options.flags === undefined ? 'r' : options.flags;
  this.mode = options.mode === undefined ? 0o666 : options.mode;
  let end = streamRange(options, this);
  if (end === undefined) {
    end = Infinity;
  } else if (end !== Infinity) {
    validateInteger(end, 'end', 0);
    if (this.start !== undefined && this.start > end) {
      throw new ERR_OUT_OF_RANGE('start', `<= "end" (here: ${end})`,
                                 this.start);
    }
  }
  this.end = end;
  this.bytesRead = 0;
  this[kIsPerformingIO] = false;
  this.autoClose = options.autoClose === undefined ? true :
    options.autoClose;
  Readable.call(this, options);
  followHandle(this);
}
Object.setPrototypeOf(ReadStream.prototype, Readable.prototype);
Object.setPrototypeOf(ReadStream, Readable);

Object.defineProperty(ReadStream.prototype, 'pending', {
  __proto__: null,
  get() { return this.fd === null; },
  configurable: true,
});

ReadStream.prototype.open = deprecatedOpen;

ReadStream.prototype._construct = function(cb) {
  construct(this, deprecatedOpen, cb);
};

ReadStream.prototype._read = function(n) {
  n = this.pos !== undefined ?
    Math.min(this.end - this.pos + 1, n) :
    Math.min(this.end - this.bytesRead + 1, n);
  if (n <= 0) {
    this.push(null);
    return;
  }
  const buf = Buffer.allocUnsafeSlow(n);
  this[kIsPerformingIO] = true;
  this[kFs].read(this.fd, buf, 0, n, this.pos ?? null, (err, bytesRead) => {
    this[kIsPerformingIO] = false;
    if (this.destroyed) {
      this.emit(kIsPerformingIO, err);
      return;
    }
    if (err && this[kHandle] && err.code === 'EBADF') {
      // Its FileHandle is being closed: the stream ends with it.
      this.destroy();
      return;
    }
    if (err) {
      // Destroys only with autoDestroy (autoClose).
      errorOrDestroy(this, err);
      return;
    }
    if (bytesRead > 0) {
      if (this.pos !== undefined) this.pos += bytesRead;
      this.bytesRead += bytesRead;
      if (bytesRead === buf.length) {
        this.push(buf);
      } else {
        // A short read: keep only what was read, not the whole block.
        const dst = Buffer.allocUnsafeSlow(bytesRead);
        buf.copy(dst, 0, 0, bytesRead);
        this.push(dst);
      }
    } else {
      this.push(null);
    }
  });
};

ReadStream.prototype._destroy = function(err, cb) {
  destroy(this, err, cb);
};

ReadStream.prototype.close = function(cb) {
  if (typeof cb === 'function') finished(this, cb);
  this.destroy();
};

function WriteStream(path, options) {
  if (!(this instanceof WriteStream)) return new WriteStream(path, options);
  options = copyOptions(getOptions(options, {}));
  options.decodeStrings = true;
  if (options.autoDestroy === undefined) {
    options.autoDestroy = options.autoClose === undefined ? true :
      options.autoClose;
  }
  takeFd(this, options.fd);
  const impl = fsImpl(options, [], this);
  if (options.fs != null && !this[kHandle]) {
    for (const name of ['write', 'writev']) {
      if (options.fs[name] != null) {
        validateFunction(options.fs[name], `options.fs.${name}`);
      }
    }
    if (typeof impl.write !== 'function' &&
        typeof impl.writev !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('options.fs.write', 'function',
                                     impl.write);
    }
    for (const name of this.fd === null ? ['open', 'close'] : ['close']) {
      validateFunction(impl[name], `options.fs.${name}`);
    }
    if (typeof impl.writev !== 'function') this._writev = null;
    if (typeof impl.write !== 'function') this._write = null;
  }
  this[kFs] = impl;
  this.path = this.fd === null ? getValidatedPath(path) : undefined;
  this.flags = options.flags === undefined ? 'w' : options.flags;
  this.mode = options.mode === undefined ? 0o666 : options.mode;
  streamRange(options, this);
  this.bytesWritten = 0;
  this[kIsPerformingIO] = false;
  this.autoClose = options.autoClose === undefined ? true :
    options.autoClose;
  Writable.call(this, options);
  if (options.encoding) this.setDefaultEncoding(options.encoding);
  followHandle(this);
}
Object.setPrototypeOf(WriteStream.prototype, Writable.prototype);
Object.setPrototypeOf(WriteStream, Writable);

Object.defineProperty(WriteStream.prototype, 'pending', {
  __proto__: null,
  get() { return this.fd === null; },
  configurable: true,
});

WriteStream.prototype.open = deprecatedOpen;

WriteStream.prototype._construct = function(cb) {
  construct(this, deprecatedOpen, cb);
};

// Completion of a write or writev of n bytes.
function written(stream, cb, err, n) {
  stream[kIsPerformingIO] = false;
  if (stream.destroyed) {
    cb(err);
    stream.emit(kIsPerformingIO, err);
    return;
  }
  if (err) return cb(err);
  stream.bytesWritten += n;
  if (stream.pos !== undefined) stream.pos += n;
  cb();
}

WriteStream.prototype._write = function(data, encoding, cb) {
  this[kIsPerformingIO] = true;
  this[kFs].write(this.fd, data, 0, data.length, this.pos ?? null,
                  (err, n) => written(this, cb, err, n));
};

WriteStream.prototype._writev = function(chunks, cb) {
  const buffers = chunks.map(({ chunk }) => chunk);
  this[kIsPerformingIO] = true;
  this[kFs].writev(this.fd, buffers, this.pos ?? null,
                   (err, n) => written(this, cb, err, n));
};

WriteStream.prototype._destroy = function(err, cb) {
  destroy(this, err, cb);
};

WriteStream.prototype.close = function(cb) {
  if (cb) {
    if (this.closed) {
      process.nextTick(cb);
      return;
    }
    this.on('close', cb);
  }
  // With autoClose off, 'finish' does not close: do it here.
  if (!this.autoClose) this.on('finish', this.destroy);
  this.end();
};

WriteStream.prototype.destroySoon = WriteStream.prototype.end;

module.exports = { ReadStream, WriteStream, kFs };
