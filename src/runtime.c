/*
 * runtime.c — one runtime: an isolate and context (v8c), a libuv loop, the
 * JS bootstrap, and the rules that tie them together: what runs after every
 * callback (nextTick, then microtasks), what happens to an exception nothing
 * caught, and how the loop ends ('beforeExit', 'exit', the exit code).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "builtins.h"
#include "internal.h"

/* ---- Handle wraps ----------------------------------------------------- */

void nr__wrap_track(nr_runtime *rt, nr__handle_wrap *w,
                    void (*close)(nr__handle_wrap *w)) {
  w->rt = rt;
  w->close = close;
  w->prev = NULL;
  w->next = rt->wraps;
  if (rt->wraps) rt->wraps->prev = w;
  rt->wraps = w;
}

void nr__wrap_untrack(nr__handle_wrap *w) {
  if (!w->rt) return;
  if (w->prev) w->prev->next = w->next; else w->rt->wraps = w->next;
  if (w->next) w->next->prev = w->prev;
  w->rt = NULL;
}

void nr__on_handle_closed(uv_handle_t *h) {
  nr_runtime *rt = h->data;
  rt->handles_open--;
}

/* ---- Calling JS from the loop ----------------------------------------- */

/* Last resort when JS cannot report an error itself (bootstrap failed, or
 * the uncaught-exception handler threw): print what we have. */
static void print_raw(nr_runtime *rt, v8c_value exc, v8c_value arrow) {
  v8c_env *env = rt->env;
  v8c_trycatch tc;
  v8c_try_begin(env, &tc);
  char *a = arrow ? v8c_to_utf8(env, arrow, NULL) : NULL;
  v8c_value stack = v8c_is(exc, V8C_OBJECT)
                        ? v8c_get_named(env, exc, "stack") : NULL;
  if (!stack || v8c_is(stack, V8C_UNDEFINED)) stack = exc;
  char *s = v8c_to_utf8(env, stack, NULL);
  fprintf(stderr, "%s\n%s\n\nNode.js %s\n", a ? a : "",
          s ? s : "(exception could not be printed)", NR_NODE_VERSION);
  free(a);
  free(s);
  v8c_try_end(&tc);
}

void nr__stop(nr_runtime *rt, int exit_code) {
  if (rt->stopping) return;
  rt->stopping = true;
  rt->exit_code = exit_code;
  uv_stop(rt->loop);
  /* Unwinds any JS on the stack now and keeps more from running. */
  v8c_terminate(rt->env);
}

bool nr__fatal(nr_runtime *rt, v8c_value exc, v8c_value arrow,
               bool from_promise, bool unwound) {
  v8c_env *env = rt->env;
  if (rt->stopping) return false;
  v8c_value hooks = v8c_ref_get(env, rt->bootstrap);
  v8c_value on_fatal = hooks ? v8c_get_named(env, hooks, "onFatal") : NULL;
  if (!on_fatal || !v8c_is(on_fatal, V8C_FUNCTION)) {
    print_raw(rt, exc, arrow);
    nr__stop(rt, 1);
    return false;
  }
  v8c_value argv[4] = {exc, arrow ? arrow : v8c_undefined(env),
                       v8c_bool(env, from_promise), v8c_bool(env, unwound)};
  v8c_trycatch tc;
  v8c_try_begin(env, &tc);
  rt->callback_depth++;
  v8c_value r = v8c_call_fn(env, on_fatal, v8c_undefined(env), 4, argv);
  rt->callback_depth--;
  if (!r) {
    if (!v8c_try_terminated(&tc) && !rt->stopping) {
      /* The handler itself threw: Node exits with 7. */
      v8c_value e = v8c_try_exception(&tc);
      print_raw(rt, e, v8c_try_arrow(env, &tc));
      nr__stop(rt, 7);
    }
    v8c_try_end(&tc);
    return false;
  }
  v8c_try_end(&tc);
  if (v8c_is(r, V8C_BOOLEAN) && v8c_to_bool(env, r)) return true;
  rt->exit_emitted = true;
  nr__stop(rt, v8c_is(r, V8C_NUMBER) ? (int)v8c_value_int64(r) : 1);
  return false;
}

/* Runs processTicksAndRejections until it finishes without throwing. */
static void run_ticks(nr_runtime *rt) {
  v8c_env *env = rt->env;
  while (!rt->stopping) {
    v8c_value tick = v8c_ref_get(env, rt->tick_cb);
    if (!tick) {
      v8c_microtasks_run(env);
      return;
    }
    v8c_trycatch tc;
    v8c_try_begin(env, &tc);
    v8c_value r = v8c_call_fn(env, tick, v8c_undefined(env), 0, NULL);
    if (r || v8c_try_terminated(&tc)) {
      v8c_try_end(&tc);
      return;
    }
    v8c_value exc = v8c_try_exception(&tc);
    v8c_value arrow = v8c_try_arrow(env, &tc);
    v8c_try_reset(&tc);
    bool handled = nr__fatal(rt, exc, arrow, false, rt->callback_depth == 0);
    v8c_try_end(&tc);
    if (!handled) return;
  }
}

void nr__drain_ticks(nr_runtime *rt) {
  if (rt->callback_depth > 0 || rt->stopping) return;
  if (!rt->tick_info) {  /* before the task queue is set up */
    v8c_microtasks_run(rt->env);
    return;
  }
  if (!rt->tick_info[NR_TICK_SCHEDULED] && !rt->tick_info[NR_TICK_REJECTION]) {
    v8c_microtasks_run(rt->env);
    if (!rt->tick_info[NR_TICK_SCHEDULED] &&
        !rt->tick_info[NR_TICK_REJECTION])
      return;
  }
  run_ticks(rt);
}

/* After each loop turn's I/O: the tasks V8 posted meanwhile (a GC posts
 * FinalizationRegistry cleanups), then the ticks and microtasks they
 * queued. The handle is unreferenced: such tasks never keep a process
 * alive, as in Node. */
static void on_platform_check(uv_check_t *h) {
  nr_runtime *rt = h->data;
  if (rt->stopping) return;
  v8c_scope scope;
  v8c_scope_open(rt->env, &scope);
  if (v8c_run_platform_tasks(rt->env)) nr__drain_ticks(rt);
  v8c_scope_close(&scope);
}

void nr__callback_begin(nr_runtime *rt, v8c_trycatch *tc) {
  v8c_try_begin(rt->env, tc);
  rt->callback_depth++;
}

void nr__callback_end(nr_runtime *rt, v8c_trycatch *tc, bool ok) {
  rt->callback_depth--;
  if (!ok && !v8c_try_terminated(tc)) {
    v8c_value exc = v8c_try_exception(tc);
    v8c_value arrow = v8c_try_arrow(rt->env, tc);
    v8c_try_reset(tc);
    nr__fatal(rt, exc, arrow, false, rt->callback_depth == 0);
  }
  v8c_try_end(tc);
  /* As in Node, a callback that threw does not run the tick queue: the
   * caller may go on with the rest of its batch (the immediates queued
   * with it) first; the handler of the error scheduled an immediate, so
   * the ticks run soon in any case. */
  if (ok) nr__drain_ticks(rt);
}

v8c_value nr__callback(nr_runtime *rt, v8c_value fn, v8c_value recv, int argc,
                       v8c_value *argv) {
  if (rt->stopping) return NULL;
  v8c_trycatch tc;
  nr__callback_begin(rt, &tc);
  v8c_value r = v8c_call_fn(rt->env, fn, recv, argc, argv);
  nr__callback_end(rt, &tc, r != NULL);
  return r;
}

/* Calls bootstrap export `name` with the given arguments as a callback. */
static v8c_value call_hook(nr_runtime *rt, const char *name, int argc,
                           v8c_value *argv) {
  v8c_env *env = rt->env;
  v8c_value hooks = v8c_ref_get(env, rt->bootstrap);
  v8c_value fn = hooks ? v8c_get_named(env, hooks, name) : NULL;
  if (!fn) return NULL;
  return nr__callback(rt, fn, v8c_undefined(env), argc, argv);
}

/* ---- Promise rejections ----------------------------------------------- */

/* V8 tells us about rejections with no handler (and handlers added later);
 * lib/internal/process/promises.js keeps the books and decides after the
 * microtask queue drains, as Node does. */
static void on_promise_reject(v8c_env *env, v8c_promise_event ev,
                              v8c_value promise, v8c_value value) {
  nr_runtime *rt = v8c_env_data(env);
  v8c_value cb = rt->reject_cb ? v8c_ref_get(env, rt->reject_cb) : NULL;
  if (!cb || rt->stopping) return;
  v8c_value argv[3] = {v8c_int32(env, (int32_t)ev), promise, value};
  v8c_trycatch tc;
  v8c_try_begin(env, &tc);
  v8c_call_fn(env, cb, v8c_undefined(env), 3, argv);
  v8c_try_end(&tc);
}

/* An exception a FinalizationRegistry cleanup callback threw is uncaught,
 * as in Node. */
static void on_reported_exception(v8c_env *env, v8c_value exception) {
  nr_runtime *rt = v8c_env_data(env);
  if (!rt->stopping) nr__fatal(rt, exception, NULL, false, false);
}

/* ---- Creation and bootstrap ------------------------------------------- */

static v8c_value string_array(v8c_env *env, char **items, int n,
                              const char *first) {
  int off = first ? 1 : 0;
  v8c_value arr = v8c_array(env, (uint32_t)(n + off));
  if (first) v8c_set_index(env, arr, 0, v8c_string(env, first, (size_t)-1));
  for (int i = 0; i < n; i++)
    v8c_set_index(env, arr, (uint32_t)(i + off),
                  v8c_string(env, items[i], (size_t)-1));
  return arr;
}

/* The parts of `process` that C knows; lib/internal/bootstrap/node.js
 * makes the rest. */
static v8c_value make_process(nr_runtime *rt, int argc, char **argv) {
  v8c_env *env = rt->env;
  v8c_value p = v8c_object(env);
  v8c_set_named(env, p, "version", v8c_string(env, NR_NODE_VERSION, (size_t)-1));
  v8c_value versions = v8c_object(env);
  v8c_set_named(env, versions, "node",
                v8c_string(env, NR_NODE_VERSION + 1, (size_t)-1));
  v8c_set_named(env, versions, "noderun", v8c_string(env, NR_VERSION, (size_t)-1));
  v8c_set_named(env, versions, "v8", v8c_string(env, v8c_version(), (size_t)-1));
  v8c_set_named(env, versions, "uv", v8c_string(env, uv_version_string(), (size_t)-1));
  /* Node's tests and programs look here to know crypto is built in. */
  v8c_set_named(env, versions, "openssl",
                v8c_string(env, OpenSSL_version(OPENSSL_VERSION_STRING),
                           (size_t)-1));
  v8c_set_named(env, p, "versions", versions);
  v8c_set_named(env, p, "arch", v8c_string(env,
#if defined(__x86_64__)
      "x64",
#elif defined(__aarch64__)
      "arm64",
#else
      "unknown",
#endif
      (size_t)-1));
  v8c_set_named(env, p, "platform", v8c_string(env, "linux", (size_t)-1));
  v8c_set_named(env, p, "execPath", v8c_string(env, rt->exec_path, (size_t)-1));
  v8c_set_named(env, p, "argv0",
                v8c_string(env, argc > 0 ? argv[0] : "noderun", (size_t)-1));
  /* process.argv: the executable, then the script and its arguments. */
  v8c_set_named(env, p, "argv",
                string_array(env, rt->cli.script_argv, rt->cli.script_argc,
                             rt->exec_path));
  v8c_set_named(env, p, "execArgv",
                string_array(env, rt->cli.exec_argv, rt->cli.exec_argc, NULL));
  v8c_set_named(env, p, "pid", v8c_int32(env, (int32_t)uv_os_getpid()));
  return p;
}

static bool bootstrap(nr_runtime *rt, int argc, char **argv) {
  v8c_env *env = rt->env;
  v8c_scope scope;
  v8c_scope_open(env, &scope);
  v8c_trycatch tc;
  v8c_try_begin(env, &tc);
  bool ok = false;
  v8c_value process = make_process(rt, argc, argv);
  v8c_value loader = nr__compile_builtin(rt, "internal/bootstrap/loader");
  v8c_value get_binding =
      v8c_function(env, "getInternalBinding", nr__get_binding, NULL);
  v8c_value largv[2] = {process, get_binding};
  v8c_value loaded = loader ? v8c_call_fn(env, loader, v8c_undefined(env), 2,
                                          largv)
                            : NULL;
  v8c_value require = loaded ? v8c_get_named(env, loaded, "require") : NULL;
  v8c_value id = v8c_string(env, "internal/bootstrap/node", (size_t)-1);
  v8c_value hooks = require ? v8c_call_fn(env, require, v8c_undefined(env), 1,
                                          &id)
                            : NULL;
  if (hooks && v8c_is(hooks, V8C_OBJECT)) {
    rt->bootstrap = v8c_ref_new(env, hooks);
    ok = true;
  } else if (v8c_try_caught(&tc)) {
    print_raw(rt, v8c_try_exception(&tc), v8c_try_arrow(env, &tc));
  }
  v8c_try_end(&tc);
  v8c_scope_close(&scope);
  return ok;
}

/* Makes a runtime: the CLI's and a host's (w NULL), or a worker thread's
 * (w and its heap limits given; V8 and the process are set up already). */
static nr_runtime *runtime_new(const nr_options *opts, int *exit_code,
                               nr__worker *w, const v8c_env_limits *limits) {
  static char *default_argv[] = {"noderun", NULL};
  int argc = opts && opts->argc > 0 ? opts->argc : 1;
  char **argv = opts && opts->argc > 0 ? opts->argv : default_argv;
  int dummy;
  if (!exit_code) exit_code = &dummy;
  *exit_code = 1;
  /* libuv takes over the memory of the process's own argv to change the
   * process title, and gives back a copy; only the first runtime of a
   * process can do this, with the argv main() received. */
  static bool args_set_up;
  if (!w && !args_set_up && opts && opts->argc > 0) {
    args_set_up = true;
    argv = uv_setup_args(argc, argv);
  }
  nr_runtime *rt = calloc(1, sizeof *rt);
  if (!rt) return NULL;
  if ((*exit_code = nr__cli_parse(&rt->cli, argc, argv, w != NULL)) != 0) {
    nr__cli_free(&rt->cli);
    free(rt);
    return NULL;
  }
  *exit_code = 1;
  char path[4096];
  size_t plen = sizeof path;
  rt->exec_path = strdup(uv_exepath(path, &plen) == 0 ? path : argv[0]);
  rt->start_ns = uv_hrtime();
  if (opts && opts->loop) {
    rt->loop = opts->loop;
  } else {
    uv_loop_init(&rt->own_loop);
    /* performance.eventLoopUtilization() reads the time spent idle. (A
     * host's own loop is left as the host configured it.) */
    uv_loop_configure(&rt->own_loop, UV_METRICS_IDLE_TIME);
    rt->loop = &rt->own_loop;
  }
  rt->worker = w;
  /* The main env's heap is sized for the machine's memory (or the cgroup's
   * limit, when lower), as Node sizes its own: a larger young generation
   * and heap limit than V8's bare defaults. --max-old-space-size and
   * --max-semi-space-size still win. */
  v8c_env_limits main_limits = {0};
  if (!w) {
    uint64_t total = uv_get_total_memory();
    uint64_t constrained = uv_get_constrained_memory();
    if (constrained > 0 && constrained < total) total = constrained;
    main_limits.total_memory = total;
  }
  if (v8c_init(w ? NULL : rt->cli.v8_flags) != 0 ||
      !(rt->env = v8c_env_new_limited(rt, w ? limits : &main_limits))) {
    fprintf(stderr, "noderun: could not start V8\n");
    nr_runtime_free(rt);
    return NULL;
  }
  v8c_on_promise_reject(rt->env, on_promise_reject);
  v8c_on_reported_exception(rt->env, on_reported_exception);
  nr__timers_init(rt);
  uv_check_init(rt->loop, &rt->platform_check);
  rt->platform_check.data = rt;
  uv_check_start(&rt->platform_check, on_platform_check);
  uv_unref((uv_handle_t *)&rt->platform_check);
  rt->handles_open++;
  nr__work_init(rt);
  if (!bootstrap(rt, argc, argv)) {
    nr_runtime_free(rt);
    return NULL;
  }
  *exit_code = 0;
  return rt;
}

nr_runtime *nr_runtime_new(const nr_options *opts, int *exit_code) {
  return runtime_new(opts, exit_code, NULL, NULL);
}

nr_runtime *nr__runtime_new_worker(nr__worker *w, int argc, char **argv,
                                   const v8c_env_limits *limits) {
  nr_options opts = {.argc = argc, .argv = argv, .loop = NULL};
  int code;
  return runtime_new(&opts, &code, w, limits);
}

/* ---- Running ---------------------------------------------------------- */

/* Runs a bootstrap hook as the program's first callback; returns 0, or -1
 * when it threw (already reported) or the runtime stopped. */
static int run_hook(nr_runtime *rt, const char *name, int argc,
                    v8c_value *argv, v8c_value *result) {
  v8c_value r = call_hook(rt, name, argc, argv);
  /* Unlike other callbacks, the program's own code runs its ticks even
   * when it threw and 'uncaughtException' took the error, as in Node:
   * they come before any timer. */
  if (!r && !rt->stopping) nr__drain_ticks(rt);
  if (result) *result = r;
  return r && !rt->stopping ? 0 : -1;
}

int nr_run_main(nr_runtime *rt) {
  if (rt->cli.version) {
    printf("%s\n", NR_NODE_VERSION);
    nr__stop(rt, 0);
    return 0;
  }
  v8c_scope scope;
  v8c_scope_open(rt->env, &scope);
  run_hook(rt, "runMain", 0, NULL, NULL);
  v8c_scope_close(&scope);
  /* A throw that 'uncaughtException' handled leaves the program running. */
  return rt->stopping ? -1 : 0;
}

int nr_run_file(nr_runtime *rt, const char *path) {
  v8c_env *env = rt->env;
  v8c_scope scope;
  v8c_scope_open(env, &scope);
  v8c_value arg = v8c_string(env, path, (size_t)-1);
  int r = run_hook(rt, "runFile", 1, &arg, NULL);
  v8c_scope_close(&scope);
  return r;
}

int nr_eval(nr_runtime *rt, const char *source, const char *name,
            char **result) {
  v8c_env *env = rt->env;
  if (result) *result = NULL;
  v8c_scope scope;
  v8c_scope_open(env, &scope);
  v8c_value argv[3] = {v8c_string(env, source, (size_t)-1),
                       v8c_string(env, name ? name : "[eval]", (size_t)-1),
                       v8c_bool(env, result != NULL)};
  v8c_value json;
  int r = run_hook(rt, "evalForHost", 3, argv, &json);
  if (r == 0 && result && v8c_is(json, V8C_STRING))
    *result = v8c_to_utf8(env, json, NULL);
  v8c_scope_close(&scope);
  return r;
}

/* process.emit('beforeExit', code); true when it scheduled more work. */
static bool emit_before_exit(nr_runtime *rt) {
  v8c_scope scope;
  v8c_scope_open(rt->env, &scope);
  call_hook(rt, "emitBeforeExit", 0, NULL);
  v8c_scope_close(&scope);
  return !rt->stopping && uv_loop_alive(rt->loop);
}

int nr_loop_run(nr_runtime *rt, nr_run_mode mode) {
  if (rt->stopping) return 0;
  if (mode == NR_RUN_DEFAULT) {
    do {
      uv_run(rt->loop, UV_RUN_DEFAULT);
    } while (!rt->stopping && emit_before_exit(rt));
    return 0;
  }
  int more = uv_run(rt->loop, mode == NR_RUN_ONCE ? UV_RUN_ONCE : UV_RUN_NOWAIT);
  if (rt->stopping) return 0;
  if (!more && !uv_loop_alive(rt->loop)) more = emit_before_exit(rt);
  return more ? 1 : 0;
}

uv_loop_t *nr_runtime_loop(nr_runtime *rt) { return rt->loop; }

int nr_runtime_stopped(nr_runtime *rt) { return rt->stopping; }

/* ---- Teardown --------------------------------------------------------- */

/* Only our own loop is walked: every handle on it is ours. */
static void close_stray(uv_handle_t *h, void *arg) {
  (void)arg;
  if (!uv_is_closing(h)) uv_close(h, NULL);
}

int nr_runtime_free(nr_runtime *rt) {
  if (!rt) return 1;
  int code = rt->exit_code;
  if (rt->env) {
    v8c_env *env = rt->env;
    if (!rt->stopping && !rt->exit_emitted && rt->bootstrap) {
      v8c_scope scope;
      v8c_scope_open(env, &scope);
      v8c_value r = call_hook(rt, "emitExit", 0, NULL);
      if (r && v8c_is(r, V8C_NUMBER)) rt->exit_code = (int)v8c_value_int64(r);
      v8c_scope_close(&scope);
    }
    code = rt->exit_code;
    rt->stopping = true;
    v8c_cancel_terminate(env);
    /* Close every handle we own, then let their close callbacks run. */
    while (rt->wraps) {
      nr__handle_wrap *w = rt->wraps;
      nr__wrap_untrack(w);
      w->close(w);
    }
    /* A terminal put in raw mode (tty.ReadStream#setRawMode) gets its
     * normal mode back: the shell must echo again. */
    uv_tty_reset_mode();
    nr__timers_close(rt);
    uv_close((uv_handle_t *)&rt->platform_check, nr__on_handle_closed);
    nr__work_close(rt);
    while (rt->handles_open > 0) uv_run(rt->loop, UV_RUN_NOWAIT);
    /* Threadpool work still in flight holds references into the env: let
     * it finish while the env lives (its after callbacks see `stopping`
     * and call no JS). */
    for (int k = 0; k < NR_WORK_KINDS; k++) {
      while (rt->work_active[k] > 0) uv_run(rt->loop, UV_RUN_ONCE);
    }
    v8c_ref *refs[] = {rt->bootstrap, rt->tick_cb, rt->reject_cb,
                       rt->timers_cb, rt->immediate_cb, rt->tick_info_ref,
                       rt->immediate_info_ref, rt->import_cb,
                       rt->import_meta_cb, rt->port_onmessage,
                       rt->port_onclose, rt->port_wrap};
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++)
      v8c_ref_free(refs[i]);
    if (rt->builtin_fns) {
      for (size_t i = 0; i < nr__builtins_count; i++)
        v8c_ref_free(rt->builtin_fns[i]);
      free(rt->builtin_fns);
    }
    v8c_env_free(env);
  }
  if (rt->loop == &rt->own_loop) {
    uv_walk(rt->loop, close_stray, NULL);
    /* Requests still queued on the threadpool finish before the close. */
    while (uv_loop_close(rt->loop) == UV_EBUSY) uv_run(rt->loop, UV_RUN_ONCE);
  }
  while (rt->host_modules) {
    nr__host_module *m = rt->host_modules;
    rt->host_modules = m->next;
    free(m->name);
    free(m->entries);
    free(m);
  }
  nr__cli_free(&rt->cli);
  free(rt->exec_path);
  free(rt->read_buf);
  free(rt);
  return code;
}
