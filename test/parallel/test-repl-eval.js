'use strict';
// The REPL's evaluation over streams: results, `_` and `_error`, errors,
// declarations that persist, top-level await, object literals, builtin
// modules as globals and the REPL's own context.
const { assert, isNoderun } = require('../common');
const { startRepl } = require('../common/repl');

(async () => {
  const { type, server } = startRepl();

  assert.strictEqual(await type('1 + 1\n'), '2\n> ');
  assert.strictEqual(await type('_ * 10\n'), '20\n> ');
  assert.strictEqual(await type('"str"\n'), '\'str\'\n> ');
  assert.strictEqual(await type('undefined\n'), 'undefined\n> ');

  // Declarations persist from one input to the next.
  assert.strictEqual(await type('let a = 40; const b = 2;\n'),
                     'undefined\n> ');
  assert.strictEqual(await type('class K { get v() { return a + b; } }\n'),
                     'undefined\n> ');
  assert.strictEqual(await type('new K().v\n'), '42\n> ');
  assert.strictEqual(await type('function f(n) { return n * 2 }\n'),
                     'undefined\n> ');
  assert.strictEqual(await type('f(21)\n'), '42\n> ');
  assert.strictEqual(await type('var v = 5; v\n'), '5\n> ');

  // Top-level await, and the value of a promise without it.
  assert.strictEqual(await type('await Promise.resolve(7)\n'), '7\n> ');
  assert.strictEqual(
    await type('const t = await new Promise((r) => setTimeout(r, 5, 8))\n'),
    'undefined\n> ');
  assert.strictEqual(await type('t\n'), '8\n> ');
  assert.match(await type('Promise.resolve(4)\n'), /^Promise \{\n? +4/);

  // `{ ... }` alone is an object literal; a real block still runs.
  assert.strictEqual(await type('{ a: 1, b: [2] }\n'),
                     '{ a: 1, b: [ 2 ] }\n> ');
  assert.strictEqual(await type('{ let inner = 3; inner + 1 }\n'),
                     '4\n> ');

  // Errors print and the REPL goes on; `_error` holds the last one.
  let out = await type('throw new RangeError("bad")\n');
  assert.match(out, /^Uncaught RangeError: bad\n/);
  assert.doesNotMatch(out, /node:|REPL\d+:\d+:\d+\)?\n/);
  assert.strictEqual(await type('_error.message\n'), '\'bad\'\n> ');
  assert.strictEqual(await type('throw 5\n'), 'Uncaught 5\n> ');
  assert.strictEqual(await type('_error\n'), '5\n> ');
  out = await type('function g() { throw new Error("deep") }; g()\n');
  assert.match(out, /^Uncaught Error: deep\n {4}at g \(REPL\d+:1:22\)\n> $/);
  out = await type('await Promise.reject(new TypeError("no"))\n');
  assert.match(out, /^Uncaught TypeError: no\n/);
  out = await type('a b\n');
  assert.strictEqual(
    out, 'a b\n  ^\n\nUncaught SyntaxError: Unexpected identifier\n> ');
  // `_` kept the last result, not the errors.
  assert.strictEqual(await type('_\n'), '5\n> ');

  // Assigning `_` takes it over.
  assert.strictEqual(await type('_ = 9\n'),
                     'Expression assignment to _ now disabled.\n9\n> ');
  assert.strictEqual(await type('1\n'), '1\n> ');
  assert.strictEqual(await type('_\n'), '9\n> ');

  // Builtin modules are globals; require works from the current directory.
  assert.strictEqual(await type('path.join("a", "b")\n'), '\'a/b\'\n> ');
  assert.strictEqual(await type('typeof require("os").cpus\n'),
                     '\'function\'\n> ');
  assert.strictEqual(await type('typeof module.exports\n'), '\'object\'\n> ');

  // repl.start() has its own context by default: its globals are not the
  // program's, but process and timers are there.
  await type('var onlyInRepl = 1\n');
  assert.strictEqual(globalThis.onlyInRepl, undefined);
  assert.strictEqual(server.context.onlyInRepl, 1);
  assert.strictEqual(await type('typeof process.version + typeof setTimeout\n'),
                     '\'stringfunction\'\n> ');
  server.context.fromHost = 'host';
  assert.strictEqual(await type('fromHost\n'), '\'host\'\n> ');

  if (isNoderun) {
    // V8's console mode lets a declaration be made again.
    assert.strictEqual(await type('let a = 1; a\n'), '1\n> ');
  }
  server.close();

  // useGlobal: the program's own global object.
  const g = startRepl({ useGlobal: true });
  await g.type('var sharedWithProgram = 6\n');
  assert.strictEqual(globalThis.sharedWithProgram, 6);
  g.server.close();

  // Strict mode.
  // In the program's own context: our vm contexts' global object still
  // takes undeclared writes from strict code.
  const s = startRepl({ replMode: require('repl').REPL_MODE_STRICT,
                        useGlobal: true });
  assert.match(await s.type('undeclared = 1\n'),
               /^Uncaught ReferenceError: undeclared is not defined/);
  s.server.close();

  // ignoreUndefined.
  const i = startRepl({ ignoreUndefined: true });
  assert.strictEqual(await i.type('void 0\n'), '> ');
  i.server.close();
})().then(require('../common').mustCall());
