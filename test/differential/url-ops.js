// WHATWG URL, URLSearchParams, legacy url and querystring, as printed.
'use strict';
const url = require('url');
const qs = require('querystring');
const u = new URL('https://user:pa%20ss@例え.jp:8080/a/../b/./c?x=1&y=%20z&x=2#frag');
console.log(u.href, u.origin, u.host, u.pathname, u.search, u.hash);
console.log(u);
console.log(u.searchParams, [...u.searchParams.keys()], u.searchParams.getAll('x'));
u.searchParams.append('new', 'a b&c');
u.searchParams.sort();
console.log(String(u.searchParams), JSON.stringify(u));
console.log(new URLSearchParams({ a: '1', b: ['x', 'y'] }).toString());
console.log(new URLSearchParams([['k', 'v'], ['k', 'w']]));
for (const bad of ['http://[::1', 'nope', '//x']) {
  try { new URL(bad); } catch (e) { console.log(e.code, e.message, e.input); }
}
console.log(url.parse('http://a.com:80/p/a/t/h?query=string#hash', true));
console.log(url.format({ protocol: 'https', hostname: 'x.org', pathname: '/p', query: { a: 1, b: [2, 3] } }));
console.log(url.resolve('http://a/b/c/d;p?q', '../g'), url.resolve('/one/two', 'three'));
console.log(url.fileURLToPath('file:///tmp/a%20b.txt'), url.pathToFileURL('/tmp/x y#.txt').href);
console.log(url.domainToASCII('español.com'), url.domainToUnicode('xn--espaol-zwa.com'));
console.log(url.urlToHttpOptions(new URL('http://u:p@h.com:81/x?y=1')));
console.log(qs.parse('a=1&b=2&a=3&c=%E4%BD%A0&d'), qs.stringify({ x: [1, 2], y: 'a b', z: '' }));
console.log(qs.escape('a b/ü'), qs.unescape('%41%20'), qs.parse('a:1;b:2', ';', ':'));
