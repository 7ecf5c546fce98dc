/* dns.c — binding 'dns': the system resolver (getaddrinfo, getnameinfo)
 * run on libuv's threadpool through nr__work_queue (kind dns), for
 * dns.lookup and dns.lookupService.
 *
 * Each request copies its inputs, runs the blocking call on a pool thread
 * and formats the answers there as text; the loop thread then only builds
 * the JS values and calls back cb(status, ...), status being 0 or a
 * negative libuv error (UV_EAI_NONAME and friends). */
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "internal.h"

/* getaddrinfo's EAI_* codes as libuv's UV_EAI_* errors. */
static int eai_to_uv(int r) {
  switch (r) {
    case 0: return 0;
#ifdef EAI_ADDRFAMILY
    case EAI_ADDRFAMILY: return UV_EAI_ADDRFAMILY;
#endif
    case EAI_AGAIN: return UV_EAI_AGAIN;
    case EAI_BADFLAGS: return UV_EAI_BADFLAGS;
    case EAI_FAIL: return UV_EAI_FAIL;
    case EAI_FAMILY: return UV_EAI_FAMILY;
    case EAI_MEMORY: return UV_EAI_MEMORY;
#ifdef EAI_NODATA
    case EAI_NODATA: return UV_EAI_NODATA;
#endif
    case EAI_NONAME: return UV_EAI_NONAME;
    case EAI_OVERFLOW: return UV_EAI_OVERFLOW;
    case EAI_SERVICE: return UV_EAI_SERVICE;
    case EAI_SOCKTYPE: return UV_EAI_SOCKTYPE;
    case EAI_SYSTEM: return errno ? -errno : UV_EAI_FAIL;
    default: return UV_EAI_FAIL;
  }
}

/* What both requests start with. */
typedef struct dns_req {
  nr__work work;           /* first: the after callbacks cast back */
  nr__handle_wrap wrap;    /* wrap.rt is NULL once teardown took cb */
  v8c_ref *cb;
} dns_req;

/* Teardown while a request is in flight: drop its callback now. */
static void orphan(nr__handle_wrap *w) {
  dns_req *r = (dns_req *)((char *)w - offsetof(dns_req, wrap));
  v8c_ref_free(r->cb);
  r->cb = NULL;
}

/* Whether the completion may call JS; untracks the request. */
static bool settle(dns_req *r) {
  bool live = r->wrap.rt && !r->work.rt->stopping;
  nr__wrap_untrack(&r->wrap);
  return live;
}

/* Queues a request (tracked until it completes); 0 or a libuv error. */
static int queue(nr_runtime *rt, dns_req *r, nr__work_fn work,
                 nr__after_fn after) {
  int err = nr__work_queue(rt, &r->work, NR_WORK_DNS, work, after);
  if (err == 0) nr__wrap_track(rt, &r->wrap, orphan);
  return err;
}

/* ---- getaddrinfo ------------------------------------------------------- */

enum { ORDER_VERBATIM = 0, ORDER_IPV4_FIRST = 1, ORDER_IPV6_FIRST = 2 };

typedef struct addrinfo_req {
  dns_req base;            /* first: the callbacks cast back */
  char *host;
  int family;              /* AF_UNSPEC, AF_INET or AF_INET6 */
  int flags;               /* AI_* hints */
  int order;
  int status;
  char (*addrs)[INET6_ADDRSTRLEN];
  size_t count;
} addrinfo_req;

/* Appends the addresses of family `want` (0: any) from the list. */
static void collect(addrinfo_req *r, const struct addrinfo *list, int want) {
  for (const struct addrinfo *a = list; a; a = a->ai_next) {
    if (a->ai_socktype != SOCK_STREAM) continue;
    if (want && a->ai_family != want) continue;
    const void *src;
    if (a->ai_family == AF_INET)
      src = &((const struct sockaddr_in *)a->ai_addr)->sin_addr;
    else if (a->ai_family == AF_INET6)
      src = &((const struct sockaddr_in6 *)a->ai_addr)->sin6_addr;
    else
      continue;
    if (inet_ntop(a->ai_family, src, r->addrs[r->count], INET6_ADDRSTRLEN))
      r->count++;
  }
}

static void addrinfo_work(nr__work *w) {
  addrinfo_req *r = (addrinfo_req *)w;
  struct addrinfo hints, *list = NULL;
  memset(&hints, 0, sizeof hints);
  hints.ai_family = r->family;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = r->flags;
  errno = 0;
  r->status = eai_to_uv(getaddrinfo(r->host, NULL, &hints, &list));
  if (r->status) return;
  size_t n = 0;
  for (struct addrinfo *a = list; a; a = a->ai_next) n++;
  r->addrs = malloc((n ? n : 1) * sizeof *r->addrs);
  if (!r->addrs) {
    r->status = UV_ENOMEM;
  } else if (r->order == ORDER_IPV4_FIRST) {
    collect(r, list, AF_INET);
    collect(r, list, AF_INET6);
  } else if (r->order == ORDER_IPV6_FIRST) {
    collect(r, list, AF_INET6);
    collect(r, list, AF_INET);
  } else {
    collect(r, list, 0);
  }
  freeaddrinfo(list);
}

static void addrinfo_after(nr__work *w, int status) {
  addrinfo_req *r = (addrinfo_req *)w;
  nr_runtime *rt = w->rt;
  if (settle(&r->base)) {
    v8c_env *env = rt->env;
    v8c_scope scope;
    v8c_scope_open(env, &scope);
    if (status == 0) status = r->status;
    /* An answer without a single stream address is no answer. */
    if (status == 0 && r->count == 0) status = UV_EAI_NODATA;
    v8c_value list = v8c_array(env, 0);
    for (size_t i = 0; list && status == 0 && i < r->count; i++) {
      v8c_value s = v8c_string(env, r->addrs[i], (size_t)-1);
      if (!s || !v8c_set_index(env, list, (uint32_t)i, s)) list = NULL;
    }
    v8c_value fn = v8c_ref_get(env, r->base.cb);
    if (fn && list) {
      v8c_value argv[2] = {v8c_int32(env, status), list};
      nr__callback(rt, fn, v8c_undefined(env), 2, argv);
    }
    v8c_scope_close(&scope);
  }
  v8c_ref_free(r->base.cb);
  free(r->host);
  free(r->addrs);
  free(r);
}

/* getaddrinfo(hostname, family, hints, order, cb) -> 0 or a negative
 * error; cb(status, addresses) follows with the addresses as text.
 * family: 0, 4 or 6; order: 0 as the resolver gives them, 1 IPv4 first,
 * 2 IPv6 first. */
static void js_getaddrinfo(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  int64_t family, flags, order;
  char *host = nr__arg_string(c, 0, "hostname");
  if (!host) return;
  if (!nr__arg_int(c, 1, "family", 0, 6, &family) ||
      !nr__arg_int(c, 2, "hints", 0, INT32_MAX, &flags) ||
      !nr__arg_int(c, 3, "order", 0, 2, &order) ||
      !nr__arg_callback(c, 4, false)) {
    free(host);
    return;
  }
  if (family != 0 && family != 4 && family != 6) {
    free(host);
    return v8c_return_int(c, UV_EAI_FAMILY);
  }
  addrinfo_req *r = calloc(1, sizeof *r);
  if (!r) {
    free(host);
    return v8c_return_int(c, UV_ENOMEM);
  }
  r->host = host;
  r->family = family == 4 ? AF_INET : family == 6 ? AF_INET6 : AF_UNSPEC;
  r->flags = (int)flags & (AI_ADDRCONFIG | AI_V4MAPPED | AI_ALL);
  r->order = (int)order;
  r->base.cb = v8c_ref_new(env, v8c_arg(c, 4));
  int err = queue(nr__rt(c), &r->base, addrinfo_work, addrinfo_after);
  if (err) {
    v8c_ref_free(r->base.cb);
    free(r->host);
    free(r);
  }
  v8c_return_int(c, err);
}

/* ---- getnameinfo ------------------------------------------------------- */

typedef struct nameinfo_req {
  dns_req base;            /* first: the callbacks cast back */
  struct sockaddr_storage addr;
  int status;
  char host[NI_MAXHOST];
  char service[NI_MAXSERV];
} nameinfo_req;

static void nameinfo_work(nr__work *w) {
  nameinfo_req *r = (nameinfo_req *)w;
  socklen_t len = r->addr.ss_family == AF_INET6 ?
      sizeof(struct sockaddr_in6) : sizeof(struct sockaddr_in);
  errno = 0;
  r->status = eai_to_uv(getnameinfo((struct sockaddr *)&r->addr, len,
                                    r->host, sizeof r->host, r->service,
                                    sizeof r->service, NI_NAMEREQD));
}

static void nameinfo_after(nr__work *w, int status) {
  nameinfo_req *r = (nameinfo_req *)w;
  nr_runtime *rt = w->rt;
  if (settle(&r->base)) {
    v8c_env *env = rt->env;
    v8c_scope scope;
    v8c_scope_open(env, &scope);
    if (status == 0) status = r->status;
    v8c_value fn = v8c_ref_get(env, r->base.cb);
    v8c_value argv[3] = {v8c_int32(env, status), v8c_undefined(env),
                         v8c_undefined(env)};
    if (status == 0) {
      argv[1] = v8c_string(env, r->host, (size_t)-1);
      argv[2] = v8c_string(env, r->service, (size_t)-1);
    }
    if (fn && argv[1] && argv[2])
      nr__callback(rt, fn, v8c_undefined(env), 3, argv);
    v8c_scope_close(&scope);
  }
  v8c_ref_free(r->base.cb);
  free(r);
}

/* getnameinfo(address, port, cb) -> 0 or a negative error;
 * cb(status, hostname, service) follows. address is a numeric IPv4 or
 * IPv6 address. */
static void js_getnameinfo(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  char *host = nr__arg_string(c, 0, "address");
  if (!host) return;
  int64_t port;
  if (!nr__arg_int(c, 1, "port", 0, 65535, &port) ||
      !nr__arg_callback(c, 2, false)) {
    free(host);
    return;
  }
  nameinfo_req *r = calloc(1, sizeof *r);
  if (!r) {
    free(host);
    return v8c_return_int(c, UV_ENOMEM);
  }
  int err = uv_ip4_addr(host, (int)port, (struct sockaddr_in *)&r->addr);
  if (err)
    err = uv_ip6_addr(host, (int)port, (struct sockaddr_in6 *)&r->addr);
  free(host);
  if (err) {
    free(r);
    return v8c_return_int(c, err);
  }
  r->base.cb = v8c_ref_new(env, v8c_arg(c, 2));
  err = queue(nr__rt(c), &r->base, nameinfo_work, nameinfo_after);
  if (err) {
    v8c_ref_free(r->base.cb);
    free(r);
  }
  v8c_return_int(c, err);
}

static const nr__method methods[] = {
    {"getaddrinfo", js_getaddrinfo},
    {"getnameinfo", js_getnameinfo},
    {NULL, NULL},
};

static const nr__constant constants[] = {
    {"AI_ADDRCONFIG", AI_ADDRCONFIG},
    {"AI_ALL", AI_ALL},
    {"AI_V4MAPPED", AI_V4MAPPED},
    {NULL, 0},
};

bool nr__binding_dns(nr_runtime *rt, v8c_value target) {
  return nr__set_methods(rt->env, target, methods, NULL) &&
         nr__set_constants(rt->env, target, constants);
}
