'use strict';
// Static imports between ES modules: named, default and namespace imports,
// live bindings, a cycle, import.meta.url / import.meta.resolve, and what
// ES module code does not have (require, module, exports, this).
const { assert, fixtures } = require('../common');
const { spawnSync } = require('child_process');

const r = spawnSync(process.execPath, [fixtures.path('esm', 'basic', 'main.mjs')],
                    { encoding: 'utf8' });
assert.strictEqual(r.stderr, '');
assert.strictEqual(r.status, 0);
assert.strictEqual(r.stdout, [
  'lib default 0',
  '1 1 count,default,increment,order',
  'a+b b,ReferenceError,a,main',
  'true',
  'true',
  'undefined undefined undefined undefined',
  '',
].join('\n'));

// A module's namespace object, seen from CommonJS through import().
import(fixtures.path('esm', 'basic', 'lib.mjs')).then((ns) => {
  assert.strictEqual(Object.prototype.toString.call(ns), '[object Module]');
  assert.strictEqual(Object.getPrototypeOf(ns), null);
  assert.deepStrictEqual(Object.keys(ns), ['count', 'default', 'increment',
    'order']);
  assert.throws(() => { ns.count = 1; }, TypeError);
  ns.increment();
  assert.strictEqual(ns.count, 1);
});

// import.meta.resolve gives URLs of files that do not exist and of
// folders; with --experimental-import-meta-resolve a parent URL may be
// given as a string or a URL (Node 18 ignores it otherwise).
function meta(...flags) {
  return spawnSync(process.execPath,
                   [...flags, fixtures.path('esm', 'basic', 'meta.mjs')],
                   { encoding: 'utf8' }).stdout;
}
const here = require('url').pathToFileURL(fixtures.path('esm', 'basic')).href;
assert.strictEqual(meta(), `true true\nnode:fs ${here}/x ${here}/y\n` +
                   'ERR_MODULE_NOT_FOUND\n');
assert.strictEqual(meta('--experimental-import-meta-resolve'),
                   'true true\nnode:fs file:///a/x file:///c/y\n' +
                   'ERR_INVALID_ARG_TYPE\nERR_INVALID_ARG_TYPE\n' +
                   'ERR_INVALID_ARG_TYPE\nERR_MODULE_NOT_FOUND\n');
