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
