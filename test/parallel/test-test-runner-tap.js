'use strict';
// node:test's TAP output (stdout not a terminal): results, nesting, skip
// and todo directives, the YAML failure blocks and the summary, compared
// whole with durations and stack frames masked; exit code 1 on failure.
const common = require('../common');
const { assert, tmpdir } = common;
const { spawnSync } = require('child_process');
const fs = require('fs');

tmpdir.refresh();
const file = tmpdir.resolve('tap.js');
fs.writeFileSync(file, `const test = require('node:test');
const assert = require('assert');
test('sync pass', (t) => { t.diagnostic('note'); });
test('sync fail', () => { assert.strictEqual(1, 2); });
test('async pass', async () => {});
test('skip opt', { skip: true }, () => {});
test('skip msg', { skip: 'because' }, () => {});
test('todo', { todo: 'later' }, () => {});
test('parent', async (t) => {
  await t.test('child 1', () => {});
  await t.test('child 2', () => { throw new Error('boom'); });
});
test('callback', (t, done) => { setTimeout(done, 1); });
test('throws string', () => { throw 'str'; });
test.skip('dot skip');
test.todo('dot todo', () => {});
test('timeout', { timeout: 20 }, () => new Promise((r) => setTimeout(r, 500)));
test('name # with\\\\backslash', () => {});
test('coded', () => { const e = new RangeError('x\\ny'); e.code = 'EFOO'; throw e; });
test('rejects', () => Promise.reject({ a: 1 }));
test('cb and promise', async (t, done) => { done(); });
test('cb error', (t, done) => { done(new Error('cb')); });
test('skip in body', (t) => { t.skip('meh'); });
`);

const mask = require('../common/tap').maskTap;

const r = spawnSync(process.execPath, [file], { encoding: 'utf8' });
assert.strictEqual(r.stderr, '');
assert.strictEqual(r.status, 1);
const expected = `TAP version 13
# Subtest: sync pass
ok 1 - sync pass
  ---
  duration_ms: *
  ...
# note
# Subtest: sync fail
not ok 2 - sync fail
  ---
  duration_ms: *
  location: '${file}:4:1'
  failureType: 'testCodeFailure'
  error: |-
    Expected values to be strictly equal:
    
    1 !== 2
    
  code: 'ERR_ASSERTION'
  name: 'AssertionError'
  expected: 2
  actual: 1
  operator: 'strictEqual'
  ...
# Subtest: async pass
ok 3 - async pass
  ---
  duration_ms: *
  ...
# Subtest: skip opt
ok 4 - skip opt # SKIP
  ---
  duration_ms: *
  ...
# Subtest: skip msg
ok 5 - skip msg # SKIP because
  ---
  duration_ms: *
  ...
# Subtest: todo
ok 6 - todo # TODO later
  ---
  duration_ms: *
  ...
# Subtest: parent
    # Subtest: child 1
    ok 1 - child 1
      ---
      duration_ms: *
      ...
    # Subtest: child 2
    not ok 2 - child 2
      ---
      duration_ms: *
      location: '${file}:11:11'
      failureType: 'testCodeFailure'
      error: 'boom'
      code: 'ERR_TEST_FAILURE'
      ...
    1..2
not ok 7 - parent
  ---
  duration_ms: *
  location: '${file}:9:1'
  failureType: 'subtestsFailed'
  error: '1 subtest failed'
  code: 'ERR_TEST_FAILURE'
  ...
# Subtest: callback
ok 8 - callback
  ---
  duration_ms: *
  ...
# Subtest: throws string
not ok 9 - throws string
  ---
  duration_ms: *
  location: '${file}:14:1'
  failureType: 'testCodeFailure'
  error: 'str'
  code: 'ERR_TEST_FAILURE'
  ...
# Subtest: dot skip
ok 10 - dot skip # SKIP
  ---
  duration_ms: *
  ...
# Subtest: dot todo
ok 11 - dot todo # TODO
  ---
  duration_ms: *
  ...
# Subtest: timeout
not ok 12 - timeout
  ---
  duration_ms: *
  location: '${file}:17:1'
  failureType: 'testTimeoutFailure'
  error: 'test timed out after 20ms'
  code: 'ERR_TEST_FAILURE'
  ...
# Subtest: name \\# with\\\\backslash
ok 13 - name \\# with\\\\backslash
  ---
  duration_ms: *
  ...
# Subtest: coded
not ok 14 - coded
  ---
  duration_ms: *
  location: '${file}:19:1'
  failureType: 'testCodeFailure'
  error: |-
    x
    y
  code: 'EFOO'
  name: 'RangeError'
  ...
# Subtest: rejects
not ok 15 - rejects
  ---
  duration_ms: *
  location: '${file}:20:1'
  failureType: 'testCodeFailure'
  error: '{ a: 1 }'
  code: 'ERR_TEST_FAILURE'
  ...
# Subtest: cb and promise
not ok 16 - cb and promise
  ---
  duration_ms: *
  location: '${file}:21:1'
  failureType: 'callbackAndPromisePresent'
  error: 'passed a callback but also returned a Promise'
  code: 'ERR_TEST_FAILURE'
  ...
# Subtest: cb error
not ok 17 - cb error
  ---
  duration_ms: *
  location: '${file}:22:1'
  failureType: 'testCodeFailure'
  error: 'cb'
  code: 'ERR_TEST_FAILURE'
  ...
# Subtest: skip in body
ok 18 - skip in body # SKIP meh
  ---
  duration_ms: *
  ...
1..18
# tests 20
# suites 0
# pass 5
# fail 8
# cancelled 1
# skipped 4
# todo 2
# duration_ms *
`;
assert.strictEqual(mask(r.stdout), expected);

// All passing: exit code 0.
fs.writeFileSync(file, `require('node:test')('ok', () => {});\n`);
const ok = spawnSync(process.execPath, [file], { encoding: 'utf8' });
assert.strictEqual(ok.status, 0);
assert.match(ok.stdout, /^# pass 1$/m);
