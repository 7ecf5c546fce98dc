'use strict';

// Argument checks shared by the builtins. Each throws the same error
// (code and message) Node.js throws for the same bad input.

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OUT_OF_RANGE,
    ERR_SOCKET_BAD_PORT,
    ERR_UNKNOWN_SIGNAL,
  },
} = require('internal/errors');

const types = internalBinding('types');

function isInt32(value) {
  return value === (value | 0);
}

function isUint32(value) {
  return value === (value >>> 0);
}

function validateString(value, name) {
  if (typeof value !== 'string') {
    throw new ERR_INVALID_ARG_TYPE(name, 'string', value);
  }
}

function validateStringWithoutNullBytes(value, name) {
  validateString(value, name);
  if (value.includes('\u0000')) {
    throw new ERR_INVALID_ARG_VALUE(name, value,
                                    'must be a string without null bytes');
  }
}

// Describe an optional [min, max] range: ">= 1 && <= 5", ">= 1", "<= 5".
function rangeText(min, max) {
  let text = '';
  if (min != null) text += `>= ${min}`;
  if (min != null && max != null) text += ' && ';
  if (max != null) text += `<= ${max}`;
  return text;
}

function validateNumber(value, name, min = undefined, max) {
  if (typeof value !== 'number') {
    throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  }
  const bounded = min != null || max != null;
  if ((min != null && value < min) || (max != null && value > max) ||
      (bounded && Number.isNaN(value))) {
    throw new ERR_OUT_OF_RANGE(name, rangeText(min, max), value);
  }
}

function validateInteger(value, name, min = Number.MIN_SAFE_INTEGER,
                         max = Number.MAX_SAFE_INTEGER) {
  if (typeof value !== 'number') {
    throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  }
  if (!Number.isInteger(value)) {
    throw new ERR_OUT_OF_RANGE(name, 'an integer', value);
  }
  if (value < min || value > max) {
    throw new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
  }
}

function validateInt32(value, name, min = -2147483648, max = 2147483647) {
  validateInteger(value, name, min, max);
}

function validateUint32(value, name, positive = false) {
  if (typeof value !== 'number') {
    throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  }
  if (!Number.isInteger(value)) {
    throw new ERR_OUT_OF_RANGE(name, 'an integer', value);
  }
  const min = positive ? 1 : 0;
  const max = 4294967295;
  if (value < min || value > max) {
    throw new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
  }
}

function validateBoolean(value, name) {
  if (typeof value !== 'boolean') {
    throw new ERR_INVALID_ARG_TYPE(name, 'boolean', value);
  }
}

function optionFlag(options, key) {
  return options != null && options[key] !== undefined ? options[key]
                                                       : false;
}

// options: { allowArray, allowFunction, nullable } (all default false)
function validateObject(value, name, options = null) {
  const allowArray = optionFlag(options, 'allowArray');
  const allowFunction = optionFlag(options, 'allowFunction');
  const nullable = optionFlag(options, 'nullable');
  if ((!nullable && value === null) ||
      (!allowArray && Array.isArray(value)) ||
      (typeof value !== 'object' &&
       (!allowFunction || typeof value !== 'function'))) {
    throw new ERR_INVALID_ARG_TYPE(name, 'Object', value);
  }
}

// Anything usable as a WebIDL dictionary: an object, function or nullish.
function validateDictionary(value, name) {
  if (value != null && typeof value !== 'object' &&
      typeof value !== 'function') {
    throw new ERR_INVALID_ARG_TYPE(name, 'a dictionary', value);
  }
}

function validateArray(value, name, minLength = 0) {
  if (!Array.isArray(value)) {
    throw new ERR_INVALID_ARG_TYPE(name, 'Array', value);
  }
  if (value.length < minLength) {
    throw new ERR_INVALID_ARG_VALUE(name, value,
                                    `must be longer than ${minLength}`);
  }
}

function validateStringArray(value, name) {
  validateArray(value, name);
  for (let i = 0; i < value.length; i++) {
    validateString(value[i], `${name}[${i}]`);
  }
}

function validateBooleanArray(value, name) {
  validateArray(value, name);
  for (let i = 0; i < value.length; i++) {
    validateBoolean(value[i], `${name}[${i}]`);
  }
}

function validateAbortSignalArray(value, name) {
  validateArray(value, name);
  for (let i = 0; i < value.length; i++) {
    validateAbortSignal(value[i], `${name}[${i}]`);
  }
}

// Signal numbers as on Linux; used only to check names.
const signals = {
  SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6,
  SIGIOT: 6, SIGBUS: 7, SIGFPE: 8, SIGKILL: 9, SIGUSR1: 10, SIGSEGV: 11,
  SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15, SIGCHLD: 17,
  SIGSTKFLT: 16, SIGCONT: 18, SIGSTOP: 19, SIGTSTP: 20, SIGTTIN: 21,
  SIGTTOU: 22, SIGURG: 23, SIGXCPU: 24, SIGXFSZ: 25, SIGVTALRM: 26,
  SIGPROF: 27, SIGWINCH: 28, SIGIO: 29, SIGPOLL: 29, SIGPWR: 30, SIGSYS: 31,
};

function signalTable() {
  // Prefer the runtime's table once os constants exist.
  try {
    const os = require('os');
    if (os && os.constants && os.constants.signals) return os.constants.signals;
  } catch {
    // 'os' not available yet.
  }
  return signals;
}

function validateSignalName(signal, name = 'signal') {
  validateString(signal, name);
  const table = signalTable();
  if (!Object.prototype.hasOwnProperty.call(table, signal)) {
    if (Object.prototype.hasOwnProperty.call(table, signal.toUpperCase())) {
      throw new ERR_UNKNOWN_SIGNAL(
        `${signal} (signals must use all capital letters)`);
    }
    throw new ERR_UNKNOWN_SIGNAL(signal);
  }
}

function validateBuffer(buffer, name = 'buffer') {
  if (!ArrayBuffer.isView(buffer)) {
    throw new ERR_INVALID_ARG_TYPE(name,
                                   ['Buffer', 'TypedArray', 'DataView'],
                                   buffer);
  }
}

// Hex data must have an even number of characters.
function validateEncoding(data, encoding) {
  const isHex = typeof encoding === 'string' &&
                encoding.toLowerCase() === 'hex';
  const length = data.length;
  if (isHex && length % 2 !== 0) {
    throw new ERR_INVALID_ARG_VALUE('encoding', encoding,
                                    `is invalid for data of length ${length}`);
  }
}

// Returns the port as a number; accepts numeric strings.
function validatePort(port, name = 'Port', allowZero = true) {
  if ((typeof port !== 'number' && typeof port !== 'string') ||
      (typeof port === 'string' && port.trim().length === 0) ||
      +port !== (+port >>> 0) ||
      port > 0xFFFF ||
      (port === 0 && !allowZero)) {
    throw new ERR_SOCKET_BAD_PORT(name, port, allowZero);
  }
  return port | 0;
}

function validateAbortSignal(signal, name) {
  if (signal !== undefined &&
      (signal === null || typeof signal !== 'object' ||
       !('aborted' in signal))) {
    throw new ERR_INVALID_ARG_TYPE(name, 'AbortSignal', signal);
  }
}

function validateFunction(value, name) {
  if (typeof value !== 'function') {
    throw new ERR_INVALID_ARG_TYPE(name, 'Function', value);
  }
}

// Node 18 reports a bad callback as ERR_INVALID_ARG_TYPE on "callback".
function validateCallback(callback, name = 'callback') {
  validateFunction(callback, name);
}

function validatePlainFunction(value, name) {
  if (typeof value !== 'function' || types.isAsyncFunction(value)) {
    throw new ERR_INVALID_ARG_TYPE(name, 'Function', value);
  }
}

function validateUndefined(value, name) {
  if (value !== undefined) {
    throw new ERR_INVALID_ARG_TYPE(name, 'undefined', value);
  }
}

function validateUnion(value, name, union) {
  if (!union.includes(value)) {
    throw new ERR_INVALID_ARG_TYPE(name, `('${union.join('|')}')`, value);
  }
}

function validateOneOf(value, name, oneOf) {
  if (!oneOf.includes(value)) {
    const allowed = oneOf
      .map((v) => (typeof v === 'string' ? `'${v}'` : String(v)))
      .join(', ');
    throw new ERR_INVALID_ARG_VALUE(name, value,
                                    `must be one of: ${allowed}`);
  }
}

const kOctal = /^[0-7]+$/;
const kModeReason = 'must be a 32-bit unsigned integer or an octal string';

// File modes may be numbers or octal strings ('755').
function parseFileMode(value, name, def) {
  value = value ?? def;
  if (typeof value === 'string') {
    if (!kOctal.test(value)) {
      throw new ERR_INVALID_ARG_VALUE(name, value, kModeReason);
    }
    value = parseInt(value, 8);
  }
  validateUint32(value, name);
  return value;
}

// One Link header entry: </path>; rel=preload; as=style
const kLinkValue =
  /^<[^>]*>(?:\s*;\s*[^;"\s=]+(?:=(?:"[^";\s]*"|[^;"\s,]*))?)*$/;
const kLinkReason = 'must be an array or string of format ' +
                    '"</styles.css>; rel=preload; as=style"';

// Returns the hints joined into one Link header value.
function validateLinkHeaderValue(hints) {
  if (typeof hints === 'string' && kLinkValue.test(hints)) return hints;
  if (Array.isArray(hints)) {
    for (const hint of hints) {
      if (typeof hint !== 'string' || !kLinkValue.test(hint)) {
        throw new ERR_INVALID_ARG_VALUE('hints', hint, kLinkReason);
      }
    }
    return hints.join(', ');
  }
  throw new ERR_INVALID_ARG_VALUE('hints', hints, kLinkReason);
}

module.exports = {
  isInt32,
  isUint32,
  parseFileMode,
  validateAbortSignal,
  validateAbortSignalArray,
  validateArray,
  validateBoolean,
  validateBooleanArray,
  validateBuffer,
  validateCallback,
  validateDictionary,
  validateEncoding,
  validateFunction,
  validateInt32,
  validateInteger,
  validateLinkHeaderValue,
  validateNumber,
  validateObject,
  validateOneOf,
  validatePlainFunction,
  validatePort,
  validateSignalName,
  validateString,
  validateStringArray,
  validateStringWithoutNullBytes,
  validateUint32,
  validateUndefined,
  validateUnion,
};
