'use strict';
// V8 has one set of promise hooks per context; async_hooks (for its
// contexts and hooks) and v8.promiseHooks (for users) share it through
// this module, which installs dispatchers only while someone listens.

const binding = internalBinding('async_wrap');
const { triggerUncaughtException } = internalBinding('task_queue');
const { validatePlainFunction } = require('internal/validators');

// async_hooks' own functions { init, before, after, settled }, or null.
let internal = null;
const lists = { init: [], before: [], after: [], settled: [] };

// Calls each user hook of a list; one that throws reports its error as an
// uncaught exception (as Node does) and the others still run.
function callAll(list, promise, parent) {
  for (const hook of list.slice()) {
    try {
      hook(promise, parent);
    } catch (err) {
      triggerUncaughtException(err, false);
    }
  }
}

const dispatch = {
  init(promise, parent) {
    if (internal !== null) internal.init(promise, parent);
    if (lists.init.length !== 0) callAll(lists.init, promise, parent);
  },
  before(promise) {
    if (internal !== null) internal.before(promise);
    if (lists.before.length !== 0) callAll(lists.before, promise);
  },
  after(promise) {
    if (lists.after.length !== 0) callAll(lists.after, promise);
    if (internal !== null) internal.after(promise);
  },
  settled(promise) {
    if (internal !== null) internal.settled(promise);
    if (lists.settled.length !== 0) callAll(lists.settled, promise);
  },
};

function update() {
  const on = (name) => (internal !== null || lists[name].length !== 0 ?
    dispatch[name] : undefined);
  binding.setPromiseHooks(on('init'), on('before'), on('after'),
                          on('settled'));
}

// async_hooks turns its hooks on (an object of four functions) or off.
function setInternalHooks(hooks) {
  internal = hooks;
  update();
}

function makeUseHook(name) {
  return (hook) => {
    validatePlainFunction(hook, `${name}Hook`);
    lists[name].push(hook);
    update();
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      const i = lists[name].indexOf(hook);
      if (i !== -1) lists[name].splice(i, 1);
      update();
    };
  };
}

const onInit = makeUseHook('init');
const onBefore = makeUseHook('before');
const onAfter = makeUseHook('after');
const onSettled = makeUseHook('settled');

function createHook({ init, before, after, settled } = {}) {
  const stops = [];
  if (init) stops.push(onInit(init));
  if (before) stops.push(onBefore(before));
  if (after) stops.push(onAfter(after));
  if (settled) stops.push(onSettled(settled));
  return () => {
    for (const stop of stops) stop();
  };
}

module.exports = {
  setInternalHooks,
  promiseHooks: { onInit, onBefore, onAfter, onSettled, createHook },
};
