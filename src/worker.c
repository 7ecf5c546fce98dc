/* worker.c — binding 'worker': threads that each run a runtime of their
 * own (worker_threads.Worker).
 *
 * A worker is a thread with its own loop and its own isolate, sized by the
 * parent's resourceLimits; libuv's threadpool is the process's, shared.
 * The parent and the worker talk through two message channels made here
 * (src/messaging.c): the public one (worker.postMessage / parentPort) and
 * an internal one that carries the start-up data, 'online', stdio and
 * uncaught errors (lib/internal/worker.js, lib/internal/worker/main.js).
 * Besides the channels, three things cross threads, all under the worker's
 * lock: the parent asks the worker to stop (terminate()), the worker
 * reports that it finished, and the worker's env while JS may run in it
 * (so that terminate() can interrupt even `while (true) {}`).
 *
 * Lifetime: the parent's JS object wraps the struct. The thread is joined
 * on the parent's loop once it said it finished, or at the parent's
 * teardown after being told to stop; the struct is freed when the parent's
 * uv_async_t has closed, which is after the join. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct nr__worker {
  nr__handle_wrap base;       /* on the parent's runtime */
  uv_async_t async;           /* parent loop: the worker finished */
  uv_async_t stop_async;      /* worker loop: stop now */
  uv_thread_t thread;
  uv_mutex_t lock;
  nr_runtime *parent;
  v8c_ref *object;            /* the parent's handle object */
  v8c_ref *onexit;            /* onexit(code, outOfMemory), this = handle */
  int64_t thread_id;
  char **argv;                /* the worker's command line, for its cli */
  int argc;
  v8c_env_limits limits;
  double reported[4];         /* resourceLimits as JS reads them */
  nr__port_token *child_public, *child_internal; /* until the worker
                                                    takes them */
  bool started, joined, closing;
  /* Under the lock: */
  v8c_env *child_env;         /* set while JS may run in the worker */
  bool stop_ready;            /* stop_async exists */
  bool stop_requested;
  bool exited;
  bool out_of_memory;
  int exit_code;
};

static const int worker_tag = 0;

static int64_t next_thread_id(void) {
  static int64_t counter;
  return __atomic_add_fetch(&counter, 1, __ATOMIC_SEQ_CST);
}

/* ---- The worker's thread ---------------------------------------------- */

/* Runs on the worker's thread: the parent asked it to stop. */
static void on_stop_request(uv_async_t *a) {
  nr_runtime *rt = a->data;
  nr__stop(rt, 1);
}

static void on_heap_limit(v8c_env *env) {
  nr_runtime *rt = v8c_env_data(env);
  nr__worker *w = rt->worker;
  uv_mutex_lock(&w->lock);
  w->out_of_memory = true;
  uv_mutex_unlock(&w->lock);
  nr__stop(rt, 1);
}

/* Makes a terminate() request take effect (exit code 1). */
static void check_stop(nr__worker *w, nr_runtime *rt) {
  uv_mutex_lock(&w->lock);
  bool stop = w->stop_requested;
  uv_mutex_unlock(&w->lock);
  if (stop) nr__stop(rt, 1);
}

static void run_worker(nr_runtime *rt) {
  v8c_env *env = rt->env;
  v8c_scope scope;
  v8c_scope_open(env, &scope);
  v8c_value hooks = v8c_ref_get(env, rt->bootstrap);
  v8c_value fn = hooks ? v8c_get_named(env, hooks, "runWorker") : NULL;
  if (fn && v8c_is(fn, V8C_FUNCTION))
    nr__callback(rt, fn, v8c_undefined(env), 0, NULL);
  v8c_scope_close(&scope);
}

static void worker_main(void *arg) {
  nr__worker *w = arg;
  int code = 1;
  nr_runtime *rt =
      nr__runtime_new_worker(w, w->argc, w->argv, &w->limits);
  if (rt) {
    bool ok = uv_async_init(rt->loop, &w->stop_async, on_stop_request) == 0;
    if (ok) {
      w->stop_async.data = rt;
      uv_unref((uv_handle_t *)&w->stop_async);
    }
    v8c_on_heap_limit(rt->env, on_heap_limit);
    uv_mutex_lock(&w->lock);
    w->child_env = rt->env;
    w->stop_ready = ok;
    bool stop = w->stop_requested || !ok;
    uv_mutex_unlock(&w->lock);
    if (stop) nr__stop(rt, 1);
    else run_worker(rt);
    /* stop_async is unref'd: a loop with nothing else to do may end
     * before it runs, so the request is checked here too. */
    check_stop(w, rt);
    nr_loop_run(rt, NR_RUN_DEFAULT);
    check_stop(w, rt);
    uv_mutex_lock(&w->lock);
    w->child_env = NULL;
    w->stop_ready = false;
    uv_mutex_unlock(&w->lock);
    if (ok) uv_close((uv_handle_t *)&w->stop_async, NULL);
    code = nr_runtime_free(rt);
  }
  uv_mutex_lock(&w->lock);
  w->exited = true;
  w->exit_code = code;
  uv_async_send(&w->async);
  uv_mutex_unlock(&w->lock);
}

/* ---- The parent's side ------------------------------------------------ */

static void free_worker(nr__worker *w) {
  nr__port_token_free(w->child_public);
  nr__port_token_free(w->child_internal);
  for (int i = 0; i < w->argc; i++) free(w->argv[i]);
  free(w->argv);
  v8c_ref_free(w->object);
  v8c_ref_free(w->onexit);
  uv_mutex_destroy(&w->lock);
  free(w);
}

static void on_async_closed(uv_handle_t *h) { free_worker(h->data); }

/* Asks the worker to stop; it may already be on its way out. */
static void request_stop(nr__worker *w) {
  uv_mutex_lock(&w->lock);
  w->stop_requested = true;
  if (w->child_env) v8c_terminate(w->child_env);
  if (w->stop_ready) uv_async_send(&w->stop_async);
  uv_mutex_unlock(&w->lock);
}

static void join(nr__worker *w) {
  if (w->started && !w->joined) {
    uv_thread_join(&w->thread);
    w->joined = true;
  }
}

/* Teardown of the parent (or close()): stop, join, free. */
static void close_worker(nr__handle_wrap *base) {
  nr__worker *w = (nr__worker *)base;
  if (w->closing) return;
  w->closing = true;
  request_stop(w);
  join(w);
  uv_close((uv_handle_t *)&w->async, on_async_closed);
}

static void on_exit_async(uv_async_t *a) {
  nr__worker *w = a->data;
  uv_mutex_lock(&w->lock);
  bool exited = w->exited;
  bool oom = w->out_of_memory;
  int code = w->exit_code;
  uv_mutex_unlock(&w->lock);
  if (!exited || w->joined || w->closing) return;
  join(w);
  /* Nothing is left to wait for, whatever JS does with the handle. */
  uv_unref((uv_handle_t *)&w->async);
  nr_runtime *rt = w->base.rt;
  if (!rt || rt->stopping) return;
  v8c_env *env = rt->env;
  v8c_scope scope;
  v8c_scope_open(env, &scope);
  v8c_value self = v8c_ref_get(env, w->object);
  v8c_value fn = v8c_ref_get(env, w->onexit);
  v8c_value argv[2] = {v8c_int32(env, code), v8c_bool(env, oom)};
  if (self && fn) nr__callback(rt, fn, self, 2, argv);
  v8c_scope_close(&scope);
}

/* Reads resourceLimits [young, old, codeRange, stack] (MiB; <= 0 or absent
 * for V8's default). */
static bool read_limits(v8c_env *env, v8c_value arr, nr__worker *w) {
  double v[4] = {0, 0, 0, 4};
  if (v8c_is(arr, V8C_ARRAY)) {
    for (uint32_t i = 0; i < 4 && i < v8c_array_length(arr); i++) {
      v8c_value x = v8c_get_index(env, arr, i);
      if (!x) return false;
      if (v8c_is(x, V8C_NUMBER) && v8c_value_double(x) > 0)
        v[i] = v8c_value_double(x);
    }
  }
  if (v[3] > 1024) v[3] = 1024;
  uint64_t total = uv_get_total_memory();
  double young, old;
  v8c_env_default_limits(total, &young, &old);
  w->limits = (v8c_env_limits){v[0], v[1], v[2], v[3], total};
  w->reported[0] = v[0] > 0 ? v[0] : young;
  w->reported[1] = v[1] > 0 ? v[1] : old;
  w->reported[2] = v[2];
  w->reported[3] = v[3];
  return true;
}

/* The worker's command line: the executable and its execArgv. */
static bool read_argv(v8c_env *env, nr_runtime *rt, v8c_value arr,
                      nr__worker *w) {
  uint32_t n = v8c_is(arr, V8C_ARRAY) ? v8c_array_length(arr) : 0;
  if (n > 4096) n = 4096;
  w->argv = calloc(n + 2, sizeof *w->argv);
  if (!w->argv) return false;
  w->argv[w->argc++] = strdup(rt->exec_path);
  for (uint32_t i = 0; i < n; i++) {
    v8c_value x = v8c_get_index(env, arr, i);
    if (!x) return false;
    if (!v8c_is(x, V8C_STRING)) {
      nr__throw_arg_type(env, "execArgv", "string[]");
      return false;
    }
    char *s = v8c_to_utf8(env, x, NULL);
    if (!s) return false;
    w->argv[w->argc++] = s;
  }
  for (int i = 0; i < w->argc; i++)
    if (!w->argv[i]) return false;
  return true;
}

/* create(onexit, execArgv, resourceLimits)
 *   -> [handle, publicPort, internalPort, threadId, resourceLimits]
 * Its ports' handles are the parent's ends. The thread starts with
 * start(), once the parent has posted the start-up data the worker reads
 * first thing. */
static void create(v8c_call *c) {
  nr_runtime *rt = nr__rt(c);
  v8c_env *env = v8c_call_env(c);
  if (!v8c_is(v8c_arg(c, 0), V8C_FUNCTION)) {
    nr__throw_arg_type(env, "onexit", "function");
    return;
  }
  nr__worker *w = calloc(1, sizeof *w);
  if (!w || uv_mutex_init(&w->lock) != 0) {
    free(w);
    v8c_throw_error(env, V8C_ERROR, "ERR_MEMORY_ALLOCATION_FAILED",
                    "Failed to allocate memory");
    return;
  }
  if (!read_limits(env, v8c_arg(c, 2), w) ||
      !read_argv(env, rt, v8c_arg(c, 1), w) ||
      uv_async_init(rt->loop, &w->async, on_exit_async) != 0) {
    if (!v8c_is_terminating(env))
      v8c_throw_error(env, V8C_ERROR, "ERR_WORKER_INIT_FAILED",
                      "Worker initialization failure");
    free_worker(w);
    return;
  }
  w->async.data = w;
  w->parent = rt;
  w->thread_id = next_thread_id();
  nr__wrap_track(rt, &w->base, close_worker);
  /* From here on the wrap owns w: failures close it. */
  v8c_value handle = v8c_wrap(env, &worker_tag, w, NULL, NULL);
  if (!handle) {
    nr__wrap_untrack(&w->base);
    close_worker(&w->base);
    return;
  }
  w->object = v8c_ref_new(env, handle);
  w->onexit = v8c_ref_new(env, v8c_arg(c, 0));
  v8c_value pub = nr__channel_open(rt, &w->child_public);
  v8c_value internal = pub ? nr__channel_open(rt, &w->child_internal) : NULL;
  if (!internal) return;  /* the wrap is closed at teardown */
  v8c_value limits = v8c_array(env, 4);
  for (uint32_t i = 0; i < 4; i++)
    v8c_set_index(env, limits, i, v8c_number(env, w->reported[i]));
  v8c_value out = v8c_array(env, 5);
  v8c_set_index(env, out, 0, handle);
  v8c_set_index(env, out, 1, pub);
  v8c_set_index(env, out, 2, internal);
  v8c_set_index(env, out, 3, v8c_number(env, (double)w->thread_id));
  v8c_set_index(env, out, 4, limits);
  v8c_return(c, out);
}

static nr__worker *arg_worker(v8c_call *c) {
  nr__worker *w = v8c_unwrap(v8c_call_env(c), v8c_arg(c, 0), &worker_tag);
  return w && !w->closing ? w : NULL;
}

/* start(handle): runs the worker's thread. */
static void start(v8c_call *c) {
  nr__worker *w = arg_worker(c);
  if (!w || w->started) return;
  uv_thread_options_t opts = {UV_THREAD_HAS_STACK_SIZE,
                              (size_t)(w->limits.stack_mb * 1024 * 1024)};
  int err = uv_thread_create_ex(&w->thread, &opts, worker_main, w);
  if (err != 0) {
    v8c_throw_error(v8c_call_env(c), V8C_ERROR, "ERR_WORKER_INIT_FAILED",
                    "Worker initialization failure: %s", uv_strerror(err));
    return;
  }
  w->started = true;
}

/* terminate(handle): stops the worker; 'exit' follows from the loop. */
static void terminate(v8c_call *c) {
  nr__worker *w = arg_worker(c);
  if (w) request_stop(w);
}

/* ref(handle, bool): whether the worker keeps the parent's loop alive. */
static void ref(v8c_call *c) {
  nr__worker *w = arg_worker(c);
  if (!w) return;
  if (v8c_to_bool(v8c_call_env(c), v8c_arg(c, 1)))
    uv_ref((uv_handle_t *)&w->async);
  else
    uv_unref((uv_handle_t *)&w->async);
}

/* close(handle): after 'exit', frees the worker. */
static void close_(v8c_call *c) {
  nr__worker *w = arg_worker(c);
  if (!w) return;
  v8c_unwrap_clear(v8c_call_env(c), v8c_arg(c, 0));
  nr__wrap_untrack(&w->base);
  close_worker(&w->base);
}

/* workerInfo() -> undefined on the main thread; in a worker, once:
 *   [threadId, publicPort, internalPort, resourceLimits] */
static void worker_info(v8c_call *c) {
  nr_runtime *rt = nr__rt(c);
  v8c_env *env = v8c_call_env(c);
  nr__worker *w = rt->worker;
  if (!w || !w->child_public || !w->child_internal) return;
  v8c_value pub = nr__port_adopt(rt, w->child_public);
  w->child_public = NULL;
  if (!pub) return;
  v8c_value internal = nr__port_adopt(rt, w->child_internal);
  w->child_internal = NULL;
  if (!internal) return;
  v8c_value limits = v8c_array(env, 4);
  for (uint32_t i = 0; i < 4; i++)
    v8c_set_index(env, limits, i, v8c_number(env, w->reported[i]));
  v8c_value out = v8c_array(env, 4);
  v8c_set_index(env, out, 0, v8c_number(env, (double)w->thread_id));
  v8c_set_index(env, out, 1, pub);
  v8c_set_index(env, out, 2, internal);
  v8c_set_index(env, out, 3, limits);
  v8c_return(c, out);
}

/* stopNow() -> true when this runtime is stopping (process.exit()): the
 * termination of its JS is then (again) requested, to take effect at the
 * caller's next interrupt check. */
static void stop_now(v8c_call *c) {
  nr_runtime *rt = nr__rt(c);
  if (rt->stopping) v8c_terminate(rt->env);
  v8c_return_bool(c, rt->stopping);
}

static const nr__method methods[] = {
    {"create", create},
    {"start", start},
    {"stopNow", stop_now},
    {"terminate", terminate},
    {"ref", ref},
    {"close", close_},
    {"workerInfo", worker_info},
    {NULL, NULL},
};

bool nr__binding_worker(nr_runtime *rt, v8c_value target) {
  v8c_env *env = rt->env;
  if (!v8c_set_named(env, target, "isMainThread",
                     v8c_bool(env, rt->worker == NULL)))
    return false;
  return nr__set_methods(env, target, methods, NULL);
}
