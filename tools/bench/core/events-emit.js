// EventEmitter.emit with 0, 1 and 3 listeners: emits per second.
'use strict';
const EventEmitter = require('events');
for (const n of [0, 1, 3]) {
  const e = new EventEmitter();
  let sink = 0;
  for (let i = 0; i < n; i++) e.on('ev', (a, b) => { sink += a + b; });
  const iterations = 5e6;
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) e.emit('ev', i, 1);
  const ns = Number(process.hrtime.bigint() - start);
  console.log(`emit-${n}-listeners ${(iterations / ns * 1e9).toFixed(0)} ops/s`);
  if (sink < 0) console.log(sink);
}
