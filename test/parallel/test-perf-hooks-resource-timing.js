'use strict';
// performance.markResourceTiming() and PerformanceResourceTiming, as fetch
// implementations use them.
const { assert, mustCall } = require('../common');
const {
  performance,
  PerformanceResourceTiming,
  PerformanceEntry,
} = require('perf_hooks');

const timingInfo = {
  startTime: 1, redirectStartTime: 2, redirectEndTime: 3,
  postRedirectStartTime: 4, finalServiceWorkerStartTime: 5,
  finalNetworkRequestStartTime: 6, finalNetworkResponseStartTime: 7,
  endTime: 20, encodedBodySize: 100, decodedBodySize: 200,
  finalConnectionTimingInfo: {
    domainLookupStartTime: 8, domainLookupEndTime: 9,
    connectionStartTime: 10, connectionEndTime: 11,
    secureConnectionStartTime: 12, ALPNNegotiatedProtocol: 'h2',
  },
};

const r = performance.markResourceTiming(timingInfo, 'http://x/', 'fetch',
                                         globalThis, '');
assert.ok(r instanceof PerformanceResourceTiming);
assert.ok(r instanceof PerformanceEntry);
assert.deepStrictEqual(r.toJSON(), {
  name: 'http://x/', entryType: 'resource', startTime: 1, duration: 19,
  initiatorType: 'fetch', nextHopProtocol: 'h2', workerStart: 5,
  redirectStart: 2, redirectEnd: 3, fetchStart: 4, domainLookupStart: 8,
  domainLookupEnd: 9, connectStart: 10, connectEnd: 11,
  secureConnectionStart: 12, requestStart: 6, responseStart: 7,
  responseEnd: 20, transferSize: 400, encodedBodySize: 100,
  decodedBodySize: 200,
});
const local = performance.markResourceTiming(
  { ...timingInfo, finalConnectionTimingInfo: null }, 'http://l/', 'fetch',
  globalThis, 'local');
assert.strictEqual(local.transferSize, 0);
assert.strictEqual(local.connectStart, undefined);
assert.strictEqual(local.nextHopProtocol, undefined);
assert.throws(() => performance.markResourceTiming(timingInfo, 'u', 'fetch',
                                                   globalThis, 'x'),
              { code: 'ERR_INTERNAL_ASSERTION' });
assert.throws(() => new PerformanceResourceTiming(),
              { code: 'ERR_ILLEGAL_CONSTRUCTOR' });

assert.deepStrictEqual(
  performance.getEntriesByType('resource').map((e) => e.name),
  ['http://x/', 'http://l/']);
performance.clearResourceTimings('http://l/');
assert.deepStrictEqual(
  performance.getEntriesByType('resource').map((e) => e.name), ['http://x/']);

// A full buffer: 'resourcetimingbufferfull' fires once, later; entries the
// listeners make no room for are dropped.
performance.setResourceTimingBufferSize(2);
performance.addEventListener('resourcetimingbufferfull', mustCall((e) => {
  assert.strictEqual(e.type, 'resourcetimingbufferfull');
  assert.strictEqual(performance.getEntriesByType('resource').length, 2);
  // (Timed from here: a timer set by the script may be due before the
  // event when start-up is slow.)
  setTimeout(mustCall(afterEvent), 10);
}));
for (let i = 0; i < 4; i++) {
  performance.markResourceTiming(timingInfo, `http://y/${i}`, 'fetch',
                                 globalThis, '');
}
assert.deepStrictEqual(
  performance.getEntriesByType('resource').map((e) => e.name),
  ['http://x/', 'http://y/0']);
function afterEvent() {
  assert.deepStrictEqual(
    performance.getEntriesByType('resource').map((e) => e.name),
    ['http://x/', 'http://y/0']);
  performance.clearResourceTimings();
  assert.deepStrictEqual(performance.getEntriesByType('resource'), []);
}
