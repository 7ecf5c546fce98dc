'use strict';
// Flow control both ways: a writer that outruns the kernel sees write()
// return false, bufferSize/writableLength grow and 'drain' follow; a
// paused reader stops the data and gets all of it, in order, after
// resume(); pauseOnConnect starts a server socket paused.
const common = require('../common');
const { assert } = common;
const net = require('net');

const chunk = Buffer.alloc(64 * 1024, 'x');
const total = 8 * 1024 * 1024;

const server = net.createServer({ pauseOnConnect: true },
                                common.mustCall((sock) => {
  assert.strictEqual(sock.isPaused(), true);
  assert.strictEqual(sock.readableFlowing, false);
  let received = 0;
  let sawData = false;
  sock.on('data', (d) => {
    sawData = true;
    received += d.length;
  });
  // Nothing arrives while paused, even though the client writes a lot.
  sock.pause();
  setTimeout(common.mustCall(() => {
    assert.strictEqual(sawData, false);
    sock.resume();
  }), 100);
  sock.on('end', common.mustCall(() => {
    assert.strictEqual(received, total);
    assert.strictEqual(sock.bytesRead, total);
    sock.end();
  }));
}));

server.listen(0, common.mustCall(() => {
  const client = net.connect(server.address().port);
  let written = 0;
  let sawFalse = false;
  let drains = 0;
  let maxQueued = 0;
  function writeMore() {
    while (written < total) {
      written += chunk.length;
      if (!client.write(chunk)) {
        sawFalse = true;
        // Once the kernel is full, a write stays queued until 'drain'.
        maxQueued = Math.max(maxQueued, client.writableLength);
        assert.strictEqual(client.bufferSize, client.writableLength);
        return;
      }
    }
    client.end();
  }
  client.on('drain', () => {
    drains++;
    writeMore();
  });
  client.on('connect', writeMore);
  client.resume();
  client.on('close', common.mustCall((hadError) => {
    assert.strictEqual(hadError, false);
    assert.ok(sawFalse);
    assert.ok(drains > 0);
    assert.ok(maxQueued > 0);
    assert.strictEqual(client.bytesWritten, total);
    server.close();
  }));
}));
