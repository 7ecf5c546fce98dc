// Flags: --expose-internals
'use strict';
// DOMException: name, message, legacy code, cause, stack, constants.
const { assert } = require('../common');
const { inspect } = require('util');
const DOMException = globalThis.DOMException ??
  require('internal/per_context/domexception').DOMException;

{
  const e = new DOMException();
  assert.strictEqual(e.name, 'Error');
  assert.strictEqual(e.message, '');
  assert.strictEqual(e.code, 0);
  assert.strictEqual(String(e), 'Error');
  assert.strictEqual(Object.prototype.toString.call(e),
                     '[object DOMException]');
  assert.ok(e instanceof Error);
  assert.deepStrictEqual(Object.getOwnPropertyNames(e), ['stack']);
  assert.deepStrictEqual(Object.keys(e), []);
  assert.strictEqual(JSON.stringify(e), '{}');
}

{
  const e = new DOMException('msg', 'TimeoutError');
  assert.strictEqual(e.name, 'TimeoutError');
  assert.strictEqual(e.message, 'msg');
  assert.strictEqual(e.code, 23);
  assert.match(e.stack, /^TimeoutError: msg\n {4}at /);
  assert.strictEqual(inspect(e).split('\n')[0],
                     'DOMException [TimeoutError]: msg');
}

// An options object gives the name and maybe a cause.
{
  const e = new DOMException('m', { name: 'DataCloneError', cause: 1 });
  assert.strictEqual(e.name, 'DataCloneError');
  assert.strictEqual(e.code, 25);
  assert.strictEqual(e.cause, 1);
  assert.deepStrictEqual(Object.getOwnPropertyNames(e), ['stack', 'cause']);
  assert.strictEqual(new DOMException('m', {}).name, 'undefined');
  assert.strictEqual(new DOMException('m', null).name, 'null');
  assert.deepStrictEqual(
    Object.getOwnPropertyNames(new DOMException('m', { cause: undefined })),
    ['stack', 'cause']);
}

// Names with legacy codes, and some without.
{
  const names = {
    IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4,
    InvalidCharacterError: 5, NoModificationAllowedError: 7,
    NotFoundError: 8, NotSupportedError: 9, InUseAttributeError: 10,
    InvalidStateError: 11, SyntaxError: 12, InvalidModificationError: 13,
    NamespaceError: 14, InvalidAccessError: 15, TypeMismatchError: 17,
    SecurityError: 18, NetworkError: 19, AbortError: 20,
    URLMismatchError: 21, QuotaExceededError: 22, TimeoutError: 23,
    InvalidNodeTypeError: 24, DataCloneError: 25,
    DOMStringSizeError: 0, ValidationError: 0, EncodingError: 0,
    Whatever: 0,
  };
  for (const [name, code] of Object.entries(names)) {
    assert.strictEqual(new DOMException('', name).code, code, name);
  }
  assert.strictEqual(DOMException.ABORT_ERR, 20);
  assert.strictEqual(DOMException.prototype.DATA_CLONE_ERR, 25);
  assert.strictEqual(DOMException.VALIDATION_ERR, 16);
  const d = Object.getOwnPropertyDescriptor(DOMException, 'INDEX_SIZE_ERR');
  assert.deepStrictEqual(d, {
    value: 1, writable: false, enumerable: true, configurable: false,
  });
}

// The attributes are getters, for DOMExceptions only.
{
  const e = new DOMException('x', 'AbortError');
  assert.throws(() => { e.name = 'changed'; }, TypeError);
  assert.strictEqual(e.name, 'AbortError');
  assert.throws(() => Reflect.get(DOMException.prototype, 'name', {}), {
    code: 'ERR_INVALID_THIS',
    name: 'TypeError',
    message: 'Value of "this" must be of DOMException',
  });
  class Sub extends DOMException {}
  assert.strictEqual(new Sub('a', 'B').name, 'B');
  assert.throws(() => DOMException(), TypeError);
}

assert.strictEqual(Object.getPrototypeOf(DOMException), Function.prototype);
assert.strictEqual(Object.getPrototypeOf(DOMException.prototype),
                   Error.prototype);
assert.deepStrictEqual(
  Object.getOwnPropertyNames(DOMException.prototype).slice(0, 5),
  ['constructor', 'name', 'message', 'code', 'INDEX_SIZE_ERR']);
assert.strictEqual(DOMException.length, 0);
