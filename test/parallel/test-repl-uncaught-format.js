'use strict';
// How the REPL shows what was thrown: errors on the "Uncaught" line even
// when they carry properties; other values over several lines start on a
// line of their own; a failed require names '<repl>' in its stack.
require('../common');
const assert = require('assert');
const repl = require('repl');
const { PassThrough } = require('stream');

const input = new PassThrough();
const output = new PassThrough();
let text = '';
output.setEncoding('utf8').on('data', (d) => { text += d; });
const r = repl.start({ input, output, prompt: '> ', terminal: false });
input.end("throw Object.assign(new Error('x'), { code: 'E' })\n" +
          "throw { a: 'x'.repeat(80), b: 1 }\n" +
          "require('./surely-not-here')\n" +
          'module.filename\n');
r.on('exit', () => {
  assert.match(text, /> Uncaught \[Error: x\] \{ code: 'E' \}\n/);
  assert.match(text, /> Uncaught:\n\{\n {2}a: 'x+',\n {2}b: 1\n\}\n/);
  assert.match(text, /Uncaught Error: Cannot find module '\.\/surely-not-here'\nRequire stack:\n- <repl>\n/);
  assert.match(text, /requireStack: \[ '<repl>' \]/);
  assert.match(text, /> null\n/);
});
