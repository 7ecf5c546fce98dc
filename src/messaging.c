/* messaging.c — binding 'messaging': structuredClone and MessagePorts.
 *
 * A channel joins two ports. Each port owns a uv_async_t on its runtime's
 * loop; posting serializes the value (v8c_serialize, no V8 handles inside),
 * appends it to the peer's queue under the channel's lock and wakes the
 * peer's loop. Because only the lock and uv_async_send cross between the
 * two ends, a port's peer may live on another thread's loop (workers). */
#include <stdlib.h>

#include "internal.h"

typedef struct message {
  v8c_serialized *data;
  struct message *next;
} message;

typedef struct port port;

typedef struct channel {
  uv_mutex_t lock;
  int ports;              /* ends not yet freed */
  port *ends[2];          /* NULL once that end closed */
  message *head[2], *tail[2]; /* head[i]: messages waiting for ends[i] */
} channel;

struct port {
  nr__handle_wrap base;
  uv_async_t async;
  channel *chan;
  int side;
  bool receiving;         /* start() was called */
  bool closing;
  bool peer_closed;       /* set under the channel lock */
  v8c_ref *object;
  v8c_ref *onmessage;     /* onmessage(value) */
  v8c_ref *onclose;       /* onclose() */
};

static const int port_tag = 0;

static void free_queue(message *m) {
  while (m) {
    message *next = m->next;
    v8c_serialized_free(m->data);
    free(m);
    m = next;
  }
}

static void on_port_closed(uv_handle_t *h) {
  port *p = h->data;
  channel *c = p->chan;
  uv_mutex_lock(&c->lock);
  free_queue(c->head[p->side]);
  c->head[p->side] = c->tail[p->side] = NULL;
  bool last = --c->ports == 0;
  uv_mutex_unlock(&c->lock);
  if (last) {
    uv_mutex_destroy(&c->lock);
    free(c);
  }
  v8c_ref_free(p->object);
  v8c_ref_free(p->onmessage);
  v8c_ref_free(p->onclose);
  free(p);
}

/* Detaches this end from the channel and tells the peer. */
static void disentangle(port *p) {
  channel *c = p->chan;
  uv_mutex_lock(&c->lock);
  port *peer = c->ends[!p->side];
  c->ends[p->side] = NULL;
  if (peer) {
    peer->peer_closed = true;
    /* The peer's 'close' must still be delivered: on the same loop, keep
     * the loop up until it is (another thread's loop is its own affair). */
    if (peer->async.loop == p->async.loop) uv_ref((uv_handle_t *)&peer->async);
    uv_async_send(&peer->async);
  }
  uv_mutex_unlock(&c->lock);
}

static void close_port(nr__handle_wrap *w) {
  port *p = (port *)w;
  if (p->closing) return;
  p->closing = true;
  disentangle(p);
  uv_close((uv_handle_t *)&p->async, on_port_closed);
}

/* Tells JS the port closed, then closes it (from the loop, not from JS). */
static void finish_close(port *p) {
  nr_runtime *rt = p->base.rt;
  nr__wrap_untrack(&p->base);
  v8c_env *env = rt->env;
  v8c_scope scope;
  v8c_scope_open(env, &scope);
  v8c_value self = v8c_ref_get(env, p->object);
  v8c_value fn = v8c_ref_get(env, p->onclose);
  if (self) v8c_unwrap_clear(env, self);
  close_port(&p->base);
  if (fn && !rt->stopping) nr__callback(rt, fn, self, 0, NULL);
  v8c_scope_close(&scope);
}

static void on_async(uv_async_t *a) {
  port *p = a->data;
  nr_runtime *rt = p->base.rt;
  if (!rt || p->closing || rt->stopping) return;
  channel *c = p->chan;
  message *m = NULL;
  uv_mutex_lock(&c->lock);
  bool peer_closed = p->peer_closed;
  if (p->receiving) {
    m = c->head[p->side];
    c->head[p->side] = c->tail[p->side] = NULL;
  }
  uv_mutex_unlock(&c->lock);
  v8c_env *env = rt->env;
  while (m && !rt->stopping && !p->closing) {
    message *next = m->next;
    v8c_scope scope;
    v8c_scope_open(env, &scope);
    v8c_trycatch tc;
    v8c_try_begin(env, &tc);
    v8c_value value = v8c_deserialize(env, m->data);
    v8c_value err = value ? NULL : v8c_try_exception(&tc);
    v8c_try_end(&tc);
    v8c_value fn = v8c_ref_get(env, p->onmessage);
    v8c_value self = v8c_ref_get(env, p->object);
    /* A message that cannot be rebuilt arrives as ('messageerror', err). */
    v8c_value argv[2] = {value ? value : err, v8c_bool(env, value == NULL)};
    if (fn && argv[0]) nr__callback(rt, fn, self, 2, argv);
    v8c_scope_close(&scope);
    v8c_serialized_free(m->data);
    free(m);
    m = next;
  }
  free_queue(m);  /* what was left when the runtime stopped */
  if (peer_closed && !p->closing && !rt->stopping) finish_close(p);
}

static port *new_port(nr_runtime *rt, channel *c, int side) {
  port *p = calloc(1, sizeof *p);
  if (!p) return NULL;
  if (uv_async_init(rt->loop, &p->async, on_async) != 0) {
    free(p);
    return NULL;
  }
  p->async.data = p;
  p->chan = c;
  p->side = side;
  /* A port keeps the loop alive only when JS refs it (a 'message'
   * listener), as in Node. */
  uv_unref((uv_handle_t *)&p->async);
  nr__wrap_track(rt, &p->base, close_port);
  return p;
}

/* createChannel(onmessage, onclose) -> [port1, port2] */
static void create_channel(v8c_call *c) {
  nr_runtime *rt = nr__rt(c);
  v8c_env *env = v8c_call_env(c);
  if (!v8c_is(v8c_arg(c, 0), V8C_FUNCTION) ||
      !v8c_is(v8c_arg(c, 1), V8C_FUNCTION)) {
    nr__throw_arg_type(env, "callback", "function");
    return;
  }
  channel *ch = calloc(1, sizeof *ch);
  if (!ch || uv_mutex_init(&ch->lock) != 0) {
    free(ch);
    v8c_throw_error(env, V8C_ERROR, "ERR_MEMORY_ALLOCATION_FAILED",
                    "Failed to allocate memory");
    return;
  }
  v8c_value pair = v8c_array(env, 2);
  for (int side = 0; side < 2; side++) {
    port *p = new_port(rt, ch, side);
    if (!p) {
      /* The first end, if made, is closed with the runtime's handles. */
      v8c_throw_error(env, V8C_ERROR, "ERR_MEMORY_ALLOCATION_FAILED",
                      "Failed to allocate memory");
      if (side == 0) {
        uv_mutex_destroy(&ch->lock);
        free(ch);
      }
      return;
    }
    ch->ends[side] = p;
    ch->ports++;
    v8c_value obj = v8c_wrap(env, &port_tag, p, NULL, NULL);
    if (!obj) return;
    p->object = v8c_ref_new(env, obj);
    p->onmessage = v8c_ref_new(env, v8c_arg(c, 0));
    p->onclose = v8c_ref_new(env, v8c_arg(c, 1));
    v8c_set_index(env, pair, (uint32_t)side, obj);
  }
  v8c_return(c, pair);
}

static port *arg_port(v8c_call *c) {
  port *p = v8c_unwrap(v8c_call_env(c), v8c_arg(c, 0), &port_tag);
  if (!p || p->closing) return NULL;
  return p;
}

/* postMessage(port, value, transferList) -> false when the peer is gone */
static void post_message(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  port *p = arg_port(c);
  if (!p) return v8c_return_bool(c, false);
  v8c_serialized *data = v8c_serialize(env, v8c_arg(c, 1), v8c_arg(c, 2));
  if (!data) return;
  message *m = malloc(sizeof *m);
  if (!m) {
    v8c_serialized_free(data);
    return;
  }
  m->data = data;
  m->next = NULL;
  channel *ch = p->chan;
  int to = !p->side;
  uv_mutex_lock(&ch->lock);
  port *peer = ch->ends[to];
  if (peer) {
    if (ch->tail[to]) ch->tail[to]->next = m;
    else ch->head[to] = m;
    ch->tail[to] = m;
    uv_async_send(&peer->async);
  }
  uv_mutex_unlock(&ch->lock);
  if (!peer) {
    v8c_serialized_free(data);
    free(m);
  }
  v8c_return_bool(c, peer != NULL);
}

/* start(port): deliver queued and future messages. */
static void start(v8c_call *c) {
  port *p = arg_port(c);
  if (!p) return;
  p->receiving = true;
  uv_async_send(&p->async);
}

/* stop(port): hold messages in the queue again. */
static void stop(v8c_call *c) {
  port *p = arg_port(c);
  if (p) p->receiving = false;
}

/* ref(port, bool) */
static void ref(v8c_call *c) {
  port *p = arg_port(c);
  if (!p) return;
  if (v8c_to_bool(v8c_call_env(c), v8c_arg(c, 1)))
    uv_ref((uv_handle_t *)&p->async);
  else
    uv_unref((uv_handle_t *)&p->async);
}

/* close(port): both ends get their onclose from the loop. */
static void close_(v8c_call *c) {
  port *p = arg_port(c);
  if (!p) return;
  uv_mutex_lock(&p->chan->lock);
  p->peer_closed = true;  /* makes on_async finish the close */
  uv_mutex_unlock(&p->chan->lock);
  uv_async_send(&p->async);
}

/* receiveMessage(port) -> [value] for the oldest waiting message, or
 * undefined when none waits (receiveMessageOnPort). */
static void receive_message(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  port *p = arg_port(c);
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
  v8c_value value = v8c_deserialize(env, m->data);
  v8c_serialized_free(m->data);
  free(m);
  if (!value) return;
  v8c_value box = v8c_array(env, 1);
  v8c_set_index(env, box, 0, value);
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

static const nr__method methods[] = {
    {"structuredClone", structured_clone},
    {"createChannel", create_channel},
    {"postMessage", post_message},
    {"start", start},
    {"stop", stop},
    {"ref", ref},
    {"close", close_},
    {"receiveMessage", receive_message},
    {NULL, NULL},
};

bool nr__binding_messaging(nr_runtime *rt, v8c_value target) {
  return nr__set_methods(rt->env, target, methods, NULL);
}
