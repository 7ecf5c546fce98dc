// Flags: --expose-internals
'use strict';
// os.getPriority() / os.setPriority(): argument checks with Node's errors,
// SystemError for a process that does not exist. Only this process's
// priority is ever set, and only to the value it already has.
const common = require('../common');
const { assert } = common;
const fs = require('fs');
const os = require('os');

const current = os.getPriority();
assert.ok(Number.isInteger(current) && current >= -20 && current <= 19);
assert.strictEqual(os.getPriority(0), current);
assert.strictEqual(os.getPriority(process.pid), current);

assert.strictEqual(os.setPriority(current), undefined);
assert.strictEqual(os.setPriority(0, current), undefined);
assert.strictEqual(os.setPriority(process.pid, current), undefined);
assert.strictEqual(os.getPriority(), current);

// The nice value the kernel reports for this process.
const stat = fs.readFileSync('/proc/self/stat', 'utf8');
const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
assert.strictEqual(Number(fields[16]), current);

const P = os.constants.priority;
assert.strictEqual(P.PRIORITY_LOW, 19);
assert.strictEqual(P.PRIORITY_HIGHEST, -20);

function typeError(name, received) {
  return {
    name: 'TypeError',
    code: 'ERR_INVALID_ARG_TYPE',
    message: `The "${name}" argument must be of type number. ` +
      `Received ${received}`,
  };
}
function rangeError(name, range, received) {
  return {
    name: 'RangeError',
    code: 'ERR_OUT_OF_RANGE',
    message: `The value of "${name}" is out of range. It must be ${range}. ` +
      `Received ${received}`,
  };
}

assert.throws(() => os.getPriority('x'),
              typeError('pid', "type string ('x')"));
assert.throws(() => os.getPriority(null), typeError('pid', 'null'));
assert.throws(() => os.getPriority(1.5),
              rangeError('pid', 'an integer', '1.5'));
assert.throws(() => os.getPriority(2 ** 31),
              rangeError('pid', '>= -2147483648 && <= 2147483647',
                         '2147483648'));

// One argument is the priority, for this process.
assert.throws(() => os.setPriority(), typeError('priority', 'undefined'));
assert.throws(() => os.setPriority('x'),
              typeError('priority', "type string ('x')"));
assert.throws(() => os.setPriority(20),
              rangeError('priority', '>= -20 && <= 19', '20'));
assert.throws(() => os.setPriority(-21),
              rangeError('priority', '>= -20 && <= 19', '-21'));
assert.throws(() => os.setPriority(0, NaN),
              rangeError('priority', 'an integer', 'NaN'));
assert.throws(() => os.setPriority(0, null), typeError('priority', 'null'));
assert.throws(() => os.setPriority(undefined, 0),
              typeError('pid', 'undefined'));
assert.throws(() => os.setPriority('a', 1),
              typeError('pid', "type string ('a')"));
assert.throws(() => os.setPriority(1.5, 1),
              rangeError('pid', 'an integer', '1.5'));

// A pid above the kernel's maximum names no process.
const pidMax = Number(fs.readFileSync('/proc/sys/kernel/pid_max', 'utf8'));
const missing = Math.min(pidMax + 1, 2 ** 31 - 1);
for (const [fn, syscall] of [[() => os.getPriority(missing),
                              'uv_os_getpriority'],
                             [() => os.setPriority(missing, current),
                              'uv_os_setpriority']]) {
  assert.throws(fn, (err) => {
    assert.ok(err instanceof Error);
    assert.strictEqual(err.name, 'SystemError');
    assert.strictEqual(err.code, 'ERR_SYSTEM_ERROR');
    assert.strictEqual(err.message, `A system error occurred: ${syscall} ` +
      'returned ESRCH (no such process)');
    assert.deepStrictEqual(err.info, {
      errno: -3, code: 'ESRCH', message: 'no such process', syscall,
    });
    assert.strictEqual(err.errno, -3);
    assert.strictEqual(err.syscall, syscall);
    assert.deepStrictEqual(Object.keys(err),
                           ['code', 'info', 'errno', 'syscall']);
    return true;
  });
}
assert.strictEqual(os.getPriority(), current);

// The native acts only when given every argument, the error context last:
// a stray call cannot change a priority.
if (common.isNoderun) {
  const { internalBinding } = require('internal/test/binding');
  const binding = internalBinding('os');
  const other = current < 19 ? current + 1 : current - 1;
  assert.throws(() => binding.setPriority(0, other), { name: 'TypeError' });
  assert.throws(() => binding.setPriority(0, 20, {}),
                { code: 'ERR_OUT_OF_RANGE' });
  assert.throws(() => binding.setPriority('0', other, {}),
                { code: 'ERR_INVALID_ARG_TYPE' });
  assert.strictEqual(os.getPriority(), current);
  const ctx = {};
  assert.strictEqual(binding.getPriority(missing, ctx), undefined);
  assert.strictEqual(ctx.code, 'ESRCH');
}
