'use strict';
// rl.question(), prompt(), setPrompt()/getPrompt(), question() with an
// AbortSignal and through util.promisify().
const common = require('../common');
const { assert } = common;
const readline = require('readline');
const util = require('util');
const { PassThrough, Writable } = require('stream');

const tick = () => new Promise((resolve) => setImmediate(resolve));

// An AbortSignal (a stand-in when the runtime has no AbortController).
function makeController() {
  if (typeof AbortController === 'function') return new AbortController();
  const listeners = new Set();
  const signal = {
    aborted: false,
    reason: undefined,
    addEventListener(type, fn) { listeners.add(fn); },
    removeEventListener(type, fn) { listeners.delete(fn); },
  };
  return {
    signal,
    abort(reason) {
      signal.aborted = true;
      signal.reason = reason;
      for (const fn of [...listeners]) {
        listeners.delete(fn);
        fn();
      }
    },
  };
}

async function session(options = {}) {
  const input = new PassThrough();
  let written = '';
  const output = new Writable({
    decodeStrings: false,
    write(chunk, encoding, callback) {
      written += chunk;
      callback();
    },
  });
  const rl = readline.createInterface({ input, output, ...options });
  const lines = [];
  rl.on('line', (line) => lines.push(line));
  await tick();
  return {
    rl,
    input,
    lines,
    async type(text) {
      input.write(text);
      await tick();
    },
    output() {
      const out = written;
      written = '';
      return out;
    },
  };
}

async function main() {
  // Without a terminal: the query is written as is; the answer goes to
  // the callback instead of 'line'; a question asked while one is pending
  // only shows the prompt again.
  {
    const s = await session({ terminal: false });
    const answers = [];
    s.rl.question('Name? ', (answer) => {
      answers.push(answer);
      assert.strictEqual(s.rl.getPrompt(), '> ');
      s.rl.question('Again? ', (again) => answers.push(again));
    });
    s.rl.question('Ignored? ', common.mustNotCall());
    assert.strictEqual(s.rl.getPrompt(), 'Name? ');
    assert.strictEqual(s.output(), 'Name? Name? ');
    await s.type('bob\nalice\ncarol\n');
    assert.deepStrictEqual(answers, ['bob', 'alice']);
    assert.deepStrictEqual(s.lines, ['carol']);
    assert.strictEqual(s.output(), 'Again? ');
    s.rl.close();
    assert.throws(() => s.rl.question('Closed? ', common.mustNotCall()), {
      name: 'Error',
      code: 'ERR_USE_AFTER_CLOSE',
      message: 'readline was closed',
    });
  }

  // With a terminal the query is drawn as the prompt.
  {
    const s = await session({ terminal: true });
    s.rl.question('Q: ', common.mustCall((answer) => {
      assert.strictEqual(answer, 'yes');
    }));
    assert.strictEqual(s.output(), '\x1b[1G\x1b[0JQ: \x1b[4G');
    await s.type('yes\r');
    assert.strictEqual(s.output(), 'yes\r\n');
    assert.deepStrictEqual(s.lines, []);
    s.rl.close();
  }

  // prompt(), setPrompt(), getPrompt(); a prompt is not checked until it
  // is written.
  {
    const s = await session({ terminal: false, prompt: '$ ' });
    assert.strictEqual(s.rl.getPrompt(), '$ ');
    s.rl.prompt();
    s.rl.setPrompt('% ');
    s.rl.prompt();
    assert.strictEqual(s.output(), '$ % ');
    s.rl.setPrompt(7);
    assert.strictEqual(s.rl.getPrompt(), 7);
    assert.throws(() => s.rl.prompt(), {
      code: 'ERR_INVALID_ARG_TYPE',
      message: 'The "stringToWrite" argument must be of type string. ' +
               'Received type number (7)',
    });
    // prompt() resumes a paused interface.
    s.rl.setPrompt('> ');
    s.rl.pause();
    s.rl.prompt();
    assert.strictEqual(s.rl.paused, false);
    s.rl.close();
  }

  // A signal withdraws the question: the next line is a plain 'line'.
  {
    const s = await session({ terminal: true });
    const ac = makeController();
    s.rl.question('Q1 ', { signal: ac.signal }, common.mustNotCall());
    ac.abort();
    assert.strictEqual(s.rl.getPrompt(), '> ');
    assert.strictEqual(s.output(), '\x1b[1G\x1b[0JQ1 \x1b[4G\r\n');
    await s.type('typed\r');
    assert.deepStrictEqual(s.lines, ['typed']);
    // An aborted signal: no question at all.
    s.rl.question('Q2 ', { signal: ac.signal }, common.mustNotCall());
    assert.strictEqual(s.rl.getPrompt(), '> ');
    // Answered before the abort: the listener is gone.
    const ac2 = makeController();
    s.rl.question('Q3 ', { signal: ac2.signal }, common.mustCall((a) => {
      assert.strictEqual(a, 'three');
    }));
    await s.type('three\r');
    ac2.abort();
    assert.throws(
      () => s.rl.question('Q4 ', { signal: 'no' }, common.mustNotCall()),
      { code: 'ERR_INVALID_ARG_TYPE' });
    s.rl.close();
  }

  // util.promisify(rl.question)
  {
    const s = await session({ terminal: false });
    const question = util.promisify(s.rl.question).bind(s.rl);
    const p = question('What? ');
    await s.type('42\n');
    assert.strictEqual(await p, '42');

    const ac = makeController();
    const aborted = question('Abort? ', { signal: ac.signal });
    ac.abort('why');
    await assert.rejects(aborted, (err) => {
      assert.strictEqual(err.name, 'AbortError');
      assert.strictEqual(err.code, 'ABORT_ERR');
      assert.strictEqual(err.cause, 'why');
      return true;
    });
    await assert.rejects(question('Early? ', { signal: ac.signal }),
                         { name: 'AbortError' });
    s.rl.close();
  }
}

main().then(common.mustCall());
