// events helpers, EventTarget, AbortSignal and timers/promises, as printed.
'use strict';
const events = require('events');
const { EventEmitter, once, on, getEventListeners } = events;
const ee = new EventEmitter();
ee.setMaxListeners(1);
ee.on('x', () => {}); ee.on('x', () => {});
process.removeAllListeners('warning');
process.on('warning', (w) => console.log('warning', w.name, w.message));
console.log(ee.listenerCount('x'), ee.rawListeners('x').length, ee.eventNames(), getEventListeners(ee, 'x').length);
const et = new EventTarget();
et.addEventListener('ping', (e) => console.log('ping', e.type, e instanceof Event, e.cancelable), { once: true });
et.dispatchEvent(new Event('ping'));
et.dispatchEvent(new Event('ping'));
console.log(typeof CustomEvent, getEventListeners(et, 'ping'));
const ac = new AbortController();
ac.signal.addEventListener('abort', () => console.log('aborted', ac.signal.reason));
ac.abort('reason!');
console.log(AbortSignal.abort().reason.name, AbortSignal.abort().reason.message);
try { ac.signal.throwIfAborted(); } catch (e) { console.log('thrown', e === 'reason!'); }
(async () => {
  setTimeout(() => ee.emit('done', 1, 2), 1);
  console.log('once', await once(ee, 'done'));
  const iter = on(ee, 'tick');
  process.nextTick(() => { ee.emit('tick', 'a'); ee.emit('tick', 'b'); });
  const seen = [];
  for await (const v of iter) { seen.push(v); if (seen.length === 2) break; }
  console.log('on', seen);
  const tp = require('timers/promises');
  console.log(await tp.setTimeout(1, 'value'), await tp.setImmediate('imm'));
  let n = 0;
  for await (const v of tp.setInterval(1, 'iv')) { if (++n === 3) { console.log('interval', v, n); break; } }
  try { await tp.setTimeout(50, null, { signal: AbortSignal.abort() }); } catch (e) { console.log(e.name, e.code, e.message); }
  const sig = AbortSignal.timeout(5);
  await tp.setTimeout(30);
  console.log('timeout signal', sig.aborted, sig.reason.name, sig.reason.message);
})();
