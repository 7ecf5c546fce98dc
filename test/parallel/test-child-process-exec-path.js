'use strict';
// noderun runs itself as a child: -e programs, exit codes, stdin and
// stdout through pipes, and 'exit' with a signal it sends itself.
const { assert, mustCall } = require('../common');
const { spawn, execFileSync, spawnSync } = require('child_process');

assert.strictEqual(
  execFileSync(process.execPath, ['-e', 'console.log(1 + 1)'],
               { encoding: 'utf8' }),
  '2\n');

assert.strictEqual(
  spawnSync(process.execPath, ['-e', 'process.exit(5)']).status, 5);

{
  const child = spawn(process.execPath, ['-e', `
    let data = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (d) => { data += d; });
    process.stdin.on('end', () => {
      process.stdout.write(data.toUpperCase());
      process.exitCode = 3;
    });
  `]);
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stdin.end('shout');
  child.on('close', mustCall((code, signal) => {
    assert.strictEqual(out, 'SHOUT');
    assert.strictEqual(code, 3);
    assert.strictEqual(signal, null);
  }));
}

{
  const child = spawn(process.execPath,
                      ['-e', 'process.kill(process.pid, "SIGKILL")']);
  child.on('exit', mustCall((code, signal) => {
    assert.strictEqual(code, null);
    assert.strictEqual(signal, 'SIGKILL');
  }));
}
