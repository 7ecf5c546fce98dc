// vm: compiling and running code in the main context or in contexts of its
// own (src/contextify.c, v8c_contextify). The breakOnSigint, cached-data
// and importModuleDynamically options are not there yet: given, they throw
// rather than be ignored.
'use strict';

const binding = internalBinding('contextify');
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_METHOD_NOT_IMPLEMENTED,
  },
} = require('internal/errors');
const {
  validateString, validateObject, validateInt32, validateBoolean,
  validateArray, validateUint32, validateOneOf,
} = require('internal/validators');

const kDefaultFilename = 'evalmachine.<anonymous>';

function refuseUnsupported(options) {
  for (const name of ['breakOnSigint', 'cachedData', 'produceCachedData',
    'importModuleDynamically']) {
    if (options[name] !== undefined && options[name] !== false) {
      throw new ERR_METHOD_NOT_IMPLEMENTED(`vm option ${name}`);
    }
  }
}

function scriptOptions(options) {
  if (typeof options === 'string') return { filename: options };
  if (options === undefined) return {};
  validateObject(options, 'options');
  return options;
}

function runOptions(options) {
  if (typeof options === 'string') return { filename: options };
  if (options === undefined || options === null) return {};
  validateObject(options, 'options');
  refuseUnsupported(options);
  if (options.displayErrors !== undefined)
    validateBoolean(options.displayErrors, 'options.displayErrors');
  if (options.timeout !== undefined)
    validateUint32(options.timeout, 'options.timeout', true);
  return options;
}

// Errors that reach the program from vm code show where they were thrown
// at the top of their stack, unless displayErrors is false.
function withDisplayErrors(displayErrors, fn) {
  try {
    return fn();
  } catch (err) {
    if (displayErrors !== false) binding.decorateErrorStack(err);
    throw err;
  }
}

class Script {
  #handle;

  constructor(code, options) {
    code = `${code}`;
    options = scriptOptions(options);
    const {
      filename = kDefaultFilename, lineOffset = 0, columnOffset = 0,
    } = options;
    validateString(filename, 'options.filename');
    validateInt32(lineOffset, 'options.lineOffset');
    validateInt32(columnOffset, 'options.columnOffset');
    refuseUnsupported(options);
    this.#handle = withDisplayErrors(options.displayErrors, () =>
      binding.compileScript(code, filename, lineOffset, columnOffset));
    this.sourceMapURL = undefined;
  }

  runInThisContext(options) {
    const { displayErrors, timeout } = runOptions(options);
    return withDisplayErrors(displayErrors, () =>
      binding.runScript(this.#handle, null, timeout));
  }

  runInContext(contextifiedObject, options) {
    checkContext(contextifiedObject);
    const { displayErrors, timeout } = runOptions(options);
    return withDisplayErrors(displayErrors, () =>
      binding.runScript(this.#handle, contextifiedObject, timeout));
  }

  runInNewContext(contextObject, options) {
    const context = createContext(contextObject, contextOptions(options));
    return this.runInContext(context, options);
  }

  createCachedData() {
    throw new ERR_METHOD_NOT_IMPLEMENTED('script.createCachedData()');
  }
}

function contextOptions(options) {
  if (options === undefined || options === null ||
      typeof options === 'string') return undefined;
  return options.contextName !== undefined ||
    options.contextOrigin !== undefined ||
    options.contextCodeGeneration !== undefined ||
    options.microtaskMode !== undefined ? {
      name: options.contextName,
      origin: options.contextOrigin,
      codeGeneration: options.contextCodeGeneration,
      microtaskMode: options.microtaskMode,
    } : undefined;
}

function checkContext(contextifiedObject) {
  // Node names the argument 'object' when it is not an object at all.
  validateObject(contextifiedObject, 'object', { allowArray: true });
  if (!binding.isContext(contextifiedObject)) {
    throw new ERR_INVALID_ARG_TYPE('contextifiedObject', 'vm.Context',
                                   contextifiedObject);
  }
}

function isContext(object) {
  validateObject(object, 'object', { allowArray: true });
  return binding.isContext(object);
}

function createContext(contextObject = {}, options = {}) {
  if (isContext(contextObject)) return contextObject;
  validateObject(options, 'options');
  const { name, origin, codeGeneration, microtaskMode } = options;
  if (name !== undefined) validateString(name, 'options.name');
  if (origin !== undefined) validateString(origin, 'options.origin');
  if (codeGeneration !== undefined) {
    validateObject(codeGeneration, 'options.codeGeneration');
    throw new ERR_METHOD_NOT_IMPLEMENTED('vm option codeGeneration');
  }
  if (microtaskMode !== undefined) {
    validateOneOf(microtaskMode, 'options.microtaskMode',
                  ['afterEvaluate', undefined]);
  }
  binding.makeContext(contextObject, microtaskMode === 'afterEvaluate');
  return contextObject;
}

function createScript(code, options) {
  return new Script(code, options);
}

function runInContext(code, contextifiedObject, options) {
  checkContext(contextifiedObject);
  return new Script(code, scriptOptions(options))
    .runInContext(contextifiedObject, options);
}

function runInNewContext(code, contextObject, options) {
  const context = createContext(contextObject, contextOptions(options));
  return new Script(code, scriptOptions(options)).runInContext(context, options);
}

function runInThisContext(code, options) {
  return new Script(code, scriptOptions(options)).runInThisContext(options);
}

function compileFunction(code, params = [], options = {}) {
  validateString(code, 'code');
  validateArray(params, 'params');
  for (let i = 0; i < params.length; i++)
    validateString(params[i], `params[${i}]`);
  validateObject(options, 'options');
  const { filename = '', parsingContext, contextExtensions } = options;
  validateString(filename, 'options.filename');
  if (parsingContext !== undefined || contextExtensions !== undefined ||
      options.cachedData !== undefined || options.produceCachedData) {
    throw new ERR_METHOD_NOT_IMPLEMENTED(
      'vm.compileFunction() with parsingContext, contextExtensions or ' +
      'cached data');
  }
  return binding.compileFunction(code, filename, params);
}

function measureMemory() {
  return Promise.reject(new ERR_METHOD_NOT_IMPLEMENTED('vm.measureMemory()'));
}

module.exports = {
  Script,
  createContext,
  createScript,
  runInContext,
  runInNewContext,
  runInThisContext,
  isContext,
  compileFunction,
  measureMemory,
};
