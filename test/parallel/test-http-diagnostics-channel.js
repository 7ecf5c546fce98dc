'use strict';
// http's built-in diagnostics channels: each published once per request,
// with Node's message fields and at Node 18's point in the event order.

const common = require('../common');
const assert = require('assert');
const dc = require('diagnostics_channel');
const http = require('http');

const log = [];
const seen = {};
for (const name of ['http.client.request.start',
                    'http.client.response.finish',
                    'http.server.request.start',
                    'http.server.response.finish']) {
  dc.subscribe(name, (message, channelName) => {
    assert.strictEqual(channelName, name);
    log.push(`${name} ${Object.keys(message).join(',')}`);
    seen[name] = message;
  });
}

const server = http.createServer(common.mustCall((req, res) => {
  log.push('request');
  const start = seen['http.server.request.start'];
  assert.strictEqual(start.request, req);
  assert.strictEqual(start.response, res);
  assert.strictEqual(start.socket, req.socket);
  assert.strictEqual(start.server, server);
  res.on('finish', () => log.push('response finish'));
  res.end('ok');
}));

server.listen(0, common.mustCall(() => {
  const req = http.get({ port: server.address().port },
                       common.mustCall((res) => {
    log.push('response');
    const finish = seen['http.client.response.finish'];
    assert.strictEqual(finish.request, req);
    assert.strictEqual(finish.response, res);
    res.resume();
    res.on('end', common.mustCall(() => {
      assert.strictEqual(seen['http.client.request.start'].request, req);
      assert.strictEqual(seen['http.server.response.finish'].response
        .statusCode, 200);
      assert.deepStrictEqual(log, [
        'socket',
        'http.client.request.start request',
        'request finish',
        'http.server.request.start request,response,socket,server',
        'request',
        'http.server.response.finish request,response,socket,server',
        'response finish',
        'http.client.response.finish request,response',
        'response',
      ]);
      server.close();
    }));
  }));
  req.on('socket', () => log.push('socket'));
  req.on('finish', () => log.push('request finish'));
}));
