// node:test — the test runner (reachable only as 'node:test', as in Node
// 18). test(), describe()/it() and the hooks add to the current file's
// tree of tests; results print when the tests end (see
// internal/test_runner/).
'use strict';

const {
  Test, Suite, currentParent, callerLocation, addRootHook,
} = require('internal/test_runner/test');

function addTest(Kind, name, options, fn, extra) {
  const parent = currentParent();
  let opts = options;
  let body = fn;
  if (extra !== undefined) {
    // test.skip(name, fn) and the like: fold the mode into the options.
    if (typeof name === 'function') {
      body = name;
      name = undefined;
      opts = {};
    } else if (typeof opts === 'function') {
      body = opts;
      opts = {};
    } else if (opts === undefined || opts === null) {
      opts = {};
    }
    opts = { ...opts, ...extra };
  }
  const t = parent.createSubtest(Kind, name, opts, body, callerLocation());
  return t.donePromise;
}

function makeTestFn(Kind, parentIsSuite) {
  const fn = function test(name, options, body) {
    return addTest(Kind, name, options, body);
  };
  fn.skip = (name, options, body) =>
    addTest(Kind, name, options, body, { skip: true });
  fn.todo = (name, options, body) =>
    addTest(Kind, name, options, body, { todo: true });
  fn.only = (name, options, body) =>
    addTest(Kind, name, options, body, { only: true });
  if (parentIsSuite) Object.defineProperty(fn, 'name', { value: 'describe' });
  return fn;
}

const test = makeTestFn(Test, false);
const describe = makeTestFn(Suite, true);
const it = makeTestFn(Test, false);
Object.defineProperty(it, 'name', { value: 'it' });

let mock;
function getMock() {
  if (mock === undefined) {
    const { MockTracker } = require('internal/test_runner/mock');
    mock = new MockTracker();
  }
  return mock;
}

module.exports = test;
Object.assign(test, {
  skip: test.skip,
  todo: test.todo,
  only: test.only,
  after: (fn, opts) => addRootHook('after', fn, opts),
  afterEach: (fn, opts) => addRootHook('afterEach', fn, opts),
  before: (fn, opts) => addRootHook('before', fn, opts),
  beforeEach: (fn, opts) => addRootHook('beforeEach', fn, opts),
  describe,
  it,
  run: (...args) => require('internal/test_runner/runner').run(...args),
  test,
});
Object.defineProperty(test, 'mock', {
  get: getMock, enumerable: true, configurable: true,
});
