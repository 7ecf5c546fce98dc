// util.inspect of a large nested object: inspections per second.
'use strict';
const util = require('util');
function make(depth) {
  if (depth === 0) return { n: 1.5, s: 'leaf string', a: [1, 2, 3], b: true };
  const o = {};
  for (let i = 0; i < 6; i++) o[`key${i}`] = make(depth - 1);
  o.list = Array.from({ length: 20 }, (_, i) => ({ i, name: `item ${i}` }));
  o.map = new Map([['x', 1], ['y', [2, 3]]]);
  return o;
}
const big = make(4);
const iterations = 20;
let len = 0;
const start = process.hrtime.bigint();
for (let i = 0; i < iterations; i++) len += util.inspect(big, { depth: Infinity }).length;
const ns = Number(process.hrtime.bigint() - start);
console.log(`inspect-large ${(iterations / ns * 1e9).toFixed(2)} ops/s (${len / iterations} chars)`);
