// WHATWG streams: the order of callbacks and promise resolutions.
const log = [];
const L = (s) => log.push(s);
let n = 0;
const rs = new ReadableStream({
  start(c) { L('start'); },
  pull(c) { L('pull ' + n); if (n < 3) c.enqueue(n++); else c.close(); },
  cancel(r) { L('cancel ' + r); },
}, { highWaterMark: 2 });
const ws = new WritableStream({
  start() { L('wstart'); },
  write(c) { L('write ' + c); return Promise.resolve().then(() => {}).then(() => {}); },
  close() { L('wclose'); },
  abort(r) { L('abort ' + r); },
}, new CountQueuingStrategy({ highWaterMark: 1 }));
const w = ws.getWriter();
L('ds ' + w.desiredSize);
w.write('a').then(() => L('a done'));
L('ds ' + w.desiredSize);
w.ready.then(() => L('ready'));
w.write('b').then(() => L('b done'));
w.close().then(() => L('closed'));
w.closed.then(() => L('closed promise'));
Promise.resolve().then(() => L('tick1')).then(() => L('tick2')).then(() => L('tick3'));
const r = rs.getReader();
(async () => {
  for (;;) {
    const { value, done } = await r.read();
    L('read ' + value + ' ' + done);
    if (done) break;
  }
  r.releaseLock();
  const [b1, b2] = new ReadableStream({ start(c) { c.enqueue('x'); c.enqueue('y'); c.close(); } }).tee();
  const r1 = b1.getReader();
  L(JSON.stringify(await r1.read()));
  const r2 = b2.getReader();
  for (let x; !(x = await r2.read()).done;) L('b2 ' + x.value);
  L(JSON.stringify(await r1.read()));
  L(JSON.stringify(await r1.read()));
  const ts = new TransformStream({
    start() { L('tstart'); },
    transform(c, ctl) { L('transform ' + c); ctl.enqueue(c.toUpperCase()); },
    flush(ctl) { L('flush'); ctl.enqueue('!'); },
  });
  const src = new ReadableStream({ start(c) { c.enqueue('p'); c.enqueue('q'); c.close(); } });
  const out = [];
  await src.pipeThrough(ts).pipeTo(new WritableStream({ write(c) { L('sink ' + c); }, close() { L('sink close'); } }));
  L('piped');
  const ac = new AbortController();
  let pulls = 0;
  const slow = new ReadableStream({
    pull(c) { if (pulls++ === 0) c.enqueue(1); return new Promise(() => {}); },
    cancel(r) { L('slow cancel ' + r.name); },
  });
  const p = slow.pipeTo(new WritableStream({
    write(c) { L('slow write ' + c); setTimeout(() => ac.abort(), 0); },
    abort(r) { L('slow abort ' + r.name); },
  }), { signal: ac.signal });
  try { await p; } catch (e) { L('pipe rejected ' + e.name); }
  const it = new ReadableStream({ start(c) { c.enqueue(1); c.enqueue(2); }, cancel(r) { L('it cancel ' + r); } });
  for await (const v of it.values({ preventCancel: true })) { L('iter ' + v); break; }
  L('locked after preventCancel break ' + it.locked);
  for await (const v of it) { L('iter2 ' + v); break; }
  const ew = new WritableStream({ write() { throw new Error('boom'); } });
  const eww = ew.getWriter();
  eww.write(1).catch((e) => L('write rejected ' + e.message));
  eww.closed.catch((e) => L('closed rejected ' + e.message));
  eww.ready.catch((e) => L('ready rejected ' + e.message));
  await new Promise((r) => setTimeout(r, 1));
  const er = new ReadableStream({ start(c) { c.error(new Error('rerr')); } });
  er.pipeTo(new WritableStream({ abort(r) { L('dest abort ' + r.message); } })).catch((e) => L('pipe err ' + e.message));
  await new Promise((r) => setTimeout(r, 5));
  console.log(log.join('\n'));
})();
