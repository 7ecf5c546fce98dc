// fs.watch (FSWatcher, on uv_fs_event), fs.watchFile/unwatchFile
// (StatWatcher, on uv_fs_poll) and the async iterator of
// fs.promises.watch.
'use strict';

const binding = internalBinding('fs');
const EventEmitter = require('events');
const {
  codes: {
    ERR_FEATURE_UNAVAILABLE_ON_PLATFORM,
    ERR_INVALID_ARG_TYPE,
  },
  AbortError,
} = require('internal/errors');
const {
  validateBoolean,
  validateFunction,
  validateObject,
  validateUint32,
} = require('internal/validators');
const {
  getValidatedPath,
  assertEncoding,
  getStats,
  checkSignal,
} = require('internal/fs/utils');

// The _handle of a watcher, as in Node: an object with close(), ref()
// and unref() over the native one.
function handleOf(native) {
  return {
    close: () => binding.watcherClose(native),
    ref: () => binding.watcherRef(native, true),
    unref: () => binding.watcherRef(native, false),
  };
}

function watchOptions(options) {
  if (typeof options === 'string') options = { encoding: options };
  else if (options == null) options = {};
  else validateObject(options, 'options');
  const {
    persistent = true, recursive = false, encoding = 'utf8', signal,
  } = options;
  if (encoding !== 'buffer') assertEncoding(encoding);
  if (signal !== undefined) checkSignal(signal);
  // Node 18 has no recursive watching on Linux.
  if (recursive && process.platform === 'linux') {
    throw new ERR_FEATURE_UNAVAILABLE_ON_PLATFORM('watch recursively');
  }
  return { persistent: !!persistent, recursive, encoding, signal };
}

function encodeFilename(name, encoding) {
  if (name == null) return name;
  if (encoding === 'buffer') return Buffer.from(name);
  if (encoding !== 'utf8' && encoding !== 'utf-8') {
    return Buffer.from(name).toString(encoding);
  }
  return name;
}

class FSWatcher extends EventEmitter {
  constructor() {
    super();
    this._handle = null;
  }

  // Starts watching; throws the system error when the path cannot be
  // watched (ENOENT...).
  start(filename, persistent, recursive, encoding) {
    if (this._handle !== null) return;
    filename = getValidatedPath(filename, 'filename');
    try {
      this._handle = handleOf(binding.watchStart(filename, persistent,
                                                 (err, eventType, name) => {
        if (err) {
          this.close();
          this.emit('error', err);
          return;
        }
        this.emit('change', eventType, encodeFilename(name, encoding));
      }));
    } catch (err) {
      err.filename = filename;
      throw err;
    }
  }

  close() {
    if (this._handle === null) return;
    this._handle.close();
    this._handle = null;
    process.nextTick(() => this.emit('close'));
  }

  ref() {
    if (this._handle !== null) this._handle.ref();
    return this;
  }

  unref() {
    if (this._handle !== null) this._handle.unref();
    return this;
  }
}

function watch(filename, options, listener) {
  if (typeof options === 'function') {
    listener = options;
    options = undefined;
  }
  const { persistent, recursive, encoding, signal } = watchOptions(options);
  const watcher = new FSWatcher();
  watcher.start(filename, persistent, recursive, encoding);
  if (listener) watcher.addListener('change', listener);
  if (signal) {
    if (signal.aborted) {
      process.nextTick(() => watcher.close());
    } else {
      const onAbort = () => watcher.close();
      signal.addEventListener('abort', onAbort, { once: true });
      watcher.once('close', () => signal.removeEventListener('abort',
                                                              onAbort));
    }
  }
  return watcher;
}

// ---- watchFile ---------------------------------------------------------------

class StatWatcher extends EventEmitter {
  constructor(bigint) {
    super();
    this._handle = null;
    this._bigint = bigint;
  }

  start(filename, persistent, interval) {
    if (this._handle !== null) return;
    this._handle = handleOf(binding.watchFileStart(
      filename, persistent, interval, (err, curr, prev) => {
        this.emit('change', getStats(curr, this._bigint),
                  getStats(prev, this._bigint));
      }));
  }

  stop() {
    if (this._handle === null) return;
    this._handle.close();
    this._handle = null;
    process.nextTick(() => this.emit('stop'));
  }

  ref() {
    if (this._handle !== null) this._handle.ref();
    return this;
  }

  unref() {
    if (this._handle !== null) this._handle.unref();
    return this;
  }
}

// One StatWatcher per resolved path, shared by every listener on it.
const statWatchers = new Map();

function watchFile(filename, options, listener) {
  filename = require('path').resolve(getValidatedPath(filename, 'filename'));
  if (typeof options === 'function') {
    listener = options;
    options = undefined;
  }
  options = { interval: 5007, persistent: true, bigint: false, ...options };
  validateFunction(listener, 'listener');
  validateUint32(options.interval, 'options.interval');
  let watcher = statWatchers.get(filename);
  if (watcher === undefined) {
    watcher = new StatWatcher(!!options.bigint);
    watcher.start(filename, !!options.persistent, options.interval || 1);
    statWatchers.set(filename, watcher);
  }
  watcher.addListener('change', listener);
  return watcher;
}

function unwatchFile(filename, listener) {
  filename = require('path').resolve(getValidatedPath(filename, 'filename'));
  const watcher = statWatchers.get(filename);
  if (watcher === undefined) return;
  if (typeof listener === 'function') {
    watcher.removeListener('change', listener);
  } else {
    watcher.removeAllListeners('change');
  }
  if (watcher.listenerCount('change') === 0) {
    watcher.stop();
    statWatchers.delete(filename);
  }
}

// ---- fs.promises.watch -------------------------------------------------------

// An async iterator of { eventType, filename }; ends when the signal
// aborts (rejecting with an AbortError) or on return().
function watchIterator(filename, options = {}) {
  if (options === null || typeof options !== 'object') {
    if (typeof options === 'string') options = { encoding: options };
    else throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  // Unlike fs.watch, the promise form checks its booleans.
  if (options.persistent !== undefined) {
    validateBoolean(options.persistent, 'options.persistent');
  }
  if (options.recursive !== undefined) {
    validateBoolean(options.recursive, 'options.recursive');
  }
  const { persistent, recursive, encoding, signal } = watchOptions(options);
  filename = getValidatedPath(filename, 'filename');
  const queue = [];
  let waiting = null;
  let done = false;
  let failure = null;
  const watcher = new FSWatcher();
  const settle = () => {
    if (!waiting) return;
    const { resolve, reject } = waiting;
    if (queue.length) {
      waiting = null;
      resolve({ value: queue.shift(), done: false });
    } else if (failure) {
      waiting = null;
      reject(failure);
    } else if (done) {
      waiting = null;
      resolve({ value: undefined, done: true });
    }
  };
  const finish = (err) => {
    if (done) return;
    done = true;
    failure = err || null;
    watcher.close();
    if (signal) signal.removeEventListener('abort', onAbort);
    settle();
  };
  const onAbort = () => finish(new AbortError(undefined,
                                              { cause: signal.reason }));
  if (signal && signal.aborted) {
    done = true;
    failure = new AbortError(undefined, { cause: signal.reason });
  } else {
    watcher.start(filename, persistent, recursive, encoding);
    watcher.on('change', (eventType, name) => {
      queue.push({ eventType, filename: name });
      settle();
    });
    watcher.on('error', finish);
    if (signal) signal.addEventListener('abort', onAbort, { once: true });
  }
  return {
    next() {
      return new Promise((resolve, reject) => {
        waiting = { resolve, reject };
        settle();
      });
    },
    return() {
      finish(null);
      return Promise.resolve({ value: undefined, done: true });
    },
    throw(err) {
      finish(err);
      return Promise.reject(err);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

module.exports = {
  FSWatcher,
  StatWatcher,
  watch,
  watchFile,
  unwatchFile,
  watchIterator,
};
