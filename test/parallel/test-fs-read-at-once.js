'use strict';
// An asynchronous read the page cache serves is done on the loop thread
// (noderun: counted as `inline`, not as pool work), yet it behaves as a
// pooled one: the callback never runs inside the call, comes after the
// ticks and promises queued with it, and the results (short reads at the
// end of a file, the file position, readv's scatter, errors, what a pipe
// had) are read(2)'s.
const common = require('../common');
const { assert, mustCall, mustSucceed, tmpdir, isNoderun } = common;
const fs = require('fs');
const { spawn } = require('child_process');

tmpdir.refresh();
const file = tmpdir.resolve('data.bin');
const data = Buffer.alloc(200000);
for (let i = 0; i < data.length; i++) data[i] = (i * 7 + (i >> 8)) & 0xff;
fs.writeFileSync(file, data);
fs.readFileSync(file);  // now in the page cache

const stats = isNoderun ? () => require('noderun:threadpool').stats().fs :
  null;
// ext4 serves reads without waiting (RWF_NOWAIT); a file system that
// does not (tmpfs here, FUSE, NFS) leaves them to the pool.
const ext4 = fs.statfsSync(tmpdir.path).type === 0xEF53;

const fd = fs.openSync(file, 'r');
const steps = [];

// Not from inside the call, and after the ticks and promises queued with
// it; the bytes are the file's.
steps.push((next) => {
  const before = stats && stats();
  const order = [];
  let returned = false;
  const buf = Buffer.alloc(65536);
  fs.read(fd, buf, 0, buf.length, 1000, mustSucceed((n, b) => {
    order.push('read');
    assert.ok(returned);
    assert.deepStrictEqual(order, ['tick', 'promise', 'read']);
    assert.strictEqual(n, 65536);
    assert.strictEqual(b, buf);
    assert.ok(buf.equals(data.subarray(1000, 1000 + 65536)));
    if (stats) {
      const after = stats();
      const inline = after.inline - before.inline;
      assert.strictEqual(inline + after.completed - before.completed, 1);
      if (ext4) assert.strictEqual(inline, 1);
    }
    next();
  }));
  if (isNoderun) {
    assert.deepStrictEqual(process.getActiveResourcesInfo()
      .filter((r) => r === 'FSReqCallback'), ['FSReqCallback']);
  }
  returned = true;
  process.nextTick(() => order.push('tick'));
  Promise.resolve().then(() => order.push('promise'));
});

// A read across the end of the file is short; one past it reads 0.
steps.push((next) => {
  const buf = Buffer.alloc(4096);
  fs.read(fd, buf, 0, 4096, data.length - 100, mustSucceed((n) => {
    assert.strictEqual(n, 100);
    assert.ok(buf.subarray(0, 100).equals(data.subarray(-100)));
    fs.read(fd, buf, 0, 4096, data.length, mustSucceed((n) => {
      assert.strictEqual(n, 0);
      next();
    }));
  }));
});

// Without a position: from the file's own, which moves on.
steps.push((next) => {
  const seq = fs.openSync(file, 'r');
  const parts = [];
  const readMore = () => {
    const buf = Buffer.alloc(70000);
    fs.read(seq, buf, 0, buf.length, null, mustSucceed((n) => {
      if (n === 0) {
        fs.closeSync(seq);
        assert.ok(Buffer.concat(parts).equals(data));
        assert.deepStrictEqual(parts.map((p) => p.length),
                               [70000, 70000, 60000]);
        return next();
      }
      parts.push(buf.subarray(0, n));
      readMore();
    }));
  };
  readMore();
});

// readv fills its views in order.
steps.push((next) => {
  const a = Buffer.alloc(10);
  const b = new Uint8Array(20);
  fs.readv(fd, [a, b], 50, mustSucceed((n, views) => {
    assert.strictEqual(n, 30);
    assert.strictEqual(views[0], a);
    assert.ok(a.equals(data.subarray(50, 60)));
    assert.ok(Buffer.from(b).equals(data.subarray(60, 80)));
    next();
  }));
});

// Errors are the pool's: a directory, a closed fd.
steps.push((next) => {
  const dirFd = fs.openSync(tmpdir.path, 'r');
  fs.read(dirFd, Buffer.alloc(10), 0, 10, null, mustCall((err) => {
    fs.closeSync(dirFd);
    assert.strictEqual(err.code, 'EISDIR');
    assert.strictEqual(err.syscall, 'read');
    const closed = fs.openSync(file, 'r');
    fs.closeSync(closed);
    fs.read(closed, Buffer.alloc(10), 0, 10, 0, mustCall((err) => {
      assert.strictEqual(err.code, 'EBADF');
      next();
    }));
  }));
});

// A pipe: what it has now, not a wait for the whole length.
steps.push((next) => {
  const child = spawn(process.execPath, ['-e', `
    const fs = require('fs');
    const buf = Buffer.alloc(1000);
    fs.read(0, buf, 0, 1000, null, (err, n) => {
      if (err) throw err;
      process.stdout.write(String(n) + ':' + buf.toString('latin1', 0, n));
      process.exit(0);
    });
  `], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (s) => { out += s; });
  child.stdin.write('hello');  // the pipe stays open
  child.on('close', mustCall((code) => {
    assert.strictEqual(code, 0);
    assert.strictEqual(out, '5:hello');
    next();
  }));
});

// A stream over the file: Node's chunks.
steps.push((next) => {
  const chunks = [];
  fs.createReadStream(file, { start: 10, end: 150009 })
    .on('data', (c) => chunks.push(c))
    .on('end', mustCall(() => {
      assert.deepStrictEqual(chunks.map((c) => c.length),
                             [65536, 65536, 18928]);
      assert.ok(Buffer.concat(chunks).equals(data.subarray(10, 150010)));
      next();
    }));
});

(function run() {
  const step = steps.shift();
  if (step) step(run);
  else fs.closeSync(fd);
})();

// process.exit() with a read served at once still pending: no callback,
// nothing left behind (the ASan build checks the frees).
const child = spawn(process.execPath, ['-e', `
  const fs = require('fs');
  fs.readFileSync(${JSON.stringify(file)});
  const fd = fs.openSync(${JSON.stringify(file)}, 'r');
  for (let i = 0; i < 4; i++) {
    fs.read(fd, Buffer.alloc(4096), 0, 4096, 0, () => process.exit(3));
  }
  process.exit(0);
`], { stdio: 'inherit' });
child.on('close', mustCall((code) => assert.strictEqual(code, 0)));
