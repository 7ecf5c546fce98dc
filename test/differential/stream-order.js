// Stream event order, backpressure and errors.
'use strict';
const { Readable, Writable, Transform, PassThrough, pipeline, finished } = require('stream');
const log = (...a) => console.log(...a);
const r = new Readable({ read() {} , objectMode: true });
['data', 'end', 'close', 'pause', 'resume'].forEach((ev) => r.on(ev, (x) => log('r', ev, x)));
r.push(1); r.push(2); r.push(null);
const w = new Writable({ highWaterMark: 3, decodeStrings: false, write(c, e, cb) { log('write', c); setImmediate(cb); } });
['drain', 'finish', 'close'].forEach((ev) => w.on(ev, () => log('w', ev)));
log('ret', w.write('ab'), w.write('cd'), w.writableLength, w.writableNeedDrain);
w.end('ef', () => log('end cb'));
const t = new Transform({ objectMode: true, transform(c, e, cb) { cb(null, c * 10); }, flush(cb) { this.push('flushed'); cb(); } });
const out = [];
pipeline(Readable.from([1, 2, 3]), t, new Writable({ objectMode: true, write(c, e, cb) { out.push(c); cb(); } }),
  (err) => log('pipeline done', err, out));
const bad = new PassThrough();
finished(bad, (err) => log('finished', err && err.message));
bad.destroy(new Error('destroyed'));
bad.on('error', (e) => log('error event', e.message));
(async () => { const got = []; for await (const x of Readable.from(['a', 'b'])) got.push(x); log('iter', got); })();
