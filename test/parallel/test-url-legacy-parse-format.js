'use strict';
// The legacy url.parse() and url.format(): tables of inputs and the
// results Node 18 gives for them, plus argument checks.
const common = require('../common');
const { assert } = common;
const url = require('url');

const kFields = ['protocol', 'slashes', 'auth', 'host', 'port', 'hostname',
  'hash', 'search', 'query', 'pathname', 'path', 'href'];

// Expected objects list the fields that are not null.
function check(parsed, expected, what) {
  assert.ok(parsed instanceof url.Url, what);
  assert.deepStrictEqual(Object.keys(parsed), kFields, what);
  for (const key of kFields) {
    const want = key in expected ? expected[key] : null;
    if (key === 'query' && want !== null && typeof want === 'object') {
      assert.strictEqual(Object.getPrototypeOf(parsed.query), null, what);
      assert.deepStrictEqual({ ...parsed.query }, want, `${what} ${key}`);
    } else {
      assert.strictEqual(parsed[key], want, `${what} ${key}`);
    }
  }
}

const rows = [
  [
    'http://user:pass@host.com:8080/p/a/t/h?query=string#hash',
    {
      protocol: 'http:',
      slashes: true,
      auth: 'user:pass',
      host: 'host.com:8080',
      port: '8080',
      hostname: 'host.com',
      hash: '#hash',
      search: '?query=string',
      query: 'query=string',
      pathname: '/p/a/t/h',
      path: '/p/a/t/h?query=string',
      href: 'http://user:pass@host.com:8080/p/a/t/h?query=string#hash',
    },
  ],
  [
    'HTTP://www.Example.COM/a/b',
    {
      protocol: 'http:',
      slashes: true,
      host: 'www.example.com',
      hostname: 'www.example.com',
      pathname: '/a/b',
      path: '/a/b',
      href: 'http://www.example.com/a/b',
    },
  ],
  [
    'https://example.com',
    {
      protocol: 'https:',
      slashes: true,
      host: 'example.com',
      hostname: 'example.com',
      pathname: '/',
      path: '/',
      href: 'https://example.com/',
    },
  ],
  [
    'http://example.com?x=1',
    {
      protocol: 'http:',
      slashes: true,
      host: 'example.com',
      hostname: 'example.com',
      search: '?x=1',
      query: 'x=1',
      pathname: '/',
      path: '/?x=1',
      href: 'http://example.com/?x=1',
    },
  ],
  [
    'http://example.com#top',
    {
      protocol: 'http:',
      slashes: true,
      host: 'example.com',
      hostname: 'example.com',
      hash: '#top',
      pathname: '/',
      path: '/',
      href: 'http://example.com/#top',
    },
  ],
  [
    'http://a/b#c#d?e',
    {
      protocol: 'http:',
      slashes: true,
      host: 'a',
      hostname: 'a',
      hash: '#c#d?e',
      pathname: '/b',
      path: '/b',
      href: 'http://a/b#c#d?e',
    },
  ],
  [
    'http://a?b#c',
    {
      protocol: 'http:',
      slashes: true,
      host: 'a',
      hostname: 'a',
      hash: '#c',
      search: '?b',
      query: 'b',
      pathname: '/',
      path: '/?b',
      href: 'http://a/?b#c',
    },
  ],
  ['//a/b', { pathname: '//a/b', path: '//a/b', href: '//a/b' }],
  [
    '//user@host/path',
    {
      slashes: true,
      auth: 'user',
      host: 'host',
      hostname: 'host',
      pathname: '/path',
      path: '/path',
      href: '//user@host/path',
    },
  ],
  [
    '/just/a/path?q=1',
    {
      search: '?q=1',
      query: 'q=1',
      pathname: '/just/a/path',
      path: '/just/a/path?q=1',
      href: '/just/a/path?q=1',
    },
  ],
  [
    '/path with spaces/x',
    {
      pathname: '/path%20with%20spaces/x',
      path: '/path%20with%20spaces/x',
      href: '/path%20with%20spaces/x',
    },
  ],
  [
    'relative/path',
    {
      pathname: 'relative/path',
      path: 'relative/path',
      href: 'relative/path',
    },
  ],
  [
    '?only=query',
    {
      search: '?only=query',
      query: 'only=query',
      path: '?only=query',
      href: '?only=query',
    },
  ],
  ['#only-hash', { hash: '#only-hash', href: '#only-hash' }],
  ['', { href: '' }],
  [
    '   http://trim.me/  ',
    {
      protocol: 'http:',
      slashes: true,
      host: 'trim.me',
      hostname: 'trim.me',
      pathname: '/',
      path: '/',
      href: 'http://trim.me/',
    },
  ],
  [
    '\xA0http://nbsp/\uFEFF',
    {
      protocol: 'http:',
      slashes: true,
      host: 'nbsp',
      hostname: 'nbsp',
      pathname: '/',
      path: '/',
      href: 'http://nbsp/',
    },
  ],
  [
    'http:\\\\back\\slash\\path?q\\x',
    {
      protocol: 'http:',
      slashes: true,
      host: 'back',
      hostname: 'back',
      search: '?q%5Cx',
      query: 'q%5Cx',
      pathname: '/slash/path',
      path: '/slash/path?q%5Cx',
      href: 'http://back/slash/path?q%5Cx',
    },
  ],
  [
    'http://a b/c',
    {
      protocol: 'http:',
      slashes: true,
      host: 'a',
      hostname: 'a',
      pathname: '%20b/c',
      path: '%20b/c',
      href: 'http://a/%20b/c',
    },
  ],
  [
    'http://a"b/',
    {
      protocol: 'http:',
      slashes: true,
      host: 'a',
      hostname: 'a',
      pathname: '%22b/',
      path: '%22b/',
      href: 'http://a/%22b/',
    },
  ],
  [
    'http://a:b:c/',
    {
      protocol: 'http:',
      slashes: true,
      host: 'a',
      hostname: 'a',
      pathname: '/:b:c/',
      path: '/:b:c/',
      href: 'http://a/:b:c/',
    },
  ],
  [
    'http://host:/',
    {
      protocol: 'http:',
      slashes: true,
      host: 'host',
      hostname: 'host',
      pathname: '/',
      path: '/',
      href: 'http://host/',
    },
  ],
  [
    'http://:8080/',
    {
      protocol: 'http:',
      slashes: true,
      host: ':8080',
      port: '8080',
      hostname: '',
      pathname: '/',
      path: '/',
      href: 'http://:8080/',
    },
  ],
  [
    'http://[::1]:8080/path',
    {
      protocol: 'http:',
      slashes: true,
      host: '[::1]:8080',
      port: '8080',
      hostname: '::1',
      pathname: '/path',
      path: '/path',
      href: 'http://[::1]:8080/path',
    },
  ],
  [
    'http://münchen.de/',
    {
      protocol: 'http:',
      slashes: true,
      host: 'xn--mnchen-3ya.de',
      hostname: 'xn--mnchen-3ya.de',
      pathname: '/',
      path: '/',
      href: 'http://xn--mnchen-3ya.de/',
    },
  ],
  [
    'http://ＡＢＣ.com/',
    {
      protocol: 'http:',
      slashes: true,
      host: 'abc.com',
      hostname: 'abc.com',
      pathname: '/',
      path: '/',
      href: 'http://abc.com/',
    },
  ],
  [
    'http://xn--mnchen-3ya.de/',
    {
      protocol: 'http:',
      slashes: true,
      host: 'xn--mnchen-3ya.de',
      hostname: 'xn--mnchen-3ya.de',
      pathname: '/',
      path: '/',
      href: 'http://xn--mnchen-3ya.de/',
    },
  ],
  [
    'http://a\xADb.com/',
    {
      protocol: 'http:',
      slashes: true,
      host: 'ab.com',
      hostname: 'ab.com',
      pathname: '/',
      path: '/',
      href: 'http://ab.com/',
    },
  ],
  [
    'http://tab\there/x',
    {
      protocol: 'http:',
      slashes: true,
      host: 'tabhere',
      hostname: 'tabhere',
      pathname: '/x',
      path: '/x',
      href: 'http://tabhere/x',
    },
  ],
  [
    'http://host/tab\there',
    {
      protocol: 'http:',
      slashes: true,
      host: 'host',
      hostname: 'host',
      pathname: '/tab%09here',
      path: '/tab%09here',
      href: 'http://host/tab%09here',
    },
  ],
  [
    'http://%41@host/',
    {
      protocol: 'http:',
      slashes: true,
      auth: 'A',
      host: 'host',
      hostname: 'host',
      pathname: '/',
      path: '/',
      href: 'http://A@host/',
    },
  ],
  [
    'http://a@b@c/',
    {
      protocol: 'http:',
      slashes: true,
      auth: 'a@b',
      host: 'c',
      hostname: 'c',
      pathname: '/',
      path: '/',
      href: 'http://a%40b@c/',
    },
  ],
  [
    'http://@host/',
    {
      protocol: 'http:',
      slashes: true,
      auth: '',
      host: 'host',
      hostname: 'host',
      pathname: '/',
      path: '/',
      href: 'http://host/',
    },
  ],
  [
    'http://a:@host/',
    {
      protocol: 'http:',
      slashes: true,
      auth: 'a:',
      host: 'host',
      hostname: 'host',
      pathname: '/',
      path: '/',
      href: 'http://a:@host/',
    },
  ],
  [
    'mailto:user@example.com',
    {
      protocol: 'mailto:',
      auth: 'user',
      host: 'example.com',
      hostname: 'example.com',
      href: 'mailto:user@example.com',
    },
  ],
  [
    'mailto:someone',
    {
      protocol: 'mailto:',
      host: 'someone',
      hostname: 'someone',
      href: 'mailto:someone',
    },
  ],
  [
    'javascript:alert("x y")',
    {
      protocol: 'javascript:',
      pathname: 'alert("x y")',
      path: 'alert("x y")',
      href: 'javascript:alert("x y")',
    },
  ],
  [
    'javascript://comment%0Aalert(1)',
    {
      protocol: 'javascript:',
      pathname: '//comment%0Aalert(1)',
      path: '//comment%0Aalert(1)',
      href: 'javascript://comment%0Aalert(1)',
    },
  ],
  [
    'file:///etc/passwd',
    {
      protocol: 'file:',
      slashes: true,
      host: '',
      hostname: '',
      pathname: '/etc/passwd',
      path: '/etc/passwd',
      href: 'file:///etc/passwd',
    },
  ],
  [
    'file://host/share/file',
    {
      protocol: 'file:',
      slashes: true,
      host: 'host',
      hostname: 'host',
      pathname: '/share/file',
      path: '/share/file',
      href: 'file://host/share/file',
    },
  ],
  [
    'file:/relative',
    {
      protocol: 'file:',
      pathname: '/relative',
      path: '/relative',
      href: 'file:///relative',
    },
  ],
  [
    'x:/a',
    {
      protocol: 'x:',
      host: '',
      hostname: '',
      pathname: '/a',
      path: '/a',
      href: 'x:/a',
    },
  ],
  [
    'sc://host/p?q',
    {
      protocol: 'sc:',
      slashes: true,
      host: 'host',
      hostname: 'host',
      search: '?q',
      query: 'q',
      pathname: '/p',
      path: '/p?q',
      href: 'sc://host/p?q',
    },
  ],
  [
    'git+ssh://git@github.com:user/repo.git',
    {
      protocol: 'git+ssh:',
      slashes: true,
      auth: 'git',
      host: 'github.com',
      hostname: 'github.com',
      pathname: '/:user/repo.git',
      path: '/:user/repo.git',
      href: 'git+ssh://git@github.com/:user/repo.git',
    },
  ],
  [
    'http://a.com/{}|\\^`\'<>',
    {
      protocol: 'http:',
      slashes: true,
      host: 'a.com',
      hostname: 'a.com',
      pathname: '/%7B%7D%7C/%5E%60%27%3C%3E',
      path: '/%7B%7D%7C/%5E%60%27%3C%3E',
      href: 'http://a.com/%7B%7D%7C/%5E%60%27%3C%3E',
    },
  ],
  [
    'http://a.com/é/ü?ö=ä#ß',
    {
      protocol: 'http:',
      slashes: true,
      host: 'a.com',
      hostname: 'a.com',
      hash: '#ß',
      search: '?ö=ä',
      query: 'ö=ä',
      pathname: '/é/ü',
      path: '/é/ü?ö=ä',
      href: 'http://a.com/é/ü?ö=ä#ß',
    },
  ],
  [
    'HTTP://A.COM:80/',
    {
      protocol: 'http:',
      slashes: true,
      host: 'a.com:80',
      port: '80',
      hostname: 'a.com',
      pathname: '/',
      path: '/',
      href: 'http://a.com:80/',
    },
  ],
  [
    'ws://socket:443',
    {
      protocol: 'ws:',
      slashes: true,
      host: 'socket:443',
      port: '443',
      hostname: 'socket',
      pathname: '/',
      path: '/',
      href: 'ws://socket:443/',
    },
  ],
  [
    'http://a.b./',
    {
      protocol: 'http:',
      slashes: true,
      host: 'a.b.',
      hostname: 'a.b.',
      pathname: '/',
      path: '/',
      href: 'http://a.b./',
    },
  ],
  [
    'http://0x7f.1/',
    {
      protocol: 'http:',
      slashes: true,
      host: '0x7f.1',
      hostname: '0x7f.1',
      pathname: '/',
      path: '/',
      href: 'http://0x7f.1/',
    },
  ],
  [
    'http://a_b+c.d-e/',
    {
      protocol: 'http:',
      slashes: true,
      host: 'a_b+c.d-e',
      hostname: 'a_b+c.d-e',
      pathname: '/',
      path: '/',
      href: 'http://a_b+c.d-e/',
    },
  ],
  ['/a"b', { pathname: '/a"b', path: '/a"b', href: '/a"b' }],
  [
    '/x?a@b',
    {
      search: '?a@b',
      query: 'a@b',
      pathname: '/x',
      path: '/x?a@b',
      href: '/x?a@b',
    },
  ],
  [
    '//a?b@c',
    {
      search: '?b@c',
      query: 'b@c',
      pathname: '//a',
      path: '//a?b@c',
      href: '//a?b@c',
    },
  ],
];

const rowsQ = [
  [
    '/p?a=1&b=2&a=3',
    {
      search: '?a=1&b=2&a=3',
      query: { a: ['1', '3'], b: '2' },
      pathname: '/p',
      path: '/p?a=1&b=2&a=3',
      href: '/p?a=1&b=2&a=3',
    },
  ],
  [
    'http://x/?',
    {
      protocol: 'http:',
      slashes: true,
      host: 'x',
      hostname: 'x',
      search: '?',
      query: {  },
      pathname: '/',
      path: '/?',
      href: 'http://x/?',
    },
  ],
  [
    'http://x/',
    {
      protocol: 'http:',
      slashes: true,
      host: 'x',
      hostname: 'x',
      query: {  },
      pathname: '/',
      path: '/',
      href: 'http://x/',
    },
  ],
  [
    '//h/p?x=y',
    {
      search: '?x=y',
      query: { x: 'y' },
      pathname: '//h/p',
      path: '//h/p?x=y',
      href: '//h/p?x=y',
    },
  ],
  [
    'http://x/?a=%41+b',
    {
      protocol: 'http:',
      slashes: true,
      host: 'x',
      hostname: 'x',
      search: '?a=%41+b',
      query: { a: 'A b' },
      pathname: '/',
      path: '/?a=%41+b',
      href: 'http://x/?a=%41+b',
    },
  ],
];

const rowsS = [
  [
    '//host/path',
    {
      slashes: true,
      host: 'host',
      hostname: 'host',
      pathname: '/path',
      path: '/path',
      href: '//host/path',
    },
  ],
  [
    '//user@host',
    {
      slashes: true,
      auth: 'user',
      host: 'host',
      hostname: 'host',
      href: '//user@host',
    },
  ],
  ['/path', { pathname: '/path', path: '/path', href: '/path' }],
  [
    'host/path',
    { pathname: 'host/path', path: 'host/path', href: 'host/path' },
  ],
  [
    '//a@b?c',
    {
      slashes: true,
      auth: 'a',
      host: 'b',
      hostname: 'b',
      search: '?c',
      query: 'c',
      path: '?c',
      href: '//a@b?c',
    },
  ],
];

const errs = [
  ['http://[fe80::1%25eth0]/', 'TypeError', 'ERR_INVALID_URL'],
  ['http://xn--a.com/', 'TypeError', 'ERR_INVALID_URL'],
  ['http://\xAD/', 'TypeError', 'ERR_INVALID_URL'],
  ['http://a[b/', 'TypeError', 'ERR_INVALID_URL'],
  ['http://%zz@host/', 'URIError', null],
];

const fmts = [
  [{ protocol: 'http', host: 'a.com', pathname: 'x' }, 'http://a.com/x'],
  [
    {
      protocol: 'https:',
      hostname: 'a.com',
      port: 8443,
      pathname: '/x',
      search: 'q=1',
      hash: 'h',
    },
    'https://a.com:8443/x?q=1#h',
  ],
  [{ protocol: 'http', hostname: '::1', port: 80 }, 'http://[::1]:80'],
  [{ protocol: 'http', hostname: '[::1]' }, 'http://[::1]'],
  [{ protocol: 'file', pathname: '/etc/hosts' }, 'file:///etc/hosts'],
  [
    { protocol: 'mailto', auth: 'me', hostname: 'example.com' },
    'mailto:me@example.com',
  ],
  [{ protocol: 'mailto', pathname: 'me@example.com' }, 'mailto:me@example.com'],
  [{ protocol: 'x', slashes: true, host: 'h', pathname: 'p' }, 'x://h/p'],
  [{ auth: 'user name:pa@ss', host: 'h' }, 'user%20name:pa%40ss@h'],
  [{ host: 'h', query: { a: [1, 2], b: 'c d' } }, 'h?a=1&a=2&b=c%20d'],
  [{ host: 'h', search: '?s', query: { ignored: 1 } }, 'h?s'],
  [{ pathname: '/a#b?c', search: 'x#y', hash: '#z' }, '/a%23b%3Fc?x%23y#z'],
  [{ protocol: 'http', host: 'h', hostname: 'ignored', port: 99 }, 'http://h'],
  [{ slashes: true, pathname: 'x' }, '///x'],
  [{  }, ''],
  [{ href: 'http://ignored/' }, ''],
];

const strs = [
  ['http://A.com/b c?d#e', 'http://a.com/b%20c?d#e'],
  ['/a b', '/a%20b'],
  ['HTTP://x:80', 'http://x:80/'],
];

for (const [input, expected] of rows) {
  check(url.parse(input), expected, JSON.stringify(input));
  // Formatting the result gives its href back.
  assert.strictEqual(url.format(url.parse(input)), expected.href || '');
}
for (const [input, expected] of rowsQ) {
  check(url.parse(input, true), expected, JSON.stringify(input));
}
for (const [input, expected] of rowsS) {
  check(url.parse(input, false, true), expected, JSON.stringify(input));
}
for (const [input, name, code] of errs) {
  assert.throws(() => url.parse(input), (err) => {
    assert.strictEqual(err.name, name);
    if (code !== null) {
      assert.strictEqual(err.code, code);
      assert.strictEqual(err.input, input);
    }
    return true;
  }, input);
}

// A host longer than 255 characters is dropped.
check(url.parse(`http://${'a'.repeat(256)}/x`), {
  protocol: 'http:', slashes: true, host: '', hostname: '', pathname: '/x',
  path: '/x', href: 'http:///x',
}, 'long host');

// A Url passed in is returned as it is.
const parsed = url.parse('http://x/');
assert.strictEqual(url.parse(parsed), parsed);
assert.deepStrictEqual(Object.keys(new url.Url()), kFields);
assert.deepStrictEqual(Object.keys(url.Url.prototype),
                       ['parse', 'format', 'resolve', 'resolveObject',
                        'parseHost']);

for (const bad of [undefined, null, 5, {}, true]) {
  assert.throws(() => url.parse(bad), {
    name: 'TypeError',
    code: 'ERR_INVALID_ARG_TYPE',
  });
}

for (const [object, expected] of fmts) {
  assert.strictEqual(url.format(object), expected, JSON.stringify(object));
}
for (const [input, expected] of strs) {
  assert.strictEqual(url.format(input), expected, input);
}
for (const bad of [undefined, null, 5, true, Symbol('s')]) {
  assert.throws(() => url.format(bad), {
    name: 'TypeError',
    code: 'ERR_INVALID_ARG_TYPE',
    message: /^The "urlObject" argument must be one of type object or string/,
  });
}
// Fields that are not strings fail as in Node.
assert.throws(() => url.format({ hash: true }), TypeError);
assert.throws(() => url.format({ protocol: 5 }), TypeError);
assert.strictEqual(url.format({ pathname: 5 }), '5');

// url.format() of a WHATWG URL, with options.
{
  const whatwg = new url.URL('http://u:p@xn--mnchen-3ya.de:81/a?b#c');
  assert.strictEqual(url.format(whatwg),
                     'http://u:p@xn--mnchen-3ya.de:81/a?b#c');
  assert.strictEqual(url.format(whatwg, {
    unicode: true, auth: false, search: false, fragment: false,
  }), 'http://münchen.de:81/a');
  // Missing or null options mean the defaults; other falsy values turn
  // a part off.
  assert.strictEqual(url.format(whatwg, { fragment: null, auth: undefined }),
                     'http://u:p@xn--mnchen-3ya.de:81/a?b#c');
  assert.strictEqual(url.format(whatwg, { fragment: 0, search: '' }),
                     'http://u:p@xn--mnchen-3ya.de:81/a');
  assert.strictEqual(url.format(whatwg, null),
                     'http://u:p@xn--mnchen-3ya.de:81/a?b#c');
  // An empty query or fragment stays, as in href.
  assert.strictEqual(url.format(new url.URL('http://a/?#')), 'http://a/?#');
  for (const bad of [5, 'str', true, [], () => {}]) {
    assert.throws(() => url.format(whatwg, bad), {
      name: 'TypeError',
      code: 'ERR_INVALID_ARG_TYPE',
      message: /^The "options" argument must be of type object\./,
    });
  }
}
