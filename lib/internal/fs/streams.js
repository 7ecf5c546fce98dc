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
  },
} = require('internal/errors');
const { validateInteger, validateFunction } = require('internal/validators');
const { getValidatedPath, getOptions, getValidatedFd } =
  require('internal/fs/utils');

const kFs = Symbol('kFs');
const kHandle = Symbol('kHandle');
const kIsPerformingIO = Symbol('kIsPerformingIO');

function fsImpl(options, needed) {
  const fs = require('fs');
  if (options.fs == null) return fs;
  const impl = { ...fs, ...options.fs };
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

// Opens the file in _construct unless an fd was given.
function construct(stream, cb) {
  if (typeof stream.fd === 'number') return cb();
  stream[kFs].open(stream.path, stream.flags, stream.mode, (err, fd) => {
    if (err) return cb(err);
    stream.fd = fd;
    cb();
    stream.emit('open', fd);
    stream.emit('ready');
  });
}

// Closes the fd (when autoClose) once no read or write is in flight.
function destroy(stream, err, cb) {
  const close = (er) => {
    if (stream[kHandle]) {
      stream[kHandle].close().then(() => cb(er), cb);
    } else {
      stream[kFs].close(stream.fd, (closeErr) => cb(er || closeErr));
    }
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

class ReadStream extends Readable {
  constructor(path, options) {
    options = getOptions(options, {});
    options = { ...options };
    if (options.highWaterMark === undefined) options.highWaterMark = 64 * 1024;
    if (options.autoDestroy === undefined) {
      options.autoDestroy = options.autoClose === undefined ? true :
        options.autoClose;
    }
    super(options);
    takeFd(this, options.fd);
    this[kFs] = fsImpl(options, this.fd === null ? ['open', 'read', 'close'] :
      ['read', 'close']);
    this.path = this.fd === null ? getValidatedPath(path) : undefined;
    if (this.fd !== null) this.path = undefined;
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
  }

  get pending() {
    return this.fd === null;
  }

  _construct(cb) {
    construct(this, cb);
  }

  _read(n) {
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
      if (err) {
        this.destroy(err);
        return;
      }
      if (bytesRead > 0) {
        if (this.pos !== undefined) this.pos += bytesRead;
        this.bytesRead += bytesRead;
        this.push(bytesRead === buf.length ? buf : buf.subarray(0, bytesRead));
      } else {
        this.push(null);
      }
    });
  }

  _destroy(err, cb) {
    destroy(this, err, cb);
  }

  close(cb) {
    if (typeof cb === 'function') finished(this, cb);
    this.destroy();
  }
}

class WriteStream extends Writable {
  constructor(path, options) {
    options = getOptions(options, {});
    options = { ...options, decodeStrings: true };
    if (options.autoDestroy === undefined) {
      options.autoDestroy = options.autoClose === undefined ? true :
        options.autoClose;
    }
    super(options);
    takeFd(this, options.fd);
    const fsNeeded = ['close'];
    if (this.fd === null) fsNeeded.push('open');
    const impl = fsImpl(options, []);
    if (options.fs != null) {
      if (typeof impl.write !== 'function' &&
          typeof impl.writev !== 'function') {
        throw new ERR_INVALID_ARG_TYPE('options.fs.write', 'function',
                                       impl.write);
      }
      for (const name of fsNeeded) {
        validateFunction(impl[name], `options.fs.${name}`);
      }
      if (options.fs.writev === undefined) this._writev = null;
      if (options.fs.write === undefined) this._write = null;
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
    if (options.encoding) this.setDefaultEncoding(options.encoding);
  }

  get pending() {
    return this.fd === null;
  }

  _construct(cb) {
    construct(this, cb);
  }

  _write(data, encoding, cb) {
    this[kIsPerformingIO] = true;
    this[kFs].write(this.fd, data, 0, data.length, this.pos ?? null,
                    (err, n) => {
      this[kIsPerformingIO] = false;
      if (this.destroyed) {
        cb(err);
        this.emit(kIsPerformingIO, err);
        return;
      }
      if (err) return cb(err);
      this.bytesWritten += n;
      if (this.pos !== undefined) this.pos += n;
      cb();
    });
  }

  _writev(chunks, cb) {
    const buffers = chunks.map(({ chunk }) => chunk);
    this[kIsPerformingIO] = true;
    this[kFs].writev(this.fd, buffers, this.pos ?? null, (err, n) => {
      this[kIsPerformingIO] = false;
      if (this.destroyed) {
        cb(err);
        this.emit(kIsPerformingIO, err);
        return;
      }
      if (err) return cb(err);
      this.bytesWritten += n;
      if (this.pos !== undefined) this.pos += n;
      cb();
    });
  }

  _destroy(err, cb) {
    destroy(this, err, cb);
  }

  close(cb) {
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
  }

  destroySoon() {
    this.end();
  }
}

module.exports = { ReadStream, WriteStream, kFs };
