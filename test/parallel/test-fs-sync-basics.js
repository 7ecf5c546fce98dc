'use strict';
// fs's synchronous basics: bytes and strings round trip, stats, folders.
const { assert } = require('../common');
const fs = require('fs');
const path = require('path');
const os = require('os');

const dir = fs.mkdtempSync ? fs.mkdtempSync(path.join(os.tmpdir(), 'nr-fs-')) :
  path.join(os.tmpdir(), `nr-fs-${process.pid}`);
fs.mkdirSync(dir, { recursive: true });
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

// Bytes stay bytes, whatever their values.
const bin = path.join(dir, 'bin');
const bytes = Buffer.from([0, 255, 1, 0xc3, 0x28, 0x80]);
fs.writeFileSync(bin, bytes);
assert.ok(Buffer.isBuffer(fs.readFileSync(bin)));
assert.deepStrictEqual(fs.readFileSync(bin), bytes);
assert.strictEqual(fs.readFileSync(bin, 'hex'), '00ff01c32880');
assert.strictEqual(fs.readFileSync(bin, { encoding: 'base64' }), 'AP8BwyiA');
fs.writeFileSync(bin, new Uint16Array([0x0102]));
assert.deepStrictEqual([...fs.readFileSync(bin)], [2, 1]);

// Strings are written as UTF-8; appending appends.
const txt = path.join(dir, 'txt');
fs.writeFileSync(txt, 'héllo');
fs.appendFileSync(txt, ' wörld');
assert.strictEqual(fs.readFileSync(txt, 'utf8'), 'héllo wörld');
assert.strictEqual(fs.statSync(txt).size, Buffer.byteLength('héllo wörld'));
assert.ok(fs.statSync(txt).isFile());
assert.ok(fs.statSync(dir).isDirectory());
assert.ok(fs.existsSync(txt));
assert.strictEqual(fs.existsSync(path.join(dir, 'none')), false);
assert.deepStrictEqual(fs.readdirSync(dir), ['bin', 'txt']);
assert.strictEqual(fs.realpathSync(path.join(dir, '.', 'txt')), fs.realpathSync(txt));
assert.strictEqual(fs.statSync(path.join(dir, 'none'), { throwIfNoEntry: false }),
                   undefined);

// Errors carry errno, code, syscall and path, as Node's.
assert.throws(() => fs.readFileSync(path.join(dir, 'none')), {
  code: 'ENOENT', syscall: 'open', errno: -2,
  path: path.join(dir, 'none'),
  message: `ENOENT: no such file or directory, open '${path.join(dir, 'none')}'`,
});
assert.throws(() => fs.writeFileSync(txt, 5), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => fs.readFileSync(5.5), { code: 'ERR_INVALID_ARG_TYPE' });
fs.unlinkSync(txt);
assert.strictEqual(fs.existsSync(txt), false);
