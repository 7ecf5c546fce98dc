/* task_queue.c — binding 'task_queue': what lib/internal/process/
 * task_queues.js and promises.js need from C (microtasks, the tick flags,
 * the promise-reject hook, and handing an error to the fatal path). */
#include "internal.h"

/* setup(processTicksAndRejections, promiseRejectHandler) -> Int32Array
 * tickInfo, whose slots JS sets when ticks or rejections are pending. */
static void setup(v8c_call *c) {
  nr_runtime *rt = nr__rt(c);
  v8c_env *env = v8c_call_env(c);
  if (!v8c_is(v8c_arg(c, 0), V8C_FUNCTION) ||
      !v8c_is(v8c_arg(c, 1), V8C_FUNCTION)) {
    nr__throw_arg_type(env, "callback", "function");
    return;
  }
  if (rt->tick_cb) {
    v8c_throw_error(env, V8C_ERROR, "ERR_INVALID_STATE",
                    "the task queue is already set up");
    return;
  }
  void *data;
  v8c_value ab = v8c_arraybuffer(env, NR_TICK_FIELDS * sizeof(int32_t), &data);
  if (!ab) return;
  rt->tick_cb = v8c_ref_new(env, v8c_arg(c, 0));
  rt->reject_cb = v8c_ref_new(env, v8c_arg(c, 1));
  rt->tick_info = data;
  rt->tick_info_ref = v8c_ref_new(env, ab);
  v8c_value ctor = v8c_get_named(env, v8c_global(env), "Int32Array");
  v8c_return(c, v8c_new_instance(env, ctor, 1, &ab));
}

static void run_microtasks(v8c_call *c) {
  v8c_microtasks_run(v8c_call_env(c));
}

static void enqueue_microtask(v8c_call *c) {
  v8c_value fn = v8c_arg(c, 0);
  if (!v8c_is(fn, V8C_FUNCTION)) {
    nr__throw_arg_type(v8c_call_env(c), "callback", "function");
    return;
  }
  v8c_microtask_enqueue(v8c_call_env(c), fn);
}

/* triggerUncaughtException(err, fromPromise): the error goes where an
 * uncaught exception goes. Returns when a handler took it; otherwise the
 * runtime stops and the JS stack unwinds. */
static void trigger_uncaught(v8c_call *c) {
  nr_runtime *rt = nr__rt(c);
  v8c_env *env = v8c_call_env(c);
  v8c_value err = v8c_arg(c, 0);
  bool from_promise = v8c_to_bool(env, v8c_arg(c, 1));
  /* The handler runs with no callback around it, like at the top level. */
  int depth = rt->callback_depth;
  rt->callback_depth = 0;
  nr__fatal(rt, err, v8c_exception_arrow(env, err), from_promise, false);
  rt->callback_depth = depth;
}

static const nr__method methods[] = {
    {"setup", setup},
    {"runMicrotasks", run_microtasks},
    {"enqueueMicrotask", enqueue_microtask},
    {"triggerUncaughtException", trigger_uncaught},
    {NULL, NULL},
};

static const nr__constant constants[] = {
    {"kHasTickScheduled", NR_TICK_SCHEDULED},
    {"kHasRejectionToWarn", NR_TICK_REJECTION},
    {"kPromiseRejectWithNoHandler", V8C_PROMISE_REJECT_NO_HANDLER},
    {"kPromiseHandlerAddedAfterReject",
     V8C_PROMISE_HANDLER_ADDED_AFTER_REJECT},
    {"kPromiseRejectAfterResolved", V8C_PROMISE_REJECT_AFTER_RESOLVED},
    {"kPromiseResolveAfterResolved", V8C_PROMISE_RESOLVE_AFTER_RESOLVED},
    {NULL, 0},
};

bool nr__binding_task_queue(nr_runtime *rt, v8c_value target) {
  return nr__set_methods(rt->env, target, methods, NULL) &&
         nr__set_constants(rt->env, target, constants);
}
