'use strict';
// After every timer and immediate callback the runtime drains the
// nextTick queue and then the microtask queue, before the next callback
// of the same phase runs.
const common = require('../common');
const { assert } = common;

const order = [];
function schedule(name) {
  return () => {
    order.push(name);
    process.nextTick(() => order.push(`${name} tick`));
    Promise.resolve().then(() => order.push(`${name} promise`));
  };
}

// Two timers due at the same time run in the same timers phase.
setTimeout(schedule('timeout A'), 2);
setTimeout(schedule('timeout B'), 2);

setTimeout(common.mustCall(() => {
  setImmediate(schedule('immediate A'));
  setImmediate(schedule('immediate B'));
  setImmediate(common.mustCall(() => {
    assert.deepStrictEqual(order, [
      'timeout A', 'timeout A tick', 'timeout A promise',
      'timeout B', 'timeout B tick', 'timeout B promise',
      'immediate A', 'immediate A tick', 'immediate A promise',
      'immediate B', 'immediate B tick', 'immediate B promise',
    ]);
  }));
}), 20);

// The main script's own ticks and microtasks run before any timer.
const early = [];
setTimeout(common.mustCall(() => {
  assert.deepStrictEqual(early, ['tick', 'promise']);
}), 0);
Promise.resolve().then(() => early.push('promise'));
process.nextTick(() => early.push('tick'));
