'use strict';
// util.promisify(setTimeout / setImmediate) gives timers/promises' own
// functions (setTimeout[util.promisify.custom]), as in Node.
const common = require('../common');
const { assert } = common;
const { promisify } = require('util');
const timersPromises = require('timers/promises');

assert.strictEqual(promisify(setTimeout), timersPromises.setTimeout);
assert.strictEqual(promisify(setImmediate), timersPromises.setImmediate);
assert.strictEqual(setTimeout[promisify.custom], timersPromises.setTimeout);
promisify(setTimeout)(1, 'value').then(common.mustCall((v) => {
  assert.strictEqual(v, 'value');
}));
