'use strict';
// perf_hooks 'http' entries: HttpRequest for each request a server
// answered, HttpClient for each response a client got, with Node's detail.

const common = require('../common');
const assert = require('assert');
const http = require('http');
const { PerformanceObserver, performance } = require('perf_hooks');

const entries = [];
const obs = new PerformanceObserver((list) => {
  entries.push(...list.getEntries());
});
obs.observe({ type: 'http' });

const before = performance.now();
const server = http.createServer((req, res) => {
  res.setHeader('x-a', '1');
  res.end('ok');
});

server.listen(0, common.mustCall(() => {
  const port = server.address().port;
  http.get({ port, path: '/p?q=1', headers: { 'x-h': 'v' } },
           common.mustCall((res) => {
    res.resume();
    res.on('end', common.mustCall(() => {
      server.close();
      setImmediate(check, port);
    }));
  }));
}));

function check(port) {
  obs.disconnect();
  assert.deepStrictEqual(entries.map((e) => e.name),
                         ['HttpRequest', 'HttpClient']);
  for (const e of entries) {
    assert.strictEqual(e.entryType, 'http');
    assert.ok(e.startTime >= before && e.duration >= 0);
  }
  const [server, client] = entries.map((e) => e.detail);
  assert.deepStrictEqual(server.req, {
    method: 'GET', url: '/p?q=1',
    headers: { 'x-h': 'v', 'host': `localhost:${port}`,
               'connection': 'close' },
  });
  assert.strictEqual(server.res.statusCode, 200);
  assert.strictEqual(server.res.statusMessage, 'OK');
  assert.deepStrictEqual({ ...server.res.headers }, { 'x-a': '1' });
  assert.strictEqual(client.req.method, 'GET');
  assert.strictEqual(client.req.url, 'http://localhost/p?q=1');
  assert.deepStrictEqual({ ...client.req.headers },
                         { 'x-h': 'v', 'host': `localhost:${port}` });
  assert.strictEqual(client.res.statusCode, 200);
  assert.strictEqual(client.res.headers['x-a'], '1');
  assert.strictEqual(client.res.headers['content-length'], '2');
}
