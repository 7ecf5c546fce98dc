'use strict';
// Stats (and BigIntStats), statfs, readdir with Dirents, opendir/Dir,
// mkdir -p, mkdtemp, rm/rmdir/unlink, in their three forms.
const { assert, mustCall, tmpdir } = require('../common');
const fs = require('fs');
const path = require('path');

tmpdir.refresh();
const dir = tmpdir.path;
fs.writeFileSync(path.join(dir, 'b.txt'), '12345');
fs.mkdirSync(path.join(dir, 'a'));
fs.symlinkSync('b.txt', path.join(dir, 'c'));

// Stats.
const st = fs.statSync(path.join(dir, 'b.txt'));
assert.ok(st instanceof fs.Stats);
assert.strictEqual(st.size, 5);
assert.ok(st.isFile() && !st.isDirectory() && !st.isSymbolicLink());
for (const key of ['dev', 'mode', 'nlink', 'uid', 'gid', 'rdev', 'blksize',
                   'ino', 'blocks', 'atimeMs', 'mtimeMs', 'ctimeMs',
                   'birthtimeMs']) {
  assert.strictEqual(typeof st[key], 'number', key);
}
assert.ok(st.mtime instanceof Date);
assert.strictEqual(st.mtime.getTime(), Math.floor(st.mtimeMs));
assert.ok(fs.lstatSync(path.join(dir, 'c')).isSymbolicLink());
assert.ok(fs.statSync(path.join(dir, 'c')).isFile());
assert.ok(fs.statSync(path.join(dir, 'a')).isDirectory());
assert.strictEqual(fs.statSync(path.join(dir, 'none'),
                               { throwIfNoEntry: false }), undefined);
assert.throws(() => fs.statSync(path.join(dir, 'none')),
              { code: 'ENOENT', syscall: 'stat' });
const big = fs.statSync(path.join(dir, 'b.txt'), { bigint: true });
assert.strictEqual(big.size, 5n);
assert.strictEqual(typeof big.mtimeNs, 'bigint');
assert.strictEqual(big.mtimeMs, big.mtimeNs / 1000000n);
assert.ok(big.isFile());
const fd = fs.openSync(path.join(dir, 'b.txt'), 'r');
assert.strictEqual(fs.fstatSync(fd).ino, st.ino);
fs.closeSync(fd);
const sfs = fs.statfsSync(dir);
assert.ok(sfs.bsize > 0 && typeof sfs.type === 'number');
assert.strictEqual(typeof fs.statfsSync(dir, { bigint: true }).bsize,
                   'bigint');
fs.stat(dir, { bigint: true }, mustCall((err, s) => {
  assert.ifError(err);
  assert.ok(s.isDirectory());
  assert.strictEqual(typeof s.ino, 'bigint');
}));
fs.lstat(path.join(dir, 'none'), mustCall((err) => {
  assert.strictEqual(err.syscall, 'lstat');
}));

// readdir: sorted names, Dirents with types.
assert.deepStrictEqual(fs.readdirSync(dir), ['a', 'b.txt', 'c']);
const ents = fs.readdirSync(dir, { withFileTypes: true });
assert.ok(ents[0] instanceof fs.Dirent);
assert.deepStrictEqual(ents.map((e) => [e.name, e.isDirectory(), e.isFile(),
                                        e.isSymbolicLink()]),
                       [['a', true, false, false], ['b.txt', false, true, false],
                        ['c', false, false, true]]);
assert.strictEqual(ents[0].path, dir);
assert.deepStrictEqual(fs.readdirSync(dir, 'buffer')[0], Buffer.from('a'));
assert.throws(() => fs.readdirSync(path.join(dir, 'b.txt')),
              { code: 'ENOTDIR', syscall: 'scandir' });
fs.readdir(dir, { withFileTypes: true }, mustCall((err, list) => {
  assert.ifError(err);
  // The directories made below, while this one runs on the threadpool,
  // may be listed too.
  const names = list.map((e) => e.name);
  for (const name of ['a', 'b.txt', 'c']) assert.ok(names.includes(name));
  assert.ok(list.find((e) => e.name === 'a').isDirectory());
}));

// Dir (in the order the system gives, which may differ from readdir's).
const all = ['a', 'b.txt', 'c'];
const d = fs.opendirSync(dir);
assert.strictEqual(d.path, dir);
assert.ok(all.includes(d.readSync().name));
d.closeSync();
assert.throws(() => d.readSync(), { code: 'ERR_DIR_CLOSED' });
assert.throws(() => fs.opendirSync(path.join(dir, 'b.txt')),
              { code: 'ENOTDIR', syscall: 'opendir' });
(async () => {
  const names = [];
  for await (const e of await fs.promises.opendir(dir)) names.push(e.name);
  // Entries made meanwhile may show up too: Node reads as it goes.
  assert.ok(['a', 'b.txt'].every((n) => names.includes(n)));
  const d2 = await fs.promises.opendir(dir);
  assert.ok((await d2.read()) instanceof fs.Dirent);
  await d2.close();
  await assert.rejects(d2.close(), { code: 'ERR_DIR_CLOSED' });
})().then(mustCall());
// Many entries (read in batches), one operation at a time.
{
  const many = tmpdir.resolve('many');
  fs.mkdirSync(many);
  for (let i = 0; i < 100; i++) fs.writeFileSync(path.join(many, `f${i}`), '');
  const dm = fs.opendirSync(many);
  const seen = new Set();
  let e;
  while ((e = dm.readSync()) !== null) seen.add(e.name);
  assert.strictEqual(seen.size, 100);
  dm.closeSync();
  const dn = fs.opendirSync(many);
  dn.read(mustCall((err, first) => {
    assert.ifError(err);
    assert.ok(first.isFile());
    dn.close(mustCall((err) => {
      assert.ifError(err);
      fs.rmSync(many, { recursive: true });
    }));
  }));
  assert.throws(() => dn.readSync(), { code: 'ERR_DIR_CONCURRENT_OPERATION' });
}
fs.opendir(dir, mustCall((err, d3) => {
  assert.ifError(err);
  d3.read(mustCall((err, e) => {
    assert.ifError(err);
    assert.ok(e instanceof fs.Dirent);
    d3.close(mustCall());
  }));
}));

// mkdir -p gives the first directory it made.
const deep = path.join(dir, 'p', 'q', 'r');
assert.strictEqual(fs.mkdirSync(deep, { recursive: true }),
                   path.join(dir, 'p'));
assert.strictEqual(fs.mkdirSync(deep, { recursive: true }), undefined);
assert.throws(() => fs.mkdirSync(path.join(dir, 'b.txt'), { recursive: true }),
              { code: 'EEXIST' });
assert.throws(() => fs.mkdirSync(path.join(dir, 'b.txt', 'x'),
                                 { recursive: true }),
              { code: 'ENOTDIR' });
assert.throws(() => fs.mkdirSync(dir), { code: 'EEXIST', syscall: 'mkdir' });
assert.throws(() => fs.mkdirSync(deep, { recursive: 1 }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.recursive" property must be of type boolean. ' +
           'Received type number (1)',
});
fs.mkdir(path.join(dir, 'm1', 'm2'), { recursive: true },
         mustCall((err, first) => {
           assert.ifError(err);
           assert.strictEqual(first, path.join(dir, 'm1'));
         }));

// mkdtemp.
const t = fs.mkdtempSync(path.join(dir, 'tmp-'));
assert.match(path.basename(t), /^tmp-[A-Za-z0-9]{6}$/);
assert.ok(fs.statSync(t).isDirectory());
fs.mkdtemp(path.join(dir, 'cb-'), mustCall((err, p) => {
  assert.ifError(err);
  assert.ok(p.startsWith(path.join(dir, 'cb-')));
}));
assert.throws(() => fs.mkdtempSync(1), { code: 'ERR_INVALID_ARG_TYPE' });

// rm, rmdir, unlink.
assert.throws(() => fs.rmSync(path.join(dir, 'p')), {
  code: 'ERR_FS_EISDIR',
  message: `Path is a directory: rm returned EISDIR (is a directory) ${
    path.join(dir, 'p')}`,
});
assert.throws(() => fs.rmSync(path.join(dir, 'none')),
              { code: 'ENOENT', syscall: 'lstat' });
fs.rmSync(path.join(dir, 'none'), { force: true });
fs.rmSync(path.join(dir, 'p'), { recursive: true });
assert.strictEqual(fs.existsSync(path.join(dir, 'p')), false);
assert.throws(() => fs.rmdirSync(dir), { code: 'ENOTEMPTY' });
fs.mkdirSync(path.join(dir, 'e', 'f'), { recursive: true });
fs.promises.rm(path.join(dir, 'e'), { recursive: true }).then(mustCall(() => {
  assert.strictEqual(fs.existsSync(path.join(dir, 'e')), false);
}));
fs.rmdirSync(t);
fs.unlinkSync(path.join(dir, 'c'));
assert.throws(() => fs.unlinkSync(path.join(dir, 'c')),
              { code: 'ENOENT', syscall: 'unlink' });
