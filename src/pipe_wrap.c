/* pipe_wrap.c — binding 'pipe_wrap': a libuv pipe as the transport of a
 * JS Duplex: the stdio of a child process, and Unix domain sockets (a
 * net.Server listening on a path, a net.Socket connected to one).
 *
 * The generic stream natives (read, write, shutdown, listen, close) come
 * from stream_wrap.c; this file adds creation, open, bind and connect. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* ---- Pipes ------------------------------------------------------------ */

typedef struct pipe_wrap {
  nr__stream_wrap s;   /* first: the close callback frees through it */
  uv_pipe_t pipe;
} pipe_wrap;

static pipe_wrap *arg_pipe(v8c_call *c) {
  nr__stream_wrap *w = nr__stream_unwrap(v8c_call_env(c), v8c_arg(c, 0));
  if (!w || w->stream->type != UV_NAMED_PIPE) return NULL;
  return (pipe_wrap *)w;
}

uv_stream_t *nr__pipe_stream(v8c_env *env, v8c_value handle) {
  nr__stream_wrap *w = nr__stream_unwrap(env, handle);
  if (!w || w->stream->type != UV_NAMED_PIPE) return NULL;
  return w->stream;
}


/* A new pipe wrap and its JS object; NULL with *err set on failure (no
 * exception then, except when the JS object could not be made). */
static v8c_value new_pipe(nr_runtime *rt, bool ipc, pipe_wrap **out,
                          int *err) {
  pipe_wrap *p = calloc(1, sizeof *p);
  if (!p) {
    *err = UV_ENOMEM;
    return NULL;
  }
  *err = uv_pipe_init(rt->loop, &p->pipe, ipc);
  if (*err) {
    free(p);
    return NULL;
  }
  *out = p;
  return nr__stream_init(rt, &p->s, (uv_stream_t *)&p->pipe, nr__pipe_accept);
}

v8c_value nr__pipe_accept(nr__stream_wrap *server, int *err) {
  pipe_wrap *p;
  v8c_value obj = new_pipe(server->rt, false, &p, err);
  if (!obj) return NULL;
  *err = uv_accept(server->stream, (uv_stream_t *)&p->pipe);
  if (*err) {
    nr__stream_discard(&p->s);
    return NULL;
  }
  return obj;
}

/* create(ipc) -> a new pipe handle, not yet open; with ipc true it is one
 * end of a parent/child channel (it can carry handles). */
static void create(v8c_call *c) {
  pipe_wrap *p;
  int err;
  bool ipc = v8c_to_bool(v8c_call_env(c), v8c_arg(c, 0));
  v8c_value obj = new_pipe(nr__rt(c), ipc, &p, &err);
  if (obj) return v8c_return(c, obj);
  if (err) nr__throw_uv(v8c_call_env(c), err, "uv_pipe_init", NULL, NULL);
}

/* bind(h, path) -> 0 or a negative error */
static void bind_(v8c_call *c) {
  char *path = nr__arg_string(c, 1, "path");
  if (!path) return;
  pipe_wrap *p = arg_pipe(c);
  v8c_return_int(c, p ? uv_pipe_bind(&p->pipe, path) : UV_EBADF);
  free(path);
}

/* connect(h, path, cb) -> 0 (cb(status) follows) or a negative error */
static void connect_(v8c_call *c) {
  char *path = nr__arg_string(c, 1, "path");
  if (!path) return;
  if (!nr__arg_callback(c, 2, false)) {
    free(path);
    return;
  }
  pipe_wrap *p = arg_pipe(c);
  if (!p) {
    free(path);
    return v8c_return_int(c, UV_EBADF);
  }
  uv_connect_t *req = nr__connect_req_new(v8c_call_env(c), &p->s,
                                          v8c_arg(c, 2));
  if (!req) {
    free(path);
    return v8c_return_int(c, UV_ENOMEM);
  }
  /* Failures arrive through the callback. */
  uv_pipe_connect(req, &p->pipe, path, nr__on_connect);
  free(path);
  v8c_return_int(c, 0);
}


/* open(h, fd) -> 0 or a negative error: the pipe takes over fd. */
static void open_(v8c_call *c) {
  int64_t fd;
  if (!nr__arg_int(c, 1, "fd", 0, INT32_MAX, &fd)) return;
  pipe_wrap *p = arg_pipe(c);
  if (!p) return v8c_return_int(c, UV_EBADF);
  v8c_return_int(c, uv_pipe_open(&p->pipe, (uv_file)fd));
}

/* chmod(h, flags) -> 0 or a negative error: makes a bound socket file
 * readable (1) and/or writable (2) by everyone. */
static void chmod_(v8c_call *c) {
  int64_t flags;
  if (!nr__arg_int(c, 1, "flags", 1, 3, &flags)) return;
  pipe_wrap *p = arg_pipe(c);
  if (!p) return v8c_return_int(c, UV_EBADF);
  int mode = (flags & 1 ? UV_READABLE : 0) | (flags & 2 ? UV_WRITABLE : 0);
  v8c_return_int(c, uv_pipe_chmod(&p->pipe, mode));
}

static const nr__method methods[] = {
    {"bind", bind_},
    {"chmod", chmod_},
    {"connect", connect_},
    {"create", create},
    {"open", open_},
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
  return nr__set_methods(rt->env, target, nr__stream_methods, NULL) &&
         nr__set_methods(rt->env, target, methods, NULL);
}
