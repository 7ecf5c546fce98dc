// Flags: --expose-gc
'use strict';
// FinalizationRegistry cleanup callbacks run from the event loop after a
// GC (V8 posts them as platform tasks), the microtasks they queue run
// right after them, and an exception thrown by one is an uncaught exception.
const common = require('../common');
const assert = require('assert');

const held = [];
let microtaskRan = false;
const registry = new FinalizationRegistry((value) => {
  held.push(value);
  if (value === 'throws') throw new Error('from cleanup');
  Promise.resolve().then(() => { microtaskRan = true; });
});

(function register() {
  registry.register({}, 'first');
  registry.register({}, 'second');
  registry.register({}, 'throws');
})();

process.on('uncaughtException', common.mustCall((err) => {
  assert.strictEqual(err.message, 'from cleanup');
}));

// A few rounds, each a GC then a turn of the loop.
let rounds = 0;
(function round() {
  globalThis.gc();
  setImmediate(() => {
    if (held.length < 3 && ++rounds < 20) return round();
    assert.deepStrictEqual(held.sort(), ['first', 'second', 'throws']);
    assert.strictEqual(microtaskRan, true);
  });
})();
