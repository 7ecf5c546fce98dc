'use strict';

// The public `util` module.

const {
  inspect,
  format,
  formatWithOptions,
  stripVTControlCharacters,
  isError: isErrorValue,
} = require('internal/util/inspect');
const {
  codes: {
    ERR_FALSY_VALUE_REJECTION,
    ERR_INVALID_ARG_TYPE,
    ERR_OUT_OF_RANGE,
  },
  errnoException,
  exceptionWithHostPort,
  uvErrName,
  uvErrmapGet,
} = require('internal/errors');
const {
  validateFunction,
  validateNumber,
  validateString,
} = require('internal/validators');

const { TextDecoder, TextEncoder } = require('internal/encoding');
const { parseArgs } = require('internal/util/parse_args');
const { MIMEParams, MIMEType } = require('internal/mime');

const typesBinding = internalBinding('types');

/*
 * util.types: the engine's checks plus typed array checks done here.
 */

const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
// The tag getter of %TypedArray%.prototype returns the element type's name
// for typed arrays and undefined for anything else.
const typedArrayTag = Function.prototype.call.bind(
  Object.getOwnPropertyDescriptor(TypedArrayPrototype, Symbol.toStringTag).get);

function isTypedArray(value) {
  return typedArrayTag(value) !== undefined;
}

function typedArrayCheck(name) {
  const check = { [`is${name}`]: (value) => typedArrayTag(value) === name };
  return check[`is${name}`];
}

let cryptoKeys = null;
function lazyCryptoKeys() {
  if (cryptoKeys === null) {
    try {
      cryptoKeys = require('internal/crypto/keys');
    } catch {
      // No crypto in this build: nothing can be a key.
      cryptoKeys = undefined;
    }
  }
  return cryptoKeys;
}

const types = {};
for (const name of [
  'isExternal', 'isDate', 'isArgumentsObject', 'isBigIntObject',
  'isBooleanObject', 'isNumberObject', 'isStringObject', 'isSymbolObject',
  'isNativeError', 'isRegExp', 'isAsyncFunction', 'isGeneratorFunction',
  'isGeneratorObject', 'isPromise', 'isMap', 'isSet', 'isMapIterator',
  'isSetIterator', 'isWeakMap', 'isWeakSet', 'isArrayBuffer', 'isDataView',
  'isSharedArrayBuffer', 'isProxy', 'isModuleNamespaceObject',
  'isAnyArrayBuffer', 'isBoxedPrimitive',
]) {
  types[name] = typesBinding[name];
}
types.isArrayBufferView = ArrayBuffer.isView;
types.isTypedArray = isTypedArray;
for (const name of [
  'Uint8Array', 'Uint8ClampedArray', 'Uint16Array', 'Uint32Array',
  'Int8Array', 'Int16Array', 'Int32Array', 'Float32Array', 'Float64Array',
  'BigInt64Array', 'BigUint64Array',
]) {
  types[`is${name}`] = typedArrayCheck(name);
}
Object.defineProperties(types, {
  isKeyObject: {
    value(obj) {
      const keys = lazyCryptoKeys();
      return keys !== undefined && keys.isKeyObject(obj);
    },
    enumerable: true,
  },
  isCryptoKey: {
    value(obj) {
      const keys = lazyCryptoKeys();
      return keys !== undefined && keys.isCryptoKey(obj);
    },
    enumerable: true,
  },
});

/*
 * Inheritance, promises and callbacks.
 */

function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) {
    throw new ERR_INVALID_ARG_TYPE('ctor', 'Function', ctor);
  }
  if (superCtor === undefined || superCtor === null) {
    throw new ERR_INVALID_ARG_TYPE('superCtor', 'Function', superCtor);
  }
  if (superCtor.prototype === undefined) {
    throw new ERR_INVALID_ARG_TYPE('superCtor.prototype', 'Object',
                                   superCtor.prototype);
  }
  Object.defineProperty(ctor, 'super_', {
    value: superCtor,
    writable: true,
    configurable: true,
  });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

const kCustomPromisified = Symbol.for('nodejs.util.promisify.custom');
// A builtin whose callback passes several results lists their names here,
// and its promisified form resolves to an object with those keys.
const kCustomPromisifyArgs = Symbol.for('noderun.util.promisify.customArgs');

// Copies the own properties (length, name, extras) of one function to
// another.
function copyFunctionProperties(target, source, adjust) {
  const descriptors = Object.getOwnPropertyDescriptors(source);
  for (const key of Reflect.ownKeys(descriptors)) {
    Object.setPrototypeOf(descriptors[key], null);
  }
  if (adjust) adjust(descriptors);
  return Object.defineProperties(target, descriptors);
}

function promisify(original) {
  validateFunction(original, 'original');
  if (original[kCustomPromisified]) {
    const fn = original[kCustomPromisified];
    validateFunction(fn, 'util.promisify.custom');
    return Object.defineProperty(fn, kCustomPromisified, {
      value: fn,
      enumerable: false,
      writable: false,
      configurable: true,
    });
  }

  const argumentNames = original[kCustomPromisifyArgs];
  function fn(...args) {
    return new Promise((resolve, reject) => {
      args.push((err, ...values) => {
        if (err) return reject(err);
        if (argumentNames !== undefined && values.length > 1) {
          const result = {};
          for (let i = 0; i < argumentNames.length; i++) {
            result[argumentNames[i]] = values[i];
          }
          resolve(result);
        } else {
          resolve(values[0]);
        }
      });
      Reflect.apply(original, this, args);
    });
  }
  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  Object.defineProperty(fn, kCustomPromisified, {
    value: fn,
    enumerable: false,
    writable: false,
    configurable: true,
  });
  return copyFunctionProperties(fn, original);
}
promisify.custom = kCustomPromisified;

// A promise rejected with a falsy reason cannot be told apart from success
// in a node-style callback, so the reason is wrapped.
function callbackifyOnRejected(reason, cb) {
  if (!reason) {
    const err = new ERR_FALSY_VALUE_REJECTION(reason);
    err.reason = reason;
    reason = err;
  }
  return cb(reason);
}

function callbackify(original) {
  validateFunction(original, 'original');
  function callbackified(...args) {
    const last = args.pop();
    validateFunction(last, 'last argument');
    // The callback runs with the same `this` as the call.
    const cb = last.bind(this);
    const onFulfilled = (value) => process.nextTick(cb, null, value);
    const onRejected = (reason) => {
      process.nextTick(callbackifyOnRejected, reason, cb);
    };
    Reflect.apply(original, this, args).then(onFulfilled, onRejected);
  }
  return copyFunctionProperties(callbackified, original, (descriptors) => {
    if (typeof descriptors.length.value === 'number') {
      descriptors.length.value++;
    }
    if (typeof descriptors.name.value === 'string') {
      descriptors.name.value += 'Callbackified';
    }
  });
}

/*
 * Deprecation.
 */

// Codes already warned about: one warning per code per process.
const codesWarned = new Set();

function deprecate(fn, msg, code) {
  if (process.noDeprecation === true) return fn;
  if (code !== undefined) validateString(code, 'code');

  let warned = false;
  function deprecated(...args) {
    if (!warned) {
      warned = true;
      if (code !== undefined) {
        if (!codesWarned.has(code)) {
          process.emitWarning(msg, 'DeprecationWarning', code, deprecated);
          codesWarned.add(code);
        }
      } else {
        process.emitWarning(msg, 'DeprecationWarning', deprecated);
      }
    }
    if (new.target) return Reflect.construct(fn, args, new.target);
    return Reflect.apply(fn, this, args);
  }
  // Keep fn's statics reachable, and make `new deprecated()` instances of fn.
  Object.setPrototypeOf(deprecated, fn);
  if (fn.prototype) deprecated.prototype = fn.prototype;
  return deprecated;
}

/*
 * debuglog: NODE_DEBUG=net,http2,fs* enables the sections it names.
 */

let debugEnvRegExp;
function isDebugEnabled(section) {
  if (debugEnvRegExp === undefined) {
    const env = process.env.NODE_DEBUG;
    debugEnvRegExp = null;
    if (env) {
      const patterns = env.split(/[\s,]+/).filter(Boolean).map((name) =>
        name.replace(/[|\\{}()[\]^$+?.]/g, '\\$&').replace(/\*/g, '.*'));
      if (patterns.length !== 0) {
        debugEnvRegExp = new RegExp(`^(${patterns.join('|')})$`, 'i');
      }
    }
  }
  return debugEnvRegExp !== null && debugEnvRegExp.test(section);
}

const debugImpls = Object.create(null);
function noop() {}

function getDebugImpl(enabled, section) {
  if (debugImpls[section] === undefined) {
    if (enabled) {
      const pid = process.pid;
      if (section === 'HTTP' || section === 'HTTP2') {
        process.emitWarning(
          `Setting the NODE_DEBUG environment variable to '${
            section.toLowerCase()}' can expose sensitive data (such as ` +
          'passwords, tokens and authentication headers) in the resulting ' +
          'log.');
      }
      debugImpls[section] = function debug(...args) {
        const stderr = process.stderr;
        const colors = !!(stderr.hasColors && stderr.hasColors());
        const msg = formatWithOptions({ colors }, ...args);
        const coloredPid = inspect(pid, { colors });
        stderr.write(format('%s %s: %s\n', section, coloredPid, msg));
      };
    } else {
      debugImpls[section] = noop;
    }
  }
  return debugImpls[section];
}

// The section is looked up on first use, so that creating loggers at load
// time costs nothing.
function debuglog(set, cb) {
  let enabled;
  function init() {
    set = set.toUpperCase();
    enabled = isDebugEnabled(set);
  }
  let debug = (...args) => {
    init();
    debug = getDebugImpl(enabled, set);
    if (typeof cb === 'function') cb(debug);
    debug(...args);
  };
  let test = () => {
    init();
    test = () => enabled;
    return enabled;
  };
  const logger = (...args) => debug(...args);
  Object.defineProperty(logger, 'enabled', {
    get() {
      return test();
    },
    configurable: true,
    enumerable: true,
  });
  return logger;
}

/*
 * Small helpers.
 */

function isDeepStrictEqual(a, b) {
  return require('internal/util/comparisons').isDeepStrictEqual(a, b);
}

// Lone surrogates become U+FFFD.
function toUSVString(input) {
  return `${input}`.replace(
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    '\ufffd');
}

function getSystemErrorName(err) {
  validateNumber(err, 'err');
  if (err >= 0 || !Number.isSafeInteger(err)) {
    throw new ERR_OUT_OF_RANGE('err', 'a negative integer', err);
  }
  return uvErrName(err);
}

// Every libuv error this runtime knows: errno -> [name, description].
function getSystemErrorMap() {
  const map = new Map();
  for (let errno = -1; errno >= -4096; errno--) {
    const entry = uvErrmapGet(errno);
    if (entry !== undefined) map.set(errno, entry);
  }
  return map;
}

let BufferClass = null;
function isBuffer(value) {
  if (BufferClass === null) {
    try {
      BufferClass = require('buffer').Buffer;
    } catch {
      BufferClass = undefined;
    }
  }
  return BufferClass !== undefined && BufferClass.isBuffer(value);
}

function pad(n) {
  return n.toString().padStart(2, '0');
}

const kMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug',
                 'Sep', 'Oct', 'Nov', 'Dec'];

// "26 Feb 16:19:34"
function timestamp() {
  const d = new Date();
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}:` +
    pad(d.getSeconds());
  return `${d.getDate()} ${kMonths[d.getMonth()]} ${time}`;
}

function log(...args) {
  process.stdout.write(`${timestamp()} - ${format(...args)}\n`);
}

// AbortSignal and EventTarget load when first used, not with util.
async function aborted(signal, resource) {
  return require('internal/abort_controller').aborted(signal, resource);
}

function _extend(target, source) {
  if (source === null || typeof source !== 'object') return target;
  const keys = Object.keys(source);
  let i = keys.length;
  while (i--) target[keys[i]] = source[keys[i]];
  return target;
}

module.exports = {
  _errnoException: errnoException,
  _exceptionWithHostPort: exceptionWithHostPort,
  _extend,
  aborted,
  callbackify,
  debug: debuglog,
  debuglog,
  deprecate,
  format,
  formatWithOptions,
  getSystemErrorMap,
  getSystemErrorName,
  inherits,
  inspect,
  isArray: Array.isArray,
  isBoolean(arg) {
    return typeof arg === 'boolean';
  },
  isBuffer,
  isDeepStrictEqual,
  isNull(arg) {
    return arg === null;
  },
  isNullOrUndefined(arg) {
    return arg === null || arg === undefined;
  },
  isNumber(arg) {
    return typeof arg === 'number';
  },
  isString(arg) {
    return typeof arg === 'string';
  },
  isSymbol(arg) {
    return typeof arg === 'symbol';
  },
  isUndefined(arg) {
    return arg === undefined;
  },
  isRegExp: types.isRegExp,
  isObject(arg) {
    return arg !== null && typeof arg === 'object';
  },
  isDate: types.isDate,
  isError: isErrorValue,
  isFunction(arg) {
    return typeof arg === 'function';
  },
  isPrimitive(arg) {
    return arg === null ||
      (typeof arg !== 'object' && typeof arg !== 'function');
  },
  log,
  MIMEParams,
  MIMEType,
  parseArgs,
  promisify,
  stripVTControlCharacters,
  TextDecoder,
  TextEncoder,
  toUSVString,
  types,
};

