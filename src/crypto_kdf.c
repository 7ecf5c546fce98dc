/* crypto_kdf.c — binding 'crypto_kdf': key derivation (PBKDF2, scrypt,
 * HKDF) on OpenSSL, each at once or on the threadpool. lib/internal/
 * crypto/ checks the arguments' types and ranges as Node does; these
 * natives check again (junk must never crash) and resolve digests.
 * PBKDF2 with SHA-1/SHA-2 runs crypto_pbkdf2.c's loop. */
#include <stdlib.h>
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

#include "internal.h"

typedef enum kdf_kind { KDF_PBKDF2, KDF_SCRYPT, KDF_HKDF } kdf_kind;

typedef struct kdf_job {
  nr__crypto_job job;
  kdf_kind kind;
  const EVP_MD *md;
  uint8_t *pass, *salt, *info; /* our copies */
  size_t pass_len, salt_len, info_len;
  uint64_t iter, N, r, p, maxmem;
  uint8_t *out;
  size_t out_len;
} kdf_job;

static void kdf_run(nr__crypto_job *j) {
  kdf_job *k = (kdf_job *)j;
  int ok = 0;
  if (!k->out_len) return; /* nothing to derive; OpenSSL would refuse */
  switch (k->kind) {
    case KDF_PBKDF2:
      /* SHA-1 and SHA-2 take our faster loop, the rest OpenSSL's; so
       * does everything in FIPS mode, where the provider's checks rule. */
      if (!EVP_default_properties_is_fips_enabled(NULL) &&
          nr__crypto_pbkdf2_sha(EVP_MD_get_type(k->md), k->pass,
                                k->pass_len, k->salt, k->salt_len, k->iter,
                                k->out, k->out_len) == 0)
        return;
      ok = PKCS5_PBKDF2_HMAC((const char *)k->pass, (int)k->pass_len, k->salt,
                             (int)k->salt_len, (int)k->iter, k->md,
                             (int)k->out_len, k->out);
      break;
    case KDF_SCRYPT:
      ok = EVP_PBE_scrypt((const char *)k->pass, k->pass_len, k->salt,
                          k->salt_len, k->N, k->r, k->p, k->maxmem, k->out,
                          k->out_len);
      break;
    case KDF_HKDF: {
      EVP_KDF *kdf = EVP_KDF_fetch(NULL, "HKDF", NULL);
      EVP_KDF_CTX *ctx = kdf ? EVP_KDF_CTX_new(kdf) : NULL;
      OSSL_PARAM params[5], *p = params;
      *p++ = OSSL_PARAM_construct_utf8_string(
          OSSL_KDF_PARAM_DIGEST, (char *)EVP_MD_get0_name(k->md), 0);
      *p++ = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, k->pass,
                                               k->pass_len);
      *p++ = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, k->salt,
                                               k->salt_len);
      *p++ = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, k->info,
                                               k->info_len);
      *p = OSSL_PARAM_construct_end();
      /* An empty key is legal in HKDF; OpenSSL refuses it, so the
       * extract step's HMAC gets a key of zeros, which is the same. */
      uint8_t zero[1] = {0};
      if (!k->pass_len) params[1].data = zero, params[1].data_size = 0;
      ok = ctx && EVP_KDF_derive(ctx, k->out, k->out_len, params) == 1;
      EVP_KDF_CTX_free(ctx);
      EVP_KDF_free(kdf);
      break;
    }
  }
  if (ok != 1) {
    j->failed = true;
    j->ossl_err = ERR_get_error();
  }
}

static v8c_value kdf_result(v8c_env *env, nr__crypto_job *j, bool *failed) {
  kdf_job *k = (kdf_job *)j;
  if (j->failed) {
    *failed = true;
    return nr__crypto_error(env, j->ossl_err, "Key derivation failed");
  }
  v8c_value ab = nr__crypto_take_bytes(env, k->out, k->out_len);
  k->out = NULL;
  return ab;
}

static void kdf_free(nr__crypto_job *j) {
  kdf_job *k = (kdf_job *)j;
  OPENSSL_clear_free(k->pass, k->pass_len + 1);
  free(k->salt);
  free(k->info);
  free(k->out);
  free(k);
}

static uint8_t *dup_bytes(const uint8_t *p, size_t n) {
  uint8_t *d = malloc(n + 1);
  if (d && n) memcpy(d, p, n);
  return d;
}

/* The digest named by argument i, else throws Node's "Invalid digest". */
static const EVP_MD *arg_digest(v8c_call *c, int i) {
  char *name = nr__arg_string(c, i, "digest");
  if (!name) return NULL;
  const EVP_MD *md = EVP_get_digestbyname(name);
  if (!md)
    v8c_throw_error(v8c_call_env(c), V8C_TYPE_ERROR,
                    "ERR_CRYPTO_INVALID_DIGEST", "Invalid digest: %s", name);
  free(name);
  return md;
}

/* A job with copies of the password/key (arg pi), salt (arg si) and
 * output of `len` bytes; NULL with an exception pending. */
static kdf_job *kdf_new(v8c_call *c, kdf_kind kind, int pi, int si,
                        int64_t len) {
  const uint8_t *pass, *salt;
  size_t plen, slen;
  if (!nr__crypto_arg_bytes(c, pi, "password", &pass, &plen) ||
      !nr__crypto_arg_bytes(c, si, "salt", &salt, &slen))
    return NULL;
  kdf_job *k = calloc(1, sizeof *k);
  if (k) {
    k->kind = kind;
    k->pass = dup_bytes(pass, plen);
    k->pass_len = plen;
    k->salt = dup_bytes(salt, slen);
    k->salt_len = slen;
    k->out = malloc(len ? (size_t)len : 1);
    k->out_len = (size_t)len;
    k->job.run = kdf_run;
    k->job.result = kdf_result;
    k->job.free = kdf_free;
  }
  if (!k || !k->pass || !k->salt || !k->out) {
    if (k) kdf_free(&k->job);
    v8c_throw_error(v8c_call_env(c), V8C_RANGE_ERROR,
                    "ERR_MEMORY_ALLOCATION_FAILED",
                    "Failed to allocate memory");
    return NULL;
  }
  return k;
}

/* pbkdf2(password, salt, iterations, keylen, digest[, callback]) */
static void js_pbkdf2(v8c_call *c) {
  int64_t iter, len;
  v8c_value cb;
  if (!nr__arg_int(c, 2, "iterations", 1, 2147483647, &iter) ||
      !nr__arg_int(c, 3, "keylen", 0, 2147483647, &len) ||
      !nr__crypto_arg_callback(c, 5, &cb))
    return;
  const EVP_MD *md = arg_digest(c, 4);
  if (!md) return;
  kdf_job *k = kdf_new(c, KDF_PBKDF2, 0, 1, len);
  if (!k) return;
  k->md = md;
  k->iter = (uint64_t)iter;
  nr__crypto_job_run(c, &k->job, cb);
}

/* scrypt(password, salt, keylen, N, r, p, maxmem[, callback]) */
static void js_scrypt(v8c_call *c) {
  int64_t len, N, r, p, maxmem;
  v8c_value cb;
  if (!nr__arg_int(c, 2, "keylen", 0, 2147483647, &len) ||
      !nr__arg_int(c, 3, "N", 0, INT64_C(9007199254740991), &N) ||
      !nr__arg_int(c, 4, "r", 0, 4294967295, &r) ||
      !nr__arg_int(c, 5, "p", 0, 4294967295, &p) ||
      !nr__arg_int(c, 6, "maxmem", 0, INT64_C(9007199254740991), &maxmem) ||
      !nr__crypto_arg_callback(c, 7, &cb))
    return;
  /* With no output, EVP_PBE_scrypt only checks the parameters. */
  if (EVP_PBE_scrypt(NULL, 0, NULL, 0, (uint64_t)N, (uint64_t)r, (uint64_t)p,
                     (uint64_t)maxmem, NULL, 0) != 1) {
    ERR_clear_error();
    v8c_throw_error(v8c_call_env(c), V8C_RANGE_ERROR,
                    "ERR_CRYPTO_INVALID_SCRYPT_PARAMS",
                    "Invalid scrypt params");
    return;
  }
  kdf_job *k = kdf_new(c, KDF_SCRYPT, 0, 1, len);
  if (!k) return;
  k->N = (uint64_t)N;
  k->r = (uint64_t)r;
  k->p = (uint64_t)p;
  k->maxmem = (uint64_t)maxmem;
  nr__crypto_job_run(c, &k->job, cb);
}

/* hkdf(digest, key, salt, info, keylen[, callback]) */
static void js_hkdf(v8c_call *c) {
  int64_t len;
  const uint8_t *info;
  size_t info_len;
  v8c_value cb;
  const EVP_MD *md = arg_digest(c, 0);
  if (!md || !nr__crypto_arg_bytes(c, 3, "info", &info, &info_len) ||
      !nr__arg_int(c, 4, "keylen", 0, 2147483647, &len) ||
      !nr__crypto_arg_callback(c, 5, &cb))
    return;
  /* RFC 5869: at most 255 blocks of the digest's size. */
  if (len > 255 * (int64_t)EVP_MD_get_size(md)) {
    v8c_throw_error(v8c_call_env(c), V8C_RANGE_ERROR,
                    "ERR_CRYPTO_INVALID_KEYLEN", "Invalid key length");
    return;
  }
  kdf_job *k = kdf_new(c, KDF_HKDF, 1, 2, len);
  if (!k) return;
  k->md = md;
  k->info = dup_bytes(info, info_len);
  k->info_len = info_len;
  if (!k->info) {
    kdf_free(&k->job);
    return;
  }
  nr__crypto_job_run(c, &k->job, cb);
}

bool nr__binding_crypto_kdf(nr_runtime *rt, v8c_value target) {
  static const nr__method methods[] = {{"hkdf", js_hkdf},
                                       {"pbkdf2", js_pbkdf2},
                                       {"scrypt", js_scrypt},
                                       {NULL, NULL}};
  return nr__set_methods(rt->env, target, methods, NULL);
}
