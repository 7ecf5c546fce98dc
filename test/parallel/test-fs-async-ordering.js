'use strict';
// fs's callbacks run on a later loop turn, never synchronously, and the
// nextTick queue and microtasks run after each of them.
const { assert, mustCall } = require('../common');
const fs = require('fs');

const order = [];
let sync = true;
fs.stat(__filename, mustCall((err) => {
  assert.strictEqual(err, null);
  assert.strictEqual(sync, false);
  order.push('stat');
  process.nextTick(() => order.push('tick after stat'));
  Promise.resolve().then(() => order.push('microtask after stat'));
}));
// Errors are asynchronous as well.
fs.stat('/nonexistent/nr', mustCall((err) => {
  assert.strictEqual(sync, false);
  assert.strictEqual(err.code, 'ENOENT');
}));
fs.readFile(__filename, mustCall(() => assert.strictEqual(sync, false)));
fs.exists('/nonexistent/nr', mustCall(() => assert.strictEqual(sync, false)));
process.nextTick(() => order.push('tick'));
sync = false;

// Each callback drains ticks and microtasks before the next one runs.
// Checked at exit: under load (or ASan) the pool may be slower than a timer.
process.on('exit', () => {
  const i = order.indexOf('stat');
  assert.deepStrictEqual(order.slice(0, 1), ['tick']);
  assert.deepStrictEqual(order.slice(i, i + 3),
                         ['stat', 'tick after stat', 'microtask after stat']);
});

// Many requests in flight at once all finish.
let left = 64;
for (let i = 0; i < 64; i++) {
  fs.readFile(__filename, 'utf8', (err, text) => {
    assert.ifError(err);
    assert.ok(text.includes('later loop turn'));
    left--;
  });
}
process.on('exit', () => assert.strictEqual(left, 0));
