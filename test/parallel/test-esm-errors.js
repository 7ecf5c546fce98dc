'use strict';
// How loading failures end the program: Node's error codes and texts, the
// place (file:line, source line, caret) for errors in the user's code.
const { assert, fixtures } = require('../common');
const { spawnSync } = require('child_process');
const { pathToFileURL } = require('url');

const dir = fixtures.path('esm', 'errors');
const url = (f) => pathToFileURL(`${dir}/${f}`).href;

function run(file) {
  const r = spawnSync(process.execPath, [`${dir}/${file}`],
                      { encoding: 'utf8' });
  assert.strictEqual(r.status, 1, `${file}: ${r.stderr}`);
  assert.strictEqual(r.stdout, '');
  assert.match(r.stderr, /\n\nNode\.js v18\.\d+\.\d+\n$/);
  return r.stderr;
}

function hasLine(stderr, line) {
  assert.ok(stderr.split('\n').includes(line), `no line\n${line}\nin\n${stderr}`);
}

hasLine(run('not-found.mjs'), "Error [ERR_MODULE_NOT_FOUND]: Cannot find " +
        `module '${dir}/nope.mjs' imported from ${dir}/not-found.mjs`);
hasLine(run('no-package.mjs'), "Error [ERR_MODULE_NOT_FOUND]: Cannot find " +
        `package 'no-such-package' imported from ${dir}/no-package.mjs`);
const dirImport = run('dir-import.mjs');
hasLine(dirImport, "Error [ERR_UNSUPPORTED_DIR_IMPORT]: Directory import '" +
        fixtures.path('esm', 'basic') + "' is not supported resolving ES " +
        `modules imported from ${dir}/dir-import.mjs`);
hasLine(dirImport, `  url: '${pathToFileURL(fixtures.path('esm', 'basic')).href}',`);
hasLine(run('unknown-ext.mjs'), 'TypeError [ERR_UNKNOWN_FILE_EXTENSION]: ' +
        `Unknown file extension ".txt" for ${dir}/file.txt`);
hasLine(run('bad-scheme.mjs'), 'Error [ERR_UNSUPPORTED_ESM_URL_SCHEME]: Only ' +
        'URLs with a scheme in: file, data, and node are supported by the ' +
        "default ESM loader. Received protocol 'https:'");
hasLine(run('bad-builtin.mjs'), 'Error [ERR_UNKNOWN_BUILTIN_MODULE]: No such ' +
        'built-in module: node:nope');

// A missing export: the place is the import, no blank line before it.
assert.ok(run('missing-export.mjs').startsWith(
  `${url('missing-export.mjs')}:2\n` +
  "import { real, missing } from './exports.mjs';\n" +
  '               ^^^^^^^\n' +
  "SyntaxError: The requested module './exports.mjs' does not provide an " +
  "export named 'missing'\n"));

// A syntax error, and an exception thrown while evaluating.
assert.ok(run('syntax.mjs').startsWith(
  `${url('syntax.mjs')}:2\nexport default = ok;\n               ^\n\n` +
  "SyntaxError: Unexpected token '='\n"));
assert.ok(run('throws.mjs').startsWith(
  `${url('throws.mjs')}:2\nthrow new RangeError('thrown at ' + n);\n` +
  '      ^\n\nRangeError: thrown at 1\n' +
  `    at ${url('throws.mjs')}:2:7\n`));

// CommonJS variables in an ES module: Node's explanation, and for a .js
// file in a "type": "module" package, how to make it CommonJS.
hasLine(run('../pkg-module/uses-require.js'),
        'ReferenceError: require is not defined in ES module scope, you can ' +
        'use import instead');
hasLine(run('../pkg-module/uses-require.js'),
        "This file is being treated as an ES module because it has a '.js' " +
        `file extension and '${fixtures.path('esm', 'pkg-module',
                                             'package.json')}' contains ` +
        '"type": "module". To treat it as a CommonJS script, rename it to ' +
        "use the '.cjs' file extension.");
import('data:text/javascript,exports.x = 1;').then(assert.fail, (err) => {
  assert.strictEqual(err.message, 'exports is not defined in ES module scope');
});
// The explanation is in the stack once.
import('data:text/javascript,require("x")').then(assert.fail, (err) => {
  assert.strictEqual(err.stack.split('\n')[0],
                     'ReferenceError: require is not defined in ES module ' +
                     'scope, you can use import instead');
});
const stderr = run('../pkg-module/uses-require.js');
assert.strictEqual(stderr.split('This file is being treated').length, 2,
                   stderr);
import('data:nope,1').then(assert.fail, (err) => {
  assert.strictEqual(err.code, 'ERR_INVALID_URL');
});
