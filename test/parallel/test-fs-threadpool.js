// Flags: --expose-internals
'use strict';
// Every asynchronous fs call runs on libuv's pool through the one counted
// path (noderun:threadpool's 'fs' numbers; a read the page cache serves is
// done at once instead: test-fs-read-at-once.js), and closing fds 0-2 from
// JS leaves the process whole.
const { assert, mustCall, tmpdir, isNoderun } = require('../common');
const fs = require('fs');
const { spawnSync } = require('child_process');

tmpdir.refresh();

if (isNoderun) {
  const { internalBinding } = require('internal/test/binding');
  const threadpool = internalBinding('threadpool');
  const before = threadpool.stats().fs.completed;
  let pending = 0;
  const done = mustCall(() => {
    if (--pending > 0) return;
    // open + write + close, stat, readFile, readdir, mkdir, rmdir: 8.
    assert.strictEqual(threadpool.stats().fs.completed - before, 8);
  }, 5);
  pending = 5;
  fs.writeFile(tmpdir.resolve('t.txt'), 'x', done);
  fs.stat(tmpdir.path, done);
  fs.readFile(__filename, done);
  fs.readdir(tmpdir.path, done);
  fs.mkdir(tmpdir.resolve('d'), () => fs.rmdir(tmpdir.resolve('d'), done));
}

// fs.closeSync(0..2) in a child: the process goes on and exits normally.
// noderun points the numbers at /dev/null (Node frees them), so later opens
// do not take over the slots libuv and process.stdout still use.
const child = spawnSync(process.execPath, ['-e', `
  const fs = require('fs');
  fs.closeSync(0);
  fs.close(2, (err) => {
    if (err) throw err;
    const fd = fs.openSync(${JSON.stringify(__filename)}, 'r');
    if (${isNoderun} && fd <= 2) process.exit(3);
    fs.writeSync(1, 'alive');
    setTimeout(() => process.exit(0), 10);
  });
`], { encoding: 'utf8' });
assert.strictEqual(child.status, 0, child.stderr);
assert.strictEqual(child.stdout, 'alive');
