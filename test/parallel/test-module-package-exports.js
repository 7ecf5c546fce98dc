'use strict';
// package.json "exports": conditions, subpaths, patterns, null targets,
// ERR_PACKAGE_PATH_NOT_EXPORTED, and a package referring to itself.
const common = require('../common');
const { assert } = common;
const path = require('path');

const fx = common.fixtures.path('cjs');
const nm = path.join(fx, 'node_modules');
const resolve = (id) => require.resolve(id, { paths: [fx] });
// A require() rooted in the fixtures directory, whose node_modules holds
// the packages.
const fxRequire = require('../fixtures/cjs/requirer');
const load = (id) => {
  const exported = fxRequire(id);
  assert.strictEqual(require(resolve(id)), exported);
  return exported;
};

// "." with conditions: require is chosen over default; import is ignored;
// "main" is ignored when "exports" exists.
assert.strictEqual(resolve('exports-pkg'),
                   path.join(nm, 'exports-pkg', 'req.js'));
assert.strictEqual(load('exports-pkg'), 'exports-pkg require condition');

// The "node" condition matches; a condition noderun does not know
// ("browser", "worker", "import") is skipped; "default" is the fallback.
assert.strictEqual(load('cond-node-pkg'), 'node');
assert.strictEqual(load('cond-default-pkg'), 'fallback');
// Conditions are tried in the object's key order, not by priority.
assert.strictEqual(load('cond-order-pkg'), 'first key wins');
// "exports" as a plain string is the "." entry.
assert.strictEqual(load('string-exports-pkg'), 'string exports');

// Exact subpaths.
assert.strictEqual(load('exports-pkg/sub'), 'exports-pkg sub');
assert.strictEqual(resolve('exports-pkg/package.json'),
                   path.join(nm, 'exports-pkg', 'package.json'));

// Subpath patterns: "*" may match several path segments.
assert.strictEqual(load('exports-pkg/features/alpha'), 'feature alpha');
assert.strictEqual(resolve('exports-pkg/features/alpha'),
                   path.join(nm, 'exports-pkg', 'feat', 'alpha.js'));
assert.strictEqual(load('exports-pkg/features/group/beta'),
                   'feature group/beta');

const notExportedMessages = [];
function notExported(id, subpath, pkg) {
  const pkgJson = path.join(nm, pkg, 'package.json');
  assert.throws(() => resolve(id), (err) => {
    assert.strictEqual(err.code, 'ERR_PACKAGE_PATH_NOT_EXPORTED');
    assert.strictEqual(err.name, 'Error');
    notExportedMessages.push([err.message,
                              `Package subpath '${subpath}' is not defined ` +
                              `by "exports" in ${pkgJson}`]);
    return true;
  });
  assert.throws(() => fxRequire(id),
                { code: 'ERR_PACKAGE_PATH_NOT_EXPORTED' });
}

// Files that exist but are not listed are hidden, even with the extension.
notExported('exports-pkg/lib/hidden', './lib/hidden', 'exports-pkg');
notExported('exports-pkg/lib/sub.js', './lib/sub.js', 'exports-pkg');
notExported('exports-pkg/main-ignored.js', './main-ignored.js',
            'exports-pkg');
// A more specific pattern with a null target hides part of a wider one.
notExported('exports-pkg/features/private/secret',
            './features/private/secret', 'exports-pkg');
// String "exports" exports only the package itself.
notExported('string-exports-pkg/other', './other', 'string-exports-pkg');

// An absolute path into the package is not subject to "exports".
assert.strictEqual(require(path.join(nm, 'exports-pkg', 'lib', 'hidden.js')),
                   'exports-pkg hidden (not exported)');

// Self-reference: inside a package with "name" and "exports", the package
// can require itself (and its exported subpaths) by name.
const self = require('../fixtures/cjs/self-ref/lib/user');
assert.deepStrictEqual(self, { main: true, util: 'self-ref util' });
assert.strictEqual(self, require('../fixtures/cjs/self-ref/main'));
// Outside the package the name means nothing.
assert.throws(() => require('self-ref-pkg'), { code: 'MODULE_NOT_FOUND' });

// The error message names the subpath and the package.json (checked last so
// that a wrong text does not hide the behaviour checks above).
for (const [actual, expected] of notExportedMessages) {
  assert.strictEqual(actual, expected);
}
