'use strict';
// A worker's env is a copy by default (or the object given), shared with
// SHARE_ENV; argv is appended to its process.argv; execArgv is its own.
const { assert, mustCall } = require('../common');
const { Worker, SHARE_ENV } = require('worker_threads');

process.env.NR_WORKER_PARENT = 'p';

function run(code, options, check) {
  const w = new Worker(`
    const { parentPort } = require('worker_threads');
    ${code}
  `, { eval: true, ...options });
  w.on('message', mustCall(check));
  w.on('exit', mustCall((c) => assert.strictEqual(c, 0)));
  return w;
}

run(`process.env.NR_WORKER_CHILD = 1;
     parentPort.postMessage([process.env.NR_WORKER_PARENT,
                             process.env.NR_WORKER_CHILD]);`, {},
    ([parent, child]) => {
      assert.strictEqual(parent, 'p');
      assert.strictEqual(child, '1');
      assert.strictEqual(process.env.NR_WORKER_CHILD, undefined);
    });

run(`parentPort.postMessage({ ...process.env });`,
    { env: { ONLY: 42 } },
    (env) => assert.deepStrictEqual(env, { ONLY: '42' }));

const shared = run(`process.env.NR_WORKER_SHARED = 'yes';
                    parentPort.postMessage(process.env.NR_WORKER_PARENT);`,
                   { env: SHARE_ENV },
                   (v) => assert.strictEqual(v, 'p'));
shared.on('exit', mustCall(() => {
  assert.strictEqual(process.env.NR_WORKER_SHARED, 'yes');
  delete process.env.NR_WORKER_SHARED;
}));

run(`parentPort.postMessage([process.argv.slice(1), process.execArgv]);`,
    { argv: ['a', 2], execArgv: ['--no-warnings'] },
    ([argv, execArgv]) => {
      assert.deepStrictEqual(argv, ['[worker eval]', 'a', '2']);
      assert.deepStrictEqual(execArgv, ['--no-warnings']);
    });

assert.throws(() => new Worker('', { eval: true, env: 1 }),
              { code: 'ERR_INVALID_ARG_TYPE' });

// The working directory is the process's: a chdir on the main thread is
// seen by a running worker; workers may not change it.
{
  const path = require('path');
  const start = process.cwd();
  const w = new Worker(`
    const { parentPort } = require('worker_threads');
    let err;
    try { process.chdir('/'); } catch (e) { err = e.code; }
    parentPort.postMessage([process.cwd(), err]);
    parentPort.once('message', () => parentPort.postMessage(process.cwd()));
  `, { eval: true });
  w.once('message', mustCall(([cwd, err]) => {
    assert.strictEqual(cwd, start);
    assert.strictEqual(err, 'ERR_WORKER_UNSUPPORTED_OPERATION');
    process.chdir('..');
    w.postMessage('again');
    w.once('message', mustCall((cwd2) => {
      assert.strictEqual(cwd2, path.dirname(start));
      process.chdir(start);
    }));
  }));
}
