'use strict';
// Blob (buffer.Blob and the global): parts, type, endings, slice, text(),
// arrayBuffer(), stream(), errors and util.inspect as in Node 18.
const common = require('../common');
const assert = require('assert');
const util = require('util');
const { Blob } = require('buffer');

assert.strictEqual(Blob, globalThis.Blob);
assert.strictEqual(Object.getOwnPropertyDescriptor(globalThis, 'Blob')
  .enumerable, false);

const blob = new Blob(['héllo', new Uint8Array([65, 66]), new ArrayBuffer(2),
                       new Blob(['xyz'])], { type: 'Text/Plain' });
assert.strictEqual(blob.size, 13);
assert.strictEqual(blob.type, 'text/plain');
assert.strictEqual(util.inspect(blob), "Blob { size: 13, type: 'text/plain' }");
assert.strictEqual(util.inspect({ blob }, { depth: 0 }), '{ blob: [Blob] }');
assert.strictEqual(Object.prototype.toString.call(blob), '[object Blob]');
assert.deepStrictEqual(Object.keys(blob), []);
assert.deepStrictEqual(Object.getOwnPropertyNames(Blob.prototype),
                       ['constructor', 'type', 'size', 'slice', 'arrayBuffer',
                        'text', 'stream']);

assert.strictEqual(util.inspect(blob.slice(1, 3)), "Blob { size: 2, type: '' }");
assert.strictEqual(util.inspect(blob.slice(-3, -1, 'A/B')),
                   "Blob { size: 2, type: 'a/b' }");
assert.strictEqual(blob.slice(5, 1).size, 0);
assert.strictEqual(blob.slice(-100).size, 13);
assert.strictEqual(new Blob([], { type: 'é' }).type, '');
assert.strictEqual(new Blob([], { type: 'a\x19' }).type, '');
assert.strictEqual(new Blob([new Uint16Array([1, 2])]).size, 4);
assert.strictEqual(new Blob([new DataView(new ArrayBuffer(3))]).size, 3);
assert.strictEqual(new Blob([1, {}]).size, 16);
assert.strictEqual(new Blob(['a\nb\r\nc\rd'], { endings: 'native' }).size, 7);
assert.strictEqual(new Blob(['a\nb\r\nc'], { endings: 'transparent' }).size, 6);

// The bytes are copied when the Blob is made.
const source = new Uint8Array([1, 2, 3]);
const copied = new Blob([source]);
source[0] = 9;
copied.arrayBuffer().then(common.mustCall((ab) => {
  assert.deepStrictEqual(new Uint8Array(ab), new Uint8Array([1, 2, 3]));
}));

assert.throws(() => new Blob('abc'), {
  name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "sources" argument must be a sequence. ' +
           "Received type string ('abc')",
});
assert.throws(() => new Blob([], { endings: 'x' }), {
  name: 'TypeError', code: 'ERR_INVALID_ARG_VALUE',
  message: "The property 'options.endings' is invalid. Received 'x'",
});
assert.throws(() => new Blob([], 1), {
  name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options" argument must be a dictionary. ' +
           'Received type number (1)',
});
const invalidThis = {
  name: 'TypeError', code: 'ERR_INVALID_THIS',
  message: 'Value of "this" must be of type Blob',
};
assert.throws(() => Blob.prototype.size, invalidThis);
assert.rejects(Blob.prototype.text.call({}), invalidThis)
  .then(common.mustCall());

blob.text().then(common.mustCall((text) => {
  assert.strictEqual(text, 'hélloAB\u0000\u0000xyz');
}));
blob.slice(1, 4).text().then(common.mustCall((text) => {
  assert.strictEqual(text, 'él');
}));
blob.arrayBuffer().then(common.mustCall((ab) => {
  assert.strictEqual(ab.constructor, ArrayBuffer);
  assert.strictEqual(ab.byteLength, 13);
}));

const stream = blob.stream();
assert.strictEqual(util.inspect(stream),
                   "ReadableStream { locked: false, state: 'readable', " +
                   'supportsBYOB: false }');
(async () => {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  assert.strictEqual(chunks.length, 1);
  assert.ok(chunks[0] instanceof Uint8Array);
  assert.strictEqual(Buffer.from(chunks[0]).toString('latin1'),
                     Buffer.from('hélloAB\0\0xyz').toString('latin1'));
})().then(common.mustCall());
