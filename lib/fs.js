// fs: the synchronous basics, the callback forms (run on libuv's
// threadpool by the natives of internalBinding('fs') when they are handed a
// callback), and fs.promises (lib/fs/promises.js). Streams come later.
'use strict';

const binding = internalBinding('fs');
const { validateString } = require('internal/validators');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE },
} = require('internal/errors');

const constants = {
  F_OK: binding.F_OK, R_OK: binding.R_OK, W_OK: binding.W_OK,
  X_OK: binding.X_OK, O_RDONLY: binding.O_RDONLY, O_WRONLY: binding.O_WRONLY,
  O_RDWR: binding.O_RDWR, O_CREAT: binding.O_CREAT, O_TRUNC: binding.O_TRUNC,
  O_APPEND: binding.O_APPEND, O_EXCL: binding.O_EXCL,
};

function toPath(p, name = 'path') {
  if (p !== null && typeof p === 'object' && typeof p.href === 'string' &&
      p.protocol === 'file:') {
    return decodeURIComponent(p.pathname);
  }
  validateString(p, name);
  return p;
}

function encodingOf(options) {
  if (typeof options === 'string') return options;
  if (options && typeof options === 'object') return options.encoding;
  return undefined;
}

function readFileSync(path, options) {
  const encoding = encodingOf(options);
  const file = typeof path === 'number' ? path : toPath(path);
  if (encoding === 'utf8' || encoding === 'utf-8') {
    return binding.readFileUtf8(file);
  }
  const bytes = binding.readFileBytes(file);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  return encoding === undefined || encoding === null ? buffer :
    buffer.toString(encoding);
}

function writeFileSync(path, data, options) {
  const flag = (options && typeof options === 'object' && options.flag) || 'w';
  const mode = (options && typeof options === 'object' && options.mode) ||
    0o666;
  if (typeof data !== 'string' && !ArrayBuffer.isView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer',
      'TypedArray', 'DataView'], data);
  }
  const flags = { w: constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC,
                  a: constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND,
                  wx: constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL |
                    constants.O_TRUNC }[flag];
  binding.writeFile(toPath(path), data, flags, mode);
}

function appendFileSync(path, data, options) {
  writeFileSync(path, data, { ...options, flag: 'a' });
}

function existsSync(path) {
  try {
    binding.access(toPath(path), constants.F_OK);
    return true;
  } catch {
    return false;
  }
}

function accessSync(path, mode = constants.F_OK) {
  binding.access(toPath(path), mode);
}

const S_IFMT = 0o170000;
class Stats {
  constructor(f) {
    [this.dev, this.mode, this.nlink, this.uid, this.gid, this.rdev,
     this.blksize, this.ino, this.size, this.blocks, this.atimeMs,
     this.mtimeMs, this.ctimeMs, this.birthtimeMs] = f;
    this.atime = new Date(this.atimeMs);
    this.mtime = new Date(this.mtimeMs);
    this.ctime = new Date(this.ctimeMs);
    this.birthtime = new Date(this.birthtimeMs);
  }
  isFile() { return (this.mode & S_IFMT) === 0o100000; }
  isDirectory() { return (this.mode & S_IFMT) === 0o040000; }
  isSymbolicLink() { return (this.mode & S_IFMT) === 0o120000; }
  isFIFO() { return (this.mode & S_IFMT) === 0o010000; }
  isSocket() { return (this.mode & S_IFMT) === 0o140000; }
  isCharacterDevice() { return (this.mode & S_IFMT) === 0o020000; }
  isBlockDevice() { return (this.mode & S_IFMT) === 0o060000; }
}

function statSync(path, options) {
  try {
    return new Stats(binding.stat(toPath(path)));
  } catch (err) {
    if (options && options.throwIfNoEntry === false && err.code === 'ENOENT')
      return undefined;
    throw err;
  }
}

function lstatSync(path) {
  return new Stats(binding.lstat(toPath(path)));
}

function realpathSync(path) {
  return binding.realpath(toPath(path));
}

function readdirSync(path) {
  return binding.readdir(toPath(path)).sort();
}

function mkdirSync(path, options) {
  const mode = (options && typeof options === 'object' ? options.mode :
    options) ?? 0o777;
  const recursive = options && typeof options === 'object' && options.recursive;
  path = toPath(path);
  if (!recursive) {
    binding.mkdir(path, mode);
    return undefined;
  }
  const p = require('path').resolve(path);
  if (existsSync(p)) return undefined;
  mkdirSync(require('path').dirname(p), { recursive: true, mode });
  binding.mkdir(p, mode);
  return p;
}

function unlinkSync(path) {
  binding.unlink(toPath(path));
}

function rmdirSync(path) {
  binding.rmdir(toPath(path));
}

function rmSync(path, options) {
  path = toPath(path);
  let st;
  try {
    st = lstatSync(path);
  } catch (err) {
    if (options && options.force && err.code === 'ENOENT') return;
    throw err;
  }
  if (st.isDirectory()) {
    if (!(options && options.recursive)) {
      const e = new Error(`Path is a directory: rm returned EISDIR (is a ` +
                          `directory) ${path}`);
      e.code = 'ERR_FS_EISDIR';
      throw e;
    }
    for (const name of readdirSync(path)) {
      rmSync(require('path').join(path, name), options);
    }
    rmdirSync(path);
  } else {
    unlinkSync(path);
  }
}

// ---- Callback forms ------------------------------------------------------

// Every callback form checks its callback first, as Node does.
function checkCb(cb) {
  if (typeof cb !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('cb', 'Function', cb);
  }
  return cb;
}

// Delivers a result from JS code on a later turn, like the natives do.
function later(cb, ...args) {
  process.nextTick(cb, ...args);
}

const flagTable = {
  'r': constants.O_RDONLY,
  'rs': constants.O_RDONLY,
  'sr': constants.O_RDONLY,
  'r+': constants.O_RDWR,
  'rs+': constants.O_RDWR,
  'sr+': constants.O_RDWR,
  'w': constants.O_TRUNC | constants.O_CREAT | constants.O_WRONLY,
  'wx': constants.O_TRUNC | constants.O_CREAT | constants.O_WRONLY |
    constants.O_EXCL,
  'xw': constants.O_TRUNC | constants.O_CREAT | constants.O_WRONLY |
    constants.O_EXCL,
  'w+': constants.O_TRUNC | constants.O_CREAT | constants.O_RDWR,
  'wx+': constants.O_TRUNC | constants.O_CREAT | constants.O_RDWR |
    constants.O_EXCL,
  'xw+': constants.O_TRUNC | constants.O_CREAT | constants.O_RDWR |
    constants.O_EXCL,
  'a': constants.O_APPEND | constants.O_CREAT | constants.O_WRONLY,
  'ax': constants.O_APPEND | constants.O_CREAT | constants.O_WRONLY |
    constants.O_EXCL,
  'xa': constants.O_APPEND | constants.O_CREAT | constants.O_WRONLY |
    constants.O_EXCL,
  'a+': constants.O_APPEND | constants.O_CREAT | constants.O_RDWR,
  'ax+': constants.O_APPEND | constants.O_CREAT | constants.O_RDWR |
    constants.O_EXCL,
  'xa+': constants.O_APPEND | constants.O_CREAT | constants.O_RDWR |
    constants.O_EXCL,
};

function toFlags(flags, fallback = 'r') {
  if (flags === undefined || flags === null) flags = fallback;
  if (typeof flags === 'number') return flags;
  if (typeof flags === 'string' && flagTable[flags] !== undefined) {
    return flagTable[flags];
  }
  throw new ERR_INVALID_ARG_VALUE('flags', flags);
}

function toMode(mode, fallback) {
  if (mode === undefined || mode === null) return fallback;
  if (typeof mode === 'string' && /^[0-7]+$/.test(mode)) {
    return parseInt(mode, 8);
  }
  if (typeof mode !== 'number') {
    throw new ERR_INVALID_ARG_TYPE('mode', ['number', 'string'], mode);
  }
  return mode;
}

function toBytes(data, encoding) {
  if (typeof data === 'string') return Buffer.from(data, encoding || 'utf8');
  if (ArrayBuffer.isView(data)) {
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  }
  throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray',
    'DataView'], data);
}

function toBuffer(bytes) {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}

function readFile(path, options, cb) {
  cb = checkCb(cb || options);
  const encoding = typeof options === 'function' ? undefined :
    encodingOf(options);
  const file = typeof path === 'number' ? path : toPath(path);
  binding.readFileBytes(file, (err, bytes) => {
    if (err) return cb(err);
    const buffer = toBuffer(bytes);
    cb(null, encoding === undefined || encoding === null ? buffer :
      buffer.toString(encoding));
  });
}

// Writes all of bytes to fd from the current position, then calls cb(err).
function writeAll(fd, bytes, cb) {
  let off = 0;
  const step = (err, n) => {
    if (err) return cb(err);
    off += n;
    if (off >= bytes.byteLength) return cb(null);
    binding.write(fd, bytes, off, bytes.byteLength - off, -1, step);
  };
  step(null, 0);
}

function writeFile(path, data, options, cb) {
  cb = checkCb(cb || options);
  const opts = typeof options === 'object' && options !== null ? options :
    { encoding: typeof options === 'string' ? options : undefined };
  const bytes = toBytes(data, opts.encoding);
  const flags = toFlags(opts.flag, 'w');
  const mode = toMode(opts.mode, 0o666);
  const done = (fd, err) => {
    binding.close(fd, (closeErr) => cb(err || closeErr || null));
  };
  if (typeof path === 'number') {
    writeAll(path, bytes, (err) => cb(err || null));
    return;
  }
  binding.open(toPath(path), flags, mode, (err, fd) => {
    if (err) return cb(err);
    writeAll(fd, bytes, (werr) => done(fd, werr));
  });
}

function appendFile(path, data, options, cb) {
  cb = checkCb(cb || options);
  const opts = typeof options === 'object' && options !== null ? options :
    { encoding: typeof options === 'string' ? options : undefined };
  writeFile(path, data, { ...opts, flag: opts.flag || 'a' }, cb);
}

function stat(path, options, cb) {
  cb = checkCb(cb || options);
  binding.stat(toPath(path), (err, f) => cb(err, err ? undefined :
    new Stats(f)));
}

function lstat(path, options, cb) {
  cb = checkCb(cb || options);
  binding.lstat(toPath(path), (err, f) => cb(err, err ? undefined :
    new Stats(f)));
}

function fstat(fd, options, cb) {
  cb = checkCb(cb || options);
  binding.fstat(fd, (err, f) => cb(err, err ? undefined : new Stats(f)));
}

function readdir(path, options, cb) {
  cb = checkCb(cb || options);
  binding.readdir(toPath(path), (err, names) => {
    if (err) return cb(err);
    cb(null, names.sort());
  });
}

// mkdir -p: creates the missing parents; cb(err, first directory made).
function mkdirp(p, mode, cb) {
  binding.mkdir(p, mode, (err) => {
    if (!err) return cb(null, p);
    if (err.code === 'EEXIST') {
      binding.stat(p, (serr, f) => {
        if (!serr && new Stats(f).isDirectory()) return cb(null, undefined);
        cb(err);
      });
      return;
    }
    const parent = require('path').dirname(p);
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
  checkCb(cb);
  const recursive = typeof options === 'object' && options !== null &&
    options.recursive === true;
  const mode = toMode(typeof options === 'object' && options !== null ?
    options.mode : options, 0o777);
  path = toPath(path);
  if (recursive) {
    mkdirp(require('path').resolve(path), mode, cb);
  } else {
    binding.mkdir(path, mode, (err) => cb(err || null));
  }
}

function rmdir(path, options, cb) {
  cb = checkCb(cb || options);
  binding.rmdir(toPath(path), (err) => cb(err || null));
}

function unlink(path, cb) {
  checkCb(cb);
  binding.unlink(toPath(path), (err) => cb(err || null));
}

function rename(oldPath, newPath, cb) {
  checkCb(cb);
  binding.rename(toPath(oldPath, 'oldPath'), toPath(newPath, 'newPath'),
                 (err) => cb(err || null));
}

function access(path, mode, cb) {
  if (typeof mode === 'function') {
    cb = mode;
    mode = constants.F_OK;
  }
  checkCb(cb);
  binding.access(toPath(path), mode ?? constants.F_OK,
                 (err) => cb(err || null));
}

// Deprecated in Node (its callback has no error argument), kept working.
function exists(path, cb) {
  checkCb(cb);
  try {
    binding.access(toPath(path), constants.F_OK, (err) => cb(!err));
  } catch {
    later(cb, false);
  }
}

// Node's callback realpath resolves one component at a time, so a failure
// names the first component whose lstat fails; the native call resolves in
// one go, and on failure we look for that component the same way.
function realpath(path, options, cb) {
  cb = checkCb(cb || options);
  path = toPath(path);
  binding.realpath(path, (err, p) => {
    if (!err) return cb(null, p);
    const full = require('path').resolve(path);
    const parts = full.split('/').filter(Boolean);
    const probe = (i) => {
      if (i > parts.length) return cb(err);
      binding.lstat('/' + parts.slice(0, i).join('/'), (lerr) => {
        if (lerr) return cb(lerr);
        probe(i + 1);
      });
    };
    probe(1);
  });
}

function open(path, flags, mode, cb) {
  if (typeof flags === 'function') {
    cb = flags;
    flags = undefined;
    mode = undefined;
  } else if (typeof mode === 'function') {
    cb = mode;
    mode = undefined;
  }
  checkCb(cb);
  binding.open(toPath(path), toFlags(flags), toMode(mode, 0o666),
               (err, fd) => cb(err, err ? undefined : fd));
}

function close(fd, cb = () => {}) {
  checkCb(cb);
  binding.close(fd, (err) => cb(err || null));
}

function positionOf(position) {
  if (position === undefined || position === null) return -1;
  if (typeof position === 'bigint') return Number(position);
  return position;
}

// read(fd, buffer, offset, length, position, cb), read(fd, buffer,
// options?, cb) or read(fd, options?, cb); cb(err, bytesRead, buffer).
function read(fd, buffer, offset, length, position, cb) {
  let opts;
  if (typeof buffer === 'function') {
    cb = buffer;
    buffer = undefined;
  } else if (!ArrayBuffer.isView(buffer) && typeof offset === 'function') {
    cb = offset;
    opts = buffer || {};
    buffer = undefined;
  } else if (typeof offset === 'function') {
    cb = offset;
    opts = {};
  } else if (typeof length === 'function') {
    cb = length;
    opts = offset || {};
  }
  checkCb(cb);
  if (opts !== undefined || buffer === undefined) {
    opts = opts || {};
    buffer = buffer || opts.buffer || Buffer.alloc(16384);
    offset = opts.offset ?? 0;
    length = opts.length ?? buffer.byteLength - offset;
    position = opts.position;
  }
  if (!ArrayBuffer.isView(buffer)) {
    throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray',
      'DataView'], buffer);
  }
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset,
                               buffer.byteLength);
  if (length === 0) {
    later(cb, null, 0, buffer);
    return;
  }
  binding.read(fd, bytes, offset ?? 0, length ?? bytes.byteLength - offset,
               positionOf(position),
               (err, n) => cb(err, err ? undefined : n, buffer));
}

// write(fd, buffer, offset?, length?, position?, cb) or
// write(fd, string, position?, encoding?, cb); cb(err, written, data).
function write(fd, data, offset, length, position, cb) {
  const args = [offset, length, position, cb];
  const at = args.findIndex((a) => typeof a === 'function');
  cb = checkCb(args[at]);
  for (let i = at; i < 3; i++) args[i] = undefined;
  [offset, length, position] = args;
  let bytes;
  if (typeof data === 'string') {
    // (fd, string, position, encoding)
    bytes = Buffer.from(data, typeof length === 'string' ? length : 'utf8');
    position = offset;
    offset = 0;
    length = bytes.byteLength;
  } else if (ArrayBuffer.isView(data)) {
    bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    if (offset !== null && typeof offset === 'object') {
      ({ offset, length, position } = offset);
    }
    offset = offset ?? 0;
    length = length ?? bytes.byteLength - offset;
  } else {
    throw new ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer',
      'TypedArray', 'DataView'], data);
  }
  binding.write(fd, bytes, offset, length, positionOf(position),
                (err, n) => cb(err, err ? undefined : n, data));
}

// rm(path, { recursive, force }, cb) for fs.promises.rm and fs.rm.
function rm(path, options, cb) {
  if (typeof options === 'function') {
    cb = options;
    options = undefined;
  }
  checkCb(cb);
  const force = !!(options && options.force);
  const recursive = !!(options && options.recursive);
  path = toPath(path);
  binding.lstat(path, (err, f) => {
    if (err) return cb(force && err.code === 'ENOENT' ? null : err);
    if (!new Stats(f).isDirectory()) {
      return binding.unlink(path, (e) => cb(e || null));
    }
    if (!recursive) {
      const e = new Error(`Path is a directory: rm returned EISDIR (is a ` +
                          `directory) ${path}`);
      e.code = 'ERR_FS_EISDIR';
      return cb(e);
    }
    binding.readdir(path, (rerr, names) => {
      if (rerr) return cb(rerr);
      let left = names.length;
      let failed = false;
      const next = (e) => {
        if (failed) return;
        if (e) {
          failed = true;
          return cb(e);
        }
        if (--left > 0) return;
        binding.rmdir(path, (de) => cb(de || null));
      };
      if (left === 0) {
        left = 1;
        next(null);
        return;
      }
      for (const name of names) {
        rm(require('path').join(path, name), options, next);
      }
    });
  });
}

module.exports = {
  constants,
  Stats,
  readFileSync,
  writeFileSync,
  appendFileSync,
  existsSync,
  accessSync,
  statSync,
  lstatSync,
  realpathSync,
  readdirSync,
  mkdirSync,
  unlinkSync,
  rmdirSync,
  rmSync,
  readFile,
  writeFile,
  appendFile,
  stat,
  lstat,
  fstat,
  readdir,
  mkdir,
  rmdir,
  rm,
  unlink,
  rename,
  access,
  exists,
  realpath,
  open,
  close,
  read,
  write,
  ...constants,
};

// fs.promises is loaded on first use: it requires this module.
let promises;
Object.defineProperty(module.exports, 'promises', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    promises ??= require('fs/promises');
    return promises;
  },
});
