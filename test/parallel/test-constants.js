'use strict';
// The deprecated 'constants' module: os, fs (and crypto) constants merged
// into one frozen object, the same one under 'node:constants'.
require('../common');
const assert = require('assert');
const os = require('os');
const fs = require('fs');
const constants = require('constants');

assert.strictEqual(constants, require('node:constants'));
assert.ok(Object.isFrozen(constants));
assert.deepStrictEqual(Object.getOwnPropertyDescriptor(constants, 'O_RDONLY'),
                       { value: fs.constants.O_RDONLY, writable: false,
                         enumerable: true, configurable: false });
for (const table of [os.constants.dlopen, os.constants.errno,
  os.constants.priority, os.constants.signals, fs.constants]) {
  for (const [key, value] of Object.entries(table))
    assert.strictEqual(constants[key], value, key);
}
const keys = Object.keys(constants);
assert.strictEqual(keys[0], 'RTLD_LAZY');
assert.ok(keys.indexOf('E2BIG') < keys.indexOf('PRIORITY_LOW'));
assert.ok(keys.indexOf('SIGHUP') < keys.indexOf('UV_FS_SYMLINK_DIR'));
assert.throws(() => { 'use strict'; constants.SIGINT = 1; }, TypeError);
assert.ok(require('module').builtinModules.includes('constants'));
