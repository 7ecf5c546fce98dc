'use strict';
// resourceLimits size the worker's heap and stack and are reported back
// on both sides; a worker that runs out of heap ends with
// ERR_WORKER_OUT_OF_MEMORY and code 1, and the process goes on.
const { assert, mustCall } = require('../common');
const { Worker, resourceLimits } = require('worker_threads');

assert.deepStrictEqual(resourceLimits, {});

const limits = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 32,
                 codeRangeSizeMb: 16, stackSizeMb: 2 };
const w = new Worker(`
  const { parentPort, resourceLimits } = require('worker_threads');
  let depth = 0;
  function recurse() { depth++; recurse(); }
  try { recurse(); } catch (e) { /* RangeError: stack */ }
  parentPort.postMessage({ resourceLimits, depth });
`, { eval: true, resourceLimits: limits });
assert.deepStrictEqual(w.resourceLimits, limits);
w.on('message', mustCall(({ resourceLimits, depth }) => {
  assert.deepStrictEqual(resourceLimits, limits);
  assert.ok(depth > 1000, `depth ${depth}`);
}));
w.on('exit', mustCall((code) => {
  assert.strictEqual(code, 0);
  assert.deepStrictEqual(w.resourceLimits, {});
}));

// Defaults are reported too.
const d = new Worker('', { eval: true });
for (const key of Object.keys(limits)) {
  assert.strictEqual(typeof d.resourceLimits[key], 'number');
}
assert.strictEqual(d.resourceLimits.stackSizeMb, 4);
assert.ok(d.resourceLimits.maxOldGenerationSizeMb > 0);

const oom = new Worker(`
  const keep = [];
  for (;;) keep.push({ a: [1, 2, 3], s: 'x'.repeat(100) + keep.length });
`, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 16 } });
oom.on('error', mustCall((err) => {
  assert.strictEqual(err.code, 'ERR_WORKER_OUT_OF_MEMORY');
  assert.strictEqual(err.message, 'Worker terminated due to reaching ' +
                     'memory limit: JS heap out of memory');
}));
oom.on('exit', mustCall((code) => assert.strictEqual(code, 1)));

assert.throws(() => new Worker('', { eval: true, resourceLimits: 1 }),
              { code: 'ERR_INVALID_ARG_TYPE' });
