// `noderun --test [paths...]` and node:test's run(): finds test files the
// way Node 18 does, runs each in its own child process and reports their
// results as one run. A child reports through the marked JSON lines of
// internal/test_runner/reporter's ChildReporter; anything else it prints
// becomes a diagnostic.
'use strict';

const path = require('path');
const fs = require('fs');
const os = require('os');
const { spawn } = require('child_process');
const reporters = require('internal/test_runner/reporter');

const kExtensions = new Set(['.js', '.cjs', '.mjs']);

// Node 18's names for test files: test.js, test-*.js, *.test.js, *-test.js,
// *_test.js, and any script under a directory named "test".
function isTestFile(file, underTestDir) {
  const ext = path.extname(file);
  if (!kExtensions.has(ext)) return false;
  if (underTestDir) return true;
  const base = path.basename(file, ext);
  return base === 'test' || /^test-.+/.test(base) || /.+[.\-_]test$/.test(base);
}

function collect(dir, underTestDir, out) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name === 'node_modules') continue;
      collect(full, underTestDir || e.name === 'test', out);
    } else if (e.isFile() && isTestFile(full, underTestDir)) {
      out.push(full);
    }
  }
}

// The files to run: each path given (a directory is searched), or a
// search of the current directory.
function findFiles(paths) {
  const cwd = process.cwd();
  if (paths.length === 0) {
    const out = [];
    collect(cwd, false, out);
    return { files: out.sort() };
  }
  const out = [];
  for (const p of paths) {
    const full = path.resolve(cwd, p);
    let st;
    try {
      st = fs.statSync(full);
    } catch {
      return { missing: p };
    }
    if (st.isDirectory()) {
      const found = [];
      collect(full, path.basename(full) === 'test', found);
      out.push(...found.sort());
    } else {
      out.push(full);
    }
  }
  return { files: [...new Set(out)] };
}

// The flags a child gets: ours, less --test itself.
function childArgv() {
  return process.execArgv.filter((a) => a !== '--test');
}

// Runs one file; calls back with its records, diagnostics and exit.
function runFile(file, onDone, children) {
  const child = spawn(process.execPath, [...childArgv(), file], {
    env: { ...process.env, NODERUN_TEST_CHILD: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const result = { file, records: [], diagnostics: [], stderr: '',
                   code: null, signal: null };
  let pending = '';
  const onLine = (line) => {
    if (line.startsWith(reporters.kChildMark)) {
      let msg;
      try {
        msg = JSON.parse(line.slice(reporters.kChildMark.length));
      } catch {
        result.diagnostics.push(line);
        return;
      }
      if (msg.test) result.records.push(msg.test);
      else if (msg.diagnostic !== undefined) result.diagnostics.push(msg.diagnostic);
      else if (msg.end) result.diagnostics.push(...msg.end);
    } else {
      result.diagnostics.push(line);
    }
  };
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk) => {
    pending += chunk;
    let nl;
    while ((nl = pending.indexOf('\n')) !== -1) {
      onLine(pending.slice(0, nl));
      pending = pending.slice(nl + 1);
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => { result.stderr += chunk; });
  const elapsed = process.hrtime.bigint();
  children.add(child);
  child.on('close', (code, signal) => {
    children.delete(child);
    if (pending !== '') onLine(pending);
    result.code = code;
    result.signal = signal;
    result.duration = Number(process.hrtime.bigint() - elapsed) / 1e6;
    onDone(result);
  });
  child.on('error', (err) => {
    result.stderr += String(err && err.message) + '\n';
  });
}

// A file that reported no test (or failed outside of its tests) shows
// as one test named by its path.
function fileRecord(result) {
  const failed = result.code !== 0;
  const rec = {
    name: result.file, suite: false, ok: !failed, skipped: false,
    todo: false, message: undefined, duration: result.duration,
    diagnostics: [], subtests: [], failure: null,
  };
  if (failed) {
    const yaml = [`location: '${result.file}:1:1'`,
                  'failureType: \'testCodeFailure\''];
    if (result.signal) yaml.push(`signal: '${result.signal}'`);
    else yaml.push(`exitCode: ${result.code}`);
    yaml.push('error: \'test failed\'', 'code: \'ERR_TEST_FAILURE\'');
    rec.failure = { type: 'testCodeFailure', message: 'test failed', yaml,
                    shown: 'test failed' };
  }
  return rec;
}

function anyFailure(rec) {
  return rec.failure !== null || rec.subtests.some(anyFailure);
}

// Runs `files` (at most `concurrency` at once) and reports through
// `reporter` in file order. Calls back with the summary counts.
function runFiles(files, reporter, concurrency, onEnd) {
  const start = process.hrtime.bigint();
  const results = new Array(files.length);
  let next = 0;
  let reported = 0;
  let index = 0;
  let running = 0;
  const counts = reporters.emptyCounts();
  let fileFailed = false;
  let ended = false;
  const children = new Set();
  // Ctrl+C (or a SIGTERM) stops the run: running files are killed and
  // reported failed, the rest are not started.
  const onSignal = () => {
    for (let i = next; i < files.length; i++) results[i] = null;
    next = files.length;
    for (const child of children) child.kill('SIGTERM');
    fileFailed = true;
    flush();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  if (reporter.header) reporter.header();
  const flush = () => {
    while (reported < files.length && results[reported] !== undefined) {
      const r = results[reported++];
      if (r === null) continue;
      const lines = r.diagnostics.concat(
        r.stderr === '' ? [] : r.stderr.replace(/\n$/, '').split('\n'));
      for (const d of lines) if (d.trim() !== '') reporter.diagnostic(d);
      let recs = r.records;
      if (recs.length === 0 ||
          (r.code !== 0 && !recs.some(anyFailure))) {
        recs = recs.concat(fileRecord(r));
        if (r.code !== 0) fileFailed = true;
      }
      for (const rec of recs) {
        reporter.test(rec, ++index);
        reporters.countRecord(rec, counts);
      }
    }
    if (reported === files.length && !ended) {
      ended = true;
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
      counts.duration = Number(process.hrtime.bigint() - start) / 1e6;
      reporter.end(index, counts, []);
      onEnd(counts, fileFailed);
    }
  };
  const launch = () => {
    while (running < concurrency && next < files.length) {
      const i = next++;
      running++;
      runFile(files[i], (result) => {
        running--;
        results[i] = result;
        flush();
        launch();
      }, children);
    }
  };
  if (files.length === 0) flush();
  else launch();
}

function defaultConcurrency() {
  const n = os.cpus().length;
  return Math.max(1, n - 1);
}

function runFromCommandLine(paths) {
  const found = findFiles(paths);
  if (found.missing !== undefined) {
    process.stderr.write(`Could not find '${path.resolve(found.missing)}'\n`);
    process.exitCode = 1;
    return;
  }
  const reporter = reporters.create();
  runFiles(found.files, reporter, defaultConcurrency(), (counts, failed) => {
    if (failed || counts.fail > 0 || counts.cancelled > 0) {
      process.exitCode = 1;
    }
  });
}

// node:test's run({ files, concurrency }): a readable stream of the TAP
// text of those files' results.
function run(options = {}) {
  const { Readable } = require('stream');
  if (options === null || typeof options !== 'object') {
    const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
    throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
  }
  let { files, concurrency } = options;
  if (files !== undefined && !Array.isArray(files)) {
    const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
    throw new ERR_INVALID_ARG_TYPE('options.files', 'Array', files);
  }
  if (files === undefined) files = findFiles([]).files;
  else files = files.map((f) => path.resolve(f));
  if (concurrency === true) concurrency = defaultConcurrency();
  else if (typeof concurrency !== 'number') concurrency = 1;
  const stream = new Readable({ read() {} });
  const reporter = reporters.create('tap', (text) => stream.push(text));
  process.nextTick(() => {
    runFiles(files, reporter, concurrency, () => stream.push(null));
  });
  return stream;
}

module.exports = { runFromCommandLine, run, findFiles };
