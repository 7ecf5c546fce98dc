'use strict';

const {
  Timeout, Immediate, clearTimeout, clearImmediate,
} = require('internal/timers');
const { validateFunction } = require('internal/validators');

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

module.exports = {
  setTimeout,
  clearTimeout,
  setInterval,
  clearInterval,
  setImmediate,
  clearImmediate,
};
