'use strict';
// readFile/writeFile/appendFile in three forms: encodings, flags, modes,
// fds, AbortSignal, and their argument errors.
const { assert, mustCall, mustNotCall, tmpdir } = require('../common');
const fs = require('fs');

tmpdir.refresh();
const file = tmpdir.resolve('f.txt');

fs.writeFileSync(file, 'héllo');
assert.strictEqual(fs.readFileSync(file, 'utf8'), 'héllo');
assert.deepStrictEqual(fs.readFileSync(file), Buffer.from('héllo'));
assert.strictEqual(fs.readFileSync(file, { encoding: 'hex' }),
                   Buffer.from('héllo').toString('hex'));
fs.writeFileSync(file, 'aGk=', 'base64');
assert.strictEqual(fs.readFileSync(file, 'latin1'), 'hi');
fs.appendFileSync(file, new Uint8Array([33]));
assert.strictEqual(fs.readFileSync(file, 'utf8'), 'hi!');
assert.throws(() => fs.writeFileSync(file, 'x', { flag: 'wx' }),
              { code: 'EEXIST', syscall: 'open' });
fs.writeFileSync(tmpdir.resolve('mode.txt'), 'm', { mode: 0o600 });
assert.strictEqual(fs.statSync(tmpdir.resolve('mode.txt')).mode & 0o777,
                   0o600);
assert.throws(() => fs.readFileSync(file, 'bogus'), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'bogus' is invalid encoding. Received 'encoding'",
});
assert.throws(() => fs.writeFileSync(file, 5), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "data" argument must be of type string or an instance of ' +
           'Buffer, TypedArray, or DataView. Received type number (5)',
});
assert.throws(() => fs.readFileSync(1.5), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "path" argument must be of type string or an instance of ' +
           'Buffer or URL. Received type number (1.5)',
});
assert.throws(() => fs.readFileSync(tmpdir.path),
              { code: 'EISDIR', syscall: 'read' });

// Paths as Buffers and file: URLs.
assert.strictEqual(fs.readFileSync(Buffer.from(file), 'utf8'), 'hi!');
assert.strictEqual(fs.readFileSync(new URL(`file://${file}`), 'utf8'), 'hi!');

// fds: read and written from the current position.
const fd = fs.openSync(file, 'r+');
fs.readSync(fd, Buffer.alloc(1), 0, 1, null);
assert.strictEqual(fs.readFileSync(fd, 'utf8'), 'i!');
fs.writeFileSync(fd, '?');
fs.closeSync(fd);
assert.strictEqual(fs.readFileSync(file, 'utf8'), 'hi!?');

// Callbacks.
fs.writeFile(tmpdir.resolve('cb.txt'), 'one', mustCall((err) => {
  assert.ifError(err);
  fs.appendFile(tmpdir.resolve('cb.txt'), 'two', 'utf8', mustCall((err) => {
    assert.ifError(err);
    fs.readFile(tmpdir.resolve('cb.txt'), 'utf8', mustCall((err, s) => {
      assert.ifError(err);
      assert.strictEqual(s, 'onetwo');
    }));
    fs.readFile(tmpdir.resolve('cb.txt'), { flag: 'a+' },
                mustCall((err, b) => {
                  assert.ifError(err);
                  assert.strictEqual(b.toString(), 'onetwo');
                }));
  }));
}));
fs.readFile(tmpdir.resolve('none'), mustCall((err, data) => {
  assert.strictEqual(err.code, 'ENOENT');
  assert.strictEqual(err.syscall, 'open');
  assert.strictEqual(data, undefined);
}));
assert.throws(() => fs.readFile(file), { code: 'ERR_INVALID_ARG_TYPE' });

// AbortSignal: an aborted signal fails the call with an AbortError.
const aborted = AbortSignal.abort();
fs.readFile(file, { signal: aborted }, mustCall((err) => {
  assert.strictEqual(err.name, 'AbortError');
}));
fs.writeFile(tmpdir.resolve('never.txt'), 'x', { signal: aborted },
             mustCall((err) => {
               assert.strictEqual(err.name, 'AbortError');
               assert.strictEqual(fs.existsSync(tmpdir.resolve('never.txt')),
                                  false);
             }));
assert.throws(() => fs.readFile(file, { signal: 1 }, mustNotCall()),
              { code: 'ERR_INVALID_ARG_TYPE' });

// Promises.
(async () => {
  const p = fs.promises;
  await p.writeFile(tmpdir.resolve('p.txt'), 'abc');
  await p.appendFile(tmpdir.resolve('p.txt'), Buffer.from('def'));
  assert.strictEqual(await p.readFile(tmpdir.resolve('p.txt'), 'utf8'),
                     'abcdef');
  async function* chunks() {
    yield 'x';
    yield Buffer.from('y');
  }
  await p.writeFile(tmpdir.resolve('it.txt'), chunks());
  assert.strictEqual(fs.readFileSync(tmpdir.resolve('it.txt'), 'utf8'), 'xy');
  await assert.rejects(p.readFile(tmpdir.resolve('p.txt'),
                                  { signal: aborted }),
                       { name: 'AbortError' });
  await assert.rejects(p.writeFile(tmpdir.resolve('p.txt'), 5),
                       { code: 'ERR_INVALID_ARG_TYPE' });
  const fh = await p.open(tmpdir.resolve('p.txt'), 'r+');
  assert.strictEqual(await fh.readFile('utf8'), 'abcdef');
  await fh.writeFile('!');
  await fh.appendFile('?');
  await fh.close();
  assert.strictEqual(fs.readFileSync(tmpdir.resolve('p.txt'), 'utf8'),
                     'abcdef!?');
  await assert.rejects(p.readFile(tmpdir.resolve('none')),
                       { code: 'ENOENT', syscall: 'open' });
})().then(mustCall());
