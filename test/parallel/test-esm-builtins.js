'use strict';
// Builtins as ES modules: named exports and the module as default, with
// or without node:, and named exports that follow the builtin's
// properties when module.syncBuiltinESMExports() runs.
const { assert, fixtures } = require('../common');
const { spawnSync } = require('child_process');

const r = spawnSync(process.execPath, [fixtures.path('esm', 'builtins.mjs')],
                    { encoding: 'utf8' });
assert.strictEqual(r.stderr, '');
assert.strictEqual(r.status, 0);
assert.strictEqual(r.stdout, [
  'true true',
  'function a/b /',
  'true',
  'true',
  'replaced true',
  'true undefined',
  '',
].join('\n'));

(async () => {
  const fs = require('fs');
  const ns = await import('node:fs');
  assert.strictEqual(ns, await import('fs'));
  assert.strictEqual(ns.default, fs);
  assert.strictEqual(ns.statSync, fs.statSync);
  const { syncBuiltinESMExports } = require('module');
  const saved = fs.statSync;
  fs.statSync = 'changed';
  assert.strictEqual(ns.statSync, saved);
  syncBuiltinESMExports();
  assert.strictEqual(ns.statSync, 'changed');
  fs.statSync = saved;
  syncBuiltinESMExports();
  assert.strictEqual(ns.statSync, saved);
  await assert.rejects(import('node:nope'),
                       { code: 'ERR_UNKNOWN_BUILTIN_MODULE' });
})().then(() => {}, (err) => { process.exitCode = 1; console.error(err); });
