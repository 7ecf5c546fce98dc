// The builtin module system: the first JS that runs. It receives `process`
// (still a plain object) and the C function behind internalBinding(), and
// returns the `require` that builtins use among themselves.
'use strict';

// Builtins use `process` as a global from their first line on.
Object.defineProperty(globalThis, 'process', {
  value: process, writable: true, enumerable: false, configurable: true,
});

const bindings = { __proto__: null };
function internalBinding(name) {
  let b = bindings[name];
  if (b === undefined) {
    b = getInternalBinding(name);
    bindings[name] = b;
  }
  return b;
}

const { compileFunction, hasBuiltin, builtinIds } = internalBinding('builtins');
const modules = new Map();

// Builtins see each other through this require; user code never gets it.
function requireBuiltin(id) {
  const cached = modules.get(id);
  if (cached !== undefined) return cached.exports;
  if (!hasBuiltin(id)) {
    const err = new Error(`No such built-in module: ${id}`);
    err.code = 'ERR_UNKNOWN_BUILTIN_MODULE';
    throw err;
  }
  const mod = { id, exports: {}, loaded: false };
  modules.set(id, mod);
  const fn = compileFunction(id);
  try {
    fn.call(mod.exports, mod.exports, requireBuiltin, mod, internalBinding,
            undefined);
  } catch (err) {
    modules.delete(id);
    throw err;
  }
  mod.loaded = true;
  return mod.exports;
}

// Ids that user code may require: everything outside internal/ and
// noderun/; noderun's own modules (lib/noderun/x.js) are reached only
// with their scheme, 'noderun:x'.
// A few (node:test) exist only with the 'node:' scheme, as in Node 18.
const schemeOnly = new Set(['test']);
const publicIds = builtinIds.filter(
  (id) => !id.startsWith('internal/') && !id.startsWith('noderun/') &&
          !schemeOnly.has(id));
const publicSet = new Set(publicIds);
const noderunSet = new Set(
  builtinIds.filter((id) => id.startsWith('noderun/')).map(
    (id) => 'noderun:' + id.slice(8)));

const realm = {
  // Start-up moments as process.hrtime.bigint() readings, for perf_hooks
  // (recorded without loading it).
  milestones: { __proto__: null },
  require: requireBuiltin,
  internalBinding,
  publicIds,
  canBeRequiredByUsers: (id) => publicSet.has(id),
  // What 'node:' + id may name: every public id and the scheme-only ones.
  canBeRequiredWithScheme: (id) => publicSet.has(id) || schemeOnly.has(id),
  // 'noderun:threadpool' and the like.
  isNoderunBuiltin: (request) => noderunSet.has(request),
  isLoaded: (id) => modules.has(id),
};
// Other builtins reach this object as require('internal/bootstrap/realm').
modules.set('internal/bootstrap/realm', { exports: realm, loaded: true });
return realm;
