'use strict';

// What the HTTP server and client share: the parser (llhttp through
// internalBinding('http_parser')), a pool of parsers, the callbacks that
// turn parser events into IncomingMessages, and the token checks.

const binding = internalBinding('http_parser');
const { IncomingMessage, readStart, readStop } = require('_http_incoming');
const { StreamHandle, nativeOf } = require('internal/stream_handle');
const { Buffer } = require('buffer');
const { getOptionValue } = require('internal/options');

const kHandle = Symbol('kHandle');
const kExecuting = Symbol('kExecuting');
const kPending = Symbol('kPending');
const kIncomingMessage = Symbol('IncomingMessage');
const kRequestTimeout = Symbol('RequestTimeout');

const kOnMessageBegin = binding.kOnMessageBegin;
const kOnHeaders = binding.kOnHeaders;
const kOnHeadersComplete = binding.kOnHeadersComplete;
const kOnBody = binding.kOnBody;
const kOnMessageComplete = binding.kOnMessageComplete;
const kOnExecute = binding.kOnExecute;
const kOnTimeout = binding.kOnTimeout;

const methods = binding.methods.slice();
const allMethods = binding.methods.slice();

let maxHeaderSizeValue;
let insecureValue;

// --max-http-header-size, 16 KiB by default.
function getMaxHeaderSize() {
  if (maxHeaderSizeValue === undefined) {
    const v = Number(getOptionValue('--max-http-header-size', true));
    maxHeaderSizeValue = Number.isInteger(v) && v > 0 ? v : 16384;
  }
  return maxHeaderSizeValue;
}

// --insecure-http-parser: llhttp's lenient flags for every parser.
function isLenient() {
  if (insecureValue === undefined) {
    insecureValue = getOptionValue('--insecure-http-parser') === true;
  }
  return insecureValue;
}

// A parser object in the shape Node's have: the callbacks sit on integer
// keys of the object itself, the C parser behind a symbol.
class HTTPParser {
  constructor() {
    this[kHandle] = binding.create();
    this._consumed = false;
    this._consumedHandle = null;
  }

  initialize(type, resource, maxHeaderSize, lenient, headersTimeout) {
    const handle = this[kHandle];
    if (handle === undefined) this[kHandle] = binding.create();
    binding.initialize(this[kHandle], type,
                       (maxHeaderSize >>> 0) || getMaxHeaderSize(),
                       lenient >>> 0);
    this.headersTimeout = headersTimeout || 0;
  }

  execute(buffer, start, length) {
    // llhttp is not reentrant: data that arrives from inside a callback
    // (a stream pushing synchronously) waits for the outer call.
    if (this[kExecuting]) {
      if (start !== undefined) {
        buffer = buffer.subarray(start, length === undefined ? undefined :
          start + length);
      }
      (this[kPending] || (this[kPending] = [])).push(buffer);
      return 0;
    }
    this[kExecuting] = true;
    let ret;
    try {
      ret = binding.execute(this[kHandle], this, buffer, start, length);
    } finally {
      this[kExecuting] = false;
    }
    const pending = this[kPending];
    if (pending !== undefined && pending.length && !(ret instanceof Error)) {
      this[kPending] = undefined;
      for (const b of pending) {
        const r = this.execute(b);
        if (r instanceof Error) return r;
      }
    }
    return ret;
  }

  finish() {
    return binding.finish(this[kHandle], this);
  }

  pause() {
    binding.pause(this[kHandle]);
  }

  resume() {
    binding.resume(this[kHandle]);
  }

  // Back to the pool: the C parser stays, for the next connection.
  free() {}

  // Releases the C parser now rather than when collected.
  close() {
    const handle = this[kHandle];
    if (handle !== undefined) {
      this[kHandle] = undefined;
      binding.free(handle);
    }
  }

  remove() {}

  // Takes over a TCP or pipe handle's reads: they are parsed in C, with
  // no Buffer or 'data' event per read, and this[kOnExecute](result,
  // nread) follows each one. Other handles (TLS) stay fed by execute().
  consume(handle) {
    if (!(handle instanceof StreamHandle) || handle._consumed ||
        this[kHandle] === undefined) {
      return;
    }
    if (binding.consume(this[kHandle], this, nativeOf(handle),
                        Buffer.prototype)) {
      this._consumed = true;
      this._consumedHandle = handle;
      handle._consumed = true;
    }
  }

  unconsume() {
    if (!this._consumed) return;
    this._consumed = false;
    this._consumedHandle._consumed = false;
    this._consumedHandle = null;
    if (this[kHandle] !== undefined) binding.unconsume(this[kHandle]);
  }

  // Milliseconds since the message being read began (the first one: since
  // initialize()), or -1 between messages; and whether its head is in.
  // For the server's headersTimeout and requestTimeout.
  messageAge() {
    const handle = this[kHandle];
    return handle === undefined ? -1 : binding.messageAge(handle);
  }

  headersComplete() {
    const handle = this[kHandle];
    return handle !== undefined && binding.headersComplete(handle);
  }

  // The bytes of the consumed read being handled (for kOnExecute).
  getCurrentBuffer() {
    const handle = this[kHandle];
    return handle === undefined ? undefined :
      binding.getCurrentBuffer(handle);
  }
}

HTTPParser.REQUEST = binding.REQUEST;
HTTPParser.RESPONSE = binding.RESPONSE;
HTTPParser.kOnMessageBegin = kOnMessageBegin;
HTTPParser.kOnHeaders = kOnHeaders;
HTTPParser.kOnHeadersComplete = kOnHeadersComplete;
HTTPParser.kOnBody = kOnBody;
HTTPParser.kOnMessageComplete = kOnMessageComplete;
HTTPParser.kOnExecute = kOnExecute;
HTTPParser.kOnTimeout = kOnTimeout;
HTTPParser.kLenientNone = binding.kLenientNone;
HTTPParser.kLenientHeaders = binding.kLenientHeaders;
HTTPParser.kLenientChunkedLength = binding.kLenientChunkedLength;
HTTPParser.kLenientKeepAlive = binding.kLenientKeepAlive;
HTTPParser.kLenientAll = binding.kLenientAll;

// Headers that arrived in several pieces before the head completed (and
// the trailers of a chunked message).
function parserOnHeaders(headers, url) {
  if (this.maxHeaderPairs <= 0 ||
      this._headers.length < this.maxHeaderPairs) {
    this._headers.push(...headers);
  }
  this._url += url;
}

function parserOnHeadersComplete(versionMajor, versionMinor, headers, method,
                                 url, statusCode, statusMessage, upgrade,
                                 shouldKeepAlive) {
  const parser = this;
  const { socket } = parser;
  if (headers === undefined) {
    headers = parser._headers;
    parser._headers = [];
  }
  if (url === undefined && parser._url) url = parser._url;
  parser._url = '';

  const ParserIncomingMessage = (socket && socket.server &&
                                 socket.server[kIncomingMessage]) ||
                                IncomingMessage;
  const incoming = parser.incoming = new ParserIncomingMessage(socket);
  incoming.httpVersionMajor = versionMajor;
  incoming.httpVersionMinor = versionMinor;
  incoming.httpVersion = `${versionMajor}.${versionMinor}`;
  incoming.url = url;
  incoming.upgrade = upgrade;
  if (parser.joinDuplicateHeaders) incoming.joinDuplicateHeaders = true;

  let n = headers.length;
  if (parser.maxHeaderPairs > 0) n = Math.min(n, parser.maxHeaderPairs);
  incoming._addHeaderLines(headers, n);

  if (typeof method === 'number') {
    incoming.method = methods[method];
  } else {
    incoming.statusCode = statusCode;
    incoming.statusMessage = statusMessage;
  }
  return parser.onIncoming(incoming, shouldKeepAlive);
}

function parserOnBody(b) {
  const stream = this.incoming;
  if (stream === null) return;
  if (!stream._dumped) {
    if (!stream.push(b)) readStop(this.socket);
  }
}

function parserOnMessageComplete() {
  const parser = this;
  const stream = parser.incoming;
  if (stream !== null) {
    stream.complete = true;
    const headers = parser._headers;
    if (headers.length) {
      stream._addHeaderLines(headers, headers.length);
      parser._headers = [];
      parser._url = '';
    }
    // The end of the body.
    stream.push(null);
  }
  // Pipelined messages may be waiting in the socket.
  readStart(parser.socket);
}

// A small pool of parsers, as allocating them per connection is wasteful.
class FreeList {
  constructor(name, max, ctor) {
    this.name = name;
    this.ctor = ctor;
    this.max = max;
    this.list = [];
  }

  alloc() {
    return this.list.length > 0 ? this.list.pop() :
      Reflect.apply(this.ctor, this, arguments);
  }

  free(obj) {
    if (this.list.length < this.max) {
      this.list.push(obj);
      return true;
    }
    return false;
  }
}

const parsers = new FreeList('parsers', 1000, function parsersCb() {
  const parser = new HTTPParser();
  cleanParser(parser);
  parser[kOnHeaders] = parserOnHeaders;
  parser[kOnHeadersComplete] = parserOnHeadersComplete;
  parser[kOnBody] = parserOnBody;
  parser[kOnMessageComplete] = parserOnMessageComplete;
  return parser;
});

function cleanParser(parser) {
  parser._headers = [];
  parser._url = '';
  parser.socket = null;
  parser.incoming = null;
  parser.outgoing = null;
  parser.maxHeaderPairs = 2000;
  parser[kOnMessageBegin] = null;
  parser[kOnExecute] = null;
  parser[kOnTimeout] = null;
  parser.onIncoming = null;
  parser.joinDuplicateHeaders = null;
}

// Gives a parser back to the pool once its socket is done with it.
function freeParser(parser, req, socket) {
  if (parser) {
    if (parser._consumed) parser.unconsume();
    cleanParser(parser);
    if (parsers.free(parser) === false) {
      setImmediate(() => parser.close());
    } else {
      parser.free();
    }
  }
  if (req) req.parser = null;
  if (socket) socket.parser = null;
}

function ondrain() {
  const msg = this._httpMessage;
  if (msg && !msg.finished) msg.emit('drain');
}

const tokenRegExp = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;
// A header name or method: RFC 7230 token characters only.
function checkIsHttpToken(val) {
  return tokenRegExp.test(val);
}

const headerCharRegex = /[^\t\x20-\x7e\x80-\xff]/;
// True when a header value holds a character HTTP forbids.
function checkInvalidHeaderChar(val) {
  return headerCharRegex.test(val);
}

function prepareError(err, parser, rawPacket) {
  err.rawPacket = rawPacket || parser.getCurrentBuffer();
  if (typeof err.reason === 'string')
    err.message = `Parse Error: ${err.reason}`;
}

let cachedDate = '';
let cachedSecond = -1;
// The Date header value, computed at most once a second.
function utcDate() {
  const now = Date.now();
  const second = Math.floor(now / 1000);
  if (second !== cachedSecond) {
    cachedSecond = second;
    cachedDate = new Date(second * 1000).toUTCString();
  }
  return cachedDate;
}

// Node's http classes are old-style constructors: callable without `new`
// (`http.Server()`) and with `.call(this)` from a subclass made with
// util.inherits. Such a constructor is a plain function; its methods are
// written in a class (so `super.method()` works), whose prototype this
// makes the function's, statics included.
function adoptClass(ctor, Class) {
  ctor.prototype = Class.prototype;
  Object.defineProperty(Class.prototype, 'constructor', {
    __proto__: null, value: ctor, writable: true, configurable: true,
    enumerable: false,
  });
  Object.setPrototypeOf(ctor, Object.getPrototypeOf(Class));
  Object.defineProperty(Class, 'name', { __proto__: null, value: ctor.name });
  return ctor;
}

// Where a message keeps the start of its perf_hooks 'http' entry
// (HttpRequest on the server, HttpClient on the client), when observed.
const kPerfStart = Symbol('kPerfStart');

module.exports = {
  adoptClass,
  _checkInvalidHeaderChar: checkInvalidHeaderChar,
  _checkIsHttpToken: checkIsHttpToken,
  chunkExpression: /(?:^|\W)chunked(?:$|\W)/i,
  continueExpression: /(?:^|\W)100-continue(?:$|\W)/i,
  CRLF: '\r\n',
  freeParser,
  methods,
  allMethods,
  parsers,
  kIncomingMessage,
  kRequestTimeout,
  HTTPParser,
  isLenient,
  prepareError,
  utcDate,
  ondrain,
  kPerfStart,
  getMaxHeaderSize,
};
