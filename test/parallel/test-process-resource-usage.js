'use strict';
// process.memoryUsage(), process.cpuUsage() and process.resourceUsage().
const common = require('../common');
const { assert } = common;

const mem = process.memoryUsage();
assert.deepStrictEqual(Object.keys(mem),
                       ['rss', 'heapTotal', 'heapUsed', 'external',
                        'arrayBuffers']);
for (const [k, v] of Object.entries(mem)) {
  assert.ok(Number.isInteger(v) && v >= 0, `${k} = ${v}`);
}
assert.ok(mem.rss > 1024 * 1024, `rss ${mem.rss}`);
assert.ok(mem.heapUsed <= mem.heapTotal);
assert.ok(mem.heapTotal < mem.rss * 4);
// rss() alone.
assert.strictEqual(typeof process.memoryUsage.rss, 'function');
const rss = process.memoryUsage.rss();
assert.ok(Number.isInteger(rss) && rss > 1024 * 1024);
// Allocating grows the heap figures.
const keep = [];
const before = process.memoryUsage().heapUsed;
for (let i = 0; i < 20000; i++) keep.push({ i, s: `str${i}` });
assert.ok(process.memoryUsage().heapUsed > before);
// ArrayBuffers count as external memory.
const extBefore = process.memoryUsage().arrayBuffers;
const ab = new ArrayBuffer(8 * 1024 * 1024);
assert.ok(process.memoryUsage().arrayBuffers >= extBefore + ab.byteLength);

// cpuUsage: microseconds of user and system time.
const cpu = process.cpuUsage();
assert.deepStrictEqual(Object.keys(cpu), ['user', 'system']);
for (const [k, v] of Object.entries(cpu)) {
  assert.ok(Number.isInteger(v) && v >= 0, `${k} = ${v}`);
}
// Busy work shows up as CPU time (the loop is capped by wall time in case
// the figures never move).
const spinStart = Date.now();
let x = 0;
let diff;
do {
  for (let i = 0; i < 1e5; i++) x += Math.sqrt(x + i);
  diff = process.cpuUsage(cpu);
} while (diff.user + diff.system < 20000 && Date.now() - spinStart < 10000);
assert.ok(diff.user + diff.system >= 20000, `${diff.user} ${diff.system}`);
assert.ok(diff.user > 0 && diff.system >= 0);
assert.ok(diff.user < 60e6);
const now = process.cpuUsage();
assert.ok(now.user >= cpu.user + diff.user);

assert.throws(() => process.cpuUsage(5), {
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "prevValue" argument must be of type object. ' +
    'Received type number (5)',
});
assert.throws(() => process.cpuUsage({ user: 'a', system: 0 }), {
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "prevValue.user" property must be of type number. ' +
    "Received type string ('a')",
});
assert.throws(() => process.cpuUsage({ user: -1, system: 0 }), {
  name: 'RangeError',
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The property 'prevValue.user' is invalid. Received -1",
});

// resourceUsage: getrusage()'s figures under Node's names, in Node's order.
const ru = process.resourceUsage();
assert.deepStrictEqual(Object.keys(ru), [
  'userCPUTime', 'systemCPUTime', 'maxRSS', 'sharedMemorySize',
  'unsharedDataSize', 'unsharedStackSize', 'minorPageFault',
  'majorPageFault', 'swappedOut', 'fsRead', 'fsWrite', 'ipcSent',
  'ipcReceived', 'signalsCount', 'voluntaryContextSwitches',
  'involuntaryContextSwitches',
]);
for (const [k, v] of Object.entries(ru)) {
  assert.ok(Number.isInteger(v) && v >= 0, `${k} = ${v}`);
}
// The same clock as cpuUsage (µs), and the peak RSS in KiB.
assert.ok(ru.userCPUTime >= now.user, `${ru.userCPUTime} ${now.user}`);
assert.ok(ru.maxRSS * 1024 >= process.memoryUsage.rss() / 2,
          `maxRSS ${ru.maxRSS}`);
// Touching fresh memory costs page faults.
const fresh = Buffer.alloc(16 * 1024 * 1024, 1);
const after = process.resourceUsage();
assert.ok(after.minorPageFault > ru.minorPageFault);
assert.ok(after.maxRSS >= ru.maxRSS);
assert.strictEqual(fresh[fresh.length - 1], 1);
