'use strict';

const {
  Timeout, Immediate, clearTimeout, clearImmediate, activate, unenrollItem,
  TIMEOUT_MAX,
} = require('internal/timers');
const { validateFunction, validateNumber } = require('internal/validators');
const { codes: { ERR_OUT_OF_RANGE } } = require('internal/errors');

function setTimeout(callback, after, ...args) {
  validateFunction(callback, 'callback');
  return new Timeout(callback, after, args.length ? args : undefined,
                     false, true);
}

function setInterval(callback, repeat, ...args) {
  validateFunction(callback, 'callback');
  return new Timeout(callback, repeat, args.length ? args : undefined,
                     true, true);
}

function clearInterval(timer) {
  // Timeouts and intervals are the same objects, as in Node.
  clearTimeout(timer);
}

function setImmediate(callback, ...args) {
  validateFunction(callback, 'callback');
  return new Immediate(callback, args.length ? args : undefined);
}

// The legacy API, each deprecated with Node's code and text (printed once).
const warned = new Set();
function deprecated(name, instead, code) {
  if (!warned.has(code)) {
    warned.add(code);
    process.emitWarning(`timers.${name}() is deprecated. Please use ${instead} ` +
                        'instead.', 'DeprecationWarning', code);
  }
}

function enroll(item, msecs) {
  deprecated('enroll', 'setTimeout', 'DEP0095');
  validateNumber(msecs, 'msecs');
  if (msecs < 0 || !Number.isFinite(msecs)) {
    throw new ERR_OUT_OF_RANGE('msecs', 'a non-negative finite number', msecs);
  }
  unenrollItem(item);
  item._idleTimeout = Math.min(msecs, TIMEOUT_MAX);
  item._destroyed = false;
}

function unenroll(item) {
  deprecated('unenroll', 'clearTimeout', 'DEP0096');
  unenrollItem(item);
}

function active(item) {
  deprecated('active', 'timeout.refresh()', 'DEP0126');
  activate(item, true);
}

function _unrefActive(item) {
  deprecated('_unrefActive', 'timeout.refresh()', 'DEP0127');
  activate(item, false);
}

// util.promisify(setTimeout) and (setImmediate) are timers/promises'.
for (const [fn, name] of [[setTimeout, 'setTimeout'],
                          [setImmediate, 'setImmediate']]) {
  Object.defineProperty(fn, Symbol.for('nodejs.util.promisify.custom'), {
    __proto__: null,
    enumerable: true,
    get() { return require('timers/promises')[name]; },
  });
}

module.exports = {
  setTimeout,
  clearTimeout,
  setImmediate,
  clearImmediate,
  setInterval,
  clearInterval,
  _unrefActive,
  active,
  unenroll,
  enroll,
};
