'use strict';
// readline.cursorTo / moveCursor / clearLine / clearScreenDown: the ANSI
// sequence written, the write() result returned, callbacks, and checks.
const common = require('../common');
const { assert } = common;
const readline = require('readline');
const { Writable } = require('stream');

const writes = [];
// A small high-water mark: write() returns false for 4 bytes or more.
const stream = new Writable({
  decodeStrings: false,
  highWaterMark: 4,
  write(chunk, encoding, callback) {
    writes.push(chunk);
    callback();
  },
});

function check(fn, args, result, written) {
  writes.length = 0;
  const what = `${fn}(${args.map((a) => JSON.stringify(a)).join(', ')})`;
  assert.strictEqual(readline[fn](stream, ...args), result, what);
  assert.deepStrictEqual(writes, written, what);
}

check('cursorTo', [1], false, ['\x1b[2G']);
check('cursorTo', [1, 2], false, ['\x1b[3;2H']);
check('cursorTo', [0, 0], false, ['\x1b[1;1H']);
check('cursorTo', [1, 'b'], false, ['\x1b[2G']);
check('cursorTo', [1.5], false, ['\x1b[2.5G']);
// Nothing numeric: nothing written.
check('cursorTo', ['a'], true, []);
check('cursorTo', [], true, []);

check('moveCursor', [1, 0], false, ['\x1b[1C']);
check('moveCursor', [-2, -3], false, ['\x1b[2D\x1b[3A']);
check('moveCursor', [0, 5], false, ['\x1b[5B']);
check('moveCursor', [NaN, 1], false, ['\x1b[1B']);
check('moveCursor', [0, 0], true, []);
check('moveCursor', ['a', 0], true, ['']);

check('clearLine', [-1], false, ['\x1b[1K']);
check('clearLine', [1], false, ['\x1b[0K']);
check('clearLine', [0], false, ['\x1b[2K']);
check('clearLine', [], false, ['\x1b[2K']);

check('clearScreenDown', [], false, ['\x1b[0J']);

// Without a stream: true, and the callback gets null on the next tick.
for (const [fn, args] of [['cursorTo', [1]], ['moveCursor', [1, 1]],
                          ['clearLine', [0]], ['clearScreenDown', []]]) {
  let sync = true;
  const result = readline[fn](null, ...args, common.mustCall((err) => {
    assert.strictEqual(err, null);
    assert.strictEqual(sync, false);
  }));
  sync = false;
  assert.strictEqual(result, true, fn);
  assert.strictEqual(readline[fn](undefined, ...args), true, fn);
}

// With a stream the callback goes to write(); cursorTo takes it in
// place of y.
readline.cursorTo(stream, 1, common.mustCall());
readline.cursorTo(stream, 1, 2, common.mustCall());
readline.moveCursor(stream, 1, 0, common.mustCall());
readline.moveCursor(stream, 0, 0, common.mustCall((err) => {
  assert.strictEqual(err, null);
}));
readline.clearLine(stream, 0, common.mustCall());
readline.clearScreenDown(stream, common.mustCall());

// Checks.
const badCallback = {
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "callback" argument must be of type function. ' +
           "Received type string ('x')",
};
assert.throws(() => readline.cursorTo(stream, 1, 2, 'x'), badCallback);
assert.throws(() => readline.cursorTo(null, 1, 2, 'x'), badCallback);
assert.throws(() => readline.moveCursor(stream, 0, 0, 'x'), badCallback);
assert.throws(() => readline.clearLine(null, 0, 'x'), badCallback);
assert.throws(() => readline.clearScreenDown(stream, 'x'), badCallback);
assert.throws(() => readline.cursorTo(stream, NaN), {
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'x' is invalid. Received NaN",
});
assert.throws(() => readline.cursorTo(null, NaN),
              { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => readline.cursorTo(stream, 1, NaN), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'y' is invalid. Received NaN",
});
// A row needs a column.
for (const x of [undefined, '1']) {
  assert.throws(() => readline.cursorTo(stream, x, 2), {
    name: 'TypeError',
    code: 'ERR_INVALID_CURSOR_POS',
    message: 'Cannot set cursor row without setting its column',
  });
}
