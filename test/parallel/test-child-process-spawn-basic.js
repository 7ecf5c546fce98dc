'use strict';
// spawn() with pipes: output, the order of 'spawn', 'exit' and 'close',
// exit codes, stdin piping, and the fields of a ChildProcess.
const { assert, mustCall, mustNotCall } = require('../common');
const { spawn, ChildProcess } = require('child_process');

{
  const events = [];
  const child = spawn('sh', ['-c', 'echo out; echo err >&2; exit 3']);
  assert.ok(child instanceof ChildProcess);
  assert.strictEqual(typeof child.pid, 'number');
  assert.ok(child.pid > 0);
  assert.strictEqual(child.exitCode, null);
  assert.strictEqual(child.signalCode, null);
  assert.strictEqual(child.killed, false);
  assert.strictEqual(child.spawnfile, 'sh');
  assert.deepStrictEqual(child.spawnargs, ['sh', '-c',
    'echo out; echo err >&2; exit 3']);
  assert.strictEqual(child.stdio.length, 3);
  assert.strictEqual(child.stdio[0], child.stdin);
  assert.strictEqual(child.stdio[1], child.stdout);
  assert.strictEqual(child.stdio[2], child.stderr);
  assert.strictEqual(child.stdin.writable, true);
  assert.strictEqual(child.stdout.readable, true);
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => {
    assert.ok(Buffer.isBuffer(d));
    err += d;
  });
  child.on('spawn', mustCall(() => events.push('spawn')));
  child.on('exit', mustCall((code, signal) => {
    events.push('exit');
    assert.strictEqual(code, 3);
    assert.strictEqual(signal, null);
    assert.strictEqual(child.exitCode, 3);
  }));
  child.on('close', mustCall((code, signal) => {
    events.push('close');
    assert.strictEqual(code, 3);
    assert.strictEqual(signal, null);
    assert.strictEqual(out, 'out\n');
    assert.strictEqual(err, 'err\n');
    assert.deepStrictEqual(events, ['spawn', 'exit', 'close']);
  }));
  child.on('error', mustNotCall());
}

// stdin piped through cat, in several writes, then ended.
{
  const child = spawn('cat');
  const chunks = [];
  child.stdout.on('data', (d) => chunks.push(d));
  child.stdin.write('hello ');
  child.stdin.write(Buffer.from('wor'));
  child.stdin.write(new Uint8Array([108, 100]));
  child.stdin.end('\u00e9\n');
  child.on('close', mustCall((code) => {
    assert.strictEqual(code, 0);
    assert.strictEqual(Buffer.concat(chunks).toString(), 'hello world\u00e9\n');
  }));
}

// A large amount of data both ways.
{
  const child = spawn('cat');
  const big = Buffer.alloc(1024 * 1024, 'abcdefgh');
  let received = 0;
  child.stdout.on('data', (d) => { received += d.length; });
  child.stdin.end(big);
  child.on('close', mustCall((code) => {
    assert.strictEqual(code, 0);
    assert.strictEqual(received, big.length);
  }));
}

// Output nobody reads does not keep 'close' from coming.
{
  const child = spawn('sh', ['-c', 'echo ignored']);
  child.on('close', mustCall((code) => assert.strictEqual(code, 0)));
}
