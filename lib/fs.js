// fs: the synchronous basics that the module loader and scripts need now.
// The asynchronous forms, streams and promises come with the fs issue.
'use strict';

const binding = internalBinding('fs');
const { validateString } = require('internal/validators');
const {
  codes: { ERR_INVALID_ARG_TYPE },
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
  ...constants,
};
