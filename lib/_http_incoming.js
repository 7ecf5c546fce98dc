'use strict';

// IncomingMessage: a request on the server side, a response on the client
// side. The parser pushes the body into it; reading it resumes the socket.

const { Readable, finished } = require('stream');

const kHeaders = Symbol('kHeaders');
const kHeadersDistinct = Symbol('kHeadersDistinct');
const kHeadersCount = Symbol('kHeadersCount');
const kTrailers = Symbol('kTrailers');
const kTrailersDistinct = Symbol('kTrailersDistinct');
const kTrailersCount = Symbol('kTrailersCount');

function readStart(socket) {
  if (socket && !socket._paused && socket.readable) socket.resume();
}

function readStop(socket) {
  if (socket) socket.pause();
}

function IncomingMessage(socket) {
  let streamOptions;
  if (socket) {
    streamOptions = {
      highWaterMark: socket.readableHighWaterMark,
    };
  }
  Readable.call(this, streamOptions);
  this._readableState.readingMore = true;
  this.socket = socket;
  this.httpVersionMajor = null;
  this.httpVersionMinor = null;
  this.httpVersion = null;
  this.complete = false;
  this[kHeaders] = null;
  this[kHeadersCount] = 0;
  this.rawHeaders = [];
  this[kTrailers] = null;
  this[kTrailersCount] = 0;
  this.rawTrailers = [];
  this.joinDuplicateHeaders = false;
  this.aborted = false;
  this.upgrade = null;
  this.url = '';
  this.method = null;
  this.statusCode = null;
  this.statusMessage = null;
  this.client = socket;
  this._consuming = false;
  this._dumped = false;
}

class IncomingMessageMethods extends Readable {
  get connection() {
    return this.socket;
  }

  set connection(val) {
    this.socket = val;
  }

  get headers() {
    if (!this[kHeaders]) {
      this[kHeaders] = {};
      const src = this.rawHeaders;
      const dst = this[kHeaders];
      for (let n = 0; n < this[kHeadersCount]; n += 2) {
        this._addHeaderLine(src[n], src[n + 1], dst);
      }
    }
    return this[kHeaders];
  }

  set headers(val) {
    this[kHeaders] = val;
  }

  get headersDistinct() {
    if (!this[kHeadersDistinct]) {
      this[kHeadersDistinct] = {};
      const src = this.rawHeaders;
      const dst = this[kHeadersDistinct];
      for (let n = 0; n < this[kHeadersCount]; n += 2) {
        addDistinct(src[n], src[n + 1], dst);
      }
    }
    return this[kHeadersDistinct];
  }

  set headersDistinct(val) {
    this[kHeadersDistinct] = val;
  }

  get trailers() {
    if (!this[kTrailers]) {
      this[kTrailers] = {};
      const src = this.rawTrailers;
      const dst = this[kTrailers];
      for (let n = 0; n < this[kTrailersCount]; n += 2) {
        this._addHeaderLine(src[n], src[n + 1], dst);
      }
    }
    return this[kTrailers];
  }

  set trailers(val) {
    this[kTrailers] = val;
  }

  get trailersDistinct() {
    if (!this[kTrailersDistinct]) {
      this[kTrailersDistinct] = {};
      const src = this.rawTrailers;
      const dst = this[kTrailersDistinct];
      for (let n = 0; n < this[kTrailersCount]; n += 2) {
        addDistinct(src[n], src[n + 1], dst);
      }
    }
    return this[kTrailersDistinct];
  }

  set trailersDistinct(val) {
    this[kTrailersDistinct] = val;
  }

  setTimeout(msecs, callback) {
    if (callback) this.on('timeout', callback);
    this.socket.setTimeout(msecs);
    return this;
  }

  _read(n) {
    if (!this._consuming) {
      this._readableState.readingMore = false;
      this._consuming = true;
    }
    // The parser stopped the socket when the queue was full; the consumer
    // wants more now.
    if (this.socket && this.socket.readable) readStart(this.socket);
  }

  _destroy(err, cb) {
    if (!this.readableEnded || !this.complete) {
      this.aborted = true;
      this.emit('aborted');
    }
    // A message cut off in the middle leaves the connection unusable.
    if (this.socket && !this.socket.destroyed && this.aborted) {
      this.socket.destroy(err);
      const cleanup = finished(this.socket, (e) => {
        if (e && e.code === 'ERR_STREAM_PREMATURE_CLOSE') e = null;
        cleanup();
        process.nextTick(onError, this, e || err, cb);
      });
    } else {
      process.nextTick(onError, this, err, cb);
    }
  }

  // Adds the [name, value, ...] pairs the parser collected: headers before
  // the body is complete, trailers after.
  _addHeaderLines(headers, n) {
    if (headers && headers.length) {
      let dest;
      if (this.complete) {
        this.rawTrailers = headers;
        this[kTrailersCount] = n;
        dest = this[kTrailers];
      } else {
        this.rawHeaders = headers;
        this[kHeadersCount] = n;
        dest = this[kHeaders];
      }
      if (dest) {
        for (let i = 0; i < n; i += 2) {
          this._addHeaderLine(headers[i], headers[i + 1], dest);
        }
      }
    }
  }

  // Node's rules for repeated headers: set-cookie becomes an array, some
  // headers keep their first value, cookie joins with '; ', the rest with
  // ', '.
  _addHeaderLine(field, value, dest) {
    field = matchKnownFields(field);
    const flag = field.charCodeAt(0);
    if (flag === 0 || flag === 2) {
      field = field.slice(1);
      if (typeof dest[field] === 'string') {
        dest[field] += (flag === 0 ? ', ' : '; ') + value;
      } else {
        dest[field] = value;
      }
    } else if (flag === 1) {
      if (dest['set-cookie'] !== undefined) {
        dest['set-cookie'].push(value);
      } else {
        dest['set-cookie'] = [value];
      }
    } else if (this.joinDuplicateHeaders) {
      if (dest[field] === undefined) {
        dest[field] = value;
      } else {
        dest[field] += ', ' + value;
      }
    } else if (dest[field] === undefined) {
      dest[field] = value;
    }
  }

  _addHeaderLineDistinct(field, value, dest) {
    addDistinct(field, value, dest);
  }

  // Reads and drops the body nobody consumes, so the connection can go on.
  _dump() {
    if (!this._dumped) {
      this._dumped = true;
      this.removeAllListeners('data');
      this.resume();
    }
  }
}

// An old-style constructor, as Node's (IncomingMessage.call(this, socket)
// works): the methods above become its prototype.
IncomingMessage.prototype = IncomingMessageMethods.prototype;
Object.defineProperty(IncomingMessage.prototype, 'constructor', {
  __proto__: null, value: IncomingMessage, writable: true, configurable: true,
  enumerable: false,
});
Object.setPrototypeOf(IncomingMessage, Readable);

function addDistinct(field, value, dest) {
  const key = field.toLowerCase();
  if (!dest[key]) {
    dest[key] = [value];
  } else {
    dest[key].push(value);
  }
}

function onError(self, error, cb) {
  // Without listeners an error would crash: Node reports it only to those
  // who listen.
  if (self.listenerCount('error') === 0) {
    cb();
  } else {
    cb(error);
  }
}

// Headers whose duplicates are dropped (a single value makes sense).
const firstWins = new Set([
  'content-type', 'content-length', 'user-agent', 'referer', 'host',
  'authorization', 'proxy-authorization', 'if-modified-since',
  'if-unmodified-since', 'from', 'location', 'max-forwards', 'retry-after',
  'etag', 'last-modified', 'server', 'age', 'expires',
]);

// The lowercased name, prefixed by how duplicates combine: '\u0000' joins
// with ', ', '\u0001' makes an array (set-cookie), '\u0002' joins with '; '
// (cookie); no prefix keeps the first value.
function matchKnownFields(field) {
  const lower = field.toLowerCase();
  if (lower === 'set-cookie') return '\u0001';
  if (lower === 'cookie') return '\u0002cookie';
  if (firstWins.has(lower)) return lower;
  return '\u0000' + lower;
}

module.exports = {
  IncomingMessage,
  readStart,
  readStop,
};
