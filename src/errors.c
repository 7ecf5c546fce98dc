/* errors.c — the one way C turns a failure into a Node-style JS error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Node builds system errors in two places, each with its own order of
 * own properties (visible in util.inspect and Object.keys): its C++ side
 * (callbacks, most natives) sets errno, code, syscall; the JS side, which
 * fs's synchronous calls throw from, sets errno, syscall, code. path and
 * dest follow in both. */
static bool set_string(v8c_env *env, v8c_value obj, const char *name,
                       const char *s) {
  v8c_value v = v8c_string(env, s, (size_t)-1);
  return v && v8c_set_named(env, obj, name, v);
}

static v8c_value uv_error(v8c_env *env, int err, const char *syscall,
                          const char *path, const char *dest,
                          bool syscall_first) {
  const char *code = uv_err_name(err);
  char msg[4096];
  int n = snprintf(msg, sizeof msg, "%s: %s, %s", code, uv_strerror(err),
                   syscall);
  if (path && n < (int)sizeof msg)
    n += snprintf(msg + n, sizeof msg - n, " '%s'", path);
  if (dest && n < (int)sizeof msg)
    snprintf(msg + n, sizeof msg - n, " -> '%s'", dest);
  v8c_value e = v8c_error(env, V8C_ERROR, NULL, msg);
  if (!e) return NULL;
  v8c_value code_v = v8c_string(env, code, (size_t)-1);
  v8c_value syscall_v = v8c_string(env, syscall, (size_t)-1);
  if (!code_v || !syscall_v ||
      !v8c_set_named(env, e, "errno", v8c_int32(env, err)) ||
      !v8c_set_named(env, e, syscall_first ? "syscall" : "code",
                     syscall_first ? syscall_v : code_v) ||
      !v8c_set_named(env, e, syscall_first ? "code" : "syscall",
                     syscall_first ? code_v : syscall_v))
    return NULL;
  if (path && !set_string(env, e, "path", path)) return NULL;
  if (dest && !set_string(env, e, "dest", dest)) return NULL;
  return e;
}

v8c_value nr__uv_error(v8c_env *env, int err, const char *syscall,
                       const char *path, const char *dest) {
  return uv_error(env, err, syscall, path, dest, false);
}

v8c_value nr__uv_error_sync(v8c_env *env, int err, const char *syscall,
                            const char *path, const char *dest) {
  return uv_error(env, err, syscall, path, dest, true);
}

v8c_value nr__throw_uv(v8c_env *env, int err, const char *syscall,
                       const char *path, const char *dest) {
  v8c_value e = nr__uv_error(env, err, syscall, path, dest);
  return e ? v8c_throw(env, e) : NULL;
}

v8c_value nr__throw_uv_sync(v8c_env *env, int err, const char *syscall,
                            const char *path, const char *dest) {
  v8c_value e = nr__uv_error_sync(env, err, syscall, path, dest);
  return e ? v8c_throw(env, e) : NULL;
}

v8c_value nr__throw_arg_type(v8c_env *env, const char *name,
                             const char *expected) {
  return v8c_throw_error(env, V8C_TYPE_ERROR, "ERR_INVALID_ARG_TYPE",
                         "The \"%s\" argument must be of type %s", name,
                         expected);
}

char *nr__arg_string(v8c_call *c, int i, const char *name) {
  v8c_value v = v8c_arg(c, i);
  if (!v8c_is(v, V8C_STRING)) {
    nr__throw_arg_type(v8c_call_env(c), name, "string");
    return NULL;
  }
  return v8c_to_utf8(v8c_call_env(c), v, NULL);
}

bool nr__arg_int(v8c_call *c, int i, const char *name, int64_t min,
                 int64_t max, int64_t *out) {
  double d;
  if (!v8c_arg_number(c, i, &d)) {
    nr__throw_arg_type(v8c_call_env(c), name, "number");
    return false;
  }
  if (!(d >= (double)min && d <= (double)max) || d != (double)(int64_t)d) {
    v8c_throw_error(v8c_call_env(c), V8C_RANGE_ERROR, "ERR_OUT_OF_RANGE",
                    "The value of \"%s\" is out of range. It must be an "
                    "integer >= %lld and <= %lld. Received %g", name,
                    (long long)min, (long long)max, d);
    return false;
  }
  *out = (int64_t)d;
  return true;
}
