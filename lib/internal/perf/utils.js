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

// Start-up moments (ms on the now() clock), -1 until the runtime records
// them through setMilestone().
const milestones = {
  __proto__: null,
  nodeStart: 0,
  v8Start: -1,
  environment: -1,
  bootstrapComplete: -1,
  loopStart: -1,
  loopExit: -1,
};

function setMilestone(name, time = now()) {
  if (name in milestones) milestones[name] = time;
}

module.exports = {
  now,
  timeOrigin,
  milestones,
  setMilestone,
};
