'use strict';
// process.getActiveResourcesInfo(): Node's names for what keeps the loop
// alive — ref'd timers and immediates, handles, and (noderun) threadpool
// work in flight.
const common = require('../common');
const { assert, mustCall } = common;
const zlib = require('zlib');

const count = (name) =>
  process.getActiveResourcesInfo().filter((n) => n === name).length;

assert.ok(Array.isArray(process.getActiveResourcesInfo()));
const timeouts = count('Timeout');
const t1 = setTimeout(() => {}, 1000);
setTimeout(() => {}, 1000).unref();
const t2 = setInterval(() => {}, 1000);
assert.strictEqual(count('Timeout'), timeouts + 2);
clearTimeout(t1);
clearInterval(t2);
assert.strictEqual(count('Timeout'), timeouts);

const immediate = setImmediate(() => {});
setImmediate(() => {}).unref();
assert.strictEqual(count('Immediate'), 1);
clearImmediate(immediate);

// Listed in the order requests, handles, timers, immediates.
setTimeout(() => {}, 1);
setImmediate(mustCall(() => {
  assert.strictEqual(count('Immediate'), 0);
}));
const all = process.getActiveResourcesInfo();
assert.ok(all.indexOf('Timeout') < all.indexOf('Immediate'), all);

if (common.isNoderun) {
  // zlib work on the pool is listed while it runs, gone after.
  zlib.gzip(Buffer.alloc(1 << 16), mustCall(() => {
    assert.strictEqual(count('ZlibWrap'), 0);
  }));
  assert.strictEqual(count('ZlibWrap'), 1);
  assert.ok(process.getActiveResourcesInfo().indexOf('ZlibWrap') <
            process.getActiveResourcesInfo().indexOf('Timeout'));
}

// A child process and its pipes.
const { spawn } = require('child_process');
const child = spawn(process.execPath, ['-e', '0']);
assert.strictEqual(count('ProcessWrap'), 1);
assert.ok(count('PipeWrap') >= 3);
child.on('exit', mustCall());
