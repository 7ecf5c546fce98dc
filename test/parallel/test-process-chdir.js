'use strict';
// process.cwd() and process.chdir(), and chdir's errors.
const common = require('../common');
const { assert } = common;
const path = require('path');

const initial = process.cwd();
assert.strictEqual(typeof initial, 'string');
assert.ok(path.isAbsolute(initial));

process.chdir(__dirname);
const start = process.cwd();
assert.strictEqual(start, __dirname);

process.chdir('..');
assert.strictEqual(process.cwd(), path.dirname(__dirname));
process.chdir('parallel');
assert.strictEqual(process.cwd(), __dirname);
process.chdir('/');
assert.strictEqual(process.cwd(), '/');
process.chdir(common.fixturesDir);
assert.strictEqual(process.cwd(), common.fixturesDir);
// Relative requires still resolve from the requiring file.
assert.strictEqual(require('../fixtures/cjs/simple').name, 'simple');
process.chdir(start);

// A missing directory: ENOENT with the syscall and both paths.
const missing = path.join(__dirname, 'no-such-directory-here');
assert.throws(() => process.chdir(missing), (err) => {
  assert.ok(err instanceof Error);
  assert.strictEqual(err.code, 'ENOENT');
  assert.strictEqual(err.errno, -2);
  assert.strictEqual(err.syscall, 'chdir');
  assert.strictEqual(err.path, start);
  assert.strictEqual(err.dest, missing);
  assert.strictEqual(err.message, 'ENOENT: no such file or directory, ' +
                     `chdir '${start}' -> '${missing}'`);
  return true;
});
assert.strictEqual(process.cwd(), start);

// A file is not a directory.
assert.throws(() => process.chdir(__filename),
              { code: 'ENOTDIR', syscall: 'chdir' });

// The argument must be a string.
assert.throws(() => process.chdir(5), {
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "directory" argument must be of type string. ' +
    'Received type number (5)',
});
assert.throws(() => process.chdir(), { code: 'ERR_INVALID_ARG_TYPE' });
