/* builtins.c — binding 'builtins': the JS of lib/ compiled from the binary.
 *
 * Sources are compiled on first require, never at start-up unless used. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "internal.h"

static const nr__builtin *find_builtin(const char *id) {
  size_t lo = 0, hi = nr__builtins_count;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int cmp = strcmp(id, nr__builtins[mid].id);
    if (cmp == 0) return &nr__builtins[mid];
    if (cmp < 0) hi = mid; else lo = mid + 1;
  }
  return NULL;
}

/* Builtins other than the loader are bodies of this function. */
static const char *const wrapper_params[] = {
    "exports", "require", "module", "internalBinding", "primordials"};
/* The loader makes the module system itself from these two. */
static const char *const loader_params[] = {"process", "getInternalBinding"};

int nr__keep_builtins;

v8c_value nr__compile_builtin(nr_runtime *rt, const char *id) {
  v8c_env *env = rt->env;
  const nr__builtin *b = find_builtin(id);
  if (!b) {
    return v8c_throw_error(env, V8C_ERROR, "ERR_UNKNOWN_BUILTIN_MODULE",
                           "No such built-in module: %s", id);
  }
  v8c_value src = b->ascii ? v8c_string_static(env, b->source, b->length)
                           : v8c_string(env, b->source, b->length);
  if (!src) return NULL;
  char name[256];
  snprintf(name, sizeof name, "node:%s", id);
  bool loader = strcmp(id, "internal/bootstrap/loader") == 0;
  size_t i = (size_t)(b - nr__builtins);
  const nr__code_cache *cache =
      i < nr__code_caches_count && nr__code_caches[i].length
          ? &nr__code_caches[i] : NULL;
  bool rejected = false;
  v8c_value fn = v8c_compile_function_cached(
      env, src, v8c_string(env, name, (size_t)-1), loader ? 2 : 5,
      loader ? loader_params : wrapper_params, cache ? cache->data : NULL,
      cache ? cache->length : 0, &rejected);
  if (fn && nr__keep_builtins) {
    if (!rt->builtin_fns) rt->builtin_fns = calloc(nr__builtins_count,
                                                    sizeof(v8c_ref *));
    if (rt->builtin_fns && !rt->builtin_fns[i])
      rt->builtin_fns[i] = v8c_ref_new(env, fn);
  }
  return fn;
}

/* compileFunction(id) -> the module's wrapper function. */
static void compile_function(v8c_call *c) {
  char *id = nr__arg_string(c, 0, "id");
  if (!id) return;
  v8c_return(c, nr__compile_builtin(nr__rt(c), id));
  free(id);
}

/* hasBuiltin(id) -> boolean */
static void has_builtin(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_value v = v8c_arg(c, 0);
  if (!v8c_is(v, V8C_STRING)) return v8c_return_bool(c, false);
  char *id = v8c_to_utf8(env, v, NULL);
  if (!id) return;
  v8c_return_bool(c, find_builtin(id) != NULL);
  free(id);
}

static const nr__method methods[] = {
    {"compileFunction", compile_function},
    {"hasBuiltin", has_builtin},
    {NULL, NULL},
};

bool nr__binding_builtins(nr_runtime *rt, v8c_value target) {
  v8c_env *env = rt->env;
  v8c_value ids = v8c_array(env, (uint32_t)nr__builtins_count);
  for (size_t i = 0; i < nr__builtins_count; i++) {
    v8c_value s = v8c_string(env, nr__builtins[i].id, (size_t)-1);
    if (!s || !v8c_set_index(env, ids, (uint32_t)i, s)) return false;
  }
  return v8c_set_named(env, target, "builtinIds", ids) &&
         v8c_set_named(env, target, "bindingNames", nr__binding_names(env)) &&
         nr__set_methods(env, target, methods, NULL);
}
