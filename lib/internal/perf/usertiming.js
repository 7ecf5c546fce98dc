'use strict';

// User timing: performance.mark() and performance.measure(), with the
// PerformanceMark and PerformanceMeasure entries they make.

const {
  codes,
} = require('internal/errors');
const {
  validateNumber,
  validateObject,
  validateString,
} = require('internal/validators');
const { DOMException } = require('internal/per_context/domexception');
const { structuredClone } = require('internal/structured_clone');
const { now, milestones } = require('internal/perf/utils');
const {
  PerformanceEntry,
  initEntry,
  kConstruct,
} = require('internal/perf/performance_entry');
const {
  bufferUserTiming,
  clearEntriesFromBuffer,
  enqueue,
} = require('internal/perf/observe');

const {
  ERR_INVALID_ARG_VALUE,
  ERR_PERFORMANCE_INVALID_TIMESTAMP,
  ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS,
} = codes;

// The latest mark of each name, as measure() looks marks up by name.
const markTimes = new Map();

// Entries keep their own copy of the detail given.
function cloneDetail(detail) {
  return detail == null ? null : structuredClone(detail);
}

class PerformanceMark extends PerformanceEntry {
  constructor(name, options = undefined) {
    name = `${name}`;
    if (options !== undefined) {
      validateObject(options, 'options', { nullable: true });
    }
    // Start-up milestones are looked up by these names in measure().
    if (name in milestones) throw new ERR_INVALID_ARG_VALUE('name', name);
    const startTime = options?.startTime ?? now();
    validateNumber(startTime, 'startTime');
    if (startTime < 0) throw new ERR_PERFORMANCE_INVALID_TIMESTAMP(startTime);
    const detail = cloneDetail(options?.detail);
    super(kConstruct);
    initEntry(this, name, 'mark', startTime, 0, detail);
  }

  get [Symbol.toStringTag]() {
    return 'PerformanceMark';
  }
}

// Node 18 lets anyone construct one, with the fields as given.
class PerformanceMeasure extends PerformanceEntry {
  constructor(name, start, duration, detail) {
    super(kConstruct);
    initEntry(this, name, 'measure', start, duration, detail);
  }

  get [Symbol.toStringTag]() {
    return 'PerformanceMeasure';
  }
}

// A time given to measure(): a timestamp, or the name of a mark or of a
// start-up milestone.
function getMark(name) {
  if (name === undefined) return undefined;
  if (typeof name === 'number') {
    if (name < 0) throw new ERR_PERFORMANCE_INVALID_TIMESTAMP(name);
    return name;
  }
  name = `${name}`;
  if (name in milestones) return milestones[name];
  const time = markTimes.get(name);
  if (time === undefined) {
    throw new DOMException(`The "${name}" performance mark has not been set`,
                           'SyntaxError');
  }
  return time;
}

function mark(name, options) {
  const entry = new PerformanceMark(name, options);
  enqueue(entry);
  bufferUserTiming(entry);
  markTimes.set(entry.name, entry.startTime);
  return entry;
}

function measure(name, startOrMeasureOptions, endMark) {
  validateString(name, 'name');
  let options;
  let startMark;
  if (startOrMeasureOptions !== null &&
      typeof startOrMeasureOptions === 'object') {
    options = startOrMeasureOptions;
    const { start, end, duration } = options;
    if (endMark !== undefined && (start !== undefined || end !== undefined)) {
      throw new ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS(
        'endMark must not be specified');
    }
    if (start !== undefined && end !== undefined && duration !== undefined) {
      throw new ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS(
        'Must not have options.start, options.end, and options.duration ' +
        'specified');
    }
  } else if (typeof startOrMeasureOptions === 'string') {
    startMark = startOrMeasureOptions;
  }

  let end;
  if (endMark !== undefined) {
    end = getMark(endMark);
  } else if (options?.end !== undefined) {
    end = getMark(options.end);
  } else if (options?.start !== undefined &&
             options?.duration !== undefined) {
    end = getMark(options.start) + getMark(options.duration);
  } else {
    end = now();
  }

  let start;
  if (options?.start !== undefined) {
    start = getMark(options.start);
  } else if (options?.duration !== undefined && options?.end !== undefined) {
    start = end - getMark(options.duration);
  } else if (startMark !== undefined) {
    start = getMark(startMark);
  } else {
    start = 0;
  }

  const detail = cloneDetail(options?.detail);
  const entry = new PerformanceMeasure(name, start, end - start, detail);
  enqueue(entry);
  bufferUserTiming(entry);
  return entry;
}

function clearMarkTimings(name) {
  if (name === undefined) {
    markTimes.clear();
  } else {
    markTimes.delete(`${name}`);
  }
}

function clearMarks(name) {
  clearMarkTimings(name);
  clearEntriesFromBuffer('mark', name);
}

function clearMeasures(name) {
  clearEntriesFromBuffer('measure', name);
}

module.exports = {
  PerformanceMark,
  PerformanceMeasure,
  clearMarks,
  clearMeasures,
  mark,
  measure,
};
