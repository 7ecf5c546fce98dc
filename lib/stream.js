'use strict';

// The stream module. require('stream') is the legacy Stream constructor
// itself, carrying the stream classes and helpers as properties.
// Not provided: the web-stream bridges (fromWeb/toWeb).

const { Stream } = require('internal/streams/legacy');
const utils = require('internal/streams/utils');
const destroyImpl = require('internal/streams/destroy');
const eos = require('internal/streams/end-of-stream');
const { pipeline } = require('internal/streams/pipeline');
const { addAbortSignal } = require('internal/streams/add-abort-signal');
const {
  getDefaultHighWaterMark,
  setDefaultHighWaterMark,
} = require('internal/streams/state');
const { isUint8Array, fromUint8Array } = require('internal/streams/chunk');

const kPromisifyCustom = Symbol.for('nodejs.util.promisify.custom');

let promises;
function lazyPromises() {
  if (promises === undefined) promises = require('stream/promises');
  return promises;
}

module.exports = Stream;

Stream.isDestroyed = utils.isDestroyed;
Stream.isDisturbed = utils.isDisturbed;
Stream.isErrored = utils.isErrored;
Stream.isReadable = utils.isReadable;
Stream.isWritable = utils.isWritable;
Stream.Readable = require('internal/streams/readable');
Stream.Writable = require('internal/streams/writable');
Stream.Duplex = require('internal/streams/duplex');
Stream.Transform = require('internal/streams/transform');
Stream.PassThrough = require('internal/streams/passthrough');
Stream.pipeline = pipeline;
Stream.addAbortSignal = addAbortSignal;
Stream.finished = eos;
Stream.destroy = destroyImpl.destroyer;
Stream.compose = require('internal/streams/compose');
Stream.setDefaultHighWaterMark = setDefaultHighWaterMark;
Stream.getDefaultHighWaterMark = getDefaultHighWaterMark;

Object.defineProperty(Stream, 'promises', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get: lazyPromises,
});

// util.promisify(pipeline) and util.promisify(finished) give the
// promise versions.
Object.defineProperty(pipeline, kPromisifyCustom, {
  __proto__: null,
  enumerable: true,
  get() { return lazyPromises().pipeline; },
});
Object.defineProperty(eos, kPromisifyCustom, {
  __proto__: null,
  enumerable: true,
  get() { return lazyPromises().finished; },
});

// Backwards compatibility: Stream.Stream and the Uint8Array helpers.
Stream.Stream = Stream;
Stream._isUint8Array = isUint8Array;
Stream._uint8ArrayToBuffer = function _uint8ArrayToBuffer(chunk) {
  return fromUint8Array(chunk);
};
