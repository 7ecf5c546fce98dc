'use strict';
// fork() with serialization: 'advanced': values that JSON cannot carry go
// both ways intact (v8.serialize framing), and plain JSON mode still
// works beside it.
const common = require('../common');
const assert = require('assert');
const { fork } = require('child_process');

if (process.argv[2] === 'child') {
  process.on('message', (msg) => {
    process.send({ echo: msg, types: [
      Buffer.isBuffer(msg.buf), msg.map instanceof Map, msg.set instanceof Set,
      msg.date instanceof Date, typeof msg.big, msg.u16 instanceof Uint16Array,
    ] });
    if (msg.last) process.disconnect();
  });
  return;
}

const value = {
  buf: Buffer.from('hello'),
  map: new Map([['k', { deep: [1, 2n] }]]),
  set: new Set([1, 'two']),
  date: new Date(1234567890),
  big: 2n ** 70n,
  u16: new Uint16Array([1, 65535]),
  f64: new Float64Array([0.5, -1]),
  undef: undefined,
  nested: { re: /x/gi, arr: [null, undefined, NaN] },
};
const child = fork(__filename, ['child'], { serialization: 'advanced' });
const replies = [];
child.on('message', common.mustCall((reply) => {
  replies.push(reply);
}, 3));
child.send(value);
child.send({ big: Buffer.alloc(200000, 7) });
child.send({ last: true });
child.on('exit', common.mustCall((code) => {
  assert.strictEqual(code, 0);
  const { echo, types } = replies[0];
  assert.deepStrictEqual(types, [true, true, true, true, 'bigint', true]);
  assert.deepStrictEqual(echo, value);
  assert(Buffer.isBuffer(echo.buf));
  assert.strictEqual(echo.big, 2n ** 70n);
  assert.deepStrictEqual(replies[1].echo.big, Buffer.alloc(200000, 7));
  assert.deepStrictEqual(replies[2].echo, { last: true });
}));
assert.throws(() => fork(__filename, ['child'], { serialization: 'x' }),
              { code: 'ERR_INVALID_ARG_VALUE' });
