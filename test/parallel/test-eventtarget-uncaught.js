// Flags: --expose-internals
'use strict';
// A listener's exception does not stop the dispatch: it is reported as an
// uncaught exception once the current operation is over (from the next
// tick queue), as is the rejection of an async listener.
const { assert, mustCall } = require('../common');
const { Event, EventTarget } = require('internal/event_target');

const order = [];
const thrown = new Error('boom');
const rejected = new Error('async boom');

process.on('uncaughtException', mustCall((err, origin) => {
  assert.strictEqual(origin, 'uncaughtException');
  order.push(`uncaught ${err.message}`);
}, 3));

const t = new EventTarget();
t.addEventListener('x', () => { throw thrown; });
t.addEventListener('x', () => order.push('second listener'));
t.addEventListener('x', async () => { throw rejected; });
t.addEventListener('x', { handleEvent: 5 });
t.addEventListener('x', () => {
  order.push('last listener');
  Promise.resolve().then(() => order.push('microtask'));
});
process.nextTick(() => order.push('tick before'));
assert.strictEqual(t.dispatchEvent(new Event('x')), true);
order.push('dispatch returned');
process.nextTick(() => order.push('tick after'));

process.on('exit', () => {
  assert.deepStrictEqual(order, [
    'second listener',
    'last listener',
    'dispatch returned',
    'tick before',
    'uncaught boom',
    'uncaught Function.prototype.apply was called on 5, which is a ' +
      'number and not a function',
    'tick after',
    'microtask',
    'uncaught async boom',
  ]);
});
