'use strict';

// The ChildProcess class and the pieces child_process.js builds on: stdio
// lists, signal names, and the synchronous runner. The natives are
// process_wrap (an asynchronous child), pipe_wrap (its stdio pipes) and
// spawn_sync (a child run to completion on a private loop).

const EventEmitter = require('events');
const { Buffer } = require('buffer');
const {
  errnoException,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_IPC_ONE_PIPE,
    ERR_UNKNOWN_SIGNAL,
  },
} = require('internal/errors');
const { Socket } = require('internal/child_process/socket');

const processBinding = internalBinding('process_wrap');
const pipeBinding = internalBinding('pipe_wrap');
const syncBinding = internalBinding('spawn_sync');
const signals = require('os').constants.signals;

const UV_EACCES = -13;
const UV_EAGAIN = -11;
const UV_EMFILE = -24;
const UV_ENFILE = -23;
const UV_ENOENT = -2;
const UV_ESRCH = -3;
const UV_EINVAL = -22;
const UV_ENOSYS = -38;

// Spawn errors reported through 'error' rather than thrown.
const spawnErrors = new Set([UV_EACCES, UV_EAGAIN, UV_EMFILE, UV_ENFILE,
  UV_ENOENT]);

// ---- Signals ---------------------------------------------------------------

let signalNames;
function signalName(number) {
  if (signalNames === undefined) {
    signalNames = new Map();
    for (const name of Object.keys(signals)) {
      if (!signalNames.has(signals[name])) {
        signalNames.set(signals[name], name);
      }
    }
  }
  return signalNames.get(number);
}

// A signal name or number as a number; throws ERR_UNKNOWN_SIGNAL.
function convertToValidSignal(signal) {
  if (typeof signal === 'number' && signalName(signal) !== undefined) {
    return signal;
  }
  if (typeof signal === 'string') {
    const n = signals[signal.toUpperCase()];
    if (n !== undefined) return n;
  }
  throw new ERR_UNKNOWN_SIGNAL(signal);
}

// ---- stdio -----------------------------------------------------------------

// Turns the stdio option into a list of descriptions for the natives:
// { type: 'pipe', handle } | { type: 'ignore' } | { type: 'fd', fd }.
// With sync, pipes carry no handle (spawn_sync makes its own).
function getValidStdio(stdio, sync) {
  if (typeof stdio === 'string') {
    switch (stdio) {
      case 'ignore':
      case 'pipe':
      case 'inherit':
      case 'overlapped':
        stdio = [stdio, stdio, stdio];
        break;
      default:
        throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
    }
  } else if (!Array.isArray(stdio)) {
    throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
  }
  stdio = [...stdio];
  while (stdio.length < 3) stdio.push(undefined);

  let ipc;
  const list = [];
  for (let i = 0; i < stdio.length; i++) {
    let s = stdio[i];
    if (s === null || s === undefined) s = i < 3 ? 'pipe' : 'ignore';
    if (s === 'ignore') {
      list.push({ type: 'ignore' });
    } else if (s === 'pipe' || s === 'overlapped' ||
               (typeof s === 'number' && s < 0)) {
      const desc = {
        type: 'pipe',
        readable: i !== 0,
        writable: i === 0,
      };
      if (!sync) desc.handle = pipeBinding.create();
      list.push(desc);
    } else if (s === 'ipc') {
      if (sync || ipc !== undefined) {
        cleanup(list);
        if (!sync) throw new ERR_IPC_ONE_PIPE();
        const { ERR_IPC_SYNC_FORK } = require('internal/errors').codes;
        throw new ERR_IPC_SYNC_FORK();
      }
      ipc = pipeBinding.create(true);
      list.push({ type: 'pipe', handle: ipc, ipc: true,
                  readable: true, writable: true });
    } else if (s === 'inherit') {
      list.push({ type: 'fd', fd: i });
    } else if (typeof s === 'number' || typeof s.fd === 'number') {
      list.push({ type: 'fd', fd: typeof s === 'number' ? s : s.fd });
    } else if (s && s._handle && typeof s._handle === 'object' &&
               s._handle.fd !== undefined) {
      list.push({ type: 'fd', fd: s._handle.fd });
    } else if (s && s._handle && typeof s._handle === 'object' &&
               pipeBinding.fileno(s._handle) >= 0) {
      // A stream of ours (a pipe or socket): the child gets its descriptor.
      list.push({ type: 'fd', fd: pipeBinding.fileno(s._handle) });
    } else if (ArrayBuffer.isView(s) || typeof s === 'string') {
      if (!sync) {
        cleanup(list);
        throw new ERR_INVALID_ARG_VALUE('stdio', s);
      }
      list.push({ type: 'pipe', readable: i !== 0, writable: i === 0,
                  input: s });
    } else {
      cleanup(list);
      throw new ERR_INVALID_ARG_VALUE('stdio', s);
    }
  }
  return list;
}

// Closes the pipe handles of a stdio list that will not be used.
function cleanup(list) {
  for (const desc of list) {
    if (desc.type === 'pipe' && desc.handle) pipeBinding.close(desc.handle);
  }
}

// The options object both natives read (process_wrap and spawn_sync share
// its parsing): the normalized spawn options and the stdio list.
function nativeOptions(options, stdio) {
  return {
    file: options.file,
    args: options.args,
    cwd: options.cwd,
    envPairs: options.envPairs,
    detached: !!options.detached,
    uid: options.uid,
    gid: options.gid,
    stdio,
  };
}

// ---- ChildProcess ----------------------------------------------------------

function ChildProcess() {
  EventEmitter.call(this);
  this._closesNeeded = 1;
  this._closesGot = 0;
  this.connected = false;
  this.signalCode = null;
  this.exitCode = null;
  this.killed = false;
  this.spawnfile = null;
  this._handle = null;
}
Object.setPrototypeOf(ChildProcess.prototype, EventEmitter.prototype);
Object.setPrototypeOf(ChildProcess, EventEmitter);

function spawnError(err, file, args) {
  const ex = errnoException(err, `spawn ${file}`);
  ex.path = file;
  ex.spawnargs = args.slice(1);
  return ex;
}

// 'close' follows 'exit' once every readable stdio stream closed too.
function maybeClose(child) {
  child._closesGot++;
  if (child._closesGot === child._closesNeeded) {
    child.emit('close', child.exitCode, child.signalCode);
  }
}

// After the exit, output nobody reads is drained so its stream can close.
function flushStdio(child) {
  const stdio = child.stdio;
  if (!stdio) return;
  for (const stream of stdio) {
    if (stream && stream.readable && stream.readableFlowing === null &&
        stream.listenerCount('data') === 0 &&
        stream.listenerCount('readable') === 0) {
      stream.resume();
    }
  }
}

ChildProcess.prototype._onexit = function(exitCode, signalCode) {
  if (signalCode) {
    this.signalCode = signalName(signalCode) || signalCode;
  } else {
    this.exitCode = exitCode;
  }
  if (this.stdin) this.stdin.destroy();
  if (exitCode < 0) {
    // The child never ran: its pipes were never opened.
    for (const stream of this.stdio) {
      if (stream) stream.destroy();
    }
  }
  if (this._handle !== null) {
    processBinding.close(this._handle);
    this._handle = null;
  }
  if (exitCode < 0) {
    this.emit('error', spawnError(exitCode, this.spawnfile, this.spawnargs));
  } else {
    this.emit('exit', this.exitCode, this.signalCode);
  }
  process.nextTick(flushStdio, this);
  maybeClose(this);
};

// options: normalized by child_process.js (file, args, cwd, envPairs,
// detached, uid, gid, stdio).
ChildProcess.prototype.spawn = function spawn(options) {
  if (options === null || typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  const stdio = getValidStdio(options.stdio || 'pipe', false);
  if (typeof options.file !== 'string') {
    cleanup(stdio);
    throw new ERR_INVALID_ARG_TYPE('options.file', 'string', options.file);
  }
  this.spawnfile = options.file;
  this.spawnargs = Array.isArray(options.args) ? options.args : [];

  // The child finds its end of the channel through these variables.
  const ipcIndex = stdio.findIndex((d) => d.ipc);
  if (ipcIndex !== -1) {
    const serialization = options.serialization || 'json';
    options.envPairs = [
      ...(options.envPairs || []).filter((p) =>
        !p.startsWith('NODE_CHANNEL_FD=') &&
        !p.startsWith('NODE_CHANNEL_SERIALIZATION_MODE=')),
      `NODE_CHANNEL_FD=${ipcIndex}`,
      `NODE_CHANNEL_SERIALIZATION_MODE=${serialization}`,
    ];
  }

  let result;
  try {
    result = processBinding.spawn(nativeOptions(options,
      stdio.map((d) => d.type === 'pipe' ?
        { type: 'pipe', handle: d.handle } : d)));
  } catch (err) {
    cleanup(stdio);
    throw err;
  }

  let err = 0;
  if (typeof result === 'number') {
    err = result;
    if (!spawnErrors.has(err)) {
      cleanup(stdio);
      throw errnoException(err, 'spawn');
    }
    // The failure is reported like an exit with a negative code.
    process.nextTick(() => this._onexit(err, 0));
  } else {
    this._handle = result;
    this.pid = result.pid;
    result.onexit = (exitCode, signalCode) => {
      this._onexit(exitCode, signalCode);
    };
    process.nextTick(() => this.emit('spawn'));
  }

  const streams = [];
  for (let i = 0; i < stdio.length; i++) {
    const desc = stdio[i];
    if (desc.ipc) {
      // 'close' waits for the channel to go too.
      this._closesNeeded++;
      this.once('disconnect', () => maybeClose(this));
      if (err === 0) {
        require('internal/child_process/channel')
          .setupChannel(this, desc.handle, options.serialization || 'json');
      } else {
        pipeBinding.close(desc.handle);
        process.nextTick(() => maybeClose(this));
      }
      streams.push(null);
      continue;
    }
    if (desc.type !== 'pipe') {
      streams.push(null);
      continue;
    }
    const socket = new Socket({
      handle: desc.handle,
      readable: i !== 0,
      writable: i === 0 || i > 2,
    });
    if (i > 0) {
      this._closesNeeded++;
      socket.once('close', () => maybeClose(this));
    }
    streams.push(socket);
  }
  this.stdin = streams.length > 0 ? streams[0] : null;
  this.stdout = streams.length > 1 ? streams[1] : null;
  this.stderr = streams.length > 2 ? streams[2] : null;
  this.stdio = streams;
  return err;
};

// A `using` declaration ends the child: killed unless it was already.
ChildProcess.prototype[Symbol.dispose] = function() {
  if (!this.killed) this.kill();
};

ChildProcess.prototype.kill = function kill(sig) {
  const signal = sig === 0 ? 0 :
    convertToValidSignal(sig === undefined ? 'SIGTERM' : sig);
  if (this._handle === null) return false;
  const err = processBinding.kill(this._handle, signal);
  if (err === 0) {
    this.killed = true;
    return true;
  }
  if (err === UV_ESRCH) {
    // The child already went away; its exit is on the way.
  } else if (err === UV_EINVAL || err === UV_ENOSYS) {
    throw errnoException(err, 'kill');
  } else {
    this.emit('error', errnoException(err, 'kill'));
  }
  return false;
};

ChildProcess.prototype.ref = function ref() {
  if (this._handle !== null) processBinding.ref(this._handle, true);
};

ChildProcess.prototype.unref = function unref() {
  if (this._handle !== null) processBinding.ref(this._handle, false);
};

// ---- spawnSync -------------------------------------------------------------

// options: normalized spawn options plus stdio, input, timeout, maxBuffer,
// killSignal (a number) and encoding.
function spawnSync(options) {
  const stdio = getValidStdio(options.stdio || 'pipe', true);
  if (options.input !== undefined && stdio[0] && stdio[0].type === 'pipe') {
    stdio[0].input = options.input;
  }
  for (const desc of stdio) {
    if (typeof desc.input === 'string') {
      desc.input = Buffer.from(desc.input, options.encoding === 'buffer' ?
        'utf8' : options.encoding || 'utf8');
    } else if (desc.input !== undefined && !(desc.input instanceof Uint8Array)) {
      desc.input = new Uint8Array(desc.input.buffer, desc.input.byteOffset,
                                  desc.input.byteLength);
    }
  }
  const raw = syncBinding.spawn({
    ...nativeOptions(options, stdio),
    timeout: options.timeout,
    maxBuffer: options.maxBuffer,
    killSignal: options.killSignal,
  });

  const result = {};
  if (raw.error !== undefined) {
    const ex = errnoException(raw.error, `spawnSync ${options.file}`);
    ex.path = options.file;
    ex.spawnargs = options.args.slice(1);
    result.error = ex;
  }
  result.status = raw.status === undefined ? null : raw.status;
  result.signal = raw.signal ? signalName(raw.signal) || raw.signal : null;
  let output = null;
  if (raw.pid !== 0 || raw.status !== undefined) {
    const encoding = options.encoding;
    output = raw.output.map((bytes) => {
      if (bytes === null) return null;
      const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
      return encoding && encoding !== 'buffer' &&
        Buffer.isEncoding(encoding) ? buf.toString(encoding) : buf;
    });
  }
  result.output = output;
  result.pid = raw.pid;
  result.stdout = output && output[1];
  result.stderr = output && output[2];
  return result;
}

module.exports = {
  ChildProcess,
  convertToValidSignal,
  getValidStdio,
  signalName,
  spawnSync,
};
