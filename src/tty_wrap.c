/* tty_wrap.c — binding 'tty_wrap': a terminal as the transport of a
 * net.Socket (tty.ReadStream, tty.WriteStream).
 *
 * The generic stream natives come from stream_wrap.c; this file adds
 * creation over a descriptor, the window size, raw mode and blocking
 * writes (Node writes to terminals synchronously on POSIX). */
#include <stdlib.h>

#include "internal.h"

typedef struct tty_wrap {
  nr__stream_wrap s;   /* first: the close callback frees through it */
  uv_tty_t tty;
} tty_wrap;

static tty_wrap *arg_tty(v8c_call *c) {
  nr__stream_wrap *w = nr__stream_unwrap(v8c_call_env(c), v8c_arg(c, 0));
  if (!w || w->stream->type != UV_TTY) return NULL;
  return (tty_wrap *)w;
}

/* isTTY(fd) -> whether fd is open on a terminal (false for junk). */
static void is_tty(v8c_call *c) {
  v8c_value v = v8c_arg(c, 0);
  if (!v8c_is(v, V8C_INT32) || v8c_value_int64(v) < 0)
    return v8c_return_bool(c, false);
  v8c_return_bool(c, uv_guess_handle((uv_file)v8c_value_int64(v)) == UV_TTY);
}

/* create(fd, readable) -> a handle over the terminal on fd, or a negative
 * libuv error (JS builds Node's ERR_TTY_INIT_FAILED from it). */
static void create(v8c_call *c) {
  nr_runtime *rt = nr__rt(c);
  v8c_env *env = v8c_call_env(c);
  int64_t fd;
  if (!nr__arg_int(c, 0, "fd", 0, INT32_MAX, &fd)) return;
  bool readable = v8c_to_bool(env, v8c_arg(c, 1));
  if (uv_guess_handle((uv_file)fd) != UV_TTY)
    return v8c_return_int(c, UV_EINVAL);
  tty_wrap *t = calloc(1, sizeof *t);
  if (!t) return v8c_return_int(c, UV_ENOMEM);
  int err = uv_tty_init(rt->loop, &t->tty, (uv_file)fd, readable);
  if (err) {
    free(t);
    return v8c_return_int(c, err);
  }
  v8c_value obj = nr__stream_init(rt, &t->s, (uv_stream_t *)&t->tty, NULL);
  if (obj) v8c_return(c, obj);
}

/* getWindowSize(h, out) -> 0 (out[0] columns, out[1] rows) or an error */
static void get_window_size(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_value out = v8c_arg(c, 1);
  if (!v8c_is(out, V8C_ARRAY)) {
    nr__throw_arg_type(env, "size", "Array");
    return;
  }
  tty_wrap *t = arg_tty(c);
  if (!t) return v8c_return_int(c, UV_EBADF);
  int w, h;
  int err = uv_tty_get_winsize(&t->tty, &w, &h);
  if (err) return v8c_return_int(c, err);
  if (!v8c_set_index(env, out, 0, v8c_int32(env, w)) ||
      !v8c_set_index(env, out, 1, v8c_int32(env, h)))
    return;
  v8c_return_int(c, 0);
}

/* setRawMode(h, flag) -> 0 or an error */
static void set_raw_mode(v8c_call *c) {
  bool raw = v8c_to_bool(v8c_call_env(c), v8c_arg(c, 1));
  tty_wrap *t = arg_tty(c);
  if (!t) return v8c_return_int(c, UV_EBADF);
  v8c_return_int(c, uv_tty_set_mode(&t->tty, raw ? UV_TTY_MODE_RAW
                                                 : UV_TTY_MODE_NORMAL));
}

/* setBlocking(h, flag) -> 0 or an error */
static void set_blocking(v8c_call *c) {
  bool blocking = v8c_to_bool(v8c_call_env(c), v8c_arg(c, 1));
  tty_wrap *t = arg_tty(c);
  if (!t) return v8c_return_int(c, UV_EBADF);
  v8c_return_int(c, uv_stream_set_blocking(t->s.stream, blocking));
}

/* resetMode() -> 0 or an error: the terminal's mode from before any
 * setRawMode (called at exit, as Node does). */
static void reset_mode(v8c_call *c) {
  v8c_return_int(c, uv_tty_reset_mode());
}

static const nr__method methods[] = {
    {"create", create},
    {"getWindowSize", get_window_size},
    {"isTTY", is_tty},
    {"resetMode", reset_mode},
    {"setBlocking", set_blocking},
    {"setRawMode", set_raw_mode},
    {NULL, NULL},
};

bool nr__binding_tty_wrap(nr_runtime *rt, v8c_value target) {
  return nr__set_methods(rt->env, target, nr__stream_methods, NULL) &&
         nr__set_methods(rt->env, target, methods, NULL);
}
