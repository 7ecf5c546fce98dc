// Flags: --expose-internals
'use strict';
// The internal NodeEventTarget (EventEmitter-style methods on an
// EventTarget) and defineEventHandler() (on<type> attributes).
const { assert, mustCall, mustNotCall } = require('../common');
const {
  Event,
  EventTarget,
  NodeEventTarget,
  defineEventHandler,
} = require('internal/event_target');

{
  const t = new NodeEventTarget();
  const seen = [];
  t.on('foo', function(value) {
    assert.strictEqual(this, t);
    seen.push(['on', value]);
  });
  t.addEventListener('foo', (e) => seen.push(['event', e.type]));
  assert.strictEqual(t.emit('foo', 42), true);
  assert.strictEqual(t.emit('bar', 1), false);
  assert.deepStrictEqual(seen, [['on', 42], ['event', 'foo']]);
  // dispatchEvent(): both kinds of listener get the event.
  const e = new Event('foo');
  seen.length = 0;
  t.dispatchEvent(e);
  assert.deepStrictEqual(seen, [['on', e], ['event', 'foo']]);
  assert.strictEqual(t.listenerCount('foo'), 2);
  assert.deepStrictEqual(t.eventNames(), ['foo']);
  assert.strictEqual(t.getMaxListeners(), 10);
  t.setMaxListeners(3);
  assert.strictEqual(t.getMaxListeners(), 3);

  t.once('o', mustCall((v) => assert.strictEqual(v, 1)));
  t.emit('o', 1);
  t.emit('o', 2);

  t.removeAllListeners('foo');
  assert.strictEqual(t.listenerCount('foo'), 0);
  const f = mustNotCall();
  assert.strictEqual(t.on('z', f), t);
  assert.strictEqual(t.off('z', f), t);
  t.emit('z');
  assert.throws(() => t.on('x', 1), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "listener" argument must be an instance of ' +
      'EventListener. Received type number (1)',
  });
  assert.throws(() => t.emit(1), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "type" argument must be of type string. ' +
      'Received type number (1)',
  });
}

// on<type>: assigning registers the handler where the first assignment
// put it; reassigning replaces it in place; null removes it.
{
  class X extends EventTarget {}
  defineEventHandler(X.prototype, 'ping');
  const d = Object.getOwnPropertyDescriptor(X.prototype, 'onping');
  assert.strictEqual(d.enumerable, true);
  assert.strictEqual(d.configurable, true);

  const x = new X();
  assert.strictEqual(x.onping, null);
  const order = [];
  x.addEventListener('ping', () => order.push('L1'));
  x.onping = () => order.push('first');
  x.addEventListener('ping', () => order.push('L2'));
  const second = function(e) {
    assert.strictEqual(this, x);
    assert.strictEqual(e.type, 'ping');
    order.push('second');
  };
  x.onping = second;
  assert.strictEqual(x.onping, second);
  x.dispatchEvent(new Event('ping'));
  assert.deepStrictEqual(order, ['L1', 'second', 'L2']);

  order.length = 0;
  x.onping = null;
  assert.strictEqual(x.onping, null);
  x.dispatchEvent(new Event('ping'));
  assert.deepStrictEqual(order, ['L1', 'L2']);
}
