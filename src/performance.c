/* performance.c — binding 'performance': what perf_hooks needs from the
 * loop (the idle time libuv measures; runtime.c turns that measuring on
 * with UV_METRICS_IDLE_TIME when it makes its loop). */
#include "internal.h"

/* loopIdleTime() -> ms the loop spent waiting for events so far */
static void loop_idle_time(v8c_call *c) {
  nr_runtime *rt = nr__rt(c);
  v8c_return_double(c, (double)uv_metrics_idle_time(rt->loop) / 1e6);
}

static const nr__method methods[] = {
    {"loopIdleTime", loop_idle_time},
    {NULL, NULL},
};

bool nr__binding_performance(nr_runtime *rt, v8c_value target) {
  return nr__set_methods(rt->env, target, methods, NULL);
}
