'use strict';
// The WHATWG URL class: construction, components, setters, origin,
// serialization, errors and its shape, as in Node 18.
const common = require('../common');
const { assert } = common;
const util = require('util');
const { URL, URLSearchParams } = require('url');

function parts(u) {
  return [u.href, u.origin, u.protocol, u.username, u.password, u.host,
    u.hostname, u.port, u.pathname, u.search, u.hash];
}

// Components.
assert.deepStrictEqual(
  parts(new URL('HTTPS://User:Pa ss@EXAMPLE.com:8443/a/./b/../c d?q=1 2#f g')),
  ['https://User:Pa%20ss@example.com:8443/a/c%20d?q=1%202#f%20g',
   'https://example.com:8443', 'https:', 'User', 'Pa%20ss',
   'example.com:8443', 'example.com', '8443', '/a/c%20d', '?q=1%202',
   '#f%20g']);
assert.deepStrictEqual(
  parts(new URL('mailto:Someone@Example.com')),
  ['mailto:Someone@Example.com', 'null', 'mailto:', '', '', '', '', '',
   'Someone@Example.com', '', '']);
assert.deepStrictEqual(
  parts(new URL('file:///C:/dir/../x.txt')),
  ['file:///C:/x.txt', 'null', 'file:', '', '', '', '', '', '/C:/x.txt', '',
   '']);
// Default ports are dropped; empty query and fragment stay in href only.
assert.strictEqual(new URL('http://h:80/').href, 'http://h/');
assert.strictEqual(new URL('wss://h:443').port, '');
assert.strictEqual(new URL('ftp://h:21').host, 'h');
const empty = new URL('http://h/?#');
assert.deepStrictEqual([empty.href, empty.search, empty.hash],
                       ['http://h/?#', '', '']);

// Relative references.
const base = 'http://a/b/c/d;p?q';
for (const [ref, expected] of [
  ['g', 'http://a/b/c/g'], ['./g/', 'http://a/b/c/g/'], ['/g', 'http://a/g'],
  ['//g', 'http://g/'], ['?y', 'http://a/b/c/d;p?y'], ['#s',
    'http://a/b/c/d;p?q#s'], ['../..', 'http://a/'],
  ['../../../g', 'http://a/g'], ['g\\h', 'http://a/b/c/g/h'],
  ['https:g', 'https://g/'], ['http:g', 'http://a/b/c/g'],
]) {
  assert.strictEqual(new URL(ref, base).href, expected, ref);
  assert.strictEqual(new URL(ref, new URL(base)).href, expected, ref);
}

// Hosts: IPv4 in all its forms, IPv6, IDNA, opaque hosts.
for (const [input, host] of [
  ['http://0x7f.1/', '127.0.0.1'], ['http://0177.0.0.1/', '127.0.0.1'],
  ['http://2130706433/', '127.0.0.1'], ['http://127.1/', '127.0.0.1'],
  ['http://1.2.3.4./', '1.2.3.4'], ['http://0x/', '0.0.0.0'],
  ['http://[0:0:0:0:0:0:0:1]/', '[::1]'], ['http://[1:0:0:2::3:0]/',
    '[1::2:0:0:3:0]'], ['http://[::ffff:1.2.3.4]/', '[::ffff:102:304]'],
  ['http://[1:0::]/', '[1::]'], ['http://münchen.DE/', 'xn--mnchen-3ya.de'],
  ['http://Ｇｏ.com/', 'go.com'], ['http://faß.de/', 'xn--fa-hia.de'],
  ['http://a\u00ADb/', 'ab'], ['http://%41%42/', 'ab'],
  ['sc://%41%42/', '%41%42'], ['sc://Ü/', '%C3%9C'],
]) {
  assert.strictEqual(new URL(input).host, host, input);
}
for (const input of [
  'http://1.2.3.256/', 'http://4294967296/', 'http://1.2.3.4.5/',
  'http://[::1/', 'http://[1::2::3]/', 'http://[::1.2.3]/', 'http://a b/',
  'http://a%00b/', 'http://xn--a/', 'http://\u00AD/', 'http:///',
  'http://a:65536/', 'http://a:b/', 'sc://a b/', 'http://u@/', 'foo',
  'http://a\u200D.com/', 'http://\u0661a/',
]) {
  assert.throws(() => new URL(input), (err) => {
    assert.ok(err instanceof TypeError);
    assert.strictEqual(err.code, 'ERR_INVALID_URL');
    assert.strictEqual(err.message, 'Invalid URL');
    assert.strictEqual(err.input, input);
    assert.deepStrictEqual(Object.keys(err), ['input', 'code']);
    return true;
  }, input);
  assert.strictEqual(URL.canParse(input), false, input);
}
assert.throws(() => new URL('x', 'not a base'), {
  code: 'ERR_INVALID_URL',
  input: 'x',
});
assert.throws(() => new URL(), {
  name: 'TypeError',
  code: 'ERR_MISSING_ARGS',
  message: 'The "url" argument must be specified',
});
assert.throws(() => URL('http://a'), TypeError);

// Arguments are converted to strings; lone surrogates become U+FFFD.
assert.strictEqual(new URL({ toString() { return 'http://x'; } }).href,
                   'http://x/');
assert.strictEqual(new URL('http://x/\uD800').pathname, '/%EF%BF%BD');
assert.strictEqual(new URL('/p', new URL('http://b/')).href, 'http://b/p');
assert.strictEqual(new URL('http://x', undefined).href, 'http://x/');
assert.throws(() => new URL(Symbol('s')), TypeError);

// canParse.
assert.strictEqual(URL.canParse('http://x'), true);
assert.strictEqual(URL.canParse('/p', 'http://x'), true);
assert.strictEqual(URL.canParse('/p'), false);
assert.strictEqual(URL.canParse('/p', 'nope'), false);
assert.throws(() => URL.canParse(), { code: 'ERR_MISSING_ARGS' });

// Setters.
function set(href, key, value) {
  const u = new URL(href);
  u[key] = value;
  return u.href;
}
assert.strictEqual(set('http://h/', 'protocol', 'HTTPS'), 'https://h/');
assert.strictEqual(set('http://h/', 'protocol', 'foo'), 'http://h/');
assert.strictEqual(set('foo://h/', 'protocol', 'http'), 'foo://h/');
assert.strictEqual(set('http://h:443/', 'protocol', 'https'), 'https://h/');
assert.strictEqual(set('http://h/', 'username', 'a b@c'),
                   'http://a%20b%40c@h/');
assert.strictEqual(set('http://h/', 'password', 'p:w'), 'http://:p%3Aw@h/');
assert.strictEqual(set('file:///x', 'username', 'u'), 'file:///x');
assert.strictEqual(set('http://h:1/p', 'host', 'x.org:2'), 'http://x.org:2/p');
assert.strictEqual(set('http://h:1/p', 'host', 'x.org'), 'http://x.org:1/p');
assert.strictEqual(set('http://h/p', 'host', ''), 'http://h/p');
assert.strictEqual(set('http://h:1/p', 'hostname', 'x:2'), 'http://h:1/p');
assert.strictEqual(set('mailto:x', 'host', 'h'), 'mailto:x');
assert.strictEqual(set('http://h/', 'port', '8080abc'), 'http://h:8080/');
assert.strictEqual(set('http://h:1/', 'port', ''), 'http://h/');
assert.strictEqual(set('http://h:1/', 'port', '65536'), 'http://h:1/');
assert.strictEqual(set('http://h:1/', 'port', 80), 'http://h/');
assert.strictEqual(set('http://h/a', 'pathname', 'b c/../d?#'),
                   'http://h/d%3F%23');
assert.strictEqual(set('sc:opaque', 'pathname', 'x'), 'sc:opaque');
assert.strictEqual(set('http://h/', 'search', 'a=b c'), 'http://h/?a=b%20c');
assert.strictEqual(set('http://h/?x', 'search', ''), 'http://h/');
assert.strictEqual(set('http://h/', 'search', '??x'), 'http://h/??x');
assert.strictEqual(set('http://h/', 'hash', '#a b'), 'http://h/#a%20b');
assert.strictEqual(set('http://h/#x', 'hash', ''), 'http://h/');
// Dropping the query and fragment of an opaque path drops its trailing
// spaces.
assert.strictEqual(set('data:space   ?q', 'search', ''), 'data:space');
assert.strictEqual(set('http://h/', 'href', 'https://x/y'), 'https://x/y');
assert.throws(() => { new URL('http://h/').href = 'nope'; }, {
  code: 'ERR_INVALID_URL',
  input: 'nope',
});

// origin.
for (const [input, origin] of [
  ['https://u:p@h:8/x', 'https://h:8'], ['ws://h:80/', 'ws://h'],
  ['blob:https://h:1/uuid', 'https://h:1'], ['blob:ftp://h/', 'null'],
  ['blob:nope', 'null'], ['file:///x', 'null'], ['sc://h/', 'null'],
]) {
  assert.strictEqual(new URL(input).origin, origin, input);
}

// Serialization.
const u = new URL('http://h/p?q#f');
assert.strictEqual(String(u), 'http://h/p?q#f');
assert.strictEqual(u.toJSON(), 'http://h/p?q#f');
assert.strictEqual(JSON.stringify({ u }), '{"u":"http://h/p?q#f"}');
assert.strictEqual(Object.prototype.toString.call(u), '[object URL]');

// searchParams is one object, kept in step with the URL.
const sp = u.searchParams;
assert.ok(sp instanceof URLSearchParams);
assert.strictEqual(u.searchParams, sp);
sp.append('a b', 'c&d');
assert.strictEqual(u.href, 'http://h/p?q=&a+b=c%26d#f');
u.search = '?x=1';
assert.deepStrictEqual([...sp], [['x', '1']]);
u.href = 'http://h/';
assert.strictEqual(sp.size, 0);
sp.set('k', 'v');
assert.strictEqual(u.search, '?k=v');
sp.delete('k');
assert.strictEqual(u.href, 'http://h/');

// Shape: accessors on the prototype, enumerable as in Node.
const enumerable = Object.keys(URL.prototype);
assert.deepStrictEqual(enumerable, ['toString', 'href', 'origin', 'protocol',
  'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search',
  'searchParams', 'hash', 'toJSON']);
assert.deepStrictEqual(Object.keys(URL),
                       ['canParse', 'createObjectURL', 'revokeObjectURL']);
assert.strictEqual(URL.prototype[Symbol.toStringTag], 'URL');
assert.strictEqual(Object.keys(new URL('http://x')).length, 0);
for (const key of ['href', 'origin', 'search', 'searchParams']) {
  const { get } = Object.getOwnPropertyDescriptor(URL.prototype, key);
  assert.throws(() => get.call({}), {
    code: 'ERR_INVALID_THIS',
    message: 'Value of "this" must be of type URL',
  });
}
assert.throws(() => URL.prototype.toString.call({}), {
  code: 'ERR_INVALID_THIS',
});
assert.throws(() => URL.createObjectURL({}), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "obj" argument must be an instance of Blob. Received an ' +
    'instance of Object',
});
assert.strictEqual(URL.revokeObjectURL('blob:nodedata:x'), undefined);

// Subclasses keep working.
class MyURL extends URL {}
const mine = new MyURL('http://sub/');
assert.strictEqual(mine.host, 'sub');
assert.match(util.inspect(mine), /^MyURL \{\n {2}href: 'http:\/\/sub\/',/);

// Inspection.
assert.strictEqual(util.inspect(new URL('http://a/b?c#d')), [
  'URL {',
  "  href: 'http://a/b?c#d',",
  "  origin: 'http://a',",
  "  protocol: 'http:',",
  "  username: '',",
  "  password: '',",
  "  host: 'a',",
  "  hostname: 'a',",
  "  port: '',",
  "  pathname: '/b',",
  "  search: '?c',",
  "  searchParams: URLSearchParams { 'c' => '' },",
  "  hash: '#d'",
  '}',
].join('\n'));
assert.strictEqual(util.inspect({ a: new URL('http://a') }, { depth: 0 }),
                   '{ a: [URL] }');
assert.match(util.inspect(new URL('http://a/'), { depth: 0 }),
             /searchParams: \[Object\],/);
{
  const text = util.inspect(new URL('http://u@a:1/?q#h'), { showHidden: true });
  const context = text.slice(text.indexOf('[Symbol(context)]'));
  assert.deepStrictEqual(context.split('\n').map((line) => line.trim()), [
    '[Symbol(context)]: URLContext {',
    "href: 'http://u@a:1/?q#h',",
    'protocol_end: 5,',
    'username_end: 8,',
    'host_start: 8,',
    'host_end: 10,',
    'pathname_start: 12,',
    'search_start: 13,',
    'hash_start: 15,',
    'port: 1,',
    'scheme_type: 0,',
    '[hasPort]: [Getter],',
    '[hasSearch]: [Getter],',
    '[hasHash]: [Getter]',
    '}',
    '}',
  ]);
}
