'use strict';
// The legacy modules: constants (os + fs constants merged, frozen) and
// sys (util, with DEP0025 once).
const common = require('../common');
const assert = require('assert');
const os = require('os');
const fs = require('fs');

const constants = require('constants');
assert(Object.isFrozen(constants));
assert.strictEqual(constants.SIGINT, os.constants.signals.SIGINT);
assert.strictEqual(constants.E2BIG, os.constants.errno.E2BIG);
assert.strictEqual(constants.RTLD_LAZY, os.constants.dlopen.RTLD_LAZY);
assert.strictEqual(constants.PRIORITY_LOW, os.constants.priority.PRIORITY_LOW);
assert.strictEqual(constants.O_RDONLY, fs.constants.O_RDONLY);
assert.strictEqual(require('node:constants'), constants);

process.on('warning', common.mustCall((w) => {
  assert.strictEqual(w.name, 'DeprecationWarning');
  assert.strictEqual(w.code, 'DEP0025');
  assert.strictEqual(w.message, 'sys is deprecated. Use util instead.');
}));
assert.strictEqual(require('sys'), require('util'));
assert.strictEqual(require('node:sys'), require('util'));
