'use strict';
// Interface life cycle: pause/resume/close and their events, ctrl+C
// ('SIGINT' or close), ctrl+D, ctrl+Z ('SIGTSTP', or stopping the process
// and 'SIGCONT' after), the end of the input, raw mode, and closing
// through an AbortSignal.
const common = require('../common');
const { assert } = common;
const readline = require('readline');
const { PassThrough, Writable } = require('stream');

const tick = () => new Promise((resolve) => setImmediate(resolve));

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
    listenerCount: () => listeners.size,
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

// A terminal interface whose input records setRawMode() calls.
async function session(events = ['line', 'close', 'pause', 'resume']) {
  const input = new PassThrough();
  const raw = [];
  input.setRawMode = (mode) => {
    raw.push(mode);
    input.isRaw = mode;
  };
  let written = '';
  const output = new Writable({
    decodeStrings: false,
    write(chunk, encoding, callback) {
      written += chunk;
      callback();
    },
  });
  const rl = readline.createInterface({ input, output, terminal: true });
  const seen = [];
  for (const name of events) rl.on(name, (...args) => seen.push([name, ...args]));
  await tick();
  return {
    rl,
    input,
    raw,
    seen,
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

async function main() {
  // pause() and resume() return the interface, once; close() pauses,
  // leaves raw mode and emits 'close' once.
  {
    const s = await session();
    assert.deepStrictEqual(s.raw, [true]);
    assert.strictEqual(s.rl.paused, undefined);
    assert.strictEqual(s.rl.pause(), s.rl);
    assert.strictEqual(s.rl.pause(), undefined);
    assert.strictEqual(s.input.isPaused(), true);
    assert.strictEqual(s.rl.resume(), s.rl);
    assert.strictEqual(s.rl.resume(), undefined);
    assert.strictEqual(s.input.isPaused(), false);
    s.rl.close();
    s.rl.close();
    assert.deepStrictEqual(s.seen, [['pause'], ['resume'], ['pause'],
                                    ['close']]);
    assert.deepStrictEqual(s.raw, [true, false]);
    assert.strictEqual(s.rl.closed, true);
    assert.strictEqual(s.rl.paused, true);
    // The interface let go of the input.
    assert.strictEqual(s.input.listenerCount('keypress'), 0);
    assert.strictEqual(s.input.listenerCount('end'), 0);
    assert.strictEqual(s.input.listenerCount('error'), 0);
    // write() after close still edits (Node 18 does not refuse it).
    s.rl.write('late');
    assert.strictEqual(s.rl.line, 'late');
  }

  // ctrl+C: 'SIGINT' when someone listens, else close.
  {
    const s = await session(['line', 'close', 'SIGINT']);
    await s.type('abc', '\x03');
    assert.deepStrictEqual(s.seen, [['SIGINT']]);
    assert.strictEqual(s.rl.line, 'abc');
    s.rl.close();
    const t = await session();
    await t.type('abc', '\x03');
    assert.deepStrictEqual(t.seen, [['pause'], ['close']]);
  }

  // ctrl+D deletes under the cursor; on an empty line it closes.
  {
    const s = await session();
    await s.type('ab', '\x04', '\x01', '\x04');
    assert.strictEqual(s.rl.line, 'b');
    assert.deepStrictEqual(s.seen, []);
    await s.type('\x04', '\x04');
    assert.deepStrictEqual(s.seen, [['pause'], ['close']]);
  }

  // The end of the input submits the line being edited, then closes.
  {
    const s = await session();
    await s.type('partial');
    s.input.end();
    await tick();
    assert.deepStrictEqual(s.seen, [['line', 'partial'], ['pause'],
                                    ['close']]);
  }

  // ctrl+Z: 'SIGTSTP' when someone listens.
  {
    const s = await session(['SIGTSTP', 'SIGCONT', 'pause']);
    await s.type('\x1a');
    assert.deepStrictEqual(s.seen, [['SIGTSTP']]);
    s.rl.close();
  }

  // Otherwise the process stops itself (here: a stand-in process.kill),
  // and on SIGCONT the interface re-enters raw mode, redraws and emits
  // 'SIGCONT' (pausing first).
  if (process.platform !== 'win32') {
    const s = await session(['SIGCONT', 'pause']);
    await s.type('xy');
    s.output();
    const realKill = process.kill;
    const kills = [];
    process.kill = (pid, signal) => kills.push([pid, signal]);
    try {
      await s.type('\x1a');
    } finally {
      process.kill = realKill;
    }
    assert.deepStrictEqual(kills, [[process.pid, 'SIGTSTP']]);
    assert.deepStrictEqual(s.raw, [true, false]);
    process.emit('SIGCONT');
    assert.deepStrictEqual(s.seen, [['pause'], ['SIGCONT']]);
    assert.deepStrictEqual(s.raw, [true, false, true]);
    assert.strictEqual(s.output(), '\x1b[1G\x1b[0J> xy\x1b[5G');
    s.rl.close();
  }

  // An AbortSignal closes the interface; an aborted one closes it on the
  // next tick; closing first removes the abort listener.
  {
    const ac = makeController();
    const input = new PassThrough();
    const rl = readline.createInterface({ input, signal: ac.signal });
    rl.on('close', common.mustCall());
    ac.abort();
    assert.strictEqual(rl.closed, true);

    const rl2 = readline.createInterface({ input, signal: ac.signal });
    rl2.on('close', common.mustCall());
    assert.strictEqual(rl2.closed, undefined);
    await tick();
    assert.strictEqual(rl2.closed, true);

    const ac3 = makeController();
    const rl3 = readline.createInterface({ input, signal: ac3.signal });
    rl3.close();
    if (ac3.listenerCount) assert.strictEqual(ac3.listenerCount(), 0);
    assert.throws(() => readline.createInterface({ input, signal: {} }), {
      code: 'ERR_INVALID_ARG_TYPE',
      message: 'The "options.signal" property must be an instance of ' +
               'AbortSignal. Received an instance of Object',
    });
  }
}

main().then(common.mustCall());
