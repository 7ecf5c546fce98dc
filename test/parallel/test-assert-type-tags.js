'use strict';
// Deep equality looks at what values really are, not at what their
// prototypes or Symbol.toStringTag claim.
require('../common');
const assert = require('assert');

assert.strictEqual(Object.prototype.toString.call(globalThis),
                   '[object global]');
assert.strictEqual(Object.prototype.toString.call(process), '[object process]');

// A copy of the global object or of process is not them.
for (const real of [globalThis, process]) {
  const fake = Object.setPrototypeOf({}, Object.getPrototypeOf(real));
  for (const key of Object.keys(real)) fake[key] = real[key];
  assert.notDeepEqual(fake, real);
  assert.throws(() => assert.deepStrictEqual(fake, real),
                assert.AssertionError);
}

// Same bytes, other kind of typed array, even dressed up as the first.
const a = new Uint8Array(4);
const b = new Int8Array(4);
Object.defineProperty(b, Symbol.toStringTag, { value: 'Uint8Array' });
Object.setPrototypeOf(b, Uint8Array.prototype);
assert.notDeepEqual(a, b);
assert.notDeepStrictEqual(a, b);
assert.deepEqual(new Uint8Array(4), a);
