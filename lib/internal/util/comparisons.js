'use strict';

// Deep equality as used by assert.deepEqual (loose) and
// assert.deepStrictEqual / util.isDeepStrictEqual (strict).
//
// Strict: primitives by Object.is (NaN equals NaN, 0 differs from -0),
// prototypes and [[Class]] tags must match, enumerable own symbol keys
// count. Loose: primitives by == (NaN equals NaN), prototypes and symbol
// keys are ignored. Both: only enumerable own properties are compared,
// plus the contents of Maps, Sets, typed arrays, boxed primitives and the
// time / pattern / name+message of Dates, RegExps and Errors. Cycles are
// handled by remembering the pairs on the current comparison path.

const types = internalBinding('types');
const { getOwnNonIndexProperties, constants } = internalBinding('util');

const ONLY_ENUMERABLE = constants !== undefined ?
  constants.ONLY_ENUMERABLE : 2;

const kNoIterator = 0;
const kIsArray = 1;
const kIsSet = 2;
const kIsMap = 3;

const hasOwn = (obj, key) => Object.prototype.hasOwnProperty.call(obj, key);
const isEnumerable = (obj, key) =>
  Object.prototype.propertyIsEnumerable.call(obj, key);
const objectTag = (obj) => Object.prototype.toString.call(obj);

function isObjectLike(value) {
  return typeof value === 'object' && value !== null;
}

function isError(value) {
  return types.isNativeError(value) || value instanceof Error;
}

// Own enumerable keys that are not array indices; symbols only in strict
// mode.
function nonIndexKeys(obj, strict) {
  const keys = getOwnNonIndexProperties(obj, ONLY_ENUMERABLE);
  return strict ? keys : keys.filter((k) => typeof k === 'string');
}

function sameRegExps(a, b) {
  return a.source === b.source && a.flags === b.flags &&
         a.lastIndex === b.lastIndex;
}

function bytesOf(view) {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function sameBytes(a, b) {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

// Loose mode compares float arrays element-wise (0 equals -0, NaN never
// equals NaN).
function sameFloatElements(a, b) {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

function sameBoxedPrimitive(a, b) {
  if (types.isNumberObject(a)) {
    return types.isNumberObject(b) &&
      Object.is(Number.prototype.valueOf.call(a),
                Number.prototype.valueOf.call(b));
  }
  if (types.isStringObject(a)) {
    return types.isStringObject(b) &&
      String.prototype.valueOf.call(a) === String.prototype.valueOf.call(b);
  }
  if (types.isBooleanObject(a)) {
    return types.isBooleanObject(b) &&
      Boolean.prototype.valueOf.call(a) === Boolean.prototype.valueOf.call(b);
  }
  if (types.isBigIntObject(a)) {
    return types.isBigIntObject(b) &&
      BigInt.prototype.valueOf.call(a) === BigInt.prototype.valueOf.call(b);
  }
  if (types.isSymbolObject(a)) {
    return types.isSymbolObject(b) &&
      Symbol.prototype.valueOf.call(a) === Symbol.prototype.valueOf.call(b);
  }
  return false;
}

function isSpecialObject(v) {
  return Array.isArray(v) || types.isArrayBufferView(v) || types.isSet(v) ||
    types.isMap(v) || types.isDate(v) || types.isRegExp(v) ||
    types.isAnyArrayBuffer(v) || types.isBoxedPrimitive(v) || isError(v);
}

// The real kind of a typed array ('Uint8Array', ...; undefined for a
// DataView), which an own Symbol.toStringTag or a swapped prototype cannot
// fake: the getter of %TypedArray%.prototype reads the internal slot.
const typedArrayTagGetter = Object.getOwnPropertyDescriptor(
  Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;
function typedArrayKind(view) {
  return typedArrayTagGetter.call(view);
}

function innerDeepEqual(a, b, strict, memos) {
  if (a === b) {
    return a !== 0 || !strict || Object.is(a, b);
  }

  if (strict) {
    if (typeof a !== 'object') {
      return typeof a === 'number' && Number.isNaN(a) && Number.isNaN(b);
    }
    if (typeof b !== 'object' || a === null || b === null) return false;
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  } else {
    if (!isObjectLike(a)) {
      if (isObjectLike(b)) return false;
      // eslint-disable-next-line eqeqeq
      return a == b || (Number.isNaN(a) && Number.isNaN(b));
    }
    if (!isObjectLike(b)) return false;
  }

  const tag = objectTag(a);
  if (tag !== objectTag(b)) return false;

  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    const keysA = nonIndexKeys(a, strict);
    if (keysA.length !== nonIndexKeys(b, strict).length) return false;
    return compareKeys(a, b, strict, memos, kIsArray, keysA);
  }
  if (tag === '[object Object]') {
    return compareKeys(a, b, strict, memos, kNoIterator);
  }
  if (types.isDate(a)) {
    if (!types.isDate(b) ||
        Date.prototype.getTime.call(a) !== Date.prototype.getTime.call(b)) {
      return false;
    }
  } else if (types.isRegExp(a)) {
    if (!types.isRegExp(b) || !sameRegExps(a, b)) return false;
  } else if (isError(a)) {
    // name and message matter even though they are rarely enumerable.
    if (!isError(b) || a.message !== b.message || a.name !== b.name) {
      return false;
    }
  } else if (types.isArrayBufferView(a)) {
    if (!types.isArrayBufferView(b) ||
        typedArrayKind(a) !== typedArrayKind(b)) {
      return false;
    }
    if (!strict && (types.isFloat32Array(a) || types.isFloat64Array(a))) {
      if (!sameFloatElements(a, b)) return false;
    } else if (!sameBytes(bytesOf(a), bytesOf(b))) {
      return false;
    }
    const keysA = nonIndexKeys(a, strict);
    if (keysA.length !== nonIndexKeys(b, strict).length) return false;
    return compareKeys(a, b, strict, memos, kNoIterator, keysA);
  } else if (types.isSet(a)) {
    if (!types.isSet(b) || a.size !== b.size) return false;
    return compareKeys(a, b, strict, memos, kIsSet);
  } else if (types.isMap(a)) {
    if (!types.isMap(b) || a.size !== b.size) return false;
    return compareKeys(a, b, strict, memos, kIsMap);
  } else if (types.isAnyArrayBuffer(a)) {
    if (!types.isAnyArrayBuffer(b) ||
        !sameBytes(new Uint8Array(a), new Uint8Array(b))) {
      return false;
    }
  } else if (types.isBoxedPrimitive(a)) {
    if (!sameBoxedPrimitive(a, b)) return false;
  } else if (isSpecialObject(b)) {
    return false;
  }
  return compareKeys(a, b, strict, memos, kNoIterator);
}

// Compare own enumerable properties (given as keysA, or found here), then
// the contents, guarding against cycles.
function compareKeys(a, b, strict, memos, iterationType, keysA) {
  if (keysA === undefined) {
    keysA = Object.keys(a);
    if (keysA.length !== Object.keys(b).length) return false;
    for (const key of keysA) {
      if (!isEnumerable(b, key)) return false;
    }
    if (strict) {
      let count = 0;
      for (const sym of Object.getOwnPropertySymbols(a)) {
        if (isEnumerable(a, sym)) {
          if (!isEnumerable(b, sym)) return false;
          keysA.push(sym);
          count++;
        }
      }
      let countB = 0;
      for (const sym of Object.getOwnPropertySymbols(b)) {
        if (isEnumerable(b, sym)) countB++;
      }
      if (count !== countB) return false;
    }
  } else {
    for (const key of keysA) {
      if (!isEnumerable(b, key)) return false;
    }
  }

  if (keysA.length === 0 &&
      (iterationType === kNoIterator ||
       (iterationType === kIsArray && a.length === 0) ||
       a.size === 0)) {
    return true;
  }

  // Cycle guard: objects currently being compared, mapped to the step at
  // which they were entered. Meeting both again means both sides loop
  // back; they match only if they loop back to the same step.
  if (memos === undefined) {
    memos = { a: new Map(), b: new Map(), step: 0 };
  } else {
    const stepA = memos.a.get(a);
    if (stepA !== undefined) {
      const stepB = memos.b.get(b);
      if (stepB !== undefined) return stepA === stepB;
    }
    memos.step++;
  }
  memos.a.set(a, memos.step);
  memos.b.set(b, memos.step);
  const result = compareContents(a, b, strict, keysA, memos, iterationType);
  memos.a.delete(a);
  memos.b.delete(b);
  return result;
}

function compareContents(a, b, strict, keys, memos, iterationType) {
  if (iterationType === kIsSet) {
    if (!setEquiv(a, b, strict, memos)) return false;
  } else if (iterationType === kIsMap) {
    if (!mapEquiv(a, b, strict, memos)) return false;
  } else if (iterationType === kIsArray) {
    for (let i = 0; i < a.length; i++) {
      if (hasOwn(a, i)) {
        if (!hasOwn(b, i) || !innerDeepEqual(a[i], b[i], strict, memos)) {
          return false;
        }
      } else if (hasOwn(b, i)) {
        return false;
      } else {
        // A hole: compare the remaining (sparse) keys in one go.
        const keysA = Object.keys(a);
        for (const key of keysA) {
          if (!hasOwn(b, key) ||
              !innerDeepEqual(a[key], b[key], strict, memos)) {
            return false;
          }
        }
        return keysA.length === Object.keys(b).length;
      }
    }
  }
  for (const key of keys) {
    if (!innerDeepEqual(a[key], b[key], strict, memos)) return false;
  }
  return true;
}

// Take the first element of `candidates` deep-equal to `value` out of it.
function takeMatch(candidates, value, strict, memos) {
  for (let i = 0; i < candidates.length; i++) {
    if (innerDeepEqual(candidates[i], value, strict, memos)) {
      candidates.splice(i, 1);
      return true;
    }
  }
  return false;
}

function setEquiv(a, b, strict, memos) {
  // Elements of `a` without an identical element in `b`.
  const pending = [];
  for (const value of a) {
    if (isObjectLike(value) || !b.has(value)) {
      if (strict && !isObjectLike(value)) return false;
      pending.push(value);
    }
  }
  if (pending.length === 0) return true;
  for (const value of b) {
    if (isObjectLike(value) || !a.has(value)) {
      if (strict && !isObjectLike(value)) return false;
      if (!takeMatch(pending, value, strict, memos)) return false;
    }
  }
  return pending.length === 0;
}

function mapEquiv(a, b, strict, memos) {
  // Keys of `a` whose entry has no counterpart under the same key in `b`.
  const pending = [];
  for (const [key, value] of a) {
    if (isObjectLike(key)) {
      pending.push(key);
      continue;
    }
    if (!b.has(key) || !innerDeepEqual(value, b.get(key), strict, memos)) {
      if (strict) return false;
      pending.push(key);
    }
  }
  if (pending.length === 0) return true;
  for (const [key, value] of b) {
    if (!isObjectLike(key)) {
      if (a.has(key) && innerDeepEqual(a.get(key), value, strict, memos)) {
        continue;
      }
      if (strict) return false;
    }
    let found = false;
    for (let i = 0; i < pending.length; i++) {
      const keyA = pending[i];
      if (innerDeepEqual(keyA, key, strict, memos) &&
          innerDeepEqual(a.get(keyA), value, strict, memos)) {
        pending.splice(i, 1);
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return pending.length === 0;
}

function isDeepEqual(a, b) {
  return innerDeepEqual(a, b, false);
}

function isDeepStrictEqual(a, b) {
  return innerDeepEqual(a, b, true);
}

module.exports = {
  isDeepEqual,
  isDeepStrictEqual,
};
