'use strict';

// dns.promises: the dns functions returning promises.

const {
  codes: { ERR_MISSING_ARGS },
} = require('internal/errors');
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

module.exports = {
  lookup,
  lookupService,
  getDefaultResultOrder,
  setDefaultResultOrder,
  ...errorCodes,
};
