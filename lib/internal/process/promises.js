// Unhandled promise rejections, decided after the microtask queue drains,
// per --unhandled-rejections (throw by default, as in Node 15+).
'use strict';

const {
  triggerUncaughtException,
  kPromiseRejectWithNoHandler, kPromiseHandlerAddedAfterReject,
} = internalBinding('task_queue');

// promise -> { reason, uid, warned }
const maybeUnhandled = new WeakMap();
const pending = [];
const handledLate = [];
let lastUid = 0;
let flags = null;
let flagSlot = 0;
let mode = null;

function setFlagStore(store, slot) {
  flags = store;
  flagSlot = slot;
}

function setHasRejectionToWarn(value) {
  if (flags !== null) flags[flagSlot] = value ? 1 : 0;
}

function promiseRejectHandler(type, promise, reason) {
  if (type === kPromiseRejectWithNoHandler) {
    // The domain active at the rejection takes it if it goes unhandled.
    maybeUnhandled.set(promise, { reason, uid: ++lastUid, warned: false,
                                  domain: process.domain });
    pending.push(promise);
    setHasRejectionToWarn(true);
  } else if (type === kPromiseHandlerAddedAfterReject) {
    const info = maybeUnhandled.get(promise);
    if (info === undefined) return;
    maybeUnhandled.delete(promise);
    if (info.warned) {
      handledLate.push({ promise, uid: info.uid });
      setHasRejectionToWarn(true);
    }
  }
}

function getMode() {
  if (mode === null) {
    mode = internalBinding('process_methods').getOptions()
      .unhandledRejections || 'throw';
  }
  return mode;
}

function inspect(v) {
  return require('internal/util/inspect').inspect(v);
}

class UnhandledPromiseRejection extends Error {
  constructor(reason) {
    super('This error originated either by throwing inside of an async ' +
          'function without a catch block, or by rejecting a promise which ' +
          'was not handled with .catch(). The promise rejected with the ' +
          `reason "${inspect(reason)}".`);
    this.code = 'ERR_UNHANDLED_REJECTION';
  }
}
Object.defineProperty(UnhandledPromiseRejection.prototype, 'name', {
  value: 'UnhandledPromiseRejection', configurable: true, writable: true,
});

function makeError(reason) {
  if (reason instanceof Error) return reason;
  // Node shows this error without a stack: only its name and message.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  const err = new UnhandledPromiseRejection(reason);
  Error.stackTraceLimit = limit;
  return err;
}

// The stack a rejection reason carries, if any (an Error, or an object
// made like one with Error.captureStackTrace).
function reasonStack(reason) {
  if (reason === null ||
      (typeof reason !== 'object' && typeof reason !== 'function')) {
    return undefined;
  }
  try {
    const { stack } = reason;
    return typeof stack === 'string' && stack !== '' ? stack : undefined;
  } catch {
    return undefined;
  }
}

// Two warnings, as Node gives them: the reason itself (its stack, else
// V8's description of it, which runs none of its code), then the note
// with the rejection id, carrying the reason's stack when it has one.
function warnUnhandled(uid, reason) {
  const stack = reasonStack(reason);
  const text = stack !== undefined ? stack :
    internalBinding('util').noSideEffectsToString(reason);
  process.emitWarning(text, 'UnhandledPromiseRejectionWarning');
  // The note has no stack of its own, as in Node.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  const note = new Error(
    'Unhandled promise rejection. This error originated either by throwing ' +
    'inside of an async function without a catch block, or by rejecting a ' +
    'promise which was not handled with .catch(). To terminate the node ' +
    'process on unhandled promise rejection, use the CLI flag ' +
    '`--unhandled-rejections=strict` (see ' +
    'https://nodejs.org/api/cli.html#cli_unhandled_rejections_mode). ' +
    `(rejection id: ${uid})`);
  Error.stackTraceLimit = limit;
  note.name = 'UnhandledPromiseRejectionWarning';
  if (stack !== undefined) note.stack = stack;
  process.emitWarning(note);
}

// Returns true when it may have queued ticks or microtasks.
function throwUnhandled({ reason, domain }) {
  if (domain) domain.enter();  // its 'error' listeners get the error
  triggerUncaughtException(makeError(reason), true);
}

function processPromiseRejections() {
  let more = handledLate.length > 0;
  while (handledLate.length > 0) {
    const { promise, uid } = handledLate.shift();
    if (!process.emit('rejectionHandled', promise)) {
      process.emitWarning(
        `Promise rejection was handled asynchronously (rejection id: ${uid})`,
        'PromiseRejectionHandledWarning');
    }
  }
  let n = pending.length;
  while (n-- > 0) {
    const promise = pending.shift();
    const info = maybeUnhandled.get(promise);
    if (info === undefined) continue;
    info.warned = true;
    const { reason, uid } = info;
    switch (getMode()) {
      case 'strict': {
        throwUnhandled(info);
        if (maybeUnhandled.has(promise))
          process.emit('unhandledRejection', reason, promise);
        break;
      }
      case 'warn':
        // Warns whether or not a listener saw it.
        process.emit('unhandledRejection', reason, promise);
        warnUnhandled(uid, reason);
        break;
      case 'warn-with-error-code':
        if (!process.emit('unhandledRejection', reason, promise)) {
          warnUnhandled(uid, reason);
          process.exitCode = 1;
        }
        break;
      case 'none':
        process.emit('unhandledRejection', reason, promise);
        break;
      default:
        if (!process.emit('unhandledRejection', reason, promise))
          throwUnhandled(info);
        break;
    }
    more = true;
  }
  return more || pending.length > 0;
}

module.exports = {
  promiseRejectHandler,
  processPromiseRejections,
  setFlagStore,
};
