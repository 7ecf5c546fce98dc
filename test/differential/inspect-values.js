// Values of every kind through console.log and util.inspect options.
'use strict';
const util = require('util');

class Foo { constructor() { this.x = 1; } }
class Bar extends Foo { get y() { return 2; } }
const circular = { name: 'c' };
circular.self = circular;
const sparse = [1, , 3];  // eslint-disable-line no-sparse-arrays
sparse.extra = true;
const nullProto = Object.create(null);
nullProto.k = 'v';
const sym = Symbol('s');
const values = [
  undefined, null, true, false, 0, -0, 1.5, -1e21, NaN, Infinity, 10n,
  'str', 'it\'s', 'new\nline', 'quote "q"', '\u001b[31m', sym,
  [], [1, 2, 3], sparse, new Array(5), Array.from({ length: 120 }, (_, i) => i),
  Array.from({ length: 30 }, (_, i) => `item-${i}`),
  {}, { a: 1, 'b-c': 2, [sym]: 3, 4: 'four' }, { nested: { deeper: { deepest: { x: 1 } } } },
  circular, nullProto, new Foo(), new Bar(),
  function named() {}, () => {}, async function af() {}, function* gen() {},
  class A {}, class B extends Foo {}, Math.max,
  new Date(0), new Date(NaN), /re+/gi, new Error('plain').message,
  new Map([[1, 'one'], ['two', { t: 2 }]]), new Set([1, 'a', [2]]),
  new Map([[1, 2]]).entries(), new Set([5]).values(), new WeakMap(), new WeakSet(),
  Promise.resolve(42), Promise.reject(new Error('x')).catch(() => {}) && 'caught',
  new Promise(() => {}), new Uint8Array([1, 2, 3]), new Float64Array(2),
  new ArrayBuffer(4), new DataView(new ArrayBuffer(2)), new Number(3), new String('boxed'),
  new Boolean(false), Object(Symbol('bs')), Object(5n),
  { get g() { return 1; }, set s(v) {}, get gs() { return 2; }, set gs(v) {} },
  (function() { return arguments; })(1, 2),
  { [Symbol.toStringTag]: 'Tagged', v: 1 },
  { [util.inspect.custom]() { return 'CUSTOM'; } },
  { [util.inspect.custom](depth, opts) { return { depth, color: opts.colors }; } },
  'a'.repeat(200), { long: 'b'.repeat(100), other: 'c'.repeat(30) },
  [[1, [2, [3, [4, [5]]]]]], { a: [{ b: { c: {} } }] },
];
for (const v of values) console.log(v);
const opts = [
  { depth: 0 }, { depth: Infinity }, { compact: false }, { compact: 1 },
  { breakLength: 40 }, { sorted: true }, { showHidden: true },
  { maxArrayLength: 2 }, { maxStringLength: 5 }, { numericSeparator: true },
  { getters: true }, { colors: true }, { customInspect: false },
];
const sample = { b: [1, 2, 3, 4], a: 'text that is fairly long indeed', n: 1234567.891,
  nested: { deep: { deeper: { deepest: 1 } } }, m: new Map([['k', 1]]),
  get g() { return 'got'; }, arr: Array.from({ length: 8 }, (_, i) => i * 1000) };
for (const o of opts) console.log(util.inspect(sample, o));
console.log(util.inspect(new Proxy({ t: 1 }, {}), { showProxy: true }));
console.log(util.inspect(new Proxy({ t: 1 }, {})));
console.log('%s|%d|%i|%f|%j|%o|%O|%c|%%', 'str', 42.5, 42.5, '3.5', { j: 1 }, [1], { O: 1 }, 'css');
console.log('extra', 1, { a: 1 }, 'args');
