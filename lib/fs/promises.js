// fs/promises (also fs.promises): the callback forms of lib/fs.js, each
// returning a promise (an argument error becomes a rejection, as in Node),
// and open() with FileHandle.
'use strict';

const fs = require('fs');
const binding = internalBinding('fs');
const EventEmitter = require('events');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_METHOD_NOT_IMPLEMENTED },
} = require('internal/errors');
const {
  constants,
  getOptions,
  getValidatedPath,
  abortError,
  uvError,
  validateBufferArray,
} = require('internal/fs/utils');

// The promise form of a callback function of fs that calls back with
// (err, value).
function promised(name, fn = fs[name]) {
  const wrapper = {
    [name](...args) {
      return new Promise((resolve, reject) => {
        fn(...args, (err, value) => (err ? reject(err) : resolve(value)));
      });
    },
  };
  return wrapper[name];
}

const kFd = Symbol('kFd');
const kClosing = Symbol('kClosing');
const kRefs = Symbol('kRefs');

// An open file. Its methods work on the descriptor; after close() they
// reject with EBADF. Collected while open, it is closed with a warning.
// A FileHandle collected while open: its fd is closed, with Node's
// warnings.
let closeWarned = false;
const unclosed = new FinalizationRegistry((fd) => {
  try {
    binding.close(fd);
  } catch {
    return;
  }
  process.emitWarning(`Closing file descriptor ${fd} on garbage collection`);
  if (closeWarned) return;
  closeWarned = true;
  process.emitWarning(
    'Closing a FileHandle object on garbage collection is deprecated. ' +
    'Please close FileHandle objects explicitly using ' +
    'FileHandle.prototype.close(). In the future, an error will be ' +
    'thrown if a file descriptor is closed during garbage collection.',
    'DeprecationWarning', 'DEP0137');
});

class FileHandle extends EventEmitter {
  constructor(fd) {
    super();
    this[kFd] = fd;
    this[kClosing] = null;
    this[kRefs] = 1;
    unclosed.register(this, fd, this);
  }

  get fd() {
    return this[kFd];
  }

  // Runs fs[name] (or the function name) with (fd, ...args, cb) as a promise of cb's values.
  #call(name, syscall, ...args) {
    if (this[kFd] === -1 || this[kClosing]) {
      return Promise.reject(uvError('EBADF', syscall));
    }
    this[kRefs]++;
    return new Promise((resolve, reject) => {
      const fn = typeof name === 'function' ? name : fs[name];
      fn(this[kFd], ...args, (err, ...values) => {
        if (err) reject(err);
        else resolve(values);
      });
    }).finally(() => this.#unref());
  }

  #unref() {
    if (--this[kRefs] === 0 && this[kClosing]) this[kClosing].start();
  }

  async read(buffer, offset, length, position) {
    let args;
    // Anything but a view or an options object: a fresh buffer.
    if (buffer != null && typeof buffer !== 'object') {
      buffer = Buffer.alloc(16384);
    }
    if (buffer === undefined || buffer === null ||
        (!ArrayBuffer.isView(buffer) && typeof buffer === 'object')) {
      args = [buffer || {}];
    } else if (offset !== null && typeof offset === 'object') {
      args = [buffer, offset];
    } else {
      args = [buffer, offset ?? 0,
              length ?? buffer.byteLength - (offset ?? 0), position ?? null];
    }
    const [bytesRead, buf] = await this.#call('read', 'read', ...args);
    return { bytesRead, buffer: buf };
  }

  async readv(buffers, position) {
    validateBufferArray(buffers);
    const [bytesRead] = await this.#call('readv', 'read', buffers,
                                         position ?? null);
    return { bytesRead, buffers };
  }

  async write(data, ...rest) {
    const [bytesWritten, buf] = await this.#call('write', 'write', data,
                                                 ...rest);
    return { bytesWritten, buffer: buf };
  }

  async writev(buffers, position) {
    validateBufferArray(buffers);
    const [bytesWritten] = await this.#call('writev', 'write', buffers,
                                            position ?? null);
    return { bytesWritten, buffers };
  }

  async readFile(options) {
    options = getOptions(options, {});
    const { signal, encoding } = options;
    if (signal && signal.aborted) throw abortError(signal);
    // From the current position, as Node reads a FileHandle.
    const [bytes] = await this.#call(
      (fd, cb) => binding.readFileBytes(fd, cb), 'read');
    if (signal && signal.aborted) throw abortError(signal);
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset,
                               bytes.byteLength);
    return encoding && encoding !== 'buffer' ? buffer.toString(encoding) :
      buffer;
  }

  async writeFile(data, options) {
    options = getOptions(options, { encoding: 'utf8' });
    await writeAllTo(this, data, options);
  }

  async appendFile(data, options) {
    return this.writeFile(data, options);
  }

  async stat(options) {
    return (await this.#call('fstat', 'fstat', options ?? {}))[0];
  }

  async truncate(len = 0) {
    await this.#call('ftruncate', 'ftruncate', len);
  }

  async sync() {
    await this.#call('fsync', 'fsync');
  }

  async datasync() {
    await this.#call('fdatasync', 'fdatasync');
  }

  async chmod(mode) {
    await this.#call('fchmod', 'fchmod', mode);
  }

  async chown(uid, gid) {
    await this.#call('fchown', 'fchown', uid, gid);
  }

  async utimes(atime, mtime) {
    await this.#call('futimes', 'futime', atime, mtime);
  }

  [Symbol.asyncDispose]() {
    return this.close();
  }

  // Closes once the operations in flight are done; every call gives the
  // same promise.
  close() {
    if (this[kFd] === -1) return Promise.resolve();
    if (this[kClosing]) return this[kClosing].promise;
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    this[kClosing] = {
      promise,
      start: () => {
        const fd = this[kFd];
        this[kFd] = -1;
        unclosed.unregister(this);
        fs.close(fd, (err) => {
          this[kClosing] = null;
          if (err) return reject(err);
          resolve();
          this.emit('close');
        });
      },
    };
    this.#unref();
    return promise;
  }

  createReadStream(options = undefined) {
    const { ReadStream } = require('internal/fs/streams');
    return new ReadStream(undefined, { ...options, fd: this });
  }

  createWriteStream(options = undefined) {
    const { WriteStream } = require('internal/fs/streams');
    return new WriteStream(undefined, { ...options, fd: this });
  }

  readLines(options = undefined) {
    const { Interface } = require('readline');
    return new Interface({
      input: this.createReadStream(options),
      crlfDelay: Infinity,
    });
  }
}

Object.defineProperty(FileHandle.prototype, Symbol.toStringTag, {
  __proto__: null,
  value: 'FileHandle',
  configurable: true,
});

// Writes data (a string, a view, or an iterable of those) to the handle
// from its current position.
async function writeAllTo(handle, data, options) {
  const { signal, encoding } = options;
  const chunks = typeof data === 'string' || ArrayBuffer.isView(data) ?
    [data] : data;
  if (chunks === null || typeof chunks !== 'object' ||
      (typeof chunks[Symbol.iterator] !== 'function' &&
       typeof chunks[Symbol.asyncIterator] !== 'function')) {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer',
      'TypedArray', 'DataView'], data);
  }
  for await (const chunk of chunks) {
    if (signal && signal.aborted) throw abortError(signal);
    let bytes = typeof chunk === 'string' ? Buffer.from(chunk, encoding) :
      chunk;
    if (!ArrayBuffer.isView(bytes)) {
      throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer',
        'TypedArray', 'DataView'], chunk);
    }
    bytes = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let off = 0;
    while (off < bytes.byteLength) {
      if (signal && signal.aborted) throw abortError(signal);
      const { bytesWritten } = await handle.write(bytes, off,
                                                  bytes.byteLength - off,
                                                  null);
      off += bytesWritten;
    }
  }
  if (signal && signal.aborted) throw abortError(signal);
}

async function open(path, flags, mode) {
  path = getValidatedPath(path);
  const fd = await new Promise((resolve, reject) => {
    fs.open(path, flags ?? 'r', mode ?? 0o666,
            (err, value) => (err ? reject(err) : resolve(value)));
  });
  return new FileHandle(fd);
}

async function readFile(path, options) {
  if (path instanceof FileHandle) return path.readFile(options);
  return promised('readFile')(path, options);
}

// writeFile and appendFile: a FileHandle is written from its position;
// iterables (and streams) are written chunk by chunk.
async function writeTo(path, data, options, flag) {
  if (path instanceof FileHandle) return path.writeFile(data, options);
  if (typeof data === 'string' || ArrayBuffer.isView(data)) {
    return promised(flag === 'a' ? 'appendFile' : 'writeFile')(path, data,
                                                                options);
  }
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag });
  if (data === null || typeof data !== 'object' ||
      (typeof data[Symbol.iterator] !== 'function' &&
       typeof data[Symbol.asyncIterator] !== 'function')) {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer',
      'TypedArray', 'DataView'], data);
  }
  if (options.signal && options.signal.aborted) {
    throw abortError(options.signal);
  }
  const handle = await open(path, options.flag, options.mode);
  try {
    if (options.signal && options.signal.aborted) {
      throw abortError(options.signal);
    }
    await writeAllTo(handle, data, options);
  } finally {
    await handle.close();
  }
}

function writeFile(path, data, options) {
  return writeTo(path, data, options, 'w');
}

function appendFile(path, data, options) {
  return writeTo(path, data, options, 'a');
}

function realpath(path, options) {
  return promised('realpath', fs.realpath.native)(path, options);
}

async function lchmod() {
  throw new ERR_METHOD_NOT_IMPLEMENTED('lchmod()');
}

function watch(filename, options) {
  return require('internal/fs/watchers').watchIterator(filename, options);
}

function cp(src, dest, options) {
  return require('internal/fs/cp').cp(src, dest, options);
}

module.exports = {
  access: promised('access'),
  copyFile: promised('copyFile'),
  cp,
  open,
  opendir: promised('opendir'),
  rename: promised('rename'),
  truncate: promised('truncate'),
  rm: promised('rm'),
  rmdir: promised('rmdir'),
  mkdir: promised('mkdir'),
  readdir: promised('readdir'),
  readlink: promised('readlink'),
  symlink: promised('symlink'),
  lstat: promised('lstat'),
  stat: promised('stat'),
  statfs: promised('statfs'),
  link: promised('link'),
  unlink: promised('unlink'),
  chmod: promised('chmod'),
  lchmod,
  lchown: promised('lchown'),
  chown: promised('chown'),
  utimes: promised('utimes'),
  lutimes: promised('lutimes'),
  realpath,
  mkdtemp: promised('mkdtemp'),
  writeFile,
  appendFile,
  readFile,
  watch,
  constants,
};
