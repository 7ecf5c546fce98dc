/* contextify.c — binding 'contextify': compiling and running user code,
 * in the main context (the CommonJS loader, -e / -p) or in the contexts of
 * the vm module. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Arguments 0 and 1 as the code and file name strings; false after
 * throwing when they are not. */
static bool arg_code(v8c_call *c, v8c_value *src, v8c_value *filename) {
  v8c_env *env = v8c_call_env(c);
  *src = v8c_arg(c, 0);
  *filename = v8c_arg(c, 1);
  if (!v8c_is(*src, V8C_STRING)) return nr__throw_arg_type(env, "code", "string"), false;
  if (!v8c_is(*filename, V8C_STRING))
    return nr__throw_arg_type(env, "filename", "string"), false;
  return true;
}

/* compileFunction(source, filename, params) -> function */
static void compile_function(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_value src, filename;
  v8c_value params = v8c_arg(c, 2);
  if (!arg_code(c, &src, &filename)) return;
  if (!v8c_is(params, V8C_ARRAY))
    return (void)nr__throw_arg_type(env, "params", "Array");
  uint32_t n = v8c_array_length(params);
  if (n > 16) {
    v8c_throw_error(env, V8C_RANGE_ERROR, "ERR_OUT_OF_RANGE",
                    "Too many parameters");
    return;
  }
  char *names[16] = {0};
  bool ok = true;
  for (uint32_t i = 0; i < n && ok; i++) {
    v8c_value p = v8c_get_index(env, params, i);
    ok = p && v8c_is(p, V8C_STRING) && (names[i] = v8c_to_utf8(env, p, NULL));
    if (!ok && p) nr__throw_arg_type(env, "params", "an Array of strings");
  }
  if (ok) {
    v8c_return(c, v8c_compile_function(env, src, filename, (int)n,
                                       (const char *const *)names));
  }
  for (uint32_t i = 0; i < n; i++) free(names[i]);
}

/* runInThisContext(source, filename) -> the script's completion value */
static void run_in_this_context(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_value src, filename;
  if (!arg_code(c, &src, &filename)) return;
  v8c_return(c, v8c_run_script(env, src, filename));
}

/* makeContext(sandbox): vm.createContext */
static void make_context(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_value sandbox = v8c_arg(c, 0);
  if (!v8c_is(sandbox, V8C_OBJECT))
    return (void)nr__throw_arg_type(env, "contextObject", "object");
  v8c_contextify(env, sandbox, v8c_to_bool(env, v8c_arg(c, 1)));
}

/* isContext(value) -> boolean */
static void is_context(v8c_call *c) {
  v8c_return_bool(c, v8c_is_contextified(v8c_call_env(c), v8c_arg(c, 0)));
}

/* compileScript(source, filename, lineOffset, columnOffset) -> script */
static void compile_script(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_value src, filename;
  int64_t line, column;
  if (!arg_code(c, &src, &filename)) return;
  if (!nr__arg_int(c, 2, "lineOffset", INT32_MIN, INT32_MAX, &line) ||
      !nr__arg_int(c, 3, "columnOffset", INT32_MIN, INT32_MAX, &column))
    return;
  v8c_return(c, v8c_script_compile(env, src, filename, (int)line, (int)column));
}

/* A thread that stops the script when its time is up (vm's timeout). */
typedef struct watchdog {
  uv_thread_t thread;
  uv_mutex_t lock;
  uv_cond_t cond;
  v8c_env *env;
  uint64_t timeout_ms;
  bool done;   /* the script finished first */
  bool fired;  /* the time ran out first */
} watchdog;

static void watchdog_main(void *arg) {
  watchdog *w = arg;
  uint64_t deadline = uv_hrtime() + w->timeout_ms * 1000000u;
  uv_mutex_lock(&w->lock);
  while (!w->done) {
    uint64_t now = uv_hrtime();
    if (now >= deadline ||
        uv_cond_timedwait(&w->cond, &w->lock, deadline - now) == UV_ETIMEDOUT) {
      if (!w->done) {
        w->fired = true;
        v8c_terminate(w->env);
      }
      break;
    }
  }
  uv_mutex_unlock(&w->lock);
}

/* runScript(script, sandbox | null, timeoutMs | undefined) -> the
 * completion value; past the timeout, ERR_SCRIPT_EXECUTION_TIMEOUT. */
static void run_script(v8c_call *c) {
  nr_runtime *rt = nr__rt(c);
  v8c_env *env = v8c_call_env(c);
  v8c_value sandbox = v8c_arg(c, 1);
  if (v8c_is(sandbox, V8C_NULL_OR_UNDEFINED)) sandbox = NULL;
  int64_t timeout = 0;
  if (!v8c_is(v8c_arg(c, 2), V8C_UNDEFINED) &&
      !nr__arg_int(c, 2, "timeout", 1, INT32_MAX, &timeout))
    return;
  watchdog w = {.env = env, .timeout_ms = (uint64_t)timeout};
  bool started = false;
  if (timeout > 0) {
    uv_mutex_init(&w.lock);
    uv_cond_init(&w.cond);
    started = uv_thread_create(&w.thread, watchdog_main, &w) == 0;
  }
  v8c_trycatch tc;
  v8c_try_begin(env, &tc);
  v8c_value r = v8c_script_run(env, v8c_arg(c, 0), sandbox);
  if (timeout > 0) {
    uv_mutex_lock(&w.lock);
    w.done = true;
    uv_cond_signal(&w.cond);
    uv_mutex_unlock(&w.lock);
    if (started) uv_thread_join(&w.thread);
    uv_cond_destroy(&w.cond);
    uv_mutex_destroy(&w.lock);
  }
  if (w.fired && !rt->stopping) {
    /* Our termination, not process.exit(): the program goes on. */
    v8c_cancel_terminate(env);
    v8c_try_end(&tc);
    v8c_throw_error(env, V8C_ERROR, "ERR_SCRIPT_EXECUTION_TIMEOUT",
                    "Script execution timed out after %lldms",
                    (long long)timeout);
    return;
  }
  if (!r && v8c_try_caught(&tc) && !v8c_try_terminated(&tc)) {
    /* Remember where it was thrown (not where the error was made) for
     * decorateErrorStack, as Node's arrow shows. */
    v8c_try_arrow(env, &tc);
    v8c_try_rethrow(&tc);
  }
  v8c_try_end(&tc);
  if (r) v8c_return(c, r);
}

/* A SIGINT watch around one evaluation (the REPL's breakEvalOnSigint): the
 * signal handler only posts a semaphore (all it may do); a thread waiting
 * on it stops the script. One evaluation at a time runs in a process's
 * main thread, so the watch is process-wide state. */
static struct {
  uv_sem_t sem;
  bool done;   /* the evaluation ended first */
  bool fired;  /* SIGINT came first */
  v8c_env *env;
} sigint_watch;

static void on_sigint(int sig) {
  (void)sig;
  uv_sem_post(&sigint_watch.sem);
}

static void sigint_watch_main(void *arg) {
  (void)arg;
  uv_sem_wait(&sigint_watch.sem);
  if (!sigint_watch.done) {
    sigint_watch.fired = true;
    v8c_terminate(sigint_watch.env);
  }
}

/* Ends a REPL evaluation that a watchdog or SIGINT may have stopped
 * (`stopped`): our termination is cancelled and the REPL goes on; the
 * result, or what the code threw, goes to the caller. True when it was
 * stopped before a result (the caller throws its error then); a stop just
 * after the code finished leaves the result standing. */
static bool finish_stoppable(v8c_call *c, v8c_trycatch *tc, v8c_value r,
                             bool stopped) {
  if (stopped && !nr__rt(c)->stopping) {
    v8c_cancel_terminate(v8c_call_env(c));
    v8c_try_end(tc);
    if (r) v8c_return(c, r);
    return !r;
  }
  if (!r && v8c_try_caught(tc) && !v8c_try_terminated(tc))
    v8c_try_rethrow(tc);
  v8c_try_end(tc);
  if (r) v8c_return(c, r);
  return false;
}

/* evalRepl with a time limit (the watchdog of runScript): an expression
 * evaluated for tab completion must not hang the REPL. */
static void eval_repl_timed(v8c_call *c, v8c_value src, v8c_value sandbox,
                            bool pure, int64_t timeout) {
  v8c_env *env = v8c_call_env(c);
  watchdog w = {.env = env, .timeout_ms = (uint64_t)timeout};
  uv_mutex_init(&w.lock);
  uv_cond_init(&w.cond);
  bool started = uv_thread_create(&w.thread, watchdog_main, &w) == 0;
  v8c_trycatch tc;
  v8c_try_begin(env, &tc);
  v8c_value r = v8c_eval_repl(env, src, sandbox, pure);
  uv_mutex_lock(&w.lock);
  w.done = true;
  uv_cond_signal(&w.cond);
  uv_mutex_unlock(&w.lock);
  if (started) uv_thread_join(&w.thread);
  uv_cond_destroy(&w.cond);
  uv_mutex_destroy(&w.lock);
  if (finish_stoppable(c, &tc, r, w.fired))
    v8c_throw_error(env, V8C_ERROR, "ERR_SCRIPT_EXECUTION_TIMEOUT",
                    "Script execution timed out after %lldms",
                    (long long)timeout);
}

/* evalRepl(code, sandbox | null, noSideEffects, breakOnSigint,
 * timeoutMs | undefined) -> a promise
 * of { '.repl_result': value } (see v8c_eval_repl); the REPL's evaluation.
 * With breakOnSigint, a SIGINT while the code runs synchronously stops it
 * with ERR_SCRIPT_EXECUTION_INTERRUPTED. */
static void eval_repl(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_value src = v8c_arg(c, 0);
  v8c_value sandbox = v8c_arg(c, 1);
  if (!v8c_is(src, V8C_STRING))
    return (void)nr__throw_arg_type(env, "code", "string");
  if (v8c_is(sandbox, V8C_NULL_OR_UNDEFINED)) sandbox = NULL;
  bool pure = v8c_to_bool(env, v8c_arg(c, 2));
  bool watch = v8c_to_bool(env, v8c_arg(c, 3)) && !sigint_watch.env;
  int64_t timeout = 0;
  if (!v8c_is(v8c_arg(c, 4), V8C_UNDEFINED) &&
      !nr__arg_int(c, 4, "timeout", 1, INT32_MAX, &timeout))
    return;
  if (!watch && timeout > 0) {
    eval_repl_timed(c, src, sandbox, pure, timeout);
    return;
  }
  if (!watch) {
    v8c_return(c, v8c_eval_repl(env, src, sandbox, pure));
    return;
  }
  uv_thread_t thread;
  struct sigaction action = {.sa_handler = on_sigint}, previous;
  sigemptyset(&action.sa_mask);
  if (uv_sem_init(&sigint_watch.sem, 0) != 0) {
    v8c_return(c, v8c_eval_repl(env, src, sandbox, pure));
    return;
  }
  sigint_watch.env = env;
  sigint_watch.done = sigint_watch.fired = false;
  bool started = uv_thread_create(&thread, sigint_watch_main, NULL) == 0;
  if (started) sigaction(SIGINT, &action, &previous);
  v8c_trycatch tc;
  v8c_try_begin(env, &tc);
  v8c_value r = v8c_eval_repl(env, src, sandbox, pure);
  if (started) {
    sigaction(SIGINT, &previous, NULL);
    sigint_watch.done = true;
    uv_sem_post(&sigint_watch.sem);
    uv_thread_join(&thread);
  }
  uv_sem_destroy(&sigint_watch.sem);
  sigint_watch.env = NULL;
  if (finish_stoppable(c, &tc, r, sigint_watch.fired))
    v8c_throw_error(env, V8C_ERROR, "ERR_SCRIPT_EXECUTION_INTERRUPTED",
                    "Script execution was interrupted by `SIGINT`");
}

/* decorateErrorStack(err): puts the place of a syntax error (its arrow
 * text) in front of err.stack, as Node's vm does. */
static void decorate_error_stack(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_value err = v8c_arg(c, 0);
  if (!v8c_is(err, V8C_OBJECT)) return;
  v8c_value arrow = v8c_exception_arrow(env, err);
  v8c_value stack = v8c_get_named(env, err, "stack");
  if (!arrow || !stack || !v8c_is(stack, V8C_STRING)) return;
  char *a = v8c_to_utf8(env, arrow, NULL);
  char *s = a ? v8c_to_utf8(env, stack, NULL) : NULL;
  if (s) {
    size_t na = strlen(a), ns = strlen(s);
    char *joined = malloc(na + ns + 2);
    if (joined) {
      memcpy(joined, a, na);
      joined[na] = '\n';
      memcpy(joined + na + 1, s, ns + 1);
      v8c_value v = v8c_string(env, joined, na + ns + 1);
      if (v) v8c_set_named(env, err, "stack", v);
      free(joined);
    }
  }
  free(a);
  free(s);
}

static const nr__method methods[] = {
    {"decorateErrorStack", decorate_error_stack},
    {"compileFunction", compile_function},
    {"runInThisContext", run_in_this_context},
    {"makeContext", make_context},
    {"isContext", is_context},
    {"compileScript", compile_script},
    {"runScript", run_script},
    {"evalRepl", eval_repl},
    {NULL, NULL},
};

bool nr__binding_contextify(nr_runtime *rt, v8c_value target) {
  return nr__set_methods(rt->env, target, methods, NULL);
}
