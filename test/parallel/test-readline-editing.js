'use strict';
// Line editing in terminal mode: each key's effect on rl.line and
// rl.cursor and the exact bytes written to the output (recorded from
// Node 18 with the same input).
const common = require('../common');
const { assert } = common;
const readline = require('readline');
const { PassThrough, Writable } = require('stream');

const tick = () => new Promise((resolve) => setImmediate(resolve));

// A terminal interface over a PassThrough; `columns` sets the width of
// the fake terminal.
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
  if (options.columns) output.columns = options.columns;
  delete options.columns;
  const rl = readline.createInterface({
    input, output, terminal: true, ...options,
  });
  const lines = [];
  rl.on('line', (line) => lines.push(line));
  await tick();
  return {
    rl,
    input,
    lines,
    // Output since the last call.
    output() {
      const out = written;
      written = '';
      return out;
    },
  };
}

// Steps: [input, output written, rl.line after, rl.cursor after].
async function run(name, steps, options, before) {
  const s = await session(options);
  if (before) before(s.rl);
  s.output();
  for (const [input, output, line, cursor] of steps) {
    s.input.write(input);
    await tick();
    const what = `${name}: after ${JSON.stringify(input)}`;
    assert.strictEqual(s.output(), output, what);
    assert.strictEqual(s.rl.line, line, what);
    assert.strictEqual(s.rl.cursor, cursor, what);
  }
  return s;
}

async function main() {
  // Arrows, home/end, ctrl+A/E/B/F, backspace, delete, ctrl+H, ctrl+D.
  {
    const s = await run('basic', [
      ['abc', 'abc', 'abc', 3],
      ['\x1b[D', '\x1b[1D', 'abc', 2],
      ['\x1b[D', '\x1b[1D', 'abc', 1],
      ['X', '\x1b[1G\x1b[0J> aXbc\x1b[5G', 'aXbc', 2],
      ['\x1b[C', '\x1b[1C', 'aXbc', 3],
      ['\x7f', '\x1b[1G\x1b[0J> aXc\x1b[5G', 'aXc', 2],
      ['\x1b[3~', '\x1b[1G\x1b[0J> aX\x1b[5G', 'aX', 2],
      ['\x1b[H', '\x1b[2D', 'aX', 0],
      ['\x1b[F', '\x1b[2C', 'aX', 2],
      ['\x01', '\x1b[2D', 'aX', 0],
      ['\x05', '\x1b[2C', 'aX', 2],
      ['\x02', '\x1b[1D', 'aX', 1],
      ['\x06', '\x1b[1C', 'aX', 2],
      ['\b', '\x1b[1G\x1b[0J> a\x1b[4G', 'a', 1],
      ['\x04', '', 'a', 1],
      ['\x01', '\x1b[1D', 'a', 0],
      ['\x04', '\x1b[1G\x1b[0J> \x1b[3G', '', 0],
      ['\r', '\r\n', '', 0],
    ], undefined, (rl) => rl.prompt());
    assert.deepStrictEqual(s.lines, ['']);
    s.rl.close();
  }

  // Word motion (meta+B/F, ctrl+left/right) and word deletion
  // (meta+D, meta+backspace, ctrl+W, ctrl+delete).
  {
    const s = await run('words', [
      [
        'hello world foo.bar  baz',
        'hello world foo.bar  baz',
        'hello world foo.bar  baz',
        24,
      ],
      ['\x1bb', '\x1b[3D', 'hello world foo.bar  baz', 21],
      ['\x1bb', '\x1b[5D', 'hello world foo.bar  baz', 16],
      ['\x1bb', '\x1b[1D', 'hello world foo.bar  baz', 15],
      ['\x1bf', '\x1b[1C', 'hello world foo.bar  baz', 16],
      ['\x1b[1;5D', '\x1b[1D', 'hello world foo.bar  baz', 15],
      ['\x1b[1;5C', '\x1b[1C', 'hello world foo.bar  baz', 16],
      ['\x1b[1;5D', '\x1b[1D', 'hello world foo.bar  baz', 15],
      [
        '\x1bd',
        '\x1b[1G\x1b[0J> hello world foobar  baz\x1b[18G',
        'hello world foobar  baz',
        15,
      ],
      [
        '\x1b\x7f',
        '\x1b[1G\x1b[0J> hello world bar  baz\x1b[15G',
        'hello world bar  baz',
        12,
      ],
      ['\x17', '\x1b[1G\x1b[0J> hello bar  baz\x1b[9G', 'hello bar  baz', 6],
      ['\x1b[3;5~', '\x1b[1G\x1b[0J> hello baz\x1b[9G', 'hello baz', 6],
      ['\x05', '\x1b[3C', 'hello baz', 9],
      ['\x17', '\x1b[1G\x1b[0J> hello \x1b[9G', 'hello ', 6],
      ['\x17', '\x1b[1G\x1b[0J> \x1b[3G', '', 0],
    ], undefined, undefined);
    s.rl.close();
  }

  // ctrl+K and ctrl+U fill the kill ring; ctrl+Y yanks, meta+Y right
  // after a yank cycles; ctrl+L clears the screen.
  {
    const s = await run('kill', [
      ['one two three', 'one two three', 'one two three', 13],
      ['\x1bb', '\x1b[5D', 'one two three', 8],
      ['\x0b', '\x1b[1G\x1b[0J> one two \x1b[11G', 'one two ', 8],
      ['\x01', '\x1b[8D', 'one two ', 0],
      ['\x0b', '\x1b[1G\x1b[0J> \x1b[3G', '', 0],
      ['uno ', 'uno ', 'uno ', 4],
      ['\x15', '\x1b[1G\x1b[0J> \x1b[3G', '', 0],
      ['\x19', 'uno ', 'uno ', 4],
      ['\x19', 'uno ', 'uno uno ', 8],
      ['\x1by', '\x1b[1G\x1b[0J> uno one two \x1b[15G', 'uno one two ', 12],
      ['\x1by', '\x1b[1G\x1b[0J> uno three\x1b[12G', 'uno three', 9],
      ['\x1by', '\x1b[1G\x1b[0J> uno uno \x1b[11G', 'uno uno ', 8],
      ['x', 'x', 'uno uno x', 9],
      ['\x1by', '', 'uno uno x', 9],
      [
        '\f',
        '\x1b[1;1H\x1b[0J\x1b[1G\x1b[0J> uno uno x\x1b[12G',
        'uno uno x',
        9,
      ],
    ], undefined, undefined);
    s.rl.close();
  }

  // ctrl+_ (\x1f) undoes, ctrl+^ (\x1e) redoes.
  {
    const s = await run('undo', [
      ['a', 'a', 'a', 1],
      ['b', 'b', 'ab', 2],
      ['c', 'c', 'abc', 3],
      ['\x1f', '\x1b[1G\x1b[0J> ab\x1b[5G', 'ab', 2],
      ['\x1f', '\x1b[1G\x1b[0J> a\x1b[4G', 'a', 1],
      ['z', 'z', 'az', 2],
      ['\x1e', '\x1b[1G\x1b[0J> ab\x1b[5G', 'ab', 2],
      ['\x1f', '\x1b[1G\x1b[0J> az\x1b[5G', 'az', 2],
      ['\x1e', '\x1b[1G\x1b[0J> ab\x1b[5G', 'ab', 2],
      ['\x1e', '\x1b[1G\x1b[0J> abc\x1b[6G', 'abc', 3],
      ['\x7f', '\x1b[1G\x1b[0J> ab\x1b[5G', 'ab', 2],
      ['\x15', '\x1b[1G\x1b[0J> \x1b[3G', '', 0],
      ['\x1f', '\x1b[1G\x1b[0J> ab\x1b[5G', 'ab', 2],
      ['\x1f', '\x1b[1G\x1b[0J> abc\x1b[6G', 'abc', 3],
      ['\x1e', '\x1b[1G\x1b[0J> ab\x1b[5G', 'ab', 2],
    ], undefined, undefined);
    s.rl.close();
  }

  // A 10-column terminal: lines wrap, wide characters take two columns
  // and do not split over the edge.
  {
    const s = await run('wrap', [
      ['abcdef', 'abcdef', 'abcdef', 6],
      ['g', '\x1b[1G\x1b[0J>> abcdefg \x1b[1G', 'abcdefg', 7],
      ['h', 'h', 'abcdefgh', 8],
      ['ij', 'ij', 'abcdefghij', 10],
      [
        '\x01',
        '\x1b[1A\x1b[1G\x1b[0J>> abcdefghij\x1b[4G\x1b[1A',
        'abcdefghij',
        0,
      ],
      ['\x1b[C', '\x1b[1C', 'abcdefghij', 1],
      ['\x05', '\x1b[1G\x1b[0J>> abcdefghij\x1b[4G', 'abcdefghij', 10],
      ['\x1b[D', '\x1b[1D', 'abcdefghij', 9],
      ['\x7f', '\x1b[1A\x1b[1G\x1b[0J>> abcdefghj\x1b[2G', 'abcdefghj', 8],
      ['\x15', '\x1b[1A\x1b[1G\x1b[0J>> j\x1b[4G', 'j', 0],
      [
        '日本語のテ',
        '\x1b[1G\x1b[0J>> 日j\x1b[6G\x1b[1G\x1b[0J>> 日本j\x1b[8G' +
        '\x1b[1G\x1b[0J>> 日本語j \x1b[10G\x1b[1A' +
        '\x1b[1G\x1b[0J>> 日本語のj\x1b[3G\x1b[1A\x1b[1G\x1b[0J>> 日本語のテj\x1b[5G',
        '日本語のテj',
        5,
      ],
      ['x', '\x1b[1A\x1b[1G\x1b[0J>> 日本語のテxj\x1b[6G', '日本語のテxj', 6],
      ['\x1b[D', '\x1b[1D', '日本語のテxj', 5],
      ['\x1b[D', '\x1b[2D', '日本語のテxj', 4],
      ['\x01', '\x1b[1A\x1b[1G\x1b[0J>> 日本語のテxj\x1b[4G\x1b[1A', '日本語のテxj', 0],
    ], { columns: 10, prompt: '>> ' }, (rl) => rl.prompt());
    s.rl.close();
  }

  // Line endings typed or pasted: \r\n in one chunk is one ending, a
  // \n right after a \r is dropped.
  {
    const s = await run('enter', [
      ['a\r\nb', 'a\r\nb', 'b', 1],
      ['\r', '\r\n', '', 0],
      ['\n', '', '', 0],
      ['c\nd\re', 'c\r\nd\r\ne', 'e', 1],
      ['\r', '\r\n', '', 0],
    ], undefined, undefined);
    assert.deepStrictEqual(s.lines, ['a', 'b', 'c', 'd', 'e']);
    assert.deepStrictEqual(s.rl.history, ['e', 'd', 'c', 'b', 'a']);
    s.rl.close();
  }

  // rl.write(data, key) in terminal mode: key objects act like keys typed,
  // including ones no terminal sends (ctrl+shift+backspace/delete).
  {
    const s = await session();
    s.rl.write('one two three');
    assert.strictEqual(s.output(), 'one two three');
    s.rl.write(null, { ctrl: true, name: 'left' });
    assert.strictEqual(s.output(), '\x1b[5D');
    s.rl.write(null, { ctrl: true, shift: true, name: 'delete' });
    assert.strictEqual(s.output(), '\x1b[1G\x1b[0J> one two \x1b[11G');
    s.rl.write(null, { ctrl: true, shift: true, name: 'backspace' });
    assert.strictEqual(s.output(), '\x1b[1G\x1b[0J> \x1b[3G');
    s.rl.write('x\ny\r\nz');
    assert.strictEqual(s.output(), 'x\r\ny\r\nz');
    assert.deepStrictEqual(s.lines, ['x', 'y']);
    s.rl.write(null, { ctrl: true, name: 'u' });
    assert.strictEqual(s.rl.line, '');
    // A key with no text and no binding does nothing.
    s.rl.write(undefined, { name: 'f1' });
    s.rl.write(null, { name: 'escape' });
    assert.strictEqual(s.output(), '\x1b[1G\x1b[0J> \x1b[3G');
    s.rl.close();
  }

  // getCursorPos() counts display columns and rows from the prompt start.
  {
    const s = await session({ columns: 8, prompt: '$ ' });
    s.rl.write('abcdef');
    assert.deepStrictEqual(s.rl.getCursorPos(), { rows: 1, cols: 0 });
    s.rl.write('日本');
    assert.deepStrictEqual(s.rl.getCursorPos(), { rows: 1, cols: 4 });
    s.rl.write(null, { name: 'home' });
    assert.deepStrictEqual(s.rl.getCursorPos(), { rows: 0, cols: 2 });
    // Tabs stop every tabSize (8) columns; escape sequences take none.
    s.rl.setPrompt('\x1b[31m>\x1b[0m\t');
    s.rl.write(null, { name: 'end' });
    assert.deepStrictEqual(s.rl.getCursorPos(), { rows: 2, cols: 2 });
    assert.strictEqual(s.rl.columns, 8);
    // A resize of the output redraws.
    s.output();
    s.input.write('');
    s.rl.output.columns = 20;
    s.rl.output.emit('resize');
    assert.strictEqual(s.output(),
                       '\x1b[2A\x1b[1G\x1b[0J\x1b[31m>\x1b[0m\tabcdef日本' +
                       '\x1b[19G');
    s.rl.close();
    // Without output (or its columns) the width is infinite.
    const t = readline.createInterface({
      input: new PassThrough(), output: null, terminal: true, tabSize: 4,
    });
    assert.strictEqual(t.columns, Infinity);
    t.write('\tx');
    assert.deepStrictEqual(t.getCursorPos(), { rows: 0, cols: 5 });
    t.close();
  }

  // prompt(true) keeps the cursor where it was; prompt() puts it at 0.
  {
    const s = await session();
    s.rl.write('abc');
    s.rl.write(null, { name: 'left' });
    s.output();
    s.rl.prompt(true);
    assert.strictEqual(s.output(), '\x1b[1G\x1b[0J> abc\x1b[5G');
    s.rl.prompt();
    assert.strictEqual(s.output(), '\x1b[1G\x1b[0J> abc\x1b[3G');
    assert.strictEqual(s.rl.cursor, 0);
    s.rl.close();
  }

  // rl.write() inserts surrogate halves as they come; keypresses carrying
  // one half also redraw the line, so the character shows once complete.
  {
    const s = await session();
    s.rl.write('\ud83d', { sequence: '\ud83d' });
    s.rl.write('\ude00', { sequence: '\ude00' });
    assert.strictEqual(s.rl.line, '😀');
    assert.strictEqual(s.output(), '\ud83d\ude00');
    s.input.emit('keypress', '\ud83d', { sequence: '\ud83d' });
    s.input.emit('keypress', '\ude00', { sequence: '\ude00' });
    assert.strictEqual(s.rl.line, '😀😀');
    assert.strictEqual(s.output(),
                       '\ud83d\x1b[1G\x1b[0J> 😀\ud83d\x1b[6G\ude00' +
                       '\x1b[1G\x1b[0J> 😀😀\x1b[7G');
    s.rl.close();
  }
}

main().then(common.mustCall());
