'use strict';
// readFile of 1,000 small files, all in flight at once: callbacks, then
// fs.promises. Prints "name value files/s" lines.
const fs = require('fs');
const os = require('os');
const path = require('path');

const COUNT = 1000;
const ROUNDS = 5;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-fs-'));
const files = [];
for (let i = 0; i < COUNT; i++) {
  const f = path.join(dir, `f${i}.txt`);
  fs.writeFileSync(f, `file ${i} `.repeat(40));
  files.push(f);
}

function roundCallbacks() {
  return new Promise((resolve, reject) => {
    let left = files.length;
    for (const f of files) {
      fs.readFile(f, (err) => {
        if (err) return reject(err);
        if (--left === 0) resolve();
      });
    }
  });
}

function roundPromises() {
  return Promise.all(files.map((f) => fs.promises.readFile(f)));
}

async function measure(name, round) {
  await round();  // warm-up
  let best = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = process.hrtime.bigint();
    await round();
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    best = Math.max(best, COUNT / s);
  }
  console.log(`${name} ${best.toFixed(0)} files/s`);
}

(async () => {
  try {
    await measure('readfile-1k-callback', roundCallbacks);
    await measure('readfile-1k-promises', roundPromises);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
})();
