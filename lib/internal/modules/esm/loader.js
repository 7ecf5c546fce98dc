// The ES module loader: a map from URL to module job, loading (file
// sources read on the threadpool), translating each format into a V8
// module (source text for 'module', synthetic modules for CommonJS,
// builtins and JSON), linking, instantiating and evaluating graphs, and
// the host hooks: import() from any code and import.meta.
'use strict';

const path = require('path');
const realm = require('internal/bootstrap/realm');
const binding = internalBinding('module_wrap');
const fsb = internalBinding('fs');
const { decodeUtf8 } = internalBinding('encoding');
const { triggerUncaughtException } = internalBinding('task_queue');
const { URL, fileURLToPath, pathToFileURL } = require('internal/url');
const { resolve, getFormat } = require('internal/modules/esm/resolve');
const { parse: parseCJS } = require('internal/modules/esm/cjs_lexer');
const {
  codes: {
    ERR_IMPORT_ASSERTION_TYPE_FAILED, ERR_IMPORT_ASSERTION_TYPE_MISSING,
    ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED, ERR_IMPORT_ATTRIBUTE_UNSUPPORTED,
    ERR_INVALID_ARG_TYPE,
  },
} = require('internal/errors');

const {
  compileModule, createSyntheticModule, setExport, getRequests, instantiate,
  evaluate, getNamespace, getStatus, kInstantiated,
} = binding;

// ---- Import assertions ---------------------------------------------------------

// The `type` each format needs (none for the others).
const typeOfFormat = { __proto__: null, json: 'json' };
const supportedTypes = new Set(['json']);

// The type is checked first, then keys other than `type` are refused.
function validateAssertions(url, format, assertions) {
  validateType(url, format, assertions.type);
  for (const key of Object.keys(assertions)) {
    if (key !== 'type') {
      throw new ERR_IMPORT_ATTRIBUTE_UNSUPPORTED(key, assertions[key]);
    }
  }
}

function validateType(url, format, type) {
  const wanted = typeOfFormat[format];
  if (wanted === undefined) {
    if (type === undefined) return;
    if (supportedTypes.has(type)) {
      throw new ERR_IMPORT_ASSERTION_TYPE_FAILED(url, type);
    }
    throw new ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED(type);
  }
  if (type === undefined) {
    throw new ERR_IMPORT_ASSERTION_TYPE_MISSING(url, wanted);
  }
  if (type === wanted) return;
  if (supportedTypes.has(type)) {
    throw new ERR_IMPORT_ASSERTION_TYPE_FAILED(url, type);
  }
  throw new ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED(type);
}

// ---- Sources ---------------------------------------------------------------------

function decodeDataURL(url) {
  const { base64, body } = require('internal/modules/esm/resolve')
    .parseDataURL(url);
  if (base64) {
    const { Buffer } = require('buffer');
    return Buffer.from(decodeURIComponent(body), 'base64').toString('utf8');
  }
  return decodeURIComponent(body);
}

// A module's source text. Files are read on the threadpool: loading a
// graph never blocks the loop on a read.
function readSource(url) {
  if (url.startsWith('data:')) {
    return Promise.resolve(decodeDataURL(url));
  }
  const filename = fileURLToPath(url);
  return new Promise((resolvePromise, reject) => {
    fsb.readFileBytes(filename, (err, bytes) => {
      if (err) reject(err);
      else resolvePromise(decodeUtf8(bytes, false, false));
    });
  });
}

// ---- Translators: a format's source into a module -------------------------------

// Builtin modules imported so far (id -> { module, names }), kept in step
// with their exports by module.syncBuiltinESMExports().
const builtinModules = new Map();

function builtinModule(url) {
  const id = url.slice(5);
  const exports = realm.require(id);
  const names = Object.keys(exports);
  const module = createSyntheticModule(url, ['default', ...names], (m) => {
    setExport(m, 'default', exports);
    for (const name of names) setExport(m, name, readExport(exports, name));
  });
  builtinModules.set(id, { module, names, exports });
  return module;
}

// An own property's value; undefined when absent or its getter throws (a
// lazily loaded part of a builtin that is not available).
function readExport(exports, name) {
  if (!Object.prototype.hasOwnProperty.call(exports, name)) return undefined;
  try {
    return exports[name];
  } catch {
    return undefined;
  }
}

function syncBuiltinESMExports() {
  for (const [id, entry] of builtinModules) {
    const exports = realm.require(id);
    for (const name of entry.names) {
      setExport(entry.module, name, readExport(exports, name));
    }
  }
}

// The names a CommonJS file exports, found without running it (see
// cjs_lexer.js), following reexports into the files they name.
function cjsExportNames(filename, source, seen = new Set()) {
  const { Module } = require('internal/modules/cjs/loader');
  seen.add(filename);
  let parsed;
  try {
    parsed = parseCJS(source);
  } catch {
    return new Set();
  }
  const names = parsed.exports;
  for (const spec of parsed.reexports) {
    let target;
    try {
      const parent = new Module(filename, null);
      parent.filename = filename;
      parent.paths = Module._nodeModulePaths(path.dirname(filename));
      target = Module._resolveFilename(spec, parent, false);
    } catch {
      continue;
    }
    // Reexported builtins are not followed (as in Node).
    if (Module.isBuiltin(target)) continue;
    if (seen.has(target) || !/\.(c?js)$|\/[^./]*$/.test(target)) continue;
    let text;
    try {
      text = fsb.readFileUtf8(target);
    } catch {
      continue;
    }
    for (const k of cjsExportNames(target, text, seen)) names.add(k);
  }
  return names;
}

async function commonjsModule(url) {
  const filename = fileURLToPath(url);
  const names = cjsExportNames(filename, await readSource(url));
  names.delete('default');
  return createSyntheticModule(url, ['default', ...names], (m) => {
    const { Module } = require('internal/modules/cjs/loader');
    const exports = Module._load(filename, undefined, false);
    for (const name of names) {
      let value;
      if (exports !== null && (typeof exports === 'object' ||
          typeof exports === 'function') &&
          Object.prototype.hasOwnProperty.call(exports, name)) {
        try {
          value = exports[name];
        } catch {
          // A throwing getter exports undefined.
        }
      }
      setExport(m, name, value);
    }
    setExport(m, 'default', exports);
  });
}

let jsonWarned = false;

async function jsonModule(url) {
  const source = await readSource(url);
  if (!jsonWarned) {
    jsonWarned = true;
    process.emitWarning('Importing JSON modules is an experimental feature ' +
                        'and might change at any time', 'ExperimentalWarning');
  }
  return createSyntheticModule(url, ['default'], (m) => {
    // A JSON file is one value for import and require() alike: whichever
    // loads it first puts it in require's cache.
    const { Module } = require('internal/modules/cjs/loader');
    const filename = url.startsWith('file:') ? fileURLToPath(url) : undefined;
    const cached = filename !== undefined ? Module._cache[filename] :
      undefined;
    if (cached !== undefined) {
      setExport(m, 'default', cached.exports);
      return;
    }
    let value;
    try {
      value = JSON.parse(source.charCodeAt(0) === 0xFEFF ?
        source.slice(1) : source);
    } catch (err) {
      err.message = `${filename || url}: ${err.message}`;
      throw err;
    }
    if (filename !== undefined) {
      const entry = new Module(filename, null);
      entry.filename = filename;
      entry.exports = value;
      entry.loaded = true;
      Module._cache[filename] = entry;
    }
    setExport(m, 'default', value);
  });
}

async function translate(url, format) {
  let module;
  switch (format) {
    case 'module':
      module = unthenable(compileModule(await readSource(url), url));
      module.initializeImportMeta = initializeImportMeta;
      break;
    case 'commonjs':
      module = await commonjsModule(url);
      break;
    case 'builtin':
      module = builtinModule(url);
      break;
    case 'json':
      module = await jsonModule(url);
      break;
  }
  unthenable(module);
  module.url = url;
  return module;
}

// Module objects travel through promises: with no prototype, resolving
// one never looks up a `then` that a program put on Object.prototype.
function unthenable(module) {
  Object.setPrototypeOf(module, null);
  return module;
}

// Settles (with undefined) when every promise has, or rejects with the
// first rejection; unlike Promise.all it never resolves with an array.
function allSettledVoid(promises) {
  return new Promise((resolvePromise, reject) => {
    let left = promises.length;
    if (left === 0) resolvePromise();
    for (const p of promises) {
      p.then(() => {
        if (--left === 0) resolvePromise();
      }, reject);
    }
  });
}

// ---- Module jobs -------------------------------------------------------------------

const jobs = new Map();            // URL + '\0' + type -> ModuleJob
const jobOfModule = new WeakMap(); // module -> ModuleJob

class ModuleJob {
  // `source` is given for code that is not in a file (--input-type=module).
  constructor(url, format, source) {
    this.url = url;
    this.format = format;
    this.module = undefined;
    this.deps = new Map();  // specifier -> ModuleJob
    const made = source !== undefined ?
      Promise.resolve().then(() => {
        const m = unthenable(compileModule(source, url));
        m.url = url;
        m.initializeImportMeta = initializeImportMeta;
        return m;
      }) :
      translate(url, format);
    this.modulePromise = made.then((module) => {
      this.module = module;
      jobOfModule.set(module, this);
      return module;
    });
    // Every import of the module starts loading at once, in parallel.
    this.linked = this.modulePromise.then((module) => {
      const loads = [];
      for (const { specifier, assert } of getRequests(module)) {
        if (this.deps.has(specifier)) continue;
        const dep = getJob(specifier, this.url, assert);
        this.deps.set(specifier, dep);
        loads.push(dep.modulePromise);
      }
      return allSettledVoid(loads);
    });
    // Failures surface through run(); these copies are not left unhandled.
    this.modulePromise.catch(() => {});
    this.linked.catch(() => {});
  }

  // Waits until the whole graph below this job is loaded and linked.
  async ready() {
    const seen = new Set();
    const stack = [this];
    while (stack.length > 0) {
      const job = stack.pop();
      if (seen.has(job)) continue;
      seen.add(job);
      await job.linked;
      for (const dep of job.deps.values()) stack.push(dep);
    }
  }

  async run() {
    await this.ready();
    const module = this.module;
    if (getStatus(module) < kInstantiated) {
      try {
        instantiate(module, resolveForInstantiate);
      } catch (err) {
        throw decorateLinkError(err);
      }
    }
    try {
      await evaluate(module);
    } catch (err) {
      throw decorateScopeError(err, this.url);
    }
    return getNamespace(module);
  }
}

// A CommonJS variable used in an ES module: Node's explanation.
const cjsGlobals = /^(require|module|exports|__filename|__dirname) is not defined$/;

function decorateScopeError(err, url) {
  if (err === null || typeof err !== 'object' ||
      err.name !== 'ReferenceError' || typeof err.message !== 'string') {
    return err;
  }
  const m = cjsGlobals.exec(err.message);
  if (m === null) return err;
  const old = err.message;
  // The stack is formatted on first use, from the message of that moment:
  // take it before the message changes.
  const stack = err.stack;
  err.message += ' in ES module scope';
  if (m[1] === 'require') err.message += ', you can use import instead';
  if (url.startsWith('file:') && /\.js(\?[^#]*)?(#.*)?$/.test(url)) {
    const { packageScopeOf } = require('internal/modules/esm/resolve');
    const pkg = packageScopeOf(url);
    if (pkg !== null && pkg.type === 'module') {
      err.message += '\nThis file is being treated as an ES module because ' +
        `it has a '.js' file extension and '${pkg.path}' contains "type": ` +
        '"module". To treat it as a CommonJS script, rename it to use the ' +
        "'.cjs' file extension.";
    }
  }
  if (typeof stack === 'string') {
    err.stack = stack.replace(`ReferenceError: ${old}`,
                              `ReferenceError: ${err.message}`);
  }
  return err;
}

function resolveForInstantiate(specifier, assertions, referrer) {
  return jobOfModule.get(referrer).deps.get(specifier).module;
}

// The hint's destructuring: the braces of the import statement on the
// arrow's source line, on one line, with `a as b` as `a: b`.
// (Nothing when the statement spans lines.)
function destructuring(arrow) {
  const line = typeof arrow === 'string' ? arrow.split('\n')[1] : undefined;
  const braces = line !== undefined ? /\{[^}]*\}/.exec(line) : null;
  if (braces === null) return '';
  const names = braces[0].replace(/\s+/g, ' ').replace(/\s+as\s+/g, ': ');
  return `const ${names} = pkg;\n`;
}

// A missing named export of a CommonJS module gets Node's hint.
function decorateLinkError(err) {
  if (err === null || typeof err !== 'object' || err.name !== 'SyntaxError') {
    return err;
  }
  const m = /^The requested module '(.+)' does not provide an export named '(.+)'$/
    .exec(err.message);
  if (m === null) return err;
  // The stack starts with the place, as Node prints link errors.
  const arrow = binding.getArrow(err);
  const placed = (stack) => (typeof arrow === 'string' &&
    typeof stack === 'string' && !stack.startsWith(arrow) ?
    arrow + stack : stack);
  const [, spec, name] = m;
  let fromCJS = false;
  for (const job of jobs.values()) {
    const dep = job.deps.get(spec);
    if (dep !== undefined && dep.format === 'commonjs') fromCJS = true;
  }
  if (!fromCJS) {
    err.stack = placed(err.stack);
    return err;
  }
  err.message = `Named export '${name}' not found. The requested module ` +
    `'${spec}' is a CommonJS module, which may not support all ` +
    'module.exports as named exports.\nCommonJS modules can always be ' +
    'imported via the default export, for example using:\n\n' +
    `import pkg from '${spec}';\n` + destructuring(arrow);
  if (typeof err.stack === 'string') {
    const at = err.stack.indexOf('\n    at ');
    err.stack = placed(`SyntaxError: ${err.message}` +
      (at === -1 ? '' : err.stack.slice(at)));
  }
  return err;
}

// The job for `specifier` imported from `parentURL`: resolved, its
// assertions checked, and loading started (once per URL).
// Jobs are kept per URL and asserted type, and the assertions are checked
// when a job is made, as Node does.
function getJob(specifier, parentURL, assertions = {}) {
  const url = resolve(specifier, parentURL);
  const key = `${url}\0${assertions.type}`;
  let job = jobs.get(key);
  if (job === undefined) {
    const format = getFormat(url);
    validateAssertions(url, format, assertions);
    job = new ModuleJob(url, format);
    jobs.set(key, job);
  }
  return job;
}

// import(specifier) from parentURL: the namespace, once evaluated.
async function importModule(specifier, parentURL, assertions = {}) {
  return getJob(specifier, parentURL, assertions).run();
}

// ---- Host hooks --------------------------------------------------------------------

// The URL of what called import(): a module's URL, a CommonJS file's
// path, or a name like '[eval]' (resolved from the current directory).
function referrerURL(referrer) {
  if (typeof referrer !== 'string' || referrer === '') {
    return pathToFileURL(process.cwd() + '/').href;
  }
  if (path.isAbsolute(referrer)) return pathToFileURL(referrer).href;
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(referrer)) return referrer;
  return pathToFileURL(path.join(process.cwd(), referrer)).href;
}

function importModuleDynamically(specifier, referrer, assertions) {
  return importModule(`${specifier}`, referrerURL(referrer), assertions);
}

const parentURLAllowed = internalBinding('process_methods').getOptions()
  .experimentalImportMetaResolve;

function initializeImportMeta(meta, module) {
  const url = module.url;
  meta.resolve = function resolve(specifier, parentURL = url) {
    // Node 18 reads the second argument only with this flag.
    if (!parentURLAllowed) parentURL = url;
    if (typeof parentURL !== 'string') {
      if (!isURL(parentURL)) {
        throw new ERR_INVALID_ARG_TYPE('parentURL', ['string', 'URL'],
                                       parentURL);
      }
      parentURL = parentURL.href;
    }
    return resolveURL(`${specifier}`, parentURL);
  };
  meta.url = url;
}

function isURL(value) {
  return value !== null && typeof value === 'object' &&
    require('internal/url').isURLInstance(value);
}

// import.meta.resolve: a file that is missing or a folder still has a URL.
function resolveURL(specifier, parentURL) {
  try {
    return resolve(specifier, parentURL);
  } catch (err) {
    if ((err.code === 'ERR_MODULE_NOT_FOUND' ||
         err.code === 'ERR_UNSUPPORTED_DIR_IMPORT') &&
        typeof err.url === 'string') {
      return err.url;
    }
    throw err;
  }
}


// ---- Entry points ------------------------------------------------------------------

// The main program's promise: until it settles, an exit means a top-level
// await that never finished (exit code 13, as in Node 18).
function handleMainPromise(promise) {
  const onExit = () => {
    if (process.exitCode === undefined) process.exitCode = 13;
  };
  process.on('exit', onExit);
  promise.then(() => {
    process.off('exit', onExit);
  }, (err) => {
    process.off('exit', onExit);
    triggerUncaughtException(err, true);
  });
}

// Runs the file `filename` as the main ES module.
function runMain(filename) {
  const url = pathToFileURL(filename).href;
  handleMainPromise(Promise.resolve().then(() => importModule(url)));
}

// Runs -e / stdin source as an ES module (--input-type=module).
function evalModule(source, name = '[eval1]') {
  const url = pathToFileURL(path.join(process.cwd(), name)).href;
  const job = new ModuleJob(url, 'module', source);
  jobs.set(`${url}\0undefined`, job);
  handleMainPromise(job.run());
}

module.exports = {
  importModule,
  importModuleDynamically,
  runMain,
  evalModule,
  syncBuiltinESMExports,
  validateAssertions,
};
