// process.nextTick and queueMicrotask, and the function C calls after every
// callback from the loop: run all ticks, then the microtasks, repeat until
// both are empty, then look at unhandled promise rejections.
'use strict';

const {
  setup, runMicrotasks, enqueueMicrotask, triggerUncaughtException,
  kHasTickScheduled, kHasRejectionToWarn,
} = internalBinding('task_queue');
const { validateFunction } = require('internal/validators');
const promises = require('internal/process/promises');
const {
  kAsyncId, kTriggerId, kFrame, initResource, enterResource, leave,
  emitDestroy,
} = require('internal/async_hooks');

// A FIFO of { callback, args } with O(1) shift: an array and a read index,
// compacted once the consumed part dominates.
let queue = [];
let head = 0;

const tickInfo = setup(processTicksAndRejections,
                       promises.promiseRejectHandler);
promises.setFlagStore(tickInfo, kHasRejectionToWarn);

function hasTickScheduled() {
  return tickInfo[kHasTickScheduled] === 1;
}

// A queued tick. Its async context slots are made by the constructor, so
// that every tick has one shape with all its fields in the object (adding
// them to a literal afterwards costs a property store each and a second
// allocation).
class TickObject {
  constructor(callback, args) {
    this.callback = callback;
    this.args = args;
    this[kAsyncId] = 0;
    this[kTriggerId] = 0;
    this[kFrame] = null;
    initResource(this, 'TickObject');
  }
}

function nextTick(callback, ...args) {
  validateFunction(callback, 'callback');
  if (process._exiting) return;
  if (head === queue.length) tickInfo[kHasTickScheduled] = 1;
  queue.push(new TickObject(callback, args.length ? args : undefined));
}

function shift() {
  if (head === queue.length) return undefined;
  const item = queue[head];
  queue[head++] = undefined;
  if (head === queue.length) {
    queue = [];
    head = 0;
  } else if (head > 1024 && head * 2 > queue.length) {
    queue = queue.slice(head);
    head = 0;
  }
  return item;
}

function processTicksAndRejections() {
  let tock;
  do {
    while ((tock = shift()) !== undefined) {
      const { callback, args } = tock;
      const id = tock[kAsyncId];
      // A callback that throws does not leave its context: the
      // uncaught-exception handler still runs in it (a domain's, say).
      enterResource(tock);
      if (args === undefined) callback();
      else callback(...args);
      leave(id);
      emitDestroy(id);
    }
    runMicrotasks();
  } while (head !== queue.length || promises.processPromiseRejections());
  tickInfo[kHasTickScheduled] = 0;
  tickInfo[kHasRejectionToWarn] = 0;
}

// Between two timer or immediate callbacks: what C does after a callback.
function runNextTicks() {
  if (!hasTickScheduled() && tickInfo[kHasRejectionToWarn] === 0)
    runMicrotasks();
  if (!hasTickScheduled() && tickInfo[kHasRejectionToWarn] === 0) return;
  processTicksAndRejections();
}

function queueMicrotask(callback) {
  validateFunction(callback, 'callback');
  const resource = {};
  const id = initResource(resource, 'Microtask');
  enqueueMicrotask(() => {
    enterResource(resource);
    try {
      callback();
    } catch (err) {
      triggerUncaughtException(err, false);
    } finally {
      leave(id);
    }
    emitDestroy(id);
  });
}

module.exports = {
  nextTick,
  queueMicrotask,
  runNextTicks,
  hasTickScheduled,
};
