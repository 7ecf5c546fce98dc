// The async execution context: which async resource's callback runs now
// (its id, its trigger's id, the resource), the stores of the
// AsyncLocalStorages in effect (a "frame": a Map from storage to store,
// replaced, never mutated, so a captured frame stays as it was), and the
// hooks of async_hooks.createHook.
//
// Resources that carry the context from where they were made to where
// their callback runs: timers, immediates, process.nextTick,
// queueMicrotask, promises (through V8's promise hooks, on only while an
// AsyncLocalStorage or a hook needs them) and AsyncResource. Other
// callbacks (I/O: fs, net, child_process ...) run in the context that was
// current when the loop called them, the main script's.
'use strict';

const kAsyncId = Symbol('asyncId');
const kTriggerId = Symbol('triggerAsyncId');
const kFrame = Symbol('asyncFrame');

// The main script is async id 1, triggered by 0 (as in Node).
let executionId = 1;
let triggerId = 0;
let currentResource = {};
let frame = null;
// Saved states of enclosing callbacks, four slots per level; `depth` counts
// the used slots (the array is never shrunk: setting an array's length
// is a slow runtime call, and this runs around every callback).
const stack = [];
let depth = 0;
let lastId = 1;

const hooks = [];
const counts = { init: 0, before: 0, after: 0, destroy: 0, promiseResolve: 0 };
let storagesEnabled = 0;

function newAsyncId() {
  return ++lastId;
}

function executionAsyncId() {
  return executionId;
}

function triggerAsyncId() {
  return triggerId;
}

function executionAsyncResource() {
  return currentResource;
}

function getFrame() {
  return frame;
}

function setFrame(f) {
  frame = f;
}

// A hook that throws ends the process, as in Node.
function fatal(err) {
  require('internal/process/stdio');
  try {
    process.stderr.write(`${err && err.stack ? err.stack : err}\n`);
  } finally {
    process.exit(1);
  }
}

function emit(name, ...args) {
  // (Indexed: user code may have broken array iteration.)
  const list = hooks.slice();
  for (let i = 0; i < list.length; i++) {
    const hook = list[i];
    const fn = hook[name];
    if (typeof fn !== 'function') continue;
    try {
      fn.apply(hook.owner, args);
    } catch (err) {
      fatal(err);
    }
  }
}

function emitInit(asyncId, type, trigger, resource) {
  if (counts.init > 0) emit('init', asyncId, type, trigger, resource);
}

function emitDestroy(asyncId) {
  if (counts.destroy > 0) emit('destroy', asyncId);
}

function hasDestroyHooks() {
  return counts.destroy > 0;
}

function hasInitHooks() {
  return counts.init > 0;
}

// Stamps a resource with a new id, its trigger and the current frame, and
// tells the init hooks. Returns the id.
function initResource(resource, type, trigger = executionId) {
  const id = newAsyncId();
  resource[kAsyncId] = id;
  resource[kTriggerId] = trigger;
  resource[kFrame] = frame;
  if (counts.init > 0) emit('init', id, type, trigger, resource);
  return id;
}

// Around a resource's callback: enter its context, then leave it (in a
// finally, so a throwing callback leaves it too).
function enter(asyncId, trigger, resource, f) {
  stack[depth] = executionId;
  stack[depth + 1] = triggerId;
  stack[depth + 2] = currentResource;
  stack[depth + 3] = frame;
  depth += 4;
  executionId = asyncId;
  triggerId = trigger;
  currentResource = resource;
  frame = f;
  if (counts.before > 0) emit('before', asyncId);
}

function leave(asyncId) {
  if (counts.after > 0) emit('after', asyncId);
  const n = depth;
  if (n === 0) return;
  frame = stack[n - 1];
  currentResource = stack[n - 2];
  triggerId = stack[n - 3];
  executionId = stack[n - 4];
  // Drop the references, so a finished callback's resource can be freed.
  stack[n - 1] = stack[n - 2] = undefined;
  depth = n - 4;
}

// After an uncaught exception that ended callbacks without their leave():
// leave every context they entered (their 'after' hooks run), back to the
// top level.
function leaveAll() {
  while (depth !== 0) leave(executionId);
}

function enterResource(resource) {
  enter(resource[kAsyncId], resource[kTriggerId], resource,
        resource[kFrame] === undefined ? null : resource[kFrame]);
}

// ---- Promises ------------------------------------------------------------

// Promise ids are made only while some hook wants them; the frame always.
let promiseDestroyRegistry = null;

function promiseInit(promise, parent) {
  promise[kFrame] = frame;
  if (hooks.length === 0) return;
  const id = newAsyncId();
  promise[kAsyncId] = id;
  const trigger = parent !== undefined && parent[kAsyncId] !== undefined ?
    parent[kAsyncId] : executionId;
  promise[kTriggerId] = trigger;
  if (counts.init > 0) emit('init', id, 'PROMISE', trigger, promise);
  if (counts.destroy > 0) {
    promiseDestroyRegistry ??= new FinalizationRegistry(emitDestroy);
    promiseDestroyRegistry.register(promise, id);
  }
}

function promiseBefore(promise) {
  const f = promise[kFrame];
  enter(promise[kAsyncId] === undefined ? executionId : promise[kAsyncId],
        promise[kTriggerId] === undefined ? triggerId : promise[kTriggerId],
        promise, f === undefined ? null : f);
}

function promiseAfter(promise) {
  leave(promise[kAsyncId] === undefined ? executionId : promise[kAsyncId]);
}

function promiseResolve(promise) {
  if (counts.promiseResolve > 0 && promise[kAsyncId] !== undefined)
    emit('promiseResolve', promise[kAsyncId]);
}

let promiseHooksOn = false;
function updatePromiseHooks() {
  const want = storagesEnabled > 0 || hooks.length > 0;
  if (want === promiseHooksOn) return;
  promiseHooksOn = want;
  const { setInternalHooks } = require('internal/promise_hooks');
  setInternalHooks(want ? {
    init: promiseInit,
    before: promiseBefore,
    after: promiseAfter,
    settled: promiseResolve,
  } : null);
}

// ---- Hooks and storages --------------------------------------------------

const kHookNames = ['init', 'before', 'after', 'destroy', 'promiseResolve'];

function enableHook(hook) {
  if (hooks.includes(hook)) return;
  hooks.push(hook);
  for (const name of kHookNames) {
    if (typeof hook[name] === 'function') counts[name]++;
  }
  updatePromiseHooks();
}

function disableHook(hook) {
  const i = hooks.indexOf(hook);
  if (i === -1) return;
  hooks.splice(i, 1);
  for (const name of kHookNames) {
    if (typeof hook[name] === 'function') counts[name]--;
  }
  updatePromiseHooks();
}

function storageEnabled(delta) {
  storagesEnabled += delta;
  updatePromiseHooks();
}

module.exports = {
  kAsyncId,
  kTriggerId,
  kFrame,
  newAsyncId,
  executionAsyncId,
  triggerAsyncId,
  executionAsyncResource,
  getFrame,
  setFrame,
  initResource,
  enter,
  leave,
  enterResource,
  leaveAll,
  emitInit,
  emitDestroy,
  hasDestroyHooks,
  hasInitHooks,
  enableHook,
  disableHook,
  storageEnabled,
};
