/* pipe_wrap.c — binding 'pipe_wrap': a libuv pipe as the transport of a
 * JS Duplex (the stdio of a child process; later Unix sockets).
 *
 * The first part is generic: reading, writing, shutting down and closing
 * any uv_stream_t that sits in a stream_wrap. A TCP binding can reuse it by
 * embedding a stream_wrap the same way pipe_wrap does; only creation and
 * the handle-specific natives (open, bind, connect) differ.
 *
 * Lifetime: the struct lives from create() to its uv_close callback. The
 * JS object is held by a weak reference, made strong while anything is in
 * flight (reading, a write, a shutdown, the close), so callbacks always
 * find it; an idle handle that JS drops is closed at teardown.
 *
 * Callbacks: data arrives through the `onread` property of the JS handle,
 * called with a Uint8Array, null at the end of the stream, or a system
 * error. Writes and shutdowns take a completion callback called with a
 * status (0 or a negative libuv error). */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* ---- Generic stream wrap ---------------------------------------------- */

typedef struct stream_wrap {
  nr__handle_wrap base;
  nr_runtime *rt;          /* kept after untracking, for the close callback */
  uv_stream_t *stream;     /* the handle inside the embedding struct */
  v8c_ref *object;         /* the JS handle; weak unless busy > 0 */
  v8c_ref *onclose;        /* close(h, cb)'s callback, or NULL */
  int busy;                /* operations in flight */
  bool reading;
  bool closing;
} stream_wrap;

/* One tag for every stream wrap, so the generic natives accept a pipe as
 * well as any later kind of stream. */
static const int stream_tag = 0;

static void hold(stream_wrap *w) {
  if (w->busy++ == 0 && w->object) v8c_ref_weak(w->object, false);
}

static void release(stream_wrap *w) {
  if (--w->busy == 0 && w->object) v8c_ref_weak(w->object, true);
}

/* Whether JS may still be called back (not during teardown). */
static bool can_call(stream_wrap *w) {
  return !w->rt->stopping;
}

static void free_bytes(void *data, void *hint) {
  (void)hint;
  free(data);
}

static void on_alloc(uv_handle_t *h, size_t suggested, uv_buf_t *buf) {
  (void)h;
  buf->base = malloc(suggested);
  buf->len = buf->base ? suggested : 0;
}

/* Calls the handle's `onread` property with one argument. */
static void call_onread(stream_wrap *w, v8c_value arg) {
  v8c_env *env = w->rt->env;
  v8c_value self = v8c_ref_get(env, w->object);
  if (!self || !arg) return;
  v8c_value fn = v8c_get_named(env, self, "onread");
  if (fn && v8c_is(fn, V8C_FUNCTION)) nr__callback(w->rt, fn, self, 1, &arg);
}

static void on_read(uv_stream_t *s, ssize_t n, const uv_buf_t *buf) {
  stream_wrap *w = s->data;
  if (n == 0 || !can_call(w)) {
    free(buf->base);
    return;
  }
  v8c_env *env = w->rt->env;
  v8c_scope scope;
  v8c_scope_open(env, &scope);
  v8c_value arg;
  if (n > 0) {
    /* The chunk keeps the memory it was read into: no copy. */
    char *data = realloc(buf->base, (size_t)n);
    if (!data) data = buf->base;
    v8c_value ab = v8c_arraybuffer_external(env, data, (size_t)n, free_bytes,
                                            NULL);
    arg = ab ? v8c_uint8array(env, ab, 0, (size_t)n) : NULL;
  } else {
    free(buf->base);
    /* The end or an error ends reading: the loop need not wait for it. */
    if (w->reading) {
      uv_read_stop(s);
      w->reading = false;
      release(w);
    }
    arg = n == UV_EOF ? v8c_null(env) : nr__uv_error(env, (int)n, "read",
                                                     NULL, NULL);
  }
  /* Keep the object while JS runs, even if it stops reading meanwhile. */
  hold(w);
  call_onread(w, arg);
  release(w);
  v8c_scope_close(&scope);
}

static void on_closed(uv_handle_t *h) {
  stream_wrap *w = h->data;
  nr_runtime *rt = w->rt;
  if (w->onclose && !rt->stopping) {
    v8c_env *env = rt->env;
    v8c_scope scope;
    v8c_scope_open(env, &scope);
    v8c_value fn = v8c_ref_get(env, w->onclose);
    v8c_value self = v8c_ref_get(env, w->object);
    if (fn) nr__callback(rt, fn, self ? self : v8c_undefined(env), 0, NULL);
    v8c_scope_close(&scope);
  }
  v8c_ref_free(w->object);
  v8c_ref_free(w->onclose);
  /* The stream wrap is the first member of every embedding struct. */
  free(w);
}

/* Starts closing; the struct is freed in on_closed. */
static void close_stream(nr__handle_wrap *base) {
  stream_wrap *w = (stream_wrap *)base;
  if (w->closing) return;
  w->closing = true;
  uv_close((uv_handle_t *)w->stream, on_closed);
}

/* Sets up the common part of a new wrap and its JS object. */
static v8c_value stream_init(nr_runtime *rt, stream_wrap *w, uv_stream_t *s) {
  v8c_env *env = rt->env;
  w->rt = rt;
  w->stream = s;
  s->data = w;
  v8c_value obj = v8c_wrap(env, &stream_tag, w, NULL, NULL);
  if (obj) {
    w->object = v8c_ref_new(env, obj);
    v8c_ref_weak(w->object, true);
  }
  nr__wrap_track(rt, &w->base, close_stream);
  return obj;
}

/* The open stream wrap in argument 0, or NULL (no exception: a closed or
 * foreign handle makes the native a no-op returning EBADF). */
static stream_wrap *arg_stream(v8c_call *c) {
  stream_wrap *w = v8c_unwrap(v8c_call_env(c), v8c_arg(c, 0), &stream_tag);
  if (!w || w->closing) return NULL;
  return w;
}

/* A callback argument: a function, or undefined when optional. */
static bool arg_callback(v8c_call *c, int i, bool optional) {
  v8c_value v = v8c_arg(c, i);
  if (v8c_is(v, V8C_FUNCTION) || (optional && v8c_is(v, V8C_UNDEFINED)))
    return true;
  nr__throw_arg_type(v8c_call_env(c), "callback", "function");
  return false;
}

/* readStart(h) -> 0 or a negative error */
static void read_start(v8c_call *c) {
  stream_wrap *w = arg_stream(c);
  if (!w) return v8c_return_int(c, UV_EBADF);
  if (w->reading) return v8c_return_int(c, 0);
  int err = uv_read_start(w->stream, on_alloc, on_read);
  if (err == 0) {
    w->reading = true;
    hold(w);
  }
  v8c_return_int(c, err);
}

/* readStop(h) -> 0 or a negative error */
static void read_stop(v8c_call *c) {
  stream_wrap *w = arg_stream(c);
  if (!w) return v8c_return_int(c, UV_EBADF);
  if (!w->reading) return v8c_return_int(c, 0);
  w->reading = false;
  release(w);
  v8c_return_int(c, uv_read_stop(w->stream));
}

/* A write or shutdown in flight: its callback and, for a write, the bytes
 * (copied, so JS may reuse or detach its buffer at once). */
typedef struct stream_req {
  union {
    uv_write_t write;
    uv_shutdown_t shutdown;
  } req;
  stream_wrap *w;
  v8c_ref *cb;
  size_t len;
  char data[];
} stream_req;

/* Calls a request's callback with its status, then frees it. */
static void finish_req(stream_req *r, int status) {
  stream_wrap *w = r->w;
  if (can_call(w)) {
    v8c_env *env = w->rt->env;
    v8c_scope scope;
    v8c_scope_open(env, &scope);
    v8c_value fn = v8c_ref_get(env, r->cb);
    v8c_value self = v8c_ref_get(env, w->object);
    v8c_value arg = v8c_int32(env, status);
    if (fn) nr__callback(w->rt, fn, self ? self : v8c_undefined(env), 1, &arg);
    v8c_scope_close(&scope);
  }
  v8c_ref_free(r->cb);
  free(r);
  release(w);
}

static void on_write(uv_write_t *req, int status) {
  finish_req((stream_req *)req, status);
}

static void on_shutdown(uv_shutdown_t *req, int status) {
  finish_req((stream_req *)req, status);
}

/* Writes len bytes; what the kernel does not take at once is copied and
 * queued. Returns 0 when all was written now (cb not called), 1 when
 * queued (cb(status) follows), or a negative error. */
static int do_write(v8c_call *c, stream_wrap *w, const char *data, size_t len,
                    v8c_value cb) {
  uv_buf_t b = uv_buf_init((char *)data, (unsigned)len);
  int n = 0;
  if (w->stream->write_queue_size == 0 && len > 0) {
    n = uv_try_write(w->stream, &b, 1);
    if (n == UV_EAGAIN || n == UV_ENOSYS) n = 0;
    if (n < 0) return n;
    if ((size_t)n == len) return 0;
  }
  size_t rest = len - (size_t)n;
  stream_req *r = malloc(sizeof *r + rest);
  if (!r) return UV_ENOMEM;
  memcpy(r->data, data + n, rest);
  r->w = w;
  r->len = rest;
  r->cb = v8c_ref_new(v8c_call_env(c), cb);
  b = uv_buf_init(r->data, (unsigned)rest);
  int err = uv_write(&r->req.write, w->stream, &b, 1, on_write);
  if (err) {
    v8c_ref_free(r->cb);
    free(r);
    return err;
  }
  hold(w);
  return 1;
}

/* writeBuffer(h, view, cb) -> 0 done, 1 queued, or a negative error */
static void write_buffer(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  void *data;
  size_t len;
  v8c_value v = v8c_arg(c, 1);
  if (!v8c_is(v, V8C_ARRAY_BUFFER_VIEW) || !v8c_bytes(v, &data, &len)) {
    nr__throw_arg_type(env, "buffer", "an instance of Uint8Array");
    return;
  }
  if (!arg_callback(c, 2, false)) return;
  stream_wrap *w = arg_stream(c);
  if (!w) return v8c_return_int(c, UV_EBADF);
  v8c_return_int(c, do_write(c, w, data, len, v8c_arg(c, 2)));
}

/* writeUtf8String(h, string, cb) -> as writeBuffer */
static void write_utf8_string(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_value s = v8c_arg(c, 1);
  if (!v8c_is(s, V8C_STRING)) {
    nr__throw_arg_type(env, "string", "string");
    return;
  }
  if (!arg_callback(c, 2, false)) return;
  stream_wrap *w = arg_stream(c);
  if (!w) return v8c_return_int(c, UV_EBADF);
  size_t len = v8c_string_utf8_length(env, s);
  char *buf = malloc(len ? len : 1);
  if (!buf) return v8c_return_int(c, UV_ENOMEM);
  len = v8c_string_write_utf8(env, s, buf, len);
  int r = do_write(c, w, buf, len, v8c_arg(c, 2));
  free(buf);
  v8c_return_int(c, r);
}

/* writev(h, chunks, cb): chunks is an array of Uint8Arrays and strings
 * (UTF-8), written as one. Returns as writeBuffer. */
static void writev_(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_value arr = v8c_arg(c, 1);
  if (!v8c_is(arr, V8C_ARRAY)) {
    nr__throw_arg_type(env, "chunks", "an instance of Array");
    return;
  }
  if (!arg_callback(c, 2, false)) return;
  uint32_t n = v8c_array_length(arr);
  /* First pass: check every chunk and add up the size. */
  size_t total = 0;
  for (uint32_t i = 0; i < n; i++) {
    v8c_value v = v8c_get_index(env, arr, i);
    if (!v) return;
    void *d;
    size_t l;
    if (v8c_is(v, V8C_STRING)) {
      total += v8c_string_utf8_length(env, v);
    } else if (v8c_is(v, V8C_ARRAY_BUFFER_VIEW) && v8c_bytes(v, &d, &l)) {
      total += l;
    } else {
      nr__throw_arg_type(env, "chunks", "an array of strings or Uint8Arrays");
      return;
    }
  }
  stream_wrap *w = arg_stream(c);
  if (!w) return v8c_return_int(c, UV_EBADF);
  char *buf = malloc(total ? total : 1);
  if (!buf) return v8c_return_int(c, UV_ENOMEM);
  size_t off = 0;
  for (uint32_t i = 0; i < n; i++) {
    v8c_value v = v8c_get_index(env, arr, i);
    void *d;
    size_t l;
    /* A getter may have changed the array since the first pass. */
    if (v && v8c_is(v, V8C_STRING)) {
      size_t need = v8c_string_utf8_length(env, v);
      if (need > total - off) break;
      off += v8c_string_write_utf8(env, v, buf + off, need);
    } else if (v && v8c_is(v, V8C_ARRAY_BUFFER_VIEW) && v8c_bytes(v, &d, &l)) {
      if (l > total - off) break;
      memcpy(buf + off, d, l);
      off += l;
    } else {
      break;
    }
  }
  int r = do_write(c, w, buf, off, v8c_arg(c, 2));
  free(buf);
  v8c_return_int(c, r);
}

/* shutdown(h, cb) -> 0 (cb(status) follows) or a negative error */
static void shutdown_(v8c_call *c) {
  if (!arg_callback(c, 1, false)) return;
  stream_wrap *w = arg_stream(c);
  if (!w) return v8c_return_int(c, UV_EBADF);
  stream_req *r = malloc(sizeof *r);
  if (!r) return v8c_return_int(c, UV_ENOMEM);
  r->w = w;
  r->len = 0;
  r->cb = v8c_ref_new(v8c_call_env(c), v8c_arg(c, 1));
  int err = uv_shutdown(&r->req.shutdown, w->stream, on_shutdown);
  if (err) {
    v8c_ref_free(r->cb);
    free(r);
  } else {
    hold(w);
  }
  v8c_return_int(c, err);
}

/* close(h[, cb]): cb() runs once the handle is closed. */
static void close_(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  if (!arg_callback(c, 1, true)) return;
  stream_wrap *w = arg_stream(c);
  if (!w) return;
  if (v8c_is(v8c_arg(c, 1), V8C_FUNCTION))
    w->onclose = v8c_ref_new(env, v8c_arg(c, 1));
  v8c_unwrap_clear(env, v8c_arg(c, 0));
  nr__wrap_untrack(&w->base);
  if (w->reading) {
    w->reading = false;
    release(w);
  }
  hold(w);  /* for the close callback; never released */
  close_stream(&w->base);
}

/* ref(h, bool) */
static void ref_(v8c_call *c) {
  stream_wrap *w = arg_stream(c);
  if (!w) return;
  if (v8c_to_bool(v8c_call_env(c), v8c_arg(c, 1)))
    uv_ref((uv_handle_t *)w->stream);
  else
    uv_unref((uv_handle_t *)w->stream);
}

/* hasRef(h) -> boolean */
static void has_ref(v8c_call *c) {
  stream_wrap *w = arg_stream(c);
  v8c_return_bool(c, w && uv_has_ref((uv_handle_t *)w->stream));
}

/* fileno(h) -> the descriptor, or -1 */
static void fileno_(v8c_call *c) {
  stream_wrap *w = arg_stream(c);
  uv_os_fd_t fd;
  if (!w || uv_fileno((uv_handle_t *)w->stream, &fd) != 0)
    return v8c_return_int(c, -1);
  v8c_return_int(c, fd);
}

/* writeQueueSize(h) -> bytes accepted but not yet written */
static void write_queue_size(v8c_call *c) {
  stream_wrap *w = arg_stream(c);
  v8c_return_double(c, w ? (double)w->stream->write_queue_size : 0);
}

/* ---- Pipes ------------------------------------------------------------ */

typedef struct pipe_wrap {
  stream_wrap s;   /* first: on_closed frees through it */
  uv_pipe_t pipe;
} pipe_wrap;

static pipe_wrap *arg_pipe(v8c_call *c) {
  stream_wrap *w = arg_stream(c);
  if (!w || w->stream->type != UV_NAMED_PIPE) return NULL;
  return (pipe_wrap *)w;
}

uv_stream_t *nr__pipe_stream(v8c_env *env, v8c_value handle) {
  stream_wrap *w = v8c_unwrap(env, handle, &stream_tag);
  if (!w || w->closing || w->stream->type != UV_NAMED_PIPE) return NULL;
  return w->stream;
}

/* create() -> a new pipe handle, not yet open */
static void create(v8c_call *c) {
  nr_runtime *rt = nr__rt(c);
  pipe_wrap *p = calloc(1, sizeof *p);
  if (!p) {
    v8c_throw_error(v8c_call_env(c), V8C_ERROR, "ERR_MEMORY_ALLOCATION_FAILED",
                    "Failed to allocate memory");
    return;
  }
  int err = uv_pipe_init(rt->loop, &p->pipe, 0);
  if (err) {
    free(p);
    nr__throw_uv(v8c_call_env(c), err, "uv_pipe_init", NULL, NULL);
    return;
  }
  v8c_value obj = stream_init(rt, &p->s, (uv_stream_t *)&p->pipe);
  if (obj) v8c_return(c, obj);
}

/* open(h, fd) -> 0 or a negative error: the pipe takes over fd. */
static void open_(v8c_call *c) {
  int64_t fd;
  if (!nr__arg_int(c, 1, "fd", 0, INT32_MAX, &fd)) return;
  pipe_wrap *p = arg_pipe(c);
  if (!p) return v8c_return_int(c, UV_EBADF);
  v8c_return_int(c, uv_pipe_open(&p->pipe, (uv_file)fd));
}

static const nr__method methods[] = {
    {"close", close_},
    {"create", create},
    {"fileno", fileno_},
    {"hasRef", has_ref},
    {"open", open_},
    {"readStart", read_start},
    {"readStop", read_stop},
    {"ref", ref_},
    {"shutdown", shutdown_},
    {"writeBuffer", write_buffer},
    {"writeQueueSize", write_queue_size},
    {"writeUtf8String", write_utf8_string},
    {"writev", writev_},
    {NULL, NULL},
};

void nr__ignore_sigpipe(void) {
  struct sigaction old;
  if (sigaction(SIGPIPE, NULL, &old) == 0 && old.sa_handler == SIG_DFL) {
    struct sigaction ign;
    memset(&ign, 0, sizeof ign);
    ign.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &ign, NULL);
  }
}

bool nr__binding_pipe_wrap(nr_runtime *rt, v8c_value target) {
  nr__ignore_sigpipe();
  return nr__set_methods(rt->env, target, methods, NULL);
}
