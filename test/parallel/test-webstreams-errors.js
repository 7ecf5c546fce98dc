'use strict';
// WHATWG streams: errors (class, code, message) and util.inspect output,
// as Node 18 gives them; the globals and require('stream/web').
const common = require('../common');
const assert = require('assert');
const util = require('util');
const web = require('stream/web');

for (const name of ['ReadableStream', 'ReadableStreamDefaultReader',
  'ReadableStreamDefaultController', 'WritableStream',
  'WritableStreamDefaultWriter', 'WritableStreamDefaultController',
  'TransformStream', 'TransformStreamDefaultController',
  'ByteLengthQueuingStrategy', 'CountQueuingStrategy']) {
  assert.strictEqual(globalThis[name], web[name], name);
  assert.strictEqual(require('node:stream/web')[name], web[name]);
  const desc = Object.getOwnPropertyDescriptor(globalThis, name);
  assert.strictEqual(desc.enumerable, false);
}

const state = (message) => ({ name: 'TypeError', code: 'ERR_INVALID_STATE',
                              message: `Invalid state: ${message}` });

// ReadableStream
const rs = new ReadableStream();
assert.strictEqual(util.inspect(rs),
                   "ReadableStream { locked: false, state: 'readable', " +
                   'supportsBYOB: false }');
const reader = rs.getReader();
assert.strictEqual(rs.locked, true);
assert.throws(() => rs.getReader(), state('ReadableStream is locked'));
assert.throws(() => ReadableStream.prototype.getReader.call({}), {
  name: 'TypeError', code: 'ERR_INVALID_THIS',
  message: 'Value of "this" must be of type ReadableStream',
});
assert.throws(() => new ReadableStream({ type: 'foo' }), {
  name: 'TypeError', code: 'ERR_INVALID_ARG_VALUE',
  message: "The property 'source.type' is invalid. Received 'foo'",
});
assert.throws(() => new ReadableStreamDefaultReader(1), {
  name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "stream" argument must be an instance of ReadableStream. ' +
           'Received type number (1)',
});
assert.throws(() => new ReadableStreamDefaultController(), {
  name: 'TypeError', code: 'ERR_ILLEGAL_CONSTRUCTOR',
});
assert.throws(() => new ReadableStream({}, { highWaterMark: -1 }), {
  name: 'RangeError', code: 'ERR_INVALID_ARG_VALUE',
  message: "The property 'strategy.highWaterMark' is invalid. Received -1",
});
assert.throws(() => new ReadableStream({}, { size: 1 }), {
  name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "strategy.size" property must be of type function. ' +
           'Received type number (1)',
});
assert.throws(() => new ReadableStream({ start: 1 }), TypeError);
const pendingRead = reader.read();
reader.releaseLock();
assert.rejects(pendingRead, state('Releasing reader')).then(common.mustCall());
assert.rejects(reader.closed, state('Reader released')).then(common.mustCall());
assert.rejects(reader.read(), state('The reader is not attached to a stream'))
  .then(common.mustCall());

let controller;
const closed = new ReadableStream({ start(c) { controller = c; } });
controller.close();
assert.throws(() => controller.enqueue(1),
              state('Controller is already closed'));
assert.throws(() => controller.close(), state('Controller is already closed'));
closed.cancel().then(common.mustCall((v) => assert.strictEqual(v, undefined)));

const locked = new ReadableStream();
locked.getReader();
assert.rejects(locked.cancel(), state('ReadableStream is locked'))
  .then(common.mustCall());
assert.rejects(locked.pipeTo(new WritableStream()),
               state('The ReadableStream is locked')).then(common.mustCall());
assert.rejects(new ReadableStream().pipeTo(1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "transform.writable" property must be an instance of ' +
           'WritableStream. Received type number (1)',
}).then(common.mustCall());
assert.throws(() => new ReadableStream().pipeThrough({ readable: 1 }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "transform.readable" property must be an instance of ' +
           'ReadableStream. Received type number (1)',
});

// Queuing strategies
assert.throws(() => new CountQueuingStrategy(), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "init" argument must be of type object. Received undefined',
});
assert.throws(() => new CountQueuingStrategy({}), {
  code: 'ERR_MISSING_OPTION', message: 'init.highWaterMark is required',
});
const count = new CountQueuingStrategy({ highWaterMark: 2 });
assert.strictEqual(util.inspect(count), 'CountQueuingStrategy { highWaterMark: 2 }');
assert.strictEqual(count.size(), 1);
assert.strictEqual(count.size, new CountQueuingStrategy({ highWaterMark: 1 }).size);
const bytes = new ByteLengthQueuingStrategy({ highWaterMark: 4 });
assert.strictEqual(bytes.size(new Uint8Array(3)), 3);
assert.strictEqual(util.inspect(bytes),
                   'ByteLengthQueuingStrategy { highWaterMark: 4 }');

// WritableStream
const ws = new WritableStream();
assert.strictEqual(util.inspect(ws),
                   "WritableStream { locked: false, state: 'writable' }");
const writer = ws.getWriter();
assert.strictEqual(util.inspect(writer),
                   'WritableStreamDefaultWriter {\n' +
                   "  stream: WritableStream { locked: true, state: 'writable' },\n" +
                   '  close: Promise { <pending> },\n' +
                   '  ready: Promise { undefined },\n' +
                   '  desiredSize: 1\n}');
assert.throws(() => ws.getWriter(), state('WritableStream is locked'));
assert.rejects(ws.abort(), state('WritableStream is locked'))
  .then(common.mustCall());
writer.releaseLock();
assert.rejects(writer.closed, state('Writer has been released'))
  .then(common.mustCall());
assert.rejects(writer.write(1),
               state('Writer is not bound to a WritableStream'))
  .then(common.mustCall());
assert.throws(() => writer.desiredSize,
              state('Writer is not bound to a WritableStream'));
assert.throws(() => new WritableStream({ type: 'x' }), {
  name: 'RangeError', code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'type' is invalid. Received 'x'",
});
const closing = new WritableStream().getWriter();
closing.close();
assert.rejects(closing.write(1), state('WritableStream is closed'))
  .then(common.mustCall());
assert.rejects(closing.close(), state('Failure to close WritableStream'))
  .then(common.mustCall());

// TransformStream
assert.strictEqual(util.inspect(new TransformStream()),
                   'TransformStream {\n' +
                   "  readable: ReadableStream { locked: false, state: 'readable', supportsBYOB: false },\n" +
                   "  writable: WritableStream { locked: false, state: 'writable' },\n" +
                   '  backpressure: true\n}');
assert.throws(() => new TransformStream({ readableType: 'x' }), {
  name: 'RangeError',
  message: "The property 'transformer.readableType' is invalid. Received 'x'",
});
let tc;
const ts = new TransformStream({ start(c) { tc = c; } });
tc.terminate();
assert.throws(() => tc.enqueue(1), state('Unable to enqueue'));
assert.rejects(ts.writable.getWriter().write(1),
               state('TransformStream has been terminated'))
  .then(common.mustCall());
