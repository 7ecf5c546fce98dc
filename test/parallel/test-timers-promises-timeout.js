'use strict';
// timers/promises setTimeout() and setImmediate(): values, cancellation
// through a signal, option checking (as rejections), ref: false.
const { assert, mustCall } = require('../common');
const tp = require('timers/promises');

assert.deepStrictEqual(Object.keys(tp),
                       ['setTimeout', 'setImmediate', 'setInterval',
                        'scheduler']);
assert.strictEqual(tp.setTimeout.length, 2);
assert.strictEqual(tp.setImmediate.length, 1);
assert.strictEqual(tp.setInterval.length, 2);
// Node 18 has no timers.promises.
assert.strictEqual(require('timers').promises, undefined);

function checkAbort(reason) {
  return (err) => {
    assert.strictEqual(err.name, 'AbortError');
    assert.strictEqual(err.code, 'ABORT_ERR');
    assert.strictEqual(err.message, 'The operation was aborted');
    assert.strictEqual(err.cause, reason);
    assert.deepStrictEqual(Object.keys(err), ['code', 'name']);
    return true;
  };
}

function abortedSignal(reason) {
  const ac = new AbortController();
  ac.abort(reason);
  return ac.signal;
}

(async () => {
  const start = process.hrtime.bigint();
  assert.strictEqual(await tp.setTimeout(20, 'v'), 'v');
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  assert.ok(ms >= 19, `resolved after ${ms} ms`);
  assert.strictEqual(await tp.setTimeout(), undefined);
  assert.strictEqual(await tp.setTimeout('junk', 1), 1);
  assert.strictEqual(await tp.setTimeout(-1, 2), 2);
  assert.strictEqual(await tp.setImmediate('i'), 'i');

  // Abort while waiting.
  {
    const ac = new AbortController();
    const p = tp.setTimeout(1e6, 'x', { signal: ac.signal });
    ac.abort();
    await assert.rejects(p, checkAbort(ac.signal.reason));
    const ac2 = new AbortController();
    const q = tp.setImmediate('x', { signal: ac2.signal });
    ac2.abort('r');
    await assert.rejects(q, checkAbort('r'));
  }

  // Already aborted.
  await assert.rejects(tp.setTimeout(10, 'x', { signal: abortedSignal('r') }),
                       checkAbort('r'));
  await assert.rejects(tp.setImmediate('x', { signal: abortedSignal(3) }),
                       checkAbort(3));

  // A signal that aborts after the timer: nothing happens, and the
  // listener is gone.
  {
    const ac = new AbortController();
    assert.strictEqual(await tp.setTimeout(1, 'ok', { signal: ac.signal }),
                       'ok');
    assert.deepStrictEqual(require('events').getEventListeners(ac.signal,
                                                               'abort'), []);
    ac.abort();
  }

  // Bad options reject (they do not throw).
  for (const fn of [(o) => tp.setTimeout(10, 'x', o),
                    (o) => tp.setImmediate('x', o)]) {
    for (const [options, message] of [
      [1, 'The "options" argument must be of type object. ' +
        'Received type number (1)'],
      [null, 'The "options" argument must be of type object. ' +
        'Received null'],
      [{ signal: 1 }, 'The "options.signal" property must be an instance ' +
        'of AbortSignal. Received type number (1)'],
      [{ ref: 1 }, 'The "options.ref" property must be of type boolean. ' +
        'Received type number (1)'],
    ]) {
      const p = fn(options);
      assert.ok(p instanceof Promise);
      await assert.rejects(p, { code: 'ERR_INVALID_ARG_TYPE', message });
    }
  }

  // ref: false timers do not keep the process alive; an unref'd immediate
  // still runs.
  tp.setTimeout(1e6, 'x', { ref: false }).then(mustNotCallHere);
  assert.strictEqual(await tp.setImmediate('u', { ref: false }), 'u');
})().then(mustCall());

function mustNotCallHere() {
  assert.fail('an unref\'d timer kept the process alive');
}
