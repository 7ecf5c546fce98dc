'use strict';

// The assert module: assertion functions that throw AssertionError, the
// AssertionError class itself (with Node's generated messages and
// diffs), CallTracker, and the strict variant (assert.strict).

const {
  codes: {
    ERR_AMBIGUOUS_ARGUMENT,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_RETURN_VALUE,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const {
  validateFunction,
  validateObject,
  validateUint32,
} = require('internal/validators');
const {
  isDeepEqual,
  isDeepStrictEqual,
} = require('internal/util/comparisons');

const types = internalBinding('types');

let inspectFn;
function inspect(value, options) {
  if (inspectFn === undefined) {
    inspectFn = require('internal/util/inspect').inspect;
  }
  return inspectFn(value, options);
}

function isError(value) {
  return types.isNativeError(value) || value instanceof Error;
}

function isObject(value) {
  return typeof value === 'object' && value !== null;
}

// ---------------------------------------------------------------------------
// AssertionError

const kReadableOperator = {
  deepStrictEqual: 'Expected values to be strictly deep-equal:',
  strictEqual: 'Expected values to be strictly equal:',
  strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
  deepEqual: 'Expected values to be loosely deep-equal:',
  notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
  notStrictEqual: 'Expected "actual" to be strictly unequal to:',
  notStrictEqualObject:
    'Expected "actual" not to be reference-equal to "expected":',
  notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
  notIdentical: 'Values have same structure but are not reference-equal:',
  notDeepEqualUnequal: 'Expected values not to be loosely deep-equal:',
};

// Values whose inspected forms add up to at most this many characters are
// shown on one line as `a !== b`.
const kMaxShortLength = 12;

// How values appear in assertion messages: fully expanded, keys sorted.
function inspectValue(value) {
  return inspect(value, {
    compact: false,
    customInspect: false,
    depth: 1000,
    maxArrayLength: Infinity,
    showHidden: false,
    showProxy: false,
    sorted: true,
    getters: true,
  });
}

// An error without its stack, so the diff shows [Error: message].
function copyError(source) {
  const target = Object.create(Object.getPrototypeOf(source));
  for (const key of Object.keys(source)) target[key] = source[key];
  Object.defineProperty(target, 'message',
                        { __proto__: null, value: source.message });
  return target;
}

function terminalWidth() {
  const stderr = process.stderr;
  return stderr && stderr.isTTY && stderr.columns ? stderr.columns : 80;
}

// Message for a failed strictEqual / deepStrictEqual: a short `a !== b`
// line, or a line diff of the two inspected values marked '+' (actual)
// and '-' (expected). Runs of unchanged lines are shortened to '...'.
function createErrDiff(actual, expected, operator) {
  if (operator === 'strictEqual' &&
      ((isObject(actual) && isObject(expected)) ||
       (typeof actual === 'function' && typeof expected === 'function'))) {
    operator = 'strictEqualObject';
  }
  const actualLines = inspectValue(actual).split('\n');
  const expectedLines = inspectValue(expected).split('\n');
  let indicator = '';

  if (actualLines.length === 1 && expectedLines.length === 1 &&
      actualLines[0] !== expectedLines[0]) {
    const a = actualLines[0];
    const e = expectedLines[0];
    const inputLength = a.length + e.length;
    if (inputLength <= kMaxShortLength) {
      if (!isObject(actual) && !isObject(expected) &&
          (actual !== 0 || expected !== 0)) {
        return `${kReadableOperator[operator]}\n\n${a} !== ${e}\n`;
      }
    } else if (operator !== 'strictEqualObject' &&
               inputLength < terminalWidth()) {
      // Point at the first differing character.
      let i = 0;
      while (a[i] === e[i]) i++;
      if (i > 2) indicator = `\n  ${' '.repeat(i)}^`;
    }
  }

  // Drop the common tail; keep a little of it as context.
  const tail = [];
  while (actualLines.length > 0 && expectedLines.length > 0 &&
         actualLines[actualLines.length - 1] ===
         expectedLines[expectedLines.length - 1]) {
    tail.unshift(actualLines.pop());
    expectedLines.pop();
  }

  const maxLines = Math.max(actualLines.length, expectedLines.length);
  if (maxLines === 0) {
    // Same text on both sides: equal structure, different identity.
    const lines = inspectValue(actual).split('\n');
    if (lines.length > 50) {
      lines[46] = '...';
      lines.length = 47;
    }
    return `${kReadableOperator.notIdentical}\n\n${lines.join('\n')}\n`;
  }

  let skipped = false;
  let end = '';
  if (tail.length <= 4) {
    for (const line of tail) end += `\n  ${line}`;
  } else {
    end = `\n  ${tail[0]}\n...`;
    for (const line of tail.slice(-3)) end += `\n  ${line}`;
    skipped = true;
  }

  const header = `${kReadableOperator[operator]}\n+ actual - expected`;
  const skippedNote = ' ... Lines skipped';
  // Past the end of the shorter side, lines come from the longer one.
  const longer = actualLines.length >= expectedLines.length ?
    actualLines : expectedLines;
  const shorterLength = Math.min(actualLines.length, expectedLines.length);

  let out = '';
  let minus = ''; // '-' lines waiting to follow the '+' lines
  let run = 0; // unchanged lines in a row
  let printed = 0;

  const print = (line) => {
    out += `\n  ${line}`;
    printed++;
  };
  // The first two lines of an unchanged run are printed as they come; when
  // it ends, print the rest, or '...' and its last two lines if it is long.
  // (Node takes those lines from the actual side, or from the longer side
  // once past the shorter one.)
  const endRun = (i, lines) => {
    if (run >= 3) {
      if (run >= 6) {
        out += '\n...';
        skipped = true;
      } else if (run === 5) {
        print(lines[i - 3]);
      }
      if (run >= 4) print(lines[i - 2]);
      print(lines[i - 1]);
    }
    run = 0;
  };

  for (let i = 0; i < maxLines; i++) {
    if (i >= shorterLength) {
      endRun(i, longer);
      if (longer === actualLines) {
        out += `\n+ ${actualLines[i]}`;
      } else {
        minus += `\n- ${expectedLines[i]}`;
      }
      printed++;
    } else {
      let a = actualLines[i];
      const e = expectedLines[i];
      // Lines that differ only by a trailing comma count as unchanged.
      let differs = a !== e && !(a.endsWith(',') && a.slice(0, -1) === e);
      if (differs && e.endsWith(',') && e.slice(0, -1) === a) {
        differs = false;
        a += ',';
      }
      if (differs) {
        endRun(i, actualLines);
        out += `\n+ ${a}`;
        minus += `\n- ${e}`;
        printed += 2;
      } else {
        out += minus;
        minus = '';
        run++;
        if (run <= 2) print(a);
      }
    }
    if (printed > 50 && i < maxLines - 2) {
      return `${header}${skippedNote}\n${out}\n...${minus}\n...`;
    }
  }

  return `${header}${skipped ? skippedNote : ''}\n${out}${minus}${end}` +
         indicator;
}

function buildMessage(actual, expected, operator) {
  if (operator === 'deepStrictEqual' || operator === 'strictEqual') {
    return createErrDiff(actual, expected, operator);
  }

  if (operator === 'notDeepStrictEqual' || operator === 'notStrictEqual') {
    let base = kReadableOperator[operator];
    const lines = inspectValue(actual).split('\n');
    if (operator === 'notStrictEqual' &&
        (isObject(actual) || typeof actual === 'function')) {
      base = kReadableOperator.notStrictEqualObject;
    }
    if (lines.length > 50) {
      lines[46] = '...';
      lines.length = 47;
    }
    if (lines.length === 1) {
      return `${base}${lines[0].length > 5 ? '\n\n' : ' '}${lines[0]}`;
    }
    return `${base}\n\n${lines.join('\n')}\n`;
  }

  let res = inspectValue(actual);
  let other = inspectValue(expected);
  const known = kReadableOperator[operator];
  if (operator === 'notDeepEqual' && res === other) {
    res = `${known}\n\n${res}`;
    if (res.length > 1024) res = `${res.slice(0, 1021)}...`;
    return res;
  }
  if (res.length > 512) res = `${res.slice(0, 509)}...`;
  if (other.length > 512) other = `${other.slice(0, 509)}...`;
  if (operator === 'deepEqual') {
    res = `${known}\n\n${res}\n\nshould loosely deep-equal\n\n`;
  } else {
    const unequal = kReadableOperator[`${operator}Unequal`];
    if (unequal) {
      res = `${unequal}\n\n${res}\n\nshould not loosely deep-equal\n\n`;
    } else {
      other = ` ${operator} ${other}`;
    }
  }
  return `${res}${other}`;
}

// Shorten long strings for inspect(): ten lines at most. (Over 512
// characters Node 18 keeps what follows the first 512; mirrored here.)
function addEllipsis(string) {
  const lines = string.split('\n', 11);
  if (lines.length > 10) {
    lines.length = 10;
    return `${lines.join('\n')}\n...`;
  }
  if (string.length > 512) return `${string.slice(512)}...`;
  return string;
}

class AssertionError extends Error {
  constructor(options) {
    validateObject(options, 'options');
    const {
      message,
      operator,
      stackStartFn,
      details,
      // Older name of stackStartFn.
      stackStartFunction,
    } = options;
    let { actual, expected } = options;

    if (message == null &&
        (operator === 'deepStrictEqual' || operator === 'strictEqual') &&
        isObject(actual) && isObject(expected) &&
        'stack' in actual && actual instanceof Error &&
        'stack' in expected && expected instanceof Error) {
      // Compare errors without their stacks (these copies are also what
      // the error keeps as actual / expected).
      actual = copyError(actual);
      expected = copyError(expected);
    }

    if (message != null) {
      super(String(message));
    } else {
      super(buildMessage(actual, expected, operator));
    }

    this.generatedMessage = !message;
    // Shown in the stack's first line; replaced by 'AssertionError' below.
    Object.defineProperty(this, 'name', {
      __proto__: null,
      value: 'AssertionError [ERR_ASSERTION]',
      enumerable: false,
      writable: true,
      configurable: true,
    });
    this.code = 'ERR_ASSERTION';
    if (details) {
      this.actual = undefined;
      this.expected = undefined;
      this.operator = undefined;
      for (let i = 0; i < details.length; i++) {
        this[`message ${i}`] = details[i].message;
        this[`actual ${i}`] = details[i].actual;
        this[`expected ${i}`] = details[i].expected;
        this[`operator ${i}`] = details[i].operator;
        this[`stack trace ${i}`] = details[i].stack;
      }
    } else {
      this.actual = actual;
      this.expected = expected;
      this.operator = operator;
    }
    Error.captureStackTrace(this, stackStartFn || stackStartFunction);
    // Format the stack now, while the name still carries the code.
    // eslint-disable-next-line no-unused-expressions
    this.stack;
    this.name = 'AssertionError';
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }

  [Symbol.for('nodejs.util.inspect.custom')](recurseTimes, ctx) {
    const savedActual = this.actual;
    const savedExpected = this.expected;
    if (typeof this.actual === 'string') {
      this.actual = addEllipsis(this.actual);
    }
    if (typeof this.expected === 'string') {
      this.expected = addEllipsis(this.expected);
    }
    // Show only the top level of actual / expected.
    const result = inspect(this, {
      ...ctx,
      customInspect: false,
      depth: 0,
    });
    this.actual = savedActual;
    this.expected = savedExpected;
    return result;
  }
}

// ---------------------------------------------------------------------------
// Source text of a failing assert.ok() call, for its message.

const sourceCache = new Map();

// Where the call to `fn` was made: [fileName, line, column] (1-based).
function callSiteOf(fn) {
  const holder = {};
  const savedPrepare = Error.prepareStackTrace;
  const savedLimit = Error.stackTraceLimit;
  try {
    Error.prepareStackTrace = (_, callSites) => callSites;
    Error.stackTraceLimit = 1;
    Error.captureStackTrace(holder, fn);
    const sites = holder.stack;
    if (!Array.isArray(sites) || sites.length === 0) return null;
    const site = sites[0];
    return [site.getFileName(), site.getLineNumber(), site.getColumnNumber()];
  } catch {
    return null;
  } finally {
    Error.prepareStackTrace = savedPrepare;
    Error.stackTraceLimit = savedLimit;
  }
}

const kIdentChar = /[\p{ID_Continue}$\u200c\u200d]/u;

// Index just past the ')' closing the '(' at `open`, skipping strings and
// comments; -1 if the text ends first.
function matchParen(code, open) {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    const ch = code[i];
    if (ch === '\'' || ch === '"' || ch === '`') {
      for (i++; i < code.length && code[i] !== ch; i++) {
        if (code[i] === '\\') i++;
      }
    } else if (ch === '/' && code[i + 1] === '/') {
      while (i < code.length && code[i] !== '\n') i++;
    } else if (ch === '/' && code[i + 1] === '*') {
      const close = code.indexOf('*/', i + 2);
      if (close === -1) return -1;
      i = close + 1;
    } else if (ch === '(' || ch === '[' || ch === '{') {
      depth++;
    } else if (ch === ')' || ch === ']' || ch === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

// The call expression whose callee is at `offset`: back over a member
// chain (a.b.c), forward over the argument list.
function callExpressionAt(code, offset) {
  if (!kIdentChar.test(code[offset] || '')) return null;
  let start = offset;
  while (start > 0 && kIdentChar.test(code[start - 1])) start--;
  for (;;) {
    let j = start;
    while (j > 0 && /\s/.test(code[j - 1])) j--;
    if (j === 0 || code[j - 1] !== '.') break;
    j--;
    if (code[j - 1] === '?') j--;
    while (j > 0 && /\s/.test(code[j - 1])) j--;
    if (j === 0 || !kIdentChar.test(code[j - 1])) break;
    while (j > 0 && kIdentChar.test(code[j - 1])) j--;
    start = j;
  }
  let k = offset;
  while (k < code.length && kIdentChar.test(code[k])) k++;
  while (k < code.length && /\s/.test(code[k])) k++;
  if (code[k] !== '(') return null;
  const end = matchParen(code, k);
  if (end === -1) return null;
  return code.slice(start, end);
}

function readSource(fileName) {
  try {
    return require('fs').readFileSync(fileName, 'utf8');
  } catch {
    return null;
  }
}

// "The expression evaluated to a falsy value:\n\n  assert(x)\n", or
// undefined when the source cannot be found.
function falsyValueMessage(fn) {
  const site = callSiteOf(fn);
  if (site === null || !site[0]) return undefined;
  const [fileName, line, column] = site;
  const key = `${fileName}:${line}:${column}`;
  if (sourceCache.has(key)) return sourceCache.get(key);

  let message;
  const source = readSource(fileName);
  if (source !== null) {
    // Offset of the call within the file.
    let offset = 0;
    for (let n = 1; n < line && offset !== -1; n++) {
      offset = source.indexOf('\n', offset);
      if (offset !== -1) offset++;
    }
    if (offset !== -1) {
      const code = callExpressionAt(source, offset + column - 1);
      if (code !== null) {
        const shown = code.replace(/\r?\n\s*/g, '\n  ');
        message = `The expression evaluated to a falsy value:\n\n  ${shown}\n`;
      }
    }
  }
  sourceCache.set(key, message);
  return message;
}

// ---------------------------------------------------------------------------
// Assertions

const NO_EXCEPTION_SENTINEL = {};

function innerFail(obj) {
  if (obj.message instanceof Error) throw obj.message;
  throw new AssertionError(obj);
}

function innerOk(fn, argLen, value, message) {
  if (value) return;
  let generatedMessage = false;
  if (argLen === 0) {
    generatedMessage = true;
    message = 'No value argument passed to `assert.ok()`';
  } else if (message == null) {
    generatedMessage = true;
    message = falsyValueMessage(fn);
  } else if (message instanceof Error) {
    throw message;
  }
  const err = new AssertionError({
    actual: value,
    expected: true,
    message,
    operator: '==',
    stackStartFn: fn,
  });
  err.generatedMessage = generatedMessage;
  throw err;
}

// assert(value[, message]) is assert.ok().
function ok(...args) {
  innerOk(ok, args.length, ...args);
}

const assert = module.exports = ok;

let warnedLegacyFail = false;

function fail(actual, expected, message, operator, stackStartFn) {
  const argsLen = arguments.length;
  let internalMessage = false;
  if (actual == null && argsLen <= 1) {
    internalMessage = true;
    message = 'Failed';
  } else if (argsLen === 1) {
    message = actual;
    actual = undefined;
  } else {
    if (!warnedLegacyFail) {
      warnedLegacyFail = true;
      process.emitWarning(
        'assert.fail() with more than one argument is deprecated. ' +
          'Please use assert.strictEqual() instead or only pass a message.',
        'DeprecationWarning',
        'DEP0094',
      );
    }
    if (argsLen === 2) operator = '!=';
  }

  if (message instanceof Error) throw message;

  const err = new AssertionError({
    actual,
    expected,
    operator: operator === undefined ? 'fail' : operator,
    stackStartFn: stackStartFn || fail,
    message,
  });
  if (internalMessage) err.generatedMessage = true;
  throw err;
}

assert.fail = fail;
assert.AssertionError = AssertionError;
assert.ok = ok;

assert.equal = function equal(actual, expected, message) {
  if (arguments.length < 2) throw new ERR_MISSING_ARGS('actual', 'expected');
  // eslint-disable-next-line eqeqeq
  if (actual != expected &&
      (!Number.isNaN(actual) || !Number.isNaN(expected))) {
    innerFail({ actual, expected, message, operator: '==',
                stackStartFn: equal });
  }
};

assert.notEqual = function notEqual(actual, expected, message) {
  if (arguments.length < 2) throw new ERR_MISSING_ARGS('actual', 'expected');
  // eslint-disable-next-line eqeqeq
  if (actual == expected ||
      (Number.isNaN(actual) && Number.isNaN(expected))) {
    innerFail({ actual, expected, message, operator: '!=',
                stackStartFn: notEqual });
  }
};

assert.deepEqual = function deepEqual(actual, expected, message) {
  if (arguments.length < 2) throw new ERR_MISSING_ARGS('actual', 'expected');
  if (!isDeepEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'deepEqual',
                stackStartFn: deepEqual });
  }
};

assert.notDeepEqual = function notDeepEqual(actual, expected, message) {
  if (arguments.length < 2) throw new ERR_MISSING_ARGS('actual', 'expected');
  if (isDeepEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'notDeepEqual',
                stackStartFn: notDeepEqual });
  }
};

assert.deepStrictEqual = function deepStrictEqual(actual, expected, message) {
  if (arguments.length < 2) throw new ERR_MISSING_ARGS('actual', 'expected');
  if (!isDeepStrictEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'deepStrictEqual',
                stackStartFn: deepStrictEqual });
  }
};

assert.notDeepStrictEqual = notDeepStrictEqual;
function notDeepStrictEqual(actual, expected, message) {
  if (arguments.length < 2) throw new ERR_MISSING_ARGS('actual', 'expected');
  if (isDeepStrictEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'notDeepStrictEqual',
                stackStartFn: notDeepStrictEqual });
  }
}

assert.strictEqual = function strictEqual(actual, expected, message) {
  if (arguments.length < 2) throw new ERR_MISSING_ARGS('actual', 'expected');
  if (!Object.is(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'strictEqual',
                stackStartFn: strictEqual });
  }
};

assert.notStrictEqual = function notStrictEqual(actual, expected, message) {
  if (arguments.length < 2) throw new ERR_MISSING_ARGS('actual', 'expected');
  if (Object.is(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'notStrictEqual',
                stackStartFn: notStrictEqual });
  }
};

// Stand-in objects holding just the compared keys, so a failed
// assert.throws({ ...validation object }) shows a focused diff.
class Comparison {
  constructor(obj, keys, actual) {
    for (const key of keys) {
      if (key in obj) {
        if (actual !== undefined && typeof actual[key] === 'string' &&
            types.isRegExp(obj[key]) && obj[key].exec(actual[key]) !== null) {
          this[key] = actual[key];
        } else {
          this[key] = obj[key];
        }
      }
    }
  }
}

function compareExceptionKey(actual, expected, key, message, keys, fn) {
  if (!(key in actual) || !isDeepStrictEqual(actual[key], expected[key])) {
    if (!message) {
      const a = new Comparison(actual, keys);
      const b = new Comparison(expected, keys, actual);
      const err = new AssertionError({
        actual: a,
        expected: b,
        operator: 'deepStrictEqual',
        stackStartFn: fn,
      });
      err.actual = actual;
      err.expected = expected;
      err.operator = fn.name;
      throw err;
    }
    innerFail({ actual, expected, message, operator: fn.name,
                stackStartFn: fn });
  }
}

// Check a caught error against what assert.throws() / rejects() expects:
// a RegExp, a validation object or Error, an Error class, or a function.
function expectedException(actual, expected, message, fn) {
  let generatedMessage = false;

  if (typeof expected !== 'function') {
    if (types.isRegExp(expected)) {
      const str = String(actual);
      if (expected.exec(str) !== null) return;
      if (!message) {
        generatedMessage = true;
        message = 'The input did not match the regular expression ' +
                  `${inspect(expected)}. Input:\n\n${inspect(str)}\n`;
      }
    } else if (!isObject(actual)) {
      // A primitive was thrown: compare it with the object as a whole.
      const err = new AssertionError({
        actual,
        expected,
        message,
        operator: 'deepStrictEqual',
        stackStartFn: fn,
      });
      err.operator = fn.name;
      throw err;
    } else {
      // A validation object: each of its keys must match.
      const keys = Object.keys(expected);
      if (expected instanceof Error) {
        keys.push('name', 'message');
      } else if (keys.length === 0) {
        throw new ERR_INVALID_ARG_VALUE('error', expected,
                                        'may not be an empty object');
      }
      for (const key of keys) {
        if (typeof actual[key] === 'string' && types.isRegExp(expected[key]) &&
            expected[key].exec(actual[key]) !== null) {
          continue;
        }
        compareExceptionKey(actual, expected, key, message, keys, fn);
      }
      return;
    }
  } else if (expected.prototype !== undefined && actual instanceof expected) {
    return;
  } else if (Object.prototype.isPrototypeOf.call(Error, expected)) {
    // An Error class that does not match.
    if (!message) {
      generatedMessage = true;
      message = 'The error is expected to be an instance of ' +
                `"${expected.name}". Received `;
      if (isError(actual)) {
        const name = actual.constructor?.name || actual.name;
        if (expected.name === name) {
          message += 'an error with identical name but a different prototype.';
        } else {
          message += `"${name}"`;
        }
        if (actual.message) {
          message += `\n\nError message:\n\n${actual.message}`;
        }
      } else {
        message += `"${inspect(actual, { depth: -1 })}"`;
      }
    }
  } else {
    // A validation function must return exactly true.
    const res = Reflect.apply(expected, {}, [actual]);
    if (res === true) return;
    if (!message) {
      generatedMessage = true;
      const name = expected.name ? `"${expected.name}" ` : '';
      message = `The ${name}validation function is expected to return` +
                ` "true". Received ${inspect(res)}`;
      if (isError(actual)) message += `\n\nCaught error:\n\n${actual}`;
    }
  }

  const err = new AssertionError({
    actual,
    expected,
    message,
    operator: fn.name,
    stackStartFn: fn,
  });
  err.generatedMessage = generatedMessage;
  throw err;
}

function getActual(fn) {
  validateFunction(fn, 'fn');
  try {
    fn();
  } catch (e) {
    return e;
  }
  return NO_EXCEPTION_SENTINEL;
}

function checkIsPromise(obj) {
  return types.isPromise(obj) ||
    (isObject(obj) && typeof obj.then === 'function' &&
     typeof obj.catch === 'function');
}

async function waitForActual(promiseFn) {
  let resultPromise;
  if (typeof promiseFn === 'function') {
    resultPromise = promiseFn();
    if (!checkIsPromise(resultPromise)) {
      throw new ERR_INVALID_RETURN_VALUE('instance of Promise', 'promiseFn',
                                         resultPromise);
    }
  } else if (checkIsPromise(promiseFn)) {
    resultPromise = promiseFn;
  } else {
    throw new ERR_INVALID_ARG_TYPE('promiseFn', ['Function', 'Promise'],
                                   promiseFn);
  }
  try {
    await resultPromise;
  } catch (e) {
    return e;
  }
  return NO_EXCEPTION_SENTINEL;
}

const kErrorTypes = ['Object', 'Error', 'Function', 'RegExp'];

function expectsError(stackStartFn, actual, error, message) {
  if (typeof error === 'string') {
    if (arguments.length === 4) {
      throw new ERR_INVALID_ARG_TYPE('error', kErrorTypes, error);
    }
    // assert.throws(fn, 'message'): a string alone is the message.
    if (isObject(actual)) {
      if (actual.message === error) {
        throw new ERR_AMBIGUOUS_ARGUMENT('error/message',
          `The error message "${actual.message}" is identical to the ` +
          'message.');
      }
    } else if (actual === error) {
      throw new ERR_AMBIGUOUS_ARGUMENT('error/message',
        `The error "${actual}" is identical to the message.`);
    }
    message = error;
    error = undefined;
  } else if (error != null && typeof error !== 'object' &&
             typeof error !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('error', kErrorTypes, error);
  }

  if (actual === NO_EXCEPTION_SENTINEL) {
    let details = '';
    if (error && error.name) details += ` (${error.name})`;
    details += message ? `: ${message}` : '.';
    const fnType = stackStartFn === assert.rejects ? 'rejection' : 'exception';
    innerFail({
      actual: undefined,
      expected: error,
      operator: stackStartFn.name,
      message: `Missing expected ${fnType}${details}`,
      stackStartFn,
    });
  }

  if (!error) return;
  expectedException(actual, error, message, stackStartFn);
}

function hasMatchingError(actual, expected) {
  if (typeof expected !== 'function') {
    if (types.isRegExp(expected)) {
      return expected.exec(String(actual)) !== null;
    }
    throw new ERR_INVALID_ARG_TYPE('expected', ['Function', 'RegExp'],
                                   expected);
  }
  if (expected.prototype !== undefined && actual instanceof expected) {
    return true;
  }
  if (Object.prototype.isPrototypeOf.call(Error, expected)) return false;
  return Reflect.apply(expected, {}, [actual]) === true;
}

function expectsNoError(stackStartFn, actual, error, message) {
  if (actual === NO_EXCEPTION_SENTINEL) return;

  if (typeof error === 'string') {
    message = error;
    error = undefined;
  }

  if (!error || hasMatchingError(actual, error)) {
    const details = message ? `: ${message}` : '.';
    const fnType = stackStartFn === assert.doesNotReject ?
      'rejection' : 'exception';
    innerFail({
      actual,
      expected: error,
      operator: stackStartFn.name,
      message: `Got unwanted ${fnType}${details}\n` +
               `Actual message: "${actual?.message}"`,
      stackStartFn,
    });
  }
  throw actual;
}

assert.throws = function throws(promiseFn, ...args) {
  expectsError(throws, getActual(promiseFn), ...args);
};

assert.rejects = async function rejects(promiseFn, ...args) {
  expectsError(rejects, await waitForActual(promiseFn), ...args);
};

assert.doesNotThrow = function doesNotThrow(fn, ...args) {
  expectsNoError(doesNotThrow, getActual(fn), ...args);
};

assert.doesNotReject = async function doesNotReject(fn, ...args) {
  expectsNoError(doesNotReject, await waitForActual(fn), ...args);
};

assert.ifError = function ifError(err) {
  if (err === null || err === undefined) return;

  let message = 'ifError got unwanted exception: ';
  if (typeof err === 'object' && typeof err.message === 'string') {
    if (err.message.length === 0 && err.constructor) {
      message += err.constructor.name;
    } else {
      message += err.message;
    }
  } else {
    message += inspect(err);
  }

  const newErr = new AssertionError({
    actual: err,
    expected: null,
    operator: 'ifError',
    message,
    stackStartFn: ifError,
  });

  // Follow the new error's own frames with the original error's frames,
  // leaving out the frames both share.
  const origStack = err.stack;
  if (typeof origStack === 'string') {
    const origStackStart = origStack.indexOf('\n    at');
    if (origStackStart !== -1) {
      const originalFrames = origStack.slice(origStackStart + 1).split('\n');
      let newFrames = (newErr.stack || '').split('\n');
      for (const frame of originalFrames) {
        const pos = newFrames.indexOf(frame);
        if (pos !== -1) {
          newFrames = newFrames.slice(0, pos);
          break;
        }
      }
      newErr.stack = `${newFrames.join('\n')}\n${originalFrames.join('\n')}`;
    }
  }
  throw newErr;
};

function internalMatch(string, regexp, message, fn) {
  if (!types.isRegExp(regexp)) {
    throw new ERR_INVALID_ARG_TYPE('regexp', 'RegExp', regexp);
  }
  const match = fn === assert.match;
  if (typeof string !== 'string' ||
      (regexp.exec(string) !== null) !== match) {
    if (message instanceof Error) throw message;

    const generatedMessage = !message;
    if (!message) {
      if (typeof string !== 'string') {
        message = 'The "string" argument must be of type string. Received ' +
                  `type ${typeof string} (${inspect(string)})`;
      } else {
        message = (match ?
          'The input did not match the regular expression ' :
          'The input was expected to not match the regular expression ') +
          `${inspect(regexp)}. Input:\n\n${inspect(string)}\n`;
      }
    }
    const err = new AssertionError({
      actual: string,
      expected: regexp,
      message,
      operator: fn.name,
      stackStartFn: fn,
    });
    err.generatedMessage = generatedMessage;
    throw err;
  }
}

assert.match = function match(string, regexp, message) {
  internalMatch(string, regexp, message, match);
};

assert.doesNotMatch = function doesNotMatch(string, regexp, message) {
  internalMatch(string, regexp, message, doesNotMatch);
};

// ---------------------------------------------------------------------------
// CallTracker: wrap functions and later verify how often they ran.

// Stand-in for calls() without a function; its name appears in reports.
function calls() {}

class CallTracker {
  #callChecks = new Set();
  #trackedFunctions = new WeakMap();

  #getTrackedFunction(tracked) {
    if (!this.#trackedFunctions.has(tracked)) {
      throw new ERR_INVALID_ARG_VALUE('tracked', tracked,
                                      'is not a tracked function');
    }
    return this.#trackedFunctions.get(tracked);
  }

  reset(tracked) {
    if (tracked === undefined) {
      for (const context of this.#callChecks) {
        context.actual = 0;
        context.calls = [];
      }
      return;
    }
    const context = this.#getTrackedFunction(tracked);
    context.actual = 0;
    context.calls = [];
  }

  getCalls(tracked) {
    return this.#getTrackedFunction(tracked).calls
      .map((call) => Object.freeze({ ...call }));
  }

  calls(fn, exact = 1) {
    if (typeof fn === 'number') {
      exact = fn;
      fn = calls;
    } else if (fn === undefined) {
      fn = calls;
    }
    validateUint32(exact, 'exact', true);

    const callChecks = this.#callChecks;
    const context = {
      exact,
      actual: 0,
      // Where calls() was made, for the report.
      stackTrace: new Error(),
      name: fn.name || 'calls',
      calls: [],
    };
    const tracked = new Proxy(fn, {
      __proto__: null,
      apply(target, thisArg, argList) {
        context.actual++;
        context.calls.push({ thisArg, arguments: argList });
        if (context.actual === context.exact) {
          callChecks.delete(context);
        } else if (context.actual === context.exact + 1) {
          callChecks.add(context);
        }
        return Reflect.apply(target, thisArg, argList);
      },
    });
    this.#callChecks.add(context);
    this.#trackedFunctions.set(tracked, context);
    return tracked;
  }

  report() {
    const errors = [];
    for (const context of this.#callChecks) {
      const message = `Expected the ${context.name} function to be ` +
        `executed ${context.exact} time(s) but was ` +
        `executed ${context.actual} time(s).`;
      errors.push({
        message,
        actual: context.actual,
        expected: context.exact,
        operator: context.name,
        stack: context.stackTrace,
      });
    }
    return errors;
  }

  verify() {
    const errors = this.report();
    if (errors.length === 0) return;
    const message = errors.length === 1 ?
      errors[0].message :
      'Functions were not called the expected number of times';
    throw new AssertionError({ message, details: errors });
  }
}

assert.CallTracker = CallTracker;

// ---------------------------------------------------------------------------
// assert.strict: the same API with the strict comparisons under the
// short names.

function strict(...args) {
  innerOk(strict, args.length, ...args);
}

assert.strict = Object.assign(strict, assert, {
  equal: assert.strictEqual,
  deepEqual: assert.deepStrictEqual,
  notEqual: assert.notStrictEqual,
  notDeepEqual: assert.notDeepStrictEqual,
});

assert.strict.strict = assert.strict;
