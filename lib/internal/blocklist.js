'use strict';

// net.BlockList: rules (single addresses, ranges, subnets) to check IP
// addresses against. IPv4 and IPv6 rules are kept apart; an IPv4-mapped
// IPv6 address (::ffff:a.b.c.d) is checked against IPv4 rules too, and an
// IPv4 address against IPv6 rules as its mapped form.

const {
  codes: {
    ERR_INVALID_ADDRESS,
    ERR_INVALID_ARG_VALUE,
  },
} = require('internal/errors');
const { validateInt32, validateString } = require('internal/validators');
const {
  SocketAddress, addressValue, parseAddress,
} = require('internal/socketaddress');

const kRules = Symbol('kRules');
const kMapped = 0xffff00000000n;
const kMappedMask = ~0xffffffffn & ((1n << 128n) - 1n);

function checkFamily(family, name = 'options.family') {
  validateString(family, name);
  const f = family.toLowerCase();
  if (f !== 'ipv4' && f !== 'ipv6') {
    throw new ERR_INVALID_ARG_VALUE(name, family);
  }
  return f;
}

// [value, text, family] of an address argument (string or SocketAddress).
function toAddress(address, family, name) {
  if (SocketAddress.isSocketAddress(address)) {
    return [addressValue(address), address.address, address.family];
  }
  validateString(address, name);
  family = checkFamily(family);
  const parsed = parseAddress(address, family);
  if (parsed === null) throw new ERR_INVALID_ADDRESS();
  return [parsed[0], parsed[1], family];
}

// The value of `v` (of family) seen in the other family, or null.
function crossFamily(v, family) {
  if (family === 'ipv4') return kMapped | v;
  if ((v & kMappedMask) === kMapped) return v & 0xffffffffn;
  return null;
}

class BlockList {
  constructor() {
    this[kRules] = [];
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (depth < 0) return this;
    const opts = { ...options,
                   depth: options.depth == null ? null : options.depth - 1 };
    return `BlockList ${inspect({ rules: this.rules }, opts)}`;
  }

  addAddress(address, family = 'ipv4') {
    const [v, text, fam] = toAddress(address, family, 'address');
    this[kRules].unshift({
      family: fam,
      match: (x) => x === v,
      text: `Address: ${label(fam)} ${text}`,
    });
  }

  addRange(start, end, family = 'ipv4') {
    const [a, atext, afam] = toAddress(start, family, 'start');
    const [b, btext, bfam] = toAddress(end, family, 'end');
    if (afam !== bfam) throw new ERR_INVALID_ADDRESS();
    if (a > b) {
      throw new ERR_INVALID_ARG_VALUE('start', start, 'must come before end');
    }
    this[kRules].unshift({
      family: afam,
      match: (x) => x >= a && x <= b,
      text: `Range: ${label(afam)} ${atext}-${btext}`,
    });
  }

  addSubnet(network, prefix, family = 'ipv4') {
    const [v, text, fam] = toAddress(network, family, 'network');
    const bits = fam === 'ipv4' ? 32 : 128;
    validateInt32(prefix, 'prefix', 0, bits);
    const shift = BigInt(bits - prefix);
    const base = v >> shift;
    this[kRules].unshift({
      family: fam,
      match: (x) => (x >> shift) === base,
      text: `Subnet: ${label(fam)} ${text}/${prefix}`,
    });
  }

  check(address, family = 'ipv4') {
    let v;
    let fam;
    if (SocketAddress.isSocketAddress(address)) {
      v = addressValue(address);
      fam = address.family;
    } else {
      validateString(address, 'address');
      fam = checkFamily(family);
      const parsed = parseAddress(address, fam);
      if (parsed === null) return false;
      v = parsed[0];
    }
    const other = crossFamily(v, fam);
    for (const rule of this[kRules]) {
      if (rule.family === fam) {
        if (rule.match(v)) return true;
      } else if (other !== null && rule.match(other)) {
        return true;
      }
    }
    return false;
  }

  get rules() {
    return this[kRules].map((r) => r.text);
  }
}

function label(family) {
  return family === 'ipv4' ? 'IPv4' : 'IPv6';
}

module.exports = { BlockList };
