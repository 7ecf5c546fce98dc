'use strict';

// The HTTP server: a net.Server whose connections each get a parser; every
// request becomes an IncomingMessage and a ServerResponse. Responses of
// pipelined requests wait in order for the socket.

const net = require('net');
const dc = require('diagnostics_channel');
const { kBytesRead } = require('internal/net');
const EE = require('events');
const {
  parsers,
  freeParser,
  continueExpression,
  chunkExpression,
  kIncomingMessage,
  HTTPParser,
  prepareError,
  isLenient,
  _checkInvalidHeaderChar: checkInvalidHeaderChar,
  adoptClass,
  kPerfStart,
} = require('_http_common');
const { perfEnd, perfStart } = require('internal/perf/observe');
const { IncomingMessage } = require('_http_incoming');
const {
  OutgoingMessage,
  kOutHeaders,
  kNeedDrain,
  kUniqueHeaders,
  parseUniqueHeadersOption,
} = require('_http_outgoing');
const {
  validateBoolean,
  validateInteger,
  validateLinkHeaderValue,
  validateObject,
} = require('internal/validators');
const {
  codes: {
    ERR_HTTP_HEADERS_SENT,
    ERR_HTTP_INVALID_STATUS_CODE,
    ERR_HTTP_REQUEST_TIMEOUT,
    ERR_HTTP_SOCKET_ASSIGNED,
    ERR_HTTP_SOCKET_ENCODING,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_CHAR,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');

const STATUS_CODES = {
  100: 'Continue',
  101: 'Switching Protocols',
  102: 'Processing',
  103: 'Early Hints',
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  203: 'Non-Authoritative Information',
  204: 'No Content',
  205: 'Reset Content',
  206: 'Partial Content',
  207: 'Multi-Status',
  208: 'Already Reported',
  226: 'IM Used',
  300: 'Multiple Choices',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  305: 'Use Proxy',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  407: 'Proxy Authentication Required',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  411: 'Length Required',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable',
  417: 'Expectation Failed',
  418: 'I\'m a Teapot',
  421: 'Misdirected Request',
  422: 'Unprocessable Entity',
  423: 'Locked',
  424: 'Failed Dependency',
  425: 'Too Early',
  426: 'Upgrade Required',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  505: 'HTTP Version Not Supported',
  506: 'Variant Also Negotiates',
  507: 'Insufficient Storage',
  508: 'Loop Detected',
  509: 'Bandwidth Limit Exceeded',
  510: 'Not Extended',
  511: 'Network Authentication Required'
};

const kServerResponse = Symbol('ServerResponse');
const kConnections = Symbol('http.server.connections');
const kCheckInterval = Symbol('http.server.connectionsCheckingInterval');

function connResetException(msg) {
  const err = new Error(msg);
  err.code = 'ECONNRESET';
  return err;
}

function ServerResponse(req, options) {
  OutgoingMessage.call(this, options);
  if (req.method === 'HEAD') this._hasBody = false;
  this.req = req;
  this.sendDate = true;
  this._sent100 = false;
  this._expect_continue = false;
  this.statusCode = 200;
  this.statusMessage = undefined;
  if (req.httpVersionMajor < 1 || req.httpVersionMinor < 1) {
    // An HTTP/1.0 peer understands chunks only when it says so.
    this.useChunkedEncodingByDefault = chunkExpression.test(req.headers.te);
    this.shouldKeepAlive = false;
  }
}

class ServerResponseMethods extends OutgoingMessage {
  assignSocket(socket) {
    if (socket._httpMessage) throw new ERR_HTTP_SOCKET_ASSIGNED();
    socket._httpMessage = this;
    socket.on('close', onServerResponseClose);
    this.socket = socket;
    this.emit('socket', socket);
    this._flush();
  }

  detachSocket(socket) {
    socket.removeListener('close', onServerResponseClose);
    socket._httpMessage = null;
    this.socket = null;
  }

  writeContinue(cb) {
    this._writeRaw('HTTP/1.1 100 Continue\r\n\r\n', 'ascii', cb);
    this._sent100 = true;
  }

  writeProcessing(cb) {
    this._writeRaw('HTTP/1.1 102 Processing\r\n\r\n', 'ascii', cb);
  }

  writeEarlyHints(hints, cb) {
    validateObject(hints, 'hints');
    if (hints.link === null || hints.link === undefined) return;
    const link = validateLinkHeaderValue(hints.link);
    if (link.length === 0) return;
    let head = 'HTTP/1.1 103 Early Hints\r\n';
    head += 'Link: ' + link + '\r\n';
    for (const key of Object.keys(hints)) {
      if (key !== 'link') head += key + ': ' + hints[key] + '\r\n';
    }
    head += '\r\n';
    this._writeRaw(head, 'ascii', cb);
  }

  _implicitHeader() {
    this.writeHead(this.statusCode);
  }

  writeHead(statusCode, reason, obj) {
    if (this._header) throw new ERR_HTTP_HEADERS_SENT('render');
    const originalStatusCode = statusCode;
    statusCode |= 0;
    if (statusCode < 100 || statusCode > 999) {
      throw new ERR_HTTP_INVALID_STATUS_CODE(originalStatusCode);
    }
    if (typeof reason === 'string') {
      this.statusMessage = reason;
    } else {
      this.statusMessage = this.statusMessage ||
        STATUS_CODES[statusCode] || 'unknown';
      obj = obj === undefined ? reason : obj;
    }
    this.statusCode = statusCode;

    let headers;
    if (this[kOutHeaders]) {
      // Headers set with setHeader() merge with those given here.
      if (Array.isArray(obj)) {
        if (obj.length % 2 !== 0) {
          throw new ERR_INVALID_ARG_VALUE('headers', obj);
        }
        for (let n = 0; n < obj.length; n += 2) {
          if (obj[n]) this.setHeader(obj[n], obj[n + 1]);
        }
      } else if (obj) {
        for (const k of Object.keys(obj)) {
          if (k) this.setHeader(k, obj[k]);
        }
      }
      headers = this[kOutHeaders];
    } else {
      headers = obj;
    }

    if (checkInvalidHeaderChar(this.statusMessage)) {
      throw new ERR_INVALID_CHAR('statusMessage');
    }
    const statusLine = `HTTP/1.1 ${statusCode} ${this.statusMessage}\r\n`;
    if (statusCode === 204 || statusCode === 304 ||
        (statusCode >= 100 && statusCode <= 199)) {
      this._hasBody = false;
    }
    // The client still waits for 100 Continue: the connection cannot
    // carry another request after a body that may never come.
    if (this._expect_continue && !this._sent100) this.shouldKeepAlive = false;
    this._storeHeader(statusLine, headers);
    return this;
  }

  get writeHeader() {
    return this.writeHead;
  }
}

adoptClass(ServerResponse, ServerResponseMethods);

function onServerResponseClose() {
  const msg = this._httpMessage;
  if (msg) {
    msg.destroyed = true;
    msg._closed = true;
    msg.emit('close');
  }
}

function storeHTTPOptions(options) {
  this[kIncomingMessage] = options.IncomingMessage || IncomingMessage;
  this[kServerResponse] = options.ServerResponse || ServerResponse;

  const maxHeaderSize = options.maxHeaderSize;
  if (maxHeaderSize !== undefined) {
    validateInteger(maxHeaderSize, 'maxHeaderSize', 0);
  }
  this.maxHeaderSize = maxHeaderSize;

  const insecureHTTPParser = options.insecureHTTPParser;
  if (insecureHTTPParser !== undefined) {
    validateBoolean(insecureHTTPParser, 'options.insecureHTTPParser');
  }
  this.insecureHTTPParser = insecureHTTPParser;

  const requestTimeout = options.requestTimeout;
  if (requestTimeout !== undefined) {
    validateInteger(requestTimeout, 'requestTimeout', 0);
    this.requestTimeout = requestTimeout;
  } else {
    this.requestTimeout = 300000;
  }

  const headersTimeout = options.headersTimeout;
  if (headersTimeout !== undefined) {
    validateInteger(headersTimeout, 'headersTimeout', 0);
    this.headersTimeout = headersTimeout;
  } else {
    this.headersTimeout = Math.min(60000, this.requestTimeout);
  }
  if (this.requestTimeout > 0 && this.headersTimeout > 0 &&
      this.headersTimeout > this.requestTimeout) {
    throw new ERR_OUT_OF_RANGE('headersTimeout', '<= requestTimeout',
                               this.headersTimeout);
  }

  const interval = options.connectionsCheckingInterval;
  if (interval !== undefined) {
    validateInteger(interval, 'connectionsCheckingInterval', 0);
    this.connectionsCheckingInterval = interval;
  } else {
    this.connectionsCheckingInterval = 30000;
  }

  this[kUniqueHeaders] = parseUniqueHeadersOption(options.uniqueHeaders);

  const rejectNonStandardBodyWrites = options.rejectNonStandardBodyWrites;
  if (rejectNonStandardBodyWrites !== undefined) {
    validateBoolean(rejectNonStandardBodyWrites,
                    'options.rejectNonStandardBodyWrites');
  }
  this.rejectNonStandardBodyWrites = rejectNonStandardBodyWrites || false;

  if (options.highWaterMark !== undefined) {
    validateInteger(options.highWaterMark, 'options.highWaterMark', 0);
  }
  this.highWaterMark = options.highWaterMark;

  const joinDuplicateHeaders = options.joinDuplicateHeaders;
  if (joinDuplicateHeaders !== undefined) {
    validateBoolean(joinDuplicateHeaders, 'options.joinDuplicateHeaders');
  }
  this.joinDuplicateHeaders = joinDuplicateHeaders;
}

// An old-style constructor, as Node's: http.Server() works without `new`,
// and http.Server.call(this) initializes a subclass made with
// util.inherits.
function Server(options, requestListener) {
  if (!(this instanceof Server)) return new Server(options, requestListener);
  if (typeof options === 'function') {
    requestListener = options;
    options = {};
  } else if (options === null || options === undefined) {
    options = {};
  } else {
    validateObject(options, 'options');
  }
  net.Server.call(this, {
    allowHalfOpen: true,
    noDelay: options.noDelay === undefined ? true : options.noDelay,
    keepAlive: options.keepAlive,
    keepAliveInitialDelay: options.keepAliveInitialDelay,
  });
  storeHTTPOptions.call(this, options);
  if (requestListener) this.on('request', requestListener);
  this.httpAllowHalfOpen = false;
  this.on('connection', connectionListener);
  this.on('listening', setupConnectionsTracking);
  this.timeout = 0;
  this.maxHeadersCount = null;
  this.maxRequestsPerSocket = 0;
  this.keepAliveTimeout = 5000;
  if (options.keepAliveTimeout !== undefined) {
    validateInteger(options.keepAliveTimeout, 'keepAliveTimeout', 0);
    this.keepAliveTimeout = options.keepAliveTimeout;
  }
  this[kConnections] = new Set();
  this[kCheckInterval] = null;
}

class HTTPServer extends net.Server {
  close(...args) {
    if (this[kCheckInterval]) {
      clearInterval(this[kCheckInterval]);
      this[kCheckInterval] = null;
    }
    return super.close(...args);
  }

  closeAllConnections() {
    for (const conn of this[kConnections]) conn.socket.destroy();
  }

  closeIdleConnections() {
    for (const conn of this[kConnections]) {
      const { state } = conn;
      const parser = conn.socket.parser;
      if (!conn.socket._httpMessage && state.incoming.length === 0 &&
          parser && parser.messageAge() < 0) {
        conn.socket.destroy();
      }
    }
  }

  setTimeout(msecs, callback) {
    this.timeout = msecs;
    if (callback) this.on('timeout', callback);
    return this;
  }
}

adoptClass(Server, HTTPServer);

Server.prototype[EE.captureRejectionSymbol] = function(err, event, ...args) {
  switch (event) {
    case 'request': {
      const { 1: res } = args;
      if (!res.headersSent && !res.writableEnded) {
        for (const name of res.getHeaderNames()) res.removeHeader(name);
        res.statusCode = 500;
        res.end(STATUS_CODES[500]);
      } else {
        res.destroy();
      }
      break;
    }
    default:
      net.Server.prototype[EE.captureRejectionSymbol].call(this, err, event,
                                                          ...args);
  }
};

// Requests whose head or body do not arrive in time get a 408; checked on
// an unref'd interval, as a timer per connection would cost more.
function setupConnectionsTracking() {
  if (this[kCheckInterval] || this.connectionsCheckingInterval <= 0) return;
  if (this.headersTimeout <= 0 && this.requestTimeout <= 0) return;
  this[kCheckInterval] = setInterval(checkConnections.bind(this),
                                     this.connectionsCheckingInterval);
  this[kCheckInterval].unref();
}

function checkConnections() {
  for (const conn of this[kConnections]) {
    const { state, socket } = conn;
    const parser = socket.parser;
    if (state.expired || socket.destroyed || !parser) continue;
    // The parser times messages (from their first byte) in C.
    const elapsed = parser.messageAge();
    if (elapsed < 0) continue;
    if ((this.headersTimeout > 0 && elapsed > this.headersTimeout &&
         !parser.headersComplete()) ||
        (this.requestTimeout > 0 && elapsed > this.requestTimeout)) {
      state.expired = true;
      socket.emit('error', new ERR_HTTP_REQUEST_TIMEOUT());
    }
  }
}

// Node's built-in diagnostics channels of the server.
const onRequestStartChannel = dc.channel('http.server.request.start');
const onResponseFinishChannel = dc.channel('http.server.response.finish');

function connectionListener(socket) {
  const server = this;
  socket.server = server;
  // options.highWaterMark sizes the connection's buffers, and so the
  // requests' and responses' too.
  const hwm = server.highWaterMark;
  if (hwm !== undefined) {
    if (socket._readableState) socket._readableState.highWaterMark = hwm;
    if (socket._writableState) socket._writableState.highWaterMark = hwm;
  }
  if (server.timeout && typeof socket.setTimeout === 'function') {
    socket.setTimeout(server.timeout);
  }
  socket.on('timeout', socketOnTimeout);
  // Bytes are not text here: a decoding socket would break the parser.
  socket.setEncoding = socketSetEncoding;

  const parser = parsers.alloc();
  let lenient = 0;
  if (server.insecureHTTPParser === true ||
      (server.insecureHTTPParser === undefined && isLenient())) {
    lenient = HTTPParser.kLenientAll;
  }
  parser.initialize(HTTPParser.REQUEST, null, server.maxHeaderSize || 0,
                    lenient, server.headersTimeout || 0);
  parser.socket = socket;
  socket.parser = parser;
  if (typeof server.maxHeadersCount === 'number' &&
      server.maxHeadersCount >= 0) {
    parser.maxHeaderPairs = server.maxHeadersCount << 1;
  } else {
    parser.maxHeaderPairs = 4000;
  }
  parser.joinDuplicateHeaders = server.joinDuplicateHeaders;

  const state = {
    onData: null,
    onEnd: null,
    onClose: null,
    onDrain: null,
    onPendingData: null,
    outgoing: [],
    incoming: [],
    outgoingData: 0,
    requestsCount: 0,
    keepAliveTimeoutSet: false,
    expired: false,  // answered 408 already
  };
  const conn = { socket, state };
  server[kConnections].add(conn);
  state.onData = socketOnData.bind(undefined, server, socket, parser, state);
  state.onEnd = socketOnEnd.bind(undefined, server, socket, parser, state);
  state.onClose = socketOnClose.bind(undefined, server, socket, state, conn);
  state.onDrain = socketOnDrain.bind(undefined, socket, state);
  state.onPendingData = updateOutgoingData.bind(undefined, socket, state);
  socket.on('data', state.onData);
  socket.on('error', socketOnError);
  socket.on('end', state.onEnd);
  socket.on('close', state.onClose);
  socket.on('drain', state.onDrain);
  parser.onIncoming = parserOnIncoming.bind(undefined, server, socket, state);
  socket._paused = false;
  // Reads of a plain TCP or pipe socket go to the parser from C.
  parser.consume(socket._handle);
  if (parser._consumed) {
    parser[HTTPParser.kOnExecute] =
      onParserExecute.bind(undefined, server, socket, parser, state);
    socket.on = socket.addListener = unconsumingListener(socket, socket.on);
    socket.prependListener =
      unconsumingListener(socket, socket.prependListener);
  }
}

function socketSetEncoding() {
  throw new ERR_HTTP_SOCKET_ENCODING();
}

function updateOutgoingData(socket, state, delta) {
  state.outgoingData += delta;
  socketOnDrain(socket, state);
}

function socketOnDrain(socket, state) {
  const needPause = state.outgoingData > socket.writableHighWaterMark;
  // Pipelined requests wait while their responses pile up unsent.
  if (socket._paused && !needPause) {
    socket._paused = false;
    if (socket.parser) socket.parser.resume();
    socket.resume();
  }
  const msg = socket._httpMessage;
  if (msg && !msg.finished && msg[kNeedDrain]) {
    msg[kNeedDrain] = false;
    msg.emit('drain');
  }
}

function socketOnTimeout() {
  const req = this.parser && this.parser.incoming;
  const reqTimeout = req && !req.complete && req.emit('timeout', this);
  const res = this._httpMessage;
  const resTimeout = res && res.emit('timeout', this);
  const serverTimeout = this.server.emit('timeout', this);
  if (!reqTimeout && !resTimeout && !serverTimeout) this.destroy();
}

function socketOnClose(server, socket, state, conn) {
  server[kConnections].delete(conn);
  freeParser(socket.parser, null, socket);
  abortIncoming(state.incoming);
}

function abortIncoming(incoming) {
  while (incoming.length) {
    const req = incoming.shift();
    req.destroy(connResetException('aborted'));
  }
}

function socketOnEnd(server, socket, parser, state) {
  const ret = parser.finish();
  if (ret instanceof Error) {
    socketOnError.call(socket, ret);
    return;
  }
  if (!server.httpAllowHalfOpen) {
    abortIncoming(state.incoming);
    if (socket.writable) socket.end();
  } else if (state.outgoing.length) {
    state.outgoing[state.outgoing.length - 1]._last = true;
  } else if (socket._httpMessage) {
    socket._httpMessage._last = true;
  } else if (socket.writable) {
    socket.end();
  }
}

function socketOnData(server, socket, parser, state, d) {
  const ret = parser.execute(d);
  onParserExecuteCommon(server, socket, parser, state, ret, d);
}

// The socket's reads go through the stream again.
function unconsume(socket, parser) {
  if (!parser._consumed) return;
  parser.unconsume();
  // No read of the stream's own is pending: the next one starts one.
  const handle = socket._handle;
  if (handle && !handle.reading) socket._readableState.reading = false;
}

// Whoever listens to the socket's own data gets it (socketOnData feeds
// the parser then).
function unconsumingListener(socket, add) {
  return function(event, listener) {
    const parser = socket.parser;
    if ((event === 'data' || event === 'readable') && parser) {
      unconsume(socket, parser);
    }
    return Reflect.apply(add, this, arguments);
  };
}

function onParserExecute(server, socket, parser, state, ret, nread) {
  socket[kBytesRead] += nread;
  socket._unrefTimer();
  onParserExecuteCommon(server, socket, parser, state, ret, undefined);
}

function onParserExecuteCommon(server, socket, parser, state, ret, d) {
  if (ret instanceof Error) {
    prepareError(ret, parser, d);
    socketOnError.call(socket, ret);
    return;
  }
  // Responses pile up (parserOnIncoming paused the socket): the parser
  // waits too, now that this chunk is done.
  if (socket._paused && socket.parser) socket.parser.pause();
  const req = parser.incoming;
  if (req && req.upgrade) {
    // The rest of the bytes belong to the new protocol.
    if (d === undefined) d = parser.getCurrentBuffer();
    const bodyHead = d.slice(ret, d.length);
    socket.readableFlowing = null;
    const eventName = req.method === 'CONNECT' ? 'connect' : 'upgrade';
    socket.removeListener('data', state.onData);
    socket.removeListener('end', state.onEnd);
    socket.removeListener('close', state.onClose);
    socket.removeListener('drain', state.onDrain);
    socket.removeListener('error', socketOnError);
    socket.removeListener('timeout', socketOnTimeout);
    parser.finish();
    unconsume(socket, parser);
    freeParser(parser, req, socket);
    for (const conn of server[kConnections]) {
      if (conn.socket === socket) server[kConnections].delete(conn);
    }
    if (server.listenerCount(eventName) > 0) {
      server.emit(eventName, req, socket, bodyHead);
    } else {
      // A CONNECT nobody handles.
      socket.destroy();
    }
  }
}

function socketOnError(e) {
  // Later errors of this socket are of no interest.
  this.removeListener('error', socketOnError);
  if (this.listenerCount('error') === 0) this.on('error', () => {});
  if (!this.server.emit('clientError', e, this)) {
    // Answer only where the answer cannot land inside a response already
    // on its way.
    const msg = this._httpMessage;
    if (this.writable && (!msg || !msg._headerSent) &&
        e.code !== 'ECONNRESET') {
      let response;
      switch (e.code) {
        case 'HPE_HEADER_OVERFLOW':
          response = 'HTTP/1.1 431 Request Header Fields Too Large\r\n' +
                     'Connection: close\r\n\r\n';
          break;
        case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
          response = 'HTTP/1.1 413 Payload Too Large\r\n' +
                     'Connection: close\r\n\r\n';
          break;
        case 'ERR_HTTP_REQUEST_TIMEOUT':
          response = 'HTTP/1.1 408 Request Timeout\r\n' +
                     'Connection: close\r\n\r\n';
          break;
        default:
          response = 'HTTP/1.1 400 Bad Request\r\n' +
                     'Connection: close\r\n\r\n';
      }
      // The answer goes out before the connection closes.
      this.end(response);
      this.once('finish', () => this.destroy(e));
      return;
    }
    this.destroy(e);
  }
}

function parserOnIncoming(server, socket, state, req, keepAlive) {
  if (req.upgrade) {
    req.upgrade = req.method === 'CONNECT' ||
      server.listenerCount('upgrade') > 0;
    if (req.upgrade) return 2;
  }

  state.incoming.push(req);

  if (state.keepAliveTimeoutSet) {
    socket.setTimeout(server.timeout || 0);
    state.keepAliveTimeoutSet = false;
  }

  // Stop reading while earlier responses are queued and unsent.
  if (!socket._paused) {
    const ws = socket._writableState;
    if ((ws && ws.needDrain) ||
        state.outgoingData >= socket.writableHighWaterMark) {
      socket._paused = true;
      socket.pause();
    }
  }

  const res = new server[kServerResponse](req, {
    highWaterMark: socket.writableHighWaterMark,
    rejectNonStandardBodyWrites: server.rejectNonStandardBodyWrites,
  });
  res._keepAliveTimeout = server.keepAliveTimeout;
  if (server[kUniqueHeaders]) res[kUniqueHeaders] = server[kUniqueHeaders];
  res._maxRequestsPerSocket = server.maxRequestsPerSocket;
  res._onPendingData = state.onPendingData;
  res.shouldKeepAlive = keepAlive;
  const perf = perfStart('http');
  if (perf !== undefined) res[kPerfStart] = perf;

  if (socket._httpMessage) {
    state.outgoing.push(res);
  } else {
    res.assignSocket(socket);
  }
  res.on('finish', resOnFinish.bind(undefined, req, res, socket, state,
                                    server));

  state.requestsCount++;
  if (server.maxRequestsPerSocket > 0) {
    if (state.requestsCount > server.maxRequestsPerSocket) {
      server.emit('dropRequest', req, socket);
      res.shouldKeepAlive = false;
      res.writeHead(503);
      res.end();
      return 0;
    }
    if (state.requestsCount === server.maxRequestsPerSocket) {
      res.maxRequestsOnConnectionReached = true;
    }
  }

  if (onRequestStartChannel.hasSubscribers) {
    onRequestStartChannel.publish({ request: req, response: res, socket,
                                    server });
  }
  if (req.headers.expect !== undefined && req.httpVersionMajor === 1 &&
      req.httpVersionMinor === 1) {
    if (continueExpression.test(req.headers.expect)) {
      res._expect_continue = true;
      if (server.listenerCount('checkContinue') > 0) {
        server.emit('checkContinue', req, res);
      } else {
        res.writeContinue();
        server.emit('request', req, res);
      }
    } else if (server.listenerCount('checkExpectation') > 0) {
      server.emit('checkExpectation', req, res);
    } else {
      res.writeHead(417);
      res.end();
    }
  } else {
    server.emit('request', req, res);
  }
  return 0;
}

function resOnFinish(req, res, socket, state, server) {
  if (res[kPerfStart] !== undefined) {
    perfEnd(res[kPerfStart], 'HttpRequest', 'http', {
      req: { method: req.method, url: req.url, headers: req.headers },
      res: { statusCode: res.statusCode, statusMessage: res.statusMessage,
             headers: res.getHeaders() },
    });
  }
  if (onResponseFinishChannel.hasSubscribers) {
    onResponseFinishChannel.publish({ request: req, response: res, socket,
                                      server });
  }
  const i = state.incoming.indexOf(req);
  if (i !== -1) state.incoming.splice(i, 1);

  // A body nobody read is drained so that the next request can be parsed.
  if (!req._consuming && !req._readableState.resumeScheduled) req._dump();

  res.detachSocket(socket);
  clearIncoming(req);
  process.nextTick(emitCloseNT, res);

  if (res._last) {
    if (typeof socket.destroySoon === 'function') {
      socket.destroySoon();
    } else {
      socket.end();
    }
  } else if (state.outgoing.length === 0) {
    if (server.keepAliveTimeout && typeof socket.setTimeout === 'function') {
      socket.setTimeout(server.keepAliveTimeout);
      state.keepAliveTimeoutSet = true;
    }
  } else {
    const m = state.outgoing.shift();
    if (m) m.assignSocket(socket);
  }
}

// The parser lets go of a request once it is answered and read.
function clearIncoming(req) {
  const parser = req.socket && req.socket.parser;
  if (parser && parser.incoming === req) {
    if (req.readableEnded) {
      parser.incoming = null;
    } else {
      req.on('end', clearIncoming.bind(undefined, req));
    }
  }
}

function emitCloseNT(res) {
  if (!res._closed) {
    res.destroyed = true;
    res._closed = true;
    res.emit('close');
  }
}

function createServer(opts, requestListener) {
  return new Server(opts, requestListener);
}

module.exports = {
  STATUS_CODES,
  Server,
  ServerResponse,
  setupConnectionsTracking,
  storeHTTPOptions,
  createServer,
  _connectionListener: connectionListener,
  kConnections,
  kServerResponse,
};
