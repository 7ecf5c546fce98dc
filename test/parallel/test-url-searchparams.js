'use strict';
// URLSearchParams: construction from strings, pairs and records, the
// list methods, iteration, sorting, serialization, errors and
// inspection, as in Node 18.
const common = require('../common');
const { assert, mustCall } = common;
const util = require('util');
const { URLSearchParams } = require('url');

const list = (params) => [...params];

// Construction.
assert.deepStrictEqual(list(new URLSearchParams('?a=1&&b=2=3&c&=d&a=4')),
                       [['a', '1'], ['b', '2=3'], ['c', ''], ['', 'd'],
                        ['a', '4']]);
assert.deepStrictEqual(list(new URLSearchParams('??a')), [['?a', '']]);
assert.deepStrictEqual(list(new URLSearchParams('a+b=c%20d+%2B')),
                       [['a b', 'c d +']]);
assert.deepStrictEqual(list(new URLSearchParams('x=%zz&y=%E2%82&z=%C3%A9')),
                       [['x', '%zz'], ['y', '\uFFFD'], ['z', 'é']]);
assert.deepStrictEqual(list(new URLSearchParams([['a', 1], new Set('bc')])),
                       [['a', '1'], ['b', 'c']]);
assert.deepStrictEqual(list(new URLSearchParams(new Map([['m', 'n']]))),
                       [['m', 'n']]);
assert.deepStrictEqual(list(new URLSearchParams({ a: 1, b: [2, 3] })),
                       [['a', '1'], ['b', '2,3']]);
{
  // Only own enumerable properties of a record count.
  const record = Object.create({ inherited: 1 });
  record.own = 'x';
  Object.defineProperty(record, 'hidden', { value: 1, enumerable: false });
  assert.deepStrictEqual(list(new URLSearchParams(record)), [['own', 'x']]);
}
const copy = new URLSearchParams('a=1');
assert.deepStrictEqual(list(new URLSearchParams(copy)), [['a', '1']]);
for (const init of [undefined, null, '', '?', '&&']) {
  assert.strictEqual(new URLSearchParams(init).toString(), '');
}
assert.strictEqual(new URLSearchParams(5).toString(), '5=');
assert.strictEqual(new URLSearchParams({ '\uD800': '\uDC00' }).toString(),
                   '%EF%BF%BD=%EF%BF%BD');
assert.throws(() => new URLSearchParams([['a']]), {
  name: 'TypeError',
  code: 'ERR_INVALID_TUPLE',
  message: 'Each query pair must be an iterable [name, value] tuple',
});
assert.throws(() => new URLSearchParams([['a', 'b', 'c']]), {
  code: 'ERR_INVALID_TUPLE',
});
assert.throws(() => new URLSearchParams(['ab']), {
  code: 'ERR_INVALID_TUPLE',
});
assert.throws(() => new URLSearchParams({ [Symbol.iterator]: 1 }), {
  name: 'TypeError',
  code: 'ERR_ARG_NOT_ITERABLE',
  message: 'Query pairs must be iterable',
});
assert.throws(() => new URLSearchParams(Symbol('s')), TypeError);
assert.throws(() => URLSearchParams(), TypeError);

// Methods.
const params = new URLSearchParams('a=1&b=2&a=3');
assert.strictEqual(params.get('a'), '1');
assert.strictEqual(params.get('z'), null);
assert.deepStrictEqual(params.getAll('a'), ['1', '3']);
assert.deepStrictEqual(params.getAll('z'), []);
assert.strictEqual(params.has('b'), true);
assert.strictEqual(params.has('a', '3'), true);
assert.strictEqual(params.has('a', '2'), false);
assert.strictEqual(params.size, 3);
params.append('c', 4);
params.set('a', 'x');
assert.strictEqual(params.toString(), 'a=x&b=2&c=4');
params.set('new', 'y');
params.delete('b');
assert.strictEqual(params.toString(), 'a=x&c=4&new=y');
params.append('c', '5');
params.delete('c', '4');
assert.strictEqual(params.toString(), 'a=x&new=y&c=5');

// Serialization uses the application/x-www-form-urlencoded set.
assert.strictEqual(
  new URLSearchParams([['k', ' !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~é\u{1F600}']])
    .toString(),
  'k=+%21%22%23%24%25%26%27%28%29*%2B%2C-.%2F%3A%3B%3C%3D%3E%3F%40%5B%5C' +
  '%5D%5E_%60%7B%7C%7D%7E%C3%A9%F0%9F%98%80');

// sort() is stable and compares UTF-16 code units.
const sorting = new URLSearchParams('z=1&\uFFFD=2&a=3&\u{1F600}=4&a=5&z=0');
sorting.sort();
assert.deepStrictEqual(list(sorting).map(([k, v]) => k + v),
                       ['a3', 'a5', 'z1', 'z0', '\u{1F600}4', '\uFFFD2']);

// Iteration.
const iter = new URLSearchParams('a=1&b=2');
assert.strictEqual(iter[Symbol.iterator], iter.entries);
assert.deepStrictEqual([...iter.keys()], ['a', 'b']);
assert.deepStrictEqual([...iter.values()], ['1', '2']);
const it = iter.entries();
assert.strictEqual(Object.prototype.toString.call(it),
                   '[object URLSearchParams Iterator]');
assert.deepStrictEqual(it.next(), { value: ['a', '1'], done: false });
assert.deepStrictEqual(it.next(), { value: ['b', '2'], done: false });
assert.deepStrictEqual(it.next(), { value: undefined, done: true });
assert.strictEqual(typeof it[Symbol.iterator], 'function');
assert.throws(() => it.next.call({}), {
  code: 'ERR_INVALID_THIS',
  message: 'Value of "this" must be of type URLSearchParamsIterator',
});
// The iterator sees changes made while iterating.
{
  const live = new URLSearchParams('a=1&b=2&c=3');
  const seen = [];
  for (const [key] of live) {
    seen.push(key);
    live.delete('b');
  }
  assert.deepStrictEqual(seen, ['a', 'c']);
}

// forEach passes value, key and the object, with thisArg.
{
  const target = new URLSearchParams('a=1&b=2');
  const calls = [];
  target.forEach(mustCall(function(value, key, obj) {
    calls.push([value, key, obj === target, this]);
  }, 2), 'this');
  assert.deepStrictEqual(calls, [['1', 'a', true, 'this'],
                                 ['2', 'b', true, 'this']]);
  assert.throws(() => target.forEach(), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "callback" argument must be of type function. ' +
      'Received undefined',
  });
}

// Argument and receiver checks.
const p = new URLSearchParams();
assert.throws(() => p.append('a'), {
  code: 'ERR_MISSING_ARGS',
  message: 'The "name" and "value" arguments must be specified',
});
assert.throws(() => p.set('a'), { code: 'ERR_MISSING_ARGS' });
for (const method of ['get', 'getAll', 'has', 'delete']) {
  assert.throws(() => p[method](), {
    code: 'ERR_MISSING_ARGS',
    message: 'The "name" argument must be specified',
  });
}
for (const method of ['append', 'get', 'toString', 'keys']) {
  assert.throws(() => URLSearchParams.prototype[method].call({}, 'a', 'b'), {
    name: 'TypeError',
    code: 'ERR_INVALID_THIS',
    message: 'Value of "this" must be of type URLSearchParams',
  });
}

// Shape.
assert.deepStrictEqual(Object.keys(URLSearchParams.prototype), ['size',
  'append', 'delete', 'get', 'getAll', 'has', 'set', 'sort', 'entries',
  'forEach', 'keys', 'values', 'toString']);
assert.strictEqual(URLSearchParams.prototype[Symbol.toStringTag],
                   'URLSearchParams');
assert.deepStrictEqual(
  [p.append.length, p.delete.length, p.has.length, p.forEach.length],
  [2, 1, 1, 1]);

// Inspection.
assert.strictEqual(util.inspect(new URLSearchParams()), 'URLSearchParams {}');
assert.strictEqual(util.inspect(new URLSearchParams('a=1&b=2&a=3')),
                   "URLSearchParams { 'a' => '1', 'b' => '2', 'a' => '3' }");
assert.strictEqual(util.inspect(new URLSearchParams('a=1&b=2'),
                                { breakLength: 21 }),
                   "URLSearchParams {\n  'a' => '1',\n  'b' => '2' }");
assert.strictEqual(util.inspect(new URLSearchParams('a=1').keys()),
                   "URLSearchParams Iterator { 'a' }");
assert.strictEqual(util.inspect(new URLSearchParams('a=1&b=2').entries()),
                   "URLSearchParams Iterator { [ 'a', '1' ], [ 'b', '2' ] }");
assert.strictEqual(util.inspect(new URLSearchParams('a=1&b=2').values(),
                                { breakLength: 20 }),
                   "URLSearchParams Iterator {\n  '1',\n  '2' }");
{
  const done = new URLSearchParams('a=1').keys();
  done.next();
  assert.strictEqual(util.inspect(done), 'URLSearchParams Iterator {  }');
}
assert.strictEqual(util.inspect({ a: new URLSearchParams('x=y') },
                                { depth: -1 }), '[Object]');
assert.strictEqual(util.inspect({ a: new URLSearchParams('x=y') },
                                { depth: 0 }), '{ a: [Object] }');
class MyParams extends URLSearchParams {}
assert.strictEqual(util.inspect(new MyParams('a=1')),
                   "MyParams { 'a' => '1' }");
