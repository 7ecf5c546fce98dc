'use strict';
// readline without a terminal: input split into 'line' events on \n,
// \r\n and \r, across chunks (strings or UTF-8 bytes cut anywhere), with
// crlfDelay deciding whether a late \n pairs with an earlier \r.
const common = require('../common');
const { assert } = common;
const readline = require('readline');
const { PassThrough } = require('stream');

const tick = () => new Promise((resolve) => setImmediate(resolve));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

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

function session(options = {}) {
  const input = new PassThrough();
  const rl = readline.createInterface({ input, ...options });
  const events = [];
  for (const name of ['line', 'close', 'pause', 'resume']) {
    rl.on(name, (...args) => events.push([name, ...args]));
  }
  async function send(...chunks) {
    for (const chunk of chunks) {
      input.write(chunk);
      await tick();
    }
  }
  // Lines seen since the last call.
  function lines() {
    const out = events.filter((e) => e[0] === 'line').map((e) => e[1]);
    events.length = 0;
    return out;
  }
  return { rl, input, send, events, lines };
}

async function main() {
  {
    const s = session();
    assert.strictEqual(s.rl.terminal, false);
    assert.strictEqual(s.rl.line, '');
    assert.strictEqual(s.rl.cursor, undefined);
    await s.send('a\nb\r\nc\rd', 'e\r', '\nf\n\n\r\r\n', '\r', '\r', '\n', 'x');
    assert.deepStrictEqual(s.lines(),
                           ['a', 'b', 'c', 'de', 'f', '', '', '', '', '']);
    // The text after the last line ending waits for the rest of its line.
    await s.send('yz\n');
    assert.deepStrictEqual(s.lines(), ['xyz']);
    s.input.end('no newline at the end');
    await tick();
    await tick();
    assert.deepStrictEqual(s.events, [
      ['line', 'no newline at the end'],
      ['pause'],
      ['close'],
    ]);
    assert.strictEqual(s.rl.closed, true);
    assert.strictEqual(s.rl.paused, true);
  }

  // UTF-8 bytes, whole and then one byte per chunk.
  {
    const s = session();
    await s.send(utf8('héllo wörld 😀\n'));
    const bytes = utf8('é中😀\nnext\n');
    for (let i = 0; i < bytes.length; i++) await s.send(bytes.subarray(i, i + 1));
    // Bad bytes become U+FFFD; an incomplete character too, once a byte
    // that cannot continue it arrives.
    await s.send(new Uint8Array([0x62, 0xff, 0x0a]),
                 new Uint8Array([0xe4, 0xb8]), new Uint8Array([0x41, 0x0a]));
    assert.deepStrictEqual(s.lines(), [
      'héllo wörld 😀', 'é中😀', 'next', 'b\ufffd', '\ufffdA',
    ]);
    s.rl.close();
  }

  // crlfDelay: a \n arriving later than crlfDelay after a \r is a line
  // ending of its own.
  {
    const s = session({ crlfDelay: 100 });
    await s.send('one\r');
    await sleep(150);
    await s.send('\ntwo\r');
    await sleep(10);
    await s.send('\nthree\n');
    assert.deepStrictEqual(s.lines(), ['one', '', 'two', 'three']);
    s.rl.close();
  }
  // It is never below 100 ms; a value that is not a number gives NaN.
  {
    const delay = (crlfDelay) => {
      const { rl } = session({ crlfDelay });
      rl.close();
      return rl.crlfDelay;
    };
    assert.strictEqual(delay(undefined), 100);
    assert.strictEqual(delay(5), 100);
    assert.strictEqual(delay(0), 100);
    assert.strictEqual(delay(2500), 2500);
    assert.strictEqual(delay(Infinity), Infinity);
    assert.ok(Number.isNaN(delay('a')));
  }

  // write() feeds the same splitter.
  {
    const s = session();
    s.rl.write('w1\nw2');
    s.rl.write('\n');
    s.rl.write(utf8('bytes\n'));
    s.rl.write(undefined);
    assert.deepStrictEqual(s.lines(), ['w1', 'w2', 'bytes']);
    // write() resumes a paused interface.
    s.rl.pause();
    s.rl.write('x\n');
    assert.deepStrictEqual(s.events, [['pause'], ['resume'], ['line', 'x']]);
    s.rl.close();
  }

  // A listener may close the interface: the lines of the chunk already
  // split still arrive, later chunks do not.
  {
    const s = session();
    s.rl.on('line', (line) => {
      if (line === 'stop') s.rl.close();
    });
    await s.send('a\nstop\nb\n', 'c\n');
    assert.deepStrictEqual(s.lines(), ['a', 'stop', 'b']);
  }

  // Input errors are re-emitted by the interface.
  {
    const s = session();
    s.rl.on('error', common.mustCall((err) => {
      assert.strictEqual(err.message, 'boom');
    }));
    s.input.emit('error', new Error('boom'));
    s.rl.close();
    // After close the interface no longer listens to the input.
    assert.strictEqual(s.input.listenerCount('data'), 0);
    assert.strictEqual(s.input.listenerCount('end'), 0);
  }
}

main().then(common.mustCall());
