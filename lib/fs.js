// fs: every function in its callback and synchronous form (fs.promises is
// lib/fs/promises.js). The natives of internalBinding('fs') block when
// called without a callback and run on libuv's threadpool with one; this
// file checks arguments first, with Node's errors, before touching the
// disk. Streams are in lib/internal/fs/streams.js, fs.watch and
// fs.watchFile in lib/internal/fs/watchers.js, Dir in
// lib/internal/fs/dir.js, cp in lib/internal/fs/cp.js.
'use strict';

const binding = internalBinding('fs');
const pathModule = require('path');
const {
  validateString,
  validateInteger,
  validateInt32,
  validateBoolean,
  validateObject,
  validateFunction,
  validateEncoding,
} = require('internal/validators');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_FS_EISDIR,
    ERR_FS_INVALID_SYMLINK_TYPE,
  },
} = require('internal/errors');
const {
  constants,
  getValidatedPath,
  getValidatedFd,
  stringToFlags,
  getOptions,
  abortError,
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
  StatFs,
  getStats,
  Dirent,
  encodeName,
  getDirents,
  uvError,
} = require('internal/fs/utils');

const {
  F_OK, R_OK, W_OK, X_OK, O_WRONLY, O_CREAT, O_EXCL,
  UV_FS_SYMLINK_DIR, UV_FS_SYMLINK_JUNCTION,
} = constants;

// A callback that maps a native's result before handing it on.
function mapped(cb, map) {
  return (err, value) => (err ? cb(err) : cb(null, map(value)));
}

// A callback for natives without a result: cb(null) on success.
function plain(cb) {
  return (err) => cb(err || null);
}

// ---- access, exists --------------------------------------------------------

function access(path, mode, cb) {
  if (typeof mode === 'function') {
    cb = mode;
    mode = F_OK;
  }
  path = getValidatedPath(path);
  mode = getValidMode(mode);
  binding.access(path, mode, plain(makeCallback(cb)));
}

function accessSync(path, mode) {
  binding.access(getValidatedPath(path), getValidMode(mode));
}

// Deprecated in Node (its callback has no error argument), still working.
function exists(path, cb) {
  validateFunction(cb, 'cb');
  try {
    path = getValidatedPath(path);
  } catch {
    process.nextTick(cb, false);
    return;
  }
  binding.access(path, F_OK, (err) => cb(!err));
}
Object.defineProperty(exists, require('util').promisify.custom, {
  __proto__: null,
  value: (path) => new Promise((resolve) => exists(path, resolve)),
});

function existsSync(path) {
  try {
    binding.access(getValidatedPath(path), F_OK);
    return true;
  } catch {
    return false;
  }
}

// ---- open, close, read, write ----------------------------------------------

function open(path, flags, mode, cb) {
  path = getValidatedPath(path);
  if (arguments.length < 3) {
    cb = flags;
    flags = 'r';
    mode = 0o666;
  } else if (typeof mode === 'function') {
    cb = mode;
    mode = 0o666;
  } else {
    mode = parseMode(mode, 'mode', 0o666);
  }
  const flagsNumber = stringToFlags(flags);
  binding.open(path, flagsNumber, mode, makeCallback(cb));
}

function openSync(path, flags, mode) {
  return binding.open(getValidatedPath(path), stringToFlags(flags),
                      parseMode(mode, 'mode', 0o666));
}

function defaultCloseCallback(err) {
  if (err != null) throw err;
}

function close(fd, cb = defaultCloseCallback) {
  fd = getValidatedFd(fd);
  if (cb !== defaultCloseCallback) cb = makeCallback(cb);
  binding.close(fd, plain(cb));
}

function closeSync(fd) {
  binding.close(getValidatedFd(fd));
}

// The arguments of read() and readSync() after the fd, checked:
// { buffer, offset, length, position }. In the options form, `options`
// (anything but an object counts as none) holds them.
function readArgs(buffer, offset, length, position, optionsForm) {
  if (optionsForm) {
    const o = offset !== null && typeof offset === 'object' ? offset : {};
    if (!ArrayBuffer.isView(buffer)) {
      buffer = o.buffer === undefined ? Buffer.alloc(16384) : o.buffer;
    }
    offset = o.offset ?? 0;
    // As in Node, a null buffer fails here with a plain TypeError.
    length = o.length ?? buffer.byteLength - offset;
    position = o.position ?? null;
  }
  if (!ArrayBuffer.isView(buffer)) {
    throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray',
      'DataView'], buffer);
  }
  if (offset == null) offset = 0;
  else validateInteger(offset, 'offset', 0);
  length |= 0;
  return { buffer, offset, length, position };
}

function read(fd, buffer, offset, length, position, cb) {
  fd = getValidatedFd(fd);
  let args;
  if (arguments.length <= 4 || typeof length === 'function' ||
      typeof offset === 'function' || typeof buffer === 'function') {
    // read(fd, cb), read(fd, options, cb), read(fd, buffer, cb),
    // read(fd, buffer, options, cb)
    cb = [buffer, offset, length, position].find(
      (a) => typeof a === 'function');
    if (typeof buffer === 'function') buffer = undefined;
    const opts = typeof offset === 'function' ? undefined : offset;
    if (ArrayBuffer.isView(buffer)) {
      args = readArgs(buffer, opts, undefined, undefined, true);
    } else {
      args = readArgs(undefined, buffer, undefined, undefined, true);
    }
  } else {
    args = readArgs(buffer, offset, length, position, false);
  }
  validateFunction(cb, 'cb');
  const { length: len, offset: off } = args;
  buffer = args.buffer;
  if (len === 0) {
    process.nextTick(cb, null, 0, buffer);
    return;
  }
  if (buffer.byteLength === 0) {
    throw new ERR_INVALID_ARG_VALUE('buffer', buffer,
                                    'is empty and cannot be written');
  }
  validateOffsetLengthRead(off, len, buffer.byteLength);
  const pos = toPosition(args.position);
  binding.read(fd, toUint8(buffer), off, len, pos,
               (err, n) => (err ? cb(err) : cb(null, n, buffer)));
}
Object.defineProperty(read, require('util').promisify.custom, {
  __proto__: null,
  value: (...args) => new Promise((resolve, reject) => {
    read(...args, (err, bytesRead, buffer) => {
      if (err) reject(err);
      else resolve({ bytesRead, buffer });
    });
  }),
});

function readSync(fd, buffer, offset, length, position) {
  fd = getValidatedFd(fd);
  if (!ArrayBuffer.isView(buffer)) {
    throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray',
      'DataView'], buffer);
  }
  const args = readArgs(buffer, offset, length, position,
                        arguments.length <= 3 || typeof offset === 'object');
  if (args.length === 0) return 0;
  if (buffer.byteLength === 0) {
    throw new ERR_INVALID_ARG_VALUE('buffer', buffer,
                                    'is empty and cannot be written');
  }
  validateOffsetLengthRead(args.offset, args.length, buffer.byteLength);
  return binding.read(fd, toUint8(buffer), args.offset, args.length,
                      toPosition(args.position));
}

// The arguments of write() and writeSync() after the fd, checked:
// { bytes, offset, length, position }.
function writeArgs(buffer, offset, length, position) {
  if (ArrayBuffer.isView(buffer)) {
    if (offset !== null && typeof offset === 'object') {
      ({ offset = 0, length = buffer.byteLength - offset,
         position = null } = offset);
    }
    if (offset == null) offset = 0;
    else validateInteger(offset, 'offset', 0);
    if (typeof length !== 'number') length = buffer.byteLength - offset;
    if (typeof position !== 'number' && typeof position !== 'bigint') {
      position = null;
    }
    validateOffsetLengthWrite(offset, length, buffer.byteLength);
    return { bytes: toUint8(buffer), offset, length,
             position: toPosition(position) };
  }
  if (typeof buffer !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer',
      'TypedArray', 'DataView'], buffer);
  }
  // write(fd, string, position, encoding)
  const encoding = typeof length === 'string' ? length : 'utf8';
  validateEncoding(buffer, encoding);
  const bytes = Buffer.from(buffer, encoding);
  if (typeof offset !== 'number' && typeof offset !== 'bigint') {
    offset = null;
  }
  return { bytes, offset: 0, length: bytes.byteLength,
           position: toPosition(offset) };
}

function write(fd, buffer, offset, length, position, cb) {
  fd = getValidatedFd(fd);
  const rest = [offset, length, position, cb];
  const at = rest.findIndex((a) => typeof a === 'function');
  cb = makeCallback(rest[at]);
  for (let i = at; i < 4; i++) rest[i] = undefined;
  const a = writeArgs(buffer, rest[0], rest[1], rest[2]);
  binding.write(fd, a.bytes, a.offset, a.length, a.position,
                (err, n) => (err ? cb(err) : cb(null, n, buffer)));
}
Object.defineProperty(write, require('util').promisify.custom, {
  __proto__: null,
  value: (...args) => new Promise((resolve, reject) => {
    write(...args, (err, bytesWritten, buffer) => {
      if (err) reject(err);
      else resolve({ bytesWritten, buffer });
    });
  }),
});

function writeSync(fd, buffer, offset, length, position) {
  fd = getValidatedFd(fd);
  const a = writeArgs(buffer, offset, length, position);
  return binding.write(fd, a.bytes, a.offset, a.length, a.position);
}

function readv(fd, buffers, position, cb) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  if (typeof position === 'function') {
    cb = position;
    position = null;
  }
  cb = makeCallback(cb);
  if (typeof position !== 'number') position = null;
  binding.readv(fd, buffers, toPosition(position),
                (err, n) => (err ? cb(err) : cb(null, n, buffers)));
}

function customPromisify(fn, names) {
  Object.defineProperty(fn, require('util').promisify.custom, {
    __proto__: null,
    value: (...args) => new Promise((resolve, reject) => {
      fn(...args, (err, n, data) => {
        if (err) reject(err);
        else resolve({ [names[0]]: n, [names[1]]: data });
      });
    }),
  });
}
customPromisify(readv, ['bytesRead', 'buffers']);

function readvSync(fd, buffers, position) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  if (typeof position !== 'number') position = null;
  return binding.readv(fd, buffers, toPosition(position));
}

function writev(fd, buffers, position, cb) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  if (typeof position === 'function') {
    cb = position;
    position = null;
  }
  cb = makeCallback(cb);
  if (typeof position !== 'number') position = null;
  if (buffers.length === 0) {
    process.nextTick(cb, null, 0, buffers);
    return;
  }
  binding.writev(fd, buffers, toPosition(position),
                 (err, n) => (err ? cb(err) : cb(null, n, buffers)));
}

customPromisify(writev, ['bytesWritten', 'buffers']);

function writevSync(fd, buffers, position) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  if (buffers.length === 0) return 0;
  if (typeof position !== 'number') position = null;
  return binding.writev(fd, buffers, toPosition(position));
}

// ---- readFile, writeFile, appendFile ---------------------------------------

// A path argument that is a descriptor (Node: a uint32).
function isFd(path) {
  return (path >>> 0) === path;
}

function decode(bytes, encoding) {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset,
                             bytes.byteLength);
  return encoding && encoding !== 'buffer' ? buffer.toString(encoding) :
    buffer;
}

function readFile(path, options, cb) {
  cb = makeCallback(cb || options);
  options = getOptions(options, { flag: 'r' });
  const { encoding, signal } = options;
  const fd = isFd(path) ? getValidatedFd(path) : undefined;
  if (fd === undefined) path = getValidatedPath(path);
  const flags = stringToFlags(options.flag);
  if (signal && signal.aborted) {
    process.nextTick(cb, abortError(signal));
    return;
  }
  const done = (err, bytes) => {
    if (signal && signal.aborted) return cb(abortError(signal));
    if (err) return cb(err);
    cb(null, decode(bytes, encoding));
  };
  if (fd !== undefined || flags === constants.O_RDONLY) {
    binding.readFileBytes(fd !== undefined ? fd : path, done);
    return;
  }
  binding.open(path, flags, 0o666, (err, opened) => {
    if (err) return cb(err);
    binding.readFileBytes(opened, (rerr, bytes) => {
      binding.close(opened, (cerr) => done(rerr || cerr, bytes));
    });
  });
}

function readFileSync(path, options) {
  options = getOptions(options, { flag: 'r' });
  const { encoding } = options;
  const flags = stringToFlags(options.flag);
  let file;
  if (isFd(path)) {
    file = getValidatedFd(path);
  } else {
    file = getValidatedPath(path);
    if (flags !== constants.O_RDONLY) {
      const fd = binding.open(file, flags, 0o666);
      try {
        return decode(binding.readFileBytes(fd), encoding);
      } finally {
        binding.close(fd);
      }
    }
  }
  if (encoding === 'utf8' || encoding === 'utf-8') {
    return binding.readFileUtf8(file);
  }
  return decode(binding.readFileBytes(file), encoding);
}

let toStringWarned = false;
function dataBytes(data, encoding) {
  if (typeof data === 'object' && data !== null &&
      Object.prototype.hasOwnProperty.call(data, 'toString') &&
      typeof data.toString === 'function') {
    if (!toStringWarned) {
      toStringWarned = true;
      process.emitWarning('Implicit coercion of objects with own toString ' +
                          'property is deprecated.', 'DeprecationWarning',
                          'DEP0162');
    }
    data = String(data);
  }
  if (typeof data === 'string') return Buffer.from(data, encoding || 'utf8');
  if (ArrayBuffer.isView(data)) return toUint8(data);
  throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray',
    'DataView'], data);
}

// Writes all of bytes to fd from its current position (or from `position`
// on, when it is >= 0), then cb(err).
function writeAll(fd, bytes, position, signal, cb) {
  let off = 0;
  const step = (err, n) => {
    if (err) return cb(err);
    off += n;
    if (position >= 0) position += n;
    if (off >= bytes.byteLength) return cb(null);
    if (signal && signal.aborted) return cb(abortError(signal));
    binding.write(fd, bytes, off, bytes.byteLength - off, position, step);
  };
  if (signal && signal.aborted) return cb(abortError(signal));
  if (bytes.byteLength === 0) return process.nextTick(cb, null);
  binding.write(fd, bytes, 0, bytes.byteLength, position, step);
}

function writeFile(path, data, options, cb) {
  cb = makeCallback(cb || options);
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  const bytes = dataBytes(data, options.encoding);
  const { signal } = options;
  if (isFd(path)) {
    writeAll(getValidatedFd(path), bytes, -1, signal, cb);
    return;
  }
  path = getValidatedPath(path);
  const flags = stringToFlags(options.flag);
  const mode = parseMode(options.mode, 'mode', 0o666);
  if (signal && signal.aborted) {
    process.nextTick(cb, abortError(signal));
    return;
  }
  binding.open(path, flags, mode, (err, fd) => {
    if (err) return cb(err);
    writeAll(fd, bytes, -1, signal, (werr) => {
      binding.close(fd, (cerr) => cb(werr || cerr || null));
    });
  });
}

function writeFileSync(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  const bytes = dataBytes(data, options.encoding);
  const flags = stringToFlags(options.flag);
  const mode = parseMode(options.mode, 'mode', 0o666);
  const fd = isFd(path) ? getValidatedFd(path) :
    binding.open(getValidatedPath(path), flags, mode);
  try {
    let off = 0;
    while (off < bytes.byteLength) {
      off += binding.write(fd, bytes, off, bytes.byteLength - off, -1);
    }
  } finally {
    if (!isFd(path)) binding.close(fd);
  }
}

function appendOptions(options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  return { ...options, flag: options.flag || 'a' };
}

function appendFile(path, data, options, cb) {
  cb = makeCallback(cb || options);
  writeFile(path, data, appendOptions(options), cb);
}

function appendFileSync(path, data, options) {
  writeFileSync(path, data, appendOptions(options));
}

// ---- stat & co -------------------------------------------------------------

function statOptions(options) {
  if (typeof options === 'function' || options == null) return {};
  return options;
}

function stat(path, options = { bigint: false }, cb) {
  if (typeof options === 'function') {
    cb = options;
    options = {};
  }
  cb = makeCallback(cb);
  path = getValidatedPath(path);
  binding.stat(path, mapped(cb, (f) => getStats(f, options.bigint)));
}

function lstat(path, options = { bigint: false }, cb) {
  if (typeof options === 'function') {
    cb = options;
    options = {};
  }
  cb = makeCallback(cb);
  path = getValidatedPath(path);
  binding.lstat(path, mapped(cb, (f) => getStats(f, options.bigint)));
}

function fstat(fd, options = { bigint: false }, cb) {
  if (typeof options === 'function') {
    cb = options;
    options = {};
  }
  cb = makeCallback(cb);
  fd = getValidatedFd(fd);
  binding.fstat(fd, mapped(cb, (f) => getStats(f, options.bigint)));
}

// stat/lstat with { throwIfNoEntry: false } give undefined for a missing
// path.
function statLike(native, path, options) {
  options = statOptions(options);
  path = getValidatedPath(path);
  try {
    return getStats(native(path), options.bigint);
  } catch (err) {
    if (options.throwIfNoEntry === false &&
        (err.code === 'ENOENT' || err.code === 'ENOTDIR')) {
      return undefined;
    }
    throw err;
  }
}

function statSync(path, options) {
  return statLike(binding.stat, path, options);
}

function lstatSync(path, options) {
  return statLike(binding.lstat, path, options);
}

function fstatSync(fd, options) {
  options = statOptions(options);
  return getStats(binding.fstat(getValidatedFd(fd)), options.bigint);
}

function statfs(path, options = { bigint: false }, cb) {
  if (typeof options === 'function') {
    cb = options;
    options = {};
  }
  cb = makeCallback(cb);
  path = getValidatedPath(path);
  binding.statfs(path, mapped(cb, (f) => new StatFs(f, options.bigint)));
}

function statfsSync(path, options) {
  options = statOptions(options);
  return new StatFs(binding.statfs(getValidatedPath(path)), options.bigint);
}

// ---- Directories -----------------------------------------------------------

function readdirOptions(options) {
  return getOptions(options, { encoding: 'utf8', withFileTypes: false });
}

function readdir(path, options, cb) {
  cb = makeCallback(typeof options === 'function' ? options : cb);
  options = readdirOptions(options);
  path = getValidatedPath(path);
  binding.readdir(path, !!options.withFileTypes, (err, result) => {
    if (err) return cb(err);
    let entries;
    try {
      entries = getDirents(path, result, options);
    } catch (e) {
      return cb(e);
    }
    cb(null, entries);
  });
}

function readdirSync(path, options) {
  options = readdirOptions(options);
  path = getValidatedPath(path);
  return getDirents(path, binding.readdir(path, !!options.withFileTypes),
                    options);
}

function mkdirOptions(options) {
  let mode = 0o777;
  let recursive = false;
  if (typeof options === 'number' || typeof options === 'string') {
    mode = options;
  } else if (options != null) {
    if (options.recursive !== undefined) recursive = options.recursive;
    if (options.mode !== undefined) mode = options.mode;
  }
  validateBoolean(recursive, 'options.recursive');
  return { mode: parseMode(mode, 'mode'), recursive };
}

function isDirSync(p) {
  try {
    return getStats(binding.stat(p)).isDirectory();
  } catch {
    return false;
  }
}

// mkdir -p, blocking: returns the first directory it made, or undefined.
function mkdirpSync(p, mode) {
  try {
    binding.mkdir(p, mode);
    return p;
  } catch (err) {
    if (err.code === 'EEXIST' && isDirSync(p)) return undefined;
    const parent = pathModule.dirname(p);
    if (err.code !== 'ENOENT' || parent === p) throw err;
    const first = mkdirpSync(parent, mode);
    try {
      binding.mkdir(p, mode);
    } catch (again) {
      if (again.code !== 'EEXIST' || !isDirSync(p)) throw again;
    }
    return first === undefined ? p : first;
  }
}

// The same with callbacks: cb(err, first directory made).
function mkdirp(p, mode, cb) {
  binding.mkdir(p, mode, (err) => {
    if (!err) return cb(null, p);
    if (err.code === 'EEXIST') {
      binding.stat(p, (serr, f) => {
        if (!serr && getStats(f).isDirectory()) return cb(null, undefined);
        cb(err);
      });
      return;
    }
    const parent = pathModule.dirname(p);
    if (err.code !== 'ENOENT' || parent === p) return cb(err);
    mkdirp(parent, mode, (perr, first) => {
      if (perr) return cb(perr);
      binding.mkdir(p, mode, (again) => {
        if (again && again.code !== 'EEXIST') return cb(again);
        cb(null, first === undefined ? p : first);
      });
    });
  });
}

function mkdir(path, options, cb) {
  if (typeof options === 'function') {
    cb = options;
    options = undefined;
  }
  cb = makeCallback(cb);
  path = getValidatedPath(path);
  const { mode, recursive } = mkdirOptions(options);
  if (recursive) mkdirp(path, mode, cb);
  else binding.mkdir(path, mode, plain(cb));
}

function mkdirSync(path, options) {
  path = getValidatedPath(path);
  const { mode, recursive } = mkdirOptions(options);
  if (recursive) return mkdirpSync(path, mode);
  binding.mkdir(path, mode);
  return undefined;
}

let mkdtempWarned = false;
function mkdtempPrefix(prefix, options) {
  prefix = getValidatedPath(prefix, 'prefix');
  if (prefix.endsWith('X') && !mkdtempWarned) {
    mkdtempWarned = true;
    process.emitWarning('mkdtemp() templates ending with X are not ' +
                        'portable. For details see: ' +
                        'https://nodejs.org/api/fs.html');
  }
  return { template: `${prefix}XXXXXX`, options: getOptions(options) };
}

function mkdtemp(prefix, options, cb) {
  cb = makeCallback(typeof options === 'function' ? options : cb);
  const { template, options: opts } = mkdtempPrefix(prefix, options);
  binding.mkdtemp(template, mapped(cb, (p) => encodeName(p, opts.encoding)));
}

function mkdtempSync(prefix, options) {
  const { template, options: opts } = mkdtempPrefix(prefix, options);
  return encodeName(binding.mkdtemp(template), opts.encoding);
}

function rmdirOptions(options) {
  if (options === undefined) return { recursive: false };
  validateObject(options, 'options');
  const recursive = options.recursive ?? false;
  validateBoolean(recursive, 'options.recursive');
  return { ...options, recursive };
}

let rmdirWarned = false;
function warnRecursiveRmdir() {
  if (rmdirWarned) return;
  rmdirWarned = true;
  process.emitWarning(
    'In future versions of Node.js, fs.rmdir(path, { recursive: true }) ' +
    'will be removed. Use fs.rm(path, { recursive: true }) instead',
    'DeprecationWarning', 'DEP0147');
}

function rmdir(path, options, cb) {
  if (typeof options === 'function') {
    cb = options;
    options = undefined;
  }
  cb = makeCallback(cb);
  path = getValidatedPath(path);
  options = rmdirOptions(options);
  if (!options.recursive) {
    binding.rmdir(path, plain(cb));
    return;
  }
  warnRecursiveRmdir();
  binding.lstat(path, (err, f) => {
    if (err) return cb(err);
    if (!getStats(f).isDirectory()) {
      return cb(uvError('ENOTDIR', 'rmdir', path));
    }
    rm(path, { recursive: true }, cb);
  });
}

function rmdirSync(path, options) {
  path = getValidatedPath(path);
  options = rmdirOptions(options);
  if (!options.recursive) {
    binding.rmdir(path);
    return;
  }
  warnRecursiveRmdir();
  if (!getStats(binding.lstat(path)).isDirectory()) {
    throw uvError('ENOTDIR', 'rmdir', path);
  }
  rmSync(path, { recursive: true });
}

function rmOptions(options) {
  if (options === undefined) options = {};
  validateObject(options, 'options');
  const {
    recursive = false, force = false, maxRetries = 0, retryDelay = 100,
  } = options;
  validateBoolean(force, 'options.force');
  validateBoolean(recursive, 'options.recursive');
  validateInt32(maxRetries, 'options.maxRetries', 0);
  validateInt32(retryDelay, 'options.retryDelay', 0);
  return { recursive, force, maxRetries, retryDelay };
}

function eisdir(path) {
  return new ERR_FS_EISDIR({
    code: 'EISDIR',
    message: 'is a directory',
    path,
    syscall: 'rm',
    errno: -require('os').constants.errno.EISDIR,
  });
}

function rm(path, options, cb) {
  if (typeof options === 'function') {
    cb = options;
    options = undefined;
  }
  cb = makeCallback(cb);
  path = getValidatedPath(path);
  options = rmOptions(options);
  binding.lstat(path, (err, f) => {
    if (err) return cb(options.force && err.code === 'ENOENT' ? null : err);
    if (!getStats(f).isDirectory()) {
      return binding.unlink(path, plain(cb));
    }
    if (!options.recursive) return cb(eisdir(path));
    removeTree(path, cb);
  });
}

// Removes a directory and everything in it; cb(err).
function removeTree(dir, cb) {
  binding.readdir(dir, true, (err, result) => {
    if (err) return cb(err);
    const [names, types] = result;
    let left = names.length + 1;
    let failed = false;
    const next = (e) => {
      if (failed) return;
      if (e && e.code !== 'ENOENT') {
        failed = true;
        return cb(e);
      }
      if (--left === 0) binding.rmdir(dir, plain(cb));
    };
    names.forEach((name, i) => {
      const p = pathModule.join(dir, name);
      if (types[i] === constants.UV_DIRENT_DIR) removeTree(p, next);
      else binding.unlink(p, next);
    });
    next(null);
  });
}

function removeTreeSync(dir) {
  const [names, types] = binding.readdir(dir, true);
  names.forEach((name, i) => {
    const p = pathModule.join(dir, name);
    if (types[i] === constants.UV_DIRENT_DIR) removeTreeSync(p);
    else binding.unlink(p);
  });
  binding.rmdir(dir);
}

function rmSync(path, options) {
  path = getValidatedPath(path);
  options = rmOptions(options);
  let f;
  try {
    f = binding.lstat(path);
  } catch (err) {
    if (options.force && err.code === 'ENOENT') return;
    throw err;
  }
  if (!getStats(f).isDirectory()) {
    binding.unlink(path);
    return;
  }
  if (!options.recursive) throw eisdir(path);
  removeTreeSync(path);
}

function opendir(path, options, cb) {
  return require('internal/fs/dir').opendir(path, options, cb);
}

function opendirSync(path, options) {
  return require('internal/fs/dir').opendirSync(path, options);
}

// ---- Names and links -------------------------------------------------------

function unlink(path, cb) {
  cb = makeCallback(cb);
  binding.unlink(getValidatedPath(path), plain(cb));
}

function unlinkSync(path) {
  binding.unlink(getValidatedPath(path));
}

function rename(oldPath, newPath, cb) {
  cb = makeCallback(cb);
  oldPath = getValidatedPath(oldPath, 'oldPath');
  newPath = getValidatedPath(newPath, 'newPath');
  binding.rename(oldPath, newPath, plain(cb));
}

function renameSync(oldPath, newPath) {
  binding.rename(getValidatedPath(oldPath, 'oldPath'),
                 getValidatedPath(newPath, 'newPath'));
}

function copyFileMode(mode) {
  if (mode == null) return 0;
  validateInteger(mode, 'mode', 0, 7);
  return mode;
}

function copyFile(src, dest, mode, cb) {
  if (typeof mode === 'function') {
    cb = mode;
    mode = 0;
  }
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  mode = copyFileMode(mode);
  binding.copyFile(src, dest, mode, plain(makeCallback(cb)));
}

function copyFileSync(src, dest, mode) {
  binding.copyFile(getValidatedPath(src, 'src'),
                   getValidatedPath(dest, 'dest'), copyFileMode(mode));
}

function cp(src, dest, options, cb) {
  if (typeof options === 'function') {
    cb = options;
    options = undefined;
  }
  cb = makeCallback(cb);
  require('internal/fs/cp').cp(src, dest, options).then(() => cb(null), cb);
}

function cpSync(src, dest, options) {
  require('internal/fs/cp').cpSync(src, dest, options);
}

function symlinkFlags(type, target, path) {
  if (type == null) {
    // Like Node on POSIX: no type needed, the link is just made.
    return 0;
  }
  if (type === 'dir') return UV_FS_SYMLINK_DIR;
  if (type === 'junction') return UV_FS_SYMLINK_JUNCTION;
  if (type === 'file') return 0;
  throw new ERR_FS_INVALID_SYMLINK_TYPE(type);
}

function symlink(target, path, type, cb) {
  if (typeof type === 'function') {
    cb = type;
    type = undefined;
  }
  cb = makeCallback(cb);
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  if (type != null) validateString(type, 'type');
  binding.symlink(target, path, symlinkFlags(type), plain(cb));
}

function symlinkSync(target, path, type) {
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  if (type != null) validateString(type, 'type');
  binding.symlink(target, path, symlinkFlags(type));
}

function readlink(path, options, cb) {
  cb = makeCallback(typeof options === 'function' ? options : cb);
  options = getOptions(options);
  binding.readlink(getValidatedPath(path, 'oldPath'),
                   mapped(cb, (p) => encodeName(p, options.encoding)));
}

function readlinkSync(path, options) {
  options = getOptions(options);
  return encodeName(binding.readlink(getValidatedPath(path, 'oldPath')),
                    options.encoding);
}

function link(existingPath, newPath, cb) {
  cb = makeCallback(cb);
  existingPath = getValidatedPath(existingPath, 'existingPath');
  newPath = getValidatedPath(newPath, 'newPath');
  binding.link(existingPath, newPath, plain(cb));
}

function linkSync(existingPath, newPath) {
  binding.link(getValidatedPath(existingPath, 'existingPath'),
               getValidatedPath(newPath, 'newPath'));
}

// Node's fs.realpath resolves one component at a time: lstat, and for a
// link stat (the target must exist) then readlink, so its errors name
// those calls. A FIFO or socket reached through a link (/dev/stdin on a
// pipe) ends the walk there, since what it links to ("pipe:[123]") is no
// path. The walk is a generator of steps, run blocking or with callbacks.
function* realpathWalk(p) {
  p = pathModule.resolve(p);
  const known = new Set();
  let special = false;
  let current = '/';
  let pos = 1;
  while (pos < p.length) {
    let next = p.indexOf('/', pos);
    if (next === -1) next = p.length;
    const base = current + p.slice(pos, next);
    pos = next + 1;
    current = `${base}/`;
    if (known.has(base)) {
      if (special) break;
      continue;
    }
    if (!(yield ['lstat', base]).isSymbolicLink()) {
      known.add(base);
      continue;
    }
    const target = yield ['stat', base];
    special = target.isFIFO() || target.isSocket();
    const link = yield ['readlink', base];
    p = pathModule.resolve(pathModule.dirname(base), link,
                           p.slice(Math.min(pos, p.length)));
    current = '/';
    pos = 1;
  }
  return p;
}

const realpathSteps = {
  lstat: (p, cb) => binding.lstat(p, cb && mapped(cb, getStats)),
  stat: (p, cb) => binding.stat(p, cb && mapped(cb, getStats)),
  readlink: (p, cb) => binding.readlink(p, cb),
};

function realpath(path, options, cb) {
  cb = makeCallback(typeof options === 'function' ? options : cb);
  options = getOptions(options);
  path = getValidatedPath(path);
  binding.realpath(path, (err, p) => {
    if (!err) return cb(null, encodeName(p, options.encoding));
    const gen = realpathWalk(path);
    const go = (step) => {
      if (step.done) return cb(null, encodeName(step.value, options.encoding));
      const [name, arg] = step.value;
      realpathSteps[name](arg, (e, v) => {
        let nextStep;
        try {
          nextStep = e ? gen.throw(e) : gen.next(v);
        } catch (failure) {
          return cb(failure);
        }
        go(nextStep);
      });
    };
    go(gen.next());
  });
}

realpath.native = function native(path, options, cb) {
  cb = makeCallback(typeof options === 'function' ? options : cb);
  options = getOptions(options);
  binding.realpath(getValidatedPath(path),
                   mapped(cb, (p) => encodeName(p, options.encoding)));
};

function realpathSync(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  let p;
  try {
    p = binding.realpath(path);
  } catch {
    const gen = realpathWalk(path);
    let step = gen.next();
    while (!step.done) {
      const [name, arg] = step.value;
      let value;
      try {
        value = name === 'readlink' ? binding.readlink(arg) :
          getStats(binding[name](arg));
      } catch (err) {
        step = gen.throw(err);
        continue;
      }
      step = gen.next(value);
    }
    p = step.value;
  }
  return encodeName(p, options.encoding);
}

realpathSync.native = function native(path, options) {
  options = getOptions(options);
  return encodeName(binding.realpath(getValidatedPath(path)),
                    options.encoding);
};

// ---- Permissions, owners, times, sizes -------------------------------------

function chmod(path, mode, cb) {
  path = getValidatedPath(path);
  mode = parseMode(mode, 'mode');
  binding.chmod(path, mode, plain(makeCallback(cb)));
}

function chmodSync(path, mode) {
  binding.chmod(getValidatedPath(path), parseMode(mode, 'mode'));
}

function fchmod(fd, mode, cb) {
  fd = getValidatedFd(fd);
  mode = parseMode(mode, 'mode');
  binding.fchmod(fd, mode, plain(makeCallback(cb)));
}

function fchmodSync(fd, mode) {
  binding.fchmod(getValidatedFd(fd), parseMode(mode, 'mode'));
}

function ownerArgs(uid, gid) {
  validateId(uid, 'uid');
  validateId(gid, 'gid');
}

function chown(path, uid, gid, cb) {
  path = getValidatedPath(path);
  ownerArgs(uid, gid);
  binding.chown(path, uid, gid, plain(makeCallback(cb)));
}

function chownSync(path, uid, gid) {
  path = getValidatedPath(path);
  ownerArgs(uid, gid);
  binding.chown(path, uid, gid);
}

function fchown(fd, uid, gid, cb) {
  fd = getValidatedFd(fd);
  ownerArgs(uid, gid);
  binding.fchown(fd, uid, gid, plain(makeCallback(cb)));
}

function fchownSync(fd, uid, gid) {
  fd = getValidatedFd(fd);
  ownerArgs(uid, gid);
  binding.fchown(fd, uid, gid);
}

function lchown(path, uid, gid, cb) {
  path = getValidatedPath(path);
  ownerArgs(uid, gid);
  binding.lchown(path, uid, gid, plain(makeCallback(cb)));
}

function lchownSync(path, uid, gid) {
  path = getValidatedPath(path);
  ownerArgs(uid, gid);
  binding.lchown(path, uid, gid);
}

function utimes(path, atime, mtime, cb) {
  cb = makeCallback(cb);
  path = getValidatedPath(path);
  binding.utimes(path, toUnixTimestamp(atime), toUnixTimestamp(mtime),
                 plain(cb));
}

function utimesSync(path, atime, mtime) {
  binding.utimes(getValidatedPath(path), toUnixTimestamp(atime),
                 toUnixTimestamp(mtime));
}

function futimes(fd, atime, mtime, cb) {
  fd = getValidatedFd(fd);
  atime = toUnixTimestamp(atime, 'atime');
  mtime = toUnixTimestamp(mtime, 'mtime');
  binding.futimes(fd, atime, mtime, plain(makeCallback(cb)));
}

function futimesSync(fd, atime, mtime) {
  binding.futimes(getValidatedFd(fd), toUnixTimestamp(atime, 'atime'),
                  toUnixTimestamp(mtime, 'mtime'));
}

function lutimes(path, atime, mtime, cb) {
  cb = makeCallback(cb);
  path = getValidatedPath(path);
  binding.lutimes(path, toUnixTimestamp(atime), toUnixTimestamp(mtime),
                  plain(cb));
}

function lutimesSync(path, atime, mtime) {
  binding.lutimes(getValidatedPath(path), toUnixTimestamp(atime),
                  toUnixTimestamp(mtime));
}

function truncateLen(len) {
  if (len === undefined) return 0;
  validateInteger(len, 'len');
  return Math.max(0, len);
}

let truncateFdWarned = false;
function warnTruncateFd() {
  if (truncateFdWarned) return;
  truncateFdWarned = true;
  process.emitWarning('Using fs.truncate with a file descriptor is ' +
                      'deprecated. Please use fs.ftruncate with a file ' +
                      'descriptor instead.', 'DeprecationWarning', 'DEP0081');
}

function truncate(path, len, cb) {
  if (typeof path === 'number') {
    warnTruncateFd();
    return ftruncate(path, len, cb);
  }
  if (typeof len === 'function') {
    cb = len;
    len = 0;
  }
  len = truncateLen(len);
  cb = makeCallback(cb);
  path = getValidatedPath(path);
  binding.open(path, O_WRONLY, 0o666, (err, fd) => {
    if (err) return cb(err);
    binding.ftruncate(fd, len, (terr) => {
      binding.close(fd, (cerr) => cb(terr || cerr || null));
    });
  });
}

function truncateSync(path, len) {
  if (typeof path === 'number') {
    warnTruncateFd();
    return ftruncateSync(path, len);
  }
  len = truncateLen(len);
  const fd = binding.open(getValidatedPath(path), O_WRONLY, 0o666);
  try {
    binding.ftruncate(fd, len);
  } finally {
    binding.close(fd);
  }
}

function ftruncate(fd, len = 0, cb) {
  if (typeof len === 'function') {
    cb = len;
    len = 0;
  }
  fd = getValidatedFd(fd);
  len = truncateLen(len);
  binding.ftruncate(fd, len, plain(makeCallback(cb)));
}

function ftruncateSync(fd, len = 0) {
  binding.ftruncate(getValidatedFd(fd), truncateLen(len));
}

function fsync(fd, cb) {
  fd = getValidatedFd(fd);
  binding.fsync(fd, plain(makeCallback(cb)));
}

function fsyncSync(fd) {
  binding.fsync(getValidatedFd(fd));
}

function fdatasync(fd, cb) {
  fd = getValidatedFd(fd);
  binding.fdatasync(fd, plain(makeCallback(cb)));
}

function fdatasyncSync(fd) {
  binding.fdatasync(getValidatedFd(fd));
}

// ---- Streams and watchers (loaded on first use) ----------------------------

function streams() {
  return require('internal/fs/streams');
}

function createReadStream(path, options) {
  return new (streams().ReadStream)(path, options);
}

function createWriteStream(path, options) {
  return new (streams().WriteStream)(path, options);
}

function watchers() {
  return require('internal/fs/watchers');
}

function watch(filename, options, listener) {
  return watchers().watch(filename, options, listener);
}

function watchFile(filename, options, listener) {
  return watchers().watchFile(filename, options, listener);
}

function unwatchFile(filename, listener) {
  return watchers().unwatchFile(filename, listener);
}

module.exports = {
  appendFile,
  appendFileSync,
  access,
  accessSync,
  chown,
  chownSync,
  chmod,
  chmodSync,
  close,
  closeSync,
  copyFile,
  copyFileSync,
  cp,
  cpSync,
  createReadStream,
  createWriteStream,
  exists,
  existsSync,
  fchown,
  fchownSync,
  fchmod,
  fchmodSync,
  fdatasync,
  fdatasyncSync,
  fstat,
  fstatSync,
  fsync,
  fsyncSync,
  ftruncate,
  ftruncateSync,
  futimes,
  futimesSync,
  lchown,
  lchownSync,
  // Linux has no lchmod: Node lists the names without functions.
  lchmod: undefined,
  lchmodSync: undefined,
  link,
  linkSync,
  lstat,
  lstatSync,
  lutimes,
  lutimesSync,
  mkdir,
  mkdirSync,
  mkdtemp,
  mkdtempSync,
  open,
  openSync,
  opendir,
  opendirSync,
  readdir,
  readdirSync,
  read,
  readSync,
  readv,
  readvSync,
  readFile,
  readFileSync,
  readlink,
  readlinkSync,
  realpath,
  realpathSync,
  rename,
  renameSync,
  rm,
  rmSync,
  rmdir,
  rmdirSync,
  stat,
  statfs,
  statSync,
  statfsSync,
  symlink,
  symlinkSync,
  truncate,
  truncateSync,
  unwatchFile,
  unlink,
  unlinkSync,
  utimes,
  utimesSync,
  watch,
  watchFile,
  writeFile,
  writeFileSync,
  write,
  writeSync,
  writev,
  writevSync,
  Dirent,
  Stats,
  F_OK,
  R_OK,
  W_OK,
  X_OK,
  constants,
  _toUnixTimestamp: toUnixTimestamp,
};

// Classes and fs.promises are loaded on first use (fs/promises requires
// this module).
function lazy(name, get) {
  let value;
  Object.defineProperty(module.exports, name, {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      value ??= get();
      return value;
    },
    set(v) {
      value = v;
    },
  });
}
lazy('promises', () => require('fs/promises'));
lazy('Dir', () => require('internal/fs/dir').Dir);
lazy('ReadStream', () => streams().ReadStream);
lazy('WriteStream', () => streams().WriteStream);
lazy('FileReadStream', () => streams().ReadStream);
lazy('FileWriteStream', () => streams().WriteStream);
