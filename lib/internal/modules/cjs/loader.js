// CommonJS modules: require(), Node's resolution algorithm (files,
// extensions, directories, package.json "main" and "exports", node_modules
// up the tree), the module cache, and the main module.
'use strict';

const path = require('path');
const realm = require('internal/bootstrap/realm');
const fsb = internalBinding('fs');
const { compileFunction, runInThisContext } = internalBinding('contextify');
const host = internalBinding('host');
const {
  codes: {
    ERR_INVALID_ARG_VALUE, ERR_PACKAGE_PATH_NOT_EXPORTED,
    ERR_INVALID_PACKAGE_TARGET, ERR_INVALID_PACKAGE_CONFIG, ERR_REQUIRE_ESM,
    ERR_UNKNOWN_BUILTIN_MODULE, ERR_INVALID_MODULE_SPECIFIER,
  },
} = require('internal/errors');
const { validateString, validateObject } = require('internal/validators');

const wrapperParams = ['exports', 'require', 'module', '__filename',
  '__dirname'];

// import() from any script (CommonJS, -e, vm) goes to the ES module
// loader, loaded on the first import().
internalBinding('module_wrap').setImportModuleDynamicallyCallback(
  (specifier, referrer, assertions) =>
    require('internal/modules/esm/loader')
      .importModuleDynamically(specifier, referrer, assertions));
// import.meta is filled by whoever made the module (the ES module loader,
// vm.SourceTextModule): the module object carries its initializer.
internalBinding('module_wrap').setInitializeImportMetaObjectCallback(
  (meta, module) => {
    const init = module.initializeImportMeta;
    if (typeof init === 'function') init(meta, module);
  });
const conditions = ['node', 'require', 'default'];

// ---- Small file system helpers ------------------------------------------

// 0 file, 1 directory, < 0 missing.
function stat(filename) {
  return fsb.internalModuleStat(filename);
}

function realpath(filename) {
  try {
    return fsb.realpath(filename);
  } catch {
    return filename;
  }
}

// package.json files by path; null when absent.
const packageCache = new Map();

function readPackage(dir) {
  const jsonPath = path.join(dir, 'package.json');
  if (packageCache.has(jsonPath)) return packageCache.get(jsonPath);
  let result = null;
  if (stat(jsonPath) === 0) {
    const text = fsb.readFileUtf8(jsonPath);
    try {
      const json = JSON.parse(text);
      result = {
        path: jsonPath,
        name: typeof json.name === 'string' ? json.name : undefined,
        main: typeof json.main === 'string' ? json.main : undefined,
        exports: json.exports,
        imports: json.imports,
        type: json.type === 'module' ? 'module' : 'commonjs',
      };
    } catch (err) {
      const e = new ERR_INVALID_PACKAGE_CONFIG(jsonPath, undefined,
                                               err.message);
      throw e;
    }
  }
  packageCache.set(jsonPath, result);
  return result;
}

// The package.json that governs a file: the nearest one above it.
function packageScope(filename) {
  let dir = path.dirname(filename);
  for (;;) {
    if (path.basename(dir) === 'node_modules') return null;
    const pkg = readPackage(dir);
    if (pkg !== null) return pkg;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

// ---- Package "exports" ------------------------------------------------------

function isConditionalSugar(exports) {
  if (typeof exports === 'string' || Array.isArray(exports)) return true;
  if (exports === null || typeof exports !== 'object') return false;
  const keys = Object.keys(exports);
  let dots = 0;
  for (const k of keys) if (k.startsWith('.')) dots++;
  if (dots !== 0 && dots !== keys.length) {
    throw new ERR_INVALID_PACKAGE_CONFIG(
      '', undefined, '"exports" cannot contain some keys starting with ' +
      "'.' and some not. The exports object must either be an object of " +
      'package subpath keys or an object of main entry condition name keys ' +
      'only.');
  }
  return dots === 0;
}

// Resolves one target of an exports map; undefined when no condition fits.
function resolveTarget(pkgDir, target, subpath, patternMatch, pkgPath) {
  if (typeof target === 'string') {
    if (!target.startsWith('./')) {
      throw new ERR_INVALID_PACKAGE_TARGET(pkgPath, subpath, target);
    }
    const resolved = patternMatch !== undefined ?
      target.replace(/\*/g, patternMatch) : target;
    const segments = resolved.split('/').slice(1);
    if (segments.some((s) => s === '..' || s === '.' || s === 'node_modules')) {
      throw new ERR_INVALID_PACKAGE_TARGET(pkgPath, subpath, target);
    }
    return path.resolve(pkgDir, resolved);
  }
  if (Array.isArray(target)) {
    for (const t of target) {
      let r;
      try {
        r = resolveTarget(pkgDir, t, subpath, patternMatch, pkgPath);
      } catch (err) {
        if (err.code === 'ERR_INVALID_PACKAGE_TARGET') continue;
        throw err;
      }
      if (r !== undefined && r !== null) return r;
    }
    return undefined;
  }
  if (target !== null && typeof target === 'object') {
    for (const key of Object.keys(target)) {
      if (key === 'default' || conditions.includes(key)) {
        const r = resolveTarget(pkgDir, target[key], subpath, patternMatch,
                                pkgPath);
        if (r !== undefined) return r;
      }
    }
    return undefined;
  }
  if (target === null) return null;
  throw new ERR_INVALID_PACKAGE_TARGET(pkgPath, subpath, target);
}

// Resolves `subpath` ('.' or './x') through a package's exports field.
function resolveExports(pkgDir, pkg, subpath) {
  let exports = pkg.exports;
  if (isConditionalSugar(exports)) exports = { '.': exports };
  let target;
  let match;
  if (Object.prototype.hasOwnProperty.call(exports, subpath) &&
      !subpath.includes('*')) {
    target = exports[subpath];
  } else {
    // Patterns ("./features/*.js"): the longest matching prefix wins.
    let bestKey = '';
    for (const key of Object.keys(exports)) {
      const star = key.indexOf('*');
      if (star === -1 || key.indexOf('*', star + 1) !== -1) continue;
      const prefix = key.slice(0, star);
      const suffix = key.slice(star + 1);
      if (subpath.startsWith(prefix) && subpath !== prefix &&
          subpath.endsWith(suffix) &&
          subpath.length >= key.length && key.length > bestKey.length) {
        bestKey = key;
        match = subpath.slice(prefix.length, subpath.length - suffix.length);
      }
    }
    if (bestKey !== '') target = exports[bestKey];
  }
  const resolved = target === undefined ? undefined :
    resolveTarget(pkgDir, target, subpath, match, pkg.path);
  if (resolved === undefined || resolved === null) {
    throw new ERR_PACKAGE_PATH_NOT_EXPORTED(pkgDir + '/', subpath);
  }
  return resolved;
}

// "name" or "@scope/name" and the rest of a bare specifier.
function splitPackageName(request) {
  let sep = request.indexOf('/');
  if (request[0] === '@') {
    if (sep === -1) return null;
    sep = request.indexOf('/', sep + 1);
  }
  const name = sep === -1 ? request : request.slice(0, sep);
  return { name, subpath: '.' + (sep === -1 ? '' : request.slice(sep)) };
}

// ---- Finding files ----------------------------------------------------------

function tryFile(filename, isMain) {
  if (stat(filename) !== 0) return false;
  return preserveSymlinks(isMain) ? filename : realpath(filename);
}

function preserveSymlinks() {
  return false;
}

function tryExtensions(base, exts, isMain) {
  for (const ext of exts) {
    const f = tryFile(base + ext, isMain);
    if (f) return f;
  }
  return false;
}

function tryPackage(dir, exts, isMain, originalPath) {
  const pkg = readPackage(dir);
  const main = pkg && pkg.main;
  if (!main) return tryExtensions(path.resolve(dir, 'index'), exts, isMain);
  const filename = path.resolve(dir, main);
  const found = tryFile(filename, isMain) ||
    tryExtensions(filename, exts, isMain) ||
    tryExtensions(path.resolve(filename, 'index'), exts, isMain);
  if (found) return found;
  const fallback = tryExtensions(path.resolve(dir, 'index'), exts, isMain);
  if (fallback) return fallback;
  const err = new Error(`Cannot find module '${filename}'. ` +
                        `Please verify that the package.json has a valid ` +
                        `"main" entry`);
  err.code = 'MODULE_NOT_FOUND';
  err.path = path.resolve(dir, 'package.json');
  err.requestPath = originalPath;
  throw err;
}

function findPath(request, paths, isMain) {
  const absolute = path.isAbsolute(request);
  if (absolute) paths = [''];
  else if (!paths || paths.length === 0) return false;
  const trailingSlash = request.length > 0 &&
    (request.endsWith('/') || request === '.' || request === '..' ||
     request.endsWith('/.') || request.endsWith('/..'));
  const exts = Object.keys(Module._extensions);
  const cacheKey = request + '\x00' + paths.join('\x00');
  const cached = Module._pathCache[cacheKey];
  if (cached !== undefined && stat(cached) === 0) return cached;
  // A relative request is tried even when its directory is gone (the
  // module that asks may have been deleted, its target not).
  const relative = /^\.\.?(?:\/|$)/.test(request);
  for (const dir of paths) {
    if (dir && !relative && stat(dir) < 0) continue;
    // A bare specifier inside node_modules may go through "exports".
    if (!absolute && dir && request[0] !== '.' &&
        path.basename(dir) === 'node_modules') {
      const parts = splitPackageName(request);
      if (parts !== null) {
        const pkgDir = path.resolve(dir, parts.name);
        const pkg = stat(pkgDir) === 1 ? readPackage(pkgDir) : null;
        if (pkg !== null && pkg.exports !== undefined && pkg.exports !== null) {
          const resolved = resolveExports(pkgDir, pkg, parts.subpath);
          const f = tryFile(resolved, isMain) ||
            tryExtensions(resolved, exts, isMain);
          if (f) {
            Module._pathCache[cacheKey] = f;
            return f;
          }
          const err = new Error(`Cannot find module '${resolved}'`);
          err.code = 'MODULE_NOT_FOUND';
          throw err;
        }
      }
    }
    const base = path.resolve(dir, request);
    let filename = false;
    const kind = stat(base);
    if (!trailingSlash) {
      if (kind === 0) filename = preserveSymlinks(isMain) ? base : realpath(base);
      if (!filename) filename = tryExtensions(base, exts, isMain);
    }
    if (!filename && kind === 1) {
      filename = tryPackage(base, exts, isMain, request);
    }
    if (filename) {
      Module._pathCache[cacheKey] = filename;
      return filename;
    }
  }
  return false;
}

// Resolves "name/sub" against the package the parent belongs to, when the
// package refers to itself by its own name through "exports".
function resolveSelf(request, parent) {
  if (!parent || !parent.filename) return false;
  const pkg = packageScope(parent.filename);
  if (!pkg || pkg.exports === undefined || pkg.exports === null ||
      !pkg.name) return false;
  const parts = splitPackageName(request);
  if (!parts || parts.name !== pkg.name) return false;
  const pkgDir = path.dirname(pkg.path);
  const resolved = resolveExports(pkgDir, pkg, parts.subpath);
  return tryFile(resolved, false) ||
    tryExtensions(resolved, Object.keys(Module._extensions), false);
}

// Resolves '#name' through the "imports" of the parent's package (with the
// require conditions), as Node does; false when the package has none.
function resolveImports(request, parentFile) {
  const pkg = packageScope(parentFile);
  if (!pkg || pkg.imports === undefined || pkg.imports === null) return false;
  const esm = require('internal/modules/esm/resolve');
  const { pathToFileURL, fileURLToPath } = require('internal/url');
  let url;
  try {
    url = esm.packageImportsResolve(request, pathToFileURL(parentFile).href,
                                    esm.requireConditions);
  } catch (err) {
    if (err.code === 'ERR_MODULE_NOT_FOUND') throw notFound(request);
    throw err;
  }
  if (url.protocol === 'node:') return url.href;
  if (/%2f|%5c/i.test(url.pathname)) {
    throw new ERR_INVALID_MODULE_SPECIFIER(
      url.pathname, 'must not include encoded "/" or "\\" characters',
      parentFile);
  }
  const filename = fileURLToPath(url);
  const f = tryFile(filename, false);
  if (f) return f;
  throw notFound(filename);
}

function notFound(request) {
  const err = new Error(`Cannot find module '${request}'`);
  err.code = 'MODULE_NOT_FOUND';
  return err;
}

// ---- The Module class ---------------------------------------------------------

// module.parent lives here; the public property is an accessor, deprecated
// (DEP0144) under --pending-deprecation as in Node 18.
const kParent = Symbol('kParent');

function Module(id = '', parent) {
  this.id = id;
  this.path = path.dirname(id);
  this.exports = {};
  Object.defineProperty(this, kParent, {
    value: parent, writable: true, enumerable: false, configurable: true,
  });
  if (parent && parent.children) parent.children.push(this);
  this.filename = null;
  this.loaded = false;
  this.children = [];
}

Module._cache = { __proto__: null };
Module._pathCache = { __proto__: null };
Module._extensions = { __proto__: null };
Module.builtinModules = realm.publicIds.slice();
{
  const getParent = function() { return this[kParent]; };
  const setParent = function(value) { this[kParent] = value; };
  const pending =
    internalBinding('process_methods').getOptions().pendingDeprecation;
  const msg = 'module.parent is deprecated due to accuracy issues. Please ' +
    'use require.main to find program entry point instead.';
  const deprecate = (fn) => require('util').deprecate(fn, msg, 'DEP0144');
  Object.defineProperty(Module.prototype, 'parent', {
    get: pending ? deprecate(getParent) : getParent,
    set: pending ? deprecate(setParent) : setParent,
    enumerable: false,
    configurable: true,
  });
}

// Module.wrapper and Module.wrap may be replaced by programs; once they
// are, modules are compiled from the wrapped text as a script (Node does
// the same), otherwise directly as a function.
let wrapper = [
  '(function (exports, require, module, __filename, __dirname) { ',
  '\n});',
];
let wrap = (script) => Module.wrapper[0] + script + Module.wrapper[1];
let wrapperPatched = false;
Object.defineProperties(Module, {
  wrapper: {
    get() { return wrapper; },
    set(value) {
      wrapperPatched = true;
      wrapper = value;
    },
    enumerable: false,
    configurable: false,
  },
  wrap: {
    get() { return wrap; },
    set(value) {
      wrapperPatched = true;
      wrap = value;
    },
    enumerable: false,
    configurable: false,
  },
});
Module.Module = Module;

function isBuiltin(id) {
  if (typeof id !== 'string') return false;
  if (id.startsWith('noderun:')) return realm.isNoderunBuiltin(id);
  if (id.startsWith('node:')) return realm.canBeRequiredWithScheme(id.slice(5));
  return realm.canBeRequiredByUsers(id);
}
Module.isBuiltin = isBuiltin;

// The folders searched after node_modules: NODE_PATH, then ~/.node_modules,
// ~/.node_libraries and <prefix>/lib/node. Recomputed by _initPaths().
Module._initPaths = function() {
  const home = process.env.HOME;
  const prefix = path.resolve(process.execPath, '..', '..');
  const paths = [path.resolve(prefix, 'lib', 'node')];
  if (home) {
    paths.unshift(path.resolve(home, '.node_libraries'));
    paths.unshift(path.resolve(home, '.node_modules'));
  }
  const nodePath = process.env.NODE_PATH;
  if (nodePath) {
    paths.unshift(...nodePath.split(path.delimiter).filter(Boolean));
  }
  Module.globalPaths = paths;
};
Module._initPaths();

// The node_modules folders from `from` up to the root.
Module._nodeModulePaths = function(from) {
  from = path.resolve(from);
  if (from === '/') return ['/node_modules'];
  const parts = from.split('/');
  const paths = [];
  for (let i = parts.length; i > 0; i--) {
    if (parts[i - 1] === 'node_modules') continue;
    paths.push(parts.slice(0, i).join('/') + '/node_modules');
  }
  paths[paths.length - 1] = '/node_modules';
  return paths;
};

Module._resolveLookupPaths = function(request, parent) {
  if (isBuiltin(request)) return null;
  if (request[0] !== '.' ||
      (request.length > 1 && request[1] !== '.' && request[1] !== '/')) {
    const paths = (parent && parent.paths) ? parent.paths.slice() : [];
    return paths.concat(Module.globalPaths);
  }
  if (!parent || !parent.id || !parent.filename) return ['.'];
  return [path.dirname(parent.filename)];
};

function requireStack(parent) {
  const stack = [];
  for (let m = parent; m; m = m[kParent]) {
    stack.push(m.filename || m.id);
  }
  return stack;
}

Module._resolveFilename = function(request, parent, isMain, options) {
  // isBuiltin() knows the node: and noderun: forms; an unknown name with
  // either prefix is not found like any other.
  if (isBuiltin(request)) return request;
  if (host.has(request)) return request;
  let paths;
  if (options && options.paths !== undefined && !Array.isArray(options.paths)) {
    throw new ERR_INVALID_ARG_VALUE('options.paths', options.paths);
  }
  if (options && options.paths) {
    if (request[0] === '.' && (request[1] === '/' || request[1] === '.' ||
        request.length === 1)) {
      paths = options.paths;
    } else {
      const fake = new Module('', null);
      paths = [];
      for (const p of options.paths) {
        fake.paths = Module._nodeModulePaths(p);
        for (const lp of Module._resolveLookupPaths(request, fake)) {
          if (!paths.includes(lp)) paths.push(lp);
        }
      }
    }
  } else {
    paths = Module._resolveLookupPaths(request, parent);
  }
  if (request[0] === '#' && parent && parent.filename) {
    const found = resolveImports(request, parent.filename);
    if (found) return found;
  }
  const self = request[0] !== '.' && !path.isAbsolute(request) ?
    resolveSelf(request, parent) : false;
  if (self) return self;
  const filename = findPath(request, paths, isMain);
  if (filename) return filename;
  const stack = requireStack(parent);
  let message = `Cannot find module '${request}'`;
  if (stack.length > 0) {
    message += '\nRequire stack:\n- ' + stack.join('\n- ');
  }
  const err = new Error(message);
  err.code = 'MODULE_NOT_FOUND';
  err.requireStack = stack;
  throw err;
};

function loadBuiltin(request) {
  if (request.startsWith('noderun:')) {
    if (!realm.isNoderunBuiltin(request)) {
      throw new ERR_UNKNOWN_BUILTIN_MODULE(request);
    }
    return realm.require('noderun/' + request.slice(8));
  }
  const id = request.slice(5);
  if (!realm.canBeRequiredWithScheme(id)) {
    throw new ERR_UNKNOWN_BUILTIN_MODULE(request);
  }
  return realm.require(id);
}

// --expose-internals lets tests reach lib/internal/ (as in Node).
const exposeInternals =
  internalBinding('process_methods').getOptions().exposeInternals;

Module._load = function(request, parent, isMain) {
  if (request.startsWith('node:') || request.startsWith('noderun:')) {
    return loadBuiltin(request);
  }
  if (realm.canBeRequiredByUsers(request)) {
    // A program may put its own module in the cache under a builtin's
    // bare name; Node honours that.
    const cached = Module._cache[request];
    if (cached !== undefined) return cached.exports;
    return realm.require(request);
  }
  if (exposeInternals && request.startsWith('internal/') &&
      internalBinding('builtins').hasBuiltin(request)) {
    return realm.require(request);
  }
  if (host.has(request)) {
    const cached = Module._cache['host:' + request];
    if (cached !== undefined) return cached.exports;
    const m = new Module('host:' + request, parent);
    m.exports = host.load(request);
    m.loaded = true;
    Module._cache['host:' + request] = m;
    return m.exports;
  }
  const filename = Module._resolveFilename(request, parent, isMain);
  // "#x" may lead to a builtin through the package's "imports".
  if (filename.startsWith('node:')) return loadBuiltin(filename);
  const cached = Module._cache[filename];
  if (cached !== undefined) {
    if (parent && parent.children && !parent.children.includes(cached)) {
      parent.children.push(cached);
    }
    return cached.exports;
  }
  const module = new Module(filename, parent);
  if (isMain) {
    process.mainModule = module;
    module.id = '.';
  }
  Module._cache[filename] = module;
  let threw = true;
  try {
    module.load(filename);
    threw = false;
  } finally {
    if (threw) {
      delete Module._cache[filename];
      if (parent && parent.children) {
        const i = parent.children.indexOf(module);
        if (i !== -1) parent.children.splice(i, 1);
      }
    }
  }
  return module.exports;
};

Module.prototype.load = function(filename) {
  this.filename = filename;
  this.paths = Module._nodeModulePaths(path.dirname(filename));
  let ext = path.extname(filename);
  if (filename.endsWith('.mjs')) {
    throw new ERR_REQUIRE_ESM(filename, true);
  }
  if (!Module._extensions[ext]) ext = '.js';
  Module._extensions[ext](this, filename);
  this.loaded = true;
};

Module.prototype.require = function(id) {
  validateString(id, 'id');
  if (id === '') {
    throw new ERR_INVALID_ARG_VALUE('id', id, 'must be a non-empty string');
  }
  return Module._load(id, this, false);
};

// ERR_REQUIRE_ESM for a .js file in a "type": "module" package points at
// the require() call in the user's code (as Node's does): its stack and
// place start at the caller of require().
const kPointAtCaller = Symbol('kPointAtCaller');

function pointAtCaller(err) {
  const stack = err.stack;
  if (typeof stack !== 'string') return;
  const lines = stack.split('\n');
  const kept = lines.filter((l) => !/^ {4}at .*node:internal\//.test(l));
  err.stack = kept.join('\n');
  const frame = kept.find((l) => l.startsWith('    at '));
  const m = frame && /\(?([^()]+):(\d+):(\d+)\)?$/.exec(frame);
  if (!m) return;
  let source;
  try {
    source = fsb.readFileUtf8(m[1]);
  } catch {
    return;
  }
  const line = Number(m[2]);
  const col = Number(m[3]);
  const text = source.split('\n')[line - 1];
  if (text === undefined) return;
  internalBinding('module_wrap').setArrow(
    err, `${m[1]}:${line}\n${text}\n${' '.repeat(col - 1)}^\n`);
}

function makeRequire(module) {
  const require = function require(id) {
    try {
      return module.require(id);
    } catch (err) {
      if (err !== null && typeof err === 'object' && err[kPointAtCaller]) {
        delete err[kPointAtCaller];
        pointAtCaller(err);
      }
      throw err;
    }
  };
  function resolve(request, options) {
    validateString(request, 'request');
    if (options !== undefined) validateObject(options, 'options');
    return Module._resolveFilename(request, module, false, options);
  }
  resolve.paths = function paths(request) {
    validateString(request, 'request');
    return Module._resolveLookupPaths(request, module);
  };
  require.resolve = resolve;
  require.main = process.mainModule;
  require.extensions = Module._extensions;
  require.cache = Module._cache;
  return require;
}

// A shebang line is ignored: blank it out, keeping line numbers.
function stripShebang(content) {
  if (content.charCodeAt(0) === 35 && content.charCodeAt(1) === 33) {
    const nl = content.indexOf('\n');
    return '//' + (nl === -1 ? '' : content.slice(nl));
  }
  return content;
}

Module.prototype._compile = function(content, filename) {
  const fn = wrapperPatched ?
    runInThisContext(Module.wrap(stripShebang(content)), filename) :
    compileFunction(stripShebang(content), filename, wrapperParams);
  const require = makeRequire(this);
  const dirname = path.dirname(filename);
  return fn.call(this.exports, this.exports, require, this, filename,
                 dirname);
};

Module._extensions['.js'] = function(module, filename) {
  if (filename.endsWith('.js')) {
    const pkg = packageScope(filename);
    if (pkg && pkg.type === 'module') {
      const parent = module[kParent] && module[kParent].filename;
      const err = new ERR_REQUIRE_ESM(filename, hasEsmSyntax(filename),
                                      parent, pkg.path);
      err[kPointAtCaller] = true;
      throw err;
    }
  }
  const content = fsb.readFileUtf8(filename);
  module._compile(content, filename);
};

// Whether a file's text only makes sense as an ES module (import or
// export statements, import.meta): compiling it as CommonJS says so.
function hasEsmSyntax(filename) {
  let content;
  try {
    content = fsb.readFileUtf8(filename);
    compileFunction(stripShebang(content), filename, wrapperParams);
  } catch (err) {
    return err !== null && typeof err === 'object' &&
      err.name === 'SyntaxError' &&
      /import statement outside a module|Unexpected token 'export'|import\.meta/
        .test(err.message);
  }
  return false;
}

Module._extensions['.json'] = function(module, filename) {
  const content = fsb.readFileUtf8(filename);
  try {
    module.exports = JSON.parse(content.charCodeAt(0) === 0xFEFF ?
      content.slice(1) : content);
  } catch (err) {
    err.message = filename + ': ' + err.message;
    throw err;
  }
};

// Node's addons cannot run here: process.dlopen() says why (see
// src/process_methods.c).
Module._extensions['.node'] = function(module, filename) {
  return process.dlopen(module, path.toNamespacedPath(filename));
};

Module.createRequire = function createRequire(filename) {
  let p = filename;
  if (typeof filename === 'object' && filename !== null &&
      typeof filename.href === 'string') {
    p = decodeURIComponent(new URL(filename.href).pathname);
  } else if (typeof filename === 'string' && filename.startsWith('file:')) {
    p = decodeURIComponent(new URL(filename).pathname);
  }
  if (typeof p !== 'string' || !path.isAbsolute(p)) {
    throw new ERR_INVALID_ARG_VALUE('filename', filename,
                                    'must be a file URL object, file URL ' +
                                    'string, or absolute path string');
  }
  const trailing = p.endsWith('/');
  const proxyPath = trailing ? path.join(p, 'noop.js') : p;
  const m = new Module(proxyPath, null);
  m.filename = proxyPath;
  m.paths = Module._nodeModulePaths(m.path);
  return makeRequire(m);
};

// Whether the main program runs as an ES module: a .mjs file, or any
// other but .cjs in a package whose "type" is "module".
function mainIsESM(filename) {
  if (filename.endsWith('.mjs')) return true;
  if (filename.endsWith('.cjs')) return false;
  const pkg = packageScope(filename);
  return pkg !== null && pkg.type === 'module';
}

Module.runMain = function(main = process.argv[1]) {
  const filename = path.resolve(main);
  let resolved;
  try {
    resolved = Module._resolveFilename(filename, null, true);
  } catch {
    resolved = undefined;
  }
  if (resolved !== undefined && mainIsESM(resolved)) {
    require('internal/modules/esm/loader').runMain(resolved);
    return;
  }
  Module._load(filename, null, true);
};

// Brings the named exports of builtins imported as ES modules in line with
// the builtins' current properties.
Module.syncBuiltinESMExports = function syncBuiltinESMExports() {
  if (realm.isLoaded('internal/modules/esm/loader')) {
    require('internal/modules/esm/loader').syncBuiltinESMExports();
  }
};

// A module for code that is not in a file (-e, -p, stdin), resolving
// relative requires from the current directory.
function makeEvalModule(name, basename = name) {
  const m = new Module(name, null);
  m.filename = path.join(process.cwd(), basename);
  m.paths = Module._nodeModulePaths(process.cwd());
  return { module: m, require: makeRequire(m) };
}

module.exports = { Module, makeEvalModule, isBuiltin };
