// What fs, fs/promises and the fs streams share: argument checks with
// Node's error codes and texts, open flags, Stats, Dirent, fs.constants.
'use strict';

const binding = internalBinding('fs');
const {
  validateInteger,
  validateInt32,
  validateFunction,
  parseFileMode,
} = require('internal/validators');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OUT_OF_RANGE,
  },
  AbortError,
  uvErrmapGet,
} = require('internal/errors');

// fs.constants: the binding's numbers in Node's order (those of the C
// table), without the natives.
const constants = {};
for (const key of Object.keys(binding)) {
  if (typeof binding[key] === 'number') constants[key] = binding[key];
}

const {
  O_RDONLY, O_WRONLY, O_RDWR, O_CREAT, O_TRUNC, O_APPEND, O_EXCL, O_SYNC,
  S_IFMT, S_IFREG, S_IFDIR, S_IFLNK, S_IFIFO, S_IFSOCK, S_IFCHR, S_IFBLK,
  UV_DIRENT_UNKNOWN, UV_DIRENT_FILE, UV_DIRENT_DIR, UV_DIRENT_LINK,
  UV_DIRENT_FIFO, UV_DIRENT_SOCKET, UV_DIRENT_CHAR, UV_DIRENT_BLOCK,
  F_OK,
} = constants;

const kMaxUserId = 2 ** 32 - 1;

// ---- Paths and descriptors ---------------------------------------------

function fileURLToPath(url) {
  return require('internal/url').fileURLToPath(url);
}

// A path argument as a string: strings, Buffers/Uint8Arrays (as UTF-8) and
// file: URLs, without NUL bytes.
function getValidatedPath(path, name = 'path') {
  if (path !== null && typeof path === 'object' &&
      typeof path.href === 'string' && path.protocol !== undefined) {
    path = fileURLToPath(path);
  } else if (path instanceof Uint8Array) {
    if (path.includes(0)) {
      throw new ERR_INVALID_ARG_VALUE(name, path,
        'must be a string or Uint8Array without null bytes');
    }
    path = Buffer.from(path.buffer, path.byteOffset, path.byteLength)
      .toString();
  } else if (typeof path !== 'string') {
    throw new ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'URL'], path);
  }
  if (path.includes('\u0000')) {
    throw new ERR_INVALID_ARG_VALUE(name, path,
      'must be a string or Uint8Array without null bytes');
  }
  return path;
}

function getValidatedFd(fd, name = 'fd') {
  validateInt32(fd, name, 0);
  return fd;
}

// ---- Open flags -----------------------------------------------------------

const flagTable = {
  'r': O_RDONLY,
  'rs': O_RDONLY | O_SYNC,
  'sr': O_RDONLY | O_SYNC,
  'r+': O_RDWR,
  'rs+': O_RDWR | O_SYNC,
  'sr+': O_RDWR | O_SYNC,
  'w': O_TRUNC | O_CREAT | O_WRONLY,
  'wx': O_TRUNC | O_CREAT | O_WRONLY | O_EXCL,
  'xw': O_TRUNC | O_CREAT | O_WRONLY | O_EXCL,
  'w+': O_TRUNC | O_CREAT | O_RDWR,
  'wx+': O_TRUNC | O_CREAT | O_RDWR | O_EXCL,
  'xw+': O_TRUNC | O_CREAT | O_RDWR | O_EXCL,
  'a': O_APPEND | O_CREAT | O_WRONLY,
  'ax': O_APPEND | O_CREAT | O_WRONLY | O_EXCL,
  'xa': O_APPEND | O_CREAT | O_WRONLY | O_EXCL,
  'as': O_APPEND | O_CREAT | O_WRONLY | O_SYNC,
  'sa': O_APPEND | O_CREAT | O_WRONLY | O_SYNC,
  'a+': O_APPEND | O_CREAT | O_RDWR,
  'ax+': O_APPEND | O_CREAT | O_RDWR | O_EXCL,
  'xa+': O_APPEND | O_CREAT | O_RDWR | O_EXCL,
  'as+': O_APPEND | O_CREAT | O_RDWR | O_SYNC,
  'sa+': O_APPEND | O_CREAT | O_RDWR | O_SYNC,
};

function stringToFlags(flags, name = 'flags') {
  if (typeof flags === 'number') return flags;
  if (flags == null) return O_RDONLY;
  if (typeof flags === 'string' && flagTable[flags] !== undefined) {
    return flagTable[flags];
  }
  throw new ERR_INVALID_ARG_VALUE(name, flags);
}

// ---- Options ---------------------------------------------------------------

function assertEncoding(encoding) {
  if (encoding && encoding !== 'buffer' && !Buffer.isEncoding(encoding)) {
    throw new ERR_INVALID_ARG_VALUE(`${encoding}`, 'encoding',
                                    'is invalid encoding');
  }
}

// Options may be an encoding name, an object, or nothing (a function in
// its place is the callback): the defaults filled in, the encoding checked.
function getOptions(options, defaults = {}) {
  if (options == null || typeof options === 'function') return defaults;
  if (typeof options === 'string') {
    options = { ...defaults, encoding: options };
  } else if (typeof options === 'object') {
    const copy = { ...defaults };
    for (const key in options) copy[key] = options[key];
    options = copy;
  } else {
    throw new ERR_INVALID_ARG_TYPE('options', ['string', 'Object'], options);
  }
  if (options.encoding !== 'buffer') assertEncoding(options.encoding);
  if (options.signal !== undefined) checkSignal(options.signal);
  return options;
}

function checkSignal(signal, name = 'options.signal') {
  if (signal === null || typeof signal !== 'object' ||
      !('aborted' in signal)) {
    throw new ERR_INVALID_ARG_TYPE(name, 'AbortSignal', signal);
  }
}

function abortError(signal) {
  return new AbortError(undefined, { cause: signal && signal.reason });
}

// A system error like the natives make, for failures found in JS.
function uvError(code, syscall, path, dest) {
  const errno = -require('os').constants.errno[code];
  const [, desc] = uvErrmapGet(errno) || [code, code];
  let message = `${code}: ${desc}, ${syscall}`;
  if (path !== undefined) message += ` '${path}'`;
  if (dest !== undefined) message += ` -> '${dest}'`;
  const err = new Error(message);
  err.errno = errno;
  err.code = code;
  err.syscall = syscall;
  if (path !== undefined) err.path = path;
  if (dest !== undefined) err.dest = dest;
  return err;
}

function makeCallback(cb) {
  validateFunction(cb, 'cb');
  return cb;
}

// A file mode for chmod & co.
function parseMode(mode, name = 'mode', def) {
  return parseFileMode(mode, name, def);
}

// access() modes: F_OK .. R_OK|W_OK|X_OK.
function getValidMode(mode, def = F_OK) {
  if (mode == null) return def;
  validateInteger(mode, 'mode', F_OK, 7);
  return mode;
}

function validateId(id, name) {
  validateInteger(id, name, -1, kMaxUserId);
}

// Seconds since the epoch of a Date, a number or a numeric string.
function toUnixTimestamp(time, name = 'time') {
  if (typeof time === 'string' && +time == time) return +time;
  if (typeof time === 'number' && Number.isFinite(time)) {
    return time < 0 ? Date.now() / 1000 : time;
  }
  if (time instanceof Date) return time.getTime() / 1000;
  throw new ERR_INVALID_ARG_TYPE(name, ['Date', 'Time in seconds'], time);
}

// read()'s offset and length against the buffer's size.
function validateOffsetLengthRead(offset, length, bufferLength) {
  if (offset < 0) throw new ERR_OUT_OF_RANGE('offset', '>= 0', offset);
  if (length < 0) throw new ERR_OUT_OF_RANGE('length', '>= 0', length);
  if (offset + length > bufferLength) {
    throw new ERR_OUT_OF_RANGE('length', `<= ${bufferLength - offset}`,
                               length);
  }
}

function validateOffsetLengthWrite(offset, length, byteLength) {
  if (offset > byteLength) {
    throw new ERR_OUT_OF_RANGE('offset', `<= ${byteLength}`, offset);
  }
  if (length > byteLength - offset) {
    throw new ERR_OUT_OF_RANGE('length', `<= ${byteLength - offset}`, length);
  }
  if (length < 0) throw new ERR_OUT_OF_RANGE('length', '>= 0', length);
  validateInt32(length, 'length', 0);
}

// A read/write position as the native takes it: -1 for "the current
// position" (null, undefined or -1), else a safe integer.
function toPosition(position, name = 'position') {
  if (position == null) return -1;
  if (typeof position === 'bigint') {
    if (position < -(2n ** 63n) || position > 2n ** 63n - 1n) {
      throw new ERR_OUT_OF_RANGE(name,
        `>= ${-(2n ** 63n)} && <= ${2n ** 63n - 1n}`, position);
    }
    position = Number(position);
  } else if (typeof position === 'number') {
    validateInteger(position, name);
  } else {
    throw new ERR_INVALID_ARG_TYPE(name, ['integer', 'bigint'], position);
  }
  if (position < 0) return -1;
  if (position > Number.MAX_SAFE_INTEGER) {
    throw new ERR_OUT_OF_RANGE(name, `<= ${Number.MAX_SAFE_INTEGER}`,
                               position);
  }
  return position;
}

function validateBufferArray(buffers, name = 'buffers') {
  if (!Array.isArray(buffers) ||
      !buffers.every((b) => ArrayBuffer.isView(b))) {
    throw new ERR_INVALID_ARG_TYPE(name, 'ArrayBufferView[]', buffers);
  }
  return buffers;
}

// An ArrayBufferView as a Uint8Array over the same bytes.
function toUint8(view) {
  return view instanceof Uint8Array ? view :
    new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

// ---- Stats -------------------------------------------------------------------

function isType(mode, type) {
  return (mode & S_IFMT) === type;
}

class StatsBase {
  isFile() { return this._type(S_IFREG); }
  isDirectory() { return this._type(S_IFDIR); }
  isSymbolicLink() { return this._type(S_IFLNK); }
  isFIFO() { return this._type(S_IFIFO); }
  isSocket() { return this._type(S_IFSOCK); }
  isCharacterDevice() { return this._type(S_IFCHR); }
  isBlockDevice() { return this._type(S_IFBLK); }
}
Object.defineProperty(StatsBase.prototype, '_type', {
  __proto__: null,
  value(type) {
    return typeof this.mode === 'bigint' ?
      (this.mode & BigInt(S_IFMT)) === BigInt(type) : isType(this.mode, type);
  },
  writable: true,
  configurable: true,
});

function msOf(sec, nsec) {
  return sec * 1e3 + nsec / 1e6;
}

// The fields Stats and BigIntStats share, in Node's order (which
// inspection shows).
function setIdentity(s, dev, mode, nlink, uid, gid, rdev, blksize, ino, size,
                     blocks, atimeMs, mtimeMs, ctimeMs, birthtimeMs) {
  s.dev = dev;
  s.mode = mode;
  s.nlink = nlink;
  s.uid = uid;
  s.gid = gid;
  s.rdev = rdev;
  s.blksize = blksize;
  s.ino = ino;
  s.size = size;
  s.blocks = blocks;
  s.atimeMs = atimeMs;
  s.mtimeMs = mtimeMs;
  s.ctimeMs = ctimeMs;
  s.birthtimeMs = birthtimeMs;
}

class Stats extends StatsBase {
  constructor(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
              atimeMs, mtimeMs, ctimeMs, birthtimeMs) {
    super();
    setIdentity(this, dev, mode, nlink, uid, gid, rdev, blksize, ino, size,
                blocks, atimeMs, mtimeMs, ctimeMs, birthtimeMs);
    this.atime = new Date(atimeMs);
    this.mtime = new Date(mtimeMs);
    this.ctime = new Date(ctimeMs);
    this.birthtime = new Date(birthtimeMs);
  }
}

class BigIntStats extends StatsBase {
  constructor(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
              atimeMs, mtimeMs, ctimeMs, birthtimeMs, atimeNs, mtimeNs,
              ctimeNs, birthtimeNs) {
    super();
    setIdentity(this, dev, mode, nlink, uid, gid, rdev, blksize, ino, size,
                blocks, atimeMs, mtimeMs, ctimeMs, birthtimeMs);
    this.atimeNs = atimeNs;
    this.mtimeNs = mtimeNs;
    this.ctimeNs = ctimeNs;
    this.birthtimeNs = birthtimeNs;
    this.atime = new Date(Number(atimeMs));
    this.mtime = new Date(Number(mtimeMs));
    this.ctime = new Date(Number(ctimeMs));
    this.birthtime = new Date(Number(birthtimeMs));
  }
}

// A BigIntStats from the native's fields: times exact to the nanosecond.
function bigIntStats(f) {
  const ns = (i) => BigInt(f[i]) * 1000000000n + BigInt(f[i + 1]);
  const times = [ns(10), ns(12), ns(14), ns(16)];
  const fields = f.slice(0, 10).map((v) => BigInt(v));
  return new BigIntStats(...fields, ...times.map((t) => t / 1000000n),
                         ...times);
}

// A Stats (or BigIntStats) from the native's array of fields.
function getStats(f, bigint = false) {
  if (bigint) return bigIntStats(f);
  return new Stats(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8],
                   f[9], msOf(f[10], f[11]), msOf(f[12], f[13]),
                   msOf(f[14], f[15]), msOf(f[16], f[17]));
}

class StatFs {
  constructor(f, bigint) {
    const conv = bigint ? BigInt : Number;
    [this.type, this.bsize, this.blocks, this.bfree, this.bavail,
     this.files, this.ffree] = f.map(conv);
  }
}

// ---- Dirent --------------------------------------------------------------------

const kType = Symbol('type');

class Dirent {
  constructor(name, type, path) {
    this.name = name;
    this.parentPath = path;
    this.path = path;
    this[kType] = type;
  }
  isDirectory() { return this[kType] === UV_DIRENT_DIR; }
  isFile() { return this[kType] === UV_DIRENT_FILE; }
  isBlockDevice() { return this[kType] === UV_DIRENT_BLOCK; }
  isCharacterDevice() { return this[kType] === UV_DIRENT_CHAR; }
  isSymbolicLink() { return this[kType] === UV_DIRENT_LINK; }
  isFIFO() { return this[kType] === UV_DIRENT_FIFO; }
  isSocket() { return this[kType] === UV_DIRENT_SOCKET; }
}

// The dirent type of a stat mode (for entries whose type readdir did not
// know).
function direntTypeOf(mode) {
  switch (mode & S_IFMT) {
    case S_IFREG: return UV_DIRENT_FILE;
    case S_IFDIR: return UV_DIRENT_DIR;
    case S_IFLNK: return UV_DIRENT_LINK;
    case S_IFIFO: return UV_DIRENT_FIFO;
    case S_IFSOCK: return UV_DIRENT_SOCKET;
    case S_IFCHR: return UV_DIRENT_CHAR;
    case S_IFBLK: return UV_DIRENT_BLOCK;
    default: return UV_DIRENT_UNKNOWN;
  }
}

// A name as the encoding asks: a string, or a Buffer for 'buffer'.
function encodeName(name, encoding) {
  if (encoding === 'buffer') return Buffer.from(name);
  if (encoding && encoding !== 'utf8' && encoding !== 'utf-8') {
    return Buffer.from(name).toString(encoding);
  }
  return name;
}

// readdir's result from the native's names (and types), as asked.
function getDirents(dir, result, options) {
  const { encoding } = options;
  if (!options.withFileTypes) {
    return result.map((n) => encodeName(n, encoding));
  }
  const [names, types] = result;
  return names.map((n, i) => {
    let type = types[i];
    if (type === UV_DIRENT_UNKNOWN) {
      try {
        type = direntTypeOf(binding.lstat(require('path').join(dir, n))[1]);
      } catch {
        // Gone meanwhile: stays unknown.
      }
    }
    return new Dirent(encodeName(n, encoding), type, dir);
  });
}

module.exports = {
  constants,
  kMaxUserId,
  getValidatedPath,
  getValidatedFd,
  stringToFlags,
  assertEncoding,
  getOptions,
  checkSignal,
  abortError,
  uvError,
  makeCallback,
  parseMode,
  getValidMode,
  validateId,
  toUnixTimestamp,
  validateOffsetLengthRead,
  validateOffsetLengthWrite,
  toPosition,
  validateBufferArray,
  toUint8,
  Stats,
  BigIntStats,
  StatFs,
  getStats,
  Dirent,
  direntTypeOf,
  encodeName,
  getDirents,
};
