// Flags: --experimental-vm-modules
'use strict';
// vm.SourceTextModule and vm.SyntheticModule: statuses, linking through
// the program's linker (with assertions), a cycle, evaluation and its
// errors, import.meta, synthetic exports, and Node's errors.
const { assert, mustCall } = require('../common');
const vm = require('vm');
const { SourceTextModule, SyntheticModule } = vm;

(async () => {
  const lib = new SourceTextModule('export let n = 1; export function inc() ' +
                                   '{ n++; }', { identifier: 'lib' });
  assert.strictEqual(lib.status, 'unlinked');
  assert.strictEqual(lib.identifier, 'lib');
  assert.throws(() => lib.namespace, { code: 'ERR_VM_MODULE_STATUS' });
  assert.throws(() => lib.error, { code: 'ERR_VM_MODULE_STATUS' });
  await assert.rejects(lib.evaluate(), { code: 'ERR_VM_MODULE_STATUS' });

  const syn = new SyntheticModule(['x'], function() {
    this.setExport('x', 'synthetic');
  });
  const main = new SourceTextModule(
    "import { n, inc } from 'lib'; import { x } from 'syn' assert { k: 'v' };\n" +
    'inc(); export const seen = [n, x, import.meta.tag];',
    { initializeImportMeta: mustCall((meta, m) => {
      assert.strictEqual(m, main);
      meta.tag = 'meta';
    }) });
  assert.deepStrictEqual(main.dependencySpecifiers, ['lib', 'syn']);
  await main.link(mustCall((specifier, referrer, extra) => {
    assert.strictEqual(referrer, main);
    if (specifier === 'syn') {
      assert.strictEqual(extra.assert.k, 'v');
      return syn;
    }
    return lib;
  }, 2));
  assert.strictEqual(main.status, 'linked');
  assert.strictEqual(lib.status, 'linked');
  await assert.rejects(main.link(() => lib),
                       { code: 'ERR_VM_MODULE_ALREADY_LINKED' });
  await main.evaluate();
  assert.strictEqual(main.status, 'evaluated');
  assert.deepStrictEqual(main.namespace.seen, [2, 'synthetic', 'meta']);
  syn.setExport('x', 'changed');
  assert.strictEqual(syn.namespace.x, 'changed');
  assert.throws(() => syn.setExport('nope', 1), ReferenceError);

  // A cycle: each module links the other.
  const a = new SourceTextModule("import { b } from 'b'; export const a = 'a';" +
                                 ' export const both = () => a + b;');
  const b = new SourceTextModule("import { a } from 'a'; export const b = 'b';");
  await a.link((s) => (s === 'a' ? a : b));
  await a.evaluate();
  assert.strictEqual(a.namespace.both(), 'ab');

  // Errors: a linker answering with no module, a module that throws.
  const bad = new SourceTextModule("import 'x';");
  await assert.rejects(bad.link(() => ({})),
                       { code: 'ERR_VM_MODULE_NOT_MODULE' });
  const thrower = new SourceTextModule("throw new RangeError('r');");
  await thrower.link(assert.fail);
  await assert.rejects(thrower.evaluate(), RangeError);
  assert.strictEqual(thrower.status, 'errored');
  assert.strictEqual(thrower.error.message, 'r');
  assert.throws(() => new SourceTextModule('x', 5),
                { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => new SyntheticModule(['a', 'a'], () => {}),
                { code: 'ERR_INVALID_ARG_VALUE' });
  assert.throws(() => new vm.Module(), TypeError);
  assert.match(require('util').inspect(lib), /^SourceTextModule \{/);
})().then(mustCall());

// A failed link leaves the module errored with that error; methods refuse
// other receivers; contexts other than the main one are refused.
(async () => {
  const m = new SourceTextModule("import 'x';");
  const why = new Error('no');
  await assert.rejects(m.link(() => { throw why; }), why);
  assert.strictEqual(m.status, 'errored');
  assert.strictEqual(m.error, why);
  assert.throws(() => SyntheticModule.prototype.setExport.call({}, 'a', 1),
                { code: 'ERR_VM_MODULE_NOT_MODULE' });
  assert.throws(() => new SourceTextModule('', { context: {} }),
                { code: 'ERR_INVALID_ARG_TYPE' });
})().then(mustCall());
