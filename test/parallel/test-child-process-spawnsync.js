'use strict';
// spawnSync(), execSync() and execFileSync(): results, input, errors,
// timeout, maxBuffer, encodings and stdio.
const { assert } = require('../common');
const { spawnSync, execSync, execFileSync } = require('child_process');

{
  const r = spawnSync('sh', ['-c', 'echo out; echo err >&2; exit 2']);
  assert.deepStrictEqual(Object.keys(r),
                         ['status', 'signal', 'output', 'pid', 'stdout',
                          'stderr']);
  assert.strictEqual(r.status, 2);
  assert.strictEqual(r.signal, null);
  assert.ok(r.pid > 0);
  assert.strictEqual(r.output[0], null);
  assert.ok(Buffer.isBuffer(r.stdout));
  assert.strictEqual(r.stdout.toString(), 'out\n');
  assert.strictEqual(r.stderr.toString(), 'err\n');
  assert.strictEqual(r.output[1], r.stdout);
}

{
  const r = spawnSync('cat', { input: 'fed in', encoding: 'utf8' });
  assert.strictEqual(r.status, 0);
  assert.strictEqual(r.stdout, 'fed in');
  assert.strictEqual(r.stderr, '');
  const r2 = spawnSync('cat', { input: new Uint8Array([104, 105]) });
  assert.strictEqual(r2.stdout.toString(), 'hi');
}

{
  const r = spawnSync('noderun-no-such-program', ['x']);
  assert.strictEqual(r.error.code, 'ENOENT');
  assert.strictEqual(r.error.message, 'spawnSync noderun-no-such-program ENOENT');
  assert.strictEqual(r.error.syscall, 'spawnSync noderun-no-such-program');
  assert.strictEqual(r.error.path, 'noderun-no-such-program');
  assert.deepStrictEqual(r.error.spawnargs, ['x']);
  assert.strictEqual(r.status, null);
  assert.strictEqual(r.output, null);
  assert.strictEqual(r.pid, 0);
}

{
  const start = Date.now();
  const r = spawnSync('sleep', ['5'], { timeout: 100 });
  assert.ok(Date.now() - start < 4000);
  assert.strictEqual(r.error.code, 'ETIMEDOUT');
  assert.strictEqual(r.error.message, 'spawnSync sleep ETIMEDOUT');
  assert.strictEqual(r.status, null);
  assert.strictEqual(r.signal, 'SIGTERM');
  const r2 = spawnSync('sleep', ['5'], { timeout: 100, killSignal: 'SIGKILL' });
  assert.strictEqual(r2.signal, 'SIGKILL');
}

{
  // `yes` never ends by itself, so the kill for maxBuffer always happens.
  const r = spawnSync('yes', [], { maxBuffer: 100 });
  assert.strictEqual(r.error.code, 'ENOBUFS');
  assert.strictEqual(r.signal, 'SIGTERM');
  assert.ok(r.stdout.length > 0);
}

{
  const r = spawnSync('sh', ['-c', 'kill -9 $$']);
  assert.strictEqual(r.status, null);
  assert.strictEqual(r.signal, 'SIGKILL');
}

{
  const r = spawnSync('sh', ['-c', 'echo $X'], { env: { X: 'from-env' },
                                                 encoding: 'utf8',
                                                 cwd: '/' });
  assert.strictEqual(r.stdout, 'from-env\n');
  const r2 = spawnSync('pwd', { cwd: '/', encoding: 'utf8' });
  assert.strictEqual(r2.stdout, '/\n');
}

{
  const r = spawnSync('sh', ['-c', 'echo x'], { stdio: 'ignore' });
  assert.strictEqual(r.status, 0);
  assert.deepStrictEqual(r.output, [null, null, null]);
  const r2 = spawnSync('sh', ['-c', 'exit 0'], { stdio: 'inherit' });
  assert.strictEqual(r2.status, 0);
}

// execSync: stdout back; a failure throws "Command failed".
assert.strictEqual(execSync('echo sync').toString(), 'sync\n');
assert.strictEqual(execSync('echo $((1 + 2))', { encoding: 'utf8' }), '3\n');
assert.strictEqual(execSync('cat', { input: 'in' }).toString(), 'in');
assert.throws(() => execSync('echo o; echo e >&2; exit 3', { stdio: 'pipe' }),
              (err) => {
                assert.strictEqual(err.message,
                                   'Command failed: echo o; echo e >&2; ' +
                                   'exit 3\ne\n');
                assert.strictEqual(err.status, 3);
                assert.strictEqual(err.signal, null);
                assert.strictEqual(err.stdout.toString(), 'o\n');
                assert.strictEqual(err.stderr.toString(), 'e\n');
                assert.deepStrictEqual(err.output.map(String),
                                       ['null', 'o\n', 'e\n']);
                assert.ok(err.pid > 0);
                return true;
              });

// execFileSync.
assert.strictEqual(execFileSync('sh', ['-c', 'echo "$0"', 'arg'],
                                { encoding: 'utf8' }), 'arg\n');
assert.throws(() => execFileSync('sh', ['-c', 'exit 4'], { stdio: 'pipe' }),
              { message: 'Command failed: sh -c exit 4', status: 4 });
assert.throws(() => execFileSync('noderun-no-such-program'), {
  code: 'ENOENT', syscall: 'spawnSync noderun-no-such-program',
});
assert.throws(() => spawnSync('sh', [], { input: 5 }), {
  code: 'ERR_INVALID_ARG_TYPE',
});
assert.throws(() => spawnSync('sh', [], { timeout: 'x' }), {
  code: 'ERR_OUT_OF_RANGE',
});
