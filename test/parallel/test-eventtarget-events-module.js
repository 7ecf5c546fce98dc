// Flags: --expose-internals
'use strict';
// The events module with EventTargets: getEventListeners(),
// setMaxListeners(), once() and on(), with and without signals.
const { assert, mustCall, mustNotCall } = require('../common');
const events = require('events');
const { Event, EventTarget } = require('internal/event_target');
const { AbortController } = require('internal/abort_controller');

// getEventListeners() gives what was registered, in order.
{
  const t = new EventTarget();
  const h = { handleEvent() {} };
  const f = () => {};
  t.addEventListener('x', h);
  t.addEventListener('x', f, { once: true });
  t.addEventListener('x', f, { capture: true });
  assert.deepStrictEqual(events.getEventListeners(t, 'x'), [h, f, f]);
  assert.deepStrictEqual(events.getEventListeners(t, 'none'), []);
  t.dispatchEvent(new Event('x'));
  assert.deepStrictEqual(events.getEventListeners(t, 'x'), [h, f]);
  assert.throws(() => events.getEventListeners({}, 'x'), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "emitter" argument must be an instance of EventEmitter ' +
      'or EventTarget. Received an instance of Object',
  });
}

// A listener added with a signal leaves with the signal's abort.
{
  const t = new EventTarget();
  const ac = new AbortController();
  t.addEventListener('z', () => {}, { signal: ac.signal });
  assert.strictEqual(events.getEventListeners(t, 'z').length, 1);
  assert.strictEqual(events.getEventListeners(ac.signal, 'abort').length, 1);
  ac.abort();
  assert.strictEqual(events.getEventListeners(t, 'z').length, 0);
  assert.strictEqual(events.getEventListeners(ac.signal, 'abort').length, 0);
}

(async () => {
  const t = new EventTarget();

  // once() resolves with [event].
  setTimeout(() => t.dispatchEvent(new Event('y')), 1);
  const [event] = await events.once(t, 'y');
  assert.strictEqual(event.type, 'y');
  assert.deepStrictEqual(events.getEventListeners(t, 'y'), []);

  // once() with a signal that aborts.
  const ac = new AbortController();
  setTimeout(() => ac.abort(), 1);
  await assert.rejects(events.once(t, 'z', { signal: ac.signal }), (err) => {
    assert.strictEqual(err.name, 'AbortError');
    assert.strictEqual(err.code, 'ABORT_ERR');
    assert.strictEqual(err.cause, ac.signal.reason);
    return true;
  });
  assert.deepStrictEqual(events.getEventListeners(t, 'z'), []);
  assert.deepStrictEqual(events.getEventListeners(ac.signal, 'abort'), []);

  // once()'s abort listener runs even when one before it stops the
  // event's propagation.
  const acStop = new AbortController();
  acStop.signal.addEventListener('abort', (e) => e.stopImmediatePropagation(),
                              { once: true });
  setTimeout(() => acStop.abort(), 1);
  await assert.rejects(events.once(t, 'w', { signal: acStop.signal }),
                       { name: 'AbortError' });
  // ... while a user's listener after the stopping one does not run.
  const acStop2 = new AbortController();
  acStop2.signal.addEventListener('abort', (e) => e.stopImmediatePropagation());
  acStop2.signal.addEventListener('abort', mustNotCall());
  acStop2.abort();

  // once() with an aborted signal rejects at once.
  await assert.rejects(
    events.once(t, 'z', { signal: AbortSignalAbort('why') }),
    { name: 'AbortError', cause: 'why' });

  // once() on an EventEmitter, with a signal that does not abort.
  const ee = new events.EventEmitter();
  const ac2 = new AbortController();
  const p = events.once(ee, 'foo', { signal: ac2.signal });
  assert.strictEqual(events.getEventListeners(ac2.signal, 'abort').length, 1);
  ee.emit('foo', 1, 2);
  assert.deepStrictEqual(await p, [1, 2]);
  assert.strictEqual(events.getEventListeners(ac2.signal, 'abort').length, 0);

  // on() iterates over the events.
  setTimeout(() => {
    t.dispatchEvent(new Event('w'));
    t.dispatchEvent(new Event('w'));
  }, 1);
  const seen = [];
  for await (const [e] of events.on(t, 'w')) {
    seen.push(e.type);
    if (seen.length === 2) break;
  }
  assert.deepStrictEqual(seen, ['w', 'w']);
  assert.deepStrictEqual(events.getEventListeners(t, 'w'), []);

  // on() ends with an AbortError when its signal aborts.
  const ac3 = new AbortController();
  const it = events.on(t, 'v', { signal: ac3.signal });
  setTimeout(() => ac3.abort(), 1);
  await assert.rejects(it.next(), { name: 'AbortError' });

  // getMaxListeners() / setMaxListeners() on signals.
  const ac4 = new AbortController();
  assert.strictEqual(events.getMaxListeners(ac4.signal), 10);
  events.setMaxListeners(5, ac4.signal);
  assert.strictEqual(events.getMaxListeners(ac4.signal), 5);
})().then(mustCall());

function AbortSignalAbort(reason) {
  const ac = new AbortController();
  ac.abort(reason);
  return ac.signal;
}
