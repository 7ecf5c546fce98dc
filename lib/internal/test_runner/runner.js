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
function runFile(file, onDone, children, timeout) {
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
  let timer = null;
  if (timeout !== undefined && timeout !== Infinity) {
    timer = setTimeout(() => {
      result.timedOut = timeout;
      child.kill('SIGTERM');
    }, timeout);
  }
  child.on('close', (code, signal) => {
    if (timer !== null) clearTimeout(timer);
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
  rec.location = `${path.resolve(result.file)}:1:1`;
  if (result.timedOut !== undefined) {
    const message = `test timed out after ${result.timedOut}ms`;
    rec.ok = false;
    rec.failure = {
      type: 'testTimeoutFailure', message, shown: message,
      yaml: [`location: '${rec.location}'`,
             'failureType: \'testTimeoutFailure\'',
             `error: '${message}'`, 'code: \'ERR_TEST_FAILURE\''],
    };
  } else if (failed) {
    const yaml = [`location: '${rec.location}'`,
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
function runFiles(files, reporter, concurrency, onEnd, timeout) {
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
      }, children, timeout);
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

// Walks a record tree, children first, as test:pass / test:fail events.
function emitRecord(stream, rec, nesting, number, file) {
  rec.subtests.forEach((c, i) => emitRecord(stream, c, nesting + 1, i + 1,
                                            file));
  const data = {
    name: rec.name, nesting, testNumber: number, file,
    details: { duration_ms: rec.duration },
  };
  if (rec.suite) data.details.type = 'suite';
  if (rec.skipped) data.skip = rec.message !== undefined ? rec.message : true;
  if (rec.todo) data.todo = rec.message !== undefined ? rec.message : true;
  const m = rec.location && /^(.*):(\d+):(\d+)$/.exec(rec.location);
  if (m) {
    data.file = m[1];
    data.line = Number(m[2]);
    data.column = Number(m[3]);
  }
  for (const d of rec.diagnostics) {
    stream.emitEvent('test:diagnostic', { nesting, message: d, file });
  }
  if (rec.failure !== null) {
    const err = new Error(rec.failure.message);
    err.code = 'ERR_TEST_FAILURE';
    err.failureType = rec.failure.type;
    data.details.error = err;
    stream.emitEvent('test:fail', data);
  } else {
    stream.emitEvent('test:pass', data);
  }
}

// node:test's run({ files, concurrency, timeout }): an object-mode stream
// of the events of those files' tests ({ type, data }), each also emitted
// under its type ('test:pass', 'test:fail', 'test:diagnostic').
function run(options = {}) {
  const { Readable } = require('stream');
  const { codes } = require('internal/errors');
  if (options === null || typeof options !== 'object') {
    throw new codes.ERR_INVALID_ARG_TYPE('options', 'object', options);
  }
  let { files, concurrency, timeout } = options;
  if (files !== undefined && !Array.isArray(files)) {
    throw new codes.ERR_INVALID_ARG_TYPE('options.files', 'Array', files);
  }
  if (timeout !== undefined && timeout !== Infinity &&
      (typeof timeout !== 'number' || !(timeout >= 0))) {
    throw new codes.ERR_INVALID_ARG_TYPE('options.timeout', 'number', timeout);
  }
  if (files === undefined) files = findFiles([]).files;
  if (concurrency === true) concurrency = defaultConcurrency();
  else if (typeof concurrency !== 'number') concurrency = 1;
  const stream = new Readable({ objectMode: true, read() {} });
  stream.emitEvent = (type, data) => {
    stream.push({ type, data });
    stream.emit(type, data);
  };
  let current;
  let number = 0;
  const reporter = {
    test(rec) {
      emitRecord(stream, rec, 0, ++number, current);
    },
    diagnostic(message) {
      stream.emitEvent('test:diagnostic', { nesting: 0, message });
    },
    end(planned) {
      stream.emitEvent('test:plan', { nesting: 0, count: planned });
    },
  };
  process.nextTick(() => {
    runFiles(files, {
      test(rec) {
        const m = rec.location && /^(.*):\d+:\d+$/.exec(rec.location);
        current = m ? m[1] : undefined;
        reporter.test(rec);
      },
      diagnostic: reporter.diagnostic,
      end: reporter.end,
    }, concurrency, () => stream.push(null), timeout);
  });
  return stream;
}

module.exports = { runFromCommandLine, run, findFiles };
