'use strict';
// Byte streams: the BYOB reader, byobRequest, autoAllocateChunkSize, errors.
{
const util = require('util');
const log = []; const L = (s) => log.push(s);
let ctl;
const rs = new ReadableStream({ type: 'bytes', start(c) { ctl = c; }, pull(c) { L('pull ' + (c.byobRequest ? c.byobRequest.view.byteLength : null)); } });
console.log(util.inspect(rs)); console.log(util.inspect(ctl));
const r = rs.getReader({ mode: 'byob' });
console.log(util.inspect(r));
try { new ReadableStream().getReader({ mode: 'byob' }); } catch (e) { console.log(e.name, e.code, e.message); }
try { new ReadableStream().getReader({ mode: 'x' }); } catch (e) { console.log(e.name, e.code, e.message); }
try { new ReadableStream({ type: 'bytes' }, { size() { return 1; } }); } catch (e) { console.log(e.name, e.code, e.message); }
try { new ReadableStream({ type: 'bytes', autoAllocateChunkSize: 0 }); } catch (e) { console.log(e.name, e.code, e.message); }
r.read(1).catch((e) => console.log('read1', e.name, e.code, e.message));
r.read(new Uint8Array(0)).catch((e) => console.log('read0', e.name, e.code, e.message));
try { ctl.enqueue('x'); } catch (e) { console.log(e.name, e.code, e.message); }
try { ctl.enqueue(new Uint8Array(0)); } catch (e) { console.log(e.name, e.code, e.message); }
(async () => {
  const p = r.read(new Uint16Array(4)); 
  await null; await null;
  L('byobreq ' + util.inspect(ctl.byobRequest));
  const v = ctl.byobRequest.view; v[0] = 1; v[1] = 2; v[2] = 3;
  ctl.byobRequest.respond(3);
  const res = await p; L('got ' + res.value.constructor.name + ' ' + res.value.length + ' ' + res.done + ' ' + Array.from(new Uint8Array(res.value.buffer)));
  ctl.enqueue(new Uint8Array([9, 8, 7, 6, 5]));
  const r2 = await r.read(new Uint8Array(2)); L('got2 ' + Array.from(r2.value));
  const r3 = await r.read(new Uint8Array(10)); L('got3 ' + Array.from(r3.value) + ' ' + r3.value.byteLength);
  const p4 = r.read(new DataView(new ArrayBuffer(4)));
  await null;
  ctl.byobRequest.respondWithNewView(new Uint8Array(ctl.byobRequest.view.buffer, 0, 2));
  const r4 = await p4; L('got4 ' + r4.value.constructor.name + ' ' + r4.value.byteLength);
  r.releaseLock();
  const dr = rs.getReader();
  const p5 = dr.read(); await null; await null;
  ctl.enqueue(new Uint8Array([42]));
  const r5 = await p5; L('got5 ' + r5.value.constructor.name + ' ' + Array.from(r5.value));
  ctl.enqueue(new Uint8Array([1, 2]));
  ctl.close();
  L(JSON.stringify(await dr.read()));
  L(JSON.stringify(await dr.read()));
  dr.releaseLock();
  const br = rs.getReader({ mode: 'byob' });
  const r6 = await br.read(new Uint8Array(3)); L('got6 ' + r6.done + ' ' + r6.value.byteLength);
  // auto allocate
  let n = 0;
  const auto = new ReadableStream({ type: 'bytes', autoAllocateChunkSize: 8, pull(c) { L('apull ' + c.byobRequest.view.byteLength); c.byobRequest.view[0] = ++n; c.byobRequest.respond(1); if (n === 2) c.close(); } });
  for await (const chunk of auto) L('auto ' + chunk.constructor.name + ' ' + Array.from(chunk));
  console.log(log.join('\n'));
})();
}
