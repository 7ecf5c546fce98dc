/* crypto_keys.c — binding 'crypto_keys': asymmetric keys (EVP_PKEY) as
 * wrapped handles: parsing and writing PEM/DER (OSSL_DECODER/ENCODER),
 * key details, key-pair generation (on the threadpool for the callback
 * form), signatures, RSA encryption, and the list of EC curves.
 * lib/internal/crypto/asymmetric.js makes Node's KeyObjects and options of
 * them; these natives take only already-checked, simple arguments. */
#include <stdlib.h>
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/decoder.h>
#include <openssl/ec.h>
#include <openssl/bn.h>
#include <openssl/encoder.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include "internal.h"

static const int key_tag = 0;

static void key_fin(void *ptr, void *hint) {
  (void)hint;
  EVP_PKEY_free(ptr);
}

/* A handle owning one reference to k (taken over even on failure). */
static v8c_value wrap_key(v8c_env *env, EVP_PKEY *k) {
  v8c_value o = v8c_wrap(env, &key_tag, k, key_fin, NULL);
  if (!o) EVP_PKEY_free(k);
  return o;
}

static EVP_PKEY *arg_key(v8c_call *c, int i) {
  EVP_PKEY *k = v8c_unwrap(v8c_call_env(c), v8c_arg(c, i), &key_tag);
  if (!k) nr__throw_arg_type(v8c_call_env(c), "key", "KeyObject handle");
  return k;
}

/* Argument i as a malloc'd string, or NULL (no exception) when it is not
 * a string. */
static char *opt_string(v8c_call *c, int i) {
  v8c_value v = v8c_arg(c, i);
  if (!v8c_is(v, V8C_STRING)) return NULL;
  return v8c_to_utf8(v8c_call_env(c), v, NULL);
}

/* Argument i as bytes, or false (no exception) when absent. */
static bool opt_bytes(v8c_call *c, int i, const uint8_t **d, size_t *n) {
  void *p;
  if (!v8c_bytes(v8c_arg(c, i), &p, n)) return false;
  *d = p;
  return true;
}

/* ---- Parsing ------------------------------------------------------------ */

/* Without a passphrase, an encrypted key fails the way Node 18's does
 * ("interrupted or cancelled"), rather than with a prompt on the
 * terminal. */
static int no_passphrase(char *buf, size_t size, size_t *len,
                         const OSSL_PARAM params[], void *arg) {
  (void)buf, (void)size, (void)len, (void)params, (void)arg;
  ERR_raise(ERR_LIB_CRYPTO, ERR_R_INTERRUPTED_OR_CANCELLED);
  return 0;
}

typedef struct pem_pass {
  const uint8_t *data;
  size_t len;
  bool given;
} pem_pass;

static int pem_pass_cb(char *buf, int size, int rwflag, void *u) {
  (void)rwflag;
  const pem_pass *p = u;
  if (!p->given) {
    ERR_raise(ERR_LIB_CRYPTO, ERR_R_INTERRUPTED_OR_CANCELLED);
    return -1;
  }
  if (p->len > (size_t)size) return -1;
  memcpy(buf, p->data, p->len);
  return (int)p->len;
}

/* PEM text the decoders refuse because another block comes first (such
 * as "EC PARAMETERS" before "EC PRIVATE KEY"): OpenSSL's PEM reader skips
 * blocks it does not want. */
static EVP_PKEY *pem_key(const uint8_t *data, size_t len, bool want_public,
                         const pem_pass *pass) {
  EVP_PKEY *k = NULL;
  for (int i = 0; i < (want_public ? 2 : 1) && !k; i++) {
    BIO *bio = BIO_new_mem_buf(data, (int)len);
    if (!bio) return NULL;
    if (want_public && i == 0)
      k = PEM_read_bio_PUBKEY(bio, NULL, pem_pass_cb, (void *)pass);
    else
      k = PEM_read_bio_PrivateKey(bio, NULL, pem_pass_cb, (void *)pass);
    BIO_free(bio);
  }
  return k;
}

/* The public key of a PEM or DER X.509 certificate, or NULL. */
static EVP_PKEY *certificate_key(const uint8_t *data, size_t len, bool pem) {
  X509 *x = NULL;
  if (pem) {
    /* Never OpenSSL's default callback: it would prompt on the terminal. */
    pem_pass none = {NULL, 0, false};
    BIO *bio = BIO_new_mem_buf(data, (int)len);
    if (bio) x = PEM_read_bio_X509(bio, NULL, pem_pass_cb, &none);
    BIO_free(bio);
  } else {
    const unsigned char *p = data;
    x = d2i_X509(NULL, &p, (long)len);
  }
  EVP_PKEY *k = x ? X509_get_pubkey(x) : NULL;
  X509_free(x);
  return k;
}

/* keyParse(bytes, 'pem'|'der', public, passphrase|undefined) -> handle.
 * A public parse of a private key keeps the key pair (JS only ever uses
 * the public half of it). */
static void js_key_parse(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  const uint8_t *data, *pass = NULL;
  size_t len, pass_len = 0;
  if (!nr__crypto_arg_bytes(c, 0, "key", &data, &len)) return;
  char *format = nr__arg_string(c, 1, "format");
  if (!format) return;
  bool want_public = v8c_to_bool(env, v8c_arg(c, 2));
  bool has_pass = opt_bytes(c, 3, &pass, &pass_len);
  const char *input = strcmp(format, "der") == 0 ? "DER" : "PEM";
  free(format);
  EVP_PKEY *k = NULL;
  /* Public keys first when a public key is wanted: a private key text
   * then still parses as a key pair. */
  int selections[2] = {want_public ? EVP_PKEY_PUBLIC_KEY : EVP_PKEY_KEYPAIR,
                       EVP_PKEY_KEYPAIR};
  for (int i = 0; i < (want_public ? 2 : 1) && !k; i++) {
    const unsigned char *p = data;
    size_t left = len;
    OSSL_DECODER_CTX *dctx = OSSL_DECODER_CTX_new_for_pkey(
        &k, input, NULL, NULL, selections[i], NULL, NULL);
    if (!dctx) break;
    if (has_pass)
      OSSL_DECODER_CTX_set_passphrase(
          dctx, pass_len ? pass : (const uint8_t *)"", pass_len);
    else
      OSSL_DECODER_CTX_set_passphrase_cb(dctx, no_passphrase, NULL);
    if (OSSL_DECODER_from_data(dctx, &p, &left) != 1) k = NULL;
    OSSL_DECODER_CTX_free(dctx);
    if (!k && i == 0 && want_public) ERR_clear_error();
  }
  /* Other PEM layouts, and (for a public key) certificates, as in
   * Node. */
  bool is_pem = strcmp(input, "PEM") == 0;
  if (!k && len < INT32_MAX && (is_pem || want_public)) {
    unsigned long err = ERR_peek_error();
    pem_pass pp = {pass, pass_len, has_pass};
    if (is_pem) k = pem_key(data, len, want_public, &pp);
    if (!k && want_public) k = certificate_key(data, len, is_pem);
    if (!k) {
      /* Keep the decoders' reason unless the passphrase was missing. */
      unsigned long e2;
      while ((e2 = ERR_get_error()) != 0)
        if (ERR_GET_REASON(e2) == ERR_R_INTERRUPTED_OR_CANCELLED) err = e2;
      ERR_raise(ERR_GET_LIB(err), ERR_GET_REASON(err));
    }
  }
  if (!k) {    /* The first error says why (as in Node), unless a missing
     * passphrase stopped the decoders. */
    unsigned long err = 0, e1;
    while ((e1 = ERR_get_error()) != 0)
      if (!err || ERR_GET_REASON(e1) == ERR_R_INTERRUPTED_OR_CANCELLED)
        err = e1;
    v8c_value ex = nr__crypto_error(env, err, "Failed to read asymmetric key");
    if (ex) v8c_throw(env, ex);
    return;
  }
  ERR_clear_error();
  v8c_value o = wrap_key(env, k);
  if (o) v8c_return(c, o);
}

/* ---- Writing ------------------------------------------------------------ */

/* keyExport(handle, public, 'pem'|'der', 'pkcs1'|'spki'|'pkcs8'|'sec1',
 *           cipher|undefined, passphrase|undefined) -> string (pem) or
 * ArrayBuffer (der). */
static void js_key_export(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  EVP_PKEY *k = arg_key(c, 0);
  if (!k) return;
  bool pub = v8c_to_bool(env, v8c_arg(c, 1));
  char *format = nr__arg_string(c, 2, "format");
  char *type = format ? nr__arg_string(c, 3, "type") : NULL;
  char *cipher = opt_string(c, 4);
  const uint8_t *pass = NULL;
  size_t pass_len = 0;
  bool has_pass = opt_bytes(c, 5, &pass, &pass_len);
  if (!format || !type) goto done;
  const char *structure = strcmp(type, "spki") == 0    ? "SubjectPublicKeyInfo"
                          : strcmp(type, "pkcs8") == 0 ? "PrivateKeyInfo"
                                                       : "type-specific";
  int selection = pub ? EVP_PKEY_PUBLIC_KEY : EVP_PKEY_KEYPAIR;
  bool pem = strcmp(format, "pem") == 0;
  OSSL_ENCODER_CTX *ectx = OSSL_ENCODER_CTX_new_for_pkey(
      k, selection, pem ? "PEM" : "DER", structure, NULL);
  unsigned char *out = NULL;
  size_t out_len = 0;
  bool ok = ectx && OSSL_ENCODER_CTX_get_num_encoders(ectx) > 0;
  if (ok && cipher && !pub) {
    ok = OSSL_ENCODER_CTX_set_cipher(ectx, cipher, NULL) == 1 &&
         OSSL_ENCODER_CTX_set_passphrase(
             ectx, has_pass && pass_len ? pass : (const uint8_t *)"",
             pass_len) == 1;
  }
  if (ok) ok = OSSL_ENCODER_to_data(ectx, &out, &out_len) == 1;
  OSSL_ENCODER_CTX_free(ectx);
  if (!ok) {
    OPENSSL_free(out);
    nr__crypto_throw(env, "Failed to encode the key");
    goto done;
  }
  v8c_value v;
  if (pem) {
    v = v8c_string_latin1(env, (const char *)out, out_len);
  } else {
    uint8_t *copy = malloc(out_len ? out_len : 1);
    if (copy) memcpy(copy, out, out_len);
    v = copy ? nr__crypto_take_bytes(env, copy, out_len) : NULL;
  }
  OPENSSL_free(out);
  if (v) v8c_return(c, v);
done:
  free(format);
  free(type);
  free(cipher);
}

/* ---- Details ------------------------------------------------------------ */

/* Node's name of a key's type. */
static const char *key_type_name(EVP_PKEY *k) {
  switch (EVP_PKEY_get_base_id(k)) {
    case EVP_PKEY_RSA: return "rsa";
    case EVP_PKEY_RSA_PSS: return "rsa-pss";
    case EVP_PKEY_DSA: return "dsa";
    case EVP_PKEY_DH: return "dh";
    case EVP_PKEY_EC: return "ec";
    case EVP_PKEY_ED25519: return "ed25519";
    case EVP_PKEY_ED448: return "ed448";
    case EVP_PKEY_X25519: return "x25519";
    case EVP_PKEY_X448: return "x448";
    default: return NULL;
  }
}

/* keyInfo(handle) -> { type, modulusLength?, publicExponent? (bigint),
 *                      namedCurve?, divisorLength? } */
static void js_key_info(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  EVP_PKEY *k = arg_key(c, 0);
  if (!k) return;
  v8c_value o = v8c_object(env);
  if (!o) return;
  const char *type = key_type_name(k);
  if (type && !v8c_set_named(env, o, "type", v8c_string(env, type, -1)))
    return;
  int id = EVP_PKEY_get_base_id(k);
  if (id == EVP_PKEY_RSA || id == EVP_PKEY_RSA_PSS || id == EVP_PKEY_DSA) {
    if (!v8c_set_named(env, o, "modulusLength",
                       v8c_number(env, EVP_PKEY_get_bits(k))))
      return;
  }
  if (id == EVP_PKEY_RSA || id == EVP_PKEY_RSA_PSS) {
    BIGNUM *e = NULL;
    if (EVP_PKEY_get_bn_param(k, OSSL_PKEY_PARAM_RSA_E, &e) == 1) {
      v8c_value big = v8c_bigint_u64(env, BN_get_word(e));
      BN_free(e);
      if (!big || !v8c_set_named(env, o, "publicExponent", big)) return;
    }
  }
  if (id == EVP_PKEY_EC) {
    char group[80];
    size_t n;
    if (EVP_PKEY_get_utf8_string_param(k, OSSL_PKEY_PARAM_GROUP_NAME, group,
                                       sizeof group, &n) == 1) {
      /* Node names curves by their OpenSSL short name. */
      int nid = OBJ_txt2nid(group);
      if (nid == NID_undef) nid = EC_curve_nist2nid(group);
      const char *sn = nid != NID_undef ? OBJ_nid2sn(nid) : group;
      if (!v8c_set_named(env, o, "namedCurve", v8c_string(env, sn, -1)))
        return;
    }
  }
  ERR_clear_error();
  v8c_return(c, o);
}

/* keyEquals(a, b) -> bool: same type and same public (and private) parts. */
static void js_key_equals(v8c_call *c) {
  EVP_PKEY *a = arg_key(c, 0), *b = a ? arg_key(c, 1) : NULL;
  if (!b) return;
  int r = EVP_PKEY_eq(a, b);
  ERR_clear_error();
  v8c_return_bool(c, r == 1);
}

/* ---- Generation --------------------------------------------------------- */

typedef struct keygen_job {
  nr__crypto_job job;
  char type[16];
  uint32_t bits;
  uint64_t exponent;
  char curve[64];
  bool explicit_params; /* EC: explicit curve parameters in encodings */
  EVP_PKEY *key;
} keygen_job;

static void keygen_run(nr__crypto_job *j) {
  keygen_job *g = (keygen_job *)j;
  EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(NULL, g->type, NULL);
  bool ok = ctx && EVP_PKEY_keygen_init(ctx) == 1;
  if (ok && (strcmp(g->type, "RSA") == 0 || strcmp(g->type, "RSA-PSS") == 0)) {
    BIGNUM *e = BN_new();
    ok = e && BN_set_word(e, g->exponent) == 1 &&
         EVP_PKEY_CTX_set_rsa_keygen_bits(ctx, (int)g->bits) == 1 &&
         EVP_PKEY_CTX_set1_rsa_keygen_pubexp(ctx, e) == 1;
    BN_free(e);
  } else if (ok && strcmp(g->type, "EC") == 0) {
    ok = EVP_PKEY_CTX_set_group_name(ctx, g->curve) == 1;
    if (ok && g->explicit_params)
      ok = EVP_PKEY_CTX_set_ec_param_enc(ctx, OPENSSL_EC_EXPLICIT_CURVE) == 1;
  }
  if (ok) ok = EVP_PKEY_generate(ctx, &g->key) == 1;
  EVP_PKEY_CTX_free(ctx);
  if (!ok) {
    j->failed = true;
    j->ossl_err = ERR_get_error();
  }
}

static v8c_value keygen_result(v8c_env *env, nr__crypto_job *j,
                               bool *failed) {
  keygen_job *g = (keygen_job *)j;
  if (j->failed) {
    *failed = true;
    return nr__crypto_error(env, j->ossl_err, "Key generation failed");
  }
  /* Two handles on one key: [public, private]. */
  EVP_PKEY *k = g->key;
  g->key = NULL;
  if (EVP_PKEY_up_ref(k) != 1) {
    EVP_PKEY_free(k);
    *failed = true;
    return nr__crypto_error(env, 0, "Key generation failed");
  }
  v8c_value pub = wrap_key(env, k);
  v8c_value priv = pub ? wrap_key(env, k) : (EVP_PKEY_free(k), NULL);
  v8c_value pair = priv ? v8c_array(env, 2) : NULL;
  if (!pair || !v8c_set_index(env, pair, 0, pub) ||
      !v8c_set_index(env, pair, 1, priv))
    return NULL;
  return pair;
}

static void keygen_free(nr__crypto_job *j) {
  keygen_job *g = (keygen_job *)j;
  EVP_PKEY_free(g->key);
  free(g);
}

/* keyGenerate('rsa'|'rsa-pss'|'ec'|'ed25519'|'ed448'|'x25519'|'x448',
 *             modulusLength, publicExponent, namedCurve, explicit[,
 *             callback])
 * -> [public handle, private handle]; throws Node's invalid-curve error. */
static void js_key_generate(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  int64_t bits, exponent;
  v8c_value cb;
  char *type = nr__arg_string(c, 0, "type");
  if (!type) return;
  char *curve = opt_string(c, 3);
  keygen_job *g = NULL;
  if (!nr__arg_int(c, 1, "modulusLength", 0, 4294967295, &bits) ||
      !nr__arg_int(c, 2, "publicExponent", 0, 4294967295, &exponent) ||
      !nr__crypto_arg_callback(c, 5, &cb))
    goto done;
  static const struct {
    const char *node, *ossl;
  } types[] = {{"rsa", "RSA"},         {"rsa-pss", "RSA-PSS"},
               {"ec", "EC"},           {"ed25519", "ED25519"},
               {"ed448", "ED448"},     {"x25519", "X25519"},
               {"x448", "X448"}};
  const char *ossl = NULL;
  for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
    if (strcmp(type, types[i].node) == 0) ossl = types[i].ossl;
  if (!ossl) {
    v8c_throw_error(env, V8C_TYPE_ERROR, "ERR_INVALID_ARG_VALUE",
                    "The argument 'type' must be a supported key type. "
                    "Received '%s'", type);
    goto done;
  }
  int nid = NID_undef;
  if (strcmp(ossl, "EC") == 0) {
    if (curve) nid = EC_curve_nist2nid(curve);
    if (curve && nid == NID_undef) nid = OBJ_sn2nid(curve);
    if (curve && nid == NID_undef) nid = OBJ_ln2nid(curve);
    EC_GROUP *grp = nid != NID_undef ? EC_GROUP_new_by_curve_name(nid) : NULL;
    EC_GROUP_free(grp);
    ERR_clear_error();
    if (!grp) {
      v8c_value e = v8c_error(env, V8C_TYPE_ERROR, "ERR_CRYPTO_INVALID_CURVE",
                              "Invalid EC curve name");
      if (e) v8c_throw(env, e);
      goto done;
    }
  }
  g = calloc(1, sizeof *g);
  if (!g) {
    nr__crypto_throw(env, "Failed to allocate memory");
    goto done;
  }
  snprintf(g->type, sizeof g->type, "%s", ossl);
  if (nid != NID_undef) snprintf(g->curve, sizeof g->curve, "%s",
                                 OBJ_nid2sn(nid));
  g->explicit_params = v8c_to_bool(env, v8c_arg(c, 4));
  g->bits = (uint32_t)bits;
  g->exponent = (uint64_t)exponent;
  g->job.run = keygen_run;
  g->job.result = keygen_result;
  g->job.free = keygen_free;
  nr__crypto_job_run(c, &g->job, cb);
done:
  free(type);
  free(curve);
}

/* ---- Signatures --------------------------------------------------------- */

/* The size of r (and of s) in an IEEE P1363 signature of k: the byte
 * length of the group order (EC) or of q (DSA); 0 for other keys. */
static size_t p1363_half(EVP_PKEY *k) {
  int id = EVP_PKEY_get_base_id(k);
  if (id == EVP_PKEY_EC) return (size_t)(EVP_PKEY_get_bits(k) + 7) / 8;
  if (id == EVP_PKEY_DSA) {
    BIGNUM *q = NULL;
    size_t n = 0;
    if (EVP_PKEY_get_bn_param(k, OSSL_PKEY_PARAM_FFC_Q, &q) == 1)
      n = (size_t)BN_num_bytes(q);
    BN_free(q);
    return n;
  }
  return 0;
}

/* DER (SEQUENCE of r, s) to r || s of `half` bytes each, in place in a
 * new buffer; NULL when sig is not such a DER value. */
static uint8_t *der_to_p1363(const uint8_t *sig, size_t len, size_t half) {
  const unsigned char *p = sig;
  ECDSA_SIG *es = d2i_ECDSA_SIG(NULL, &p, (long)len);
  if (!es) return NULL;
  const BIGNUM *r, *sv;
  ECDSA_SIG_get0(es, &r, &sv);
  uint8_t *out = malloc(2 * half);
  if (out && (BN_bn2binpad(r, out, (int)half) < 0 ||
              BN_bn2binpad(sv, out + half, (int)half) < 0)) {
    free(out);
    out = NULL;
  }
  ECDSA_SIG_free(es);
  return out;
}

/* r || s back to DER; NULL (no error) when the length is wrong. */
static uint8_t *p1363_to_der(const uint8_t *sig, size_t len, size_t half,
                             size_t *out_len) {
  if (!half || len != 2 * half) return NULL;
  ECDSA_SIG *es = ECDSA_SIG_new();
  BIGNUM *r = BN_bin2bn(sig, (int)half, NULL);
  BIGNUM *sv = BN_bin2bn(sig + half, (int)half, NULL);
  uint8_t *out = NULL;
  if (es && r && sv && ECDSA_SIG_set0(es, r, sv) == 1) {
    r = sv = NULL;
    int n = i2d_ECDSA_SIG(es, &out);
    if (n > 0) *out_len = (size_t)n;
    else out = NULL;
  }
  BN_free(r);
  BN_free(sv);
  ECDSA_SIG_free(es);
  return out;
}

/* Sets RSA padding and PSS salt length on a signing context. */
static bool set_sig_opts(EVP_PKEY_CTX *pctx, EVP_PKEY *k, int64_t padding,
                         int64_t salt) {
  int id = EVP_PKEY_get_base_id(k);
  if (id != EVP_PKEY_RSA && id != EVP_PKEY_RSA_PSS) return true;
  if (padding >= 0 &&
      EVP_PKEY_CTX_set_rsa_padding(pctx, (int)padding) != 1)
    return false;
  if (salt != INT64_MIN &&
      EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, (int)salt) != 1)
    return false;
  return true;
}

/* The digest named by argument i, NULL with *bad set when unknown; an
 * undefined or null argument means none (Ed25519) or the default. */
static const EVP_MD *arg_md(v8c_call *c, int i, bool *bad) {
  *bad = false;
  char *name = opt_string(c, i);
  if (!name) return NULL;
  const EVP_MD *md = EVP_get_digestbyname(name);
  if (!md) {
    v8c_throw_error(v8c_call_env(c), V8C_TYPE_ERROR,
                    "ERR_CRYPTO_INVALID_DIGEST", "Invalid digest: %s", name);
    *bad = true;
  }
  free(name);
  return md;
}

/* Reads the signature options: args i (padding or -1) and i+1 (salt
 * length or undefined). */
static bool arg_sig_opts(v8c_call *c, int i, int64_t *padding, int64_t *salt) {
  *salt = INT64_MIN;
  if (!nr__arg_int(c, i, "padding", -1, 100, padding)) return false;
  if (v8c_is(v8c_arg(c, i + 1), V8C_UNDEFINED)) return true;
  return nr__arg_int(c, i + 1, "saltLength", -2, INT32_MAX, salt);
}

/* One signature made or checked, at once or on the threadpool. The job
 * holds its own reference to the key and copies of the bytes. */
typedef struct sig_job {
  nr__crypto_job job;
  bool verify;
  EVP_PKEY *key;
  const EVP_MD *md;
  int64_t padding, salt;
  bool p1363;
  uint8_t *data, *sig; /* sig: verify's input, or sign's output */
  size_t len, sig_len;
  bool valid;          /* verify: the signature checks out */
} sig_job;

static void sig_run(nr__crypto_job *j) {
  sig_job *g = (sig_job *)j;
  EVP_MD_CTX *mctx = EVP_MD_CTX_new();
  EVP_PKEY_CTX *pctx = NULL;
  bool ok;
  if (!g->verify) {
    size_t n = 0;
    uint8_t *sig = NULL;
    ok = mctx && EVP_DigestSignInit(mctx, &pctx, g->md, NULL, g->key) == 1 &&
         set_sig_opts(pctx, g->key, g->padding, g->salt) &&
         EVP_DigestSign(mctx, NULL, &n, g->data, g->len) == 1 &&
         (sig = malloc(n ? n : 1)) != NULL &&
         EVP_DigestSign(mctx, sig, &n, g->data, g->len) == 1;
    size_t half = p1363_half(g->key);
    if (ok && half && g->p1363) {
      uint8_t *p = der_to_p1363(sig, n, half);
      free(sig);
      sig = p;
      n = 2 * half;
      ok = p != NULL;
    }
    if (ok) {
      g->sig = sig;
      g->sig_len = n;
    } else {
      free(sig);
    }
  } else {
    uint8_t *der = NULL;
    const uint8_t *sig = g->sig;
    size_t sig_len = g->sig_len, half = p1363_half(g->key);
    if (half && g->p1363) {
      size_t der_len = 0;
      der = p1363_to_der(sig, sig_len, half, &der_len);
      if (!der) {
        /* Not r || s of the right size: simply not a valid signature. */
        EVP_MD_CTX_free(mctx);
        ERR_clear_error();
        g->valid = false;
        return;
      }
      sig = der;
      sig_len = der_len;
    }
    ok = mctx && EVP_DigestVerifyInit(mctx, &pctx, g->md, NULL, g->key) == 1 &&
         set_sig_opts(pctx, g->key, g->padding, g->salt);
    if (ok) g->valid = EVP_DigestVerify(mctx, sig, sig_len, g->data,
                                        g->len) == 1;
    OPENSSL_free(der);
  }
  EVP_MD_CTX_free(mctx);
  if (!ok) {
    j->failed = true;
    j->ossl_err = ERR_get_error();
  }
}

static v8c_value sig_result(v8c_env *env, nr__crypto_job *j, bool *failed) {
  sig_job *g = (sig_job *)j;
  if (j->failed) {
    *failed = true;
    return nr__crypto_error(env, j->ossl_err,
                            g->verify ? "Verification failed"
                                      : "Signing failed");
  }
  if (g->verify) return v8c_bool(env, g->valid);
  v8c_value ab = nr__crypto_take_bytes(env, g->sig, g->sig_len);
  g->sig = NULL;
  return ab;
}

static void sig_free(nr__crypto_job *j) {
  sig_job *g = (sig_job *)j;
  EVP_PKEY_free(g->key);
  free(g->data);
  free(g->sig);
  free(g);
}

/* sign(handle, digest|null, data, padding, saltLength, p1363[, callback])
 *   -> ArrayBuffer
 * verify(handle, digest|null, data, signature, padding, saltLength,
 *        p1363[, callback]) -> bool */
static void sig_start(v8c_call *c, bool verify) {
  v8c_env *env = v8c_call_env(c);
  const uint8_t *data, *sig = NULL;
  size_t len, sig_len = 0;
  int64_t padding, salt;
  bool bad;
  v8c_value cb;
  int o = verify ? 1 : 0; /* verify has one more argument */
  EVP_PKEY *k = arg_key(c, 0);
  if (!k) return;
  const EVP_MD *md = arg_md(c, 1, &bad);
  if (bad || !nr__crypto_arg_bytes(c, 2, "data", &data, &len) ||
      (verify && !nr__crypto_arg_bytes(c, 3, "signature", &sig, &sig_len)) ||
      !arg_sig_opts(c, 3 + o, &padding, &salt) ||
      !nr__crypto_arg_callback(c, 6 + o, &cb))
    return;
  sig_job *g = calloc(1, sizeof *g);
  if (g) {
    g->data = malloc(len ? len : 1);
    if (verify) g->sig = malloc(sig_len ? sig_len : 1);
  }
  if (!g || !g->data || (verify && !g->sig) || EVP_PKEY_up_ref(k) != 1) {
    if (g) {
      free(g->data);
      free(g->sig);
      free(g);
    }
    nr__crypto_throw(env, "Failed to allocate memory");
    return;
  }
  g->verify = verify;
  g->key = k;
  g->md = md;
  g->padding = padding;
  g->salt = salt;
  g->p1363 = v8c_to_bool(env, v8c_arg(c, 5 + o));
  memcpy(g->data, data, len);
  g->len = len;
  if (verify) {
    memcpy(g->sig, sig, sig_len);
    g->sig_len = sig_len;
  }
  g->job.run = sig_run;
  g->job.result = sig_result;
  g->job.free = sig_free;
  nr__crypto_job_run(c, &g->job, cb);
}

static void js_sign(v8c_call *c) { sig_start(c, false); }
static void js_verify(v8c_call *c) { sig_start(c, true); }

/* ---- RSA encryption ----------------------------------------------------- */

enum { OP_PUBLIC_ENCRYPT, OP_PRIVATE_DECRYPT, OP_PRIVATE_ENCRYPT,
       OP_PUBLIC_DECRYPT };

/* rsaCipher(op, handle, data, padding, oaepHash|undefined,
 *           oaepLabel|undefined) -> ArrayBuffer */
static void js_rsa_cipher(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  int64_t op, padding;
  const uint8_t *data, *label = NULL;
  size_t len, label_len = 0;
  bool bad;
  if (!nr__arg_int(c, 0, "op", 0, 3, &op)) return;
  EVP_PKEY *k = arg_key(c, 1);
  if (!k || !nr__crypto_arg_bytes(c, 2, "buffer", &data, &len) ||
      !nr__arg_int(c, 3, "padding", 0, 100, &padding))
    return;
  const EVP_MD *md = arg_md(c, 4, &bad);
  if (bad) return;
  bool has_label = opt_bytes(c, 5, &label, &label_len);
  EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new(k, NULL);
  int (*fn)(EVP_PKEY_CTX *, unsigned char *, size_t *, const unsigned char *,
            size_t);
  bool ok;
  switch (op) {
    case OP_PUBLIC_ENCRYPT:
      ok = ctx && EVP_PKEY_encrypt_init(ctx) == 1;
      fn = EVP_PKEY_encrypt;
      break;
    case OP_PRIVATE_DECRYPT:
      ok = ctx && EVP_PKEY_decrypt_init(ctx) == 1;
      fn = EVP_PKEY_decrypt;
      break;
    case OP_PRIVATE_ENCRYPT:
      ok = ctx && EVP_PKEY_sign_init(ctx) == 1;
      fn = EVP_PKEY_sign;
      break;
    default:
      ok = ctx && EVP_PKEY_verify_recover_init(ctx) == 1;
      fn = EVP_PKEY_verify_recover;
      break;
  }
  if (ok) ok = EVP_PKEY_CTX_set_rsa_padding(ctx, (int)padding) == 1;
  if (ok && padding == RSA_PKCS1_OAEP_PADDING) {
    if (md) ok = EVP_PKEY_CTX_set_rsa_oaep_md(ctx, md) == 1;
    if (ok && has_label && label_len) {
      /* OpenSSL takes ownership of the label. */
      void *copy = OPENSSL_memdup(label, label_len);
      ok = copy && EVP_PKEY_CTX_set0_rsa_oaep_label(ctx, copy,
                                                    (int)label_len) == 1;
      if (!ok) OPENSSL_free(copy);
    }
  }
  size_t out_len = 0;
  uint8_t *out = NULL;
  if (ok) ok = fn(ctx, NULL, &out_len, data, len) == 1;
  if (ok) ok = (out = malloc(out_len ? out_len : 1)) != NULL &&
               fn(ctx, out, &out_len, data, len) == 1;
  EVP_PKEY_CTX_free(ctx);
  if (!ok) {
    free(out);
    nr__crypto_throw(env, "RSA operation failed");
    return;
  }
  v8c_value ab = nr__crypto_take_bytes(env, out, out_len);
  if (ab) v8c_return(c, ab);
}

/* ---- getCurves ---------------------------------------------------------- */

static int cmp_names(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* getCurves() -> the short names of OpenSSL's built-in curves, sorted. */
static void js_get_curves(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  size_t n = EC_get_builtin_curves(NULL, 0);
  EC_builtin_curve *curves = malloc((n ? n : 1) * sizeof *curves);
  const char **names = malloc((n ? n : 1) * sizeof *names);
  if (!curves || !names) {
    free(curves);
    free(names);
    nr__crypto_throw(env, "Failed to allocate memory");
    return;
  }
  EC_get_builtin_curves(curves, n);
  for (size_t i = 0; i < n; i++) names[i] = OBJ_nid2sn(curves[i].nid);
  qsort(names, n, sizeof *names, cmp_names);
  v8c_value arr = v8c_array(env, (uint32_t)n);
  for (size_t i = 0; arr && i < n; i++)
    v8c_set_index(env, arr, (uint32_t)i, v8c_string(env, names[i], -1));
  free(curves);
  free(names);
  if (arr) v8c_return(c, arr);
}

bool nr__binding_crypto_keys(nr_runtime *rt, v8c_value target) {
  static const nr__method methods[] = {{"getCurves", js_get_curves},
                                       {"keyEquals", js_key_equals},
                                       {"keyExport", js_key_export},
                                       {"keyGenerate", js_key_generate},
                                       {"keyInfo", js_key_info},
                                       {"keyParse", js_key_parse},
                                       {"rsaCipher", js_rsa_cipher},
                                       {"sign", js_sign},
                                       {"verify", js_verify},
                                       {NULL, NULL}};
  return nr__set_methods(rt->env, target, methods, NULL);
}
