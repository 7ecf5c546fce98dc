'use strict';
// examples/cluster-http.js: workers share a port, a worker killed with
// SIGKILL is replaced, SIGTERM stops everything.
const common = require('../common');
const assert = common.assert;
const { spawn } = require('child_process');
const http = require('http');
const path = require('path');

const example = path.join(__dirname, '..', '..', 'examples',
                          'cluster-http.js');
const child = spawn(process.execPath, [example], {
  env: { ...process.env, PORT: '0', WORKERS: '2' },
  stdio: ['ignore', 'pipe', 'inherit'],
});

let out = '';
const waiters = [];
child.stdout.setEncoding('utf8');
child.stdout.on('data', (d) => {
  out += d;
  for (const w of waiters.slice()) {
    const m = out.slice(w.from).match(w.re);
    if (m) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(m);
    }
  }
});

// Resolves with the first match of re in the output after `from`.
function waitFor(re, from = 0) {
  return new Promise((resolve) => {
    const m = out.slice(from).match(re);
    if (m) return resolve(m);
    waiters.push({ re, from, resolve });
  });
}

function get(port) {
  return new Promise((resolve, reject) => {
    http.get({ port, host: '127.0.0.1', agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const timer = setTimeout(() => {
  child.kill('SIGKILL');
  assert.fail('timed out; output:\n' + out);
}, 20000);

(async () => {
  const port = Number((await waitFor(/primary \d+ listening on port (\d+)/))[1]);
  assert.ok(port > 0);
  const workers = [...out.matchAll(/worker (\d+) started/g)]
    .map((m) => Number(m[1]));
  assert.strictEqual(workers.length, 2);

  const served = new Set();
  for (let i = 0; i < 6; i++) {
    const m = (await get(port)).match(/^hello from worker (\d+)\n$/);
    assert.ok(m);
    served.add(Number(m[1]));
  }
  for (const pid of served) assert.ok(workers.includes(pid));

  // A killed worker is reported and replaced; the port stays.
  const victim = workers[0];
  const mark = out.length;
  process.kill(victim, 'SIGKILL');
  await waitFor(new RegExp(`worker ${victim} died \\(SIGKILL\\), restarting`),
                mark);
  const m = await waitFor(/worker (\d+) listening on port (\d+)/, mark);
  const fresh = Number(m[1]);
  assert.notStrictEqual(fresh, victim);
  assert.strictEqual(Number(m[2]), port);
  assert.strictEqual(alive(victim), false);
  for (let i = 0; i < 4; i++) {
    assert.match(await get(port), /^hello from worker \d+\n$/);
  }

  child.kill('SIGTERM');
  child.on('exit', common.mustCall((code, signal) => {
    clearTimeout(timer);
    assert.strictEqual(code, 0, out);
    assert.strictEqual(signal, null);
    assert.match(out, /primary \d+ done/);
    for (const pid of [workers[1], fresh]) assert.strictEqual(alive(pid), false);
  }));
})().catch((err) => {
  child.kill('SIGKILL');
  throw err;
});
