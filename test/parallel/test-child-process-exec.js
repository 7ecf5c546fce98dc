'use strict';
// exec() and execFile(): callbacks, encodings, errors, maxBuffer, timeout,
// and their promisified forms.
const { assert, mustCall } = require('../common');
const { exec, execFile } = require('child_process');
const { promisify } = require('util');

exec('echo hello; echo oops >&2', mustCall((err, stdout, stderr) => {
  assert.strictEqual(err, null);
  assert.strictEqual(stdout, 'hello\n');
  assert.strictEqual(stderr, 'oops\n');
}));

exec('echo buf', { encoding: 'buffer' }, mustCall((err, stdout, stderr) => {
  assert.strictEqual(err, null);
  assert.ok(Buffer.isBuffer(stdout));
  assert.strictEqual(stdout.toString(), 'buf\n');
  assert.ok(Buffer.isBuffer(stderr));
}));

exec('echo hex', { encoding: 'hex' }, mustCall((err, stdout) => {
  assert.strictEqual(stdout, Buffer.from('hex\n').toString('hex'));
}));

exec('echo partial; echo bad >&2; exit 7', mustCall((err, stdout, stderr) => {
  assert.ok(err instanceof Error);
  assert.strictEqual(err.message,
                     'Command failed: echo partial; echo bad >&2; exit 7\n' +
                     'bad\n');
  assert.strictEqual(err.code, 7);
  assert.strictEqual(err.killed, false);
  assert.strictEqual(err.signal, null);
  assert.strictEqual(err.cmd, 'echo partial; echo bad >&2; exit 7');
  assert.strictEqual(stdout, 'partial\n');
  assert.strictEqual(stderr, 'bad\n');
}));

execFile('sh', ['-c', 'echo "$1-$2"', 'x', 'a b', 'c'],
         mustCall((err, stdout) => {
           assert.strictEqual(err, null);
           assert.strictEqual(stdout, 'a b-c\n');
         }));

execFile('sh', ['-c', 'exit 1'], mustCall((err) => {
  assert.strictEqual(err.message, 'Command failed: sh -c exit 1\n');
  assert.strictEqual(err.code, 1);
  assert.strictEqual(err.cmd, 'sh -c exit 1');
}));

execFile('noderun-no-such-program', ['a'], mustCall((err, stdout, stderr) => {
  assert.strictEqual(err.code, 'ENOENT');
  assert.strictEqual(err.message, 'spawn noderun-no-such-program ENOENT');
  assert.strictEqual(err.cmd, 'noderun-no-such-program a');
  assert.strictEqual(stdout, '');
  assert.strictEqual(stderr, '');
}));

exec('yes | head -c 100000', { maxBuffer: 10 }, mustCall((err, stdout) => {
  assert.strictEqual(err.code, 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER');
  assert.strictEqual(err.name, 'RangeError');
  assert.strictEqual(err.message, 'stdout maxBuffer length exceeded');
  assert.strictEqual(stdout, 'y\ny\ny\ny\ny\n');
}));

exec('sleep 5', { timeout: 50 }, mustCall((err, stdout) => {
  assert.strictEqual(err.killed, true);
  assert.strictEqual(err.signal, 'SIGTERM');
  assert.strictEqual(err.code, null);
  assert.strictEqual(err.message, 'Command failed: sleep 5\n');
}));

const child = exec('cat', mustCall((err, stdout) => {
  assert.strictEqual(stdout, 'piped in');
}));
child.stdin.end('piped in');

assert.throws(() => exec(1), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => execFile('sh', [], { maxBuffer: -1 }),
              { code: 'ERR_OUT_OF_RANGE' });

// Promisified: { stdout, stderr }, or the error carrying both.
(async () => {
  const pexec = promisify(exec);
  const pexecFile = promisify(execFile);
  const p = pexec('echo p1');
  assert.ok(p.child);
  assert.deepStrictEqual(await p, { stdout: 'p1\n', stderr: '' });
  assert.deepStrictEqual(await pexecFile('sh', ['-c', 'echo p2 >&2']),
                         { stdout: '', stderr: 'p2\n' });
  await assert.rejects(pexec('echo o; echo e >&2; exit 2'), (err) => {
    assert.strictEqual(err.code, 2);
    assert.strictEqual(err.stdout, 'o\n');
    assert.strictEqual(err.stderr, 'e\n');
    return true;
  });
})().then(mustCall());
