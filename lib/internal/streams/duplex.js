'use strict';

// Duplex: a Readable that is also a Writable. It inherits from Readable
// and borrows every Writable method it does not already have;
// Writable's Symbol.hasInstance makes `instanceof Writable` true.

module.exports = Duplex;

const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');

Object.setPrototypeOf(Duplex.prototype, Readable.prototype);
Object.setPrototypeOf(Duplex, Readable);

for (const method of Object.keys(Writable.prototype)) {
  if (!Duplex.prototype[method])
    Duplex.prototype[method] = Writable.prototype[method];
}

function Duplex(options) {
  if (!(this instanceof Duplex)) return new Duplex(options);

  Readable.call(this, options);
  Writable.call(this, options);

  if (options) {
    this.allowHalfOpen = options.allowHalfOpen !== false;

    // A side switched off starts out already over.
    if (options.readable === false) {
      this._readableState.readable = false;
      this._readableState.ended = true;
      this._readableState.endEmitted = true;
    }
    if (options.writable === false) {
      this._writableState.writable = false;
      this._writableState.ending = true;
      this._writableState.ended = true;
      this._writableState.finished = true;
    }
  } else {
    this.allowHalfOpen = true;
  }
}

function writableProperty(name) {
  return Object.getOwnPropertyDescriptor(Writable.prototype, name);
}

Object.defineProperties(Duplex.prototype, {
  writable: { __proto__: null, ...writableProperty('writable') },
  writableHighWaterMark: {
    __proto__: null, ...writableProperty('writableHighWaterMark'),
  },
  writableObjectMode: {
    __proto__: null, ...writableProperty('writableObjectMode'),
  },
  writableBuffer: { __proto__: null, ...writableProperty('writableBuffer') },
  writableLength: { __proto__: null, ...writableProperty('writableLength') },
  writableFinished: {
    __proto__: null, ...writableProperty('writableFinished'),
  },
  writableCorked: { __proto__: null, ...writableProperty('writableCorked') },
  writableEnded: { __proto__: null, ...writableProperty('writableEnded') },
  writableNeedDrain: {
    __proto__: null, ...writableProperty('writableNeedDrain'),
  },

  destroyed: {
    __proto__: null,
    get() {
      if (this._readableState === undefined ||
          this._writableState === undefined)
        return false;
      return this._readableState.destroyed && this._writableState.destroyed;
    },
    set(value) {
      // Both sides or neither.
      if (this._readableState && this._writableState) {
        this._readableState.destroyed = value;
        this._writableState.destroyed = value;
      }
    },
  },
});

// Web streams are not available in this runtime.
Duplex.fromWeb = function(pair, options) {
  const { codes } = require('internal/errors');
  throw new codes.ERR_METHOD_NOT_IMPLEMENTED('Duplex.fromWeb()');
};
Duplex.toWeb = function(duplex) {
  const { codes } = require('internal/errors');
  throw new codes.ERR_METHOD_NOT_IMPLEMENTED('Duplex.toWeb()');
};

let duplexify;
Duplex.from = function(body) {
  if (!duplexify) duplexify = require('internal/streams/duplexify');
  return duplexify(body, 'body');
};
