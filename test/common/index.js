'use strict';
// Shared helpers for noderun's own tests (test/parallel). Written for this
// project; keep it small and free of dependencies beyond core modules.

const path = require('path');

// node:assert when the runtime has it, else our small stand-in.
let assert;
try {
  assert = require('assert');
} catch (err) {
  if (err.code !== 'MODULE_NOT_FOUND' &&
      err.code !== 'ERR_UNKNOWN_BUILTIN_MODULE') {
    throw err;
  }
  assert = require('./assert-lite');
}

const fixturesDir = path.join(__dirname, '..', 'fixtures');

// What test/differential/<name>.js prints under this runtime, without the
// last newline: a test that checks it against Node 18's output, frozen,
// shares the scenario the differential suite compares with Node live.
function differentialOutput(name) {
  const { execFileSync } = require('child_process');
  const script = path.join(__dirname, '..', 'differential', `${name}.js`);
  return execFileSync(process.execPath, [script], { encoding: 'utf8' })
    .replace(/\n$/, '');
}

// Functions wrapped by mustCall() must have run the expected number of
// times when the process exits; the check throws from an 'exit' listener,
// which makes the process exit with code 1 and print the error.
const callChecks = [];

function runCallChecks() {
  const failed = callChecks.filter((c) => {
    if (c.exact !== undefined) return c.actual !== c.exact;
    return c.actual < c.minimum;
  });
  if (failed.length === 0) return;
  const lines = failed.map((c) => {
    const want = c.exact !== undefined ? `exactly ${c.exact}` :
      `at least ${c.minimum}`;
    return `Mismatched ${c.name} function calls. Expected ${want}, ` +
      `actual ${c.actual}.\n${c.stack}`;
  });
  throw new assert.AssertionError({ message: lines.join('\n') });
}

function wrapChecked(fn, check) {
  if (callChecks.length === 0) process.on('exit', runCallChecks);
  callChecks.push(check);
  return function checked(...args) {
    check.actual++;
    return fn.apply(this, args);
  };
}

function callerStack() {
  return (new Error().stack || '').split('\n').slice(3, 4).join('\n');
}

function noop() {}

function mustCall(fn, exact) {
  if (typeof fn === 'number') {
    exact = fn;
    fn = noop;
  } else if (fn === undefined) {
    fn = noop;
  }
  if (exact === undefined) exact = 1;
  return wrapChecked(fn, { name: fn.name || '<anonymous>', exact,
                           actual: 0, stack: callerStack() });
}

function mustCallAtLeast(fn, minimum) {
  if (typeof fn === 'number') {
    minimum = fn;
    fn = noop;
  } else if (fn === undefined) {
    fn = noop;
  }
  if (minimum === undefined) minimum = 1;
  return wrapChecked(fn, { name: fn.name || '<anonymous>', minimum,
                           actual: 0, stack: callerStack() });
}

// A node-style callback that must be called (exact times, default 1) with
// no error; fn gets the remaining arguments.
function mustSucceed(fn, exact) {
  const check = { name: (fn && fn.name) || '<anonymous>', exact: exact || 1,
                  actual: 0, stack: callerStack() };
  return wrapChecked(function(err, ...args) {
    assert.ifError(err);
    if (typeof fn === 'function') return fn.apply(this, args);
  }, check);
}

function mustNotCall(msg) {
  const stack = callerStack();
  return function mustNotCall(...args) {
    const shown = args.map((a) => {
      try {
        return require('util').inspect(a);
      } catch {
        return String(a);
      }
    }).join(', ');
    assert.fail(`${msg || 'function should not have been called'} ` +
                `(called with ${shown})\n${stack}`);
  };
}

const fixtures = {
  path(...parts) {
    return path.join(fixturesDir, ...parts);
  },
};

module.exports = {
  assert,
  differentialOutput,
  get tmpdir() {
    return require('./tmpdir');
  },
  fixturesDir,
  fixtures,
  mustCall,
  mustCallAtLeast,
  mustNotCall,
  mustSucceed,
  isLinux: process.platform === 'linux',
  // True under noderun, false under the reference node (tests are also run
  // with node 18 to check that they expect Node's behaviour).
  isNoderun: path.basename(process.execPath).startsWith('noderun'),
};
