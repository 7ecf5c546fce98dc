'use strict';
// timers/promises scheduler: wait() and yield().
const { assert, mustCall } = require('../common');
const { scheduler } = require('timers/promises');
const { inspect } = require('util');

assert.deepStrictEqual(
  Object.getOwnPropertyNames(Object.getPrototypeOf(scheduler)),
  ['constructor', 'yield', 'wait']);
assert.strictEqual(inspect(scheduler),
                   'Scheduler { [Symbol(kScheduler)]: true }');
assert.strictEqual(scheduler.wait.length, 2);
assert.strictEqual(scheduler.yield.length, 0);
assert.throws(() => new scheduler.constructor(), {
  code: 'ERR_ILLEGAL_CONSTRUCTOR',
  message: 'Illegal constructor',
});

(async () => {
  const start = process.hrtime.bigint();
  assert.strictEqual(await scheduler.wait(20), undefined);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  assert.ok(ms >= 19, `waited ${ms} ms`);
  assert.strictEqual(await scheduler.yield(), undefined);
  // Options other than the signal are not looked at.
  await scheduler.wait(1, 1);
  await scheduler.wait('x');
  await assert.rejects(scheduler.wait(1, { signal: AbortSignal.abort() }),
                       { name: 'AbortError', code: 'ABORT_ERR' });
  for (const fn of [() => scheduler.yield.call({}),
                    () => scheduler.wait.call({}, 1)]) {
    assert.throws(fn, {
      code: 'ERR_INVALID_THIS',
      message: 'Value of "this" must be of type Scheduler',
    });
  }
})().then(mustCall());
