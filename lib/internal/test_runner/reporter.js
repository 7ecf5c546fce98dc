// How node:test prints results: TAP 13 (the default when stdout is not a
// terminal, and what `noderun --test` reads back from each file), the
// "spec" tree on a terminal, or one character per test ("dot").
'use strict';

const { inspect } = require('util');

// Where reporters print: stdout, unless run() hands them a stream.
let write = (text) => process.stdout.write(text);

// Test names go on one TAP line: backslash, "#" and line breaks escaped.
function tapName(name) {
  return name.replace(/\\/g, '\\\\').replace(/#/g, '\\#')
    .replace(/\n/g, '\\\\n').replace(/\r/g, '\\\\r');
}

function yamlString(s, indent) {
  if (s.includes('\n')) {
    return '|-\n' + s.split('\n').map((l) => indent + '  ' + l).join('\n');
  }
  if (s.includes('\'')) return '"' + s.replace(/"/g, '\\"') + '"';
  return `'${s}'`;
}

// One YAML value after "key:"; objects become nested mappings. null and
// undefined are left out by the caller.
function yamlValue(v, indent) {
  switch (typeof v) {
    case 'string': return ' ' + yamlString(v, indent);
    case 'number': case 'boolean': return ' ' + String(v);
    case 'bigint': return ` ${v}n`;
    case 'object': {
      if (v instanceof Date) return ' ' + v.toISOString();
      let out = '';
      for (const key of Object.keys(v)) {
        const inner = v[key];
        if (inner === null || inner === undefined) continue;
        out += `\n${indent}  ${key}:${yamlValue(inner, indent + '  ')}`;
      }
      return out;
    }
    default: return ' ' + yamlString(inspect(v), indent);
  }
}

function stackLines(err) {
  if (!(err instanceof Error) || typeof err.stack !== 'string') return [];
  return err.stack.split('\n')
    .filter((l) => /^\s+at /.test(l))
    .map((l) => l.trim().slice(3))
    .filter((l) => !l.includes('node:internal/test_runner/') &&
                   l !== 'new Promise (<anonymous>)' &&
                   !l.includes('node:async_hooks'));
}

// The failure part of a result's YAML block, as lines without their
// indentation (a child process sends them to `noderun --test` as they are).
function errorYaml(test) {
  const err = test.error;
  const lines = [];
  if (test.location) lines.push(`location: '${test.location}'`);
  lines.push(`failureType: '${err.failureType}'`);
  lines.push(`error:${yamlValue(err.message, '')}`);
  const cause = err.cause;
  const isError = cause instanceof Error;
  const code = isError && cause.code !== undefined ? cause.code : err.code;
  lines.push(`code:${yamlValue(code, '')}`);
  if (isError && typeof cause.name === 'string' && cause.name !== 'Error') {
    lines.push(`name:${yamlValue(cause.name, '')}`);
  }
  if (isError) {
    for (const key of ['expected', 'actual', 'operator']) {
      if (key in cause && cause[key] !== undefined && cause[key] !== null) {
        lines.push(`${key}:${yamlValue(cause[key], '')}`);
      }
    }
  }
  let frames = stackLines(cause);
  if (frames.length === 0 && err.failureType ===
      'multipleCallbackInvocations') {
    frames = stackLines(err);
  }
  if (frames.length > 0) {
    lines.push('stack: |-');
    for (const f of frames) lines.push(`  ${f}`);
  }
  return lines.join('\n').split('\n');
}

// A finished test as plain data: what every reporter prints from, and
// what a test file run by `noderun --test` sends back as JSON.
function toRecord(test) {
  const failed = test.error !== null && !test.passed;
  const rec = {
    name: test.name,
    suite: test.isSuite,
    ok: !failed || test.skipped,
    skipped: test.skipped,
    todo: test.isTodo,
    message: test.message,
    duration: test.duration,
    diagnostics: test.diagnostics,
    subtests: test.subtests.map(toRecord),
    failure: null,
    location: test.location,
  };
  if (failed && !test.skipped) {
    const cause = test.error.cause;
    rec.failure = {
      type: test.error.failureType,
      message: test.error.message,
      yaml: errorYaml(test),
      shown: inspect(cause, { colors: useColor() }),
    };
  }
  return rec;
}

function directive(rec) {
  if (rec.skipped) {
    return ' # SKIP' + (rec.message !== undefined ? ' ' + rec.message : '');
  }
  if (rec.todo) {
    return ' # TODO' + (rec.message !== undefined ? ' ' + rec.message : '');
  }
  return '';
}

function tapTest(rec, index, nesting) {
  const indent = '    '.repeat(nesting);
  const name = tapName(rec.name);
  let out = `${indent}# Subtest: ${name}\n`;
  if (rec.subtests.length > 0) {
    rec.subtests.forEach((c, i) => { out += tapTest(c, i + 1, nesting + 1); });
    out += `${indent}    1..${rec.subtests.length}\n`;
  }
  out += `${indent}${rec.ok ? 'ok' : 'not ok'} ${index} - ${name}` +
    `${directive(rec)}\n`;
  out += `${indent}  ---\n${indent}  duration_ms: ${rec.duration}\n`;
  if (rec.suite) out += `${indent}  type: 'suite'\n`;
  if (rec.failure !== null) {
    for (const l of rec.failure.yaml) out += `${indent}  ${l}\n`;
  }
  out += `${indent}  ...\n`;
  for (const d of rec.diagnostics) out += `${indent}# ${d}\n`;
  return out;
}

// Adds a record tree to the summary counts.
function countRecord(rec, counts) {
  if (rec.suite) counts.suites++;
  else {
    counts.tests++;
    if (rec.skipped) counts.skipped++;
    else if (rec.todo) counts.todo++;
    else if (rec.failure === null) counts.pass++;
    else if (rec.failure.type === 'cancelledByParent' ||
             rec.failure.type === 'testTimeoutFailure') {
      counts.cancelled++;
    } else counts.fail++;
  }
  for (const c of rec.subtests) countRecord(c, counts);
}

function footerLines(counts) {
  return [
    `tests ${counts.tests}`, `suites ${counts.suites}`, `pass ${counts.pass}`,
    `fail ${counts.fail}`, `cancelled ${counts.cancelled}`,
    `skipped ${counts.skipped}`, `todo ${counts.todo}`,
    `duration_ms ${counts.duration}`,
  ];
}

class TapReporter {
  constructor() { this.headerDone = false; }
  header() {
    if (!this.headerDone) {
      this.headerDone = true;
      write('TAP version 13\n');
    }
  }
  test(rec, index) {
    this.header();
    write(tapTest(rec, index, 0));
  }
  diagnostic(text) {
    this.header();
    write(`# ${text}\n`);
  }
  end(planned, counts, diagnostics) {
    this.header();
    let out = `1..${planned}\n`;
    for (const d of diagnostics) out += `# ${d}\n`;
    for (const l of footerLines(counts)) out += `# ${l}\n`;
    write(out);
  }
}

// ---- spec: an indented tree with marks and colours ----------------------

const useColor = () => process.stdout.isTTY &&
  (!process.stdout.hasColors || process.stdout.hasColors());
const paint = (code, s) => (useColor() ? `\u001b[${code}m${s}\u001b[39m` : s);

class SpecReporter {
  constructor() { this.failures = []; }
  // "✔ name (1.2ms)" and the like, with what follows a failure.
  leaf(rec, indent) {
    const ms = ` ${paint(90, `(${rec.duration}ms)`)}`;
    if (rec.skipped) {
      return `${indent}${paint(90, `\ufe63 ${rec.name}${ms} # ` +
        `${rec.message !== undefined ? rec.message : 'SKIP'}`)}\n`;
    }
    const todo = rec.todo ?
      ` # ${rec.message !== undefined ? rec.message : 'TODO'}` : '';
    if (rec.failure === null || rec.todo) {
      return `${indent}${paint(32, `\u2714 ${rec.name}${ms}${todo}`)}\n`;
    }
    return `${indent}${paint(31, `\u2716 ${rec.name}${ms}`)}\n` +
      this.errorText(rec, indent);
  }
  errorText(rec, indent) {
    return rec.failure.shown.split('\n').map((l) => `${indent}  ${l}`)
      .join('\n') + '\n\n';
  }
  line(rec, nesting) {
    const indent = '  '.repeat(nesting);
    let out = '';
    if (rec.suite || rec.subtests.length > 0) {
      out += `${indent}\u25b6 ${rec.name}\n`;
      for (const c of rec.subtests) out += this.line(c, nesting + 1);
      const bad = rec.failure !== null;
      out += `${indent}${paint(bad ? 31 : 32, '\u25b6 ')}${rec.name} ` +
        `${paint(90, `(${rec.duration}ms)`)}\n`;
      if (bad && rec.failure.type !== 'subtestsFailed') {
        out += this.errorText(rec, indent);
        this.failures.push(rec);
      } else {
        out += '\n';
      }
    } else {
      out += this.leaf(rec, indent);
      if (rec.failure !== null && !rec.todo && !rec.skipped) {
        this.failures.push(rec);
      }
    }
    for (const d of rec.diagnostics) {
      out += `${indent}${paint(34, '\u2139 ' + d)}\n`;
    }
    return out;
  }
  test(rec) {
    write(this.line(rec, 0));
  }
  diagnostic(text) {
    write(paint(34, `\u2139 ${text}`) + '\n');
  }
  end(planned, counts, diagnostics) {
    let out = '';
    for (const d of diagnostics) out += paint(34, `\u2139 ${d}`) + '\n';
    for (const l of footerLines(counts)) out += paint(34, `\u2139 ${l}`) + '\n';
    if (this.failures.length > 0) {
      out += `\n${paint(31, '\u2716 failing tests:')}\n\n`;
      for (const rec of this.failures) {
        if (rec.location) {
          const where = require('path').relative(process.cwd(), rec.location);
          out += `test at ${where}\n`;
        }
        out += `${paint(31, `\u2716 ${rec.name} ` +
          `${paint(90, `(${rec.duration}ms)`)}`)}\n`;
        out += this.errorText(rec, '');
      }
    }
    write(out);
  }
}

class DotReporter {
  constructor() { this.column = 0; }
  test(rec) {
    for (const c of rec.subtests) this.test(c);
    if (rec.suite) return;
    write(rec.failure !== null && !rec.todo ? paint(31, 'X') : paint(32, '.'));
    if (++this.column === 20) {
      write('\n');
      this.column = 0;
    }
  }
  diagnostic() {}
  end() { write('\n'); }
}

// What a test file run by `noderun --test` prints: one marked JSON line
// per top-level test, then one with the file's diagnostics.
const kChildMark = '\u0000noderun-test:';
class ChildReporter {
  test(rec) { write(kChildMark + JSON.stringify({ test: rec }) + '\n'); }
  diagnostic(text) {
    write(kChildMark + JSON.stringify({ diagnostic: text }) + '\n');
  }
  end(planned, counts, diagnostics) {
    write(kChildMark + JSON.stringify({ end: diagnostics }) + '\n');
  }
}

// The reporter --test-reporter asks for; else spec on a terminal, TAP
// otherwise (as Node 18.20 chooses).
function create(forced, output) {
  if (output !== undefined) write = output;
  let name = forced;
  const argv = process.execArgv;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--test-reporter' && i + 1 < argv.length) name = argv[i + 1];
    else if (argv[i].startsWith('--test-reporter=')) name = argv[i].slice(16);
  }
  if (forced === undefined && process.env.NODERUN_TEST_CHILD === '1') {
    return new ChildReporter();
  }
  // --test-reporter-destination: stdout, stderr or a file.
  let dest;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--test-reporter-destination' && i + 1 < argv.length) {
      dest = argv[i + 1];
    } else if (argv[i].startsWith('--test-reporter-destination=')) {
      dest = argv[i].slice(28);
    }
  }
  if (output === undefined && dest !== undefined && dest !== 'stdout') {
    if (dest === 'stderr') {
      write = (text) => process.stderr.write(text);
    } else {
      const fs = require('fs');
      const fd = fs.openSync(dest, 'w');
      write = (text) => fs.writeSync(fd, text);
    }
  }
  if (name === undefined) name = process.stdout.isTTY ? 'spec' : 'tap';
  if (name === 'spec') return new SpecReporter();
  if (name === 'dot') return new DotReporter();
  return new TapReporter();
}

module.exports = {
  create, toRecord, countRecord, kChildMark,
  emptyCounts: () => ({ tests: 0, suites: 0, pass: 0, fail: 0, cancelled: 0,
                        skipped: 0, todo: 0, duration: 0 }),
};
