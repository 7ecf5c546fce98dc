// What worker_threads reports about the thread it runs on. The main thread
// keeps these values; a worker's start-up (internal/worker/main) sets them
// before any user code runs.
'use strict';

module.exports = {
  isMainThread: true,
  threadId: 0,
  parentPort: null,
  workerData: null,
  resourceLimits: {},
  // getEnvironmentData/setEnvironmentData; a worker starts with a copy of
  // its parent's map as it was when the Worker was made.
  environmentData: new Map(),
  // The worker's internal port (start-up data, stdio, errors).
  internalPort: null,
  // An Int32Array over a SharedArrayBuffer: the number of times the
  // process's working directory changed (see internal/worker).
  cwdCounter: null,
};
