/*
 * noderun.h — the embedding API of libnoderun.
 *
 * A runtime is one JavaScript world: a V8 isolate and context, a libuv loop,
 * and Node's modules. A host creates runtimes, runs code in them, drives
 * their loops and tears them down. Functions returning int give 0 on
 * success and a negative number on failure; a JS exception that nothing
 * caught is printed to stderr the way Node prints it and sets the exit code.
 *
 * A runtime is used from the thread that created it. Several runtimes may
 * exist at once, each on its own thread (or one after another on one).
 */
#ifndef NODERUN_H
#define NODERUN_H

#include <stddef.h>
#include <uv.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(NR_BUILDING)
#define NR_API __attribute__((visibility("default")))
#else
#define NR_API
#endif

typedef struct nr_runtime nr_runtime;

typedef struct nr_options {
  /* Command line as Node takes it: argv[0], noderun's options, then the
   * script and its arguments. argc 0 means no options and no script. */
  int argc;
  char **argv;
  /* An existing loop to run on (NULL: the runtime makes its own). */
  uv_loop_t *loop;
} nr_options;

/* Creates a runtime. On a bad command line it prints the reason and returns
 * NULL with *exit_code set (9, as Node). */
NR_API nr_runtime *nr_runtime_new(const nr_options *opts, int *exit_code);

/* Does what the command line asked for (a script file, -e, -p, -c, a script
 * on stdin), up to the point where the loop must run. */
NR_API int nr_run_main(nr_runtime *rt);

/* Runs a script file as the main module (process.argv[1] is set to it). */
NR_API int nr_run_file(nr_runtime *rt, const char *path);

/* Evaluates source text in the global scope. When result is not NULL it gets
 * a malloc'd JSON text of the value (or NULL for undefined / functions);
 * the caller frees it. */
NR_API int nr_eval(nr_runtime *rt, const char *source, const char *name,
                   char **result);

typedef enum nr_run_mode {
  NR_RUN_DEFAULT = 0, /* until nothing is left to do (with 'beforeExit') */
  NR_RUN_ONCE,        /* one turn, waiting for I/O if there is none */
  NR_RUN_NOWAIT       /* one turn, without waiting */
} nr_run_mode;

/* Drives the loop. Returns 1 when work remains, 0 when done or stopped
 * (process.exit or a fatal exception). */
NR_API int nr_loop_run(nr_runtime *rt, nr_run_mode mode);

/* The loop the runtime runs on, for hosts that poll it themselves. */
NR_API uv_loop_t *nr_runtime_loop(nr_runtime *rt);

/* True once process.exit() was called or an exception was fatal. */
NR_API int nr_runtime_stopped(nr_runtime *rt);

/* Emits 'exit' (unless it was emitted already), frees everything and returns
 * the process's exit code. */
NR_API int nr_runtime_free(nr_runtime *rt);

/* ---- Native modules of the host --------------------------------------- */

/* The arguments and result of one call from JS into a host function. */
typedef struct nr_call nr_call;
typedef void (*nr_native)(nr_call *call);

typedef struct nr_function {
  const char *name;
  nr_native fn;
} nr_function;

/* Makes `require(name)` return an object holding these functions (the list
 * ends with a {NULL, NULL} entry and must outlive the runtime). `data` is
 * given back by nr_call_data(). Call before running scripts. */
NR_API int nr_module_register(nr_runtime *rt, const char *name,
                              const nr_function *fns, void *data);

typedef enum nr_type {
  NR_UNDEFINED, NR_NULL, NR_BOOLEAN, NR_NUMBER, NR_STRING, NR_BIGINT,
  NR_SYMBOL, NR_FUNCTION, NR_OBJECT
} nr_type;

NR_API int nr_argc(nr_call *call);
NR_API nr_type nr_arg_type(nr_call *call, int i);
NR_API double nr_arg_number(nr_call *call, int i);
NR_API int nr_arg_bool(nr_call *call, int i);
/* A malloc'd UTF-8 copy of argument i as a string (NULL if it threw). */
NR_API char *nr_arg_string(nr_call *call, int i);
/* A malloc'd JSON text of argument i (NULL if it is not serialisable). */
NR_API char *nr_arg_json(nr_call *call, int i);
NR_API void *nr_call_data(nr_call *call);
NR_API nr_runtime *nr_call_runtime(nr_call *call);

NR_API void nr_return_number(nr_call *call, double d);
NR_API void nr_return_bool(nr_call *call, int b);
NR_API void nr_return_string(nr_call *call, const char *utf8);
/* Returns the value that a JSON text describes. */
NR_API void nr_return_json(nr_call *call, const char *json);
/* Throws an Error with this code (may be NULL) and message. */
NR_API void nr_throw_error(nr_call *call, const char *code,
                           const char *message);

#ifdef __cplusplus
}
#endif
#endif /* NODERUN_H */
