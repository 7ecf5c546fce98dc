'use strict';

// require('util/types') is the same object as require('util').types.
module.exports = require('util').types;
