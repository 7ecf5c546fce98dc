/* crypto_hash.c — binding 'crypto_hash': message digests (EVP_MD) and
 * HMACs (EVP_MAC) as wrapped OpenSSL contexts. lib/internal/crypto/hash.js
 * builds Node's Hash and Hmac on them and keeps their state (finalized or
 * not); these natives only refuse what OpenSSL would misuse. */
#include <stdlib.h>
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>

#include "internal.h"

static const int hash_tag = 0, hmac_tag = 0;

typedef struct hash {
  EVP_MD_CTX *ctx;
  size_t out_len;   /* the digest's size, or the XOF length asked for */
  bool done;        /* final was called: the context is spent */
  uint8_t *result;  /* the digest, kept: a Hash stream's flush took it, and
                       digest() may still ask (Node returns it again) */
} hash;

typedef struct hmac {
  EVP_MAC_CTX *ctx;
  bool done;
} hmac;

static void hash_fin(void *ptr, void *hint) {
  (void)hint;
  hash *h = ptr;
  EVP_MD_CTX_free(h->ctx);
  free(h->result);
  free(h);
}

static void hmac_fin(void *ptr, void *hint) {
  (void)hint;
  hmac *m = ptr;
  EVP_MAC_CTX_free(m->ctx);
  free(m);
}

/* Digests fetched once per name: a context initialized with a fetched
 * digest skips OpenSSL's implicit fetch (a locked lookup) on every
 * createHash. Process-wide, as OpenSSL's own tables are; the entries live
 * as long as the process. */
enum { CACHE_SIZE = 32 };
static struct {
  char name[32];
  EVP_MD *md;
} md_cache[CACHE_SIZE];
static int md_cache_n;
static uv_once_t md_once = UV_ONCE_INIT;
static uv_mutex_t md_lock;

static void md_init(void) { uv_mutex_init(&md_lock); }

/* The digest for a Node algorithm name ("sha256", "RSA-SHA256",
 * "sha3-512", "shake128" ...), or NULL. Names OpenSSL knows only without
 * an implementation ("md4" with no legacy provider) come back unfetched,
 * so that initializing them reports OpenSSL's own error. */
static const EVP_MD *digest_by_name(const char *name) {
  uv_once(&md_once, md_init);
  size_t len = strlen(name);
  const EVP_MD *found = NULL;
  uv_mutex_lock(&md_lock);
  for (int i = 0; i < md_cache_n && !found; i++)
    if (strcmp(md_cache[i].name, name) == 0) found = md_cache[i].md;
  uv_mutex_unlock(&md_lock);
  if (found) return found;
  const EVP_MD *legacy = EVP_get_digestbyname(name);
  if (!legacy) return NULL;
  EVP_MD *md = EVP_MD_fetch(NULL, EVP_MD_get0_name(legacy), NULL);
  if (!md) {
    ERR_clear_error();
    return legacy;
  }
  const EVP_MD *cached = NULL;
  uv_mutex_lock(&md_lock);
  if (md_cache_n < CACHE_SIZE && len < sizeof md_cache[0].name) {
    memcpy(md_cache[md_cache_n].name, name, len + 1);
    md_cache[md_cache_n++].md = md;
    cached = md;
  }
  uv_mutex_unlock(&md_lock);
  if (!cached) {
    /* The cache is full (or the name long): use the unfetched digest. */
    EVP_MD_free(md);
    return legacy;
  }
  return cached;
}

/* Argument i: the XOF output length, or -1 (undefined) for the default. */
static bool arg_xof_len(v8c_call *c, int i, int64_t *out) {
  *out = -1;
  if (v8c_is(v8c_arg(c, i), V8C_UNDEFINED)) return true;
  return nr__arg_int(c, i, "outputLength", 0, 4294967295, out);
}

/* Checks an XOF length for md: any for an XOF, only its size otherwise.
 * Throws Node's OpenSSL error (ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH) as
 * OpenSSL itself would on the first digest. */
static bool set_out_len(v8c_env *env, hash *h, const EVP_MD *md, int64_t len) {
  h->out_len = (size_t)EVP_MD_get_size(md);
  if (len < 0 || (size_t)len == h->out_len) return true;
  if (!(EVP_MD_get_flags(md) & EVP_MD_FLAG_XOF)) {
    ERR_raise(ERR_LIB_EVP, EVP_R_NOT_XOF_OR_INVALID_LENGTH);
    nr__crypto_throw(env, "Invalid XOF digest length");
    return false;
  }
  h->out_len = (size_t)len;
  return true;
}

static v8c_value wrap_hash(v8c_env *env, hash *h) {
  v8c_value o = v8c_wrap(env, &hash_tag, h, hash_fin, NULL);
  if (!o) hash_fin(h, NULL);
  return o;
}

/* hashNew(algorithm[, outputLength]) -> handle; throws "Digest method not
 * supported" for an unknown algorithm. */
static void js_hash_new(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  int64_t xof;
  char *name = nr__arg_string(c, 0, "algorithm");
  if (!name) return;
  const EVP_MD *md = digest_by_name(name);
  free(name);
  if (!arg_xof_len(c, 1, &xof)) return;
  if (!md) {
    v8c_throw_error(env, V8C_ERROR, NULL, "Digest method not supported");
    return;
  }
  hash *h = calloc(1, sizeof *h);
  if (!h || !(h->ctx = EVP_MD_CTX_new()) ||
      EVP_DigestInit_ex(h->ctx, md, NULL) != 1) {
    if (h) hash_fin(h, NULL);
    nr__crypto_throw(env, "Digest method not supported");
    return;
  }
  if (!set_out_len(env, h, md, xof)) {
    hash_fin(h, NULL);
    return;
  }
  v8c_value o = wrap_hash(env, h);
  if (o) v8c_return(c, o);
}

static hash *arg_hash(v8c_call *c) {
  hash *h = v8c_unwrap(v8c_call_env(c), v8c_arg(c, 0), &hash_tag);
  if (!h) nr__throw_arg_type(v8c_call_env(c), "hash", "Hash handle");
  else if (h->done)
    v8c_throw_error(v8c_call_env(c), V8C_ERROR, "ERR_CRYPTO_HASH_FINALIZED",
                    "Digest already called");
  return h && !h->done ? h : NULL;
}

/* hashCopy(handle[, outputLength]) -> a new handle in the same state. */
static void js_hash_copy(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  int64_t xof;
  hash *src = arg_hash(c);
  if (!src || !arg_xof_len(c, 1, &xof)) return;
  hash *h = calloc(1, sizeof *h);
  if (!h || !(h->ctx = EVP_MD_CTX_new()) ||
      EVP_MD_CTX_copy_ex(h->ctx, src->ctx) != 1) {
    if (h) hash_fin(h, NULL);
    nr__crypto_throw(env, "Hash copy failed");
    return;
  }
  /* Without outputLength the copy has the digest's default length, not
   * the source's (as in Node). */
  if (!set_out_len(env, h, EVP_MD_CTX_get0_md(src->ctx), xof)) {
    hash_fin(h, NULL);
    return;
  }
  v8c_value o = wrap_hash(env, h);
  if (o) v8c_return(c, o);
}

/* Feeds argument 1, bytes or a string (as UTF-8), to `update`; throws
 * `fail` when OpenSSL refuses. Short strings go through the stack, with
 * no Buffer made for them. */
static void update_arg(v8c_call *c, void *ctx,
                       int (*update)(void *ctx, const void *d, size_t n),
                       const char *fail) {
  v8c_env *env = v8c_call_env(c);
  v8c_value v = v8c_arg(c, 1);
  int ok;
  if (v8c_is(v, V8C_STRING)) {
    char stack[1024];
    size_t need = v8c_string_length(v) * 3;
    char *buf = need <= sizeof stack ? stack : malloc(need ? need : 1);
    if (!buf) {
      nr__crypto_throw(env, "Failed to allocate memory");
      return;
    }
    size_t n = v8c_string_write_utf8(env, v, buf, need);
    ok = update(ctx, buf, n);
    if (buf != stack) free(buf);
  } else {
    const uint8_t *data;
    size_t len;
    if (!nr__crypto_arg_bytes(c, 1, "data", &data, &len)) return;
    ok = update(ctx, data, len);
  }
  if (ok != 1) nr__crypto_throw(env, fail);
}

static int md_update(void *ctx, const void *d, size_t n) {
  return EVP_DigestUpdate(ctx, d, n);
}

static int mac_update(void *ctx, const void *d, size_t n) {
  return EVP_MAC_update(ctx, d, n);
}

/* hashUpdate(handle, bytes | utf8 string) */
static void js_hash_update(v8c_call *c) {
  hash *h = arg_hash(c);
  if (h) update_arg(c, h->ctx, md_update, "Hash update failed");
}

/* The digest as the value JS asked for: a hex string when `as_hex`,
 * else an ArrayBuffer that takes `out`. */
static v8c_value digest_value(v8c_env *env, uint8_t *out, size_t len,
                              bool as_hex) {
  if (!as_hex) return nr__crypto_take_bytes(env, out, len);
  static const char digits[] = "0123456789abcdef";
  char stack[2 * EVP_MAX_MD_SIZE] = {0};
  char *hex = len <= EVP_MAX_MD_SIZE ? stack : malloc(2 * len);
  v8c_value v = NULL;
  if (hex) {
    for (size_t i = 0; i < len; i++) {
      hex[2 * i] = digits[out[i] >> 4];
      hex[2 * i + 1] = digits[out[i] & 15];
    }
    v = v8c_string_latin1(env, hex, 2 * len);
    if (hex != stack) free(hex);
  } else {
    nr__crypto_throw(env, "Failed to allocate memory");
  }
  free(out);
  return v;
}

/* hashDigest(handle[, asHex]) -> ArrayBuffer, or a hex string. The
 * context is spent after; later calls give the same digest again. */
static void js_hash_digest(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  hash *h = v8c_unwrap(env, v8c_arg(c, 0), &hash_tag);
  if (!h) {
    nr__throw_arg_type(env, "hash", "Hash handle");
    return;
  }
  if (!h->done) {
    h->done = true;
    h->result = malloc(h->out_len ? h->out_len : 1);
    if (!h->result) {
      nr__crypto_throw(env, "Failed to allocate memory");
      return;
    }
    int ok;
    if (EVP_MD_get_flags(EVP_MD_CTX_get0_md(h->ctx)) & EVP_MD_FLAG_XOF) {
      ok = h->out_len == 0 ||
           EVP_DigestFinalXOF(h->ctx, h->result, h->out_len) == 1;
    } else {
      unsigned int n;
      ok = EVP_DigestFinal_ex(h->ctx, h->result, &n) == 1;
    }
    if (!ok) {
      nr__crypto_throw(env, "Digest failed");
      return;
    }
  }
  uint8_t *out = malloc(h->out_len ? h->out_len : 1);
  if (!out) {
    nr__crypto_throw(env, "Failed to allocate memory");
    return;
  }
  memcpy(out, h->result, h->out_len);
  v8c_value v = digest_value(env, out, h->out_len,
                             v8c_is(v8c_arg(c, 1), V8C_BOOLEAN) &&
                                 v8c_to_bool(env, v8c_arg(c, 1)));
  if (v) v8c_return(c, v);
}

/* hmacNew(digest, key) -> handle; throws "Invalid digest: x". */
static void js_hmac_new(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  const uint8_t *key;
  size_t key_len;
  char *name = nr__arg_string(c, 0, "hmac");
  if (!name) return;
  const EVP_MD *md = digest_by_name(name);
  if (!md || (EVP_MD_get_flags(md) & EVP_MD_FLAG_XOF)) {
    v8c_throw_error(env, V8C_TYPE_ERROR, "ERR_CRYPTO_INVALID_DIGEST",
                    "Invalid digest: %s", name);
    free(name);
    return;
  }
  free(name);
  if (!nr__crypto_arg_bytes(c, 1, "key", &key, &key_len)) return;
  EVP_MAC *mac = EVP_MAC_fetch(NULL, "HMAC", NULL);
  hmac *m = calloc(1, sizeof *m);
  OSSL_PARAM params[2] = {
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST,
                                       (char *)EVP_MD_get0_name(md), 0),
      OSSL_PARAM_construct_end()};
  /* An empty key is a valid HMAC key; OpenSSL wants a pointer anyway. */
  static const uint8_t empty[1] = {0};
  if (!mac || !m || !(m->ctx = EVP_MAC_CTX_new(mac)) ||
      EVP_MAC_init(m->ctx, key_len ? key : empty, key_len, params) != 1) {
    EVP_MAC_free(mac);
    if (m) hmac_fin(m, NULL);
    nr__crypto_throw(env, "Invalid digest");
    return;
  }
  EVP_MAC_free(mac);
  v8c_value o = v8c_wrap(env, &hmac_tag, m, hmac_fin, NULL);
  if (!o) hmac_fin(m, NULL);
  else v8c_return(c, o);
}

static hmac *arg_hmac(v8c_call *c) {
  hmac *m = v8c_unwrap(v8c_call_env(c), v8c_arg(c, 0), &hmac_tag);
  if (!m) nr__throw_arg_type(v8c_call_env(c), "hmac", "Hmac handle");
  else if (m->done)
    v8c_throw_error(v8c_call_env(c), V8C_ERROR, "ERR_CRYPTO_HASH_FINALIZED",
                    "Digest already called");
  return m && !m->done ? m : NULL;
}

/* hmacUpdate(handle, bytes | utf8 string) */
static void js_hmac_update(v8c_call *c) {
  hmac *m = arg_hmac(c);
  if (m) update_arg(c, m->ctx, mac_update, "Hmac update failed");
}

/* hmacDigest(handle[, asHex]) -> ArrayBuffer, or a hex string; the handle
 * is spent after. */
static void js_hmac_digest(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  hmac *m = arg_hmac(c);
  if (!m) return;
  m->done = true;
  uint8_t buf[EVP_MAX_MD_SIZE];
  size_t n = 0;
  if (EVP_MAC_final(m->ctx, buf, &n, sizeof buf) != 1) {
    nr__crypto_throw(env, "Hmac digest failed");
    return;
  }
  uint8_t *out = malloc(n ? n : 1);
  if (!out) {
    nr__crypto_throw(env, "Failed to allocate memory");
    return;
  }
  memcpy(out, buf, n);
  v8c_value v = digest_value(env, out, n,
                             v8c_is(v8c_arg(c, 1), V8C_BOOLEAN) &&
                                 v8c_to_bool(env, v8c_arg(c, 1)));
  if (v) v8c_return(c, v);
}

/* ---- getHashes ------------------------------------------------------ */

/* Names OpenSSL knows that also fetch to a working implementation (a
 * legacy-only name such as "md4" without the legacy provider does not). */
static void each_digest(const EVP_MD *md, const char *from, const char *to,
                        void *arg) {
  (void)to;
  if (!md && !to) return;
  const EVP_MD *m = md ? md : EVP_get_digestbyname(from);
  if (!m) return;
  EVP_MD *fetched = EVP_MD_fetch(NULL, EVP_MD_get0_name(m), NULL);
  if (!fetched) {
    ERR_clear_error();
    return;
  }
  EVP_MD_free(fetched);
  nr__name_list_add(arg, from);
}

/* getHashes() -> sorted array of every digest name Node accepts. */
static void js_get_hashes(v8c_call *c) {
  nr__name_list l = {0};
  EVP_MD_do_all_sorted(each_digest, &l);
  v8c_value arr = nr__name_list_take(v8c_call_env(c), &l);
  if (arr) v8c_return(c, arr);
}

bool nr__binding_crypto_hash(nr_runtime *rt, v8c_value target) {
  static const nr__method methods[] = {{"getHashes", js_get_hashes},
                                       {"hashCopy", js_hash_copy},
                                       {"hashDigest", js_hash_digest},
                                       {"hashNew", js_hash_new},
                                       {"hashUpdate", js_hash_update},
                                       {"hmacDigest", js_hmac_digest},
                                       {"hmacNew", js_hmac_new},
                                       {"hmacUpdate", js_hmac_update},
                                       {NULL, NULL}};
  return nr__set_methods(rt->env, target, methods, NULL);
}
