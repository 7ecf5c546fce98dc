'use strict';
// AsyncLocalStorage across timers, immediates, nextTick, queueMicrotask,
// promise reactions and await; run/exit/enterWith/disable/snapshot/bind.
const common = require('../common');
const assert = require('assert');
const { AsyncLocalStorage, AsyncResource } = require('async_hooks');

const als = new AsyncLocalStorage();
const other = new AsyncLocalStorage();
assert.strictEqual(als.getStore(), undefined);

als.run({ id: 1 }, common.mustCall(async () => {
  const store = als.getStore();
  assert.deepStrictEqual(store, { id: 1 });
  setTimeout(common.mustCall(() => assert.strictEqual(als.getStore(), store)),
             1);
  setImmediate(common.mustCall(() => assert.strictEqual(als.getStore(),
                                                        store)));
  process.nextTick(common.mustCall(() => {
    assert.strictEqual(als.getStore(), store);
  }));
  queueMicrotask(common.mustCall(() => {
    assert.strictEqual(als.getStore(), store);
  }));
  Promise.resolve().then(common.mustCall(() => {
    assert.strictEqual(als.getStore(), store);
  }));
  const iv = setInterval(common.mustCall(() => {
    assert.strictEqual(als.getStore(), store);
    clearInterval(iv);
  }), 1);
  await new Promise((resolve) => setTimeout(resolve, 2));
  assert.strictEqual(als.getStore(), store);
  other.run('o', () => {
    assert.strictEqual(als.getStore(), store);
    assert.strictEqual(other.getStore(), 'o');
    als.exit(() => {
      assert.strictEqual(als.getStore(), undefined);
      assert.strictEqual(other.getStore(), 'o');
    });
    als.run({ id: 2 }, () => {
      setTimeout(common.mustCall(() => {
        assert.deepStrictEqual(als.getStore(), { id: 2 });
        assert.strictEqual(other.getStore(), 'o');
      }), 1);
    });
  });
  await null;
  assert.strictEqual(als.getStore(), store);
  assert.strictEqual(other.getStore(), undefined);
  for await (const x of (async function*() { yield 1; yield 2; })()) {
    assert.strictEqual(x > 0, true);
    assert.strictEqual(als.getStore(), store);
  }
}));
assert.strictEqual(als.getStore(), undefined);

// run() restores on throw and returns the callback's value.
assert.strictEqual(als.run(5, (a, b) => a + b + als.getStore(), 1, 2), 8);
assert.throws(() => als.run(6, () => { throw new Error('x'); }), /x/);
assert.strictEqual(als.getStore(), undefined);

// enterWith lasts until the current callback ends.
setImmediate(common.mustCall(() => {
  als.enterWith('entered');
  assert.strictEqual(als.getStore(), 'entered');
  setTimeout(common.mustCall(() => {
    assert.strictEqual(als.getStore(), 'entered');
  }), 1);
  setImmediate(common.mustCall(() => {
    assert.strictEqual(als.getStore(), 'entered');
  }));
  process.nextTick(common.mustCall(() => {
    assert.strictEqual(als.getStore(), 'entered');
  }));
}));
setImmediate(common.mustCall(() => {
  assert.strictEqual(als.getStore(), undefined);
}));

// snapshot, bind, and AsyncResource carry the context of their creation.
const snap = als.run('snap', () => AsyncLocalStorage.snapshot());
assert.strictEqual(snap(() => als.getStore()), 'snap');
assert.strictEqual(snap((a) => a, 3), 3);
const bound = als.run('bound', () => AsyncLocalStorage.bind(() =>
  als.getStore()));
assert.strictEqual(bound(), 'bound');
assert.strictEqual(bound.asyncResource instanceof AsyncResource, true);
const res = als.run('res', () => new AsyncResource('R'));
assert.strictEqual(res.runInAsyncScope(function(a) {
  return [this, a, als.getStore()];
}, 'self', 1).join(), 'self,1,res');

// disable(): getStore() answers undefined until run() again.
const d = new AsyncLocalStorage();
d.enterWith(1);
assert.strictEqual(d.getStore(), 1);
d.disable();
assert.strictEqual(d.getStore(), undefined);
d.run(2, () => assert.strictEqual(d.getStore(), 2));
d.disable();

// The EventEmitter pattern many libraries use: bind a listener.
const { EventEmitter } = require('events');
const ee = new EventEmitter();
als.run('ee', () => {
  ee.on('x', AsyncResource.bind(common.mustCall(() => {
    assert.strictEqual(als.getStore(), 'ee');
  })));
});
ee.emit('x');
