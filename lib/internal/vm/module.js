// vm.Module, vm.SourceTextModule and vm.SyntheticModule (behind
// --experimental-vm-modules, as in Node 18): module records that the
// program links itself, over the same V8 modules as the ES module loader.
// Modules live in the main context (the `context` option is not supported
// yet).
'use strict';

const binding = internalBinding('module_wrap');
const { inspect } = require('internal/util/inspect');
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_VM_MODULE_ALREADY_LINKED,
    ERR_VM_MODULE_DIFFERENT_CONTEXT, ERR_VM_MODULE_LINK_FAILURE,
    ERR_VM_MODULE_NOT_MODULE, ERR_VM_MODULE_STATUS,
  },
} = require('internal/errors');
const {
  validateObject, validateString, validateFunction, validateArray,
} = require('internal/validators');

const {
  compileModule, createSyntheticModule, setExport, getRequests, instantiate,
  evaluate, getNamespace, getStatus, getException,
  kUninstantiated, kInstantiating, kInstantiated, kEvaluating, kEvaluated,
} = binding;

const kWrap = Symbol('kWrap');
const kLinking = Symbol('kLinking');    // undefined, or the link promise
const kLinked = Symbol('kLinked');      // specifier -> Module
const kPrivate = Symbol('kPrivate');
const kLinkError = Symbol('kLinkError'); // why linking failed, if it did
const moduleOfWrap = new WeakMap();
let idCounter = 0;
let warned = false;

function warn() {
  if (warned) return;
  warned = true;
  process.emitWarning('VM Modules is an experimental feature and might ' +
                      'change at any time', 'ExperimentalWarning');
}

function isModule(value) {
  return value !== null && typeof value === 'object' && kWrap in value;
}

class Module {
  constructor(token) {
    if (new.target === Module || token !== kPrivate) {
      throw new TypeError('Module is not a constructor');
    }
  }

  get identifier() {
    needModule(this);
    return this[kWrap].url;
  }

  get context() {
    return undefined;
  }

  get status() {
    needModule(this);
    const s = getStatus(this[kWrap]);
    if (this[kLinkError] !== undefined && s < kInstantiated) return 'errored';
    if (s === kUninstantiated || s === kInstantiating) {
      return this[kLinking] !== undefined ? 'linking' : 'unlinked';
    }
    if (s === kInstantiated) return 'linked';
    if (s === kEvaluating) return 'evaluating';
    if (s === kEvaluated) return 'evaluated';
    return 'errored';
  }

  get namespace() {
    needModule(this);
    const status = this.status;
    if (status === 'unlinked' || status === 'linking') {
      throw new ERR_VM_MODULE_STATUS('must not be unlinked or linking');
    }
    return getNamespace(this[kWrap]);
  }

  get error() {
    needModule(this);
    if (this.status !== 'errored') {
      throw new ERR_VM_MODULE_STATUS('must be errored');
    }
    if (getStatus(this[kWrap]) < kInstantiated) return this[kLinkError];
    return getException(this[kWrap]);
  }

  async link(linker) {
    needModule(this);
    validateFunction(linker, 'linker');
    if (this.status === 'linked') throw new ERR_VM_MODULE_ALREADY_LINKED();
    if (this.status !== 'unlinked') {
      throw new ERR_VM_MODULE_STATUS('must be unlinked');
    }
    try {
      await linkGraph(this, linker);
      instantiate(this[kWrap], resolveLinked);
    } catch (err) {
      this[kLinkError] = err;
      throw err;
    }
  }

  async evaluate(options = {}) {
    needModule(this);
    validateObject(options, 'options');
    const status = this.status;
    if (status !== 'linked' && status !== 'evaluating' &&
        status !== 'evaluated' && status !== 'errored') {
      throw new ERR_VM_MODULE_STATUS(
        'must be one of linked, evaluated, or errored');
    }
    if (getStatus(this[kWrap]) < kInstantiated) throw this[kLinkError];
    await evaluate(this[kWrap]);
  }

  [inspect.custom](depth, options) {
    if (typeof depth === 'number' && depth < 0) return this;
    // An object whose class has this module's class name.
    const name = this.constructor.name;
    const Named = { [name]: class {} }[name];
    const shown = new Named();
    shown.status = this.status;
    shown.identifier = this.identifier;
    shown.context = this.context;
    return inspect(shown, { ...options, customInspect: false });
  }
}

// Asks the linker for each import of `module`, linking what it returns
// that is not linked yet; the root then instantiates the whole graph.
function linkGraph(module, linker) {
  if (module[kLinking] !== undefined) return module[kLinking];
  module[kLinking] = (async () => {
    const requests = getRequests(module[kWrap]);
    await Promise.all(requests.map(async ({ specifier, assert }) => {
      const dep = await linker(specifier, module,
                               { attributes: assert, assert });
      if (!isModule(dep)) throw new ERR_VM_MODULE_NOT_MODULE();
      if (dep.context !== module.context) {
        throw new ERR_VM_MODULE_DIFFERENT_CONTEXT();
      }
      if (dep.status === 'errored') {
        throw new ERR_VM_MODULE_LINK_FAILURE(specifier);
      }
      module[kLinked].set(specifier, dep);
      if (dep.status === 'unlinked') await linkGraph(dep, linker);
    }));
  })();
  module[kLinking].catch(() => {});
  return module[kLinking].catch((err) => {
    module[kLinking] = undefined;
    throw err;
  });
}

function resolveLinked(specifier, assertions, referrer) {
  return moduleOfWrap.get(referrer)[kLinked].get(specifier)[kWrap];
}

function identifierOf(options) {
  if (options.identifier !== undefined) {
    validateString(options.identifier, 'options.identifier');
    return options.identifier;
  }
  return `vm:module(${idCounter++})`;
}

function checkContext(options) {
  const { context } = options;
  if (context === undefined) return;
  if (context === null || typeof context !== 'object' ||
      !internalBinding('contextify').isContext(context)) {
    throw new ERR_INVALID_ARG_TYPE('options.context', 'vm.Context', context);
  }
  // Modules are compiled and linked in the main context only, for now.
  const err = new Error('vm modules in other contexts are not supported ' +
                        'by noderun yet');
  err.code = 'ERR_METHOD_NOT_IMPLEMENTED';
  throw err;
}

// Methods called on something that is not a module of ours.
function needModule(value) {
  if (!isModule(value)) throw new ERR_VM_MODULE_NOT_MODULE();
}

function setup(module, wrap) {
  module[kWrap] = wrap;
  module[kLinkError] = undefined;
  module[kLinked] = new Map();
  module[kLinking] = undefined;
  moduleOfWrap.set(wrap, module);
}

class SourceTextModule extends Module {
  constructor(sourceText, options = {}) {
    super(kPrivate);
    warn();
    validateString(sourceText, 'sourceText');
    validateObject(options, 'options');
    checkContext(options);
    const { initializeImportMeta, importModuleDynamically } = options;
    if (initializeImportMeta !== undefined) {
      validateFunction(initializeImportMeta, 'options.initializeImportMeta');
    }
    if (importModuleDynamically !== undefined) {
      validateFunction(importModuleDynamically,
                       'options.importModuleDynamically');
    }
    const identifier = identifierOf(options);
    const wrap = compileModule(sourceText, identifier);
    Object.setPrototypeOf(wrap, null);
    wrap.url = identifier;
    if (initializeImportMeta !== undefined) {
      wrap.initializeImportMeta = (meta) => initializeImportMeta(meta, this);
    }
    setup(this, wrap);
  }

  get dependencySpecifiers() {
    needModule(this);
    return getRequests(this[kWrap]).map((r) => r.specifier);
  }
}

class SyntheticModule extends Module {
  constructor(exportNames, evaluateCallback, options = {}) {
    super(kPrivate);
    warn();
    validateArray(exportNames, 'exportNames');
    for (let i = 0; i < exportNames.length; i++) {
      if (typeof exportNames[i] !== 'string') {
        throw new ERR_INVALID_ARG_TYPE(`exportNames[${i}]`, 'string',
                                       exportNames[i]);
      }
    }
    if (new Set(exportNames).size !== exportNames.length) {
      throw new ERR_INVALID_ARG_VALUE('exportNames', exportNames,
                                      'must not contain duplicates');
    }
    validateFunction(evaluateCallback, 'evaluateCallback');
    validateObject(options, 'options');
    checkContext(options);
    const identifier = identifierOf(options);
    const wrap = createSyntheticModule(identifier, exportNames, () => {
      return evaluateCallback.call(this);
    });
    Object.setPrototypeOf(wrap, null);
    wrap.url = identifier;
    setup(this, wrap);
  }

  setExport(name, value) {
    needModule(this);
    validateString(name, 'name');
    const status = getStatus(this[kWrap]);
    if (status < kInstantiated) {
      throw new ERR_VM_MODULE_STATUS('must be linked');
    }
    try {
      setExport(this[kWrap], name, value);
    } catch {
      throw new ReferenceError(`Export '${name}' is not defined in module`);
    }
  }
}

module.exports = { Module, SourceTextModule, SyntheticModule };
