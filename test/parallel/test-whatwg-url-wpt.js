'use strict';
// Runs the Web Platform Tests' URL data (test/fixtures/wpt/url, see its
// README.md and LICENSE.md) against URL: every parsing case of
// urltestdata.json, every setter case of setters_tests.json, the host
// cases of toascii.json and the UTF-8 cases of percent-encoding.json.
// Prints `WPT url: N passed, M failed` on stderr and fails when fewer
// than 98% of the cases pass.
const common = require('../common');
const { assert, fixtures } = common;
const fs = require('fs');
const { URL } = require('url');

const kThreshold = 0.98;
const kComponents = ['href', 'protocol', 'username', 'password', 'host',
  'hostname', 'port', 'pathname', 'search', 'hash'];

function load(name) {
  const text = fs.readFileSync(fixtures.path('wpt', 'url', name), 'utf8');
  // Strings in the arrays are comments.
  return JSON.parse(text);
}

const counts = {};
const failures = [];

function record(group, description, fn) {
  counts[group] = counts[group] || { passed: 0, failed: 0 };
  let problem;
  try {
    problem = fn();
  } catch (err) {
    problem = `threw ${err && err.stack}`;
  }
  if (problem === undefined) {
    counts[group].passed++;
  } else {
    counts[group].failed++;
    failures.push(`[${group}] ${description}: ${problem}`);
  }
}

function mismatch(url, expected, keys) {
  for (const key of keys) {
    if (!(key in expected)) continue;
    const actual = key === 'searchParams' ?
      url.searchParams.toString() : url[key];
    if (actual !== expected[key]) {
      return `${key} is ${JSON.stringify(actual)}, ` +
        `expected ${JSON.stringify(expected[key])}`;
    }
  }
}

// Parsing.
for (const test of load('urltestdata.json')) {
  if (typeof test === 'string') continue;
  const base = test.base === undefined ? undefined : test.base;
  const description = `new URL(${JSON.stringify(test.input)}, ` +
    `${JSON.stringify(base)})`;
  record('parsing', description, () => {
    const args = base === null || base === undefined ?
      [test.input] : [test.input, base];
    if (test.failure) {
      let url;
      try {
        url = new URL(...args);
      } catch (err) {
        if (!(err instanceof TypeError)) return `threw ${err}`;
        if (URL.canParse(...args)) return 'canParse() is true';
        return;
      }
      return `parsed as ${url.href}`;
    }
    const url = new URL(...args);
    const problem = mismatch(url, test,
                             [...kComponents, 'origin', 'searchParams']);
    if (problem) return problem;
    if (!URL.canParse(...args)) return 'canParse() is false';
  });
}

// Setters.
const setters = load('setters_tests.json');
for (const attribute of Object.keys(setters)) {
  if (attribute === 'comment') continue;
  for (const test of setters[attribute]) {
    const description = `${JSON.stringify(test.href)}.${attribute} = ` +
      `${JSON.stringify(test.new_value)}`;
    record('setters', description, () => {
      const url = new URL(test.href);
      url[attribute] = test.new_value;
      return mismatch(url, test.expected, [...kComponents, 'origin']);
    });
  }
}

// Host to ASCII: through the parser and through the host setters.
for (const test of load('toascii.json')) {
  if (typeof test === 'string') continue;
  const description = `host ${JSON.stringify(test.input)}`;
  record('toascii', `${description} (parse)`, () => {
    if (test.output === null) {
      let url;
      try {
        url = new URL(`https://${test.input}/x`);
      } catch {
        return;
      }
      return `parsed as ${url.href}`;
    }
    const url = new URL(`https://${test.input}/x`);
    return mismatch(url, {
      host: test.output, hostname: test.output, pathname: '/x',
      href: `https://${test.output}/x`,
    }, ['host', 'hostname', 'pathname', 'href']);
  });
  for (const attribute of ['host', 'hostname']) {
    record('toascii', `${description} (${attribute} setter)`, () => {
      const url = new URL('https://x/x');
      url[attribute] = test.input;
      const expected = test.output === null ? 'x' : test.output;
      return mismatch(url, { [attribute]: expected }, [attribute]);
    });
  }
}

// Percent-encoding of the query and the fragment (UTF-8 only).
for (const test of load('percent-encoding.json')) {
  if (typeof test === 'string') continue;
  record('percent-encoding', JSON.stringify(test.input), () => {
    const url = new URL(`https://doesnotmatter.invalid/?${test.input}` +
                        `#${test.input}`);
    const output = test.output['utf-8'];
    return mismatch(url, { search: `?${output}`, hash: `#${output}` },
                    ['search', 'hash']);
  });
}

let passed = 0;
let failed = 0;
for (const group of Object.keys(counts)) {
  passed += counts[group].passed;
  failed += counts[group].failed;
}
for (const line of failures) process.stderr.write(`${line}\n`);
for (const group of Object.keys(counts)) {
  process.stderr.write(`  ${group}: ${counts[group].passed} passed, ` +
                       `${counts[group].failed} failed\n`);
}
process.stderr.write(`WPT url: ${passed} passed, ${failed} failed\n`);
assert.ok(passed >= kThreshold * (passed + failed),
          `only ${passed} of ${passed + failed} WPT url cases pass`);
