'use strict';
// util.parseArgs() with Node 18.20's rules: option forms, strict mode,
// positionals, tokens, defaults, and the errors with their messages.

const { assert } = require('../common');
const { parseArgs } = require('util');

// The values object has no prototype.
const values = (obj) => Object.assign({ __proto__: null }, obj);

const options = {
  foo: { type: 'string', short: 'f' },
  bar: { type: 'boolean', short: 'b' },
  many: { type: 'string', short: 'm', multiple: true },
  verbose: { type: 'boolean', short: 'v', multiple: true },
};

function parse(args, extra) {
  return parseArgs({ args, options, ...extra });
}
function check(args, expectedValues, positionals = [], extra = undefined) {
  assert.deepStrictEqual(parse(args, extra),
                         { values: values(expectedValues), positionals },
                         JSON.stringify(args));
}

// Long options, with the value inline or in the next argument.
check([], {});
check(['--foo', 'x', '--bar'], { foo: 'x', bar: true });
check(['--foo=x', '--bar'], { foo: 'x', bar: true });
check(['--foo=', '--bar'], { foo: '', bar: true });
check(['--foo', ''], { foo: '' });
check(['--foo=a=b'], { foo: 'a=b' });
check(['--foo', '-'], { foo: '-' });
check(['--foo', 'x', '--foo', 'y'], { foo: 'y' });
check(['--bar', '--bar'], { bar: true });
// Short options, alone or in groups; a string option takes the rest of
// the group, or the next argument when it ends the group.
check(['-f', 'x', '-b'], { foo: 'x', bar: true });
check(['-bf', 'x'], { bar: true, foo: 'x' });
check(['-bfx'], { bar: true, foo: 'x' });
check(['-fbx'], { foo: 'bx' });
check(['-fb'], { foo: 'b' });
check(['-f=x'], { foo: '=x' });
check(['-vvv'], { verbose: [true, true, true] });
check(['-bv'], { bar: true, verbose: [true] });
check(['-m', 'a', '--many', 'b', '--many=c', '-md'],
      { many: ['a', 'b', 'c', 'd'] });
// An option name of one letter can be written as a short option.
assert.deepStrictEqual(
  parseArgs({ args: ['-x', 'v', '-yw'], options: { x: { type: 'string' },
                                                   y: { type: 'string' } } }),
  { values: values({ x: 'v', y: 'w' }), positionals: [] });
// The first option declaring a letter wins.
assert.deepStrictEqual(
  parseArgs({ args: ['-a'], options: { x: { type: 'boolean', short: 'a' },
                                       y: { type: 'string', short: 'a' } } }),
  { values: values({ x: true }), positionals: [] });
// Letters are UTF-16 units.
assert.deepStrictEqual(
  parseArgs({ args: ['-\u00e9'],
              options: { e: { type: 'boolean', short: '\u00e9' } } }),
  { values: values({ e: true }), positionals: [] });

// Positionals: refused in strict mode unless allowed; after "--" every
// argument is one.
check(['pos', '--bar', '-', '--', '--foo'], { bar: true },
      ['pos', '-', '--foo'], { allowPositionals: true });
check(['--', '--'], {}, ['--'], { allowPositionals: true });
check(['--'], {});
assert.throws(() => parse(['pos']), {
  name: 'TypeError',
  code: 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL',
  message: "Unexpected argument 'pos'. This command does not take " +
    'positional arguments',
});
assert.throws(() => parse(['--', '--foo']), {
  code: 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL',
  message: "Unexpected argument '--foo'. This command does not take " +
    'positional arguments',
});
assert.throws(() => parse(['-']), {
  code: 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL',
});
assert.throws(() => parse(['x'], { strict: false, allowPositionals: false }), {
  code: 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL',
});

// Unknown options, in strict mode.
for (const [args, shown] of [[['--unknown'], '--unknown'],
                             [['--unknown=3'], '--unknown'],
                             [['-u'], '-u'], [['-bu'], '-u'],
                             [['-b=1'], '-='], [['---foo'], '---foo'],
                             [['--=x'], '--=x'], [['--toString'], '--toString'],
                             [['--unknown', '--foo', '--bar'], '--unknown']]) {
  assert.throws(() => parse(args), {
    name: 'TypeError',
    code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION',
    message: `Unknown option '${shown}'`,
  });
  assert.throws(() => parse(args, { allowPositionals: true }), {
    code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION',
    message: `Unknown option '${shown}'. To specify a positional argument ` +
      "starting with a '-', place it at the end of the command after " +
      `'--', as in '-- "${shown}"`,
  });
}

// Option values that do not fit, in strict mode.
function invalidValue(args, message, opts = options) {
  assert.throws(() => parseArgs({ args, options: opts }), {
    name: 'TypeError',
    code: 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE',
    message,
  }, JSON.stringify(args));
}
invalidValue(['--foo'], "Option '-f, --foo <value>' argument missing");
invalidValue(['-f'], "Option '-f, --foo <value>' argument missing");
invalidValue(['-bf'], "Option '-f, --foo <value>' argument missing");
invalidValue(['--foo'], "Option '--foo <value>' argument missing",
             { foo: { type: 'string' } });
invalidValue(['-ax'], "Option '--x <value>' argument missing",
             { x: { type: 'string' }, a: { type: 'boolean' } });
invalidValue(['--bar=1'], "Option '-b, --bar' does not take an argument");
invalidValue(['--bar=1'], "Option '--bar' does not take an argument",
             { bar: { type: 'boolean' } });
const ambiguousLong = "Option '--foo' argument is ambiguous.\n" +
  "Did you forget to specify the option argument for '--foo'?\n" +
  "To specify an option argument starting with a dash use '--foo=-XYZ'.";
invalidValue(['--foo', '--bar'], ambiguousLong);
invalidValue(['--foo', '-b'], ambiguousLong);
invalidValue(['--foo', '--'], ambiguousLong);
invalidValue(['--foo', '-5'], ambiguousLong);
invalidValue(['-f', '-b'], "Option '-f' argument is ambiguous.\n" +
  "Did you forget to specify the option argument for '-f'?\n" +
  "To specify an option argument starting with a dash use '--foo=-XYZ' or " +
  "'-f-XYZ'.");

// strict: false takes anything: unknown options are booleans, a string
// option without a value is true, a boolean one with a value keeps it.
check(['--unknown', '--foo', '--x=1', '-abc', '-f', 'pos', '--', '-z'],
      { unknown: true, foo: 'pos', a: true, bar: true, c: true },
      ['-z'], { strict: false });
check(['--foo'], { foo: true }, [], { strict: false });
check(['--bar=1'], { bar: '1' }, [], { strict: false });
check(['-b=1'], { 'bar': true, '=': true, '1': true }, [], { strict: false });
check(['--foo', '--bar'], { foo: '--bar' }, [], { strict: false });
check(['--foo', '-5'], { foo: '-5' }, [], { strict: false });
check(['-f', '-b'], { foo: '-b' }, [], { strict: false });
check(['--=x', '---'], { '=x': true, '-': true }, [], { strict: false });
check(['--constructor', '--hasOwnProperty=1'],
      { constructor: true, hasOwnProperty: '1' }, [], { strict: false });
// __proto__ is never stored.
check(['--__proto__'], {}, [], { strict: false });
assert.deepStrictEqual(
  parseArgs({ args: ['--bar=1', '--bar'], strict: false,
              options: { bar: { type: 'boolean', multiple: true } } }),
  { values: values({ bar: ['1', true] }), positionals: [] });
assert.deepStrictEqual(parseArgs({ args: ['a', '-b', 'c'], strict: false }),
                       { values: values({ b: true }),
                         positionals: ['a', 'c'] });

// Tokens.
assert.deepStrictEqual(
  parse(['--foo', 'x', '-bf', 'y', '--foo=z', 'p', '--', '--bar'],
        { tokens: true, allowPositionals: true }),
  {
    values: values({ foo: 'z', bar: true }),
    positionals: ['p', '--bar'],
    tokens: [
      { kind: 'option', name: 'foo', rawName: '--foo', index: 0, value: 'x',
        inlineValue: false },
      { kind: 'option', name: 'bar', rawName: '-b', index: 2,
        value: undefined, inlineValue: undefined },
      { kind: 'option', name: 'foo', rawName: '-f', index: 2, value: 'y',
        inlineValue: false },
      { kind: 'option', name: 'foo', rawName: '--foo', index: 4, value: 'z',
        inlineValue: true },
      { kind: 'positional', index: 5, value: 'p' },
      { kind: 'option-terminator', index: 6 },
      { kind: 'positional', index: 7, value: '--bar' },
    ],
  });
assert.deepStrictEqual(
  parse(['-bvf', 'x', '-fv'], { tokens: true }).tokens.map((t) =>
    [t.name, t.rawName, t.index, t.value, t.inlineValue]),
  [['bar', '-b', 0, undefined, undefined],
   ['verbose', '-v', 0, undefined, undefined],
   ['foo', '-f', 0, 'x', false],
   ['foo', '-f', 2, 'v', true]]);
assert.deepStrictEqual(
  parse(['--unk', '-bu', '--unk=v'], { tokens: true, strict: false })
    .tokens.map((t) => [t.name, t.rawName, t.index, t.value]),
  [['unk', '--unk', 0, undefined], ['bar', '-b', 1, undefined],
   ['u', '-u', 1, undefined], ['unk', '--unk', 2, 'v']]);
assert.deepStrictEqual(parse([], { tokens: true }).tokens, []);
assert.deepStrictEqual(Object.keys(parse(['--bar'], { tokens: true })),
                       ['values', 'positionals', 'tokens']);
assert.deepStrictEqual(Object.keys(parse(['--bar'], { tokens: false })),
                       ['values', 'positionals']);

// Defaults fill options not given, in the options' order; given values
// replace them (arrays included).
{
  const list = ['q'];
  const withDefaults = {
    a: { type: 'string', default: 'x' },
    b: { type: 'boolean', default: false },
    c: { type: 'string', multiple: true, default: list },
    d: { type: 'boolean', multiple: true, default: [true] },
    e: { type: 'string', default: undefined },
  };
  const result = parseArgs({ args: [], options: withDefaults });
  assert.deepStrictEqual(result.values,
                         values({ a: 'x', b: false, c: ['q'], d: [true] }));
  assert.strictEqual(result.values.c, list);
  assert.deepStrictEqual(
    parseArgs({ args: ['--c', 'r', '--a', 'y'], options: withDefaults })
      .values,
    values({ c: ['r'], a: 'y', b: false, d: [true] }));
}

// The configuration is checked, with Node's messages.
function badConfig(config, code, message) {
  assert.throws(() => parseArgs(config), { name: 'TypeError', code, message },
                message);
}
const argType = 'ERR_INVALID_ARG_TYPE';
badConfig({ args: 'x' }, argType, 'The "args" argument must be an instance ' +
  "of Array. Received type string ('x')");
badConfig({ strict: 'x' }, argType, 'The "strict" argument must be of type ' +
  "boolean. Received type string ('x')");
badConfig({ allowPositionals: 1 }, argType, 'The "allowPositionals" ' +
  'argument must be of type boolean. Received type number (1)');
badConfig({ tokens: 1 }, argType, 'The "tokens" argument must be of type ' +
  'boolean. Received type number (1)');
badConfig({ options: 5 }, argType, 'The "options" argument must be of type ' +
  'object. Received type number (5)');
badConfig({ options: [] }, argType, 'The "options" argument must be of type ' +
  'object. Received an instance of Array');
badConfig({ options: { a: 'x' } }, argType, 'The "options.a" property must ' +
  "be of type object. Received type string ('x')");
badConfig({ options: { a: null } }, argType, 'The "options.a" property must ' +
  'be of type object. Received null');
badConfig({ options: { a: { type: 'number' } } }, argType,
          'The "options.a.type" property must be (\'string|boolean\'). ' +
          "Received type string ('number')");
badConfig({ options: { a: {} } }, argType,
          'The "options.a.type" property must be (\'string|boolean\'). ' +
          'Received undefined');
badConfig({ options: { a: Object.create({ type: 'string' }) } }, argType,
          'The "options.a.type" property must be (\'string|boolean\'). ' +
          'Received undefined');
badConfig({ options: { a: { type: 'string', short: 5 } } }, argType,
          'The "options.a.short" property must be of type string. ' +
          'Received type number (5)');
badConfig({ options: { a: { type: 'string', short: undefined } } }, argType,
          'The "options.a.short" property must be of type string. ' +
          'Received undefined');
for (const short of ['ab', '']) {
  badConfig({ options: { a: { type: 'string', short, multiple: 'x' } } },
            'ERR_INVALID_ARG_VALUE',
            "The property 'options.a.short' must be a single character. " +
            `Received '${short}'`);
}
badConfig({ options: { a: { type: 'string', multiple: 'x', default: 5 } } },
          argType, 'The "options.a.multiple" property must be of type ' +
          "boolean. Received type string ('x')");
for (const [config, message] of [
  [{ type: 'string', default: 5 }, 'The "options.a.default" property must ' +
    'be of type string. Received type number (5)'],
  [{ type: 'string', default: ['x'] }, 'The "options.a.default" property ' +
    'must be of type string. Received an instance of Array'],
  [{ type: 'string', multiple: true, default: 'x' }, 'The "options.a.' +
    "default\" property must be an instance of Array. Received type string " +
    "('x')"],
  [{ type: 'string', multiple: true, default: [1] }, 'The "options.a.' +
    'default[0]" property must be of type string. Received type number (1)'],
  [{ type: 'boolean', default: 'x' }, 'The "options.a.default" property ' +
    "must be of type boolean. Received type string ('x')"],
  [{ type: 'boolean', multiple: true, default: [1] }, 'The "options.a.' +
    'default[0]" property must be of type boolean. Received type number (1)'],
  [{ type: 'boolean', multiple: true, default: true }, 'The "options.a.' +
    'default" property must be an instance of Array. Received type boolean ' +
    '(true)'],
]) {
  badConfig({ options: { a: config } }, argType, message);
}
assert.throws(() => parseArgs(null), TypeError);

// Nullish settings take their defaults; only own properties count.
assert.deepStrictEqual(parseArgs({ args: [], options: null, strict: null }),
                       { values: values({}), positionals: [] });
assert.deepStrictEqual(
  parseArgs({ args: ['--a', 'x'], strict: false,
              options: Object.create({ a: { type: 'string' } }) }),
  { values: values({ a: true }), positionals: ['x'] });

// Without args, the process's own arguments after the script.
assert.deepStrictEqual(parseArgs({ strict: false }),
                       { values: values({}), positionals: [] });
