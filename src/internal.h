/*
 * internal.h — what the files of libnoderun share (prefix nr__).
 */
#ifndef NR_INTERNAL_H
#define NR_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include <uv.h>

#include "noderun.h"
#include "nr_config.h"
#include "v8c.h"

/* ---- Bindings --------------------------------------------------------- */

/* A binding's method table entry; tables end with {NULL, NULL}. */
typedef struct nr__method {
  const char *name;
  v8c_native fn;
} nr__method;

/* Every binding reachable with internalBinding(name). Each has one C file
 * with `bool nr__binding_<name>(nr_runtime *rt, v8c_value target)` that
 * fills `target`; it returns false with an exception pending on failure. */
#define NR_BINDINGS(X)                                                     \
  X(async_wrap)                                                            \
  X(buffer)                                                                \
  X(builtins)                                                              \
  X(cares_wrap)                                                            \
  X(constants)                                                             \
  X(contextify)                                                            \
  X(crypto_cipher)                                                         \
  X(crypto_hash)                                                           \
  X(crypto_kdf)                                                            \
  X(crypto_keys)                                                           \
  X(crypto_random)                                                         \
  X(dns)                                                                   \
  X(encoding)                                                              \
  X(fs)                                                                    \
  X(host)                                                                  \
  X(http_parser)                                                           \
  X(messaging)                                                             \
  X(module_wrap)                                                           \
  X(os)                                                                    \
  X(performance)                                                           \
  X(pipe_wrap)                                                             \
  X(process_methods)                                                       \
  X(process_wrap)                                                          \
  X(signal_wrap)                                                           \
  X(spawn_sync)                                                            \
  X(stdio)                                                                 \
  X(task_queue)                                                            \
  X(tcp_wrap)                                                              \
  X(threadpool)                                                            \
  X(timers)                                                                \
  X(tls_wrap)                                                              \
  X(tty_wrap)                                                              \
  X(types)                                                                 \
  X(udp_wrap)                                                              \
  X(util)                                                                  \
  X(v8)                                                                    \
  X(worker)                                                                \
  X(zlib)

#define NR_DECLARE_BINDING(name) \
  bool nr__binding_##name(nr_runtime *rt, v8c_value target);
NR_BINDINGS(NR_DECLARE_BINDING)
#undef NR_DECLARE_BINDING

/* An array of every binding's name. */
v8c_value nr__binding_names(v8c_env *env);
/* The native behind internalBinding(name). */
void nr__get_binding(v8c_call *c);
/* Puts each method of the table on target; false on exception. */
bool nr__set_methods(v8c_env *env, v8c_value target, const nr__method *m,
                     void *data);
/* A named number a binding exposes; tables end with {NULL, 0}. */
typedef struct nr__constant {
  const char *name;
  int64_t value;
} nr__constant;

/* Puts each constant of the table on target; false on exception. */
bool nr__set_constants(v8c_env *env, v8c_value target, const nr__constant *c);

/* ---- Command line ----------------------------------------------------- */

typedef struct nr__cli {
  const char *eval;       /* -e / -p source, or NULL */
  bool print;             /* -p */
  bool check;             /* -c */
  bool interactive;       /* -i */
  bool force_stdin;       /* "-" */
  bool version, help;
  const char **requires;  /* -r modules, NULL-terminated */
  int nrequires;
  const char *script;     /* script path, or NULL */
  char **exec_argv;       /* options before the script */
  int exec_argc;
  char **node_options;    /* the words of NODE_OPTIONS */
  int node_optionc;
  char *env_words;        /* (their memory) */
  char **script_argv;     /* the script (if any) and its arguments */
  int script_argc;
  char *v8_flags;         /* options handed to V8, space separated */
  const char *unhandled_rejections;
  bool no_warnings, trace_warnings, no_deprecation, throw_deprecation,
      trace_deprecation, pending_deprecation, expose_internals;
  const char *title;
  const char *input_type; /* --input-type: "module", "commonjs" or NULL */
  bool experimental_vm_modules; /* vm.Module and its kinds */
  bool experimental_import_meta_resolve; /* import.meta.resolve(s, parent) */
  bool abort_on_uncaught; /* an uncaught exception aborts (core dump) */
  bool worker;            /* a worker's: V8's flags are left alone */
  bool test;              /* --test: run test files, each in a child */
} nr__cli;

/* Parses NODE_OPTIONS then argv the way Node does.
 * Returns 0, or 9 after printing why. */
int nr__cli_parse(nr__cli *cli, int argc, char **argv, bool worker);
void nr__cli_free(nr__cli *cli);

/* ---- The runtime ------------------------------------------------------ */

typedef struct nr__host_module nr__host_module;
/* One function of a host module: the data pointer of its JS function. */
typedef struct nr__host_entry {
  const nr_function *f;
  nr__host_module *m;
} nr__host_entry;

struct nr__host_module {
  char *name;
  void *data;
  nr__host_entry *entries; /* one per function */
  size_t count;
  nr__host_module *next;
};

/* ---- The threadpool (threadpool.c) ----------------------------------- */

/* What a piece of threadpool work is for, as noderun:threadpool reports. */
typedef enum nr__work_kind {
  NR_WORK_FS,
  NR_WORK_CRYPTO,
  NR_WORK_ZLIB,
  NR_WORK_DNS,
  NR_WORK_KINDS
} nr__work_kind;

typedef struct nr__work nr__work;
/* Runs on a pool thread: no V8, no loop; only the request's own memory. */
typedef void (*nr__work_fn)(nr__work *w);
/* Runs on the loop thread when the work is done (status 0) or was
 * cancelled (UV_ECANCELED). During teardown (rt->stopping) it must not call
 * JS; it still frees what the request owns. */
typedef void (*nr__after_fn)(nr__work *w, int status);
/* Runs on the loop thread before the work is queued: finishes the work at
 * once when it can do so without blocking (true), else leaves the rest to
 * the work function (false). */
typedef bool (*nr__try_fn)(nr__work *w);

/* Embed one in a request struct (container_of it back in the callbacks).
 * Every piece of threadpool work goes through nr__work_queue, so the
 * counts and timings of noderun:threadpool are the real ones. */
struct nr__work {
  uv_work_t req;           /* private */
  nr_runtime *rt;
  nr__work_kind kind;
  nr__work_fn work;
  nr__after_fn after;
  uint64_t queued_ns, started_ns;
  nr__work *next;          /* private: in the runtime's list of done work */
};

/* Queues w on libuv's pool; 0, or a libuv error (then no callback runs). */
int nr__work_queue(nr_runtime *rt, nr__work *w, nr__work_kind kind,
                   nr__work_fn work, nr__after_fn after);
/* As nr__work_queue, but try(w) runs first, on the loop thread; when it
 * finished the work, w skips the pool and its after callback runs with
 * status 0 on a later turn of the loop (its idle phase; never from inside
 * this call). Such work counts as `inline` in noderun:threadpool. */
int nr__work_queue_try(nr_runtime *rt, nr__work *w, nr__work_kind kind,
                       nr__try_fn try_now, nr__work_fn work,
                       nr__after_fn after);
/* Pieces of work of this runtime queued or running, per kind. */
int nr__work_active(nr_runtime *rt, nr__work_kind kind);
/* The runtime's list of work finished at once: its idle handle starts
 * with the runtime; close runs what is left (rt->stopping: no JS), then
 * closes the handle. */
void nr__work_init(nr_runtime *rt);
void nr__work_close(nr_runtime *rt);

/* Slots of the tick information shared with lib/internal/process/
 * task_queues.js: JS sets them, C reads them after each callback. */
enum { NR_TICK_SCHEDULED = 0, NR_TICK_REJECTION = 1, NR_TICK_FIELDS = 2 };
/* Slots of the immediate information shared with lib/internal/timers.js. */
enum { NR_IMM_COUNT = 0, NR_IMM_REF_COUNT = 1, NR_IMM_FIELDS = 2 };

/* A libuv handle owned by a JS object (a signal watcher, a stdin reader).
 * It sits in its runtime's list from creation until its close callback, so
 * teardown can close what JS left open. */
typedef struct nr__handle_wrap {
  struct nr__handle_wrap *prev, *next;
  nr_runtime *rt;
  void (*close)(struct nr__handle_wrap *w); /* starts uv_close */
} nr__handle_wrap;

void nr__wrap_track(nr_runtime *rt, nr__handle_wrap *w,
                    void (*close)(nr__handle_wrap *w));
void nr__wrap_untrack(nr__handle_wrap *w);

struct nr_runtime {
  v8c_env *env;
  uv_loop_t *loop;
  uv_loop_t own_loop;
  nr__cli cli;
  char *exec_path;
  uint64_t start_ns;          /* uv_hrtime() at creation, for uptime() */

  v8c_ref *bootstrap;         /* exports of internal/bootstrap/node */
  v8c_ref *tick_cb;           /* processTicksAndRejections */
  v8c_ref *reject_cb;         /* promise reject hook */
  v8c_ref *timers_cb;         /* processTimers(now) */
  v8c_ref *immediate_cb;      /* processImmediate() */
  v8c_ref *import_cb;         /* import() host (lib/internal/modules/esm) */
  v8c_ref *import_meta_cb;    /* import.meta initializer */
  int32_t *tick_info;         /* NR_TICK_FIELDS, owned by an ArrayBuffer */
  v8c_ref *tick_info_ref;
  uint32_t *immediate_info;   /* NR_IMM_FIELDS */
  v8c_ref *immediate_info_ref;

  uv_timer_t timer;           /* the one libuv timer behind all JS timers */
  uv_check_t immediate_check; /* runs setImmediate callbacks */
  uv_idle_t immediate_idle;   /* keeps the loop from blocking meanwhile */
  uv_check_t platform_check;  /* runs V8's posted tasks each loop turn */
  int handles_open;           /* handles still to be closed at teardown */
  int work_active[NR_WORK_KINDS]; /* threadpool work in flight, per kind */
  uv_idle_t work_idle;        /* runs the after callbacks of... */
  nr__work *work_done, *work_done_tail; /* ...work finished at once */

  nr__handle_wrap *wraps;     /* open handle wraps */
  v8c_ref **builtin_fns;      /* compiled builtins, for src/mkcodecache.c */
  nr__host_module *host_modules;
  int callback_depth;         /* nested nr__callback calls */
  char *read_buf;             /* reads of streams consumed in C land here */
  int exit_code;
  bool stopping;              /* process.exit() or a fatal exception */
  bool exit_emitted;

  /* messaging.c: the JS side of this runtime's MessagePorts. */
  v8c_ref *port_onmessage, *port_onclose, *port_wrap;
  /* worker.c: the Worker this runtime runs (NULL on the main thread). */
  struct nr__worker *worker;
};

/* The runtime a native call belongs to. */
static inline nr_runtime *nr__rt(v8c_call *c) {
  return (nr_runtime *)v8c_env_data(v8c_call_env(c));
}

/* Calls fn from the event loop: catches what it throws (uncaught exception
 * handling), then drains process.nextTick and the microtask queue as Node
 * does after every callback. The caller holds a handle scope. Returns the
 * result, or NULL when it threw. */
v8c_value nr__callback(nr_runtime *rt, v8c_value fn, v8c_value recv, int argc,
                       v8c_value *argv);
/* The same for C code that calls into JS itself (several calls, say):
 * between begin and end, JS runs as in a callback; end's `ok` is false
 * when JS threw, and the exception is then handled as uncaught. */
void nr__callback_begin(nr_runtime *rt, v8c_trycatch *tc);
void nr__callback_end(nr_runtime *rt, v8c_trycatch *tc, bool ok);
/* Between two of those calls: drains the ticks as after a callback of its
 * own, when no JS is running below (an outermost begin). */
void nr__callback_checkpoint(nr_runtime *rt);
/* Drains the nextTick and microtask queues (with exception handling). */
void nr__drain_ticks(nr_runtime *rt);
/* Handles an exception caught at the top level; true when a handler
 * ('uncaughtException') took it and the program goes on. `unwound`: no JS
 * frame is left below (the async context the callbacks entered is reset
 * then); false for errors reported from running JS. */
bool nr__fatal(nr_runtime *rt, v8c_value exception, v8c_value arrow,
               bool from_promise, bool unwound);
/* Stops the runtime: no JS runs after this, loops return. */
void nr__stop(nr_runtime *rt, int exit_code);

/* Starts and closes the handles of timers.c. */
void nr__timers_init(nr_runtime *rt);
void nr__timers_close(nr_runtime *rt);
/* Counts handles closed at teardown (a uv_close callback). */
void nr__on_handle_closed(uv_handle_t *h);

/* Compiles builtin `id` as a function of the builtin wrapper parameters. */
v8c_value nr__compile_builtin(nr_runtime *rt, const char *id);

/* ---- Crypto (crypto_util.c, shared by the crypto_* bindings) ---------- */

/* Node's error for OpenSSL error `err` (from ERR_get_error, on any
 * thread): message "error:1C800064:Provider routines::bad decrypt", with
 * `library`, `reason` and code "ERR_OSSL_BAD_DECRYPT". With err 0, a plain
 * Error with `fallback`. Built, not thrown. */
v8c_value nr__crypto_error(v8c_env *env, unsigned long err,
                           const char *fallback);
/* Throws the error of the oldest OpenSSL error queued on this thread (or
 * `fallback`) and empties the queue. Returns NULL. */
v8c_value nr__crypto_throw(v8c_env *env, const char *fallback);

/* A growing list of malloc'd names, for getHashes/getCiphers. */
typedef struct nr__name_list {
  char **names;
  size_t n, cap;
} nr__name_list;
void nr__name_list_add(nr__name_list *l, const char *name);
/* The names sorted, without repeats or upper-case variants ("SHA256" of
 * "sha256"), as a JS array (NULL with an exception); frees the list. */
v8c_value nr__name_list_take(v8c_env *env, nr__name_list *l);

/* The bytes of argument i, a Buffer, TypedArray, DataView or ArrayBuffer;
 * throws ERR_INVALID_ARG_TYPE for anything else. */
bool nr__crypto_arg_bytes(v8c_call *c, int i, const char *name,
                          const uint8_t **data, size_t *len);

/* One computation (a key derivation, random bytes...) that runs either at
 * once on the calling thread (no callback) or on the threadpool, kind
 * NR_WORK_CRYPTO, with its callback called (err, result) on the loop
 * thread. A binding embeds it first in its own job struct, fills the three
 * functions, and hands it to nr__crypto_job_run, which owns it from then
 * on. run() touches only the job's own memory: no V8, no JS buffers. */
typedef struct nr__crypto_job nr__crypto_job;
struct nr__crypto_job {
  nr__work work;          /* private */
  nr__handle_wrap wrap;   /* private: wrap.rt is NULL after teardown */
  v8c_ref *cb;            /* private */
  void (*run)(nr__crypto_job *j);
  /* The result (fills *failed and returns the error when j->err or
   * j->ossl_err says it failed); NULL with an exception pending. */
  v8c_value (*result)(v8c_env *env, nr__crypto_job *j, bool *failed);
  /* Frees the job and what it owns. */
  void (*free)(nr__crypto_job *j);
  unsigned long ossl_err; /* set by run(): ERR_get_error() on failure */
  bool failed;            /* set by run() */
};

/* Runs j: with cb NULL, now, returning its result or throwing its error;
 * else on the threadpool. Frees j in every case. */
void nr__crypto_job_run(v8c_call *c, nr__crypto_job *j, v8c_value cb);
/* The callback argument i: *cb NULL when undefined, else a function
 * (ERR_INVALID_ARG_TYPE otherwise). */
bool nr__crypto_arg_callback(v8c_call *c, int i, v8c_value *cb);
/* A Buffer-backing ArrayBuffer that takes over malloc'd `data`. */
v8c_value nr__crypto_take_bytes(v8c_env *env, uint8_t *data, size_t len);

/* PBKDF2-HMAC (crypto_pbkdf2.c) with the digest of OpenSSL NID `nid`
 * (EVP_MD_get_type) when it is SHA-1, SHA-224, SHA-256, SHA-384 or
 * SHA-512: byte for byte what PKCS5_PBKDF2_HMAC derives, faster. Fills
 * out[0..out_len) and returns 0, or returns UV_ENOTSUP for another digest
 * (the caller then uses OpenSSL's). Thread-safe; iter >= 1. */
int nr__crypto_pbkdf2_sha(int nid, const uint8_t *pass,
                          size_t pass_len, const uint8_t *salt,
                          size_t salt_len, uint64_t iter, uint8_t *out,
                          size_t out_len);

/* ---- Errors ----------------------------------------------------------- */

/* Throws Node's system error for a libuv error code: message like
 * "ENOENT: no such file or directory, open '/x'", with errno, code,
 * syscall, path and dest. Returns NULL. */
v8c_value nr__throw_uv(v8c_env *env, int err, const char *syscall,
                       const char *path, const char *dest);
/* Builds (does not throw) the same error. */
v8c_value nr__uv_error(v8c_env *env, int err, const char *syscall,
                       const char *path, const char *dest);
/* The same two for fs's synchronous calls, whose errors Node builds with
 * syscall before code (errno, syscall, code, path, dest). */
v8c_value nr__throw_uv_sync(v8c_env *env, int err, const char *syscall,
                            const char *path, const char *dest);
v8c_value nr__uv_error_sync(v8c_env *env, int err, const char *syscall,
                            const char *path, const char *dest);
/* Throws Node's ERR_INVALID_ARG_TYPE for argument `name`. Returns NULL. */
v8c_value nr__throw_arg_type(v8c_env *env, const char *name,
                             const char *expected);

/* Argument i as a malloc'd string; throws ERR_INVALID_ARG_TYPE (and returns
 * NULL) when it is not a string. */
char *nr__arg_string(v8c_call *c, int i, const char *name);
/* Argument i as an integer in [min, max], else throws and returns false. */
bool nr__arg_int(v8c_call *c, int i, const char *name, int64_t min,
                 int64_t max, int64_t *out);

/* ---- Child processes (pipe_wrap.c, process_wrap.c, spawn_sync.c) ----- */

/* Makes a write to a pipe whose reader is gone fail with EPIPE instead of
 * killing the process (SIGPIPE ignored, as Node does at start-up; a host
 * that installed its own handler keeps it). Children get the default
 * back: uv_spawn resets signal dispositions. */
void nr__ignore_sigpipe(void);

/* The uv stream of an open pipe_wrap handle, or NULL for anything else. */
uv_stream_t *nr__pipe_stream(v8c_env *env, v8c_value handle);

/* What spawn() and spawnSync() share: the program, its arguments, working
 * directory, environment and credentials, read from the JS options object
 * { file, args, cwd, envPairs, detached, uid, gid }. */
typedef struct nr__spawn_options {
  uv_process_options_t uv;  /* points into the fields below */
  char *file;
  char **args;              /* NULL-terminated */
  char *cwd;
  char **env;               /* NULL-terminated, or NULL to inherit */
} nr__spawn_options;

/* Fills o from the options object; false with an exception pending when
 * any field is invalid (nothing to free then). stdio is left empty. */
bool nr__spawn_options_parse(v8c_env *env, v8c_value opts,
                             nr__spawn_options *o);
void nr__spawn_options_free(nr__spawn_options *o);

/* Sets up stdio slot `i` of `n` from a { type: 'pipe', ... } entry of
 * options.stdio; false with an exception pending (or on OOM). spawn() and
 * spawnSync() differ only here: one passes an open pipe handle, the other
 * makes its own pipe with optional input. */
typedef bool (*nr__stdio_pipe_fn)(v8c_env *env, v8c_value entry, uint32_t i,
                                  uint32_t n, uv_stdio_container_t *slot,
                                  void *ctx);

/* Reads options.stdio: [{ type: 'pipe', ... } | { type: 'ignore' } |
 * { type: 'fd', fd } | { type: 'inherit' }], calling `pipe` for each pipe
 * entry. On success *out is a malloc'd array of *count slots; false with an
 * exception pending (or on OOM) otherwise. */
bool nr__stdio_parse(v8c_env *env, v8c_value opts, nr__stdio_pipe_fn pipe,
                     void *ctx, uv_stdio_container_t **out, int *count);

/* ---- Stream handles (stream_wrap.c; pipe_wrap.c, tcp_wrap.c) --------- */

typedef struct nr__stream_wrap nr__stream_wrap;

/* A reader in C that takes a stream's data instead of JS's onread (the
 * HTTP parser consuming a socket). on_data gets each chunk in a buffer
 * that is reused once it returns; the end of the stream and read errors
 * still go to onread. detach: the stream is closing, no more data. */
typedef struct nr__stream_consumer nr__stream_consumer;
struct nr__stream_consumer {
  void (*on_data)(nr__stream_consumer *sc, const char *data, size_t len);
  void (*detach)(nr__stream_consumer *sc);
};
/* Gives w's reads to sc (NULL: back to JS). */
void nr__stream_consume(nr__stream_wrap *w, nr__stream_consumer *sc);

/* Makes a handle of the listener's kind for a new connection and accepts
 * it: its JS object, or NULL with *err set (a libuv error). */
typedef v8c_value (*nr__accept_fn)(nr__stream_wrap *server, int *err);

/* A uv_stream_t owned by a JS handle object; the first member of each
 * kind's struct (pipe_wrap, tcp_wrap), which is freed through it. */
struct nr__stream_wrap {
  nr__handle_wrap base;
  nr_runtime *rt;          /* kept after untracking, for the close callback */
  uv_stream_t *stream;     /* the handle inside the embedding struct */
  v8c_ref *object;         /* the JS handle; weak unless busy > 0 */
  v8c_ref *onclose;        /* close(h, cb)'s callback, or NULL */
  nr__accept_fn accept;    /* NULL when the kind cannot listen */
  v8c_ref *user_buffer;    /* useUserBuffer()'s view, or NULL */
  int busy;                /* operations in flight */
  nr__stream_consumer *consumer; /* takes the data instead of onread */
  bool reading;
  bool in_user_buffer;     /* the last allocation was user_buffer */
  bool in_read_buf;        /* the last allocation was rt->read_buf */
  bool listening;
  bool closing;
};

/* Reads argument i (a numeric IPv4 or IPv6 address string) and i + 1 (a
 * port) into *addr. Throws (false) on wrong types; an address that is not
 * numeric gives *err = UV_EINVAL. (tcp_wrap.c; udp_wrap.c uses it too.) */
bool nr__arg_sockaddr(v8c_call *c, int i, struct sockaddr_storage *addr,
                      int *err);
/* Sets out.address, out.family ('IPv4' / 'IPv6') and out.port. */
bool nr__sockaddr_to_js(v8c_env *env, v8c_value out,
                        const struct sockaddr_storage *addr);
/* getsockname / getpeername natives of a socket kind: fill argument 1 (an
 * object) from get(handle, ...) and return its status; EBADF for a NULL
 * handle (closed or not of the kind). */
typedef int (*nr__name_fn)(void *handle, struct sockaddr *addr, int *len);
void nr__socket_name(v8c_call *c, void *handle, nr__name_fn get);

/* Accept functions of the two kinds: a new connection on a listening
 * handle, or a handle that came over an IPC pipe (uv_accept takes both). */
v8c_value nr__tcp_accept(nr__stream_wrap *server, int *err);
v8c_value nr__pipe_accept(nr__stream_wrap *server, int *err);
/* A UDP handle sent over an IPC pipe (udp_wrap.c), and the handle to
 * pass to uv_write2 for a JS UDP handle (NULL when it is not one). */
v8c_value nr__udp_accept(nr__stream_wrap *server, int *err);
uv_stream_t *nr__udp_for_send(v8c_env *env, v8c_value handle);

/* Sets up the common part of a new wrap (its uv handle already
 * initialized) and returns its JS object (NULL with an exception). */
v8c_value nr__stream_init(nr_runtime *rt, nr__stream_wrap *w, uv_stream_t *s,
                          nr__accept_fn accept);
/* A closed handle's close(h, cb) callback, called on its JS object (none
 * during teardown); for stream and UDP wraps alike. */
void nr__call_onclose(nr_runtime *rt, v8c_ref *onclose, v8c_ref *object);
/* Closes and frees a wrap JS never saw (a failed accept). */
void nr__stream_discard(nr__stream_wrap *w);
/* The open stream wrap behind a JS handle, or NULL (no exception). */
nr__stream_wrap *nr__stream_unwrap(v8c_env *env, v8c_value handle);
/* Keeps the JS object alive while an operation is in flight. */
void nr__stream_hold(nr__stream_wrap *w);
void nr__stream_release(nr__stream_wrap *w);
/* Argument i is a function (or undefined when optional), else throws
 * ERR_INVALID_ARG_TYPE and returns false. */
bool nr__arg_callback(v8c_call *c, int i, bool optional);
/* A connect request calling back `cb(status)` on the JS handle: pass it to
 * uv_*_connect with nr__on_connect, or free it when that fails at once.
 * NULL on OOM. */
uv_connect_t *nr__connect_req_new(v8c_env *env, nr__stream_wrap *w,
                                  v8c_value cb);
void nr__connect_req_free(uv_connect_t *req);
void nr__on_connect(uv_connect_t *req, int status);
/* The natives every stream kind has: readStart, readStop, useUserBuffer,
 * writeBuffer, writeUtf8String, writeLatin1String, writev, shutdown,
 * listen, close, ref, hasRef, fileno, writeQueueSize. */
extern const nr__method nr__stream_methods[];

/* ---- Workers and message ports (worker.c, messaging.c) --------------- */

/* One end of a message channel while it belongs to no loop: it travels in
 * a message, or waits for a worker's runtime. */
typedef struct nr__port_token nr__port_token;

/* A new channel: one end a port on rt (its handle object is returned), the
 * other a token in *other. NULL with an exception pending on failure. */
v8c_value nr__channel_open(nr_runtime *rt, nr__port_token **other);
/* Makes a token a port on rt (the token is used up): its handle object,
 * or NULL with an exception pending. */
v8c_value nr__port_adopt(nr_runtime *rt, nr__port_token *t);
/* Drops a token: its end of the channel closes. */
void nr__port_token_free(nr__port_token *t);

typedef struct nr__worker nr__worker;
/* What a worker's thread does with its runtime: made by worker.c, run on
 * the new thread. Creates the runtime (an isolate with the worker's heap
 * limits, its own loop) for worker w; NULL on failure. */
nr_runtime *nr__runtime_new_worker(nr__worker *w, int argc, char **argv,
                                   const v8c_env_limits *limits);

#endif /* NR_INTERNAL_H */
