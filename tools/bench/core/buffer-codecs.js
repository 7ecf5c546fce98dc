// Buffer encode (string -> bytes) and decode (bytes -> string) in utf8,
// base64 and hex, on 1 MiB and on 10-byte data: ops/s.
'use strict';
const { Buffer } = require('buffer');

// CPU time of this process, not wall time: the numbers stay fair when the
// machine is shared (both runtimes are measured the same way).
function cpuSeconds() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

function measure(name, iterations, fn) {
  fn();  // warm up
  const start = cpuSeconds();
  for (let i = 0; i < iterations; i++) fn();
  const s = cpuSeconds() - start;
  console.log(`${name} ${(iterations / s).toFixed(0)} ops/s`);
}

const big = Buffer.alloc(1 << 20);
for (let i = 0; i < big.length; i++) big[i] = 32 + (i * 7) % 90;
const small = Buffer.from('hello wörl');
let sink = 0;
for (const enc of ['utf8', 'base64', 'hex']) {
  const bigText = big.toString(enc);
  const smallText = small.toString(enc);
  measure(`decode-${enc}-1m`, 200, () => { sink += big.toString(enc).length; });
  measure(`encode-${enc}-1m`, 200, () => {
    sink += Buffer.from(bigText, enc).length;
  });
  measure(`decode-${enc}-10b`, 1e6, () => {
    sink += small.toString(enc).length;
  });
  measure(`encode-${enc}-10b`, 1e6, () => {
    sink += Buffer.from(smallText, enc).length;
  });
}
if (sink < 0) console.log(sink);
