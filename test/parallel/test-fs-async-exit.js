'use strict';
// Requests still on the threadpool when the process exits are dropped
// without their callbacks running and without a crash.
const { mustNotCall } = require('../common');
const fs = require('fs');

for (let i = 0; i < 32; i++) {
  fs.readFile(__filename, mustNotCall());
  fs.stat(__filename, mustNotCall());
}
fs.promises.readdir(__dirname).then(mustNotCall());
process.exit(0);
