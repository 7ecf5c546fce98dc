'use strict';
// System errors list their properties in Node's order: a synchronous fs
// call throws errno, syscall, code, path (dest); a callback, a promise and
// other natives give errno, code, syscall, path.
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const path = require('path');

const missing = path.join(__dirname, 'no-such-dir', 'no-such-file');
const keys = (fn) => {
  try {
    fn();
  } catch (err) {
    return Object.keys(err);
  }
  assert.fail('did not throw');
};

assert.deepStrictEqual(keys(() => fs.readFileSync(missing)),
                       ['errno', 'syscall', 'code', 'path']);
assert.deepStrictEqual(keys(() => fs.readFileSync(missing, 'utf8')),
                       ['errno', 'syscall', 'code', 'path']);
assert.deepStrictEqual(keys(() => fs.statSync(missing)),
                       ['errno', 'syscall', 'code', 'path']);
assert.deepStrictEqual(keys(() => fs.renameSync(missing, missing + '2')),
                       ['errno', 'syscall', 'code', 'path', 'dest']);
assert.deepStrictEqual(keys(() => fs.writeFileSync(missing, 'x')),
                       ['errno', 'syscall', 'code', 'path']);
assert.deepStrictEqual(keys(() => fs.watch(missing)),
                       ['errno', 'syscall', 'code', 'path', 'filename']);
assert.deepStrictEqual(keys(() => process.chdir(missing)),
                       ['errno', 'code', 'syscall', 'path', 'dest']);

fs.stat(missing, common.mustCall((err) => {
  assert.deepStrictEqual(Object.keys(err),
                         ['errno', 'code', 'syscall', 'path']);
}));
fs.promises.readFile(missing).catch(common.mustCall((err) => {
  assert.deepStrictEqual(Object.keys(err),
                         ['errno', 'code', 'syscall', 'path']);
}));
