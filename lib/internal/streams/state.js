'use strict';

const {
  codes: { ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const { validateInteger } = require('internal/validators');

let defaultBytes = 16 * 1024;
let defaultObjects = 16;

function getDefaultHighWaterMark(objectMode) {
  return objectMode ? defaultObjects : defaultBytes;
}

function setDefaultHighWaterMark(objectMode, value) {
  validateInteger(value, 'value', 0);
  if (objectMode) defaultObjects = value;
  else defaultBytes = value;
}

// highWaterMark from the options; a Duplex may also give a per-side one
// (readableHighWaterMark / writableHighWaterMark) that the shared one
// overrides.
function getHighWaterMark(state, options, duplexKey, isDuplex) {
  let hwm = options.highWaterMark;
  if (hwm == null && isDuplex) hwm = options[duplexKey];
  if (hwm == null) return getDefaultHighWaterMark(state.objectMode);
  if (!Number.isInteger(hwm) || hwm < 0) {
    const name = isDuplex ? `options.${duplexKey}` : 'options.highWaterMark';
    throw new ERR_INVALID_ARG_VALUE(name, hwm);
  }
  return Math.floor(hwm);
}

module.exports = {
  getHighWaterMark,
  getDefaultHighWaterMark,
  setDefaultHighWaterMark,
};
