/* stdio.c — binding 'stdio': the natives under process.stdout, stderr and
 * stdin.
 *
 * Writes are synchronous, as Node makes them for files and TTYs: output is
 * never lost when the process exits right after a write. (Node writes to
 * pipes asynchronously; doing it synchronously here is simpler and keeps
 * the same bytes in the same order.) Reads from stdin are asynchronous,
 * through a libuv stream (TTY, pipe, socket) or the threadpool (a file). */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "internal.h"

static const char *handle_type_name(uv_handle_type t) {
  switch (t) {
    case UV_TTY: return "TTY";
    case UV_FILE: return "FILE";
    case UV_NAMED_PIPE: return "PIPE";
    case UV_TCP: return "TCP";
    case UV_UDP: return "UDP";
    default: return "UNKNOWN";
  }
}

static bool arg_fd(v8c_call *c, int *fd) {
  int64_t v;
  if (!nr__arg_int(c, 0, "fd", 0, INT32_MAX, &v)) return false;
  *fd = (int)v;
  return true;
}

/* guessHandleType(fd) -> 'TTY' | 'FILE' | 'PIPE' | 'TCP' | 'UDP' | 'UNKNOWN' */
static void guess_handle_type(v8c_call *c) {
  int fd;
  if (!arg_fd(c, &fd)) return;
  v8c_return(c, v8c_string(v8c_call_env(c), handle_type_name(uv_guess_handle(fd)),
                           (size_t)-1));
}

/* Writes all of buf, waiting when the descriptor is non-blocking and full. */
static int write_all(int fd, const char *buf, size_t len) {
  while (len > 0) {
    ssize_t n = write(fd, buf, len);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN) {
        struct pollfd p = {.fd = fd, .events = POLLOUT};
        poll(&p, 1, -1);
        continue;
      }
      return -errno;
    }
    buf += n;
    len -= (size_t)n;
  }
  return 0;
}

/* writeSync(fd, string | ArrayBufferView) */
static void write_sync(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  int fd;
  if (!arg_fd(c, &fd)) return;
  v8c_value data = v8c_arg(c, 1);
  int err;
  if (v8c_is(data, V8C_STRING)) {
    char stackbuf[4096];
    size_t need = v8c_string_utf8_length(env, data);
    char *buf = need <= sizeof stackbuf ? stackbuf : malloc(need);
    if (!buf) {
      v8c_throw_error(env, V8C_RANGE_ERROR, "ERR_MEMORY_ALLOCATION_FAILED",
                      "Failed to allocate memory");
      return;
    }
    size_t n = v8c_string_write_utf8(env, data, buf, need);
    err = write_all(fd, buf, n);
    if (buf != stackbuf) free(buf);
  } else {
    void *bytes;
    size_t len;
    if (!v8c_is(data, V8C_ARRAY_BUFFER_VIEW) || !v8c_bytes(data, &bytes, &len)) {
      nr__throw_arg_type(env, "data", "string or an instance of Uint8Array");
      return;
    }
    err = write_all(fd, bytes, len);
  }
  if (err) nr__throw_uv(env, err, "write", NULL, NULL);
}

/* getWindowSize(fd) -> [columns, rows] or undefined when not a terminal */
static void get_window_size(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  int fd;
  if (!arg_fd(c, &fd)) return;
  struct winsize ws;
  if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return;
  int w = ws.ws_col, h = ws.ws_row;
  v8c_value arr = v8c_array(env, 2);
  v8c_set_index(env, arr, 0, v8c_int32(env, w));
  v8c_set_index(env, arr, 1, v8c_int32(env, h));
  v8c_return(c, arr);
}

/* ---- Reading stdin ---------------------------------------------------- */

typedef struct reader {
  nr__handle_wrap base;
  union {
    uv_handle_t handle;
    uv_stream_t stream;
    uv_tty_t tty;
    uv_pipe_t pipe;
    uv_idle_t idle;
  } h;
  bool is_file, reading, fs_busy, closed;
  int fd;
  int64_t offset;
  uv_fs_t req;
  char *fs_buf;
  v8c_ref *object;  /* the JS handle; strong while reading */
  v8c_ref *onread;  /* onread(chunk | null at EOF | error) */
} reader;

static const int reader_tag = 0;
#define READ_SIZE 65536

static void free_reader(reader *r) {
  v8c_ref_free(r->object);
  v8c_ref_free(r->onread);
  free(r->fs_buf);
  free(r);
}

static void on_reader_closed(uv_handle_t *h) {
  reader *r = h->data;
  if (!r->fs_busy) free_reader(r);
  else r->closed = true;  /* freed when the read in flight returns */
}

static void close_reader(nr__handle_wrap *w) {
  reader *r = (reader *)w;
  /* A terminal left in raw mode (process.exit() in the middle of a REPL
   * or a readline session) gets its normal mode back: the shell the user
   * returns to must echo again. */
  if (r->h.handle.type == UV_TTY)
    uv_tty_set_mode(&r->h.tty, UV_TTY_MODE_NORMAL);
  uv_close(&r->h.handle, on_reader_closed);
}

/* Hands a chunk (or the end, or an error) to JS. */
static void deliver(reader *r, const char *data, ssize_t n) {
  nr_runtime *rt = r->base.rt;
  if (!rt || rt->stopping) return;
  v8c_env *env = rt->env;
  v8c_scope scope;
  v8c_scope_open(env, &scope);
  v8c_value arg;
  if (n > 0) {
    void *bytes;
    v8c_value ab = v8c_arraybuffer(env, (size_t)n, &bytes);
    memcpy(bytes, data, (size_t)n);
    arg = v8c_uint8array(env, ab, 0, (size_t)n);
  } else if (n == UV_EOF || n == 0) {
    arg = v8c_null(env);
  } else {
    arg = nr__uv_error(env, (int)n, "read", NULL, NULL);
  }
  v8c_value fn = v8c_ref_get(env, r->onread);
  v8c_value self = v8c_ref_get(env, r->object);
  if (fn && arg) nr__callback(rt, fn, self, 1, &arg);
  v8c_scope_close(&scope);
}

static void on_alloc(uv_handle_t *h, size_t suggested, uv_buf_t *buf) {
  (void)h;
  buf->base = malloc(suggested);
  buf->len = buf->base ? suggested : 0;
}

static void on_stream_read(uv_stream_t *s, ssize_t n, const uv_buf_t *buf) {
  reader *r = s->data;
  if (n != 0) deliver(r, buf->base, n);
  if (n < 0 && r->reading) {
    uv_read_stop(s);
    r->reading = false;
  }
  free(buf->base);
}

static void start_file_read(reader *r);

static void on_file_read(uv_fs_t *req) {
  reader *r = req->data;
  ssize_t n = req->result;
  uv_fs_req_cleanup(req);
  r->fs_busy = false;
  if (r->closed) return free_reader(r);
  if (n > 0) r->offset += n;
  deliver(r, r->fs_buf, n == 0 ? UV_EOF : n);
  if (n <= 0) r->reading = false;
  if (r->reading && r->base.rt) start_file_read(r);
}

static void start_file_read(reader *r) {
  if (r->fs_busy) return;
  uv_buf_t b = uv_buf_init(r->fs_buf, READ_SIZE);
  r->req.data = r;
  r->fs_busy = true;
  int err = uv_fs_read(r->base.rt->loop, &r->req, r->fd, &b, 1, r->offset,
                       on_file_read);
  if (err) {
    r->fs_busy = false;
    r->reading = false;
    deliver(r, NULL, err);
  }
}

/* createReader(fd, onread) -> handle */
static void create_reader(v8c_call *c) {
  nr_runtime *rt = nr__rt(c);
  v8c_env *env = v8c_call_env(c);
  int fd;
  if (!arg_fd(c, &fd)) return;
  if (!v8c_is(v8c_arg(c, 1), V8C_FUNCTION)) {
    nr__throw_arg_type(env, "onread", "function");
    return;
  }
  reader *r = calloc(1, sizeof *r);
  if (!r) return;
  r->fd = fd;
  uv_handle_type t = uv_guess_handle(fd);
  int err;
  if (t == UV_TTY) {
    err = uv_tty_init(rt->loop, &r->h.tty, fd, 1);
  } else if (t == UV_NAMED_PIPE || t == UV_TCP) {
    err = uv_pipe_init(rt->loop, &r->h.pipe, 0);
    if (!err) {
      err = uv_pipe_open(&r->h.pipe, fd);
      if (err) uv_close(&r->h.handle, NULL);
    }
  } else {
    /* A file: read on the threadpool. An idle handle that never starts
     * gives it the same close protocol as the streams. */
    r->is_file = true;
    r->fs_buf = malloc(READ_SIZE);
    err = r->fs_buf ? uv_idle_init(rt->loop, &r->h.idle) : UV_ENOMEM;
  }
  if (err) {
    free(r->fs_buf);
    free(r);
    nr__throw_uv(env, err, "open", NULL, NULL);
    return;
  }
  r->h.handle.data = r;
  v8c_value obj = v8c_wrap(env, &reader_tag, r, NULL, NULL);
  r->object = v8c_ref_new(env, obj);
  r->onread = v8c_ref_new(env, v8c_arg(c, 1));
  nr__wrap_track(rt, &r->base, close_reader);
  v8c_return(c, obj);
}

static reader *this_reader(v8c_call *c) {
  reader *r = v8c_unwrap(v8c_call_env(c), v8c_arg(c, 0), &reader_tag);
  if (!r || !r->base.rt) {
    v8c_throw_error(v8c_call_env(c), V8C_ERROR, "ERR_INVALID_HANDLE",
                    "The stdin handle is closed");
    return NULL;
  }
  return r;
}

static void read_start(v8c_call *c) {
  reader *r = this_reader(c);
  if (!r || r->reading) return;
  r->reading = true;
  if (r->is_file) {
    start_file_read(r);
    return;
  }
  int err = uv_read_start(&r->h.stream, on_alloc, on_stream_read);
  if (err) {
    r->reading = false;
    nr__throw_uv(v8c_call_env(c), err, "read", NULL, NULL);
  }
}

static void read_stop(v8c_call *c) {
  reader *r = this_reader(c);
  if (!r || !r->reading) return;
  r->reading = false;
  if (!r->is_file) uv_read_stop(&r->h.stream);
}

static void reader_close(v8c_call *c) {
  reader *r = this_reader(c);
  if (!r) return;
  v8c_unwrap_clear(v8c_call_env(c), v8c_arg(c, 0));
  nr__wrap_untrack(&r->base);
  r->reading = false;
  close_reader(&r->base);
}

/* setRawMode(handle, bool): the terminal's raw mode for a TTY reader. */
static void set_raw_mode(v8c_call *c) {
  reader *r = this_reader(c);
  if (!r) return;
  if (r->h.handle.type != UV_TTY) {
    v8c_throw_error(v8c_call_env(c), V8C_ERROR, "ERR_TTY_INIT_FAILED",
                    "stdin is not a terminal");
    return;
  }
  bool raw = v8c_to_bool(v8c_call_env(c), v8c_arg(c, 1));
  int err = uv_tty_set_mode(&r->h.tty, raw ? UV_TTY_MODE_RAW : UV_TTY_MODE_NORMAL);
  if (err) nr__throw_uv(v8c_call_env(c), err, "uv_tty_set_mode", NULL, NULL);
}

static void reader_ref(v8c_call *c) {
  reader *r = this_reader(c);
  if (!r) return;
  if (v8c_to_bool(v8c_call_env(c), v8c_arg(c, 1))) uv_ref(&r->h.handle);
  else uv_unref(&r->h.handle);
}

static const nr__method methods[] = {
    {"guessHandleType", guess_handle_type},
    {"writeSync", write_sync},
    {"getWindowSize", get_window_size},
    {"createReader", create_reader},
    {"readStart", read_start},
    {"readStop", read_stop},
    {"close", reader_close},
    {"setRawMode", set_raw_mode},
    {"ref", reader_ref},
    {NULL, NULL},
};

bool nr__binding_stdio(nr_runtime *rt, v8c_value target) {
  return nr__set_methods(rt->env, target, methods, NULL);
}
