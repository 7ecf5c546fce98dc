'use strict';
// readline/promises: Interface.question() returning a promise, and the
// Readline class that queues cursor actions until commit().
const common = require('../common');
const { assert } = common;
const readline = require('readline');
const readlinePromises = require('readline/promises');
const { PassThrough, Readable, Writable } = require('stream');

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

function recorder() {
  const writes = [];
  const stream = new Writable({
    decodeStrings: false,
    write(chunk, encoding, callback) {
      writes.push(chunk);
      callback();
    },
  });
  return { stream, writes };
}

async function main() {
  assert.strictEqual(readline.promises, readlinePromises);
  assert.deepStrictEqual(Object.keys(readlinePromises),
                         ['Interface', 'Readline', 'createInterface']);

  // question() resolves with the answer.
  {
    const input = new PassThrough();
    const rl = readlinePromises.createInterface({ input, output: null });
    assert.ok(rl instanceof readlinePromises.Interface);
    const answer = rl.question('What? ');
    assert.ok(answer instanceof Promise);
    input.write('42\n');
    assert.strictEqual(await answer, '42');

    // An abort rejects and withdraws the question.
    const ac = makeController();
    const p = rl.question('Abort? ', { signal: ac.signal });
    ac.abort('why');
    await assert.rejects(p, (err) => {
      assert.strictEqual(err.name, 'AbortError');
      assert.strictEqual(err.code, 'ABORT_ERR');
      assert.strictEqual(err.message, 'The operation was aborted');
      assert.strictEqual(err.cause, 'why');
      return true;
    });
    rl.once('line', common.mustCall((line) => {
      assert.strictEqual(line, 'plain line');
    }));
    input.write('plain line\n');
    await tick();

    // Already aborted, bad signal, closed interface: rejections.
    await assert.rejects(rl.question('x', { signal: ac.signal }),
                         { name: 'AbortError', cause: 'why' });
    await assert.rejects(rl.question('x', { signal: 'bad' }),
                         { code: 'ERR_INVALID_ARG_TYPE' });
    rl.close();
    await assert.rejects(rl.question('closed?'),
                         { code: 'ERR_USE_AFTER_CLOSE' });
  }

  // The Readline class.
  {
    const { stream, writes } = recorder();
    const r = new readlinePromises.Readline(stream);
    assert.strictEqual(r.cursorTo(1), r);
    r.cursorTo(1, 2).cursorTo(1, null).cursorTo(-1)
      .moveCursor(0, 0).moveCursor(1, 0).moveCursor(0, -2)
      .clearLine(-1).clearLine(1).clearLine(0)
      .clearScreenDown();
    assert.deepStrictEqual(writes, []);
    const done = r.commit();
    assert.ok(done instanceof Promise);
    assert.deepStrictEqual(writes, [
      '\x1b[2G\x1b[3;2H\x1b[2G\x1b[0G\x1b[1C\x1b[2A' +
      '\x1b[1K\x1b[0K\x1b[2K\x1b[0J',
    ]);
    assert.strictEqual(await done, undefined);

    writes.length = 0;
    r.cursorTo(3).rollback().cursorTo(4);
    await r.commit();
    assert.deepStrictEqual(writes, ['\x1b[5G']);

    // autoCommit writes each action on the next tick.
    writes.length = 0;
    const a = new readlinePromises.Readline(stream, { autoCommit: true });
    a.cursorTo(1).moveCursor(1, 1).clearLine(0).clearScreenDown();
    assert.deepStrictEqual(writes, []);
    await new Promise((resolve) => process.nextTick(resolve));
    assert.deepStrictEqual(writes,
                           ['\x1b[2G', '\x1b[1C\x1b[1B', '\x1b[2K', '\x1b[0J']);
  }

  // Readline's checks.
  {
    const notWritable = {
      name: 'TypeError',
      code: 'ERR_INVALID_ARG_TYPE',
    };
    assert.throws(() => new readlinePromises.Readline({}), {
      ...notWritable,
      message: 'The "stream" argument must be an instance of Writable. ' +
               'Received an instance of Object',
    });
    assert.throws(() => new readlinePromises.Readline(new Readable()),
                  notWritable);
    assert.throws(() => new readlinePromises.Readline(null), notWritable);
    const { stream } = recorder();
    assert.throws(
      () => new readlinePromises.Readline(stream, { autoCommit: 1 }),
      { code: 'ERR_INVALID_ARG_TYPE',
        message: 'The "options.autoCommit" property must be of type ' +
                 'boolean. Received type number (1)' });
    const r = new readlinePromises.Readline(stream);
    assert.throws(() => r.cursorTo('a'), {
      code: 'ERR_INVALID_ARG_TYPE',
      message: 'The "x" argument must be of type number. ' +
               "Received type string ('a')",
    });
    assert.throws(() => r.cursorTo(1.5), {
      name: 'RangeError',
      code: 'ERR_OUT_OF_RANGE',
      message: 'The value of "x" is out of range. It must be an integer. ' +
               'Received 1.5',
    });
    assert.throws(() => r.cursorTo(1, 'b'), { code: 'ERR_INVALID_ARG_TYPE' });
    assert.throws(() => r.moveCursor(1), {
      message: 'The "dy" argument must be of type number. Received undefined',
    });
    assert.throws(() => r.moveCursor('a', 0), { code: 'ERR_INVALID_ARG_TYPE' });
    assert.throws(() => r.clearLine(2), {
      code: 'ERR_OUT_OF_RANGE',
      message: 'The value of "dir" is out of range. It must be >= -1 && ' +
               '<= 1. Received 2',
    });
    assert.throws(() => r.clearLine(), { code: 'ERR_INVALID_ARG_TYPE' });
  }
}

main().then(common.mustCall());
