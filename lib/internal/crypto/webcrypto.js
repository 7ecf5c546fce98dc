'use strict';

// The Web Crypto entry object (require('crypto').webcrypto and the global
// `crypto`): getRandomValues and randomUUID. SubtleCrypto is not there yet,
// so `subtle` is absent rather than half-made.

const {
  codes: { ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_THIS },
} = require('internal/errors');
const random = require('internal/crypto/random');

const kConstruct = Symbol('kConstruct');

class Crypto {
  constructor(key) {
    if (key !== kConstruct) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  getRandomValues(array) {
    if (!(this instanceof Crypto)) throw new ERR_INVALID_THIS('Crypto');
    return random.getRandomValues(array);
  }

  randomUUID() {
    if (!(this instanceof Crypto)) throw new ERR_INVALID_THIS('Crypto');
    return random.randomUUID();
  }
}
Object.defineProperty(Crypto.prototype, Symbol.toStringTag, {
  value: 'Crypto', configurable: true,
});

const crypto = new Crypto(kConstruct);

module.exports = { Crypto, crypto };
