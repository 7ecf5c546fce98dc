'use strict';
// allowHalfOpen: a server socket that allows it keeps writing after the
// peer's end; one that does not ends its side itself and later writes
// fail with EPIPE. end() sends a FIN and waits; destroy() closes at once.
const common = require('../common');
const { assert } = common;
const net = require('net');

function run(allowHalfOpen, done) {
  const server = net.createServer({ allowHalfOpen },
                                  common.mustCall((sock) => {
    sock.resume();
    sock.on('end', common.mustCall(() => {
      if (allowHalfOpen) {
        assert.strictEqual(sock.writable, true);
        assert.strictEqual(sock.readyState, 'writeOnly');
        // Still able to answer after the client's FIN.
        setTimeout(() => sock.end('late reply'), 20);
      } else {
        // Node ends the writable side on its own.
        setImmediate(common.mustCall(() => {
          assert.strictEqual(sock.writableEnded, true);
          sock.write('too late', common.mustCall((err) => {
            assert.strictEqual(err.code, 'EPIPE');
            assert.strictEqual(err.message,
                               'This socket has been ended by the other party');
          }));
        }));
      }
    }));
    sock.on('close', common.mustCall(() => server.close(done)));
  }));
  server.listen(0, common.mustCall(() => {
    const c = net.connect({ port: server.address().port,
                            allowHalfOpen: true });
    let got = '';
    c.setEncoding('latin1');
    c.on('data', (d) => { got += d; });
    c.on('connect', () => c.end());
    c.on('end', common.mustCall(() => {
      assert.strictEqual(got, allowHalfOpen ? 'late reply' : '');
    }));
    c.on('finish', common.mustCall());
  }));
}

run(true, common.mustCall(() => {
  run(false, common.mustCall(() => {
    // destroy() drops queued data and closes at once; the peer sees an end
    // or a reset, never the data written after destroy.
    const server = net.createServer(common.mustCall((sock) => {
      sock.on('data', common.mustNotCall());
      sock.on('error', () => {});
      sock.on('close', common.mustCall(() => server.close()));
    }));
    server.listen(0, common.mustCall(() => {
      const c = net.connect(server.address().port, common.mustCall(() => {
        c.destroy();
        assert.strictEqual(c.destroyed, true);
        c.write('ignored', common.mustCall((err) => {
          assert.strictEqual(err.code, 'ERR_STREAM_DESTROYED');
        }));
      }));
      c.on('error', common.mustNotCall());
      c.on('close', common.mustCall((hadError) => {
        assert.strictEqual(hadError, false);
      }));
    }));
  }));
}));
