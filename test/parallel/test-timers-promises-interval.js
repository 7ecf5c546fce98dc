'use strict';
// timers/promises setInterval(): an async generator yielding the value at
// each tick, ending on return() or with an AbortError when its signal
// aborts.
const { assert, mustCall } = require('../common');
const { setInterval } = require('timers/promises');

(async () => {
  // for await ... break.
  {
    let n = 0;
    for await (const v of setInterval(5, 'iv')) {
      assert.strictEqual(v, 'iv');
      if (++n === 3) break;
    }
  }

  // next() / return(); the generator is an async generator object.
  {
    const it = setInterval(5, 'z');
    assert.strictEqual(Object.prototype.toString.call(it),
                       '[object AsyncGenerator]');
    assert.deepStrictEqual(await it.next(), { value: 'z', done: false });
    assert.deepStrictEqual(await it.return(),
                           { value: undefined, done: true });
    assert.deepStrictEqual(await it.next(), { value: undefined, done: true });
  }

  // Ticks that happen while nobody waits are yielded later, at once. (The
  // interval starts with the first next(), as the generator's body does.)
  {
    const it = setInterval(5, 'a');
    await it.next();
    await new Promise((resolve) => setTimeout(resolve, 40));
    await new Promise((resolve) => setImmediate(resolve));
    const start = process.hrtime.bigint();
    await it.next();
    await it.next();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    assert.ok(ms < 5, `two pending ticks took ${ms} ms`);
    await it.return();
  }

  // Concurrent next() calls.
  {
    const it = setInterval(5, 'c');
    assert.deepStrictEqual(await Promise.all([it.next(), it.next()]),
                           [{ value: 'c', done: false },
                            { value: 'c', done: false }]);
    await it.return();
  }

  // Abort: the ticks that came before it are still yielded, then next()
  // rejects, then the generator is done.
  {
    const ac = new AbortController();
    const it = setInterval(5, 'b', { signal: ac.signal });
    assert.deepStrictEqual(await it.next(), { value: 'b', done: false });
    await new Promise((resolve) => setTimeout(resolve, 23));
    await new Promise((resolve) => setImmediate(resolve));
    ac.abort('stop');
    let yielded = 0;
    for (;;) {
      try {
        assert.deepStrictEqual(await it.next(), { value: 'b', done: false });
        yielded++;
      } catch (err) {
        assert.strictEqual(err.name, 'AbortError');
        assert.strictEqual(err.code, 'ABORT_ERR');
        assert.strictEqual(err.cause, 'stop');
        break;
      }
    }
    assert.ok(yielded >= 2, `${yielded} pending ticks yielded`);
    assert.deepStrictEqual(await it.next(), { value: undefined, done: true });
  }
  {
    const ac = new AbortController();
    const it = setInterval(1e6, 'b', { signal: ac.signal });
    const p = it.next();
    ac.abort();
    await assert.rejects(p, { name: 'AbortError' });
  }
  {
    const ac = new AbortController();
    ac.abort();
    await assert.rejects(setInterval(5, 'b', { signal: ac.signal }).next(),
                         { name: 'AbortError' });
  }

  // Bad options: the generator is made; its first next() rejects.
  {
    const it = setInterval(5, 'z', { signal: 1 });
    await assert.rejects(it.next(), {
      code: 'ERR_INVALID_ARG_TYPE',
      message: 'The "options.signal" property must be an instance of ' +
        'AbortSignal. Received type number (1)',
    });
    await assert.rejects(setInterval(5, 'z', 'x').next(), {
      code: 'ERR_INVALID_ARG_TYPE',
    });
  }
})().then(mustCall(() => {
  // An unref'd interval does not keep the process alive.
  setInterval(5, 'd', { ref: false }).next().then(() => {
    assert.fail('an unref\'d interval kept the process alive');
  });
}));
