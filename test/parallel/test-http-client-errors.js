'use strict';
// How client requests fail: a refused connection, a server that hangs up,
// a response cut short, AbortSignal, destroy(), timeouts, and bad options.

const common = require('../common');
const assert = require('assert');
const http = require('http');
const net = require('net');

// Bad options throw at once.
assert.throws(() => http.request({ method: 'B@D' }),
              { code: 'ERR_INVALID_HTTP_TOKEN' });
assert.throws(() => http.request({ path: '/a b' }),
              { code: 'ERR_UNESCAPED_CHARACTERS' });
assert.throws(() => http.request('ftp://x/'),
              { code: 'ERR_INVALID_PROTOCOL' });
assert.throws(() => http.request({ agent: 42 }),
              { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => http.request({ headers: { 'a b': 'c' }, port: 1 }),
              { code: 'ERR_INVALID_HTTP_TOKEN' });
assert.throws(() => http.request({ headers: { a: 'b\nc' }, port: 1 }),
              { code: 'ERR_INVALID_CHAR' });

// Nothing listens: ECONNREFUSED.
{
  const probe = net.createServer();
  probe.listen(0, common.mustCall(() => {
    const { port } = probe.address();
    probe.close(common.mustCall(() => {
      const req = http.get({ port, host: '127.0.0.1' }, common.mustNotCall());
      req.on('error', common.mustCall((err) => {
        assert.strictEqual(err.code, 'ECONNREFUSED');
        assert.strictEqual(err.syscall, 'connect');
      }));
      req.on('close', common.mustCall());
    }));
  }));
}

const server = http.createServer((req, res) => {
  switch (req.url) {
    case '/hangup':
      req.socket.destroy();
      break;
    case '/cut':
      res.writeHead(200, { 'Content-Length': 100 });
      res.write('only part');
      setTimeout(() => req.socket.destroy(), 20);
      break;
    case '/slow':
      setTimeout(() => res.end('late'), 2000).unref();
      break;
    default:
      res.end('ok');
  }
});

function get(path, options = {}) {
  return http.get({ port: server.address().port, path, ...options });
}

server.listen(0, common.mustCall(async () => {
  // The server closes without answering: 'socket hang up'.
  await new Promise((resolve) => {
    const req = get('/hangup', {}, common.mustNotCall());
    req.on('error', common.mustCall((err) => {
      assert.strictEqual(err.code, 'ECONNRESET');
      assert.strictEqual(err.message, 'socket hang up');
    }));
    req.on('close', resolve);
  });

  // The body is cut short: the response is aborted.
  await new Promise((resolve) => {
    get('/cut').on('response', common.mustCall((res) => {
      res.on('data', () => {});
      res.on('aborted', common.mustCall());
      res.on('error', common.mustCall((err) => {
        assert.strictEqual(err.code, 'ECONNRESET');
        assert.strictEqual(err.message, 'aborted');
      }));
      res.on('close', common.mustCall(() => {
        assert.strictEqual(res.complete, false);
        resolve();
      }));
    }));
  });

  // An AbortSignal cancels the request.
  await new Promise((resolve) => {
    const ac = new AbortController();
    const req = get('/slow', { signal: ac.signal });
    req.on('response', common.mustNotCall());
    req.on('error', common.mustCall((err) => {
      assert.strictEqual(err.name, 'AbortError');
      assert.strictEqual(err.code, 'ABORT_ERR');
    }));
    req.on('close', common.mustCall(resolve));
    setTimeout(() => ac.abort(), 20);
  });

  // An already aborted signal.
  await new Promise((resolve) => {
    const ac = new AbortController();
    ac.abort();
    const req = get('/', { signal: ac.signal });
    req.on('error', common.mustCall((err) => {
      assert.strictEqual(err.name, 'AbortError');
    }));
    req.on('close', common.mustCall(resolve));
  });

  // destroy(err) reports err.
  await new Promise((resolve) => {
    const req = get('/slow');
    req.on('error', common.mustCall((err) => {
      assert.strictEqual(err.message, 'mine');
    }));
    req.on('close', common.mustCall(resolve));
    req.on('socket', () => {
      setTimeout(() => req.destroy(new Error('mine')), 10);
    });
  });

  // A timeout is an event; the request decides what to do.
  await new Promise((resolve) => {
    const req = get('/slow', { timeout: 50 });
    req.on('timeout', common.mustCall(() => {
      assert.strictEqual(req.destroyed, false);
      req.destroy();
    }));
    req.on('error', common.mustCall((err) => {
      assert.strictEqual(err.message, 'socket hang up');
    }));
    req.on('close', common.mustCall(resolve));
  });

  // setTimeout() on the request, after the fact.
  await new Promise((resolve) => {
    const req = get('/slow');
    req.setTimeout(30, common.mustCall(() => req.abort()));
    req.on('abort', common.mustCall());
    req.on('error', () => {});
    req.on('close', common.mustCall(resolve));
  });

  // And an ordinary request still works.
  await new Promise((resolve) => {
    get('/', {}).on('response', common.mustCall((res) => {
      res.setEncoding('utf8');
      res.on('data', common.mustCall((d) => assert.strictEqual(d, 'ok')));
      res.on('end', resolve);
    }));
  });
  server.close();
}));
