// util.format, inspect options, types and helpers, as printed.
'use strict';
const util = require('util');
console.log(util.format('%s %d %i %f %j %o %O %c %%', 'str', 42.5, 42.5, '3.5', { a: [1] }, [1, { b: 2 }], { c: new Map([[1, 2]]) }, 'css'));
console.log(util.format('%s', Symbol('s')), util.format('%d', 10n), util.format('%s', -0), util.format(1, 2, '3'));
console.log(util.format('%s', { toString() { return 'custom'; } }), util.format('%s', new Error('e').message));
const nested = { a: { b: { c: { d: { e: 1 } } } }, arr: Array.from({ length: 120 }, (_, i) => i), s: 'x'.repeat(50) };
console.log(util.inspect(nested, { depth: 1, maxArrayLength: 5, breakLength: 40 }));
console.log(util.inspect(nested, { depth: Infinity, compact: false, maxStringLength: 10 }));
console.log(util.inspect({ b: 1, a: 2, c: { z: 1, y: 2 } }, { sorted: true }));
console.log(util.inspect(1234567.891, { numericSeparator: true }), util.inspect(-12345678n, { numericSeparator: true }));
console.log(util.inspect({ get g() { return 5; }, set s(v) {} }, { getters: true }));
console.log(util.inspect(new Proxy({ t: 1 }, {}), { showProxy: true }), util.inspect(new Proxy([1], {})));
console.log(util.inspect([1, , 3, undefined, null], { showHidden: true }));
console.log(util.inspect('a\nb\'c"', { colors: true }), util.inspect(new Date(0), { colors: true }));
class Foo { constructor() { this.x = 1; } [util.inspect.custom](depth, opts) { return `Foo<${opts.stylize(this.x, 'number')}>`; } }
console.log(util.inspect(new Foo()), util.inspect({ f: new Foo() }));
console.log(util.types.isPromise(Promise.resolve()), util.types.isRegExp(/x/), util.types.isBoxedPrimitive(Object(1n)));
console.log(util.isDeepStrictEqual({ a: [1, { b: NaN }] }, { a: [1, { b: NaN }] }), util.isDeepStrictEqual([0], [-0]));
console.log(util.stripVTControlCharacters('\u001b[31mred\u001b[39m'), util.toUSVString('a\ud800b'));
console.log(util.inspect(util.promisify(setTimeout)), typeof util.callbackify(async () => 1));
function Old() {}
util.inherits(Old, require('events'));
console.log(Old.super_ === require('events'), Object.getPrototypeOf(Old.prototype) === require('events').prototype);
console.log(util.parseArgs({ args: ['-f', '--bar', 'b', 'pos'], options: { f: { type: 'boolean', short: 'f' }, bar: { type: 'string' } }, allowPositionals: true }));
const m = new util.MIMEType('text/html; charset=utf-8');
console.log(String(m), m.essence, m.params.get('charset'));
console.log(util.inspect(new Map([[{ a: 1 }, new Set([1, 2])]]), { compact: 1 }));
console.log(util.inspect(Object.create(null, { x: { value: 1, enumerable: true } })));
console.log(util.inspect(new (class extends Array {})(3)), util.inspect(Object.assign(() => {}, { p: 1 })));
console.log(util.inspect(new WeakMap(), { showHidden: true }), util.inspect(Symbol.iterator), util.inspect(globalThis).length > 100);
console.log(util.inspect(new Error('boom', { cause: new TypeError('why') })).split('\n')[0]);
const circ = { name: 'c' }; circ.self = circ; circ.list = [circ, { circ }];
console.log(util.inspect(circ));
