'use strict';

// The cluster's own messages between primary and workers travel over the
// IPC channel as { cmd: 'NODE_CLUSTER', act, seq, ... } and arrive as
// 'internalMessage'. A request may wait for its answer, which carries
// `ack` = the request's seq.

const callbacks = new Map();
let seq = 0;

// Sends message (with an optional handle) to proc; cb(reply, handle) runs
// when the other side answers it.
function sendHelper(proc, message, handle, cb) {
  if (!proc.connected) return false;
  message = { cmd: 'NODE_CLUSTER', ...message, seq };
  if (typeof cb === 'function') callbacks.set(seq, cb);
  seq++;
  return proc.send(message, handle);
}

// Wraps a handler of the cluster's messages: answers go to the callback of
// their request, everything else to cb(message, handle).
function internal(worker, cb) {
  return function onInternalMessage(message, handle) {
    if (message.cmd !== 'NODE_CLUSTER') return;
    if (message.ack !== undefined && callbacks.has(message.ack)) {
      const fn = callbacks.get(message.ack);
      callbacks.delete(message.ack);
      fn(message, handle);
      return;
    }
    cb.call(worker, message, handle);
  };
}

module.exports = { sendHelper, internal };
