/* messaging.c — binding 'messaging': structuredClone, MessagePorts and
 * BroadcastChannels.
 *
 * A channel joins two ends. An end is either a port (an eventfd watched by
 * some runtime's loop) or, while it travels inside a message to another thread,
 * a token. Posting serializes the value (v8c_serialize, no V8 handles
 * inside), appends it to the peer end's queue under the channel's lock and
 * wakes the peer's loop when the peer is a port. Because only the lock and
 * the eventfd cross between the two ends, an end may live on any
 * thread's loop (workers), and may move from one loop to another: a port
 * listed in a transfer list becomes a token in the message and a port
 * again where the message is read, with its queue intact.
 *
 * A BroadcastChannel is a channel whose end 0 is the subscriber's port and
 * whose end 1 belongs to a process-wide registry of names: posting puts a
 * copy of the message in the queue of every other subscriber of the name. */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "internal.h"

typedef struct message {
  v8c_serialized *data;
  nr__port_token **tokens; /* ports moving with the message */
  uint32_t ntokens;
  struct message *next;
} message;

typedef struct port port;

typedef struct channel {
  uv_mutex_t lock;
  int refs;               /* ports and tokens holding the channel */
  bool closed[2];         /* end i is gone for good */
  port *ends[2];          /* the port of end i, NULL while it is a token */
  message *head[2], *tail[2]; /* head[i]: messages waiting for end i */
  /* A wake-up of end i's port is on its way and its on_wake has not yet
   * taken the queue: more messages need no more wake-ups. */
  bool signaled[2];
} channel;

struct nr__port_token {
  channel *chan;
  int side;
};

/* The eventfd that wakes a port's loop. An eventfd rather than a
 * uv_async_t: libuv 1.44's uv_async_send makes the woken loop spin until
 * the sender's call returns, which costs dearly when threads ping-pong
 * messages. Counted, so that a sender can write to it after letting go of
 * the channel's lock (a receiver woken while the sender still held the
 * lock would block on it at once): whoever drops it last closes it. */
typedef struct waker {
  atomic_int refs;
  int efd;
} waker;

struct port {
  nr__handle_wrap base;
  uv_poll_t waker;
  waker *wk;
  channel *chan;
  int side;
  bool receiving;         /* start() was called */
  bool closing;
  bool close_requested;   /* close(): finish from the loop */
  bool transferred;       /* the end lives on as a token */
  bool broadcast;         /* a BroadcastChannel's subscription */
  v8c_ref *object;
};

static const int port_tag = 0;

static waker *waker_new(void) {
  waker *w = malloc(sizeof *w);
  if (!w) return NULL;
  w->efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (w->efd < 0) {
    free(w);
    return NULL;
  }
  atomic_init(&w->refs, 1);
  return w;
}

static void waker_release(waker *w) {
  if (atomic_fetch_sub_explicit(&w->refs, 1, memory_order_acq_rel) == 1) {
    close(w->efd);
    free(w);
  }
}

static void waker_signal(waker *w) {
  uint64_t one = 1;
  ssize_t n;
  do {
    n = write(w->efd, &one, sizeof one);
  } while (n < 0 && errno == EINTR);
  /* EAGAIN: the counter is full, so a wake-up is pending anyway. */
}

/* Wakes p's loop; safe from any thread while p is an end of its channel
 * (under the channel's lock) or from p's own loop. */
static void wake(port *p) { waker_signal(p->wk); }

static void on_wake(uv_poll_t *h, int status, int events);

static void free_unused_port(uv_handle_t *h) {
  port *p = h->data;
  waker_release(p->wk);
  free(p);
}

/* ---- Channels --------------------------------------------------------- */

static channel *channel_new(void) {
  channel *c = calloc(1, sizeof *c);
  if (!c) return NULL;
  if (uv_mutex_init(&c->lock) != 0) {
    free(c);
    return NULL;
  }
  return c;
}

static void channel_unref(channel *c) {
  uv_mutex_lock(&c->lock);
  bool last = --c->refs == 0;
  uv_mutex_unlock(&c->lock);
  if (last) {
    uv_mutex_destroy(&c->lock);
    free(c);
  }
}

static void free_queue(message *m) {
  while (m) {
    message *next = m->next;
    v8c_serialized_free(m->data);
    for (uint32_t i = 0; i < m->ntokens; i++)
      nr__port_token_free(m->tokens[i]);
    free(m->tokens);
    free(m);
    m = next;
  }
}

/* Marks end `side` gone: its queue is dropped (returned, to be freed by the
 * caller outside the lock) and the peer hears of it. Lock held. */
static message *end_gone(channel *c, int side, uv_loop_t *same_loop) {
  c->closed[side] = true;
  c->ends[side] = NULL;
  message *q = c->head[side];
  c->head[side] = c->tail[side] = NULL;
  port *peer = c->ends[!side];
  if (peer && !peer->closing) {
    /* The peer's 'close' must still be delivered: on the same loop, keep
     * the loop up until it is (another thread's loop is its own affair). */
    if (peer->waker.loop == same_loop) uv_ref((uv_handle_t *)&peer->waker);
    wake(peer);
  }
  return q;
}

/* Appends m to end `to`; false (m untouched) when that end is gone. The
 * peer is woken after the lock is released, and only when no wake-up is
 * pending already. */
static bool enqueue(channel *c, int to, message *m) {
  waker *w = NULL;
  uv_mutex_lock(&c->lock);
  bool ok = !c->closed[to];
  if (ok) {
    if (c->tail[to]) c->tail[to]->next = m;
    else c->head[to] = m;
    c->tail[to] = m;
    port *peer = c->ends[to];
    if (peer && !c->signaled[to]) {
      c->signaled[to] = true;
      w = peer->wk;
      atomic_fetch_add_explicit(&w->refs, 1, memory_order_relaxed);
    }
  }
  uv_mutex_unlock(&c->lock);
  if (w) {
    waker_signal(w);
    waker_release(w);
  }
  return ok;
}

void nr__port_token_free(nr__port_token *t) {
  if (!t) return;
  channel *c = t->chan;
  uv_mutex_lock(&c->lock);
  message *q = end_gone(c, t->side, NULL);
  uv_mutex_unlock(&c->lock);
  free_queue(q);
  free(t);
  channel_unref(c);
}

/* ---- Ports ------------------------------------------------------------ */

static void on_port_closed(uv_handle_t *h) {
  port *p = h->data;
  waker_release(p->wk);
  v8c_ref_free(p->object);
  channel *c = p->chan;
  free(p);
  channel_unref(c);
}

static void broadcast_drop(channel *ch);

static void close_port(nr__handle_wrap *w) {
  port *p = (port *)w;
  if (p->closing) return;
  p->closing = true;
  if (p->broadcast) broadcast_drop(p->chan);
  if (!p->transferred) {
    channel *c = p->chan;
    uv_mutex_lock(&c->lock);
    message *q = end_gone(c, p->side, p->waker.loop);
    uv_mutex_unlock(&c->lock);
    free_queue(q);
  }
  uv_close((uv_handle_t *)&p->waker, on_port_closed);
}

/* Tells JS the port closed, then closes it (from the loop, not from JS). */
static void finish_close(port *p) {
  nr_runtime *rt = p->base.rt;
  nr__wrap_untrack(&p->base);
  v8c_env *env = rt->env;
  v8c_scope scope;
  v8c_scope_open(env, &scope);
  v8c_value self = v8c_ref_get(env, p->object);
  v8c_value fn = rt->port_onclose ? v8c_ref_get(env, rt->port_onclose) : NULL;
  if (self) v8c_unwrap_clear(env, self);
  close_port(&p->base);
  if (fn && self && !rt->stopping) nr__callback(rt, fn, self, 0, NULL);
  v8c_scope_close(&scope);
}

static port *new_port(nr_runtime *rt, channel *c, int side) {
  port *p = calloc(1, sizeof *p);
  if (!p) return NULL;
  p->wk = waker_new();
  if (!p->wk) {
    free(p);
    return NULL;
  }
  if (uv_poll_init(rt->loop, &p->waker, p->wk->efd) != 0 ||
      uv_poll_start(&p->waker, UV_READABLE, on_wake) != 0) {
    /* A handle made must be closed; its close callback frees p. */
    if (p->waker.loop) {
      p->transferred = true;
      p->closing = true;
      p->waker.data = p;
      uv_close((uv_handle_t *)&p->waker, free_unused_port);
    } else {
      waker_release(p->wk);
      free(p);
    }
    return NULL;
  }
  p->waker.data = p;
  p->chan = c;
  p->side = side;
  /* A port keeps the loop alive only when JS refs it (a 'message'
   * listener), as in Node. */
  uv_unref((uv_handle_t *)&p->waker);
  nr__wrap_track(rt, &p->base, close_port);
  return p;
}

/* The JS handle of a new port for end `side` of c. The caller's reference
 * to the channel passes to the port; on failure (NULL, exception pending)
 * the end is gone and the reference dropped. */
static v8c_value port_handle(nr_runtime *rt, channel *c, int side) {
  v8c_env *env = rt->env;
  port *p = new_port(rt, c, side);
  if (!p) {
    uv_mutex_lock(&c->lock);
    message *q = end_gone(c, side, NULL);
    uv_mutex_unlock(&c->lock);
    free_queue(q);
    channel_unref(c);
    return v8c_throw_error(env, V8C_ERROR, "ERR_MEMORY_ALLOCATION_FAILED",
                           "Failed to allocate memory");
  }
  v8c_value obj = v8c_wrap(env, &port_tag, p, NULL, NULL);
  if (!obj) {
    nr__wrap_untrack(&p->base);
    close_port(&p->base);
    return NULL;
  }
  p->object = v8c_ref_new(env, obj);
  uv_mutex_lock(&c->lock);
  c->ends[side] = p;
  /* A wake-up meant for the end's previous port never reaches this one. */
  c->signaled[side] = false;
  bool pending = c->head[side] || c->closed[!side];
  uv_mutex_unlock(&c->lock);
  if (pending) wake(p);
  return obj;
}


/* Builds the MessagePort objects of a message's tokens (the tokens are
 * used up): an array of them, or undefined when none came. NULL with an
 * exception pending. */
static v8c_value adopt_tokens(nr_runtime *rt, message *m, v8c_value *objs) {
  v8c_env *env = rt->env;
  if (m->ntokens == 0) return v8c_undefined(env);
  v8c_value wrap = rt->port_wrap ? v8c_ref_get(env, rt->port_wrap) : NULL;
  v8c_value arr = v8c_array(env, m->ntokens);
  for (uint32_t i = 0; i < m->ntokens; i++) {
    nr__port_token *t = m->tokens[i];
    m->tokens[i] = NULL;
    v8c_value h = nr__port_adopt(rt, t);
    v8c_value obj = h && wrap ? v8c_call_fn(env, wrap, v8c_undefined(env),
                                            1, &h)
                              : NULL;
    if (!obj || !v8c_is(obj, V8C_OBJECT)) {
      for (uint32_t j = i + 1; j < m->ntokens; j++) {
        nr__port_token_free(m->tokens[j]);
        m->tokens[j] = NULL;
      }
      if (!v8c_is_terminating(env) && !obj)
        v8c_throw_error(env, V8C_ERROR, "ERR_MISSING_PLATFORM_FOR_WORKER",
                        "MessagePort could not be created");
      return NULL;
    }
    objs[i] = obj;
    v8c_set_index(env, arr, i, obj);
  }
  m->ntokens = 0;
  return arr;
}

/* Rebuilds a message's value and ports; on failure *err gets the
 * exception (for 'messageerror') and NULL is returned. */
static v8c_value read_message(nr_runtime *rt, message *m, v8c_value *ports,
                              v8c_value *err) {
  v8c_env *env = rt->env;
  v8c_trycatch tc;
  v8c_try_begin(env, &tc);
  v8c_value objs[64];
  v8c_value *hosts = m->ntokens <= 64 ? objs
                                      : malloc(m->ntokens * sizeof *hosts);
  uint32_t n = m->ntokens;
  v8c_value value = NULL;
  *ports = hosts ? adopt_tokens(rt, m, hosts) : NULL;
  if (*ports) value = v8c_deserialize_host(env, m->data, n, hosts);
  if (hosts != objs) free(hosts);
  *err = value || !v8c_try_caught(&tc) ? NULL : v8c_try_exception(&tc);
  v8c_try_end(&tc);
  return value;
}

static void free_message(message *m) {
  m->next = NULL;
  free_queue(m);
}

/* Resets p's eventfd. Any number of wake-ups since the last one: the
 * queue says what came. */
static void drain_waker(port *p) {
  uint64_t count;
  if (read(p->wk->efd, &count, sizeof count) < 0) {
    /* EAGAIN: a wake-up already consumed. */
  }
}

/* Messages one wake-up delivers at most before the loop gets a turn (a
 * listener that keeps feeding its own port must not starve it). */
#define WAKE_BUDGET 1000

static void on_wake(uv_poll_t *h, int status, int events) {
  port *p = h->data;
  nr_runtime *rt = p->base.rt;
  if (!rt || p->closing || rt->stopping) {
    drain_waker(p);
    return;
  }
  channel *c = p->chan;
  v8c_env *env = rt->env;
  bool peer_closed;
  int budget = WAKE_BUDGET;
  for (;;) {
    message *m = NULL;
    uv_mutex_lock(&c->lock);
    peer_closed = c->closed[!p->side];
    if (c->ends[p->side] == p) c->signaled[p->side] = false;
    if (p->receiving) {
      m = c->head[p->side];
      c->head[p->side] = c->tail[p->side] = NULL;
    }
    uv_mutex_unlock(&c->lock);
    while (m && !rt->stopping && !p->closing && !p->transferred &&
           p->receiving) {
      message *next = m->next;
      v8c_scope scope;
      v8c_scope_open(env, &scope);
      v8c_value ports, err;
      v8c_value value = read_message(rt, m, &ports, &err);
      v8c_value fn =
          rt->port_onmessage ? v8c_ref_get(env, rt->port_onmessage) : NULL;
      v8c_value self = v8c_ref_get(env, p->object);
      /* A message that cannot be rebuilt arrives as ('messageerror',
       * err). */
      v8c_value argv[3] = {value ? value : err, v8c_bool(env, value == NULL),
                           ports ? ports : v8c_undefined(env)};
      if (fn && self && argv[0]) nr__callback(rt, fn, self, 3, argv);
      v8c_scope_close(&scope);
      free_message(m);
      m = next;
      budget--;
    }
    if (m && !rt->stopping && (p->transferred || !p->receiving)) {
      /* A listener stopped the port, or sent it elsewhere: the rest of the
       * batch waits in the queue again, in order. */
      message *last = m;
      while (last->next) last = last->next;
      uv_mutex_lock(&c->lock);
      if (!c->closed[p->side]) {
        last->next = c->head[p->side];
        if (!c->head[p->side]) c->tail[p->side] = last;
        c->head[p->side] = m;
        m = NULL;
      }
      uv_mutex_unlock(&c->lock);
    }
    free_queue(m);  /* what was left when the runtime stopped */
    /* The eventfd is reset only now, off the path from a message's
     * arrival to its listener (whose reply the peer may be waiting for).
     * The reset may swallow wake-ups that came meanwhile: what they
     * announced is looked at again here. */
    drain_waker(p);
    if (rt->stopping || p->closing || p->transferred) return;
    if (p->close_requested) {
      finish_close(p);
      return;
    }
    uv_mutex_lock(&c->lock);
    bool more = p->receiving && c->head[p->side];
    if (!more) {
      if (c->ends[p->side] == p) c->signaled[p->side] = false;
      peer_closed = peer_closed || c->closed[!p->side];
    }
    uv_mutex_unlock(&c->lock);
    if (!more) break;
    if (budget <= 0) {
      wake(p);  /* the next turn goes on */
      return;
    }
  }
  if (peer_closed) finish_close(p);
}

/* ---- What worker.c uses ----------------------------------------------- */

v8c_value nr__channel_open(nr_runtime *rt, nr__port_token **other) {
  v8c_env *env = rt->env;
  channel *c = channel_new();
  nr__port_token *t = calloc(1, sizeof *t);
  if (!c || !t) {
    free(t);
    if (c) uv_mutex_destroy(&c->lock);
    free(c);
    return v8c_throw_error(env, V8C_ERROR, "ERR_MEMORY_ALLOCATION_FAILED",
                           "Failed to allocate memory");
  }
  c->refs = 2;
  t->chan = c;
  t->side = 1;
  v8c_value h = port_handle(rt, c, 0);
  if (!h) {
    nr__port_token_free(t);
    return NULL;
  }
  *other = t;
  return h;
}

v8c_value nr__port_adopt(nr_runtime *rt, nr__port_token *t) {
  if (!t) return NULL;
  channel *c = t->chan;
  int side = t->side;
  free(t);
  return port_handle(rt, c, side);
}

/* ---- Natives ---------------------------------------------------------- */

/* setup(onmessage, onclose, wrap): the JS side of this runtime's ports.
 * onmessage(value, isError, ports) (ports: an array, or undefined when
 * none came) and onclose() run with `this` = the port's handle;
 * wrap(handle) makes the MessagePort of a received handle. */
static void setup(v8c_call *c) {
  nr_runtime *rt = nr__rt(c);
  v8c_env *env = v8c_call_env(c);
  for (int i = 0; i < 3; i++) {
    if (!v8c_is(v8c_arg(c, i), V8C_FUNCTION)) {
      nr__throw_arg_type(env, "callback", "function");
      return;
    }
  }
  v8c_ref **slots[3] = {&rt->port_onmessage, &rt->port_onclose,
                        &rt->port_wrap};
  for (int i = 0; i < 3; i++) {
    v8c_ref_free(*slots[i]);
    *slots[i] = v8c_ref_new(env, v8c_arg(c, i));
  }
}

/* hostObject() -> the object a MessagePort is built on. */
static void host_object(v8c_call *c) {
  v8c_return(c, v8c_host_object(v8c_call_env(c)));
}

/* createChannel() -> [handle1, handle2] */
static void create_channel(v8c_call *c) {
  nr_runtime *rt = nr__rt(c);
  v8c_env *env = v8c_call_env(c);
  nr__port_token *t;
  v8c_value h1 = nr__channel_open(rt, &t);
  if (!h1) return;
  v8c_value h2 = nr__port_adopt(rt, t);
  if (!h2) return;
  v8c_value pair = v8c_array(env, 2);
  v8c_set_index(env, pair, 0, h1);
  v8c_set_index(env, pair, 1, h2);
  v8c_return(c, pair);
}

static port *arg_port(v8c_call *c, int i) {
  port *p = v8c_unwrap(v8c_call_env(c), v8c_arg(c, i), &port_tag);
  if (!p || p->closing || p->transferred) return NULL;
  return p;
}

static v8c_value clone_error(v8c_env *env, const char *msg) {
  v8c_value err = v8c_error(env, V8C_ERROR, NULL, msg);
  if (err) v8c_set_named(env, err, "name",
                         v8c_string(env, "DataCloneError", (size_t)-1));
  return v8c_throw(env, err);
}

/* Turns the ports to transfer into tokens: they leave this loop. */
static bool detach_ports(nr_runtime *rt, port **ports, uint32_t n,
                         nr__port_token **tokens) {
  for (uint32_t i = 0; i < n; i++) {
    tokens[i] = malloc(sizeof **tokens);
    if (!tokens[i]) {
      while (i-- > 0) free(tokens[i]);
      return false;
    }
  }
  v8c_env *env = rt->env;
  for (uint32_t i = 0; i < n; i++) {
    port *p = ports[i];
    channel *ch = p->chan;
    uv_mutex_lock(&ch->lock);
    ch->refs++;  /* for the token */
    ch->ends[p->side] = NULL;
    uv_mutex_unlock(&ch->lock);
    tokens[i]->chan = ch;
    tokens[i]->side = p->side;
    p->transferred = true;
    v8c_value self = v8c_ref_get(env, p->object);
    if (self) v8c_unwrap_clear(env, self);
    nr__wrap_untrack(&p->base);
    close_port(&p->base);
  }
  return true;
}

/* postMessage(handle, value, arrayBuffers, ports, portHandles)
 *   -> false when the peer is gone. `ports` are the MessagePort objects of
 *   the transfer list and portHandles their handles. */
static void post_message(v8c_call *c) {
  nr_runtime *rt = nr__rt(c);
  v8c_env *env = v8c_call_env(c);
  port *p = arg_port(c, 0);
  if (!p) return v8c_return_bool(c, false);
  v8c_value objs = v8c_arg(c, 3), handles = v8c_arg(c, 4);
  uint32_t n = 0;
  if (v8c_is(objs, V8C_ARRAY) && v8c_is(handles, V8C_ARRAY)) {
    n = v8c_array_length(objs);
    if (v8c_array_length(handles) != n) n = 0;
  }
  v8c_value *hosts = n ? calloc(n, sizeof *hosts) : NULL;
  port **ports = n ? calloc(n, sizeof *ports) : NULL;
  nr__port_token **tokens = n ? calloc(n, sizeof *tokens) : NULL;
  message *m = calloc(1, sizeof *m);
  v8c_serialized *data = NULL;
  if (!m || (n && (!hosts || !ports || !tokens))) {
    v8c_throw_error(env, V8C_ERROR, "ERR_MEMORY_ALLOCATION_FAILED",
                    "Failed to allocate memory");
    goto fail;
  }
  for (uint32_t i = 0; i < n; i++) {
    hosts[i] = v8c_get_index(env, objs, i);
    v8c_value h = v8c_get_index(env, handles, i);
    if (!hosts[i] || !h) goto fail;
    ports[i] = v8c_unwrap(env, h, &port_tag);
    if (!ports[i] || ports[i]->closing || ports[i]->transferred) {
      clone_error(env, "MessagePort in transfer list is already detached");
      goto fail;
    }
    if (ports[i] == p) {
      clone_error(env, "Transfer list contains source port");
      goto fail;
    }
    for (uint32_t j = 0; j < i; j++) {
      if (ports[j] == ports[i]) {
        clone_error(env, "Transfer list contains duplicate MessagePort");
        goto fail;
      }
    }
  }
  data = v8c_serialize_host(env, v8c_arg(c, 1), v8c_arg(c, 2), n, hosts);
  if (!data) goto fail;
  if (n && !detach_ports(rt, ports, n, tokens)) goto fail;
  m->data = data;
  m->tokens = tokens;
  m->ntokens = n;
  free(hosts);
  free(ports);
  bool sent = enqueue(p->chan, !p->side, m);
  if (!sent) free_message(m);
  v8c_return_bool(c, sent);
  return;
fail:
  v8c_serialized_free(data);
  free(hosts);
  free(ports);
  free(tokens);
  free(m);
}

/* start(handle): deliver queued and future messages. */
static void start(v8c_call *c) {
  port *p = arg_port(c, 0);
  if (!p) return;
  p->receiving = true;
  wake(p);
}

/* stop(handle): hold messages in the queue again. */
static void stop(v8c_call *c) {
  port *p = arg_port(c, 0);
  if (p) p->receiving = false;
}

/* ref(handle, bool) */
static void ref(v8c_call *c) {
  port *p = arg_port(c, 0);
  if (!p) return;
  if (v8c_to_bool(v8c_call_env(c), v8c_arg(c, 1)))
    uv_ref((uv_handle_t *)&p->waker);
  else
    uv_unref((uv_handle_t *)&p->waker);
}

/* close(handle): both ends get their onclose from the loop. */
static void close_(v8c_call *c) {
  port *p = arg_port(c, 0);
  if (!p) return;
  p->close_requested = true;
  wake(p);
}

/* receiveMessage(handle) -> [value, ports] for the oldest waiting message,
 * or undefined when none waits (receiveMessageOnPort). */
static void receive_message(v8c_call *c) {
  nr_runtime *rt = nr__rt(c);
  v8c_env *env = v8c_call_env(c);
  port *p = arg_port(c, 0);
  if (!p) return;
  channel *ch = p->chan;
  uv_mutex_lock(&ch->lock);
  message *m = ch->head[p->side];
  if (m) {
    ch->head[p->side] = m->next;
    if (!m->next) ch->tail[p->side] = NULL;
  }
  uv_mutex_unlock(&ch->lock);
  if (!m) return;
  v8c_value ports, err;
  v8c_value value = read_message(rt, m, &ports, &err);
  free_message(m);
  if (!value) {
    if (err) v8c_throw(env, err);
    return;
  }
  v8c_value box = v8c_array(env, 2);
  v8c_set_index(env, box, 0, value);
  v8c_set_index(env, box, 1, ports);
  v8c_return(c, box);
}

/* structuredClone(value, transferList) -> a deep copy */
static void structured_clone(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_serialized *s = v8c_serialize(env, v8c_arg(c, 0), v8c_arg(c, 1));
  if (!s) return;
  v8c_return(c, v8c_deserialize(env, s));
  v8c_serialized_free(s);
}

/* ---- BroadcastChannel ------------------------------------------------- */

/* One subscriber of a name: a channel whose end 1 the registry holds. */
typedef struct subscriber {
  char *name;
  channel *chan;
  struct subscriber *next;
} subscriber;

static uv_once_t registry_once = UV_ONCE_INIT;
static uv_mutex_t registry_lock;
static subscriber *registry;

static void registry_init(void) { uv_mutex_init(&registry_lock); }

/* broadcastOpen(name) -> the handle of a new subscriber's port */
static void broadcast_open(v8c_call *c) {
  nr_runtime *rt = nr__rt(c);
  v8c_env *env = v8c_call_env(c);
  char *name = nr__arg_string(c, 0, "name");
  if (!name) return;
  uv_once(&registry_once, registry_init);
  subscriber *s = calloc(1, sizeof *s);
  channel *ch = channel_new();
  if (!s || !ch) {
    free(s);
    if (ch) uv_mutex_destroy(&ch->lock);
    free(ch);
    free(name);
    v8c_throw_error(env, V8C_ERROR, "ERR_MEMORY_ALLOCATION_FAILED",
                    "Failed to allocate memory");
    return;
  }
  ch->refs = 2;  /* the port, and the registry's end */
  v8c_value h = port_handle(rt, ch, 0);
  if (!h) {
    uv_mutex_lock(&ch->lock);
    message *q = end_gone(ch, 1, NULL);
    uv_mutex_unlock(&ch->lock);
    free_queue(q);
    channel_unref(ch);
    free(s);
    free(name);
    return;
  }
  port *p = v8c_unwrap(env, h, &port_tag);
  p->broadcast = true;
  s->name = name;
  s->chan = ch;
  uv_mutex_lock(&registry_lock);
  s->next = registry;
  registry = s;
  uv_mutex_unlock(&registry_lock);
  v8c_return(c, h);
}

/* Removes the subscriber of channel ch (its port closes elsewhere). */
static void broadcast_drop(channel *ch) {
  uv_once(&registry_once, registry_init);
  uv_mutex_lock(&registry_lock);
  subscriber **pp = &registry, *s = NULL;
  while (*pp && (*pp)->chan != ch) pp = &(*pp)->next;
  if (*pp) {
    s = *pp;
    *pp = s->next;
  }
  uv_mutex_unlock(&registry_lock);
  if (!s) return;
  uv_mutex_lock(&ch->lock);
  message *q = end_gone(ch, 1, NULL);
  uv_mutex_unlock(&ch->lock);
  free_queue(q);
  free(s->name);
  free(s);
  channel_unref(ch);
}


/* broadcastPost(handle, value): a copy for every other subscriber. */
static void broadcast_post(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  port *p = arg_port(c, 0);
  if (!p) return;
  uv_once(&registry_once, registry_init);
  /* The value is serialized per receiver, outside the registry lock
   * (serializing runs getters, which may use BroadcastChannels). */
  uv_mutex_lock(&registry_lock);
  const char *name = NULL;
  size_t n = 0;
  for (subscriber *s = registry; s; s = s->next)
    if (s->chan == p->chan) name = s->name;
  for (subscriber *s = registry; s && name; s = s->next)
    if (s->chan != p->chan && !strcmp(s->name, name)) n++;
  channel **to = n ? calloc(n, sizeof *to) : NULL;
  size_t k = 0;
  for (subscriber *s = registry; s && name && to; s = s->next) {
    if (s->chan != p->chan && !strcmp(s->name, name)) {
      uv_mutex_lock(&s->chan->lock);
      s->chan->refs++;
      uv_mutex_unlock(&s->chan->lock);
      to[k++] = s->chan;
    }
  }
  uv_mutex_unlock(&registry_lock);
  /* A value that cannot be cloned throws even with no one listening. */
  v8c_serialized *first = v8c_serialize(env, v8c_arg(c, 1), NULL);
  bool ok = first != NULL;
  for (size_t i = 0; i < k; i++) {
    message *m = ok ? calloc(1, sizeof *m) : NULL;
    v8c_serialized *data = NULL;
    if (m && i == 0) {
      data = first;
      first = NULL;
    } else if (m) {
      data = v8c_serialize(env, v8c_arg(c, 1), NULL);
    }
    if (data) {
      m->data = data;
      if (!enqueue(to[i], 0, m)) free_message(m);
    } else {
      free(m);
      ok = false;
    }
    channel_unref(to[i]);
  }
  v8c_serialized_free(first);
  free(to);
}

static const nr__method methods[] = {
    {"structuredClone", structured_clone},
    {"setup", setup},
    {"hostObject", host_object},
    {"createChannel", create_channel},
    {"postMessage", post_message},
    {"start", start},
    {"stop", stop},
    {"ref", ref},
    {"close", close_},
    {"receiveMessage", receive_message},
    {"broadcastOpen", broadcast_open},
    {"broadcastPost", broadcast_post},
    {NULL, NULL},
};

bool nr__binding_messaging(nr_runtime *rt, v8c_value target) {
  return nr__set_methods(rt->env, target, methods, NULL);
}
