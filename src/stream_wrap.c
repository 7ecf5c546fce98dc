/* stream_wrap.c — what every libuv stream handle owned by JS shares:
 * reading, writing, shutting down, closing, listening and connecting any
 * uv_stream_t that sits in an nr__stream_wrap. pipe_wrap.c and tcp_wrap.c
 * embed one and add their natives (creation, open, bind, connect) to the
 * generic ones in nr__stream_methods.
 *
 * Lifetime: the struct lives from creation to its uv_close callback. The
 * JS object is held by a weak reference, made strong while anything is in
 * flight (reading, listening, a write, a shutdown, a connect, the close),
 * so callbacks always find it; an idle handle that JS drops is closed at
 * teardown.
 *
 * Callbacks go through properties of the JS handle:
 * - onread(chunk[, handle, kind]): a Uint8Array over the memory libuv read
 *   into (no copy), null at the end of the stream, or a system error; on
 *   an IPC pipe a handle sent along comes as a new wrap and 'tcp' or
 *   'pipe'; after
 *   useUserBuffer(h, view), data is read into that view instead and
 *   onread gets the byte count (net's `onread` option);
 * - onconnection(status, client): a new connection on a listening handle,
 *   client being a new handle of the same kind (undefined on error).
 * Writes, shutdowns and connects take a completion callback called with a
 * status (0 or a negative libuv error). */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* The size of rt->read_buf, what libuv suggests for a read. */
#define READ_BUF_SIZE 65536

/* One tag for every stream wrap, so the generic natives accept a pipe as
 * well as a TCP socket. */
static const int stream_tag = 0;

void nr__stream_hold(nr__stream_wrap *w) {
  if (w->busy++ == 0 && w->object) v8c_ref_weak(w->object, false);
}

void nr__stream_release(nr__stream_wrap *w) {
  if (--w->busy == 0 && w->object) v8c_ref_weak(w->object, true);
}

/* Whether JS may still be called back (not during teardown). */
static bool can_call(nr__stream_wrap *w) {
  return !w->rt->stopping;
}

static void free_bytes(void *data, void *hint) {
  (void)hint;
  free(data);
}

static void on_alloc(uv_handle_t *h, size_t suggested, uv_buf_t *buf) {
  nr__stream_wrap *w = h->data;
  w->in_user_buffer = false;
  if (w->user_buffer && !w->rt->stopping) {
    /* Looked up now: the view's memory cannot move before the read that
     * follows, as no JS runs in between. */
    v8c_scope scope;
    v8c_scope_open(w->rt->env, &scope);
    v8c_value v = v8c_ref_get(w->rt->env, w->user_buffer);
    void *data;
    size_t len;
    if (v && v8c_bytes(v, &data, &len) && len > 0) {
      buf->base = data;
      buf->len = len;
      w->in_user_buffer = true;
    }
    v8c_scope_close(&scope);
    if (w->in_user_buffer) return;
  }
  if (w->consumer) {
    /* The consumer is done with the bytes when on_data returns: one
     * buffer serves every such read. */
    nr_runtime *rt = w->rt;
    if (!rt->read_buf) rt->read_buf = malloc(READ_BUF_SIZE);
    buf->base = rt->read_buf;
    buf->len = rt->read_buf ? READ_BUF_SIZE : 0;
    w->in_read_buf = rt->read_buf != NULL;
    return;
  }
  buf->base = malloc(suggested);
  buf->len = buf->base ? suggested : 0;
}

/* Frees a read buffer unless it is the user's or the runtime's. */
static void free_read_buf(nr__stream_wrap *w, const uv_buf_t *buf) {
  if (!w->in_user_buffer && !w->in_read_buf) free(buf->base);
  w->in_user_buffer = false;
  w->in_read_buf = false;
}

void nr__stream_consume(nr__stream_wrap *w, nr__stream_consumer *sc) {
  w->consumer = sc;
}

/* Calls the handle's property `name` with argc arguments. */
static void call_prop(nr__stream_wrap *w, const char *name, int argc,
                      v8c_value *argv) {
  v8c_env *env = w->rt->env;
  v8c_value self = v8c_ref_get(env, w->object);
  if (!self) return;
  for (int i = 0; i < argc; i++)
    if (!argv[i]) return;
  v8c_value fn = v8c_get_named(env, self, name);
  if (fn && v8c_is(fn, V8C_FUNCTION)) nr__callback(w->rt, fn, self, argc, argv);
}

static void on_read(uv_stream_t *s, ssize_t n, const uv_buf_t *buf) {
  nr__stream_wrap *w = s->data;
  if (n == 0 || !can_call(w)) {
    free_read_buf(w, buf);
    return;
  }
  if (n > 0 && w->in_read_buf && w->consumer) {
    w->in_read_buf = false;
    nr__stream_hold(w);
    w->consumer->on_data(w->consumer, buf->base, (size_t)n);
    nr__stream_release(w);
    return;
  }
  v8c_env *env = w->rt->env;
  v8c_scope scope;
  v8c_scope_open(env, &scope);
  v8c_value arg;
  if (n > 0 && w->in_user_buffer) {
    w->in_user_buffer = false;
    arg = v8c_number(env, (double)n);
  } else if (n > 0 && w->in_read_buf) {
    /* Read for a consumer that let go meanwhile: JS gets a copy. */
    w->in_read_buf = false;
    void *data;
    v8c_value ab = v8c_arraybuffer_uninit(env, (size_t)n, &data);
    if (ab) memcpy(data, buf->base, (size_t)n);
    arg = ab ? v8c_uint8array(env, ab, 0, (size_t)n) : NULL;
  } else if (n > 0) {
    /* The chunk keeps the memory it was read into: no copy. */
    char *data = realloc(buf->base, (size_t)n);
    if (!data) data = buf->base;
    v8c_value ab = v8c_arraybuffer_external(env, data, (size_t)n, free_bytes,
                                            NULL);
    arg = ab ? v8c_uint8array(env, ab, 0, (size_t)n) : NULL;
  } else {
    free_read_buf(w, buf);
    /* The end or an error ends reading: the loop need not wait for it. */
    if (w->reading) {
      uv_read_stop(s);
      w->reading = false;
      nr__stream_release(w);
    }
    arg = n == UV_EOF ? v8c_null(env) : nr__uv_error(env, (int)n, "read",
                                                     NULL, NULL);
  }
  /* A handle sent with this data over an IPC pipe comes as two more
   * arguments: a new wrap of its kind holding it, and 'tcp', 'pipe' or
   * 'udp'. */
  v8c_value argv[3] = {arg, NULL, NULL};
  int argc = 1;
  if (n > 0 && s->type == UV_NAMED_PIPE && ((uv_pipe_t *)s)->ipc &&
      uv_pipe_pending_count((uv_pipe_t *)s) > 0) {
    uv_handle_type type = uv_pipe_pending_type((uv_pipe_t *)s);
    int err = UV_EINVAL;
    v8c_value h = type == UV_TCP ? nr__tcp_accept(w, &err)
                  : type == UV_NAMED_PIPE ? nr__pipe_accept(w, &err)
                  : type == UV_UDP ? nr__udp_accept(w, &err)
                  : NULL;
    const char *kind = type == UV_TCP ? "tcp"
                       : type == UV_NAMED_PIPE ? "pipe" : "udp";
    if (h) {
      argv[argc++] = h;
      argv[argc++] = v8c_string_static(env, kind, strlen(kind));
    }
  }
  /* Keep the object while JS runs, even if it stops reading meanwhile. */
  nr__stream_hold(w);
  call_prop(w, "onread", argc, argv);
  nr__stream_release(w);
  v8c_scope_close(&scope);
}

void nr__call_onclose(nr_runtime *rt, v8c_ref *onclose, v8c_ref *object) {
  if (!onclose || rt->stopping) return;
  v8c_env *env = rt->env;
  v8c_scope scope;
  v8c_scope_open(env, &scope);
  v8c_value fn = v8c_ref_get(env, onclose);
  v8c_value self = v8c_ref_get(env, object);
  if (fn) nr__callback(rt, fn, self ? self : v8c_undefined(env), 0, NULL);
  v8c_scope_close(&scope);
}

static void on_closed(uv_handle_t *h) {
  nr__stream_wrap *w = h->data;
  nr__call_onclose(w->rt, w->onclose, w->object);
  v8c_ref_free(w->object);
  v8c_ref_free(w->onclose);
  v8c_ref_free(w->user_buffer);
  /* The stream wrap is the first member of every embedding struct. */
  free(w);
}

/* Starts closing; the struct is freed in on_closed. */
static void close_stream(nr__handle_wrap *base) {
  nr__stream_wrap *w = (nr__stream_wrap *)base;
  if (w->closing) return;
  w->closing = true;
  nr__stream_consumer *sc = w->consumer;
  w->consumer = NULL;
  if (sc) sc->detach(sc);
  uv_close((uv_handle_t *)w->stream, on_closed);
}

v8c_value nr__stream_init(nr_runtime *rt, nr__stream_wrap *w, uv_stream_t *s,
                          nr__accept_fn accept) {
  v8c_env *env = rt->env;
  w->rt = rt;
  w->stream = s;
  w->accept = accept;
  s->data = w;
  v8c_value obj = v8c_wrap(env, &stream_tag, w, NULL, NULL);
  if (obj) {
    w->object = v8c_ref_new(env, obj);
    v8c_ref_weak(w->object, true);
  }
  nr__wrap_track(rt, &w->base, close_stream);
  return obj;
}

void nr__stream_discard(nr__stream_wrap *w) {
  nr__wrap_untrack(&w->base);
  close_stream(&w->base);
}

nr__stream_wrap *nr__stream_unwrap(v8c_env *env, v8c_value handle) {
  nr__stream_wrap *w = v8c_unwrap(env, handle, &stream_tag);
  if (!w || w->closing) return NULL;
  return w;
}

/* The open stream wrap in argument 0, or NULL (no exception: a closed or
 * foreign handle makes the native a no-op returning EBADF). */
static nr__stream_wrap *arg_stream(v8c_call *c) {
  return nr__stream_unwrap(v8c_call_env(c), v8c_arg(c, 0));
}

bool nr__arg_callback(v8c_call *c, int i, bool optional) {
  v8c_value v = v8c_arg(c, i);
  if (v8c_is(v, V8C_FUNCTION) || (optional && v8c_is(v, V8C_UNDEFINED)))
    return true;
  nr__throw_arg_type(v8c_call_env(c), "callback", "function");
  return false;
}

/* readStart(h) -> 0 or a negative error */
static void read_start(v8c_call *c) {
  nr__stream_wrap *w = arg_stream(c);
  if (!w) return v8c_return_int(c, UV_EBADF);
  if (w->reading) return v8c_return_int(c, 0);
  int err = uv_read_start(w->stream, on_alloc, on_read);
  if (err == 0) {
    w->reading = true;
    nr__stream_hold(w);
  }
  v8c_return_int(c, err);
}

/* readStop(h) -> 0 or a negative error */
static void read_stop(v8c_call *c) {
  nr__stream_wrap *w = arg_stream(c);
  if (!w) return v8c_return_int(c, UV_EBADF);
  if (!w->reading) return v8c_return_int(c, 0);
  w->reading = false;
  nr__stream_release(w);
  v8c_return_int(c, uv_read_stop(w->stream));
}

/* useUserBuffer(h, view): later reads land in view (a Uint8Array or
 * other ArrayBufferView), and onread gets the number of bytes. */
static void use_user_buffer(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_value v = v8c_arg(c, 1);
  if (!v8c_is(v, V8C_ARRAY_BUFFER_VIEW)) {
    nr__throw_arg_type(env, "buffer", "an instance of ArrayBufferView");
    return;
  }
  nr__stream_wrap *w = arg_stream(c);
  if (!w) return;
  v8c_ref_free(w->user_buffer);
  w->user_buffer = v8c_ref_new(env, v);
}

/* A write, shutdown or connect in flight: its callback and, for a write,
 * the bytes (copied, so JS may reuse or detach its buffer at once). */
typedef struct stream_req {
  union {
    uv_write_t write;
    uv_shutdown_t shutdown;
    uv_connect_t connect;
  } req;
  nr__stream_wrap *w;
  v8c_ref *cb;
  v8c_pin **pins;        /* the caller's bytes, held rather than copied */
  unsigned npins;
  _Alignas(void *) char data[];  /* copied bytes, then the pins */
} stream_req;

/* A request with room for `copy` bytes and `npins` pins. */
static stream_req *req_new(v8c_env *env, nr__stream_wrap *w, v8c_value cb,
                           size_t copy, unsigned npins) {
  size_t at = (copy + sizeof(void *) - 1) & ~(sizeof(void *) - 1);
  stream_req *r = malloc(sizeof *r + at + npins * sizeof(v8c_pin *));
  if (!r) return NULL;
  r->w = w;
  r->cb = v8c_ref_new(env, cb);
  r->pins = (v8c_pin **)(r->data + at);
  r->npins = 0;
  return r;
}

static void req_free(stream_req *r) {
  v8c_ref_free(r->cb);
  for (unsigned i = 0; i < r->npins; i++) v8c_pin_release(r->pins[i]);
  free(r);
}

/* Calls a request's callback with its status, then frees it. */
static void finish_req(stream_req *r, int status) {
  nr__stream_wrap *w = r->w;
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
  req_free(r);
  nr__stream_release(w);
}

static void on_write(uv_write_t *req, int status) {
  finish_req((stream_req *)req, status);
}

static void on_shutdown(uv_shutdown_t *req, int status) {
  finish_req((stream_req *)req, status);
}

void nr__on_connect(uv_connect_t *req, int status) {
  finish_req((stream_req *)req, status);
}

uv_connect_t *nr__connect_req_new(v8c_env *env, nr__stream_wrap *w,
                                  v8c_value cb) {
  stream_req *r = req_new(env, w, cb, 0, 0);
  if (!r) return NULL;
  nr__stream_hold(w);
  return &r->req.connect;
}

void nr__connect_req_free(uv_connect_t *req) {
  stream_req *r = (stream_req *)req;
  nr__stream_wrap *w = r->w;
  req_free(r);
  nr__stream_release(w);
}

/* What is left of a write from a view at least this big is not copied:
 * the write holds the view's memory (v8c_bytes_pin) until it is done. */
#define PIN_MIN (4 * 1024)

/* A piece of a write: bytes, and the view they are the memory of (NULL
 * when they are a temporary copy). */
typedef struct wpiece {
  const char *data;
  size_t len;
  v8c_value view;
} wpiece;

/* Writes the pieces in order, as one writev; what the kernel does not
 * take at once is queued, copied unless it is a big enough piece of a
 * view, which is pinned instead. Returns 0 when all was written now (cb
 * not called), 1 when queued (cb(status) follows), or a negative error.
 * `send` is a handle to pass along over an IPC pipe. */
static int write_pieces(v8c_call *c, nr__stream_wrap *w, const wpiece *p,
                        unsigned np, v8c_value cb, uv_stream_t *send) {
  size_t total = 0;
  for (unsigned i = 0; i < np; i++) total += p[i].len;
  /* Nothing to write is done at once, as in Node: queueing it would hold
   * back the writes that follow. */
  if (total == 0 && !send) return 0;
  uv_buf_t local_bufs[8];
  v8c_pin *local_pins[8];
  uv_buf_t *b = local_bufs;
  v8c_pin **pins = local_pins;
  if (np > 8) {
    b = malloc(np * sizeof *b);
    pins = malloc(np * sizeof *pins);
    if (!b || !pins) {
      free(b);
      free(pins);
      return UV_ENOMEM;
    }
  }
  int ret = 1;
  size_t done = 0;
  if (w->stream->write_queue_size == 0 && total > 0 && !send) {
    for (unsigned i = 0; i < np; i++)
      b[i] = uv_buf_init((char *)p[i].data, (unsigned)p[i].len);
    int n = uv_try_write(w->stream, b, np);
    if (n == UV_EAGAIN || n == UV_ENOSYS) n = 0;
    if (n < 0 || (size_t)n == total) {
      ret = n < 0 ? n : 0;
      goto out;
    }
    done = (size_t)n;
  }
  /* Skip what went out (keeping one piece, however empty: a handle sent
   * alone needs a buffer to go with). */
  unsigned first = 0;
  while (first + 1 < np && done >= p[first].len) done -= p[first++].len;
  size_t copy = 0;
  unsigned npins = 0;
  for (unsigned i = first; i < np; i++) {
    size_t rest = p[i].len - (i == first ? done : 0);
    v8c_pin *pin = NULL;
    if (p[i].view && rest >= PIN_MIN) {
      void *pd;
      size_t pl;
      pin = v8c_bytes_pin(p[i].view, &pd, &pl);
      /* The same bytes, or give up the pin and copy. */
      if (pin && (pd != (void *)p[i].data || pl != p[i].len)) {
        v8c_pin_release(pin);
        pin = NULL;
      }
    }
    pins[i] = pin;
    if (pin) npins++;
    else copy += rest;
  }
  stream_req *r = req_new(v8c_call_env(c), w, cb, copy, npins);
  if (!r) {
    for (unsigned i = first; i < np; i++) v8c_pin_release(pins[i]);
    ret = UV_ENOMEM;
    goto out;
  }
  unsigned nb = 0;
  size_t at = 0;
  bool last_copied = false;
  for (unsigned i = first; i < np; i++) {
    size_t skip = i == first ? done : 0;
    size_t rest = p[i].len - skip;
    if (pins[i]) {
      r->pins[r->npins++] = pins[i];
      b[nb++] = uv_buf_init((char *)p[i].data + skip, (unsigned)rest);
      last_copied = false;
      continue;
    }
    if (rest) memcpy(r->data + at, p[i].data + skip, rest);
    if (last_copied) {
      b[nb - 1].len += rest;  /* copies in a row make one buffer */
    } else {
      b[nb++] = uv_buf_init(r->data + at, (unsigned)rest);
      last_copied = true;
    }
    at += rest;
  }
  int err = send ? uv_write2(&r->req.write, w->stream, b, nb, send, on_write)
                 : uv_write(&r->req.write, w->stream, b, nb, on_write);
  if (err) {
    req_free(r);
    ret = err;
  } else {
    nr__stream_hold(w);
  }
out:
  if (b != local_bufs) {
    free(b);
    free(pins);
  }
  return ret;
}

static int do_write(v8c_call *c, nr__stream_wrap *w, const char *data,
                    size_t len, v8c_value cb, uv_stream_t *send,
                    v8c_value view) {
  wpiece piece = {data, len, view};
  return write_pieces(c, w, &piece, 1, cb, send);
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
  if (!nr__arg_callback(c, 2, false)) return;
  nr__stream_wrap *w = arg_stream(c);
  if (!w) return v8c_return_int(c, UV_EBADF);
  v8c_return_int(c, do_write(c, w, data, len, v8c_arg(c, 2), NULL, v));
}

/* Strings this short are encoded on the stack rather than malloc'd: the
 * bytes are copied again only if the kernel does not take them at once. */
#define SCRATCH_SIZE 16384

/* Encodes string s as UTF-8 (latin1: each UTF-16 unit's low byte, as
 * Buffer's 'latin1') into scratch when it fits for sure, else into a new
 * malloc'd block left in *heap. NULL when out of memory. */
static char *encode_string(v8c_env *env, v8c_value s, bool latin1,
                           char *scratch, size_t *len, char **heap) {
  size_t units = v8c_string_length(s);
  *heap = NULL;
  if (latin1) {
    char *buf = scratch;
    if (units > SCRATCH_SIZE) buf = *heap = malloc(units);
    if (!buf) return NULL;
    *len = v8c_string_write_latin1(env, s, (uint8_t *)buf, 0, units);
    return buf;
  }
  /* A UTF-16 unit takes at most 3 bytes of UTF-8. */
  size_t cap = units * 3;
  char *buf = scratch;
  if (cap > SCRATCH_SIZE) {
    cap = v8c_string_utf8_length(env, s);
    buf = *heap = malloc(cap ? cap : 1);
    if (!buf) return NULL;
  }
  *len = v8c_string_write_utf8(env, s, buf, cap);
  return buf;
}

/* writeUtf8String(h, string, cb, sendHandle) -> as writeBuffer; the
 * optional handle goes along over an IPC pipe. */
static void write_utf8_string(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_value s = v8c_arg(c, 1);
  if (!v8c_is(s, V8C_STRING)) {
    nr__throw_arg_type(env, "string", "string");
    return;
  }
  if (!nr__arg_callback(c, 2, false)) return;
  nr__stream_wrap *w = arg_stream(c);
  if (!w) return v8c_return_int(c, UV_EBADF);
  /* Over an IPC pipe, a stream or UDP handle can go along with the text. */
  uv_stream_t *send = NULL;
  if (!v8c_is(v8c_arg(c, 3), V8C_NULL_OR_UNDEFINED)) {
    nr__stream_wrap *h = nr__stream_unwrap(env, v8c_arg(c, 3));
    send = h ? h->stream : nr__udp_for_send(env, v8c_arg(c, 3));
    bool ipc = w->stream->type == UV_NAMED_PIPE &&
               ((uv_pipe_t *)w->stream)->ipc;
    if (!send || !ipc) return v8c_return_int(c, UV_EINVAL);
  }
  char scratch[SCRATCH_SIZE], *heap;
  size_t len;
  char *buf = encode_string(env, s, false, scratch, &len, &heap);
  if (!buf) return v8c_return_int(c, UV_ENOMEM);
  int r = do_write(c, w, buf, len, v8c_arg(c, 2), send, NULL);
  free(heap);
  v8c_return_int(c, r);
}

/* writeLatin1String(h, string, cb) -> as writeBuffer; each UTF-16 unit's
 * low byte, as Buffer's 'latin1' / 'binary' encoding. */
static void write_latin1_string(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_value s = v8c_arg(c, 1);
  if (!v8c_is(s, V8C_STRING)) {
    nr__throw_arg_type(env, "string", "string");
    return;
  }
  if (!nr__arg_callback(c, 2, false)) return;
  nr__stream_wrap *w = arg_stream(c);
  if (!w) return v8c_return_int(c, UV_EBADF);
  char scratch[SCRATCH_SIZE], *heap;
  size_t len;
  char *buf = encode_string(env, s, true, scratch, &len, &heap);
  if (!buf) return v8c_return_int(c, UV_ENOMEM);
  int r = do_write(c, w, buf, len, v8c_arg(c, 2), NULL, NULL);
  free(heap);
  v8c_return_int(c, r);
}

/* A chunk of writev: its value, how a string is encoded, and a view's
 * bytes. */
typedef struct wchunk {
  v8c_value v;
  bool latin1;
  bool big;              /* a view written from its own memory */
  void *data;
  size_t len;
} wchunk;

/* writev(h, chunks, cb[, pairs]): chunks is an array of Uint8Arrays and
 * strings (UTF-8), written as one. With pairs true it holds a chunk then
 * its kind, alternately: 0 a view or a UTF-8 string, 1 a Latin-1 string
 * (the encodings the socket would otherwise have to convert in JS).
 * Strings and small views are packed into one buffer; views of PIN_MIN
 * bytes or more go out from their own memory, in the same writev.
 * Returns as writeBuffer. */
static void writev_(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_value arr = v8c_arg(c, 1);
  if (!v8c_is(arr, V8C_ARRAY)) {
    nr__throw_arg_type(env, "chunks", "an instance of Array");
    return;
  }
  if (!nr__arg_callback(c, 2, false)) return;
  bool pairs = v8c_is(v8c_arg(c, 3), V8C_BOOLEAN) &&
               v8c_to_bool(env, v8c_arg(c, 3));
  uint32_t len = v8c_array_length(arr);
  uint32_t n = pairs ? len / 2 : len;
  wchunk local[16];
  wpiece local_pieces[16];
  wchunk *chunks = local;
  wpiece *pieces = local_pieces;
  char *buf = NULL;
  if (n > 16) {
    chunks = malloc(n * sizeof *chunks);
    pieces = malloc(n * sizeof *pieces);
    if (!chunks || !pieces) {
      v8c_throw_error(env, V8C_RANGE_ERROR, "ERR_MEMORY_ALLOCATION_FAILED",
                      "Failed to allocate memory");
      goto out;
    }
  }
  /* Check every chunk and bound the packed size (each value is read once:
   * a getter cannot make the two disagree). */
  size_t bound = 0;
  for (uint32_t i = 0; i < n; i++) {
    v8c_value v = v8c_get_index(env, arr, pairs ? 2 * i : i);
    bool latin1 = false;
    if (v && pairs) {
      v8c_value k = v8c_get_index(env, arr, 2 * i + 1);
      if (!k) goto out;
      latin1 = v8c_is(k, V8C_NUMBER) && v8c_value_double(k) == 1;
    }
    if (!v) goto out;
    wchunk *ch = &chunks[i];
    *ch = (wchunk){v, latin1, false, NULL, 0};
    if (v8c_is(v, V8C_STRING)) {
      size_t units = v8c_string_length(v);
      bound += latin1 ? units : units * 3;
    } else if (v8c_is(v, V8C_ARRAY_BUFFER_VIEW) &&
               v8c_bytes(v, &ch->data, &ch->len)) {
      ch->big = ch->len >= PIN_MIN;
      if (!ch->big) bound += ch->len;
    } else {
      nr__throw_arg_type(env, "chunks", "an array of strings or Uint8Arrays");
      goto out;
    }
  }
  nr__stream_wrap *w = arg_stream(c);
  if (!w) {
    v8c_return_int(c, UV_EBADF);
    goto out;
  }
  char scratch[SCRATCH_SIZE];
  if (bound > sizeof scratch) {
    /* Too big for the stack: the exact size, not 3 bytes a unit. */
    bound = 0;
    for (uint32_t i = 0; i < n; i++) {
      if (chunks[i].big) continue;
      v8c_value v = chunks[i].v;
      if (!v8c_is(v, V8C_STRING))
        bound += chunks[i].len;
      else if (chunks[i].latin1)
        bound += v8c_string_length(v);
      else
        bound += v8c_string_utf8_length(env, v);
    }
    if (!(buf = malloc(bound ? bound : 1))) {
      v8c_return_int(c, UV_ENOMEM);
      goto out;
    }
  }
  char *pack = buf ? buf : scratch;
  size_t off = 0;
  unsigned np = 0;
  for (uint32_t i = 0; i < n; i++) {
    wchunk *ch = &chunks[i];
    /* Read again: a getter of a later element may have detached a view
     * checked before it (a view shrinks then, it never grows). */
    if (!v8c_is(ch->v, V8C_STRING) && !v8c_bytes(ch->v, &ch->data, &ch->len))
      ch->len = 0;
    if (ch->big) {
      pieces[np++] = (wpiece){ch->data, ch->len, ch->v};
      continue;
    }
    size_t at = off;
    if (v8c_is(ch->v, V8C_STRING)) {
      size_t units = v8c_string_length(ch->v);
      if (ch->latin1)
        off += v8c_string_write_latin1(env, ch->v, (uint8_t *)pack + off, 0,
                                       units);
      else
        off += v8c_string_write_utf8(env, ch->v, pack + off, bound - off);
    } else if (ch->len) {
      /* (An empty view may have no memory at all: data NULL.) */
      memcpy(pack + off, ch->data, ch->len);
      off += ch->len;
    }
    /* Packed chunks in a row make one piece. */
    if (np > 0 && !pieces[np - 1].view &&
        pieces[np - 1].data + pieces[np - 1].len == pack + at)
      pieces[np - 1].len += off - at;
    else
      pieces[np++] = (wpiece){pack + at, off - at, NULL};
  }
  v8c_return_int(c, write_pieces(c, w, pieces, np, v8c_arg(c, 2), NULL));
out:
  free(buf);
  if (chunks != local) free(chunks);
  if (pieces != local_pieces) free(pieces);
}

/* shutdown(h, cb) -> 0 (cb(status) follows) or a negative error */
static void shutdown_(v8c_call *c) {
  if (!nr__arg_callback(c, 1, false)) return;
  nr__stream_wrap *w = arg_stream(c);
  if (!w) return v8c_return_int(c, UV_EBADF);
  stream_req *r = req_new(v8c_call_env(c), w, v8c_arg(c, 1), 0, 0);
  if (!r) return v8c_return_int(c, UV_ENOMEM);
  int err = uv_shutdown(&r->req.shutdown, w->stream, on_shutdown);
  if (err) {
    req_free(r);
  } else {
    nr__stream_hold(w);
  }
  v8c_return_int(c, err);
}

/* A new connection on a listening handle: the embedding kind makes and
 * accepts the client, JS gets it through onconnection(status, client). */
static void on_connection(uv_stream_t *s, int status) {
  nr__stream_wrap *w = s->data;
  if (!can_call(w)) return;
  v8c_env *env = w->rt->env;
  v8c_scope scope;
  v8c_scope_open(env, &scope);
  v8c_value client = NULL;
  if (status == 0) client = w->accept(w, &status);
  v8c_value argv[2] = {v8c_int32(env, status),
                       client ? client : v8c_undefined(env)};
  nr__stream_hold(w);
  call_prop(w, "onconnection", 2, argv);
  nr__stream_release(w);
  v8c_scope_close(&scope);
}

/* listen(h, backlog) -> 0 or a negative error */
static void listen_(v8c_call *c) {
  int64_t backlog;
  if (!nr__arg_int(c, 1, "backlog", INT32_MIN, INT32_MAX, &backlog)) return;
  nr__stream_wrap *w = arg_stream(c);
  if (!w) return v8c_return_int(c, UV_EBADF);
  if (!w->accept) return v8c_return_int(c, UV_ENOTSUP);
  if (w->listening) return v8c_return_int(c, 0);
  if (backlog < 0) backlog = 511;
  int err = uv_listen(w->stream, (int)backlog, on_connection);
  if (err == 0) {
    w->listening = true;
    nr__stream_hold(w);
  }
  v8c_return_int(c, err);
}

/* close(h[, cb]): cb() runs once the handle is closed. */
static void close_(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  if (!nr__arg_callback(c, 1, true)) return;
  nr__stream_wrap *w = arg_stream(c);
  if (!w) return;
  if (v8c_is(v8c_arg(c, 1), V8C_FUNCTION))
    w->onclose = v8c_ref_new(env, v8c_arg(c, 1));
  v8c_unwrap_clear(env, v8c_arg(c, 0));
  nr__wrap_untrack(&w->base);
  if (w->reading) {
    w->reading = false;
    nr__stream_release(w);
  }
  if (w->listening) {
    w->listening = false;
    nr__stream_release(w);
  }
  nr__stream_hold(w);  /* for the close callback; never released */
  close_stream(&w->base);
}

/* ref(h, bool) */
static void ref_(v8c_call *c) {
  nr__stream_wrap *w = arg_stream(c);
  if (!w) return;
  if (v8c_to_bool(v8c_call_env(c), v8c_arg(c, 1)))
    uv_ref((uv_handle_t *)w->stream);
  else
    uv_unref((uv_handle_t *)w->stream);
}

/* hasRef(h) -> boolean */
static void has_ref(v8c_call *c) {
  nr__stream_wrap *w = arg_stream(c);
  v8c_return_bool(c, w && uv_has_ref((uv_handle_t *)w->stream));
}

/* fileno(h) -> the descriptor, or -1 */
static void fileno_(v8c_call *c) {
  nr__stream_wrap *w = arg_stream(c);
  uv_os_fd_t fd;
  if (!w || uv_fileno((uv_handle_t *)w->stream, &fd) != 0)
    return v8c_return_int(c, -1);
  v8c_return_int(c, fd);
}

/* writeQueueSize(h) -> bytes accepted but not yet written */
static void write_queue_size(v8c_call *c) {
  nr__stream_wrap *w = arg_stream(c);
  v8c_return_double(c, w ? (double)w->stream->write_queue_size : 0);
}

const nr__method nr__stream_methods[] = {
    {"close", close_},
    {"fileno", fileno_},
    {"hasRef", has_ref},
    {"listen", listen_},
    {"readStart", read_start},
    {"readStop", read_stop},
    {"ref", ref_},
    {"shutdown", shutdown_},
    {"useUserBuffer", use_user_buffer},
    {"writeBuffer", write_buffer},
    {"writeLatin1String", write_latin1_string},
    {"writeQueueSize", write_queue_size},
    {"writeUtf8String", write_utf8_string},
    {"writev", writev_},
    {NULL, NULL},
};
