'use strict';
// require.resolve and relative requires: options.paths must be an array;
// "node:" with an unknown name is not found; a module whose directory was
// deleted can still require a relative file that exists.
require('../common');
const tmpdir = require('../common/tmpdir');
const assert = require('assert');
const fs = require('fs');
const path = require('path');

assert.throws(() => require.resolve('./x', { paths: 'nope' }), {
  code: 'ERR_INVALID_ARG_VALUE',
  name: 'TypeError',
  message: "The property 'options.paths' is invalid. Received 'nope'",
});
assert.throws(() => require.resolve('node:no-such-builtin'), {
  code: 'MODULE_NOT_FOUND',
});
assert.strictEqual(require.resolve('node:fs'), 'node:fs');
assert.strictEqual(require.resolve('fs'), 'fs');

tmpdir.refresh();
const target = path.join(tmpdir.path, 'target.js');
fs.writeFileSync(target, 'module.exports = "target";');
const subdir = path.join(tmpdir.path, 'gone');
fs.mkdirSync(subdir);
const asker = path.join(subdir, 'asker.js');
fs.writeFileSync(asker, 'module.exports = () => require("../target.js");');
const ask = require(asker);
fs.rmSync(subdir, { recursive: true });
assert.strictEqual(ask(), 'target');
