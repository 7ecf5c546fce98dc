// Flags: --expose-internals
'use strict';
// More listeners of one type than the target's limit (events'
// defaultMaxListeners when it was made, or setMaxListeners()) is warned
// about once per target.
const { assert, mustCall } = require('../common');
const events = require('events');
const { EventTarget } = require('internal/event_target');
const { AbortController } = require('internal/abort_controller');

const warnings = [];
process.on('warning', (w) => warnings.push(w));

const t = new EventTarget();
assert.strictEqual(events.getMaxListeners(t), 10);
for (let i = 0; i < 12; i++) t.addEventListener('foo', () => {});
for (let i = 0; i < 12; i++) t.addEventListener('bar', () => {});

const t2 = new EventTarget();
events.setMaxListeners(2, t2);
assert.strictEqual(events.getMaxListeners(t2), 2);
for (let i = 0; i < 3; i++) t2.addEventListener('baz', () => {});

const ac = new AbortController();
for (let i = 0; i < 11; i++) ac.signal.addEventListener('abort', () => {});

class Foo extends EventTarget {}
const f = new Foo();
events.setMaxListeners(1, f);
f.addEventListener('x', () => {});
f.addEventListener('x', () => {});
// 0 means no limit.
const g = new EventTarget();
events.setMaxListeners(0, g);
for (let i = 0; i < 20; i++) g.addEventListener('y', () => {});

// The default at construction time counts.
events.defaultMaxListeners = 2;
const h = new EventTarget();
assert.strictEqual(events.getMaxListeners(h), 2);
assert.strictEqual(events.getMaxListeners(t), 10);
events.defaultMaxListeners = 10;

setImmediate(mustCall(() => {
  assert.deepStrictEqual(warnings.map((w) => w.message), [
    'Possible EventTarget memory leak detected. 11 foo listeners added to ' +
      'EventTarget. Use events.setMaxListeners() to increase limit',
    'Possible EventTarget memory leak detected. 3 baz listeners added to ' +
      'EventTarget. Use events.setMaxListeners() to increase limit',
    'Possible EventTarget memory leak detected. 11 abort listeners added ' +
      'to [AbortSignal]. Use events.setMaxListeners() to increase limit',
    'Possible EventTarget memory leak detected. 2 x listeners added to ' +
      'Foo. Use events.setMaxListeners() to increase limit',
  ]);
  const w = warnings[0];
  assert.strictEqual(w.name, 'MaxListenersExceededWarning');
  assert.strictEqual(w.target, t);
  assert.strictEqual(w.type, 'foo');
  assert.strictEqual(w.count, 11);
  assert.deepStrictEqual(Object.keys(w), ['name', 'target', 'type', 'count']);
}));
