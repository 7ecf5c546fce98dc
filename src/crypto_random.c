/* crypto_random.c — binding 'crypto_random': random bytes from OpenSSL's
 * CSPRNG, and the constant-time comparison. */
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/rand.h>

#include "internal.h"

/* Node's limit for one request: the largest int. */
#define MAX_RANDOM 2147483647.0

typedef struct random_job {
  nr__crypto_job job;
  uint8_t *bytes;
  size_t len;
} random_job;

static void random_run(nr__crypto_job *j) {
  random_job *r = (random_job *)j;
  /* RAND_bytes takes an int: large requests go in pieces. */
  for (size_t off = 0; off < r->len;) {
    size_t n = r->len - off > (1u << 30) ? (1u << 30) : r->len - off;
    if (RAND_bytes(r->bytes + off, (int)n) != 1) {
      j->failed = true;
      j->ossl_err = ERR_get_error();
      return;
    }
    off += n;
  }
}

static v8c_value random_result(v8c_env *env, nr__crypto_job *j,
                               bool *failed) {
  random_job *r = (random_job *)j;
  if (j->failed) {
    *failed = true;
    return nr__crypto_error(env, j->ossl_err, "Random bytes failed");
  }
  v8c_value ab = nr__crypto_take_bytes(env, r->bytes, r->len);
  r->bytes = NULL;
  return ab;
}

static void random_free(nr__crypto_job *j) {
  random_job *r = (random_job *)j;
  free(r->bytes);
  free(r);
}

/* randomBytes(size[, callback]) -> ArrayBuffer of `size` random bytes;
 * with a callback, made on the threadpool and passed as (null, ab). */
static void js_random_bytes(v8c_call *c) {
  int64_t size;
  v8c_value cb;
  if (!nr__arg_int(c, 0, "size", 0, (int64_t)MAX_RANDOM, &size) ||
      !nr__crypto_arg_callback(c, 1, &cb))
    return;
  random_job *r = calloc(1, sizeof *r);
  if (r) r->bytes = malloc(size ? (size_t)size : 1);
  if (!r || !r->bytes) {
    free(r);
    v8c_throw_error(v8c_call_env(c), V8C_RANGE_ERROR,
                    "ERR_MEMORY_ALLOCATION_FAILED",
                    "Failed to allocate memory");
    return;
  }
  r->len = (size_t)size;
  r->job.run = random_run;
  r->job.result = random_result;
  r->job.free = random_free;
  nr__crypto_job_run(c, &r->job, cb);
}

/* randomFillSync(view, offset, size): fills bytes [offset, offset+size)
 * of any buffer or view in place, on this thread. */
static void js_random_fill_sync(v8c_call *c) {
  const uint8_t *data;
  size_t len;
  int64_t off, size;
  if (!nr__crypto_arg_bytes(c, 0, "buf", &data, &len) ||
      !nr__arg_int(c, 1, "offset", 0, (int64_t)len, &off) ||
      !nr__arg_int(c, 2, "size", 0, (int64_t)len - off, &size))
    return;
  random_job r = {.bytes = (uint8_t *)data + off, .len = (size_t)size};
  random_run(&r.job);
  if (r.job.failed) {
    v8c_env *env = v8c_call_env(c);
    v8c_value e = nr__crypto_error(env, r.job.ossl_err, "Random bytes failed");
    if (e) v8c_throw(env, e);
  }
}

/* timingSafeEqual(a, b) -> bool, in time that depends only on the length
 * (the caller checked that both lengths are equal). */
static void js_timing_safe_equal(v8c_call *c) {
  const uint8_t *a, *b;
  size_t alen, blen;
  if (!nr__crypto_arg_bytes(c, 0, "buf1", &a, &alen) ||
      !nr__crypto_arg_bytes(c, 1, "buf2", &b, &blen))
    return;
  if (alen != blen) {
    v8c_throw_error(v8c_call_env(c), V8C_RANGE_ERROR,
                    "ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH",
                    "Input buffers must have the same byte length");
    return;
  }
  v8c_return_bool(c, CRYPTO_memcmp(a, b, alen) == 0);
}

bool nr__binding_crypto_random(nr_runtime *rt, v8c_value target) {
  static const nr__method methods[] = {
      {"randomBytes", js_random_bytes},
      {"randomFillSync", js_random_fill_sync},
      {"timingSafeEqual", js_timing_safe_equal},
      {NULL, NULL}};
  return nr__set_methods(rt->env, target, methods, NULL);
}
