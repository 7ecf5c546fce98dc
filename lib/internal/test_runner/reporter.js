// How node:test prints results: TAP 13 (the default when stdout is not a
// terminal, and what `noderun --test` reads back from each file), the
// "spec" tree on a terminal, or one character per test ("dot").
'use strict';

const { inspect } = require('util');

function write(text) {
  process.stdout.write(text);
}

// Test names go on one TAP line: backslash, "#" and line breaks escaped.
function tapName(name) {
  return name.replace(/\\/g, '\\\\').replace(/#/g, '\\#')
    .replace(/\n/g, '\\\\n').replace(/\r/g, '\\\\r');
}

function yamlString(s, indent) {
  if (s.includes('\n')) {
    return '|-\n' + s.split('\n').map((l) => indent + '    ' + l).join('\n');
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
        out += `\n${indent}    ${key}:${yamlValue(inner, indent + '  ')}`;
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

// The YAML block under a result line.
function tapDetails(test, indent) {
  let out = `${indent}  ---\n`;
  out += `${indent}  duration_ms: ${test.duration}\n`;
  if (test.isSuite) out += `${indent}  type: 'suite'\n`;
  const err = test.error;
  if (err && !test.passed) {
    if (test.location) out += `${indent}  location: '${test.location}'\n`;
    out += `${indent}  failureType: '${err.failureType}'\n`;
    out += `${indent}  error:${yamlValue(err.message, indent)}\n`;
    const cause = err.cause;
    const isError = cause instanceof Error;
    const code = isError && cause.code !== undefined ? cause.code : err.code;
    out += `${indent}  code:${yamlValue(code, indent)}\n`;
    if (isError && typeof cause.name === 'string' && cause.name !== 'Error') {
      out += `${indent}  name:${yamlValue(cause.name, indent)}\n`;
    }
    if (isError) {
      for (const key of ['expected', 'actual', 'operator']) {
        if (key in cause && cause[key] !== undefined && cause[key] !== null) {
          out += `${indent}  ${key}:${yamlValue(cause[key], indent)}\n`;
        }
      }
    }
    let frames = stackLines(cause);
    if (frames.length === 0 && err.failureType ===
        'multipleCallbackInvocations') {
      frames = stackLines(err);
    }
    if (frames.length > 0) {
      out += `${indent}  stack: |-\n`;
      for (const f of frames) out += `${indent}    ${f}\n`;
    }
  }
  out += `${indent}  ...\n`;
  return out;
}

function directive(test) {
  if (test.skipped) {
    return ' # SKIP' + (test.message !== undefined ? ' ' + test.message : '');
  }
  if (test.isTodo) {
    return ' # TODO' + (test.message !== undefined ? ' ' + test.message : '');
  }
  return '';
}

function tapTest(test, index, nesting) {
  const indent = '    '.repeat(nesting);
  const name = tapName(test.name);
  let out = `${indent}# Subtest: ${name}\n`;
  if (test.subtests.length > 0) {
    test.subtests.forEach((c, i) => { out += tapTest(c, i + 1, nesting + 1); });
    out += `${indent}    1..${test.subtests.length}\n`;
  }
  const ok = test.passed || test.skipped || (test.error === null);
  out += `${indent}${ok ? 'ok' : 'not ok'} ${index} - ${name}` +
    `${directive(test)}\n`;
  out += tapDetails(test, indent);
  for (const d of test.diagnostics) out += `${indent}# ${d}\n`;
  return out;
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
  test(t, index) {
    this.header();
    write(tapTest(t, index, 0));
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
  line(t, nesting) {
    const indent = '  '.repeat(nesting);
    const ms = `(${t.duration}ms)`;
    const extra = t.skipped ? ' # SKIP' + (t.message ? ' ' + t.message : '') :
      t.isTodo ? ' # TODO' + (t.message ? ' ' + t.message : '') : '';
    let out = '';
    if (t.isSuite || t.subtests.length > 0) {
      out += `${indent}${paint(t.isSuite ? 0 : 32, '\u25b6 ' + t.name)}\n`;
      for (const c of t.subtests) out += this.line(c, nesting + 1);
    }
    if (t.error !== null && !t.passed && !t.skipped && !t.isTodo) {
      this.failures.push(t);
      out += `${indent}${paint(31, `\u2716 ${t.name} ${ms}${extra}`)}\n`;
      const cause = t.error.cause;
      const shown = cause instanceof Error ? inspect(cause) : t.error.message;
      if (t.error.failureType !== 'subtestsFailed') {
        out += shown.split('\n').map((l) => `${indent}  ${l}`).join('\n') +
          '\n\n';
      }
    } else if (t.skipped || t.isTodo) {
      out += `${indent}${paint(36, `\ufe63 ${t.name} ${ms}${extra}`)}\n`;
    } else if (t.isSuite || t.subtests.length > 0) {
      out += `${indent}${paint(32, `\u25b6 ${t.name} ${ms}`)}\n`;
    } else {
      out += `${indent}${paint(32, `\u2714 ${t.name} ${ms}`)}\n`;
    }
    for (const d of t.diagnostics) out += `${indent}${paint(34, '\u2139 ' + d)}\n`;
    return out;
  }
  test(t) {
    write(this.line(t, 0));
  }
  end(planned, counts, diagnostics) {
    let out = '';
    for (const d of diagnostics) out += paint(34, `\u2139 ${d}`) + '\n';
    for (const l of footerLines(counts)) out += paint(34, `\u2139 ${l}`) + '\n';
    write(out);
  }
}

class DotReporter {
  constructor() { this.column = 0; }
  visit(t) {
    for (const c of t.subtests) this.visit(c);
    if (t.isSuite) return '';
    const failed = t.error !== null && !t.passed && !t.skipped && !t.isTodo;
    write(failed ? paint(31, 'X') : paint(32, '.'));
    if (++this.column === 20) {
      write('\n');
      this.column = 0;
    }
  }
  test(t) { this.visit(t); }
  end() { write('\n'); }
}

// The reporter --test-reporter asks for; else spec on a terminal, TAP
// otherwise (as Node 18.20 chooses).
function create() {
  let name;
  const argv = process.execArgv;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--test-reporter' && i + 1 < argv.length) name = argv[i + 1];
    else if (argv[i].startsWith('--test-reporter=')) name = argv[i].slice(16);
  }
  if (process.env.NODERUN_TEST_CHILD === '1') name = 'tap';
  if (name === undefined) name = process.stdout.isTTY ? 'spec' : 'tap';
  if (name === 'spec') return new SpecReporter();
  if (name === 'dot') return new DotReporter();
  return new TapReporter();
}

module.exports = { create, tapName, yamlValue, footerLines };
