'use strict';
// The REPL on a terminal (PassThrough streams with terminal: true): a
// multi-line input is one history entry, recalled as one block; up/down;
// ctrl+R reverse search; .editor; ctrl+C and ctrl+D; the history file.
const { assert, isNoderun, mustCall } = require('../common');
const { startRepl } = require('../common/repl');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = path.join(os.tmpdir(), `noderun-repl-terminal-${process.pid}`);
fs.mkdirSync(dir, { recursive: true });
const historyFile = path.join(dir, 'history');

const UP = '\x1b[A';
const DOWN = '\x1b[B';
const tick = (ms = 15) => new Promise((r) => setTimeout(r, ms));
const plain = (s) => s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');

(async () => {
  const t = startRepl({ terminal: true, useColors: false });
  t.output.columns = 80;
  const { server } = t;
  await new Promise((r) => server.setupHistory(historyFile, r));

  // Lines run on Enter; a multi-line input becomes one entry.
  assert.strictEqual(plain(await t.type('1 + 2\r')), '1 + 2\r\n3\n> ');
  await t.type('function sum(...n) {\r');
  await t.type('  return n.reduce((a, b) => a + b, 0);\r');
  await t.type('}\r');
  assert.match(plain(await t.type('sum(1, 2, 3)\r')), /\n6\n> $/);
  if (isNoderun) {
    assert.deepStrictEqual(server.history, [
      'sum(1, 2, 3)',
      'function sum(...n) {\n  return n.reduce((a, b) => a + b, 0);\n}',
      '1 + 2',
    ]);
    // Up recalls entries newest first, the block whole; down comes back.
    t.input.write(UP);
    await tick();
    assert.strictEqual(server.line, 'sum(1, 2, 3)');
    t.input.write(UP);
    await tick();
    assert.strictEqual(server.line, server.history[1]);
    t.input.write(DOWN);
    await tick();
    assert.strictEqual(server.line, 'sum(1, 2, 3)');
    t.input.write(UP);
    await tick();
    // Running the recalled block runs all of it, and keeps it one entry.
    assert.match(plain(await t.type('\r')), /\nundefined\n> $/);
    assert.strictEqual(server.history.length, 4);
    assert.strictEqual(server.history[0],
                       'function sum(...n) {\n  return n.reduce((a, b) => ' +
                       'a + b, 0);\n}');

    // ctrl+R finds the newest entry holding what is typed; again finds an
    // older one; Enter runs it.
    t.input.write('\x12');
    t.input.write('s');
    await tick();
    assert.strictEqual(server.line, server.history[0]);
    assert.match(server.getPrompt(), /reverse-i-search\)`s'/);
    t.input.write('um(');
    await tick();
    assert.strictEqual(server.line, server.history[0]);
    t.input.write('1');
    await tick();
    assert.strictEqual(server.line, 'sum(1, 2, 3)');
    assert.strictEqual(plain(await t.type('\r')).split('\n').slice(-2)
                       .join('\n'), '6\n> ');
    // A search that fails says so; ctrl+G gives the old line back.
    t.input.write('draft');
    t.input.write('\x12');
    t.input.write('zzz');
    await tick();
    assert.match(server.getPrompt(), /failed reverse-i-search/);
    t.input.write('\x07');
    await tick();
    assert.strictEqual(server.line, 'draft');
    assert.strictEqual(server.getPrompt(), '> ');
    // ctrl+U clears the line.
    t.input.write('\x15');
    await tick();
    assert.strictEqual(server.line, '');

    // The file has every entry, newest first, a block on one line.
    const saved = fs.readFileSync(historyFile, 'utf8').split('\n');
    assert.deepStrictEqual(saved.slice(0, 2), [
      'sum(1, 2, 3)',
      'function sum(...n) {\r  return n.reduce((a, b) => a + b, 0);\r}',
    ]);
  }

  // .editor: lines until ctrl+D run as one input.
  assert.match(plain(await t.type('.editor\r', 200).catch(() => t.all())),
               /Entering editor mode/);
  t.input.write('const e = 2;\r');
  t.input.write('e * 21\r');
  t.input.write('\x04');
  await tick(30);
  assert.match(plain(t.all()), /42\n> $/);

  // ctrl+C with text clears it; twice on an empty line closes.
  t.input.write('12345');
  await tick();
  t.input.write('\x03');
  await tick();
  assert.strictEqual(server.line, '');
  assert.ok(!server.closed);
  t.input.write('\x03');
  await tick();
  const hint = new RegExp('\\(To exit, press Ctrl\\+C again or Ctrl\\+D ' +
                          'or type \\.exit\\)\n> $');
  assert.match(plain(t.all()), hint);
  server.on('exit', mustCall());
  t.input.write('\x03');
  await tick();
  assert.strictEqual(server.closed, true);

  // A new session reads the history file.
  const u = startRepl({ terminal: true, useColors: false });
  await new Promise((r) => u.server.setupHistory(historyFile, r));
  if (isNoderun) {
    assert.deepStrictEqual(u.server.history, server.history);
    assert.ok(u.server.history.includes(
      'function sum(...n) {\n  return n.reduce((a, b) => a + b, 0);\n}'));
    assert.strictEqual(u.server.history[0], 'const e = 2;\ne * 21');
  }
  u.input.write(UP);
  await tick();
  assert.strictEqual(u.server.line, u.server.history[0]);
  // ctrl+D on an empty line closes.
  u.input.write('\x15');
  u.server.on('exit', mustCall());
  u.input.write('\x04');
  await tick();
  assert.strictEqual(u.server.closed, true);
})().then(mustCall(() => {
  fs.rmSync(dir, { recursive: true, force: true });
}));
