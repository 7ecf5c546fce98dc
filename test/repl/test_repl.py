#!/usr/bin/env python3
"""The REPL of the noderun command, driven the way a person uses it: on a
pseudo-terminal, typing keys and reading the screen's bytes.

    test_repl.py NODERUN [-v] [-k SUBSTRING]

Each case starts noderun on a fresh pty (80x24) with its own history file
(NODE_REPL_HISTORY in a temporary directory), types, and checks what came
back. Output is TAP-like; exit code 0 only when every case passed.
"""

import fcntl
import os
import pty
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time
import traceback

NODERUN = None
WORK = None
ANSI = re.compile(r'\x1b\[[0-9;]*[A-Za-z]')

UP = '\x1b[A'
CTRL_C = '\x03'
CTRL_D = '\x04'
CTRL_R = '\x12'
CTRL_U = '\x15'
CTRL_A = '\x01'
CTRL_E = '\x05'
CTRL_K = '\x0b'
CTRL_W = '\x17'
LEFT = '\x1b[D'


class CaseFailure(Exception):
    pass


def check(cond, msg):
    if not cond:
        raise CaseFailure(msg)


def plain(text):
    """The text without escape sequences and carriage returns."""
    return ANSI.sub('', text).replace('\r', '')


class Session:
    """noderun on a pty. expect() waits for text to show up; the bytes
    read so far are in .out."""

    def __init__(self, args=(), env=None, history=None):
        self.env = dict(os.environ)
        # What decides colors as in Node: a CI machine (CI set) gets none.
        for name in ('NODE_DISABLE_COLORS', 'NO_COLOR', 'FORCE_COLOR', 'CI',
                     'TMUX', 'COLORTERM'):
            self.env.pop(name, None)
        self.env['TERM'] = 'xterm-256color'
        self.env['NODE_REPL_HISTORY'] = history or os.path.join(WORK, 'hist')
        self.env.update(env or {})
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            try:
                os.execve(NODERUN, [NODERUN] + list(args), self.env)
            finally:
                os._exit(127)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ,
                    struct.pack('HHHH', 24, 80, 0, 0))
        self.out = ''
        self.status = None

    def read(self, timeout):
        """Reads what is there within timeout; False at end of output."""
        r, _, _ = select.select([self.fd], [], [], timeout)
        if not r:
            return True
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            return False
        if not data:
            return False
        self.out += data.decode('utf-8', 'replace')
        return True

    def expect(self, pattern, timeout=4.0, since=0):
        """Waits until plain(out[since:]) matches the regex pattern."""
        end = time.time() + timeout
        while True:
            m = re.search(pattern, plain(self.out[since:]))
            if m:
                return m
            if time.time() > end or not self.read(0.05):
                m = re.search(pattern, plain(self.out[since:]))
                if m:
                    return m
                raise CaseFailure('never saw %r; output was:\n%r' %
                                  (pattern, plain(self.out[since:])))

    def send(self, keys, pause=0.05):
        """Types keys, then reads what they made appear."""
        os.write(self.fd, keys.encode())
        time.sleep(pause)
        while select.select([self.fd], [], [], 0.02)[0]:
            if not self.read(0):
                break

    def type(self, line, pattern, timeout=4.0):
        """Types a line and Enter; waits for pattern in what follows."""
        mark = len(self.out)
        self.send(line + '\r')
        return self.expect(pattern, timeout, since=mark)

    def exited(self):
        if self.status is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid == self.pid:
                self.status = status
        return self.status is not None

    def wait_exit(self, timeout=4.0):
        end = time.time() + timeout
        while time.time() < end:
            self.read(0.05)
            if self.exited():
                while self.read(0.01):
                    if not select.select([self.fd], [], [], 0)[0]:
                        break
                return os.waitstatus_to_exitcode(self.status)
        raise CaseFailure('the REPL did not exit; output:\n%r' %
                          plain(self.out))

    def terminal_is_cooked(self):
        attrs = termios.tcgetattr(self.fd)
        return bool(attrs[3] & termios.ECHO) and bool(attrs[3] &
                                                      termios.ICANON)

    def close(self):
        if not self.exited():
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        os.close(self.fd)


CASES = []


def case(fn):
    CASES.append(fn)
    return fn


def prompt_after(s, mark):
    s.expect(r'> $', since=mark)


@case
def opens_on_a_terminal():
    s = Session()
    try:
        s.expect(r'Welcome to noderun .*\nType "\.help" for more '
                 r'information\.\n> $')
        s.type('1 + 1', r'\n2\n> $')
        # Results are colored on a terminal.
        check('\x1b[33m2\x1b[39m' in s.out, 'no color in %r' % s.out)
        s.type('"text"', r"'text'\n> $")
        s.type('[1, 2, { a: 3 }]', r"\[ 1, 2, \{ a: 3 \} \]\n> $")
        s.type('_.length', r'\n3\n> $')
        s.type('.exit', r'')
        eq_exit = s.wait_exit()
        check(eq_exit == 0, 'exit code %r' % eq_exit)
        check(s.terminal_is_cooked(), 'terminal left in raw mode')
    finally:
        s.close()


@case
def declarations_await_and_errors():
    s = Session()
    try:
        s.expect(r'> $')
        s.type('let n = 20; const m = 2; class C { f() { return n * m } }',
               r'undefined\n> $')
        s.type('new C().f()', r'\n40\n> $')
        s.type('await new Promise((r) => setTimeout(r, 10, "later"))',
               r"'later'\n> $")
        s.type('throw new Error("boom")', r'Uncaught Error: boom\n> $')
        s.type('_error.message', r"'boom'\n> $")
        s.type('a b', r'a b\n  \^\n\nUncaught SyntaxError: Unexpected '
               r'identifier\n> $')
        # Builtin modules are globals.
        s.type('path.basename("/x/y.js")', r"'y\.js'\n> $")
        # An error thrown later by a timer is reported; the REPL goes on.
        s.type('setTimeout(() => { throw new Error("late") }, 20); 1',
               r'Uncaught Error: late\n(    at .*\n)*> $')
        s.type('Promise.reject(new Error("rejected")); 2',
               r'Uncaught Error: rejected\n> $')
        s.type('3', r'\n3\n> $')
    finally:
        s.close()


@case
def multi_line_input():
    s = Session()
    try:
        s.expect(r'> $')
        s.type('function add(a, b) {', r'\.\.\. $')
        s.type('return a + b', r'\.\.\. $')
        s.type('}', r'undefined\n> $')
        s.type('add(2,', r'\.\.\. $')
        s.type('3)', r'\n5\n> $')
        s.type('`one', r'\.\.\. $')
        s.type('two`', r"'one\\ntwo'\n> $")
        s.type('[1,', r'\.\.\. $')
        s.type('.break', r'> $')
        s.type('.help', r'\.editor +Enter editor mode\n(.*\n)*Press Ctrl\+C '
               r'to abort current expression, Ctrl\+D to exit the REPL\n> $')
        mark = len(s.out)
        s.send('.editor\r')
        s.expect(r'Entering editor mode', since=mark)
        s.send('const x = 6;\rx * 7\r')
        s.send(CTRL_D)
        s.expect(r'\n42\n> $', since=mark)
    finally:
        s.close()


@case
def line_editing_keys():
    s = Session()
    try:
        s.expect(r'> $')
        # Left arrow and insert; ctrl+A / ctrl+E; ctrl+K; ctrl+W; ctrl+U.
        s.send('1 + 3')
        s.send(LEFT * 4)
        s.send('0')
        s.type('', r'\n13\n> $')      # 10 + 3
        s.send('2 * 4 junk')
        s.send(LEFT * 5 + CTRL_K)
        s.type('', r'\n8\n> $')
        s.send('00')
        s.send(CTRL_A + '7' + CTRL_E + ' + 1')
        s.type('', r'\n701\n> $')
        s.send('5 + wrong')
        s.send(CTRL_W)
        s.type('6', r'\n11\n> $')
        s.send('garbage')
        s.send(CTRL_U)
        s.type('9', r'\n9\n> $')
        # Home and End; Backspace and Delete.
        s.send('2 + 2')
        s.send('\x1b[H' + '1' + '\x1b[F' + '0')
        s.type('', r'\n32\n> $')        # 12 + 20
        s.send('123' + LEFT + LEFT + '\x1b[3~' + '\x7f')
        s.type('', r'\n3\n> $')
        # Words: ctrl+arrows and alt+arrows (and alt+B / alt+F).
        s.send('aa bb cc')
        s.send('\x1b[1;5D' + '\x1b[1;5D' + 'x' + '\x1b[1;3C' + 'y')
        s.send(CTRL_A + '\x1b[1;3C' + 'z' + '\x1bb' + 'w' + '\x1bf' + 'v')
        s.expect(r'> aa wzxbb vycc$')  # a word and its spaces
        s.send(CTRL_E + CTRL_U)
        # ctrl+L clears the screen and shows the line again.
        s.send('7 * 6')
        mark = len(s.out)
        s.send('\x0c')
        check('\x1b[0J' in s.out[mark:] and
              ('\x1b[1;1H' in s.out[mark:] or '\x1b[0;0H' in s.out[mark:]
               or '\x1b[H' in s.out[mark:]), 'no clear: %r' % s.out[mark:])
        s.type('', r'\n42\n> $')
    finally:
        s.close()


@case
def ctrl_c_and_ctrl_d():
    s = Session()
    try:
        s.expect(r'> $')
        # ctrl+C on a line clears it; in a multi-line input drops it.
        s.send('12345')
        mark = len(s.out)
        s.send(CTRL_C)
        s.expect(r'> $', since=mark)
        s.type('1', r'\n1\n> $')
        s.type('if (true) {', r'\.\.\. $')
        mark = len(s.out)
        s.send(CTRL_C)
        s.expect(r'\n> $', since=mark)
        s.type('2', r'\n2\n> $')
        # ctrl+C stops a busy loop; what ran before it stays.
        s.send('a = 1001; while (true) {}\r', pause=0.3)
        mark = len(s.out)
        s.send(CTRL_C)
        s.expect(r'Script execution was interrupted by `SIGINT`', since=mark)
        s.expect(r'> $', since=mark)
        s.type('a * 42', r'\n42042\n> $')
        # Twice on an empty line exits.
        mark = len(s.out)
        s.send(CTRL_C)
        s.expect(r'\(To exit, press Ctrl\+C again or Ctrl\+D or type '
                 r'\.exit\)\n> $', since=mark)
        s.send(CTRL_C)
        check(s.wait_exit() == 0, 'exit code')
        check(s.terminal_is_cooked(), 'terminal left in raw mode')
    finally:
        s.close()
    s = Session()
    try:
        s.expect(r'> $')
        s.send('abc' + CTRL_A + CTRL_D)   # deletes under the cursor
        s.type('', r'Uncaught ReferenceError: bc is not defined\n> $')
        s.send(CTRL_D)
        check(s.wait_exit() == 0, 'exit code')
        check(s.terminal_is_cooked(), 'terminal left in raw mode')
    finally:
        s.close()


@case
def history_across_sessions():
    hist = os.path.join(WORK, 'sessions')
    s = Session(history=hist)
    try:
        s.expect(r'> $')
        s.type('const first = 1', r'> $')
        s.type('function twice(x) {', r'\.\.\. $')
        s.type('return x * 2', r'\.\.\. $')
        s.type('}', r'undefined\n> $')
        s.type('twice(21)', r'\n42\n> $')
        s.send(CTRL_D)
        s.wait_exit()
    finally:
        s.close()
    with open(hist, newline='') as f:
        text = f.read()
    check(text.split('\n')[:3] == ['twice(21)',
                                   'function twice(x) {\rreturn x * 2\r}',
                                   'const first = 1'], repr(text))

    s = Session(history=hist)
    try:
        s.expect(r'> $')
        # Up twice: the whole function comes back as one block; Enter
        # defines it again.
        s.send(UP)
        s.send(UP)
        s.expect(r'> function twice\(x\) \{\nreturn x \* 2\n\}$')
        s.type('', r'undefined\n> $')
        s.type('twice(5)', r'\n10\n> $')
        # ctrl+R finds an entry by a part of it.
        mark = len(s.out)
        s.send(CTRL_R)
        s.send('first')
        s.expect(r"reverse-i-search\)`first': const first = 1$", since=mark)
        s.type('', r'undefined\n> $')
        s.type('first', r'\n1\n> $')
    finally:
        s.close()

    # NODE_REPL_HISTORY empty: no file; NODE_REPL_HISTORY_SIZE bounds it.
    none = os.path.join(WORK, 'none')
    s = Session(env={'NODE_REPL_HISTORY': ''})
    try:
        s.expect(r'> $')
        s.type('1', r'> $')
        s.send(CTRL_D)
        s.wait_exit()
    finally:
        s.close()
    check(not os.path.exists(none), 'history written')
    small = os.path.join(WORK, 'small')
    s = Session(history=small, env={'NODE_REPL_HISTORY_SIZE': '2'})
    try:
        s.expect(r'> $')
        for i in range(4):
            s.type(str(i), r'\n%d\n> $' % i)
        s.send(CTRL_D)
        s.wait_exit()
    finally:
        s.close()
    with open(small, newline='') as f:
        check(f.read() == '3\n2', 'size not kept')


@case
def tab_completion():
    s = Session()
    try:
        s.expect(r'> $')
        s.send('process.versi\t')
        s.expect(r'> process\.version$')
        mark = len(s.out)
        s.send('\t')
        s.expect(r'process\.version +process\.versions\n', since=mark)
        s.send(CTRL_U)
        s.send('require("child_pr\t')
        s.expect(r'> require\("child_process$')
        s.type('").spawn.name', r"'spawn'\n> $")
        s.send('.sa\t')
        s.expect(r'> \.save$')
        s.send(CTRL_U)
        s.type('const someLongName = [1, 2]', r'> $')
        s.send('someLong\t')
        s.expect(r'> someLongName$')
        s.send('.le\t')
        s.expect(r'> someLongName\.length$')
        s.type('', r'\n2\n> $')
        # An expression's value, without running its side effects.
        s.type('let calls = 0; function f() { calls++; return [] }', r'> $')
        s.send('f().fil\t\t')
        s.send(CTRL_U)
        s.type('calls', r'\n0\n> $')
        s.send('[3, 4].fil\t')
        s.expect(r'> \[3, 4\]\.fil$')
        mark = len(s.out)
        s.send('\t')
        s.expect(r'fill +filter\n', since=mark)
    finally:
        s.close()


@case
def terminal_resize():
    # The terminal's new size reaches process.stdout ('resize', columns),
    # which readline redraws with.
    s = Session(args=['-e', "process.stdout.on('resize', () => {"
                      "  console.log('size', process.stdout.columns,"
                      "              process.stdout.rows);"
                      "  process.exit(0);"
                      "}); console.log('ready'); setTimeout(() => {}, 4000)"])
    try:
        s.expect(r'ready\n')
        fcntl.ioctl(s.fd, termios.TIOCSWINSZ,
                    struct.pack('HHHH', 30, 100, 0, 0))
        s.expect(r'size 100 30\n')
        check(s.wait_exit() == 0, 'exit code')
    finally:
        s.close()


@case
def stdin_not_a_terminal():
    # Piped stdin with no script is a script, not a REPL.
    r = subprocess.run([NODERUN], input=b'console.log(6 * 7)\n',
                       capture_output=True, timeout=10)
    check(r.returncode == 0 and r.stdout == b'42\n', repr(r))
    # -i forces the REPL (no terminal: no editing, no colors).
    r = subprocess.run([NODERUN, '-i'], input=b'let a = 2\na * 21\n{\n}\n',
                       capture_output=True, timeout=10)
    check(r.returncode == 0, repr(r))
    check(re.match(rb'Welcome to noderun .*\nType ".help" for more '
                   rb'information.\n> undefined\n> 42\n> ... \{\}\n> $',
                   r.stdout), repr(r))


def main():
    global NODERUN, WORK
    args = sys.argv[1:]
    verbose = '-v' in args
    only = args[args.index('-k') + 1] if '-k' in args else None
    NODERUN = os.path.abspath([a for a in args if not a.startswith('-')][0])
    failed = 0
    n = 0
    for fn in CASES:
        if only and only not in fn.__name__:
            continue
        n += 1
        WORK = tempfile.mkdtemp(prefix='noderun-repl-')
        start = time.time()
        try:
            fn()
            print('ok %d - %s (%.1fs)' % (n, fn.__name__, time.time() - start))
        except Exception as e:
            failed += 1
            print('not ok %d - %s' % (n, fn.__name__))
            text = str(e) if isinstance(e, CaseFailure) else \
                traceback.format_exc()
            for line in text.splitlines():
                print('  # ' + line)
        finally:
            shutil.rmtree(WORK, ignore_errors=True)
        sys.stdout.flush()
    print('1..%d' % n)
    if verbose or failed:
        print('# %d passed, %d failed' % (n - failed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
