'use strict';
// ReadableStream, WritableStream and TransformStream: the order of the
// source/sink callbacks and of promise resolutions, as Node 18 gives it
// (pull and write with backpressure, tee, async iteration, pipeThrough,
// pipeTo with an AbortSignal, errors propagated both ways).
const common = require('../common');
const assert = require('assert');

const expected = [
  'start',
  'wstart',
  'ds 1',
  'ds 0',
  'pull 0',
  'write a',
  'ready',
  'tick1',
  'read 0 false',
  'pull 1',
  'tick2',
  'read 1 false',
  'pull 2',
  'tick3',
  'read 2 false',
  'pull 3',
  'write b',
  'read undefined true',
  'a done',
  'wclose',
  '{"value":"x","done":false}',
  'b done',
  'b2 x',
  'closed',
  'closed promise',
  'b2 y',
  '{"value":"y","done":false}',
  '{"done":true}',
  'tstart',
  'transform p',
  'sink P',
  'transform q',
  'sink Q',
  'flush',
  'sink !',
  'sink close',
  'piped',
  'slow write 1',
  'slow abort AbortError',
  'slow cancel AbortError',
  'pipe rejected AbortError',
  'iter 1',
  'locked after preventCancel break false',
  'iter2 2',
  'it cancel undefined',
  'write rejected boom',
  'ready rejected boom',
  'closed rejected boom',
  'dest abort rerr',
  'pipe err rerr',
];
// The scenario is test/differential/webstreams-order.js.
const log = common.differentialOutput('webstreams-order').split('\n');
assert.deepStrictEqual(log, expected);
