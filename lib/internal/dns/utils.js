'use strict';

// What dns and dns/promises share: argument checks, the result order, the
// error objects and the constants.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE },
  uvErrName,
} = require('internal/errors');
const {
  validateBoolean, validateNumber, validateOneOf,
} = require('internal/validators');
const { getOptionValue } = require('internal/options');

const binding = internalBinding('dns');
const { AI_ADDRCONFIG, AI_ALL, AI_V4MAPPED } = binding;

const UV_EAI_NODATA = -3007;
const UV_EAI_NONAME = -3008;

const validFamilies = [0, 4, 6];

// --dns-result-order sets the starting default.
let defaultOrder = getOptionValue('--dns-result-order', true) === 'ipv4first' ?
  'ipv4first' : 'verbatim';

function getDefaultResultOrder() {
  return defaultOrder;
}

function setDefaultResultOrder(order) {
  validateOneOf(order, 'dnsOrder', ['verbatim', 'ipv4first']);
  defaultOrder = order;
}

function getDefaultVerbatim() {
  return defaultOrder !== 'ipv4first';
}

function validateHints(hints) {
  if ((hints & ~(AI_ADDRCONFIG | AI_ALL | AI_V4MAPPED)) !== 0) {
    throw new ERR_INVALID_ARG_VALUE('hints', hints);
  }
}

// Reads lookup()'s options (a family number or an object) into
// { family, hints, all, verbatim }.
function lookupOptions(options) {
  const out = { family: 0, hints: 0, all: false,
                verbatim: getDefaultVerbatim() };
  if (typeof options === 'number') {
    validateOneOf(options, 'family', validFamilies);
    out.family = options;
    return out;
  }
  if (options === undefined || options === null) return out;
  if (typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', ['integer', 'object'], options);
  }
  if (options.hints != null) {
    validateNumber(options.hints, 'options.hints');
    out.hints = options.hints >>> 0;
    validateHints(out.hints);
  }
  if (options.family != null) {
    switch (options.family) {
      case 'IPv4':
        out.family = 4;
        break;
      case 'IPv6':
        out.family = 6;
        break;
      default:
        validateOneOf(options.family, 'options.family', validFamilies);
        out.family = options.family;
    }
  }
  if (options.all != null) {
    validateBoolean(options.all, 'options.all');
    out.all = options.all;
  }
  if (options.verbatim != null) {
    validateBoolean(options.verbatim, 'options.verbatim');
    out.verbatim = options.verbatim;
  }
  return out;
}

// "getaddrinfo ENOTFOUND foo.invalid": code from a libuv error number (or
// a c-ares code string), with errno, syscall and hostname.
function dnsException(code, syscall, hostname) {
  let errno;
  if (typeof code === 'number') {
    errno = code;
    if (code === UV_EAI_NODATA || code === UV_EAI_NONAME) {
      code = 'ENOTFOUND';
    } else {
      code = uvErrName(code);
    }
  }
  const message = `${syscall} ${code}${hostname ? ` ${hostname}` : ''}`;
  const ex = new Error(message);
  ex.errno = errno;
  ex.code = code;
  ex.syscall = syscall;
  if (hostname) ex.hostname = hostname;
  return ex;
}

let invalidHostnameWarned = false;
function emitInvalidHostnameWarning(hostname) {
  if (invalidHostnameWarned) return;
  invalidHostnameWarned = true;
  process.emitWarning(
    `The provided hostname "${hostname}" is not a valid ` +
    'hostname, and is supported in the dns module solely for compatibility.',
    'DeprecationWarning',
    'DEP0118');
}

// The error code names of the dns module (c-ares' codes, as strings).
const errorCodes = {
  NODATA: 'ENODATA',
  FORMERR: 'EFORMERR',
  SERVFAIL: 'ESERVFAIL',
  NOTFOUND: 'ENOTFOUND',
  NOTIMP: 'ENOTIMP',
  REFUSED: 'EREFUSED',
  BADQUERY: 'EBADQUERY',
  BADNAME: 'EBADNAME',
  BADFAMILY: 'EBADFAMILY',
  BADRESP: 'EBADRESP',
  CONNREFUSED: 'ECONNREFUSED',
  TIMEOUT: 'ETIMEOUT',
  EOF: 'EOF',
  FILE: 'EFILE',
  NOMEM: 'ENOMEM',
  DESTRUCTION: 'EDESTRUCTION',
  BADSTR: 'EBADSTR',
  BADFLAGS: 'EBADFLAGS',
  NONAME: 'ENONAME',
  BADHINTS: 'EBADHINTS',
  NOTINITIALIZED: 'ENOTINITIALIZED',
  LOADIPHLPAPI: 'ELOADIPHLPAPI',
  ADDRGETNETWORKPARAMS: 'EADDRGETNETWORKPARAMS',
  CANCELLED: 'ECANCELLED',
};

module.exports = {
  AI_ADDRCONFIG,
  AI_ALL,
  AI_V4MAPPED,
  binding,
  dnsException,
  emitInvalidHostnameWarning,
  errorCodes,
  getDefaultResultOrder,
  lookupOptions,
  setDefaultResultOrder,
  validateHints,
};
