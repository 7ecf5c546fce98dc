'use strict';

// Resource timing: performance.markResourceTiming(), which fetch
// implementations call once a resource has been fetched, and the
// PerformanceResourceTiming entries it buffers (250 by default; the rest
// wait in a second buffer while 'resourcetimingbufferfull' listeners run,
// and are dropped if those make no room).

const {
  codes: {
    ERR_INTERNAL_ASSERTION,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');
const {
  PerformanceEntry,
  initEntry,
  kConstruct,
} = require('internal/perf/performance_entry');
const { buffers, enqueue } = require('internal/perf/observe');
const { Event } = require('internal/event_target');
const { setImmediate } = require('timers');

const kTimingInfo = Symbol('kTimingInfo');
const kInitiatorType = Symbol('kInitiatorType');
const kCacheMode = Symbol('kCacheMode');

function checkTiming(self) {
  if (self === null || typeof self !== 'object' || !(kTimingInfo in self)) {
    throw new ERR_INVALID_THIS('PerformanceResourceTiming');
  }
}

class PerformanceResourceTiming extends PerformanceEntry {
  constructor() {
    super(arguments[0]);
  }

  get initiatorType() {
    checkTiming(this);
    return this[kInitiatorType];
  }

  get workerStart() {
    checkTiming(this);
    return this[kTimingInfo].finalServiceWorkerStartTime;
  }

  get redirectStart() {
    checkTiming(this);
    return this[kTimingInfo].redirectStartTime;
  }

  get redirectEnd() {
    checkTiming(this);
    return this[kTimingInfo].redirectEndTime;
  }

  get fetchStart() {
    checkTiming(this);
    return this[kTimingInfo].postRedirectStartTime;
  }

  get domainLookupStart() {
    checkTiming(this);
    return this[kTimingInfo].finalConnectionTimingInfo?.domainLookupStartTime;
  }

  get domainLookupEnd() {
    checkTiming(this);
    return this[kTimingInfo].finalConnectionTimingInfo?.domainLookupEndTime;
  }

  get connectStart() {
    checkTiming(this);
    return this[kTimingInfo].finalConnectionTimingInfo?.connectionStartTime;
  }

  get connectEnd() {
    checkTiming(this);
    return this[kTimingInfo].finalConnectionTimingInfo?.connectionEndTime;
  }

  get secureConnectionStart() {
    checkTiming(this);
    return this[kTimingInfo].finalConnectionTimingInfo
      ?.secureConnectionStartTime;
  }

  get nextHopProtocol() {
    checkTiming(this);
    return this[kTimingInfo].finalConnectionTimingInfo
      ?.ALPNNegotiatedProtocol;
  }

  get requestStart() {
    checkTiming(this);
    return this[kTimingInfo].finalNetworkRequestStartTime;
  }

  get responseStart() {
    checkTiming(this);
    return this[kTimingInfo].finalNetworkResponseStartTime;
  }

  get responseEnd() {
    checkTiming(this);
    return this[kTimingInfo].endTime;
  }

  get encodedBodySize() {
    checkTiming(this);
    return this[kTimingInfo].encodedBodySize;
  }

  get decodedBodySize() {
    checkTiming(this);
    return this[kTimingInfo].decodedBodySize;
  }

  get transferSize() {
    checkTiming(this);
    // A fresh response counts 300 bytes of headers; the local cache none.
    if (this[kCacheMode] === 'local') return 0;
    return this[kTimingInfo].encodedBodySize + 300;
  }

  toJSON() {
    return {
      name: this.name,
      entryType: this.entryType,
      startTime: this.startTime,
      duration: this.duration,
      initiatorType: this.initiatorType,
      nextHopProtocol: this.nextHopProtocol,
      workerStart: this.workerStart,
      redirectStart: this.redirectStart,
      redirectEnd: this.redirectEnd,
      fetchStart: this.fetchStart,
      domainLookupStart: this.domainLookupStart,
      domainLookupEnd: this.domainLookupEnd,
      connectStart: this.connectStart,
      connectEnd: this.connectEnd,
      secureConnectionStart: this.secureConnectionStart,
      requestStart: this.requestStart,
      responseStart: this.responseStart,
      responseEnd: this.responseEnd,
      transferSize: this.transferSize,
      encodedBodySize: this.encodedBodySize,
      decodedBodySize: this.decodedBodySize,
    };
  }
}

let bufferSize = 250;
let secondary = [];
let fullEventPending = false;
let performanceObject;

function createResourceTiming(timingInfo, requestedUrl, initiatorType,
                              cacheMode) {
  const entry = new PerformanceResourceTiming(kConstruct);
  initEntry(entry, requestedUrl, 'resource', timingInfo.startTime,
            timingInfo.endTime - timingInfo.startTime, undefined);
  entry[kTimingInfo] = timingInfo;
  entry[kInitiatorType] = initiatorType;
  entry[kCacheMode] = cacheMode;
  return entry;
}

function bufferResourceTiming(entry) {
  if (buffers.resource.length < bufferSize && secondary.length === 0) {
    buffers.resource.push(entry);
    return;
  }
  secondary.push(entry);
  if (fullEventPending) return;
  fullEventPending = true;
  setImmediate(() => {
    fullEventPending = false;
    performanceObject?.dispatchEvent(new Event('resourcetimingbufferfull'));
    // Whatever the listeners made room for moves over; the rest is lost.
    while (secondary.length > 0 && buffers.resource.length < bufferSize) {
      buffers.resource.push(secondary.shift());
    }
    secondary = [];
  });
}

function markResourceTiming(timingInfo, requestedUrl, initiatorType,
                            global, cacheMode) {
  if (cacheMode !== '' && cacheMode !== 'local') {
    throw new ERR_INTERNAL_ASSERTION(
      "cache must be an empty string or 'local'");
  }
  const entry = createResourceTiming(timingInfo, `${requestedUrl}`,
                                     initiatorType, cacheMode);
  enqueue(entry);
  bufferResourceTiming(entry);
  return entry;
}

function setResourceTimingBufferSize(maxSize) {
  // Like Node 18, take any number and ignore the rest.
  if (typeof maxSize === 'number' && maxSize >= 0) bufferSize = maxSize;
}

// The object 'resourcetimingbufferfull' is dispatched on.
function setPerformanceObject(performance) {
  performanceObject = performance;
}

module.exports = {
  PerformanceResourceTiming,
  markResourceTiming,
  setPerformanceObject,
  setResourceTimingBufferSize,
};
