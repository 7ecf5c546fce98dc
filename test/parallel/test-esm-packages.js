'use strict';
// Bare specifiers through node_modules: "exports" with conditions
// (import/require/node/default), subpath patterns and null targets,
// "imports" (#internal, to builtins and packages), the legacy "main",
// exports sugar, scoped packages, JSON through exports, and Node's errors
// for what is not exported or not found.
const { assert, fixtures } = require('../common');
const { spawnSync } = require('child_process');

const r = spawnSync(process.execPath, [fixtures.path('esm', 'packages.mjs')],
                    { encoding: 'utf8' });
assert.strictEqual(r.status, 0, r.stderr);
assert.strictEqual(r.stdout, [
  'esm internal-esm legacy function',
  'feature-a node legacy 42 legacy-sub sugar scoped-import',
  'cond-pkg',
  'cjs internal-cjs',
  'scoped-default',
  "ERR_PACKAGE_PATH_NOT_EXPORTED Package subpath './feature/private/x' is " +
    'not defined by "exports" in <here>/node_modules/cond-pkg/package.json ' +
    'imported from <here>/packages.mjs',
  "ERR_PACKAGE_PATH_NOT_EXPORTED Package subpath './missing' is not defined " +
    'by "exports" in <here>/node_modules/cond-pkg/package.json imported ' +
    'from <here>/packages.mjs',
  "ERR_MODULE_NOT_FOUND Cannot find package 'no-such-pkg' imported from " +
    '<here>/packages.mjs',
  'ERR_PACKAGE_IMPORT_NOT_DEFINED Package import specifier "#nope" is not ' +
    'defined imported from <here>/packages.mjs',
  "ERR_PACKAGE_PATH_NOT_EXPORTED Package subpath './lib/esm.mjs' is not " +
    'defined by "exports" in <here>/node_modules/cond-pkg/package.json ' +
    'imported from <here>/packages.mjs',
  'true',
  '',
].join('\n'));

// require() of "#" specifiers uses the require condition.
const { createRequire } = require('module');
const req = createRequire(fixtures.path('esm', 'node_modules', 'cond-pkg',
                                        'lib', 'x.js'));
assert.deepStrictEqual(req('#internal'), { value: 'internal-cjs' });
assert.throws(() => req('#nope'), { code: 'ERR_PACKAGE_IMPORT_NOT_DEFINED' });
