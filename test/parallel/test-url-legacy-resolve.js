'use strict';
// url.resolve() and url.resolveObject(): bases, references and what
// Node 18 resolves them to.
const common = require('../common');
const { assert } = common;
const url = require('url');

const kFields = ['protocol', 'slashes', 'auth', 'host', 'port', 'hostname',
  'hash', 'search', 'query', 'pathname', 'path', 'href'];

const rows = [
  ['http://h/a/b/c', 'd', 'http://h/a/b/d'],
  ['http://h/a/b/c', './d', 'http://h/a/b/d'],
  ['http://h/a/b/c', '../d', 'http://h/a/d'],
  ['http://h/a/b/c', '../../../../d', 'http://h/d'],
  ['http://h/a/b/c', '/d', 'http://h/d'],
  ['http://h/a/b/c', '//other/d', 'http://other/d'],
  ['http://h/a/b/c', '?x', 'http://h/a/b/c?x'],
  ['http://h/a/b/c?y', '#f', 'http://h/a/b/c?y#f'],
  ['http://h/a/b/c', '', 'http://h/a/b/c'],
  ['http://h/a/b/c', '.', 'http://h/a/b/'],
  ['http://h/a/b/c', '..', 'http://h/a/'],
  ['http://h/a/b/', '..', 'http://h/a/'],
  ['http://h/a/b/c', 'https://x/y', 'https://x/y'],
  ['http://h/a/b/c', 'mailto:m@x', 'mailto:m@x'],
  ['http://h/a/b/c', 'https:rel', 'https://rel/'],
  ['http://u:p@h/a', 'b', 'http://u:p@h/b'],
  ['http://u:p@h/a', '//x/b', 'http://x/b'],
  ['http://u:p@h/a', 'http://h/b', 'http://u:p@h/b'],
  ['http://h', 'a', 'http://h/a'],
  ['http://h?q', 'a', 'http://h/a'],
  ['/a/b', 'c', '/a/c'],
  ['/a/b', '../../../c', '/c'],
  ['a/b', '../../c', '../c'],
  ['a/b', '../../../c', '../../c'],
  ['', 'x', 'x'],
  ['x', '', 'x'],
  ['mailto:a@b.com', 'c', 'mailto:a@c'],
  ['mailto:a@b.com', 'mailto:c@d', 'mailto:c@d'],
  ['mailto:a@b.com', '?s', 'mailto:a@b.com?s'],
  ['mailto:a@b.com', 'mailto:x', 'mailto:x'],
  ['sc:u@a/b', 'sc:', 'sc:a/b'],
  ['file:///a/b', 'c', 'file:///a/c'],
  ['file:///a/b', 'file:c', 'file:///a/c'],
  ['file:///C:/x/y', '../z', 'file:///C:/z'],
  ['javascript:void(0)', 'x', 'javascript:x'],
  ['http://h/a/b;p?q', 'g;x=1/../y', 'http://h/a/y'],
  ['http://h/a/b', 'g?y/./x', 'http://h/a/g?y/./x'],
  ['http://h/a/b', 'g#s/../x', 'http://h/a/g#s/../x'],
  ['http://[::1]/a', 'b', 'http://[::1]/b'],
  ['HTTP://H/a', 'B', 'http://h/B'],
];

const objs = [
  [
    'http://u@h:8/a/b?x#y',
    '../c?z#w',
    {
      protocol: 'http:',
      slashes: true,
      auth: 'u',
      host: 'h:8',
      port: '8',
      hostname: 'h',
      hash: '#w',
      search: '?z',
      query: 'z',
      pathname: '/c',
      path: '/c?z',
      href: 'http://u@h:8/c?z#w',
    },
  ],
  [
    'mailto:a@b.com',
    'c@d',
    {
      protocol: 'mailto:',
      auth: 'c',
      host: 'd',
      hostname: 'd',
      href: 'mailto:c@d',
    },
  ],
  [
    'http://h/a',
    'https:/x',
    {
      protocol: 'https:',
      slashes: true,
      host: 'x',
      hostname: 'x',
      pathname: '/',
      path: '/',
      href: 'https://x/',
    },
  ],
];

for (const [base, ref, expected] of rows) {
  const what = `${base} + ${ref}`;
  assert.strictEqual(url.resolve(base, ref), expected, what);
  // resolveObject() gives the same href when there is a base.
  if (base) {
    assert.strictEqual(url.resolveObject(base, ref).href, expected, what);
  }
  // So does resolving against a parsed Url.
  assert.strictEqual(url.parse(base, false, true).resolve(ref), expected,
                     what);
}

for (const [base, ref, expected] of objs) {
  const result = url.resolveObject(base, ref);
  assert.ok(result instanceof url.Url);
  for (const key of kFields) {
    const want = key in expected ? expected[key] : null;
    assert.strictEqual(result[key], want, `${base} + ${ref}: ${key}`);
  }
}

// Without a base, resolveObject() returns the reference as given.
assert.strictEqual(url.resolveObject('', 'x'), 'x');
assert.strictEqual(url.resolveObject(null, 'x'), 'x');
const ref = url.parse('c');
assert.strictEqual(url.resolveObject(undefined, ref), ref);
// A parsed reference works too.
assert.strictEqual(url.resolveObject(url.parse('http://a/b'), ref).href,
                   'http://a/c');

for (const bad of [5, null, undefined, {}]) {
  assert.throws(() => url.resolve(bad, 'x'), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: /^The "url" argument must be of type string/,
  });
}
assert.throws(() => url.resolve('http://a/', 5), {
  code: 'ERR_INVALID_ARG_TYPE',
});
