'use strict';

// The performance timeline: the global buffers of marks, measures and
// resource timings, and PerformanceObserver, which receives new entries of
// the types it observes, delivered together from an immediate.

const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_MISSING_ARGS,
  },
  genericNodeError,
} = require('internal/errors');
const {
  validateFunction,
  validateObject,
} = require('internal/validators');
const { DOMException } = require('internal/per_context/domexception');
const { setImmediate } = require('timers');
const {
  createPerformanceEntry,
  inspectEntry,
  kConstruct,
} = require('internal/perf/performance_entry');
const { now } = require('internal/perf/utils');

const customInspect = Symbol.for('nodejs.util.inspect.custom');

const supportedEntryTypes = Object.freeze([
  'dns', 'function', 'gc', 'http', 'http2', 'mark', 'measure', 'net',
  'resource',
]);

// ---- The global buffers ----------------------------------------------------

const kWarnSize = 1e6;
const buffers = {
  __proto__: null,
  mark: [],
  measure: [],
  resource: [],
};
const warned = { __proto__: null, mark: false, measure: false };
const clearMethod = { mark: 'clearMarks', measure: 'clearMeasures' };

// Adds a mark or measure to the timeline.
function bufferUserTiming(entry) {
  const type = entry.entryType;
  const buffer = buffers[type];
  buffer.push(entry);
  if (buffer.length > kWarnSize && !warned[type]) {
    warned[type] = true;
    process.emitWarning(genericNodeError(
      'Possible perf_hooks memory leak detected. ' +
      `${buffer.length} ${type} entries added to the global performance ` +
      `entry buffer. Use performance.${clearMethod[type]} to clear the ` +
      'buffer.', { name: 'MaxPerformanceEntryBufferExceededWarning' }));
  }
}

// Removes the entries of `type` (all of them, or those named `name`).
function clearEntriesFromBuffer(type, name) {
  if (name === undefined) {
    buffers[type] = [];
  } else {
    name = `${name}`;
    buffers[type] = buffers[type].filter((e) => e.name !== name);
  }
}

function sortByStartTime(entries) {
  // Array.prototype.sort is stable: equal times keep insertion order.
  return entries.sort((a, b) => a.startTime - b.startTime);
}

function filterBufferMapByNameAndType(name, type) {
  let entries;
  if (type === undefined) {
    entries = [...buffers.mark, ...buffers.measure, ...buffers.resource];
  } else if (type in buffers) {
    entries = buffers[type].slice();
  } else {
    entries = [];
  }
  if (name !== undefined) entries = entries.filter((e) => e.name === name);
  return sortByStartTime(entries);
}

// ---- Observers --------------------------------------------------------------

const kTypeNone = 0;
const kTypeSingle = 1;
const kTypeMultiple = 2;

// Observers observing something, and those with a delivery due.
const observers = new Set();
const pending = new Set();
let deliveryScheduled = false;

function scheduleDelivery(observer) {
  pending.add(observer);
  if (deliveryScheduled) return;
  deliveryScheduled = true;
  setImmediate(deliver);
}

function deliver() {
  deliveryScheduled = false;
  // Entries made by the callbacks wait for the next delivery.
  const due = [...pending];
  pending.clear();
  for (let i = 0; i < due.length; i++) {
    if (!observers.has(due[i])) continue;
    try {
      deliverTo(due[i]);
    } catch (err) {
      // The others get theirs on the next turn.
      for (const observer of due.slice(i + 1)) scheduleDelivery(observer);
      throw err;
    }
  }
}

// Whether some observer wants entries of `type` (so that they are worth
// creating at all).
function hasObserver(type) {
  for (const observer of observers) {
    if (observesType(observer, type)) return true;
  }
  return false;
}

// Hands a new entry to the observers of its type.
function enqueue(entry) {
  for (const observer of observers) queueEntry(observer, entry);
}

// The entries core modules make (http, net, dns): an operation's start
// time, only while someone observes `type` (else undefined, and the caller
// builds no entry); perfEnd makes the entry.
function perfStart(type) {
  return hasObserver(type) ? now() : undefined;
}

function perfEnd(start, name, type, detail) {
  enqueue(createPerformanceEntry(name, type, start, now() - start, detail));
}

let observesType;
let queueEntry;
let deliverTo;

class PerformanceObserver {
  #callback;
  #buffer = [];
  #entryTypes = new Set();
  #type = kTypeNone;

  constructor(callback) {
    validateFunction(callback, 'callback');
    this.#callback = callback;
  }

  observe(options = {}) {
    validateObject(options, 'options');
    const { entryTypes, type, buffered } = options;
    if (entryTypes === undefined && type === undefined) {
      throw new ERR_MISSING_ARGS('options.entryTypes', 'options.type');
    }
    if (entryTypes != null && type != null) {
      throw new ERR_INVALID_ARG_VALUE(
        'options.entryTypes', entryTypes,
        'options.entryTypes can not set with options.type together');
    }

    if (this.#type === kTypeNone) {
      this.#type = entryTypes !== undefined ? kTypeMultiple : kTypeSingle;
    } else if (this.#type === kTypeSingle && entryTypes !== undefined) {
      throw new DOMException(
        'PerformanceObserver can not change to multiple observations',
        'InvalidModificationError');
    } else if (this.#type === kTypeMultiple && type !== undefined) {
      throw new DOMException(
        'PerformanceObserver can not change to single observation',
        'InvalidModificationError');
    }

    if (this.#type === kTypeMultiple) {
      if (!Array.isArray(entryTypes)) {
        throw new ERR_INVALID_ARG_TYPE('options.entryTypes', 'string[]',
                                       entryTypes);
      }
      // Each call replaces the set; unknown types are ignored.
      this.#entryTypes.clear();
      for (const t of entryTypes) {
        if (supportedEntryTypes.includes(t)) this.#entryTypes.add(t);
      }
    } else {
      if (!supportedEntryTypes.includes(type)) return;
      this.#entryTypes.add(type);
      if (buffered) {
        const entries = filterBufferMapByNameAndType(undefined, type);
        if (entries.length > 0) {
          this.#buffer.push(...entries);
          scheduleDelivery(this);
        }
      }
    }

    if (this.#entryTypes.size > 0) {
      observers.add(this);
    } else {
      this.disconnect();
    }
  }

  disconnect() {
    observers.delete(this);
    pending.delete(this);
    this.#buffer = [];
    this.#entryTypes.clear();
    this.#type = kTypeNone;
  }

  takeRecords() {
    const list = this.#buffer;
    this.#buffer = [];
    return list;
  }

  static get supportedEntryTypes() {
    return supportedEntryTypes;
  }

  [customInspect](depth, options) {
    return inspectEntry(this, {
      connected: observers.has(this),
      pending: pending.has(this),
      entryTypes: [...this.#entryTypes],
      buffer: this.#buffer,
    }, depth, options);
  }

  static {
    observesType = (observer, type) => observer.#entryTypes.has(type);
    queueEntry = (observer, entry) => {
      if (!observer.#entryTypes.has(entry.entryType)) return;
      observer.#buffer.push(entry);
      scheduleDelivery(observer);
    };
    deliverTo = (observer) => {
      const entries = observer.#buffer;
      observer.#buffer = [];
      const list = new PerformanceObserverEntryList(kConstruct, entries);
      Reflect.apply(observer.#callback, observer, [list, observer]);
    };
  }
}

class PerformanceObserverEntryList {
  #entries;

  constructor(token, entries) {
    if (token !== kConstruct) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this.#entries = sortByStartTime(entries);
  }

  getEntries() {
    return this.#entries.slice();
  }

  getEntriesByType(type) {
    type = `${type}`;
    return this.#entries.filter((e) => e.entryType === type);
  }

  getEntriesByName(name, type = undefined) {
    name = `${name}`;
    if (type !== undefined) type = `${type}`;
    return this.#entries.filter((e) => e.name === name &&
      (type === undefined || e.entryType === type));
  }

  [customInspect](depth, options) {
    return inspectEntry(this, this.#entries, depth, options);
  }
}

module.exports = {
  PerformanceObserver,
  PerformanceObserverEntryList,
  bufferUserTiming,
  buffers,
  clearEntriesFromBuffer,
  enqueue,
  filterBufferMapByNameAndType,
  hasObserver,
  perfEnd,
  perfStart,
};
