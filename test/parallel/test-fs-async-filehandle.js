'use strict';
// fs/promises open() and its FileHandle: read, write, readFile, writeFile,
// stat, close.
const { assert, mustCall } = require('../common');
const fs = require('fs');
const fsp = require('fs/promises');
const path = require('path');
const os = require('os');

const file = path.join(os.tmpdir(), `nr-fs-async-fh-${process.pid}`);
process.on('exit', () => fs.rmSync(file, { force: true }));

async function main() {
  let fh = await fsp.open(file, 'w');
  assert.strictEqual(typeof fh.fd, 'number');
  await fh.writeFile('hello ');
  const { bytesWritten, buffer } = await fh.write(Buffer.from('world'));
  assert.strictEqual(bytesWritten, 5);
  assert.deepStrictEqual(buffer, Buffer.from('world'));
  assert.strictEqual((await fh.stat()).size, 11);
  await fh.close();
  await fh.close();  // A second close does nothing.

  fh = await fsp.open(file);
  const buf = Buffer.alloc(5);
  const r = await fh.read(buf, 0, 5, 6);
  assert.strictEqual(r.bytesRead, 5);
  assert.strictEqual(r.buffer, buf);
  assert.strictEqual(buf.toString(), 'world');
  assert.strictEqual(await fh.readFile('utf8'), 'hello world');
  await fh.close();

  await assert.rejects(fsp.open(`${file}-none`), {
    code: 'ENOENT', syscall: 'open', path: `${file}-none`,
  });
}

main().then(mustCall());
