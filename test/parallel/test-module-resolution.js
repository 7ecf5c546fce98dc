'use strict';
// CommonJS resolution: relative and absolute paths, extensions, directory
// index files, package.json "main", node_modules lookup and scoped packages.
const common = require('../common');
const { assert } = common;
const path = require('path');

const fx = common.fixtures.path('cjs');

// Relative requires resolve against the requiring file's directory, not the
// process's working directory.
process.chdir(path.parse(process.cwd()).root);
const simple = require('../fixtures/cjs/simple');
assert.strictEqual(simple.name, 'simple');
assert.strictEqual(simple.filename, path.join(fx, 'simple.js'));
assert.strictEqual(simple.dirname, fx);
// A module body runs with `this` === module.exports.
assert.strictEqual(simple.thisIsExports, true);

// The same file through an absolute path, with or without extension, is
// the same cached module.
assert.strictEqual(require(path.join(fx, 'simple.js')), simple);
assert.strictEqual(require(path.join(fx, 'simple')), simple);
assert.strictEqual(require('../fixtures/cjs/simple.js'), simple);
assert.strictEqual(require('./../fixtures/cjs/../cjs/simple'), simple);

// JSON files are parsed; the extension may be omitted.
assert.deepStrictEqual(require('../fixtures/cjs/data.json'),
                       { kind: 'json', list: [1, 2, 3] });
assert.strictEqual(require('../fixtures/cjs/data'),
                   require('../fixtures/cjs/data.json'));
assert.strictEqual(require('../fixtures/cjs/only-json'), 'only-json');

// .js is tried before .json.
assert.strictEqual(require('../fixtures/cjs/both'), 'both.js');
assert.strictEqual(require('../fixtures/cjs/both.json'), 'both.json');

// A directory loads its index.js.
assert.strictEqual(require('../fixtures/cjs/dir-index'), 'dir-index');
assert.strictEqual(require('../fixtures/cjs/dir-index/'), 'dir-index');

// package.json "main" wins over index.js, and its extension is optional.
assert.strictEqual(require('../fixtures/cjs/pkg-main'), 'pkg-main entry');
assert.strictEqual(require('../fixtures/cjs/pkg-main-noext'),
                   'pkg-main-noext start');

// Bare names are looked up in node_modules directories, walking up the
// tree from the requiring file; the nearest one wins.
const deep = require('../fixtures/cjs/nested/a/b/deep');
assert.strictEqual(deep.plain.name, 'plain-pkg');
assert.strictEqual(deep.plain.file,
                   path.join(fx, 'node_modules', 'plain-pkg', 'index.js'));
assert.strictEqual(deep.shadow, 'inner shadow-pkg');
assert.deepStrictEqual(deep.paths.slice(0, 5), [
  path.join(fx, 'nested', 'a', 'b', 'node_modules'),
  path.join(fx, 'nested', 'a', 'node_modules'),
  path.join(fx, 'nested', 'node_modules'),
  path.join(fx, 'node_modules'),
  path.join(common.fixturesDir, 'node_modules'),
]);

// A bare name is never resolved against the requiring file's own directory.
assert.throws(() => require('simple'), { code: 'MODULE_NOT_FOUND' });

// A file inside a package (no "exports") can be required directly.
const fromFx = (id) => require(require.resolve(id, { paths: [fx] }));
assert.strictEqual(fromFx('plain-pkg/deep/file'), 'plain-pkg/deep/file');
assert.strictEqual(fromFx('plain-pkg/deep/file.js'), 'plain-pkg/deep/file');

// Scoped packages: the scope is a directory level of node_modules.
assert.strictEqual(fromFx('@scope/scoped'), '@scope/scoped main');
assert.strictEqual(fromFx('@scope/scoped/extra'), '@scope/scoped extra');
assert.strictEqual(require.resolve('@scope/scoped', { paths: [fx] }),
                   path.join(fx, 'node_modules', '@scope', 'scoped',
                             'main.js'));

// Missing modules: MODULE_NOT_FOUND with the require stack.
assert.throws(() => require('../fixtures/cjs/does-not-exist'), (err) => {
  assert.strictEqual(err.code, 'MODULE_NOT_FOUND');
  assert.strictEqual(err.message.split('\n')[0],
                     "Cannot find module '../fixtures/cjs/does-not-exist'");
  assert.deepStrictEqual(err.requireStack, [__filename]);
  return true;
});
assert.throws(() => require('no-such-package-anywhere'), {
  code: 'MODULE_NOT_FOUND',
  message: /^Cannot find module 'no-such-package-anywhere'\nRequire stack:\n- /,
});

// Bad arguments.
assert.throws(() => require(''), {
  code: 'ERR_INVALID_ARG_VALUE',
  name: 'TypeError',
  message: "The argument 'id' must be a non-empty string. Received ''",
});
assert.throws(() => require(5), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "id" argument must be of type string. ' +
    'Received type number (5)',
});
