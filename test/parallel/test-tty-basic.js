'use strict';
// tty: isatty, the color depth guessed from the environment (compared with
// what Node 18 answers), hasColors' validation, errors for non-terminals,
// and, when `script` can give us a pseudo-terminal, process.stdout/stdin
// as tty streams.
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const net = require('net');
const tty = require('tty');
const { spawnSync } = require('child_process');

assert.deepStrictEqual(Object.keys(tty), ['isatty', 'ReadStream',
                                          'WriteStream']);
assert.strictEqual(tty.isatty(-1), false);
assert.strictEqual(tty.isatty(1.5), false);
assert.strictEqual(tty.isatty('1'), false);
assert.strictEqual(tty.isatty(2 ** 31), false);
assert.strictEqual(tty.isatty(12345), false);

// Not a terminal: Node's SystemError.
const fd = [0, 1, 2].find((n) => !tty.isatty(n));
if (fd !== undefined) for (const Ctor of [tty.ReadStream, tty.WriteStream]) {
  assert.throws(() => new Ctor(fd), (err) => {
    assert.strictEqual(err.code, 'ERR_TTY_INIT_FAILED');
    assert.strictEqual(err.name, 'SystemError');
    assert.strictEqual(err.message, 'TTY initialization failed: ' +
                       'uv_tty_init returned EINVAL (invalid argument)');
    assert.strictEqual(err.info.syscall, 'uv_tty_init');
    return true;
  });
}

assert(Object.getPrototypeOf(tty.WriteStream.prototype) ===
       net.Socket.prototype);
assert(Object.getPrototypeOf(tty.ReadStream.prototype) ===
       net.Socket.prototype);
assert.strictEqual(tty.WriteStream.prototype.isTTY, true);

// Depths Node 18 gives for these environments.
const depth = (env) => tty.WriteStream.prototype.getColorDepth(env);
const cases = [
  [{ FORCE_COLOR: 'foo' }, 1], [{ FORCE_COLOR: '0' }, 1],
  [{ FORCE_COLOR: '' }, 4], [{ FORCE_COLOR: 'true' }, 4],
  [{ FORCE_COLOR: '2' }, 8], [{ FORCE_COLOR: '3' }, 24],
  [{ TERM: 'xterm' }, 4], [{ TERM: 'xterm-256color' }, 8],
  [{ TERM: 'screen' }, 4], [{ TERM: 'screen-256color' }, 4],
  [{ TERM: 'XTERM-256' }, 4], [{ TERM: 'linux' }, 4],
  [{ TERM: 'dumb' }, 1], [{ TERM: 'mosh' }, 24], [{ TERM: 'foo' }, 1],
  [{ TERM: 'rxvt-unicode-24bit' }, 24], [{ TERM: 'con80x25' }, 4],
  [{ TMUX: '1' }, 8], [{ CI: '1' }, 1], [{ CI: '1', TRAVIS: '1' }, 8],
  [{ CI: '1', CI_NAME: 'codeship' }, 8],
  [{ TERM_PROGRAM: 'iTerm.app' }, 8],
  [{ TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.0' }, 24],
  [{ TERM_PROGRAM: 'Apple_Terminal' }, 8],
  [{ TERM_PROGRAM: 'HyperTerm' }, 24], [{ COLORTERM: '1' }, 4],
  [{ COLORTERM: 'truecolor' }, 24], [{ TEAMCITY_VERSION: '9.1.0' }, 4],
  [{ TEAMCITY_VERSION: '8.1' }, 1], [{ NO_COLOR: '' }, 1],
  [{ TERM: 'xterm', NODE_DISABLE_COLORS: '1' }, 1], [{}, 1],
];
for (const [env, want] of cases)
  assert.strictEqual(depth(env), want, JSON.stringify(env));

const hasColors = tty.WriteStream.prototype.hasColors;
assert.strictEqual(hasColors({ TERM: 'xterm-256color' }), true);
assert.strictEqual(hasColors(256, { TERM: 'xterm-256color' }), true);
assert.strictEqual(hasColors(257, { TERM: 'xterm-256color' }), false);
assert.strictEqual(hasColors(2, {}), true);
assert.throws(() => hasColors(1), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => hasColors('x'), { code: 'ERR_INVALID_ARG_TYPE' });

// FORCE_COLOR wins over NO_COLOR, with one warning.
process.on('warning', common.mustCall((w) => {
  assert.strictEqual(w.message, "The 'NO_COLOR' env is ignored due to " +
                     "the 'FORCE_COLOR' env being set.");
}));
assert.strictEqual(depth({ FORCE_COLOR: '1', NO_COLOR: '1' }), 4);
assert.strictEqual(depth({ FORCE_COLOR: '1', NO_COLOR: '1' }), 4);

// On a pseudo-terminal (util-linux's script), stdio are tty streams.
if (fs.existsSync('/usr/bin/script')) {
  const child = `
    const tty = require('tty');
    const out = process.stdout;
    const r = [out instanceof tty.WriteStream, out.isTTY, out.columns,
               out.rows, out.getWindowSize(),
               process.stdin instanceof tty.ReadStream, process.stdin.isRaw,
               tty.isatty(0), tty.isatty(1), process.stderr.isTTY];
    process.stdin.setRawMode(true);
    r.push(process.stdin.isRaw);
    process.stdin.setRawMode(false);
    out.cursorTo(3);
    out.write('|');
    out.moveCursor(1, 0);
    out.clearLine(1);
    out.clearScreenDown();
    out.write('RESULT' + JSON.stringify(r) + '\\n');
  `;
  const res = spawnSync('/usr/bin/script', [
    '-qec', `stty cols 91 rows 17; "${process.execPath}" -e "$CHILD"`,
    '/dev/null',
  ], { env: { ...process.env, CHILD: child }, encoding: 'latin1',
       timeout: 10000 });
  if (res.status === 0) {
    const text = res.stdout.replace(/\r/g, '');
    assert(text.includes('\x1b[4G|\x1b[1C\x1b[0K\x1b[0J'), text);
    const line = text.split('\n').find((l) => l.includes('RESULT'));
    assert.deepStrictEqual(JSON.parse(line.slice(line.indexOf('RESULT') + 6)),
                           [true, true, 91, 17, [91, 17], true, false, true,
                            true, true, true]);
  } else {
    common.printSkipMessage?.('no pseudo-terminal: ' + res.stderr);
  }
}
