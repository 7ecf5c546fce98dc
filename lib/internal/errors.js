'use strict';

// The table of Node.js error codes used by noderun's builtins, plus the
// helpers that build system errors (uvException, errnoException, ...).
//
// Adding a code: append one line to the table at the bottom of this file,
//   E('ERR_SOMETHING', 'Text with %s placeholders', TypeError);
// or pass a function (args) => message instead of the string. Inside such a
// function `this` is the error being built, so it may set extra properties.
// Extra base classes after the first become variants, e.g.
// codes.ERR_INVALID_ARG_VALUE.RangeError.

const messages = new Map();
const codes = {};

const kIsNodeError = Symbol('kIsNodeError');

// A function stored on an error under this key returns the stack text to
// print for it when it is fatal (events.js uses it to add where an
// unhandled 'error' event was emitted).
const kEnhanceStackBeforeInspector = Symbol('kEnhanceStackBeforeInspector');

let inspectFn;
function lazyInspect(value, options) {
  if (inspectFn === undefined) {
    inspectFn = require('internal/util/inspect').inspect;
  }
  return inspectFn(value, options);
}

// Fill a template's %s/%d/%i/%j/%o/%O placeholders in order. `%%` is a
// literal percent sign.
function formatTemplate(template, args) {
  let i = 0;
  return template.replace(/%([sdifjoO%])/g, (whole, kind) => {
    if (kind === '%') return '%';
    if (i >= args.length) return whole;
    const arg = args[i++];
    switch (kind) {
      case 's':
        if (typeof arg === 'bigint') return `${arg}n`;
        if (typeof arg === 'object' && arg !== null) {
          return lazyInspect(arg, { depth: 0, colors: false });
        }
        return String(arg);
      case 'd':
      case 'i':
        if (typeof arg === 'bigint') return `${arg}n`;
        if (typeof arg === 'object' && arg !== null) return 'NaN';
        return String(kind === 'i' ? Math.trunc(Number(arg)) : Number(arg));
      case 'f':
        return String(parseFloat(arg));
      case 'j':
        try {
          return JSON.stringify(arg);
        } catch {
          return '[Circular]';
        }
      default:
        return lazyInspect(arg);
    }
  });
}

function getMessage(code, args, self) {
  const msg = messages.get(code);
  if (typeof msg === 'function') return Reflect.apply(msg, self, args);
  return formatTemplate(msg, args);
}

function defineHidden(obj, key, value) {
  Object.defineProperty(obj, key, {
    __proto__: null,
    value,
    enumerable: false,
    writable: true,
    configurable: true,
  });
}

// The first line of a Node error's stack reads `TypeError [ERR_X]: msg`
// while err.name stays 'TypeError'. V8 formats `stack` lazily on first
// read, so give the error a temporary own name, read the stack, drop it.
function stampStackHeader(error, code) {
  const desc = Object.getOwnPropertyDescriptor(error, 'name');
  defineHidden(error, 'name', `${error.name} [${code}]`);
  // eslint-disable-next-line no-unused-expressions
  error.stack;
  if (desc === undefined) {
    delete error.name;
  } else {
    Object.defineProperty(error, 'name', desc);
  }
}

function nodeErrorToString() {
  return `${this.name} [${this.code}]: ${this.message}`;
}

function makeNodeErrorClass(Base, code) {
  function NodeError(...args) {
    const error = new Base();
    const message = getMessage(code, args, error);
    defineHidden(error, 'message', message);
    defineHidden(error, 'toString', nodeErrorToString);
    Object.defineProperty(error, kIsNodeError, {
      __proto__: null,
      value: true,
      enumerable: false,
      writable: false,
      configurable: true,
    });
    error.code = code;
    stampStackHeader(error, code);
    return error;
  }
  // `err instanceof codes.ERR_X` is not meaningful (the instance is a plain
  // TypeError etc.), but keep prototype links sensible for subclassing.
  NodeError.prototype = Base.prototype;
  return NodeError;
}

// System errors built from a libuv-style context object:
//   { errno, code, message, syscall, path?, dest? }
class SystemError extends Error {
  constructor(key, context) {
    super();
    const prefix = getMessage(key, [], this);
    let message = `${prefix}: ${context.syscall} returned ` +
                  `${context.code} (${context.message})`;
    if (context.path !== undefined) message += ` ${context.path}`;
    if (context.dest !== undefined) message += ` => ${context.dest}`;
    defineHidden(this, 'message', message);
    this.code = key;
    defineHidden(this, 'name', 'SystemError');
    Object.defineProperty(this, 'info', {
      __proto__: null,
      value: context,
      enumerable: true,
      configurable: true,
      writable: false,
    });
    for (const field of ['errno', 'syscall', 'path', 'dest']) {
      if (field !== 'errno' && field !== 'syscall' &&
          context[field] === undefined) {
        continue;
      }
      Object.defineProperty(this, field, {
        __proto__: null,
        get() { return context[field]; },
        set(value) { context[field] = value; },
        enumerable: true,
        configurable: true,
      });
    }
    stampStackHeader(this, key);
    delete this.name;
    defineHidden(this, 'name', 'SystemError');
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }

  // Show the values behind the errno/syscall/... accessors.
  [Symbol.for('nodejs.util.inspect.custom')](recurseTimes, ctx) {
    return lazyInspect(this, {
      ...ctx,
      getters: true,
      customInspect: false,
    });
  }
}

function makeSystemErrorClass(Base, code) {
  function NodeError(ctx) {
    return new Base(code, ctx);
  }
  NodeError.prototype = Base.prototype;
  return NodeError;
}

function E(code, message, Base, ...otherClasses) {
  messages.set(code, message);
  const make = Base === SystemError ? makeSystemErrorClass
                                    : makeNodeErrorClass;
  const Cls = make(Base, code);
  for (const Other of otherClasses) {
    Cls[Other.name] = make(Other, code);
  }
  codes[code] = Cls;
}

function hideStackFrames(fn) {
  return fn;
}

// ---------------------------------------------------------------------------
// Helpers for the "Received ..." part of messages.

// Describe a value the way Node's argument errors do: "null",
// "an instance of Foo", "function bar", "type number (1)".
function determineSpecificType(value) {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  const type = typeof value;
  if (type === 'function' && value.name) return `function ${value.name}`;
  if (type === 'object') {
    const ctor = value.constructor;
    if (ctor && ctor.name) return `an instance of ${ctor.name}`;
    return lazyInspect(value, { depth: -1 });
  }
  let shown = lazyInspect(value, { colors: false });
  if (shown.length > 28) shown = `${shown.slice(0, 25)}...`;
  return `type ${type} (${shown})`;
}

// 'a', 'a or b', 'a, b, or c'
function formatList(list, word = 'or') {
  if (list.length < 3) return list.join(` ${word} `);
  return `${list.slice(0, -1).join(', ')}, ${word} ${list[list.length - 1]}`;
}

// Insert '_' every three digits from the right: 1234567 -> 1_234_567.
function addNumericalSeparator(text) {
  const start = text[0] === '-' ? 1 : 0;
  let end = text.length;
  let tail = '';
  while (end >= start + 4) {
    tail = `_${text.slice(end - 3, end)}${tail}`;
    end -= 3;
  }
  return `${text.slice(0, end)}${tail}`;
}

// Names accepted as primitive type names by ERR_INVALID_ARG_TYPE.
const kTypes = new Set([
  'string', 'function', 'number', 'object', 'Function', 'Object',
  'boolean', 'bigint', 'symbol',
]);
const kClassName = /^([A-Z][a-z0-9]*)+$/;

function invalidArgTypeMessage(name, expected, actual) {
  if (!Array.isArray(expected)) expected = [expected];
  let msg = 'The ';
  if (name.endsWith(' argument')) {
    msg += `${name} `;
  } else {
    const kind = name.includes('.') ? 'property' : 'argument';
    msg += `"${name}" ${kind} `;
  }
  msg += 'must be ';

  const types = [];
  const instances = [];
  const other = [];
  for (const value of expected) {
    if (kTypes.has(value)) {
      types.push(value.toLowerCase());
    } else if (kClassName.test(value)) {
      instances.push(value);
    } else {
      other.push(value);
    }
  }
  // With class names present, a plain object is described as an instance.
  if (instances.length > 0) {
    const pos = types.indexOf('object');
    if (pos !== -1) {
      types.splice(pos, 1);
      instances.push('Object');
    }
  }

  if (types.length > 0) {
    msg += types.length > 1 ? `one of type ${formatList(types)}`
                            : `of type ${types[0]}`;
    if (instances.length > 0 || other.length > 0) msg += ' or ';
  }
  if (instances.length > 0) {
    msg += `an instance of ${formatList(instances)}`;
    if (other.length > 0) msg += ' or ';
  }
  if (other.length > 0) {
    if (other.length > 1) {
      msg += `one of ${formatList(other)}`;
    } else {
      if (other[0].toLowerCase() !== other[0]) msg += 'an ';
      msg += other[0];
    }
  }
  return `${msg}. Received ${determineSpecificType(actual)}`;
}

function invalidArgValueMessage(name, value, reason = 'is invalid') {
  let shown = lazyInspect(value);
  if (shown.length > 128) shown = `${shown.slice(0, 128)}...`;
  const kind = name.includes('.') ? 'property' : 'argument';
  return `The ${kind} '${name}' ${reason}. Received ${shown}`;
}

function outOfRangeMessage(str, range, input, replaceDefaultBoolean = false) {
  let msg = replaceDefaultBoolean ? str
                                  : `The value of "${str}" is out of range.`;
  let received;
  if (Number.isInteger(input) && Math.abs(input) > 2 ** 32) {
    received = addNumericalSeparator(String(input));
  } else if (typeof input === 'bigint') {
    received = String(input);
    if (input > 2n ** 32n || input < -(2n ** 32n)) {
      received = addNumericalSeparator(received);
    }
    received += 'n';
  } else {
    received = lazyInspect(input);
  }
  msg += ` It must be ${range}. Received ${received}`;
  return msg;
}

function missingArgsMessage(...args) {
  if (args.length === 0) {
    throw new Error('At least one arg needs to be specified');
  }
  const quote = (a) => `"${a}"`;
  const names = args.map((a) =>
    (Array.isArray(a) ? a.map(quote).join(' or ') : quote(a)));
  let msg = 'The ';
  if (names.length === 1) {
    msg += `${names[0]} argument`;
  } else if (names.length === 2) {
    msg += `${names[0]} and ${names[1]} arguments`;
  } else {
    msg += `${formatList(names, 'and')} arguments`;
  }
  return `${msg} must be specified`;
}

// ---------------------------------------------------------------------------
// System errors (libuv error numbers as on Linux).

const uvTable = [
  [-7, 'E2BIG', 'argument list too long'],
  [-13, 'EACCES', 'permission denied'],
  [-98, 'EADDRINUSE', 'address already in use'],
  [-99, 'EADDRNOTAVAIL', 'address not available'],
  [-97, 'EAFNOSUPPORT', 'address family not supported'],
  [-11, 'EAGAIN', 'resource temporarily unavailable'],
  [-3000, 'EAI_ADDRFAMILY', 'address family not supported'],
  [-3001, 'EAI_AGAIN', 'temporary failure'],
  [-3002, 'EAI_BADFLAGS', 'bad ai_flags value'],
  [-3013, 'EAI_BADHINTS', 'invalid value for hints'],
  [-3003, 'EAI_CANCELED', 'request canceled'],
  [-3004, 'EAI_FAIL', 'permanent failure'],
  [-3005, 'EAI_FAMILY', 'ai_family not supported'],
  [-3006, 'EAI_MEMORY', 'out of memory'],
  [-3007, 'EAI_NODATA', 'no address'],
  [-3008, 'EAI_NONAME', 'unknown node or service'],
  [-3009, 'EAI_OVERFLOW', 'argument buffer overflow'],
  [-3014, 'EAI_PROTOCOL', 'resolved protocol is unknown'],
  [-3010, 'EAI_SERVICE', 'service not available for socket type'],
  [-3011, 'EAI_SOCKTYPE', 'socket type not supported'],
  [-114, 'EALREADY', 'connection already in progress'],
  [-9, 'EBADF', 'bad file descriptor'],
  [-16, 'EBUSY', 'resource busy or locked'],
  [-125, 'ECANCELED', 'operation canceled'],
  [-4080, 'ECHARSET', 'invalid Unicode character'],
  [-103, 'ECONNABORTED', 'software caused connection abort'],
  [-111, 'ECONNREFUSED', 'connection refused'],
  [-104, 'ECONNRESET', 'connection reset by peer'],
  [-89, 'EDESTADDRREQ', 'destination address required'],
  [-17, 'EEXIST', 'file already exists'],
  [-14, 'EFAULT', 'bad address in system call argument'],
  [-27, 'EFBIG', 'file too large'],
  [-113, 'EHOSTUNREACH', 'host is unreachable'],
  [-4, 'EINTR', 'interrupted system call'],
  [-22, 'EINVAL', 'invalid argument'],
  [-5, 'EIO', 'i/o error'],
  [-106, 'EISCONN', 'socket is already connected'],
  [-21, 'EISDIR', 'illegal operation on a directory'],
  [-40, 'ELOOP', 'too many symbolic links encountered'],
  [-24, 'EMFILE', 'too many open files'],
  [-90, 'EMSGSIZE', 'message too long'],
  [-36, 'ENAMETOOLONG', 'name too long'],
  [-100, 'ENETDOWN', 'network is down'],
  [-101, 'ENETUNREACH', 'network is unreachable'],
  [-23, 'ENFILE', 'file table overflow'],
  [-105, 'ENOBUFS', 'no buffer space available'],
  [-19, 'ENODEV', 'no such device'],
  [-2, 'ENOENT', 'no such file or directory'],
  [-12, 'ENOMEM', 'not enough memory'],
  [-64, 'ENONET', 'machine is not on the network'],
  [-92, 'ENOPROTOOPT', 'protocol not available'],
  [-28, 'ENOSPC', 'no space left on device'],
  [-38, 'ENOSYS', 'function not implemented'],
  [-107, 'ENOTCONN', 'socket is not connected'],
  [-20, 'ENOTDIR', 'not a directory'],
  [-39, 'ENOTEMPTY', 'directory not empty'],
  [-88, 'ENOTSOCK', 'socket operation on non-socket'],
  [-95, 'ENOTSUP', 'operation not supported on socket'],
  [-75, 'EOVERFLOW', 'value too large for defined data type'],
  [-1, 'EPERM', 'operation not permitted'],
  [-32, 'EPIPE', 'broken pipe'],
  [-71, 'EPROTO', 'protocol error'],
  [-93, 'EPROTONOSUPPORT', 'protocol not supported'],
  [-91, 'EPROTOTYPE', 'protocol wrong type for socket'],
  [-34, 'ERANGE', 'result too large'],
  [-30, 'EROFS', 'read-only file system'],
  [-108, 'ESHUTDOWN', 'cannot send after transport endpoint shutdown'],
  [-29, 'ESPIPE', 'invalid seek'],
  [-3, 'ESRCH', 'no such process'],
  [-110, 'ETIMEDOUT', 'connection timed out'],
  [-26, 'ETXTBSY', 'text file is busy'],
  [-18, 'EXDEV', 'cross-device link not permitted'],
  [-4094, 'UNKNOWN', 'unknown error'],
  [-4095, 'EOF', 'end of file'],
  [-6, 'ENXIO', 'no such device or address'],
  [-31, 'EMLINK', 'too many links'],
  [-112, 'EHOSTDOWN', 'host is down'],
  [-121, 'EREMOTEIO', 'remote I/O error'],
  [-25, 'ENOTTY', 'inappropriate ioctl for device'],
  [-4028, 'EFTYPE', 'inappropriate file type or format'],
  [-84, 'EILSEQ', 'illegal byte sequence'],
  [-94, 'ESOCKTNOSUPPORT', 'socket type not supported'],
];

let uvMap;
function uvErrmap() {
  if (uvMap === undefined) {
    uvMap = new Map();
    for (const [errno, name, desc] of uvTable) uvMap.set(errno, [name, desc]);
  }
  return uvMap;
}

// [name, description] for a libuv error number, or undefined.
function uvErrmapGet(errno) {
  return uvErrmap().get(errno);
}

function uvErrName(errno) {
  const entry = uvErrmapGet(errno);
  return entry === undefined ? `Unknown system error ${errno}` : entry[0];
}

// Build a system error from a libuv context:
//   { errno, syscall, path?, dest?, code?, message? }
// giving e.g. "ENOENT: no such file or directory, open '/x'".
function uvException(ctx) {
  const [code, uvmsg] = uvErrmapGet(ctx.errno) || ['UNKNOWN', 'unknown error'];
  let message = `${code}: ${ctx.message || uvmsg}, ${ctx.syscall}`;
  let path;
  let dest;
  if (ctx.path) {
    path = String(ctx.path);
    message += ` '${path}'`;
  }
  if (ctx.dest) {
    dest = String(ctx.dest);
    message += ` -> '${dest}'`;
  }
  const err = new Error(message);
  for (const key of Object.keys(ctx)) {
    if (key === 'message' || key === 'path' || key === 'dest') continue;
    err[key] = ctx[key];
  }
  err.code = code;
  if (path) err.path = path;
  if (dest) err.dest = dest;
  return err;
}

// "connect ECONNREFUSED 127.0.0.1:80" style errors.
function exceptionWithHostPort(err, syscall, address, port, additional) {
  const code = uvErrName(err);
  let details = '';
  if (port && port > 0) {
    details = ` ${address}:${port}`;
  } else if (address) {
    details = ` ${address}`;
  }
  if (additional) details += ` - Local (${additional})`;
  const ex = new Error(`${syscall} ${code}${details}`);
  ex.errno = err;
  ex.code = code;
  ex.syscall = syscall;
  ex.address = address;
  if (port) ex.port = port;
  return ex;
}

function uvExceptionWithHostPort(err, syscall, address, port) {
  const [code, uvmsg] = uvErrmapGet(err) || ['UNKNOWN', 'unknown error'];
  let details = '';
  if (port && port > 0) {
    details = ` ${address}:${port}`;
  } else if (address) {
    details = ` ${address}`;
  }
  const ex = new Error(`${syscall} ${code}: ${uvmsg}${details}`);
  ex.code = code;
  ex.errno = err;
  ex.syscall = syscall;
  ex.address = address;
  if (port) ex.port = port;
  return ex;
}

// "spawn ENOENT" style errors from a (negative) errno.
function errnoException(err, syscall, original) {
  const code = uvErrName(err);
  const message = original ? `${syscall} ${code} ${original}`
                           : `${syscall} ${code}`;
  const ex = new Error(message);
  ex.errno = err;
  ex.code = code;
  ex.syscall = syscall;
  return ex;
}

// Plain Error carrying a code, for errors Node creates without the table.
function genericNodeError(message, props) {
  const err = new Error(message);
  Object.assign(err, props);
  return err;
}

// Combine an error raised while handling another one. The outer error
// stays first; an existing AggregateError just gains the inner one.
function aggregateTwoErrors(innerError, outerError) {
  if (innerError && outerError && innerError !== outerError) {
    if (Array.isArray(outerError.errors)) {
      outerError.errors.push(innerError);
      return outerError;
    }
    const err = new AggregateError([outerError, innerError],
                                   outerError.message);
    err.code = outerError.code;
    return err;
  }
  return innerError || outerError;
}

function aggregateErrors(errors, message, code) {
  const err = new AggregateError(errors, message);
  err.code = errors[0] && errors[0].code;
  if (code !== undefined) err.code = code;
  return err;
}

class AbortError extends Error {
  constructor(message = 'The operation was aborted', options = undefined) {
    if (options !== undefined && typeof options !== 'object') {
      throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    super(message, options);
    this.code = 'ABORT_ERR';
    this.name = 'AbortError';
  }
}

// The error reported for a rejection nobody handled when the rejection
// reason is not an Error: printed as [UnhandledPromiseRejection: ...].
class UnhandledPromiseRejection extends Error {
  constructor(reasonText) {
    super('This error originated either by throwing inside of an async ' +
          'function without a catch block, or by rejecting a promise which ' +
          'was not handled with .catch(). The promise rejected with the ' +
          `reason "${reasonText}".`);
    this.code = 'ERR_UNHANDLED_REJECTION';
  }
}
Object.defineProperty(UnhandledPromiseRejection.prototype, 'name', {
  __proto__: null,
  value: 'UnhandledPromiseRejection',
  writable: true,
  enumerable: false,
  configurable: true,
});

function isErrorStackTraceLimitWritable() {
  const desc = Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit');
  if (desc === undefined) return Object.isExtensible(Error);
  return desc.writable === true || typeof desc.set === 'function';
}

module.exports = {
  defineHidden,
  AbortError,
  SystemError,
  UnhandledPromiseRejection,
  aggregateErrors,
  aggregateTwoErrors,
  addNumericalSeparator,
  codes,
  determineSpecificType,
  E,
  errnoException,
  exceptionWithHostPort,
  formatList,
  genericNodeError,
  getMessage,
  hideStackFrames,
  isErrorStackTraceLimitWritable,
  kEnhanceStackBeforeInspector,
  kIsNodeError,
  uvErrmapGet,
  uvErrName,
  uvException,
  uvExceptionWithHostPort,
};

// ---------------------------------------------------------------------------
// The codes table. One code per line; keep it sorted by code.

E('ERR_ACCESS_DENIED',
  'Access to this API has been restricted. Permission: %s', Error);
E('ERR_AMBIGUOUS_ARGUMENT', 'The "%s" argument is ambiguous. %s', TypeError);
E('ERR_ARG_NOT_ITERABLE', '%s must be iterable', TypeError);
E('ERR_ASSERTION', '%s', Error);
E('ERR_ASYNC_CALLBACK', '%s must be a function', TypeError);
E('ERR_ASYNC_TYPE', 'Invalid name for async "type": %s', TypeError);
E('ERR_BROTLI_INVALID_PARAM', '%s is not a valid Brotli parameter',
  RangeError);
E('ERR_BUFFER_OUT_OF_BOUNDS', function(name = undefined) {
  if (name) return `"${name}" is outside of buffer bounds`;
  return 'Attempt to access memory outside buffer bounds';
}, RangeError);
E('ERR_BUFFER_TOO_LARGE',
  'Cannot create a Buffer larger than %s bytes', RangeError);
E('ERR_CANNOT_WATCH_SIGINT', 'Cannot watch for SIGINT signals', Error);
E('ERR_CHILD_CLOSED_BEFORE_REPLY', 'Child closed before reply received',
  Error);
E('ERR_CHILD_PROCESS_IPC_REQUIRED',
  "Forked processes must have an IPC channel, missing value 'ipc' in %s",
  Error);
E('ERR_CHILD_PROCESS_STDIO_MAXBUFFER', '%s maxBuffer length exceeded',
  RangeError);
E('ERR_CONSOLE_WRITABLE_STREAM',
  'Console expects a writable stream instance for %s', TypeError);
E('ERR_CONTEXT_NOT_INITIALIZED', 'context used is not initialized', Error);
E('ERR_CRYPTO_CUSTOM_ENGINE_NOT_SUPPORTED',
  'Custom engines not supported by this OpenSSL', Error);
E('ERR_CRYPTO_HASH_FINALIZED', 'Digest already called', Error);
E('ERR_CRYPTO_HASH_UPDATE_FAILED', 'Hash update failed', Error);
E('ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS', 'The selected key encoding %s %s.',
  Error);
E('ERR_CRYPTO_INVALID_DIGEST', 'Invalid digest: %s', TypeError);
E('ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE',
  'Invalid key object type %s, expected %s.', TypeError);
E('ERR_CRYPTO_INVALID_STATE', 'Invalid state for operation %s', Error);
E('ERR_CRYPTO_SCRYPT_INVALID_PARAMETER', 'Invalid scrypt parameter', Error);
E('ERR_CRYPTO_SIGN_KEY_REQUIRED', 'No key provided to sign', Error);
E('ERR_DIR_CLOSED', 'Directory handle was closed', Error);
E('ERR_DIR_CONCURRENT_OPERATION',
  'Cannot do synchronous work on directory handle with concurrent ' +
  'asynchronous operations', Error);
E('ERR_DNS_SET_SERVERS_FAILED', 'c-ares failed to set servers: "%s" [%s]',
  Error);
E('ERR_DOMAIN_CALLBACK_NOT_AVAILABLE',
  'A callback was registered through ' +
  'process.setUncaughtExceptionCaptureCallback(), which is mutually ' +
  'exclusive with using the `domain` module', Error);
E('ERR_DOMAIN_CANNOT_SET_UNCAUGHT_EXCEPTION_CAPTURE',
  'The `domain` module is in use, which is mutually exclusive with calling ' +
  'process.setUncaughtExceptionCaptureCallback()', Error);
E('ERR_ENCODING_INVALID_ENCODED_DATA', function(encoding, ret) {
  this.errno = ret;
  return `The encoded data was not valid for encoding ${encoding}`;
}, TypeError);
E('ERR_ENCODING_NOT_SUPPORTED', 'The "%s" encoding is not supported',
  RangeError);
E('ERR_EVAL_ESM_CANNOT_PRINT', '--print cannot be used with ESM input',
  Error);
E('ERR_EVENT_RECURSION', 'The event "%s" is already being dispatched', Error);
E('ERR_FALSY_VALUE_REJECTION', function(reason) {
  this.reason = reason;
  return 'Promise was rejected with falsy value';
}, Error);
E('ERR_FEATURE_UNAVAILABLE_ON_PLATFORM',
  'The feature %s is unavailable on the current platform, ' +
  'which is being used to run Node.js', TypeError);
E('ERR_FS_CP_DIR_TO_NON_DIR',
  'Cannot overwrite directory with non-directory', SystemError);
E('ERR_FS_CP_EEXIST', 'Target already exists', SystemError);
E('ERR_FS_CP_EINVAL', 'Invalid src or dest', SystemError);
E('ERR_FS_CP_FIFO_PIPE', 'Cannot copy a FIFO pipe', SystemError);
E('ERR_FS_CP_NON_DIR_TO_DIR',
  'Cannot overwrite non-directory with directory', SystemError);
E('ERR_FS_CP_SOCKET', 'Cannot copy a socket file', SystemError);
E('ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY',
  'Cannot overwrite symlink in subdirectory of self', SystemError);
E('ERR_FS_CP_UNKNOWN', 'Cannot copy an unknown file type', SystemError);
E('ERR_FS_EISDIR', 'Path is a directory', SystemError);
E('ERR_FS_FILE_TOO_LARGE', 'File size (%s) is greater than 2 GiB',
  RangeError);
E('ERR_FS_INVALID_SYMLINK_TYPE',
  'Symlink type must be one of "dir", "file", or "junction". Received "%s"',
  Error);
E('ERR_HTTP_BODY_NOT_ALLOWED',
  'Adding content for this request method or response status is not ' +
  'allowed.', Error);
E('ERR_HTTP_CONTENT_LENGTH_MISMATCH',
  'Response body\'s content-length of %s byte(s) does not match the ' +
  'content-length of %s byte(s) set in header', Error);
E('ERR_HTTP_HEADERS_SENT',
  'Cannot %s headers after they are sent to the client', Error);
E('ERR_HTTP_INVALID_HEADER_VALUE',
  'Invalid value "%s" for header "%s"', TypeError);
E('ERR_HTTP_INVALID_STATUS_CODE', 'Invalid status code: %s', RangeError);
E('ERR_HTTP_REQUEST_TIMEOUT', 'Request timeout', Error);
E('ERR_HTTP_SOCKET_ASSIGNED',
  'ServerResponse has an already assigned socket', Error);
E('ERR_HTTP_SOCKET_ENCODING',
  'Changing the socket encoding is not allowed per RFC7230 Section 3.',
  Error);
E('ERR_HTTP_TRAILER_INVALID',
  'Trailers are invalid with this transfer encoding', Error);
E('ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor', TypeError);
E('ERR_IMPORT_ASSERTION_TYPE_FAILED',
  'Module "%s" is not of type "%s"', TypeError);
E('ERR_IMPORT_ASSERTION_TYPE_MISSING',
  'Module "%s" needs an import attribute of type "%s"', TypeError);
E('ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED',
  'Import attribute type "%s" is unsupported', TypeError);
E('ERR_IMPORT_ATTRIBUTE_UNSUPPORTED',
  'Import attribute "%s" with value "%s" is not supported', TypeError);
E('ERR_INCOMPATIBLE_OPTION_PAIR',
  'Option "%s" cannot be used in combination with option "%s"', TypeError);
E('ERR_INPUT_TYPE_NOT_ALLOWED',
  '--input-type can only be used with string input via --eval, --print, ' +
  'or STDIN', Error);
E('ERR_INTERNAL_ASSERTION', function(message) {
  const suffix = 'This is caused by either a bug in Node.js ' +
    'or incorrect usage of Node.js internals.\n' +
    'Please open an issue with this stack trace at ' +
    'https://github.com/nodejs/node/issues\n';
  return message === undefined ? suffix : `${message}\n${suffix}`;
}, Error);
E('ERR_INVALID_ADDRESS', 'Invalid socket address', Error);
E('ERR_INVALID_ADDRESS_FAMILY', function(addressType, host, port) {
  this.host = host;
  this.port = port;
  return `Invalid address family: ${addressType} ${host}:${port}`;
}, RangeError);
E('ERR_INVALID_ARG_TYPE', invalidArgTypeMessage, TypeError);
E('ERR_INVALID_ARG_VALUE', invalidArgValueMessage, TypeError, RangeError);
E('ERR_INVALID_ASYNC_ID', 'Invalid %s value: %s', RangeError);
E('ERR_INVALID_BUFFER_SIZE', 'Buffer size must be a multiple of %s',
  RangeError);
E('ERR_INVALID_CHAR', function(name, field = undefined) {
  let msg = `Invalid character in ${name}`;
  if (field !== undefined) msg += ` ["${field}"]`;
  return msg;
}, TypeError);
E('ERR_INVALID_CURSOR_POS',
  'Cannot set cursor row without setting its column', TypeError);
E('ERR_INVALID_FD', '"fd" must be a positive integer: %s', RangeError);
E('ERR_INVALID_FD_TYPE', 'Unsupported fd type: %s', TypeError);
E('ERR_INVALID_FILE_URL_HOST',
  'File URL host must be "localhost" or empty on %s', TypeError);
E('ERR_INVALID_FILE_URL_PATH', 'File URL path %s', TypeError);
E('ERR_INVALID_HANDLE_TYPE', 'This handle type cannot be sent', TypeError);
E('ERR_INVALID_HTTP_TOKEN', '%s must be a valid HTTP token ["%s"]',
  TypeError);
E('ERR_INVALID_IP_ADDRESS', 'Invalid IP address: %s', TypeError);
E('ERR_INVALID_MIME_SYNTAX', (production, str, invalidIndex) => {
  const at = invalidIndex !== -1 ? ` at ${invalidIndex}` : '';
  return `The MIME syntax for a ${production} in "${str}" is invalid${at}`;
}, TypeError);
E('ERR_INVALID_MODULE_SPECIFIER', function(request, reason, base) {
  let msg = `Invalid module "${request}" ${reason}`;
  if (base !== undefined) msg += ` imported from ${base}`;
  return msg;
}, TypeError);
E('ERR_INVALID_OBJECT_DEFINE_PROPERTY', '%s', TypeError);
E('ERR_INVALID_PACKAGE_CONFIG', function(path, base, message) {
  let msg = `Invalid package config ${path}`;
  if (base) msg += ` while importing ${base}`;
  if (message) msg += `. ${message}`;
  return msg;
}, Error);
E('ERR_INVALID_PACKAGE_TARGET',
  function(pkgPath, key, target, isImport = false, base = undefined) {
    const relError = typeof target === 'string' && !isImport &&
      target.length > 0 && !target.startsWith('./');
    const shownTarget = JSON.stringify(target);
    const from = base ? ` imported from ${base}` : '';
    const hint = relError ? '; targets must start with "./"' : '';
    if (key === '.') {
      return `Invalid "exports" main target ${shownTarget} defined in the ` +
        `package config ${pkgPath}package.json${from}${hint}`;
    }
    const field = isImport ? 'imports' : 'exports';
    return `Invalid "${field}" target ${shownTarget} defined for '${key}' ` +
      `in the package config ${pkgPath}package.json${from}${hint}`;
  }, Error);
E('ERR_INVALID_PROTOCOL', 'Protocol "%s" not supported. Expected "%s"',
  TypeError);
E('ERR_INVALID_REPL_EVAL_CONFIG',
  'Cannot specify both "breakEvalOnSigint" and "eval" for REPL', TypeError);
E('ERR_INVALID_REPL_INPUT', '%s', TypeError);
E('ERR_INVALID_RETURN_PROPERTY', function(input, name, prop, value) {
  return `Expected a valid ${input} to be returned for the "${prop}" from ` +
    `the "${name}" function but got ${value}.`;
}, TypeError);
E('ERR_INVALID_RETURN_PROPERTY_VALUE', function(input, name, prop, value) {
  let type;
  if (value && value.constructor && value.constructor.name) {
    type = `instance of ${value.constructor.name}`;
  } else {
    type = `type ${typeof value}`;
  }
  return `Expected ${input} to be returned for the "${prop}" from the ` +
    `"${name}" function but got ${type}.`;
}, TypeError);
E('ERR_INVALID_RETURN_VALUE', function(input, name, value) {
  return `Expected ${input} to be returned from the "${name}" function ` +
    `but got ${determineSpecificType(value)}.`;
}, TypeError, RangeError);
E('ERR_INVALID_STATE', 'Invalid state: %s', Error, TypeError, RangeError);
E('ERR_INVALID_SYNC_FORK_INPUT',
  'Asynchronous forks do not support Buffer, TypedArray, DataView or ' +
  'string input: %s', TypeError);
E('ERR_INVALID_THIS', 'Value of "this" must be of type %s', TypeError);
E('ERR_INVALID_TUPLE', '%s must be an iterable %s tuple', TypeError);
E('ERR_INVALID_URI', 'URI malformed', URIError);
E('ERR_INVALID_URL', function(input) {
  this.input = input;
  return 'Invalid URL';
}, TypeError);
E('ERR_INVALID_URL_SCHEME', function(expected) {
  if (typeof expected === 'string') expected = [expected];
  const list = expected.length > 1 ? `one of scheme ${formatList(expected)}`
                                   : `of scheme ${expected[0]}`;
  return `The URL must be ${list}`;
}, TypeError);
E('ERR_IPC_CHANNEL_CLOSED', 'Channel closed', Error);
E('ERR_IPC_DISCONNECTED', 'IPC channel is already disconnected', Error);
E('ERR_IPC_ONE_PIPE', 'Child process can have only one IPC pipe', Error);
E('ERR_IPC_SYNC_FORK', 'IPC cannot be used with synchronous forks', Error);
E('ERR_METHOD_NOT_IMPLEMENTED', 'The %s method is not implemented', Error);
E('ERR_MISSING_ARGS', missingArgsMessage, TypeError);
E('ERR_MISSING_OPTION', '%s is required', TypeError);
E('ERR_MODULE_NOT_FOUND', function(path, base, exactUrl) {
  if (exactUrl) {
    Object.defineProperty(this, 'url', {
      __proto__: null,
      value: `${exactUrl}`, writable: true, enumerable: true,
      configurable: true,
    });
    return `Cannot find module '${path}' imported from ${base}`;
  }
  return `Cannot find package '${path}' imported from ${base}`;
}, Error);
E('ERR_MULTIPLE_CALLBACK', 'Callback called multiple times', Error);
E('ERR_NO_CRYPTO',
  'Node.js is not compiled with OpenSSL crypto support', Error);
E('ERR_NO_ICU',
  '%s is not supported on Node.js compiled without ICU', TypeError);
E('ERR_OPERATION_FAILED', 'Operation failed: %s', Error, TypeError);
E('ERR_OUT_OF_RANGE', outOfRangeMessage, RangeError);
E('ERR_PACKAGE_IMPORT_NOT_DEFINED', function(specifier, packagePath, base) {
  const where = packagePath ? ` in package ${packagePath}package.json` : '';
  return `Package import specifier "${specifier}" is not defined${where} ` +
    `imported from ${base}`;
}, TypeError);
E('ERR_PACKAGE_PATH_NOT_EXPORTED', function(pkgPath, subpath, base) {
  const from = base ? ` imported from ${base}` : '';
  if (subpath === '.') {
    return `No "exports" main defined in ${pkgPath}package.json${from}`;
  }
  return `Package subpath '${subpath}' is not defined by "exports" in ` +
    `${pkgPath}package.json${from}`;
}, Error);
E('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', '%s', TypeError);
E('ERR_PERFORMANCE_INVALID_TIMESTAMP', '%d is not a valid timestamp',
  TypeError);
E('ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS', '%s', TypeError);
E('ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL',
  "Unexpected argument '%s'. This command does not take positional arguments",
  TypeError);
E('ERR_PARSE_ARGS_UNKNOWN_OPTION', function(option, allowPositionals) {
  const hint = allowPositionals ?
    `. To specify a positional argument starting with a '-', place it at ` +
    `the end of the command after '--', as in '-- ${JSON.stringify(option)}` :
    '';
  return `Unknown option '${option}'${hint}`;
}, TypeError);
E('ERR_REQUIRE_ESM',
  function(filename, hasEsmSyntax, parentPath = null, pkgJsonPath = null) {
    let msg = `require() of ES Module ${filename}`;
    if (parentPath) msg += ` from ${parentPath}`;
    msg += ' not supported.';
    if (!pkgJsonPath) {
      if (filename.endsWith('.mjs')) {
        msg += `\nInstead change the require of ${filename} to a dynamic ` +
          'import() which is available in all CommonJS modules.';
      }
      return msg;
    }
    const base = (p) => p.slice(p.lastIndexOf('/') + 1);
    const name = parentPath && base(filename) === base(parentPath) ?
      filename : base(filename);
    if (hasEsmSyntax) {
      return msg + `\nInstead change the require of ${name} in ` +
        `${parentPath} to a dynamic import() which is available in all ` +
        'CommonJS modules.';
    }
    return msg + `\n${name} is treated as an ES module file as it is a .js ` +
      'file whose nearest parent package.json contains "type": "module" ' +
      'which declares all .js files in that package scope as ES modules.' +
      `\nInstead either rename ${name} to end in .cjs, change the ` +
      'requiring code to use dynamic import() which is available in all ' +
      'CommonJS modules, or change "type": "module" to "type": "commonjs" ' +
      `in ${pkgJsonPath} to treat all .js files as CommonJS (using .mjs ` +
      'for all ES modules instead).\n';
  }, Error);
E('ERR_SCRIPT_EXECUTION_INTERRUPTED',
  'Script execution was interrupted by `SIGINT`', Error);
E('ERR_SERVER_ALREADY_LISTEN',
  'Listen method has been called more than once without closing.', Error);
E('ERR_SERVER_NOT_RUNNING', 'Server is not running.', Error);
E('ERR_SOCKET_ALREADY_BOUND', 'Socket is already bound', Error);
E('ERR_SOCKET_BAD_BUFFER_SIZE', 'Buffer size must be a positive integer',
  TypeError);
E('ERR_SOCKET_BAD_PORT', function(name, port, allowZero = true) {
  const op = allowZero ? '>=' : '>';
  return `${name} should be ${op} 0 and < 65536. ` +
    `Received ${determineSpecificType(port)}.`;
}, RangeError);
E('ERR_SOCKET_BAD_TYPE',
  'Bad socket type specified. Valid types are: udp4, udp6', TypeError);
E('ERR_SOCKET_BUFFER_SIZE', 'Could not get or set buffer size', SystemError);
E('ERR_SOCKET_CLOSED', 'Socket is closed', Error);
E('ERR_SOCKET_CLOSED_BEFORE_CONNECTION',
  'Socket closed before the connection was established', Error);
E('ERR_SOCKET_CONNECTION_TIMEOUT', 'Socket connection timeout', Error);
E('ERR_SOCKET_DGRAM_IS_CONNECTED', 'Already connected', Error);
E('ERR_SOCKET_DGRAM_NOT_CONNECTED', 'Not connected', Error);
E('ERR_SOCKET_DGRAM_NOT_RUNNING', 'Not running', Error);
E('ERR_STREAM_ALREADY_FINISHED',
  'Cannot call %s after a stream was finished', Error);
E('ERR_STREAM_CANNOT_PIPE', 'Cannot pipe, not readable', Error);
E('ERR_STREAM_DESTROYED', 'Cannot call %s after a stream was destroyed',
  Error);
E('ERR_STREAM_NULL_VALUES', 'May not write null values to stream',
  TypeError);
E('ERR_STREAM_PREMATURE_CLOSE', 'Premature close', Error);
E('ERR_STREAM_PUSH_AFTER_EOF', 'stream.push() after EOF', Error);
E('ERR_STREAM_UNABLE_TO_PIPE', 'Cannot pipe to a closed or destroyed stream',
  Error);
E('ERR_STREAM_UNSHIFT_AFTER_END_EVENT', 'stream.unshift() after end event',
  Error);
E('ERR_STREAM_WRAP', 'Stream has StringDecoder set or is in objectMode',
  Error);
E('ERR_STREAM_WRITE_AFTER_END', 'write after end', Error);
E('ERR_SYNTHETIC', 'JavaScript Callstack', Error);
E('ERR_SYSTEM_ERROR', 'A system error occurred', SystemError);
E('ERR_TLS_CERT_ALTNAME_INVALID', function(reason, host, cert) {
  this.reason = reason;
  this.host = host;
  this.cert = cert;
  return `Hostname/IP does not match certificate's altnames: ${reason}`;
}, Error);
E('ERR_TLS_DH_PARAM_SIZE', 'DH parameter size %s is less than 2048', Error);
E('ERR_TLS_HANDSHAKE_TIMEOUT', 'TLS handshake timeout', Error);
E('ERR_TLS_INVALID_CONTEXT', '%s must be a SecureContext', TypeError);
E('ERR_TLS_INVALID_PROTOCOL_VERSION',
  '%j is not a valid %s TLS protocol version', TypeError);
E('ERR_TLS_INVALID_PROTOCOL_METHOD', '%s', TypeError);
E('ERR_TLS_INVALID_STATE', 'TLS socket connection must be securely ' +
  'established', Error);
E('ERR_TLS_PROTOCOL_VERSION_CONFLICT',
  'TLS protocol version %j conflicts with secureProtocol %j', TypeError);
E('ERR_TLS_RENEGOTIATION_DISABLED',
  'TLS session renegotiation disabled for this socket', Error);
E('ERR_TLS_REQUIRED_SERVER_NAME',
  '"servername" is required parameter for Server.addContext', Error);
E('ERR_TLS_SESSION_ATTACK', 'TLS session renegotiation attack detected',
  Error);
E('ERR_TLS_SNI_FROM_SERVER',
  'Cannot issue SNI from a TLS server-side socket', Error);
E('ERR_TTY_INIT_FAILED', 'TTY initialization failed', SystemError);
E('ERR_UNAVAILABLE_DURING_EXIT',
  'Cannot call function in process exit handler', Error);
E('ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET',
  '`process.setupUncaughtExceptionCapture()` was called while a capture ' +
  'callback was already active', Error);
E('ERR_UNESCAPED_CHARACTERS', '%s contains unescaped characters', TypeError);
E('ERR_UNHANDLED_ERROR', function(err = undefined) {
  const msg = 'Unhandled error.';
  if (err === undefined) return msg;
  return `${msg} (${err})`;
}, Error);
E('ERR_UNHANDLED_REJECTION', function(reasonText) {
  return 'This error originated either by throwing inside of an async ' +
    'function without a catch block, or by rejecting a promise which was ' +
    'not handled with .catch(). The promise rejected with the reason ' +
    `"${reasonText}".`;
}, Error);
E('ERR_UNKNOWN_BUILTIN_MODULE', 'No such built-in module: %s', Error);
E('ERR_UNKNOWN_CREDENTIAL', '%s identifier does not exist: %s', Error);
E('ERR_UNKNOWN_ENCODING', 'Unknown encoding: %s', TypeError);
E('ERR_UNKNOWN_FILE_EXTENSION', 'Unknown file extension "%s" for %s',
  TypeError);
E('ERR_UNKNOWN_MODULE_FORMAT', 'Unknown module format: %s for URL %s',
  RangeError);
E('ERR_UNKNOWN_SIGNAL', 'Unknown signal: %s', TypeError);
E('ERR_UNSUPPORTED_DIR_IMPORT', function(path, base, exactUrl) {
  if (exactUrl) {
    Object.defineProperty(this, 'url', {
      __proto__: null,
      value: `${exactUrl}`, writable: true, enumerable: true,
      configurable: true,
    });
  }
  return `Directory import '${path}' is not supported resolving ES ` +
    `modules imported from ${base}`;
}, Error);
E('ERR_UNSUPPORTED_ESM_URL_SCHEME', function(url, supported) {
  const schemes = supported.length > 1 ?
    `${supported.slice(0, -1).join(', ')}, and ${supported[supported.length - 1]}` :
    supported[0];
  return `Only URLs with a scheme in: ${schemes} are supported by the ` +
    `default ESM loader. Received protocol '${url.protocol}'`;
}, Error);
E('ERR_USE_AFTER_CLOSE', '%s was closed', Error);
E('ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING',
  'A dynamic import callback was not specified.', TypeError);
E('ERR_VM_MODULE_ALREADY_LINKED', 'Module has already been linked', Error);
E('ERR_VM_MODULE_DIFFERENT_CONTEXT',
  'Linked modules must use the same context', Error);
E('ERR_VM_MODULE_LINK_FAILURE',
  "request for '%s' resolved to an errored module", Error);
E('ERR_VM_MODULE_NOT_MODULE',
  'Provided module is not an instance of Module', Error);
E('ERR_VM_MODULE_STATUS', 'Module status %s', Error);
E('ERR_WORKER_INIT_FAILED', 'Worker initialization failure: %s', Error);
E('ERR_WORKER_INVALID_EXEC_ARGV', (errors, msg = 'invalid execArgv flags') =>
  `Initiated Worker with ${msg}: ${errors.join(', ')}`,
  Error);
E('ERR_WORKER_NOT_RUNNING', 'Worker instance not running', Error);
E('ERR_WORKER_OUT_OF_MEMORY',
  'Worker terminated due to reaching memory limit: %s', Error);
E('ERR_WORKER_PATH', (filename) =>
  'The worker script or module filename must be an absolute path or a ' +
  'relative path starting with \'./\' or \'../\'.' +
  (filename.startsWith('file://') ?
    ' Wrap file:// URLs with `new URL`.' : ''
  ) + (filename.startsWith('data:text/javascript') ?
    ' Wrap data: URLs with `new URL`.' : ''
  ) + ` Received "${filename}"`,
  TypeError);
E('ERR_WORKER_UNSERIALIZABLE_ERROR',
  'Serializing an uncaught exception failed', Error);
E('ERR_WORKER_UNSUPPORTED_OPERATION', '%s is not supported in workers',
  TypeError);
E('ERR_ZLIB_INITIALIZATION_FAILED', 'Initialization failed', Error);
