'use strict';
// queueMicrotask: runs after the current code and the tick queue, in
// order with promise reactions; its errors go to 'uncaughtException'
// and do not stop the microtasks after them.
const common = require('../common');
const { assert } = common;

assert.strictEqual(typeof queueMicrotask, 'function');
assert.strictEqual(queueMicrotask(() => {}), undefined);

const order = [];
queueMicrotask(() => order.push('micro 1'));
Promise.resolve().then(() => order.push('promise'));
queueMicrotask(() => {
  order.push('micro 2');
  queueMicrotask(() => order.push('micro 2 -> micro'));
});
process.nextTick(() => order.push('tick'));
order.push('sync');

// Arguments are not passed; `this` is undefined.
queueMicrotask(common.mustCall(function(...args) {
  assert.deepStrictEqual(args, []);
  assert.strictEqual(this, undefined);
}));

process.on('uncaughtException', common.mustCall((err, origin) => {
  assert.strictEqual(err.message, 'microtask error');
  assert.strictEqual(origin, 'uncaughtException');
  order.push('caught');
}));
setImmediate(common.mustCall(() => {
  assert.deepStrictEqual(order, ['sync', 'tick', 'micro 1', 'promise',
                                 'micro 2', 'micro 2 -> micro']);
  order.length = 0;
  queueMicrotask(() => {
    order.push('throwing');
    throw new Error('microtask error');
  });
  queueMicrotask(() => order.push('after the throw'));
  setImmediate(common.mustCall(() => {
    assert.deepStrictEqual(order, ['throwing', 'caught', 'after the throw']);
  }));
}));

for (const [bad, received] of [
  [undefined, 'Received undefined'],
  [1, 'Received type number (1)'],
  ['f', "Received type string ('f')"],
  [Promise.resolve(), 'Received an instance of Promise'],
]) {
  assert.throws(() => queueMicrotask(bad), {
    name: 'TypeError',
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "callback" argument must be of type function. ' + received,
  });
}
