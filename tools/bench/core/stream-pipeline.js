// 1 GiB through Readable -> Transform -> Writable with pipeline: MiB/s.
'use strict';
const { Readable, Transform, Writable, pipeline } = require('stream');
const total = 1024 * 1024 * 1024;
const chunk = new Uint8Array(64 * 1024).fill(97);
let sent = 0;
let received = 0;
const source = new Readable({
  read() {
    if (sent >= total) { this.push(null); return; }
    sent += chunk.length;
    this.push(chunk);
  },
});
const through = new Transform({ transform(c, e, cb) { cb(null, c); } });
const sink = new Writable({ write(c, e, cb) { received += c.length; cb(); } });
const start = process.hrtime.bigint();
pipeline(source, through, sink, (err) => {
  if (err) throw err;
  const s = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`stream-pipeline-1GiB ${(received / 1048576 / s).toFixed(0)} MiB/s`);
});
