'use strict';
// process.umask(): read, set (number or octal string), returns the old one.
const common = require('../common');
const { assert } = common;
const fs = require('fs');

const orig = process.umask();
assert.ok(Number.isInteger(orig) && orig >= 0 && orig <= 0o777);
// Reading does not change it.
assert.strictEqual(process.umask(), orig);

assert.strictEqual(process.umask(0o27), orig);
assert.strictEqual(process.umask(), 0o27);
assert.strictEqual(process.umask('0777'), 0o27);
assert.strictEqual(process.umask(), 0o777);
assert.strictEqual(process.umask('22'), 0o777);
assert.strictEqual(process.umask(), 0o22);
if (common.isLinux) {
  const line = fs.readFileSync('/proc/self/status', 'utf8')
    .split('\n').find((l) => l.startsWith('Umask:'));
  if (line) assert.strictEqual(parseInt(line.split(/\s+/)[1], 8), 0o22);
}

assert.throws(() => process.umask('abc'), {
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'mask' must be a 32-bit unsigned integer or an " +
    "octal string. Received 'abc'",
});
assert.throws(() => process.umask('999'), { code: 'ERR_INVALID_ARG_VALUE' });
assert.strictEqual(process.umask(), 0o22);
process.umask(orig);
