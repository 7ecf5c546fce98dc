// The mark of an object that a transfer list copies instead of moving
// (markAsUntransferable, and Buffer's allocation pool). Its own module so
// that buffer can use it at start-up without loading the messaging code.
'use strict';

const kUntransferable = Symbol('kUntransferable');

function markAsUntransferable(obj) {
  if ((typeof obj !== 'object' && typeof obj !== 'function') || obj === null)
    return;
  Object.defineProperty(obj, kUntransferable, {
    value: true, enumerable: false, configurable: false, writable: false,
  });
}

module.exports = { kUntransferable, markAsUntransferable };
