'use strict';
// Readable/Writable.toWeb and fromWeb: chunk types, backpressure options,
// cancel and errors, argument errors.
{
const { Readable, Writable, Duplex } = require('stream');
const log = []; const L = (s) => log.push(s);
(async () => {
  const r = Readable.from(['a', 'b']);
  const rs = Readable.toWeb(r);
  console.log(rs);
  for await (const c of rs) L('obj ' + typeof c + ' ' + c);
  const r2 = new Readable({ read() {} }); r2.push('xy'); r2.push(Buffer.from('z')); r2.push(null);
  for await (const c of Readable.toWeb(r2)) L('bytes ' + c.constructor.name + ' ' + Array.from(c));
  const r3 = new Readable({ read() {}, destroy(e, cb) { L('destroyed ' + (e && e.name) + ' ' + (e && e.message)); cb(e); } });
  const rs3 = Readable.toWeb(r3); await rs3.cancel('because');
  L('r3 destroyed ' + r3.destroyed);
  const r4 = new Readable({ read() {} }); const rs4 = Readable.toWeb(r4); r4.destroy(new Error('oops'));
  try { await rs4.getReader().read(); } catch (e) { L('rs4 ' + e.message); }
  const web = new ReadableStream({ start(c) { c.enqueue('p'); c.enqueue('q'); c.close(); } });
  const nr = Readable.fromWeb(web, { objectMode: true });
  L('fromWeb ' + nr.readableObjectMode + ' ' + nr.readableHighWaterMark);
  for await (const c of nr) L('nr ' + c);
  const web2 = new ReadableStream({ start(c) { c.enqueue(new Uint8Array([104, 105])); c.close(); } });
  const nr2 = Readable.fromWeb(web2, { encoding: 'utf8' });
  for await (const c of nr2) L('nr2 ' + JSON.stringify(c));
  const web3 = new ReadableStream({ start(c) { c.enqueue(new Uint8Array([104, 105])); c.close(); } });
  const nr3 = Readable.fromWeb(web3);
  for await (const c of nr3) L('nr3 ' + c.constructor.name + ' ' + JSON.stringify(c));
  const chunks = [];
  const w = new Writable({ write(c, e, cb) { chunks.push(c.toString()); cb(); }, final(cb) { L('final'); cb(); } });
  const ws = Writable.toWeb(w);
  console.log(ws);
  const wr = ws.getWriter(); await wr.write('hello'); await wr.write(new Uint8Array([33])); await wr.close();
  L('chunks ' + chunks.join('|') + ' finished ' + w.writableFinished);
  const sink = [];
  const ws2 = new WritableStream({ write(c) { sink.push(typeof c + ':' + (c.constructor && c.constructor.name) + ':' + c); }, close() { L('ws2 close'); } });
  const nw = Writable.fromWeb(ws2);
  L('fromWeb w ' + nw.writableObjectMode + ' ' + nw.writableHighWaterMark + ' ' + nw.writableNeedDrain);
  nw.write('abc'); nw.write(Buffer.from('d'));
  await new Promise((res) => nw.end(res));
  L('sink ' + sink.join(' '));
  try { Readable.fromWeb({}); } catch (e) { L(e.name + ' ' + e.code + ' ' + e.message); }
  try { Readable.toWeb({}); } catch (e) { L(e.name + ' ' + e.code + ' ' + e.message); }
  try { Writable.fromWeb({}); } catch (e) { L(e.name + ' ' + e.code + ' ' + e.message); }
  try { Writable.toWeb({}); } catch (e) { L(e.name + ' ' + e.code + ' ' + e.message); }
  console.log(log.join('\n'));
})();
}
