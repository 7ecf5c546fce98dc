'use strict';
// Byte streams: ReadableByteStreamController, the BYOB reader and its
// requests (respond, respondWithNewView, a remainder byte carried to the
// next read), autoAllocateChunkSize, errors and inspect output; everything
// printed is compared with what Node 18 prints.
const common = require('../common');
const assert = require('assert');

const expected = "ReadableStream { locked: false, state: 'readable', supportsBYOB: true }\nReadableByteStreamController {}\nReadableStreamBYOBReader {\n  stream: ReadableStream { locked: true, state: 'readable', supportsBYOB: true },\n  requestIntoRequests: 0,\n  close: Promise { <pending> }\n}\nTypeError ERR_INVALID_ARG_VALUE The argument 'stream' must be a byte stream. Received ReadableStream { locked: false, state: 'readable', supportsBYOB: false }\nTypeError ERR_INVALID_ARG_VALUE The property 'options.mode' is invalid. Received 'x'\nRangeError ERR_INVALID_ARG_VALUE The property 'strategy.size' is invalid. Received [Function: size]\nTypeError ERR_INVALID_ARG_VALUE The property 'source.autoAllocateChunkSize' is invalid. Received 0\nTypeError ERR_INVALID_ARG_TYPE The \"buffer\" argument must be an instance of Buffer, TypedArray, or DataView. Received type string ('x')\nTypeError ERR_INVALID_STATE Invalid state: chunk ArrayBuffer is zero-length or detached\nread1 TypeError ERR_INVALID_ARG_TYPE The \"view\" argument must be an instance of Buffer, TypedArray, or DataView. Received type number (1)\nread0 TypeError ERR_INVALID_STATE Invalid state: View or Viewed ArrayBuffer is zero-length or detached\npull 8\nbyobreq ReadableStreamBYOBRequest {\n  view: Uint8Array(8) [\n    0, 0, 0, 0,\n    0, 0, 0, 0\n  ],\n  controller: ReadableByteStreamController {}\n}\ngot Uint16Array 1 false 1,2,3,0,0,0,0,0\ngot2 3,9\ngot3 8,7,6,5 4\npull 4\ngot4 DataView 2\npull null\ngot5 Uint8Array 42\n{\"value\":{\"0\":1,\"1\":2},\"done\":false}\n{\"done\":true}\ngot6 true 0\napull 8\nauto Uint8Array 1\napull 8\nauto Uint8Array 2";
// The scenario is test/differential/webstreams-bytes.js.
assert.strictEqual(common.differentialOutput('webstreams-bytes'), expected);
