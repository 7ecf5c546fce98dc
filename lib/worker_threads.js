// worker_threads. Until Worker exists this thread is always the main
// thread, and the values below are the real ones for it. Not yet: Worker,
// BroadcastChannel, markAsUntransferable, moveMessagePortToContext.
'use strict';

const {
  MessageChannel, MessagePort, receiveMessageOnPort,
} = require('internal/worker/io');

let environmentData;

function getEnvironmentData(key) {
  return environmentData === undefined ? undefined : environmentData.get(key);
}

function setEnvironmentData(key, value) {
  if (environmentData === undefined) environmentData = new Map();
  if (value === undefined) environmentData.delete(key);
  else environmentData.set(key, value);
}

module.exports = {
  isMainThread: true,
  MessagePort,
  MessageChannel,
  receiveMessageOnPort,
  resourceLimits: {},
  threadId: 0,
  SHARE_ENV: Symbol.for('nodejs.worker_threads.SHARE_ENV'),
  parentPort: null,
  workerData: null,
  getEnvironmentData,
  setEnvironmentData,
};
