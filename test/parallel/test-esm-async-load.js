'use strict';
// The loader reads module files on the threadpool: while a graph loads,
// the event loop goes on (an immediate runs before the graph is
// evaluated), and a graph loads with no read on the loop thread.
const { assert, fixtures } = require('../common');

globalThis.immediateRan = false;
setImmediate(() => { globalThis.immediateRan = true; });
import(fixtures.path('esm', 'async', 'root.mjs')).then((ns) => {
  assert.strictEqual(ns.seen, true);
});
