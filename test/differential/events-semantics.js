// EventEmitter behaviour and messages.
'use strict';
const EventEmitter = require('events');
const e = new EventEmitter();
const log = [];
e.on('newListener', (n) => log.push(`new:${String(n)}`));
e.on('x', (a) => log.push(`x1:${a}`));
e.prependListener('x', (a) => log.push(`x0:${a}`));
e.once('x', (a) => log.push(`once:${a}`));
e.prependOnceListener('x', (a) => log.push(`ponce:${a}`));
e.emit('x', 1);
e.emit('x', 2);
console.log(log.join(' '));
console.log(e.listenerCount('x'), e.eventNames(), e.rawListeners('x').length);
console.log(EventEmitter.defaultMaxListeners, e.getMaxListeners());
try { e.emit('error', new Error('boom')); } catch (err) { console.log(err.message); }
try { e.emit('error', 'str'); } catch (err) { console.log(err.code, err.message); }
try { e.emit('error'); } catch (err) { console.log(err.code, err.message); }
e.on(EventEmitter.errorMonitor, (err) => console.log('monitor', err.message));
e.on('error', (err) => console.log('handled', err.message));
e.emit('error', new Error('later'));
try { e.on('y', 'nope'); } catch (err) { console.log(err.code, err.message); }
try { e.setMaxListeners(-1); } catch (err) { console.log(err.code, err.message); }
// The printed form carries the process id: show the event instead.
process.removeAllListeners('warning');
process.on('warning', (w) => console.log('warning:', w.name, w.message));
const m = new EventEmitter();
for (let i = 0; i < 11; i++) m.on('leak', () => {});
console.log(m);
EventEmitter.once(m, 'done').then((args) => console.log('once resolved', args));
m.emit('done', 1, 2);
(async () => {
  const it = EventEmitter.on(m, 'tick');
  setImmediate(() => { m.emit('tick', 'a'); m.emit('tick', 'b'); });
  let n = 0;
  for await (const v of it) { console.log('tick', v); if (++n === 2) break; }
})();
