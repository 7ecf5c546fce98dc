'use strict';
// Megabytes both ways over TLS at once, with the reading side paused for a
// while: writes must report backpressure and everything must arrive
// intact. Both sides allow half-open connections, as each ends on its own.

const common = require('../common');
const assert = require('assert');
const crypto = require('crypto');
const fs = require('fs');
const tls = require('tls');

const F = (name) => fs.readFileSync(common.fixtures.path('tls', name));
const SIZE = 4 * 1024 * 1024;
const up = crypto.randomBytes(SIZE);
const down = crypto.randomBytes(SIZE);
const digest = (b) => crypto.createHash('sha256').update(b).digest('hex');

// Writes buf in 64 KiB pieces, honouring write()'s return value.
function pump(stream, buf, cb) {
  let off = 0;
  let sawBackpressure = false;
  (function next() {
    while (off < buf.length) {
      const piece = buf.subarray(off, off + 65536);
      off += piece.length;
      if (!stream.write(piece)) {
        sawBackpressure = true;
        stream.once('drain', next);
        return;
      }
    }
    stream.end();
    cb(sawBackpressure);
  })();
}

function collect(stream, cb) {
  const chunks = [];
  stream.on('data', (c) => chunks.push(c));
  stream.on('end', () => cb(Buffer.concat(chunks)));
}

const server = tls.createServer({
  allowHalfOpen: true,
  key: F('server-key.pem'),
  cert: F('server-cert.pem'),
}, common.mustCall((socket) => {
  // Read nothing for a while: the client must feel it.
  socket.pause();
  setTimeout(() => socket.resume(), 200);
  collect(socket, common.mustCall((buf) => {
    assert.strictEqual(buf.length, SIZE);
    assert.strictEqual(digest(buf), digest(up));
  }));
  pump(socket, down, common.mustCall());
}));

server.listen(0, common.mustCall(() => {
  const client = tls.connect({
    port: server.address().port,
    host: 'localhost',
    ca: F('ca-cert.pem'),
    allowHalfOpen: true,
  }, common.mustCall(() => {
    pump(client, up, common.mustCall((sawBackpressure) => {
      assert.strictEqual(sawBackpressure, true);
    }));
  }));
  collect(client, common.mustCall((buf) => {
    assert.strictEqual(buf.length, SIZE);
    assert.strictEqual(digest(buf), digest(down));
  }));
  client.on('close', common.mustCall(() => server.close()));
}));
