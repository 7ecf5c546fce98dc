'use strict';
// Top-level await: importers wait for the awaiting module, the process
// stays up until the main module is done, and a top-level await that can
// never settle ends the process with exit code 13 (Node 18 prints nothing
// more) unless the program set another code.
const { assert, fixtures } = require('../common');
const { spawnSync } = require('child_process');

function run(file) {
  return spawnSync(process.execPath, [fixtures.path('esm', 'tla', file)],
                   { encoding: 'utf8' });
}

let r = run('main.mjs');
assert.strictEqual(r.stderr, '');
assert.strictEqual(r.status, 0);
assert.strictEqual(r.stdout, 'slow starts\nslow done\nmain sees 42\n' +
                   'main done\nexit 0\n');

r = run('stall.mjs');
assert.strictEqual(r.stderr, '');
assert.strictEqual(r.stdout, 'before\nexit event code 0\n');
assert.strictEqual(r.status, 13);

r = run('stall-exitcode.mjs');
assert.strictEqual(r.status, 3);

r = run('reject.mjs');
assert.strictEqual(r.status, 1);
assert.match(r.stderr, /^TypeError: after await$/m);

// A module graph with top-level await imported from CommonJS.
const order = [];
const timer = setInterval(() => order.push('tick'), 1);
import(fixtures.path('esm', 'tla', 'slow.mjs')).then((ns) => {
  clearInterval(timer);
  assert.strictEqual(ns.value, 42);
  // The loop kept turning while the module awaited.
  assert.ok(order.length > 0);
});
