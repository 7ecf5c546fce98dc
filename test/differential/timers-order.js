// Deterministic parts of the event loop's order.
'use strict';
const order = [];
const p = (s) => order.push(s);
// Long enough that the immediates come first even on a loaded machine.
setTimeout(() => p('t1'), 300);
setTimeout(() => p('t1b'), 300);
setImmediate(() => { p('i1'); process.nextTick(() => p('tick in i1')); Promise.resolve().then(() => p('micro in i1')); });
setImmediate(() => p('i2'));
process.nextTick(() => { p('tick'); Promise.resolve().then(() => p('micro in tick')); process.nextTick(() => p('tick in tick')); });
Promise.resolve().then(() => { p('micro'); process.nextTick(() => p('tick in micro')); });
queueMicrotask(() => p('qm'));
const iv = setInterval(() => { p('iv'); clearInterval(iv); }, 400);
setTimeout(() => {
  p('t5');
  setImmediate(() => p('imm from timer'));
  setTimeout(() => p('timeout 0 from timer'), 0);
}, 600);
process.on('beforeExit', () => { if (!order.includes('be')) { p('be'); setTimeout(() => p('after be'), 1); } });
process.on('exit', (c) => { p(`exit ${c}`); console.log(order.join('\n')); });
