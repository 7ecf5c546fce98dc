// Turns the plain `process` object from C into Node's process, installs the
// globals, and exports the hooks that C calls (see src/runtime.c).
'use strict';

const EventEmitter = require('events');
const realm = require('internal/bootstrap/realm');

// process is an EventEmitter whose constructor is named "process".
{
  const proto = Object.create(EventEmitter.prototype, {
    constructor: {
      value: function process() {}, writable: true, configurable: true,
    },
  });
  Object.setPrototypeOf(process, proto);
  EventEmitter.call(process);
  Object.defineProperty(process, Symbol.toStringTag, {
    value: 'process', writable: false, enumerable: false, configurable: true,
  });
}

require('internal/process/per_thread').setup(process);

// ---- Globals ---------------------------------------------------------------

function defineGlobal(name, value) {
  Object.defineProperty(globalThis, name, {
    value, writable: true, enumerable: false, configurable: true,
  });
}

function defineLazyGlobal(name, load) {
  Object.defineProperty(globalThis, name, {
    get() {
      const value = load();
      defineGlobal(name, value);
      return value;
    },
    set(value) {
      defineGlobal(name, value);
    },
    enumerable: false,
    configurable: true,
  });
}

Object.defineProperty(globalThis, 'global', {
  value: globalThis, writable: true, enumerable: false, configurable: true,
});
defineGlobal('process', process);
{
  const timers = require('timers');
  for (const name of ['setTimeout', 'clearTimeout', 'setInterval',
    'clearInterval', 'setImmediate', 'clearImmediate']) {
    Object.defineProperty(globalThis, name, {
      value: timers[name], writable: true, enumerable: true,
      configurable: true,
    });
  }
  const { queueMicrotask } = require('internal/process/task_queues');
  Object.defineProperty(globalThis, 'queueMicrotask', {
    value: queueMicrotask, writable: true, enumerable: true,
    configurable: true,
  });
}
defineLazyGlobal('console', () => require('console'));

module.exports = require('internal/process/execution');
void realm;
