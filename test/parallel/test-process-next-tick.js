'use strict';
// process.nextTick: runs before promise microtasks, the whole tick queue
// drains (with ticks added meanwhile) before the microtask queue, and
// the two alternate until both are empty.
const common = require('../common');
const { assert } = common;

const order = [];

Promise.resolve().then(() => order.push('promise 1'));
process.nextTick(() => order.push('tick 1'));
queueMicrotask(() => order.push('microtask 1'));
process.nextTick(() => {
  order.push('tick 2');
  // Added while the tick queue runs: still before any promise.
  process.nextTick(() => order.push('tick 2 -> tick'));
  Promise.resolve().then(() => order.push('tick 2 -> promise'));
});
Promise.resolve().then(() => {
  order.push('promise 2');
  // A tick scheduled from a microtask waits until the microtask queue is
  // empty, including microtasks scheduled meanwhile.
  process.nextTick(() => {
    order.push('promise 2 -> tick');
    Promise.resolve().then(() => order.push('promise 2 -> tick -> promise'));
  });
  Promise.resolve().then(() => order.push('promise 2 -> promise'));
});
order.push('sync');

setTimeout(common.mustCall(() => {
  assert.deepStrictEqual(order, [
    'sync',
    'tick 1',
    'tick 2',
    'tick 2 -> tick',
    'promise 1',
    'microtask 1',
    'promise 2',
    'tick 2 -> promise',
    'promise 2 -> promise',
    'promise 2 -> tick',
    'promise 2 -> tick -> promise',
  ]);
}), 1);

// Arguments after the callback are passed to it.
process.nextTick(common.mustCall((a, b, c) => {
  assert.deepStrictEqual([a, b, c], [1, 'two', undefined]);
}), 1, 'two');
process.nextTick(common.mustCall(function(...args) {
  assert.strictEqual(args.length, 5);
}), 1, 2, 3, 4, 5);

// The callback must be a function.
for (const [bad, received] of [
  [undefined, 'Received undefined'],
  [null, 'Received null'],
  [123, 'Received type number (123)'],
  ['x', "Received type string ('x')"],
  [{}, 'Received an instance of Object'],
]) {
  assert.throws(() => process.nextTick(bad), {
    name: 'TypeError',
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "callback" argument must be of type function. ' + received,
  });
}

// An exception in a tick goes to 'uncaughtException', and the ticks
// queued after it still run.
const seen = [];
process.on('uncaughtException', common.mustCall((err, origin) => {
  assert.strictEqual(err.message, 'from a tick');
  assert.strictEqual(origin, 'uncaughtException');
  seen.push('handler');
}));
setImmediate(common.mustCall(() => {
  process.nextTick(() => {
    seen.push('throwing tick');
    throw new Error('from a tick');
  });
  process.nextTick(() => seen.push('next tick'));
  setImmediate(common.mustCall(() => {
    assert.deepStrictEqual(seen, ['throwing tick', 'handler', 'next tick']);
  }));
}));
