'use strict';

// DOMException, the error type of the web APIs (AbortSignal, structured
// clone, performance marks ...). V8 does not provide one, so this is ours;
// it is also the global DOMException.

// The legacy numeric codes of the standard's error names; other names
// have code 0.
const legacyCodes = [
  ['IndexSizeError', 'INDEX_SIZE_ERR', 1],
  [null, 'DOMSTRING_SIZE_ERR', 2],
  ['HierarchyRequestError', 'HIERARCHY_REQUEST_ERR', 3],
  ['WrongDocumentError', 'WRONG_DOCUMENT_ERR', 4],
  ['InvalidCharacterError', 'INVALID_CHARACTER_ERR', 5],
  [null, 'NO_DATA_ALLOWED_ERR', 6],
  ['NoModificationAllowedError', 'NO_MODIFICATION_ALLOWED_ERR', 7],
  ['NotFoundError', 'NOT_FOUND_ERR', 8],
  ['NotSupportedError', 'NOT_SUPPORTED_ERR', 9],
  ['InUseAttributeError', 'INUSE_ATTRIBUTE_ERR', 10],
  ['InvalidStateError', 'INVALID_STATE_ERR', 11],
  ['SyntaxError', 'SYNTAX_ERR', 12],
  ['InvalidModificationError', 'INVALID_MODIFICATION_ERR', 13],
  ['NamespaceError', 'NAMESPACE_ERR', 14],
  ['InvalidAccessError', 'INVALID_ACCESS_ERR', 15],
  [null, 'VALIDATION_ERR', 16],
  ['TypeMismatchError', 'TYPE_MISMATCH_ERR', 17],
  ['SecurityError', 'SECURITY_ERR', 18],
  ['NetworkError', 'NETWORK_ERR', 19],
  ['AbortError', 'ABORT_ERR', 20],
  ['URLMismatchError', 'URL_MISMATCH_ERR', 21],
  ['QuotaExceededError', 'QUOTA_EXCEEDED_ERR', 22],
  ['TimeoutError', 'TIMEOUT_ERR', 23],
  ['InvalidNodeTypeError', 'INVALID_NODE_TYPE_ERR', 24],
  ['DataCloneError', 'DATA_CLONE_ERR', 25],
];

const codeOfName = new Map();
for (const [name, , code] of legacyCodes) {
  if (name !== null) codeOfName.set(name, code);
}

// Node words this one differently from its other ERR_INVALID_THIS errors.
function invalidThis() {
  const err = new TypeError('Value of "this" must be of DOMException');
  err.code = 'ERR_INVALID_THIS';
  return err;
}

let isDOMException;

class DOMException {
  #name;
  #message;

  constructor(message = '', options = 'Error') {
    this.#message = `${message}`;
    const hasOptions = options !== null && typeof options === 'object';
    this.#name = `${hasOptions ? options.name : options}`;
    // After the fields: the stack's first line reads "name: message".
    Error.captureStackTrace(this);
    if (hasOptions && 'cause' in options) {
      Object.defineProperty(this, 'cause', {
        value: options.cause,
        writable: true,
        enumerable: false,
        configurable: true,
      });
    }
  }

  get name() {
    if (!isDOMException(this)) throw invalidThis();
    return this.#name;
  }

  get message() {
    if (!isDOMException(this)) throw invalidThis();
    return this.#message;
  }

  get code() {
    if (!isDOMException(this)) throw invalidThis();
    return codeOfName.get(this.#name) ?? 0;
  }

  static {
    isDOMException = (value) =>
      value !== null && typeof value === 'object' && #name in value;
  }
}

// An Error by its prototype chain, though not a native error object.
Object.setPrototypeOf(DOMException.prototype, Error.prototype);

for (const key of ['name', 'message', 'code']) {
  Object.defineProperty(DOMException.prototype, key, { enumerable: true });
}
Object.defineProperty(DOMException.prototype, Symbol.toStringTag, {
  value: 'DOMException',
  writable: false,
  enumerable: false,
  configurable: true,
});
for (const [, constant, code] of legacyCodes) {
  const desc = {
    value: code, writable: false, enumerable: true, configurable: false,
  };
  Object.defineProperty(DOMException, constant, desc);
  Object.defineProperty(DOMException.prototype, constant, desc);
}

module.exports = {
  DOMException,
  isDOMException,
};
