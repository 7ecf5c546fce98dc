'use strict';

// net: TCP and Unix domain socket clients (Socket) and servers (Server) on
// the handles of internal/stream_handle (tcp_wrap and pipe_wrap).

const EventEmitter = require('events');
const { Duplex, Readable } = require('stream');
const { Buffer } = require('buffer');
const {
  codes: {
    ERR_INVALID_ADDRESS_FAMILY,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_FD_TYPE,
    ERR_INVALID_HANDLE_TYPE,
    ERR_INVALID_IP_ADDRESS,
    ERR_MISSING_ARGS,
    ERR_OUT_OF_RANGE,
    ERR_SERVER_ALREADY_LISTEN,
    ERR_SERVER_NOT_RUNNING,
    ERR_SOCKET_CLOSED,
    ERR_SOCKET_CLOSED_BEFORE_CONNECTION,
    ERR_SOCKET_CONNECTION_TIMEOUT,
  },
  errnoException,
  exceptionWithHostPort,
  genericNodeError,
  uvExceptionWithHostPort,
} = require('internal/errors');
const {
  validateAbortSignal,
  validateFunction,
  validateInt32,
  validateNumber,
  validatePort,
  validateString,
} = require('internal/validators');
const {
  isIP, isIPv4, isIPv6, kBytesRead, normalizedArgsSymbol,
} = require('internal/net');
const { perfEnd, perfStart } = require('internal/perf/observe');
const { Pipe, TCP, ownerSymbol } = require('internal/stream_handle');
const { Timeout } = require('internal/timers');
const { BlockList } = require('internal/blocklist');
const { SocketAddress } = require('internal/socketaddress');

const UV_EOF = -4095;
const UV_EINVAL = -22;
const UV_ENOTCONN = -107;
const UV_EAI_NONAME = -3008;

let dns;
function lazyDns() {
  if (dns === undefined) dns = require('dns');
  return dns;
}

const kLastWriteQueueSize = Symbol('lastWriteQueueSize');
const kTimeout = Symbol('timeout');
// Node's built-in diagnostics channels of net.
const dc = require('diagnostics_channel');
const clientSocketChannel = dc.channel('net.client.socket');
const serverSocketChannel = dc.channel('net.server.socket');
const kSetNoDelay = Symbol('kSetNoDelay');
const kSetKeepAlive = Symbol('kSetKeepAlive');
const kSetKeepAliveInitialDelay = Symbol('kSetKeepAliveInitialDelay');
const kBytesWritten = Symbol('kBytesWritten');
const kBuffer = Symbol('kBuffer');
const kBufferGen = Symbol('kBufferGen');
const kBufferCb = Symbol('kBufferCb');

let autoSelectFamilyDefault = require('internal/options')
  .getOptionValue('--enable-network-family-autoselection') === true;
let autoSelectFamilyAttemptTimeoutDefault = 250;

function isPipeName(s) {
  return typeof s === 'string' && toNumber(s) === false;
}

// A port given as a number or a numeric string, else false.
function toNumber(x) {
  return (x = Number(x)) >= 0 ? x : false;
}

// Turns the arguments of connect() / listen() into [options, callback]:
// (options[, cb]), (path[, cb]) or (port[, host][, cb]).
function normalizeArgs(args) {
  let arr;
  if (args.length === 0) {
    arr = [{}, null];
    arr[normalizedArgsSymbol] = true;
    return arr;
  }
  const arg0 = args[0];
  let options = {};
  if (typeof arg0 === 'object' && arg0 !== null) {
    options = arg0;
  } else if (isPipeName(arg0)) {
    options.path = arg0;
  } else {
    options.port = arg0;
    if (args.length > 1 && typeof args[1] === 'string') options.host = args[1];
  }
  const cb = args[args.length - 1];
  arr = typeof cb === 'function' ? [options, cb] : [options, null];
  arr[normalizedArgsSymbol] = true;
  return arr;
}

function createHandle(fd) {
  const type = internalBinding('stdio').guessHandleType(fd);
  if (type === 'PIPE') return new Pipe();
  if (type === 'TCP') return new TCP();
  throw new ERR_INVALID_FD_TYPE(type);
}

// Timeouts: one unref'd timer per socket, pushed back by activity.
function getTimerDuration(msecs, name) {
  validateNumber(msecs, name);
  if (msecs < 0 || !Number.isFinite(msecs)) {
    throw new ERR_OUT_OF_RANGE(name, 'a non-negative finite number', msecs);
  }
  return msecs;
}

// ---------------------------------------------------------------------------
// Socket

function Socket(options) {
  if (!(this instanceof Socket)) return new Socket(options);
  if (typeof options === 'number') options = { fd: options };
  else options = { ...options };

  this.connecting = false;
  this._hadError = false;
  this._handle = null;
  this._parent = null;
  this._host = null;
  this[kLastWriteQueueSize] = 0;
  this[kTimeout] = null;
  this[kBytesRead] = 0;
  this[kBytesWritten] = 0;
  this._pendingData = null;
  this._pendingEncoding = '';
  this._peername = null;
  this._sockname = null;
  this.server = null;
  this._server = null;

  if (options.objectMode) {
    throw new ERR_INVALID_ARG_VALUE('options.objectMode', options.objectMode,
                                    'is not supported');
  } else if (options.readableObjectMode || options.writableObjectMode) {
    const name = options.readableObjectMode ? 'readableObjectMode' :
      'writableObjectMode';
    throw new ERR_INVALID_ARG_VALUE(`options.${name}`, options[name],
                                    'is not supported');
  }

  if (options.handle) {
    this._handle = options.handle;
  } else if (options.fd !== undefined) {
    const { fd } = options;
    validateInt32(fd, 'fd', 0);
    this._handle = createHandle(fd);
    const err = this._handle.open(fd);
    if (err) throw errnoException(err, 'open');
  }

  // Node's sockets end the writable side when the peer ends unless
  // allowHalfOpen; 'close' is emitted here, after the handle closed.
  options.allowHalfOpen = Boolean(options.allowHalfOpen);
  options.emitClose = false;
  options.autoDestroy = true;
  options.decodeStrings = false;
  Duplex.call(this, options);

  // options.signal is the stream's: Duplex destroys it on abort.

  // onread: { buffer, callback } reads into the caller's memory and hands
  // it to callback(nread, buffer) instead of emitting 'data'.
  this[kBuffer] = null;
  this[kBufferGen] = null;
  this[kBufferCb] = null;
  if (options.onread !== null && typeof options.onread === 'object') {
    const { buffer, callback } = options.onread;
    if (typeof buffer === 'function') {
      this[kBufferGen] = buffer;
      this[kBuffer] = true;
    } else if (ArrayBuffer.isView(buffer)) {
      this[kBuffer] = buffer;
    } else {
      throw new ERR_INVALID_ARG_TYPE('options.onread.buffer',
                                     ['Buffer', 'TypedArray', 'DataView',
                                      'Function'], buffer);
    }
    validateFunction(callback, 'options.onread.callback');
    this[kBufferCb] = callback;
  }

  this[kSetNoDelay] = Boolean(options.noDelay);
  this[kSetKeepAlive] = Boolean(options.keepAlive);
  this[kSetKeepAliveInitialDelay] =
    Math.max(~~((options.keepAliveInitialDelay || 0) / 1000), 0);

  if (this._handle !== null) {
    this._initHandle();
    this._applySocketOptions();
    if (options.readable !== false) {
      if (options.pauseOnCreate) {
        this._handle.reading = false;
        this._handle.readStop();
        this.readableFlowing = false;
      } else if (!options.manualStart) {
        this.read(0);
      }
    }
  }

  this.on('end', onReadableStreamEnd);
}
Object.setPrototypeOf(Socket.prototype, Duplex.prototype);
Object.setPrototypeOf(Socket, Duplex);

Socket.prototype._initHandle = function() {
  const handle = this._handle;
  handle[ownerSymbol] = this;
  handle.onread = (chunk) => onStreamRead(this, chunk);
  if (this[kBuffer] !== null) {
    if (this[kBufferGen] !== null) this[kBuffer] = this[kBufferGen]();
    handle.useUserBuffer(this[kBuffer]);
  }
};

// The options that need a connected socket.
Socket.prototype._applySocketOptions = function() {
  const handle = this._handle;
  if (this[kSetNoDelay] && handle.setNoDelay) handle.setNoDelay(true);
  if (this[kSetKeepAlive] && handle.setKeepAlive) {
    handle.setKeepAlive(true, this[kSetKeepAliveInitialDelay]);
  }
};

function onStreamRead(socket, chunk) {
  const handle = socket._handle;
  if (typeof chunk === 'number') {
    // Read into the onread buffer.
    socket[kBytesRead] += chunk;
    socket._unrefTimer();
    const ret = socket[kBufferCb](chunk, socket[kBuffer]);
    if (socket[kBufferGen] !== null && socket._handle !== null) {
      const next = socket[kBufferGen]();
      if (ArrayBuffer.isView(next)) {
        socket[kBuffer] = next;
        socket._handle.useUserBuffer(next);
      }
    }
    if (ret === false && socket._handle !== null && socket._handle.reading) {
      const err = socket._handle.readStop();
      if (err) socket.destroy(errnoException(err, 'read'));
    }
    return;
  }
  if (chunk instanceof Uint8Array) {
    socket[kBytesRead] += chunk.length;
    socket._unrefTimer();
    const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    if (Readable._handOver(socket, buf)) return;
    if (!socket.push(buf) && handle !== null && handle.reading) {
      handle.reading = false;
      if (!socket.destroyed) {
        const err = handle.readStop();
        if (err) socket.destroy(errnoException(err, 'read'));
      }
    }
    return;
  }
  if (handle !== null) handle.reading = false;
  if (chunk === null || chunk.errno === UV_EOF) {
    // The peer ended its side.
    socket.push(null);
    socket.read(0);
    return;
  }
  socket.destroy(errnoException(chunk.errno, 'read'));
}

function writeAfterFIN(chunk, encoding, cb) {
  if (!this.writableEnded) {
    return Duplex.prototype.write.call(this, chunk, encoding, cb);
  }
  if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  const er = genericNodeError('This socket has been ended by the other party',
                              { code: 'EPIPE' });
  if (typeof cb === 'function') process.nextTick(cb, er);
  this.destroy(er);
  return false;
}

function onReadableStreamEnd() {
  if (!this.allowHalfOpen) this.write = writeAfterFIN;
}

Socket.prototype._unrefTimer = function() {
  for (let s = this; s !== null; s = s._parent) {
    if (s[kTimeout]) s[kTimeout].refresh();
  }
};

Socket.prototype.setTimeout = function(msecs, callback) {
  if (this.destroyed) return this;
  this.timeout = msecs = getTimerDuration(msecs, 'msecs');
  if (this[kTimeout]) {
    clearTimeout(this[kTimeout]);
    this[kTimeout] = null;
  }
  if (msecs === 0) {
    if (callback !== undefined) {
      validateFunction(callback, 'callback');
      this.removeListener('timeout', callback);
    }
  } else {
    // Made unref'd: ref'ing then unref'ing it costs two calls into C, and
    // sockets set timeouts on every request of a keep-alive connection.
    this[kTimeout] = new Timeout(() => this._onTimeout(), msecs, undefined,
                                 false, false);
    if (callback !== undefined) {
      validateFunction(callback, 'callback');
      this.once('timeout', callback);
    }
  }
  return this;
};

Socket.prototype._onTimeout = function() {
  const handle = this._handle;
  const lastWriteQueueSize = this[kLastWriteQueueSize];
  if (lastWriteQueueSize > 0 && handle) {
    // A write still draining counts as activity.
    const { writeQueueSize } = handle;
    if (lastWriteQueueSize !== writeQueueSize) {
      this[kLastWriteQueueSize] = writeQueueSize;
      this._unrefTimer();
      return;
    }
  }
  this.emit('timeout');
};

Socket.prototype.setNoDelay = function(enable) {
  if (!this._handle) {
    this[kSetNoDelay] = enable === undefined ? true : Boolean(enable);
    return this;
  }
  const value = enable === undefined ? true : Boolean(enable);
  if (this._handle.setNoDelay && value !== this[kSetNoDelay]) {
    this[kSetNoDelay] = value;
    this._handle.setNoDelay(value);
  }
  return this;
};

Socket.prototype.setKeepAlive = function(enable, initialDelayMsecs) {
  enable = Boolean(enable);
  const initialDelay = Math.max(~~(initialDelayMsecs / 1000), 0);
  if (!this._handle) {
    this[kSetKeepAlive] = enable;
    this[kSetKeepAliveInitialDelay] = initialDelay;
    return this;
  }
  if (!this._handle.setKeepAlive) return this;
  if (enable !== this[kSetKeepAlive] ||
      (enable && initialDelay !== this[kSetKeepAliveInitialDelay])) {
    this[kSetKeepAlive] = enable;
    this[kSetKeepAliveInitialDelay] = initialDelay;
    this._handle.setKeepAlive(enable, initialDelay);
  }
  return this;
};

Socket.prototype.address = function() {
  return this._getsockname();
};

Object.defineProperties(Socket.prototype, {
  _connecting: {
    __proto__: null,
    get() { return this.connecting; },
  },
  pending: {
    __proto__: null,
    configurable: true,
    get() { return !this._handle || this.connecting; },
  },
  readyState: {
    __proto__: null,
    get() {
      if (this.connecting) return 'opening';
      if (this.readable && this.writable) return 'open';
      if (this.readable && !this.writable) return 'readOnly';
      if (!this.readable && this.writable) return 'writeOnly';
      return 'closed';
    },
  },
  bufferSize: {
    __proto__: null,
    get() {
      if (this._handle) return this.writableLength;
      return undefined;
    },
  },
  bytesRead: {
    __proto__: null,
    get() { return this[kBytesRead]; },
  },
  bytesWritten: {
    __proto__: null,
    get() {
      let bytes = this[kBytesWritten];
      const buffered = this.writableBuffer;
      if (!buffered) return undefined;
      for (const el of buffered) {
        bytes += el.chunk instanceof Buffer ? el.chunk.length :
          Buffer.byteLength(el.chunk, el.encoding);
      }
      const data = this._pendingData;
      if (Array.isArray(data)) {
        for (const el of data) {
          bytes += el.chunk instanceof Buffer ? el.chunk.length :
            Buffer.byteLength(el.chunk, el.encoding);
        }
      } else if (data) {
        bytes += data instanceof Buffer ? data.length :
          Buffer.byteLength(data, this._pendingEncoding);
      }
      return bytes;
    },
  },
  remoteAddress: {
    __proto__: null,
    get() { return this._getpeername().address; },
  },
  remoteFamily: {
    __proto__: null,
    get() { return this._getpeername().family; },
  },
  remotePort: {
    __proto__: null,
    get() { return this._getpeername().port; },
  },
  localAddress: {
    __proto__: null,
    get() { return this._getsockname().address; },
  },
  localPort: {
    __proto__: null,
    get() { return this._getsockname().port; },
  },
  localFamily: {
    __proto__: null,
    get() { return this._getsockname().family; },
  },
});

Socket.prototype._getpeername = function() {
  if (!this._handle || !this._handle.getpeername || this.connecting) {
    return this._peername || {};
  }
  if (!this._peername) {
    const out = {};
    const err = this._handle.getpeername(out);
    if (err) return out;
    this._peername = out;
  }
  return this._peername;
};

Socket.prototype._getsockname = function() {
  if (!this._handle || !this._handle.getsockname) return {};
  if (!this._sockname) {
    const out = {};
    const err = this._handle.getsockname(out);
    if (err) return out;
    this._sockname = out;
  }
  return this._sockname;
};

Socket.prototype._read = function(n) {
  if (this.connecting || !this._handle) {
    this.once('connect', () => this._read(n));
  } else if (!this._handle.reading) {
    tryReadStart(this);
  }
};

function tryReadStart(socket) {
  const err = socket._handle.readStart();
  if (err === UV_ENOTCONN) {
    // Never connected (or reset before): nothing to read.
    socket._handle.reading = false;
    socket.push(null);
  } else if (err) {
    socket.destroy(errnoException(err, 'read'));
  }
}

// With an onread buffer the stream holds no data, so pausing must stop
// the handle itself.
// Reads that do not go through the stream's buffer (an onread buffer, or
// an HTTP parser consuming the handle) are paused at the handle itself.
function readsBypassStream(socket) {
  return socket[kBuffer] !== null || socket._handle._consumed === true;
}

Socket.prototype.pause = function() {
  if (!this.connecting && this._handle && readsBypassStream(this) &&
      this._handle.reading) {
    const err = this._handle.readStop();
    if (err) this.destroy(errnoException(err, 'read'));
  }
  return Duplex.prototype.pause.call(this);
};

Socket.prototype.resume = function() {
  if (!this.connecting && this._handle && readsBypassStream(this) &&
      !this._handle.reading) {
    tryReadStart(this);
  }
  return Duplex.prototype.resume.call(this);
};

Socket.prototype.read = function(n) {
  if (!this.connecting && this._handle && readsBypassStream(this) &&
      !this._handle.reading) {
    tryReadStart(this);
  }
  return Duplex.prototype.read.call(this, n);
};

Socket.prototype.end = function(data, encoding, callback) {
  Duplex.prototype.end.call(this, data, encoding, callback);
  return this;
};

Socket.prototype.destroySoon = function() {
  if (this.writable) this.end();
  if (this.writableFinished) this.destroy();
  else this.once('finish', this.destroy);
};

Socket.prototype.resetAndDestroy = function() {
  if (this._handle) {
    if (!(this._handle instanceof TCP)) throw new ERR_INVALID_HANDLE_TYPE();
    if (this.connecting) {
      this.once('connect', () => this.resetAndDestroy());
    } else {
      this._handle.lingerZero();
      this.destroy();
    }
  } else {
    this.destroy(new ERR_SOCKET_CLOSED());
  }
  return this;
};

Socket.prototype._final = function(cb) {
  if (this.pending && this.connecting) {
    this.once('connect', () => this._final(cb));
    return;
  }
  if (!this._handle) return cb();
  const err = this._handle.shutdown((status) => {
    // The socket may be destroyed meanwhile: that is no error here.
    if (status < 0 && status !== UV_ENOTCONN && !this.destroyed) {
      cb(errnoException(status, 'shutdown'));
    } else {
      cb();
    }
  });
  if (err === UV_ENOTCONN) return cb();
  if (err < 0) return cb(errnoException(err, 'shutdown'));
};

// Hands chunks to the handle. cb runs once the kernel took them.
Socket.prototype._writeGeneric = function(writev, data, encoding, cb) {
  if (this.connecting) {
    this._pendingData = data;
    this._pendingEncoding = encoding;
    const onClose = () => cb(new ERR_SOCKET_CLOSED_BEFORE_CONNECTION());
    this.once('connect', () => {
      this.off('close', onClose);
      this._writeGeneric(writev, data, encoding, cb);
    });
    this.once('close', onClose);
    return;
  }
  this._pendingData = null;
  this._pendingEncoding = '';
  if (!this._handle) {
    cb(new ERR_SOCKET_CLOSED());
    return false;
  }
  this._unrefTimer();

  const handle = this._handle;
  const done = (status) => {
    this[kLastWriteQueueSize] = 0;
    if (this.destroyed) {
      cb(null);
      return;
    }
    if (status < 0) {
      cb(errnoException(status, 'write'));
      return;
    }
    this._unrefTimer();
    cb();
  };
  let bytes;
  let result;
  if (writev && typeof handle.writevPairs !== 'function') {
    // A handle of another kind (a JS stream) takes strings as UTF-8 only.
    bytes = 0;
    const list = new Array(data.length);
    for (let i = 0; i < data.length; i++) {
      const { chunk, encoding: enc } = data[i];
      if (typeof chunk === 'string' && enc !== 'utf8' && enc !== 'utf-8') {
        list[i] = Buffer.from(chunk, enc);
      } else {
        list[i] = chunk;
      }
      bytes += typeof list[i] === 'string' ? Buffer.byteLength(list[i]) :
        list[i].length;
    }
    result = handle.writev(list, done);
  } else if (writev) {
    // Chunk, kind, chunk, kind ...: the handle encodes UTF-8 (kind 0) and
    // Latin-1 (kind 1) strings itself; other encodings are converted here.
    // Empty chunks (http's end() adds one for its callback) are left out.
    bytes = 0;
    const n = data.length;
    const list = [];
    for (let i = 0; i < n; i++) {
      const entry = data[i];
      let chunk = entry.chunk;
      let kind = 0;
      if (chunk.length === 0) continue;
      if (typeof chunk === 'string') {
        const enc = entry.encoding;
        if (enc === 'latin1' || enc === 'binary') {
          kind = 1;
          bytes += chunk.length;
        } else if (enc === 'utf8' || enc === 'utf-8') {
          bytes += Buffer.byteLength(chunk);
        } else {
          chunk = Buffer.from(chunk, enc);
          bytes += chunk.length;
        }
      } else {
        bytes += chunk.length;
      }
      list.push(chunk, kind);
    }
    result = handle.writevPairs(list, done);
  } else if (typeof data === 'string') {
    switch (encoding) {
      case 'utf8':
      case 'utf-8':
        bytes = Buffer.byteLength(data);
        result = handle.writeUtf8String(data, done);
        break;
      case 'latin1':
      case 'binary':
        bytes = data.length;
        result = handle.writeLatin1String(data, done);
        break;
      default: {
        const buf = Buffer.from(data, encoding);
        bytes = buf.length;
        result = handle.writeBuffer(buf, done);
      }
    }
  } else {
    bytes = data.length;
    result = handle.writeBuffer(data, done);
  }
  if (result < 0) {
    cb(errnoException(result, 'write'));
    return;
  }
  this[kBytesWritten] += bytes;
  if (result === 1) {
    this[kLastWriteQueueSize] = handle.writeQueueSize;
  } else {
    cb();
  }
};

Socket.prototype._writev = function(chunks, cb) {
  this._writeGeneric(true, chunks, '', cb);
};

Socket.prototype._write = function(data, encoding, cb) {
  this._writeGeneric(false, data, encoding, cb);
};

Socket.prototype._destroy = function(exception, cb) {
  if (this[kTimeout]) {
    clearTimeout(this[kTimeout]);
    this[kTimeout] = null;
  }
  this.connecting = false;
  const isException = Boolean(exception);
  if (isException) this._hadError = true;

  if (this._handle) {
    const handle = this._handle;
    this._handle = null;
    handle.onread = null;
    handle.close(() => this.emit('close', isException));
    cb(exception);
  } else {
    cb(exception);
    // Without a handle Node emits 'close' with no hadError argument.
    process.nextTick(() => this.emit('close'));
  }

  if (this._server) {
    this._server._connections--;
    if (this._server._emitCloseIfDrained) this._server._emitCloseIfDrained();
  }
};

Socket.prototype.ref = function() {
  if (!this._handle) {
    this.once('connect', this.ref);
    return this;
  }
  this._handle.ref();
  return this;
};

Socket.prototype.unref = function() {
  if (!this._handle) {
    this.once('connect', this.unref);
    return this;
  }
  this._handle.unref();
  return this;
};

// connect(options[, cb]) / connect(path[, cb]) / connect(port[, host][, cb])
Socket.prototype.connect = function(...args) {
  let normalized;
  if (Array.isArray(args[0]) && args[0][normalizedArgsSymbol]) {
    normalized = args[0];
  } else {
    normalized = normalizeArgs(args);
  }
  const options = normalized[0];
  const cb = normalized[1];

  if (options.port === undefined && options.path == null) {
    throw new ERR_MISSING_ARGS(['options', 'port', 'path']);
  }

  if (cb !== null) this.once('connect', cb);

  if (this.write !== Socket.prototype.write) this.write = Socket.prototype.write;

  if (this.destroyed) {
    this._handle = null;
    this._peername = null;
    this._sockname = null;
    this._undestroy();
  }

  const { path } = options;
  const pipe = Boolean(path);

  if (pipe) validateString(path, 'options.path');

  if (!this._handle) {
    this._handle = pipe ? new Pipe() : new TCP();
    this._initHandle();
    // The byte counts are those of the current connection.
    this[kBytesRead] = 0;
    this[kBytesWritten] = 0;
  }

  if (options.timeout) this.setTimeout(options.timeout);

  if (pipe) {
    this.connecting = true;
    internalConnect(this, path);
  } else {
    lookupAndConnect(this, options);
  }
  return this;
};

function lookupAndConnect(self, options) {
  const { localAddress, localPort } = options;
  const host = options.host || 'localhost';
  let { port, autoSelectFamilyAttemptTimeout, autoSelectFamily } = options;

  if (localAddress && !isIP(localAddress)) {
    throw new ERR_INVALID_IP_ADDRESS(localAddress);
  }
  if (localPort) validateNumber(localPort, 'options.localPort');

  if (typeof port !== 'undefined') {
    if (typeof port !== 'number' && typeof port !== 'string') {
      throw new ERR_INVALID_ARG_TYPE('options.port', ['number', 'string'],
                                     port);
    }
    validatePort(port);
  }
  port |= 0;

  if (autoSelectFamily !== undefined && autoSelectFamily !== null) {
    if (typeof autoSelectFamily !== 'boolean') {
      throw new ERR_INVALID_ARG_TYPE('options.autoSelectFamily', 'boolean',
                                     autoSelectFamily);
    }
  }
  if (autoSelectFamilyAttemptTimeout !== undefined) {
    validateInt32(autoSelectFamilyAttemptTimeout,
                  'options.autoSelectFamilyAttemptTimeout', 1);
  }

  if (typeof host !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('options.host', 'string', host);
  }

  // A numeric address needs no lookup; connect on the next tick so that
  // listeners added after connect() see every event.
  const addressType = isIP(host);
  if (addressType) {
    self.connecting = true;
    process.nextTick(() => {
      if (self.connecting) {
        internalConnect(self, host, port, addressType, localAddress,
                        localPort);
      }
    });
    return;
  }

  if (options.lookup != null) validateFunction(options.lookup, 'options.lookup');

  const dnsopts = {
    family: socketToDnsFamily(options.family),
    hints: options.hints || 0,
  };
  // (Node 18 adds no ADDRCONFIG hint of its own.)

  self._host = host;
  self.connecting = true;
  const lookup = options.lookup || lazyDns().lookup;

  if (autoSelectFamily === undefined || autoSelectFamily === null) {
    autoSelectFamily = autoSelectFamilyDefault;
  }
  if (autoSelectFamily && !localAddress && dnsopts.family !== 4 &&
      dnsopts.family !== 6) {
    lookupAndConnectMultiple(self, lookup, host, options, dnsopts, port,
                             localPort, autoSelectFamilyAttemptTimeout ||
                             autoSelectFamilyAttemptTimeoutDefault);
    return;
  }

  lookup(host, dnsopts, function emitLookup(err, ip, addressType) {
    self.emit('lookup', err, ip, addressType, host);
    // The socket may have been destroyed meanwhile.
    if (!self.connecting) return;
    if (err) {
      process.nextTick(() => self.destroy(err));
    } else if (!isIP(ip)) {
      err = new ERR_INVALID_IP_ADDRESS(ip);
      process.nextTick(() => self.destroy(err));
    } else if (addressType !== 4 && addressType !== 6) {
      err = new ERR_INVALID_ADDRESS_FAMILY(addressType, options.host,
                                           options.port);
      process.nextTick(() => self.destroy(err));
    } else {
      self._unrefTimer();
      internalConnect(self, ip, port, addressType, localAddress, localPort);
    }
  });
}

// autoSelectFamily (RFC 8305 section 5, loosely): every address of the
// host, IPv6 and IPv4 taking turns, each given attemptTimeout ms before
// the next is tried; the first to connect wins.
function lookupAndConnectMultiple(self, lookup, host, options, dnsopts, port,
                                  localPort, attemptTimeout) {
  lookup(host, { ...dnsopts, all: true }, (err, addresses) => {
    if (!self.connecting) return;
    // Node 18 emits no 'lookup' event here.
    if (err) {
      process.nextTick(() => self.destroy(err));
      return;
    }
    const v6 = [];
    const v4 = [];
    for (const { address, family } of addresses) {
      if (!isIP(address) || (family !== 4 && family !== 6)) {
        const ex = new ERR_INVALID_IP_ADDRESS(address);
        process.nextTick(() => self.destroy(ex));
        return;
      }
      (family === 6 ? v6 : v4).push({ address, family });
    }
    const order = [];
    for (let i = 0; i < Math.max(v6.length, v4.length); i++) {
      if (i < v6.length) order.push(v6[i]);
      if (i < v4.length) order.push(v4[i]);
    }
    if (order.length === 0) {
      const { dnsException } = require('internal/dns/utils');
      const ex = dnsException(UV_EAI_NONAME, 'getaddrinfo', host);
      process.nextTick(() => self.destroy(ex));
      return;
    }
    self.autoSelectFamilyAttemptedAddresses = [];
    self._unrefTimer();
    if (order.length === 1) {
      self.autoSelectFamilyAttemptedAddresses.push(
        `${order[0].address}:${port}`);
      internalConnect(self, order[0].address, port, order[0].family, undefined,
                      localPort);
      return;
    }
    attemptNext(self, { order, index: 0, errors: [], port, localPort,
                        attemptTimeout, timer: null });
  });
}

function attemptNext(self, ctx) {
  if (ctx.index >= ctx.order.length) {
    const ex = ctx.errors.length === 1 ? ctx.errors[0] :
      new AggregateError(ctx.errors, 'connect failed');
    if (ctx.errors.length > 1) ex.code = ctx.errors[0].code;
    self.destroy(ex);
    return;
  }
  const { address, family } = ctx.order[ctx.index++];
  const last = ctx.index === ctx.order.length;
  self.autoSelectFamilyAttemptedAddresses.push(`${address}:${ctx.port}`);
  // Each attempt gets a fresh handle; the failed one is closed.
  if (self._handle) self._handle.close();
  self._handle = new TCP();
  self._initHandle();
  const handle = self._handle;
  const fail = (status) => {
    if (ctx.timer) clearTimeout(ctx.timer);
    ctx.timer = null;
    ctx.errors.push(exceptionWithHostPort(status, 'connect', address,
                                          ctx.port));
    attemptNext(self, ctx);
  };
  let err = 0;
  if (ctx.localPort) {
    err = handle.bind(family === 4 ? '0.0.0.0' : '::', ctx.localPort);
  }
  if (err === 0) {
    err = handle.connect(address, ctx.port, (status) => {
      if (self.destroyed || self._handle !== handle) return;
      if (status === 0) {
        if (ctx.timer) clearTimeout(ctx.timer);
        afterConnect(self, { address, port: ctx.port }, 0);
      } else {
        fail(status);
      }
    });
  }
  if (err) {
    fail(err);
    return;
  }
  if (!last) {
    ctx.timer = setTimeout(() => {
      ctx.timer = null;
      if (self.destroyed || self._handle !== handle) return;
      const ex = new ERR_SOCKET_CONNECTION_TIMEOUT();
      ex.address = address;
      ex.port = ctx.port;
      ctx.errors.push(ex);
      attemptNext(self, ctx);
    }, ctx.attemptTimeout);
    ctx.timer.unref();
  }
}

function socketToDnsFamily(family) {
  switch (family) {
    case 'IPv4':
      return 4;
    case 'IPv6':
      return 6;
  }
  return family;
}

function internalConnect(self, address, port, addressType, localAddress,
                         localPort) {
  let err;
  if (localAddress || localPort) {
    if (addressType === 4) {
      localAddress = localAddress || '0.0.0.0';
    } else {
      localAddress = localAddress || '::';
    }
    err = self._handle.bind(localAddress, localPort || 0);
    if (err) {
      const ex = exceptionWithHostPort(err, 'bind', localAddress, localPort);
      self.destroy(ex);
      return;
    }
  }

  // perfStart: of its perf_hooks 'net' entry, when observed.
  const req = { address, port, localAddress, localPort, perfStart: undefined };
  const onComplete = (status) => afterConnect(self, req, status);
  if (addressType === 6 || addressType === 4) {
    req.perfStart = perfStart('net');
    err = self._handle.connect(address, port, onComplete);
  } else {
    err = self._handle.connect(address, onComplete);
  }
  if (err) {
    const sockname = self._getsockname();
    let details;
    if (sockname.address !== undefined) {
      details = `${sockname.address}:${sockname.port}`;
    }
    const ex = exceptionWithHostPort(err, 'connect', address, port, details);
    self.destroy(ex);
  }
}

function afterConnect(self, req, status) {
  if (self.destroyed) return;
  self.connecting = false;
  self._sockname = null;
  if (status === 0) {
    if (req.perfStart !== undefined) {
      perfEnd(req.perfStart, 'connect', 'net',
              { host: req.address, port: req.port });
    }
    self._applySocketOptions();
    self._unrefTimer();
    self.emit('connect');
    self.emit('ready');
    // Start reading once connected, unless paused meanwhile.
    if (self.readable && !self.isPaused()) self.read(0);
  } else {
    let details;
    if (req.localAddress && req.localPort) {
      details = `${req.localAddress}:${req.localPort}`;
    }
    const ex = exceptionWithHostPort(status, 'connect', req.address,
                                     req.port, details);
    if (details) {
      ex.localAddress = req.localAddress;
      ex.localPort = req.localPort;
    }
    self.destroy(ex);
  }
}

// ---------------------------------------------------------------------------
// Server

function Server(options, connectionListener) {
  if (!(this instanceof Server)) return new Server(options, connectionListener);
  EventEmitter.call(this);

  if (typeof options === 'function') {
    connectionListener = options;
    options = {};
    this.on('connection', connectionListener);
  } else if (options == null || typeof options === 'object') {
    options = { ...options };
    if (typeof connectionListener === 'function') {
      this.on('connection', connectionListener);
    }
  } else {
    throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  if (options.keepAliveInitialDelay !== undefined) {
    validateNumber(options.keepAliveInitialDelay,
                   'options.keepAliveInitialDelay');
    if (options.keepAliveInitialDelay < 0) options.keepAliveInitialDelay = 0;
  }

  this._connections = 0;
  this._handle = null;
  this._usingWorkers = false;
  this._workers = [];
  this._unref = false;
  this._pipeName = undefined;
  this._connectionKey = undefined;
  this.allowHalfOpen = options.allowHalfOpen || false;
  this.pauseOnConnect = Boolean(options.pauseOnConnect);
  this.noDelay = Boolean(options.noDelay);
  this.keepAlive = Boolean(options.keepAlive);
  // In seconds, as the handle takes it.
  this.keepAliveInitialDelay = ~~((options.keepAliveInitialDelay || 0) /
                                  1000);
  this.maxConnections = undefined;
}
Object.setPrototypeOf(Server.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Server, EventEmitter);

// Closes a listening server; resolves once it has closed.
Server.prototype[Symbol.asyncDispose] = function() {
  if (!this._handle) return Promise.resolve();
  return new Promise((resolve, reject) => {
    this.close((err) => (err ? reject(err) : resolve()));
  });
};

// Creates and binds a listening handle: a Pipe when address is a path
// (addressType -1), else a TCP handle. Returns the handle or an error.
function createServerHandle(address, port, addressType, fd, flags) {
  let handle;
  let err = 0;
  let isTCP = false;
  if (typeof fd === 'number' && fd >= 0) {
    try {
      handle = createHandle(fd);
    } catch {
      return UV_EINVAL;
    }
    err = handle.open(fd);
    if (err) {
      handle.close();
      return err;
    }
    return handle;
  } else if (port === -1 && addressType === -1) {
    handle = new Pipe();
  } else {
    handle = new TCP();
    isTCP = true;
  }

  if (address || port || isTCP) {
    if (!address) {
      // No host: every address, IPv6 first (dual stack), else IPv4.
      err = handle.bind('::', port, false);
      if (err) {
        handle.close();
        handle = new TCP();
        err = handle.bind('0.0.0.0', port);
      }
    } else if (addressType === 6) {
      err = handle.bind(address, port, Boolean(flags & 1));
    } else if (addressType === -1) {
      err = handle.bind(address);
    } else {
      err = handle.bind(address, port);
    }
  }

  if (err) {
    handle.close();
    return err;
  }
  return handle;
}

Server.prototype._listen2 = function(address, port, addressType, backlog,
                                     fd, flags) {
  if (this._handle === null) {
    let rval = null;
    if (!address && typeof fd !== 'number') {
      rval = createServerHandle('::', port, 6, fd, flags);
      if (typeof rval === 'number') {
        rval = null;
        address = '0.0.0.0';
        addressType = 4;
      } else {
        address = '::';
        addressType = 6;
      }
    }
    if (rval === null) {
      rval = createServerHandle(address, port, addressType, fd, flags);
    }
    if (typeof rval === 'number') {
      const error = uvExceptionWithHostPort(rval, 'listen', address, port);
      process.nextTick(() => this.emit('error', error));
      return;
    }
    this._handle = rval;
  }

  this._handle.onconnection = (err, clientHandle) =>
    onconnection(this, err, clientHandle);
  this._handle[ownerSymbol] = this;

  const err = this._handle.listen(backlog || 511);
  if (err) {
    const ex = uvExceptionWithHostPort(err, 'listen', address, port);
    this._handle.close();
    this._handle = null;
    process.nextTick(() => this.emit('error', ex));
    return;
  }

  this._connectionKey = `${addressType}:${address}:${port}`;
  if (this._unref) this.unref();
  process.nextTick(() => {
    if (this._handle) this.emit('listening');
  });
};

// In a cluster worker a server listens through the primary (lib/internal/
// cluster/child.js), unless it asked for an exclusive port; the primary
// and ordinary processes listen by themselves.
function listenInCluster(server, address, port, addressType, backlog, fd,
                         exclusive, flags) {
  exclusive = !!exclusive;
  const cluster = require('cluster');
  if (cluster.isPrimary || exclusive) {
    server._listen2(address, port, addressType, backlog, fd, flags);
    return;
  }
  const query = { address, port, addressType, fd, flags, backlog };
  cluster._getServer(server, query, (err, handle) => {
    if (err === 0 && handle) {
      server._handle = handle;
      server._listen2(address, port, addressType, backlog, fd, flags);
      return;
    }
    const ex = uvExceptionWithHostPort(err || -22, 'bind', address, port);
    server.emit('error', ex);
  });
}

// listen(port[, host][, backlog][, cb]) / listen(path[, backlog][, cb]) /
// listen(options[, cb]) / listen(handle[, backlog][, cb])
Server.prototype.listen = function(...args) {
  const normalized = normalizeArgs(args);
  let options = normalized[0];
  const cb = normalized[1];

  if (this._handle) throw new ERR_SERVER_ALREADY_LISTEN();

  if (cb !== null) this.once('listening', cb);

  const backlogFromArgs =
    toNumber(args.length > 1 && args[1]) ||
    toNumber(args.length > 2 && args[2]);
  const backlog = options.backlog || backlogFromArgs;

  options = options._handle || options.handle || options;
  const flags = options.ipv6Only ? 1 : 0;

  if (options.signal !== undefined) {
    validateAbortSignal(options.signal, 'options.signal');
    const { signal } = options;
    const onAborted = () => this.close();
    if (signal.aborted) {
      process.nextTick(onAborted);
    } else {
      signal.addEventListener('abort', onAborted, { once: true });
      this.once('close', () => signal.removeEventListener('abort', onAborted));
    }
  }

  // A handle or an fd given directly.
  if (options instanceof TCP || options instanceof Pipe) {
    this._handle = options;
    this[ownerSymbol] = this;
    listenInCluster(this, null, -1, -1, backlog);
    return this;
  }
  if (typeof options.fd === 'number' && options.fd >= 0) {
    listenInCluster(this, null, null, null, backlog, options.fd);
    return this;
  }

  // listen(), listen(undefined), listen(null) and listen(cb) take port 0.
  if (args.length === 0 || typeof args[0] === 'function' ||
      (typeof options.port === 'undefined' && 'port' in options) ||
      options.port === null) {
    options.port = 0;
  }
  let port;
  if (typeof options.port === 'number' || typeof options.port === 'string') {
    port = validatePort(options.port, 'options.port');
    if (options.host) {
      lookupAndListen(this, port, options.host, backlog, options.exclusive,
                      flags);
    } else {
      listenInCluster(this, null, port, 4, backlog, undefined,
                      options.exclusive);
    }
    return this;
  }

  if (options.path && isPipeName(options.path)) {
    const pipeName = this._pipeName = options.path;
    listenInCluster(this, pipeName, -1, -1, backlog, undefined,
                    options.exclusive);
    if (!this._handle) return this;
    let mode = 0;
    if (options.readableAll === true) mode |= 1;
    if (options.writableAll === true) mode |= 2;
    if (mode !== 0) {
      const err = this._handle.fchmod(mode);
      if (err) {
        this._handle.close();
        this._handle = null;
        throw errnoException(err, 'uv_pipe_chmod');
      }
    }
    return this;
  }

  if (!('port' in options || 'path' in options)) {
    throw new ERR_INVALID_ARG_VALUE('options', options,
                                    'must have the property "port" or "path"');
  }
  throw new ERR_INVALID_ARG_VALUE('options', options);
};

function lookupAndListen(self, port, address, backlog, exclusive, flags) {
  lazyDns().lookup(address, (err, ip, addressType) => {
    if (err) {
      self.emit('error', err);
    } else {
      addressType = ip ? addressType : 4;
      listenInCluster(self, ip, port, addressType, backlog, undefined,
                      exclusive, flags);
    }
  });
}

function onconnection(self, err, clientHandle) {
  if (err) {
    self.emit('error', errnoException(err, 'accept'));
    return;
  }
  if (self.maxConnections && self._connections >= self.maxConnections) {
    const data = {};
    const peer = {};
    const local = {};
    if (clientHandle.getpeername && clientHandle.getpeername(peer) === 0 &&
        clientHandle.getsockname(local) === 0) {
      data.localAddress = local.address;
      data.localPort = local.port;
      data.localFamily = local.family;
      data.remoteAddress = peer.address;
      data.remotePort = peer.port;
      data.remoteFamily = peer.family;
    }
    clientHandle.close();
    self.emit('drop', data);
    return;
  }
  const socket = new Socket({
    handle: clientHandle,
    allowHalfOpen: self.allowHalfOpen,
    pauseOnCreate: self.pauseOnConnect,
    readable: true,
    writable: true,
  });
  if (self.noDelay && clientHandle.setNoDelay) {
    socket[kSetNoDelay] = true;
    clientHandle.setNoDelay(true);
  }
  if (self.keepAlive && clientHandle.setKeepAlive) {
    socket[kSetKeepAlive] = true;
    socket[kSetKeepAliveInitialDelay] = self.keepAliveInitialDelay;
    clientHandle.setKeepAlive(true, self.keepAliveInitialDelay);
  }
  self._connections++;
  socket.server = self;
  socket._server = self;
  self.emit('connection', socket);
  if (serverSocketChannel.hasSubscribers) {
    serverSocketChannel.publish({ socket });
  }
}

Object.defineProperty(Server.prototype, 'listening', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() { return Boolean(this._connectionKey) && this._handle !== null; },
});

Server.prototype.address = function() {
  if (this._handle && this._handle.getsockname) {
    if (this._handle instanceof Pipe) return this._pipeName;
    const out = {};
    const err = this._handle.getsockname(out);
    if (err) throw errnoException(err, 'address');
    return out;
  } else if (this._pipeName) {
    return this._pipeName;
  }
  return null;
};

Server.prototype.getConnections = function(cb) {
  process.nextTick(cb, null, this._connections);
  return this;
};

Server.prototype.close = function(cb) {
  if (typeof cb === 'function') {
    if (!this._handle) {
      this.once('close', function close() {
        cb(new ERR_SERVER_NOT_RUNNING());
      });
    } else {
      this.once('close', cb);
    }
  }
  if (this._handle) {
    this._handle.close();
    this._handle = null;
  }
  if (this._usingWorkers && this._workers.length > 0) {
    // Connections sent to child processes count until they closed there
    // (internal/child_process/channel.js asks each child).
    let left = this._workers.length;
    this._connections++;
    for (const worker of this._workers.slice()) {
      worker.close(() => {
        if (--left !== 0) return;
        this._connections--;
        this._emitCloseIfDrained();
      });
    }
    return this;
  }
  this._emitCloseIfDrained();
  return this;
};

Server.prototype._emitCloseIfDrained = function() {
  if (this._handle || this._connections) return;
  process.nextTick(() => this.emit('close'));
};

Server.prototype.ref = function() {
  this._unref = false;
  if (this._handle) this._handle.ref();
  return this;
};

Server.prototype.unref = function() {
  this._unref = true;
  if (this._handle) this._handle.unref();
  return this;
};

Server.prototype[EventEmitter.captureRejectionSymbol] = function(err, event,
                                                                 sock) {
  switch (event) {
    case 'connection':
      sock.destroy(err);
      break;
    default:
      this.emit('error', err);
  }
};

// ---------------------------------------------------------------------------

function createServer(options, connectionListener) {
  return new Server(options, connectionListener);
}

function connect(...args) {
  const normalized = normalizeArgs(args);
  const options = normalized[0];
  const socket = new Socket(options);
  if (clientSocketChannel.hasSubscribers) {
    clientSocketChannel.publish({ socket });
  }
  if (options.timeout) socket.setTimeout(options.timeout);
  return socket.connect(normalized);
}

// Windows only in Node; elsewhere it does nothing but warn.
let simultaneousAcceptsWarned = false;
function _setSimultaneousAccepts() {
  if (!simultaneousAcceptsWarned) {
    simultaneousAcceptsWarned = true;
    process.emitWarning(
      'net._setSimultaneousAccepts() is deprecated and will be removed.',
      'DeprecationWarning', 'DEP0121');
  }
}

function getDefaultAutoSelectFamily() {
  return autoSelectFamilyDefault;
}

function setDefaultAutoSelectFamily(value) {
  if (typeof value !== 'boolean') {
    throw new ERR_INVALID_ARG_TYPE('value', 'boolean', value);
  }
  autoSelectFamilyDefault = value;
}

function getDefaultAutoSelectFamilyAttemptTimeout() {
  return autoSelectFamilyAttemptTimeoutDefault;
}

function setDefaultAutoSelectFamilyAttemptTimeout(value) {
  validateInt32(value, 'value', 1);
  if (value < 10) value = 10;
  autoSelectFamilyAttemptTimeoutDefault = value;
}

module.exports = {
  _createServerHandle: createServerHandle,
  _normalizeArgs: normalizeArgs,
  _setSimultaneousAccepts,
  BlockList,
  SocketAddress,
  connect,
  createConnection: connect,
  createServer,
  isIP,
  isIPv4,
  isIPv6,
  Server,
  Socket,
  Stream: Socket,
  getDefaultAutoSelectFamily,
  setDefaultAutoSelectFamily,
  getDefaultAutoSelectFamilyAttemptTimeout,
  setDefaultAutoSelectFamilyAttemptTimeout,
};
