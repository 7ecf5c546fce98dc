// The methods and properties of `process` (everything but its events).
'use strict';

const binding = internalBinding('process_methods');
const { signals } = internalBinding('constants');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_UNKNOWN_SIGNAL, ERR_OUT_OF_RANGE },
  errnoException,
} = require('internal/errors');
const {
  validateNumber, validateString, validateFunction,
} = require('internal/validators');

function hrtime(prev) {
  const ns = binding.hrtime();
  const sec = Number(ns / 1000000000n);
  const nsec = Number(ns % 1000000000n);
  if (prev === undefined) return [sec, nsec];
  if (!Array.isArray(prev)) {
    throw new ERR_INVALID_ARG_TYPE('time', 'Array', prev);
  }
  if (prev.length !== 2) {
    throw new ERR_OUT_OF_RANGE('time', 2, prev.length);
  }
  let s = sec - prev[0];
  let n = nsec - prev[1];
  if (n < 0) {
    s -= 1;
    n += 1e9;
  }
  return [s, n];
}
hrtime.bigint = () => binding.hrtime();

function memoryUsage() {
  const [rss, heapTotal, heapUsed, external, arrayBuffers] =
    binding.memoryUsage();
  return { rss, heapTotal, heapUsed, external, arrayBuffers };
}
memoryUsage.rss = () => binding.rss();

function cpuUsage(prev) {
  const [user, system] = binding.cpuUsage();
  if (prev === undefined) return { user, system };
  if (prev === null || typeof prev !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('prevValue', 'object', prev);
  }
  for (const field of ['user', 'system']) {
    const name = `prevValue.${field}`;
    validateNumber(prev[field], name);
    if (!(prev[field] >= 0 && prev[field] <= Number.MAX_SAFE_INTEGER)) {
      const { ERR_INVALID_ARG_VALUE } = require('internal/errors').codes;
      throw new ERR_INVALID_ARG_VALUE.RangeError(name, prev[field]);
    }
  }
  return { user: user - prev.user, system: system - prev.system };
}

function resourceUsage() {
  const [
    userCPUTime, systemCPUTime, maxRSS, sharedMemorySize, unsharedDataSize,
    unsharedStackSize, minorPageFault, majorPageFault, swappedOut, fsRead,
    fsWrite, ipcSent, ipcReceived, signalsCount, voluntaryContextSwitches,
    involuntaryContextSwitches,
  ] = binding.resourceUsage();
  return {
    userCPUTime, systemCPUTime, maxRSS, sharedMemorySize, unsharedDataSize,
    unsharedStackSize, minorPageFault, majorPageFault, swappedOut, fsRead,
    fsWrite, ipcSent, ipcReceived, signalsCount, voluntaryContextSwitches,
    involuntaryContextSwitches,
  };
}

function signalNumber(sig) {
  if (typeof sig === 'number') return sig;
  if (typeof sig === 'string' && signals[sig] !== undefined)
    return signals[sig];
  if (typeof sig === 'string') throw new ERR_UNKNOWN_SIGNAL(sig);
  throw new ERR_INVALID_ARG_TYPE('signal', ['string', 'number'], sig);
}

function kill(pid, sig = 'SIGTERM') {
  if (pid != (pid | 0)) throw new ERR_INVALID_ARG_TYPE('pid', 'number', pid);
  const err = binding.kill(pid | 0, signalNumber(sig));
  if (err) throw errnoException(err, 'kill');
  return true;
}

function exit(code) {
  if (code !== undefined) process.exitCode = code;
  if (!process._exiting) {
    process._exiting = true;
    process.emit('exit', exitCodeOf(process.exitCode));
  }
  // Through the property, which a program may replace, as in Node.
  process.reallyExit(exitCodeOf(process.exitCode));
}

function exitCodeOf(code) {
  const n = code === undefined || code === null ? 0 : Number(code) | 0;
  return n;
}

// process.env: a live view of the C environment, an ordinary object whose
// properties these handlers serve (as in Node; a Proxy could not be
// cloned). Values become strings; deleting removes the variable.
function makeEnv() {
  const dataOnly = "'process.env' only accepts a configurable, writable, " +
    'and enumerable data descriptor';
  const toValue = (value) => {
    if (typeof value === 'symbol') {
      throw new TypeError('Cannot convert a Symbol value to a string');
    }
    return String(value);
  };
  return binding.envObject({
    get(key) {
      return typeof key === 'string' ? binding.envGet(key) : undefined;
    },
    set(key, value) {
      if (typeof key === 'symbol') toValue(key);
      binding.envSet(key, toValue(value));
    },
    query(key) {
      return typeof key === 'string' && binding.envGet(key) !== undefined;
    },
    delete(key) {
      if (typeof key === 'string') binding.envDelete(key);
    },
    keys() {
      return binding.envKeys();
    },
    define(key, desc) {
      const { ERR_INVALID_OBJECT_DEFINE_PROPERTY } =
        require('internal/errors').codes;
      if ('get' in desc || 'set' in desc) {
        throw new ERR_INVALID_OBJECT_DEFINE_PROPERTY(
          "'process.env' does not accept an accessor(getter/setter) " +
          'descriptor');
      }
      if (!('value' in desc) || desc.writable !== true ||
          desc.enumerable !== true || desc.configurable !== true) {
        throw new ERR_INVALID_OBJECT_DEFINE_PROPERTY(dataOnly);
      }
      this.set(key, desc.value);
    },
  });
}

// Node's legacy process.binding() answers only an allow-list of old
// internals. Of those, noderun gives the one whose contents are public
// API anyway: 'util', the type checks also found on util.types. Other
// names fail the way an unknown one does.
const legacyUtilKeys = ['isAnyArrayBuffer', 'isArrayBuffer',
  'isArrayBufferView', 'isAsyncFunction', 'isDataView', 'isDate',
  'isExternal', 'isMap', 'isMapIterator', 'isNativeError', 'isPromise',
  'isRegExp', 'isSet', 'isSetIterator', 'isTypedArray', 'isUint8Array'];

function binding_(name) {
  validateString(name, 'name');
  if (name === 'util') {
    const { types } = require('util');
    const out = {};
    for (const key of legacyUtilKeys) out[key] = types[key];
    return out;
  }
  throw new Error(`No such module: ${name}`);
}

// A user or group id: a uint32 or a name.
function validateId(id, name) {
  if (typeof id === 'number') {
    require('internal/validators').validateUint32(id, name);
  } else if (typeof id !== 'string') {
    throw new ERR_INVALID_ARG_TYPE(name, ['number', 'string'], id);
  }
}

function setCredential(which, id) {
  validateId(id, 'id');
  binding.setCredential(which, id);
}

// Signals: a libuv watcher per signal while it has listeners.
function setupSignals(process) {
  const watchers = new Map();
  const { start, stop } = internalBinding('signal_wrap');
  process.on('newListener', (type) => {
    if (typeof type !== 'string' || !type.startsWith('SIG') ||
        signals[type] === undefined || watchers.has(type)) return;
    watchers.set(type, start(signals[type], (signum) => {
      process.emit(type, type, signum);
    }));
  });
  process.on('removeListener', (type) => {
    const w = watchers.get(type);
    if (w !== undefined && process.listenerCount(type) === 0) {
      stop(w);
      watchers.delete(type);
    }
  });
}

// process.assert, deprecated (DEP0100) for the assert module; util is
// loaded when it is first called, not at start-up.
let deprecatedAssert;
function processAssert(value, message) {
  deprecatedAssert ??= require('util').deprecate((v, m) => {
    if (!v) {
      const { ERR_ASSERTION } = require('internal/errors').codes;
      throw new ERR_ASSERTION(m || 'assertion error');
    }
  }, 'process.assert() is deprecated. Please use the `assert` module ' +
     'instead.', 'DEP0100');
  return deprecatedAssert(value, message);
}

function setup(process) {
  const ids = () => binding.ids();
  const methods = {
    cwd: binding.cwd,
    chdir(directory) {
      validateString(directory, 'directory');
      binding.chdir(directory);
    },
    umask(mask) {
      if (mask === undefined) return binding.umask();
      if (typeof mask === 'string') {
        if (!/^[0-7]+$/.test(mask)) {
          const { ERR_INVALID_ARG_VALUE } = require('internal/errors').codes;
          throw new ERR_INVALID_ARG_VALUE('mask', mask,
                                          'must be a 32-bit unsigned ' +
                                          'integer or an octal string');
        }
        mask = parseInt(mask, 8);
      }
      validateNumber(mask, 'mask');
      return binding.umask(mask & 0o777);
    },
    hrtime,
    uptime: binding.uptime,
    memoryUsage,
    cpuUsage,
    resourceUsage,
    kill,
    assert: processAssert,
    exit,
    reallyExit: binding.reallyExit,
    getuid: () => ids()[0],
    geteuid: () => ids()[1],
    getgid: () => ids()[2],
    getegid: () => ids()[3],
    getgroups: binding.getgroups,
    setuid: (id) => setCredential(0, id),
    setgid: (id) => setCredential(1, id),
    seteuid: (id) => setCredential(2, id),
    setegid: (id) => setCredential(3, id),
    setgroups(groups) {
      if (!Array.isArray(groups)) {
        throw new ERR_INVALID_ARG_TYPE('groups', 'Array', groups);
      }
      groups.forEach((g, i) => validateId(g, `groups[${i}]`));
      binding.setgroups(groups);
    },
    binding: binding_,
    abort() {
      binding.kill(process.pid, signals.SIGABRT);
    },
    _rawDebug(...args) {
      const { format } = require('internal/util/inspect');
      internalBinding('stdio').writeSync(2, format(...args) + '\n');
    },
    emitWarning(...args) {
      return require('internal/process/warning').emitWarning(...args);
    },
    nextTick(...args) {
      return require('internal/process/task_queues').nextTick(...args);
    },
    dlopen(module, filename, flags) {
      if (arguments.length < 2) {
        const { ERR_MISSING_ARGS } = require('internal/errors').codes;
        throw new ERR_MISSING_ARGS('module', 'filename');
      }
      if (module === null || module === undefined) {
        throw new TypeError('Cannot convert undefined or null to object');
      }
      if (flags === undefined) {
        flags = internalBinding('constants').dlopen.RTLD_LAZY;
      }
      binding.dlopen(String(filename), Number(flags) | 0);
    },
    getActiveResourcesInfo() {
      return require('internal/process/active_resources')
        .getActiveResourcesInfo();
    },
  };
  for (const name of Object.keys(methods)) {
    Object.defineProperty(process, name, {
      value: methods[name], writable: true, enumerable: true,
      configurable: true,
    });
  }
  // Faster than the lazy form above for the hot path.
  const { nextTick } = require('internal/process/task_queues');
  process.nextTick = nextTick;

  let exitCode;
  Object.defineProperty(process, 'exitCode', {
    get() { return exitCode; },
    set(code) {
      if (code !== undefined && code !== null &&
          (typeof code !== 'number' || !Number.isInteger(code)) &&
          !(typeof code === 'string' && /^-?\d+$/.test(code))) {
        throw new ERR_INVALID_ARG_TYPE('code', 'integer', code);
      }
      exitCode = code;
    },
    enumerable: true,
    configurable: false,
  });
  process._exiting = false;
  process.env = makeEnv();
  process.release = { name: 'node' };
  process.features = { inspector: false, debug: false, uv: true, ipv6: true,
                       tls_alpn: false, tls_sni: false, tls_ocsp: false,
                       tls: false, cached_builtins: true };
  process.config = { target_defaults: {}, variables: {} };
  process.moduleLoadList = [];
  Object.defineProperty(process, 'ppid', {
    get: binding.ppid, enumerable: true, configurable: true,
  });
  Object.defineProperty(process, 'title', {
    get: binding.getTitle,
    set(t) { binding.setTitle(String(t)); },
    enumerable: true,
    configurable: true,
  });
  const opts = binding.getOptions();
  if (opts.title !== undefined) binding.setTitle(opts.title);
  process.noDeprecation = opts.noDeprecation;
  process.throwDeprecation = opts.throwDeprecation;
  process.traceDeprecation = opts.traceDeprecation;
  require('internal/process/stdio').setup(process);
  if (!opts.noWarnings) require('internal/process/warning').setup(process);
  setupSignals(process);
  void validateFunction;
}

module.exports = { setup, signalNumber };
