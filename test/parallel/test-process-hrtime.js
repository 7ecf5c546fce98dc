'use strict';
// process.hrtime() (tuple and difference form), hrtime.bigint(), uptime().
const common = require('../common');
const { assert } = common;

const t = process.hrtime();
assert.ok(Array.isArray(t));
assert.strictEqual(t.length, 2);
assert.ok(Number.isInteger(t[0]) && t[0] >= 0);
assert.ok(Number.isInteger(t[1]) && t[1] >= 0 && t[1] < 1e9);

// The difference form: time elapsed since `t`, normalised.
const d = process.hrtime(t);
assert.strictEqual(d.length, 2);
assert.ok(d[0] >= 0 && d[1] >= 0 && d[1] < 1e9);
assert.ok(d[0] < 10, `${d}`);
// Against [0, 0] it is the plain reading.
const plain = process.hrtime([0, 0]);
const now = process.hrtime();
assert.ok(now[0] * 1e9 + now[1] >= plain[0] * 1e9 + plain[1]);

// bigint: nanoseconds, monotonic, consistent with the tuple form.
const b1 = process.hrtime.bigint();
assert.strictEqual(typeof b1, 'bigint');
const tuple = process.hrtime();
const b2 = process.hrtime.bigint();
const tupleNs = BigInt(tuple[0]) * 1000000000n + BigInt(tuple[1]);
assert.ok(b1 <= tupleNs && tupleNs <= b2, `${b1} ${tupleNs} ${b2}`);

// It measures real time passing.
const start = process.hrtime.bigint();
const startTuple = process.hrtime();
setTimeout(common.mustCall(() => {
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  assert.ok(ms >= 18 && ms < 5000, `${ms} ms`);
  const [s, ns] = process.hrtime(startTuple);
  const tupleMs = s * 1e3 + ns / 1e6;
  assert.ok(tupleMs >= 18 && tupleMs < 5000, `${tupleMs} ms`);
}), 20);

// Monotonic over many readings.
let last = process.hrtime.bigint();
for (let i = 0; i < 1000; i++) {
  const cur = process.hrtime.bigint();
  assert.ok(cur >= last);
  last = cur;
}

// Bad arguments.
assert.throws(() => process.hrtime(1), {
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "time" argument must be an instance of Array. ' +
    'Received type number (1)',
});
assert.throws(() => process.hrtime([1]), {
  name: 'RangeError',
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "time" is out of range. It must be 2. Received 1',
});
assert.throws(() => process.hrtime([1, 2, 3]), { code: 'ERR_OUT_OF_RANGE' });

// uptime(): seconds since start, a fraction, growing.
const up = process.uptime();
assert.strictEqual(typeof up, 'number');
assert.ok(up > 0 && up < 60, `${up}`);
setTimeout(common.mustCall(() => {
  const later = process.uptime();
  assert.ok(later - up >= 0.025 && later - up < 10, `${up} -> ${later}`);
}), 30);
