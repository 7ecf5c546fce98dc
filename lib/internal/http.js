'use strict';

// Symbols and helpers the http modules share with each other (and with
// tests run with --expose-internals).

const { kOutHeaders, kNeedDrain } = require('_http_outgoing');
const { utcDate } = require('_http_common');

module.exports = {
  kOutHeaders,
  kNeedDrain,
  utcDate,
};
