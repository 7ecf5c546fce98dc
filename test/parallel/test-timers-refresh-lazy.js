'use strict';
// A refreshed timer fires after its new expiry and after timers due before
// it, in order, however often it was refreshed; clearing a refreshed timer
// stops it; an interval refreshed from its own callback keeps going.
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

// c (20 ms) refreshed every 10 ms until 100 ms: d (60 ms) goes first,
// c only after the refreshing stopped.
const c = setTimeout(common.mustCall(() => {
  order.push('c');
  assert.ok(Date.now() - start >= 105, `c fired at ${Date.now() - start}`);
}), 20);
setTimeout(common.mustCall(() => order.push('d')), 60);
const refresher = setInterval(() => {
  if (Date.now() - start >= 100) clearInterval(refresher);
  else c.refresh();
}, 10);

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
  assert.ok(order.indexOf('d') < order.indexOf('c'), order.join());
  assert.deepStrictEqual(order.slice().sort(),
                         ['a', 'b', 'c', 'd', 'f', 'g', 'h']);
});
