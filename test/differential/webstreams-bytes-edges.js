// Byte streams: cancel, pipeTo, error, close with a pending BYOB read, tee.
// byte stream edge cases: tee, pipeTo, cancel with pending BYOB read, error
const log = []; const L = (s) => log.push(s);
(async () => {
  let c1;
  const s1 = new ReadableStream({ type: 'bytes', start(c) { c1 = c; }, cancel(r) { L('cancel ' + r); } });
  const br = s1.getReader({ mode: 'byob' });
  const p = br.read(new Uint8Array(4));
  p.then((r) => L('pending read ' + r.done + ' ' + r.value));
  await br.cancel('why');
  L('after cancel');
  await p;
  const s2 = new ReadableStream({ type: 'bytes', start(c) { c.enqueue(new Uint8Array([1, 2, 3])); c.close(); } });
  const out = [];
  await s2.pipeTo(new WritableStream({ write(ch) { out.push(ch.constructor.name + ':' + Array.from(ch)); } }));
  L('piped ' + out.join(' '));
  let c3;
  const s3 = new ReadableStream({ type: 'bytes', start(c) { c3 = c; } });
  const r3 = s3.getReader({ mode: 'byob' });
  const p3 = r3.read(new Uint8Array(2));
  c3.error(new Error('bad'));
  try { await p3; } catch (e) { L('errored ' + e.message); }
  try { await r3.closed; } catch (e) { L('closed ' + e.message); }
  let c4;
  const s4 = new ReadableStream({ type: 'bytes', start(c) { c4 = c; } });
  const r4 = s4.getReader({ mode: 'byob' });
  const p4 = r4.read(new Uint8Array(2));
  c4.close();
  L('byobRequest after close ' + (c4.byobRequest && c4.byobRequest.view.byteLength));
  c4.byobRequest.respond(0);
  const v4 = await p4; L('closed read ' + v4.done + ' ' + v4.value.byteLength);
  try { c4.byobRequest; } catch (e) { L(e.message); }
  L('byobRequest now ' + c4.byobRequest);
  const s5 = new ReadableStream({ type: 'bytes', start(c) { c.enqueue(new Uint8Array([5])); c.enqueue(new Uint8Array([6, 7])); c.close(); } });
  const [t1, t2] = s5.tee();
  const a = []; for await (const x of t1) a.push(Array.from(x).join());
  const b = []; for await (const x of t2) b.push(Array.from(x).join());
  L('tee ' + a.join('|') + ' / ' + b.join('|'));
  const s6 = new ReadableStream({ type: 'bytes', start(c) { c.enqueue(new Uint8Array([1, 2, 3])); c.close(); } });
  const r6 = s6.getReader({ mode: 'byob' });
  try { await r6.read(new Uint16Array(2)); L('read16 ok'); const x = await r6.read(new Uint16Array(2)); L('second ' + x.done); } catch (e) { L('r6 ' + e.name + ' ' + e.code + ' ' + e.message); }
  console.log(log.join('\n'));
})();
