/* timers.c — binding 'timers': one libuv timer under all JS timers, and the
 * check/idle pair that runs setImmediate callbacks.
 *
 * lib/internal/timers.js keeps the timers in a priority queue and tells us
 * when the earliest is due; processTimers(now) returns the next expiry in
 * loop milliseconds, negative when only unref'd timers remain, 0 for none. */
#include <math.h>

#include "internal.h"

static void on_timer(uv_timer_t *t);

/* Arms the libuv timer for the next expiry that processTimers reported,
 * unless the ticks that ran after it armed the timer for sooner (a timer
 * set from process.nextTick). Whether the timer keeps the loop alive is
 * JS's to say (toggleTimerRef), from its count of ref'd timers. */
static void schedule(nr_runtime *rt, double next) {
  if (next == 0) return;
  double due = fabs(next);
  double now = (double)uv_now(rt->loop);
  uint64_t delay = due > now ? (uint64_t)(due - now) : 1;
  if (uv_is_active((uv_handle_t *)&rt->timer) &&
      uv_timer_get_due_in(&rt->timer) <= delay)
    return;
  uv_timer_start(&rt->timer, on_timer, delay, 0);
}

static void on_timer(uv_timer_t *t) {
  nr_runtime *rt = t->data;
  v8c_env *env = rt->env;
  v8c_scope scope;
  v8c_scope_open(env, &scope);
  v8c_value fn = v8c_ref_get(env, rt->timers_cb);
  /* A callback that throws leaves the remaining timers queued: once the
   * exception is handled ('uncaughtException'), we go on with them. */
  v8c_value r = NULL;
  do {
    if (!fn) break;
    v8c_value now = v8c_number(env, (double)uv_now(rt->loop));
    r = nr__callback(rt, fn, v8c_undefined(env), 1, &now);
  } while (!r && !rt->stopping);
  if (r && !rt->stopping) schedule(rt, v8c_value_double(r));
  v8c_scope_close(&scope);
}

static void on_check(uv_check_t *h) {
  nr_runtime *rt = h->data;
  if (!rt->immediate_info) return;
  if (rt->immediate_info[NR_IMM_COUNT] == 0) {
    /* Nothing queued: the idle handle must not keep the loop spinning. */
    if (rt->immediate_info[NR_IMM_REF_COUNT] == 0)
      uv_idle_stop(&rt->immediate_idle);
    return;
  }
  v8c_env *env = rt->env;
  v8c_scope scope;
  v8c_scope_open(env, &scope);
  v8c_value fn = v8c_ref_get(env, rt->immediate_cb);
  v8c_value r = NULL;
  do {
    if (!fn) break;
    r = nr__callback(rt, fn, v8c_undefined(env), 0, NULL);
  } while (!r && !rt->stopping);
  v8c_scope_close(&scope);
  if (!rt->stopping && rt->immediate_info[NR_IMM_REF_COUNT] == 0)
    uv_idle_stop(&rt->immediate_idle);
}

/* The idle handle does nothing: while active it keeps uv_run from blocking
 * in poll, so pending immediates run on this turn. */
static void on_idle(uv_idle_t *h) { (void)h; }

void nr__timers_init(nr_runtime *rt) {
  uv_timer_init(rt->loop, &rt->timer);
  uv_check_init(rt->loop, &rt->immediate_check);
  uv_idle_init(rt->loop, &rt->immediate_idle);
  rt->timer.data = rt->immediate_check.data = rt->immediate_idle.data = rt;
  uv_unref((uv_handle_t *)&rt->timer);
  uv_check_start(&rt->immediate_check, on_check);
  uv_unref((uv_handle_t *)&rt->immediate_check);
  rt->handles_open = 3;
}

void nr__timers_close(nr_runtime *rt) {
  uv_close((uv_handle_t *)&rt->timer, nr__on_handle_closed);
  uv_close((uv_handle_t *)&rt->immediate_check, nr__on_handle_closed);
  uv_close((uv_handle_t *)&rt->immediate_idle, nr__on_handle_closed);
}

/* setup(processTimers, processImmediate) -> Uint32Array immediateInfo */
static void setup(v8c_call *c) {
  nr_runtime *rt = nr__rt(c);
  v8c_env *env = v8c_call_env(c);
  if (!v8c_is(v8c_arg(c, 0), V8C_FUNCTION) ||
      !v8c_is(v8c_arg(c, 1), V8C_FUNCTION)) {
    nr__throw_arg_type(env, "callback", "function");
    return;
  }
  if (rt->timers_cb) {
    v8c_throw_error(env, V8C_ERROR, "ERR_INVALID_STATE",
                    "timers are already set up");
    return;
  }
  rt->timers_cb = v8c_ref_new(env, v8c_arg(c, 0));
  rt->immediate_cb = v8c_ref_new(env, v8c_arg(c, 1));
  void *data;
  v8c_value ab = v8c_arraybuffer(env, NR_IMM_FIELDS * sizeof(uint32_t), &data);
  if (!ab) return;
  rt->immediate_info = data;
  rt->immediate_info_ref = v8c_ref_new(env, ab);
  v8c_value global = v8c_global(env);
  v8c_value ctor = v8c_get_named(env, global, "Uint32Array");
  v8c_return(c, v8c_new_instance(env, ctor, 1, &ab));
}

/* scheduleTimer(msFromNow) */
static void schedule_timer(v8c_call *c) {
  nr_runtime *rt = nr__rt(c);
  double ms = v8c_value_double(v8c_arg(c, 0));
  if (!(ms >= 1)) ms = 1;
  if (ms > 2147483647.0) ms = 2147483647.0;
  uv_timer_start(&rt->timer, on_timer, (uint64_t)ms, 0);
}

/* toggleTimerRef(bool) */
static void toggle_timer_ref(v8c_call *c) {
  nr_runtime *rt = nr__rt(c);
  if (v8c_to_bool(v8c_call_env(c), v8c_arg(c, 0)))
    uv_ref((uv_handle_t *)&rt->timer);
  else
    uv_unref((uv_handle_t *)&rt->timer);
}

/* toggleImmediateRef(bool): keeps the loop turning while ref'd immediates
 * are pending. */
static void toggle_immediate_ref(v8c_call *c) {
  nr_runtime *rt = nr__rt(c);
  if (v8c_to_bool(v8c_call_env(c), v8c_arg(c, 0)))
    uv_idle_start(&rt->immediate_idle, on_idle);
  else
    uv_idle_stop(&rt->immediate_idle);
}

/* getLibuvNow() -> the loop's time in ms, brought up to date first: a timer
 * set after a long synchronous stretch counts from now, not from the start
 * of the loop turn. */
static void get_libuv_now(v8c_call *c) {
  uv_loop_t *loop = nr__rt(c)->loop;
  uv_update_time(loop);
  v8c_return_double(c, (double)uv_now(loop));
}

static const nr__method methods[] = {
    {"setup", setup},
    {"scheduleTimer", schedule_timer},
    {"toggleTimerRef", toggle_timer_ref},
    {"toggleImmediateRef", toggle_immediate_ref},
    {"getLibuvNow", get_libuv_now},
    {NULL, NULL},
};

bool nr__binding_timers(nr_runtime *rt, v8c_value target) {
  return nr__set_methods(rt->env, target, methods, NULL);
}
