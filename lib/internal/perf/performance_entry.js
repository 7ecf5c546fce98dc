'use strict';

// PerformanceEntry: one timed thing (a mark, a measure, a function call
// ...). Users cannot construct it; the runtime does, through
// createPerformanceEntry().

const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');
const { inspectAs } = require('internal/util/inspect_helpers');

const kName = Symbol('kName');
const kType = Symbol('kType');
const kStart = Symbol('kStart');
const kDuration = Symbol('kDuration');
const kDetail = Symbol('kDetail');
// Passed to constructors that users may not call.
const kConstruct = Symbol('kConstruct');

const customInspect = Symbol.for('nodejs.util.inspect.custom');

// How the perf_hooks classes print: "Name { ...fields }".
const inspectEntry = inspectAs;

function isPerformanceEntry(value) {
  return value !== null && typeof value === 'object' && kName in value;
}

function checkEntry(self) {
  if (!isPerformanceEntry(self)) {
    throw new ERR_INVALID_THIS('PerformanceEntry');
  }
}

function initEntry(self, name, type, start, duration, detail) {
  self[kName] = name;
  self[kType] = type;
  self[kStart] = start;
  self[kDuration] = duration;
  self[kDetail] = detail;
}

class PerformanceEntry {
  constructor() {
    if (arguments[0] !== kConstruct) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get name() {
    checkEntry(this);
    return this[kName];
  }

  get entryType() {
    checkEntry(this);
    return this[kType];
  }

  get startTime() {
    checkEntry(this);
    return this[kStart];
  }

  get duration() {
    checkEntry(this);
    return this[kDuration];
  }

  get detail() {
    checkEntry(this);
    return this[kDetail];
  }

  toJSON() {
    return {
      name: this.name,
      entryType: this.entryType,
      startTime: this.startTime,
      duration: this.duration,
      detail: this.detail,
    };
  }

  [customInspect](depth, options) {
    return inspectEntry(this, this.toJSON(), depth, options);
  }
}

function createPerformanceEntry(name, type, start, duration, detail) {
  const entry = new PerformanceEntry(kConstruct);
  initEntry(entry, name, type, start, duration, detail);
  return entry;
}

module.exports = {
  PerformanceEntry,
  createPerformanceEntry,
  initEntry,
  inspectEntry,
  isPerformanceEntry,
  kConstruct,
};
