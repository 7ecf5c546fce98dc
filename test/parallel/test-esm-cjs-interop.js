'use strict';
// Importing CommonJS: the default export is module.exports, named exports
// are found statically in the source (assignments, defineProperty with a
// value or a member getter, object literals, reexports through
// require()), whether or not the code runs, and never in comments,
// strings, templates or regular expressions.
const { assert, fixtures } = require('../common');
const { spawnSync } = require('child_process');

function run(file) {
  const r = spawnSync(process.execPath, [fixtures.path('esm', 'cjs', file)],
                      { encoding: 'utf8' });
  assert.strictEqual(r.stderr, '');
  assert.strictEqual(r.status, 0);
  return r.stdout;
}

assert.strictEqual(run('main.mjs'), [
  '__esModule,a,b,c,default,f,notRun',
  'true 1 undefined undefined',
  'default,x,y 1 undefined',
  '__esModule,a,b,c,default,f,notRun',
  '__esModule,default,own,spread spread own',
  'called p default 42',
  'default function',
  'true',
  '',
].join('\n'));

assert.strictEqual(run('forms.mjs'), [
  'default,later,viaGetter,viaGetter2,viaTemplateAfter,viaValue spread ' +
    'spread v',
  'a,b,c,d,default,spread',
  '',
].join('\n'));

// A missing name gets Node's hint, with the import's own braces.
const missing = spawnSync(process.execPath, [
  '--input-type=module', '-e',
  "import { a, nope as other } from './cjs/named.cjs';",
], { cwd: fixtures.path('esm'), encoding: 'utf8' });
assert.strictEqual(missing.status, 1);
assert.ok(missing.stderr.startsWith(
  `${require('url').pathToFileURL(fixtures.path('esm', '[eval1]')).href}:1\n` +
  "import { a, nope as other } from './cjs/named.cjs';\n" +
  '            ^^^^\n' +
  "SyntaxError: Named export 'nope' not found. The requested module " +
  "'./cjs/named.cjs' is a CommonJS module, which may not support all " +
  'module.exports as named exports.\nCommonJS modules can always be ' +
  'imported via the default export, for example using:\n\n' +
  "import pkg from './cjs/named.cjs';\nconst { a, nope: other } = pkg;\n\n"),
          missing.stderr);
