'use strict';
// A running worker keeps the process alive unless unref()'d; the process
// may end (process.exit, or nothing left to do) while workers still run:
// they are stopped and joined, and the exit code is the main thread's.
const { assert } = require('../common');
const { spawnSync } = require('child_process');

const cases = {
  unref: `
    const w = new Worker('setInterval(() => {}, 1000)', { eval: true });
    w.unref();
    w.ref();
    w.unref();
    setTimeout(() => console.log('main done'), 20);
  `,
  exit: `
    for (let i = 0; i < 4; i++) {
      new Worker('while (true) {}', { eval: true });
    }
    new Worker('const a = new Int32Array(new SharedArrayBuffer(4));' +
               'Atomics.wait(a, 0, 0);', { eval: true });
    setTimeout(() => { console.log('main done'); process.exit(3); }, 50);
  `,
  nested: `
    const w = new Worker(\`
      const { Worker, parentPort } = require('worker_threads');
      new Worker('setInterval(() => {}, 1000)', { eval: true });
      parentPort.postMessage('nested up');
    \`, { eval: true });
    w.on('message', (m) => { console.log('main done'); process.exit(4); });
  `,
  throwInMain: `
    new Worker('setInterval(() => {}, 1000)', { eval: true });
    setTimeout(() => { throw new Error('main fails'); }, 20);
  `,
};

for (const [name, code] of Object.entries(cases)) {
  const start = Date.now();
  const r = spawnSync(process.execPath, ['-e',
    `const { Worker } = require('worker_threads');\n${code}`],
                      { encoding: 'utf8', timeout: 20000 });
  const took = Date.now() - start;
  assert.strictEqual(r.signal, null, `${name}: ${r.stderr}`);
  if (name === 'throwInMain') {
    assert.strictEqual(r.status, 1);
    assert.match(r.stderr, /main fails/);
  } else {
    assert.strictEqual(r.stdout, 'main done\n', `${name}: ${r.stderr}`);
    assert.strictEqual(r.status, { unref: 0, exit: 3, nested: 4 }[name]);
  }
  assert.ok(took < 15000, `${name} took ${took} ms`);
}
