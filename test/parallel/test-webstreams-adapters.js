'use strict';
// Readable.toWeb/fromWeb and Writable.toWeb/fromWeb: chunk types, the
// modes and high-water marks they get, cancel and errors both ways, and
// argument errors; everything printed is compared with what Node 18 prints.
const common = require('../common');
const assert = require('assert');

const expected = "ReadableStream { locked: false, state: 'readable', supportsBYOB: false }\nWritableStream { locked: false, state: 'writable' }\nobj string a\nobj string b\nbytes Uint8Array 120,121\nbytes Uint8Array 122\ndestroyed undefined undefined\nr3 destroyed true\nrs4 oops\nfromWeb true 16\nnr p\nnr q\nnr2 \"hi\"\nnr3 Buffer {\"type\":\"Buffer\",\"data\":[104,105]}\nfinal\nchunks hello|! finished true\nfromWeb w false 16384 false\nws2 close\nsink object:Buffer:abc object:Buffer:d\nTypeError ERR_INVALID_ARG_TYPE The \"readableStream\" argument must be an instance of ReadableStream. Received an instance of Object\nTypeError ERR_INVALID_ARG_TYPE The \"streamReadable\" argument must be an stream.Readable. Received an instance of Object\nTypeError ERR_INVALID_ARG_TYPE The \"writableStream\" argument must be an instance of WritableStream. Received an instance of Object\nTypeError ERR_INVALID_ARG_TYPE The \"streamWritable\" argument must be an stream.Writable. Received an instance of Object";
// The scenario is test/differential/webstreams-adapters.js.
assert.strictEqual(common.differentialOutput('webstreams-adapters'), expected);
