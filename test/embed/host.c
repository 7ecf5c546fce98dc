/*
 * host.c — an application embedding noderun through src/noderun.h alone.
 *
 * It registers a native module 'calc', runs test/embed/script.js (its path
 * is argv[1]) in several scenarios, drives the loop, reads values back with
 * nr_eval and checks the exit code nr_runtime_free returns. Every scenario
 * runs twice, one runtime after another in this process; then two runtimes
 * run at once on two threads. Exit status 0 means every check passed.
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "noderun.h"

/* ---- Reporting -------------------------------------------------------- */

/* What one scenario found wrong; kept per scenario so threads can share
 * nothing. */
struct report {
  char text[8192];
  size_t len;
  int failed;
};

static void failf(struct report *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void failf(struct report *r, const char *fmt, ...) {
  va_list ap;
  r->failed++;
  if (r->len >= sizeof r->text - 1) return;
  int n = snprintf(r->text + r->len, sizeof r->text - r->len, "    ");
  if (n > 0) r->len += (size_t)n;
  va_start(ap, fmt);
  n = vsnprintf(r->text + r->len, sizeof r->text - r->len, fmt, ap);
  va_end(ap);
  if (n > 0) r->len += (size_t)n;
  if (r->len < sizeof r->text - 1) r->text[r->len++] = '\n';
  if (r->len >= sizeof r->text) r->len = sizeof r->text - 1;
  r->text[r->len] = '\0';
}

/* Checks that a malloc'd text equals `want` (NULL: no text), then frees
 * it. */
static void expect_text(struct report *r, const char *what, char *got,
                        const char *want) {
  if (!want ? got != NULL : !got || strcmp(got, want) != 0)
    failf(r, "%s: got %s, expected %s", what, got ? got : "(null)",
          want ? want : "(null)");
  free(got);
}

static void expect_int(struct report *r, const char *what, long got,
                       long want) {
  if (got != want) failf(r, "%s: got %ld, expected %ld", what, got, want);
}

/* ---- The native module 'calc' ----------------------------------------- */

/* The host's state for one runtime: the module's data pointer. */
struct host {
  const char *mode;  /* what calc.mode() tells the script */
  nr_runtime *rt;
  char *last;        /* JSON text of the last calc.record() */
  int records;       /* how many times record() was called */
};

static void calc_mode(nr_call *call) {
  struct host *h = nr_call_data(call);
  nr_return_string(call, h->mode);
}

/* add(a, b): the sum of two numbers. */
static void calc_add(nr_call *call) {
  if (nr_argc(call) < 2 || nr_arg_type(call, 0) != NR_NUMBER ||
      nr_arg_type(call, 1) != NR_NUMBER) {
    nr_throw_error(call, "ERR_INVALID_ARG_TYPE", "add() takes two numbers");
    return;
  }
  nr_return_number(call, nr_arg_number(call, 0) + nr_arg_number(call, 1));
}

/* greet(name): "Hello, <name>!". */
static void calc_greet(nr_call *call) {
  char *name = nr_arg_string(call, 0);
  if (!name) return;  /* it threw: let the exception reach the caller */
  size_t n = strlen(name) + sizeof "Hello, !";
  char *out = malloc(n);
  if (!out) {
    free(name);
    nr_throw_error(call, "ERR_MEMORY", "out of memory");
    return;
  }
  snprintf(out, n, "Hello, %s!", name);
  nr_return_string(call, out);
  free(out);
  free(name);
}

/* record(value): keeps the value's JSON text on the C side. */
static void calc_record(nr_call *call) {
  struct host *h = nr_call_data(call);
  char *json = nr_arg_json(call, 0);
  if (!json) {
    nr_throw_error(call, "ERR_NOT_JSON", "record() takes a JSON value");
    return;
  }
  free(h->last);
  h->last = json;
  h->records++;
}

static void calc_fail(nr_call *call) {
  nr_throw_error(call, "ERR_CALC_FAIL", "calc failed on purpose");
}

/* self(): true when the call knows its module's data and runtime. */
static void calc_self(nr_call *call) {
  struct host *h = nr_call_data(call);
  nr_return_bool(call, h && h->rt && nr_call_runtime(call) == h->rt);
}

/* types(...): the nr_type of each argument, as names joined by commas. */
static void calc_types(nr_call *call) {
  static const char *const names[] = {
      "undefined", "null", "boolean", "number", "string", "bigint",
      "symbol", "function", "object"};
  char out[512] = "";
  size_t len = 0;
  for (int i = 0; i < nr_argc(call); i++) {
    nr_type t = nr_arg_type(call, i);
    const char *name = (unsigned)t < sizeof names / sizeof names[0]
                           ? names[t] : "?";
    int n = snprintf(out + len, sizeof out - len, "%s%s", i ? "," : "", name);
    if (n < 0 || (size_t)n >= sizeof out - len) break;
    len += (size_t)n;
  }
  nr_return_string(call, out);
}

static void calc_not(nr_call *call) {
  nr_return_bool(call, !nr_arg_bool(call, 0));
}

static void calc_num(nr_call *call) {
  nr_return_number(call, nr_arg_number(call, 0));
}

/* json(text): the value the JSON text describes. */
static void calc_json(nr_call *call) {
  char *text = nr_arg_string(call, 0);
  if (!text) return;
  nr_return_json(call, text);
  free(text);
}

static const nr_function calc_fns[] = {
    {"mode", calc_mode},   {"add", calc_add},     {"greet", calc_greet},
    {"record", calc_record}, {"fail", calc_fail}, {"self", calc_self},
    {"types", calc_types}, {"not", calc_not},     {"num", calc_num},
    {"json", calc_json},   {NULL, NULL},
};

/* ---- Scenarios -------------------------------------------------------- */

static const char *script;  /* path of script.js */

/* Creates a runtime (on `loop`, or its own when NULL) with 'calc'
 * registered for `h`. */
static nr_runtime *start(struct report *r, struct host *h, const char *mode,
                         uv_loop_t *loop) {
  static char *argv[] = {"host", NULL};
  nr_options opts = {.argc = 1, .argv = argv, .loop = loop};
  int code = -1;
  memset(h, 0, sizeof *h);
  h->mode = mode;
  nr_runtime *rt = nr_runtime_new(&opts, &code);
  if (!rt) {
    failf(r, "nr_runtime_new failed (exit code %d)", code);
    return NULL;
  }
  expect_int(r, "nr_runtime_new exit code", code, 0);
  h->rt = rt;
  expect_int(r, "nr_module_register", nr_module_register(rt, "calc",
                                                          calc_fns, h), 0);
  if (nr_module_register(rt, "calc", calc_fns, h) == 0)
    failf(r, "registering 'calc' twice was accepted");
  return rt;
}

/* Frees the runtime and checks its exit code and that 'exit' was emitted
 * once, with that code, as the last thing the script recorded. */
static void finish(struct report *r, struct host *h, int want_code,
                   int want_records) {
  int code = nr_runtime_free(h->rt);
  h->rt = NULL;
  expect_int(r, "exit code from nr_runtime_free", code, want_code);
  char want[64];
  snprintf(want, sizeof want, "{\"exit\":%d}", want_code);
  expect_int(r, "calls to record()", h->records, want_records);
  expect_text(r, "last record", h->last, want);
  h->last = NULL;
}

/* Checks the result the script recorded in normal mode. */
static void expect_ok_record(struct report *r, struct host *h) {
  if (h->records != 1 || !h->last ||
      strncmp(h->last, "{\"ok\":true,", 11) != 0)
    failf(r, "script.js reported (%d records): %s", h->records,
          h->last ? h->last : "nothing");
}

/* The full run: the script's own checks, then nr_eval, driven by
 * NR_RUN_DEFAULT or by NR_RUN_ONCE turns. */
static void scenario_normal(struct report *r, nr_run_mode how) {
  struct host h;
  nr_runtime *rt = start(r, &h, "normal", NULL);
  if (!rt) return;
  expect_int(r, "nr_run_file", nr_run_file(rt, script), 0);
  /* Only the loop can finish the script's work. */
  expect_int(r, "records before the loop ran", h.records, 0);
  if (how == NR_RUN_DEFAULT) {
    expect_int(r, "nr_loop_run(DEFAULT)", nr_loop_run(rt, NR_RUN_DEFAULT), 0);
  } else {
    int turns = 0;
    while (nr_loop_run(rt, how) == 1 && turns < 100000) turns++;
    if (turns < 2) failf(r, "only %d turns of NR_RUN_ONCE", turns);
    if (turns >= 100000) failf(r, "NR_RUN_ONCE never finished");
    /* Nothing left: a further turn says so at once. */
    expect_int(r, "nr_loop_run(ONCE) once done", nr_loop_run(rt, how), 0);
  }
  expect_ok_record(r, &h);
  expect_int(r, "nr_runtime_stopped", nr_runtime_stopped(rt), 0);

  char *json = NULL;
  expect_int(r, "nr_eval(hostResult)",
             nr_eval(rt, "hostResult", "probe.js", &json), 0);
  expect_text(r, "hostResult", json,
              "{\"done\":true,\"sums\":[6,2,4],\"greeting\":\"Hello, loop!\"}");
  json = NULL;
  expect_int(r, "nr_eval(require)",
             nr_eval(rt, "require('calc').add(40, 2)", NULL, &json), 0);
  expect_text(r, "require('calc').add(40, 2)", json, "42");
  json = NULL;
  expect_int(r, "nr_eval(string)", nr_eval(rt, "'caf\\u00e9'", NULL, &json),
             0);
  expect_text(r, "'caf\\u00e9'", json, "\"caf\xc3\xa9\"");
  json = (char *)"untouched";
  expect_int(r, "nr_eval(undefined)", nr_eval(rt, "undefined", NULL, &json),
             0);
  expect_text(r, "undefined", json, NULL);
  json = (char *)"untouched";
  expect_int(r, "nr_eval(function)", nr_eval(rt, "(() => 1)", NULL, &json),
             0);
  expect_text(r, "a function", json, NULL);
  expect_int(r, "nr_eval(no result)", nr_eval(rt, "1", NULL, NULL), 0);

  /* Work scheduled by nr_eval needs the loop again. */
  expect_int(r, "nr_eval(setTimeout)",
             nr_eval(rt, "setTimeout(() => { globalThis.late = 'ran'; }, 1);"
                         " undefined", NULL, NULL), 0);
  json = NULL;
  nr_eval(rt, "typeof late", NULL, &json);
  expect_text(r, "typeof late before the loop", json, "\"undefined\"");
  expect_int(r, "nr_loop_run again", nr_loop_run(rt, NR_RUN_DEFAULT), 0);
  json = NULL;
  nr_eval(rt, "late", NULL, &json);
  expect_text(r, "late after the loop", json, "\"ran\"");
  if (h.records != 1) failf(r, "record() called %d times", h.records);
  finish(r, &h, 0, 2);
}

/* process.exit(3) from a timer. */
static void scenario_exit(struct report *r) {
  struct host h;
  nr_runtime *rt = start(r, &h, "exit", NULL);
  if (!rt) return;
  expect_int(r, "nr_run_file", nr_run_file(rt, script), 0);
  expect_int(r, "nr_loop_run", nr_loop_run(rt, NR_RUN_DEFAULT), 0);
  expect_int(r, "nr_runtime_stopped", nr_runtime_stopped(rt), 1);
  expect_int(r, "nr_loop_run once stopped", nr_loop_run(rt, NR_RUN_DEFAULT),
             0);
  finish(r, &h, 3, 1);
}

/* An exception at the top level of the script: exit code 1. */
static void scenario_throw(struct report *r) {
  struct host h;
  nr_runtime *rt = start(r, &h, "throw", NULL);
  if (!rt) return;
  if (nr_run_file(rt, script) == 0)
    failf(r, "nr_run_file succeeded for a script that throws");
  expect_int(r, "nr_runtime_stopped", nr_runtime_stopped(rt), 1);
  /* The timer the script set before throwing never runs. */
  expect_int(r, "nr_loop_run", nr_loop_run(rt, NR_RUN_DEFAULT), 0);
  finish(r, &h, 1, 1);
}

/* An exception thrown by a timer callback: exit code 1. */
static void scenario_throw_async(struct report *r) {
  struct host h;
  nr_runtime *rt = start(r, &h, "throw-async", NULL);
  if (!rt) return;
  expect_int(r, "nr_run_file", nr_run_file(rt, script), 0);
  expect_int(r, "nr_loop_run", nr_loop_run(rt, NR_RUN_DEFAULT), 0);
  expect_int(r, "nr_runtime_stopped", nr_runtime_stopped(rt), 1);
  finish(r, &h, 1, 1);
}

/* nr_eval without a script. `setup` makes 'exit' call calc.record. */
static const char setup[] = "process.on('exit', (code) => "
                            "require('calc').record({exit: code}));";

/* nr_eval of code that throws ends the runtime with exit code 1. */
static void scenario_eval_throw(struct report *r) {
  struct host h;
  nr_runtime *rt = start(r, &h, "eval", NULL);
  if (!rt) return;
  expect_int(r, "nr_eval(setup)", nr_eval(rt, setup, "setup.js", NULL), 0);
  if (nr_eval(rt, "throw new Error('nr_eval threw on purpose')", "bad.js",
              NULL) == 0)
    failf(r, "nr_eval succeeded for code that throws");
  expect_int(r, "nr_runtime_stopped", nr_runtime_stopped(rt), 1);
  finish(r, &h, 1, 1);
}

/* process.exitCode set by code nr_eval ran is what nr_runtime_free
 * returns. */
static void scenario_eval_exit_code(struct report *r) {
  struct host h;
  nr_runtime *rt = start(r, &h, "eval", NULL);
  if (!rt) return;
  expect_int(r, "nr_eval(setup)", nr_eval(rt, setup, "setup.js", NULL), 0);
  expect_int(r, "nr_eval(exitCode)",
             nr_eval(rt, "setTimeout(() => { process.exitCode = 5; }, 1);"
                         " undefined", "code.js", NULL), 0);
  expect_int(r, "nr_loop_run", nr_loop_run(rt, NR_RUN_DEFAULT), 0);
  finish(r, &h, 5, 1);
}

/* Results that have no JSON text: the evaluation itself succeeded, so
 * nr_eval gives 0 (and no text) and the runtime goes on. */
static void scenario_eval_no_json(struct report *r) {
  static const char *const sources[] = {
      "setTimeout(() => {}, 1)",  /* a Timeout: a circular structure */
      "10n",                      /* JSON.stringify throws for BigInt */
  };
  for (size_t i = 0; i < 2; i++) {
    struct host h;
    nr_runtime *rt = start(r, &h, "eval", NULL);
    if (!rt) return;
    expect_int(r, "nr_eval(setup)", nr_eval(rt, setup, "setup.js", NULL), 0);
    /* Once without asking for the text, once asking for it. */
    char *json = NULL;
    int rc = nr_eval(rt, sources[i], "nojson.js", i ? &json : NULL);
    if (rc != 0 || nr_runtime_stopped(rt))
      failf(r, "nr_eval(\"%s\", result %s) gave %d and %s the runtime",
            sources[i], i ? "wanted" : "NULL", rc,
            nr_runtime_stopped(rt) ? "stopped" : "kept");
    free(json);
    nr_loop_run(rt, NR_RUN_DEFAULT);
    finish(r, &h, 0, 1);
  }
}

/* The host's own timer, counting to 5 on the shared loop. */
static int host_ticks;
static void on_host_timer(uv_timer_t *t) {
  if (++host_ticks == 5) uv_close((uv_handle_t *)t, NULL);
}

static void show_handle(uv_handle_t *handle, void *arg) {
  failf(arg, "  left on the host's loop: a %s handle%s",
        uv_handle_type_name(uv_handle_get_type(handle)),
        uv_is_closing(handle) ? " (closing)" : "");
}

static void close_handle(uv_handle_t *handle, void *arg) {
  (void)arg;
  if (!uv_is_closing(handle)) uv_close(handle, NULL);
}

/* The runtime on a loop the host owns, with a timer of the host on it,
 * driven one turn at a time. After nr_runtime_free nothing of the
 * runtime may be left on the loop. */
static void scenario_host_loop(struct report *r) {
  uv_loop_t loop;
  uv_timer_t timer;
  if (uv_loop_init(&loop) != 0) {
    failf(r, "uv_loop_init failed");
    return;
  }
  host_ticks = 0;
  uv_timer_init(&loop, &timer);
  uv_timer_start(&timer, on_host_timer, 1, 1);
  struct host h;
  nr_runtime *rt = start(r, &h, "normal", &loop);
  if (rt) {
    if (nr_runtime_loop(rt) != &loop) failf(r, "nr_runtime_loop: not ours");
    expect_int(r, "nr_run_file", nr_run_file(rt, script), 0);
    int turns = 0;
    while (nr_loop_run(rt, NR_RUN_ONCE) == 1 && turns < 100000) turns++;
    if (turns >= 100000) failf(r, "NR_RUN_ONCE never finished");
    expect_ok_record(r, &h);
    expect_int(r, "host timer ticks", host_ticks, 5);
    finish(r, &h, 0, 2);
  }
  if (uv_loop_close(&loop) != 0) {
    failf(r, "uv_loop_close of the host's loop: busy after the runtime "
             "was freed");
    uv_walk(&loop, show_handle, r);
    uv_walk(&loop, close_handle, NULL);
    uv_run(&loop, UV_RUN_DEFAULT);
    uv_loop_close(&loop);
  }
}

/* ---- Driver ----------------------------------------------------------- */

static const struct scenario {
  const char *name;
  void (*run)(struct report *r);
  const char *note;  /* what it prints to stderr on purpose */
} scenarios[] = {
  {"normal, NR_RUN_DEFAULT", NULL, NULL},
  {"normal, NR_RUN_ONCE", NULL, NULL},
  {"process.exit(3)", scenario_exit, NULL},
  {"throw at top level", scenario_throw, "an Error thrown by the script"},
  {"throw from a timer", scenario_throw_async, "an Error thrown by a timer"},
  {"nr_eval that throws", scenario_eval_throw, "an Error thrown by nr_eval"},
  {"nr_eval, process.exitCode", scenario_eval_exit_code, NULL},
  {"nr_eval, results with no JSON", scenario_eval_no_json, NULL},
  {"host's own loop", scenario_host_loop, NULL},
};
#define NSCENARIOS (sizeof scenarios / sizeof scenarios[0])

static void run_scenario(size_t i, struct report *r) {
  if (i == 0) scenario_normal(r, NR_RUN_DEFAULT);
  else if (i == 1) scenario_normal(r, NR_RUN_ONCE);
  else scenarios[i].run(r);
}

static void *thread_main(void *arg) {
  scenario_normal(arg, NR_RUN_DEFAULT);
  return NULL;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s path/to/script.js\n", argv[0]);
    return 2;
  }
  script = argv[1];
  int failed = 0, passed = 0;
  static struct report r;
  for (int round = 1; round <= 2; round++) {
    for (size_t i = 0; i < NSCENARIOS; i++) {
      memset(&r, 0, sizeof r);
      if (scenarios[i].note)
        fprintf(stderr, "[embed] expected on stderr next: %s\n",
                scenarios[i].note);
      run_scenario(i, &r);
      printf("%s round %d: %s\n", r.failed ? "FAIL" : "ok  ", round,
             scenarios[i].name);
      if (r.failed) {
        fputs(r.text, stdout);
        failed++;
      } else {
        passed++;
      }
      fflush(stdout);
    }
  }

  /* Two runtimes at once, each on its own thread. */
  static struct report tr[2];
  pthread_t th[2];
  bool started[2];
  for (int i = 0; i < 2; i++) {
    memset(&tr[i], 0, sizeof tr[i]);
    started[i] = pthread_create(&th[i], NULL, thread_main, &tr[i]) == 0;
    if (!started[i]) failf(&tr[i], "pthread_create failed");
  }
  for (int i = 0; i < 2; i++) {
    if (started[i]) pthread_join(th[i], NULL);
    printf("%s thread %d: normal, NR_RUN_DEFAULT\n",
           tr[i].failed ? "FAIL" : "ok  ", i + 1);
    if (tr[i].failed) {
      fputs(tr[i].text, stdout);
      failed++;
    } else {
      passed++;
    }
  }
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
