// node:test's tests and suites: the tree of Test objects, how each runs
// (hooks, timeout, abort signal, done callback, concurrency among
// siblings), and the root that starts top-level tests and prints the
// summary when the program's event loop runs dry.
'use strict';

const { AsyncLocalStorage } = require('async_hooks');
const { inspect } = require('util');
const reporters = require('internal/test_runner/reporter');

// A test failure as node:test reports it: code ERR_TEST_FAILURE, the kind
// of failure, and what was thrown as `cause`.
function testFailure(cause, failureType) {
  let message;
  if (cause instanceof Error) message = cause.message;
  else if (typeof cause === 'string') message = cause;
  else message = inspect(cause);
  const err = new Error(message);
  err.code = 'ERR_TEST_FAILURE';
  err.failureType = failureType;
  err.cause = cause;
  return err;
}

const kCancelledByParent = 'cancelledByParent';
const kTestCodeFailure = 'testCodeFailure';
const kHookFailure = 'hookFailed';
const kSubtestsFailed = 'subtestsFailed';
const kTimeout = 'testTimeoutFailure';
const kCallbackAndPromise = 'callbackAndPromisePresent';
const kMultipleCallbacks = 'multipleCallbackInvocations';
const kParentAlreadyFinished = 'parentAlreadyFinished';

// --test-only and --test-name-pattern reach a file run by `noderun --test`
// through execArgv, like any other flag.
function flagValues(name) {
  const out = [];
  const argv = process.execArgv;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === name && i + 1 < argv.length) out.push(argv[++i]);
    else if (argv[i].startsWith(name + '=')) out.push(argv[i].slice(name.length + 1));
  }
  return out;
}
let testOnlyFlag;
let namePatterns;
function options() {
  if (testOnlyFlag === undefined) {
    testOnlyFlag = process.execArgv.includes('--test-only');
    namePatterns = flagValues('--test-name-pattern').map((p) => {
      const m = /^\/(.*)\/([a-z]*)$/s.exec(p);
      return m ? new RegExp(m[1], m[2]) : new RegExp(p);
    });
  }
  return { testOnly: testOnlyFlag, patterns: namePatterns };
}

// The test whose code is running now, across its async work: uncaught
// errors and it()/test() calls without a context find their test here.
const running = new AsyncLocalStorage();

// While a describe() callback builds its suite, it()/describe() calls
// inside it add to that suite.
let buildingSuite = null;

let idCounter = 0;

// Where the caller of test()/it()/describe() is: "file:line:col" from the
// first stack frame outside node's own modules.
function callerLocation() {
  const holder = {};
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 20;
  Error.captureStackTrace(holder, callerLocation);
  Error.stackTraceLimit = limit;
  const lines = String(holder.stack).split('\n').slice(1);
  for (const line of lines) {
    const m = /\(?([^()\s]+:\d+:\d+)\)?$/.exec(line.trim());
    if (m && !m[1].startsWith('node:')) return m[1];
  }
  return undefined;
}

function stopwatch() {
  const start = process.hrtime.bigint();
  return () => Number(process.hrtime.bigint() - start) / 1e6;
}

function isPromiseLike(v) {
  return v !== null && (typeof v === 'object' || typeof v === 'function') &&
         typeof v.then === 'function';
}

class TestContext {
  #test;
  constructor(test) { this.#test = test; }
  get name() { return this.#test.name; }
  get signal() { return this.#test.signal; }
  get mock() {
    const t = this.#test;
    if (t.mockTracker === undefined) {
      const { MockTracker } = require('internal/test_runner/mock');
      t.mockTracker = new MockTracker();
    }
    return t.mockTracker;
  }
  diagnostic(message) { this.#test.diagnostics.push(String(message)); }
  runOnly(value) { this.#test.runOnlySubtests = !!value; }
  skip(message) {
    this.#test.skipped = true;
    if (message !== undefined) this.#test.message = String(message);
  }
  todo(message) {
    this.#test.isTodo = true;
    if (message !== undefined) this.#test.message = String(message);
  }
  test(name, opts, fn) {
    const t = this.#test.createSubtest(Test, name, opts, fn,
                                       callerLocation());
    return t.startPromise();
  }
  before(fn, opts) { this.#test.addHook('before', fn, opts); }
  after(fn, opts) { this.#test.addHook('after', fn, opts); }
  beforeEach(fn, opts) { this.#test.addHook('beforeEach', fn, opts); }
  afterEach(fn, opts) { this.#test.addHook('afterEach', fn, opts); }
}

class SuiteContext {
  #suite;
  constructor(suite) { this.#suite = suite; }
  get name() { return this.#suite.name; }
  get signal() { return this.#suite.signal; }
}

// Reads (name, options, fn) the way test(), it() and describe() take them:
// each part may be left out.
function parseArgs(name, opts, fn) {
  if (typeof name === 'function') {
    fn = name;
    opts = {};
    name = fn.name || '<anonymous>';
  } else if (name !== null && typeof name === 'object') {
    fn = opts;
    opts = name;
    name = typeof fn === 'function' && fn.name ? fn.name : '<anonymous>';
  } else if (typeof opts === 'function') {
    fn = opts;
    opts = {};
  }
  if (name === undefined || name === null || name === '') {
    name = typeof fn === 'function' && fn.name ? fn.name : '<anonymous>';
  }
  if (opts === null || opts === undefined) opts = {};
  if (typeof opts !== 'object') {
    const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
    throw new ERR_INVALID_ARG_TYPE('options', 'object', opts);
  }
  return { name: String(name), opts, fn };
}

// Only the options' own properties count: a program that sets
// Object.prototype.skip must not skip every test.
function ownOptions(opts) {
  const out = { __proto__: null };
  for (const key of ['skip', 'todo', 'only', 'timeout', 'concurrency',
                     'signal']) {
    if (Object.prototype.hasOwnProperty.call(opts, key)) out[key] = opts[key];
  }
  return out;
}

function validateOptions(opts) {
  const { codes } = require('internal/errors');
  const { timeout, concurrency, signal } = opts;
  if (timeout !== undefined && timeout !== null && timeout !== Infinity) {
    if (typeof timeout !== 'number') {
      throw new codes.ERR_INVALID_ARG_TYPE('options.timeout', 'number',
                                           timeout);
    }
    if (!(timeout >= 0 && timeout <= 2147483647)) {
      throw new codes.ERR_OUT_OF_RANGE('options.timeout',
                                       '>= 0 && <= 2147483647', timeout);
    }
  }
  if (concurrency !== undefined && concurrency !== null &&
      typeof concurrency !== 'boolean' && concurrency !== Infinity) {
    if (typeof concurrency !== 'number') {
      throw new codes.ERR_INVALID_ARG_TYPE('options.concurrency',
                                           ['boolean', 'number'], concurrency);
    }
    if (!Number.isInteger(concurrency) || concurrency < 1 ||
        concurrency > 4294967295) {
      throw new codes.ERR_OUT_OF_RANGE('options.concurrency',
                                       '>= 1 && <= 4294967295', concurrency);
    }
  }
  if (signal !== undefined && signal !== null &&
      (typeof signal !== 'object' || !('aborted' in signal))) {
    throw new codes.ERR_INVALID_ARG_TYPE('options.signal', 'AbortSignal',
                                         signal);
  }
}

class Test {
  constructor(parent, name, opts, fn, location) {
    this.id = ++idCounter;
    this.parent = parent;
    this.root = parent ? parent.root : this;
    this.name = name;
    this.fn = fn;
    this.location = location;
    this.nesting = parent ? parent.nesting + 1 : -1;
    this.subtests = [];
    this.queue = [];
    this.active = 0;
    this.hooks = { before: [], after: [], beforeEach: [], afterEach: [] };
    this.diagnostics = [];
    this.skipped = false;
    this.isTodo = false;
    this.message = undefined;
    this.error = null;
    this.passed = false;
    this.finished = false;
    this.started = false;
    this.duration = 0;
    this.runOnlySubtests = false;
    this.mockTracker = undefined;
    this.signalLinks = [];

    const { skip, todo, only, timeout, concurrency, signal } = opts;
    // Any value but undefined and false turns them on; a non-empty
    // string is also the reason shown.
    if (skip !== undefined && skip !== false) {
      this.skipped = true;
      if (typeof skip === 'string' && skip !== '') this.message = skip;
    }
    if (todo !== undefined && todo !== false) {
      this.isTodo = true;
      if (typeof todo === 'string' && todo !== '') this.message = todo;
    }
    this.only = !!only;
    this.timeout = timeout === undefined || timeout === null ? Infinity :
      timeout;
    if (concurrency === true) this.concurrency = Infinity;
    else if (typeof concurrency === 'number') this.concurrency = concurrency;
    else this.concurrency = 1;
    if (fn === undefined && parent) {
      // A test with no body passes; test.todo('x') is the usual case.
      this.fn = () => {};
    }

    // --test-only skips what is not marked `only` among top-level tests,
    // a suite's tests and the subtests of a test that called
    // t.runOnly(true); without the flag, `only` just earns a warning.
    const { testOnly, patterns } = options();
    if (parent && testOnly) {
      if (!this.only && !this.skipped &&
          (parent === this.root || parent.isSuite || parent.runOnlySubtests)) {
        this.skipped = true;
        this.message = '\'only\' option not set';
      }
    } else if (parent && (this.only || parent.runOnlySubtests)) {
      this.diagnostics.push('\'only\' and \'runOnly\' require the ' +
                            '--test-only command-line option.');
    }
    if (parent && patterns.length > 0 && !(this instanceof Suite) &&
        !this.skipped && !this.matchesPattern(patterns)) {
      this.skipped = true;
      this.message = 'test name does not match pattern';
    }

    this.controller = new AbortController();
    this.signal = this.controller.signal;
    this.givenSignal = signal || null;
  }

  // Follows the options' signal and the parent's from the start of the
  // run to its end (listening any longer would pile up listeners).
  attachSignal() {
    for (const outer of [this.givenSignal, this.parent.signal]) {
      if (!outer) continue;
      if (outer.aborted) {
        this.controller.abort(outer.reason);
        continue;
      }
      const onAbort = () => this.controller.abort(outer.reason);
      outer.addEventListener('abort', onAbort, { once: true });
      this.signalLinks.push(() => outer.removeEventListener('abort', onAbort));
    }
  }

  matchesPattern(patterns) {
    for (let t = this; t && t.parent; t = t.parent) {
      if (patterns.some((re) => re.test(t.name))) return true;
    }
    return false;
  }

  // Adds a child test (or suite) and queues it to run.
  createSubtest(Kind, rawName, rawOpts, rawFn, location) {
    const parsed = parseArgs(rawName, rawOpts, rawFn);
    const { name, fn } = parsed;
    const opts = ownOptions(parsed.opts);
    validateOptions(opts);
    if (fn !== undefined && typeof fn !== 'function') {
      const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
      throw new ERR_INVALID_ARG_TYPE('fn', 'function', fn);
    }
    const child = new Kind(this, name, opts, fn, location);
    this.subtests.push(child);
    if (this.finished) {
      child.fail(testFailure(
        'test could not be started because its parent finished',
        kParentAlreadyFinished));
      child.finished = true;
      child.donePromise = Promise.resolve();
      this.root.lateReport(child);
      return child;
    }
    if (this === this.root) this.root.ensureStarted();
    this.enqueue(child);
    return child;
  }

  startPromise() {
    return this.donePromise;
  }

  enqueue(child) {
    let resolveDone;
    child.donePromise = new Promise((r) => { resolveDone = r; });
    child.resolveDone = resolveDone;
    this.queue.push(child);
    // Top-level tests start on a later tick, once the file's synchronous
    // code has run; a subtest starts at once when a slot is free.
    if (this === this.root) process.nextTick(() => this.drain());
    else this.drain();
  }

  // Starts queued children while fewer than `concurrency` run; a test's
  // own before() hooks run ahead of its first child.
  drain() {
    if (this.isSuite && !this.subtestsReleased) return;
    if (!this.beforeDone && this.hooks.before.length > 0) {
      if (this.beforeRunning) return;
      this.beforeRunning = true;
      this.runHooks('before', this.context).then(() => {
        this.beforeDone = true;
        this.drain();
      }, (err) => {
        this.beforeDone = true;
        for (const c of this.queue) c.fail(err);
        this.drain();
      });
      return;
    }
    while (this.queue.length > 0 && this.active < this.concurrency) {
      const child = this.queue.shift();
      if (child.finished) continue;
      this.active++;
      child.start().then(() => {
        this.active--;
        this.drain();
        if (this === this.root) this.root.maybeRunAfter();
      });
    }
  }

  addHook(kind, fn, opts) {
    if (typeof fn !== 'function') {
      const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
      throw new ERR_INVALID_ARG_TYPE('fn', 'function', fn);
    }
    const timeout = opts && typeof opts.timeout === 'number' ?
      opts.timeout : Infinity;
    this.hooks[kind].push({ fn, timeout, location: callerLocation() });
  }

  // The parent's (or options') signal is no longer of interest.
  detachSignal() {
    for (const unlink of this.signalLinks) unlink();
    this.signalLinks = [];
  }

  fail(err) {
    if (this.error === null) this.error = err;
    this.passed = false;
  }

  // Runs `fn` with the test context (and a done callback when it takes
  // one more argument than `ctxArgs`), racing the timeout and the signal.
  runFn(fn, args, timeout) {
    return new Promise((resolve, reject) => {
      let settled = false;
      let timer = null;
      const onAbort = () => {
        finish(testFailure(this.signal.reason instanceof Error ?
          this.signal.reason : 'This operation was aborted',
        kCancelledByParent), true);
      };
      const finish = (err, isFailure) => {
        if (settled) return;
        settled = true;
        if (timer !== null) clearTimeout(timer);
        this.signal.removeEventListener('abort', onAbort);
        if (isFailure) reject(err);
        else resolve();
      };
      if (this.signal.aborted) {
        onAbort();
        return;
      }
      this.signal.addEventListener('abort', onAbort);
      if (timeout !== Infinity) {
        timer = setTimeout(() => {
          const err = testFailure(`test timed out after ${timeout}ms`,
                                  kTimeout);
          finish(err, true);
          // The test's code learns of it through t.signal.
          this.controller.abort(err);
        }, timeout);
        if (timer.unref) timer.unref();
      }
      const usesDone = fn.length > args.length;
      let calls = 0;
      let inCall = true;
      let early = null;
      const done = (err) => {
        calls++;
        if (calls > 1) {
          this.lateError = testFailure('callback invoked multiple times',
                                       kMultipleCallbacks);
          return;
        }
        // Called before fn returned: wait to see whether fn also
        // returned a promise, which is an error of its own.
        if (inCall) {
          early = [err];
          return;
        }
        if (err) finish(testFailure(err, kTestCodeFailure), true);
        else finish(undefined, false);
      };
      let ret;
      try {
        ret = running.run(this, () => {
          return usesDone ? fn(...args, done) : fn(...args);
        });
      } catch (err) {
        finish(testFailure(err, kTestCodeFailure), true);
        return;
      } finally {
        inCall = false;
      }
      if (usesDone) {
        if (isPromiseLike(ret)) {
          finish(testFailure('passed a callback but also returned a Promise',
                             kCallbackAndPromise), true);
        } else if (early !== null) {
          calls = 0;
          done(early[0]);
          calls = Math.max(calls, 1);
        }
        return;
      }
      if (isPromiseLike(ret)) {
        ret.then(() => finish(undefined, false),
                 (err) => finish(testFailure(err, kTestCodeFailure), true));
      } else {
        finish(undefined, false);
      }
    });
  }

  async runHooks(kind, ctx) {
    for (const hook of this.hooks[kind]) {
      await this.runFnHook(hook, [ctx]);
    }
  }

  runFnHook(hook, args) {
    return this.runFn(hook.fn, args, hook.timeout).catch((err) => {
      throw testFailure(err.cause !== undefined ? err.cause : err,
                        err.failureType === kTimeout ? kTimeout :
                          kHookFailure);
    });
  }

  hasEachHooks(kind) {
    for (let p = this.parent; p; p = p.parent) {
      if (p.hooks[kind].length > 0) return true;
    }
    return false;
  }

  // The beforeEach (outermost first) or afterEach (innermost first) hooks
  // of every ancestor, run for this test.
  async runEachHooks(kind) {
    const chain = [];
    for (let p = this.parent; p; p = p.parent) chain.push(p);
    if (kind === 'beforeEach') chain.reverse();
    for (const p of chain) {
      for (const hook of p.hooks[kind]) {
        await this.runFnHook(hook, [this.context]);
      }
    }
  }

  async start() {
    this.started = true;
    const elapsed = stopwatch();
    this.startedAt = elapsed;
    this.context = new TestContext(this);
    this.attachSignal();
    try {
      // Awaits only when there is a hook: a quick subtest then ends
      // within the same turns as its parent's body, as in Node.
      if (this.hasEachHooks('beforeEach')) await this.runEachHooks('beforeEach');
      if (!this.skipped) {
        await this.runFn(this.fn, [this.context], this.timeout);
        this.passed = true;
      }
    } catch (err) {
      this.fail(err);
    }
    try {
      if (!this.skipped && this.hooks.after.length > 0) {
        await this.runHooks('after', this.context);
      }
      if (this.hasEachHooks('afterEach')) await this.runEachHooks('afterEach');
    } catch (err) {
      this.fail(err);
    }
    this.complete(elapsed());
  }

  // Ends the test: cancels children still pending, decides pass or fail.
  complete(duration) {
    this.duration = duration;
    for (const child of this.subtests) {
      if (!child.finished) {
        child.cancel('test did not finish before its parent and was ' +
                     'cancelled');
      }
    }
    if (this.lateError) this.fail(this.lateError);
    if (this.error === null) {
      const failed = this.subtests.filter((c) => c.isFailed()).length;
      if (failed > 0) {
        this.fail(testFailure(`${failed} subtest${failed > 1 ? 's' : ''} ` +
                              'failed', kSubtestsFailed));
      }
    }
    if (this.error !== null) this.passed = false;
    this.finished = true;
    this.detachSignal();
    if (this.mockTracker) this.mockTracker.reset();
    if (this.resolveDone) this.resolveDone();
    if (this.parent === this.root) this.root.reportChild(this);
  }

  // Ends a test that has not finished: its parent ended first, or the
  // program ran out of work.
  cancel(message, duration) {
    if (this.finished) return;
    for (const child of this.subtests) {
      if (!child.finished) child.cancel(message, 0);
    }
    this.fail(testFailure(message, kCancelledByParent));
    this.controller.abort(this.error);
    this.finished = true;
    this.detachSignal();
    if (duration === undefined) {
      duration = this.startedAt !== undefined ? this.startedAt() : 0;
    }
    this.duration = this.started ? duration : 0;
    if (this.resolveDone) this.resolveDone();
  }

  isFailed() {
    return !this.passed && !this.skipped && !this.isTodo &&
           this.error !== null;
  }

  get isSuite() { return false; }
}

class Suite extends Test {
  constructor(parent, name, opts, fn, location) {
    super(parent, name, opts, fn, location);
    this.subtestsReleased = false;
    this.context = new SuiteContext(this);
    this.buildError = null;
    this.buildPromise = null;
    // A skipped suite's body never runs.
    if (typeof fn === 'function' && !this.skipped) {
      const outer = buildingSuite;
      buildingSuite = this;
      try {
        const ret = running.run(this, () => fn.call(this.context,
                                                    this.context));
        if (isPromiseLike(ret)) {
          this.buildPromise = Promise.resolve(ret).then(
            () => {}, (err) => {
              this.buildError = testFailure(err, kTestCodeFailure);
            });
        }
      } catch (err) {
        this.buildError = testFailure(err, kTestCodeFailure);
      } finally {
        buildingSuite = outer;
      }
    }
  }

  get isSuite() { return true; }

  async start() {
    this.started = true;
    const elapsed = stopwatch();
    this.startedAt = elapsed;
    this.attachSignal();
    if (this.buildPromise) await this.buildPromise;
    if (this.buildError) {
      this.fail(this.buildError);
      for (const c of this.subtests) c.cancel('test did not finish before ' +
                                              'its parent and was cancelled');
      this.complete(elapsed());
      return;
    }
    if (this.skipped) {
      for (const c of this.subtests) {
        c.skipped = true;
        c.finished = true;
        c.resolveDone();
      }
      this.passed = true;
      this.complete(elapsed());
      return;
    }
    try {
      await this.runHooks('before', this.context);
      this.beforeDone = true;
      this.subtestsReleased = true;
      this.drain();
      await Promise.all(this.subtests.map((c) => c.donePromise));
      this.passed = true;
    } catch (err) {
      this.fail(err);
      for (const c of this.subtests) {
        if (!c.finished) c.cancel('test did not finish before its parent ' +
                                  'and was cancelled');
      }
    }
    try {
      await this.runHooks('after', this.context);
    } catch (err) {
      this.fail(err);
    }
    this.complete(elapsed());
  }
}

// The invisible parent of a file's top-level tests.
class Root extends Test {
  constructor() {
    super(null, '<root>', { __proto__: null }, undefined, undefined);
    this.concurrency = 1;
    this.begun = false;
    this.reporter = null;
    this.nextToReport = 0;
    this.elapsed = stopwatch();
    this.ended = false;
    this.records = [];
  }

  ensureStarted() {
    if (this.begun) return;
    this.begun = true;
    this.reporter = reporters.create();
    this.context = new TestContext(this);
    process.on('uncaughtException', (err) => this.onUncaught(err,
                                                             'uncaughtException'));
    process.on('unhandledRejection', (err) => this.onUncaught(err,
                                                              'unhandledRejection'));
    // Global after() hooks run once the file's tests are done; the
    // summary prints after them.
    const onBeforeExit = () => {
      if (this.runAfterHooks()) return;
      process.removeListener('beforeExit', onBeforeExit);
      this.end();
    };
    process.on('beforeExit', onBeforeExit);
    // process.exit() before the loop ran dry: still report, but the exit
    // code is the one the program chose.
    process.on('exit', () => {
      if (!this.ended) this.end(true);
    });
  }

  // Global after() hooks run once no test is running or queued (a later
  // turn confirms it: a test may still add siblings), or at the latest
  // when the loop runs dry. True when they were started now.
  runAfterHooks() {
    if (this.hooks.after.length === 0 || this.afterStarted) return false;
    this.afterStarted = true;
    this.runHooks('after', this.context).catch((err) => {
      this.diagnostics.push(`Error: ${err.message}`);
      this.rootFailed = true;
    });
    return true;
  }

  maybeRunAfter() {
    if (this.hooks.after.length === 0 || this.afterStarted) return;
    setImmediate(() => {
      if (this.active === 0 && this.queue.length === 0) this.runAfterHooks();
    });
  }

  onUncaught(err, kind) {
    const test = running.getStore();
    if (test && test !== this && !test.finished) {
      test.fail(testFailure(err, kind));
      test.uncaught = true;
      return;
    }
    // Too late to fail a test: the run fails with a warning (Node's text).
    let shown;
    try {
      shown = String(err);
    } catch {
      shown = inspect(err);
    }
    if (test && test !== this) {
      this.diagnostics.push(
        `Warning: Test "${test.name}" generated asynchronous activity ` +
        `after the test ended. This activity created the error "${shown}" ` +
        `and would have caused the test to fail, but instead triggered an ` +
        `${kind} event.`);
    } else {
      this.diagnostics.push(
        'Warning: A resource generated asynchronous activity after the test ' +
        `ended. This activity created the error "${shown}" which triggered ` +
        `an ${kind} event, caught by the test runner.`);
    }
    this.rootFailed = true;
    process.exitCode = 1;
  }

  // Top-level tests print in the order they were declared.
  reportChild() {
    while (this.nextToReport < this.subtests.length &&
           this.subtests[this.nextToReport].finished) {
      const child = this.subtests[this.nextToReport++];
      this.records.push(reporters.toRecord(child));
      this.reporter.test(this.records[this.records.length - 1],
                         this.nextToReport);
    }
  }

  lateReport() {
    this.reportChild();
  }

  end(exiting = false) {
    if (this.ended) return;
    this.ended = true;
    for (const child of this.subtests) {
      if (!child.finished) {
        child.cancel('Promise resolution is still pending but the event ' +
                     'loop has already resolved');
      }
    }
    this.reportChild();
    // Global after() hooks cannot wait: the loop has run dry.
    const counts = reporters.emptyCounts();
    for (const rec of this.records) reporters.countRecord(rec, counts);
    counts.duration = this.elapsed();
    this.reporter.end(this.subtests.length, counts, this.diagnostics);
    if (!exiting &&
        (counts.fail > 0 || counts.cancelled > 0 || this.rootFailed)) {
      process.exitCode = 1;
    }
  }
}

let root = null;
function getRoot() {
  if (root === null) root = new Root();
  return root;
}

// Where a test(), it() or describe() call adds its test: the suite being
// built, else the test whose code is running, else the file's root.
function currentParent() {
  if (buildingSuite !== null) return buildingSuite;
  const t = running.getStore();
  if (t && !t.finished && t !== root) return t;
  return getRoot();
}

function addRootHook(kind, fn, opts) {
  const parent = currentParent();
  parent.addHook(kind, fn, opts);
}

module.exports = {
  Test, Suite, TestContext, getRoot, currentParent, callerLocation,
  addRootHook, kCancelledByParent, kTimeout,
};
