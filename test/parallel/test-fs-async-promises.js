'use strict';
// fs/promises and fs.promises: the same operations as promises.
const { assert, mustCall } = require('../common');
const fs = require('fs');
const fsp = require('fs/promises');
const path = require('path');
const os = require('os');

assert.strictEqual(fs.promises, fsp);
assert.strictEqual(require('node:fs/promises'), fsp);

const dir = path.join(os.tmpdir(), `nr-fs-async-p-${process.pid}`);
fs.rmSync(dir, { recursive: true, force: true });
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

async function main() {
  assert.strictEqual(await fsp.mkdir(path.join(dir, 'sub', 'deep'),
                                     { recursive: true }), dir);
  const file = path.join(dir, 'f.txt');
  assert.strictEqual(await fsp.writeFile(file, 'one'), undefined);
  await fsp.appendFile(file, new Uint8Array([0x2c, 0x32]));
  assert.strictEqual(await fsp.readFile(file, 'utf8'), 'one,2');
  assert.deepStrictEqual(await fsp.readFile(file), Buffer.from('one,2'));
  assert.strictEqual((await fsp.stat(file)).size, 5);
  assert.ok((await fsp.lstat(dir)).isDirectory());
  assert.deepStrictEqual(await fsp.readdir(dir), ['f.txt', 'sub']);
  await fsp.access(file, fs.constants.W_OK);
  await fsp.rename(file, path.join(dir, 'g.txt'));
  assert.strictEqual(await fsp.realpath(path.join(dir, 'sub', '..', 'g.txt')),
                     fs.realpathSync(path.join(dir, 'g.txt')));
  await fsp.unlink(path.join(dir, 'g.txt'));
  await fsp.rmdir(path.join(dir, 'sub', 'deep'));

  // Failures reject with the system error.
  await assert.rejects(fsp.readFile(path.join(dir, 'g.txt')), {
    code: 'ENOENT', syscall: 'open', path: path.join(dir, 'g.txt'),
  });
  await assert.rejects(fsp.rmdir(dir), { code: 'ENOTEMPTY', syscall: 'rmdir' });
  await assert.rejects(fsp.rm(dir), { code: 'ERR_FS_EISDIR' });
  // A bad argument rejects rather than throws.
  const p = fsp.stat(42);
  assert.ok(p instanceof Promise);
  await assert.rejects(p, { code: 'ERR_INVALID_ARG_TYPE' });

  await fsp.rm(dir, { recursive: true });
  assert.strictEqual(fs.existsSync(dir), false);
  await fsp.rm(dir, { force: true });
}

main().then(mustCall());
