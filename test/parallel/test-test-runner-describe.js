'use strict';
// node:test's describe()/it(): suites in the TAP output (type 'suite'),
// hook order (global, suite and per-test), hook failures, tests cancelled
// when their parent ends, and uncaught errors charged to their test.
const common = require('../common');
const { assert, tmpdir } = common;
const { spawnSync } = require('child_process');
const fs = require('fs');

tmpdir.refresh();
const file = tmpdir.resolve('suites.js');
fs.writeFileSync(file, `const { describe, it, test, before, after, beforeEach,
        afterEach } = require('node:test');
const log = [];
beforeEach((t) => log.push('global beforeEach ' + t.name));
describe('suite A', () => {
  before(() => log.push('before'));
  after(() => log.push('after'));
  beforeEach((t) => log.push('beforeEach ' + t.name));
  afterEach((t) => log.push('afterEach ' + t.name));
  it('one', () => log.push('one'));
  it.skip('two', () => log.push('two'));
  describe('nested', () => {
    it('deep', async () => log.push('deep'));
  });
});
describe('suite B', () => {
  before(() => { throw new Error('before failed'); });
  it('x', () => {});
});
describe('suite C', () => {
  afterEach(() => { throw new Error('ae failed'); });
  it('y', () => {});
});
test('parent', (t) => {
  t.test('quick', () => {});
  t.test('late', () => new Promise((r) => setTimeout(r, 50)));
});
test('uncaught', () => {
  setTimeout(() => { throw new Error('late throw'); }, 1);
  return new Promise((r) => setTimeout(r, 50));
});
process.on('exit', () => console.error(log.join('|')));
`);

const mask = require('../common/tap').maskTap;

const r = spawnSync(process.execPath, [file], { encoding: 'utf8' });
assert.strictEqual(r.status, 1);
assert.strictEqual(r.stderr,
                   'before|global beforeEach one|beforeEach one|one|' +
                   'afterEach one|' +
                   'global beforeEach two|beforeEach two|afterEach two|' +
                   'global beforeEach deep|beforeEach deep|deep|' +
                   'afterEach deep|after|global beforeEach y|' +
                   'global beforeEach parent|global beforeEach quick|' +
                   'global beforeEach uncaught\n');
const expected = `TAP version 13
# Subtest: suite A
    # Subtest: one
    ok 1 - one
      ---
      duration_ms: *
      ...
    # Subtest: two
    ok 2 - two # SKIP
      ---
      duration_ms: *
      ...
    # Subtest: nested
        # Subtest: deep
        ok 1 - deep
          ---
          duration_ms: *
          ...
        1..1
    ok 3 - nested
      ---
      duration_ms: *
      type: 'suite'
      ...
    1..3
ok 1 - suite A
  ---
  duration_ms: *
  type: 'suite'
  ...
# Subtest: suite B
    # Subtest: x
    not ok 1 - x
      ---
      duration_ms: *
      location: '${file}:18:3'
      failureType: 'cancelledByParent'
      error: 'test did not finish before its parent and was cancelled'
      code: 'ERR_TEST_FAILURE'
      ...
    1..1
not ok 2 - suite B
  ---
  duration_ms: *
  type: 'suite'
  location: '${file}:16:1'
  failureType: 'hookFailed'
  error: 'before failed'
  code: 'ERR_TEST_FAILURE'
  ...
# Subtest: suite C
    # Subtest: y
    not ok 1 - y
      ---
      duration_ms: *
      location: '${file}:22:3'
      failureType: 'hookFailed'
      error: 'ae failed'
      code: 'ERR_TEST_FAILURE'
      ...
    1..1
not ok 3 - suite C
  ---
  duration_ms: *
  type: 'suite'
  location: '${file}:20:1'
  failureType: 'subtestsFailed'
  error: '1 subtest failed'
  code: 'ERR_TEST_FAILURE'
  ...
# Subtest: parent
    # Subtest: quick
    not ok 1 - quick
      ---
      duration_ms: *
      location: '${file}:25:5'
      failureType: 'cancelledByParent'
      error: 'test did not finish before its parent and was cancelled'
      code: 'ERR_TEST_FAILURE'
      ...
    # Subtest: late
    not ok 2 - late
      ---
      duration_ms: *
      location: '${file}:26:5'
      failureType: 'cancelledByParent'
      error: 'test did not finish before its parent and was cancelled'
      code: 'ERR_TEST_FAILURE'
      ...
    1..2
not ok 4 - parent
  ---
  duration_ms: *
  location: '${file}:24:1'
  failureType: 'subtestsFailed'
  error: '2 subtests failed'
  code: 'ERR_TEST_FAILURE'
  ...
# Subtest: uncaught
not ok 5 - uncaught
  ---
  duration_ms: *
  location: '${file}:28:1'
  failureType: 'uncaughtException'
  error: 'late throw'
  code: 'ERR_TEST_FAILURE'
  ...
1..5
# tests 9
# suites 4
# pass 2
# fail 3
# cancelled 3
# skipped 1
# todo 0
# duration_ms *
`;
assert.strictEqual(mask(r.stdout), expected);
