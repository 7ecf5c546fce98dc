'use strict';
// Errors raised while loading: JSON syntax errors name the file, ES
// modules cannot be required, syntax errors in a required file.
const common = require('../common');
const { assert } = common;

const badJson = common.fixtures.path('cjs', 'bad.json');
assert.throws(() => require(badJson), (err) => {
  assert.ok(err instanceof SyntaxError);
  assert.strictEqual(err.message.startsWith(`${badJson}: `), true,
                     err.message);
  assert.match(err.message, /Unexpected token/);
  return true;
});
// A JSON file that failed to parse is not cached.
assert.strictEqual(require.cache[badJson], undefined);

// .mjs files are ES modules.
const mjs = common.fixtures.path('cjs', 'module.mjs');
assert.throws(() => require(mjs), (err) => {
  assert.strictEqual(err.code, 'ERR_REQUIRE_ESM');
  assert.strictEqual(err.name, 'Error');
  assert.ok(err.message.startsWith(`require() of ES Module ${mjs}`),
            err.message);
  return true;
});
assert.throws(() => require('../fixtures/cjs/module.mjs'),
              { code: 'ERR_REQUIRE_ESM' });

// So is a .js file in a package with "type": "module"; the message names
// the requiring file.
const typeModule = common.fixtures.path('cjs', 'type-module', 'index.js');
assert.throws(() => require(typeModule), (err) => {
  assert.strictEqual(err.code, 'ERR_REQUIRE_ESM');
  assert.strictEqual(err.message.split('\n')[0],
                     `require() of ES Module ${typeModule} from ` +
                     `${__filename} not supported.`);
  return true;
});
