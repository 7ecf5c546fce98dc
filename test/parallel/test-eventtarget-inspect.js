// Flags: --expose-internals
'use strict';
// How events, targets, signals and controllers print.
const { assert } = require('../common');
const { inspect } = require('util');
const { Event, EventTarget } = require('internal/event_target');
const { AbortController } = require('internal/abort_controller');

function withoutTime(text) {
  return text.replace(/timeStamp: [\d.]+/g, 'timeStamp: T');
}

const e = new Event('foo', { cancelable: true });
e.preventDefault();
assert.strictEqual(withoutTime(inspect(e)),
                   "Event {\n  type: 'foo',\n  defaultPrevented: true,\n" +
                   '  cancelable: true,\n  timeStamp: T\n}');
assert.strictEqual(inspect(e, { depth: 0 }), 'Event [Object]');
assert.strictEqual(inspect(e, { depth: -1 }), 'Event');
assert.strictEqual(inspect({ a: { b: { e } } }), '{ a: { b: { e: Event } } }');
class MyEvent extends Event {}
assert.match(inspect(new MyEvent('z')), /^MyEvent \{\n {2}type: 'z',/);

assert.strictEqual(inspect(new EventTarget()), 'EventTarget {}');
assert.strictEqual(inspect({ a: { b: { t: new EventTarget() } } }),
                   '{ a: { b: { t: EventTarget } } }');
class MyTarget extends EventTarget {
  constructor() {
    super();
    this.x = 1;
  }
}
assert.strictEqual(inspect(new MyTarget()), 'MyTarget {}');

const ac = new AbortController();
assert.strictEqual(inspect(ac),
                   'AbortController { signal: AbortSignal { aborted: false ' +
                   '} }');
assert.strictEqual(inspect(ac.signal), 'AbortSignal { aborted: false }');
assert.strictEqual(inspect(ac, { depth: 0 }), 'AbortController [Object]');
assert.strictEqual(inspect(ac, { depth: -1 }), '[AbortController]');
assert.strictEqual(inspect(ac.signal, { depth: -1 }), '[AbortSignal]');
assert.strictEqual(inspect({ a: { b: { ac } } }),
                   '{ a: { b: { ac: [AbortController] } } }');
assert.strictEqual(inspect({ a: { ac } }, { depth: 1 }),
                   '{ a: { ac: [AbortController] } }');
ac.abort();
assert.strictEqual(inspect(ac.signal), 'AbortSignal { aborted: true }');
