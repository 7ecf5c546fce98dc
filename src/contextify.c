/* contextify.c — binding 'contextify': compiling user code in the main
 * context, for the CommonJS loader (module wrappers) and -e / -p. The vm
 * module will add contexts here. */
#include <stdlib.h>

#include "internal.h"

/* compileFunction(source, filename, params) -> function */
static void compile_function(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_value src = v8c_arg(c, 0), filename = v8c_arg(c, 1);
  v8c_value params = v8c_arg(c, 2);
  if (!v8c_is(src, V8C_STRING)) return (void)nr__throw_arg_type(env, "code", "string");
  if (!v8c_is(filename, V8C_STRING))
    return (void)nr__throw_arg_type(env, "filename", "string");
  if (!v8c_is(params, V8C_ARRAY))
    return (void)nr__throw_arg_type(env, "params", "Array");
  uint32_t n = v8c_array_length(params);
  if (n > 16) {
    v8c_throw_error(env, V8C_RANGE_ERROR, "ERR_OUT_OF_RANGE",
                    "Too many parameters");
    return;
  }
  char *names[16] = {0};
  bool ok = true;
  for (uint32_t i = 0; i < n && ok; i++) {
    v8c_value p = v8c_get_index(env, params, i);
    ok = p && v8c_is(p, V8C_STRING) && (names[i] = v8c_to_utf8(env, p, NULL));
    if (!ok && p) nr__throw_arg_type(env, "params", "an Array of strings");
  }
  if (ok) {
    v8c_return(c, v8c_compile_function(env, src, filename, (int)n,
                                       (const char *const *)names));
  }
  for (uint32_t i = 0; i < n; i++) free(names[i]);
}

/* runInThisContext(source, filename) -> the script's completion value */
static void run_in_this_context(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_value src = v8c_arg(c, 0), filename = v8c_arg(c, 1);
  if (!v8c_is(src, V8C_STRING)) return (void)nr__throw_arg_type(env, "code", "string");
  if (!v8c_is(filename, V8C_STRING))
    return (void)nr__throw_arg_type(env, "filename", "string");
  v8c_return(c, v8c_run_script(env, src, filename));
}

static const nr__method methods[] = {
    {"compileFunction", compile_function},
    {"runInThisContext", run_in_this_context},
    {NULL, NULL},
};

bool nr__binding_contextify(nr_runtime *rt, v8c_value target) {
  return nr__set_methods(rt->env, target, methods, NULL);
}
