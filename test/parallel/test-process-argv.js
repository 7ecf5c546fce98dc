'use strict';
// process.argv, argv0, execPath and execArgv when run as
// `noderun test/parallel/test-process-argv.js` (how the suite runs it).
const common = require('../common');
const { assert } = common;
const path = require('path');
const fs = require('fs');

assert.ok(Array.isArray(process.argv));
assert.strictEqual(process.argv.length, 2);
// argv[0] is the absolute path of the executable, the same as execPath.
assert.strictEqual(process.argv[0], process.execPath);
assert.ok(path.isAbsolute(process.execPath), process.execPath);
assert.ok(fs.statSync(process.execPath).isFile());
// argv[1] is the absolute path of the script.
assert.strictEqual(process.argv[1], __filename);
// argv0 is the original argv[0] as the shell passed it.
assert.strictEqual(typeof process.argv0, 'string');
assert.ok(process.argv0.length > 0);
assert.strictEqual(path.basename(process.argv0),
                   path.basename(process.execPath));
// No runtime options were given.
assert.deepStrictEqual(process.execArgv, []);

// They are ordinary, writable arrays and strings.
process.argv.push('extra');
assert.strictEqual(process.argv[2], 'extra');
process.argv.pop();
