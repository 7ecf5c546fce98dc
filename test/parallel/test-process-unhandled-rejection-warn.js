// Flags: --unhandled-rejections=warn
'use strict';
// With --unhandled-rejections=warn every unhandled rejection gives two
// warnings even when an 'unhandledRejection' listener ran: the reason (its
// stack, or V8's side-effect-free description of it), then a note with the
// rejection id that carries the reason's stack when it has one.
const common = require('../common');
const assert = require('assert');

class Thing {}
let toStringCalled = false;
const reasons = [
  'plain text',
  42,
  Symbol('sym'),
  new Thing(),
  [1, 2],
  { toString() { toStringCalled = true; return 'nope'; } },
];
function makeErrorLike() {
  const o = {};
  Error.captureStackTrace(o);
  return o;
}
const errorLike = makeErrorLike();
reasons.push(errorLike);

const expected = [
  'plain text',
  '42',
  'Symbol(sym)',
  '#<Thing>',
  '[object Array]',
  '[object Object]',
  errorLike.stack,
];

const seen = [];
process.on('unhandledRejection', common.mustCall((reason, promise) => {
  promise.catch(() => {});  // handled late: still warned about
}, reasons.length));
process.on('warning', (w) => seen.push(w));

for (const r of reasons) Promise.reject(r);

setTimeout(common.mustCall(() => {
  assert.strictEqual(toStringCalled, false);
  const warned = seen.filter((w) =>
    w.name === 'UnhandledPromiseRejectionWarning');
  const texts = warned.filter((w) => !w.message.startsWith('Unhandled prom'));
  const notes = warned.filter((w) => w.message.startsWith('Unhandled prom'));
  assert.deepStrictEqual(texts.map((w) => w.message), expected);
  // Each late catch() gives a PromiseRejectionHandledWarning.
  const late = seen.filter((w) => w.name === 'PromiseRejectionHandledWarning');
  assert.strictEqual(late.length, reasons.length);
  assert.strictEqual(notes.length, reasons.length);
  assert.match(notes[0].message, /\(rejection id: 1\)$/);
  assert.match(errorLike.stack, /makeErrorLike/);
  assert.strictEqual(notes[notes.length - 1].stack, errorLike.stack);
}), 20);
