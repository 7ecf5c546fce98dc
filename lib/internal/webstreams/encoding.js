'use strict';

// TextEncoderStream and TextDecoderStream: TransformStreams around the
// TextEncoder and TextDecoder of internal/encoding.

const {
  codes: { ERR_INVALID_THIS },
} = require('internal/errors');
const { inspectAs } = require('internal/util/inspect_helpers');
const { TextDecoder, TextEncoder } = require('internal/encoding');
const { TransformStream } = require('internal/webstreams/transformstream');
const { finishClass } = require('internal/webstreams/readablestream');

const kTransform = Symbol('kTransform');
const kDecoder = Symbol('kDecoder');
const customInspect = Symbol.for('nodejs.util.inspect.custom');

function checkThis(self, name) {
  if (self === null || typeof self !== 'object' ||
      self[kTransform] === undefined || self.constructor?.name !== name) {
    throw new ERR_INVALID_THIS(name);
  }
}

const REPLACEMENT = new Uint8Array([0xef, 0xbf, 0xbd]);

class TextEncoderStream {
  constructor() {
    const encoder = new TextEncoder();
    // A high surrogate that ended the last chunk waits for its pair.
    let pending = '';
    this[kTransform] = new TransformStream({
      transform(chunk, controller) {
        let text = pending + `${chunk}`;
        pending = '';
        const last = text.charCodeAt(text.length - 1);
        if (last >= 0xd800 && last <= 0xdbff) {
          pending = text[text.length - 1];
          text = text.slice(0, -1);
        }
        if (text.length > 0) controller.enqueue(encoder.encode(text));
      },
      flush(controller) {
        if (pending !== '') controller.enqueue(new Uint8Array(REPLACEMENT));
      },
    });
  }

  get encoding() {
    checkThis(this, 'TextEncoderStream');
    return 'utf-8';
  }

  get readable() {
    checkThis(this, 'TextEncoderStream');
    return this[kTransform].readable;
  }

  get writable() {
    checkThis(this, 'TextEncoderStream');
    return this[kTransform].writable;
  }

  [customInspect](depth, options) {
    checkThis(this, 'TextEncoderStream');
    return inspectAs(this, {
      encoding: 'utf-8',
      readable: this[kTransform].readable,
      writable: this[kTransform].writable,
    }, depth, options);
  }
}

class TextDecoderStream {
  constructor(encoding = 'utf-8', options = {}) {
    const decoder = this[kDecoder] = new TextDecoder(encoding, options);
    this[kTransform] = new TransformStream({
      transform(chunk, controller) {
        const text = decoder.decode(chunk, { stream: true });
        if (text.length > 0) controller.enqueue(text);
      },
      flush(controller) {
        const text = decoder.decode();
        if (text.length > 0) controller.enqueue(text);
      },
    });
  }

  get encoding() {
    checkThis(this, 'TextDecoderStream');
    return this[kDecoder].encoding;
  }

  get fatal() {
    checkThis(this, 'TextDecoderStream');
    return this[kDecoder].fatal;
  }

  get ignoreBOM() {
    checkThis(this, 'TextDecoderStream');
    return this[kDecoder].ignoreBOM;
  }

  get readable() {
    checkThis(this, 'TextDecoderStream');
    return this[kTransform].readable;
  }

  get writable() {
    checkThis(this, 'TextDecoderStream');
    return this[kTransform].writable;
  }

  [customInspect](depth, options) {
    checkThis(this, 'TextDecoderStream');
    const decoder = this[kDecoder];
    return inspectAs(this, {
      encoding: decoder.encoding,
      fatal: decoder.fatal,
      ignoreBOM: decoder.ignoreBOM,
      readable: this[kTransform].readable,
      writable: this[kTransform].writable,
    }, depth, options);
  }
}

finishClass(TextEncoderStream, 'TextEncoderStream',
            ['encoding', 'readable', 'writable']);
finishClass(TextDecoderStream, 'TextDecoderStream',
            ['encoding', 'fatal', 'ignoreBOM', 'readable', 'writable']);

module.exports = { TextDecoderStream, TextEncoderStream };
