'use strict';
// JSON modules: `assert { type: 'json' }` is required and checked, the
// default export is the parsed value (a BOM is skipped), one value per
// URL; Node's experimental warning is printed once.
const { assert, fixtures } = require('../common');
const { spawnSync } = require('child_process');

const r = spawnSync(process.execPath, [fixtures.path('esm', 'json', 'main.mjs')],
                    { encoding: 'utf8' });
assert.strictEqual(r.status, 0, r.stderr);
assert.strictEqual(r.stdout, [
  'data 3 true true',
  'true default',
  'TypeError ERR_IMPORT_ASSERTION_TYPE_MISSING Module "file:<dir>/data.json" ' +
    'needs an import attribute of type "json"',
  'TypeError ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED Import attribute type ' +
    '"css" is unsupported',
  'TypeError ERR_IMPORT_ASSERTION_TYPE_FAILED Module "file:<dir>/main.mjs" ' +
    'is not of type "json"',
  'no error ./data.json',
  'SyntaxError undefined <dir>/bad.json: Unexpected token } in JSON at ' +
    'position 9',
  '',
].join('\n'));
const warnings = r.stderr.split('\n').filter((l) => l.includes('Warning'));
assert.strictEqual(warnings.length, 1);
assert.match(warnings[0], /^\(node:\d+\) ExperimentalWarning: Importing JSON modules is an experimental feature and might change at any time$/);

// An unknown assertion key is refused when the module is first loaded.
const other = spawnSync(process.execPath, [
  '--input-type=module', '-e',
  "import './json/data.json' assert { type: 'json', mode: 'x' };",
], { cwd: fixtures.path('esm'), encoding: 'utf8' });
assert.strictEqual(other.status, 1);
assert.match(other.stderr, /TypeError \[ERR_IMPORT_ATTRIBUTE_UNSUPPORTED\]: Import attribute "mode" with value "x" is not supported/);

// The newer `with` form of the assertions, static and in import().
const withForm = spawnSync(process.execPath, [
  '--input-type=module', '-e',
  "import d from './json/data.json' with { type: 'json' };" +
  "const ns = await import('./json/data.json', { with: { type: 'json' } });" +
  'console.log(d.name, ns.default === d);',
], { cwd: fixtures.path('esm'), encoding: 'utf8' });
assert.strictEqual(withForm.stdout, 'data true\n');

// import and require() share one value per JSON file.
(async () => {
  const file = fixtures.path('esm', 'json', 'data.json');
  const viaRequire = require(file);
  const ns = await import(file, { assert: { type: 'json' } });
  assert.strictEqual(ns.default, viaRequire);
})().then(() => {}, (err) => { process.exitCode = 1; console.error(err); });
