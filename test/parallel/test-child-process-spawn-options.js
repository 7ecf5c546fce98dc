'use strict';
// spawn() options: shell, env, cwd, argv0, stdio 'ignore' / 'inherit' / fd,
// detached, timeout with killSignal, an AbortSignal, ref/unref.
const { assert, mustCall } = require('../common');
const { spawn } = require('child_process');
const os = require('os');
const fs = require('fs');

function output(child, cb) {
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d) => { out += d; });
  child.on('close', mustCall((code, signal) => cb(out, code, signal)));
}

// shell: true joins the command and its arguments for /bin/sh.
output(spawn('echo $((6 * 7))', { shell: true }), (out, code) => {
  assert.strictEqual(out, '42\n');
  assert.strictEqual(code, 0);
});
output(spawn('echo', ['a', '&&', 'echo', 'b'], { shell: true }), (out) => {
  assert.strictEqual(out, 'a\nb\n');
});
output(spawn('echo $0', { shell: '/bin/sh' }), (out) => {
  assert.strictEqual(out, '/bin/sh\n');
});

// env replaces the environment; undefined values are left out.
output(spawn('sh', ['-c', 'echo "$FOO|$BAR|$HOME"'],
             { env: { FOO: 'foo', BAR: undefined } }), (out) => {
  assert.strictEqual(out, 'foo||\n');
});

// cwd.
const tmp = fs.realpathSync(os.tmpdir());
output(spawn('pwd', { cwd: tmp }), (out) => {
  assert.strictEqual(out, `${tmp}\n`);
});

// argv0.
output(spawn('sh', ['-c', 'echo $0'], { argv0: 'custom-name' }), (out) => {
  assert.strictEqual(out, 'custom-name\n');
});

// 'ignore' gives no streams; inherited or numbered descriptors neither.
{
  const child = spawn('sh', ['-c', 'exit 0'], { stdio: 'ignore' });
  assert.strictEqual(child.stdin, null);
  assert.strictEqual(child.stdout, null);
  assert.strictEqual(child.stderr, null);
  assert.deepStrictEqual(child.stdio, [null, null, null]);
  child.on('close', mustCall((code) => assert.strictEqual(code, 0)));
}
{
  const child = spawn('sh', ['-c', 'exit 0'],
                      { stdio: ['pipe', 'inherit', 2] });
  assert.ok(child.stdin);
  assert.strictEqual(child.stdout, null);
  assert.strictEqual(child.stderr, null);
  child.on('close', mustCall((code) => assert.strictEqual(code, 0)));
}
// A descriptor number as the child's stdout: a noderun child hands its
// own stdout (fd 1, our pipe) to a grandchild.
output(spawn(process.execPath, ['-e', `
  require('child_process').spawn('sh', ['-c', 'echo to-fd'],
                                 { stdio: ['ignore', 1, 'inherit'] });
`]), (out, code) => {
  assert.strictEqual(code, 0);
  assert.strictEqual(out, 'to-fd\n');
});

// detached: the child leads a new session.
output(spawn('sh', ['-c', 'ps -o sid= -p $$'], { detached: true }),
       (out, code) => {
         assert.strictEqual(code, 0);
         const sid = Number(out.trim());
         if (!Number.isNaN(sid) && out.trim() !== '') {
           assert.notStrictEqual(sid, process.pid);
         }
       });

// timeout + killSignal.
{
  const child = spawn('sleep', ['10'], { timeout: 50, killSignal: 'SIGINT' });
  child.on('exit', mustCall((code, signal) => {
    assert.strictEqual(code, null);
    assert.strictEqual(signal, 'SIGINT');
    assert.strictEqual(child.killed, true);
  }));
}

// An AbortSignal kills the child and reports an AbortError.
{
  const ac = new AbortController();
  const child = spawn('sleep', ['10'], { signal: ac.signal });
  child.on('error', mustCall((err) => {
    assert.strictEqual(err.name, 'AbortError');
    assert.strictEqual(err.code, 'ABORT_ERR');
  }));
  child.on('exit', mustCall((code, signal) => {
    assert.strictEqual(signal, 'SIGTERM');
  }));
  setTimeout(() => ac.abort(), 20);
}
{
  const child = spawn('sleep', ['10'], { signal: AbortSignal.abort() });
  child.on('error', mustCall((err) => assert.strictEqual(err.name,
                                                         'AbortError')));
  child.on('exit', mustCall());
}

// unref: the child does not keep the loop alive; ref puts it back.
{
  const child = spawn('sleep', ['0.2'], { stdio: 'ignore' });
  child.unref();
  child.ref();
  child.on('exit', mustCall((code) => assert.strictEqual(code, 0)));
}
