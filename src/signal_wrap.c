/* signal_wrap.c — binding 'signal_wrap': a libuv signal watcher per signal
 * that JS listens to (process.on('SIGINT', ...)). */
#include <stdlib.h>

#include "internal.h"

typedef struct signal_wrap {
  nr__handle_wrap base;
  uv_signal_t handle;
  v8c_ref *object;
  v8c_ref *onsignal;
} signal_wrap;

static const int signal_tag = 0;

static void on_closed(uv_handle_t *h) {
  signal_wrap *w = h->data;
  v8c_ref_free(w->object);
  v8c_ref_free(w->onsignal);
  free(w);
}

static void close_wrap(nr__handle_wrap *base) {
  signal_wrap *w = (signal_wrap *)base;
  uv_close((uv_handle_t *)&w->handle, on_closed);
}

static void on_signal(uv_signal_t *h, int signum) {
  signal_wrap *w = h->data;
  nr_runtime *rt = w->base.rt;
  if (!rt || rt->stopping) return;
  v8c_env *env = rt->env;
  v8c_scope scope;
  v8c_scope_open(env, &scope);
  v8c_value fn = v8c_ref_get(env, w->onsignal);
  v8c_value arg = v8c_int32(env, signum);
  if (fn) nr__callback(rt, fn, v8c_ref_get(env, w->object), 1, &arg);
  v8c_scope_close(&scope);
}

/* start(signum, onsignal) -> handle; the watcher is unref'd, as in Node:
 * listening for a signal does not keep the process alive. */
static void start(v8c_call *c) {
  nr_runtime *rt = nr__rt(c);
  v8c_env *env = v8c_call_env(c);
  int64_t signum;
  if (!nr__arg_int(c, 0, "signal", 1, 64, &signum)) return;
  if (!v8c_is(v8c_arg(c, 1), V8C_FUNCTION)) {
    nr__throw_arg_type(env, "onsignal", "function");
    return;
  }
  signal_wrap *w = calloc(1, sizeof *w);
  if (!w) return;
  uv_signal_init(rt->loop, &w->handle);
  w->handle.data = w;
  int err = uv_signal_start(&w->handle, on_signal, (int)signum);
  if (err) {
    uv_close((uv_handle_t *)&w->handle, on_closed);
    nr__throw_uv(env, err, "uv_signal_start", NULL, NULL);
    return;
  }
  uv_unref((uv_handle_t *)&w->handle);
  v8c_value obj = v8c_wrap(env, &signal_tag, w, NULL, NULL);
  w->object = v8c_ref_new(env, obj);
  w->onsignal = v8c_ref_new(env, v8c_arg(c, 1));
  nr__wrap_track(rt, &w->base, close_wrap);
  v8c_return(c, obj);
}

/* stop(handle) */
static void stop(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  signal_wrap *w = v8c_unwrap(env, v8c_arg(c, 0), &signal_tag);
  if (!w) return;
  v8c_unwrap_clear(env, v8c_arg(c, 0));
  nr__wrap_untrack(&w->base);
  close_wrap(&w->base);
}

static const nr__method methods[] = {
    {"start", start},
    {"stop", stop},
    {NULL, NULL},
};

bool nr__binding_signal_wrap(nr_runtime *rt, v8c_value target) {
  return nr__set_methods(rt->env, target, methods, NULL);
}
