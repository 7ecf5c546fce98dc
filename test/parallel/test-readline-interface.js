'use strict';
// readline.Interface / createInterface: options and their defaults and
// checks, the positional form, calling Interface without `new`, the
// '_name' members older code relies on (replacing rl._ttyWrite sees every
// key), and TERM=dumb.
const common = require('../common');
const { assert } = common;
const readline = require('readline');
const { PassThrough, Writable } = require('stream');

const tick = () => new Promise((resolve) => setImmediate(resolve));

function capture() {
  const out = { text: '' };
  out.stream = new Writable({
    decodeStrings: false,
    write(chunk, encoding, callback) {
      out.text += chunk;
      callback();
    },
  });
  return out;
}

async function main() {
  assert.deepStrictEqual(Object.keys(readline), [
    'Interface', 'clearLine', 'clearScreenDown', 'createInterface',
    'cursorTo', 'emitKeypressEvents', 'moveCursor', 'promises',
  ]);

  // Defaults.
  {
    const input = new PassThrough();
    const rl = readline.createInterface({ input });
    assert.ok(rl instanceof readline.Interface);
    assert.strictEqual(rl.input, input);
    assert.strictEqual(rl.output, undefined);
    assert.strictEqual(rl.terminal, false);
    assert.strictEqual(rl.getPrompt(), '> ');
    assert.strictEqual(rl.line, '');
    assert.deepStrictEqual(rl.history, []);
    assert.strictEqual(rl.historySize, 30);
    assert.strictEqual(rl.removeHistoryDuplicates, false);
    assert.strictEqual(rl.crlfDelay, 100);
    assert.strictEqual(rl.escapeCodeTimeout, 500);
    assert.strictEqual(rl.tabSize, 8);
    assert.strictEqual(rl.completer, undefined);
    assert.strictEqual(rl.isCompletionEnabled, true);
    assert.strictEqual(rl.columns, Infinity);
    assert.deepStrictEqual(Object.keys(rl), [
      'isCompletionEnabled', 'escapeCodeTimeout', 'tabSize', '_events',
      '_eventsCount', '_maxListeners', 'line', 'output', 'input', 'history',
      'historySize', 'removeHistoryDuplicates', 'crlfDelay', 'completer',
      'terminal',
    ]);
    rl.close();
  }

  // terminal follows output.isTTY unless given.
  {
    const input = new PassThrough();
    const output = new PassThrough();
    output.isTTY = true;
    const rl = readline.createInterface({ input, output });
    assert.strictEqual(rl.terminal, true);
    assert.strictEqual(rl.cursor, 0);
    assert.strictEqual(rl.historyIndex, -1);
    rl.close();
    const rl2 = readline.createInterface({ input, output, terminal: false });
    assert.strictEqual(rl2.terminal, false);
    rl2.close();
  }

  // Positional arguments, and Interface without `new`.
  {
    const input = new PassThrough();
    const out = capture();
    const completer = (line, cb) => cb(null, [[], line]);
    const rl = readline.Interface(input, out.stream, completer, true);
    assert.ok(rl instanceof readline.Interface);
    assert.strictEqual(rl.output, out.stream);
    assert.strictEqual(rl.completer, completer);
    assert.strictEqual(rl.terminal, true);
    rl.close();
    const rl2 = new readline.Interface({ input, prompt: '$ ', tabSize: 2 });
    assert.strictEqual(rl2.getPrompt(), '$ ');
    assert.strictEqual(rl2.tabSize, 2);
    rl2.close();
  }

  // Checks.
  {
    const input = new PassThrough();
    const create = (options) => readline.createInterface({ input, ...options });
    assert.throws(() => create({ escapeCodeTimeout: 'x' }), {
      name: 'TypeError',
      code: 'ERR_INVALID_ARG_VALUE',
      message: "The property 'input.escapeCodeTimeout' is invalid. " +
               'Received 500',
    });
    assert.throws(() => create({ escapeCodeTimeout: Infinity }),
                  { code: 'ERR_INVALID_ARG_VALUE' });
    assert.strictEqual(create({ escapeCodeTimeout: 50 }).escapeCodeTimeout,
                       50);
    assert.throws(() => create({ tabSize: 0 }), {
      name: 'RangeError',
      code: 'ERR_OUT_OF_RANGE',
      message: 'The value of "tabSize" is out of range. ' +
               'It must be >= 1 && <= 4294967295. Received 0',
    });
    assert.throws(() => create({ tabSize: 'a' }), {
      name: 'TypeError',
      code: 'ERR_INVALID_ARG_TYPE',
      message: 'The "tabSize" argument must be of type number. ' +
               "Received type string ('a')",
    });
    assert.throws(() => readline.createInterface(), TypeError);
    assert.throws(() => readline.createInterface({ input: {} }), TypeError);
  }

  // The '_name' fields and methods.
  {
    const input = new PassThrough();
    const out = capture();
    const rl = readline.createInterface({
      input, output: out.stream, terminal: true,
    });
    await tick();
    assert.strictEqual(rl._prompt, '> ');
    rl._prompt = '# ';
    assert.strictEqual(rl.getPrompt(), '# ');
    assert.strictEqual(rl._questionCallback, undefined);
    assert.strictEqual(rl._sawReturnAt, 0);
    assert.strictEqual(rl._previousKey, null);

    // Replacing _ttyWrite on the instance sees every keypress.
    const keys = [];
    const original = rl._ttyWrite;
    rl._ttyWrite = function(s, key) {
      keys.push(key.name);
      return original.call(this, s, key);
    };
    input.write('ab\x1b[D\r');
    await tick();
    assert.deepStrictEqual(keys, ['a', 'b', 'left', 'return']);
    assert.deepStrictEqual(rl._previousKey,
                           { sequence: '\r', name: 'return', ctrl: false,
                             meta: false, shift: false });
    assert.ok(rl._sawReturnAt > 0);

    // Replacing _writeToOutput sees every write.
    const writes = [];
    rl._writeToOutput = (text) => writes.push(text);
    rl._insertString('xyz');
    rl._moveCursor(-2);
    rl._deleteLeft();
    rl._refreshLine();
    assert.deepStrictEqual(writes, ['xyz', '# yz', '# yz']);
    assert.deepStrictEqual(rl._getCursorPos(), { rows: 0, cols: 2 });
    assert.deepStrictEqual(rl._getDisplayPos('ab\tc'), { rows: 0, cols: 9 });
    rl._line();
    assert.strictEqual(rl._addHistory(), '');
    assert.deepStrictEqual(rl.history, ['yz', 'ab']);
    rl._historyPrev();
    assert.strictEqual(rl.line, 'yz');
    rl._historyNext();
    assert.strictEqual(rl.line, '');
    rl.close();
    assert.strictEqual(typeof rl._decoder, 'undefined');
    assert.strictEqual(rl._setRawMode(true), undefined);
  }

  // Without a terminal the line buffer and decoder are there.
  {
    const input = new PassThrough();
    const rl = readline.createInterface({ input });
    rl._normalWrite('abc');
    assert.strictEqual(rl._line_buffer, 'abc');
    assert.strictEqual(typeof rl._decoder.write, 'function');
    rl.on('line', common.mustCall((line) => assert.strictEqual(line, 'abc')));
    rl._normalWrite('\n');
    rl.close();
  }

  // TERM=dumb: the prompt is plain text and keys are only echoed.
  {
    const saved = process.env.TERM;
    process.env.TERM = 'dumb';
    try {
      const input = new PassThrough();
      const out = capture();
      const rl = readline.createInterface({
        input, output: out.stream, terminal: true,
      });
      const lines = [];
      rl.on('line', (line) => lines.push(line));
      rl.prompt();
      input.write('abc\x1b[D\x1b[Dx\r');
      await tick();
      assert.deepStrictEqual(lines, ['abcx']);
      assert.strictEqual(out.text, '> abcx\r\n');
      rl.close();
    } finally {
      if (saved === undefined) delete process.env.TERM;
      else process.env.TERM = saved;
    }
  }
}

main().then(common.mustCall());
