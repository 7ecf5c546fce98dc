'use strict';

// dns: name lookups through the system resolver (lookup, lookupService on
// getaddrinfo / getnameinfo), DNS queries on c-ares (Resolver and the
// module's resolve* functions on a default one) and the constants.

const { validateFunction, validateString } = require('internal/validators');
const { lookupInternal, lookupServiceInternal } = require('internal/dns/lookup');
const {
  Resolver, getDefaultResolver, methods, setDefaultServers,
} = require('internal/dns/resolver');
const {
  AI_ADDRCONFIG, AI_ALL, AI_V4MAPPED, errorCodes, getDefaultResultOrder,
  setDefaultResultOrder,
} = require('internal/dns/utils');

// lookup(hostname[, options], callback)
function lookup(hostname, options, callback) {
  if (hostname) validateString(hostname, 'hostname');
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  } else if (typeof options === 'number' || options === undefined ||
             options === null || typeof options === 'object') {
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

// The module's query functions run on one default Resolver.
function defaultMethod(name) {
  return function(...args) {
    const resolver = getDefaultResolver();
    return resolver[name](...args);
  };
}

module.exports = {
  lookup,
  lookupService,
  Resolver,
  getDefaultResultOrder,
  setDefaultResultOrder,
  setServers: setDefaultServers,
  ADDRCONFIG: AI_ADDRCONFIG,
  ALL: AI_ALL,
  V4MAPPED: AI_V4MAPPED,
  ...errorCodes,
  getServers: defaultMethod('getServers'),
  resolve: defaultMethod('resolve'),
};
for (const name of Object.keys(methods)) {
  module.exports[name] = defaultMethod(name);
}
module.exports.reverse = defaultMethod('reverse');

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
