// Flags: --expose-internals
'use strict';
// EventTarget: adding and removing listeners, their options, the order
// and arguments of calls, and what dispatchEvent() returns.
const { assert, mustCall, mustNotCall } = require('../common');
const { Event, EventTarget } = require('internal/event_target');
const { AbortController } = require('internal/abort_controller');

if (globalThis.EventTarget !== undefined) {
  assert.strictEqual(globalThis.EventTarget, EventTarget);
}

// A listener is called with the event, `this` being the target; during
// the dispatch the event reports the target and the AT_TARGET phase.
{
  const t = new EventTarget();
  const e = new Event('foo');
  t.addEventListener('foo', mustCall(function(event) {
    assert.strictEqual(this, t);
    assert.strictEqual(event, e);
    assert.strictEqual(event.target, t);
    assert.strictEqual(event.currentTarget, t);
    assert.strictEqual(event.srcElement, t);
    assert.strictEqual(event.eventPhase, Event.AT_TARGET);
    assert.deepStrictEqual(event.composedPath(), [t]);
  }));
  assert.strictEqual(t.dispatchEvent(e), true);
  assert.strictEqual(e.eventPhase, Event.NONE);
  assert.strictEqual(e.target, t);
  assert.deepStrictEqual(e.composedPath(), []);
  // No listeners for the type: nothing happens.
  assert.strictEqual(t.dispatchEvent(new Event('bar')), true);
}

// handleEvent objects: looked up at each call, called with the object as
// `this`; an object without one is skipped.
{
  const t = new EventTarget();
  const order = [];
  const h = { handleEvent(e) { order.push(['first', this === h, e.type]); } };
  t.addEventListener('x', h);
  t.addEventListener('x', {});
  h.handleEvent = function() { order.push(['replaced', this === h]); };
  t.addEventListener('x', () => order.push(['fn']));
  t.dispatchEvent(new Event('x'));
  assert.deepStrictEqual(order, [['replaced', true], ['fn']]);
}

// The same listener (and capture flag) registers once; capture makes a
// different registration, removed only with the same capture flag.
{
  const t = new EventTarget();
  let calls = 0;
  const f = () => calls++;
  t.addEventListener('a', f);
  t.addEventListener('a', f);
  t.addEventListener('a', f, true);
  t.addEventListener('a', f, { capture: 1 });
  t.dispatchEvent(new Event('a'));
  assert.strictEqual(calls, 2);
  t.removeEventListener('a', f);
  t.dispatchEvent(new Event('a'));
  assert.strictEqual(calls, 3);
  t.removeEventListener('a', f, { capture: true });
  t.dispatchEvent(new Event('a'));
  assert.strictEqual(calls, 3);
}

// Like Node 18, removeEventListener() takes only `{ capture: true }` as
// capture: not a bare `true`, nor a truthy non-boolean.
{
  const { getEventListeners } = require('events');
  const f = () => {};
  for (const [add, remove, left] of [
    [{ capture: 1 }, { capture: true }, 0],
    [{ capture: 1 }, { capture: 1 }, 1],
    [true, true, 1],
    [true, { capture: true }, 0],
    [{ capture: 0 }, { capture: 0 }, 0],
    [undefined, false, 0],
    [undefined, { capture: '' }, 0],
  ]) {
    const t = new EventTarget();
    t.addEventListener('a', f, add);
    t.removeEventListener('a', f, remove);
    assert.strictEqual(getEventListeners(t, 'a').length, left);
  }
}

// once: removed before its call, so a dispatch from inside does not
// call it again.
{
  const t = new EventTarget();
  t.addEventListener('o', mustCall(() => {
    t.dispatchEvent(new Event('o'));
  }), { once: true });
  t.dispatchEvent(new Event('o'));
  t.dispatchEvent(new Event('o'));
}

// Options are converted to booleans.
{
  const t = new EventTarget();
  t.addEventListener('c', mustCall(), { once: 'yes', capture: 1 });
  t.dispatchEvent(new Event('c'));
  t.dispatchEvent(new Event('c'));
}

// A listener removed during the dispatch is not called; like Node 18, one
// added during it is, unless the last listener was running.
{
  const t = new EventTarget();
  const order = [];
  const g = () => order.push('g');
  t.addEventListener('d', () => {
    order.push('d1');
    t.removeEventListener('d', g);
    t.addEventListener('d', () => order.push('late'));
  });
  t.addEventListener('d', g);
  t.dispatchEvent(new Event('d'));
  assert.deepStrictEqual(order, ['d1']);
  order.length = 0;
  t.dispatchEvent(new Event('d'));
  assert.deepStrictEqual(order, ['d1', 'late', 'late']);
}

// stopImmediatePropagation() skips the remaining listeners; like Node 18,
// the flag stays set, so a later dispatch of the same event calls none.
{
  const t = new EventTarget();
  const order = [];
  t.addEventListener('s', (e) => {
    order.push(1);
    e.stopImmediatePropagation();
  });
  t.addEventListener('s', () => order.push(2));
  const e = new Event('s');
  t.dispatchEvent(e);
  t.dispatchEvent(e);
  assert.deepStrictEqual(order, [1]);
  // stopPropagation() does not stop listeners of the same target.
  const u = new EventTarget();
  u.addEventListener('s', (e) => e.stopPropagation());
  u.addEventListener('s', mustCall());
  u.dispatchEvent(new Event('s'));
}

// preventDefault(): dispatchEvent() returns false for a cancelable event.
// Node 18 honours it in passive listeners too.
{
  const t = new EventTarget();
  t.addEventListener('p', (e) => e.preventDefault());
  assert.strictEqual(t.dispatchEvent(new Event('p', { cancelable: true })),
                     false);
  assert.strictEqual(t.dispatchEvent(new Event('p')), true);
  const u = new EventTarget();
  u.addEventListener('p', (e) => e.preventDefault(), { passive: true });
  assert.strictEqual(u.dispatchEvent(new Event('p', { cancelable: true })),
                     false);
}

// A dispatch while the event is being dispatched is an error; after the
// dispatch the event can be dispatched again.
{
  const t = new EventTarget();
  t.addEventListener('r', mustCall((e) => {
    assert.throws(() => t.dispatchEvent(e), {
      code: 'ERR_EVENT_RECURSION',
      name: 'Error',
      message: 'The event "r" is already being dispatched',
    });
  }, 2));
  const e = new Event('r');
  t.dispatchEvent(e);
  t.dispatchEvent(e);
}

// signal: the listener goes when the signal aborts; an aborted signal
// adds nothing.
{
  const t = new EventTarget();
  const ac = new AbortController();
  let calls = 0;
  t.addEventListener('sig', () => calls++, { signal: ac.signal });
  t.dispatchEvent(new Event('sig'));
  ac.abort();
  t.dispatchEvent(new Event('sig'));
  t.addEventListener('sig', mustNotCall(), { signal: ac.signal });
  t.dispatchEvent(new Event('sig'));
  assert.strictEqual(calls, 1);
  t.addEventListener('sig', () => {}, { signal: null });
  t.addEventListener('sig', () => {}, { signal: undefined });
  assert.throws(() => t.addEventListener('sig', () => {}, { signal: 1 }),
                TypeError);
}

// Argument checking.
{
  const t = new EventTarget();
  assert.throws(() => t.addEventListener(), {
    code: 'ERR_MISSING_ARGS',
    message: 'The "type" and "listener" arguments must be specified',
  });
  assert.throws(() => t.addEventListener('x'), { code: 'ERR_MISSING_ARGS' });
  assert.throws(() => t.removeEventListener('x'),
                { code: 'ERR_MISSING_ARGS' });
  assert.throws(() => t.addEventListener('x', 1), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "listener" argument must be an instance of ' +
      'EventListener. Received type number (1)',
  });
  assert.throws(() => t.removeEventListener('x', 'str'), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "listener" argument must be an instance of ' +
      "EventListener. Received type string ('str')",
  });
  for (const bad of [5, 'str']) {
    assert.throws(() => t.addEventListener('x', () => {}, bad), {
      code: 'ERR_INVALID_ARG_TYPE',
    });
    t.removeEventListener('x', () => {}, bad);
  }
  // The type is a string; symbols are refused.
  assert.throws(() => t.addEventListener(Symbol('x'), () => {}), {
    code: 'ERR_INVALID_ARG_VALUE',
    message: "The argument 'value' is invalid. Received Symbol(x)",
  });
  assert.throws(() => t.removeEventListener(Symbol('x'), () => {}), {
    code: 'ERR_INVALID_ARG_VALUE',
  });
  t.addEventListener({ toString() { return 'obj'; } }, mustCall());
  t.dispatchEvent(new Event('obj'));
  for (const ok of [null, undefined, true, false, [], () => {}]) {
    t.addEventListener('x', () => {}, ok);
  }
  assert.throws(() => t.dispatchEvent(), {
    code: 'ERR_MISSING_ARGS',
    message: 'The "event" argument must be specified',
  });
  assert.throws(() => t.dispatchEvent({ type: 'x' }), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "event" argument must be an instance of Event. ' +
      'Received an instance of Object',
  });
  for (const method of ['addEventListener', 'removeEventListener',
    'dispatchEvent']) {
    assert.throws(() => EventTarget.prototype[method].call({}, 'x', () => {}),
                  {
                    code: 'ERR_INVALID_THIS',
                    message: 'Value of "this" must be of type EventTarget',
                  });
  }
}

// A null listener has no effect, and says so.
{
  const t = new EventTarget();
  process.on('warning', mustCall((w) => {
    assert.strictEqual(w.name, 'AddEventListenerArgumentTypeWarning');
    assert.strictEqual(w.message,
                       'addEventListener called with null which has no ' +
                       'effect.');
  }));
  assert.strictEqual(t.addEventListener('x', null), undefined);
  t.removeEventListener('x', null);
}

// The prototype.
assert.deepStrictEqual(Object.getOwnPropertyNames(EventTarget.prototype),
                       ['constructor', 'addEventListener',
                        'removeEventListener', 'dispatchEvent']);
for (const name of ['addEventListener', 'removeEventListener',
  'dispatchEvent']) {
  const d = Object.getOwnPropertyDescriptor(EventTarget.prototype, name);
  assert.strictEqual(d.enumerable, true);
}
assert.strictEqual(EventTarget.prototype.addEventListener.length, 2);
assert.strictEqual(EventTarget.prototype.dispatchEvent.length, 1);
assert.strictEqual(String(new EventTarget()), '[object EventTarget]');
