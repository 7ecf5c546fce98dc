// Buffer basics on 64 KiB of data: from/toString in utf8 and base64,
// readUInt32LE over a buffer, and concat of small chunks.
'use strict';
const { Buffer } = require('buffer');

function measure(name, iterations, fn) {
  fn();  // warm up
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) fn();
  const ns = Number(process.hrtime.bigint() - start);
  console.log(`${name} ${(iterations / ns * 1e9).toFixed(0)} ops/s`);
}

const text = 'héllo wörld, 64 KiB of mostly ASCII text. '.repeat(1600)
  .slice(0, 65536);
const bytes = Buffer.from(text);
const b64 = bytes.toString('base64');
let sink = 0;

measure('from-utf8-64k', 2000, () => { sink += Buffer.from(text).length; });
measure('tostring-utf8-64k', 2000, () => { sink += bytes.toString().length; });
measure('from-base64-64k', 2000, () => {
  sink += Buffer.from(b64, 'base64').length;
});
measure('tostring-base64-64k', 2000, () => {
  sink += bytes.toString('base64').length;
});
measure('readuint32le-64k', 500, () => {
  for (let i = 0; i + 4 <= bytes.length; i += 4) sink += bytes.readUInt32LE(i);
});
const chunks = [];
for (let i = 0; i < 64; i++) chunks.push(Buffer.from(`chunk ${i} `.repeat(8)));
measure('concat-64-chunks', 50000, () => {
  sink += Buffer.concat(chunks).length;
});
if (sink < 0) console.log(sink);
