'use strict';
// pid/ppid, platform/arch, version/versions/release, title, uid/gid.
const common = require('../common');
const { assert } = common;

for (const name of ['pid', 'ppid']) {
  const v = process[name];
  assert.strictEqual(typeof v, 'number', name);
  assert.ok(Number.isInteger(v) && v > 0, `${name} = ${v}`);
}
assert.notStrictEqual(process.pid, process.ppid);
if (common.isLinux) {
  // The kernel agrees.
  const fs = require('fs');
  const stat = fs.readFileSync('/proc/self/stat', 'utf8');
  assert.strictEqual(Number(stat.split(' ')[0]), process.pid);
  const afterName = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  assert.strictEqual(Number(afterName[1]), process.ppid);
}

assert.strictEqual(process.platform, 'linux');
assert.ok(['x64', 'arm64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64']
  .includes(process.arch), process.arch);

// The Node API level is 18.
assert.match(process.version, /^v18\.\d+\.\d+$/);
assert.strictEqual(process.versions.node, process.version.slice(1));
if (common.isNoderun) {
  // noderun's own version, beside the Node API level.
  assert.strictEqual(typeof process.versions.noderun, 'string');
  assert.match(process.versions.noderun, /^\d+\.\d+\.\d+/);
}
assert.match(process.versions.v8, /^10\.2\./);
assert.match(process.versions.uv, /^1\.\d+\.\d+$/);
for (const [k, v] of Object.entries(process.versions)) {
  assert.strictEqual(typeof v, 'string', k);
}
assert.strictEqual(process.release.name, 'node');

// User and group ids.
for (const name of ['getuid', 'geteuid', 'getgid', 'getegid']) {
  const id = process[name]();
  assert.ok(Number.isInteger(id) && id >= 0, `${name}() = ${id}`);
}
if (common.isLinux) {
  const status = require('fs').readFileSync('/proc/self/status', 'utf8');
  const field = (n) => status.match(new RegExp(`^${n}:\\s+(.*)$`, 'm'))[1]
    .split(/\s+/).map(Number);
  assert.deepStrictEqual([process.getuid(), process.geteuid()],
                         field('Uid').slice(0, 2));
  assert.deepStrictEqual([process.getgid(), process.getegid()],
                         field('Gid').slice(0, 2));
}
const groups = process.getgroups();
assert.ok(Array.isArray(groups));
for (const g of groups) assert.ok(Number.isInteger(g));

// process is an EventEmitter with the usual brand.
assert.ok(process instanceof require('events'));
assert.strictEqual(Object.prototype.toString.call(process), '[object process]');

// title: a string that can be set.
assert.strictEqual(typeof process.title, 'string');
assert.ok(process.title.length > 0);
process.title = 'noderun-test-title';
assert.strictEqual(process.title, 'noderun-test-title');
