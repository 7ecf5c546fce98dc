'use strict';

// Between Node's streams and the web's: Readable.toWeb/fromWeb and
// Writable.toWeb/fromWeb (experimental in Node 18).

const {
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const { validateObject } = require('internal/validators');
const {
  ReadableStream,
  isReadableStream,
} = require('internal/webstreams/readablestream');
const {
  WritableStream,
  isWritableStream,
} = require('internal/webstreams/writablestream');
const { CountQueuingStrategy } =
  require('internal/webstreams/queuingstrategies');

let streamModule;
function nodeStreams() {
  if (streamModule === undefined) streamModule = require('stream');
  return streamModule;
}

function isNodeReadable(value) {
  return value !== null && typeof value === 'object' &&
    typeof value.pipe === 'function' && typeof value.on === 'function' &&
    value._readableState !== undefined;
}

function isNodeWritable(value) {
  return value !== null && typeof value === 'object' &&
    typeof value.write === 'function' && typeof value.on === 'function' &&
    value._writableState !== undefined;
}

// A ReadableStream of what `readable` gives: its chunks as they are in
// object mode, else as Uint8Array copies. The Readable pauses while the
// ReadableStream's queue is full.
function newReadableStreamFromStreamReadable(readable, options = {}) {
  if (!isNodeReadable(readable)) {
    throw new ERR_INVALID_ARG_TYPE('streamReadable', 'stream.Readable',
                                   readable);
  }
  validateObject(options, 'options');
  const objectMode = readable.readableObjectMode;
  const highWaterMark = readable.readableHighWaterMark;
  const strategy = options.strategy ?? (objectMode ?
    new CountQueuingStrategy({ highWaterMark }) :
    { highWaterMark, size: (chunk) => chunk.byteLength });
  const { finished } = nodeStreams();
  let controller;

  function onData(chunk) {
    if (!objectMode && typeof chunk !== 'string') {
      chunk = new Uint8Array(chunk);
    } else if (!objectMode) {
      chunk = new Uint8Array(Buffer.from(chunk));
    }
    controller.enqueue(chunk);
    if (controller.desiredSize <= 0) readable.pause();
  }

  const cleanup = finished(readable, (err) => {
    cleanup();
    readable.removeListener('data', onData);
    // After cancel() the stream is closed already and these do nothing.
    if (err !== undefined && err !== null) {
      controller.error(err);
      return;
    }
    try {
      controller.close();
    } catch {
      // Closed by cancel(): nothing more to say.
    }
  });
  readable.on('data', onData);

  return new ReadableStream({
    start(c) {
      controller = c;
      readable.pause();
    },
    pull() {
      readable.resume();
    },
    cancel(reason) {
      readable.destroy(reason);
    },
  }, strategy);
}

// A Readable that reads `readableStream` through a default reader.
function newStreamReadableFromReadableStream(readableStream, options = {}) {
  if (!isReadableStream(readableStream)) {
    throw new ERR_INVALID_ARG_TYPE('readableStream', 'ReadableStream',
                                   readableStream);
  }
  validateObject(options, 'options');
  const { highWaterMark, encoding, objectMode = false, signal } = options;
  const reader = readableStream.getReader();
  let closed = false;
  const { Readable } = nodeStreams();
  const readable = new Readable({
    objectMode,
    highWaterMark,
    encoding,
    signal,
    read() {
      reader.read().then(({ value, done }) => {
        if (done) {
          readable.push(null);
        } else {
          readable.push(value);
        }
      }, (err) => readable.destroy(err));
    },
    destroy(error, callback) {
      const done = () => callback(error);
      if (closed) {
        done();
        return;
      }
      reader.cancel(error).then(done, done);
    },
  });
  reader.closed.then(() => { closed = true; }, (err) => {
    closed = true;
    readable.destroy(err);
  });
  return readable;
}

// A WritableStream whose chunks go to `writable`, waiting for 'drain' when
// it asks to.
function newWritableStreamFromStreamWritable(writable) {
  if (!isNodeWritable(writable)) {
    throw new ERR_INVALID_ARG_TYPE('streamWritable', 'stream.Writable',
                                   writable);
  }
  const { finished } = nodeStreams();
  const highWaterMark = writable.writableHighWaterMark;
  const strategy = writable.writableObjectMode ?
    new CountQueuingStrategy({ highWaterMark }) :
    { highWaterMark, size: (chunk) => chunk?.byteLength ?? 1 };
  let controller;
  let closeDone;
  let drain;

  function onDrain() {
    if (drain !== undefined) {
      const resolve = drain;
      drain = undefined;
      resolve();
    }
  }
  writable.on('drain', onDrain);

  const cleanup = finished(writable, (err) => {
    cleanup();
    writable.removeListener('drain', onDrain);
    if (err !== undefined && err !== null) {
      if (closeDone !== undefined) closeDone.reject(err);
      else controller.error(err);
      return;
    }
    if (closeDone !== undefined) closeDone.resolve();
  });

  return new WritableStream({
    start(c) { controller = c; },
    write(chunk) {
      if (writable.writableNeedDrain || !writable.write(chunk)) {
        return new Promise((resolve) => { drain = resolve; });
      }
    },
    abort(reason) {
      writable.destroy(reason);
    },
    close() {
      return new Promise((resolve, reject) => {
        closeDone = { resolve, reject };
        writable.end();
      });
    },
  }, strategy);
}

// A Writable whose chunks go to `writableStream` through a writer.
function newStreamWritableFromWritableStream(writableStream, options = {}) {
  if (!isWritableStream(writableStream)) {
    throw new ERR_INVALID_ARG_TYPE('writableStream', 'WritableStream',
                                   writableStream);
  }
  validateObject(options, 'options');
  const { highWaterMark, decodeStrings = true, objectMode = false,
          signal } = options;
  const writer = writableStream.getWriter();
  let closed = false;
  const { Writable } = nodeStreams();
  const writable = new Writable({
    highWaterMark,
    objectMode,
    decodeStrings,
    signal,
    write(chunk, encoding, callback) {
      writer.ready.then(() => writer.write(chunk))
        .then(() => callback(), callback);
    },
    final(callback) {
      writer.close().then(() => callback(), callback);
    },
    destroy(error, callback) {
      const done = () => callback(error);
      if (closed) {
        done();
        return;
      }
      writer.abort(error).then(done, done);
    },
  });
  writer.closed.then(() => { closed = true; }, (err) => {
    closed = true;
    writable.destroy(err);
  });
  return writable;
}

module.exports = {
  newReadableStreamFromStreamReadable,
  newStreamReadableFromReadableStream,
  newStreamWritableFromWritableStream,
  newWritableStreamFromStreamWritable,
};
