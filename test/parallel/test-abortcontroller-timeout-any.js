// Flags: --expose-internals
'use strict';
// AbortSignal.timeout() and AbortSignal.any().
const { assert, mustCall, mustNotCall } = require('../common');
const { AbortController, AbortSignal } =
  require('internal/abort_controller');

// timeout(): aborts with a TimeoutError after the delay.
{
  const start = process.hrtime.bigint();
  const s = AbortSignal.timeout(20);
  assert.strictEqual(s.aborted, false);
  s.onabort = mustCall(() => {
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    assert.ok(ms >= 19, `aborted after ${ms} ms`);
    assert.strictEqual(s.reason.name, 'TimeoutError');
    assert.strictEqual(s.reason.code, 23);
    assert.strictEqual(s.reason.message,
                       'The operation was aborted due to timeout');
  });
  // Keep the process alive long enough: the signal's timer does not.
  setTimeout(() => {}, 50);
}

// Its timer does not keep the process alive.
AbortSignal.timeout(1e6).onabort = mustNotCall();

for (const [delay, code, message] of [
  [-1, 'ERR_OUT_OF_RANGE', 'The value of "delay" is out of range. It must ' +
    'be >= 0 && <= 4294967295. Received -1'],
  [1.5, 'ERR_OUT_OF_RANGE', 'The value of "delay" is out of range. It ' +
    'must be an integer. Received 1.5'],
  [2 ** 53, 'ERR_OUT_OF_RANGE', 'The value of "delay" is out of range. It ' +
    'must be >= 0 && <= 4294967295. Received 9_007_199_254_740_992'],
  ['1', 'ERR_INVALID_ARG_TYPE', 'The "delay" argument must be of type ' +
    "number. Received type string ('1')"],
  [undefined, 'ERR_INVALID_ARG_TYPE', 'The "delay" argument must be of ' +
    'type number. Received undefined'],
]) {
  assert.throws(() => AbortSignal.timeout(delay), { code, message });
}

// any(): follows the first of its signals to abort, with its reason.
{
  const a = new AbortController();
  const b = new AbortController();
  const any = AbortSignal.any([a.signal, b.signal]);
  assert.strictEqual(any.aborted, false);
  any.onabort = mustCall();
  b.abort('B');
  assert.strictEqual(any.aborted, true);
  assert.strictEqual(any.reason, 'B');
  a.abort('A');
  assert.strictEqual(any.reason, 'B');

  assert.strictEqual(AbortSignal.any([]).aborted, false);
  const pre = AbortSignal.any([new AbortController().signal,
                               AbortSignal.abort(3)]);
  assert.strictEqual(pre.aborted, true);
  assert.strictEqual(pre.reason, 3);

  assert.throws(() => AbortSignal.any([1]), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "signals[0]" argument must be an instance of ' +
      'AbortSignal. Received type number (1)',
  });
  assert.throws(() => AbortSignal.any(), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "signals" argument must be an instance of Array. ' +
      'Received undefined',
  });
}
