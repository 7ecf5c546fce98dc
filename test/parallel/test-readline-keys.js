'use strict';
// readline.emitKeypressEvents(): raw terminal input -> 'keypress' events
// (str, key). The expected keys were recorded from Node 18.
const common = require('../common');
const { assert } = common;
const readline = require('readline');
const { PassThrough } = require('stream');

const tick = () => new Promise((resolve) => setImmediate(resolve));

// UTF-8 bytes of a string (there is no Buffer or TextEncoder to lean on).
function utf8(str) {
  const out = [];
  for (const ch of str) {
    const c = ch.codePointAt(0);
    if (c < 0x80) {
      out.push(c);
    } else if (c < 0x800) {
      out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    } else if (c < 0x10000) {
      out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    } else {
      out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63),
               0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
  }
  return new Uint8Array(out);
}

function listen(stream) {
  const seen = [];
  stream.on('keypress', (str, key) => seen.push([str, key]));
  return seen;
}

// key(sequence, name, flags, code): the object Node hands out.
function key(sequence, name, flags = '', code = undefined) {
  const k = {
    sequence,
    name,
    ctrl: flags.includes('c'),
    meta: flags.includes('m'),
    shift: flags.includes('s'),
  };
  if (code !== undefined) k.code = code;
  return k;
}

// Keys made of one character: str is the character itself.
const plain = [
  ['a', key('a', 'a')],
  ['Z', key('Z', 'z', 's')],
  ['7', key('7', '7')],
  [' ', key(' ', 'space')],
  ['\r', key('\r', 'return')],
  ['\n', key('\n', 'enter')],
  ['\t', key('\t', 'tab')],
  ['\x7f', key('\x7f', 'backspace')],
  ['\b', key('\b', 'backspace')],
  ['\x01', key('\x01', 'a', 'c')],
  ['\x1a', key('\x1a', 'z', 'c')],
  ['\x00', key('\x00', '`', 'c')],
  ['\x1c', key('\x1c', undefined)],
  ['\x1f', key('\x1f', undefined)],
  ['é', key('é', undefined)],
  ['😀', key('😀', undefined)],
  ['~', key('~', undefined)],
];

// Keys starting with ESC: str is undefined.
const escaped = [
  ['\x1b[A', key('\x1b[A', 'up', '', '[A')],
  ['\x1b[B', key('\x1b[B', 'down', '', '[B')],
  ['\x1b[C', key('\x1b[C', 'right', '', '[C')],
  ['\x1b[D', key('\x1b[D', 'left', '', '[D')],
  ['\x1bOA', key('\x1bOA', 'up', '', 'OA')],
  ['\x1b[H', key('\x1b[H', 'home', '', '[H')],
  ['\x1b[F', key('\x1b[F', 'end', '', '[F')],
  ['\x1b[1~', key('\x1b[1~', 'home', '', '[1~')],
  ['\x1b[2~', key('\x1b[2~', 'insert', '', '[2~')],
  ['\x1b[3~', key('\x1b[3~', 'delete', '', '[3~')],
  ['\x1b[4~', key('\x1b[4~', 'end', '', '[4~')],
  ['\x1b[5~', key('\x1b[5~', 'pageup', '', '[5~')],
  ['\x1b[6~', key('\x1b[6~', 'pagedown', '', '[6~')],
  ['\x1b[[5~', key('\x1b[[5~', 'pageup', '', '[[5~')],
  ['\x1bOP', key('\x1bOP', 'f1', '', 'OP')],
  ['\x1b[11~', key('\x1b[11~', 'f1', '', '[11~')],
  ['\x1b[[A', key('\x1b[[A', 'f1', '', '[[A')],
  ['\x1b[15~', key('\x1b[15~', 'f5', '', '[15~')],
  ['\x1b[24~', key('\x1b[24~', 'f12', '', '[24~')],
  ['\x1b[24;5~', key('\x1b[24;5~', 'f12', 'c', '[24~')],
  ['\x1b[1;5A', key('\x1b[1;5A', 'up', 'c', '[A')],
  ['\x1b[1;5D', key('\x1b[1;5D', 'left', 'c', '[D')],
  ['\x1b[1;2C', key('\x1b[1;2C', 'right', 's', '[C')],
  ['\x1b[1;3B', key('\x1b[1;3B', 'down', 'm', '[B')],
  ['\x1b[1;8H', key('\x1b[1;8H', 'home', 'cms', '[H')],
  ['\x1b[5H', key('\x1b[5H', 'home', 'c', '[H')],
  ['\x1b[3;3~', key('\x1b[3;3~', 'delete', 'm', '[3~')],
  ['\x1b[3;5~', key('\x1b[3;5~', 'delete', 'c', '[3~')],
  ['\x1bO5P', key('\x1bO5P', 'f1', 'c', 'OP')],
  ['\x1b[a', key('\x1b[a', 'up', 's', '[a')],
  ['\x1b[3$', key('\x1b[3$', 'delete', 's', '[3$')],
  ['\x1bOc', key('\x1bOc', 'right', 'c', 'Oc')],
  ['\x1b[8^', key('\x1b[8^', 'end', 'c', '[8^')],
  ['\x1b[Z', key('\x1b[Z', 'tab', 's', '[Z')],
  ['\x1b[200~', key('\x1b[200~', 'paste-start', '', '[200~')],
  ['\x1b[201~', key('\x1b[201~', 'paste-end', '', '[201~')],
  // Unknown sequences are named with the string 'undefined'.
  ['\x1b[100~', key('\x1b[100~', 'undefined', '', '[100~')],
  ['\x1b[123;5~', key('\x1b[123;5~', 'undefined', '', '[123;5~')],
  ['\x1b[;5A', key('\x1b[;5A', 'undefined', '', '[;5A')],
  // A doubled ESC before a sequence is swallowed (and is not meta).
  ['\x1b\x1b[A', key('\x1b\x1b[A', 'up', '', '[A')],
  // ESC + character is meta + that key.
  ['\x1ba', key('\x1ba', 'a', 'm')],
  ['\x1bB', key('\x1bB', 'b', 'ms')],
  ['\x1b\r', key('\x1b\r', 'return', 'm')],
  ['\x1b\x7f', key('\x1b\x7f', 'backspace', 'm')],
  ['\x1b ', key('\x1b ', 'space', 'm')],
  ['\x1b;', key('\x1b;', undefined, 'm')],
  ['\x1b😀', key('\x1b😀', undefined, 'm')],
  ['\x1b\x1b\x1b', key('\x1b\x1b\x1b', 'escape', 'm')],
];

async function main() {
  // Each key on its own.
  {
    const input = new PassThrough();
    readline.emitKeypressEvents(input);
    const seen = listen(input);
    for (const [data, expected] of plain) {
      input.write(data);
      await tick();
      assert.deepStrictEqual(seen.shift(), [data, expected],
                             JSON.stringify(data));
    }
    for (const [data, expected] of escaped) {
      input.write(data);
      await tick();
      assert.deepStrictEqual(seen.shift(), [undefined, expected],
                             JSON.stringify(data));
    }
    assert.strictEqual(seen.length, 0);
  }

  // All of them in one chunk, and one character per chunk: the same keys.
  for (const split of [false, true]) {
    const input = new PassThrough();
    readline.emitKeypressEvents(input);
    const seen = listen(input);
    const all = plain.concat(escaped);
    const text = all.map(([data]) => data).join('');
    if (split) {
      for (const ch of text) input.write(ch);
    } else {
      input.write(text);
    }
    await tick();
    assert.deepStrictEqual(seen.map(([, k]) => k),
                           all.map(([, k]) => k));
  }

  // Bytes cut in the middle of UTF-8 characters.
  {
    const input = new PassThrough();
    readline.emitKeypressEvents(input);
    const seen = listen(input);
    const bytes = utf8('é中😀\x1b[1;5C');
    for (let i = 0; i < bytes.length; i++) input.write(bytes.subarray(i, i + 1));
    await tick();
    assert.deepStrictEqual(seen, [
      ['é', key('é', undefined)],
      ['中', key('中', undefined)],
      ['😀', key('😀', undefined)],
      [undefined, key('\x1b[1;5C', 'right', 'c', '[C')],
    ]);
  }

  // Sequences that do not fit a pattern end where the pattern fails; the
  // rest are plain keys.
  {
    const input = new PassThrough();
    readline.emitKeypressEvents(input);
    const seen = listen(input);
    input.write('\x1b[1234~');
    input.write('\x1b[1;55A');
    input.write('\x1bO12P');
    await tick();
    assert.deepStrictEqual(seen, [
      [undefined, key('\x1b[1234', 'undefined', '', '[1234')],
      ['~', key('~', undefined)],
      [undefined, key('\x1b[1;55', 'undefined', '', '[1;55')],
      ['A', key('A', 'a', 's')],
      [undefined, key('\x1bO12', 'undefined', '', 'O2')],
      ['P', key('P', 'p', 's')],
    ]);
  }

  // A lone ESC is the escape key once the interface's escapeCodeTimeout
  // passes without more input; more input in time makes it a sequence.
  {
    const input = new PassThrough();
    readline.emitKeypressEvents(input, { escapeCodeTimeout: 20 });
    const seen = listen(input);
    input.write('\x1b');
    await tick();
    input.write('[B');
    await tick();
    assert.deepStrictEqual(seen, [[undefined, key('\x1b[B', 'down', '', '[B')]]);
    seen.length = 0;
    input.write('\x1b');
    await new Promise((resolve) => setTimeout(resolve, 60));
    assert.deepStrictEqual(seen, [[undefined, key('\x1b', 'escape', 'm')]]);
  }

  // Calling it twice changes nothing; data without a keypress listener is
  // not decoded; a listener added later starts decoding.
  {
    const input = new PassThrough();
    readline.emitKeypressEvents(input);
    readline.emitKeypressEvents(input);
    input.on('data', () => {});
    input.write('lost');
    await tick();
    const seen = listen(input);
    input.write('ab');
    await tick();
    assert.deepStrictEqual(seen.map(([s]) => s), ['a', 'b']);
  }

  // A listener that throws: the error comes out of the data event and the
  // next key starts afresh.
  {
    const input = new PassThrough();
    readline.emitKeypressEvents(input);
    const boom = () => {
      throw new Error('listener threw');
    };
    input.on('keypress', boom);
    assert.throws(() => input.emit('data', '\x1b[Ax'), /listener threw/);
    input.off('keypress', boom);
    const seen = listen(input);
    input.emit('data', 'y');
    assert.deepStrictEqual(seen, [['y', key('y', 'y')]]);
  }
}

main().then(common.mustCall());
