'use strict';

// dns: name lookups through the system resolver (lookup, lookupService on
// getaddrinfo / getnameinfo) and the constants of the dns module.

const { validateFunction } = require('internal/validators');
const { lookupInternal, lookupServiceInternal } = require('internal/dns/lookup');
const {
  AI_ADDRCONFIG, AI_ALL, AI_V4MAPPED, errorCodes, getDefaultResultOrder,
  setDefaultResultOrder,
} = require('internal/dns/utils');

// lookup(hostname[, options], callback)
function lookup(hostname, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  } else if (typeof options !== 'number' &&
             (options === undefined || options === null ||
              typeof options === 'object')) {
    validateFunction(callback, 'callback');
  } else if (typeof options === 'number') {
    validateFunction(callback, 'callback');
  } else {
    validateFunction(arguments.length === 2 ? options : callback, 'callback');
  }
  lookupInternal(hostname, options, callback);
  return {};
}

// lookupService(address, port, callback)
function lookupService(address, port, callback) {
  const start = lookupServiceInternal(address, port, arguments.length,
                                      (...args) => callback(...args));
  validateFunction(callback, 'callback');
  start();
  return {};
}

module.exports = {
  lookup,
  lookupService,
  getDefaultResultOrder,
  setDefaultResultOrder,
  ADDRCONFIG: AI_ADDRCONFIG,
  ALL: AI_ALL,
  V4MAPPED: AI_V4MAPPED,
  ...errorCodes,
};

let promises;
Object.defineProperty(module.exports, 'promises', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    if (promises === undefined) promises = require('internal/dns/promises');
    return promises;
  },
});
