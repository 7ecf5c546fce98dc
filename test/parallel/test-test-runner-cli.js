'use strict';
// `noderun --test`: test files found as Node 18 finds them (test
// directories, *.test.js, test-*.js, *_test.js; never node_modules), each
// run in its own process, results numbered as one run, a file without
// tests reported by its path, exit code 1 on any failure; --test-only and
// --test-name-pattern; node:test only with its scheme.
const common = require('../common');
const { assert, tmpdir } = common;
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const Module = require('module');

// The module: 'node:test' only.
assert.strictEqual(typeof require('node:test'), 'function');
assert.strictEqual(require('node:test').test, require('node:test'));
assert.throws(() => require('test'), { code: 'MODULE_NOT_FOUND' });
assert.strictEqual(Module.isBuiltin('node:test'), true);
assert.strictEqual(Module.isBuiltin('test'), false);
assert.ok(!Module.builtinModules.includes('test'));

tmpdir.refresh();
const dir = tmpdir.path;
const write = (rel, text) => {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), text);
};
const passing = (name) => `require('node:test')(${JSON.stringify(name)}, () => {});\n`;
write('test/unit.js', passing('in test dir') +
      'require(\'node:test\')(\'fails\', () => { throw new Error(\'no\'); });\n');
write('a.test.js', passing('dot test'));
write('lib/b_test.cjs', passing('underscore test'));
write('lib/test-c.js', passing('dash test'));
write('lib/plain.js', passing('not a test file'));
write('node_modules/m/test/x.js', passing('in node_modules'));
write('lib/quiet.test.js', 'console.log(\'hello\');\n');

const mask = require('../common/tap').maskTap;

const run = (args) => spawnSync(process.execPath, args,
                                { cwd: dir, encoding: 'utf8' });

let r = run(['--test']);
assert.strictEqual(r.status, 1);
const unit = path.join(dir, 'test/unit.js');
assert.strictEqual(mask(r.stdout), `TAP version 13
# Subtest: dot test
ok 1 - dot test
  ---
  duration_ms: *
  ...
# Subtest: underscore test
ok 2 - underscore test
  ---
  duration_ms: *
  ...
# hello
# Subtest: ${path.join(dir, 'lib/quiet.test.js')}
ok 3 - ${path.join(dir, 'lib/quiet.test.js')}
  ---
  duration_ms: *
  ...
# Subtest: dash test
ok 4 - dash test
  ---
  duration_ms: *
  ...
# Subtest: in test dir
ok 5 - in test dir
  ---
  duration_ms: *
  ...
# Subtest: fails
not ok 6 - fails
  ---
  duration_ms: *
  location: '${unit}:2:21'
  failureType: 'testCodeFailure'
  error: 'no'
  code: 'ERR_TEST_FAILURE'
  ...
1..6
# tests 6
# suites 0
# pass 5
# fail 1
# cancelled 0
# skipped 0
# todo 0
# duration_ms *
`);

// Files named on the command line; a crashing file fails by its path.
write('crash.js', 'throw new Error(\'crashed\');\n');
r = run(['--test', 'a.test.js', 'crash.js']);
assert.strictEqual(r.status, 1);
const crash = path.join(dir, 'crash.js');
assert.match(r.stdout, new RegExp(`^not ok 2 - ${crash}\n  ---\n` +
  `  duration_ms: [\\d.]+\n  location: '${crash}:1:1'\n` +
  '  failureType: \'testCodeFailure\'\n  exitCode: 1\n' +
  '  error: \'test failed\'\n  code: \'ERR_TEST_FAILURE\'\n  \\.\\.\\.$', 'm'));
assert.match(r.stdout, /^# Error: crashed$/m);
assert.match(r.stdout, /^# pass 1\n# fail 1$/m);

r = run(['--test', 'a.test.js']);
assert.strictEqual(r.status, 0);
assert.match(r.stdout, /^# tests 1\n# suites 0\n# pass 1$/m);

r = run(['--test', 'missing.js']);
assert.strictEqual(r.status, 1);

// --test-only and --test-name-pattern reach the file's process.
write('only.js', `const { test, describe, it } = require('node:test');
test.only('picked', () => {});
test('left', () => {});
describe('suite', () => { it('in suite', () => {}); });
`);
r = run(['--test', '--test-only', 'only.js']);
assert.strictEqual(r.status, 0);
assert.match(r.stdout, /^ok 1 - picked$/m);
assert.match(r.stdout, /^ok 2 - left # SKIP 'only' option not set$/m);
assert.match(r.stdout, /^ok 3 - suite # SKIP 'only' option not set$/m);
assert.match(r.stdout, /^# tests 2\n# suites 1\n# pass 1\n# fail 0\n# cancelled 0\n# skipped 1$/m);

r = run(['--test-name-pattern=^left$', 'only.js']);
assert.match(r.stdout, /^ok 1 - picked # SKIP test name does not match pattern$/m);
assert.match(r.stdout, /^ok 2 - left$/m);
assert.match(r.stdout, /^# 'only' and 'runOnly' require the --test-only command-line option\.$/m);

// An error thrown after its test ended fails the run with Node's warning;
// process.exit() in a test keeps the code the program chose.
write('late.js', `require('node:test')('ends first', () => {
  setImmediate(() => { throw new Error('too late'); });
});
`);
r = run(['late.js']);
assert.strictEqual(r.status, 1);
assert.match(r.stdout, /^# Warning: Test "ends first" generated asynchronous activity after the test ended\. This activity created the error "Error: too late" and would have caused the test to fail, but instead triggered an uncaughtException event\.$/m);
assert.match(r.stdout, /^# pass 1\n# fail 0$/m);
write('exits.js', `require('node:test')('exits', () => process.exit(0));\n`);
assert.strictEqual(run(['exits.js']).status, 0);

// --test refuses the flags that run something else.
for (const args of [['--check', '--test'], ['--interactive', '--test'],
                    ['--eval', '1', '--test']]) {
  const c = run(args);
  assert.strictEqual(c.status, 9);
  assert.match(c.stderr, /either --test or --(check|interactive|eval) can be used, not both/);
}

// Options are the object's own: Object.prototype.skip changes nothing.
write('proto.js', 'Object.prototype.skip = true;\n' + passing('still runs'));
r = run(['proto.js']);
assert.match(r.stdout, /^ok 1 - still runs$/m);
