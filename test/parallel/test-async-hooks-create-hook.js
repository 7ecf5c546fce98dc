'use strict';
// createHook: init/before/after/destroy for timers, immediates, nextTick
// and AsyncResource, promise events, executionAsyncId/triggerAsyncId.
const common = require('../common');
const assert = require('assert');
const ah = require('async_hooks');

assert.strictEqual(ah.executionAsyncId(), 1);
assert.strictEqual(ah.triggerAsyncId(), 0);
assert.strictEqual(ah.asyncWrapProviders.PROMISE, 26);
assert.throws(() => ah.createHook({ init: 1 }), {
  code: 'ERR_ASYNC_CALLBACK', message: 'hook.init must be a function',
});
assert.throws(() => new ah.AsyncResource('x', { triggerAsyncId: -2 }), {
  name: 'RangeError', message: 'Invalid triggerAsyncId value: -2',
});
assert.throws(() => new ah.AsyncResource(1), { code: 'ERR_INVALID_ARG_TYPE' });

const events = new Map();
function log(id, what) {
  if (!events.has(id)) return;
  events.get(id).push(what);
}
const hook = ah.createHook({
  init(id, type, trigger, resource) {
    assert.strictEqual(this, hook);
    events.set(id, [`init ${type} ${trigger}`]);
  },
  before(id) { log(id, 'before'); },
  after(id) { log(id, 'after'); },
  destroy(id) { log(id, 'destroy'); },
  promiseResolve(id) { log(id, 'resolve'); },
});
assert.strictEqual(hook.enable(), hook);

const outer = ah.executionAsyncId();
const t = setTimeout(common.mustCall(() => {
  assert.strictEqual(ah.executionAsyncId(), t[Symbol.toPrimitive]());
  assert.strictEqual(ah.triggerAsyncId(), outer);
  assert.strictEqual(ah.executionAsyncResource(), t);
}), 1);
const timerId = t[Symbol.toPrimitive]();
const imm = setImmediate(common.mustCall(() => {
  assert.strictEqual(ah.executionAsyncResource(), imm);
}));
let tickId;
process.nextTick(common.mustCall(() => {
  tickId = ah.executionAsyncId();
  assert.strictEqual(ah.triggerAsyncId(), outer);
}));
const cleared = setTimeout(common.mustNotCall(), 1);
clearTimeout(cleared);
const clearedId = cleared[Symbol.toPrimitive]();

const r = new ah.AsyncResource('MyThing');
r.runInAsyncScope(() => {
  assert.strictEqual(ah.executionAsyncId(), r.asyncId());
  assert.strictEqual(ah.triggerAsyncId(), outer);
});
r.emitDestroy();
r.emitDestroy();

let promiseId;
const p = new Promise((resolve) => {
  resolve(1);
});
p.then(common.mustCall(() => {
  promiseId = ah.executionAsyncId();
  assert.notStrictEqual(promiseId, outer);
}));

setTimeout(common.mustCall(() => {
  hook.disable();
  assert.deepStrictEqual(events.get(timerId),
                         [`init Timeout ${outer}`, 'before', 'after',
                          'destroy']);
  assert.deepStrictEqual(events.get(clearedId),
                         [`init Timeout ${outer}`, 'destroy']);
  assert.deepStrictEqual(events.get(tickId),
                         [`init TickObject ${outer}`, 'before', 'after',
                          'destroy']);
  // emitDestroy() twice: told twice, as in Node 18.
  assert.deepStrictEqual(events.get(r.asyncId()),
                         [`init MyThing ${outer}`, 'before', 'after',
                          'destroy', 'destroy']);
  const pe = events.get(promiseId);
  assert.strictEqual(pe[0].startsWith('init PROMISE'), true);
  assert(pe.includes('before') && pe.includes('after'), pe.join());
  // Disabled: nothing more is recorded.
  const before = events.size;
  setTimeout(common.mustCall(() => {
    assert.strictEqual(events.size, before);
  }), 1);
}), 10);
