// emit() calls a listener through the listener's own apply (and a once
// listener through call/apply), as Node does: a function that overrides
// them sees the call.
'use strict';
const common = require('../common');
const { assert } = common;
const EventEmitter = require('events');

const e = new EventEmitter();
const seen = [];
function make(name) {
  const f = common.mustNotCall(`${name} itself`);
  f.apply = function(self, args) {
    assert.strictEqual(self, e);
    seen.push(`${name}.apply(${Array.from(args).join(",")})`);
  };
  f.call = function(self, ...args) {
    assert.strictEqual(self, e);
    seen.push(`${name}.call(${args.join(',')})`);
  };
  return f;
}

e.on('one', make('a'));
e.emit('one', 1, 2);
e.on('two', make('b'));
e.on('two', make('c'));
e.emit('two', 3);
e.once('once', make('d'));
e.emit('once');
e.once('once', make('f'));
e.emit('once', 4, 5);
e.emit('once', 6);
assert.deepStrictEqual(seen, [
  'a.apply(1,2)', 'b.apply(3)', 'c.apply(3)', 'd.call()', 'f.apply(4,5)',
]);

// Ordinary listeners get `this` and the arguments.
const g = new EventEmitter();
g.on('x', common.mustCall(function(a, b) {
  assert.strictEqual(this, g);
  assert.deepStrictEqual([a, b], [1, 2]);
}));
g.emit('x', 1, 2);
