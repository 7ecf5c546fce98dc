'use strict';
// Which main programs run as ES modules: .mjs files, and .js or
// extensionless files in a package whose "type" is "module"; .cjs files
// there stay CommonJS. process.argv[1] is the file; require.main is not
// set by an ES module.
const { assert, fixtures } = require('../common');
const { spawnSync } = require('child_process');

function run(...args) {
  const r = spawnSync(process.execPath, args,
                      { cwd: fixtures.path('esm'), encoding: 'utf8' });
  assert.strictEqual(r.stderr, '');
  assert.strictEqual(r.status, 0);
  return r.stdout;
}

assert.strictEqual(run('pkg-module/main.js'),
                   'esm.js cjs in a module package undefined true\n');
assert.strictEqual(run('pkg-module/import-noext.js'), 'extensionless\n');
assert.strictEqual(run('pkg-module/noext'), 'extensionless\n');
assert.strictEqual(run('pkg-module/legacy.cjs'), '');
assert.strictEqual(run('-e', "require('./pkg-module/legacy.cjs');" +
                       "console.log('cjs ok')"), 'cjs ok\n');
// The main module's own view.
assert.strictEqual(run('basic/whoami.mjs', 'a', 'b'), 'true true a,b\n');
