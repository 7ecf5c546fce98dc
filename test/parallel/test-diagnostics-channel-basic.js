'use strict';
// diagnostics_channel: channels, subscribe/unsubscribe (by name and on the
// channel), publish, hasSubscribers, bindStore/runStores, tracingChannel.
const common = require('../common');
const assert = require('assert');
const dc = require('diagnostics_channel');
const { AsyncLocalStorage } = require('async_hooks');

assert.throws(() => dc.channel(1), { code: 'ERR_INVALID_ARG_TYPE' });
const ch = dc.channel('test:a');
assert.strictEqual(dc.channel('test:a'), ch);
assert.strictEqual(ch.name, 'test:a');
assert(ch instanceof dc.Channel);
assert.strictEqual(ch.hasSubscribers, false);
assert.strictEqual(dc.hasSubscribers('test:a'), false);
assert.strictEqual(dc.hasSubscribers('test:none'), false);
ch.publish('nobody listens');

const message = { x: 1 };
const sub = common.mustCall((msg, name) => {
  assert.strictEqual(msg, message);
  assert.strictEqual(name, 'test:a');
}, 2);
dc.subscribe('test:a', sub);
assert(ch instanceof dc.Channel);
assert.strictEqual(ch.hasSubscribers, true);
assert.strictEqual(dc.hasSubscribers('test:a'), true);
ch.publish(message);
const sym = Symbol('s');
dc.channel(sym).subscribe(common.mustCall((msg, name) => {
  assert.strictEqual(name, sym);
}));
dc.channel(sym).publish(1);
assert.throws(() => ch.subscribe(1), { code: 'ERR_INVALID_ARG_TYPE' });

// A subscriber that throws: the others still run, the error comes later
// as an uncaught exception.
const boom = new Error('boom');
const thrower = () => { throw boom; };
ch.subscribe(thrower);
process.once('uncaughtException', common.mustCall((err) => {
  assert.strictEqual(err, boom);
}));
ch.publish(message);
assert.strictEqual(ch.unsubscribe(thrower), true);
assert.strictEqual(dc.unsubscribe('test:a', sub), true);
assert.strictEqual(dc.unsubscribe('test:a', sub), false);
assert.strictEqual(dc.unsubscribe('test:none', sub), false);
assert.strictEqual(ch.hasSubscribers, false);
ch.publish(message);

// Stores: runStores runs fn with each bound store entered.
const store = new AsyncLocalStorage();
const storeCh = dc.channel('test:store');
storeCh.bindStore(store, (data) => ({ wrapped: data }));
assert.strictEqual(storeCh.hasSubscribers, true);
const ret = storeCh.runStores(5, function(a) {
  assert.deepStrictEqual(store.getStore(), { wrapped: 5 });
  return [this, a];
}, 'self', 'arg');
assert.deepStrictEqual(ret, ['self', 'arg']);
assert.strictEqual(store.getStore(), undefined);
assert.strictEqual(storeCh.unbindStore(store), true);
assert.strictEqual(storeCh.unbindStore(store), false);
assert.strictEqual(storeCh.hasSubscribers, false);

// Tracing channels.
const tc = dc.tracingChannel('test:op');
assert.strictEqual(tc.start.name, 'tracing:test:op:start');
const seen = [];
const handlers = {};
for (const ev of ['start', 'end', 'asyncStart', 'asyncEnd', 'error'])
  handlers[ev] = (ctx) =>
    seen.push(`${ev}:${ctx.result ?? ctx.error?.message}`);
tc.subscribe(handlers);
assert.strictEqual(tc.traceSync((a) => a * 2, {}, null, 21), 42);
assert.deepStrictEqual(seen.splice(0), ['start:undefined', 'end:42']);
assert.throws(() => tc.traceSync(() => { throw new Error('e'); }), /e/);
assert.deepStrictEqual(seen.splice(0), ['start:undefined', 'error:e',
                                        'end:e']);
tc.traceCallback((cb) => setImmediate(cb, null, 'r'), 0, {}, null,
                 common.mustCall((err, r) => {
                   assert.strictEqual(r, 'r');
                   assert.deepStrictEqual(seen.splice(0),
                                          ['start:undefined', 'end:undefined',
                                           'asyncStart:r']);
                   tc.tracePromise(async () => 'p').then(common.mustCall((v) => {
                     assert.strictEqual(v, 'p');
                     assert.deepStrictEqual(seen.splice(0),
                                            ['start:undefined',
                                             'end:undefined', 'asyncEnd:r',
                                             'asyncStart:p', 'asyncEnd:p']);
                     assert.strictEqual(tc.unsubscribe(handlers), true);
                   }));
                 }));
