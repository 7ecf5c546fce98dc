// tty: terminals as net.Sockets over a libuv TTY handle (src/tty_wrap.c).
// Writes to a terminal are blocking, as in Node on POSIX, so output is on
// the screen by the time write() returns.
'use strict';

const net = require('net');
const binding = internalBinding('tty_wrap');
const { StreamHandle, nativeOf } = require('internal/stream_handle');
const {
  codes: { ERR_TTY_INIT_FAILED }, errnoException, uvErrmapGet,
} = require('internal/errors');
const { getColorDepth, hasColors } = require('internal/tty');

class TTY extends StreamHandle {
  constructor(native) {
    super(binding, native);
  }

  getWindowSize(out) {
    return binding.getWindowSize(nativeOf(this), out);
  }

  setRawMode(flag) {
    return binding.setRawMode(nativeOf(this), flag);
  }

  setBlocking(flag) {
    return binding.setBlocking(nativeOf(this), flag);
  }
}

function isatty(fd) {
  return Number.isInteger(fd) && fd >= 0 && fd <= 2147483647 &&
    binding.isTTY(fd);
}

function createHandle(fd, readable) {
  const native = Number.isInteger(fd) && fd >= 0 && fd <= 2147483647 ?
    binding.create(fd, readable) : -9;  // UV_EBADF
  if (typeof native === 'number') {
    const [code, message] = uvErrmapGet(native) || ['UNKNOWN', 'unknown error'];
    throw new ERR_TTY_INIT_FAILED({
      errno: native, code, message, syscall: 'uv_tty_init',
    });
  }
  return new TTY(native);
}

function ReadStream(fd, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(fd, options);
  const handle = createHandle(fd, true);
  net.Socket.call(this, {
    readableHighWaterMark: 0,
    ...options,
    handle,
    manualStart: true,
  });
  this.isRaw = false;
  this.isTTY = true;
}
Object.setPrototypeOf(ReadStream.prototype, net.Socket.prototype);
Object.setPrototypeOf(ReadStream, net.Socket);

ReadStream.prototype.setRawMode = function setRawMode(flag) {
  flag = !!flag;
  const err = this._handle ? this._handle.setRawMode(flag) : 0;
  if (err) {
    this.emit('error', errnoException(err, 'setRawMode'));
    return this;
  }
  this.isRaw = flag;
  return this;
};

function WriteStream(fd) {
  if (!(this instanceof WriteStream)) return new WriteStream(fd);
  const handle = createHandle(fd, false);
  net.Socket.call(this, {
    readableHighWaterMark: 0,
    handle,
    manualStart: true,
  });
  this._handle.setBlocking(true);
  const size = [];
  if (this._handle.getWindowSize(size) === 0) {
    this.columns = size[0];
    this.rows = size[1];
  }
}
Object.setPrototypeOf(WriteStream.prototype, net.Socket.prototype);
Object.setPrototypeOf(WriteStream, net.Socket);

WriteStream.prototype.isTTY = true;
WriteStream.prototype.getColorDepth = getColorDepth;
WriteStream.prototype.hasColors = hasColors;

// Reads the size again (on SIGWINCH) and emits 'resize' when it changed.
WriteStream.prototype._refreshSize = function _refreshSize() {
  const oldCols = this.columns;
  const oldRows = this.rows;
  const size = [];
  const err = this._handle ? this._handle.getWindowSize(size) : -9;
  if (err) {
    this.emit('error', errnoException(err, 'getWindowSize'));
    return;
  }
  const [cols, rows] = size;
  if (oldCols !== cols || oldRows !== rows) {
    this.columns = cols;
    this.rows = rows;
    this.emit('resize');
  }
};

WriteStream.prototype.cursorTo = function cursorTo(x, y, cb) {
  return require('internal/readline/callbacks').cursorTo(this, x, y, cb);
};

WriteStream.prototype.moveCursor = function moveCursor(dx, dy, cb) {
  return require('internal/readline/callbacks').moveCursor(this, dx, dy, cb);
};

WriteStream.prototype.clearLine = function clearLine(dir, cb) {
  return require('internal/readline/callbacks').clearLine(this, dir, cb);
};

WriteStream.prototype.clearScreenDown = function clearScreenDown(cb) {
  return require('internal/readline/callbacks').clearScreenDown(this, cb);
};

WriteStream.prototype.getWindowSize = function getWindowSize() {
  return [this.columns, this.rows];
};

module.exports = { isatty, ReadStream, WriteStream };
