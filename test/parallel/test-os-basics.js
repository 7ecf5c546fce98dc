'use strict';
// The os module's shape and the facts it reports about this system, checked
// against what the kernel says in /proc.
const common = require('../common');
const { assert } = common;
const fs = require('fs');
const os = require('os');

const proc = (name) => fs.readFileSync(`/proc/sys/kernel/${name}`, 'utf8')
  .replace(/\n$/, '');

// The exports, in Node 18's order.
assert.deepStrictEqual(Object.keys(os), [
  'arch', 'availableParallelism', 'cpus', 'endianness', 'freemem',
  'getPriority', 'homedir', 'hostname', 'loadavg', 'networkInterfaces',
  'platform', 'release', 'setPriority', 'tmpdir', 'totalmem', 'type',
  'userInfo', 'uptime', 'version', 'machine', 'constants', 'EOL', 'devNull',
]);
assert.deepStrictEqual(Object.getOwnPropertyDescriptor(os, 'EOL'), {
  value: '\n', writable: false, enumerable: true, configurable: true,
});
assert.deepStrictEqual(Object.getOwnPropertyDescriptor(os, 'devNull'), {
  value: '/dev/null', writable: false, enumerable: true, configurable: true,
});
const constantsDesc = Object.getOwnPropertyDescriptor(os, 'constants');
assert.strictEqual(constantsDesc.writable, false);
assert.strictEqual(constantsDesc.configurable, false);
assert.strictEqual(constantsDesc.enumerable, true);

// Arity as in Node.
assert.strictEqual(os.getPriority.length, 1);
assert.strictEqual(os.setPriority.length, 2);
assert.strictEqual(os.userInfo.length, 1);
assert.strictEqual(os.hostname.length, 0);

// The functions that also work as values in a string or number context,
// and those that do not.
const primitive = ['arch', 'availableParallelism', 'endianness', 'freemem',
  'homedir', 'hostname', 'platform', 'release', 'tmpdir', 'totalmem', 'type',
  'uptime', 'version', 'machine'];
for (const key of Object.keys(os)) {
  if (typeof os[key] !== 'function') continue;
  const toPrimitive = os[key][Symbol.toPrimitive];
  if (!primitive.includes(key)) {
    assert.strictEqual(toPrimitive, undefined, key);
    continue;
  }
  assert.strictEqual(typeof toPrimitive, 'function', key);
  if (key !== 'uptime' && key !== 'freemem') {
    assert.strictEqual(`${os[key]}`, String(os[key]()), key);
  }
}
assert.ok(+os.totalmem > 0);

// Fixed facts.
assert.strictEqual(os.EOL, '\n');
assert.strictEqual(os.devNull, '/dev/null');
assert.strictEqual(os.arch(), process.arch);
assert.strictEqual(os.platform(), process.platform);
const little = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
assert.strictEqual(os.endianness(), little ? 'LE' : 'BE');

// uname(2), as /proc shows it.
assert.strictEqual(os.type(), proc('ostype'));
assert.strictEqual(os.release(), proc('osrelease'));
assert.strictEqual(os.version(), proc('version'));
assert.strictEqual(os.hostname(), proc('hostname'));
const machines = { x64: 'x86_64', arm64: 'aarch64', ia32: 'i686' };
if (machines[process.arch] !== undefined) {
  assert.strictEqual(os.machine(), machines[process.arch]);
}

// homedir() follows $HOME, else the user's entry.
const savedHome = process.env.HOME;
process.env.HOME = '/some/where/';
assert.strictEqual(os.homedir(), '/some/where/');
delete process.env.HOME;
assert.strictEqual(os.homedir(), os.userInfo().homedir);
if (savedHome !== undefined) process.env.HOME = savedHome;

// Memory, load, uptime, processors.
const total = os.totalmem();
const free = os.freemem();
assert.ok(Number.isInteger(total) && total > 0);
assert.ok(Number.isInteger(free) && free > 0 && free <= total);
const meminfo = fs.readFileSync('/proc/meminfo', 'utf8');
const memTotal = Number(/MemTotal:\s+(\d+) kB/.exec(meminfo)[1]) * 1024;
assert.strictEqual(total, memTotal);

const load = os.loadavg();
assert.ok(Array.isArray(load) && load.length === 3);
for (const v of load) assert.ok(typeof v === 'number' && v >= 0);

const up = os.uptime();
const procUp = Number(fs.readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
assert.ok(typeof up === 'number' && up > 0);
assert.ok(Math.abs(up - procUp) < 5, `${up} vs ${procUp}`);

const par = os.availableParallelism();
assert.ok(Number.isInteger(par) && par >= 1);

const cpus = os.cpus();
assert.ok(Array.isArray(cpus) && cpus.length >= 1);
assert.ok(par <= cpus.length);
for (const cpu of cpus) {
  assert.deepStrictEqual(Object.keys(cpu), ['model', 'speed', 'times']);
  assert.strictEqual(typeof cpu.model, 'string');
  assert.ok(Number.isInteger(cpu.speed) && cpu.speed >= 0);
  assert.deepStrictEqual(Object.keys(cpu.times),
                         ['user', 'nice', 'sys', 'idle', 'irq']);
  for (const t of Object.values(cpu.times)) {
    assert.ok(Number.isInteger(t) && t >= 0);
  }
}
// Times are in milliseconds: the sum for one CPU is about the uptime.
const busy = Object.values(cpus[0].times).reduce((a, b) => a + b, 0);
assert.ok(busy / 1000 <= up * 1.5 + 10, `${busy} ms in ${up} s`);
