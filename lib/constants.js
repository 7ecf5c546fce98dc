'use strict';
// The deprecated 'constants' module (DEP0008) that older packages such as
// graceful-fs still require: one frozen object with os.constants' dlopen,
// errno, priority and signals tables, fs.constants and crypto.constants, in
// that order, as Node 18 builds it.

const os = require('os');
const fs = require('fs');

function cryptoConstants() {
  // Present once the crypto module exists in this build.
  try {
    return require('crypto').constants;
  } catch {
    return {};
  }
}

const all = Object.assign({}, os.constants.dlopen, os.constants.errno,
                          os.constants.priority, os.constants.signals,
                          fs.constants, cryptoConstants());
for (const key of Object.keys(all)) {
  Object.defineProperty(exports, key, {
    value: all[key], writable: false, enumerable: true, configurable: false,
  });
}
Object.freeze(exports);
