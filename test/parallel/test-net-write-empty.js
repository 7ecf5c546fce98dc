'use strict';
// An empty write completes at once: it does not hold back the writes after
// it, so a destroy() right after them still sends them all.
const common = require('../common');
const assert = require('assert');
const net = require('net');

const server = net.createServer((c) => {
  c.write('a\n');
  c.write('', common.mustCall());
  c.write('b\n');
  c.destroy();
});
server.listen(0, '127.0.0.1', common.mustCall(() => {
  const s = net.connect(server.address().port, '127.0.0.1');
  let text = '';
  s.setEncoding('utf8').on('data', (d) => { text += d; });
  s.on('close', common.mustCall(() => {
    assert.strictEqual(text, 'a\nb\n');
    server.close();
  }));
}));
