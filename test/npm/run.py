#!/usr/bin/env python3
"""Real npm packages under noderun: each workload in workloads/ (and
examples/redis-cache.js) runs under noderun and under node against the same
installed packages, and their stdout and exit code must be identical.

usage: run.py NODERUN [WORKLOAD...]

Packages come from package.json and package-lock.json beside this file,
installed with the machine's npm once into a cache folder
($NODERUN_NPM_CACHE, else $XDG_CACHE_HOME/noderun/npm, else
~/.cache/noderun/npm), keyed by the lock file's hash. A redis-server is
started on a free loopback port (no persistence, in a temporary folder) and
its URL handed to the workloads as REDIS_URL. The reference node is
$NODERUN_REF_NODE, else Node 18 from ../shared/tools/node18-reference
(/tmp/node18/node18), else `node` on PATH.

Without npm, the registry, node or redis-server, the suite says so and
exits 77 (Meson's "skipped"), never a silent pass. Workloads that fail only because noderun lacks a builtin module of
PROBED_MODULES are reported as gaps, each with the module it waits for.
"""
import difflib
import fcntl
import hashlib
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.normpath(os.path.join(HERE, '..', '..'))
WORKLOADS = os.path.join(HERE, 'workloads')
EXAMPLE = os.path.join(TOP, 'examples', 'redis-cache.js')

# Builtin modules whose absence from noderun a workload may be blocked by:
# such a workload is reported as a gap (with the module), not a failure, as
# long as noderun lacks the module and the workload fails for that reason.
# Every other difference fails the suite.
PROBED_MODULES = ('crypto', 'tty')
MISSING_RE = re.compile(
    rb"Cannot find module '(?:node:)?([a-z_/]+)'|"
    rb"No such built-in module: (?:node:)?([a-z_/]+)")


def skip(why):
    print(f'npm: {why}: skipped')
    sys.exit(77)


def reference():
    ref = os.environ.get('NODERUN_REF_NODE')
    if ref:
        return ref
    if os.path.exists('/tmp/node18/node18'):
        return '/tmp/node18/node18'
    return shutil.which('node')


def cache_root():
    if os.environ.get('NODERUN_NPM_CACHE'):
        return os.environ['NODERUN_NPM_CACHE']
    base = os.environ.get('XDG_CACHE_HOME') or os.path.join(
        os.path.expanduser('~'), '.cache')
    return os.path.join(base, 'noderun', 'npm')


def install(npm):
    """The packages of package-lock.json, installed once per lock file
    (under a lock, into a temporary folder renamed into place, so that
    concurrent runs never see half an install). Returns the folder."""
    with open(os.path.join(HERE, 'package-lock.json'), 'rb') as f:
        key = hashlib.sha256(f.read()).hexdigest()[:16]
    root = cache_root()
    os.makedirs(root, exist_ok=True)
    dest = os.path.join(root, key)
    with open(os.path.join(root, '.lock'), 'w') as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if os.path.exists(os.path.join(dest, '.complete')):
            return dest
        tmp = tempfile.mkdtemp(dir=root, prefix='.install-')
        for name in ('package.json', 'package-lock.json'):
            shutil.copy(os.path.join(HERE, name), tmp)
        p = subprocess.run([npm, 'ci', '--ignore-scripts', '--no-audit',
                            '--no-fund', '--loglevel=error'], cwd=tmp,
                           capture_output=True, text=True, timeout=600)
        if p.returncode != 0:
            shutil.rmtree(tmp, ignore_errors=True)
            skip('npm could not install the packages (registry not '
                 'reachable?):\n' + p.stderr.strip()[-2000:])
        open(os.path.join(tmp, '.complete'), 'w').close()
        shutil.rmtree(dest, ignore_errors=True)
        os.rename(tmp, dest)
        return dest


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def start_redis(server, tmp):
    """redis-server on a free loopback port, without persistence, its files
    in tmp. Returns (process, url)."""
    for _ in range(5):
        port = free_port()
        proc = subprocess.Popen(
            [server, '--port', str(port), '--bind', '127.0.0.1', '--save', '',
             '--appendonly', 'no', '--dir', tmp, '--daemonize', 'no',
             '--loglevel', 'warning'],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 5
        while time.time() < deadline and proc.poll() is None:
            try:
                with socket.create_connection(('127.0.0.1', port), 0.2) as c:
                    c.sendall(b'PING\r\n')
                    if c.recv(16).startswith(b'+PONG'):
                        return proc, f'redis://127.0.0.1:{port}'
            except OSError:
                time.sleep(0.05)
        proc.kill()
        proc.wait()
    skip('redis-server did not start')


def run(cmd, cwd, env):
    try:
        p = subprocess.run(cmd, capture_output=True, cwd=cwd, env=env,
                           timeout=60)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired as e:
        return 'timeout', e.stdout or b'', e.stderr or b''


def missing_modules(noderun):
    """The modules of PROBED_MODULES that noderun cannot load."""
    missing = set()
    for name in PROBED_MODULES:
        p = subprocess.run([noderun, '-e', f'require({name!r})'],
                           capture_output=True, timeout=30)
        if p.returncode != 0:
            missing.add(name)
    return missing


def blocked_by(stderr, missing):
    """The missing builtin a run failed on, if its error names one."""
    m = MISSING_RE.search(stderr)
    if not m:
        return None
    name = (m.group(1) or m.group(2)).decode()
    return name if name in missing else None


def show_diff(want, got):
    if want[0] != got[0]:
        print(f'  exit code: node {want[0]}, noderun {got[0]}')
    diff = difflib.unified_diff(
        want[1].decode('utf-8', 'replace').splitlines(),
        got[1].decode('utf-8', 'replace').splitlines(),
        'node stdout', 'noderun stdout', lineterm='', n=1)
    for line in list(diff)[:30]:
        print('  ' + line)
    err = got[2].decode('utf-8', 'replace').strip().splitlines()
    for line in err[:12]:
        print('  noderun stderr: ' + line)


def main():
    noderun = os.path.abspath(sys.argv[1])
    names = sys.argv[2:] or sorted(
        f for f in os.listdir(WORKLOADS) if f.endswith(('.js', '.mjs')))
    if not sys.argv[2:]:
        names.insert(0, 'redis-cache.js')
    npm = shutil.which('npm')
    ref = reference()
    server = shutil.which('redis-server')
    if not npm:
        skip('no npm on PATH')
    if not ref:
        skip('no reference node')
    if not server:
        skip('no redis-server (tools/bootstrap installs it)')
    packages = install(npm)

    with tempfile.TemporaryDirectory(prefix='noderun-npm-') as tmp:
        # The workloads are copied beside a link to the cached node_modules,
        # so that require() finds the packages as in a real project.
        work = os.path.join(tmp, 'work')
        shutil.copytree(WORKLOADS, work)
        shutil.copy(EXAMPLE, work)
        os.symlink(os.path.join(packages, 'node_modules'),
                   os.path.join(work, 'node_modules'))
        redis_dir = os.path.join(tmp, 'redis')
        os.mkdir(redis_dir)
        redis, url = start_redis(server, redis_dir)
        env = dict(os.environ, REDIS_URL=url, NO_COLOR='1', TZ='UTC')
        env.pop('FORCE_COLOR', None)
        missing = missing_modules(noderun)
        passed = failed = 0
        gaps = {}
        try:
            for name in names:
                want = run([ref, name], work, env)
                got = run([noderun, name], work, env)
                # (mocha's and express's workloads print their children's
                # errors on stdout.)
                module = blocked_by(got[2] + got[1], missing)
                if want[:2] == got[:2]:
                    passed += 1
                    print(f'ok    {name}')
                elif module:
                    gaps.setdefault(module, []).append(name)
                    print(f"gap   {name}: noderun has no '{module}' module")
                else:
                    failed += 1
                    print(f'FAIL  {name}')
                    show_diff(want, got)
        finally:
            redis.kill()
            redis.wait()
    for module, blocked in sorted(gaps.items()):
        print(f"not run for want of '{module}': {', '.join(blocked)}")
    skipped = sum(len(b) for b in gaps.values())
    print(f'{passed} passed, {failed} failed, {skipped} skipped')
    return 0 if failed == 0 else 1


if __name__ == '__main__':
    sys.exit(main())
