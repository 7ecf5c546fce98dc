'use strict';
// for await (const line of rl): lines are queued from the first
// iteration on; the interface pauses while 16 lines wait and resumes as
// the loop reads; break (or an error) closes the interface.
const common = require('../common');
const { assert } = common;
const readline = require('readline');
const readlinePromises = require('readline/promises');
const { PassThrough } = require('stream');

const tick = () => new Promise((resolve) => setImmediate(resolve));

async function main() {
  // Many lines at once, read slowly.
  {
    const input = new PassThrough();
    const rl = readline.createInterface({ input });
    const events = [];
    rl.on('pause', () => events.push('pause'));
    rl.on('resume', () => events.push('resume'));
    // Lines emitted before the loop starts are not seen by it.
    input.write('before\n');
    await tick();
    setImmediate(() => {
      for (let i = 0; i < 40; i++) input.write(`line ${i}\n`);
      input.end('tail');
    });
    const lines = [];
    let pausedWhileWaiting = false;
    for await (const line of rl) {
      if (lines.length === 0) {
        await tick();
        pausedWhileWaiting = rl.paused && input.isPaused();
      }
      lines.push(line);
    }
    assert.strictEqual(pausedWhileWaiting, true);
    assert.strictEqual(lines.length, 41);
    assert.strictEqual(lines[0], 'line 0');
    assert.strictEqual(lines[39], 'line 39');
    assert.strictEqual(lines[40], 'tail');
    assert.strictEqual(events[0], 'pause');
    assert.ok(events.includes('resume'));
    assert.strictEqual(rl.closed, true);
  }

  // break closes the interface.
  {
    const input = new PassThrough();
    const rl = readline.createInterface({ input });
    rl.on('close', common.mustCall());
    setImmediate(() => input.write('a\nb\nc\n'));
    const seen = [];
    for await (const line of rl) {
      seen.push(line);
      if (line === 'b') break;
    }
    assert.deepStrictEqual(seen, ['a', 'b']);
    assert.strictEqual(rl.closed, true);
  }

  // Terminal mode, and readline/promises.
  for (const module of [readline, readlinePromises]) {
    const input = new PassThrough();
    const rl = module.createInterface({
      input, output: new PassThrough(), terminal: true,
    });
    setImmediate(() => {
      input.write('x1\ry');
      input.write('2\r');
      input.end();
    });
    const seen = [];
    for await (const line of rl) seen.push(line);
    assert.deepStrictEqual(seen, ['x1', 'y2']);
  }

  // An 'error' of the interface ends the loop with that error.
  {
    const input = new PassThrough();
    const rl = readline.createInterface({ input });
    setImmediate(() => {
      input.write('ok\n');
      setImmediate(() => input.emit('error', new Error('input broke')));
    });
    const seen = [];
    await assert.rejects(async () => {
      for await (const line of rl) seen.push(line);
    }, { message: 'input broke' });
    assert.deepStrictEqual(seen, ['ok']);
    assert.strictEqual(rl.closed, true);
  }

  // The same iterator source is reused by later loops.
  {
    const input = new PassThrough();
    const rl = readline.createInterface({ input });
    const it1 = rl[Symbol.asyncIterator]();
    input.write('one\ntwo\n');
    assert.deepStrictEqual(await it1.next(), { value: 'one', done: false });
    const it2 = rl[Symbol.asyncIterator]();
    assert.deepStrictEqual(await it2.next(), { value: 'two', done: false });
    rl.close();
    assert.deepStrictEqual(await it2.next(), { value: undefined, done: true });
  }
}

main().then(common.mustCall());
