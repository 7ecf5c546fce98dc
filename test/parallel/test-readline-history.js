'use strict';
// History in terminal mode: submitted lines go to rl.history (newest
// first) and the 'history' event; up/down (ctrl+P/N) walk it, searching
// for entries that start with the text typed before the first up/down.
// Outputs recorded from Node 18.
const common = require('../common');
const { assert } = common;
const readline = require('readline');
const { PassThrough, Writable } = require('stream');

const tick = () => new Promise((resolve) => setImmediate(resolve));

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
  const rl = readline.createInterface({
    input, output, terminal: true, ...options,
  });
  const lines = [];
  const historyEvents = [];
  rl.on('line', (line) => lines.push(line));
  rl.on('history', (history) => historyEvents.push(history.slice()));
  await tick();
  written = '';
  return {
    rl,
    lines,
    historyEvents,
    async type(...chunks) {
      for (const chunk of chunks) {
        input.write(chunk);
        await tick();
      }
    },
    output() {
      const out = written;
      written = '';
      return out;
    },
  };
}

// Steps: [input, output written, rl.line after, rl.cursor after].
async function run(s, steps) {
  for (const [input, output, line, cursor] of steps) {
    await s.type(input);
    const what = `after ${JSON.stringify(input)}`;
    assert.strictEqual(s.output(), output, what);
    assert.strictEqual(s.rl.line, line, what);
    assert.strictEqual(s.rl.cursor, cursor, what);
  }
}

async function main() {
  // Walking the history; blank lines are not recorded, an entry equal to
  // the newest is not added again, and moves skip entries equal to the
  // current line.
  {
    const s = await session({ history: ['older', 'old'] });
    await run(s, [
      ['one\r', 'one\r\n', '', 0],
      ['two\r', 'two\r\n', '', 0],
      ['one\r', 'one\r\n', '', 0],
      ['   \r', '   \r\n', '', 0],
      ['\r', '\r\n', '', 0],
      ['\x1b[A', '\x1b[1G\x1b[0J> one\x1b[6G', 'one', 3],
      ['\x1b[A', '\x1b[1G\x1b[0J> two\x1b[6G', 'two', 3],
      ['\x1b[A', '\x1b[1G\x1b[0J> one\x1b[6G', 'one', 3],
      ['\x1b[A', '\x1b[1G\x1b[0J> older\x1b[8G', 'older', 5],
      ['\x1b[A', '\x1b[1G\x1b[0J> old\x1b[6G', 'old', 3],
      ['\x1b[A', '\x1b[1G\x1b[0J> \x1b[3G', '', 0],
      ['\x1b[B', '\x1b[1G\x1b[0J> old\x1b[6G', 'old', 3],
      ['\x10', '\x1b[1G\x1b[0J> \x1b[3G', '', 0],
      ['\x0e', '\x1b[1G\x1b[0J> old\x1b[6G', 'old', 3],
      ['\x0e', '\x1b[1G\x1b[0J> older\x1b[8G', 'older', 5],
      ['\x0e', '\x1b[1G\x1b[0J> one\x1b[6G', 'one', 3],
      ['\x0e', '\x1b[1G\x1b[0J> two\x1b[6G', 'two', 3],
    ]);
    assert.deepStrictEqual(s.lines, ['one', 'two', 'one', '   ', '']);
    assert.deepStrictEqual(s.rl.history, ['one', 'two', 'one', 'older', 'old']);
    assert.deepStrictEqual(s.historyEvents, [
      ['one', 'older', 'old'],
      ['two', 'one', 'older', 'old'],
      ['one', 'two', 'one', 'older', 'old'],
    ]);
    s.rl.close();
  }

  // Searching: up/down only stop at entries starting with 'fo', and the
  // typed text comes back past either end.
  {
    const s = await session({ history: ['foo three', 'bar two', 'foo one'] });
    await run(s, [
      ['fo', 'fo', 'fo', 2],
      ['\x1b[A', '\x1b[1G\x1b[0J> foo three\x1b[12G', 'foo three', 9],
      ['\x1b[A', '\x1b[1G\x1b[0J> foo one\x1b[10G', 'foo one', 7],
      ['\x1b[A', '\x1b[1G\x1b[0J> fo\x1b[5G', 'fo', 2],
      ['\x1b[B', '\x1b[1G\x1b[0J> foo one\x1b[10G', 'foo one', 7],
      ['\x1b[B', '\x1b[1G\x1b[0J> foo three\x1b[12G', 'foo three', 9],
      ['\x1b[B', '\x1b[1G\x1b[0J> fo\x1b[5G', 'fo', 2],
      ['\x15', '\x1b[1G\x1b[0J> \x1b[3G', '', 0],
      ['b', 'b', 'b', 1],
      ['\x1b[A', '\x1b[1G\x1b[0J> bar two\x1b[10G', 'bar two', 7],
      ['x', 'x', 'bar twox', 8],
      ['\x1b[A', '\x1b[1G\x1b[0J> bar twox\x1b[11G', 'bar twox', 8],
    ]);
    s.rl.close();
  }

  // The 'history' event hands out the history array itself.
  {
    const s = await session();
    s.rl.on('history', common.mustCall((history) => {
      assert.strictEqual(history, s.rl.history);
    }));
    await s.type('x\r');
    s.rl.close();
  }

  // historySize caps the history; removeHistoryDuplicates moves a repeated
  // line to the front instead of keeping both.
  {
    const s = await session({ historySize: 3, removeHistoryDuplicates: true });
    await s.type('a\r', 'b\r', 'a\r', 'c\r', 'd\r', 'c\r', 'b\r');
    assert.deepStrictEqual(s.rl.history, ['b', 'c', 'd']);
    s.rl.close();
    const t = await session({ historySize: 3 });
    await t.type('a\r', 'b\r', 'a\r', 'a\r');
    assert.deepStrictEqual(t.rl.history, ['a', 'b', 'a']);
    t.rl.close();
  }

  // historySize 0 keeps nothing and emits no 'history' event.
  {
    const s = await session({ historySize: 0 });
    await s.type('a\r', '\x1b[A');
    assert.deepStrictEqual(s.rl.history, []);
    assert.deepStrictEqual(s.historyEvents, []);
    assert.deepStrictEqual(s.lines, ['a']);
    assert.strictEqual(s.rl.line, '');
    s.rl.close();
  }

  // The history array passed in is the one used.
  {
    const history = ['given'];
    const s = await session({ history });
    assert.strictEqual(s.rl.history, history);
    await s.type('new\r');
    assert.deepStrictEqual(history, ['new', 'given']);
    s.rl.close();
  }

  // Bad options.
  {
    const input = new PassThrough();
    assert.throws(() => readline.createInterface({ input, historySize: -1 }), {
      name: 'RangeError',
      code: 'ERR_INVALID_ARG_VALUE',
      message: "The argument 'historySize' is invalid. Received -1",
    });
    assert.throws(() => readline.createInterface({ input, historySize: NaN }),
                  { name: 'RangeError', code: 'ERR_INVALID_ARG_VALUE' });
    assert.throws(() => readline.createInterface({ input, historySize: '5' }),
                  { name: 'RangeError', code: 'ERR_INVALID_ARG_VALUE' });
    assert.throws(() => readline.createInterface({ input, history: 'x' }), {
      name: 'TypeError',
      code: 'ERR_INVALID_ARG_TYPE',
      message: 'The "history" argument must be an instance of Array. ' +
               "Received type string ('x')",
    });
  }
}

main().then(common.mustCall());
