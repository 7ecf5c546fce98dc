/* async_wrap.c — binding 'async_wrap': what lib/internal/async_hooks.js
 * needs from C, V8's promise hooks (so async context follows promise
 * reactions and `await`). */
#include "internal.h"

/* setPromiseHooks(init, before, after, resolve): each a function or
 * undefined; all undefined turns the hooks off. */
static void set_promise_hooks(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_value fns[4];
  for (int i = 0; i < 4; i++) {
    fns[i] = v8c_arg(c, i);
    if (!v8c_is(fns[i], V8C_UNDEFINED) && !v8c_is(fns[i], V8C_FUNCTION)) {
      nr__throw_arg_type(env, "hook", "function");
      return;
    }
  }
  v8c_set_promise_hooks(env, fns[0], fns[1], fns[2], fns[3]);
}

static const nr__method methods[] = {
    {"setPromiseHooks", set_promise_hooks},
    {NULL, NULL},
};

bool nr__binding_async_wrap(nr_runtime *rt, v8c_value target) {
  return nr__set_methods(rt->env, target, methods, NULL);
}
