'use strict';
// A worker killed with SIGKILL gives 'exit' with the signal, is not marked
// as having left on purpose, and can be replaced; worker messages reach
// the primary both on the worker and on cluster.
const common = require('../common');
const assert = require('assert');
const cluster = require('cluster');

if (cluster.isWorker) {
  process.on('message', (m) => process.send({ echo: m, id: cluster.worker.id }));
  return;
}

const first = cluster.fork();
first.on('online', common.mustCall(() => {
  first.send('hi');
}));
cluster.on('message', common.mustCallAtLeast((worker, m) => {
  assert.strictEqual(worker.id, m.id);
}, 2));
first.on('message', common.mustCall((m) => {
  assert.deepStrictEqual(m, { echo: 'hi', id: 1 });
  process.kill(first.process.pid, 'SIGKILL');
}));
first.on('exit', common.mustCall((code, signal) => {
  assert.strictEqual(code, null);
  assert.strictEqual(signal, 'SIGKILL');
  assert.strictEqual(first.exitedAfterDisconnect, false);
  assert.strictEqual(first.isDead(), true);
  assert.strictEqual(cluster.workers[1], undefined);
  const second = cluster.fork();
  assert.strictEqual(second.id, 2);
  second.on('online', common.mustCall(() => second.send('again')));
  second.on('message', common.mustCall(() => second.kill()));
  second.on('exit', common.mustCall((code, signal) => {
    assert.strictEqual(code, null);
    assert.strictEqual(signal, 'SIGTERM');
    assert.strictEqual(second.exitedAfterDisconnect, false);
  }));
}));
