/* threadpool.c — the one path by which noderun puts work on libuv's
 * threadpool, and binding 'threadpool' that reports on it.
 *
 * The pool is the process's (libuv has one per process, shared by worker
 * threads), so the counters are too: one table under a mutex. Each piece
 * of work is timed twice: how long it waited in the queue (submission to a
 * thread picking it up) and how long it ran. Timings go into log-scale
 * histograms (8 steps per power of two, so a percentile is within ~9%),
 * which cost a few KiB and no allocation.
 *
 * Work that can sometimes finish without blocking (an fs read the page
 * cache serves) may skip the pool: nr__work_queue_try runs it at once on
 * the loop thread and its after callback on the loop's next turn, as
 * though it had come back from the pool, without the two thread
 * hand-offs. */
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "internal.h"

enum { SUB_BITS = 3, SUBS = 1 << SUB_BITS, BUCKETS = 64 * SUBS };

typedef struct histogram {
  uint64_t count, sum_ns, max_ns;
  uint32_t bucket[BUCKETS];
} histogram;

typedef struct kind_stats {
  uint64_t queued, running, completed;
  uint64_t inline_done;  /* finished at once on the loop thread */
  histogram wait, run;
} kind_stats;

static uv_once_t once = UV_ONCE_INIT;
static uv_mutex_t lock;
static kind_stats stats[NR_WORK_KINDS];
static int pool_size;

static const char *const kind_names[NR_WORK_KINDS] = {"fs", "crypto", "zlib",
                                                      "dns"};

/* libuv sizes its pool from UV_THREADPOOL_SIZE when the first work is
 * queued: 4 by default, at least 1, at most 1024. */
static void init(void) {
  uv_mutex_init(&lock);
  const char *v = getenv("UV_THREADPOOL_SIZE");
  long n = v ? strtol(v, NULL, 10) : 4;
  pool_size = n < 1 ? 1 : n > 1024 ? 1024 : (int)n;
}

static unsigned bucket_of(uint64_t ns) {
  if (ns < SUBS) return (unsigned)ns;
  unsigned e = 63 - (unsigned)__builtin_clzll(ns); /* e >= SUB_BITS */
  unsigned sub = (unsigned)(ns >> (e - SUB_BITS)) & (SUBS - 1);
  return (e - SUB_BITS + 1) * SUBS + sub;
}

/* The middle of a bucket's range, in ns. */
static double bucket_mid(unsigned b) {
  if (b < SUBS) return b;
  unsigned e = b / SUBS + SUB_BITS - 1, sub = b % SUBS;
  double lo = (double)(1ULL << e) + (double)sub * (double)(1ULL << (e - SUB_BITS));
  return lo + (double)(1ULL << (e - SUB_BITS)) / 2;
}

static void record(histogram *h, uint64_t ns) {
  h->count++;
  h->sum_ns += ns;
  if (ns > h->max_ns) h->max_ns = ns;
  h->bucket[bucket_of(ns)]++;
}

static double percentile(const histogram *h, double p) {
  if (!h->count) return 0;
  uint64_t want = (uint64_t)(p * (double)h->count + 0.5), seen = 0;
  if (want < 1) want = 1;
  for (unsigned b = 0; b < BUCKETS; b++) {
    seen += h->bucket[b];
    if (seen >= want) {
      double mid = bucket_mid(b);
      return mid > (double)h->max_ns ? (double)h->max_ns : mid;
    }
  }
  return (double)h->max_ns;
}

/* ---- Submission ------------------------------------------------------- */

static void run_work(uv_work_t *req) {
  nr__work *w = req->data;
  uint64_t now = uv_hrtime();
  w->started_ns = now;
  uv_mutex_lock(&lock);
  kind_stats *k = &stats[w->kind];
  k->queued--;
  k->running++;
  record(&k->wait, now - w->queued_ns);
  uv_mutex_unlock(&lock);

  w->work(w);

  uint64_t done = uv_hrtime();
  uv_mutex_lock(&lock);
  k->running--;
  k->completed++;
  record(&k->run, done - w->started_ns);
  uv_mutex_unlock(&lock);
}

static void after_work(uv_work_t *req, int status) {
  nr__work *w = req->data;
  if (status == UV_ECANCELED) {
    uv_mutex_lock(&lock);
    stats[w->kind].queued--;
    uv_mutex_unlock(&lock);
  }
  w->rt->work_active[w->kind]--;
  w->after(w, status);
}

int nr__work_queue(nr_runtime *rt, nr__work *w, nr__work_kind kind,
                   nr__work_fn work, nr__after_fn after) {
  uv_once(&once, init);
  w->rt = rt;
  w->kind = kind;
  w->work = work;
  w->after = after;
  w->req.data = w;
  w->queued_ns = uv_hrtime();
  w->started_ns = 0;
  uv_mutex_lock(&lock);
  stats[kind].queued++;
  uv_mutex_unlock(&lock);
  int r = uv_queue_work(rt->loop, &w->req, run_work, after_work);
  if (r) {
    uv_mutex_lock(&lock);
    stats[kind].queued--;
    uv_mutex_unlock(&lock);
    return r;
  }
  rt->work_active[kind]++;
  return 0;
}

int nr__work_active(nr_runtime *rt, nr__work_kind kind) {
  return rt->work_active[kind];
}

/* ---- Work finished at once -------------------------------------------- */

/* Work that try() finished waits in the runtime's list for the idle phase
 * of the loop's next turn; the active idle handle keeps poll from blocking
 * meanwhile. Only what was listed when the phase began runs: work that
 * those callbacks finish at once waits for the turn after, so a stream
 * served from memory still lets timers and I/O run between its chunks. */
static void on_work_idle(uv_idle_t *h) {
  nr_runtime *rt = h->data;
  nr__work *w = rt->work_done;
  rt->work_done = rt->work_done_tail = NULL;
  while (w) {
    nr__work *next = w->next;
    rt->work_active[w->kind]--;
    w->after(w, 0);
    w = next;
  }
  if (!rt->work_done) uv_idle_stop(h);
}

int nr__work_queue_try(nr_runtime *rt, nr__work *w, nr__work_kind kind,
                       nr__try_fn try_now, nr__work_fn work,
                       nr__after_fn after) {
  if (!try_now(w)) return nr__work_queue(rt, w, kind, work, after);
  uv_once(&once, init);
  w->rt = rt;
  w->kind = kind;
  w->work = work;
  w->after = after;
  w->next = NULL;
  uv_mutex_lock(&lock);
  stats[kind].inline_done++;
  uv_mutex_unlock(&lock);
  if (rt->work_done_tail) rt->work_done_tail->next = w;
  else rt->work_done = w;
  rt->work_done_tail = w;
  uv_idle_start(&rt->work_idle, on_work_idle);
  rt->work_active[kind]++;
  return 0;
}

void nr__work_init(nr_runtime *rt) {
  uv_idle_init(rt->loop, &rt->work_idle);
  rt->work_idle.data = rt;
  rt->handles_open++;
}

void nr__work_close(nr_runtime *rt) {
  while (rt->work_done) on_work_idle(&rt->work_idle);
  uv_close((uv_handle_t *)&rt->work_idle, nr__on_handle_closed);
}

/* ---- Binding ------------------------------------------------------------ */

static bool set_num(v8c_env *env, v8c_value o, const char *name, double v) {
  return v8c_set_named(env, o, name, v8c_number(env, v));
}

/* { count, mean, p50, p90, p99, max } in milliseconds. */
static v8c_value timings(v8c_env *env, const histogram *h) {
  v8c_value o = v8c_object(env);
  if (!o) return NULL;
  double mean = h->count ? (double)h->sum_ns / (double)h->count : 0;
  bool ok = set_num(env, o, "count", (double)h->count) &&
            set_num(env, o, "mean", mean / 1e6) &&
            set_num(env, o, "p50", percentile(h, 0.50) / 1e6) &&
            set_num(env, o, "p90", percentile(h, 0.90) / 1e6) &&
            set_num(env, o, "p99", percentile(h, 0.99) / 1e6) &&
            set_num(env, o, "max", (double)h->max_ns / 1e6);
  return ok ? o : NULL;
}

/* stats() -> { size, queued, running, completed,
 *              fs|crypto|zlib|dns: { queued, running, completed, inline,
 *                                    wait: timings, run: timings } } */
static void js_stats(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  uv_once(&once, init);
  kind_stats copy[NR_WORK_KINDS];
  uv_mutex_lock(&lock);
  memcpy(copy, stats, sizeof copy);
  uv_mutex_unlock(&lock);

  v8c_value o = v8c_object(env);
  if (!o || !set_num(env, o, "size", pool_size)) return;
  uint64_t queued = 0, running = 0, completed = 0;
  for (int i = 0; i < NR_WORK_KINDS; i++) {
    kind_stats *k = &copy[i];
    queued += k->queued;
    running += k->running;
    completed += k->completed;
  }
  if (!set_num(env, o, "queued", (double)queued) ||
      !set_num(env, o, "running", (double)running) ||
      !set_num(env, o, "completed", (double)completed))
    return;
  for (int i = 0; i < NR_WORK_KINDS; i++) {
    kind_stats *k = &copy[i];
    v8c_value ko = v8c_object(env);
    v8c_value wait = timings(env, &k->wait);
    v8c_value run = timings(env, &k->run);
    if (!ko || !wait || !run || !set_num(env, ko, "queued", (double)k->queued) ||
        !set_num(env, ko, "running", (double)k->running) ||
        !set_num(env, ko, "completed", (double)k->completed) ||
        !set_num(env, ko, "inline", (double)k->inline_done) ||
        !v8c_set_named(env, ko, "wait", wait) ||
        !v8c_set_named(env, ko, "run", run) ||
        !v8c_set_named(env, o, kind_names[i], ko))
      return;
  }
  v8c_return(c, o);
}

/* active() -> [fs, crypto, zlib, dns]: this thread's work in flight. */
static void js_active(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  nr_runtime *rt = nr__rt(c);
  v8c_value a = v8c_array(env, NR_WORK_KINDS);
  if (!a) return;
  for (uint32_t i = 0; i < NR_WORK_KINDS; i++)
    if (!v8c_set_index(env, a, i, v8c_number(env, rt->work_active[i]))) return;
  v8c_return(c, a);
}

/* Node's name for a handle that keeps the loop alive, or NULL for one that
 * does not count: the runtime's own timer, check and idle handles stand
 * for JS timers and immediates, which JS counts itself. */
static const char *handle_name(uv_handle_t *h) {
  if (!uv_has_ref(h) || uv_is_closing(h)) return NULL;
  switch (h->type) {
    case UV_TTY: return uv_is_active(h) ? "TTYWrap" : NULL;
    case UV_NAMED_PIPE: return "PipeWrap";
    case UV_PROCESS: return "ProcessWrap";
    case UV_SIGNAL: return "SignalWrap";
    case UV_UDP: return "UDPWrap";
    case UV_FS_EVENT: return "FSEventWrap";
    case UV_FS_POLL: return "StatWatcher";
    case UV_ASYNC: return "MessagePort";
    case UV_TCP: {
      uv_os_fd_t fd;
      int listening = 0;
      socklen_t len = sizeof listening;
      if (uv_fileno(h, &fd) == 0)
        getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &len);
      return listening ? "TCPServerWrap" : "TCPSocketWrap";
    }
    default: return NULL;
  }
}

typedef struct walk_state {
  v8c_env *env;
  v8c_value names;
  uint32_t n;
  bool failed;
} walk_state;

static void walk_handle(uv_handle_t *h, void *arg) {
  walk_state *ws = arg;
  const char *name = handle_name(h);
  if (!name || ws->failed) return;
  v8c_value s = v8c_string(ws->env, name, strlen(name));
  if (!s || !v8c_set_index(ws->env, ws->names, ws->n++, s)) ws->failed = true;
}

/* loopHandles() -> names of this thread's handles that keep its loop
 * alive, for process.getActiveResourcesInfo(). */
static void js_loop_handles(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  walk_state ws = {env, v8c_array(env, 0), 0, false};
  if (!ws.names) return;
  uv_walk(nr__rt(c)->loop, walk_handle, &ws);
  if (!ws.failed) v8c_return(c, ws.names);
}

bool nr__binding_threadpool(nr_runtime *rt, v8c_value target) {
  static const nr__method methods[] = {{"stats", js_stats},
                                       {"active", js_active},
                                       {"loopHandles", js_loop_handles},
                                       {NULL, NULL}};
  return nr__set_methods(rt->env, target, methods, NULL);
}
