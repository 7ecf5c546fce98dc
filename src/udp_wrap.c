/* udp_wrap.c — binding 'udp_wrap': a libuv UDP socket under dgram.Socket.
 *
 * Natives take the handle first and return 0 or a negative libuv error;
 * lib/dgram.js turns errors into Node's exceptions. Addresses are numeric
 * strings: dgram.js resolves names first. JS callbacks are properties of
 * the handle object:
 * - onmessage(nread, buffer, rinfo): a datagram (nread >= 0; buffer a
 *   Uint8Array over its bytes, rinfo {address, family, port}), or a
 *   receive error (nread < 0, no buffer);
 * send() calls its own callback with (status, bytes sent). */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

typedef struct udp_wrap {
  nr__handle_wrap base;
  nr_runtime *rt;       /* kept after untracking, for the close callback */
  uv_udp_t udp;
  v8c_ref *object;      /* the JS handle; weak unless busy > 0 */
  v8c_ref *onclose;     /* close(h, cb)'s callback, or NULL */
  int busy;             /* receiving, sends in flight, closing */
  bool receiving;
  bool closing;
} udp_wrap;

/* A send in flight: holds the JS buffers (their memory is sent in place)
 * and the callback. */
typedef struct send_req {
  uv_udp_send_t req;
  udp_wrap *w;
  v8c_ref *buffers;
  v8c_ref *cb;
  size_t bytes;
  uv_buf_t bufs[];
} send_req;

static const int udp_tag = 0;

static void hold(udp_wrap *w) {
  if (w->busy++ == 0 && w->object) v8c_ref_weak(w->object, false);
}

static void release(udp_wrap *w) {
  if (--w->busy == 0 && w->object) v8c_ref_weak(w->object, true);
}

static void on_closed(uv_handle_t *h) {
  udp_wrap *w = h->data;
  nr__call_onclose(w->rt, w->onclose, w->object);
  v8c_ref_free(w->object);
  v8c_ref_free(w->onclose);
  free(w);
}

static void close_udp(nr__handle_wrap *base) {
  udp_wrap *w = (udp_wrap *)base;
  if (w->closing) return;
  w->closing = true;
  uv_close((uv_handle_t *)&w->udp, on_closed);
}

/* A new handle and its JS object; NULL with *err set (a libuv error) or,
 * when err is 0, an exception pending. */
static v8c_value new_udp(nr_runtime *rt, udp_wrap **out, int *err) {
  udp_wrap *w = calloc(1, sizeof *w);
  *err = UV_ENOMEM;
  if (!w) return NULL;
  *err = uv_udp_init(rt->loop, &w->udp);
  if (*err) {
    free(w);
    return NULL;
  }
  w->rt = rt;
  w->udp.data = w;
  v8c_env *env = rt->env;
  v8c_value obj = v8c_wrap(env, &udp_tag, w, NULL, NULL);
  if (obj) {
    w->object = v8c_ref_new(env, obj);
    v8c_ref_weak(w->object, true);
  }
  nr__wrap_track(rt, &w->base, close_udp);
  *out = w;
  return obj;
}

v8c_value nr__udp_accept(nr__stream_wrap *server, int *err) {
  udp_wrap *w;
  v8c_value obj = new_udp(server->rt, &w, err);
  if (!obj) return NULL;
  /* libuv's accept hands a UDP descriptor received over IPC to w. */
  *err = uv_accept(server->stream, (uv_stream_t *)&w->udp);
  if (*err) {
    nr__wrap_untrack(&w->base);
    close_udp(&w->base);
    return NULL;
  }
  return obj;
}

uv_stream_t *nr__udp_for_send(v8c_env *env, v8c_value handle) {
  udp_wrap *w = v8c_unwrap(env, handle, &udp_tag);
  /* libuv sends any handle with a descriptor; it takes the stream type. */
  return w && !w->closing ? (uv_stream_t *)&w->udp : NULL;
}

/* The open handle in argument 0, or NULL (no exception: a closed or
 * foreign handle makes the native return EBADF). */
static udp_wrap *arg_udp(v8c_call *c) {
  udp_wrap *w = v8c_unwrap(v8c_call_env(c), v8c_arg(c, 0), &udp_tag);
  return w && !w->closing ? w : NULL;
}

/* create() -> a new UDP handle, not yet bound */
static void create(v8c_call *c) {
  udp_wrap *w;
  int err;
  v8c_value obj = new_udp(nr__rt(c), &w, &err);
  if (obj) return v8c_return(c, obj);
  if (err) nr__throw_uv(v8c_call_env(c), err, "uv_udp_init", NULL, NULL);
}

/* open(h, fd) -> status: the handle takes over a bound UDP descriptor. */
static void open_(v8c_call *c) {
  int64_t fd;
  if (!nr__arg_int(c, 1, "fd", 0, INT32_MAX, &fd)) return;
  udp_wrap *w = arg_udp(c);
  if (!w) return v8c_return_int(c, UV_EBADF);
  v8c_return_int(c, uv_udp_open(&w->udp, (uv_os_sock_t)fd));
}

/* bind(h, address, port, flags) -> status; flags are UV_UDP_IPV6ONLY and
 * UV_UDP_REUSEADDR (the constants of this binding). */
static void bind_(v8c_call *c) {
  struct sockaddr_storage addr;
  int err;
  int64_t flags;
  if (!nr__arg_sockaddr(c, 1, &addr, &err) ||
      !nr__arg_int(c, 3, "flags", 0, UV_UDP_IPV6ONLY | UV_UDP_REUSEADDR,
                   &flags))
    return;
  udp_wrap *w = arg_udp(c);
  if (!w) return v8c_return_int(c, UV_EBADF);
  if (err) return v8c_return_int(c, err);
  v8c_return_int(c, uv_udp_bind(&w->udp, (struct sockaddr *)&addr,
                                (unsigned)flags));
}

/* connect(h, address, port) -> status (a UDP connect is immediate) */
static void connect_(v8c_call *c) {
  struct sockaddr_storage addr;
  int err;
  if (!nr__arg_sockaddr(c, 1, &addr, &err)) return;
  udp_wrap *w = arg_udp(c);
  if (!w) return v8c_return_int(c, UV_EBADF);
  if (err) return v8c_return_int(c, err);
  v8c_return_int(c, uv_udp_connect(&w->udp, (struct sockaddr *)&addr));
}

/* disconnect(h) -> status */
static void disconnect(v8c_call *c) {
  udp_wrap *w = arg_udp(c);
  if (!w) return v8c_return_int(c, UV_EBADF);
  v8c_return_int(c, uv_udp_connect(&w->udp, NULL));
}

static void send_req_free(send_req *r) {
  v8c_ref_free(r->buffers);
  v8c_ref_free(r->cb);
  free(r);
}

static void on_sent(uv_udp_send_t *req, int status) {
  send_req *r = (send_req *)req;
  udp_wrap *w = r->w;
  nr_runtime *rt = w->rt;
  v8c_env *env = rt->env;
  if (!rt->stopping) {
    v8c_scope scope;
    v8c_scope_open(env, &scope);
    v8c_value fn = v8c_ref_get(env, r->cb);
    v8c_value self = v8c_ref_get(env, w->object);
    v8c_value argv[2] = {v8c_int32(env, status),
                         v8c_number(env, status ? 0 : (double)r->bytes)};
    if (fn) nr__callback(rt, fn, self ? self : v8c_undefined(env), 2, argv);
    v8c_scope_close(&scope);
  }
  send_req_free(r);
  release(w);
}

/* send(h, buffers, address, port, cb) -> status; cb(status, bytes) follows
 * when it is 0. address undefined sends on a connected socket. buffers is
 * an array of ArrayBufferViews, sent in place (kept alive until cb). */
static void send_(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_value list = v8c_arg(c, 1);
  if (!v8c_is(list, V8C_ARRAY)) {
    nr__throw_arg_type(env, "buffers", "Array");
    return;
  }
  struct sockaddr_storage addr;
  bool connected = v8c_is(v8c_arg(c, 2), V8C_UNDEFINED);
  int err = 0;
  if (!connected && !nr__arg_sockaddr(c, 2, &addr, &err)) return;
  if (!nr__arg_callback(c, 4, false)) return;
  uint32_t n = v8c_array_length(list);
  if (n > 1024) return v8c_return_int(c, UV_EINVAL);
  send_req *r = calloc(1, sizeof *r + (n ? n : 1) * sizeof(uv_buf_t));
  if (!r) return v8c_return_int(c, UV_ENOMEM);
  for (uint32_t i = 0; i < n; i++) {
    v8c_value v = v8c_get_index(env, list, i);
    void *data;
    size_t len;
    if (!v) return free(r);
    if (!v8c_is(v, V8C_ARRAY_BUFFER_VIEW) || !v8c_bytes(v, &data, &len)) {
      free(r);
      v8c_throw_error(env, V8C_TYPE_ERROR, "ERR_INVALID_ARG_TYPE",
                      "The \"buffers\" argument must be an array of "
                      "ArrayBufferViews.");
      return;
    }
    r->bufs[i] = uv_buf_init(len ? data : "", (unsigned)len);
    r->bytes += len;
  }
  udp_wrap *w = arg_udp(c);
  if (!w) err = UV_EBADF;
  if (err) {
    free(r);
    return v8c_return_int(c, err);
  }
  r->w = w;
  err = uv_udp_send(&r->req, &w->udp, r->bufs, n,
                    connected ? NULL : (struct sockaddr *)&addr, on_sent);
  if (err) {
    free(r);
    return v8c_return_int(c, err);
  }
  r->buffers = v8c_ref_new(env, list);
  r->cb = v8c_ref_new(env, v8c_arg(c, 4));
  hold(w);
  v8c_return_int(c, 0);
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

static void on_recv(uv_udp_t *h, ssize_t n, const uv_buf_t *buf,
                    const struct sockaddr *from, unsigned flags) {
  udp_wrap *w = h->data;
  (void)flags;
  /* n == 0 with no sender: nothing more to read now (libuv's way). */
  if ((n == 0 && !from) || w->rt->stopping) {
    free(buf->base);
    return;
  }
  v8c_env *env = w->rt->env;
  v8c_scope scope;
  v8c_scope_open(env, &scope);
  v8c_value argv[3] = {v8c_number(env, (double)n), NULL, NULL};
  int argc = 1;
  if (n >= 0) {
    /* The datagram keeps the memory it was read into: no copy. */
    char *data = n ? realloc(buf->base, (size_t)n) : NULL;
    if (!data) data = buf->base;
    v8c_value ab = data ? v8c_arraybuffer_external(env, data, (size_t)n,
                                                   free_bytes, NULL)
                        : v8c_arraybuffer(env, 0, NULL);
    v8c_value view = ab ? v8c_uint8array(env, ab, 0, (size_t)n) : NULL;
    v8c_value rinfo = v8c_object(env);
    struct sockaddr_storage ss;
    memset(&ss, 0, sizeof ss);
    memcpy(&ss, from, from->sa_family == AF_INET6
                          ? sizeof(struct sockaddr_in6)
                          : sizeof(struct sockaddr_in));
    if (!view || !rinfo || !nr__sockaddr_to_js(env, rinfo, &ss)) {
      v8c_scope_close(&scope);
      return;
    }
    argv[1] = view;
    argv[2] = rinfo;
    argc = 3;
  } else {
    free(buf->base);
  }
  v8c_value self = v8c_ref_get(env, w->object);
  v8c_value fn = self ? v8c_get_named(env, self, "onmessage") : NULL;
  hold(w);
  if (fn && v8c_is(fn, V8C_FUNCTION)) nr__callback(w->rt, fn, self, argc, argv);
  release(w);
  v8c_scope_close(&scope);
}

/* recvStart(h) -> status */
static void recv_start(v8c_call *c) {
  udp_wrap *w = arg_udp(c);
  if (!w) return v8c_return_int(c, UV_EBADF);
  if (w->receiving) return v8c_return_int(c, 0);
  int err = uv_udp_recv_start(&w->udp, on_alloc, on_recv);
  if (err == 0) {
    w->receiving = true;
    hold(w);
  }
  v8c_return_int(c, err);
}

/* recvStop(h) -> status */
static void recv_stop(v8c_call *c) {
  udp_wrap *w = arg_udp(c);
  if (!w) return v8c_return_int(c, UV_EBADF);
  if (!w->receiving) return v8c_return_int(c, 0);
  w->receiving = false;
  release(w);
  v8c_return_int(c, uv_udp_recv_stop(&w->udp));
}

static int udp_sockname(void *h, struct sockaddr *a, int *len) {
  return uv_udp_getsockname(h, a, len);
}

static int udp_peername(void *h, struct sockaddr *a, int *len) {
  return uv_udp_getpeername(h, a, len);
}

/* getsockname(h, out) / getpeername(h, out) -> status, filling
 * out.address, out.family and out.port. */
static void getsockname_(v8c_call *c) {
  udp_wrap *w = arg_udp(c);
  nr__socket_name(c, w ? &w->udp : NULL, udp_sockname);
}

static void getpeername_(v8c_call *c) {
  udp_wrap *w = arg_udp(c);
  nr__socket_name(c, w ? &w->udp : NULL, udp_peername);
}

/* setBroadcast(h, on) / setMulticastLoopback(h, on) -> status */
static void set_broadcast(v8c_call *c) {
  udp_wrap *w = arg_udp(c);
  if (!w) return v8c_return_int(c, UV_EBADF);
  bool on = v8c_to_bool(v8c_call_env(c), v8c_arg(c, 1));
  v8c_return_int(c, uv_udp_set_broadcast(&w->udp, on));
}

static void set_multicast_loopback(v8c_call *c) {
  udp_wrap *w = arg_udp(c);
  if (!w) return v8c_return_int(c, UV_EBADF);
  bool on = v8c_to_bool(v8c_call_env(c), v8c_arg(c, 1));
  v8c_return_int(c, uv_udp_set_multicast_loop(&w->udp, on));
}

/* setTTL(h, ttl) / setMulticastTTL(h, ttl) -> status */
static void set_ttl(v8c_call *c) {
  int64_t ttl;
  if (!nr__arg_int(c, 1, "ttl", INT32_MIN, INT32_MAX, &ttl)) return;
  udp_wrap *w = arg_udp(c);
  if (!w) return v8c_return_int(c, UV_EBADF);
  v8c_return_int(c, uv_udp_set_ttl(&w->udp, (int)ttl));
}

static void set_multicast_ttl(v8c_call *c) {
  int64_t ttl;
  if (!nr__arg_int(c, 1, "ttl", INT32_MIN, INT32_MAX, &ttl)) return;
  udp_wrap *w = arg_udp(c);
  if (!w) return v8c_return_int(c, UV_EBADF);
  v8c_return_int(c, uv_udp_set_multicast_ttl(&w->udp, (int)ttl));
}

/* setMulticastInterface(h, address) -> status */
static void set_multicast_interface(v8c_call *c) {
  char *iface = nr__arg_string(c, 1, "interfaceAddress");
  if (!iface) return;
  udp_wrap *w = arg_udp(c);
  int err = w ? uv_udp_set_multicast_interface(&w->udp, iface) : UV_EBADF;
  free(iface);
  v8c_return_int(c, err);
}

/* An optional string argument: NULL for undefined or null, else a copy
 * (*ok false with an exception when it is neither). */
static char *arg_optional_string(v8c_call *c, int i, const char *name,
                                 bool *ok) {
  *ok = true;
  if (v8c_is(v8c_arg(c, i), V8C_NULL_OR_UNDEFINED)) return NULL;
  char *s = nr__arg_string(c, i, name);
  *ok = s != NULL;
  return s;
}

/* membership(h, group, iface|undefined, join) -> status */
static void membership(v8c_call *c) {
  bool ok;
  char *group = nr__arg_string(c, 1, "multicastAddress");
  if (!group) return;
  char *iface = arg_optional_string(c, 2, "interfaceAddress", &ok);
  if (!ok) return free(group);
  bool join = v8c_to_bool(v8c_call_env(c), v8c_arg(c, 3));
  udp_wrap *w = arg_udp(c);
  int err = w ? uv_udp_set_membership(&w->udp, group, iface,
                                      join ? UV_JOIN_GROUP : UV_LEAVE_GROUP)
              : UV_EBADF;
  free(group);
  free(iface);
  v8c_return_int(c, err);
}

/* sourceMembership(h, source, group, iface|undefined, join) -> status */
static void source_membership(v8c_call *c) {
  bool ok;
  char *source = nr__arg_string(c, 1, "sourceAddress");
  if (!source) return;
  char *group = nr__arg_string(c, 2, "groupAddress");
  if (!group) return free(source);
  char *iface = arg_optional_string(c, 3, "interfaceAddress", &ok);
  if (!ok) {
    free(source);
    free(group);
    return;
  }
  bool join = v8c_to_bool(v8c_call_env(c), v8c_arg(c, 4));
  udp_wrap *w = arg_udp(c);
  int err = w ? uv_udp_set_source_membership(
                    &w->udp, group, iface, source,
                    join ? UV_JOIN_GROUP : UV_LEAVE_GROUP)
              : UV_EBADF;
  free(source);
  free(group);
  free(iface);
  v8c_return_int(c, err);
}

/* bufferSize(h, size, receive) -> the size (size 0 only reads it) or a
 * negative error. */
static void buffer_size(v8c_call *c) {
  int64_t size;
  if (!nr__arg_int(c, 1, "size", 0, INT32_MAX, &size)) return;
  udp_wrap *w = arg_udp(c);
  if (!w) return v8c_return_int(c, UV_EBADF);
  int value = (int)size;
  bool receive = v8c_to_bool(v8c_call_env(c), v8c_arg(c, 2));
  int err = receive ? uv_recv_buffer_size((uv_handle_t *)&w->udp, &value)
                    : uv_send_buffer_size((uv_handle_t *)&w->udp, &value);
  v8c_return_int(c, err ? err : value);
}

/* sendQueue(h) -> [bytes, requests] waiting to be sent */
static void send_queue(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  udp_wrap *w = arg_udp(c);
  v8c_value out = v8c_array(env, 2);
  if (!out) return;
  double bytes = w ? (double)uv_udp_get_send_queue_size(&w->udp) : 0;
  double count = w ? (double)uv_udp_get_send_queue_count(&w->udp) : 0;
  if (!v8c_set_index(env, out, 0, v8c_number(env, bytes)) ||
      !v8c_set_index(env, out, 1, v8c_number(env, count)))
    return;
  v8c_return(c, out);
}

/* ref(h, bool) */
static void ref_(v8c_call *c) {
  udp_wrap *w = arg_udp(c);
  if (!w) return;
  if (v8c_to_bool(v8c_call_env(c), v8c_arg(c, 1)))
    uv_ref((uv_handle_t *)&w->udp);
  else
    uv_unref((uv_handle_t *)&w->udp);
}

/* hasRef(h) -> boolean */
static void has_ref(v8c_call *c) {
  udp_wrap *w = arg_udp(c);
  v8c_return_bool(c, w && uv_has_ref((uv_handle_t *)&w->udp));
}

/* fileno(h) -> the descriptor, or -1 */
static void fileno_(v8c_call *c) {
  udp_wrap *w = arg_udp(c);
  uv_os_fd_t fd;
  if (!w || uv_fileno((uv_handle_t *)&w->udp, &fd) != 0)
    return v8c_return_int(c, -1);
  v8c_return_int(c, fd);
}

/* close(h[, cb]): cb() runs once the handle is closed. */
static void close_(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  if (!nr__arg_callback(c, 1, true)) return;
  udp_wrap *w = arg_udp(c);
  if (!w) return;
  if (v8c_is(v8c_arg(c, 1), V8C_FUNCTION))
    w->onclose = v8c_ref_new(env, v8c_arg(c, 1));
  v8c_unwrap_clear(env, v8c_arg(c, 0));
  nr__wrap_untrack(&w->base);
  if (w->receiving) {
    w->receiving = false;
    release(w);
  }
  hold(w);  /* for the close callback; never released */
  close_udp(&w->base);
}

static const nr__method methods[] = {
    {"bind", bind_},
    {"bufferSize", buffer_size},
    {"close", close_},
    {"connect", connect_},
    {"create", create},
    {"disconnect", disconnect},
    {"fileno", fileno_},
    {"getpeername", getpeername_},
    {"getsockname", getsockname_},
    {"hasRef", has_ref},
    {"membership", membership},
    {"open", open_},
    {"recvStart", recv_start},
    {"recvStop", recv_stop},
    {"ref", ref_},
    {"send", send_},
    {"sendQueue", send_queue},
    {"setBroadcast", set_broadcast},
    {"setMulticastInterface", set_multicast_interface},
    {"setMulticastLoopback", set_multicast_loopback},
    {"setMulticastTTL", set_multicast_ttl},
    {"setTTL", set_ttl},
    {"sourceMembership", source_membership},
    {NULL, NULL},
};

static const nr__constant constants[] = {
    {"UV_UDP_IPV6ONLY", UV_UDP_IPV6ONLY},
    {"UV_UDP_REUSEADDR", UV_UDP_REUSEADDR},
    {NULL, 0},
};

bool nr__binding_udp_wrap(nr_runtime *rt, v8c_value target) {
  return nr__set_methods(rt->env, target, methods, NULL) &&
         nr__set_constants(rt->env, target, constants);
}
