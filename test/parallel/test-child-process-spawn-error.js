'use strict';
// A program that cannot be found: 'error' (ENOENT) then 'close' with -2,
// no 'exit'; and the argument checks of spawn().
const { assert, mustCall, mustNotCall } = require('../common');
const { spawn } = require('child_process');

{
  const child = spawn('noderun-no-such-program', ['a', 'b']);
  assert.strictEqual(child.pid, undefined);
  child.on('spawn', mustNotCall());
  child.on('exit', mustNotCall());
  child.on('error', mustCall((err) => {
    assert.strictEqual(err.message, 'spawn noderun-no-such-program ENOENT');
    assert.strictEqual(err.code, 'ENOENT');
    assert.strictEqual(err.errno, -2);
    assert.strictEqual(err.syscall, 'spawn noderun-no-such-program');
    assert.strictEqual(err.path, 'noderun-no-such-program');
    assert.deepStrictEqual(err.spawnargs, ['a', 'b']);
    assert.deepStrictEqual(Object.keys(err),
                           ['errno', 'code', 'syscall', 'path', 'spawnargs']);
  }));
  child.on('close', mustCall((code, signal) => {
    assert.strictEqual(code, -2);
    assert.strictEqual(signal, null);
  }));
}

// A missing working directory is ENOENT too.
{
  const child = spawn('sh', ['-c', 'true'], { cwd: '/no/such/dir/here' });
  child.on('error', mustCall((err) => assert.strictEqual(err.code, 'ENOENT')));
}

assert.throws(() => spawn(), {
  code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError',
  message: 'The "file" argument must be of type string. Received undefined',
});
assert.throws(() => spawn(''), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'file' cannot be empty. Received ''",
});
assert.throws(() => spawn('sh', 'x'), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => spawn('sh', [], 'x'), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => spawn('sh', ['a\u0000b']), {
  code: 'ERR_INVALID_ARG_VALUE',
});
assert.throws(() => spawn('sh', [], { cwd: 1 }), {
  code: 'ERR_INVALID_ARG_TYPE',
});
assert.throws(() => spawn('sh', [], { stdio: 'bogus' }), {
  code: 'ERR_INVALID_ARG_VALUE',
});
assert.throws(() => spawn('sh', [], { timeout: -1 }), {
  code: 'ERR_OUT_OF_RANGE',
});
assert.throws(() => spawn('sh', [], { killSignal: 'NOPE' }), {
  code: 'ERR_UNKNOWN_SIGNAL',
});
assert.throws(() => spawn('sh', [], { signal: {} }), {
  code: 'ERR_INVALID_ARG_TYPE',
});
assert.throws(() => spawn('sh', [], { detached: 1 }), {
  code: 'ERR_INVALID_ARG_TYPE',
});
