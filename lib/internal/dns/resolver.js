'use strict';

// dns.Resolver on c-ares (binding cares_wrap): queries by record type,
// reverse lookups and the server list. Callback form; dns/promises wraps
// the same requests.

const {
  codes: {
    ERR_DNS_SET_SERVERS_FAILED,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_IP_ADDRESS,
  },
} = require('internal/errors');
const {
  validateArray,
  validateFunction,
  validateInt32,
  validateObject,
  validateString,
} = require('internal/validators');
const { isIP } = require('internal/net');
const { dnsException } = require('internal/dns/utils');

const cares = internalBinding('cares_wrap');

const kHandle = Symbol('kHandle');
const DNS_PORT = 53;

// rrtype -> [numeric type, the syscall named in errors]
const rrtypes = {
  A: [1, 'queryA'],
  AAAA: [28, 'queryAaaa'],
  ANY: [255, 'queryAny'],
  CAA: [257, 'queryCaa'],
  CNAME: [5, 'queryCname'],
  MX: [15, 'queryMx'],
  NAPTR: [35, 'queryNaptr'],
  NS: [2, 'queryNs'],
  PTR: [12, 'queryPtr'],
  SOA: [6, 'querySoa'],
  SRV: [33, 'querySrv'],
  TXT: [16, 'queryTxt'],
};

// Starts a request; done(err, result) always runs asynchronously.
function start(resolver, op, name, ttl, done) {
  const handle = resolver[kHandle];
  const finish = (code, result) => {
    if (code) done(dnsException(code, op.syscall, name));
    else done(null, result);
  };
  const now = op.type === 0 ?
    cares.getHostByAddr(handle, name, finish) :
    cares.query(handle, op.type, name, ttl, finish);
  if (now !== undefined) process.nextTick(finish, now[0], now[1]);
}

class Resolver {
  constructor(options = undefined) {
    let timeout = -1;
    let tries = 4;
    if (options !== undefined) {
      validateObject(options, 'options');
      if (options.timeout !== undefined) {
        validateInt32(options.timeout, 'options.timeout', -1);
        timeout = options.timeout;
      }
      if (options.tries !== undefined) {
        validateInt32(options.tries, 'options.tries', 1);
        tries = options.tries;
      }
    }
    this[kHandle] = cares.create(timeout, tries);
  }

  cancel() {
    cares.cancel(this[kHandle]);
  }

  getServers() {
    return cares.getServers(this[kHandle]).map(([ip, port]) => {
      // Port 0 stands for the default (servers from resolv.conf).
      if (port === DNS_PORT || port === 0) return ip;
      return isIP(ip) === 6 ? `[${ip}]:${port}` : `${ip}:${port}`;
    });
  }

  setServers(servers) {
    validateArray(servers, 'servers');
    const list = servers.map((s, i) => {
      validateString(s, `servers[${i}]`);
      return parseServer(s);
    });
    const err = cares.setServers(this[kHandle], list);
    if (err !== 0) {
      throw new ERR_DNS_SET_SERVERS_FAILED(cares.strerror(err), servers);
    }
  }

  // One address of each family at most, in either order.
  setLocalAddress(ipv4, ipv6) {
    validateString(ipv4, 'ipv4');
    if (ipv6 !== undefined) validateString(ipv6, 'ipv6');
    const local = { 4: undefined, 6: undefined };
    for (const ip of ipv6 === undefined ? [ipv4] : [ipv4, ipv6]) {
      const family = isIP(ip);
      if (family === 0) throw argValueError('Invalid IP address.');
      if (local[family] !== undefined) {
        throw argValueError(`Cannot specify two IPv${family} addresses.`);
      }
      local[family] = ip;
    }
    cares.setLocalAddress(this[kHandle], local[4], local[6]);
  }

  resolve(hostname, rrtype, callback) {
    if (typeof rrtype === 'function') {
      callback = rrtype;
      rrtype = 'A';
    } else if (rrtype === undefined) {
      rrtype = 'A';
    } else {
      validateString(rrtype, 'rrtype');
    }
    if (!Object.prototype.hasOwnProperty.call(rrtypes, rrtype)) {
      throw new ERR_INVALID_ARG_VALUE('rrtype', rrtype);
    }
    return this[`resolve${rrtype === 'AAAA' ? '6' : rrtype === 'A' ? '4' :
      rrtype[0] + rrtype.slice(1).toLowerCase()}`](hostname, callback);
  }

  reverse(ip, callback) {
    validateString(ip, 'ip');
    validateFunction(callback, 'callback');
    if (isIP(ip) === 0) throw dnsException('EINVAL', 'getHostByAddr', ip);
    start(this, { type: 0, syscall: 'getHostByAddr' }, ip, false, callback);
    return {};
  }
}

// ERR_INVALID_ARG_VALUE with Node's own wording for setLocalAddress.
function argValueError(message) {
  const err = new TypeError(message);
  err.code = 'ERR_INVALID_ARG_VALUE';
  return err;
}

// Resolver#resolve4, #resolve6, #resolveMx ... and resolveAny.
function defineQuery(method, rrtype) {
  const [type, syscall] = rrtypes[rrtype];
  Resolver.prototype[method] = function(name, options, callback) {
    validateString(name, 'name');
    let ttl = false;
    if (typeof options === 'function') {
      callback = options;
    } else if (options !== undefined && options !== null) {
      validateObject(options, 'options');
      ttl = Boolean(options.ttl);
    }
    validateFunction(callback, 'callback');
    start(this, { type, syscall }, name, ttl, callback);
    return {};
  };
}

const methods = {
  resolve4: 'A',
  resolve6: 'AAAA',
  resolveAny: 'ANY',
  resolveCaa: 'CAA',
  resolveCname: 'CNAME',
  resolveMx: 'MX',
  resolveNaptr: 'NAPTR',
  resolveNs: 'NS',
  resolvePtr: 'PTR',
  resolveSoa: 'SOA',
  resolveSrv: 'SRV',
  resolveTxt: 'TXT',
};
for (const [method, rrtype] of Object.entries(methods)) {
  defineQuery(method, rrtype);
}

// 'ip', 'ip:port', '[ipv6]' or '[ipv6]:port' -> [family, ip, port]
function parseServer(s) {
  let family = isIP(s);
  if (family !== 0) return [family, s, DNS_PORT];
  const bracket = /^\[([^[\]]*)\](?::(\d+))?$/.exec(s);
  if (bracket) {
    family = isIP(bracket[1]);
    if (family !== 0) {
      return [family, bracket[1], parseInt(bracket[2], 10) || DNS_PORT];
    }
  }
  const split = /^(.+?)(?::(\d+))?$/.exec(s);
  if (split) {
    family = isIP(split[1]);
    if (family !== 0) {
      return [family, split[1], parseInt(split[2], 10) || DNS_PORT];
    }
  }
  throw new ERR_INVALID_IP_ADDRESS(s);
}

// The resolver behind the dns module's own functions (callback and
// promise forms alike).
let defaultResolver;
function getDefaultResolver() {
  if (defaultResolver === undefined) defaultResolver = new Resolver();
  return defaultResolver;
}

// dns.setServers(): a new default resolver with those servers, so that
// queries in flight on the old one go on undisturbed.
function setDefaultServers(servers) {
  const resolver = new Resolver();
  resolver.setServers(servers);
  defaultResolver = resolver;
}

module.exports = {
  Resolver,
  getDefaultResolver,
  methods,
  setDefaultServers,
  rrtypes,
  start,
};
