'use strict';
// Names, links and metadata: rename, copyFile, link, symlink, readlink,
// realpath (and .native), access/exists, chmod/fchmod (no lchmod on
// Linux), chown, utimes/futimes/lutimes, truncate/ftruncate, fsync.
const { assert, mustCall, tmpdir } = require('../common');
const fs = require('fs');
const path = require('path');

tmpdir.refresh();
const dir = fs.realpathSync(tmpdir.path);
const a = path.join(dir, 'a.txt');
const b = path.join(dir, 'b.txt');
fs.writeFileSync(a, 'abcdef');

// copyFile, with COPYFILE_EXCL.
fs.copyFileSync(a, b);
assert.strictEqual(fs.readFileSync(b, 'utf8'), 'abcdef');
assert.throws(() => fs.copyFileSync(a, b, fs.constants.COPYFILE_EXCL), {
  code: 'EEXIST', syscall: 'copyfile', path: a, dest: b,
  message: `EEXIST: file already exists, copyfile '${a}' -> '${b}'`,
});
assert.throws(() => fs.copyFileSync(a, b, 8), { code: 'ERR_OUT_OF_RANGE' });
fs.copyFile(a, path.join(dir, 'c.txt'), mustCall((err) => {
  assert.ifError(err);
  fs.unlinkSync(path.join(dir, 'c.txt'));
}));

// rename.
fs.renameSync(b, path.join(dir, 'b2.txt'));
assert.throws(() => fs.renameSync(b, a), {
  code: 'ENOENT', syscall: 'rename', dest: a,
});
assert.throws(() => fs.renameSync(1, a), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: /The "oldPath" argument must be of type string/,
});

// Links.
fs.symlinkSync('a.txt', path.join(dir, 'sym'));
assert.strictEqual(fs.readlinkSync(path.join(dir, 'sym')), 'a.txt');
assert.deepStrictEqual(fs.readlinkSync(path.join(dir, 'sym'), 'buffer'),
                       Buffer.from('a.txt'));
assert.strictEqual(fs.realpathSync(path.join(dir, 'sym')), a);
assert.strictEqual(fs.realpathSync.native(path.join(dir, 'sym')), a);
assert.throws(() => fs.symlinkSync(a, path.join(dir, 'x'), 'bad'),
              { code: 'ERR_FS_INVALID_SYMLINK_TYPE' });
assert.throws(() => fs.realpathSync(path.join(dir, 'none', 'x')),
              { code: 'ENOENT', syscall: 'lstat',
                path: path.join(dir, 'none') });
assert.throws(() => fs.realpathSync.native(path.join(dir, 'none')),
              { code: 'ENOENT', syscall: 'realpath' });
fs.linkSync(a, path.join(dir, 'hard'));
assert.strictEqual(fs.statSync(a).nlink, 2);
assert.throws(() => fs.linkSync(a, path.join(dir, 'hard')),
              { code: 'EEXIST', syscall: 'link' });
fs.realpath(path.join(dir, 'sym'), mustCall((err, p) => {
  assert.ifError(err);
  assert.strictEqual(p, a);
}));
fs.realpath.native(path.join(dir, 'sym'), mustCall((err, p) => {
  assert.ifError(err);
  assert.strictEqual(p, a);
}));
fs.readlink(path.join(dir, 'sym'), mustCall((err, p) => {
  assert.strictEqual(p, 'a.txt');
}));

// access, exists.
fs.accessSync(a, fs.constants.R_OK | fs.constants.W_OK);
assert.throws(() => fs.accessSync(path.join(dir, 'none')),
              { code: 'ENOENT', syscall: 'access' });
assert.throws(() => fs.accessSync(a, 8), { code: 'ERR_OUT_OF_RANGE' });
assert.strictEqual(fs.existsSync(a), true);
assert.strictEqual(fs.existsSync('\u0000'), false);
assert.strictEqual(fs.existsSync(), false);
fs.exists(a, mustCall((yes) => assert.strictEqual(yes, true)));
fs.access(path.join(dir, 'none'), mustCall((err) => {
  assert.strictEqual(err.code, 'ENOENT');
}));

// Modes and owners.
fs.chmodSync(a, 0o600);
assert.strictEqual(fs.statSync(a).mode & 0o777, 0o600);
fs.chmodSync(a, '644');
assert.strictEqual(fs.statSync(a).mode & 0o777, 0o644);
assert.throws(() => fs.chmodSync(a, 'abc'), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'mode' must be a 32-bit unsigned integer or an " +
           "octal string. Received 'abc'",
});
assert.strictEqual(fs.lchmod, undefined);
assert.strictEqual(fs.lchmodSync, undefined);
const fd = fs.openSync(a, 'r+');
fs.fchmodSync(fd, 0o640);
assert.strictEqual(fs.fstatSync(fd).mode & 0o777, 0o640);
const { uid, gid } = fs.statSync(a);
fs.chownSync(a, uid, gid);
fs.fchownSync(fd, uid, gid);
fs.lchownSync(path.join(dir, 'sym'), uid, gid);
assert.throws(() => fs.chownSync(a, -2, gid), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "uid" is out of range. It must be >= -1 && <= ' +
           '4294967295. Received -2',
});

// Times.
fs.utimesSync(a, 1000, new Date(2000 * 1000));
let st = fs.statSync(a);
assert.strictEqual(st.atimeMs, 1000 * 1000);
assert.strictEqual(st.mtimeMs, 2000 * 1000);
fs.futimesSync(fd, '3000', 4000.5);
st = fs.fstatSync(fd);
assert.strictEqual(st.atimeMs, 3000 * 1000);
assert.strictEqual(st.mtimeMs, 4000.5 * 1000);
fs.lutimesSync(path.join(dir, 'sym'), 5, 6);
assert.strictEqual(fs.lstatSync(path.join(dir, 'sym')).mtimeMs, 6000);
assert.strictEqual(fs.statSync(a).mtimeMs, 4000.5 * 1000);
assert.throws(() => fs.utimesSync(a, 'x', 1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: /The "time" argument must be an instance of Date/,
});
fs.utimes(path.join(dir, 'b2.txt'), 7, 8, mustCall((err) => {
  assert.ifError(err);
  assert.strictEqual(fs.statSync(path.join(dir, 'b2.txt')).mtimeMs, 8000);
}));

// Sizes and syncing.
fs.ftruncateSync(fd, 3);
assert.strictEqual(fs.readFileSync(a, 'utf8'), 'abc');
fs.truncateSync(a);
assert.strictEqual(fs.statSync(a).size, 0);
assert.throws(() => fs.truncateSync(a, 'x'), { code: 'ERR_INVALID_ARG_TYPE' });
fs.fsyncSync(fd);
fs.fdatasyncSync(fd);
fs.ftruncate(fd, 10, mustCall((err) => {
  assert.ifError(err);
  assert.strictEqual(fs.fstatSync(fd).size, 10);
  fs.fsync(fd, mustCall((err) => {
    assert.ifError(err);
    fs.closeSync(fd);
  }));
}));
fs.truncate(path.join(dir, 'none'), mustCall((err) => {
  assert.strictEqual(err.code, 'ENOENT');
}));

// The constants.
for (const name of ['O_RDONLY', 'O_CREAT', 'O_DIRECTORY', 'S_IFMT', 'F_OK',
                    'COPYFILE_FICLONE', 'UV_DIRENT_DIR']) {
  assert.strictEqual(typeof fs.constants[name], 'number', name);
}
