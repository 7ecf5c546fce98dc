'use strict';
// performance.eventLoopUtilization() and nodeTiming.idleTime from the
// loop's idle-time metrics: idle while a timer is awaited, active while
// JS spins, and the delta forms.
const common = require('../common');
const assert = require('assert');
const { performance, Performance } = require('perf_hooks');

const names = Object.getOwnPropertyNames(Performance.prototype);
assert.strictEqual(names[names.indexOf('clearResourceTimings') + 1],
                   'eventLoopUtilization');
const start = performance.eventLoopUtilization();
assert.deepStrictEqual(Object.keys(start), ['idle', 'active', 'utilization']);

setTimeout(common.mustCall(() => {
  const e1 = performance.eventLoopUtilization();
  assert(e1.idle >= 50, `idle ${e1.idle}`);
  assert(e1.utilization > 0 && e1.utilization < 0.8, `${e1.utilization}`);
  assert(performance.nodeTiming.idleTime >= e1.idle);
  assert(performance.nodeTiming.loopStart > 0);

  const t = performance.now();
  while (performance.now() - t < 40);
  const e2 = performance.eventLoopUtilization(e1);
  assert.strictEqual(e2.idle, 0);
  assert(e2.active >= 40, `active ${e2.active}`);
  assert.strictEqual(e2.utilization, 1);

  const now = performance.eventLoopUtilization();
  const between = performance.eventLoopUtilization(now, e1);
  assert.strictEqual(between.idle, now.idle - e1.idle);
  assert.strictEqual(between.active, now.active - e1.active);
  assert.strictEqual(between.utilization,
                     between.active / (between.idle + between.active));
}), 80);
