'use strict';
// util.MIMEType and util.MIMEParams: parsing, serialization, setters and
// errors as in Node 18.20.

const { assert } = require('../common');
const util = require('util');
const { MIMEType, MIMEParams } = util;

// [input, serialized, params] or [input, error message].
const cases = [
  ['text/html', 'text/html', []],
  ['TEXT/HTML', 'text/html', []],
  [' \ttext/html\r\n', 'text/html', []],
  ['*/*', '*/*', []],
  ['text/html;charset=utf-8', 'text/html;charset=utf-8',
   [['charset', 'utf-8']]],
  ['text/html; charset="utf-8"', 'text/html;charset=utf-8',
   [['charset', 'utf-8']]],
  ['text/html;charset="ut\\"f-8"', 'text/html;charset="ut\\"f-8"',
   [['charset', 'ut"f-8']]],
  ['text/html;charset=', 'text/html', []],
  ['text/html;charset', 'text/html', []],
  ['text/html;;charset=x', 'text/html;charset=x', [['charset', 'x']]],
  ['text/html;a=1;a=2', 'text/html;a=1', [['a', '1']]],
  ['a/b;C="X";c=y', 'a/b;c=X', [['c', 'X']]],
  ['text/html;a="', 'text/html;a=""', [['a', '']]],
  ['text/html;a="\\', 'text/html;a="\\\\"', [['a', '\\']]],
  ['text/html;a=x y', 'text/html;a="x y"', [['a', 'x y']]],
  ['text/html; a = 1', 'text/html', []],
  ['text/html;a=1\t', 'text/html;a=1', [['a', '1']]],
  ['text/html ;a=1', 'text/html;a=1', [['a', '1']]],
  ['text/html;\u00e9=1', 'text/html', []],
  ['text/html;a=\u00e9', 'text/html;a="\u00e9"', [['a', '\u00e9']]],
  ['a/b;c=\u0100', 'a/b', []],
  ['a/b;c=x\u007f', 'a/b', []],
  ['a/b;c=d"e', 'a/b;c="d\\"e"', [['c', 'd"e']]],
  ['a/b;c="d"e;f=g', 'a/b;c=d;f=g', [['c', 'd'], ['f', 'g']]],
  ['a/b;=x', 'a/b', []],
  ['a/b;a=""', 'a/b;a=""', [['a', '']]],
  ['text/html;x="bar;baz"', 'text/html;x="bar;baz"', [['x', 'bar;baz']]],
  // Node trims only leading whitespace from the whole input.
  ['a/b;c="x\n', 'a/b', []],
  ['a/b;c=x\n', 'a/b;c=x', [['c', 'x']]],
  ['text', 'The MIME syntax for a type in "text" is invalid'],
  ['', 'The MIME syntax for a type in "" is invalid'],
  [' ', 'The MIME syntax for a type in " " is invalid'],
  ['/html', 'The MIME syntax for a type in "/html" is invalid'],
  ['te xt/html', 'The MIME syntax for a type in "te xt/html" is invalid at 2'],
  [' x@/y', 'The MIME syntax for a type in " x@/y" is invalid at 1'],
  ['a\t', 'The MIME syntax for a type in "a\t" is invalid at 1'],
  ['\u00e9/b', 'The MIME syntax for a type in "\u00e9/b" is invalid at 0'],
  // For a subtype Node shows the subtype where the index would be.
  ['text/', 'The MIME syntax for a subtype in "text/" is invalid at '],
  ['text/ht ml',
   'The MIME syntax for a subtype in "text/ht ml" is invalid at ht ml'],
  ['a/b/c', 'The MIME syntax for a subtype in "a/b/c" is invalid at b/c'],
];
for (const [input, serialized, params] of cases) {
  if (params === undefined) {
    assert.throws(() => new MIMEType(input), {
      name: 'TypeError',
      code: 'ERR_INVALID_MIME_SYNTAX',
      message: serialized,
    }, JSON.stringify(input));
    continue;
  }
  const mime = new MIMEType(input);
  assert.strictEqual(String(mime), serialized, JSON.stringify(input));
  assert.deepStrictEqual([...mime.params], params, JSON.stringify(input));
}
assert.throws(() => new MIMEType(), {
  message: 'The MIME syntax for a type in "undefined" is invalid',
});
assert.strictEqual(String(new MIMEType({ toString: () => 'a/b' })), 'a/b');

// Accessors and setters.
const mime = new MIMEType('text/html;charset=utf-8;a=b');
assert.strictEqual(mime.type, 'text');
assert.strictEqual(mime.subtype, 'html');
assert.strictEqual(mime.essence, 'text/html');
assert.strictEqual(mime.params, mime.params);
assert.ok(mime.params instanceof MIMEParams);
assert.strictEqual(mime.toJSON(), 'text/html;charset=utf-8;a=b');
assert.strictEqual(JSON.stringify({ mime, p: mime.params }),
                   '{"mime":"text/html;charset=utf-8;a=b",' +
                   '"p":"charset=utf-8;a=b"}');
mime.type = 'Application';
mime.subtype = 'JSON';
assert.strictEqual(`${mime}`, 'application/json;charset=utf-8;a=b');
mime.type = 5;
assert.strictEqual(mime.essence, '5/json');
assert.throws(() => { mime.type = 'a b'; }, {
  code: 'ERR_INVALID_MIME_SYNTAX',
  message: 'The MIME syntax for a type in "a b" is invalid at 1',
});
assert.throws(() => { mime.type = ''; }, {
  message: 'The MIME syntax for a type in "" is invalid',
});
assert.throws(() => { mime.subtype = 'a/b'; }, {
  message: 'The MIME syntax for a subtype in "a/b" is invalid at 1',
});
assert.throws(() => { mime.essence = 'x/y'; }, TypeError);

// MIMEParams.
const params = mime.params;
assert.deepStrictEqual([...params.keys()], ['charset', 'a']);
assert.deepStrictEqual([...params.values()], ['utf-8', 'b']);
assert.deepStrictEqual([...params.entries()], [['charset', 'utf-8'],
                                               ['a', 'b']]);
assert.strictEqual(params[Symbol.iterator], params.entries);
assert.strictEqual(params.get('charset'), 'utf-8');
assert.strictEqual(params.get('nope'), null);
assert.strictEqual(params.get(), null);
assert.strictEqual(params.has('a'), true);
assert.strictEqual(params.has('A'), false);
// set() keeps the name's case, quotes values as needed, returns nothing.
assert.strictEqual(params.set('New', 'v a l'), undefined);
params.set('e', '');
params.set(1, 2);
assert.strictEqual(params.get(1), null);
assert.strictEqual(params.get('1'), '2');
assert.strictEqual(params.toString(),
                   'charset=utf-8;a=b;New="v a l";e="";1=2');
assert.strictEqual(params.delete('a'), undefined);
assert.strictEqual(String(mime),
                   '5/json;charset=utf-8;New="v a l";e="";1=2');
assert.throws(() => params.set('a b', 'x'), {
  name: 'TypeError',
  code: 'ERR_INVALID_MIME_SYNTAX',
  message: 'The MIME syntax for a parameter name in "a b" is invalid at 1',
});
assert.throws(() => params.set('', 'x'), {
  message: 'The MIME syntax for a parameter name in "" is invalid',
});
assert.throws(() => params.set('x', 'a\nb'), {
  message: 'The MIME syntax for a parameter value in "a\nb" is invalid at 1',
});
// Iteration sees changes made meanwhile.
{
  const p = new MIMEType('a/b;x=1;y=2').params;
  const seen = [];
  for (const [name] of p) {
    seen.push(name);
    p.delete('y');
  }
  assert.deepStrictEqual(seen, ['x']);
}
const fresh = new MIMEParams();
fresh.set('a', 'b');
assert.strictEqual(fresh.toJSON(), 'a=b');

// Brand checks come from the private fields.
assert.throws(() => MIMEType.prototype.toString.call({}), TypeError);
assert.throws(() => MIMEParams.prototype.get.call({}, 'a'), TypeError);
assert.throws(() => MIMEType('a/b'), TypeError);

// Shape and inspection.
assert.deepStrictEqual(Object.getOwnPropertyNames(MIMEType.prototype),
                       ['constructor', 'type', 'subtype', 'essence',
                        'params', 'toString', 'toJSON']);
assert.deepStrictEqual(Object.getOwnPropertyNames(MIMEParams.prototype),
                       ['constructor', 'delete', 'get', 'has', 'set',
                        'entries', 'keys', 'values', 'toString', 'toJSON']);
assert.strictEqual(MIMEType.prototype.toJSON, MIMEType.prototype.toString);
assert.deepStrictEqual(Object.keys(mime), []);
assert.strictEqual(util.inspect(mime), 'MIMEType {}');
assert.strictEqual(util.inspect(params), 'MIMEParams {}');
assert.strictEqual(Object.prototype.toString.call(mime), '[object Object]');
