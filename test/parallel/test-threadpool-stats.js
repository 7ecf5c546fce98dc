'use strict';
// noderun:threadpool: stats() counts the real submissions (here zlib's
// callback forms, each one write on the pool) and orders its percentiles;
// UV_THREADPOOL_SIZE sets the size as libuv does. Only under noderun.
const common = require('../common');
const { assert, mustCall } = common;
if (!common.isNoderun) {
  console.log('1..0 # Skipped: noderun:threadpool is noderun\'s own');
  process.exit(0);
}
const { execFileSync } = require('child_process');
const zlib = require('zlib');
const Module = require('module');
const threadpool = require('noderun:threadpool');

// Only the noderun: scheme reaches it.
assert.strictEqual(require('noderun:threadpool'), threadpool);
assert.ok(Module.isBuiltin('noderun:threadpool'));
assert.ok(!Module.isBuiltin('noderun:nope'));
assert.ok(!Module.builtinModules.some((id) => id.includes('noderun')));
assert.throws(() => require('noderun/threadpool'),
              { code: 'MODULE_NOT_FOUND' });
assert.throws(() => require('node:noderun/threadpool'),
              { code: 'ERR_UNKNOWN_BUILTIN_MODULE' });
assert.throws(() => require('noderun:nope'),
              { code: 'ERR_UNKNOWN_BUILTIN_MODULE' });

const kinds = ['fs', 'crypto', 'zlib', 'dns'];
const before = threadpool.stats();
assert.strictEqual(before.size, 4);
for (const kind of kinds) {
  const k = before[kind];
  for (const key of ['queued', 'running', 'completed', 'inline']) {
    assert.strictEqual(typeof k[key], 'number');
  }
  assert.deepStrictEqual(Object.keys(k.wait),
                         ['count', 'mean', 'p50', 'p90', 'p99', 'max']);
}
assert.deepStrictEqual(threadpool.active(),
                       { fs: 0, crypto: 0, zlib: 0, dns: 0 });

// Small inputs, each two pool writes: the data, then the finishing flush
// (as in Node: end(data) writes the data before the stream ends).
const N = 20;
let left = N;
for (let i = 0; i < N; i++) {
  zlib.deflate(Buffer.alloc(1000, i), mustCall((err) => {
    assert.ifError(err);
    if (--left === 0) setImmediate(check);
  }));
}
const during = threadpool.stats();
assert.strictEqual(during.zlib.queued + during.zlib.running +
                   during.zlib.completed - before.zlib.completed, N);
assert.strictEqual(threadpool.active().zlib, N);

function check() {
  const after = threadpool.stats();
  const z = after.zlib;
  assert.strictEqual(z.completed - before.zlib.completed, 2 * N);
  assert.strictEqual(z.queued, 0);
  assert.strictEqual(z.running, 0);
  assert.strictEqual(z.wait.count - before.zlib.wait.count, 2 * N);
  assert.strictEqual(z.run.count - before.zlib.run.count, 2 * N);
  assert.strictEqual(after.completed - before.completed,
                     kinds.reduce((n, k) => n + after[k].completed -
                                  before[k].completed, 0));
  for (const t of [z.wait, z.run]) {
    assert.ok(t.p50 >= 0 && t.p50 <= t.p90 && t.p90 <= t.p99 &&
              t.p99 <= t.max, JSON.stringify(t));
    assert.ok(t.mean > 0 && t.mean <= t.max, JSON.stringify(t));
  }
  assert.strictEqual(threadpool.active().zlib, 0);

  // The pool's size, from the environment as libuv reads it.
  for (const [value, size] of [['1', 1], ['7', 7], ['2000', 1024]]) {
    const out = execFileSync(process.execPath, [
      '-p', 'require("noderun:threadpool").stats().size',
    ], { env: { ...process.env, UV_THREADPOOL_SIZE: value } });
    assert.strictEqual(Number(out), size);
  }
}
