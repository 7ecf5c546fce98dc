'use strict';
// v8.promiseHooks: each hook sees the promises it should, stop functions
// stop them, they share V8's one set of hooks with AsyncLocalStorage, and
// a hook that throws gives an uncaught exception.
const common = require('../common');
const { assert } = common;
const { promiseHooks } = require('v8');
const { AsyncLocalStorage } = require('async_hooks');

for (const name of ['onInit', 'onBefore', 'onAfter', 'onSettled']) {
  const hookName = `${name.slice(2).toLowerCase()}Hook`;
  assert.throws(() => promiseHooks[name](async () => {}), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: new RegExp(`The "${hookName}" argument must be of type function`),
  });
  assert.throws(() => promiseHooks[name]('x'), { code: 'ERR_INVALID_ARG_TYPE' });
}

const events = [];
const als = new AsyncLocalStorage();
const stop = promiseHooks.createHook({
  init(promise, parent) {
    events.push(['init', promise, parent]);
  },
  before(promise) { events.push(['before', promise]); },
  after(promise) { events.push(['after', promise]); },
  settled(promise) { events.push(['settled', promise]); },
});

als.run('store', () => {
  const p1 = Promise.resolve(1);
  const p2 = p1.then(common.mustCall(() => {
    // The storage still flows through promises with the hooks on.
    assert.strictEqual(als.getStore(), 'store');
  }));
  p2.then(common.mustCall(() => {
    stop();
    stop();  // twice is harmless
    const kinds = events.map(([kind]) => kind);
    assert.deepStrictEqual(events[0].slice(0, 1), ['init']);
    assert.strictEqual(events[0][1], p1);
    assert.strictEqual(events[0][2], undefined);
    const p2Init = events.find(([k, p]) => k === 'init' && p === p2);
    assert.strictEqual(p2Init[2], p1);
    assert.ok(kinds.includes('settled'));
    const before = kinds.indexOf('before');
    assert.ok(before !== -1 && kinds.indexOf('after') > before);
    assert.strictEqual(events.find(([k]) => k === 'before')[1], p2);
    const count = events.length;
    Promise.resolve().then(common.mustCall(() => {
      assert.strictEqual(events.length, count, 'stopped hooks stay quiet');
      throwing();
    }));
  }));
});

// A throwing hook: the error is uncaught, and the promise still works.
function throwing() {
  const error = new Error('hook failed');
  process.once('uncaughtException', common.mustCall((err) => {
    assert.strictEqual(err, error);
  }));
  const stopInit = promiseHooks.onInit(common.mustCall(() => {
    stopInit();
    throw error;
  }));
  Promise.resolve(5).then(common.mustCall((v) => assert.strictEqual(v, 5)));
}
