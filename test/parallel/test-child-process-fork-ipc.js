'use strict';
// fork(): a child joined by an IPC channel. Messages both ways (large ones
// too), internal messages, disconnect from either side, the errors of a
// closed channel, and the child's view (no channel variables in its env).
const common = require('../common');
const assert = require('assert');
const { fork } = require('child_process');

if (process.argv[2] === 'child') {
  process.on('message', (m) => {
    if (m === 'env') {
      process.send({ fd: process.env.NODE_CHANNEL_FD,
                     mode: process.env.NODE_CHANNEL_SERIALIZATION_MODE,
                     connected: process.connected,
                     hasChannel: typeof process.channel.ref });
    } else if (m === 'internal') {
      process.send({ cmd: 'NODE_TEST', x: 1 });
      process.send('after internal');
    } else if (m === 'quit') {
      process.disconnect();
      assert.strictEqual(process.connected, false);
      process.send('late', common.mustCall((err) => {
        assert.strictEqual(err.code, 'ERR_IPC_CHANNEL_CLOSED');
      }));
    } else {
      process.send({ echo: m });
    }
  });
  process.send('ready');
  return;
}

if (process.argv[2] === 'quiet') {
  // No 'message' listener: the channel does not keep this child alive.
  console.log('quiet child done');
  return;
}

assert.throws(() => fork(1), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => fork(__filename, 5), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => fork(__filename, [], { stdio: ['pipe', 'pipe', 'pipe'] }),
              { code: 'ERR_CHILD_PROCESS_IPC_REQUIRED' });
assert.throws(() => fork(__filename, [], { serialization: 'x' }),
              { code: 'ERR_INVALID_ARG_VALUE' });

const big = 'é'.repeat(200000);  // many reads, split inside characters
const child = fork(__filename, ['child']);
const got = [];
child.on('internalMessage', common.mustCall((m) => {
  assert.deepStrictEqual(m, { cmd: 'NODE_TEST', x: 1 });
}));
child.on('message', (m) => {
  got.push(m);
  if (m === 'ready') {
    assert.throws(() => child.send(undefined), { code: 'ERR_MISSING_ARGS' });
    child.send('env');
  } else if (m.fd !== undefined || m.mode !== undefined) {
    assert.fail('the channel variables leaked into the child');
  } else if (m.connected) {
    assert.deepStrictEqual(m, { connected: true, hasChannel: 'function' });
    assert.strictEqual(child.send({ n: [1, null, 'x'] }), true);
    child.send(big, common.mustCall((err) => assert.strictEqual(err, null)));
  } else if (m.echo && m.echo.n) {
    assert.deepStrictEqual(m.echo, { n: [1, null, 'x'] });
  } else if (m.echo === big) {
    child.send('internal');
  } else if (m === 'after internal') {
    child.send('quit');
  }
});
const events = [];
child.on('disconnect', common.mustCall(() => {
  events.push('disconnect');
  assert.strictEqual(child.connected, false);
  child.send('x', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ERR_IPC_CHANNEL_CLOSED');
  }));
  child.once('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ERR_IPC_DISCONNECTED');
  }));
  child.disconnect();
}));
child.on('exit', common.mustCall((code, signal) => {
  events.push('exit');
  assert.strictEqual(code, 0);
  assert.strictEqual(signal, null);
}));
child.on('close', common.mustCall(() => {
  assert.deepStrictEqual(events.sort(), ['disconnect', 'exit']);
  assert.strictEqual(got.length, 5);
}));

const quiet = fork(__filename, ['quiet'], { silent: true });
let out = '';
quiet.stdout.setEncoding('utf8').on('data', (d) => { out += d; });
quiet.on('close', common.mustCall((code) => {
  assert.strictEqual(code, 0);
  assert.strictEqual(out, 'quiet child done\n');
}));
