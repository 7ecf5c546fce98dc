'use strict';
// A require() cycle hands out the partial exports of the module that is
// still loading, and both modules finish loading afterwards.
const common = require('../common');
const { assert } = common;

const a = require('../fixtures/cjs/cycle-a');
const b = require('../fixtures/cjs/cycle-b');

// b ran while a was in the middle of its body: it saw a's early export
// only.
assert.deepStrictEqual(b.seenByB, ['early']);
// a resumed after b had finished, so it saw all of b.
assert.deepStrictEqual(a.seenByA, { bEarly: 'b-early', bLate: 'b-late' });
assert.strictEqual(a.late, 'a-late');
assert.strictEqual(b.late, 'b-late');

// Both are cached and fully loaded now.
const aPath = require.resolve('../fixtures/cjs/cycle-a');
const bPath = require.resolve('../fixtures/cjs/cycle-b');
assert.strictEqual(require.cache[aPath].exports, a);
assert.strictEqual(require.cache[bPath].exports, b);
assert.strictEqual(require.cache[aPath].loaded, true);
assert.strictEqual(require.cache[bPath].loaded, true);
// b was first required by a, so a is its parent.
assert.strictEqual(require.cache[bPath].parent, require.cache[aPath]);
assert.ok(require.cache[aPath].children.includes(require.cache[bPath]));
