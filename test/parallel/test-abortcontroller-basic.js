// Flags: --expose-internals
'use strict';
// AbortController and AbortSignal: aborting, the default reason, the
// 'abort' event and onabort, throwIfAborted(), AbortSignal.abort().
const { assert, mustCall, mustNotCall } = require('../common');
const { EventTarget } = require('internal/event_target');
const {
  AbortController,
  AbortSignal,
} = require('internal/abort_controller');
const DOMException = globalThis.DOMException ??
  require('internal/per_context/domexception').DOMException;

if (globalThis.AbortController !== undefined) {
  assert.strictEqual(globalThis.AbortController, AbortController);
  assert.strictEqual(globalThis.AbortSignal, AbortSignal);
}

{
  const ac = new AbortController();
  const { signal } = ac;
  assert.ok(signal instanceof AbortSignal);
  assert.ok(signal instanceof EventTarget);
  assert.strictEqual(ac.signal, signal);
  assert.strictEqual(signal.aborted, false);
  assert.strictEqual(signal.reason, undefined);
  assert.strictEqual(signal.onabort, null);
  signal.throwIfAborted();

  const order = [];
  signal.addEventListener('abort', mustCall((e) => {
    order.push('L1');
    assert.strictEqual(e.type, 'abort');
    assert.strictEqual(e.isTrusted, true);
    assert.strictEqual(e.target, signal);
    assert.strictEqual(signal.aborted, true);
  }));
  signal.onabort = mustNotCall();
  signal.addEventListener('abort', () => order.push('L2'));
  signal.onabort = mustCall(function(e) {
    assert.strictEqual(this, signal);
    assert.strictEqual(e.type, 'abort');
    order.push('onabort');
  });
  ac.abort();
  ac.abort();
  assert.deepStrictEqual(order, ['L1', 'onabort', 'L2']);
  assert.strictEqual(signal.aborted, true);

  // The default reason.
  const reason = signal.reason;
  assert.ok(reason instanceof DOMException);
  assert.ok(reason instanceof Error);
  assert.strictEqual(reason.name, 'AbortError');
  assert.strictEqual(reason.code, 20);
  assert.strictEqual(reason.message, 'This operation was aborted');
  assert.match(reason.stack, /^AbortError: This operation was aborted\n/);
  assert.throws(() => signal.throwIfAborted(), (err) => err === reason);
}

// Any other reason, undefined meaning the default.
for (const reason of ['why', null, 0, { a: 1 }]) {
  const ac = new AbortController();
  ac.abort(reason);
  assert.strictEqual(ac.signal.reason, reason);
  assert.throws(() => ac.signal.throwIfAborted(), (err) => err === reason);
}
{
  const ac = new AbortController();
  ac.abort(undefined);
  assert.strictEqual(ac.signal.reason.name, 'AbortError');
}

// AbortSignal.abort() makes an aborted signal.
{
  const s = AbortSignal.abort();
  assert.strictEqual(s.aborted, true);
  assert.strictEqual(s.reason.name, 'AbortError');
  assert.strictEqual(AbortSignal.abort(42).reason, 42);
}

// Nobody else makes signals.
assert.throws(() => new AbortSignal(), {
  code: 'ERR_ILLEGAL_CONSTRUCTOR',
  name: 'TypeError',
  message: 'Illegal constructor',
});
assert.throws(() => AbortController(), TypeError);

// Brand checks.
for (const [get, type] of [
  [() => Reflect.get(AbortSignal.prototype, 'aborted', {}), 'AbortSignal'],
  [() => Reflect.get(AbortSignal.prototype, 'reason', {}), 'AbortSignal'],
  [() => AbortSignal.prototype.throwIfAborted.call({}), 'AbortSignal'],
  [() => Reflect.get(AbortController.prototype, 'signal', {}),
   'AbortController'],
  [() => AbortController.prototype.abort.call({}), 'AbortController'],
]) {
  assert.throws(get, {
    code: 'ERR_INVALID_THIS',
    message: `Value of "this" must be of type ${type}`,
  });
}

// onabort holds whatever it is given; only functions are called.
{
  const ac = new AbortController();
  ac.signal.onabort = 5;
  assert.strictEqual(ac.signal.onabort, 5);
  ac.signal.onabort = null;
  assert.strictEqual(ac.signal.onabort, null);
  ac.abort();
}

// A throwing abort listener does not stop the abort.
{
  const ac = new AbortController();
  const err = new Error('in abort');
  ac.signal.addEventListener('abort', () => { throw err; });
  ac.signal.addEventListener('abort', mustCall());
  process.once('uncaughtException', mustCall((e) => {
    assert.strictEqual(e, err);
  }));
  ac.abort();
  assert.strictEqual(ac.signal.aborted, true);
}

// The shape of the prototypes.
assert.deepStrictEqual(Object.getOwnPropertyNames(AbortSignal.prototype),
                       ['constructor', 'aborted', 'reason', 'throwIfAborted',
                        'onabort']);
assert.deepStrictEqual(Object.getOwnPropertyNames(AbortController.prototype),
                       ['constructor', 'signal', 'abort']);
{
  const enumerable = (obj, key) =>
    Object.getOwnPropertyDescriptor(obj, key).enumerable;
  assert.strictEqual(enumerable(AbortSignal.prototype, 'aborted'), true);
  assert.strictEqual(enumerable(AbortSignal.prototype, 'reason'), false);
  assert.strictEqual(enumerable(AbortSignal.prototype, 'onabort'), true);
  assert.strictEqual(enumerable(AbortController.prototype, 'abort'), true);
  assert.strictEqual(enumerable(AbortSignal, 'abort'), false);
}
assert.strictEqual(String(new AbortController()), '[object AbortController]');
assert.strictEqual(String(AbortSignal.abort()), '[object AbortSignal]');
assert.strictEqual(AbortController.length, 0);
assert.strictEqual(AbortSignal.length, 0);
