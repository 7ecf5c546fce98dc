// util.inspect layout and quoting on the paths its fast cases take: keys
// that are or are not identifiers, strings that need no escaping and those
// that do, array grouping cut short by one wide entry, nesting deep enough
// to reuse indentation strings, and the rarer object kinds next to plain
// ones.
'use strict';
const util = require('util');

const keys = {};
for (const k of ['a', '_', 'A9', '9a', 'a-b', 'a b', '', 'é', 'key0',
                 '__proto__x', 'Z_z_0', '$x', 'x$']) {
  keys[k] = 1;
}
console.log(util.inspect(keys));

const strings = ['plain text', "it's", 'say "hi"', 'back`tick', 'mix \'"`',
                 "all '\"` ${x}", 'tab\there', 'nl\nhere', 'bs\\', '\x7f\x9f',
                 '\ud83d\ude00 pair', 'lone \ud83d', 'lone \ude00', '',
                 'x'.repeat(300), `${'y'.repeat(300)}'`];
console.log(util.inspect(strings, { breakLength: Infinity }));
console.log(util.inspect(strings));

// Grouping: short items group, one long item anywhere stops it.
const short = Array.from({ length: 30 }, (_, i) => i * 3);
console.log(util.inspect(short));
for (const at of [0, 10, 29]) {
  const mixed = Array.from({ length: 30 }, (_, i) => `s${i}`);
  mixed[at] = 'a rather long entry that is far too wide for columns';
  console.log(util.inspect(mixed));
}
console.log(util.inspect(Array.from({ length: 30 }, (_, i) => ({ i }))));
console.log(util.inspect(Array.from({ length: 120 }, (_, i) => `w${i}`)));
console.log(util.inspect(short, { breakLength: 20 }));
console.log(util.inspect(short, { compact: 1 }));

// Deep nesting, one line and many lines, past the cached indentations.
let deep = { end: true };
for (let i = 0; i < 45; i++) deep = { level: i, next: deep, list: [i, 'x'] };
console.log(util.inspect(deep, { depth: Infinity }));
console.log(util.inspect(deep, { depth: Infinity, compact: true }));
console.log(util.inspect(deep, { depth: Infinity, compact: false }));
console.log(util.inspect(deep, { depth: 3 }));

// Plain kinds beside rarer ones, with extra keys and without prototypes.
const arr = [1, 2, 3];
arr.extra = 'yes';
const nullArr = Object.setPrototypeOf([1, 2], null);
const nullMap = Object.setPrototypeOf(new Map([[1, 2]]), null);
const nullObj = Object.create(null);
nullObj.x = 1;
function args() { return arguments; }
const noIter = args(1, 2);
delete noIter[Symbol.iterator];
const tagged = { [Symbol.toStringTag]: 'Tagged', v: 1 };
class Thing { constructor() { this.p = 1; } }
const mapWithKey = new Map([['k', { v: [1, { w: 2 }] }]]);
mapWithKey.own = true;
const setWithKey = new Set([1, 'two', [3]]);
setWithKey.own = true;
const values = [
  arr, nullArr, nullMap, nullObj, args(1, 'a'), noIter, tagged, new Thing(),
  mapWithKey, setWithKey, new Map(), new Set(), [], {}, [[]], [{}],
  { a: [], b: {}, c: new Map(), d: new Set() },
  Object.assign(() => {}, { prop: 1 }), Object.assign(/re/g, { p: 2 }),
  Object.assign(new Date(0), { q: 3 }), new Uint8Array(3),
  [new Map([[{ k: 1 }, new Set([{ s: 1 }])]])],
];
for (const value of values) {
  console.log(util.inspect(value));
  console.log(util.inspect(value, { depth: 0 }));
  console.log(util.inspect(value, { showHidden: true, sorted: true }));
}
console.log(util.inspect(values, { depth: Infinity, breakLength: 120 }));

// The same object printed again prints the same.
const once = util.inspect(deep, { depth: Infinity });
for (let i = 0; i < 50; i++) util.inspect(values, { depth: Infinity });
console.log(util.inspect(deep, { depth: Infinity }) === once);
