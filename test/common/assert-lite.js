'use strict';
// A small stand-in for node:assert, used by test/common only while
// lib/assert.js is missing. It implements the subset our tests call, with
// the same meaning as node:assert's strict functions.

class AssertionError extends Error {
  // Takes node:assert's options object: { message, actual, expected,
  // operator }.
  constructor({ message, actual, expected, operator } = {}) {
    super(message);
    this.name = 'AssertionError';
    this.code = 'ERR_ASSERTION';
    this.actual = actual;
    this.expected = expected;
    this.operator = operator;
  }
}

function show(v) {
  try {
    return require('util').inspect(v, { depth: 4 });
  } catch {
    try {
      return typeof v === 'string' ? JSON.stringify(v) : String(v);
    } catch {
      return Object.prototype.toString.call(v);
    }
  }
}

function fail(message, actual, expected, operator) {
  if (message instanceof Error) throw message;
  throw new AssertionError({
    message: message || `${show(actual)} ${operator} ${show(expected)}`,
    actual, expected, operator,
  });
}

// Structural equality in the spirit of assert.deepStrictEqual: same
// prototypes, same own enumerable keys, Object.is on primitives.
function deepEqual(a, b, seen = new Map()) {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' ||
      a === null || b === null) {
    return false;
  }
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (seen.get(a) === b) return true;
  seen.set(a, b);
  const tag = Object.prototype.toString.call(a);
  if (tag !== Object.prototype.toString.call(b)) return false;
  if (a instanceof Date && a.getTime() !== b.getTime()) return false;
  if (a instanceof RegExp && String(a) !== String(b)) return false;
  if (a instanceof Error &&
      (a.message !== b.message || a.name !== b.name)) {
    return false;
  }
  if (ArrayBuffer.isView(a)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      if (!Object.is(a[i], b[i])) return false;
    }
  }
  if (a instanceof Map) {
    if (a.size !== b.size) return false;
    for (const [k, v] of a) {
      if (!b.has(k) || !deepEqual(v, b.get(k), seen)) return false;
    }
  }
  if (a instanceof Set) {
    if (a.size !== b.size) return false;
    for (const v of a) if (!b.has(v)) return false;
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
    if (!deepEqual(a[k], b[k], seen)) return false;
  }
  return true;
}

function ok(value, message) {
  if (!value) fail(message || `${show(value)} == true`, value, true, '==');
}

function strictEqual(actual, expected, message) {
  if (!Object.is(actual, expected)) {
    fail(message, actual, expected, 'strictEqual');
  }
}

function notStrictEqual(actual, expected, message) {
  if (Object.is(actual, expected)) {
    fail(message, actual, expected, 'notStrictEqual');
  }
}

function deepStrictEqual(actual, expected, message) {
  if (!deepEqual(actual, expected)) {
    fail(message, actual, expected, 'deepStrictEqual');
  }
}

function notDeepStrictEqual(actual, expected, message) {
  if (deepEqual(actual, expected)) {
    fail(message, actual, expected, 'notDeepStrictEqual');
  }
}

function match(string, regexp, message) {
  if (typeof string !== 'string' || !regexp.test(string)) {
    fail(message, string, regexp, 'match');
  }
}

function doesNotMatch(string, regexp, message) {
  if (typeof string !== 'string' || regexp.test(string)) {
    fail(message, string, regexp, 'doesNotMatch');
  }
}

// Checks a caught error against what assert.throws() accepts: a RegExp
// (tested on String(err)), a class, a validation function, or an object
// whose every own property must match (RegExp values test strings).
function checkError(err, expected, message) {
  if (expected === undefined) return;
  if (expected instanceof RegExp) {
    if (!expected.test(String(err))) {
      fail(message || `The error ${show(err)} does not match ${expected}`,
           err, expected, 'throws');
    }
    return;
  }
  if (typeof expected === 'function') {
    if (expected.prototype !== undefined && err instanceof expected) return;
    if (Error.isPrototypeOf(expected) || expected === Error) {
      fail(message || `The error ${show(err)} is not a ${expected.name}`,
           err, expected, 'throws');
    }
    if (expected.call({}, err) !== true) {
      fail(message || `The validation function rejected ${show(err)}`,
           err, expected, 'throws');
    }
    return;
  }
  if (typeof expected === 'object' && expected !== null) {
    for (const key of Object.keys(expected)) {
      const want = expected[key];
      const got = err == null ? undefined : err[key];
      if (want instanceof RegExp && typeof got === 'string') {
        if (!want.test(got)) {
          fail(message || `error.${key} ${show(got)} does not match ${want}`,
               err, expected, 'throws');
        }
      } else if (!deepEqual(got, want)) {
        fail(message || `error.${key} is ${show(got)}, expected ${show(want)}`,
             err, expected, 'throws');
      }
    }
    return;
  }
  throw new TypeError('bad "expected" argument');
}

function throws(fn, expected, message) {
  if (typeof expected === 'string') {
    message = expected;
    expected = undefined;
  }
  try {
    fn();
  } catch (err) {
    checkError(err, expected, message);
    return;
  }
  fail(message || 'Missing expected exception.', undefined, expected,
       'throws');
}

function doesNotThrow(fn, message) {
  try {
    fn();
  } catch (err) {
    fail(message || `Got unwanted exception: ${show(err)}`, err, undefined,
         'doesNotThrow');
  }
}

async function rejects(promiseOrFn, expected, message) {
  const p = typeof promiseOrFn === 'function' ? promiseOrFn() : promiseOrFn;
  try {
    await p;
  } catch (err) {
    checkError(err, expected, message);
    return;
  }
  fail(message || 'Missing expected rejection.', undefined, expected,
       'rejects');
}

async function doesNotReject(promiseOrFn, message) {
  const p = typeof promiseOrFn === 'function' ? promiseOrFn() : promiseOrFn;
  try {
    await p;
  } catch (err) {
    fail(message || `Got unwanted rejection: ${show(err)}`, err, undefined,
         'doesNotReject');
  }
}

function assert(value, message) {
  ok(value, message);
}

Object.assign(assert, {
  AssertionError, ok, fail: (m) => fail(m || 'Failed', undefined, undefined,
                                        'fail'),
  equal: strictEqual, strictEqual, notStrictEqual, notEqual: notStrictEqual,
  deepEqual: deepStrictEqual, deepStrictEqual, notDeepStrictEqual,
  match, doesNotMatch, throws, doesNotThrow, rejects, doesNotReject,
});
assert.strict = assert;

module.exports = assert;
