'use strict';
// process.stdout and process.stderr: writable streams on fds 1 and 2 with
// write(), isTTY and the usual stream surface.
const common = require('../common');
const { assert } = common;

for (const [name, fd] of [['stdout', 1], ['stderr', 2]]) {
  const s = process[name];
  assert.ok(s, name);
  assert.strictEqual(s.fd, fd);
  assert.strictEqual(typeof s.write, 'function');
  assert.strictEqual(typeof s.end, 'function');
  assert.strictEqual(typeof s.on, 'function');
  assert.strictEqual(s.writable, true);
  // isTTY is true on a terminal and absent (undefined) otherwise; the
  // test runner does not give us a terminal.
  assert.ok(s.isTTY === true || s.isTTY === undefined, `${s.isTTY}`);
  if (s.isTTY) {
    assert.ok(Number.isInteger(s.columns));
  }
  // The same object every time.
  assert.strictEqual(process[name], s);
}
assert.notStrictEqual(process.stdout, process.stderr);

// write() takes strings, returns a boolean, and calls its callback.
assert.strictEqual(typeof process.stdout.write(''), 'boolean');
process.stdout.write('stdout line\n', common.mustCall((err) => {
  assert.ok(err == null);
}));
process.stderr.write('stderr line\n', common.mustCall());
process.stdout.write('with encoding\n', 'utf8', common.mustCall());
// Non-string, non-buffer chunks are refused.
assert.throws(() => process.stdout.write(5), {
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_TYPE',
});
// Uint8Array chunks are accepted.
process.stdout.write(new Uint8Array([0x6f, 0x6b, 0x0a]), common.mustCall());

// stdin exists lazily and reads fd 0.
assert.strictEqual(process.stdin.fd, 0);
