'use strict';
// kill(): signals, 'exit' with a signal name, killed, and bad signals.
const { assert, mustCall } = require('../common');
const { spawn } = require('child_process');

{
  const child = spawn('sleep', ['10']);
  child.on('spawn', mustCall(() => {
    assert.strictEqual(child.kill(), true);
    assert.strictEqual(child.killed, true);
  }));
  child.on('exit', mustCall((code, signal) => {
    assert.strictEqual(code, null);
    assert.strictEqual(signal, 'SIGTERM');
    assert.strictEqual(child.signalCode, 'SIGTERM');
    assert.strictEqual(child.exitCode, null);
  }));
  child.on('close', mustCall((code, signal) => {
    assert.strictEqual(code, null);
    assert.strictEqual(signal, 'SIGTERM');
    // Once it is gone, kill() has nothing to signal.
    assert.strictEqual(child.kill(), false);
  }));
}

{
  const child = spawn('sleep', ['10']);
  assert.strictEqual(child.kill(9), true);
  child.on('exit', mustCall((code, signal) => {
    assert.strictEqual(signal, 'SIGKILL');
  }));
}

{
  const child = spawn('sleep', ['10']);
  assert.throws(() => child.kill('SIGNOPE'), {
    code: 'ERR_UNKNOWN_SIGNAL', name: 'TypeError',
    message: 'Unknown signal: SIGNOPE',
  });
  assert.throws(() => child.kill(12345), { code: 'ERR_UNKNOWN_SIGNAL' });
  assert.strictEqual(child.kill('SIGINT'), true);
  child.on('exit', mustCall((code, signal) => {
    assert.strictEqual(signal, 'SIGINT');
  }));
}
