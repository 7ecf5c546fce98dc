'use strict';
// A child's stdio can be another child's stream; arguments that are not
// strings are passed as strings; process.openStdin() reads stdin.
const common = require('../common');
const assert = require('assert');
const { spawn, execFile } = require('child_process');

const echo = spawn('echo', ['one two three']);
const wc = spawn('wc', ['-c'], { stdio: [echo.stdout, 'pipe', 'inherit'] });
let count = '';
wc.stdout.setEncoding('utf8').on('data', (d) => { count += d; });
wc.on('close', common.mustCall(() => assert.strictEqual(count.trim(), '14')));

execFile('echo', [42, true], common.mustCall((err, stdout) => {
  assert.ifError(err);
  assert.strictEqual(stdout, '42 true\n');
}));

const child = spawn(process.execPath, ['-e',
  'process.openStdin().on("data", (d) => process.stdout.write(d))']);
let echoed = '';
child.stdout.setEncoding('utf8').on('data', (d) => { echoed += d; });
child.on('close', common.mustCall(() => assert.strictEqual(echoed, 'hi\n')));
child.stdin.end('hi\n');
