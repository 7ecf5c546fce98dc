'use strict';

// A Transform whose stream machinery is built on first use. Hash, Hmac,
// Cipher and the like are Transforms, but most programs only call
// update()/digest() on them: those never pay for stream state.

const { Transform } = require('stream');

function LazyTransform(options) {
  this._options = options;
}
Object.setPrototypeOf(LazyTransform.prototype, Transform.prototype);
Object.setPrototypeOf(LazyTransform, Transform);

function makeGetter(name) {
  return function() {
    Transform.call(this, this._options);
    this._writableState.decodeStrings = false;
    return this[name];
  };
}

function makeSetter(name) {
  return function(value) {
    Object.defineProperty(this, name, {
      value, enumerable: true, configurable: true, writable: true,
    });
  };
}

for (const name of ['_readableState', '_writableState']) {
  Object.defineProperty(LazyTransform.prototype, name, {
    get: makeGetter(name),
    set: makeSetter(name),
    configurable: true,
    enumerable: true,
  });
}

module.exports = LazyTransform;
