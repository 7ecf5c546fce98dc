#!/usr/bin/env python3
"""Differential tests: each script in this folder runs under noderun and
under Node 18, and their stdout, stderr and exit code must be identical.

usage: run.py NODERUN [SCRIPT...]

The reference is $NODERUN_REF_NODE, else Node 18.20.4 from Debian's package
as ../shared/tools/node18-reference sets it up. Without a reference the
suite says so and exits 77 (Meson's "skipped"), never a silent pass.
"""
import difflib
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def reference():
    ref = os.environ.get('NODERUN_REF_NODE')
    if ref:
        return ref
    setup = os.path.join(HERE, '..', '..', '..', 'shared', 'tools',
                         'node18-reference')
    if os.path.exists('/tmp/node18/node18'):
        return '/tmp/node18/node18'
    if os.access(setup, os.X_OK) or os.path.exists(setup):
        try:
            out = subprocess.run(['bash', setup], capture_output=True,
                                 text=True, timeout=600)
            path = out.stdout.strip().splitlines()[-1] if out.stdout else ''
            if path and os.path.exists(path):
                return path
        except (subprocess.SubprocessError, OSError):
            pass
    return None


def run(cmd, script):
    p = subprocess.run(cmd + [script], capture_output=True, cwd=HERE,
                       timeout=120, env=dict(os.environ, NO_COLOR='1'))
    return p.returncode, p.stdout, p.stderr


def main():
    noderun = os.path.abspath(sys.argv[1])
    scripts = sys.argv[2:] or sorted(
        f for f in os.listdir(HERE) if f.endswith('.js'))
    ref = reference()
    if ref is None:
        print('differential: no Node 18 reference available: skipped')
        return 77
    passed = failed = 0
    for name in scripts:
        script = os.path.join(HERE, name)
        want = run([ref], script)
        got = run([noderun], script)
        if want == got:
            passed += 1
            continue
        failed += 1
        print(f'FAIL {name}')
        if want[0] != got[0]:
            print(f'  exit code: node {want[0]}, noderun {got[0]}')
        for label, a, b in (('stdout', want[1], got[1]),
                            ('stderr', want[2], got[2])):
            if a != b:
                diff = difflib.unified_diff(
                    a.decode('utf-8', 'replace').splitlines(),
                    b.decode('utf-8', 'replace').splitlines(),
                    f'node {label}', f'noderun {label}', lineterm='', n=1)
                for line in list(diff)[:40]:
                    print('  ' + line)
    print(f'{passed} passed, {failed} failed')
    return 0 if failed == 0 else 1


if __name__ == '__main__':
    sys.exit(main())
