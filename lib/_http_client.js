'use strict';

// ClientRequest: an outgoing request on a socket from an Agent (or one of
// its own), and the parser that reads the response from that socket.

const net = require('net');
const dc = require('diagnostics_channel');
const { Buffer } = require('buffer');
const { URL, isURL, urlToHttpOptions } = require('internal/url');
const {
  _checkIsHttpToken: checkIsHttpToken,
  freeParser,
  parsers,
  HTTPParser,
  prepareError,
  isLenient,
  adoptClass,
  kPerfStart,
} = require('_http_common');
const { perfEnd, perfStart } = require('internal/perf/observe');
const {
  OutgoingMessage,
  kOutHeaders,
  kUniqueHeaders,
  parseUniqueHeadersOption,
} = require('_http_outgoing');
const Agent = require('_http_agent');
const { finished } = require('stream');
const {
  AbortError,
  codes: {
    ERR_HTTP_HEADERS_SENT,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_HTTP_TOKEN,
    ERR_INVALID_PROTOCOL,
    ERR_UNESCAPED_CHARACTERS,
  },
} = require('internal/errors');
const {
  validateAbortSignal,
  validateBoolean,
  validateInteger,
  validateNumber,
} = require('internal/validators');

const INVALID_PATH_REGEX = /[^\u0021-\u00ff]/;
const kError = Symbol('kError');

function connResetException(msg) {
  const err = new Error(msg);
  err.code = 'ECONNRESET';
  return err;
}

function validateHost(host, name) {
  if (host !== null && host !== undefined && typeof host !== 'string') {
    throw new ERR_INVALID_ARG_TYPE(`options.${name}`,
                                   ['string', 'undefined', 'null'], host);
  }
  return host;
}

function getTimerDuration(msecs, name) {
  validateNumber(msecs, name);
  if (msecs < 0 || !Number.isFinite(msecs)) {
    throw new ERR_INVALID_ARG_TYPE(name, 'a non-negative finite number',
                                   msecs);
  }
  return msecs;
}

function statusIsInformational(status) {
  // 101 switches protocols: it is the final response of an upgrade.
  return status < 200 && status >= 100 && status !== 101;
}

function ClientRequest(input, options, cb) {
  OutgoingMessage.call(this);

  if (typeof input === 'string') {
    const urlStr = input;
    input = urlToHttpOptions(new URL(urlStr));
  } else if (isURL(input)) {
    input = urlToHttpOptions(input);
  } else {
    cb = options;
    options = input;
    input = null;
  }

  if (typeof options === 'function') {
    cb = options;
    options = input || { __proto__: null };
  } else {
    options = Object.assign(input || {}, options);
  }

  let agent = options.agent;
  const defaultAgent = options._defaultAgent || Agent.globalAgent;
  if (agent === false) {
    const AgentClass = defaultAgent.constructor;
    agent = new AgentClass();
  } else if (agent === null || agent === undefined) {
    if (typeof options.createConnection !== 'function') {
      agent = defaultAgent;
    }
    // An explicit createConnection means no agent.
    options._defaultAgent = defaultAgent;
  } else if (typeof agent.addRequest !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('options.agent',
                                   ['Agent-like Object', 'undefined',
                                    'false'],
                                   agent);
  }
  this.agent = agent;

  const protocol = options.protocol || defaultAgent.protocol;
  let expectedProtocol = defaultAgent.protocol;
  if (this.agent && this.agent.protocol) {
    expectedProtocol = this.agent.protocol;
  }

  if (options.path) {
    const path = String(options.path);
    if (INVALID_PATH_REGEX.test(path)) {
      throw new ERR_UNESCAPED_CHARACTERS('Request path');
    }
  }

  if (protocol !== expectedProtocol) {
    throw new ERR_INVALID_PROTOCOL(protocol, expectedProtocol);
  }

  const defaultPort = options.defaultPort ||
    (this.agent && this.agent.defaultPort);

  const port = options.port = options.port || defaultPort || 80;
  const host = options.host = validateHost(options.hostname, 'hostname') ||
    validateHost(options.host, 'host') || 'localhost';

  const setHost = (options.setHost === undefined || Boolean(options.setHost));

  this.socketPath = options.socketPath;

  if (options.timeout !== undefined) {
    this.timeout = getTimerDuration(options.timeout, 'timeout');
  }

  const signal = options.signal;
  if (signal) validateAbortSignal(signal, 'options.signal');

  let method = options.method;
  const methodIsString = (typeof method === 'string');
  if (method !== null && method !== undefined && !methodIsString) {
    throw new ERR_INVALID_ARG_TYPE('options.method', 'string', method);
  }
  if (methodIsString && method) {
    if (!checkIsHttpToken(method)) {
      throw new ERR_INVALID_HTTP_TOKEN('Method', method);
    }
    method = this.method = method.toUpperCase();
  } else {
    method = this.method = 'GET';
  }

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

  if (options.joinDuplicateHeaders !== undefined) {
    validateBoolean(options.joinDuplicateHeaders,
                    'options.joinDuplicateHeaders');
  }
  this.joinDuplicateHeaders = options.joinDuplicateHeaders;

  this[kUniqueHeaders] = parseUniqueHeadersOption(options.uniqueHeaders);

  this.path = options.path || '/';
  if (cb) this.once('response', cb);

  if (method === 'GET' || method === 'HEAD' || method === 'DELETE' ||
      method === 'OPTIONS' || method === 'TRACE' || method === 'CONNECT') {
    this.useChunkedEncodingByDefault = false;
  } else {
    this.useChunkedEncodingByDefault = true;
  }

  this._ended = false;
  this.res = null;
  this.aborted = false;
  this.timeoutCb = null;
  this.upgradeOrConnect = false;
  this.parser = null;
  this.maxHeadersCount = null;
  this.reusedSocket = false;
  this.host = host;
  this.protocol = protocol;

  if (this.agent) {
    // An agent that neither keeps sockets alive nor limits them gains
    // nothing from keep-alive: say Connection: close.
    if (!this.agent.keepAlive && !Number.isFinite(this.agent.maxSockets)) {
      this._last = true;
      this.shouldKeepAlive = false;
    } else {
      this._last = false;
      this.shouldKeepAlive = true;
    }
  }

  const headersArray = Array.isArray(options.headers);
  if (!headersArray) {
    if (options.headers) {
      const keys = Object.keys(options.headers);
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        this.setHeader(key, options.headers[key]);
      }
    }

    const hostValue = this.getHeader('host');
    if (hostValue !== undefined && typeof hostValue !== 'string') {
      throw new ERR_INVALID_ARG_TYPE('options.headers.host', 'string',
                                     hostValue);
    }
    if (host && !hostValue && setHost) {
      let hostHeader = host;
      // An IPv6 address goes in brackets.
      const posColon = hostHeader.indexOf(':');
      if (posColon !== -1 && hostHeader.includes(':', posColon + 1) &&
          hostHeader.charCodeAt(0) !== 91 /* '[' */) {
        hostHeader = `[${hostHeader}]`;
      }
      if (port && +port !== defaultPort) hostHeader += ':' + port;
      this.setHeader('Host', hostHeader);
    }

    if (options.auth && !this.getHeader('Authorization')) {
      this.setHeader('Authorization', 'Basic ' +
                     Buffer.from(options.auth).toString('base64'));
    }

    if (this.getHeader('expect')) {
      if (this._header) throw new ERR_HTTP_HEADERS_SENT('render');
      this._storeHeader(this.method + ' ' + this.path + ' HTTP/1.1\r\n',
                        this[kOutHeaders]);
    }
  } else {
    this._storeHeader(this.method + ' ' + this.path + ' HTTP/1.1\r\n',
                      options.headers);
  }

  if (signal) {
    const onAbort = () => {
      this.destroy(new AbortError(undefined, { cause: signal.reason }));
    };
    if (signal.aborted) {
      // Destroyed at once; the error comes when the socket does.
      onAbort();
    } else {
      signal.addEventListener('abort', onAbort, { once: true });
      this.once('close', () => {
        signal.removeEventListener('abort', onAbort);
      });
    }
  }

  const optsWithoutSignal = { __proto__: null, ...options };
  delete optsWithoutSignal.signal;

  if (this.agent) {
    this.agent.addRequest(this, optsWithoutSignal);
  } else {
    // No agent: one connection for this request only.
    this._last = true;
    this.shouldKeepAlive = false;
    if (typeof optsWithoutSignal.createConnection === 'function') {
      let called = false;
      const oncreate = (err, socket) => {
        if (called) return;
        called = true;
        if (err) {
          process.nextTick(() => this.emit('error', err));
          return;
        }
        this.onSocket(socket);
      };
      const newSocket = optsWithoutSignal.createConnection(optsWithoutSignal,
                                                           oncreate);
      if (newSocket) oncreate(null, newSocket);
    } else {
      this.onSocket(net.createConnection(optsWithoutSignal));
    }
  }
}

// Node's built-in diagnostics channels of the client.
const onRequestStartChannel = dc.channel('http.client.request.start');
const onResponseFinishChannel = dc.channel('http.client.response.finish');

class ClientRequestMethods extends OutgoingMessage {
  // The whole request is on its way ('finish' follows its write).
  _finish() {
    super._finish();
    const perf = perfStart('http');
    if (perf !== undefined) this[kPerfStart] = perf;
    if (onRequestStartChannel.hasSubscribers) {
      onRequestStartChannel.publish({ request: this });
    }
  }

  _implicitHeader() {
    if (this._header) throw new ERR_HTTP_HEADERS_SENT('render');
    this._storeHeader(this.method + ' ' + this.path + ' HTTP/1.1\r\n',
                      this[kOutHeaders]);
  }

  abort() {
    if (this.aborted) return;
    this.aborted = true;
    process.nextTick(emitAbortNT, this);
    this.destroy();
  }

  destroy(err) {
    if (this.destroyed) return this;
    this.destroyed = true;
    // The response, if any, is not wanted any more.
    if (this.res) this.res._dump();
    this[kError] = err;
    if (this.socket) this.socket.destroy(err);
    return this;
  }

  onSocket(socket, err) {
    process.nextTick(onSocketNT, this, socket, err);
  }

  _deferToConnect(method, args) {
    const callSocketMethod = () => {
      if (method) this.socket[method].apply(this.socket, args);
    };
    const onSocket = () => {
      if (this.socket.connecting) {
        this.socket.once('connect', callSocketMethod);
      } else {
        callSocketMethod();
      }
    };
    if (!this.socket) {
      this.once('socket', onSocket);
    } else {
      onSocket();
    }
  }

  setTimeout(msecs, callback) {
    if (this._ended) return this;
    listenSocketTimeout(this);
    msecs = getTimerDuration(msecs, 'msecs');
    if (callback) this.once('timeout', callback);
    if (this.socket) {
      setSocketTimeout(this.socket, msecs);
    } else {
      this.once('socket', (sock) => setSocketTimeout(sock, msecs));
    }
    return this;
  }

  setNoDelay(noDelay) {
    this._deferToConnect('setNoDelay', [noDelay]);
  }

  setSocketKeepAlive(enable, initialDelay) {
    this._deferToConnect('setKeepAlive', [enable, initialDelay]);
  }

  clearTimeout(cb) {
    this.setTimeout(0, cb);
  }
}

adoptClass(ClientRequest, ClientRequestMethods);

function emitAbortNT(req) {
  req.emit('abort');
}

function setSocketTimeout(sock, msecs) {
  if (sock.connecting) {
    sock.once('connect', () => sock.setTimeout(msecs));
  } else {
    sock.setTimeout(msecs);
  }
}

function emitRequestTimeout() {
  const req = this._httpMessage;
  if (req) req.emit('timeout');
}

function listenSocketTimeout(req) {
  if (req.timeoutCb) return;
  req.timeoutCb = emitRequestTimeout;
  if (req.socket) {
    req.socket.once('timeout', emitRequestTimeout);
  } else {
    req.on('socket', (socket) => {
      socket.once('timeout', emitRequestTimeout);
    });
  }
}

function onSocketNT(req, socket, err) {
  if (req.destroyed || err) {
    // Destroyed before the socket came: give it back, or close it.
    req.destroyed = true;
    if (!err && req.agent && socket && !socket.destroyed) {
      socket.emit('free');
      emitDestroy(req, req[kError]);
    } else if (socket) {
      // Waits for the socket's end, taking its error if it had one.
      finished(socket.destroy(err || req[kError]), (er) => {
        if (er && er.code === 'ERR_STREAM_PREMATURE_CLOSE') er = null;
        emitDestroy(req, er || err);
      });
    } else {
      emitDestroy(req, err || req[kError]);
    }
    return;
  }
  tickOnSocket(req, socket);
  req._flush();
}

function emitDestroy(req, err) {
  err = err || req[kError];
  // Destroyed before it was sent: the request failed, unless aborted.
  if (!err && !req.aborted) err = connResetException('socket hang up');
  if (err) {
    if (!req.socket || !req.socket._hadError) req.emit('error', err);
  }
  if (!req._closed) {
    req._closed = true;
    req.emit('close');
  }
}

function tickOnSocket(req, socket) {
  const parser = parsers.alloc();
  req.socket = socket;
  let lenient = 0;
  if (req.insecureHTTPParser === true ||
      (req.insecureHTTPParser === undefined && isLenient())) {
    lenient = HTTPParser.kLenientAll;
  }
  parser.initialize(HTTPParser.RESPONSE, null, req.maxHeaderSize || 0,
                    lenient, 0);
  parser.socket = socket;
  parser.outgoing = req;
  req.parser = parser;

  socket.parser = parser;
  socket._httpMessage = req;

  if (typeof req.maxHeadersCount === 'number') {
    parser.maxHeaderPairs = req.maxHeadersCount << 1;
  } else {
    parser.maxHeaderPairs = 4000;
  }
  parser.joinDuplicateHeaders = req.joinDuplicateHeaders;
  parser.onIncoming = parserOnIncomingClient;
  socket.on('error', socketErrorListener);
  socket.on('data', socketOnData);
  socket.on('end', socketOnEnd);
  socket.on('close', socketCloseListener);
  socket.on('drain', ondrain);

  if (req.timeout !== undefined ||
      (req.agent && req.agent.options && req.agent.options.timeout)) {
    listenSocketTimeout(req);
  }
  req.emit('socket', socket);
}

function ondrain() {
  const msg = this._httpMessage;
  if (msg && !msg.finished && msg.writableNeedDrain) {
    msg.emit('drain');
  }
}

function socketCloseListener() {
  const socket = this;
  const req = socket._httpMessage;
  const parser = socket.parser;
  const res = req.res;
  req.destroyed = true;
  if (res) {
    // The response was cut off, or ended with the connection.
    if (!res.complete) {
      res.destroy(connResetException('aborted'));
    }
    req._closed = true;
    req.emit('close');
    if (!res.aborted && res.readable) {
      res.push(null);
    }
  } else {
    if (!req.socket._hadError) {
      // The connection closed before a response: the request failed.
      req.socket._hadError = true;
      req.emit('error', connResetException('socket hang up'));
    }
    req._closed = true;
    req.emit('close');
  }
  if (req.outputData) req.outputData.length = 0;
  if (parser) {
    parser.finish();
    freeParser(parser, req, socket);
  }
}

function socketErrorListener(err) {
  const socket = this;
  const req = socket._httpMessage;
  if (req) {
    req.socket._hadError = true;
    req.emit('error', err);
  }
  const parser = socket.parser;
  if (parser) {
    parser.finish();
    freeParser(parser, req, socket);
  }
  // 'close' follows and ends the request.
  socket.removeListener('data', socketOnData);
  socket.removeListener('end', socketOnEnd);
  socket.destroy();
}

function socketOnEnd() {
  const socket = this;
  const req = this._httpMessage;
  const parser = this.parser;
  if (!req.res && !req.socket._hadError) {
    req.socket._hadError = true;
    req.emit('error', connResetException('socket hang up'));
  }
  if (parser) {
    // A body delimited by the end of the connection ends here.
    parser.finish();
    freeParser(parser, req, socket);
  }
  socket.destroy();
}

function socketOnData(d) {
  const socket = this;
  const req = this._httpMessage;
  const parser = this.parser;

  const ret = parser.execute(d);
  if (ret instanceof Error) {
    prepareError(ret, parser, d);
    freeParser(parser, req, socket);
    socket.removeListener('data', socketOnData);
    socket.removeListener('end', socketOnEnd);
    socket.destroy();
    req.socket._hadError = true;
    req.emit('error', ret);
  } else if (parser.incoming && parser.incoming.upgrade) {
    // Upgrade (101) or CONNECT: the socket leaves HTTP.
    const bytesParsed = ret;
    const res = parser.incoming;
    req.res = res;

    socket.removeListener('data', socketOnData);
    socket.removeListener('end', socketOnEnd);
    socket.removeListener('drain', ondrain);

    if (req.timeoutCb) socket.removeListener('timeout', req.timeoutCb);
    socket.removeListener('timeout', responseOnTimeout);

    parser.finish();
    freeParser(parser, req, socket);

    const bodyHead = d.slice(bytesParsed, d.length);

    const eventName = req.method === 'CONNECT' ? 'connect' : 'upgrade';
    if (req.listenerCount(eventName) > 0) {
      req.upgradeOrConnect = true;
      socket.emit('agentRemove');
      socket.removeListener('close', socketCloseListener);
      socket.removeListener('error', socketErrorListener);
      socket._httpMessage = null;
      socket.readableFlowing = null;
      req.emit(eventName, res, socket, bodyHead);
      req.destroyed = true;
      req._closed = true;
      req.emit('close');
    } else {
      // Nobody takes the socket.
      socket.destroy();
    }
  } else if (parser.incoming && parser.incoming.complete &&
             !statusIsInformational(parser.incoming.statusCode)) {
    // The response is complete: what follows is none of ours.
    socket.removeListener('data', socketOnData);
    socket.removeListener('end', socketOnEnd);
    socket.removeListener('drain', ondrain);
    freeParser(parser, req, socket);
  }
}

function parserOnIncomingClient(res, shouldKeepAlive) {
  const socket = this.socket;
  const req = socket._httpMessage;

  if (req.res) {
    // A second response to one request: the peer is broken.
    socket.destroy();
    return 0;
  }
  req.res = res;

  if (req.method === 'CONNECT') {
    res.upgrade = true;
    return 2;
  }
  // 101 Switching Protocols: what follows the head is the new protocol.
  if (res.upgrade) return 2;

  if (statusIsInformational(res.statusCode)) {
    req.res = null;
    if (res.statusCode === 100) req.emit('continue');
    req.emit('information', {
      statusCode: res.statusCode,
      statusMessage: res.statusMessage,
      httpVersion: res.httpVersion,
      httpVersionMajor: res.httpVersionMajor,
      httpVersionMinor: res.httpVersionMinor,
      headers: res.headers,
      rawHeaders: res.rawHeaders,
    });
    return 1;
  }

  if (req.shouldKeepAlive && !shouldKeepAlive && !req.upgradeOrConnect) {
    // The server closes after this response.
    req.shouldKeepAlive = false;
  }

  res.req = req;
  // Ours first: the socket is released before the user's 'end' runs.
  res.on('end', responseOnEnd);
  req.on('finish', requestOnFinish);
  socket.on('timeout', responseOnTimeout);

  if (req[kPerfStart] !== undefined) {
    perfEnd(req[kPerfStart], 'HttpClient', 'http', {
      req: { method: req.method,
             url: `${req.protocol}//${req.host}${req.path}`,
             headers: req.getHeaders() },
      res: { statusCode: res.statusCode, statusMessage: res.statusMessage,
             headers: res.headers },
    });
  }
  if (onResponseFinishChannel.hasSubscribers) {
    onResponseFinishChannel.publish({ request: req, response: res });
  }
  if (req.aborted || !req.emit('response', res)) res._dump();

  // No body after these, whatever Content-Length says (this llhttp would
  // wait for one after a 304).
  if (req.method === 'HEAD' || res.statusCode === 204 ||
      res.statusCode === 304) {
    return 1;
  }
  return 0;
}

function responseOnTimeout() {
  const req = this._httpMessage;
  if (!req) return;
  const res = req.res;
  if (!res) return;
  res.emit('timeout');
}

function responseOnEnd() {
  const req = this.req;
  const socket = req.socket;
  if (socket && req.timeoutCb) {
    socket.removeListener('timeout', emitRequestTimeout);
  }
  req._ended = true;
  if (!req.shouldKeepAlive) {
    if (socket.writable) {
      if (typeof socket.destroySoon === 'function') {
        socket.destroySoon();
      } else {
        socket.end();
      }
    }
  } else if (req.writableFinished && !this.aborted) {
    responseKeepAlive(req);
  }
}

function requestOnFinish() {
  const req = this;
  if (req.shouldKeepAlive && req._ended) responseKeepAlive(req);
}

function responseKeepAlive(req) {
  const socket = req.socket;
  socket.removeListener('error', socketErrorListener);
  socket.removeListener('close', socketCloseListener);
  socket.removeListener('data', socketOnData);
  socket.removeListener('end', socketOnEnd);
  socket.removeListener('drain', ondrain);
  socket.removeListener('timeout', responseOnTimeout);
  if (req.timeoutCb) socket.removeListener('timeout', req.timeoutCb);
  socket.once('error', freeSocketErrorListener);
  req.destroyed = true;
  if (req.res) {
    // The socket goes to another request: destroying this response must
    // not close it.
    req.res.socket = null;
  }
  process.nextTick(emitFreeNT, req, socket);
}

function freeSocketErrorListener(err) {
  const socket = this;
  socket.destroy();
  socket.emit('agentRemove');
}

function emitFreeNT(req, socket) {
  req._closed = true;
  req.emit('close');
  socket.removeListener('error', freeSocketErrorListener);
  socket.emit('free');
}

module.exports = {
  ClientRequest,
};
