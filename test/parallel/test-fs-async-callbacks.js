'use strict';
// fs's callback forms: files and folders round trip through the threadpool.
const { assert, mustCall } = require('../common');
const fs = require('fs');
const path = require('path');
const os = require('os');

const dir = path.join(os.tmpdir(), `nr-fs-async-cb-${process.pid}`);
fs.rmSync(dir, { recursive: true, force: true });
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

const deep = path.join(dir, 'a', 'b');
fs.mkdir(deep, { recursive: true }, mustCall((err, first) => {
  assert.ifError(err);
  // The first folder made is reported; a second call makes none.
  assert.strictEqual(first, dir);
  fs.mkdir(deep, { recursive: true }, mustCall((err, again) => {
    assert.ifError(err);
    assert.strictEqual(again, undefined);
    files();
  }));
}));

function files() {
  const file = path.join(dir, 'a', 'f.txt');
  const bytes = Buffer.from([0, 255, 1, 0xc3, 0x28, 0x80]);
  fs.writeFile(file, 'héllo', mustCall((err) => {
    assert.strictEqual(err, null);
    fs.appendFile(file, ' wörld', 'utf8', mustCall((err) => {
      assert.strictEqual(err, null);
      fs.readFile(file, 'utf8', mustCall((err, text) => {
        assert.strictEqual(err, null);
        assert.strictEqual(text, 'héllo wörld');
        binary(bytes);
      }));
    }));
  }));
  fs.stat(dir, mustCall((err, st) => {
    assert.strictEqual(err, null);
    assert.ok(st instanceof fs.Stats);
    assert.ok(st.isDirectory());
    assert.ok(st.mtime instanceof Date);
  }));
}

function binary(bytes) {
  const bin = path.join(dir, 'bin');
  fs.writeFile(bin, bytes, mustCall((err) => {
    assert.strictEqual(err, null);
    fs.readFile(bin, mustCall((err, data) => {
      assert.strictEqual(err, null);
      assert.ok(Buffer.isBuffer(data));
      assert.deepStrictEqual(data, bytes);
      fs.lstat(bin, mustCall((err, st) => {
        assert.strictEqual(err, null);
        assert.ok(st.isFile());
        assert.strictEqual(st.size, bytes.length);
        descriptors(bin, bytes);
      }));
    }));
  }));
}

function descriptors(bin, bytes) {
  fs.open(bin, 'r+', mustCall((err, fd) => {
    assert.strictEqual(err, null);
    assert.strictEqual(typeof fd, 'number');
    const buf = Buffer.alloc(8, 0x2e);
    fs.read(fd, buf, 2, 3, 1, mustCall((err, n, same) => {
      assert.strictEqual(err, null);
      assert.strictEqual(n, 3);
      assert.strictEqual(same, buf);
      assert.deepStrictEqual([...buf], [46, 46, 255, 1, 0xc3, 46, 46, 46]);
      fs.write(fd, Buffer.from('XYZ'), 1, 2, 0, mustCall((err, w, src) => {
        assert.strictEqual(err, null);
        assert.strictEqual(w, 2);
        assert.deepStrictEqual(src, Buffer.from('XYZ'));
        fs.fstat(fd, mustCall((err, st) => {
          assert.strictEqual(err, null);
          assert.strictEqual(st.size, bytes.length);
          fs.close(fd, mustCall((err) => {
            assert.strictEqual(err, null);
            assert.deepStrictEqual([...fs.readFileSync(bin)].slice(0, 3),
                                   [0x59, 0x5a, 1]);
            names();
          }));
        }));
      }));
    }));
  }));
}

function names() {
  const from = path.join(dir, 'bin');
  const to = path.join(dir, 'moved');
  fs.rename(from, to, mustCall((err) => {
    assert.strictEqual(err, null);
    fs.readdir(dir, mustCall((err, list) => {
      assert.strictEqual(err, null);
      assert.deepStrictEqual(list, ['a', 'moved']);
      fs.exists(to, mustCall((yes) => {
        assert.strictEqual(yes, true);
        fs.access(to, fs.constants.R_OK, mustCall((err) => {
          assert.strictEqual(err, null);
          fs.realpath(path.join(dir, 'a', '..', 'moved'), mustCall((err, p) => {
            assert.strictEqual(err, null);
            assert.strictEqual(p, fs.realpathSync(to));
            removal(to);
          }));
        }));
      }));
    }));
  }));
}

function removal(to) {
  fs.unlink(to, mustCall((err) => {
    assert.strictEqual(err, null);
    fs.exists(to, mustCall((yes) => assert.strictEqual(yes, false)));
    fs.rmdir(path.join(dir, 'a', 'b'), mustCall((err) => {
      assert.strictEqual(err, null);
      assert.ok(!fs.existsSync(path.join(dir, 'a', 'b')));
    }));
  }));
}
