'use strict';
// A 64 MiB file streamed through fs.createReadStream (default 64 KiB
// chunks). Prints "name value MB/s".
const fs = require('fs');
const os = require('os');
const path = require('path');

const SIZE = 64 * 1024 * 1024;
const ROUNDS = 3;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-fs-'));
const file = path.join(dir, 'big.bin');
const block = Buffer.alloc(1024 * 1024, 'noderun ');
const fd = fs.openSync(file, 'w');
for (let i = 0; i < SIZE / block.length; i++) fs.writeSync(fd, block);
fs.closeSync(fd);

function round() {
  return new Promise((resolve, reject) => {
    let bytes = 0;
    fs.createReadStream(file)
      .on('data', (chunk) => { bytes += chunk.length; })
      .on('error', reject)
      .on('end', () => {
        if (bytes !== SIZE) reject(new Error(`read ${bytes} bytes`));
        else resolve();
      });
  });
}

(async () => {
  try {
    await round();
    let best = 0;
    for (let r = 0; r < ROUNDS; r++) {
      const t0 = process.hrtime.bigint();
      await round();
      const s = Number(process.hrtime.bigint() - t0) / 1e9;
      best = Math.max(best, SIZE / 1048576 / s);
    }
    console.log(`readstream-64m ${best.toFixed(0)} MB/s`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
})();
