'use strict';
// fs's callback forms: failures reach the callback as Node's system errors,
// and a missing callback or a bad argument throws at once.
const { assert, mustCall, mustNotCall } = require('../common');
const fs = require('fs');
const path = require('path');
const os = require('os');

const missing = path.join(os.tmpdir(), `nr-fs-async-none-${process.pid}`);

function expectSysError(code, syscall, extra = {}) {
  return mustCall((err, value) => {
    assert.ok(err instanceof Error);
    assert.strictEqual(err.code, code);
    assert.strictEqual(err.syscall, syscall);
    assert.strictEqual(typeof err.errno, 'number');
    assert.ok(err.errno < 0);
    assert.strictEqual(err.path, extra.path ?? missing);
    if (extra.dest) assert.strictEqual(err.dest, extra.dest);
    assert.ok(err.message.startsWith(`${code}: `), err.message);
    assert.strictEqual(value, undefined);
  });
}

fs.readFile(missing, expectSysError('ENOENT', 'open'));
fs.stat(missing, expectSysError('ENOENT', 'stat'));
fs.lstat(missing, expectSysError('ENOENT', 'lstat'));
fs.readdir(missing, expectSysError('ENOENT', 'scandir'));
fs.rmdir(missing, expectSysError('ENOENT', 'rmdir'));
fs.unlink(missing, expectSysError('ENOENT', 'unlink'));
fs.access(missing, expectSysError('ENOENT', 'access'));
// The callback form resolves one component at a time, as in Node.
fs.realpath(missing, expectSysError('ENOENT', 'lstat'));
fs.promises.realpath(missing).then(mustNotCall(), expectSysError('ENOENT',
  'realpath'));
fs.open(missing, 'r', expectSysError('ENOENT', 'open'));
fs.mkdir(path.join(missing, 'x'), expectSysError('ENOENT', 'mkdir',
  { path: path.join(missing, 'x') }));
fs.rename(missing, `${missing}-2`, expectSysError('ENOENT', 'rename',
  { dest: `${missing}-2` }));
fs.writeFile(path.join(missing, 'x'), 'data', expectSysError('ENOENT', 'open',
  { path: path.join(missing, 'x') }));
fs.mkdir(os.tmpdir(), mustCall((err) => {
  assert.strictEqual(err.code, 'EEXIST');
}));
fs.fstat(2 ** 30, mustCall((err) => {
  assert.strictEqual(err.code, 'EBADF');
  assert.strictEqual(err.syscall, 'fstat');
}));
fs.close(2 ** 30, mustCall((err) => assert.strictEqual(err.code, 'EBADF')));
fs.read(2 ** 30, Buffer.alloc(1), 0, 1, null, mustCall((err) => {
  assert.strictEqual(err.code, 'EBADF');
  assert.strictEqual(err.syscall, 'read');
}));
fs.exists(missing, mustCall((yes) => assert.strictEqual(yes, false)));

// Without a callback: Node's TypeError, thrown synchronously.
const cbMessage = 'The "cb" argument must be of type function. ' +
  'Received undefined';
for (const [name, args] of [
  ['readFile', [missing]], ['writeFile', [missing, 'x']],
  ['appendFile', [missing, 'x']], ['stat', [missing]], ['lstat', [missing]],
  ['fstat', [0]], ['readdir', [missing]], ['mkdir', [missing]],
  ['rmdir', [missing]], ['unlink', [missing]],
  ['rename', [missing, missing]], ['access', [missing]],
  ['exists', [missing]], ['realpath', [missing]], ['open', [missing]],
  ['read', [0, Buffer.alloc(1), 0, 1, 0]], ['write', [1, Buffer.alloc(1)]],
]) {
  assert.throws(() => fs[name](...args), {
    name: 'TypeError',
    code: 'ERR_INVALID_ARG_TYPE',
    message: cbMessage,
  }, name);
}

// A bad path throws too, and the callback never runs.
assert.throws(() => fs.stat(42, mustNotCall()), {
  code: 'ERR_INVALID_ARG_TYPE',
});
assert.throws(() => fs.readdir({}, mustNotCall()), {
  code: 'ERR_INVALID_ARG_TYPE',
});
