/* spawn_sync.c — binding 'spawn_sync': runs a child process to completion
 * (child_process.spawnSync, execSync, execFileSync).
 *
 * The child runs on a private libuv loop, so nothing of the runtime's own
 * loop (timers, I/O callbacks) runs meanwhile, as in Node. Its pipes are
 * drained into growing buffers; input is written to its stdin; a timer
 * and the maxBuffer limit kill it with options.killSignal. */
#include <signal.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

typedef struct sync_run sync_run;

/* One stdio pipe of the child. */
typedef struct sync_pipe {
  uv_pipe_t pipe;
  sync_run *run;
  bool readable;      /* the parent reads it (the child's output) */
  char *input;        /* bytes for the child to read, or NULL */
  size_t input_len;
  char *out;          /* what the child wrote */
  size_t out_len, out_cap;
  uv_write_t write_req;
  uv_shutdown_t shutdown_req;
} sync_pipe;

struct sync_run {
  uv_loop_t loop;
  uv_process_t proc;
  uv_timer_t timer;
  bool timer_started;
  bool exited;
  bool killed;
  int64_t status;
  int term_signal;
  int error;          /* the first error: ETIMEDOUT, ENOBUFS, a pipe's */
  int kill_signal;
  double max_buffer;  /* per stream; Infinity for no limit */
  sync_pipe **pipes;  /* one per stdio slot, NULL when not a pipe */
  int npipes;
};

static void set_error(sync_run *r, int err) {
  if (r->error == 0) r->error = err;
}

static void kill_child(sync_run *r) {
  if (r->exited || r->killed) return;
  r->killed = true;
  uv_process_kill(&r->proc, r->kill_signal);
}

static void on_child_exit(uv_process_t *h, int64_t status, int signal) {
  sync_run *r = h->data;
  r->exited = true;
  r->status = status;
  r->term_signal = signal;
  if (r->timer_started) uv_timer_stop(&r->timer);
  uv_close((uv_handle_t *)h, NULL);
}

static void on_timeout(uv_timer_t *t) {
  sync_run *r = t->data;
  set_error(r, UV_ETIMEDOUT);
  kill_child(r);
}

static void on_alloc(uv_handle_t *h, size_t suggested, uv_buf_t *buf) {
  sync_pipe *p = h->data;
  if (p->out_cap - p->out_len < suggested) {
    size_t cap = p->out_cap ? p->out_cap * 2 : suggested;
    while (cap - p->out_len < suggested) cap *= 2;
    char *grown = realloc(p->out, cap);
    if (!grown) {
      buf->base = NULL;
      buf->len = 0;
      return;
    }
    p->out = grown;
    p->out_cap = cap;
  }
  buf->base = p->out + p->out_len;
  buf->len = p->out_cap - p->out_len;
}

static void on_read(uv_stream_t *s, ssize_t n, const uv_buf_t *buf) {
  sync_pipe *p = s->data;
  (void)buf;
  if (n > 0) {
    p->out_len += (size_t)n;
    if ((double)p->out_len > p->run->max_buffer) {
      set_error(p->run, UV_ENOBUFS);
      kill_child(p->run);
      /* What was read stays, as in Node, even past the limit. */
      uv_read_stop(s);
      uv_close((uv_handle_t *)s, NULL);
    }
  } else if (n < 0) {
    if (n != UV_EOF) set_error(p->run, (int)n);
    uv_read_stop(s);
    uv_close((uv_handle_t *)s, NULL);
  }
}

static void on_shutdown(uv_shutdown_t *req, int status) {
  sync_pipe *p = req->data;
  (void)status;
  if (!p->readable && !uv_is_closing((uv_handle_t *)&p->pipe))
    uv_close((uv_handle_t *)&p->pipe, NULL);
}

/* Input written (or none to write): the child sees the end of it. */
static void on_written(uv_write_t *req, int status) {
  sync_pipe *p = (sync_pipe *)((char *)req - offsetof(sync_pipe, write_req));
  /* A child that exits without reading its input is no error (EPIPE). */
  if (status < 0 && status != UV_EPIPE && status != UV_ECANCELED)
    set_error(p->run, status);
  p->shutdown_req.data = p;
  if (uv_is_closing((uv_handle_t *)&p->pipe) ||
      uv_shutdown(&p->shutdown_req, (uv_stream_t *)&p->pipe, on_shutdown))
    on_shutdown(&p->shutdown_req, 0);
}

/* A { type: 'pipe', readable, input } entry of spawnSync() (see
 * nr__stdio_parse): a pipe of our own, fed `input` and read to memory.
 * r->pipes gets one slot per stdio entry at the first pipe. */
static bool stdio_pipe(v8c_env *env, v8c_value e, uint32_t i, uint32_t n,
                       uv_stdio_container_t *slot, void *ctx) {
  sync_run *r = ctx;
  if (!r->pipes) {
    if (!(r->pipes = calloc(n, sizeof *r->pipes))) return false;
    r->npipes = (int)n;
  }
  sync_pipe *p = calloc(1, sizeof *p);
  v8c_value input = p ? v8c_get_named(env, e, "input") : NULL;
  v8c_value rd = input ? v8c_get_named(env, e, "readable") : NULL;
  bool ok = rd != NULL;
  if (ok && !v8c_is(input, V8C_NULL_OR_UNDEFINED)) {
    void *d;
    size_t l;
    if (!v8c_is(input, V8C_ARRAY_BUFFER_VIEW) || !v8c_bytes(input, &d, &l)) {
      nr__throw_arg_type(env, "options.stdio[i].input",
                         "an instance of Uint8Array");
      ok = false;
    } else if ((p->input = malloc(l ? l : 1))) {
      memcpy(p->input, d, l);
      p->input_len = l;
    } else {
      ok = false;
    }
  }
  if (!ok) {
    if (p) free(p->input);
    free(p);
    return false;
  }
  p->run = r;
  p->readable = v8c_to_bool(env, rd);
  r->pipes[i] = p;
  slot->flags = UV_CREATE_PIPE | UV_READABLE_PIPE | UV_WRITABLE_PIPE;
  return true;
}

static void free_pipes(sync_run *r) {
  for (int i = 0; i < r->npipes; i++) {
    if (!r->pipes[i]) continue;
    free(r->pipes[i]->input);
    free(r->pipes[i]->out);
    free(r->pipes[i]);
  }
  free(r->pipes);
}

/* Reads an optional number option; false with an exception when it is
 * present and not a number >= 0. */
static bool opt_number(v8c_env *env, v8c_value opts, const char *name,
                       double def, double *out) {
  v8c_value v = v8c_get_named(env, opts, name);
  if (!v) return false;
  *out = def;
  if (v8c_is(v, V8C_NULL_OR_UNDEFINED)) return true;
  if (!v8c_is(v, V8C_NUMBER) || !(v8c_value_double(v) >= 0)) {
    v8c_throw_error(env, V8C_RANGE_ERROR, "ERR_OUT_OF_RANGE",
                    "The value of \"options.%s\" is out of range. It must be "
                    "a non-negative number.", name);
    return false;
  }
  *out = v8c_value_double(v);
  return true;
}

static void close_stray(uv_handle_t *h, void *arg) {
  (void)arg;
  if (!uv_is_closing(h)) uv_close(h, NULL);
}

/* Builds { pid, status, signal, output, error } for JS. */
static v8c_value result_object(v8c_env *env, sync_run *r) {
  v8c_value o = v8c_object(env);
  v8c_set_named(env, o, "pid", v8c_int32(env, r->proc.pid));
  if (r->exited) {
    v8c_set_named(env, o, "status", r->term_signal
                                        ? v8c_null(env)
                                        : v8c_number(env, (double)r->status));
    v8c_set_named(env, o, "signal", v8c_int32(env, r->term_signal));
  }
  v8c_value out = v8c_array(env, (uint32_t)r->npipes);
  for (int i = 0; i < r->npipes; i++) {
    sync_pipe *p = r->pipes[i];
    v8c_value v = v8c_null(env);
    if (p && p->readable) {
      void *bytes;
      v8c_value ab = v8c_arraybuffer(env, p->out_len, &bytes);
      if (!ab) return NULL;
      if (p->out_len) memcpy(bytes, p->out, p->out_len);
      v = v8c_uint8array(env, ab, 0, p->out_len);
    }
    v8c_set_index(env, out, (uint32_t)i, v);
  }
  v8c_set_named(env, o, "output", out);
  if (r->error) v8c_set_named(env, o, "error", v8c_int32(env, r->error));
  return o;
}

/* spawn(options) -> { pid, status, signal, output, error }
 * options: the spawn options (see nr__spawn_options_parse) plus stdio,
 * timeout (ms, 0 for none), maxBuffer (bytes per stream) and killSignal
 * (a number). status is null when a signal ended the child; error is a
 * negative errno when the child could not run or was stopped early. */
static void spawn(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_value opts = v8c_arg(c, 0);
  nr__spawn_options o;
  if (!nr__spawn_options_parse(env, opts, &o)) return;
  sync_run *r = calloc(1, sizeof *r);
  uv_stdio_container_t *stdio = NULL;
  double timeout = 0, ks = 0;
  if (!r) goto done;
  r->max_buffer = 1.0 / 0.0;
  if (!opt_number(env, opts, "timeout", 0, &timeout) ||
      !opt_number(env, opts, "maxBuffer", r->max_buffer, &r->max_buffer) ||
      !opt_number(env, opts, "killSignal", 15, &ks))
    goto done;
  if (ks > 64 || ks != (double)(int)ks) {
    v8c_throw_error(env, V8C_RANGE_ERROR, "ERR_OUT_OF_RANGE",
                    "The value of \"options.killSignal\" is out of range.");
    goto done;
  }
  r->kill_signal = (int)ks;
  int nstdio = 0;
  if (!nr__stdio_parse(env, opts, stdio_pipe, r, &stdio, &nstdio)) goto done;
  /* No pipe among them: the output list still has one slot per entry. */
  if (!r->pipes && !(r->pipes = calloc(nstdio ? nstdio : 1, sizeof *r->pipes)))
    goto done;
  r->npipes = nstdio;

  /* Everything is checked: only now does anything start. */
  int err = uv_loop_init(&r->loop);
  if (err) {
    nr__throw_uv(env, err, "uv_loop_init", NULL, NULL);
    goto done;
  }
  for (int i = 0; i < r->npipes; i++) {
    sync_pipe *p = r->pipes[i];
    if (!p) continue;
    uv_pipe_init(&r->loop, &p->pipe, 0);
    p->pipe.data = p;
    stdio[i].data.stream = (uv_stream_t *)&p->pipe;
  }
  o.uv.stdio = stdio;
  o.uv.stdio_count = r->npipes;
  o.uv.exit_cb = on_child_exit;
  r->proc.data = r;
  err = uv_spawn(&r->loop, &r->proc, &o.uv);
  if (err) {
    r->error = err;
    uv_close((uv_handle_t *)&r->proc, NULL);
  } else {
    if (timeout > 0) {
      uv_timer_init(&r->loop, &r->timer);
      r->timer.data = r;
      r->timer_started = true;
      uv_timer_start(&r->timer, on_timeout,
                     timeout > 1e15 ? (uint64_t)1e15 : (uint64_t)timeout, 0);
    }
    for (int i = 0; i < r->npipes; i++) {
      sync_pipe *p = r->pipes[i];
      if (!p) continue;
      if (p->readable) {
        int e = uv_read_start((uv_stream_t *)&p->pipe, on_alloc, on_read);
        if (e) {
          set_error(r, e);
          uv_close((uv_handle_t *)&p->pipe, NULL);
        }
      } else if (p->input_len == 0) {
        on_written(&p->write_req, 0);
      } else {
        uv_buf_t b = uv_buf_init(p->input, (unsigned)p->input_len);
        p->write_req.data = p;
        if (uv_write(&p->write_req, (uv_stream_t *)&p->pipe, &b, 1,
                     on_written))
          uv_close((uv_handle_t *)&p->pipe, NULL);
      }
    }
    /* Runs until the child exited and every pipe reached its end. */
    uv_run(&r->loop, UV_RUN_DEFAULT);
    if (r->timer_started && !uv_is_closing((uv_handle_t *)&r->timer))
      uv_close((uv_handle_t *)&r->timer, NULL);
  }
  uv_walk(&r->loop, close_stray, NULL);
  uv_run(&r->loop, UV_RUN_DEFAULT);
  uv_loop_close(&r->loop);
  v8c_value result = result_object(env, r);
  if (result) v8c_return(c, result);
done:
  free(stdio);
  if (r) free_pipes(r);
  free(r);
  nr__spawn_options_free(&o);
}

static const nr__method methods[] = {
    {"spawn", spawn},
    {NULL, NULL},
};

bool nr__binding_spawn_sync(nr_runtime *rt, v8c_value target) {
  nr__ignore_sigpipe();
  return nr__set_methods(rt->env, target, methods, NULL);
}
