'use strict';
// process.emitWarning(): the 'warning' event, its Error object and fields,
// asynchronous delivery, and argument validation.
const common = require('../common');
const { assert } = common;

const seen = [];
let sync = true;
process.on('warning', (w) => {
  assert.strictEqual(sync, false, 'the warning event must come later');
  seen.push(w);
});

assert.strictEqual(process.emitWarning('plain'), undefined);
process.emitWarning('typed', 'CustomWarning');
process.emitWarning('coded', 'CustomWarning', 'NR001');
process.emitWarning('options', { type: 'OptWarning', code: 'NR002',
                                 detail: 'some detail' });
const own = new Error('own error');
own.name = 'OwnWarning';
process.emitWarning(own);
process.emitWarning('deprecated', 'DeprecationWarning', 'DEP0999');
sync = false;

setImmediate(common.mustCall(() => {
  assert.strictEqual(seen.length, 6);
  for (const w of seen) {
    assert.ok(w instanceof Error);
    assert.strictEqual(typeof w.stack, 'string');
  }
  const fields = seen.map((w) => [w.name, w.message, w.code, w.detail]);
  assert.deepStrictEqual(fields, [
    ['Warning', 'plain', undefined, undefined],
    ['CustomWarning', 'typed', undefined, undefined],
    ['CustomWarning', 'coded', 'NR001', undefined],
    ['OptWarning', 'options', 'NR002', 'some detail'],
    ['OwnWarning', 'own error', undefined, undefined],
    ['DeprecationWarning', 'deprecated', 'DEP0999', undefined],
  ]);
  // An Error passed in is delivered as is.
  assert.strictEqual(seen[4], own);

  // With process.noDeprecation, deprecation warnings are dropped.
  seen.length = 0;
  process.noDeprecation = true;
  process.emitWarning('hidden', 'DeprecationWarning', 'DEP0998');
  process.emitWarning('shown', 'OtherWarning');
  setImmediate(common.mustCall(() => {
    assert.deepStrictEqual(seen.map((w) => w.message), ['shown']);
  }));
}));

assert.throws(() => process.emitWarning(), {
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "warning" argument must be of type string or an instance ' +
    'of Error. Received undefined',
});
assert.throws(() => process.emitWarning(5), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => process.emitWarning('x', 5), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "type" argument must be of type string. ' +
    'Received type number (5)',
});
assert.throws(() => process.emitWarning('x', 'T', 5), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "code" argument must be of type string. ' +
    'Received type number (5)',
});
