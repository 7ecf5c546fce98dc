'use strict';
// structuredClone: deep copies through V8's serializer, transfers, errors.
const { assert } = require('../common');

const date = new Date(5);
const src = {
  n: 1, s: 'x', big: 10n, neg0: -0, nan: NaN, date, re: /a/gi,
  map: new Map([[1, { deep: [1, 2] }]]), set: new Set(['a']),
  typed: new Uint16Array([1, 2]), nested: { arr: [1, [2, [3]]] },
  err: new RangeError('boom'),
};
src.self = src;
const copy = structuredClone(src);
assert.notStrictEqual(copy, src);
assert.strictEqual(copy.self, copy);  // cycles kept
assert.deepStrictEqual(copy.map, src.map);
assert.notStrictEqual(copy.map.get(1), src.map.get(1));
assert.strictEqual(copy.date.getTime(), 5);
assert.strictEqual(copy.re.flags, 'gi');
assert.strictEqual(Object.is(copy.neg0, -0), true);
assert.strictEqual(copy.big, 10n);
assert.deepStrictEqual([...copy.typed], [1, 2]);
assert.strictEqual(copy.err instanceof RangeError, true);
assert.strictEqual(copy.err.message, 'boom');
assert.strictEqual(structuredClone(1, null), 1);

// Transferred ArrayBuffers move: the original is emptied.
const ab = new ArrayBuffer(4);
new Uint8Array(ab)[0] = 9;
const moved = structuredClone({ ab }, { transfer: [ab] });
assert.strictEqual(ab.byteLength, 0);
assert.strictEqual(new Uint8Array(moved.ab)[0], 9);
// A SharedArrayBuffer is shared, not copied.
const sab = new SharedArrayBuffer(4);
const shared = structuredClone(sab);
new Uint8Array(shared)[1] = 7;
assert.strictEqual(new Uint8Array(sab)[1], 7);

// Errors as Node words them.
assert.throws(() => structuredClone(), {
  name: 'TypeError', code: 'ERR_MISSING_ARGS',
  message: 'The "value" argument must be specified',
});
assert.throws(() => structuredClone(() => 1), (err) => {
  assert.ok(err instanceof DOMException);
  assert.strictEqual(err.name, 'DataCloneError');
  assert.strictEqual(err.code, 25);
  assert.strictEqual(err.message, '() => 1 could not be cloned.');
  return true;
});
assert.throws(() => structuredClone(1, { transfer: 5 }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'Optional transferList argument must be an iterable',
});
const twice = new ArrayBuffer(1);
assert.throws(() => structuredClone(1, { transfer: [twice, twice] }), {
  name: 'DataCloneError',
  message: 'Transfer list contains duplicate ArrayBuffer',
});
assert.throws(() => structuredClone(1, { transfer: [1] }), {
  code: 'ERR_INVALID_TRANSFER_OBJECT',
  message: 'Found invalid object in transferList',
});
assert.throws(() => structuredClone({ f() {} }), { name: 'DataCloneError' });
