// The Worker class: the parent's side of a worker thread (src/worker.c).
// Two channels join parent and worker: the public one (worker.postMessage,
// 'message') and an internal one. On the internal one the parent first
// posts the start-up data (script, workerData, env ...), which the worker
// reads synchronously before running anything (internal/worker/main); the
// worker answers with 'online', its stdout/stderr chunks and its uncaught
// exception, if any. stdin travels the other way when asked for.
'use strict';

const EventEmitter = require('events');
const path = require('path');
const binding = internalBinding('worker');
const {
  newPort, postTo, receiveMessageOnPort, kHandle: kPortHandle,
} = require('internal/worker/io');
const state = require('internal/worker/state');
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_WORKER_PATH,
    ERR_WORKER_OUT_OF_MEMORY, ERR_WORKER_INVALID_EXEC_ARGV,
  },
} = require('internal/errors');
const { validateObject, validateNumber } = require('internal/validators');

const kHandle = Symbol('kHandle');
const kOwner = Symbol('kOwner');
const kPublicPort = Symbol('kPublicPort');
const kInternalPort = Symbol('kInternalPort');
const kOnExit = Symbol('kOnExit');
const kOnInternal = Symbol('kOnInternal');
const kLimits = Symbol('kLimits');
const kExited = Symbol('kExited');

const SHARE_ENV = Symbol.for('nodejs.worker_threads.SHARE_ENV');

const limitNames = ['maxYoungGenerationSizeMb', 'maxOldGenerationSizeMb',
  'codeRangeSizeMb', 'stackSizeMb'];

// The options of noderun's command line (src/options.c) that mean
// something per thread; others in execArgv are refused, as Node refuses
// flags it does not know. (A value may follow as a separate entry.)
const workerOptions = new Set([
  '--unhandled-rejections', '--title', '--no-warnings', '--trace-warnings',
  '--no-deprecation', '--throw-deprecation', '--trace-deprecation',
  '--pending-deprecation', '--expose-internals', '--expose-gc',
  '--expose_gc', '--jitless', '--allow-natives-syntax', '--stack-size',
  '--stack-trace-limit', '--max-old-space-size', '--max-semi-space-size',
  '--require', '-r',
]);

function badExecArgv(list) {
  const bad = [];
  for (let i = 0; i < list.length; i++) {
    const arg = list[i];
    if (typeof arg !== 'string') {
      bad.push(String(arg));
      continue;
    }
    const name = arg.split('=')[0];
    if (name.startsWith('--harmony') || name.startsWith('--no-harmony')) {
      continue;
    }
    if (!workerOptions.has(name)) {
      bad.push(arg);
    } else if ((name === '--require' || name === '-r' ||
                name === '--title') && !arg.includes('=')) {
      i++;  // its value
    }
  }
  return bad;
}

function scriptPath(filename, isEval) {
  if (isEval) {
    if (typeof filename !== 'string') {
      throw new ERR_INVALID_ARG_TYPE('filename', 'string', filename);
    }
    return filename;
  }
  if (filename !== null && typeof filename === 'object' &&
      typeof filename.href === 'string' && filename.protocol !== undefined) {
    return require('internal/url').fileURLToPath(filename);
  }
  if (typeof filename !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('filename', ['string', 'URL'], filename);
  }
  if (!path.isAbsolute(filename) && !/^\.\.?[\\/]/.test(filename)) {
    throw new ERR_WORKER_PATH(filename);
  }
  return path.resolve(filename);
}

function envCopy(env) {
  if (env === SHARE_ENV) return null;
  const source = env === undefined || env === null ? process.env : env;
  if (typeof source !== 'object') {
    throw new ERR_INVALID_ARG_TYPE(
      'options.env',
      ['object', 'undefined', 'null', 'worker_threads.SHARE_ENV'], source);
  }
  const out = {};
  for (const key of Object.keys(source)) out[key] = `${source[key]}`;
  return out;
}

function readLimits(limits) {
  if (limits === undefined) return [];
  validateObject(limits, 'options.resourceLimits');
  return limitNames.map((name) => {
    const v = limits[name];
    if (v === undefined) return 0;
    validateNumber(v, `options.resourceLimits.${name}`);
    return v;
  });
}

// The working directory is the process's. Workers cannot change it and
// keep a copy, which they read again only when this counter (shared by all
// threads, bumped by the main thread's chdir) says it changed.
function cwdCounter() {
  // Without SharedArrayBuffers (--no-harmony-sharedarraybuffer), workers
  // ask the system each time.
  if (state.cwdCounter === null && typeof SharedArrayBuffer === 'function') {
    state.cwdCounter = new Int32Array(new SharedArrayBuffer(4));
    const chdir = process.chdir;
    process.chdir = function(directory) {
      chdir.call(process, directory);
      Atomics.add(state.cwdCounter, 0, 1);
    };
  }
  return state.cwdCounter;
}

// C calls this with `this` = the worker's handle once its thread ended.
function onexit(code, outOfMemory) {
  const worker = this[kOwner];
  if (worker !== undefined) worker[kOnExit](code, outOfMemory);
}

class Worker extends EventEmitter {
  constructor(filename, options = {}) {
    super();
    validateObject(options, 'options');
    const isEval = !!options.eval;
    const file = scriptPath(filename, isEval);
    const { argv = [], execArgv, workerData, transferList } = options;
    if (!Array.isArray(argv)) {
      throw new ERR_INVALID_ARG_TYPE('options.argv', 'Array', argv);
    }
    if (execArgv !== undefined) {
      if (!Array.isArray(execArgv)) {
        throw new ERR_INVALID_ARG_TYPE('options.execArgv', 'Array',
                                       execArgv);
      }
      const bad = badExecArgv(execArgv);
      if (bad.length > 0) throw new ERR_WORKER_INVALID_EXEC_ARGV(bad);
    }
    const env = envCopy(options.env);
    const limits = readLimits(options.resourceLimits);
    if (options.name !== undefined && typeof options.name !== 'string') {
      throw new ERR_INVALID_ARG_TYPE('options.name', 'string', options.name);
    }
    const [handle, pub, internal, threadId, reported] = binding.create(
      onexit, execArgv ?? process.execArgv, limits);
    handle[kOwner] = this;
    this[kHandle] = handle;
    this[kExited] = false;
    this.threadId = threadId;
    this[kLimits] = {};
    limitNames.forEach((name, i) => { this[kLimits][name] = reported[i]; });

    this[kPublicPort] = newPort(pub);
    this[kPublicPort].on('message', (value) => {
      // What the worker sent on the internal port before this ('online',
      // output) comes first, though the two ports wake separately.
      let box;
      while ((box = receiveMessageOnPort(this[kInternalPort])) !== undefined) {
        this[kOnInternal](box.message);
      }
      this.emit('message', value);
    });
    this[kPublicPort].on('messageerror',
                         (err) => this.emit('messageerror', err));
    // The worker, not its port, keeps the parent alive (ref/unref).
    this[kPublicPort].unref();
    this[kInternalPort] = newPort(internal);
    this[kInternalPort].on('message', (msg) => this[kOnInternal](msg));
    this[kInternalPort].unref();

    const { Readable, Writable } = require('stream');
    this.stdout = new Readable({ read() {} });
    this.stderr = new Readable({ read() {} });
    // Unless asked for as streams, the worker's output goes to ours.
    if (!options.stdout) this.stdout.pipe(process.stdout, { end: false });
    if (!options.stderr) this.stderr.pipe(process.stderr, { end: false });
    this.stdin = null;
    if (options.stdin) {
      const port = this[kInternalPort];
      this.stdin = new Writable({
        write(chunk, encoding, callback) {
          if (port[kPortHandle] !== null) {
            postTo(port[kPortHandle], { type: 'stdin', chunk });
          }
          callback();
        },
        final(callback) {
          if (port[kPortHandle] !== null) {
            postTo(port[kPortHandle], { type: 'stdin', chunk: null });
          }
          callback();
        },
      });
    }

    const start = {
      type: 'start',
      filename: file,
      isEval,
      argv: argv.map((a) => `${a}`),
      env,
      workerData,
      environmentData: state.environmentData,
      name: options.name ?? '',
      stdin: !!options.stdin,
      cwdCounter: cwdCounter(),
    };
    try {
      postTo(this[kInternalPort][kPortHandle], start, transferList);
    } catch (err) {
      // The thread never ran.
      this[kExited] = true;
      binding.close(handle);
      this[kPublicPort].close();
      this[kInternalPort].close();
      throw err;
    }
    // Only now: the worker reads its start-up data as soon as it runs.
    try {
      binding.start(handle);
    } catch (err) {
      this[kExited] = true;
      binding.close(handle);
      this[kPublicPort].close();
      this[kInternalPort].close();
      throw err;
    }
  }

  [kOnInternal](msg) {
    if (msg === null || typeof msg !== 'object') return;
    switch (msg.type) {
      case 'online':
        this.emit('online');
        break;
      case 'stdio': {
        let { chunk } = msg;
        if (typeof chunk !== 'string') {
          chunk = Buffer.from(chunk.buffer, chunk.byteOffset,
                              chunk.byteLength);
        }
        (msg.fd === 1 ? this.stdout : this.stderr).push(chunk);
        break;
      }
      case 'error':
        this.emit('error', msg.error);
        break;
    }
  }

  [kOnExit](code, outOfMemory) {
    // Whatever the worker sent before it ended arrives before 'exit'.
    let box;
    while ((box = receiveMessageOnPort(this[kInternalPort])) !== undefined) {
      this[kOnInternal](box.message);
    }
    if (this[kPublicPort].listenerCount('message') > 0) {
      while ((box = receiveMessageOnPort(this[kPublicPort])) !== undefined) {
        this.emit('message', box.message);
      }
    }
    this[kExited] = true;
    this.threadId = -1;
    this[kLimits] = {};
    if (outOfMemory) {
      this.emit('error', new ERR_WORKER_OUT_OF_MEMORY('JS heap out of memory'));
    }
    this.stdout.push(null);
    this.stderr.push(null);
    this[kPublicPort].close();
    this[kInternalPort].close();
    binding.close(this[kHandle]);
    this.emit('exit', code);
    this.removeAllListeners('message');
    this.removeAllListeners('messageerror');
  }

  postMessage(...args) {
    if (this[kExited]) return;
    this[kPublicPort].postMessage(...args);
  }

  terminate(callback) {
    if (typeof callback === 'function') {
      process.emitWarning(
        'Passing a callback to worker.terminate() is deprecated. ' +
        'It returns a Promise instead.',
        'DeprecationWarning', 'DEP0132');
      if (this[kExited]) {
        process.nextTick(callback, null, undefined);
      } else {
        this.once('exit', (code) => callback(null, code));
      }
    }
    if (this[kExited]) return Promise.resolve();
    const done = new Promise((resolve) => this.once('exit', resolve));
    binding.terminate(this[kHandle]);
    return done;
  }

  ref() {
    if (!this[kExited]) binding.ref(this[kHandle], true);
  }

  unref() {
    if (!this[kExited]) binding.ref(this[kHandle], false);
  }

  get resourceLimits() {
    return this[kLimits];
  }
}

module.exports = { Worker, SHARE_ENV };
