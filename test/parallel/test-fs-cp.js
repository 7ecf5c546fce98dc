'use strict';
// cp, cpSync and fs.promises.cp: recursive copies, filter, force,
// errorOnExist, symlinks, and Node's errors.
const { assert, mustCall, tmpdir } = require('../common');
const fs = require('fs');
const path = require('path');

tmpdir.refresh();
const src = tmpdir.resolve('src');
fs.mkdirSync(path.join(src, 'sub', 'deep'), { recursive: true });
fs.writeFileSync(path.join(src, 'a.txt'), 'A');
fs.writeFileSync(path.join(src, 'skip.log'), 'L');
fs.writeFileSync(path.join(src, 'sub', 'deep', 'b.txt'), 'B');
fs.symlinkSync('a.txt', path.join(src, 'link'));

// A directory needs recursive.
assert.throws(() => fs.cpSync(src, tmpdir.resolve('d0')), {
  code: 'ERR_FS_EISDIR',
  message: `Path is a directory: cp returned EISDIR (${src} is a directory ` +
           `(not copied)) ${src}`,
});

const d1 = tmpdir.resolve('d1');
fs.cpSync(src, d1, {
  recursive: true,
  filter: (s) => !s.endsWith('.log'),
});
assert.deepStrictEqual(fs.readdirSync(d1), ['a.txt', 'link', 'sub']);
assert.strictEqual(fs.readFileSync(path.join(d1, 'sub', 'deep', 'b.txt'),
                                   'utf8'), 'B');
// A relative link is made absolute (verbatimSymlinks keeps it).
assert.strictEqual(fs.readlinkSync(path.join(d1, 'link')),
                   path.join(src, 'a.txt'));

// Files: force (default) overwrites; without it, errorOnExist fails.
fs.writeFileSync(path.join(src, 'a.txt'), 'A2');
fs.cpSync(path.join(src, 'a.txt'), path.join(d1, 'a.txt'), { force: false });
assert.strictEqual(fs.readFileSync(path.join(d1, 'a.txt'), 'utf8'), 'A');
assert.throws(() => fs.cpSync(path.join(src, 'a.txt'),
                              path.join(d1, 'a.txt'),
                              { force: false, errorOnExist: true }),
              { code: 'ERR_FS_CP_EEXIST' });
fs.cpSync(path.join(src, 'a.txt'), path.join(d1, 'a.txt'));
assert.strictEqual(fs.readFileSync(path.join(d1, 'a.txt'), 'utf8'), 'A2');

// Copies into missing parents.
fs.cpSync(path.join(src, 'a.txt'), tmpdir.resolve('x', 'y', 'a.txt'));
assert.ok(fs.existsSync(tmpdir.resolve('x', 'y', 'a.txt')));

assert.throws(() => fs.cpSync(src, path.join(src, 'sub', 'in'),
                              { recursive: true }),
              { code: 'ERR_FS_CP_EINVAL' });
assert.throws(() => fs.cpSync(src, src, { recursive: true }),
              { code: 'ERR_FS_CP_EINVAL' });
assert.throws(() => fs.cpSync(src, path.join(d1, 'a.txt'),
                              { recursive: true }),
              { code: 'ERR_FS_CP_DIR_TO_NON_DIR' });
assert.throws(() => fs.cpSync(tmpdir.resolve('none'), tmpdir.resolve('z')),
              { code: 'ENOENT', syscall: 'lstat' });
assert.throws(() => fs.cpSync(src, d1, { filter: 1 }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.filter" property must be of type function. ' +
           'Received type number (1)',
});

// Asynchronous forms; the filter may return a promise.
fs.cp(src, tmpdir.resolve('d2'), { recursive: true },
      mustCall((err) => {
        assert.ifError(err);
        assert.strictEqual(fs.readFileSync(tmpdir.resolve('d2', 'sub', 'deep',
                                                          'b.txt'), 'utf8'),
                           'B');
      }));
fs.promises.cp(src, tmpdir.resolve('d3'), {
  recursive: true,
  filter: async (s) => !s.endsWith('.log'),
}).then(mustCall(() => {
  assert.strictEqual(fs.existsSync(tmpdir.resolve('d3', 'skip.log')), false);
  assert.ok(fs.existsSync(tmpdir.resolve('d3', 'a.txt')));
}));
fs.promises.cp(src, tmpdir.resolve('d4')).then(assert.fail, mustCall((e) => {
  assert.strictEqual(e.code, 'ERR_FS_EISDIR');
}));
