'use strict';
// A timer callback that throws, with an 'uncaughtException' listener,
// does not stop the other timers of the same list or later ones.
const common = require('../common');
const { assert } = common;

const order = [];
process.on('uncaughtException', common.mustCall((err, origin) => {
  assert.strictEqual(origin, 'uncaughtException');
  order.push(`caught ${err.message}`);
}, 2));

setTimeout(() => {
  order.push('a');
  throw new Error('a');
}, 5);
setTimeout(() => order.push('b'), 5);
setTimeout(() => {
  order.push('c');
  throw new Error('c');
}, 5);
setTimeout(() => order.push('d'), 5);
setTimeout(() => order.push('later'), 15);
setImmediate(() => order.push('immediate'));

process.on('exit', () => {
  assert.deepStrictEqual(order, ['immediate', 'a', 'caught a', 'b', 'c',
                                 'caught c', 'd', 'later']);
});
