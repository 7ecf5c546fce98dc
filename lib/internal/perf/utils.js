'use strict';

// The clock of the performance APIs: milliseconds, with sub-millisecond
// precision, since the runtime was created (the moment process.uptime()
// counts from). Event timestamps and performance entries all use it.

// uptime() is measured from the runtime's creation on the same monotonic
// clock as hrtime, so the two together give that moment in hrtime units.
const originNs = process.hrtime.bigint() -
  BigInt(Math.round(process.uptime() * 1e9));

function now() {
  return Number(process.hrtime.bigint() - originNs) / 1e6;
}

// The wall-clock time of the origin, in ms since the epoch.
const timeOrigin = Date.now() - now();

// Start-up moments (ms on the now() clock), -1 until known. The runtime
// records bootstrapComplete, loopStart and loopExit as hrtime readings in
// the realm (without loading this module); they are read when asked for.
const recorded = require('internal/bootstrap/realm').milestones;
const milestones = { __proto__: null };
for (const name of ['nodeStart', 'v8Start', 'environment',
  'bootstrapComplete', 'loopStart', 'loopExit']) {
  Object.defineProperty(milestones, name, {
    get() {
      if (name === 'nodeStart') return 0;
      const r = recorded[name];
      if (r === undefined) return -1;
      return typeof r === 'bigint' ? Number(r - originNs) / 1e6 : r;
    },
    enumerable: true,
  });
}

function setMilestone(name, time = now()) {
  if (name in milestones) recorded[name] = time;
}

module.exports = {
  now,
  timeOrigin,
  milestones,
  setMilestone,
};
