'use strict';
// require.main, module.paths, __filename/__dirname and the wrapper
// arguments of the main module.
const common = require('../common');
const { assert } = common;
const path = require('path');

assert.strictEqual(require.main, module);
assert.strictEqual(process.mainModule, module);
assert.strictEqual(typeof require.resolve, 'function');
assert.strictEqual(typeof require.resolve.paths, 'function');

// A required module is not main; its parent is.
assert.deepStrictEqual(require('../fixtures/cjs/is-main'),
                       { isMain: false, parentIsMain: true });

// __filename is absolute, __dirname its directory.
assert.ok(path.isAbsolute(__filename));
assert.strictEqual(path.basename(__filename), 'test-module-main.js');
assert.strictEqual(__dirname, path.dirname(__filename));

// The wrapper passes exports, require, module, __filename, __dirname.
assert.strictEqual(arguments.length, 5);
assert.strictEqual(arguments[0], exports);
assert.strictEqual(arguments[1], require);
assert.strictEqual(arguments[2], module);
assert.strictEqual(arguments[3], __filename);
assert.strictEqual(arguments[4], __dirname);
assert.strictEqual(this, module.exports);

// module.paths: node_modules of every ancestor directory, nearest first,
// ending at the root; a directory already named node_modules gets none.
const paths = module.paths;
assert.ok(Array.isArray(paths));
assert.strictEqual(paths[0], path.join(__dirname, 'node_modules'));
assert.strictEqual(paths[1], path.join(__dirname, '..', 'node_modules'));
assert.strictEqual(paths[paths.length - 1], '/node_modules');
assert.strictEqual(paths.length, __dirname.split('/').length);
for (const p of paths) {
  assert.ok(!p.includes('node_modules/node_modules'), p);
}
const nmFile = common.fixtures.path('cjs', 'node_modules', 'plain-pkg',
                                    'index.js');
require(nmFile);
assert.strictEqual(require.cache[nmFile].paths[0],
                   path.join(path.dirname(nmFile), 'node_modules'));
assert.strictEqual(require.cache[nmFile].paths[1],
                   common.fixtures.path('cjs', 'node_modules'));

// require.resolve: absolute filenames, builtins returned as they are,
// the `paths` option, and resolve.paths().
assert.strictEqual(require.resolve('../fixtures/cjs/simple'),
                   common.fixtures.path('cjs', 'simple.js'));
assert.strictEqual(require.resolve('../fixtures/cjs/dir-index'),
                   common.fixtures.path('cjs', 'dir-index', 'index.js'));
assert.strictEqual(require.resolve('fs'), 'fs');
assert.strictEqual(require.resolve('node:fs'), 'node:fs');
assert.strictEqual(
  require.resolve('plain-pkg', { paths: [common.fixtures.path('cjs')] }),
  common.fixtures.path('cjs', 'node_modules', 'plain-pkg', 'index.js'));
// Relative requests with `paths` resolve against each given directory.
assert.strictEqual(
  require.resolve('./simple', { paths: [common.fixtures.path('cjs')] }),
  common.fixtures.path('cjs', 'simple.js'));
// The first directory that has the package wins.
assert.strictEqual(
  require.resolve('shadow-pkg', {
    paths: [common.fixtures.path('cjs', 'nested', 'a'),
            common.fixtures.path('cjs')],
  }),
  common.fixtures.path('cjs', 'nested', 'node_modules', 'shadow-pkg',
                       'index.js'));
assert.throws(() => require.resolve('plain-pkg'),
              { code: 'MODULE_NOT_FOUND' });
assert.throws(() => require.resolve('./nope', {
  paths: [common.fixtures.path('cjs')],
}), { code: 'MODULE_NOT_FOUND' });
// resolve() does not load the module.
const unloaded = common.fixtures.path('cjs', 'pkg-main', 'index.js');
require.resolve(unloaded);
assert.strictEqual(require.cache[unloaded], undefined);

assert.strictEqual(require.resolve.paths('fs'), null);
assert.strictEqual(require.resolve.paths('node:fs'), null);
assert.deepStrictEqual(require.resolve.paths('./x'), [__dirname]);
const lookup = require.resolve.paths('some-package');
assert.strictEqual(lookup[0], path.join(__dirname, 'node_modules'));
