// worker_threads: Worker (lib/internal/worker.js), the ports and channels
// (lib/internal/worker/io.js), and what this thread is (set by a worker's
// start-up, lib/internal/worker/main.js).
'use strict';

const {
  BroadcastChannel, MessageChannel, MessagePort, receiveMessageOnPort,
  markAsUntransferable,
} = require('internal/worker/io');
const { Worker, SHARE_ENV } = require('internal/worker');
const state = require('internal/worker/state');

function getEnvironmentData(key) {
  return state.environmentData.get(key);
}

function setEnvironmentData(key, value) {
  if (value === undefined) state.environmentData.delete(key);
  else state.environmentData.set(key, value);
}

module.exports = {
  isMainThread: state.isMainThread,
  MessagePort,
  MessageChannel,
  markAsUntransferable,
  receiveMessageOnPort,
  resourceLimits: state.resourceLimits,
  threadId: state.threadId,
  SHARE_ENV,
  Worker,
  parentPort: state.parentPort,
  workerData: state.workerData,
  BroadcastChannel,
  getEnvironmentData,
  setEnvironmentData,
};
