'use strict';

// The getaddrinfo / getnameinfo requests behind dns.lookup and
// dns.lookupService, in callback form; dns/promises wraps them.

const {
  codes: { ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS },
} = require('internal/errors');
const { validatePort, validateString } = require('internal/validators');
const { isIP } = require('internal/net');
const {
  binding, dnsException, emitInvalidHostnameWarning, lookupOptions,
} = require('internal/dns/utils');
const { perfEnd, perfStart } = require('internal/perf/observe');

const ORDER_VERBATIM = 0;
const ORDER_IPV4_FIRST = 1;

let toASCII;
function hostnameToASCII(hostname) {
  if (toASCII === undefined) toASCII = require('punycode').toASCII;
  return /^[\x00-\x7f]*$/.test(hostname) ? hostname : toASCII(hostname);
}

// Looks hostname up; done(err, address, family) or, with options.all,
// done(err, [{ address, family }]). Checks its arguments (except done).
function lookupInternal(hostname, opts, done) {
  if (hostname) validateString(hostname, 'hostname');
  const { family, hints, all, verbatim } = lookupOptions(opts);

  if (!hostname) {
    emitInvalidHostnameWarning(hostname);
    if (all) process.nextTick(done, null, []);
    else process.nextTick(done, null, null, family === 6 ? 6 : 4);
    return;
  }

  const matched = isIP(hostname);
  if (matched) {
    if (all) process.nextTick(done, null, [{ address: hostname,
                                             family: matched }]);
    else process.nextTick(done, null, hostname, matched);
    return;
  }

  const order = verbatim ? ORDER_VERBATIM : ORDER_IPV4_FIRST;
  const perf = perfStart('dns');
  const err = binding.getaddrinfo(hostnameToASCII(hostname), family, hints,
                                  order, (status, addresses) => {
    if (status) {
      done(dnsException(status, 'getaddrinfo', hostname));
      return;
    }
    if (all) {
      done(null, addresses.map((address) => ({
        address, family: family || isIP(address),
      })));
    } else {
      done(null, addresses[0], family || isIP(addresses[0]));
    }
    if (perf !== undefined) {
      perfEnd(perf, 'lookup', 'dns',
              { hostname, family, hints, verbatim, addresses });
    }
  });
  if (err) process.nextTick(done, dnsException(err, 'getaddrinfo', hostname));
}

// done(err, hostname, service) for a numeric address and a port.
function lookupServiceInternal(address, port, argc, done) {
  if (argc < 3) throw new ERR_MISSING_ARGS('address', 'port', 'callback');
  validateString(address, 'address');
  if (isIP(address) === 0) throw new ERR_INVALID_ARG_VALUE('address', address);
  validatePort(port);
  return () => {
    const perf = perfStart('dns');
    const err = binding.getnameinfo(address, +port, (status, host, service) => {
      if (status) {
        done(dnsException(status, 'getnameinfo', address));
        return;
      }
      done(null, host, service);
      if (perf !== undefined) {
        perfEnd(perf, 'lookupService', 'dns',
                { host: address, port: +port, hostname: host, service });
      }
    });
    if (err) process.nextTick(done, dnsException(err, 'getnameinfo', address));
  };
}

module.exports = { lookupInternal, lookupServiceInternal };
