// The event loop at work: what runs when, in Node's order.
//
//   tools/run examples/event-loop.js
//
// Synchronous code runs first; then process.nextTick callbacks, then promise
// microtasks; then the loop's phases: timers, (I/O), setImmediate callbacks.
// After every single callback the nextTick and microtask queues are drained
// again before the loop moves on.
'use strict';

const start = process.hrtime.bigint();
const ms = () => (Number(process.hrtime.bigint() - start) / 1e6).toFixed(1);
const log = (what) => console.log(`${ms().padStart(6)} ms  ${what}`);

log('script: synchronous code runs to the end first');

setTimeout(() => {
  log('timers phase: setTimeout 0');
  process.nextTick(() => log('  nextTick queued inside the timer'));
  Promise.resolve().then(() => log('  microtask queued inside the timer'));
  setImmediate(() => log('check phase: setImmediate queued by the timer'));
  setTimeout(() => log('timers phase, next turn: setTimeout queued by ' +
                       'the timer'), 0);
}, 0);

setImmediate(() => log('check phase: setImmediate'));
Promise.resolve().then(() => log('microtask: promise reaction'));
queueMicrotask(() => log('microtask: queueMicrotask'));
process.nextTick(() => log('nextTick: runs before any microtask'));

// A repeating timer that stops itself, and an unref'd one that does not
// keep the process alive.
let n = 0;
const interval = setInterval(() => {
  log(`timers phase: interval #${++n}`);
  if (n === 3) clearInterval(interval);
}, 20);
setTimeout(() => log('never printed: unref\'d and the loop ends first'),
           10000).unref();

process.on('beforeExit', () => log('beforeExit: the loop has nothing left'));
process.on('exit', (code) => log(`exit with code ${code}`));
log('script: end of synchronous code');
