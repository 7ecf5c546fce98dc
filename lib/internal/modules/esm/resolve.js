// ES module resolution, as Node's documentation specifies it (the
// ESM_RESOLVE algorithm): URLs, relative and absolute specifiers, bare
// package names through node_modules with package.json "exports", "#"
// specifiers through "imports", and the format of what was found (from
// the extension and the package's "type"). Also used by require() for
// "imports" (with the require conditions).
'use strict';

const path = require('path');
const realm = require('internal/bootstrap/realm');
const fsb = internalBinding('fs');
const { URL, fileURLToPath, pathToFileURL } = require('internal/url');
const {
  codes: {
    ERR_INVALID_MODULE_SPECIFIER, ERR_INVALID_PACKAGE_CONFIG,
    ERR_INVALID_PACKAGE_TARGET, ERR_MODULE_NOT_FOUND,
    ERR_PACKAGE_IMPORT_NOT_DEFINED, ERR_PACKAGE_PATH_NOT_EXPORTED,
    ERR_UNKNOWN_FILE_EXTENSION, ERR_UNSUPPORTED_DIR_IMPORT,
    ERR_UNSUPPORTED_ESM_URL_SCHEME,
  },
} = require('internal/errors');

const importConditions = ['node', 'import'];
const requireConditions = ['node', 'require'];

// ---- package.json ------------------------------------------------------------

// Parsed package.json files by path (null when there is none).
const packageCache = new Map();

function readPackage(jsonPath, base) {
  if (packageCache.has(jsonPath)) return packageCache.get(jsonPath);
  let result = null;
  if (fsb.internalModuleStat(jsonPath) === 0) {
    const text = fsb.readFileUtf8(jsonPath);
    let json;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new ERR_INVALID_PACKAGE_CONFIG(
        jsonPath, base && fileURLToPathOrSame(base), err.message);
    }
    result = {
      path: jsonPath,
      name: typeof json.name === 'string' ? json.name : undefined,
      main: typeof json.main === 'string' ? json.main : undefined,
      exports: json.exports,
      imports: json.imports,
      type: json.type === 'module' || json.type === 'commonjs' ?
        json.type : 'none',
    };
  }
  packageCache.set(jsonPath, result);
  return result;
}

function fileURLToPathOrSame(url) {
  try {
    return fileURLToPath(url);
  } catch {
    return `${url}`;
  }
}

// The package.json governing a file URL: the nearest one above it, not
// looking past a node_modules folder.
function packageScope(url) {
  let dir = fileURLToPath(new URL('.', url));
  if (dir.length > 1 && dir.endsWith('/')) dir = dir.slice(0, -1);
  for (;;) {
    if (path.basename(dir) === 'node_modules') return null;
    const pkg = readPackage(path.join(dir, 'package.json'));
    if (pkg !== null) return pkg;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

// ---- exports / imports targets -------------------------------------------

// A segment that may not appear in a target or a pattern match: '.', '..',
// node_modules (any case), also percent-encoded. (Empty segments are only
// deprecated in Node 18.)
const invalidSegment =
  /(^|\\|\/)((\.|%2e)(\.|%2e)?|(n|%6e|%4e)(o|%6f|%4f)(d|%64|%44)(e|%65|%45)(_|%5f)(m|%6d|%4d)(o|%6f|%4f)(d|%64|%44)(u|%75|%55)(l|%6c|%4c)(e|%65|%45)(s|%73|%53))(\\|\/|$)/i;

function isArrayIndex(key) {
  const n = Number(key);
  return `${n}` === key && n >= 0 && n < 0xFFFFFFFF;
}

function pkgDirOf(pkgURL) {
  return fileURLToPath(new URL('.', pkgURL));
}

function base(parentURL) {
  return parentURL ? fileURLToPathOrSame(parentURL) : undefined;
}

function invalidTarget(pkgURL, key, target, isImports, parentURL) {
  return new ERR_INVALID_PACKAGE_TARGET(pkgDirOf(pkgURL), key, target,
                                        isImports, base(parentURL));
}

// Resolves one target; undefined when no condition matched, null when the
// target excludes the path.
function resolveTarget(pkgURL, target, subpath, patternMatch, isImports,
                       conditions, parentURL) {
  if (typeof target === 'string') {
    if (!target.startsWith('./')) {
      if (isImports && !target.startsWith('../') && !target.startsWith('/')) {
        let isURL = false;
        try {
          new URL(target);  // eslint-disable-line no-new
          isURL = true;
        } catch {
          // A package name.
        }
        if (!isURL) {
          const spec = patternMatch === undefined ? target :
            target.replace(/\*/g, patternMatch);
          return packageResolve(spec, `${pkgURL}`, conditions);
        }
      }
      throw invalidTarget(pkgURL, subpath, target, isImports, parentURL);
    }
    if (invalidSegment.test(target.slice(2))) {
      throw invalidTarget(pkgURL, subpath, target, isImports, parentURL);
    }
    const resolved = new URL(target, pkgURL);
    if (!resolved.pathname.startsWith(new URL('.', pkgURL).pathname)) {
      throw invalidTarget(pkgURL, subpath, target, isImports, parentURL);
    }
    if (patternMatch === undefined) return resolved;
    if (invalidSegment.test(patternMatch)) {
      throw new ERR_INVALID_MODULE_SPECIFIER(
        subpath.replace('*', patternMatch),
        `request is not a valid match in pattern "${subpath}" for the ` +
        `"${isImports ? 'imports' : 'exports'}" resolution of ` +
        `${fileURLToPath(pkgURL)}`, base(parentURL));
    }
    return new URL(resolved.href.replace(/\*/g, patternMatch));
  }
  if (Array.isArray(target)) {
    if (target.length === 0) return null;
    let lastError;
    for (const t of target) {
      let r;
      try {
        r = resolveTarget(pkgURL, t, subpath, patternMatch, isImports,
                          conditions, parentURL);
      } catch (err) {
        lastError = err;
        if (err.code === 'ERR_INVALID_PACKAGE_TARGET') continue;
        throw err;
      }
      if (r === undefined) continue;
      if (r === null) {
        lastError = null;
        continue;
      }
      return r;
    }
    if (lastError === undefined || lastError === null) return lastError;
    throw lastError;
  }
  if (target !== null && typeof target === 'object') {
    for (const key of Object.keys(target)) {
      if (isArrayIndex(key)) {
        throw new ERR_INVALID_PACKAGE_CONFIG(
          fileURLToPath(pkgURL), base(parentURL),
          '"exports" cannot contain numeric property keys.');
      }
    }
    for (const key of Object.keys(target)) {
      if (key === 'default' || conditions.includes(key)) {
        const r = resolveTarget(pkgURL, target[key], subpath, patternMatch,
                                isImports, conditions, parentURL);
        if (r === undefined) continue;
        return r;
      }
    }
    return undefined;
  }
  if (target === null) return null;
  throw invalidTarget(pkgURL, subpath, target, isImports, parentURL);
}

// Node's PATTERN_KEY_COMPARE: longer prefixes first, then longer keys.
function patternKeyCompare(a, b) {
  const aStar = a.indexOf('*');
  const bStar = b.indexOf('*');
  const aBase = aStar === -1 ? a.length : aStar + 1;
  const bBase = bStar === -1 ? b.length : bStar + 1;
  if (aBase > bBase) return -1;
  if (bBase > aBase) return 1;
  if (aStar === -1) return 1;
  if (bStar === -1) return -1;
  if (a.length > b.length) return -1;
  if (b.length > a.length) return 1;
  return 0;
}

// Matches `key` ('./x' or '#x') against an exports or imports object.
function importsExportsResolve(key, map, pkgURL, isImports, conditions,
                               parentURL) {
  if (Object.prototype.hasOwnProperty.call(map, key) && !key.includes('*')) {
    return resolveTarget(pkgURL, map[key], key, undefined, isImports,
                         conditions, parentURL);
  }
  let bestKey = '';
  let bestMatch;
  for (const k of Object.keys(map)) {
    const star = k.indexOf('*');
    if (star === -1 || k.indexOf('*', star + 1) !== -1) continue;
    const prefix = k.slice(0, star);
    const suffix = k.slice(star + 1);
    if (key.startsWith(prefix) && key !== prefix &&
        (suffix.length === 0 ||
         (key.endsWith(suffix) && key.length >= k.length)) &&
        patternKeyCompare(bestKey, k) === 1) {
      bestKey = k;
      bestMatch = key.slice(prefix.length, key.length - suffix.length);
    }
  }
  if (bestKey === '') return undefined;
  return resolveTarget(pkgURL, map[bestKey], bestKey, bestMatch, isImports,
                       conditions, parentURL);
}

function isConditionalSugar(exports, pkgURL, parentURL) {
  if (typeof exports === 'string' || Array.isArray(exports)) return true;
  if (exports === null || typeof exports !== 'object') return false;
  let dots = 0;
  const keys = Object.keys(exports);
  for (const k of keys) if (k === '' || k[0] === '.') dots++;
  if (dots !== 0 && dots !== keys.length) {
    throw new ERR_INVALID_PACKAGE_CONFIG(
      fileURLToPath(pkgURL), base(parentURL),
      '"exports" cannot contain some keys starting with \'.\' and some not.' +
      ' The exports object must either be an object of package subpath ' +
      'keys or an object of main entry condition name keys only.');
  }
  return dots === 0;
}

// Resolves './sub' (or '.') of a package through its "exports".
function packageExportsResolve(pkgURL, subpath, pkg, conditions, parentURL) {
  let exports = pkg.exports;
  if (isConditionalSugar(exports, pkgURL, parentURL)) {
    exports = { '.': exports };
  }
  const r = importsExportsResolve(subpath, exports, pkgURL, false,
                                  conditions, parentURL);
  if (r === undefined || r === null) {
    throw new ERR_PACKAGE_PATH_NOT_EXPORTED(pkgDirOf(pkgURL), subpath,
                                            base(parentURL));
  }
  return r;
}

// Resolves '#name' through the "imports" of the parent's package.
function packageImportsResolve(specifier, parentURL, conditions) {
  if (specifier === '#' || specifier.startsWith('#/') ||
      specifier.endsWith('/')) {
    throw new ERR_INVALID_MODULE_SPECIFIER(
      specifier, 'is not a valid internal imports specifier name',
      base(parentURL));
  }
  let pkgPath;
  const pkg = parentURL && parentURL.startsWith('file:') ?
    packageScope(parentURL) : null;
  if (pkg !== null) {
    pkgPath = path.dirname(pkg.path) + '/';
    const imports = pkg.imports;
    if (imports !== null && typeof imports === 'object' &&
        !Array.isArray(imports)) {
      const r = importsExportsResolve(specifier, imports,
                                      pathToFileURL(pkg.path), true,
                                      conditions, parentURL);
      if (r !== undefined && r !== null) return r;
    }
  }
  throw new ERR_PACKAGE_IMPORT_NOT_DEFINED(specifier, pkgPath,
                                           base(parentURL));
}

// ---- Bare specifiers -------------------------------------------------------

function parsePackageName(specifier, parentURL) {
  let sep = specifier.indexOf('/');
  let valid = true;
  let isScoped = false;
  if (specifier[0] === '@') {
    isScoped = true;
    if (sep === -1 || specifier.length === 0) valid = false;
    else sep = specifier.indexOf('/', sep + 1);
  }
  const name = sep === -1 ? specifier : specifier.slice(0, sep);
  if (name.startsWith('.') || name.includes('\\') || name.includes('%')) {
    valid = false;
  }
  if (!valid) {
    throw new ERR_INVALID_MODULE_SPECIFIER(
      specifier, 'is not a valid package name', base(parentURL));
  }
  return { name, subpath: '.' + (sep === -1 ? '' : specifier.slice(sep)),
           isScoped };
}

// The legacy "main" lookup for packages without "exports".
function legacyMainResolve(pkgURL, pkg, parentURL) {
  const tries = [];
  if (pkg && pkg.main) {
    for (const suffix of ['', '.js', '.json', '.node', '/index.js',
      '/index.json', '/index.node']) {
      tries.push(`./${pkg.main}${suffix}`);
    }
  }
  tries.push('./index.js', './index.json', './index.node');
  for (const t of tries) {
    const url = new URL(t, pkgURL);
    if (fsb.internalModuleStat(fileURLToPath(url)) === 0) return url;
  }
  throw new ERR_MODULE_NOT_FOUND(fileURLToPath(new URL('.', pkgURL)),
                                 base(parentURL));
}

function packageResolve(specifier, parentURL, conditions) {
  if (realm.canBeRequiredByUsers(specifier)) {
    return new URL('node:' + specifier);
  }
  const { name, subpath } = parsePackageName(specifier, parentURL);
  // A package may import itself by its own name.
  if (parentURL && parentURL.startsWith('file:')) {
    const own = packageScope(parentURL);
    if (own !== null && own.name === name && own.exports !== undefined &&
        own.exports !== null) {
      return packageExportsResolve(pathToFileURL(own.path), subpath, own,
                                   conditions, parentURL);
    }
  }
  // The folder of the parent (a parent URL ending in '/' is a folder).
  let dir = parentURL && parentURL.startsWith('file:') ?
    fileURLToPath(new URL('.', parentURL)) : process.cwd();
  if (dir.length > 1 && dir.endsWith('/')) dir = dir.slice(0, -1);
  for (;;) {
    const pkgDir = path.join(dir, 'node_modules', name);
    const nextDir = path.dirname(dir);
    if (path.basename(dir) !== 'node_modules' &&
        fsb.internalModuleStat(pkgDir) === 1) {
      const jsonPath = path.join(pkgDir, 'package.json');
      const pkgURL = pathToFileURL(jsonPath);
      const pkg = readPackage(jsonPath, parentURL);
      if (pkg !== null && pkg.exports !== undefined && pkg.exports !== null) {
        return packageExportsResolve(pkgURL, subpath, pkg, conditions,
                                     parentURL);
      }
      if (subpath === '.') return legacyMainResolve(pkgURL, pkg, parentURL);
      return new URL(subpath, pkgURL);
    }
    if (nextDir === dir) break;
    dir = nextDir;
  }
  throw new ERR_MODULE_NOT_FOUND(name, base(parentURL));
}

// ---- ESM_RESOLVE -------------------------------------------------------------

function isRelative(specifier) {
  return specifier.startsWith('./') || specifier.startsWith('../') ||
    specifier === '.' || specifier === '..';
}

// The file the URL names must exist and not be a folder; symlinks are
// followed (the real path is the module's identity).
function finalizeResolution(url, parentURL) {
  if (/%2f|%5c/i.test(url.pathname)) {
    throw new ERR_INVALID_MODULE_SPECIFIER(
      url.pathname, 'must not include encoded "/" or "\\" characters',
      base(parentURL));
  }
  const filename = fileURLToPath(url);
  const kind = fsb.internalModuleStat(filename.endsWith('/') ?
    filename.slice(0, -1) : filename);
  if (kind === 1) {
    throw new ERR_UNSUPPORTED_DIR_IMPORT(filename, base(parentURL), url.href);
  }
  if (kind !== 0) {
    throw new ERR_MODULE_NOT_FOUND(filename, base(parentURL), url.href);
  }
  let real = filename;
  try {
    real = fsb.realpath(filename);
  } catch {
    // Keep the path as it is.
  }
  const out = pathToFileURL(real);
  out.search = url.search;
  out.hash = url.hash;
  return out;
}

// Resolves `specifier` imported from `parentURL` (a URL string, or
// undefined for the current directory). Returns the URL as a string.
function resolve(specifier, parentURL, conditions = importConditions) {
  if (specifier.startsWith('node:')) {
    if (!realm.canBeRequiredWithScheme(specifier.slice(5))) {
      throw new ERR_UNKNOWN_BUILTIN(specifier);
    }
    return specifier;
  }
  if (realm.canBeRequiredByUsers(specifier)) return 'node:' + specifier;
  const parent = parentURL || pathToFileURL(process.cwd() + '/').href;
  let url;
  if (specifier.startsWith('/') || isRelative(specifier)) {
    url = new URL(specifier, parent);
  } else if (specifier[0] === '#') {
    url = packageImportsResolve(specifier, parent, conditions);
  } else {
    try {
      url = new URL(specifier);
    } catch {
      url = packageResolve(specifier, parent, conditions);
    }
  }
  if (url.protocol === 'node:') {
    if (!realm.canBeRequiredWithScheme(url.pathname)) {
      throw new ERR_UNKNOWN_BUILTIN(url.href);
    }
    return url.href;
  }
  if (url.protocol === 'data:') return url.href;
  if (url.protocol !== 'file:') {
    throw new ERR_UNSUPPORTED_ESM_URL_SCHEME(url, ['file', 'data', 'node']);
  }
  return finalizeResolution(url, parentURL).href;
}

function ERR_UNKNOWN_BUILTIN(id) {
  const { codes } = require('internal/errors');
  return new codes.ERR_UNKNOWN_BUILTIN_MODULE(id);
}

// ---- Formats ----------------------------------------------------------------

// 'module', 'commonjs', 'json' or 'builtin' for a resolved URL.
function getFormat(url) {
  if (url.startsWith('node:')) return 'builtin';
  if (url.startsWith('data:')) {
    const mime = parseDataURL(url).mime.toLowerCase();
    if (mime === 'text/javascript') return 'module';
    if (mime === 'application/json') return 'json';
    throw new ERR_UNKNOWN_MODULE_FORMAT(mime, url);
  }
  const u = new URL(url);
  const ext = path.extname(u.pathname);
  if (ext === '.mjs') return 'module';
  if (ext === '.cjs') return 'commonjs';
  if (ext === '.json') return 'json';
  const pkg = packageScope(u);
  const type = pkg !== null ? pkg.type : 'none';
  // Files without an extension go by the package's type, like .js files.
  if (ext === '.js' || ext === '') {
    return type === 'module' ? 'module' : 'commonjs';
  }
  throw new ERR_UNKNOWN_FILE_EXTENSION(ext, fileURLToPath(u));
}

// A data: URL's MIME type (which must be type/subtype), whether it is
// base64 and its body; ERR_INVALID_URL for anything else.
function parseDataURL(url) {
  const m = /^([^/]+\/[^;,]+)[^,]*?(;base64)?,([^]*)$/.exec(
    new URL(url).pathname);
  if (m === null) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_URL(url);
  }
  return { mime: m[1], base64: m[2] !== undefined, body: m[3] };
}

function ERR_UNKNOWN_MODULE_FORMAT(format, url) {
  const { codes } = require('internal/errors');
  return new codes.ERR_UNKNOWN_MODULE_FORMAT(format, url);
}

// Whether the package scope of a file path says "type": "module".
function isModuleScope(filename) {
  const pkg = packageScope(pathToFileURL(filename));
  return pkg !== null && pkg.type === 'module';
}

module.exports = {
  resolve,
  getFormat,
  parseDataURL,
  packageScopeOf: packageScope,
  isModuleScope,
  packageImportsResolve,
  importConditions,
  requireConditions,
};
