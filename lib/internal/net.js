'use strict';

// IP address syntax shared by net, dns, BlockList and SocketAddress.

// One decimal octet: 0-255 without leading zeros.
const octet = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])';
const ipv4Pattern = `${octet}(?:\\.${octet}){3}`;
const ipv4Re = new RegExp(`^${ipv4Pattern}$`);
const hexGroupRe = /^[0-9a-fA-F]{1,4}$/;
const zoneRe = /^[0-9a-zA-Z\-.:]+$/;

// Like Node, non-strings are coerced ('1.2.3.4' from an object's
// toString counts).
function isIPv4(s) {
  return ipv4Re.test(`${s}`);
}

// Counts the 16-bit groups of one side of an IPv6 address ('' has none);
// the last group may be a dotted IPv4 address (worth two) when `tail`.
// -1 when a group is malformed.
function countGroups(side, tail) {
  if (side === '') return 0;
  const parts = side.split(':');
  let n = 0;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (hexGroupRe.test(p)) {
      n++;
    } else if (tail && i === parts.length - 1 && ipv4Re.test(p)) {
      n += 2;
    } else {
      return -1;
    }
  }
  return n;
}

function isIPv6(s) {
  s = `${s}`;
  if (s.length === 0) return false;
  const pct = s.indexOf('%');
  let addr = s;
  if (pct !== -1) {
    if (!zoneRe.test(s.slice(pct + 1))) return false;
    addr = s.slice(0, pct);
  }
  const gap = addr.indexOf('::');
  if (gap === -1) return countGroups(addr, true) === 8;
  if (addr.indexOf('::', gap + 1) !== -1) return false;
  const head = countGroups(addr.slice(0, gap), false);
  const rest = countGroups(addr.slice(gap + 2), true);
  return head >= 0 && rest >= 0 && head + rest <= 7;
}

function isIP(s) {
  if (isIPv4(s)) return 4;
  if (isIPv6(s)) return 6;
  return 0;
}

// Which argument list net.connect / server.listen were given once
// normalized (options first, then the callback).
const normalizedArgsSymbol = Symbol('normalizedArgs');

// A socket's count of bytes read, which the HTTP server adds to for the
// reads its parser consumes.
const kBytesRead = Symbol('kBytesRead');

module.exports = { isIP, isIPv4, isIPv6, kBytesRead, normalizedArgsSymbol };
