'use strict';
// Tab completion in terminal mode: a tab completes as far as all
// candidates agree; a second tab with nothing to add lists them in
// columns. Completers may be sync (one argument), take a callback (two
// arguments), or (readline/promises) return a promise. Outputs recorded
// from Node 18.
const common = require('../common');
const { assert } = common;
const readline = require('readline');
const readlinePromises = require('readline/promises');
const { PassThrough, Writable } = require('stream');

const tick = () => new Promise((resolve) => setImmediate(resolve));

async function session(options = {}, module = readline) {
  const input = new PassThrough();
  let written = '';
  const output = new Writable({
    decodeStrings: false,
    write(chunk, encoding, callback) {
      written += chunk;
      callback();
    },
  });
  if (options.columns) output.columns = options.columns;
  delete options.columns;
  const rl = module.createInterface({
    input, output, terminal: true, ...options,
  });
  await tick();
  written = '';
  return {
    rl,
    input,
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

const fruits = ['apple', 'apricot', 'avocado', 'banana', 'blueberry',
                'cherry', 'grape', 'grapefruit'];

// Completes the last word; lists everything when nothing matches.
function fruitCompleter(line) {
  const word = line.split(' ').pop();
  const hits = fruits.filter((f) => f.startsWith(word));
  return [hits.length ? hits : fruits, word];
}

async function main() {
  // On a 30-column terminal. A tab inside a pasted chunk is text.
  for (const module of [readline, readlinePromises]) {
    const s = await session({ completer: fruitCompleter, columns: 30 },
                            module);
    await run(s, [
      ['ch', 'ch', 'ch', 2],
      ['\t', 'erry', 'cherry', 6],
      [' b', ' b', 'cherry b', 8],
      ['\t', '', 'cherry b', 8],
      [
        '\t',
        '\r\nbanana     blueberry\r\n\r\n\x1b[1G\x1b[0J> cherry b\x1b[11G',
        'cherry b',
        8,
      ],
      ['l', 'l', 'cherry bl', 9],
      ['\t', 'ueberry', 'cherry blueberry', 16],
      ['\x15', '\x1b[1G\x1b[0J> \x1b[3G', '', 0],
      ['x', 'x', 'x', 1],
      ['\t', '', 'x', 1],
      [
        '\t',
        '\r\napple       apricot\r\navocado     banana\r\n' +
        'blueberry   cherry\r\ngrape       grapefruit\r\n\r\n' +
        '\x1b[1G\x1b[0J> x\x1b[4G',
        'x',
        1,
      ],
      ['\x15', '\x1b[1G\x1b[0J> \x1b[3G', '', 0],
      ['gr', 'gr', 'gr', 2],
      ['\t', 'ape', 'grape', 5],
      [
        '\t',
        '\r\ngrape       grapefruit\r\n\r\n\x1b[1G\x1b[0J> grape\x1b[8G',
        'grape',
        5,
      ],
      ['\x15', '\x1b[1G\x1b[0J> \x1b[3G', '', 0],
      [
        'a\t\t',
        'a\t\r\napple       apricot\r\navocado     banana\r\n' +
        'blueberry   cherry\r\ngrape       grapefruit\r\n\r\n' +
        '\x1b[1G\x1b[0J> a\t\x1b[9G',
        'a\t',
        2,
      ],
    ]);
    s.rl.close();
  }

  // '' entries separate groups; no columns means one entry per row.
  {
    const s = await session({
      completer: (line) => [['ab', 'ac', '', 'ad', 'a-very-long-one', '',
                             'ae'], line],
      columns: 40,
    });
    await run(s, [
      ['a', 'a', 'a', 1],
      ['\t', '', 'a', 1],
      [
        '\t',
        '\r\nab               ac\r\n\r\n' +
        'ad               a-very-long-one\r\n\r\nae\r\n\r\n' +
        '\x1b[1G\x1b[0J> a\x1b[4G',
        'a',
        1,
      ],
    ]);
    s.rl.close();
    const t = await session({ completer: fruitCompleter });
    await t.type('gr', '\t', '\t');
    assert.strictEqual(t.output(),
                       'grape\r\ngrape\r\ngrapefruit\r\n\r\n' +
                       '\x1b[1G\x1b[0J> grape\x1b[8G');
    t.rl.close();
  }

  // Candidates that do not extend the typed word replace it; wide
  // characters take two columns in the listing.
  {
    const s = await session({ completer: (line) => [['Hello', 'Help'], line] });
    await run(s, [
      ['he', 'he', 'he', 2],
      ['\t', '\x1b[1G\x1b[0J> Hel\x1b[6G', 'Hel', 3],
      ['\t', '\r\nHello\r\nHelp\r\n\r\n\x1b[1G\x1b[0J> Hel\x1b[6G', 'Hel', 3],
      ['\x1b[D', '\x1b[1D', 'Hel', 2],
      ['\t', '\x1b[1G\x1b[0J> Hell\x1b[6G', 'Hell', 3],
    ]);
    s.rl.close();
    const t = await session({
      completer: () => [['日本語', '日本人', 'xx'], ''],
      columns: 20,
    });
    await run(t, [
      ['\t', '', '', 0],
      ['\t', '\r\n日本語  日本人\r\nxx\r\n\r\n\x1b[1G\x1b[0J> \x1b[3G', '', 0],
    ]);
    t.rl.close();
  }

  // Sync completers answer before the tab's keypress returns; the
  // interface pauses while a callback completer works.
  {
    const s = await session({ completer: fruitCompleter });
    s.rl.write('ban');
    s.input.emit('keypress', '\t', { name: 'tab', sequence: '\t' });
    assert.strictEqual(s.rl.line, 'banana');
    s.rl.close();

    // (Two declared parameters pick the callback form.)
    let answer;
    const t = await session({
      completer(line, callback) {
        assert.strictEqual(line, 'ch');
        answer = () => callback(null, [['cherry'], line]);
      },
    });
    const events = [];
    t.rl.on('pause', () => events.push('pause'));
    t.rl.on('resume', () => events.push('resume'));
    await t.type('ch', '\t');
    assert.deepStrictEqual(events, ['pause']);
    assert.strictEqual(t.rl.line, 'ch');
    answer();
    assert.deepStrictEqual(events, ['pause', 'resume']);
    assert.strictEqual(t.rl.line, 'cherry');
    t.rl.close();
  }

  // A completer's error is printed after the line.
  {
    const s = await session({
      completer: (line, callback) => callback(new Error('no luck')),
    });
    await s.type('x', '\t');
    const out = s.output();
    assert.ok(out.startsWith('xTab completion error: Error: no luck\n'), out);
    assert.strictEqual(s.rl.line, 'x');
    assert.strictEqual(s.rl.paused, false);
    s.rl.close();
  }

  // readline/promises: the completer's value (or promise) is awaited.
  {
    const s = await session({
      completer: async (line) => [['async-done'], line],
    }, readlinePromises);
    s.rl.write('a');
    s.input.emit('keypress', '\t', { name: 'tab', sequence: '\t' });
    assert.strictEqual(s.rl.line, 'a');
    await tick();
    assert.strictEqual(s.rl.line, 'async-done');
    s.rl.close();

    const t = await session({
      completer: async () => {
        throw new Error('async no luck');
      },
    }, readlinePromises);
    await t.type('x', '\t');
    assert.ok(t.output().startsWith(
      'xTab completion error: Error: async no luck\n'));
    t.rl.close();
  }

  // Completers are checked; the classic Interface wraps one-argument
  // completers into the callback form.
  {
    const input = new PassThrough();
    assert.throws(() => readline.createInterface({ input, completer: 'x' }), {
      name: 'TypeError',
      code: 'ERR_INVALID_ARG_VALUE',
      message: "The argument 'completer' is invalid. Received 'x'",
    });
    const sync = (line) => [[], line];
    const rl = readline.createInterface({ input, completer: sync });
    assert.notStrictEqual(rl.completer, sync);
    assert.strictEqual(rl.completer.length, 2);
    rl.close();
    const withCallback = (line, cb) => cb(null, [[], line]);
    const rl2 = readline.createInterface(input, null, withCallback);
    assert.strictEqual(rl2.completer, withCallback);
    rl2.close();
    const rl3 = readlinePromises.createInterface({ input, completer: sync });
    assert.strictEqual(rl3.completer, sync);
    rl3.close();
  }
}

main().then(common.mustCall());
