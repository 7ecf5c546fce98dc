'use strict';
// A refreshed timer fires after its new expiry and after timers due before
// it, in order, however often it was refreshed; clearing a refreshed timer
// stops it.
const common = require('../common');
const { assert } = common;

const start = Date.now();
const order = [];

// a (50 ms) refreshed at 30 ms: due at 80, after b (due at 70).
const a = setTimeout(common.mustCall(() => {
  order.push('a');
  assert.ok(Date.now() - start >= 75, `a fired at ${Date.now() - start}`);
}), 50);
setTimeout(common.mustCall(() => order.push('b')), 70);
setTimeout(() => a.refresh(), 30);

// c (20 ms) refreshed every 10 ms until 100 ms: it never fires less than
// 20 ms after its last refresh, and only once the refreshing stopped.
let lastRefresh = 0;
let refreshing = true;
const refresher = setInterval(() => {
  if (Date.now() - start >= 100) {
    clearInterval(refresher);
    refreshing = false;
  } else {
    c.refresh();
    lastRefresh = Date.now();
  }
}, 10);
const c = setTimeout(common.mustCall(() => {
  order.push('c');
  assert.strictEqual(refreshing, false);
  assert.ok(Date.now() - lastRefresh >= 18,
            `c fired ${Date.now() - lastRefresh} ms after its refresh`);
}), 20);

// e refreshed, then cleared: never fires; f, set after, still does.
const e = setTimeout(common.mustNotCall(), 10);
e.refresh();
e.refresh();
clearTimeout(e);
setTimeout(common.mustCall(() => order.push('f')), 15);

// Equal expiries fire in the order of their last (re)start.
const g = setTimeout(common.mustCall(() => order.push('g')), 40);
setTimeout(common.mustCall(() => order.push('h')), 40);
g.refresh();

process.on('exit', () => {
  // g was restarted after h was set: h first.
  assert.ok(order.indexOf('h') < order.indexOf('g'), order.join());
  assert.ok(order.indexOf('b') < order.indexOf('a'), order.join());
  assert.deepStrictEqual(order.slice().sort(),
                         ['a', 'b', 'c', 'f', 'g', 'h']);
});
