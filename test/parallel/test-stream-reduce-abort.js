'use strict';
// reduce() with an already aborted signal rejects with an AbortError and
// destroys the stream first.
const common = require('../common');
const assert = require('assert');
const { Readable } = require('stream');

const stream = Readable.from([1, 2, 3]);
assert.rejects(stream.reduce((a, b) => a + b, 0,
                             { signal: AbortSignal.abort('why') }),
               { name: 'AbortError', cause: 'why' })
  .then(common.mustCall(() => {
    assert.strictEqual(stream.destroyed, true);
  }));

// Without a signal it still adds up.
Readable.from([1, 2, 3]).reduce((a, b) => a + b, 0)
  .then(common.mustCall((sum) => assert.strictEqual(sum, 6)));
