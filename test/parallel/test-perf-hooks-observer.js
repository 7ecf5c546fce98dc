'use strict';
// PerformanceObserver: entry types, buffered entries, takeRecords(),
// disconnect(), the entry list, and when callbacks run.
const { assert, mustCall, mustNotCall } = require('../common');
const {
  performance,
  PerformanceObserver,
  PerformanceObserverEntryList,
} = require('perf_hooks');
const { inspect } = require('util');

assert.deepStrictEqual(PerformanceObserver.supportedEntryTypes,
                       ['dns', 'function', 'gc', 'http', 'http2', 'mark',
                        'measure', 'net', 'resource']);
assert.ok(Object.isFrozen(PerformanceObserver.supportedEntryTypes));
assert.deepStrictEqual(
  Object.getOwnPropertyNames(PerformanceObserverEntryList.prototype),
  ['constructor', 'getEntries', 'getEntriesByType', 'getEntriesByName']);

// Argument errors.
for (const [fn, code, message] of [
  [() => new PerformanceObserver(), 'ERR_INVALID_ARG_TYPE',
   'The "callback" argument must be of type function. Received undefined'],
  [() => new PerformanceObserver(() => {}).observe(), 'ERR_MISSING_ARGS',
   'The "options.entryTypes" and "options.type" arguments must be ' +
   'specified'],
  [() => new PerformanceObserver(() => {}).observe(1), 'ERR_INVALID_ARG_TYPE',
   'The "options" argument must be of type object. Received type number ' +
   '(1)'],
  [() => new PerformanceObserver(() => {}).observe({ entryTypes: 'mark' }),
   'ERR_INVALID_ARG_TYPE',
   'The "options.entryTypes" property must be string[]. Received type ' +
   "string ('mark')"],
  [() => new PerformanceObserver(() => {}).observe({ entryTypes: ['mark'],
                                                     type: 'mark' }),
   'ERR_INVALID_ARG_VALUE',
   "The property 'options.entryTypes' options.entryTypes can not set with " +
   "options.type together. Received [ 'mark' ]"],
]) {
  assert.throws(fn, { code, message });
}
{
  const o = new PerformanceObserver(() => {});
  o.observe({ type: 'mark' });
  assert.throws(() => o.observe({ entryTypes: ['mark'] }), {
    name: 'InvalidModificationError',
    code: 13,
    message: 'PerformanceObserver can not change to multiple observations',
  });
  o.disconnect();
  const p = new PerformanceObserver(() => {});
  p.observe({ entryTypes: ['mark'] });
  assert.throws(() => p.observe({ type: 'mark' }), {
    name: 'InvalidModificationError',
    message: 'PerformanceObserver can not change to single observation',
  });
  p.disconnect();
}

// How an observer prints; unknown types are ignored.
{
  const o = new PerformanceObserver(() => {});
  assert.strictEqual(inspect(o), 'PerformanceObserver { connected: false, ' +
                     'pending: false, entryTypes: [], buffer: [] }');
  o.observe({ entryTypes: ['bogus', 1] });
  assert.match(inspect(o), /connected: false/);
  o.observe({ entryTypes: ['mark', 'bogus'] });
  assert.strictEqual(inspect(o), 'PerformanceObserver { connected: true, ' +
                     "pending: false, entryTypes: [ 'mark' ], buffer: [] }");
  // entryTypes replace those of before.
  o.observe({ entryTypes: ['measure'] });
  assert.match(inspect(o), /entryTypes: \[ 'measure' \]/);
  o.disconnect();
  assert.strictEqual(inspect(o, { depth: -1 }), 'PerformanceObserver {}');
}

const order = [];

// Entries are delivered together, sorted by start time, from an
// immediate (after the next tick queue, before later immediates).
const obs = new PerformanceObserver(mustCall(function(list, observer) {
  order.push('observer');
  assert.strictEqual(this, obs);
  assert.strictEqual(observer, obs);
  assert.ok(list instanceof PerformanceObserverEntryList);
  assert.deepStrictEqual(list.getEntries().map((e) => e.name),
                         ['m1', 'me', 'm2']);
  assert.deepStrictEqual(list.getEntriesByType('mark').map((e) => e.name),
                         ['m1', 'm2']);
  assert.strictEqual(list.getEntriesByName('m1').length, 1);
  assert.strictEqual(list.getEntriesByName('m1', 'measure').length, 0);
  assert.deepStrictEqual(list.getEntriesByType(), []);
  assert.strictEqual(inspect(list, { depth: 0 }),
                     'PerformanceObserverEntryList [Array]');
  assert.match(inspect(observer), /pending: false/);
  observer.disconnect();
  setTimeout(buffered, 5);
}));
obs.observe({ entryTypes: ['mark', 'measure'] });
performance.mark('m1', { startTime: 1 });
performance.mark('m2', { startTime: 3 });
performance.measure('me', { start: 2, end: 4 });
assert.match(inspect(obs), /pending: true/);
process.nextTick(() => order.push('tick'));
setImmediate(() => order.push('immediate'));

// buffered: the timeline's entries of the type come first. (Run once the
// first observer is done: on a slow machine a timer may come before its
// delivery, and it would see these marks too.)
const buffered = mustCall(() => {
  performance.clearMarks();
  performance.mark('old');
  const b = new PerformanceObserver(mustCall((list) => {
    assert.deepStrictEqual(list.getEntries().map((e) => e.name),
                           ['old', 'new', 'taken', 'dropped']);
    b.disconnect();
  }));
  b.observe({ type: 'mark', buffered: true });
  performance.mark('new');

  // takeRecords() empties the buffer.
  const t = new PerformanceObserver(mustCall((list) => {
    assert.deepStrictEqual(list.getEntries().map((e) => e.name),
                           ['dropped']);
    t.disconnect();
  }));
  t.observe({ type: 'mark' });
  performance.mark('taken');
  assert.deepStrictEqual(t.takeRecords().map((e) => e.name), ['taken']);
  assert.deepStrictEqual(t.takeRecords(), []);

  // Its delivery still comes when takeRecords() took everything.
  const u = new PerformanceObserver(mustCall((list) => {
    assert.deepStrictEqual(list.getEntries(), []);
    u.disconnect();
  }));
  u.observe({ type: 'measure' });
  performance.measure('q');
  assert.strictEqual(u.takeRecords().length, 1);

  // A disconnected observer gets nothing.
  const d = new PerformanceObserver(mustNotCall());
  d.observe({ type: 'mark' });
  performance.mark('dropped');
  d.disconnect();
});

process.on('exit', () => {
  assert.deepStrictEqual(order, ['tick', 'observer', 'immediate']);
});
