'use strict';
// The repl module as a program uses it to serve a REPL: one duplex stream
// (`stream`, like a socket), the exports, 'reset', context, ctrl+C while
// an input is awaited, and lines sent while an input runs.
const { assert, isNoderun, mustCall } = require('../common');
const repl = require('repl');
const { Duplex } = require('stream');
const { startRepl } = require('../common/repl');

assert.strictEqual(typeof repl.start, 'function');
assert.strictEqual(typeof repl.REPLServer, 'function');
assert.strictEqual(typeof repl.REPL_MODE_SLOPPY, 'symbol');
assert.strictEqual(typeof repl.REPL_MODE_STRICT, 'symbol');
assert.ok(repl.builtinModules.includes('fs'));
assert.ok(repl.builtinModules.includes('repl'));
assert.ok(!repl.builtinModules.some((id) => id.startsWith('internal/')));
assert.strictEqual(repl.writer({ a: 1 }), '{ a: 1 }');
assert.ok(new repl.Recoverable(new SyntaxError('x')) instanceof SyntaxError);

(async () => {
  // One duplex stream carries both directions, as a socket does: what
  // it reads is typed, what the REPL writes goes to it.
  let text = '';
  const socket = new Duplex({
    read() {},
    write(chunk, enc, cb) {
      text += chunk;
      cb();
    },
  });
  const send = (line) => socket.push(line);
  const server = repl.start({ prompt: 'remote> ', stream: socket,
                              terminal: false });
  assert.ok(server instanceof repl.REPLServer);
  assert.ok(server instanceof require('readline').Interface);
  const waitFor = (re) => new Promise((resolve, reject) => {
    const t0 = Date.now();
    (function poll() {
      if (re.test(text)) resolve();
      else if (Date.now() - t0 > 2000) reject(new Error(text));
      else setTimeout(poll, 2);
    })();
  });
  send('6 * 7\n');
  await waitFor(/^remote> 42\nremote> $/);

  // context is the REPL's global object; 'reset' on .clear.
  server.context.shared = { n: 1 };
  send('shared.n += 1\n');
  await waitFor(/2\nremote> $/);
  assert.strictEqual(server.context.shared.n, 2);
  server.on('reset', mustCall((context) => {
    assert.strictEqual(context, server.context);
  }));
  send('.clear\n');
  await waitFor(/Clearing context\.\.\.\nremote> $/);
  assert.strictEqual(server.context.shared, undefined);
  server.close();

  if (!isNoderun) return;  // Node 18 runs them out of order.
  // Lines that arrive while an input is awaited run after it, in order.
  const q = startRepl();
  const out = await q.type('await new Promise((r) => setTimeout(r, 20, 1))\n' +
                           '2\n3\n', 3000).then(async (first) => {
    await new Promise((r) => setTimeout(r, 50));
    return q.all();
  });
  assert.match(out, /> 1\n> 2\n> 3\n> $/);
  q.server.close();

  // ctrl+C while an input is awaited gives the prompt back.
  const t = startRepl({ terminal: true });
  t.input.write('await new Promise(() => {})\r');
  await new Promise((r) => setTimeout(r, 20));
  t.input.write('\x03');
  await new Promise((r) => setTimeout(r, 20));
  assert.match(t.all(), /Script execution was interrupted by `SIGINT`/);
  t.input.write('5\r');
  await new Promise((r) => setTimeout(r, 20));
  assert.match(t.all().replace(/\x1b\[[0-9;]*[A-Za-z]/g, ''), /\n5\n> $/);
  t.server.close();
})().then(mustCall());
