// Buffer.allocUnsafe and friends may skip zero-filling, but nothing else
// may: safe allocations made after them (also after one that threw) are
// all zeros, and --zero-fill-buffers zero-fills the unsafe ones too.
'use strict';
const common = require('../common');
const { assert } = common;
const { spawnSync } = require('child_process');

const allZero = (u8) => u8.every((x) => x === 0);

for (const size of [100, 5000, 65536, 1 << 20]) {
  const dirty = Buffer.allocUnsafeSlow(size);
  assert.strictEqual(dirty.length, size);
  dirty.fill(0xab);
  const big = Buffer.allocUnsafe(size);
  assert.strictEqual(big.length, size);
  big.fill(0xcd);
  assert.ok(allZero(Buffer.alloc(size)));
  assert.ok(allZero(new Uint8Array(size)));
  assert.ok(allZero(new Uint8Array(new ArrayBuffer(size))));
}

// An unsafe allocation that fails leaves the allocator zero-filling.
assert.throws(() => Buffer.allocUnsafeSlow(-1), { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => Buffer.allocUnsafe(2 ** 53), (err) => err instanceof RangeError);
assert.ok(allZero(new Uint8Array(1 << 20)));
assert.ok(allZero(new Float64Array(1 << 17)));

// Buffer.concat with a length beyond its parts zero-fills the rest.
const c = Buffer.concat([Buffer.from('ab')], 70000);
assert.strictEqual(c.toString('latin1', 0, 2), 'ab');
assert.ok(allZero(c.subarray(2)));

// SlowBuffer and the pool still work.
assert.strictEqual(require('buffer').SlowBuffer(10).length, 10);
assert.strictEqual(Buffer.allocUnsafe(10).length, 10);

const child = spawnSync(process.execPath, [
  '--zero-fill-buffers', '-e',
  'for (let i = 0; i < 50; i++) { const a = Buffer.allocUnsafeSlow(65536);' +
  ' if (!a.every((x) => x === 0)) process.exit(3); a.fill(1);' +
  ' const b = Buffer.allocUnsafe(100);' +
  ' if (!b.every((x) => x === 0)) process.exit(4); b.fill(1); }',
]);
assert.strictEqual(child.status, 0, String(child.stderr));
