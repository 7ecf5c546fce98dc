'use strict';
// Our server and our client on loopback: methods, bodies (length and
// chunked, both ways, up to a few MiB), headers in all their forms,
// trailers, status codes, HEAD and 204, 100-continue, 'information',
// and keep-alive socket reuse through an Agent.

const common = require('../common');
const assert = require('assert');
const http = require('http');

const big = Buffer.alloc(3 * 1024 * 1024 + 7);
for (let i = 0; i < big.length; i++) big[i] = (i * 31) & 0xff;

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    switch (req.url) {
      case '/echo':
        res.setHeader('X-Method', req.method);
        res.setHeader('X-Te', req.headers['transfer-encoding'] || 'none');
        res.setHeader('X-Len', req.headers['content-length'] || 'none');
        res.end(body);
        break;
      case '/headers':
        res.setHeader('Set-Cookie', ['a=1', 'b=2']);
        res.setHeader('X-Multi', ['one', 'two']);
        res.appendHeader('X-Multi', 'three');
        res.writeHead(201, 'Made',
                      { 'X-Extra': 'e', 'content-type': 'text/x' });
        res.end(JSON.stringify({ headers: req.headers, raw: req.rawHeaders }));
        break;
      case '/chunked':
        res.write('abc');
        res.write(Buffer.from('def'));
        res.end('ghi');
        break;
      case '/trailers':
        res.writeHead(200, { 'Trailer': 'X-Sum' });
        res.write('data');
        res.addTrailers({ 'X-Sum': '42' });
        res.end();
        break;
      case '/big':
        res.end(big);
        break;
      case '/nocontent':
        res.statusCode = 204;
        res.end();
        break;
      case '/head':
        res.setHeader('Content-Length', 10);
        res.end();
        break;
      case '/early':
        res.writeProcessing();
        res.end('late');
        break;
      default:
        res.statusCode = 404;
        res.end();
    }
  });
});

function request(options, body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ port: server.address().port, ...options },
                             (res) => {
                               const chunks = [];
                               res.on('data', (c) => chunks.push(c));
                               res.on('end', () => {
                                 res.body = Buffer.concat(chunks);
                                 resolve({ req, res });
                               });
                             });
    req.on('error', reject);
    if (Array.isArray(body)) {
      for (const b of body) req.write(b);
      req.end();
    } else {
      req.end(body);
    }
  });
}

server.listen(0, common.mustCall(async () => {
  // A POST with a known length.
  let { res } = await request({ method: 'POST', path: '/echo' }, 'hello');
  assert.strictEqual(res.statusCode, 200);
  assert.strictEqual(res.statusMessage, 'OK');
  assert.strictEqual(res.headers['x-method'], 'POST');
  assert.strictEqual(res.headers['x-len'], '5');
  assert.strictEqual(res.headers['content-length'], '5');
  assert.strictEqual(res.body.toString(), 'hello');
  assert.strictEqual(res.httpVersion, '1.1');
  assert.match(res.headers.date,
               /^\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT$/);

  // Several writes: the request goes out chunked.
  ({ res } = await request({ method: 'PUT', path: '/echo' }, ['a', 'b', 'c']));
  assert.strictEqual(res.headers['x-te'], 'chunked');
  assert.strictEqual(res.body.toString(), 'abc');

  // Headers: case, repeats, arrays, raw form.
  ({ res } = await request({
    path: '/headers',
    headers: { 'X-Case': 'Kept', 'cookie': ['c=1', 'd=2'],
               'X-Dup': ['1', '2'] },
  }));
  assert.strictEqual(res.statusCode, 201);
  assert.strictEqual(res.statusMessage, 'Made');
  assert.deepStrictEqual(res.headers['set-cookie'], ['a=1', 'b=2']);
  assert.strictEqual(res.headers['x-multi'], 'one, two, three');
  assert.strictEqual(res.headers['content-type'], 'text/x');
  assert.strictEqual(res.headers['x-extra'], 'e');
  assert.deepStrictEqual(res.headersDistinct['x-multi'],
                         ['one', 'two', 'three']);
  assert(res.rawHeaders.includes('X-Extra'));
  const seen = JSON.parse(res.body);
  assert.strictEqual(seen.headers['x-case'], 'Kept');
  assert.strictEqual(seen.headers.cookie, 'c=1; d=2');
  assert.strictEqual(seen.headers['x-dup'], '1, 2');
  assert(seen.raw.includes('X-Case'));
  assert.strictEqual(seen.headers.host, `localhost:${server.address().port}`);

  // A chunked response.
  ({ res } = await request({ path: '/chunked' }));
  assert.strictEqual(res.headers['transfer-encoding'], 'chunked');
  assert.strictEqual(res.body.toString(), 'abcdefghi');

  // Trailers.
  ({ res } = await request({ path: '/trailers' }));
  assert.strictEqual(res.body.toString(), 'data');
  assert.deepStrictEqual(res.trailers, { 'x-sum': '42' });
  assert.deepStrictEqual(res.rawTrailers, ['X-Sum', '42']);

  // Large bodies both ways.
  ({ res } = await request({ method: 'POST', path: '/echo' }, big));
  assert(res.body.equals(big));
  ({ res } = await request({ path: '/big' }));
  assert.strictEqual(res.headers['content-length'], String(big.length));
  assert(res.body.equals(big));

  // No body for 204 and HEAD.
  ({ res } = await request({ path: '/nocontent' }));
  assert.strictEqual(res.statusCode, 204);
  assert.strictEqual(res.body.length, 0);
  ({ res } = await request({ method: 'HEAD', path: '/head' }));
  assert.strictEqual(res.headers['content-length'], '10');
  assert.strictEqual(res.body.length, 0);

  // 1xx responses come as 'information'.
  const infos = [];
  await new Promise((resolve) => {
    const req = http.get({ port: server.address().port, path: '/early' },
                         (res) => {
                           res.setEncoding('utf8');
                           let body = '';
                           res.on('data', (c) => body += c);
                           res.on('end', () => {
                             assert.strictEqual(body, 'late');
                             resolve();
                           });
                         });
    req.on('information', (info) => infos.push(info.statusCode));
  });
  assert.deepStrictEqual(infos, [102]);

  // Expect: 100-continue: the body waits for the server's go.
  await new Promise((resolve) => {
    const req = http.request({
      port: server.address().port, method: 'POST', path: '/echo',
      headers: { 'Expect': '100-continue', 'Content-Length': 4 },
    }, (res) => {
      res.setEncoding('utf8');
      res.on('data', common.mustCall((d) => assert.strictEqual(d, 'late')));
      res.on('end', resolve);
    });
    req.on('continue', common.mustCall(() => req.end('late')));
  });

  // A keep-alive agent reuses its socket.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const sockets = new Set();
  const reused = [];
  for (let i = 0; i < 3; i++) {
    const { req } = await request({ path: '/echo', method: 'POST', agent },
                                  String(i));
    sockets.add(req.socket);
    reused.push(req.reusedSocket);
  }
  assert.strictEqual(sockets.size, 1);
  assert.deepStrictEqual(reused, [false, true, true]);
  const name = agent.getName({ host: 'localhost',
                               port: server.address().port });
  assert.strictEqual(agent.freeSockets[name].length, 1);
  agent.destroy();

  // Parallel requests beyond maxSockets wait their turn.
  const limited = new http.Agent({ maxSockets: 2 });
  const all = await Promise.all([0, 1, 2, 3, 4].map((i) =>
    request({ path: '/echo', method: 'POST', agent: limited }, `r${i}`)));
  assert.deepStrictEqual(all.map(({ res }) => res.body.toString()),
                         ['r0', 'r1', 'r2', 'r3', 'r4']);
  limited.destroy();

  server.close();
}));
