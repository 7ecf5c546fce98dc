// constants: the legacy flat object (deprecated since Node 6, still read
// by old packages): os.constants' dlopen, errno, priority and signal
// numbers, fs.constants, and crypto.constants when crypto is built in.
'use strict';

const { constants: os } = require('os');
const { constants: fs } = require('fs');

const merged = {};
Object.assign(merged, os.dlopen, os.errno, os.priority, os.signals, fs);
const realm = require('internal/bootstrap/realm');
if (realm.canBeRequiredByUsers('crypto')) {
  Object.assign(merged, require('crypto').constants);
}
module.exports = Object.freeze(merged);
