'use strict';
// process.setuid/setgid/seteuid/setegid/setgroups: ids are uint32 numbers or
// names, both looked up (an unknown one is ERR_UNKNOWN_CREDENTIAL); a
// refused change is Node's legacy "EPERM, ..." error.
require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');

if (process.argv[2] === 'child') {
  // Root drops to nobody; anyone else is refused.
  if (process.getuid() === 0) {
    let group = 'nogroup';
    try {
      process.setgid('nobody');
      group = 'nobody';
    } catch (err) {
      assert.strictEqual(err.code, 'ERR_UNKNOWN_CREDENTIAL');
      process.setgid('nogroup');
    }
    process.setgroups([group]);
    process.setuid('nobody');
    assert.notStrictEqual(process.getuid(), 0);
    assert.throws(() => process.setuid(0), {
      code: 'EPERM', syscall: 'setuid',
      message: 'EPERM, Operation not permitted',
    });
    console.log('dropped');
  } else {
    assert.throws(() => process.setuid('nobody'),
                  /^Error: EPERM, Operation not permitted$/);
    console.log('refused');
  }
  return;
}

for (const fn of ['setuid', 'setgid', 'seteuid', 'setegid']) {
  assert.throws(() => process[fn]({}), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "id" argument must be one of type number or string. ' +
             'Received an instance of Object',
  });
  assert.throws(() => process[fn](-1), { code: 'ERR_OUT_OF_RANGE' });
  assert.throws(() => process[fn](1.5), { code: 'ERR_OUT_OF_RANGE' });
  const kind = fn.endsWith('uid') ? 'User' : 'Group';
  assert.throws(() => process[fn]('no-such-credential-here'), {
    code: 'ERR_UNKNOWN_CREDENTIAL',
    message: `${kind} identifier does not exist: no-such-credential-here`,
  });
  assert.throws(() => process[fn](2 ** 32 - 1), {
    code: 'ERR_UNKNOWN_CREDENTIAL',
    message: `${kind} identifier does not exist: 4294967295`,
  });
}
assert.throws(() => process.setgroups('x'), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => process.setgroups([{}]), {
  message: 'The "groups[0]" argument must be one of type number or string. ' +
           'Received an instance of Object',
});
assert.throws(() => process.setgroups(['no-such-credential-here']), {
  code: 'ERR_UNKNOWN_CREDENTIAL',
});

const child = spawnSync(process.execPath, [__filename, 'child']);
assert.strictEqual(child.status, 0, child.stderr.toString());
assert.strictEqual(child.stdout.toString(),
                   process.getuid() === 0 ? 'dropped\n' : 'refused\n');
