// Flags: --expose-internals
'use strict';
// Event and CustomEvent: construction, attributes, flags, brand checks and
// the shape of the prototype.
const { assert } = require('../common');
const { Event, CustomEvent } = require('internal/event_target');

if (globalThis.Event !== undefined) assert.strictEqual(globalThis.Event, Event);

// Defaults.
{
  const e = new Event('foo');
  assert.strictEqual(e.type, 'foo');
  assert.strictEqual(e.bubbles, false);
  assert.strictEqual(e.cancelable, false);
  assert.strictEqual(e.composed, false);
  assert.strictEqual(e.defaultPrevented, false);
  assert.strictEqual(e.isTrusted, false);
  assert.strictEqual(e.eventPhase, Event.NONE);
  assert.strictEqual(e.target, null);
  assert.strictEqual(e.currentTarget, null);
  assert.strictEqual(e.srcElement, null);
  assert.strictEqual(e.returnValue, true);
  assert.strictEqual(e.cancelBubble, false);
  assert.deepStrictEqual(e.composedPath(), []);
  assert.strictEqual(typeof e.timeStamp, 'number');
  assert.ok(e.timeStamp > 0);
  assert.strictEqual(String(e), '[object Event]');
  assert.deepStrictEqual(Object.keys(e), []);
}

// Options are read as booleans; the type as a string.
{
  const e = new Event('x', { bubbles: 1, cancelable: 'yes', composed: {} });
  assert.strictEqual(e.bubbles, true);
  assert.strictEqual(e.cancelable, true);
  assert.strictEqual(e.composed, true);
  assert.strictEqual(new Event(null).type, 'null');
  assert.strictEqual(new Event(1).type, '1');
  assert.strictEqual(new Event({ toString() { return 'q'; } }).type, 'q');
  assert.throws(() => new Event(Symbol('s')), TypeError);
}

// preventDefault() only counts for cancelable events; returnValue follows.
{
  const a = new Event('a');
  a.preventDefault();
  assert.strictEqual(a.defaultPrevented, false);
  assert.strictEqual(a.returnValue, true);
  const b = new Event('b', { cancelable: true });
  b.preventDefault();
  assert.strictEqual(b.defaultPrevented, true);
  assert.strictEqual(b.returnValue, false);
  // returnValue has no setter.
  const c = new Event('c', { cancelable: true });
  assert.throws(() => { c.returnValue = false; }, TypeError);
  assert.strictEqual(c.defaultPrevented, false);
}

// cancelBubble and stopPropagation().
{
  const e = new Event('x');
  e.stopPropagation();
  assert.strictEqual(e.cancelBubble, true);
  const f = new Event('x');
  f.cancelBubble = true;
  assert.strictEqual(f.cancelBubble, true);
  f.cancelBubble = false;
  assert.strictEqual(f.cancelBubble, true);
  // As in Node 18, stopImmediatePropagation() leaves cancelBubble alone.
  const g = new Event('x');
  g.stopImmediatePropagation();
  assert.strictEqual(g.cancelBubble, false);
}

// Argument errors.
assert.throws(() => new Event(), {
  code: 'ERR_MISSING_ARGS',
  name: 'TypeError',
  message: 'The "type" argument must be specified',
});
assert.throws(() => Event('x'), {
  name: 'TypeError',
  message: "Class constructor Event cannot be invoked without 'new'",
});
for (const [options, received] of [
  [1, 'type number (1)'],
  [null, 'null'],
  [[], 'an instance of Array'],
  ['str', "type string ('str')"],
]) {
  assert.throws(() => new Event('x', options), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "options" argument must be of type object. ' +
      `Received ${received}`,
  });
}

// Brand checks.
for (const name of ['type', 'target', 'cancelable', 'eventPhase',
  'timeStamp', 'returnValue', 'cancelBubble']) {
  assert.throws(() => Reflect.get(Event.prototype, name, {}), {
    code: 'ERR_INVALID_THIS',
    message: 'Value of "this" must be of type Event',
  });
}
assert.throws(() => Event.prototype.preventDefault.call({}), {
  code: 'ERR_INVALID_THIS',
});
assert.strictEqual(Reflect.get(Event.prototype, 'isTrusted', {}), false);

// The prototype: Web IDL attributes are enumerable accessors; isTrusted
// cannot be reconfigured.
assert.deepStrictEqual(Object.getOwnPropertyNames(Event.prototype), [
  'constructor', 'stopImmediatePropagation', 'preventDefault', 'target',
  'currentTarget', 'srcElement', 'type', 'cancelable', 'defaultPrevented',
  'timeStamp', 'composedPath', 'returnValue', 'bubbles', 'composed',
  'eventPhase', 'cancelBubble', 'stopPropagation', 'isTrusted',
]);
{
  const d = Object.getOwnPropertyDescriptor(Event.prototype, 'isTrusted');
  assert.strictEqual(d.enumerable, true);
  assert.strictEqual(d.configurable, false);
  const t = Object.getOwnPropertyDescriptor(Event.prototype, 'type');
  assert.strictEqual(t.enumerable, true);
  assert.strictEqual(t.set, undefined);
  const c = Object.getOwnPropertyDescriptor(Event.prototype, 'constructor');
  assert.strictEqual(c.enumerable, false);
}
assert.deepStrictEqual(
  [Event.NONE, Event.CAPTURING_PHASE, Event.AT_TARGET, Event.BUBBLING_PHASE],
  [0, 1, 2, 3]);
assert.strictEqual(new Event('x').NONE, undefined);
assert.strictEqual(Event.length, 1);

// CustomEvent carries a detail.
{
  const c = new CustomEvent('x', { detail: { a: 1 } });
  assert.deepStrictEqual(c.detail, { a: 1 });
  assert.strictEqual(new CustomEvent('y').detail, null);
  assert.ok(c instanceof Event);
  assert.strictEqual(String(c), '[object CustomEvent]');
  assert.strictEqual(CustomEvent.length, 1);
  assert.throws(() => new CustomEvent(), { code: 'ERR_MISSING_ARGS' });
  assert.throws(() => Reflect.get(CustomEvent.prototype, 'detail',
                                  new Event('x')), {
    code: 'ERR_INVALID_THIS',
    message: 'Value of "this" must be of type CustomEvent',
  });
}
