'use strict';

// The Performance interface and `performance`, its one instance (also the
// global). Like Node 18's, its methods work detached from the object.

const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const { EventTarget } = require('internal/event_target');
const { now, timeOrigin, milestones } = require('internal/perf/utils');
const {
  PerformanceEntry,
  initEntry,
  inspectEntry,
  kConstruct,
} = require('internal/perf/performance_entry');
const {
  clearEntriesFromBuffer,
  filterBufferMapByNameAndType,
} = require('internal/perf/observe');
const {
  clearMarks,
  clearMeasures,
  mark,
  measure,
} = require('internal/perf/usertiming');
const {
  markResourceTiming,
  setPerformanceObject,
  setResourceTimingBufferSize,
} = require('internal/perf/resource_timing');
const { timerify } = require('internal/perf/timerify');

const customInspect = Symbol.for('nodejs.util.inspect.custom');
const perfBinding = internalBinding('performance');

// How busy the loop was: since it started, or since (or between) earlier
// readings of this function.
function eventLoopUtilization(util1, util2) {
  const loopStart = milestones.loopStart;
  if (loopStart <= 0) return { idle: 0, active: 0, utilization: 0 };
  if (util2) {
    const idle = util1.idle - util2.idle;
    const active = util1.active - util2.active;
    return { idle, active, utilization: active / (idle + active) };
  }
  const idle = perfBinding.loopIdleTime();
  const active = now() - loopStart - idle;
  if (!util1) return { idle, active, utilization: active / (idle + active) };
  const idleDelta = idle - util1.idle;
  const activeDelta = active - util1.active;
  return {
    idle: idleDelta,
    active: activeDelta,
    utilization: activeDelta / (idleDelta + activeDelta),
  };
}

// performance.nodeTiming: the runtime's start-up milestones, and the time
// the loop spent idle (libuv's UV_METRICS_IDLE_TIME, see src/runtime.c).
class PerformanceNodeTiming extends PerformanceEntry {
  constructor() {
    super(arguments[0]);
    initEntry(this, 'node', 'node', 0, 0, undefined);
    const fields = {
      name: () => 'node',
      entryType: () => 'node',
      startTime: () => 0,
      duration: () => now(),
      nodeStart: () => milestones.nodeStart,
      v8Start: () => milestones.v8Start,
      environment: () => milestones.environment,
      loopStart: () => milestones.loopStart,
      loopExit: () => milestones.loopExit,
      bootstrapComplete: () => milestones.bootstrapComplete,
      idleTime: () => perfBinding.loopIdleTime(),
    };
    for (const key of Object.keys(fields)) {
      Object.defineProperty(this, key, {
        get: fields[key], enumerable: true, configurable: true,
      });
    }
  }

  toJSON() {
    return {
      name: 'node',
      entryType: 'node',
      startTime: 0,
      duration: this.duration,
      nodeStart: this.nodeStart,
      v8Start: this.v8Start,
      bootstrapComplete: this.bootstrapComplete,
      environment: this.environment,
      loopStart: this.loopStart,
      loopExit: this.loopExit,
      idleTime: this.idleTime,
    };
  }

  [customInspect](depth, options) {
    return inspectEntry(this, this.toJSON(), depth, options);
  }
}

const nodeTiming = new PerformanceNodeTiming(kConstruct);

class Performance extends EventTarget {
  constructor() {
    if (arguments[0] !== kConstruct) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super();
  }

  clearMarks(name) {
    clearMarks(name);
  }

  clearMeasures(name) {
    clearMeasures(name);
  }

  clearResourceTimings(name) {
    clearEntriesFromBuffer('resource', name);
  }

  eventLoopUtilization(util1, util2) {
    return eventLoopUtilization(util1, util2);
  }

  getEntries() {
    return filterBufferMapByNameAndType(undefined, undefined);
  }

  // Node 18 ignores the second argument, the type, here.
  getEntriesByName(name) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    return filterBufferMapByNameAndType(`${name}`, undefined);
  }

  getEntriesByType(type) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    return filterBufferMapByNameAndType(undefined, `${type}`);
  }

  mark(name) {
    return mark(name, arguments[1]);
  }

  measure(name, startOrMeasureOptions, endMark) {
    return measure(name, startOrMeasureOptions, endMark);
  }

  markResourceTiming(timingInfo, requestedUrl, initiatorType, global,
                     cacheMode) {
    return markResourceTiming(timingInfo, requestedUrl, initiatorType,
                              global, cacheMode);
  }

  now() {
    return now();
  }

  setResourceTimingBufferSize(maxSize) {
    setResourceTimingBufferSize(maxSize);
  }

  timerify(fn) {
    return timerify(fn, arguments[1]);
  }

  get timeOrigin() {
    return timeOrigin;
  }

  toJSON() {
    return {
      nodeTiming: this.nodeTiming,
      timeOrigin: this.timeOrigin,
    };
  }

  [customInspect](depth, options) {
    return inspectEntry(this, this.toJSON(), depth, options);
  }
}

// Node's order and attributes for the prototype's members.
{
  const proto = Performance.prototype;
  const order = ['clearMarks', 'clearMeasures', 'clearResourceTimings',
    'eventLoopUtilization', 'getEntries', 'getEntriesByName', 'getEntriesByType', 'mark', 'measure',
    'nodeTiming', 'markResourceTiming', 'now', 'setResourceTimingBufferSize',
    'timerify', 'timeOrigin', 'toJSON'];
  const descs = {};
  for (const key of order) {
    if (key === 'nodeTiming') continue;
    descs[key] = Object.getOwnPropertyDescriptor(proto, key);
    delete proto[key];
  }
  for (const key of order) {
    const desc = key === 'nodeTiming' ?
      { value: nodeTiming, writable: true, configurable: true } :
      descs[key];
    if (key === 'timeOrigin' || key === 'toJSON') desc.enumerable = true;
    if (key === 'eventLoopUtilization') desc.writable = false;
    Object.defineProperty(proto, key, desc);
  }
}

const performance = new Performance(kConstruct);
setPerformanceObject(performance);

module.exports = {
  Performance,
  PerformanceNodeTiming,
  performance,
};
