/* crypto_util.c — what the crypto_* bindings share: Node's form of
 * OpenSSL errors, argument helpers, and the job that runs a computation
 * either at once or on the threadpool. */
#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <openssl/err.h>

#include "internal.h"

/* ---- Errors ----------------------------------------------------------- */

/* Node puts the library's short name in the code for errors of these
 * libraries (ERR_OSSL_EVP_UNSUPPORTED), not for the others (the providers':
 * ERR_OSSL_BAD_DECRYPT). */
static const char *lib_prefix(int lib) {
  static const struct {
    int lib;
    const char *name;
  } libs[] = {
      {ERR_LIB_SYS, "SYS"},     {ERR_LIB_BN, "BN"},
      {ERR_LIB_RSA, "RSA"},     {ERR_LIB_DH, "DH"},
      {ERR_LIB_EVP, "EVP"},     {ERR_LIB_BUF, "BUF"},
      {ERR_LIB_OBJ, "OBJ"},     {ERR_LIB_PEM, "PEM"},
      {ERR_LIB_DSA, "DSA"},     {ERR_LIB_X509, "X509"},
      {ERR_LIB_ASN1, "ASN1"},   {ERR_LIB_CONF, "CONF"},
      {ERR_LIB_CRYPTO, "CRYPTO"}, {ERR_LIB_EC, "EC"},
      {ERR_LIB_SSL, "SSL"},     {ERR_LIB_BIO, "BIO"},
      {ERR_LIB_PKCS7, "PKCS7"}, {ERR_LIB_X509V3, "X509V3"},
      {ERR_LIB_PKCS12, "PKCS12"}, {ERR_LIB_RAND, "RAND"},
      {ERR_LIB_DSO, "DSO"},     {ERR_LIB_ENGINE, "ENGINE"},
      {ERR_LIB_OCSP, "OCSP"},   {ERR_LIB_UI, "UI"},
      {ERR_LIB_COMP, "COMP"},   {ERR_LIB_ECDSA, "ECDSA"},
      {ERR_LIB_ECDH, "ECDH"},   {ERR_LIB_OSSL_STORE, "OSSL_STORE"},
      {ERR_LIB_FIPS, "FIPS"},   {ERR_LIB_CMS, "CMS"},
      {ERR_LIB_TS, "TS"},       {ERR_LIB_HMAC, "HMAC"},
      {ERR_LIB_CT, "CT"},       {ERR_LIB_ASYNC, "ASYNC"},
      {ERR_LIB_KDF, "KDF"},     {ERR_LIB_SM2, "SM2"},
      {ERR_LIB_USER, "USER"},
  };
  for (size_t i = 0; i < sizeof libs / sizeof libs[0]; i++)
    if (libs[i].lib == lib) return libs[i].name;
  return NULL;
}

v8c_value nr__crypto_error(v8c_env *env, unsigned long err,
                           const char *fallback) {
  if (!err) return v8c_error(env, V8C_ERROR, NULL, fallback);
  char msg[256];
  ERR_error_string_n(err, msg, sizeof msg);
  const char *lib = ERR_lib_error_string(err);
  const char *reason = ERR_reason_error_string(err);
  /* Node's code: ERR_OSSL_ and the reason in upper case, spaces and
   * dashes as underscores. */
  char code[128] = "ERR_OSSL_";
  const char *prefix = lib_prefix(ERR_GET_LIB(err));
  if (prefix) {
    strcat(code, prefix);
    strcat(code, "_");
  }
  if (reason) {
    size_t n = strlen(code);
    for (const char *p = reason; *p && n + 1 < sizeof code; p++)
      code[n++] = (*p == ' ' || *p == '-') ? '_' : (char)toupper(*p);
    code[n] = 0;
  }
  v8c_value e = v8c_error(env, V8C_ERROR, NULL, msg);
  if (!e) return NULL;
  if (lib && !v8c_set_named(env, e, "library", v8c_string(env, lib, -1)))
    return NULL;
  if (reason &&
      (!v8c_set_named(env, e, "reason", v8c_string(env, reason, -1)) ||
       !v8c_set_named(env, e, "code", v8c_string(env, code, -1))))
    return NULL;
  return e;
}

v8c_value nr__crypto_throw(v8c_env *env, const char *fallback) {
  unsigned long err = ERR_get_error();
  ERR_clear_error();
  v8c_value e = nr__crypto_error(env, err, fallback);
  return e ? v8c_throw(env, e) : NULL;
}

/* ---- Arguments -------------------------------------------------------- */

bool nr__crypto_arg_bytes(v8c_call *c, int i, const char *name,
                          const uint8_t **data, size_t *len) {
  void *d;
  v8c_value v = v8c_arg(c, i);
  if (!v8c_bytes(v, &d, len)) {
    nr__throw_arg_type(v8c_call_env(c), name,
                       "an instance of Buffer, TypedArray, DataView or "
                       "ArrayBuffer");
    return false;
  }
  *data = d;
  return true;
}

bool nr__crypto_arg_callback(v8c_call *c, int i, v8c_value *cb) {
  v8c_value v = v8c_arg(c, i);
  *cb = NULL;
  if (v8c_is(v, V8C_UNDEFINED)) return true;
  if (!v8c_is(v, V8C_FUNCTION)) {
    nr__throw_arg_type(v8c_call_env(c), "callback", "function");
    return false;
  }
  *cb = v;
  return true;
}

static void free_bytes(void *data, void *hint) {
  (void)hint;
  free(data);
}

v8c_value nr__crypto_take_bytes(v8c_env *env, uint8_t *data, size_t len) {
  if (!len) {
    free(data);
    void *p;
    return v8c_arraybuffer(env, 0, &p);
  }
  return v8c_arraybuffer_external(env, data, len, free_bytes, NULL);
}

/* ---- Jobs ------------------------------------------------------------- */

#define JOB_OF(ptr, field) \
  ((nr__crypto_job *)((char *)(ptr) - offsetof(nr__crypto_job, field)))

static void job_work(nr__work *w) {
  nr__crypto_job *j = JOB_OF(w, work);
  j->run(j);
  /* The error queue is per thread: leave none behind on a pool thread. */
  ERR_clear_error();
}

/* Teardown while the job is in flight: the env is about to go, so the
 * callback reference goes now; the completion then only frees. */
static void job_orphan(nr__handle_wrap *w) {
  nr__crypto_job *j = JOB_OF(w, wrap);
  v8c_ref_free(j->cb);
  j->cb = NULL;
}

static void job_after(nr__work *w, int status) {
  nr__crypto_job *j = JOB_OF(w, work);
  nr_runtime *rt = w->rt;
  if (j->wrap.rt && !rt->stopping && status == 0) {
    v8c_env *env = rt->env;
    v8c_scope scope;
    v8c_scope_open(env, &scope);
    v8c_value fn = v8c_ref_get(env, j->cb);
    bool failed = false;
    v8c_trycatch tc;
    v8c_try_begin(env, &tc);
    v8c_value v = j->result(env, j, &failed);
    if (!v) {
      /* A result that could not be made (out of memory): hand the
       * callback that error rather than drop it. */
      v = v8c_try_caught(&tc) ? v8c_try_exception(&tc) : NULL;
      failed = true;
    }
    v8c_try_end(&tc);
    if (fn && v) {
      v8c_value argv[2] = {failed ? v : v8c_null(env), v};
      nr__callback(rt, fn, v8c_undefined(env), failed ? 1 : 2, argv);
    }
    v8c_scope_close(&scope);
  }
  nr__wrap_untrack(&j->wrap);
  v8c_ref_free(j->cb);
  j->free(j);
}

void nr__crypto_job_run(v8c_call *c, nr__crypto_job *j, v8c_value cb) {
  v8c_env *env = v8c_call_env(c);
  nr_runtime *rt = nr__rt(c);
  j->cb = NULL;
  j->wrap.rt = NULL;
  if (!cb) {
    j->run(j);
    ERR_clear_error();
    bool failed = false;
    v8c_value v = j->result(env, j, &failed);
    if (v && failed) v8c_throw(env, v);
    else if (v) v8c_return(c, v);
    j->free(j);
    return;
  }
  j->cb = v8c_ref_new(env, cb);
  int err = nr__work_queue(rt, &j->work, NR_WORK_CRYPTO, job_work, job_after);
  if (err) {
    v8c_ref_free(j->cb);
    j->free(j);
    nr__throw_uv(env, err, "crypto", NULL, NULL);
    return;
  }
  nr__wrap_track(rt, &j->wrap, job_orphan);
}

/* ---- Name lists ------------------------------------------------------- */

void nr__name_list_add(nr__name_list *l, const char *name) {
  if (l->n == l->cap) {
    size_t cap = l->cap ? l->cap * 2 : 128;
    char **nn = realloc(l->names, cap * sizeof *nn);
    if (!nn) return;
    l->names = nn;
    l->cap = cap;
  }
  char *d = strdup(name);
  if (d) l->names[l->n++] = d;
}

static int cmp_names(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

v8c_value nr__name_list_take(v8c_env *env, nr__name_list *l) {
  qsort(l->names, l->n, sizeof *l->names, cmp_names);
  v8c_value arr = v8c_array(env, 0);
  uint32_t k = 0;
  for (size_t i = 0; i < l->n; i++) {
    bool upper_dup = false;
    for (size_t j = 0; j < l->n && !upper_dup; j++)
      upper_dup = j != i && strcasecmp(l->names[i], l->names[j]) == 0 &&
                  strcmp(l->names[i], l->names[j]) < 0;
    if (arr && !upper_dup &&
        (i == 0 || strcmp(l->names[i], l->names[i - 1]) != 0))
      v8c_set_index(env, arr, k++, v8c_string(env, l->names[i], -1));
  }
  for (size_t i = 0; i < l->n; i++) free(l->names[i]);
  free(l->names);
  l->names = NULL;
  l->n = l->cap = 0;
  return arr;
}
