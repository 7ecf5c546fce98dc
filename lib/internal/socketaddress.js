'use strict';

// net.SocketAddress: an IP address, port, family and IPv6 flow label,
// checked and normalized when made. Addresses are kept as numbers
// (BigInt, 32 or 128 bits) for BlockList.

const {
  codes: {
    ERR_INVALID_ADDRESS,
    ERR_INVALID_ARG_VALUE,
  },
} = require('internal/errors');
const {
  validateObject,
  validatePort,
  validateString,
  validateUint32,
} = require('internal/validators');
const { isIPv4, isIPv6 } = require('internal/net');

const kAddress = Symbol('kAddress');

// The 32-bit value of a dotted IPv4 address (already checked).
function parseIPv4(s) {
  let v = 0n;
  for (const part of s.split('.')) v = (v << 8n) | BigInt(Number(part));
  return v;
}

// The eight 16-bit words of an IPv6 address (already checked); a zone
// index after '%' is ignored.
function ipv6Words(s) {
  const pct = s.indexOf('%');
  if (pct !== -1) s = s.slice(0, pct);
  const expand = (side) => {
    if (side === '') return [];
    const words = [];
    for (const p of side.split(':')) {
      if (p.includes('.')) {
        const v = Number(parseIPv4(p));
        words.push(v >>> 16, v & 0xffff);
      } else {
        words.push(parseInt(p, 16));
      }
    }
    return words;
  };
  const gap = s.indexOf('::');
  if (gap === -1) return expand(s);
  const head = expand(s.slice(0, gap));
  const tail = expand(s.slice(gap + 2));
  const zeros = new Array(8 - head.length - tail.length).fill(0);
  return [...head, ...zeros, ...tail];
}

function parseIPv6(s) {
  let v = 0n;
  for (const w of ipv6Words(s)) v = (v << 16n) | BigInt(w);
  return v;
}

function formatIPv4(v) {
  const n = Number(v);
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

// Canonical text (as inet_ntop writes it): the longest run of two or more
// zero words becomes '::'; IPv4-mapped and -compatible forms end dotted.
function formatIPv6(v) {
  const words = [];
  for (let i = 7; i >= 0; i--) words.push(Number((v >> BigInt(i * 16)) &
                                                 0xffffn));
  let bestBase = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen) {
      bestBase = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (bestLen < 2) bestBase = -1;
  if (bestBase === 0 && (bestLen === 6 ||
      (bestLen === 5 && words[5] === 0xffff))) {
    const prefix = bestLen === 6 ? '::' : '::ffff:';
    return prefix + formatIPv4(v & 0xffffffffn);
  }
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (i === bestBase) {
      out += '::';
      i += bestLen - 1;
      continue;
    }
    if (out !== '' && !out.endsWith(':')) out += ':';
    out += words[i].toString(16);
  }
  return out;
}

// [numeric value, canonical text] of an address in a family, or null.
function parseAddress(address, family) {
  if (family === 'ipv4') {
    if (!isIPv4(address)) return null;
    const v = parseIPv4(address);
    return [v, formatIPv4(v)];
  }
  if (!isIPv6(address)) return null;
  const v = parseIPv6(address);
  return [v, formatIPv6(v)];
}

class SocketAddress {
  static isSocketAddress(value) {
    return value != null && typeof value === 'object' &&
      value[kAddress] !== undefined;
  }

  constructor(options = {}) {
    validateObject(options, 'options');
    let { family = 'ipv4' } = options;
    const {
      address = (family === 'ipv4' ? '127.0.0.1' : '::'),
      port = 0,
      flowlabel = 0,
    } = options;
    if (typeof family?.toLowerCase === 'function') {
      family = family.toLowerCase();
    }
    if (family !== 'ipv4' && family !== 'ipv6') {
      throw new ERR_INVALID_ARG_VALUE('options.family', options.family);
    }
    validateString(address, 'options.address');
    validatePort(port, 'options.port');
    validateUint32(flowlabel, 'options.flowlabel', false);
    const parsed = parseAddress(address, family);
    if (parsed === null) throw new ERR_INVALID_ADDRESS();
    this[kAddress] = {
      value: parsed[0],
      address: parsed[1],
      port: port | 0,
      family,
      flowlabel,
    };
  }

  get address() { return this[kAddress].address; }

  get port() { return this[kAddress].port; }

  get family() { return this[kAddress].family; }

  get flowlabel() { return this[kAddress].flowlabel; }

  toJSON() {
    return {
      address: this.address,
      port: this.port,
      family: this.family,
      flowlabel: this.flowlabel,
    };
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (depth < 0) return this;
    const opts = { ...options,
                   depth: options.depth == null ? null : options.depth - 1 };
    return `SocketAddress ${inspect(this.toJSON(), opts)}`;
  }
}

// The numeric value of a SocketAddress (for BlockList).
function addressValue(sa) {
  return sa[kAddress].value;
}

module.exports = {
  SocketAddress,
  addressValue,
  formatIPv4,
  formatIPv6,
  parseAddress,
};
