'use strict';
// Two workers share one port through the primary, round-robin by default
// and with shared handles under NODE_CLUSTER_SCHED_POLICY=none; the events
// of a worker's life come in Node's order; disconnect ends them cleanly.
const common = require('../common');
const assert = require('assert');
const cluster = require('cluster');
const net = require('net');
const { spawnSync } = require('child_process');

if (cluster.isWorker) {
  assert.strictEqual(process.env.NODE_UNIQUE_ID, undefined);
  net.createServer((s) => s.end(`worker ${cluster.worker.id}`))
    .listen(0, '127.0.0.1');
  return;
}

if (process.argv[2] !== 'run') {
  // Each policy in a process of its own (the policy is read at start).
  for (const policy of ['rr', 'none']) {
    const r = spawnSync(process.execPath, [__filename, 'run'], {
      env: { ...process.env, NODE_CLUSTER_SCHED_POLICY: policy },
      encoding: 'utf8',
    });
    assert.strictEqual(r.stderr, '');
    assert.strictEqual(r.status, 0);
    assert.strictEqual(r.stdout,
                       `policy ${policy === 'rr' ? 2 : 1}\n` +
                       'served by 2 workers\nall disconnected\n' +
                       'exit 1 0 null true\nexit 2 0 null true\n' +
                       'fork 1\nfork 2\nlistening 1\nlistening 2\n' +
                       'online 1\nonline 2\n');
  }
  return;
}

assert.strictEqual(cluster.isPrimary, true);
assert.strictEqual(cluster.isMaster, true);
console.log('policy', cluster.schedulingPolicy);
const order = [];
cluster.on('fork', (w) => order.push(`fork ${w.id}`));
cluster.on('online', (w) => order.push(`online ${w.id}`));
cluster.on('listening', (w, address) => {
  order.push(`listening ${w.id}`);
  assert.strictEqual(address.address, '127.0.0.1');
  if (!Object.values(cluster.workers).every((x) => x.state === 'listening'))
    return;
  const seen = new Set();
  let done = 0;
  // Round-robin spreads these over both; with shared handles the kernel
  // picks, so keep asking, one connection at a time, until both answered.
  const ask = () => {
    const c = net.connect(address.port, '127.0.0.1');
    let text = '';
    c.on('data', (d) => { text += d; });
    c.on('end', () => {
      seen.add(text);
      if (seen.size < 2 && ++done < 200) return ask();
      console.log('served by', seen.size, 'workers');
      cluster.disconnect(common.mustCall(() => console.log('all disconnected')));
    });
  };
  ask();
});
cluster.on('exit', (w, code, signal) => {
  order.push(`exit ${w.id} ${code} ${signal} ${w.exitedAfterDisconnect}`);
});
process.on('exit', () => console.log(order.sort().join('\n')));
cluster.fork();
cluster.fork();
