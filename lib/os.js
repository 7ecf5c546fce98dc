// os: facts about the operating system and the machine, as Node 18's os
// module reports them. The natives are in src/os.c.
'use strict';

const binding = internalBinding('os');
const constantsBinding = internalBinding('constants');
const { validateInt32 } = require('internal/validators');
const { codes: { ERR_SYSTEM_ERROR } } = require('internal/errors');

// Calls a native that reports failure by filling a context object (see
// src/os.c) and throws Node's SystemError when it did.
function checked(fn, ...args) {
  const ctx = {};
  const result = fn(...args, ctx);
  if (ctx.errno !== undefined) throw new ERR_SYSTEM_ERROR(ctx);
  return result;
}

// Node lets some functions be used as their value in a string or number
// context (`${os.hostname}`), a leftover from when they were properties.
function asPrimitive(fn) {
  fn[Symbol.toPrimitive] = () => fn();
  return fn;
}

// ---------------------------------------------------------------------------
// The system and the user.

function hostname() {
  return checked(binding.getHostname);
}

function homedir() {
  return checked(binding.getHomeDirectory);
}

// The environment decides, not libuv: Node reads TMPDIR, TMP and TEMP (in
// that order, empty ones skipped) and drops one trailing slash.
function tmpdir() {
  const env = process.env;
  let path = env.TMPDIR || env.TMP || env.TEMP || '/tmp';
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return path;
}

// uname(2) fields, read once: [sysname, version, release, machine].
let unameFields;
function uname() {
  if (unameFields === undefined) {
    unameFields = checked(binding.getOSInformation);
  }
  return unameFields;
}

function getOSType() {
  return uname()[0];
}

function getOSVersion() {
  return uname()[1];
}

function getOSRelease() {
  return uname()[2];
}

function getMachine() {
  return uname()[3];
}

function arch() {
  return process.arch;
}

function platform() {
  return process.platform;
}

const kEndianness =
  new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 'LE' : 'BE';

function endianness() {
  return kEndianness;
}

// The encodings Node accepts by name for userInfo(), any letter case;
// anything else means UTF-8.
const kEncodings = {
  __proto__: null,
  'utf8': 'utf8', 'utf-8': 'utf8', 'buffer': 'buffer', 'hex': 'hex',
  'latin1': 'latin1', 'binary': 'latin1', 'ascii': 'ascii',
  'base64': 'base64', 'base64url': 'base64url', 'ucs2': 'utf16le',
  'ucs-2': 'utf16le', 'utf16le': 'utf16le', 'utf-16le': 'utf16le',
};

const kBase64 =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64(bytes, url) {
  const table = url ? `${kBase64.slice(0, 62)}-_` : kBase64;
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] || 0) << 8) |
              (bytes[i + 2] || 0);
    const chars = Math.min(bytes.length - i, 3) + 1;
    for (let k = 0; k < chars; k++) out += table[(n >> (18 - 6 * k)) & 63];
    if (!url) out += '='.repeat(4 - chars);
  }
  return out;
}

// Raw bytes of a passwd field in the given (non-UTF-8) encoding: a Buffer
// for 'buffer' once Buffer exists, else a Uint8Array.
function decodeBytes(bytes, encoding) {
  if (typeof Buffer === 'function') {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    return encoding === 'buffer' ? buf : buf.toString(encoding);
  }
  const chars = (fn) => Array.from(bytes, fn).join('');
  switch (encoding) {
    case 'buffer':
      return bytes;
    case 'hex':
      return chars((b) => b.toString(16).padStart(2, '0'));
    case 'latin1':
      return chars((b) => String.fromCharCode(b));
    case 'ascii':
      return chars((b) => String.fromCharCode(b & 0x7f));
    case 'utf16le': {
      let out = '';
      for (let i = 0; i + 1 < bytes.length; i += 2) {
        out += String.fromCharCode(bytes[i] | (bytes[i + 1] << 8));
      }
      return out;
    }
    default:
      return base64(bytes, encoding === 'base64url');
  }
}

function userInfo(options) {
  if (typeof options !== 'object') options = null;
  const name = options === null ? undefined : options.encoding;
  const encoding = (typeof name === 'string' &&
                    kEncodings[name.toLowerCase()]) || 'utf8';
  if (encoding === 'utf8') return checked(binding.getUserInfo, false);
  const info = checked(binding.getUserInfo, true);
  for (const key of ['username', 'homedir', 'shell']) {
    if (info[key] !== null) info[key] = decodeBytes(info[key], encoding);
  }
  return info;
}

// ---------------------------------------------------------------------------
// Processors, memory and load.

function cpus() {
  return binding.getCPUs() || [];
}

function getAvailableParallelism() {
  return binding.getAvailableParallelism();
}

function getTotalMem() {
  return binding.getTotalMem();
}

function getFreeMem() {
  return binding.getFreeMem();
}

function loadavg() {
  return binding.getLoadAvg();
}

function uptime() {
  return checked(binding.getUptime);
}

// ---------------------------------------------------------------------------
// Network interfaces.

// The groups of an IPv4 (8-bit) or IPv6 (16-bit) netmask as numbers, or
// null when the text cannot be read.
function maskGroups(netmask, v6) {
  if (!v6) return netmask.split('.').map(Number);
  const [head, tail] = netmask.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const zeros = tail === undefined ? 0 : 8 - left.length - right.length;
  const groups = [...left, ...new Array(Math.max(zeros, 0)).fill('0'),
                  ...right];
  if (groups.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return null;
  return groups.map((g) => parseInt(g, 16));
}

// The prefix length of a netmask ('255.255.255.0' gives 24), or null when
// its one bits do not all come first.
function prefixLength(netmask, v6) {
  const groups = maskGroups(netmask, v6);
  if (groups === null) return null;
  const width = v6 ? 16 : 8;
  let ones = 0;
  let zeroSeen = false;
  for (const group of groups) {
    for (let bit = width - 1; bit >= 0; bit--) {
      if ((group >> bit) & 1) {
        if (zeroSeen) return null;
        ones++;
      } else {
        zeroSeen = true;
      }
    }
  }
  return ones;
}

function networkInterfaces() {
  const result = {};
  const list = binding.getInterfaceAddresses();
  if (list === undefined) return result;
  for (let i = 0; i < list.length; i += 2) {
    const name = list[i];
    const { address, netmask, family, mac, internal, scopeid } = list[i + 1];
    const v6 = family === 'IPv6';
    const bits = prefixLength(netmask, v6);
    const entry = {
      address, netmask, family, mac, internal,
      cidr: bits === null ? null : `${address}/${bits}`,
    };
    if (v6) entry.scopeid = scopeid;
    if (result[name] === undefined) result[name] = [];
    result[name].push(entry);
  }
  return result;
}

// ---------------------------------------------------------------------------
// Scheduling priority.

function getPriority(pid) {
  if (pid === undefined) {
    pid = 0;
  } else {
    validateInt32(pid, 'pid');
  }
  return checked(binding.getPriority, pid);
}

// setPriority(priority) applies to this process, like setPriority(0, p).
function setPriority(pid, priority) {
  if (priority === undefined) {
    priority = pid;
    pid = 0;
  }
  validateInt32(pid, 'pid');
  validateInt32(priority, 'priority', -20, 19);
  checked(binding.setPriority, pid, priority);
}

// ---------------------------------------------------------------------------
// os.constants: null-prototype tables whose numbers cannot be changed.

function readOnly(obj, key, value) {
  Object.defineProperty(obj, key, {
    value, enumerable: true, writable: false, configurable: false,
  });
}

function table(source) {
  const out = Object.create(null);
  for (const key of Object.keys(source)) readOnly(out, key, source[key]);
  return out;
}

const constants = Object.create(null);
readOnly(constants, 'UV_UDP_REUSEADDR', constantsBinding.UV_UDP_REUSEADDR);
constants.dlopen = table(constantsBinding.dlopen);
constants.errno = table(constantsBinding.errno);
constants.signals = table(constantsBinding.signals);
constants.priority = table(constantsBinding.priority);

module.exports = {
  arch: asPrimitive(arch),
  availableParallelism: asPrimitive(getAvailableParallelism),
  cpus,
  endianness: asPrimitive(endianness),
  freemem: asPrimitive(getFreeMem),
  getPriority,
  homedir: asPrimitive(homedir),
  hostname: asPrimitive(hostname),
  loadavg,
  networkInterfaces,
  platform: asPrimitive(platform),
  release: asPrimitive(getOSRelease),
  setPriority,
  tmpdir: asPrimitive(tmpdir),
  totalmem: asPrimitive(getTotalMem),
  type: asPrimitive(getOSType),
  userInfo,
  uptime: asPrimitive(uptime),
  version: asPrimitive(getOSVersion),
  machine: asPrimitive(getMachine),
};

readOnly(module.exports, 'constants', constants);
for (const [key, value] of [['EOL', '\n'], ['devNull', '/dev/null']]) {
  Object.defineProperty(module.exports, key, {
    value, enumerable: true, writable: false, configurable: true,
  });
}
