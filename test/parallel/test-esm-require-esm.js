'use strict';
// require() of an ES module fails with ERR_REQUIRE_ESM and Node's texts:
// .mjs files, and .js files in a "type": "module" package (pointing at the
// require() call, with the hint that fits whether the file has ES module
// syntax).
const { assert, fixtures } = require('../common');
const { spawnSync } = require('child_process');
const path = require('path');

const esm = fixtures.path('esm');
assert.throws(() => require(`${esm}/basic/lib.mjs`), {
  code: 'ERR_REQUIRE_ESM',
  message: `require() of ES Module ${esm}/basic/lib.mjs not supported.\n` +
    `Instead change the require of ${esm}/basic/lib.mjs to a dynamic ` +
    'import() which is available in all CommonJS modules.',
});
assert.throws(() => require(`${esm}/pkg-module/esm.js`), {
  code: 'ERR_REQUIRE_ESM',
  message: `require() of ES Module ${esm}/pkg-module/esm.js from ` +
    `${__filename} not supported.\nInstead change the require of esm.js ` +
    `in ${__filename} to a dynamic import() which is available in all ` +
    'CommonJS modules.',
});
assert.throws(() => require(`${esm}/pkg-module/plain.js`), {
  code: 'ERR_REQUIRE_ESM',
  message: `require() of ES Module ${esm}/pkg-module/plain.js from ` +
    `${__filename} not supported.\nplain.js is treated as an ES module ` +
    'file as it is a .js file whose nearest parent package.json contains ' +
    '"type": "module" which declares all .js files in that package scope ' +
    'as ES modules.\nInstead either rename plain.js to end in .cjs, change ' +
    'the requiring code to use dynamic import() which is available in all ' +
    'CommonJS modules, or change "type": "module" to "type": "commonjs" in ' +
    `${esm}/pkg-module/package.json to treat all .js files as CommonJS ` +
    '(using .mjs for all ES modules instead).\n',
});
// A .cjs file in that package is CommonJS.
assert.deepStrictEqual(require(`${esm}/pkg-module/legacy.cjs`),
                       { kind: 'cjs in a module package' });

// Uncaught, the error points at the require() call.
const file = path.join(esm, 'errors', 'require-type-module.cjs');
const r = spawnSync(process.execPath, [file], { encoding: 'utf8' });
assert.strictEqual(r.status, 1);
assert.ok(r.stderr.startsWith(
  `${file}:1\nrequire('../pkg-module/esm.js');\n^\n\n` +
  `Error [ERR_REQUIRE_ESM]: require() of ES Module ${esm}/pkg-module/esm.js ` +
  `from ${file} not supported.\n`), r.stderr);
assert.match(r.stderr, /\n {4}at Object\.<anonymous> \(.*require-type-module\.cjs:1:1\) \{\n/);
