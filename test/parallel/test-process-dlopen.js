'use strict';
// process.dlopen() and require() of a .node file report dlopen()'s own
// failure text with code ERR_DLOPEN_FAILED; a shared library that loads but
// registers no module "did not self-register".
require('../common');
const tmpdir = require('../common/tmpdir');
const assert = require('assert');
const fs = require('fs');

tmpdir.refresh();
const empty = tmpdir.resolve('empty.node');
fs.writeFileSync(empty, '');
assert.throws(() => require(empty), {
  name: 'Error',
  code: 'ERR_DLOPEN_FAILED',
  message: `${empty}: file too short`,
});

const text = tmpdir.resolve('text.node');
fs.writeFileSync(text, 'not an ELF file, just text\n'.repeat(8));
assert.throws(() => require(text), {
  code: 'ERR_DLOPEN_FAILED',
  message: /invalid ELF header/,
});

assert.throws(() => process.dlopen({ exports: {} }, tmpdir.resolve('no.so')), {
  code: 'ERR_DLOPEN_FAILED',
  message: /cannot open shared object file: No such file or directory$/,
});

// The C math library loads, and holds no module.
assert.throws(() => process.dlopen({ exports: {} }, 'libm.so.6'), {
  code: 'ERR_DLOPEN_FAILED',
  message: "Module did not self-register: 'libm.so.6'.",
});

assert.throws(() => process.dlopen({ exports: {} }), {
  name: 'TypeError',
  code: 'ERR_MISSING_ARGS',
});
