'use strict';
// REPL commands over streams: .help, .break, .clear, .save, .load, .exit,
// defineCommand, and input that continues on a `... ` prompt.
const { assert, mustCall } = require('../common');
const { startRepl } = require('../common/repl');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = path.join(os.tmpdir(), `noderun-repl-commands-${process.pid}`);
fs.mkdirSync(dir, { recursive: true });

(async () => {
  const { type, server } = startRepl();

  // Incomplete input continues: an open brace, an unfinished template,
  // a trailing operator, an argument list, a line continuation.
  assert.strictEqual(await type('function add(a, b) {\n'), '... ');
  assert.strictEqual(await type('  return a + b;\n'), '... ');
  assert.strictEqual(await type('}\n'), 'undefined\n> ');
  assert.strictEqual(await type('add(1,\n'), '... ');
  assert.strictEqual(await type('2)\n'), '3\n> ');
  assert.strictEqual(await type('`one\n'), '... ');
  assert.strictEqual(await type('two`\n'), '\'one\\ntwo\'\n> ');
  assert.strictEqual(await type('1 +\n'), '... ');
  assert.strictEqual(await type('2\n'), '3\n> ');
  assert.strictEqual(await type('"con\\\n'), '... ');
  assert.strictEqual(await type('tinued"\n'), '\'continued\'\n> ');
  // A finished line with an error does not continue.
  assert.match(await type('1 +* 2\n'), /Uncaught SyntaxError/);

  // .break abandons the input.
  assert.strictEqual(await type('if (true) {\n'), '... ');
  assert.strictEqual(await type('.break\n'), '> ');
  assert.strictEqual(await type('1\n'), '1\n> ');

  // .help lists the commands.
  const help = await type('.help\n');
  // (.editor is there only on a terminal.)
  assert.doesNotMatch(help, /^\.editor/m);
  for (const name of ['break', 'clear', 'exit', 'help', 'load', 'save']) {
    assert.match(help, new RegExp(`^\\.${name} +\\S`, 'm'));
  }
  assert.match(help, new RegExp('Press Ctrl\\+C to abort current expression, ' +
                                 'Ctrl\\+D to exit the REPL\n> $'));
  assert.strictEqual(await type('.nope\n'), 'Invalid REPL keyword\n> ');
  // A number is code, not a command.
  assert.strictEqual(await type('.5 + 1\n'), '1.5\n> ');

  // .save writes every evaluated line; .load runs a file.
  const saved = path.join(dir, 'session.js');
  assert.strictEqual(await type(`.save ${saved}\n`),
                     `Session saved to: ${saved}\n> `);
  const text = fs.readFileSync(saved, 'utf8');
  assert.match(text, /^function add\(a, b\) \{\n {2}return a \+ b;\n\}\n/);
  assert.doesNotMatch(text, /\.help|\.break/);

  const script = path.join(dir, 'load.js');
  fs.writeFileSync(script, 'const loaded = 20;\nfunction twice(x) {\n' +
                   '  return x * 2;\n}\ntwice(loaded)\n');
  // (Node 18 shows the prompt twice after it.)
  assert.match(await type(`.load ${script}\n`), /^40\n(> )+$/);
  assert.strictEqual(await type('twice(loaded + 1)\n'), '42\n> ');
  assert.strictEqual(await type(`.load ${path.join(dir, 'missing.js')}\n`),
                     `Failed to load: ${path.join(dir, 'missing.js')}\n> `);

  // .clear gives a fresh context.
  assert.strictEqual(await type('var keep = 1\n'), 'undefined\n> ');
  assert.strictEqual(await type('.clear\n'), 'Clearing context...\n> ');
  assert.match(await type('keep\n'),
               /Uncaught ReferenceError: keep is not defined/);
  assert.strictEqual(server.context.keep, undefined);

  // defineCommand, with `this` the server.
  server.defineCommand('hello', {
    help: 'Say hello',
    action: mustCall(function(name) {
      this.output.write(`Hello, ${name}!\n`);
      this.displayPrompt();
    }),
  });
  assert.strictEqual(await type('.hello world\n'), 'Hello, world!\n> ');
  assert.match(await type('.help\n'), /^\.hello +Say hello$/m);

  // .exit closes and emits 'exit'.
  server.on('exit', mustCall());
  await type('.exit\n');
  assert.strictEqual(server.closed, true);

  // A custom eval and writer; Recoverable continues the input.
  const repl = require('repl');
  const custom = startRepl({
    eval: mustCall((code, context, file, cb) => {
      if (code.trim().endsWith('\\')) {
        cb(new repl.Recoverable(new SyntaxError('more')));
      } else {
        cb(null, code.trim().toUpperCase());
      }
    }, 3),
    writer: (value) => `<${value}>`,
  });
  assert.strictEqual(await custom.type('abc\n'), '<ABC>\n> ');
  assert.strictEqual(await custom.type('def\\\n'), '... ');
  assert.strictEqual(await custom.type('ghi\n'), '<DEF\\\nGHI>\n> ');
  custom.server.close();

  // The end of the input stream ends the REPL.
  const ended = startRepl();
  ended.server.on('exit', mustCall());
  ended.input.end();
})().then(mustCall(() => {
  fs.rmSync(dir, { recursive: true, force: true });
}));
