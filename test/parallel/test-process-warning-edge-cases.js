'use strict';
// process.emitWarning: with process.throwDeprecation a deprecation warning
// is thrown from the next tick (an uncaught exception, not a throw out of
// emitWarning); a 'warning' event with a non-Error argument prints nothing.
const common = require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');

if (process.argv[2] === 'child') {
  process.emit('warning', 'not an error');
  process.emit('warning', { name: 'Warning', message: 'plain object' });
  process.emitWarning('printed');
  return;
}

const child = spawnSync(process.execPath, [__filename, 'child']);
const lines = child.stderr.toString().split('\n');
assert.match(lines[0], /^\(node:\d+\) Warning: printed$/);
assert.doesNotMatch(child.stderr.toString(), /not an error|plain object/);

process.throwDeprecation = true;
process.on('uncaughtException', common.mustCall((err) => {
  assert.strictEqual(err.name, 'DeprecationWarning');
  assert.strictEqual(err.message, 'old thing');
}));
process.on('warning', common.mustNotCall());
let threw = false;
try {
  process.emitWarning('old thing', 'DeprecationWarning');
} catch {
  threw = true;
}
assert.strictEqual(threw, false);
