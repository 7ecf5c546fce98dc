'use strict';

// The child_process module: spawn, exec and execFile start a child and
// watch it from the event loop; spawnSync, execSync and execFileSync run
// it to completion. fork() runs a Node program in a child joined to this
// one by an IPC channel (internal/child_process/channel.js).

const { Buffer } = require('buffer');
const {
  AbortError,
  genericNodeError,
  codes: {
    ERR_CHILD_PROCESS_IPC_REQUIRED,
    ERR_CHILD_PROCESS_STDIO_MAXBUFFER,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');
const {
  validateAbortSignal,
  validateArray,
  validateBoolean,
  validateFunction,
  validateInt32,
  validateObject,
  validateOneOf,
  validateString,
} = require('internal/validators');
const {
  ChildProcess,
  convertToValidSignal,
  spawnSync: runSync,
} = require('internal/child_process');

const kCustomPromisified = Symbol.for('nodejs.util.promisify.custom');

// ---- Options ---------------------------------------------------------------

function validateArgumentNullCheck(arg, name) {
  if (typeof arg === 'string' && arg.includes('\u0000')) {
    throw new ERR_INVALID_ARG_VALUE(name, arg,
                                    'must be a string without null bytes');
  }
}

function validateArgumentsNullCheck(args, name) {
  for (let i = 0; i < args.length; i++) {
    validateArgumentNullCheck(args[i], `${name}[${i}]`);
  }
}

function getCwd(cwd) {
  if (cwd === undefined || cwd === null) return undefined;
  if (typeof cwd === 'object' && cwd !== null && cwd.href !== undefined &&
      cwd.protocol === 'file:') {
    return require('internal/url').fileURLToPath(cwd);
  }
  validateString(cwd, 'options.cwd');
  validateArgumentNullCheck(cwd, 'options.cwd');
  return cwd;
}

// (file, args, options) as the natives want them: args starting with
// argv0, the shell wrapped around when asked, env as "KEY=value" pairs.
function normalizeSpawnArguments(file, args, options) {
  validateString(file, 'file');
  validateArgumentNullCheck(file, 'file');
  if (file.length === 0) {
    throw new ERR_INVALID_ARG_VALUE('file', file, 'cannot be empty');
  }
  if (Array.isArray(args)) {
    args = [...args];
  } else if (args === undefined || args === null) {
    args = [];
  } else if (typeof args !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('args', 'object', args);
  } else {
    options = args;
    args = [];
  }
  validateArgumentsNullCheck(args, 'args');
  // Arguments that are not strings are passed as their string form.
  args = args.map((arg) => `${arg}`);
  if (options === undefined) options = {};
  else validateObject(options, 'options');

  validateOneOf(options.serialization, 'options.serialization',
                [undefined, 'json', 'advanced']);
  const cwd = getCwd(options.cwd);
  if (options.detached != null) {
    validateBoolean(options.detached, 'options.detached');
  }
  if (options.uid != null) validateInt32(options.uid, 'options.uid');
  if (options.gid != null) validateInt32(options.gid, 'options.gid');
  if (options.shell != null && typeof options.shell !== 'boolean' &&
      typeof options.shell !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('options.shell', ['boolean', 'string'],
                                   options.shell);
  }
  if (options.argv0 != null) {
    validateString(options.argv0, 'options.argv0');
    validateArgumentNullCheck(options.argv0, 'options.argv0');
  }
  if (options.windowsHide != null) {
    validateBoolean(options.windowsHide, 'options.windowsHide');
  }
  if (options.windowsVerbatimArguments != null) {
    validateBoolean(options.windowsVerbatimArguments,
                    'options.windowsVerbatimArguments');
  }

  if (options.shell) {
    validateArgumentNullCheck(options.shell, 'options.shell');
    const command = args.length > 0 ? `${file} ${args.join(' ')}` : file;
    file = typeof options.shell === 'string' ? options.shell : '/bin/sh';
    args = ['-c', command];
  }
  args.unshift(typeof options.argv0 === 'string' ? options.argv0 : file);

  const env = options.env || process.env;
  const envPairs = [];
  for (const key of Object.keys(env)) {
    const value = env[key];
    if (value !== undefined) {
      validateArgumentNullCheck(key, `options.env['${key}']`);
      validateArgumentNullCheck(value, `options.env['${key}']`);
      envPairs.push(`${key}=${value}`);
    }
  }

  return {
    ...options,
    args,
    cwd,
    detached: !!options.detached,
    envPairs,
    file,
    windowsHide: !!options.windowsHide,
    windowsVerbatimArguments: !!options.windowsVerbatimArguments,
  };
}

function validateTimeout(timeout) {
  if (timeout != null && !(Number.isInteger(timeout) && timeout >= 0)) {
    throw new ERR_OUT_OF_RANGE('timeout', 'an unsigned integer', timeout);
  }
}

function validateMaxBuffer(maxBuffer) {
  if (maxBuffer != null && !(typeof maxBuffer === 'number' &&
                             maxBuffer >= 0)) {
    throw new ERR_OUT_OF_RANGE('options.maxBuffer', 'a positive number',
                               maxBuffer);
  }
}

// ---- spawn -----------------------------------------------------------------

function abortChildProcess(child, killSignal, reason) {
  if (!child) return;
  try {
    if (child.kill(killSignal)) {
      child.emit('error', new AbortError(undefined, { cause: reason }));
    }
  } catch (err) {
    child.emit('error', err);
  }
}

function spawn(file, args, options) {
  options = normalizeSpawnArguments(file, args, options);
  validateTimeout(options.timeout);
  validateAbortSignal(options.signal, 'options.signal');
  const killSignal = options.killSignal === undefined ? 'SIGTERM' :
    options.killSignal;
  if (options.killSignal !== undefined) convertToValidSignal(killSignal);

  const child = new ChildProcess();
  child.spawn(options);

  if (options.timeout > 0) {
    const { setTimeout, clearTimeout } = require('timers');
    let timer = setTimeout(() => {
      if (timer) {
        try {
          child.kill(killSignal);
        } catch (err) {
          child.emit('error', err);
        }
        timer = null;
      }
    }, options.timeout);
    child.once('exit', () => {
      if (timer) {
        clearTimeout(timer);
        timer = null;
      }
    });
  }

  const signal = options.signal;
  if (signal) {
    if (signal.aborted) {
      process.nextTick(abortChildProcess, child, killSignal, signal.reason);
    } else {
      const onAbort = () => {
        abortChildProcess(child, killSignal, signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      child.once('exit', () => signal.removeEventListener('abort', onAbort));
    }
  }
  return child;
}

// ---- execFile and exec -----------------------------------------------------

function execFile(file, args, options, callback) {
  if (typeof args === 'function') {
    callback = args;
    args = [];
    options = undefined;
  } else if (args !== null && typeof args === 'object' &&
             !Array.isArray(args)) {
    callback = options;
    options = args;
    args = [];
  } else if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  if (args == null) args = [];
  else if (!Array.isArray(args)) {
    throw new ERR_INVALID_ARG_VALUE('args', args);
  }
  if (options == null) options = {};
  else validateObject(options, 'options');
  if (callback != null) validateFunction(callback, 'callback');

  options = {
    encoding: 'utf8',
    timeout: 0,
    maxBuffer: 1024 * 1024,
    killSignal: 'SIGTERM',
    cwd: null,
    env: null,
    shell: false,
    ...options,
  };
  validateTimeout(options.timeout);
  validateMaxBuffer(options.maxBuffer);
  options.killSignal = convertToValidSignal(options.killSignal);

  const child = spawn(file, args, {
    cwd: options.cwd,
    env: options.env,
    gid: options.gid,
    shell: options.shell,
    signal: options.signal,
    uid: options.uid,
    windowsHide: !!options.windowsHide,
    windowsVerbatimArguments: !!options.windowsVerbatimArguments,
  });

  const encoding = options.encoding && options.encoding !== 'buffer' &&
    Buffer.isEncoding(options.encoding) ? options.encoding : null;
  const stdoutChunks = [];
  const stderrChunks = [];
  let stdoutLen = 0;
  let stderrLen = 0;
  let killed = false;
  let exited = false;
  let timer = null;
  let ex = null;
  let cmd = file;

  function exithandler(code, signal) {
    if (exited) return;
    exited = true;
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    if (!callback) return;
    const join = (chunks) => (encoding ? chunks.join('') :
      Buffer.concat(chunks));
    const stdout = join(stdoutChunks);
    const stderr = join(stderrChunks);
    if (!ex && code === 0 && signal === null) {
      callback(null, stdout, stderr);
      return;
    }
    if (args.length > 0) cmd += ` ${args.join(' ')}`;
    if (!ex) {
      ex = genericNodeError(`Command failed: ${cmd}\n${stderr}`, {
        code: code < 0 ? require('util').getSystemErrorName(code) : code,
        killed: child.killed || killed,
        signal,
      });
    }
    ex.cmd = cmd;
    callback(ex, stdout, stderr);
  }

  function errorhandler(e) {
    ex = e;
    if (child.stdout) child.stdout.destroy();
    if (child.stderr) child.stderr.destroy();
    exithandler();
  }

  function kill() {
    if (child.stdout) child.stdout.destroy();
    if (child.stderr) child.stderr.destroy();
    killed = true;
    try {
      child.kill(options.killSignal);
    } catch (e) {
      ex = e;
      exithandler();
    }
  }

  const { setTimeout, clearTimeout } = require('timers');
  if (options.timeout > 0) {
    timer = setTimeout(() => {
      kill();
      timer = null;
    }, options.timeout);
  }

  // Collects a stream's output up to maxBuffer; past it the child dies.
  function collect(stream, chunks, name) {
    if (!stream) return;
    if (encoding) stream.setEncoding(encoding);
    stream.on('data', (chunk) => {
      const len = encoding ? Buffer.byteLength(chunk, encoding) : chunk.length;
      const total = (name === 'stdout' ? stdoutLen : stderrLen) + len;
      if (total > options.maxBuffer) {
        const room = options.maxBuffer -
          (name === 'stdout' ? stdoutLen : stderrLen);
        chunks.push(chunk.slice(0, room));
        ex = new ERR_CHILD_PROCESS_STDIO_MAXBUFFER(name);
        kill();
      } else {
        chunks.push(chunk);
      }
      if (name === 'stdout') stdoutLen = total;
      else stderrLen = total;
    });
  }
  collect(child.stdout, stdoutChunks, 'stdout');
  collect(child.stderr, stderrChunks, 'stderr');

  child.addListener('close', exithandler);
  child.addListener('error', errorhandler);
  return child;
}

function normalizeExecArgs(command, options, callback) {
  validateString(command, 'command');
  validateArgumentNullCheck(command, 'command');
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  options = { ...options };
  options.shell = typeof options.shell === 'string' ? options.shell : true;
  return { file: command, options, callback };
}

function exec(command, options, callback) {
  const opts = normalizeExecArgs(command, options, callback);
  return execFile(opts.file, opts.options, opts.callback);
}

// The promise forms resolve to { stdout, stderr } and carry the child.
function promisified(fn) {
  return function(...args) {
    let child;
    const promise = new Promise((resolve, reject) => {
      child = fn(...args, (err, stdout, stderr) => {
        if (err !== null) {
          err.stdout = stdout;
          err.stderr = stderr;
          reject(err);
        } else {
          resolve({ stdout, stderr });
        }
      });
    });
    promise.child = child;
    return promise;
  };
}

Object.defineProperty(exec, kCustomPromisified, {
  enumerable: false, value: promisified(exec),
});
Object.defineProperty(execFile, kCustomPromisified, {
  enumerable: false, value: promisified(execFile),
});

// ---- The synchronous forms -------------------------------------------------

function spawnSync(file, args, options) {
  options = {
    maxBuffer: 1024 * 1024,
    ...normalizeSpawnArguments(file, args, options),
  };
  validateTimeout(options.timeout);
  validateMaxBuffer(options.maxBuffer);
  options.killSignal = options.killSignal === undefined ? undefined :
    convertToValidSignal(options.killSignal);
  const input = options.input;
  if (input !== undefined && typeof input !== 'string' &&
      !ArrayBuffer.isView(input)) {
    throw new ERR_INVALID_ARG_TYPE('options.stdio[0]',
                                   ['Buffer', 'TypedArray', 'DataView',
                                    'string'], input);
  }
  return runSync(options);
}

function checkExecSyncError(ret, args, cmd) {
  let err;
  if (ret.error) {
    err = ret.error;
    Object.assign(err, ret);
    delete err.error;
  } else if (ret.status !== 0) {
    let msg = 'Command failed: ';
    msg += cmd || args.join(' ');
    if (ret.stderr && ret.stderr.length > 0) msg += `\n${ret.stderr}`;
    err = genericNodeError(msg, ret);
  }
  return err;
}

function execFileSync(file, args, options) {
  if (args !== null && typeof args === 'object' && !Array.isArray(args)) {
    options = args;
    args = [];
  }
  args = args == null ? [] : args;
  options = options || {};
  const inheritStderr = !options.stdio;
  const ret = spawnSync(file, args, options);
  if (inheritStderr && ret.stderr) process.stderr.write(ret.stderr);
  const errArgs = [options.argv0 || file, ...args];
  const err = checkExecSyncError(ret, errArgs);
  if (err) throw err;
  return ret.stdout;
}

function execSync(command, options) {
  const opts = normalizeExecArgs(command, options, null);
  const inheritStderr = !opts.options.stdio;
  const ret = spawnSync(opts.file, opts.options);
  if (inheritStderr && ret.stderr) process.stderr.write(ret.stderr);
  const err = checkExecSyncError(ret, undefined, command);
  if (err) throw err;
  return ret.stdout;
}

// stdio given as one word, for a child that also has the IPC channel.
function stdioWithIpc(stdio) {
  switch (stdio) {
    case 'ignore':
    case 'pipe':
    case 'overlapped':
    case 'inherit':
      return [stdio, stdio, stdio, 'ipc'];
    default:
      throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
  }
}

function fork(modulePath, args, options) {
  if (modulePath instanceof URL) {
    modulePath = require('internal/url').fileURLToPath(modulePath);
  } else if (Buffer.isBuffer(modulePath)) {
    modulePath = modulePath.toString();
  } else if (typeof modulePath !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('modulePath', ['string', 'Buffer', 'URL'],
                                   modulePath);
  }
  validateArgumentNullCheck(modulePath, 'modulePath');
  if (args === undefined || args === null) {
    args = [];
  } else if (typeof args === 'object' && !Array.isArray(args)) {
    options = args;
    args = [];
  } else {
    validateArray(args, 'args');
  }
  if (options !== undefined && options !== null) {
    validateObject(options, 'options');
  }
  options = { ...options, shell: false };
  options.execPath = options.execPath || process.execPath;
  validateArgumentNullCheck(options.execPath, 'options.execPath');
  const execArgv = options.execArgv || process.execArgv;
  validateArgumentsNullCheck(execArgv, 'options.execArgv');
  args = [...execArgv, modulePath, ...args];

  if (typeof options.stdio === 'string') {
    options.stdio = stdioWithIpc(options.stdio);
  } else if (!Array.isArray(options.stdio)) {
    options.stdio = stdioWithIpc(options.silent ? 'pipe' : 'inherit');
  } else if (!options.stdio.includes('ipc')) {
    throw new ERR_CHILD_PROCESS_IPC_REQUIRED('options.stdio');
  }
  return spawn(options.execPath, args, options);
}

// Node's hook for a forked child; our children set up their channel at
// start-up (internal/process/execution.js), so nothing is left to do.
function _forkChild() {}

module.exports = {
  _forkChild,
  ChildProcess,
  exec,
  execFile,
  execFileSync,
  execSync,
  fork,
  spawn,
  spawnSync,
};
