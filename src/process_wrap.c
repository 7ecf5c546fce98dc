/* process_wrap.c — binding 'process_wrap': child processes started with
 * uv_spawn and watched from the event loop (child_process.spawn).
 *
 * It also reads the spawn options that spawnSync shares (see
 * nr__spawn_options_parse): everything is checked before anything runs, so
 * wrong arguments throw and never start a program.
 *
 * Lifetime: spawn() returns a handle whose JS object is held strongly until
 * the child exits (its `onexit(exitStatus, termSignal)` property is called
 * then); JS closes the handle afterwards, and the struct is freed in the
 * uv_close callback. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* ---- Spawn options ---------------------------------------------------- */

/* A string without NUL bytes, malloc'd; throws otherwise. */
static char *plain_string(v8c_env *env, v8c_value v, const char *name) {
  if (!v || !v8c_is(v, V8C_STRING)) {
    nr__throw_arg_type(env, name, "string");
    return NULL;
  }
  size_t len;
  char *s = v8c_to_utf8(env, v, &len);
  if (s && strlen(s) != len) {
    free(s);
    v8c_throw_error(env, V8C_TYPE_ERROR, "ERR_INVALID_ARG_VALUE",
                    "The argument '%s' must be a string without null bytes",
                    name);
    return NULL;
  }
  return s;
}

static void free_strings(char **list) {
  if (!list) return;
  for (char **p = list; *p; p++) free(*p);
  free(list);
}

/* An array of plain strings as a NULL-terminated malloc'd list. */
static char **string_list(v8c_env *env, v8c_value arr, const char *name) {
  if (!v8c_is(arr, V8C_ARRAY)) {
    nr__throw_arg_type(env, name, "an instance of Array");
    return NULL;
  }
  uint32_t n = v8c_array_length(arr);
  if (n > 1u << 20) {
    v8c_throw_error(env, V8C_RANGE_ERROR, "ERR_OUT_OF_RANGE",
                    "The \"%s\" list is too long", name);
    return NULL;
  }
  char **list = calloc((size_t)n + 1, sizeof *list);
  if (!list) return NULL;
  for (uint32_t i = 0; i < n; i++) {
    list[i] = plain_string(env, v8c_get_index(env, arr, i), name);
    if (!list[i]) {
      free_strings(list);
      return NULL;
    }
  }
  return list;
}

/* An optional uid/gid: undefined leaves *set false. */
static bool opt_id(v8c_env *env, v8c_value opts, const char *name,
                   bool *set, uint32_t *out) {
  v8c_value v = v8c_get_named(env, opts, name);
  if (!v) return false;
  *set = false;
  if (v8c_is(v, V8C_UNDEFINED)) return true;
  if (!v8c_is(v, V8C_NUMBER)) {
    nr__throw_arg_type(env, name, "number");
    return false;
  }
  double d = v8c_value_double(v);
  if (!(d >= 0 && d <= 4294967295.0) || d != (double)(int64_t)d) {
    v8c_throw_error(env, V8C_RANGE_ERROR, "ERR_OUT_OF_RANGE",
                    "The value of \"%s\" is out of range.", name);
    return false;
  }
  *set = true;
  *out = (uint32_t)d;
  return true;
}

bool nr__spawn_options_parse(v8c_env *env, v8c_value opts,
                             nr__spawn_options *o) {
  memset(o, 0, sizeof *o);
  if (!v8c_is(opts, V8C_OBJECT)) {
    nr__throw_arg_type(env, "options", "object");
    return false;
  }
  v8c_value v;
  bool uid_set = false, gid_set = false;
  uint32_t uid = 0, gid = 0;
  if (!(v = v8c_get_named(env, opts, "file"))) goto fail;
  if (!(o->file = plain_string(env, v, "options.file"))) goto fail;
  if (!(v = v8c_get_named(env, opts, "args"))) goto fail;
  if (v8c_is(v, V8C_UNDEFINED)) {
    o->args = calloc(2, sizeof *o->args);
    if (!o->args || !(o->args[0] = strdup(o->file))) goto fail;
  } else if (!(o->args = string_list(env, v, "options.args"))) {
    goto fail;
  }
  if (!(v = v8c_get_named(env, opts, "cwd"))) goto fail;
  if (!v8c_is(v, V8C_NULL_OR_UNDEFINED) &&
      !(o->cwd = plain_string(env, v, "options.cwd")))
    goto fail;
  if (!(v = v8c_get_named(env, opts, "envPairs"))) goto fail;
  if (!v8c_is(v, V8C_NULL_OR_UNDEFINED) &&
      !(o->env = string_list(env, v, "options.envPairs")))
    goto fail;
  if (!opt_id(env, opts, "uid", &uid_set, &uid)) goto fail;
  if (!opt_id(env, opts, "gid", &gid_set, &gid)) goto fail;
  if (!(v = v8c_get_named(env, opts, "detached"))) goto fail;
  bool detached = v8c_to_bool(env, v);

  o->uv.file = o->file;
  o->uv.args = o->args;
  o->uv.cwd = o->cwd;
  o->uv.env = o->env;
  if (detached) o->uv.flags |= UV_PROCESS_DETACHED;
  if (uid_set) {
    o->uv.flags |= UV_PROCESS_SETUID;
    o->uv.uid = (uv_uid_t)uid;
  }
  if (gid_set) {
    o->uv.flags |= UV_PROCESS_SETGID;
    o->uv.gid = (uv_gid_t)gid;
  }
  return true;
fail:
  nr__spawn_options_free(o);
  return false;
}

void nr__spawn_options_free(nr__spawn_options *o) {
  free(o->file);
  free_strings(o->args);
  free(o->cwd);
  free_strings(o->env);
  memset(o, 0, sizeof *o);
}

/* ---- Process handles -------------------------------------------------- */

typedef struct process_wrap {
  nr__handle_wrap base;
  nr_runtime *rt;
  uv_process_t proc;
  v8c_ref *object;     /* strong until the child exits */
  v8c_ref *onclose;
  bool exited;
  bool closing;
} process_wrap;

static const int process_tag = 0;

static void on_closed(uv_handle_t *h) {
  process_wrap *p = h->data;
  nr_runtime *rt = p->rt;
  if (p->onclose && !rt->stopping) {
    v8c_env *env = rt->env;
    v8c_scope scope;
    v8c_scope_open(env, &scope);
    v8c_value fn = v8c_ref_get(env, p->onclose);
    v8c_value self = v8c_ref_get(env, p->object);
    if (fn) nr__callback(rt, fn, self ? self : v8c_undefined(env), 0, NULL);
    v8c_scope_close(&scope);
  }
  v8c_ref_free(p->object);
  v8c_ref_free(p->onclose);
  free(p);
}

static void close_process(nr__handle_wrap *base) {
  process_wrap *p = (process_wrap *)base;
  if (p->closing) return;
  p->closing = true;
  uv_close((uv_handle_t *)&p->proc, on_closed);
}

static void on_child_exit(uv_process_t *h, int64_t status, int signal) {
  process_wrap *p = h->data;
  nr_runtime *rt = p->rt;
  p->exited = true;
  if (rt->stopping || !p->object) return;
  v8c_env *env = rt->env;
  v8c_scope scope;
  v8c_scope_open(env, &scope);
  v8c_value self = v8c_ref_get(env, p->object);
  v8c_value fn = self ? v8c_get_named(env, self, "onexit") : NULL;
  v8c_value argv[2] = {v8c_number(env, (double)status),
                       v8c_int32(env, signal)};
  /* From now on only JS keeps the handle alive. */
  v8c_ref_weak(p->object, true);
  if (fn && v8c_is(fn, V8C_FUNCTION)) nr__callback(rt, fn, self, 2, argv);
  v8c_scope_close(&scope);
}

bool nr__stdio_parse(v8c_env *env, v8c_value opts, nr__stdio_pipe_fn pipe,
                     void *ctx, uv_stdio_container_t **out, int *count) {
  v8c_value arr = v8c_get_named(env, opts, "stdio");
  if (!arr) return false;
  if (!v8c_is(arr, V8C_ARRAY)) {
    nr__throw_arg_type(env, "options.stdio", "an instance of Array");
    return false;
  }
  uint32_t n = v8c_array_length(arr);
  if (n > 1024) {
    v8c_throw_error(env, V8C_RANGE_ERROR, "ERR_OUT_OF_RANGE",
                    "The \"options.stdio\" list is too long");
    return false;
  }
  uv_stdio_container_t *s = calloc(n ? n : 1, sizeof *s);
  if (!s) return false;
  for (uint32_t i = 0; i < n; i++) {
    v8c_value e = v8c_get_index(env, arr, i);
    if (!e) goto fail;
    if (!v8c_is(e, V8C_OBJECT)) {
      nr__throw_arg_type(env, "options.stdio[i]", "object");
      goto fail;
    }
    v8c_value t = v8c_get_named(env, e, "type");
    if (!t) goto fail;
    char *type = v8c_is(t, V8C_STRING) ? v8c_to_utf8(env, t, NULL) : NULL;
    if (!type) {
      nr__throw_arg_type(env, "options.stdio[i].type", "string");
      goto fail;
    }
    bool ok = true;
    if (strcmp(type, "ignore") == 0) {
      s[i].flags = UV_IGNORE;
    } else if (strcmp(type, "inherit") == 0) {
      s[i].flags = UV_INHERIT_FD;
      s[i].data.fd = (int)i;
    } else if (strcmp(type, "fd") == 0) {
      v8c_value fd = v8c_get_named(env, e, "fd");
      double d = fd && v8c_is(fd, V8C_NUMBER) ? v8c_value_double(fd) : -1;
      if (!(d >= 0 && d <= 2147483647.0) || d != (double)(int)d) {
        if (fd)
          v8c_throw_error(env, V8C_RANGE_ERROR, "ERR_INVALID_FD",
                          "\"fd\" must be a positive integer");
        ok = false;
      } else {
        s[i].flags = UV_INHERIT_FD;
        s[i].data.fd = (int)d;
      }
    } else if (strcmp(type, "pipe") == 0) {
      ok = pipe(env, e, i, n, &s[i], ctx);
    } else {
      v8c_throw_error(env, V8C_TYPE_ERROR, "ERR_INVALID_ARG_VALUE",
                      "The argument 'stdio' is invalid. Received '%s'", type);
      ok = false;
    }
    free(type);
    if (!ok) goto fail;
  }
  *out = s;
  *count = (int)n;
  return true;
fail:
  free(s);
  return false;
}

/* A { type: 'pipe', handle } entry of spawn(): the child gets the open
 * pipe_wrap handle. */
static bool handle_pipe(v8c_env *env, v8c_value entry, uint32_t i,
                        uint32_t n, uv_stdio_container_t *slot, void *ctx) {
  (void)i, (void)n, (void)ctx;
  v8c_value h = v8c_get_named(env, entry, "handle");
  uv_stream_t *st = h ? nr__pipe_stream(env, h) : NULL;
  if (!st) {
    if (h) nr__throw_arg_type(env, "options.stdio[i].handle", "Pipe");
    return false;
  }
  slot->flags = UV_CREATE_PIPE | UV_READABLE_PIPE | UV_WRITABLE_PIPE;
  slot->data.stream = st;
  return true;
}

/* spawn(options) -> a handle with `pid`, or a negative error number when
 * the child could not start (ENOENT, EACCES ...). Throws for invalid
 * options. */
static void spawn(v8c_call *c) {
  nr_runtime *rt = nr__rt(c);
  v8c_env *env = v8c_call_env(c);
  nr__spawn_options o;
  if (!nr__spawn_options_parse(env, v8c_arg(c, 0), &o)) return;
  int nstdio = 0;
  uv_stdio_container_t *stdio = NULL;
  process_wrap *p = nr__stdio_parse(env, v8c_arg(c, 0), handle_pipe, NULL,
                                    &stdio, &nstdio)
                        ? calloc(1, sizeof *p)
                        : NULL;
  v8c_value obj = p ? v8c_wrap(env, &process_tag, p, NULL, NULL) : NULL;
  if (!obj) {
    free(p);
    free(stdio);
    nr__spawn_options_free(&o);
    return;
  }
  o.uv.stdio = stdio;
  o.uv.stdio_count = nstdio;
  o.uv.exit_cb = on_child_exit;
  p->rt = rt;
  int err = uv_spawn(rt->loop, &p->proc, &o.uv);
  free(stdio);
  nr__spawn_options_free(&o);
  p->proc.data = p;
  if (err) {
    /* libuv wants even a failed process handle closed. */
    v8c_unwrap_clear(env, obj);
    p->closing = true;
    uv_close((uv_handle_t *)&p->proc, on_closed);
    return v8c_return_int(c, err);
  }
  p->object = v8c_ref_new(env, obj);
  nr__wrap_track(rt, &p->base, close_process);
  v8c_set_named(env, obj, "pid", v8c_int32(env, p->proc.pid));
  v8c_return(c, obj);
}

static process_wrap *arg_process(v8c_call *c) {
  process_wrap *p = v8c_unwrap(v8c_call_env(c), v8c_arg(c, 0), &process_tag);
  return p && !p->closing ? p : NULL;
}

/* kill(h, signal) -> 0 or a negative error */
static void kill_(v8c_call *c) {
  int64_t sig;
  if (!nr__arg_int(c, 1, "signal", 0, 64, &sig)) return;
  process_wrap *p = arg_process(c);
  if (!p) return v8c_return_int(c, UV_EBADF);
  if (p->exited) return v8c_return_int(c, UV_ESRCH);
  v8c_return_int(c, uv_process_kill(&p->proc, (int)sig));
}

/* close(h[, cb]) */
static void close_(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_value cb = v8c_arg(c, 1);
  if (!v8c_is(cb, V8C_FUNCTION) && !v8c_is(cb, V8C_UNDEFINED)) {
    nr__throw_arg_type(env, "callback", "function");
    return;
  }
  process_wrap *p = arg_process(c);
  if (!p) return;
  if (v8c_is(cb, V8C_FUNCTION)) p->onclose = v8c_ref_new(env, cb);
  v8c_unwrap_clear(env, v8c_arg(c, 0));
  nr__wrap_untrack(&p->base);
  v8c_ref_weak(p->object, false);  /* until the close callback */
  close_process(&p->base);
}

/* ref(h, bool) */
static void ref_(v8c_call *c) {
  process_wrap *p = arg_process(c);
  if (!p) return;
  if (v8c_to_bool(v8c_call_env(c), v8c_arg(c, 1)))
    uv_ref((uv_handle_t *)&p->proc);
  else
    uv_unref((uv_handle_t *)&p->proc);
}

/* hasRef(h) -> boolean */
static void has_ref(v8c_call *c) {
  process_wrap *p = arg_process(c);
  v8c_return_bool(c, p && uv_has_ref((uv_handle_t *)&p->proc));
}

static const nr__method methods[] = {
    {"close", close_},
    {"hasRef", has_ref},
    {"kill", kill_},
    {"ref", ref_},
    {"spawn", spawn},
    {NULL, NULL},
};

bool nr__binding_process_wrap(nr_runtime *rt, v8c_value target) {
  return nr__set_methods(rt->env, target, methods, NULL);
}
