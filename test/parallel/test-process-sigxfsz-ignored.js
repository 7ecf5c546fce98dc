'use strict';
// A write past RLIMIT_FSIZE fails with EFBIG, as in Node, instead of the
// process being killed by SIGXFSZ.
require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');
const fs = require('fs');

if (process.argv[2] === 'child') {
  const tmpdir = require('../common/tmpdir');
  tmpdir.refresh();
  assert.throws(() => fs.writeFileSync(tmpdir.resolve('big'), 'x'.repeat(8192)),
                { code: 'EFBIG', syscall: 'write' });
  console.log('EFBIG');
  return;
}

// ulimit -f counts blocks of 512 bytes in POSIX sh.
const child = spawnSync('/bin/sh', [
  '-c', `ulimit -f 1 && exec "${process.execPath}" "${__filename}" child`,
]);
assert.strictEqual(child.signal, null, child.stderr.toString());
assert.strictEqual(child.status, 0, child.stderr.toString());
assert.strictEqual(child.stdout.toString(), 'EFBIG\n');
