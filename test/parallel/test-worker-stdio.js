'use strict';
// A worker's stdout/stderr reach the process's (through the parent), or
// are streams on the Worker with stdout/stderr: true; stdin: true gives
// the worker a stdin fed by worker.stdin.
const { assert, mustCall } = require('../common');
const { Worker } = require('worker_threads');
const { spawnSync } = require('child_process');

if (process.argv[2] === 'child') {
  const w = new Worker(`
    console.log('out from worker');
    console.error('err from worker');
    process.stdout.write(Buffer.from('bytes\\n'));
  `, { eval: true });
  w.on('exit', () => console.log('exit'));
  return;
}

const r = spawnSync(process.execPath, [__filename, 'child'],
                    { encoding: 'utf8' });
assert.strictEqual(r.status, 0);
assert.strictEqual(r.stdout, 'out from worker\nbytes\nexit\n');
assert.strictEqual(r.stderr, 'err from worker\n');

const w = new Worker(`
  let text = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (c) => { text += c; });
  process.stdin.on('end', () => {
    process.stdout.write(text.toUpperCase());
    console.error('done');
  });
`, { eval: true, stdin: true, stdout: true, stderr: true });
let out = '';
let err = '';
w.stdout.setEncoding('utf8');
w.stderr.setEncoding('utf8');
w.stdout.on('data', (c) => { out += c; });
w.stderr.on('data', (c) => { err += c; });
w.stdin.write('hello ');
w.stdin.end('worker');
w.on('exit', mustCall((code) => {
  assert.strictEqual(code, 0);
  setImmediate(mustCall(() => {
    assert.strictEqual(out, 'HELLO WORKER');
    assert.strictEqual(err, 'done\n');
  }));
}));
