'use strict';
// import() from CommonJS, from ES modules and from -e code: every format,
// relative to the importing file, one module per URL, data: URLs, and
// rejections for what cannot load.
const { assert, fixtures } = require('../common');
const { spawnSync } = require('child_process');

function run(args) {
  const r = spawnSync(process.execPath, args,
                      { cwd: fixtures.path('esm'), encoding: 'utf8' });
  assert.strictEqual(r.status, 0, r.stderr);
  return r.stdout;
}

assert.strictEqual(run(['dynamic/from-cjs.js']), [
  'lib default function',
  '1 true',
  'true true',
  'data',
  'true',
  'ERR_MODULE_NOT_FOUND',
  'ERR_REQUIRE_ESM',
  'true',
  '',
].join('\n'));
assert.strictEqual(run(['dynamic/from-esm.mjs']), 'true false\n42\n1\n');
// From -e: relative to the current directory.
assert.strictEqual(
  run(['-e', "import('./basic/lib.mjs').then((m) => console.log(m.default))"]),
  'lib default\n');

// import() never throws synchronously.
const p = import('./no/such/file.mjs');
assert.ok(p instanceof Promise);
p.then(assert.fail, (err) => {
  assert.strictEqual(err.code, 'ERR_MODULE_NOT_FOUND');
});
import('data:text/javascript,export const n = 7;').then((ns) => {
  assert.strictEqual(ns.n, 7);
});

