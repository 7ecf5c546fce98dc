// fs.Dir (fs.opendir): a directory read as it goes, a batch of entries
// per native read (on the threadpool for read(), blocking for readSync()),
// handed out one at a time; operations wait for the one in flight;
// close() ends it.
'use strict';

const binding = internalBinding('fs');
const {
  codes: {
    ERR_DIR_CLOSED,
    ERR_DIR_CONCURRENT_OPERATION,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const { validateFunction, validateUint32 } = require('internal/validators');
const {
  getValidatedPath,
  getOptions,
  getDirents,
} = require('internal/fs/utils');

const kHandle = Symbol('handle');
const kBuffer = Symbol('buffer');
const kClosed = Symbol('closed');
const kOptions = Symbol('options');
const kPath = Symbol('path');
const kBusy = Symbol('busy');
const kQueue = Symbol('queue');

class Dir {
  constructor(handle, path, options) {
    if (!handle) throw new ERR_MISSING_ARGS('handle');
    this[kHandle] = handle;
    this[kPath] = path;
    this[kOptions] = options;
    this[kBuffer] = [];
    this[kClosed] = false;
    this[kBusy] = false;      // a native read or close is in flight
    this[kQueue] = [];        // operations waiting for it
  }

  get path() {
    return this[kPath];
  }

  // Dirents of a batch from the native, as the options ask.
  #dirents(result) {
    return dirEntries(this[kPath], result, this[kOptions]);
  }

  // Runs op now, or once the operation in flight is done.
  #enqueue(op) {
    if (this[kBusy]) this[kQueue].push(op);
    else op();
  }

  #next() {
    this[kBusy] = false;
    const op = this[kQueue].shift();
    if (op) op();
  }

  readSync() {
    if (this[kClosed]) throw new ERR_DIR_CLOSED();
    if (this[kBusy]) throw new ERR_DIR_CONCURRENT_OPERATION();
    if (this[kBuffer].length === 0) {
      const result = binding.dirRead(this[kHandle]);
      if (result === null) return null;
      this[kBuffer] = this.#dirents(result);
    }
    return this[kBuffer].shift();
  }

  read(cb) {
    if (cb === undefined) {
      return new Promise((resolve, reject) => {
        this.read((err, entry) => (err ? reject(err) : resolve(entry)));
      });
    }
    validateFunction(cb, 'callback');
    if (this[kClosed]) {
      process.nextTick(cb, new ERR_DIR_CLOSED());
      return;
    }
    this.#enqueue(() => {
      if (this[kClosed]) {
        process.nextTick(cb, new ERR_DIR_CLOSED());
        return this.#next();
      }
      if (this[kBuffer].length > 0) {
        process.nextTick(cb, null, this[kBuffer].shift());
        return this.#next();
      }
      this[kBusy] = true;
      binding.dirRead(this[kHandle], (err, result) => {
        let entry = null;
        if (!err && result !== null) {
          try {
            this[kBuffer] = this.#dirents(result);
            entry = this[kBuffer].shift();
          } catch (e) {
            err = e;
          }
        }
        this.#next();
        if (err) cb(err);
        else cb(null, entry);
      });
    });
  }

  closeSync() {
    if (this[kClosed]) throw new ERR_DIR_CLOSED();
    if (this[kBusy]) throw new ERR_DIR_CONCURRENT_OPERATION();
    this[kClosed] = true;
    this[kBuffer] = [];
    binding.dirClose(this[kHandle]);
  }

  close(cb) {
    if (cb === undefined) {
      return new Promise((resolve, reject) => {
        this.close((err) => (err ? reject(err) : resolve()));
      });
    }
    validateFunction(cb, 'callback');
    if (this[kClosed]) {
      process.nextTick(cb, new ERR_DIR_CLOSED());
      return;
    }
    this[kClosed] = true;
    this[kBuffer] = [];
    this.#enqueue(() => {
      this[kBusy] = true;
      binding.dirClose(this[kHandle], (err) => {
        this.#next();
        cb(err || null);
      });
    });
  }

  async* entries() {
    try {
      for (;;) {
        const entry = await this.read();
        if (entry === null) break;
        yield entry;
      }
    } finally {
      if (!this[kClosed]) await this.close();
    }
  }

  [Symbol.asyncIterator]() {
    return this.entries();
  }
}

function dirOptions(options) {
  options = getOptions(options, { encoding: 'utf8' });
  if (options.bufferSize !== undefined) {
    validateUint32(options.bufferSize, 'options.bufferSize', true);
  }
  return { ...options, withFileTypes: true };
}

// Node 18's Dir gives each entry the full path as `path` (its readdir
// gives the directory).
function dirEntries(path, result, options) {
  const entries = getDirents(path, result, options);
  for (const e of entries) e.path = require('path').join(path, `${e.name}`);
  return entries;
}

function opendir(path, options, cb) {
  cb = typeof options === 'function' ? options : cb;
  validateFunction(cb, 'callback');
  path = getValidatedPath(path);
  options = dirOptions(options);
  binding.opendir(path, (err, handle) => {
    if (err) return cb(err);
    cb(null, new Dir(handle, path, options));
  });
}

function opendirSync(path, options) {
  path = getValidatedPath(path);
  options = dirOptions(options);
  return new Dir(binding.opendir(path), path, options);
}

module.exports = { Dir, opendir, opendirSync };
