'use strict';
// Starting and terminating workers one after another leaks neither threads
// nor isolates: the process's memory stays within a generous bound. (200
// workers; fewer under AddressSanitizer, where LeakSanitizer checks every
// allocation anyway and each worker costs many times more.)
const { assert } = require('../common');
const { Worker } = require('worker_threads');
const fs = require('fs');

const count = process.env.ASAN_OPTIONS !== undefined ? 20 : 200;
const rss = () => process.memoryUsage.rss();

function threads() {
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  return Number(/Threads:\s+(\d+)/.exec(status)[1]);
}

async function main() {
  const baseThreads = threads();
  let warm;
  for (let i = 0; i < count; i++) {
    const w = new Worker(`
      require('worker_threads').parentPort.postMessage('up');
      setInterval(() => {}, 1000);
    `, { eval: true });
    await new Promise((resolve) => w.once('message', resolve));
    const code = await w.terminate();
    assert.strictEqual(code, 1);
    // Memory is compared from the tenth worker on: by then the parent has
    // loaded what it needs and the allocator holds its pools.
    if (i === 9) warm = rss();
  }
  const end = rss();
  const growth = (end - warm) / 1048576;
  if (process.env.NR_WORKER_MANY_VERBOSE) {
    console.log(`${count} workers: rss after 10 ${(warm / 1048576).toFixed(1)}` +
                ` MiB, after ${count} ${(end / 1048576).toFixed(1)} MiB`);
  }
  // One leaked isolate alone is several MiB: 200 of them would be far
  // beyond this bound.
  assert.ok(growth < 40, `rss grew by ${growth.toFixed(1)} MiB`);
  assert.strictEqual(threads(), baseThreads);
}

main();
