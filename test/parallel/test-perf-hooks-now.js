'use strict';
// performance.now() and timeOrigin: a monotonic ms clock with
// sub-millisecond precision, starting at the process's start.
const { assert } = require('../common');
const { performance } = require('perf_hooks');

if (globalThis.performance !== undefined) {
  assert.strictEqual(globalThis.performance, performance);
}

const a = performance.now();
assert.strictEqual(typeof a, 'number');
assert.ok(a > 0 && a < 60000, `now() is ${a}`);
// Sub-millisecond: readings differ within a millisecond, and their
// fractional part is used. (Bounds are loose: a loaded machine may pause
// the process between two readings.)
let b = performance.now();
while (b === a) b = performance.now();
assert.ok(b - a < 50, `consecutive readings ${b - a} ms apart`);
let fractional = false;
for (let i = 0; i < 100 && !fractional; i++) {
  fractional = performance.now() % 1 !== 0;
}
assert.ok(fractional, 'now() has sub-millisecond precision');

// now() follows hrtime.
{
  const h0 = process.hrtime.bigint();
  const p0 = performance.now();
  const until = Date.now() + 20;
  while (Date.now() < until);
  const h1 = process.hrtime.bigint();
  const p1 = performance.now();
  const hms = Number(h1 - h0) / 1e6;
  assert.ok(Math.abs((p1 - p0) - hms) < 5, `${p1 - p0} vs ${hms}`);
}

// timeOrigin + now() is the wall-clock time.
assert.strictEqual(typeof performance.timeOrigin, 'number');
assert.ok(Math.abs(performance.timeOrigin + performance.now() - Date.now()) <
          50);
// process.uptime() counts from about the same moment.
assert.ok(Math.abs(process.uptime() * 1000 - performance.now()) < 50);

// Methods work detached from the object, as in Node 18.
const { now } = performance;
assert.strictEqual(typeof now(), 'number');

// toJSON() and the node timing entry.
const json = performance.toJSON();
assert.strictEqual(json.timeOrigin, performance.timeOrigin);
assert.strictEqual(json.nodeTiming, performance.nodeTiming);
const nt = performance.nodeTiming;
assert.strictEqual(nt.name, 'node');
assert.strictEqual(nt.entryType, 'node');
assert.strictEqual(nt.startTime, 0);
assert.ok(nt.duration > 0);
assert.ok(nt.nodeStart >= 0 && nt.nodeStart < 50);
assert.deepStrictEqual(Object.keys(nt),
                       ['name', 'entryType', 'startTime', 'duration',
                        'nodeStart', 'v8Start', 'environment', 'loopStart',
                        'loopExit', 'bootstrapComplete', 'idleTime']);
assert.deepStrictEqual(Object.keys(nt.toJSON()),
                       ['name', 'entryType', 'startTime', 'duration',
                        'nodeStart', 'v8Start', 'bootstrapComplete',
                        'environment', 'loopStart', 'loopExit', 'idleTime']);
assert.ok(nt instanceof require('perf_hooks').PerformanceEntry);

// The Performance interface.
const { Performance } = require('perf_hooks');
assert.ok(performance instanceof Performance);
assert.ok(performance instanceof EventTargetClass());
assert.throws(() => new Performance(), {
  code: 'ERR_ILLEGAL_CONSTRUCTOR',
  message: 'Illegal constructor',
});
assert.strictEqual(String(performance), '[object EventTarget]');
assert.match(require('util').inspect(performance),
             /^Performance \{\n {2}nodeTiming: PerformanceNodeTiming \{\n/);
assert.strictEqual(require('util').inspect(performance, { depth: 0 }),
                   'Performance [Object]');

assert.deepStrictEqual(require('perf_hooks').constants, {
  NODE_PERFORMANCE_GC_MAJOR: 4,
  NODE_PERFORMANCE_GC_MINOR: 1,
  NODE_PERFORMANCE_GC_INCREMENTAL: 8,
  NODE_PERFORMANCE_GC_WEAKCB: 16,
  NODE_PERFORMANCE_GC_FLAGS_NO: 0,
  NODE_PERFORMANCE_GC_FLAGS_CONSTRUCT_RETAINED: 2,
  NODE_PERFORMANCE_GC_FLAGS_FORCED: 4,
  NODE_PERFORMANCE_GC_FLAGS_SYNCHRONOUS_PHANTOM_PROCESSING: 8,
  NODE_PERFORMANCE_GC_FLAGS_ALL_AVAILABLE_GARBAGE: 16,
  NODE_PERFORMANCE_GC_FLAGS_ALL_EXTERNAL_MEMORY: 32,
  NODE_PERFORMANCE_GC_FLAGS_SCHEDULE_IDLE: 64,
});

function EventTargetClass() {
  // The global once the runtime installs it.
  let proto = Object.getPrototypeOf(Performance.prototype);
  while (proto.constructor.name !== 'EventTarget') {
    proto = Object.getPrototypeOf(proto);
  }
  return proto.constructor;
}
