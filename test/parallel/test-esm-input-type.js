'use strict';
// --input-type=module runs -e and stdin code as an ES module named
// [eval1] in the current directory; --print and script files refuse it;
// --input-type=commonjs is the default.
const { assert, fixtures } = require('../common');
const { spawnSync } = require('child_process');
const { pathToFileURL } = require('url');

const cwd = fixtures.path('esm');
function run(args, input) {
  return spawnSync(process.execPath, args, { cwd, input, encoding: 'utf8' });
}

const code = "import { sep } from 'path'; import lib from './basic/lib.mjs';" +
  'console.log(sep, lib, import.meta.url, typeof require); await null;' +
  "console.log('after await');";
const expected = `/ lib default ${pathToFileURL(`${cwd}/[eval1]`).href} ` +
  'undefined\nafter await\n';

let r = run(['--input-type=module', '-e', code]);
assert.strictEqual(r.stderr, '');
assert.strictEqual(r.stdout, expected);
r = run(['--input-type=module'], code);
assert.strictEqual(r.stderr, '');
assert.strictEqual(r.stdout, expected);

r = run(['--input-type=commonjs', '-e', 'console.log(typeof require)']);
assert.strictEqual(r.stdout, 'function\n');

r = run(['--input-type=module', '-p', '1']);
assert.strictEqual(r.status, 1);
assert.match(r.stderr, /Error \[ERR_EVAL_ESM_CANNOT_PRINT\]: --print cannot be used with ESM input/);

r = run(['--input-type=module', 'basic/main.mjs']);
assert.strictEqual(r.status, 1);
assert.match(r.stderr, /Error \[ERR_INPUT_TYPE_NOT_ALLOWED\]: --input-type can only be used with string input via --eval, --print, or STDIN/);

r = run(['--input-type=json', '-e', '1']);
assert.strictEqual(r.status, 9);
assert.match(r.stderr, /: --input-type must be "module" or "commonjs"\n$/);

// Errors in the module show its place.
r = run(['--input-type=module', '-e', "const x = 1;\nthrow new Error('e' + x)"]);
assert.strictEqual(r.status, 1);
assert.ok(r.stderr.startsWith(`${pathToFileURL(`${cwd}/[eval1]`).href}:2\n` +
                              "throw new Error('e' + x)\n      ^\n\nError: e1\n"),
          r.stderr);
