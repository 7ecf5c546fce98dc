'use strict';
// open/close/read/write (buffer and string forms, positions), readv and
// writev, in the callback, sync and FileHandle forms, with their errors.
const { assert, mustCall, tmpdir } = require('../common');
const fs = require('fs');

tmpdir.refresh();
const file = tmpdir.resolve('io.txt');

// Sync: write a buffer at positions, a string with an encoding, read back.
let fd = fs.openSync(file, 'w+');
assert.strictEqual(fs.writeSync(fd, Buffer.from('hello world')), 11);
assert.strictEqual(fs.writeSync(fd, 'J', 0), 1);
assert.strictEqual(fs.writeSync(fd, '6869', 11, 'hex'), 2);
assert.strictEqual(fs.writeSync(fd, Buffer.from('xxWORLDxx'), 2, 5, 6), 5);
const buf = Buffer.alloc(13);
assert.strictEqual(fs.readSync(fd, buf, 0, 13, 0), 13);
assert.strictEqual(buf.toString(), 'Jello WORLDhi');
assert.strictEqual(fs.readSync(fd, buf, { position: 6, length: 5 }), 5);
assert.strictEqual(buf.toString('latin1', 0, 5), 'WORLD');
assert.strictEqual(fs.readSync(fd, Buffer.alloc(4), 0, 4, 100), 0);
assert.strictEqual(fs.writevSync(fd, [Buffer.from('ab'), Buffer.from('cd')],
                                 0), 4);
const parts = [Buffer.alloc(3), Buffer.alloc(2)];
assert.strictEqual(fs.readvSync(fd, parts, 0), 5);
assert.deepStrictEqual(parts.map(String), ['abc', 'do']);
fs.closeSync(fd);
assert.throws(() => fs.closeSync(fd), { code: 'EBADF', syscall: 'close' });
assert.throws(() => fs.readSync(fd, buf, 0, 1, 0),
              { code: 'EBADF', syscall: 'read' });

// Argument errors come before any system call.
assert.throws(() => fs.openSync(file, 'bogus'), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'flags' is invalid. Received 'bogus'",
});
assert.throws(() => fs.openSync(`${file}\u0000`), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: /must be a string or Uint8Array without null bytes/,
});
assert.throws(() => fs.closeSync(-1), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "fd" is out of range. It must be >= 0 && <= ' +
           '2147483647. Received -1',
});
assert.throws(() => fs.readSync(0, 'str', 0, 1, 0), {
  code: 'ERR_INVALID_ARG_TYPE',
});
assert.throws(() => fs.readSync(0, Buffer.alloc(4), 1, 5, 0), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "length" is out of range. It must be <= 3. ' +
           'Received 5',
});
assert.throws(() => fs.readSync(0, Buffer.alloc(4), 0, 1, 'x'), {
  code: 'ERR_INVALID_ARG_TYPE',
});
assert.throws(() => fs.writeSync(0, 5), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => fs.open(file, 'r'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "cb" argument must be of type function. Received type ' +
           "string ('r')",
});
assert.throws(() => fs.readvSync(0, ['x']), {
  code: 'ERR_INVALID_ARG_TYPE',
});

// Callbacks: the same through the threadpool.
fs.open(file, 'r+', mustCall((err, fd2) => {
  assert.ifError(err);
  fs.write(fd2, 'ZZ', 0, mustCall((err, n, str) => {
    assert.ifError(err);
    assert.strictEqual(n, 2);
    assert.strictEqual(str, 'ZZ');
    const b = Buffer.alloc(4);
    fs.read(fd2, b, 0, 4, 0, mustCall((err, n, same) => {
      assert.ifError(err);
      assert.strictEqual(n, 4);
      assert.strictEqual(same, b);
      assert.strictEqual(b.toString(), 'ZZcd');
      fs.writev(fd2, [Buffer.from('1'), Buffer.from('23')], 0,
                mustCall((err, n) => {
                  assert.ifError(err);
                  assert.strictEqual(n, 3);
                  const v = [Buffer.alloc(1), Buffer.alloc(1)];
                  fs.readv(fd2, v, 1, mustCall((err, n, bufs) => {
                    assert.ifError(err);
                    assert.strictEqual(n, 2);
                    assert.strictEqual(bufs, v);
                    assert.strictEqual(Buffer.concat(v).toString(), '23');
                    fs.close(fd2, mustCall((err) => {
                      assert.ifError(err);
                      fileHandle().then(mustCall());
                    }));
                  }));
                }));
    }));
  }));
}));
fs.read(2 ** 30, Buffer.alloc(1), 0, 1, 0, mustCall((err) => {
  assert.strictEqual(err.code, 'EBADF');
}));
fs.open(tmpdir.resolve('none', 'x'), 'r', mustCall((err) => {
  assert.strictEqual(err.code, 'ENOENT');
  assert.strictEqual(err.syscall, 'open');
  assert.strictEqual(err.path, tmpdir.resolve('none', 'x'));
  assert.strictEqual(err.message, "ENOENT: no such file or directory, open '" +
                     `${tmpdir.resolve('none', 'x')}'`);
}));

// FileHandle, once the callbacks above are done with the file.
async function fileHandle() {
  const fh = await fs.promises.open(file, 'r+');
  assert.strictEqual(typeof fh.fd, 'number');
  const w = await fh.write(Buffer.from('QQ'), 0, 2, 0);
  assert.strictEqual(w.bytesWritten, 2);
  const r = await fh.read(Buffer.alloc(3), 0, 3, 0);
  assert.strictEqual(r.bytesRead, 3);
  assert.strictEqual(r.buffer.toString(), 'QQ3');
  const def = await fh.read();
  assert.strictEqual(def.buffer.length, 16384);
  const wv = await fh.writev([Buffer.from('a'), Buffer.from('b')], 0);
  assert.strictEqual(wv.bytesWritten, 2);
  const rv = await fh.readv([Buffer.alloc(2)], 0);
  assert.strictEqual(rv.buffers[0].toString(), 'ab');
  await fh.truncate(1);
  assert.strictEqual((await fh.stat()).size, 1);
  await fh.sync();
  await fh.datasync();
  await fh.close();
  assert.strictEqual(fh.fd, -1);
  await assert.rejects(fh.read(Buffer.alloc(1), 0, 1, 0),
                       { code: 'EBADF', syscall: 'read' });
  await fh.close();
}
