// structuredClone(value, { transfer }): V8's serializer through the
// 'messaging' binding, with Node's argument checks and DOMException errors.
'use strict';

const binding = internalBinding('messaging');
const {
  codes: { ERR_MISSING_ARGS, ERR_INVALID_ARG_TYPE },
} = require('internal/errors');

const { kUntransferable } = require('internal/worker/untransferable');

// A transfer list as Node takes it: any iterable, checked item by item.
// MessagePorts are accepted where ports can go (postMessage), and `name`
// is the argument named in the error.
function transferList(options, name = 'options.transfer', ports = false,
                      shown = 'transferList') {
  if (options === undefined || options === null) return undefined;
  if (typeof options !== 'object') return undefined;
  const { transfer } = options;
  if (transfer === undefined) return undefined;
  if (transfer === null || typeof transfer !== 'object' ||
      typeof transfer[Symbol.iterator] !== 'function') {
    const err = new ERR_INVALID_ARG_TYPE(name, 'iterable', transfer);
    err.message = `Optional ${shown} argument must be an iterable`;
    throw err;
  }
  // An Array is read by index, as Node reads it; other iterables are
  // iterated.
  let list = transfer;
  if (!Array.isArray(transfer)) {
    try {
      list = [...transfer];
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      const err = new ERR_INVALID_ARG_TYPE(name, 'iterable', transfer);
      err.message = `Optional ${shown} argument must be an iterable`;
      throw err;
    }
  }
  const MessagePort = ports ? messagePort() : undefined;
  const n = list.length;
  const seen = n > 1 ? new Set() : undefined;
  for (let i = 0; i < n; i++) {
    const item = list[i];
    if (MessagePort !== undefined && item instanceof MessagePort) continue;
    if (!(item instanceof ArrayBuffer)) {
      const err = new TypeError('Found invalid object in transferList');
      err.code = 'ERR_INVALID_TRANSFER_OBJECT';
      throw err;
    }
    if (seen !== undefined) {
      if (seen.has(item)) {
        throw cloneError('Transfer list contains duplicate ArrayBuffer');
      }
      seen.add(item);
    }
  }
  return list;
}

// internal/worker/io loads this module: its MessagePort is looked up on
// first need.
let MessagePortClass;
function messagePort() {
  if (MessagePortClass === undefined) {
    MessagePortClass = require('internal/worker/io').MessagePort;
  }
  return MessagePortClass;
}

function cloneError(message) {
  const { DOMException } = require('internal/per_context/domexception');
  return new DOMException(message, 'DataCloneError');
}

// The serializer's errors become DOMExceptions named DataCloneError.
function rethrow(err) {
  if (err !== null && typeof err === 'object' &&
      err.name === 'DataCloneError' && !(err instanceof cloneError.DOM)) {
    throw cloneError(err.message);
  }
  throw err;
}
Object.defineProperty(cloneError, 'DOM', {
  get() {
    return require('internal/per_context/domexception').DOMException;
  },
});

function structuredClone(value, options) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('value');
  let transfer = transferList(options);
  // Marked buffers (markAsUntransferable, Buffer's pool) are copied.
  if (transfer !== undefined) {
    transfer = transfer.filter((b) => !b[kUntransferable]);
  }
  try {
    return binding.structuredClone(value, transfer);
  } catch (err) {
    rethrow(err);
  }
}

module.exports = { structuredClone, transferList, rethrow, kUntransferable };
