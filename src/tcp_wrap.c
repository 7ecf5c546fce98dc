/* tcp_wrap.c — binding 'tcp_wrap': a libuv TCP socket as the transport of
 * net.Socket and net.Server.
 *
 * The generic stream natives (read, write, shutdown, listen, close) come
 * from stream_wrap.c; this file adds creation, open, bind, connect, the
 * socket's names and its options. Addresses are numeric strings (IPv4 or
 * IPv6): net.js resolves host names first. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

typedef struct tcp_wrap {
  nr__stream_wrap s;   /* first: the close callback frees through it */
  uv_tcp_t tcp;
} tcp_wrap;

static tcp_wrap *arg_tcp(v8c_call *c) {
  nr__stream_wrap *w = nr__stream_unwrap(v8c_call_env(c), v8c_arg(c, 0));
  if (!w || w->stream->type != UV_TCP) return NULL;
  return (tcp_wrap *)w;
}


/* A new TCP wrap and its JS object; NULL with *err set on failure (no
 * exception then, except when the JS object could not be made). */
static v8c_value new_tcp(nr_runtime *rt, tcp_wrap **out, int *err) {
  tcp_wrap *t = calloc(1, sizeof *t);
  if (!t) {
    *err = UV_ENOMEM;
    return NULL;
  }
  *err = uv_tcp_init(rt->loop, &t->tcp);
  if (*err) {
    free(t);
    return NULL;
  }
  *out = t;
  return nr__stream_init(rt, &t->s, (uv_stream_t *)&t->tcp, nr__tcp_accept);
}

v8c_value nr__tcp_accept(nr__stream_wrap *server, int *err) {
  tcp_wrap *t;
  v8c_value obj = new_tcp(server->rt, &t, err);
  if (!obj) return NULL;
  *err = uv_accept(server->stream, (uv_stream_t *)&t->tcp);
  if (*err) {
    nr__stream_discard(&t->s);
    return NULL;
  }
  return obj;
}

/* create() -> a new TCP handle, not yet open */
static void create(v8c_call *c) {
  tcp_wrap *t;
  int err;
  v8c_value obj = new_tcp(nr__rt(c), &t, &err);
  if (obj) return v8c_return(c, obj);
  if (err) nr__throw_uv(v8c_call_env(c), err, "uv_tcp_init", NULL, NULL);
}

/* open(h, fd) -> 0 or a negative error: the handle takes over fd. */
static void open_(v8c_call *c) {
  int64_t fd;
  if (!nr__arg_int(c, 1, "fd", 0, INT32_MAX, &fd)) return;
  tcp_wrap *t = arg_tcp(c);
  if (!t) return v8c_return_int(c, UV_EBADF);
  v8c_return_int(c, uv_tcp_open(&t->tcp, (uv_os_sock_t)fd));
}

bool nr__arg_sockaddr(v8c_call *c, int i, struct sockaddr_storage *addr,
                      int *err) {
  char *host = nr__arg_string(c, i, "address");
  if (!host) return false;
  int64_t port;
  if (!nr__arg_int(c, i + 1, "port", 0, 65535, &port)) {
    free(host);
    return false;
  }
  memset(addr, 0, sizeof *addr);
  *err = uv_ip4_addr(host, (int)port, (struct sockaddr_in *)addr);
  if (*err) *err = uv_ip6_addr(host, (int)port, (struct sockaddr_in6 *)addr);
  free(host);
  return true;
}

/* bind(h, address, port, ipv6Only) -> 0 or a negative error */
static void bind_(v8c_call *c) {
  struct sockaddr_storage addr;
  int err;
  if (!nr__arg_sockaddr(c, 1, &addr, &err)) return;
  bool v6only = v8c_to_bool(v8c_call_env(c), v8c_arg(c, 3));
  tcp_wrap *t = arg_tcp(c);
  if (!t) return v8c_return_int(c, UV_EBADF);
  if (err) return v8c_return_int(c, err);
  unsigned flags = v6only && addr.ss_family == AF_INET6 ? UV_TCP_IPV6ONLY : 0;
  v8c_return_int(c, uv_tcp_bind(&t->tcp, (struct sockaddr *)&addr, flags));
}

/* connect(h, address, port, cb) -> 0 (cb(status) follows) or a negative
 * error */
static void connect_(v8c_call *c) {
  struct sockaddr_storage addr;
  int err;
  if (!nr__arg_sockaddr(c, 1, &addr, &err)) return;
  if (!nr__arg_callback(c, 3, false)) return;
  tcp_wrap *t = arg_tcp(c);
  if (!t) return v8c_return_int(c, UV_EBADF);
  if (err) return v8c_return_int(c, err);
  uv_connect_t *req = nr__connect_req_new(v8c_call_env(c), &t->s,
                                          v8c_arg(c, 3));
  if (!req) return v8c_return_int(c, UV_ENOMEM);
  err = uv_tcp_connect(req, &t->tcp, (struct sockaddr *)&addr,
                       nr__on_connect);
  if (err) nr__connect_req_free(req);
  v8c_return_int(c, err);
}

bool nr__sockaddr_to_js(v8c_env *env, v8c_value out,
                        const struct sockaddr_storage *addr) {
  char ip[64];
  int port;
  const char *family;
  if (addr->ss_family == AF_INET6) {
    const struct sockaddr_in6 *a6 = (const struct sockaddr_in6 *)addr;
    uv_ip6_name(a6, ip, sizeof ip);
    /* A link-local address names its interface ("fe80::1%eth0"). */
    size_t n = strlen(ip), room = sizeof ip - n - 1;
    if (a6->sin6_scope_id && room > 1 &&
        uv_if_indextoname(a6->sin6_scope_id, ip + n + 1, &room) == 0)
      ip[n] = '%';
    port = ntohs(a6->sin6_port);
    family = "IPv6";
  } else {
    const struct sockaddr_in *a4 = (const struct sockaddr_in *)addr;
    uv_ip4_name(a4, ip, sizeof ip);
    port = ntohs(a4->sin_port);
    family = "IPv4";
  }
  v8c_value s = v8c_string(env, ip, (size_t)-1);
  v8c_value f = v8c_string(env, family, (size_t)-1);
  return s && f && v8c_set_named(env, out, "address", s) &&
         v8c_set_named(env, out, "family", f) &&
         v8c_set_named(env, out, "port", v8c_int32(env, port));
}

void nr__socket_name(v8c_call *c, void *handle, nr__name_fn get) {
  v8c_env *env = v8c_call_env(c);
  v8c_value out = v8c_arg(c, 1);
  if (!v8c_is(out, V8C_OBJECT)) {
    nr__throw_arg_type(env, "out", "object");
    return;
  }
  if (!handle) return v8c_return_int(c, UV_EBADF);
  struct sockaddr_storage addr;
  int len = sizeof addr;
  int err = get(handle, (struct sockaddr *)&addr, &len);
  if (err) return v8c_return_int(c, err);
  if (!nr__sockaddr_to_js(env, out, &addr)) return;
  v8c_return_int(c, 0);
}

static int tcp_sockname(void *h, struct sockaddr *a, int *len) {
  return uv_tcp_getsockname(h, a, len);
}

static int tcp_peername(void *h, struct sockaddr *a, int *len) {
  return uv_tcp_getpeername(h, a, len);
}

/* getsockname(h, out) / getpeername(h, out) -> 0 or a negative error,
 * filling out.address, out.family and out.port. */
static void getsockname_(v8c_call *c) {
  tcp_wrap *t = arg_tcp(c);
  nr__socket_name(c, t ? &t->tcp : NULL, tcp_sockname);
}

static void getpeername_(v8c_call *c) {
  tcp_wrap *t = arg_tcp(c);
  nr__socket_name(c, t ? &t->tcp : NULL, tcp_peername);
}

/* setNoDelay(h, enable) -> 0 or a negative error */
static void set_no_delay(v8c_call *c) {
  tcp_wrap *t = arg_tcp(c);
  if (!t) return v8c_return_int(c, UV_EBADF);
  bool on = v8c_to_bool(v8c_call_env(c), v8c_arg(c, 1));
  v8c_return_int(c, uv_tcp_nodelay(&t->tcp, on));
}

/* setKeepAlive(h, enable, delaySeconds) -> 0 or a negative error */
static void set_keep_alive(v8c_call *c) {
  int64_t delay;
  if (!nr__arg_int(c, 2, "delay", 0, UINT32_MAX, &delay)) return;
  tcp_wrap *t = arg_tcp(c);
  if (!t) return v8c_return_int(c, UV_EBADF);
  bool on = v8c_to_bool(v8c_call_env(c), v8c_arg(c, 1));
  if (on && delay == 0) {
    /* No delay given: switch keep-alive on and leave the idle time as it
     * is (the kernel rejects a zero TCP_KEEPIDLE). */
    uv_os_fd_t fd;
    int err = uv_fileno((uv_handle_t *)&t->tcp, &fd);
    if (err) return v8c_return_int(c, err);
    int yes = 1;
    if (setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &yes, sizeof yes) != 0)
      return v8c_return_int(c, uv_translate_sys_error(errno));
    return v8c_return_int(c, 0);
  }
  v8c_return_int(c, uv_tcp_keepalive(&t->tcp, on, (unsigned)delay));
}

/* lingerZero(h) -> 0 or a negative error: the next close() sends a RST
 * instead of a FIN (socket.resetAndDestroy). */
static void linger_zero(v8c_call *c) {
  tcp_wrap *t = arg_tcp(c);
  if (!t) return v8c_return_int(c, UV_EBADF);
  /* SO_LINGER with a zero timeout makes the close send a RST. */
  uv_os_fd_t fd;
  int err = uv_fileno((uv_handle_t *)&t->tcp, &fd);
  if (err) return v8c_return_int(c, err);
  struct linger l = {1, 0};
  if (setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l) != 0)
    return v8c_return_int(c, uv_translate_sys_error(errno));
  v8c_return_int(c, 0);
}

static const nr__method methods[] = {
    {"bind", bind_},
    {"connect", connect_},
    {"create", create},
    {"getpeername", getpeername_},
    {"getsockname", getsockname_},
    {"lingerZero", linger_zero},
    {"open", open_},
    {"setKeepAlive", set_keep_alive},
    {"setNoDelay", set_no_delay},
    {NULL, NULL},
};

bool nr__binding_tcp_wrap(nr_runtime *rt, v8c_value target) {
  nr__ignore_sigpipe();
  return nr__set_methods(rt->env, target, nr__stream_methods, NULL) &&
         nr__set_methods(rt->env, target, methods, NULL);
}
