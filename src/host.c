/* host.c — native modules of the embedding application (nr_module_register)
 * and binding 'host', through which require() finds them. An nr_call is
 * the embedder's view of a v8c_call. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static v8c_call *VC(nr_call *c) { return (v8c_call *)c; }

static nr__host_module *find(nr_runtime *rt, const char *name) {
  for (nr__host_module *m = rt->host_modules; m; m = m->next)
    if (strcmp(m->name, name) == 0) return m;
  return NULL;
}

int nr_module_register(nr_runtime *rt, const char *name,
                       const nr_function *fns, void *data) {
  if (!rt || !name || !*name || !fns || find(rt, name)) return UV_EINVAL;
  nr__host_module *m = calloc(1, sizeof *m);
  if (!m) return UV_ENOMEM;
  while (fns[m->count].name) m->count++;
  m->name = strdup(name);
  m->entries = calloc(m->count ? m->count : 1, sizeof *m->entries);
  if (!m->name || !m->entries) {
    free(m->name);
    free(m->entries);
    free(m);
    return UV_ENOMEM;
  }
  for (size_t i = 0; i < m->count; i++) {
    m->entries[i].f = &fns[i];
    m->entries[i].m = m;
  }
  m->data = data;
  m->next = rt->host_modules;
  rt->host_modules = m;
  return 0;
}

static void call_host(v8c_call *c) {
  const nr__host_entry *e = v8c_data(c);
  e->f->fn((nr_call *)c);
}

static nr__host_module *arg_module(v8c_call *c) {
  v8c_value v = v8c_arg(c, 0);
  if (!v8c_is(v, V8C_STRING)) return NULL;
  char *name = v8c_to_utf8(v8c_call_env(c), v, NULL);
  nr__host_module *m = name ? find(nr__rt(c), name) : NULL;
  free(name);
  return m;
}

/* has(name) -> boolean */
static void has(v8c_call *c) { v8c_return_bool(c, arg_module(c) != NULL); }

/* load(name) -> an object of the module's functions */
static void load(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  nr__host_module *m = arg_module(c);
  if (!m) {
    v8c_throw_error(env, V8C_ERROR, "MODULE_NOT_FOUND", "No such host module");
    return;
  }
  v8c_value obj = v8c_object(env);
  for (size_t i = 0; i < m->count; i++) {
    v8c_value fn = v8c_function(env, m->entries[i].f->name, call_host,
                                &m->entries[i]);
    if (!fn || !v8c_set_named(env, obj, m->entries[i].f->name, fn)) return;
  }
  v8c_return(c, obj);
}

static const nr__method methods[] = {
    {"has", has},
    {"load", load},
    {NULL, NULL},
};

bool nr__binding_host(nr_runtime *rt, v8c_value target) {
  return nr__set_methods(rt->env, target, methods, NULL);
}

/* ---- The nr_call accessors -------------------------------------------- */

int nr_argc(nr_call *call) { return v8c_argc(VC(call)); }

nr_type nr_arg_type(nr_call *call, int i) {
  v8c_value v = v8c_arg(VC(call), i);
  if (v8c_is(v, V8C_UNDEFINED)) return NR_UNDEFINED;
  if (v8c_is(v, V8C_NULL)) return NR_NULL;
  if (v8c_is(v, V8C_BOOLEAN)) return NR_BOOLEAN;
  if (v8c_is(v, V8C_NUMBER)) return NR_NUMBER;
  if (v8c_is(v, V8C_STRING)) return NR_STRING;
  if (v8c_is(v, V8C_BIGINT)) return NR_BIGINT;
  if (v8c_is(v, V8C_SYMBOL)) return NR_SYMBOL;
  if (v8c_is(v, V8C_FUNCTION)) return NR_FUNCTION;
  return NR_OBJECT;
}

double nr_arg_number(nr_call *call, int i) {
  v8c_value v = v8c_arg(VC(call), i);
  return v8c_is(v, V8C_NUMBER) ? v8c_value_double(v) : 0.0 / 0.0;
}

int nr_arg_bool(nr_call *call, int i) {
  return v8c_to_bool(v8c_call_env(VC(call)), v8c_arg(VC(call), i));
}

char *nr_arg_string(nr_call *call, int i) {
  /* v8c_to_utf8 coerces like String(v) and throws for a symbol: NULL then
   * means the TypeError is pending, as the header says. */
  return v8c_to_utf8(v8c_call_env(VC(call)), v8c_arg(VC(call), i), NULL);
}

char *nr_arg_json(nr_call *call, int i) {
  v8c_env *env = v8c_call_env(VC(call));
  v8c_trycatch tc;
  v8c_try_begin(env, &tc);
  v8c_value s = v8c_json_stringify(env, v8c_arg(VC(call), i));
  char *out = s && v8c_is(s, V8C_STRING) ? v8c_to_utf8(env, s, NULL) : NULL;
  v8c_try_end(&tc);
  return out;
}

void *nr_call_data(nr_call *call) {
  const nr__host_entry *e = v8c_data(VC(call));
  return e->m->data;
}

nr_runtime *nr_call_runtime(nr_call *call) { return nr__rt(VC(call)); }

void nr_return_number(nr_call *call, double d) {
  v8c_return_double(VC(call), d);
}

void nr_return_bool(nr_call *call, int b) { v8c_return_bool(VC(call), b != 0); }

void nr_return_string(nr_call *call, const char *utf8) {
  v8c_return(VC(call), v8c_string(v8c_call_env(VC(call)), utf8, (size_t)-1));
}

void nr_return_json(nr_call *call, const char *json) {
  v8c_env *env = v8c_call_env(VC(call));
  v8c_value s = v8c_string(env, json, (size_t)-1);
  if (s) v8c_return(VC(call), v8c_json_parse(env, s));
}

void nr_throw_error(nr_call *call, const char *code, const char *message) {
  v8c_env *env = v8c_call_env(VC(call));
  v8c_throw(env, v8c_error(env, V8C_ERROR, code, message));
}
