// A worker's start-up, on its own thread: it takes its two ports from C,
// reads the start-up data its parent posted (lib/internal/worker.js), and
// makes `process` a worker's: its env, argv, stdio over the internal port,
// and uncaught exceptions reported to the parent.
'use strict';

const state = require('internal/worker/state');
const {
  newPort, postTo, receiveMessageOnPort, kHandle,
} = require('internal/worker/io');

const limitNames = ['maxYoungGenerationSizeMb', 'maxOldGenerationSizeMb',
  'codeRangeSizeMb', 'stackSizeMb'];

function post(message) {
  const port = state.internalPort;
  if (port !== null && port[kHandle] !== null) postTo(port[kHandle], message);
}

// process.env of a worker that got a copy: an object of strings.
function envObject(values) {
  const target = Object.create(null);
  Object.assign(target, values);
  return new Proxy(target, {
    get(t, key) {
      if (typeof key !== 'string') return undefined;
      if (Object.prototype.hasOwnProperty.call(t, key)) return t[key];
      return key in Object.prototype ? Object.prototype[key] : undefined;
    },
    set(t, key, value) {
      if (typeof key === 'symbol' || typeof value === 'symbol') {
        throw new TypeError('Cannot convert a Symbol value to a string');
      }
      t[key] = `${value}`;
      return true;
    },
    defineProperty(t, key, desc) {
      if (!('value' in desc) || desc.configurable !== true ||
          desc.writable !== true || desc.enumerable !== true) {
        const err = new TypeError(
          '\'process.env\' only accepts a configurable, writable, and ' +
          'enumerable data descriptor');
        err.code = 'ERR_INVALID_OBJECT_DEFINE_PROPERTY';
        throw err;
      }
      t[key] = `${desc.value}`;
      return true;
    },
  });
}

function stdioWritable(fd) {
  const { Writable } = require('stream');
  const stream = new Writable({
    decodeStrings: false,
    write(chunk, encoding, callback) {
      if (typeof chunk === 'string' && encoding !== 'utf8' &&
          encoding !== 'utf-8') {
        chunk = Buffer.from(chunk, encoding);
      }
      post({ type: 'stdio', fd, chunk });
      callback();
    },
    destroy(err, callback) {
      callback(err);
    },
  });
  stream._isStdio = true;
  return stream;
}

function stdinReadable(enabled) {
  const { Readable } = require('stream');
  const port = state.internalPort;
  const stream = new Readable({
    read() {
      // Reading keeps the worker alive until the parent ends stdin.
      if (enabled) port.ref();
      else this.push(null);
    },
  });
  stream.on('end', () => port.unref());
  return stream;
}

function defineStdio(name, value) {
  Object.defineProperty(process, name, {
    value, writable: true, enumerable: true, configurable: true,
  });
}

// Returns the start-up data ({ filename, isEval, ... }), or undefined when
// this thread has nothing to run.
function setup() {
  const info = internalBinding('worker').workerInfo();
  if (info === undefined) return undefined;
  const [threadId, publicHandle, internalHandle, limits] = info;
  const internalPort = newPort(internalHandle);
  const publicPort = newPort(publicHandle);
  const start = receiveMessageOnPort(internalPort)?.message;
  if (start === undefined || start === null || start.type !== 'start') {
    internalPort.close();
    publicPort.close();
    return undefined;
  }
  state.isMainThread = false;
  state.threadId = threadId;
  state.parentPort = publicPort;
  state.workerData = start.workerData;
  state.internalPort = internalPort;
  state.resourceLimits = {};
  limitNames.forEach((name, i) => { state.resourceLimits[name] = limits[i]; });
  if (start.environmentData instanceof Map) {
    state.environmentData = start.environmentData;
  }

  if (start.env !== null) process.env = envObject(start.env);
  process.argv = [process.execPath,
    start.isEval ? '[worker eval]' : start.filename, ...start.argv];
  defineStdio('stdout', stdioWritable(1));
  defineStdio('stderr', stdioWritable(2));
  const stdin = stdinReadable(start.stdin);
  defineStdio('stdin', stdin);
  internalPort.on('message', (msg) => {
    if (msg !== null && typeof msg === 'object' && msg.type === 'stdin') {
      if (msg.chunk === null) {
        stdin.push(null);
      } else {
        const c = msg.chunk;
        stdin.push(typeof c === 'string' ? c :
          Buffer.from(c.buffer, c.byteOffset, c.byteLength));
      }
    }
  });
  internalPort.unref();
  if (start.cwdCounter instanceof Int32Array) {
    const counter = state.cwdCounter = start.cwdCounter;
    const { cwd: rawCwd } = internalBinding('process_methods');
    let seen = -1;
    let cached;
    process.cwd = function cwd() {
      const now = Atomics.load(counter, 0);
      if (now !== seen) {
        cached = rawCwd();
        seen = now;
      }
      return cached;
    };
  }
  // Work that belongs to the whole process is refused, as in Node.
  const { codes: { ERR_WORKER_UNSUPPORTED_OPERATION } } =
    require('internal/errors');
  for (const name of ['chdir', 'abort', 'umask']) {
    const original = process[name];
    process[name] = function(...args) {
      if (name === 'umask' && args[0] === undefined) {
        return original.apply(process, args);
      }
      throw new ERR_WORKER_UNSUPPORTED_OPERATION(`process.${name}()`);
    };
  }
  // process.exit() ends this thread at once: nothing after it runs, not
  // even a catch block (the runtime is terminating; a loop's interrupt
  // check lets the termination through).
  const exit = process.exit;
  const { stopNow } = internalBinding('worker');
  process.exit = function(code) {
    exit.call(process, code);
    while (stopNow()) {
      // Unwinds here.
    }
  };
  post({ type: 'online' });
  return start;
}

// An uncaught exception in a worker goes to the parent as an 'error'
// event, and the worker exits with 1.
function reportFatal(err) {
  try {
    post({ type: 'error', error: err });
  } catch {
    let text;
    try {
      text = require('internal/util/inspect').inspect(err);
    } catch {
      text = '[uncaught exception]';
    }
    const { codes: { ERR_WORKER_UNSERIALIZABLE_ERROR } } =
      require('internal/errors');
    const e = new ERR_WORKER_UNSERIALIZABLE_ERROR();
    e.message += `: ${text}`;
    try {
      post({ type: 'error', error: e });
    } catch {
      // Nothing more can be said.
    }
  }
}

module.exports = { setup, reportFatal };
