/* cares_wrap.c — binding 'cares_wrap': DNS queries on c-ares for
 * dns.Resolver (resolve4, resolveMx, reverse ...), driven by the loop.
 *
 * A channel is one c-ares channel with its own servers. c-ares tells us
 * which sockets it waits on (the sock_state callback): each gets a
 * uv_poll_t, and one uv_timer_t fires when the next query times out. So
 * queries cost no thread, only the loop's epoll.
 *
 * Results reach JS as cb(code, result): code is 0 or c-ares' error name as
 * Node spells it ('ENOTFOUND', 'ECONNREFUSED' ...). c-ares may answer at
 * once, inside the native call (a bad name, /etc/hosts for reverse); then
 * the native returns [code, result] instead and JS defers the callback.
 *
 * Lifetime: a channel is tracked like a handle and lives until teardown;
 * its JS object is held strongly while queries are in flight. */
#include <ares.h>
#include <arpa/inet.h>
#include <arpa/nameser.h>
#include <netdb.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static const int channel_tag = 0;

typedef struct channel channel;

typedef struct poll_watch {
  uv_poll_t poll;
  struct poll_watch *next;
  ares_socket_t fd;
  channel *ch;
} poll_watch;

struct channel {
  nr__handle_wrap base;    /* first: tracked for teardown */
  nr_runtime *rt;
  ares_channel ares;
  uv_timer_t timer;
  poll_watch *polls;
  v8c_ref *object;         /* the JS handle; weak unless queries > 0 */
  int queries;             /* in flight */
  int handles;             /* uv handles not yet closed (timer, polls) */
  bool closing;
};

/* A query in flight. `sync` is set while the native that started it runs:
 * a completion then leaves its result in `result` for the native. */
typedef struct query {
  channel *ch;
  v8c_ref *cb;
  int type;
  bool ttl;
  bool sync;
  bool done;
  v8c_value code;
  v8c_value result;
} query;

static void hold(channel *ch) {
  if (ch->queries++ == 0 && ch->object) v8c_ref_weak(ch->object, false);
}

static void release(channel *ch) {
  if (--ch->queries == 0 && ch->object) v8c_ref_weak(ch->object, true);
}

/* ---- Driving c-ares from the loop -------------------------------------- */

static void free_channel_if_done(channel *ch) {
  if (ch->closing && ch->handles == 0) {
    v8c_ref_free(ch->object);
    free(ch);
  }
}

static void on_handle_closed(uv_handle_t *h) {
  channel *ch = h->data;
  if (h->type == UV_POLL) free(h);
  ch->handles--;
  free_channel_if_done(ch);
}

static void on_timer(uv_timer_t *t);

/* Arms the timer for c-ares' next timeout, or stops it when idle. */
static void rearm(channel *ch) {
  if (ch->closing) return;
  struct timeval max = {1, 0}, tv;
  struct timeval *t = ares_timeout(ch->ares, &max, &tv);
  if (ch->queries == 0 && ch->polls == NULL) {
    uv_timer_stop(&ch->timer);
    return;
  }
  uint64_t ms = (uint64_t)t->tv_sec * 1000 + (uint64_t)t->tv_usec / 1000;
  uv_timer_start(&ch->timer, on_timer, ms ? ms : 1, 0);
}

static void on_timer(uv_timer_t *t) {
  channel *ch = t->data;
  ares_process_fd(ch->ares, ARES_SOCKET_BAD, ARES_SOCKET_BAD);
  rearm(ch);
}

static void on_poll(uv_poll_t *p, int status, int events) {
  poll_watch *w = (poll_watch *)p;
  channel *ch = w->ch;
  ares_socket_t fd = w->fd;
  /* An error on the socket: let c-ares read it and fail the query. */
  if (status < 0) events = UV_READABLE | UV_WRITABLE;
  ares_process_fd(ch->ares, events & UV_READABLE ? fd : ARES_SOCKET_BAD,
                  events & UV_WRITABLE ? fd : ARES_SOCKET_BAD);
  rearm(ch);
}

/* c-ares' sock_state callback: watch fd for what it asks, or stop. */
static void on_sock_state(void *data, ares_socket_t fd, int readable,
                          int writable) {
  channel *ch = data;
  poll_watch **pp = &ch->polls;
  while (*pp && (*pp)->fd != fd) pp = &(*pp)->next;
  poll_watch *w = *pp;
  if (readable || writable) {
    if (!w) {
      w = calloc(1, sizeof *w);
      if (!w) return;
      if (uv_poll_init_socket(ch->rt->loop, &w->poll, fd) != 0) {
        free(w);
        return;
      }
      w->poll.data = ch;
      w->fd = fd;
      w->ch = ch;
      w->next = ch->polls;
      ch->polls = w;
      ch->handles++;
    }
    uv_poll_start(&w->poll, (readable ? UV_READABLE : 0) |
                            (writable ? UV_WRITABLE : 0), on_poll);
  } else if (w) {
    *pp = w->next;
    uv_poll_stop(&w->poll);
    uv_close((uv_handle_t *)&w->poll, on_handle_closed);
  }
}

/* Destroys the c-ares channel (failing what is in flight) and closes the
 * loop handles; the struct goes with the last close callback. */
static void close_channel(nr__handle_wrap *base) {
  channel *ch = (channel *)base;
  if (ch->closing) return;
  ares_destroy(ch->ares);
  ch->closing = true;
  while (ch->polls) {
    poll_watch *w = ch->polls;
    ch->polls = w->next;
    uv_poll_stop(&w->poll);
    uv_close((uv_handle_t *)&w->poll, on_handle_closed);
  }
  uv_close((uv_handle_t *)&ch->timer, on_handle_closed);
}

static channel *arg_channel(v8c_call *c) {
  channel *ch = v8c_unwrap(v8c_call_env(c), v8c_arg(c, 0), &channel_tag);
  return ch && !ch->closing ? ch : NULL;
}

static v8c_value throw_ares(v8c_env *env, int status) {
  return v8c_throw_error(env, V8C_ERROR, NULL, "%s", ares_strerror(status));
}

/* create(timeoutMs, tries) -> a new channel (timeout -1: c-ares' own) */
static void create(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  int64_t timeout, tries;
  if (!nr__arg_int(c, 0, "timeout", -1, INT32_MAX, &timeout) ||
      !nr__arg_int(c, 1, "tries", 1, INT32_MAX, &tries))
    return;
  nr_runtime *rt = nr__rt(c);
  channel *ch = calloc(1, sizeof *ch);
  if (!ch) {
    v8c_throw_error(env, V8C_ERROR, "ERR_MEMORY_ALLOCATION_FAILED",
                    "Failed to allocate memory");
    return;
  }
  ch->rt = rt;
  struct ares_options o;
  memset(&o, 0, sizeof o);
  o.flags = ARES_FLAG_NOCHECKRESP;
  o.sock_state_cb = on_sock_state;
  o.sock_state_cb_data = ch;
  o.tries = (int)tries;
  int mask = ARES_OPT_FLAGS | ARES_OPT_SOCK_STATE_CB | ARES_OPT_TRIES;
  if (timeout >= 0) {
    o.timeout = (int)timeout;
    mask |= ARES_OPT_TIMEOUTMS;
  }
  int r = ares_init_options(&ch->ares, &o, mask);
  if (r != ARES_SUCCESS) {
    free(ch);
    throw_ares(env, r);
    return;
  }
  uv_timer_init(rt->loop, &ch->timer);
  ch->timer.data = ch;
  ch->handles = 1;
  v8c_value obj = v8c_wrap(env, &channel_tag, ch, NULL, NULL);
  if (obj) {
    ch->object = v8c_ref_new(env, obj);
    v8c_ref_weak(ch->object, true);
  }
  nr__wrap_track(rt, &ch->base, close_channel);
  if (obj) v8c_return(c, obj);
}

/* ---- Answers as JS values ---------------------------------------------- */

static const char *code_name(int status) {
  switch (status) {
    case ARES_ENODATA: return "ENODATA";
    case ARES_EFORMERR: return "EFORMERR";
    case ARES_ESERVFAIL: return "ESERVFAIL";
    case ARES_ENOTFOUND: return "ENOTFOUND";
    case ARES_ENOTIMP: return "ENOTIMP";
    case ARES_EREFUSED: return "EREFUSED";
    case ARES_EBADQUERY: return "EBADQUERY";
    case ARES_EBADNAME: return "EBADNAME";
    case ARES_EBADFAMILY: return "EBADFAMILY";
    case ARES_EBADRESP: return "EBADRESP";
    case ARES_ECONNREFUSED: return "ECONNREFUSED";
    case ARES_ETIMEOUT: return "ETIMEOUT";
    case ARES_EOF: return "EOF";
    case ARES_EFILE: return "EFILE";
    case ARES_ENOMEM: return "ENOMEM";
    case ARES_EDESTRUCTION: return "EDESTRUCTION";
    case ARES_EBADSTR: return "EBADSTR";
    case ARES_EBADFLAGS: return "EBADFLAGS";
    case ARES_ENONAME: return "ENONAME";
    case ARES_EBADHINTS: return "EBADHINTS";
    case ARES_ENOTINITIALIZED: return "ENOTINITIALIZED";
    case ARES_ECANCELLED: return "ECANCELLED";
    default: return "EUNKNOWN";
  }
}

static bool set_str(v8c_env *env, v8c_value o, const char *k, const char *v,
                    size_t len) {
  v8c_value s = v8c_string(env, v ? v : "", v ? len : 0);
  return s && v8c_set_named(env, o, k, s);
}

static bool set_cstr(v8c_env *env, v8c_value o, const char *k,
                     const char *v) {
  return set_str(env, o, k, v, v ? strlen(v) : 0);
}

static bool set_num(v8c_env *env, v8c_value o, const char *k, double v) {
  return v8c_set_named(env, o, k, v8c_number(env, v));
}

static bool push(v8c_env *env, v8c_value arr, v8c_value v) {
  return v && v8c_set_index(env, arr, v8c_array_length(arr), v);
}

/* An object { type } to fill, for ANY answers (NULL type: a plain one). */
static v8c_value record(v8c_env *env, const char *type) {
  v8c_value o = v8c_object(env);
  if (o && type && !set_cstr(env, o, "type", type)) return NULL;
  return o;
}

/* A / AAAA: addresses, or { address, ttl } with ttl (always for ANY). */
static int parse_addrs(v8c_env *env, int type, const unsigned char *buf,
                       int len, bool ttl, const char *any, v8c_value out) {
  enum { MAX = 256 };
  struct ares_addrttl a4[MAX];
  struct ares_addr6ttl a6[MAX];
  int n = MAX, r;
  if (type == T_A)
    r = ares_parse_a_reply(buf, len, NULL, a4, &n);
  else
    r = ares_parse_aaaa_reply(buf, len, NULL, a6, &n);
  if (r != ARES_SUCCESS) return r;
  for (int i = 0; i < n; i++) {
    char ip[INET6_ADDRSTRLEN];
    int t;
    if (type == T_A) {
      inet_ntop(AF_INET, &a4[i].ipaddr, ip, sizeof ip);
      t = a4[i].ttl;
    } else {
      inet_ntop(AF_INET6, &a6[i].ip6addr, ip, sizeof ip);
      t = a6[i].ttl;
    }
    v8c_value v;
    if (ttl || any) {
      v = record(env, any);
      if (!v || !set_cstr(env, v, "address", ip) || !set_num(env, v, "ttl", t))
        return ARES_ENOMEM;
    } else {
      v = v8c_string(env, ip, (size_t)-1);
    }
    if (!push(env, out, v)) return ARES_ENOMEM;
  }
  return ARES_SUCCESS;
}

/* CNAME, NS, PTR: names; { value } objects for ANY. */
static int parse_names(v8c_env *env, int type, const unsigned char *buf,
                       int len, const char *any, v8c_value out) {
  struct hostent *h = NULL;
  int r;
  if (type == T_CNAME) {
    r = ares_parse_a_reply(buf, len, &h, NULL, NULL);
  } else if (type == T_NS) {
    r = ares_parse_ns_reply(buf, len, &h);
  } else {
    r = ares_parse_ptr_reply(buf, len, NULL, 0, AF_INET, &h);
  }
  if (r != ARES_SUCCESS) return r;
  /* Without an alias the answer held no CNAME, only addresses. */
  if (type == T_CNAME && (!h->h_aliases || !h->h_aliases[0])) {
    ares_free_hostent(h);
    return ARES_ENODATA;
  }
  int status = ARES_SUCCESS;
  const char *one[2] = {h->h_name, NULL};
  /* A CNAME answer is the canonical name; NS and PTR list them all. */
  char **names = type == T_CNAME ? (char **)one : h->h_aliases;
  for (char **p = names; p && *p && status == ARES_SUCCESS; p++) {
    v8c_value v;
    if (any) {
      v = record(env, any);
      if (v && !set_cstr(env, v, "value", *p)) v = NULL;
    } else {
      v = v8c_string(env, *p, (size_t)-1);
    }
    if (!push(env, out, v)) status = ARES_ENOMEM;
  }
  ares_free_hostent(h);
  return status;
}

static int parse_mx(v8c_env *env, const unsigned char *buf, int len,
                    const char *any, v8c_value out) {
  struct ares_mx_reply *list = NULL;
  int r = ares_parse_mx_reply(buf, len, &list);
  if (r != ARES_SUCCESS) return r;
  for (struct ares_mx_reply *m = list; m && r == ARES_SUCCESS; m = m->next) {
    v8c_value v = record(env, any);
    if (!v || !set_cstr(env, v, "exchange", m->host) ||
        !set_num(env, v, "priority", m->priority) || !push(env, out, v))
      r = ARES_ENOMEM;
  }
  ares_free_data(list);
  return r;
}

/* TXT: each record is an array of its strings ({ entries } for ANY). */
static int parse_txt(v8c_env *env, const unsigned char *buf, int len,
                     const char *any, v8c_value out) {
  struct ares_txt_ext *list = NULL;
  int r = ares_parse_txt_reply_ext(buf, len, &list);
  if (r != ARES_SUCCESS) return r;
  v8c_value cur = NULL;
  for (struct ares_txt_ext *t = list; t && r == ARES_SUCCESS; t = t->next) {
    if (t->record_start || !cur) {
      cur = v8c_array(env, 0);
      v8c_value item = cur;
      if (any && cur) {
        item = record(env, any);
        if (item && !v8c_set_named(env, item, "entries", cur)) item = NULL;
      }
      if (!cur || !push(env, out, item)) {
        r = ARES_ENOMEM;
        break;
      }
    }
    if (!push(env, cur, v8c_string(env, (const char *)t->txt, t->length)))
      r = ARES_ENOMEM;
  }
  ares_free_data(list);
  return r;
}

static int parse_srv(v8c_env *env, const unsigned char *buf, int len,
                     const char *any, v8c_value out) {
  struct ares_srv_reply *list = NULL;
  int r = ares_parse_srv_reply(buf, len, &list);
  if (r != ARES_SUCCESS) return r;
  for (struct ares_srv_reply *s = list; s && r == ARES_SUCCESS; s = s->next) {
    v8c_value v = record(env, any);
    if (!v || !set_cstr(env, v, "name", s->host) ||
        !set_num(env, v, "port", s->port) ||
        !set_num(env, v, "priority", s->priority) ||
        !set_num(env, v, "weight", s->weight) || !push(env, out, v))
      r = ARES_ENOMEM;
  }
  ares_free_data(list);
  return r;
}

static int parse_naptr(v8c_env *env, const unsigned char *buf, int len,
                       const char *any, v8c_value out) {
  struct ares_naptr_reply *list = NULL;
  int r = ares_parse_naptr_reply(buf, len, &list);
  if (r != ARES_SUCCESS) return r;
  for (struct ares_naptr_reply *n = list; n && r == ARES_SUCCESS;
       n = n->next) {
    v8c_value v = record(env, any);
    if (!v || !set_cstr(env, v, "flags", (const char *)n->flags) ||
        !set_cstr(env, v, "service", (const char *)n->service) ||
        !set_cstr(env, v, "regexp", (const char *)n->regexp) ||
        !set_cstr(env, v, "replacement", n->replacement) ||
        !set_num(env, v, "order", n->order) ||
        !set_num(env, v, "preference", n->preference) || !push(env, out, v))
      r = ARES_ENOMEM;
  }
  ares_free_data(list);
  return r;
}

static int parse_caa(v8c_env *env, const unsigned char *buf, int len,
                     const char *any, v8c_value out) {
  struct ares_caa_reply *list = NULL;
  int r = ares_parse_caa_reply(buf, len, &list);
  if (r != ARES_SUCCESS) return r;
  for (struct ares_caa_reply *a = list; a && r == ARES_SUCCESS; a = a->next) {
    /* { critical, <tag>: value }, the tag being e.g. 'issue'. */
    v8c_value v = record(env, any);
    char tag[256];
    size_t tl = a->plength < sizeof tag - 1 ? a->plength : sizeof tag - 1;
    memcpy(tag, a->property, tl);
    tag[tl] = '\0';
    if (!v || !set_num(env, v, "critical", a->critical) ||
        !set_str(env, v, tag, (const char *)a->value, a->length) ||
        !push(env, out, v))
      r = ARES_ENOMEM;
  }
  ares_free_data(list);
  return r;
}

/* SOA: one object (not a list). */
static int parse_soa(v8c_env *env, const unsigned char *buf, int len,
                     const char *any, v8c_value *out) {
  struct ares_soa_reply *s = NULL;
  int r = ares_parse_soa_reply(buf, len, &s);
  if (r != ARES_SUCCESS) return r;
  v8c_value v = record(env, any);
  if (!v || !set_cstr(env, v, "nsname", s->nsname) ||
      !set_cstr(env, v, "hostmaster", s->hostmaster) ||
      !set_num(env, v, "serial", s->serial) ||
      !set_num(env, v, "refresh", s->refresh) ||
      !set_num(env, v, "retry", s->retry) ||
      !set_num(env, v, "expire", s->expire) ||
      !set_num(env, v, "minttl", s->minttl))
    r = ARES_ENOMEM;
  *out = v;
  ares_free_data(s);
  return r;
}

/* ANY: every kind of record found, each an object with its type. */
static int parse_any(v8c_env *env, const unsigned char *buf, int len,
                     v8c_value out) {
  int found = 0;
  int r;
#define TRY(call)                                  \
  r = (call);                                      \
  if (r == ARES_SUCCESS) found++;                  \
  else if (r == ARES_ENOMEM) return r;
  TRY(parse_addrs(env, T_A, buf, len, true, "A", out));
  TRY(parse_addrs(env, T_AAAA, buf, len, true, "AAAA", out));
  TRY(parse_names(env, T_CNAME, buf, len, "CNAME", out));
  TRY(parse_mx(env, buf, len, "MX", out));
  TRY(parse_names(env, T_NS, buf, len, "NS", out));
  TRY(parse_txt(env, buf, len, "TXT", out));
  TRY(parse_srv(env, buf, len, "SRV", out));
  TRY(parse_names(env, T_PTR, buf, len, "PTR", out));
  TRY(parse_naptr(env, buf, len, "NAPTR", out));
  TRY(parse_caa(env, buf, len, "CAA", out));
  v8c_value soa = NULL;
  TRY(parse_soa(env, buf, len, "SOA", &soa));
  if (r == ARES_SUCCESS && !push(env, out, soa)) return ARES_ENOMEM;
#undef TRY
  return found ? ARES_SUCCESS : ARES_ENODATA;
}

/* The JS result of an answer of the query's type (*status updated). */
static v8c_value parse_answer(v8c_env *env, query *q, const unsigned char *buf,
                              int len, int *status) {
  v8c_value out = v8c_array(env, 0);
  if (!out) {
    *status = ARES_ENOMEM;
    return NULL;
  }
  int r;
  switch (q->type) {
    case T_A:
    case T_AAAA: r = parse_addrs(env, q->type, buf, len, q->ttl, NULL, out);
      break;
    case T_CNAME:
    case T_NS:
    case T_PTR: r = parse_names(env, q->type, buf, len, NULL, out); break;
    case T_MX: r = parse_mx(env, buf, len, NULL, out); break;
    case T_TXT: r = parse_txt(env, buf, len, NULL, out); break;
    case T_SRV: r = parse_srv(env, buf, len, NULL, out); break;
    case T_NAPTR: r = parse_naptr(env, buf, len, NULL, out); break;
    case T_CAA: r = parse_caa(env, buf, len, NULL, out); break;
    case T_SOA: r = parse_soa(env, buf, len, NULL, &out); break;
    default: r = parse_any(env, buf, len, out); break;
  }
  *status = r;
  return r == ARES_SUCCESS ? out : NULL;
}

/* ---- Queries ----------------------------------------------------------- */

/* Delivers a finished query: to the native still running (sync), or to
 * the JS callback. Frees the query unless the native still needs it. */
static void deliver(query *q, int status, v8c_value result) {
  channel *ch = q->ch;
  v8c_env *env = ch->rt->env;
  v8c_value code = status == ARES_SUCCESS ? v8c_int32(env, 0) :
    v8c_string(env, code_name(status), (size_t)-1);
  if (!result) result = v8c_undefined(env);
  if (q->sync) {
    q->done = true;
    q->code = code;
    q->result = result;
    return;
  }
  v8c_value fn = v8c_ref_get(env, q->cb);
  v8c_value argv[2] = {code, result};
  if (fn && code) nr__callback(ch->rt, fn, v8c_undefined(env), 2, argv);
  v8c_ref_free(q->cb);
  free(q);
  release(ch);
}

/* Whether a completion may build JS values: not at teardown, and never
 * when the channel is being destroyed (its queries fail with
 * EDESTRUCTION, and nobody waits for them any more). Frees q if not. */
static bool may_deliver(query *q, int status) {
  channel *ch = q->ch;
  if (!ch->rt->stopping && status != ARES_EDESTRUCTION) return true;
  v8c_ref_free(q->cb);
  free(q);
  if (!ch->rt->stopping) release(ch);
  return false;
}

static void on_answer(void *arg, int status, int timeouts,
                      unsigned char *buf, int len) {
  (void)timeouts;
  query *q = arg;
  if (!may_deliver(q, status)) return;
  bool sync = q->sync;
  v8c_env *env = q->ch->rt->env;
  v8c_scope scope;
  if (!sync) v8c_scope_open(env, &scope);
  v8c_value result = NULL;
  if (status == ARES_SUCCESS) result = parse_answer(env, q, buf, len, &status);
  deliver(q, status, result);
  if (!sync) v8c_scope_close(&scope);
}

static void on_host(void *arg, int status, int timeouts, struct hostent *h) {
  (void)timeouts;
  query *q = arg;
  if (!may_deliver(q, status)) return;
  bool sync = q->sync;
  v8c_env *env = q->ch->rt->env;
  v8c_scope scope;
  if (!sync) v8c_scope_open(env, &scope);
  v8c_value result = NULL;
  if (status == ARES_SUCCESS) {
    /* Node gives the aliases of the answer as the names. */
    result = v8c_array(env, 0);
    for (char **p = h->h_aliases; result && p && *p; p++)
      if (!push(env, result, v8c_string(env, *p, (size_t)-1))) result = NULL;
    if (!result) status = ARES_ENOMEM;
  }
  deliver(q, status, result);
  if (!sync) v8c_scope_close(&scope);
}

static query *new_query(v8c_call *c, channel *ch, int type, bool ttl,
                        v8c_value cb) {
  query *q = calloc(1, sizeof *q);
  if (!q) return NULL;
  q->ch = ch;
  q->type = type;
  q->ttl = ttl;
  q->sync = true;
  q->cb = v8c_ref_new(v8c_call_env(c), cb);
  hold(ch);
  return q;
}

/* Ends the native that started q: returns [code, result] when q finished
 * at once (and frees it), else undefined (the callback follows). */
static void finish_start(v8c_call *c, query *q) {
  channel *ch = q->ch;
  q->sync = false;
  if (q->done) {
    v8c_env *env = v8c_call_env(c);
    v8c_value pair = v8c_array(env, 2);
    if (pair && v8c_set_index(env, pair, 0, q->code) &&
        v8c_set_index(env, pair, 1, q->result))
      v8c_return(c, pair);
    v8c_ref_free(q->cb);
    free(q);
    release(ch);
  }
  rearm(ch);
}

/* query(channel, type, name, ttl, cb): type is the numeric RR type (255
 * for ANY). Returns undefined, or [code, result] when done at once. */
static void query_(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  int64_t type;
  if (!nr__arg_int(c, 1, "type", 1, 65535, &type)) return;
  char *name = nr__arg_string(c, 2, "name");
  if (!name) return;
  if (!nr__arg_callback(c, 4, false)) {
    free(name);
    return;
  }
  channel *ch = arg_channel(c);
  if (!ch) {
    free(name);
    nr__throw_arg_type(env, "channel", "a Resolver handle");
    return;
  }
  query *q = new_query(c, ch, (int)type, v8c_to_bool(env, v8c_arg(c, 3)),
                       v8c_arg(c, 4));
  if (!q) {
    free(name);
    return;
  }
  ares_query(ch->ares, name, C_IN, (int)type, on_answer, q);
  free(name);
  finish_start(c, q);
}

/* getHostByAddr(channel, address, cb): the names of a numeric address;
 * returns as query(). */
static void get_host_by_addr(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  char *ip = nr__arg_string(c, 1, "address");
  if (!ip) return;
  if (!nr__arg_callback(c, 2, false)) {
    free(ip);
    return;
  }
  channel *ch = arg_channel(c);
  unsigned char addr[16];
  int family = AF_INET, len = 4;
  if (inet_pton(AF_INET, ip, addr) != 1) {
    family = AF_INET6;
    len = 16;
    if (inet_pton(AF_INET6, ip, addr) != 1) family = 0;
  }
  free(ip);
  if (!ch || !family) {
    nr__throw_arg_type(env, ch ? "address" : "channel",
                       ch ? "an IP address" : "a Resolver handle");
    return;
  }
  query *q = new_query(c, ch, 0, false, v8c_arg(c, 2));
  if (!q) return;
  ares_gethostbyaddr(ch->ares, addr, len, family, on_host, q);
  finish_start(c, q);
}

/* cancel(channel): what is in flight fails with ECANCELLED. */
static void cancel_(v8c_call *c) {
  channel *ch = arg_channel(c);
  if (!ch) return;
  ares_cancel(ch->ares);
  rearm(ch);
}

/* getServers(channel) -> [[address, port], ...] */
static void get_servers(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  channel *ch = arg_channel(c);
  if (!ch) return;
  struct ares_addr_port_node *list = NULL;
  int r = ares_get_servers_ports(ch->ares, &list);
  if (r != ARES_SUCCESS) {
    throw_ares(env, r);
    return;
  }
  v8c_value out = v8c_array(env, 0);
  for (struct ares_addr_port_node *s = list; out && s; s = s->next) {
    char ip[INET6_ADDRSTRLEN];
    inet_ntop(s->family, &s->addr, ip, sizeof ip);
    v8c_value pair = v8c_array(env, 2);
    if (!pair ||
        !v8c_set_index(env, pair, 0, v8c_string(env, ip, (size_t)-1)) ||
        !v8c_set_index(env, pair, 1, v8c_int32(env, s->udp_port)) ||
        !push(env, out, pair))
      out = NULL;
  }
  ares_free_data(list);
  if (out) v8c_return(c, out);
}

/* Not a c-ares code: setServers() while queries are in flight. */
enum { ESETSRVPENDING = -1000 };

/* setServers(channel, [[family, address, port], ...]) -> 0, a c-ares
 * error number, or ESETSRVPENDING */
static void set_servers(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_value arr = v8c_arg(c, 1);
  if (!v8c_is(arr, V8C_ARRAY)) {
    nr__throw_arg_type(env, "servers", "an instance of Array");
    return;
  }
  channel *ch = arg_channel(c);
  if (!ch) return;
  if (ch->queries > 0) return v8c_return_int(c, ESETSRVPENDING);
  uint32_t n = v8c_array_length(arr);
  struct ares_addr_port_node *nodes = calloc(n ? n : 1, sizeof *nodes);
  if (!nodes) return v8c_return_int(c, ARES_ENOMEM);
  int err = ARES_SUCCESS;
  for (uint32_t i = 0; i < n && err == ARES_SUCCESS; i++) {
    v8c_value e = v8c_get_index(env, arr, i);
    v8c_value fam = e && v8c_is(e, V8C_ARRAY) ? v8c_get_index(env, e, 0) : 0;
    v8c_value ip = fam ? v8c_get_index(env, e, 1) : NULL;
    v8c_value port = ip ? v8c_get_index(env, e, 2) : NULL;
    if (!port || !v8c_is(fam, V8C_INT32) || !v8c_is(ip, V8C_STRING) ||
        !v8c_is(port, V8C_INT32)) {
      err = ARES_EBADSTR;
      break;
    }
    char buf[INET6_ADDRSTRLEN + 1];
    size_t l = v8c_string_write_utf8(env, ip, buf, sizeof buf - 1);
    buf[l] = '\0';
    int f = v8c_value_int64(fam) == 6 ? AF_INET6 : AF_INET;
    nodes[i].family = f;
    if (inet_pton(f, buf, &nodes[i].addr) != 1) err = ARES_EBADSTR;
    int64_t p = v8c_value_int64(port);
    if (p < 0 || p > 65535) err = ARES_EBADSTR;
    nodes[i].udp_port = nodes[i].tcp_port = (int)p;
    if (i + 1 < n) nodes[i].next = &nodes[i + 1];
  }
  if (err == ARES_SUCCESS)
    err = ares_set_servers_ports(ch->ares, n ? nodes : NULL);
  free(nodes);
  v8c_return_int(c, err);
}

/* setLocalAddress(channel, ipv4 | undefined, ipv6 | undefined) -> true,
 * or false when an address is not numeric of its family */
static void set_local_address(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  channel *ch = arg_channel(c);
  if (!ch) return;
  bool ok = true;
  for (int i = 1; i <= 2; i++) {
    v8c_value v = v8c_arg(c, i);
    if (v8c_is(v, V8C_UNDEFINED)) continue;
    char *s = nr__arg_string(c, i, i == 1 ? "ipv4" : "ipv6");
    if (!s) return;
    unsigned char a[16];
    if (i == 1 && inet_pton(AF_INET, s, a) == 1) {
      uint32_t x;
      memcpy(&x, a, 4);
      ares_set_local_ip4(ch->ares, ntohl(x));
    } else if (i == 2 && inet_pton(AF_INET6, s, a) == 1) {
      ares_set_local_ip6(ch->ares, a);
    } else {
      ok = false;
    }
    free(s);
  }
  (void)env;
  v8c_return_bool(c, ok);
}

/* strerror(code) -> c-ares' message for an error number */
static void strerror_(v8c_call *c) {
  int64_t code;
  if (!nr__arg_int(c, 0, "code", INT32_MIN, INT32_MAX, &code)) return;
  const char *msg = code == ESETSRVPENDING ? "There are pending queries." :
    ares_strerror((int)code);
  v8c_return(c, v8c_string(v8c_call_env(c), msg, (size_t)-1));
}

static const nr__method methods[] = {
    {"cancel", cancel_},
    {"create", create},
    {"getHostByAddr", get_host_by_addr},
    {"getServers", get_servers},
    {"query", query_},
    {"setLocalAddress", set_local_address},
    {"setServers", set_servers},
    {"strerror", strerror_},
    {NULL, NULL},
};

static uv_once_t init_once = UV_ONCE_INIT;
static int init_status;

static void library_init(void) {
  init_status = ares_library_init(ARES_LIB_INIT_ALL);
}

bool nr__binding_cares_wrap(nr_runtime *rt, v8c_value target) {
  uv_once(&init_once, library_init);
  if (init_status != ARES_SUCCESS) {
    throw_ares(rt->env, init_status);
    return false;
  }
  return nr__set_methods(rt->env, target, methods, NULL);
}
