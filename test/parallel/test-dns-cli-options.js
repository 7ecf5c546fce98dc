'use strict';
// --dns-result-order sets dns's starting result order and
// --enable-network-family-autoselection net's autoSelectFamily default.
const common = require('../common');
const { assert } = common;
const { execFileSync } = require('child_process');

function run(args, code) {
  return execFileSync(process.execPath, [...args, '-e', code],
                      { encoding: 'utf8' }).trim();
}

const order = "console.log(require('dns').getDefaultResultOrder())";
assert.strictEqual(run([], order), 'verbatim');
assert.strictEqual(run(['--dns-result-order=ipv4first'], order), 'ipv4first');
assert.strictEqual(run(['--dns-result-order', 'ipv4first'], order),
                   'ipv4first');
assert.strictEqual(run(['--dns-result-order=verbatim'], order), 'verbatim');

const auto = "console.log(require('net').getDefaultAutoSelectFamily())";
assert.strictEqual(run([], auto), 'false');
assert.strictEqual(run(['--enable-network-family-autoselection'], auto),
                   'true');
