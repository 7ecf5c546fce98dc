'use strict';
// url.fileURLToPath(), url.pathToFileURL() (POSIX) and
// url.urlToHttpOptions().
const common = require('../common');
const { assert } = common;
const path = require('path');
const url = require('url');
const { URL } = url;

// fileURLToPath.
for (const [input, expected] of [
  ['file:///a/b', '/a/b'],
  ['file:///a%20b/%C3%A9', '/a b/é'],
  ['file://localhost/etc/hosts', '/etc/hosts'],
  ['file:///a/b/', '/a/b/'],
  ['file:///', '/'],
  ['file:///C:/x', '/C:/x'],
  ['file:///a%5Cb', '/a\\b'],
  ['file:///a?query#hash', '/a'],
]) {
  assert.strictEqual(url.fileURLToPath(input), expected, input);
  assert.strictEqual(url.fileURLToPath(new URL(input)), expected, input);
}
assert.throws(() => url.fileURLToPath('file:///a%2Fb'), {
  name: 'TypeError',
  code: 'ERR_INVALID_FILE_URL_PATH',
  message: 'File URL path must not include encoded / characters',
});
assert.throws(() => url.fileURLToPath('file:///a%2f'), {
  code: 'ERR_INVALID_FILE_URL_PATH',
});
assert.throws(() => url.fileURLToPath('file://host/a'), {
  name: 'TypeError',
  code: 'ERR_INVALID_FILE_URL_HOST',
  message: `File URL host must be "localhost" or empty on ${process.platform}`,
});
assert.throws(() => url.fileURLToPath('http://x/a'), {
  name: 'TypeError',
  code: 'ERR_INVALID_URL_SCHEME',
  message: 'The URL must be of scheme file',
});
assert.throws(() => url.fileURLToPath('not a url'), {
  code: 'ERR_INVALID_URL',
});
assert.throws(() => url.fileURLToPath('file:///%E2%82'), URIError);
for (const bad of [undefined, null, 5, {}, { href: 'file:///x' }]) {
  assert.throws(() => url.fileURLToPath(bad), {
    name: 'TypeError',
    code: 'ERR_INVALID_ARG_TYPE',
    message: new RegExp('^The "path" argument must be of type string or ' +
                        'an instance of URL\\.'),
  });
}

// pathToFileURL.
for (const [input, expected] of [
  ['/a/b', 'file:///a/b'],
  ['/a/b/', 'file:///a/b/'],
  ['/a b/c#d?e%f', 'file:///a%20b/c%23d%3Fe%25f'],
  ['/back\\slash', 'file:///back%5Cslash'],
  ['/tab\tnl\ncr\r', 'file:///tab%09nl%0Acr%0D'],
  ['/é/\u{1F600}', 'file:///%C3%A9/%F0%9F%98%80'],
  ['/a/../b/./c', 'file:///b/c'],
  ['/', 'file:///'],
  ['//double', 'file:///double'],
  ['/trailing ', 'file:///trailing'],
]) {
  const result = url.pathToFileURL(input);
  assert.ok(result instanceof URL);
  assert.strictEqual(result.href, expected, input);
}
const cwdURL = url.pathToFileURL(process.cwd()).href;
assert.strictEqual(url.pathToFileURL('rel/x').href, `${cwdURL}/rel/x`);
assert.strictEqual(url.pathToFileURL('rel/').href, `${cwdURL}/rel/`);
for (const bad of [undefined, 5, null, {}]) {
  assert.throws(() => url.pathToFileURL(bad), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: /^The "path" argument must be of type string\./,
  });
}
// Round trips.
for (const p of ['/x/y z', '/%41', '/a#b', '/é', '/a\\b', __filename]) {
  assert.strictEqual(url.fileURLToPath(url.pathToFileURL(p)),
                     path.resolve(p));
}

// urlToHttpOptions.
{
  const options = url.urlToHttpOptions(
    new URL('http://us%20er:pa%3Ass@[::1]:8080/p/a?x=1#frag'));
  assert.strictEqual(Object.getPrototypeOf(options), null);
  const { ...plain } = options;
  for (const key of Object.getOwnPropertySymbols(plain)) delete plain[key];
  assert.deepStrictEqual(plain, {
    protocol: 'http:',
    hostname: '::1',
    hash: '#frag',
    search: '?x=1',
    pathname: '/p/a',
    path: '/p/a?x=1',
    href: 'http://us%20er:pa%3Ass@[::1]:8080/p/a?x=1#frag',
    port: 8080,
    auth: 'us er:pa:ss',
  });
}
{
  const options = url.urlToHttpOptions(new URL('https://h/'));
  assert.deepStrictEqual(Object.keys(options), ['protocol', 'hostname',
    'hash', 'search', 'pathname', 'path', 'href']);
  assert.strictEqual(options.path, '/');
}
// Plain objects work too: their properties come first.
assert.deepStrictEqual(Object.keys(url.urlToHttpOptions({ extra: 1 })),
                       ['extra', 'protocol', 'hostname', 'hash', 'search',
                        'pathname', 'path', 'href', 'port']);
assert.throws(() => url.urlToHttpOptions(), TypeError);
