// Turns the plain `process` object from C into Node's process, installs the
// globals, and exports the hooks that C calls (see src/runtime.c).
'use strict';

const EventEmitter = require('events');
const realm = require('internal/bootstrap/realm');

// Symbol.dispose and Symbol.asyncDispose, which V8 10.2 lacks: Node 18
// defines them for its objects' [Symbol.dispose]() (timers, servers ...).
for (const name of ['dispose', 'asyncDispose']) {
  if (typeof Symbol[name] !== 'symbol') {
    Object.defineProperty(Symbol, name, {
      __proto__: null, value: Symbol(`nodejs.${name}`), writable: false,
      enumerable: false, configurable: false,
    });
  }
}

// process is an EventEmitter whose constructor is named "process".
{
  const ctor = function process() {};
  const proto = Object.create(EventEmitter.prototype, {
    constructor: { value: ctor, writable: true, configurable: true },
  });
  ctor.prototype = proto;
  Object.setPrototypeOf(process, proto);
  EventEmitter.call(process);
  Object.defineProperty(process, Symbol.toStringTag, {
    value: 'process', writable: true, enumerable: false, configurable: false,
  });
}
// Both carry their own tag, as in Node: '[object global]'.
Object.defineProperty(globalThis, Symbol.toStringTag, {
  value: 'global', writable: false, enumerable: false, configurable: true,
});

require('internal/process/per_thread').setup(process);

// ---- Globals ---------------------------------------------------------------

function defineGlobal(name, value, enumerable = false) {
  Object.defineProperty(globalThis, name, {
    value, writable: true, enumerable, configurable: true,
  });
}

function defineLazyGlobal(name, load, enumerable = false) {
  Object.defineProperty(globalThis, name, {
    get() {
      const value = load();
      defineGlobal(name, value, enumerable);
      return value;
    },
    set(value) {
      defineGlobal(name, value, enumerable);
    },
    enumerable,
    configurable: true,
  });
}

Object.defineProperty(globalThis, 'global', {
  value: globalThis, writable: true, enumerable: true, configurable: true,
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

// The web platform's globals, each loaded on first use:
// [global name, module, export].
for (const [name, id, key = name] of [
  ['URL', 'internal/url'],
  ['URLSearchParams', 'internal/url'],
  ['Event', 'internal/event_target'],
  ['EventTarget', 'internal/event_target'],
  ['AbortController', 'internal/abort_controller'],
  ['AbortSignal', 'internal/abort_controller'],
  ['DOMException', 'internal/per_context/domexception'],
  ['TextEncoder', 'internal/encoding'],
  ['TextDecoder', 'internal/encoding'],
  ['Performance', 'perf_hooks'],
  ['MessageChannel', 'internal/worker/io'],
  ['MessagePort', 'internal/worker/io'],
  ['MessageEvent', 'internal/worker/io'],
  ['BroadcastChannel', 'internal/worker/io'],
  ['Buffer', 'buffer'],
  ['Blob', 'internal/blob'],
  ['ReadableStream', 'stream/web'],
  ['ReadableStreamDefaultReader', 'stream/web'],
  ['ReadableStreamDefaultController', 'stream/web'],
  ['ReadableStreamBYOBReader', 'stream/web'],
  ['ReadableStreamBYOBRequest', 'stream/web'],
  ['ReadableByteStreamController', 'stream/web'],
  ['WritableStream', 'stream/web'],
  ['WritableStreamDefaultWriter', 'stream/web'],
  ['WritableStreamDefaultController', 'stream/web'],
  ['TransformStream', 'stream/web'],
  ['TransformStreamDefaultController', 'stream/web'],
  ['ByteLengthQueuingStrategy', 'stream/web'],
  ['CountQueuingStrategy', 'stream/web'],
  ['TextEncoderStream', 'stream/web'],
  ['TextDecoderStream', 'stream/web'],
  ['CompressionStream', 'stream/web'],
  ['DecompressionStream', 'stream/web'],
  // Node 18 has this one only with --experimental-global-webcrypto (on by
  // default from Node 19); programs feature-test it, so it is always on.
  ['crypto', 'internal/crypto/webcrypto'],
]) {
  defineLazyGlobal(name, () => require(id)[key]);
}
// These few are enumerable in Node.
for (const [name, id, key = name] of [
  ['performance', 'perf_hooks'],
  ['structuredClone', 'internal/structured_clone'],
  ['atob', 'buffer'],
  ['btoa', 'buffer'],
]) {
  defineLazyGlobal(name, () => require(id)[key], true);
}

module.exports = require('internal/process/execution');
for (const [name, key = name] of [
  ['setUncaughtExceptionCaptureCallback'],
  ['hasUncaughtExceptionCaptureCallback'],
  ['_fatalException', 'fatalException'],
]) {
  Object.defineProperty(process, name, {
    value: module.exports[key], writable: true, enumerable: true,
    configurable: true,
  });
}
// The active domain (lib/domain.js), null until one is entered.
Object.defineProperty(process, 'domain', {
  value: null, writable: true, enumerable: true, configurable: true,
});
realm.milestones.bootstrapComplete = process.hrtime.bigint();
