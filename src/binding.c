/* binding.c — the registry behind internalBinding(name). */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

typedef struct binding_entry {
  const char *name;
  bool (*init)(nr_runtime *rt, v8c_value target);
} binding_entry;

#define NR_BINDING_ENTRY(name) {#name, nr__binding_##name},
static const binding_entry bindings[] = {NR_BINDINGS(NR_BINDING_ENTRY)};
#undef NR_BINDING_ENTRY

/* internalBinding(name): a new object filled by the binding's init; the JS
 * loader caches it, so each init runs once per runtime. An unknown name
 * throws, as in Node. */
void nr__get_binding(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  char *name = nr__arg_string(c, 0, "name");
  if (!name) return;
  for (size_t i = 0; i < sizeof bindings / sizeof bindings[0]; i++) {
    if (strcmp(bindings[i].name, name) != 0) continue;
    free(name);
    v8c_value target = v8c_object(env);
    if (bindings[i].init(nr__rt(c), target)) v8c_return(c, target);
    return;
  }
  v8c_throw_error(env, V8C_ERROR, "ERR_INVALID_MODULE",
                  "No such binding: %s", name);
  free(name);
}

/* The names of all bindings, for tests that visit each one. */
v8c_value nr__binding_names(v8c_env *env) {
  size_t n = sizeof bindings / sizeof bindings[0];
  v8c_value arr = v8c_array(env, (uint32_t)n);
  for (size_t i = 0; i < n; i++)
    v8c_set_index(env, arr, (uint32_t)i,
                  v8c_string(env, bindings[i].name, (size_t)-1));
  return arr;
}

bool nr__set_methods(v8c_env *env, v8c_value target, const nr__method *m,
                     void *data) {
  for (; m->name; m++) {
    v8c_value fn = v8c_function(env, m->name, m->fn, data);
    if (!fn || !v8c_set_named(env, target, m->name, fn)) return false;
  }
  return true;
}

bool nr__set_constants(v8c_env *env, v8c_value target,
                       const nr__constant *c) {
  for (; c->name; c++) {
    if (!v8c_set_named(env, target, c->name, v8c_number(env, (double)c->value)))
      return false;
  }
  return true;
}
