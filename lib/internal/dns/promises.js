'use strict';

// dns.promises: the dns functions returning promises.

const {
  codes: { ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS },
} = require('internal/errors');
const { validateString } = require('internal/validators');
const {
  Resolver: CallbackResolver, getDefaultResolver, methods, rrtypes,
  setDefaultServers,
} = require('internal/dns/resolver');
const { lookupInternal, lookupServiceInternal } = require('internal/dns/lookup');
const {
  errorCodes, getDefaultResultOrder, setDefaultResultOrder,
} = require('internal/dns/utils');

// lookup(hostname[, options]) -> { address, family } or, with all, a list.
function lookup(hostname, options) {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Bad arguments throw here, as in Node, rather than reject.
  lookupInternal(hostname, options, (err, address, family) => {
    if (err) reject(err);
    else if (Array.isArray(address)) resolve(address);
    else resolve({ address, family });
  });
  return promise;
}

// lookupService(address, port) -> { hostname, service }
function lookupService(address, port) {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  if (arguments.length !== 2) throw new ERR_MISSING_ARGS('address', 'port');
  const start = lookupServiceInternal(address, port, 3, (err, hostname,
                                                         service) => {
    if (err) reject(err);
    else resolve({ hostname, service });
  });
  start();
  return promise;
}

// The promise Resolver: the same requests as the callback one.
const kCallbackResolver = Symbol('kCallbackResolver');

class Resolver {
  constructor(options = undefined) {
    this[kCallbackResolver] = new CallbackResolver(options);
  }

  cancel() {
    this[kCallbackResolver].cancel();
  }

  getServers() {
    return this[kCallbackResolver].getServers();
  }

  setServers(servers) {
    this[kCallbackResolver].setServers(servers);
  }

  setLocalAddress(ipv4, ipv6) {
    this[kCallbackResolver].setLocalAddress(ipv4, ipv6);
  }

  resolve(hostname, rrtype) {
    if (rrtype !== undefined) validateString(rrtype, 'rrtype');
    else rrtype = 'A';
    if (!Object.prototype.hasOwnProperty.call(rrtypes, rrtype)) {
      throw new ERR_INVALID_ARG_VALUE('rrtype', rrtype);
    }
    const method = Object.keys(methods).find((m) => methods[m] === rrtype);
    return this[method](hostname);
  }

  reverse(ip) {
    return promisified(this[kCallbackResolver], 'reverse', [ip]);
  }
}

// Calls a callback Resolver method; bad arguments throw at once.
function promisified(resolver, method, args) {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  resolver[method](...args, (err, result) => {
    if (err) reject(err);
    else resolve(result);
  });
  return promise;
}

for (const method of Object.keys(methods)) {
  Resolver.prototype[method] = function(name, options) {
    const args = options === undefined ? [name] : [name, options];
    return promisified(this[kCallbackResolver], method, args);
  };
}

// The module's functions use the callback module's default resolver.
function defaultMethod(name) {
  return function(...args) {
    const resolver = Object.create(Resolver.prototype);
    resolver[kCallbackResolver] = getDefaultResolver();
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
  ...errorCodes,
  getServers: defaultMethod('getServers'),
  resolve: defaultMethod('resolve'),
};
for (const name of Object.keys(methods)) {
  module.exports[name] = defaultMethod(name);
}
module.exports.reverse = defaultMethod('reverse');
