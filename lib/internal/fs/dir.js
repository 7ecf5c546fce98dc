// fs.Dir (fs.opendir): a directory read one entry at a time. The entries
// are read when it is opened (one scandir, on the threadpool for
// opendir()), then handed out in order by read()/readSync() and async
// iteration; close() ends it.
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
  makeCallback,
} = require('internal/fs/utils');

const kEntries = Symbol('entries');
const kClosed = Symbol('closed');
const kOptions = Symbol('options');
const kPath = Symbol('path');
const kBusy = Symbol('busy');

class Dir {
  constructor(path, entries, options) {
    if (!path) throw new ERR_MISSING_ARGS('path');
    this[kPath] = path;
    this[kEntries] = entries;
    this[kOptions] = options;
    this[kClosed] = false;
    this[kBusy] = false;
  }

  get path() {
    return this[kPath];
  }

  #check() {
    if (this[kClosed]) throw new ERR_DIR_CLOSED();
  }

  readSync() {
    this.#check();
    if (this[kBusy]) throw new ERR_DIR_CONCURRENT_OPERATION();
    return this[kEntries].shift() ?? null;
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
    const entry = this[kEntries].shift() ?? null;
    process.nextTick(cb, null, entry);
  }

  closeSync() {
    this.#check();
    this[kClosed] = true;
    this[kEntries] = [];
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
    this[kEntries] = [];
    process.nextTick(cb, null);
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

// opendir's errors name the syscall 'opendir', as Node's do.
function renameSyscall(err, path) {
  if (err && err.syscall === 'scandir') {
    err.syscall = 'opendir';
    err.message = err.message.replace(', scandir ', ', opendir ');
  }
  return err;
}

// Node 18's Dir gives each entry the full path as `path` (its readdir
// gives the directory).
function dirEntries(path, result, options) {
  const entries = getDirents(path, result, options);
  for (const e of entries) e.path = require('path').join(path, `${e.name}`);
  return entries;
}

function opendir(path, options, cb) {
  cb = makeCallback(typeof options === 'function' ? options : cb);
  path = getValidatedPath(path);
  options = dirOptions(options);
  binding.readdir(path, true, (err, result) => {
    if (err) return cb(renameSyscall(err, path));
    let dir;
    try {
      dir = new Dir(path, dirEntries(path, result, options), options);
    } catch (e) {
      return cb(e);
    }
    cb(null, dir);
  });
}

function opendirSync(path, options) {
  path = getValidatedPath(path);
  options = dirOptions(options);
  let result;
  try {
    result = binding.readdir(path, true);
  } catch (err) {
    throw renameSyscall(err, path);
  }
  return new Dir(path, dirEntries(path, result, options), options);
}

module.exports = { Dir, opendir, opendirSync };
