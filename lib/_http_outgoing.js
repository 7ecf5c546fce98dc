'use strict';

// OutgoingMessage: what ServerResponse and ClientRequest share. Headers
// are kept by lowercased name until the head is rendered (_storeHeader);
// the head then goes out with the first body bytes. Until a socket is
// assigned (a pipelined response waiting for the one before it), output is
// queued in outputData.

const EE = require('events');
const { Stream } = require('stream');
const { Buffer } = require('buffer');
const {
  _checkInvalidHeaderChar: checkInvalidHeaderChar,
  _checkIsHttpToken: checkIsHttpToken,
  chunkExpression,
  utcDate,
  adoptClass,
} = require('_http_common');
const { getDefaultHighWaterMark } = require('internal/streams/state');
const { validateString } = require('internal/validators');
const {
  codes: {
    ERR_HTTP_BODY_NOT_ALLOWED,
    ERR_HTTP_CONTENT_LENGTH_MISMATCH,
    ERR_HTTP_HEADERS_SENT,
    ERR_HTTP_INVALID_HEADER_VALUE,
    ERR_HTTP_TRAILER_INVALID,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_CHAR,
    ERR_INVALID_HTTP_TOKEN,
    ERR_METHOD_NOT_IMPLEMENTED,
    ERR_STREAM_ALREADY_FINISHED,
    ERR_STREAM_CANNOT_PIPE,
    ERR_STREAM_DESTROYED,
    ERR_STREAM_NULL_VALUES,
    ERR_STREAM_WRITE_AFTER_END,
  },
} = require('internal/errors');

const kOutHeaders = Symbol('kOutHeaders');
const kNeedDrain = Symbol('kNeedDrain');
const kCorked = Symbol('corked');
const kHighWaterMark = Symbol('kHighWaterMark');
const kBytesWritten = Symbol('kBytesWritten');
const kErrored = Symbol('errored');
const kUniqueHeaders = Symbol('kUniqueHeaders');
const kRejectNonStandardBodyWrites = Symbol('kRejectNonStandardBodyWrites');

const CRLF = '\r\n';
const crlfBuf = Buffer.from('\r\n');
const nonAsciiRegExp = /[^\x00-\x7f]/;
const nop = () => {};
// Bodies up to this size are copied behind the head (see _send).
const kMergeLimit = 8192;

function validateHeaderName(name, label = 'Header name') {
  if (typeof name !== 'string' || !name || !checkIsHttpToken(name)) {
    throw new ERR_INVALID_HTTP_TOKEN(label, name);
  }
}

function validateHeaderValue(name, value) {
  if (value === undefined) {
    throw new ERR_HTTP_INVALID_HEADER_VALUE(value, name);
  }
  if (checkInvalidHeaderChar(value)) {
    throw new ERR_INVALID_CHAR('header content', name);
  }
}

function isCookieField(s) {
  return s.length === 6 && s.toLowerCase() === 'cookie';
}

function OutgoingMessage(options) {
  Stream.call(this);
  this.outputData = [];
  this.outputSize = 0;
  this.writable = true;
  this.destroyed = false;
  this._last = false;
  this.chunkedEncoding = false;
  this.shouldKeepAlive = true;
  this.maxRequestsOnConnectionReached = false;
  this._defaultKeepAlive = true;
  this.useChunkedEncodingByDefault = true;
  this.sendDate = false;
  this._removedConnection = false;
  this._removedContLen = false;
  this._removedTE = false;
  this.strictContentLength = false;
  this[kBytesWritten] = 0;
  this._contentLength = null;
  this._hasBody = true;
  this._trailer = '';
  this[kNeedDrain] = false;
  this.finished = false;
  this._headerSent = false;
  this[kCorked] = 0;
  this.socket = null;
  this._header = null;
  this[kOutHeaders] = null;
  this._keepAliveTimeout = 0;
  this._onPendingData = nop;
  this[kErrored] = null;
  this[kHighWaterMark] = (options && options.highWaterMark) ||
    getDefaultHighWaterMark();
  this[kRejectNonStandardBodyWrites] =
    (options && options.rejectNonStandardBodyWrites) || false;
}

class OutgoingMessageMethods extends Stream {
  get writableFinished() {
    return this.finished && this.outputSize === 0 &&
      (!this.socket || this.socket.writableLength === 0);
  }

  get writableObjectMode() {
    return false;
  }

  get writableLength() {
    return this.outputSize + (this.socket ? this.socket.writableLength : 0);
  }

  get writableHighWaterMark() {
    return this.socket ? this.socket.writableHighWaterMark :
      this[kHighWaterMark];
  }

  get writableCorked() {
    return this.socket ? this.socket.writableCorked : this[kCorked];
  }

  get writableEnded() {
    return this.finished;
  }

  get writableNeedDrain() {
    return !this.destroyed && !this.finished && this[kNeedDrain];
  }

  get errored() {
    return this[kErrored];
  }

  get closed() {
    return this._closed === true;
  }

  get connection() {
    return this.socket;
  }

  set connection(val) {
    this.socket = val;
  }

  get headersSent() {
    return !!this._header;
  }

  cork() {
    if (this.socket) {
      this.socket.cork();
    } else {
      this[kCorked]++;
    }
  }

  uncork() {
    if (this.socket) {
      this.socket.uncork();
    } else if (this[kCorked]) {
      this[kCorked]--;
    }
  }

  setTimeout(msecs, callback) {
    if (callback) this.on('timeout', callback);
    if (!this.socket) {
      this.once('socket', (socket) => socket.setTimeout(msecs));
    } else {
      this.socket.setTimeout(msecs);
    }
    return this;
  }

  destroy(error) {
    if (this.destroyed) return this;
    this.destroyed = true;
    this[kErrored] = error;
    if (this.socket) {
      this.socket.destroy(error);
    } else {
      this.once('socket', (socket) => socket.destroy(error));
    }
    return this;
  }

  // Queues data (prepending the head the first time) for the socket.
  _send(data, encoding, callback, byteLength) {
    if (!this._headerSent && this._header !== null) {
      // The head is Latin-1; only a pure ASCII one may share the body's
      // encoding.
      if (typeof data === 'string' &&
          (encoding === 'latin1' ||
           ((encoding === 'utf8' || !encoding) &&
            !nonAsciiRegExp.test(this._header)))) {
        data = this._header + data;
      } else if (data instanceof Uint8Array && data.length <= kMergeLimit &&
                 this.outputData.length === 0) {
        // A small body leaves with the head in one buffer: one write to
        // the socket rather than two.
        const header = this._header;
        const merged = Buffer.allocUnsafe(header.length + data.length);
        merged.latin1Write(header, 0, header.length);
        merged.set(data, header.length);
        data = merged;
        encoding = null;
      } else {
        const header = this._header;
        this.outputData.unshift({ data: header, encoding: 'latin1',
                                  callback: null });
        this.outputSize += header.length;
        this._onPendingData(header.length);
      }
      this._headerSent = true;
    }
    return this._writeRaw(data, encoding, callback, byteLength);
  }

  _writeRaw(data, encoding, callback, size) {
    const conn = this.socket;
    if (conn && conn.destroyed) return false;
    if (typeof encoding === 'function') {
      callback = encoding;
      encoding = null;
    }
    if (conn && conn._httpMessage === this && conn.writable) {
      if (this.outputData.length === 0)
        return conn.write(data, encoding, callback);
      // What was queued (the head, often) and this leave in one writev.
      conn.cork();
      this._flushOutput(conn);
      const ret = conn.write(data, encoding, callback);
      conn.uncork();
      return ret;
    }
    this.outputData.push({ data, encoding, callback });
    this.outputSize += data.length;
    this._onPendingData(data.length);
    return this.outputSize < this[kHighWaterMark];
  }

  // Renders the head: the first line, then the headers, then what Node
  // adds on its own (Date, Connection, Keep-Alive, Content-Length or
  // Transfer-Encoding), in that order.
  _storeHeader(firstLine, headers) {
    const state = {
      connection: false,
      contLen: false,
      te: false,
      date: false,
      expect: false,
      trailer: false,
      header: firstLine,
    };
    if (headers) {
      if (headers === this[kOutHeaders]) {
        for (const key in headers) {
          const entry = headers[key];
          processHeader(this, state, entry[0], entry[1], false);
        }
      } else if (Array.isArray(headers)) {
        if (headers.length && Array.isArray(headers[0])) {
          for (let i = 0; i < headers.length; i++) {
            const entry = headers[i];
            processHeader(this, state, entry[0], entry[1], true);
          }
        } else {
          if (headers.length % 2 !== 0) {
            throw new ERR_INVALID_ARG_VALUE('headers', headers);
          }
          for (let n = 0; n < headers.length; n += 2) {
            processHeader(this, state, headers[n], headers[n + 1], true);
          }
        }
      } else {
        for (const key in headers) {
          if (Object.prototype.hasOwnProperty.call(headers, key)) {
            processHeader(this, state, key, headers[key], true);
          }
        }
      }
    }

    let { header } = state;
    if (this.sendDate && !state.date) {
      header += 'Date: ' + utcDate() + CRLF;
    }

    if (this._removedConnection) {
      // No Connection header was wanted: nothing says the connection
      // stays open, so it does not.
      this._last = true;
    } else if (!state.connection) {
      // A bodiless response (204, 304) that still says chunked leaves the
      // peer unsure where it ends: such a connection is closed after it.
      const keepAlive = this.shouldKeepAlive &&
        (state.contLen || this.useChunkedEncodingByDefault || this.agent) &&
        !(state.te && !this._hasBody);
      if (keepAlive && this.maxRequestsOnConnectionReached) {
        header += 'Connection: close' + CRLF;
      } else if (keepAlive) {
        header += 'Connection: keep-alive' + CRLF;
        if (this._keepAliveTimeout && this._defaultKeepAlive) {
          const timeout = Math.floor(this._keepAliveTimeout / 1000);
          let max = '';
          if (this._maxRequestsPerSocket > 0) {
            max = `, max=${this._maxRequestsPerSocket}`;
          }
          header += `Keep-Alive: timeout=${timeout}${max}${CRLF}`;
        }
      } else {
        this._last = true;
        header += 'Connection: close' + CRLF;
      }
    }

    if (!state.contLen && !state.te) {
      if (!this._hasBody) {
        // No body: no length and no terminating chunk either.
        this.chunkedEncoding = false;
      } else if (!this.useChunkedEncodingByDefault) {
        this._last = true;
      } else if (!state.trailer && !this._removedContLen &&
                 typeof this._contentLength === 'number') {
        header += 'Content-Length: ' + this._contentLength + CRLF;
      } else if (!this._removedTE) {
        header += 'Transfer-Encoding: chunked' + CRLF;
        this.chunkedEncoding = true;
      } else {
        // Neither a length nor chunks: the end of the body is the end of
        // the connection.
        this._last = true;
      }
    }

    if (this.chunkedEncoding !== true && state.trailer) {
      throw new ERR_HTTP_TRAILER_INVALID();
    }

    this._header = header + CRLF;
    this._headerSent = false;
    // Wait for the peer's 100 Continue: send the head alone now.
    if (state.expect) this._send('');
  }

  setHeader(name, value) {
    if (this._header) throw new ERR_HTTP_HEADERS_SENT('set');
    validateHeaderName(name);
    validateHeaderValue(name, value);
    let headers = this[kOutHeaders];
    if (headers === null) this[kOutHeaders] = headers = Object.create(null);
    headers[name.toLowerCase()] = [name, value];
    return this;
  }

  appendHeader(name, value) {
    if (this._header) throw new ERR_HTTP_HEADERS_SENT('append');
    validateHeaderName(name);
    validateHeaderValue(name, value);
    const field = name.toLowerCase();
    let headers = this[kOutHeaders];
    if (headers === null) this[kOutHeaders] = headers = Object.create(null);
    if (headers[field] === undefined) {
      headers[field] = [name, value];
      return this;
    }
    const existing = headers[field][1];
    const values = Array.isArray(existing) ? existing : [existing];
    headers[field][1] = values.concat(value);
    return this;
  }

  getHeader(name) {
    validateString(name, 'name');
    const headers = this[kOutHeaders];
    if (headers === null) return;
    const entry = headers[name.toLowerCase()];
    return entry && entry[1];
  }

  getHeaderNames() {
    return this[kOutHeaders] !== null ? Object.keys(this[kOutHeaders]) : [];
  }

  getRawHeaderNames() {
    const headers = this[kOutHeaders];
    if (headers === null) return [];
    return Object.values(headers).map((entry) => entry[0]);
  }

  getHeaders() {
    const headers = this[kOutHeaders];
    const ret = Object.create(null);
    if (headers) {
      for (const key of Object.keys(headers)) ret[key] = headers[key][1];
    }
    return ret;
  }

  hasHeader(name) {
    validateString(name, 'name');
    return this[kOutHeaders] !== null &&
      !!this[kOutHeaders][name.toLowerCase()];
  }

  removeHeader(name) {
    validateString(name, 'name');
    if (this._header) throw new ERR_HTTP_HEADERS_SENT('remove');
    const key = name.toLowerCase();
    switch (key) {
      case 'connection':
        this._removedConnection = true;
        break;
      case 'content-length':
        this._removedContLen = true;
        break;
      case 'transfer-encoding':
        this._removedTE = true;
        break;
      case 'date':
        this.sendDate = false;
        break;
    }
    if (this[kOutHeaders] !== null) delete this[kOutHeaders][key];
  }

  _implicitHeader() {
    throw new ERR_METHOD_NOT_IMPLEMENTED('_implicitHeader()');
  }

  write(chunk, encoding, callback) {
    if (typeof encoding === 'function') {
      callback = encoding;
      encoding = null;
    }
    const ret = write_(this, chunk, encoding, callback, false);
    if (!ret) this[kNeedDrain] = true;
    return ret;
  }

  addTrailers(headers) {
    this._trailer = '';
    const keys = Object.keys(headers);
    const isArray = Array.isArray(headers);
    for (let i = 0; i < keys.length; i++) {
      let field, value;
      if (isArray) {
        field = headers[keys[i]][0];
        value = headers[keys[i]][1];
      } else {
        field = keys[i];
        value = headers[field];
      }
      if (typeof field !== 'string' || !field || !checkIsHttpToken(field)) {
        throw new ERR_INVALID_HTTP_TOKEN('Trailer name', field);
      }
      if (Array.isArray(value) && value.length > 1 &&
          (!this[kUniqueHeaders] ||
           !this[kUniqueHeaders].has(field.toLowerCase()))) {
        for (let j = 0; j < value.length; j++) {
          if (checkInvalidHeaderChar(value[j])) {
            throw new ERR_INVALID_CHAR('trailer content', field);
          }
          this._trailer += field + ': ' + value[j] + CRLF;
        }
      } else {
        if (Array.isArray(value)) value = value.join('; ');
        if (checkInvalidHeaderChar(value)) {
          throw new ERR_INVALID_CHAR('trailer content', field);
        }
        this._trailer += field + ': ' + value + CRLF;
      }
    }
  }

  end(chunk, encoding, callback) {
    if (typeof chunk === 'function') {
      callback = chunk;
      chunk = null;
      encoding = null;
    } else if (typeof encoding === 'function') {
      callback = encoding;
      encoding = null;
    }

    let finish;
    if (chunk) {
      if (this.finished) {
        onError(this, new ERR_STREAM_WRITE_AFTER_END(),
                typeof callback !== 'function' ? nop : callback);
        return this;
      }
      const socket = this.socket;
      if (socket && endNeedsCork(this, chunk, encoding)) socket.cork();
      finish = onFinish.bind(undefined, this);
      finishTaken = false;
      write_(this, chunk, encoding, null, true, finish);
      if (finishTaken) {
        // The chunk's write carries the finish callback.
        finishTaken = false;
        finish = null;
      }
    } else if (this.finished) {
      if (typeof callback === 'function') {
        if (!this.writableFinished) {
          this.on('finish', callback);
        } else {
          callback(new ERR_STREAM_ALREADY_FINISHED('end'));
        }
      }
      return this;
    } else if (!this._header) {
      if (this.socket) this.socket.cork();
      this._contentLength = 0;
      this._implicitHeader();
    }

    if (typeof callback === 'function') this.once('finish', callback);

    if (strictContentLength(this) &&
        this[kBytesWritten] !== this._contentLength) {
      throw new ERR_HTTP_CONTENT_LENGTH_MISMATCH(this[kBytesWritten],
                                                 this._contentLength);
    }

    if (finish === undefined) finish = onFinish.bind(undefined, this);
    if (finish === null) {
      // Already on its way with the chunk.
    } else if (this._hasBody && this.chunkedEncoding) {
      this._send('0\r\n' + this._trailer + '\r\n', 'latin1', finish);
    } else if (!this._headerSent || this.writableLength || chunk) {
      this._send('', 'latin1', finish);
    } else {
      process.nextTick(finish);
    }

    if (this.socket) {
      // Everything of this message goes out now, whatever the cork depth.
      while (this.socket.writableCorked) this.socket.uncork();
    }
    this[kCorked] = 0;

    this.finished = true;

    // With nothing queued the message is done; a queued one finishes when
    // its socket arrives and takes the queue (_flush).
    if (this.outputData.length === 0 && this.socket &&
        this.socket._httpMessage === this) {
      this._finish();
    }
    return this;
  }

  _finish() {
    this.emit('prefinish');
  }

  // Sends what was queued before the socket came.
  _flush() {
    const socket = this.socket;
    if (socket && socket.writable) {
      const ret = this._flushOutput(socket);
      if (this.finished) {
        this._finish();
      } else if (ret && this[kNeedDrain]) {
        this[kNeedDrain] = false;
        this.emit('drain');
      }
    }
  }

  _flushOutput(socket) {
    while (this[kCorked]) {
      this[kCorked]--;
      socket.cork();
    }
    const outputData = this.outputData;
    if (outputData.length <= 0) return undefined;
    socket.cork();
    let ret;
    for (let i = 0; i < outputData.length; i++) {
      const { data, encoding, callback } = outputData[i];
      ret = socket.write(data, encoding, callback);
    }
    socket.uncork();
    this.outputData = [];
    this._onPendingData(-this.outputSize);
    this.outputSize = 0;
    return ret;
  }

  flushHeaders() {
    if (!this._header) this._implicitHeader();
    // Sends the head right away, without body bytes.
    this._send('');
  }

  // A rejected async listener (events.captureRejections) ends the
  // message and its connection with that error.
  [EE.captureRejectionSymbol](err, event) {
    this.destroy(err);
  }

  pipe() {
    // An OutgoingMessage is writable only.
    this.emit('error', new ERR_STREAM_CANNOT_PIPE());
  }
}

adoptClass(OutgoingMessage, OutgoingMessageMethods);

function processHeader(self, state, key, value, validate) {
  if (validate) validateHeaderName(key);
  if (Array.isArray(value)) {
    if ((value.length < 2 || !isCookieField(key)) &&
        (!self[kUniqueHeaders] ||
         !self[kUniqueHeaders].has(key.toLowerCase()))) {
      // One line per value.
      for (let i = 0; i < value.length; i++) {
        storeHeader(self, state, key, value[i], validate);
      }
      return;
    }
    value = value.join('; ');
  }
  storeHeader(self, state, key, value, validate);
}

function storeHeader(self, state, key, value, validate) {
  if (validate) validateHeaderValue(key, value);
  state.header += key + ': ' + value + CRLF;
  matchHeader(self, state, key, value);
}

function matchHeader(self, state, field, value) {
  if (field.length < 4 || field.length > 17) return;
  field = field.toLowerCase();
  switch (field) {
    case 'connection':
      state.connection = true;
      self._removedConnection = false;
      if (/(?:^|\W)close(?:$|\W)/i.test(value)) {
        self._last = true;
      } else {
        self.shouldKeepAlive = true;
      }
      break;
    case 'transfer-encoding':
      state.te = true;
      self._removedTE = false;
      if (chunkExpression.test(value)) self.chunkedEncoding = true;
      break;
    case 'content-length':
      state.contLen = true;
      self._contentLength = +value;
      self._removedContLen = false;
      break;
    case 'date':
    case 'expect':
    case 'trailer':
      state[field] = true;
      break;
    case 'keep-alive':
      self._defaultKeepAlive = false;
      break;
  }
}

function strictContentLength(msg) {
  return msg.strictContentLength && msg._contentLength != null &&
    msg._hasBody && !msg._removedContLen && !msg.chunkedEncoding &&
    !msg.hasHeader('transfer-encoding');
}

function onError(msg, err, callback) {
  process.nextTick(emitErrorNt, msg, err, callback);
}

function emitErrorNt(msg, err, callback) {
  callback(err);
  if (typeof msg.emit === 'function' && !msg._closed) msg.emit('error', err);
}

function onFinish(outmsg) {
  if (outmsg && outmsg.socket && outmsg.socket._hadError) return;
  outmsg.emit('finish');
}

function connectionCorkNT(conn) {
  conn.uncork();
}

// Whether end(chunk) makes several writes to the socket, which a cork
// keeps together: not when the chunk goes out alone, with the head in one
// piece (see _send), or is a buffer. A head not yet made is made with the
// Content-Length of this chunk, so it is not chunked, unless the caller
// said so.
function endNeedsCork(msg, chunk, encoding) {
  if (msg.outputData.length !== 0) return true;
  if (msg._header) {
    if (msg.chunkedEncoding || !msg._hasBody) return true;
  } else if (msg[kOutHeaders] !== null && msg.hasHeader('transfer-encoding')) {
    return true;
  }
  // A big buffer is better written on its own after the head than copied
  // with it into one piece: the socket writes it without a copy.
  if (msg._headerSent || typeof chunk !== 'string') return false;
  // A string shares the head's write when their encodings agree.
  return !(encoding === 'latin1' ||
           ((encoding === 'utf8' || !encoding) &&
            (!msg._header || !nonAsciiRegExp.test(msg._header))));
}

// Set by write_ when it gave end()'s finish callback to the chunk's write.
let finishTaken = false;

function write_(msg, chunk, encoding, callback, fromEnd, finish) {
  if (typeof callback !== 'function') callback = nop;

  let err;
  if (msg.finished) {
    err = new ERR_STREAM_WRITE_AFTER_END();
  } else if (msg.destroyed) {
    err = new ERR_STREAM_DESTROYED('write');
  }
  if (err) {
    if (!msg.destroyed) {
      onError(msg, err, callback);
    } else {
      process.nextTick(callback, err);
    }
    return false;
  }

  if (chunk === null) {
    throw new ERR_STREAM_NULL_VALUES();
  } else if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
    throw new ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer',
                                             'Uint8Array'], chunk);
  }

  let len;
  if (msg.strictContentLength) {
    len = typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding) :
      chunk.byteLength;
    if (strictContentLength(msg) &&
        (fromEnd ? msg[kBytesWritten] + len !== msg._contentLength :
          msg[kBytesWritten] + len > msg._contentLength)) {
      throw new ERR_HTTP_CONTENT_LENGTH_MISMATCH(len + msg[kBytesWritten],
                                                 msg._contentLength);
    }
    msg[kBytesWritten] += len;
  }

  if (!msg._header) {
    if (fromEnd) {
      if (len === undefined) {
        len = typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding) :
          chunk.byteLength;
      }
      msg._contentLength = len;
    }
    msg._implicitHeader();
  }

  if (!msg._hasBody) {
    if (msg[kRejectNonStandardBodyWrites]) {
      throw new ERR_HTTP_BODY_NOT_ALLOWED();
    }
    // A HEAD response or a 204/304 carries no body: drop it quietly.
    process.nextTick(callback);
    return true;
  }

  if (!fromEnd && msg.socket && !msg.socket.writableCorked) {
    // Writes of one tick leave in one packet.
    msg.socket.cork();
    process.nextTick(connectionCorkNT, msg.socket);
  }

  let ret;
  if (msg.chunkedEncoding && chunk.length !== 0) {
    if (len === undefined) {
      len = typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding) :
        chunk.byteLength;
    }
    msg._send(len.toString(16), 'latin1', null);
    msg._send(crlfBuf, null, null);
    msg._send(chunk, encoding, null, len);
    ret = msg._send(crlfBuf, null, callback);
  } else if (finish !== undefined) {
    // The last chunk of end(): 'finish' follows its write.
    ret = msg._send(chunk, encoding, finish, len);
    finishTaken = true;
  } else {
    ret = msg._send(chunk, encoding, callback, len);
  }
  return ret;
}

// The uniqueHeaders option: names whose several values go out as one
// line joined with '; '.
function parseUniqueHeadersOption(headers) {
  if (!Array.isArray(headers)) return null;
  const unique = new Set();
  for (const name of headers) unique.add(String(name).toLowerCase());
  return unique;
}

module.exports = {
  parseUniqueHeadersOption,
  kHighWaterMark,
  kUniqueHeaders,
  kOutHeaders,
  kNeedDrain,
  validateHeaderName,
  validateHeaderValue,
  OutgoingMessage,
};
