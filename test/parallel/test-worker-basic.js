'use strict';
// A Worker from a file path, a file URL and `eval` source: workerData,
// parentPort, isMainThread, threadId, and the order of 'online',
// 'message' and 'exit'.
const { assert, mustCall } = require('../common');
const { pathToFileURL } = require('url');
const wt = require('worker_threads');

if (!wt.isMainThread) {
  const { parentPort, workerData, threadId } = wt;
  assert.strictEqual(wt.isMainThread, false);
  assert.ok(threadId > 0);
  parentPort.postMessage({ echo: workerData, threadId, argv1: process.argv[1] });
  return;
}

assert.strictEqual(wt.threadId, 0);
assert.strictEqual(wt.parentPort, null);
assert.strictEqual(wt.workerData, null);

function check(worker, expectedArgv1, data) {
  const events = [];
  worker.on('online', mustCall(() => events.push('online')));
  worker.on('message', mustCall((msg) => {
    events.push('message');
    assert.deepStrictEqual(msg.echo, data);
    assert.strictEqual(msg.threadId, worker.threadId);
    assert.strictEqual(msg.argv1, expectedArgv1);
  }));
  worker.on('exit', mustCall((code) => {
    events.push('exit');
    assert.strictEqual(code, 0);
    assert.deepStrictEqual(events, ['online', 'message', 'exit']);
    assert.strictEqual(worker.threadId, -1);
  }));
}

const data = { n: 1, list: [1, 2, 3], map: new Map([[1, 'a']]),
               big: 10n, date: new Date(0) };
const w1 = new wt.Worker(__filename, { workerData: data });
check(w1, __filename, data);
const w2 = new wt.Worker(pathToFileURL(__filename), { workerData: 'url' });
check(w2, __filename, 'url');
assert.notStrictEqual(w1.threadId, w2.threadId);

const w3 = new wt.Worker(`
  const { parentPort, workerData, threadId } = require('worker_threads');
  parentPort.postMessage({ echo: workerData, threadId,
                           argv1: process.argv[1] });
`, { eval: true, workerData: [null, undefined, 'x'] });
check(w3, '[worker eval]', [null, undefined, 'x']);

// Paths must be absolute or explicitly relative.
assert.throws(() => new wt.Worker('x.js'), { code: 'ERR_WORKER_PATH' });
assert.throws(() => new wt.Worker(42), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => new wt.Worker(__filename, { argv: 1 }),
              { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => new wt.Worker(__filename, { execArgv: ['--nope'] }),
              { code: 'ERR_WORKER_INVALID_EXEC_ARGV' });
