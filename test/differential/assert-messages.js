// AssertionError messages.
'use strict';
const assert = require('assert');
const cases = [
  () => assert.strictEqual(1, 2),
  () => assert.strictEqual('a\nb', 'a\nc'),
  () => assert.deepStrictEqual({ a: [1, 2, { b: 3 }] }, { a: [1, 2, { b: 4 }] }),
  () => assert.deepStrictEqual([1, 2, 3], [1, 2, 3, 4]),
  () => assert.deepEqual(new Map([[1, 2]]), new Map([[1, 3]])),
  () => assert.notStrictEqual(5, 5),
  () => assert.equal(1, 2, 'custom message'),
  () => assert.throws(() => {}),
  () => assert.throws(() => { throw new TypeError('t'); }, RangeError),
  () => assert.throws(() => { throw new Error('m'); }, { message: 'other' }),
  () => assert.match('abc', /x/),
  () => assert.doesNotThrow(() => { throw new Error('thrown'); }),
  () => assert.fail('failed'),
  () => assert.ifError(new Error('if')),
  () => assert.deepStrictEqual(new Set([1]), new Set(['1'])),
];
for (const c of cases) {
  try { c(); console.log('no throw'); } catch (e) {
    console.log(`${e.name} ${e.code} ${e.operator} generated=${e.generatedMessage}`);
    console.log(e.message);
  }
}
assert.rejects(Promise.resolve(1)).catch((e) => console.log('rejects:', e.message));
