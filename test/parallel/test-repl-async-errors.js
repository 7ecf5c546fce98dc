'use strict';
// A repl.start() REPL shows what its input throws later (in a timer, a
// tick, a promise callback) as "Uncaught ..." and goes on; the process
// sees none of it, and input may not add 'uncaughtException' listeners.
const common = require('../common');
const { assert } = common;
const repl = require('repl');
const { PassThrough } = require('stream');

const input = new PassThrough();
const output = new PassThrough();
let out = '';
output.on('data', (d) => { out += d; });
const r = repl.start({ input, output, prompt: '> ', terminal: false,
                       useColors: false });
process.on('exit', () => {
  assert.strictEqual(process.listenerCount('uncaughtException'), 0);
});

input.write('setTimeout(() => { throw new RangeError("later") }, 1); 1\n');
input.write('process.nextTick(() => { throw new TypeError("tick") }); 2\n');
input.write('process.on("uncaughtException", () => {})\n');
setTimeout(common.mustCall(() => {
  input.write('40 + 2\n');
  setTimeout(common.mustCall(() => {
    assert.match(out, /> Uncaught RangeError: later\n/);
    assert.match(out, /> Uncaught TypeError: tick\n/);
    assert.doesNotMatch(out, /domainThrown/);
    assert.match(out, /Uncaught:\nTypeError \[ERR_INVALID_REPL_INPUT\]: Listeners for `uncaughtException` cannot be used in the REPL/);
    assert.match(out, /> 42\n/);
    r.close();
  }), 50);
}), 50);
