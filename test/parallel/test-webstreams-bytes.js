'use strict';
// Byte streams: cancel with a pending BYOB read, pipeTo, error, close with
// a pending BYOB read and respond(0), tee, a partial element at the end;
// results and their order as Node 18 gives them.
const common = require('../common');
const assert = require('assert');

const expected = [
  'cancel why',
  'pending read true undefined',
  'after cancel',
  'piped Uint8Array:1,2,3',
  'errored bad',
  'closed bad',
  'byobRequest after close 2',
  'closed read true 0',
  'byobRequest now null',
  'tee 5|6,7 / 5|6,7',
  'read16 ok',
  'r6 TypeError ERR_INVALID_STATE Invalid state: ReadableStream closed',
];
// The scenario is test/differential/webstreams-bytes-edges.js.
const log = common.differentialOutput('webstreams-bytes-edges').split('\n');
assert.deepStrictEqual(log, expected);

// A BYOB read into a Buffer answers with a Buffer over the same memory, and
// no deprecation warning (Buffer's constructor is not called).
{
  process.on('warning', common.mustNotCall());
  const stream = new ReadableStream({
    type: 'bytes',
    pull(c) {
      c.byobRequest.view.set([7, 8]);
      c.byobRequest.respond(2);
    },
  });
  stream.getReader({ mode: 'byob' }).read(Buffer.alloc(4))
    .then(common.mustCall(({ value, done }) => {
      assert.strictEqual(done, false);
      assert.strictEqual(Object.getPrototypeOf(value), Buffer.prototype);
      assert.deepStrictEqual(Array.from(value), [7, 8]);
      assert.strictEqual(value.buffer.byteLength, 4);
    }));
}
