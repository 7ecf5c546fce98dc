/* tls_wrap.c — binding 'tls_wrap': TLS with OpenSSL over memory BIOs.
 *
 * Two kinds of wrapped objects:
 * - a secure context: an SSL_CTX with its key, certificates, trusted CAs,
 *   ciphers, protocol versions and (for servers) ALPN protocols;
 * - a connection: an SSL of one context, whose encrypted side is a pair of
 *   memory BIOs. It does no I/O: lib/_tls_wrap.js feeds it the bytes the
 *   transport read (cycle) and gets back the cleartext and the bytes to
 *   send; write() turns cleartext into records, shutdown() makes the
 *   close_notify alert. So a TLS socket runs over any Duplex, and the
 *   transport's own backpressure applies.
 *
 * Certificates are never rejected inside the handshake: the verify
 * callback accepts everything and JS reads the verdict afterwards
 * (verifyError), as Node does, so authorizationError can be reported and
 * rejectUnauthorized:false connections go on. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "internal.h"

static const int ctx_tag = 0, conn_tag = 0;

/* ---- Secure contexts -------------------------------------------------- */

typedef struct tls_ctx {
  SSL_CTX *ctx;
  uint8_t *alpn;       /* the server's ALPN protocols, wire format */
  size_t alpn_len;
  bool shared_store;   /* ctx uses the process-wide root store */
} tls_ctx;

static void ctx_fin(void *ptr, void *hint) {
  (void)hint;
  tls_ctx *t = ptr;
  SSL_CTX_free(t->ctx);
  free(t->alpn);
  free(t);
}

/* The trusted roots of the system (OpenSSL's default file and directory,
 * which SSL_CERT_FILE / SSL_CERT_DIR override), built once and shared by
 * every context that has no `ca` of its own. It lives as long as the
 * process. */
static X509_STORE *root_store;
static uv_once_t root_once = UV_ONCE_INIT;

static void root_init(void) {
  root_store = X509_STORE_new();
  if (root_store && X509_STORE_set_default_paths(root_store) != 1) {
    ERR_clear_error();
  }
  /* NODE_EXTRA_CA_CERTS: a PEM file of more roots, as in Node (which
   * warns and goes on when it cannot be read). */
  const char *extra = getenv("NODE_EXTRA_CA_CERTS");
  if (root_store && extra && *extra &&
      X509_STORE_load_file(root_store, extra) != 1) {
    char msg[256];
    ERR_error_string_n(ERR_peek_error(), msg, sizeof msg);
    fprintf(stderr, "Warning: Ignoring extra certs from `%s`, load failed: "
                    "%s\n", extra, msg);
    ERR_clear_error();
  }
}

static tls_ctx *arg_ctx(v8c_call *c, int i) {
  tls_ctx *t = v8c_unwrap(v8c_call_env(c), v8c_arg(c, i), &ctx_tag);
  if (!t) nr__throw_arg_type(v8c_call_env(c), "context", "SecureContext");
  return t;
}

/* The memory of argument i, a string (its UTF-8) or bytes. *owned is
 * what the caller frees. */
static bool arg_data(v8c_call *c, int i, const char *name,
                     const uint8_t **data, size_t *len, char **owned) {
  v8c_value v = v8c_arg(c, i);
  *owned = NULL;
  if (v8c_is(v, V8C_STRING)) {
    *owned = v8c_to_utf8(v8c_call_env(c), v, len);
    if (!*owned) return false;
    *data = (const uint8_t *)*owned;
    return true;
  }
  return nr__crypto_arg_bytes(c, i, name, data, len);
}

/* Session tickets are protected the way Node protects them: 48 bytes of
 * keys per context (a 16-byte name, a 16-byte HMAC-SHA256 secret, a
 * 16-byte AES-128-CBC key), random at creation, shareable between servers
 * with get/setTicketKeys. They live with the SSL_CTX (ex_data), as
 * connections may outlive the context's JS object. */
enum { TICKET_KEYS = 48 };
static int ticket_index = -1;
static uv_once_t ticket_once = UV_ONCE_INIT;

static void ticket_keys_free(void *parent, void *ptr, CRYPTO_EX_DATA *ad,
                             int idx, long argl, void *argp) {
  (void)parent, (void)ad, (void)idx, (void)argl, (void)argp;
  OPENSSL_clear_free(ptr, TICKET_KEYS);
}

static void ticket_init(void) {
  ticket_index = SSL_CTX_get_ex_new_index(0, NULL, NULL, NULL,
                                          ticket_keys_free);
}

static uint8_t *ticket_keys(SSL_CTX *ctx) {
  return ticket_index < 0 ? NULL : SSL_CTX_get_ex_data(ctx, ticket_index);
}

static int ticket_cb(SSL *ssl, unsigned char *name, unsigned char *iv,
                     EVP_CIPHER_CTX *ectx, EVP_MAC_CTX *hctx, int enc) {
  uint8_t *keys = ticket_keys(SSL_get_SSL_CTX(ssl));
  if (!keys) return -1;
  if (!enc && memcmp(name, keys, 16) != 0) return 0; /* not ours: renew */
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, "SHA256", 0),
      OSSL_PARAM_construct_octet_string(OSSL_MAC_PARAM_KEY, keys + 16, 16),
      OSSL_PARAM_construct_end(),
  };
  if (EVP_MAC_CTX_set_params(hctx, params) != 1) return -1;
  if (enc) {
    memcpy(name, keys, 16);
    if (RAND_bytes(iv, 16) != 1 ||
        EVP_EncryptInit_ex(ectx, EVP_aes_128_cbc(), NULL, keys + 32, iv) != 1)
      return -1;
    return 1;
  }
  return EVP_DecryptInit_ex(ectx, EVP_aes_128_cbc(), NULL, keys + 32,
                            iv) == 1 ? 1 : -1;
}

/* contextCreate(minVersion, maxVersion) -> context. Versions are
 * TLS1_VERSION ... TLS1_3_VERSION (0: no bound). */
static void js_context_create(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  int64_t min, max;
  if (!nr__arg_int(c, 0, "minVersion", 0, 0xffff, &min) ||
      !nr__arg_int(c, 1, "maxVersion", 0, 0xffff, &max))
    return;
  tls_ctx *t = calloc(1, sizeof *t);
  if (!t || !(t->ctx = SSL_CTX_new(TLS_method()))) {
    free(t);
    nr__crypto_throw(env, "SSL_CTX_new failed");
    return;
  }
  /* No renegotiation at all: Node allows only a limited amount, and TLS
   * 1.3 has none. */
  SSL_CTX_set_options(t->ctx, SSL_OP_NO_COMPRESSION |
                                  SSL_OP_NO_RENEGOTIATION);
  SSL_CTX_set_mode(t->ctx, SSL_MODE_RELEASE_BUFFERS);
  /* OpenSSL's own default level, as Node (which ignores the system's
   * openssl.cnf, where Debian raises it to 2) has it. */
  SSL_CTX_set_security_level(t->ctx, 1);
  SSL_CTX_set_min_proto_version(t->ctx, (int)min);
  SSL_CTX_set_max_proto_version(t->ctx, (int)max);
  SSL_CTX_set_dh_auto(t->ctx, 1);
  uv_once(&ticket_once, ticket_init);
  uint8_t *keys = OPENSSL_malloc(TICKET_KEYS);
  if (!keys || RAND_bytes(keys, TICKET_KEYS) != 1 ||
      SSL_CTX_set_ex_data(t->ctx, ticket_index, keys) != 1) {
    OPENSSL_free(keys);
    ctx_fin(t, NULL);
    nr__crypto_throw(env, "Failed to make ticket keys");
    return;
  }
  SSL_CTX_set_tlsext_ticket_key_evp_cb(t->ctx, ticket_cb);
  v8c_value o = v8c_wrap(env, &ctx_tag, t, ctx_fin, NULL);
  if (!o) ctx_fin(t, NULL);
  else v8c_return(c, o);
}

static int pass_cb(char *buf, int size, int rwflag, void *u) {
  (void)rwflag;
  if (!u) return -1;
  size_t n = strlen(u);
  if (n > (size_t)size) n = (size_t)size;
  memcpy(buf, u, n);
  return (int)n;
}

/* contextSetKey(ctx, pem, passphrase|undefined) */
static void js_context_set_key(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  tls_ctx *t = arg_ctx(c, 0);
  const uint8_t *data;
  size_t len;
  char *owned, *pass = NULL;
  if (!t || !arg_data(c, 1, "key", &data, &len, &owned)) return;
  if (!v8c_is(v8c_arg(c, 2), V8C_UNDEFINED) &&
      !(pass = nr__arg_string(c, 2, "passphrase"))) {
    free(owned);
    return;
  }
  ERR_clear_error();
  BIO *bio = BIO_new_mem_buf(data, (int)len);
  EVP_PKEY *key = bio ? PEM_read_bio_PrivateKey(bio, NULL, pass_cb, pass)
                      : NULL;
  BIO_free(bio);
  free(owned);
  free(pass);
  if (!key || SSL_CTX_use_PrivateKey(t->ctx, key) != 1) {
    EVP_PKEY_free(key);
    nr__crypto_throw(env, "Failed to read the private key");
    return;
  }
  EVP_PKEY_free(key);
}

/* Every certificate of a PEM text, in order (NULL on a parse error with
 * nothing found). */
static STACK_OF(X509) *read_certs(const uint8_t *data, size_t len) {
  BIO *bio = BIO_new_mem_buf(data, (int)len);
  STACK_OF(X509) *list = sk_X509_new_null();
  if (!bio || !list) {
    BIO_free(bio);
    sk_X509_free(list);
    return NULL;
  }
  X509 *x;
  while ((x = PEM_read_bio_X509(bio, NULL, pass_cb, NULL)))
    if (!sk_X509_push(list, x)) X509_free(x);
  BIO_free(bio);
  if (sk_X509_num(list) == 0) {
    sk_X509_free(list);
    return NULL;
  }
  ERR_clear_error(); /* the end of the text */
  return list;
}

/* contextSetCert(ctx, pem): the first certificate is the context's own,
 * the others its chain. */
static void js_context_set_cert(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  tls_ctx *t = arg_ctx(c, 0);
  const uint8_t *data;
  size_t len;
  char *owned;
  if (!t || !arg_data(c, 1, "cert", &data, &len, &owned)) return;
  ERR_clear_error();
  STACK_OF(X509) *list = read_certs(data, len);
  free(owned);
  if (!list) {
    nr__crypto_throw(env, "Failed to read the certificate");
    return;
  }
  bool ok = SSL_CTX_use_certificate(t->ctx, sk_X509_value(list, 0)) == 1;
  for (int i = 1; ok && i < sk_X509_num(list); i++)
    ok = SSL_CTX_add1_chain_cert(t->ctx, sk_X509_value(list, i)) == 1;
  sk_X509_pop_free(list, X509_free);
  if (!ok) nr__crypto_throw(env, "Failed to use the certificate");
}

/* Gives ctx a store of its own holding what the shared one held, before
 * anything is added to it. */
static bool own_store(tls_ctx *t) {
  if (!t->shared_store) return true;
  X509_STORE *store = X509_STORE_new();
  if (!store) return false;
  STACK_OF(X509_OBJECT) *objs = X509_STORE_get0_objects(root_store);
  for (int i = 0; i < sk_X509_OBJECT_num(objs); i++) {
    X509 *x = X509_OBJECT_get0_X509(sk_X509_OBJECT_value(objs, i));
    if (x) X509_STORE_add_cert(store, x);
  }
  SSL_CTX_set_cert_store(t->ctx, store);
  t->shared_store = false;
  return true;
}

/* contextAddCA(ctx, pem): trusts each certificate of pem, and names them
 * to clients as acceptable issuers when the server asks for a certificate. */
static void js_context_add_ca(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  tls_ctx *t = arg_ctx(c, 0);
  const uint8_t *data;
  size_t len;
  char *owned;
  if (!t || !arg_data(c, 1, "ca", &data, &len, &owned)) return;
  ERR_clear_error();
  STACK_OF(X509) *list = read_certs(data, len);
  free(owned);
  if (!list) {
    nr__crypto_throw(env, "Failed to read the CA certificate");
    return;
  }
  if (!own_store(t)) {
    sk_X509_pop_free(list, X509_free);
    v8c_throw_error(env, V8C_ERROR, NULL, "Out of memory");
    return;
  }
  X509_STORE *store = SSL_CTX_get_cert_store(t->ctx);
  for (int i = 0; i < sk_X509_num(list); i++) {
    X509 *x = sk_X509_value(list, i);
    X509_STORE_add_cert(store, x);
    SSL_CTX_add_client_CA(t->ctx, x);
  }
  ERR_clear_error(); /* a repeated certificate is no error */
  sk_X509_pop_free(list, X509_free);
}

/* contextUseRoots(ctx): trusts the system's roots. */
static void js_context_use_roots(v8c_call *c) {
  tls_ctx *t = arg_ctx(c, 0);
  if (!t) return;
  uv_once(&root_once, root_init);
  if (!root_store || !t->shared_store) {
    if (root_store) SSL_CTX_set1_cert_store(t->ctx, root_store);
    t->shared_store = root_store != NULL;
  }
}

/* contextSetCiphers(ctx, tls12List, tls13Suites): either may be empty,
 * leaving that part as it is (as Node keeps the TLS 1.3 suites when the
 * list names none). */
static void js_context_set_ciphers(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  tls_ctx *t = arg_ctx(c, 0);
  if (!t) return;
  char *list = nr__arg_string(c, 1, "ciphers");
  char *suites = list ? nr__arg_string(c, 2, "ciphersuites") : NULL;
  if (!suites) {
    free(list);
    return;
  }
  ERR_clear_error();
  bool ok = (!*list || SSL_CTX_set_cipher_list(t->ctx, list) == 1) &&
            (!*suites || SSL_CTX_set_ciphersuites(t->ctx, suites) == 1);
  free(list);
  free(suites);
  if (!ok) nr__crypto_throw(env, "No cipher match");
}

/* contextSetECDHCurve(ctx, "P-256:X25519" | "auto") */
static void js_context_set_ecdh_curve(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  tls_ctx *t = arg_ctx(c, 0);
  if (!t) return;
  char *curve = nr__arg_string(c, 1, "ecdhCurve");
  if (!curve) return;
  ERR_clear_error();
  bool ok = strcmp(curve, "auto") == 0 ||
            SSL_CTX_set1_groups_list(t->ctx, curve) == 1;
  free(curve);
  if (!ok) nr__crypto_throw(env, "Failed to set ECDH curve");
}

/* contextSetSigalgs(ctx, "RSA-PSS+SHA256:ECDSA+SHA256") */
static void js_context_set_sigalgs(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  tls_ctx *t = arg_ctx(c, 0);
  if (!t) return;
  char *list = nr__arg_string(c, 1, "sigalgs");
  if (!list) return;
  ERR_clear_error();
  bool ok = SSL_CTX_set1_sigalgs_list(t->ctx, list) == 1;
  free(list);
  if (!ok) nr__crypto_throw(env, "Failed to set signature algorithms");
}

/* contextSetOptions(ctx, secureOptions) */
static void js_context_set_options(v8c_call *c) {
  tls_ctx *t = arg_ctx(c, 0);
  int64_t opts;
  if (!t || !nr__arg_int(c, 1, "secureOptions", 0, 0xffffffffLL, &opts))
    return;
  SSL_CTX_set_options(t->ctx, (uint64_t)opts);
}

/* contextSetSessionIdContext(ctx, string) */
static void js_context_set_session_id_context(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  tls_ctx *t = arg_ctx(c, 0);
  if (!t) return;
  char *id = nr__arg_string(c, 1, "sessionIdContext");
  if (!id) return;
  size_t n = strlen(id);
  if (n > SSL_MAX_SID_CTX_LENGTH) n = SSL_MAX_SID_CTX_LENGTH;
  bool ok = SSL_CTX_set_session_id_context(t->ctx, (uint8_t *)id,
                                           (unsigned)n) == 1;
  free(id);
  if (!ok) nr__crypto_throw(env, "Failed to set session id context");
}

/* contextGetTicketKeys(ctx) -> the 48 bytes that protect session
 * tickets (name, HMAC secret, AES key; see ticket_cb). */
static void js_context_get_ticket_keys(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  tls_ctx *t = arg_ctx(c, 0);
  if (!t) return;
  void *data;
  v8c_value ab = v8c_arraybuffer(env, TICKET_KEYS, &data);
  if (!ab) return;
  memcpy(data, ticket_keys(t->ctx), TICKET_KEYS);
  v8c_return(c, ab);
}

/* contextSetTicketKeys(ctx, keys): 48 bytes, as getTicketKeys gives. */
static void js_context_set_ticket_keys(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  tls_ctx *t = arg_ctx(c, 0);
  const uint8_t *data;
  size_t len;
  if (!t || !nr__crypto_arg_bytes(c, 1, "keys", &data, &len)) return;
  if (len != TICKET_KEYS) {
    v8c_throw_error(env, V8C_RANGE_ERROR, "ERR_INVALID_ARG_VALUE",
                    "Ticket keys must be 48 bytes");
    return;
  }
  memcpy(ticket_keys(t->ctx), data, TICKET_KEYS);
}

/* Which of the client's protocols the server picks: the first of its own
 * list that the client offers. With no overlap, no protocol (Node 18
 * goes on without ALPN rather than failing). */
static int alpn_select(SSL *ssl, const uint8_t **out, uint8_t *outlen,
                       const uint8_t *in, unsigned inlen, void *arg);

/* contextSetALPN(ctx, wire): the server's protocols, in wire format. */
static void js_context_set_alpn(v8c_call *c) {
  tls_ctx *t = arg_ctx(c, 0);
  const uint8_t *data;
  size_t len;
  if (!t || !nr__crypto_arg_bytes(c, 1, "protocols", &data, &len)) return;
  uint8_t *copy = malloc(len ? len : 1);
  if (!copy) return;
  memcpy(copy, data, len);
  free(t->alpn);
  t->alpn = copy;
  t->alpn_len = len;
  SSL_CTX_set_alpn_select_cb(t->ctx, alpn_select, NULL);
}

/* ---- Connections ------------------------------------------------------ */

typedef struct tls_conn {
  SSL *ssl;            /* NULL once freed */
  BIO *in, *out;       /* the encrypted side; owned by ssl */
  uint8_t *alpn;       /* the server context's protocols (a copy) */
  size_t alpn_len;
  uint8_t *session;    /* the newest session the peer gave, DER */
  size_t session_len;
  bool is_server;
  bool handshake_done;
  bool sni_pending;    /* the ClientHello waits for JS to pick a context */
  bool sni_done;       /* JS picked it (or there is no SNICallback) */
  bool new_session;    /* `session` changed since the last cycle */
} tls_conn;

static void conn_free_ssl(tls_conn *t) {
  if (t->ssl) SSL_free(t->ssl);
  t->ssl = NULL;
  free(t->alpn);
  t->alpn = NULL;
  free(t->session);
  t->session = NULL;
}

static void conn_fin(void *ptr, void *hint) {
  (void)hint;
  conn_free_ssl(ptr);
  free(ptr);
}

static tls_conn *arg_conn(v8c_call *c, int i) {
  tls_conn *t = v8c_unwrap(v8c_call_env(c), v8c_arg(c, i), &conn_tag);
  if (!t || !t->ssl) {
    v8c_throw_error(v8c_call_env(c), V8C_TYPE_ERROR, "ERR_INVALID_ARG_TYPE",
                    "The \"ssl\" argument must be an open TLS connection");
    return NULL;
  }
  return t;
}

static int alpn_select(SSL *ssl, const uint8_t **out, uint8_t *outlen,
                       const uint8_t *in, unsigned inlen, void *arg) {
  (void)arg;
  tls_conn *t = SSL_get_app_data(ssl);
  if (!t || !t->alpn || !t->alpn_len) return SSL_TLSEXT_ERR_NOACK;
  uint8_t *sel;
  uint8_t sel_len;
  int r = SSL_select_next_proto(&sel, &sel_len, t->alpn,
                                (unsigned)t->alpn_len, in, inlen);
  if (r != OPENSSL_NPN_NEGOTIATED) return SSL_TLSEXT_ERR_NOACK;
  *out = sel;
  *outlen = sel_len;
  return SSL_TLSEXT_ERR_OK;
}

static int verify_accept(int ok, X509_STORE_CTX *store) {
  (void)ok;
  (void)store;
  return 1;
}

/* Keeps the newest session a server handed out (TLS 1.3 sends them
 * after the handshake), for getSession() and the 'session' event. */
static int new_session_cb(SSL *ssl, SSL_SESSION *sess) {
  tls_conn *t = SSL_get_app_data(ssl);
  if (!t) return 0;
  int n = i2d_SSL_SESSION(sess, NULL);
  uint8_t *der = n > 0 ? malloc((size_t)n) : NULL;
  if (!der) return 0;
  uint8_t *p = der;
  i2d_SSL_SESSION(sess, &p);
  free(t->session);
  t->session = der;
  t->session_len = (size_t)n;
  t->new_session = true;
  return 0;
}

/* Pauses the handshake at the ClientHello until JS chose the context for
 * the server name asked for (an asynchronous SNICallback). */
static int client_hello_cb(SSL *ssl, int *alert, void *arg) {
  (void)alert;
  (void)arg;
  tls_conn *t = SSL_get_app_data(ssl);
  if (!t || t->sni_done) return SSL_CLIENT_HELLO_SUCCESS;
  t->sni_pending = true;
  return SSL_CLIENT_HELLO_RETRY;
}

/* The host name of a ClientHello's server_name extension, malloc'd, or
 * NULL. */
static char *hello_servername(SSL *ssl) {
  const uint8_t *p;
  size_t len;
  if (!SSL_client_hello_get0_ext(ssl, TLSEXT_TYPE_server_name, &p, &len) ||
      len < 5)
    return NULL;
  size_t list = ((size_t)p[0] << 8) | p[1];
  if (list + 2 != len || p[2] != TLSEXT_NAMETYPE_host_name) return NULL;
  size_t n = ((size_t)p[3] << 8) | p[4];
  if (n + 5 > len) return NULL;
  char *name = malloc(n + 1);
  if (!name) return NULL;
  memcpy(name, p + 5, n);
  name[n] = 0;
  return name;
}

static bool copy_alpn(tls_conn *t, tls_ctx *ctx) {
  free(t->alpn);
  t->alpn = NULL;
  t->alpn_len = 0;
  if (!ctx->alpn) return true;
  if (!(t->alpn = malloc(ctx->alpn_len ? ctx->alpn_len : 1))) return false;
  memcpy(t->alpn, ctx->alpn, ctx->alpn_len);
  t->alpn_len = ctx->alpn_len;
  return true;
}

/* create(ctx, isServer, sni) -> connection. With sni, a server pauses at
 * each ClientHello for JS to choose the context (cycle reports it). */
static void js_create(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  tls_ctx *ctx = arg_ctx(c, 0);
  if (!ctx) return;
  bool is_server = v8c_to_bool(env, v8c_arg(c, 1));
  bool sni = v8c_to_bool(env, v8c_arg(c, 2));
  tls_conn *t = calloc(1, sizeof *t);
  if (!t) return;
  t->is_server = is_server;
  t->sni_done = !sni;
  SSL_CTX_sess_set_new_cb(ctx->ctx, new_session_cb);
  SSL_CTX_set_session_cache_mode(ctx->ctx, SSL_SESS_CACHE_BOTH |
                                               SSL_SESS_CACHE_NO_INTERNAL);
  if (is_server && sni)
    SSL_CTX_set_client_hello_cb(ctx->ctx, client_hello_cb, NULL);
  ERR_clear_error();
  t->ssl = SSL_new(ctx->ctx);
  t->in = BIO_new(BIO_s_mem());
  t->out = BIO_new(BIO_s_mem());
  if (!t->ssl || !t->in || !t->out || !copy_alpn(t, ctx)) {
    BIO_free(t->in);
    BIO_free(t->out);
    conn_fin(t, NULL);
    nr__crypto_throw(env, "SSL_new failed");
    return;
  }
  /* An empty memory BIO means "no data yet", not end of file. */
  BIO_set_mem_eof_return(t->in, -1);
  SSL_set_bio(t->ssl, t->in, t->out);
  SSL_set_app_data(t->ssl, t);
  if (is_server) {
    SSL_set_accept_state(t->ssl);
    SSL_set_verify(t->ssl, SSL_VERIFY_NONE, NULL);
  } else {
    SSL_set_connect_state(t->ssl);
    SSL_set_verify(t->ssl, SSL_VERIFY_PEER, verify_accept);
  }
  v8c_value o = v8c_wrap(env, &conn_tag, t, conn_fin, NULL);
  if (!o) conn_fin(t, NULL);
  else v8c_return(c, o);
}

/* setVerify(ssl, requestCert, rejectUnauthorized): a server asks for (and
 * with reject, insists on) a client certificate. */
static void js_set_verify(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  tls_conn *t = arg_conn(c, 0);
  if (!t) return;
  bool request = v8c_to_bool(env, v8c_arg(c, 1));
  bool reject = v8c_to_bool(env, v8c_arg(c, 2));
  int mode = SSL_VERIFY_NONE;
  if (request) {
    mode = SSL_VERIFY_PEER;
    if (reject) mode |= SSL_VERIFY_FAIL_IF_NO_PEER_CERT;
  }
  SSL_set_verify(t->ssl, mode, request ? verify_accept : NULL);
}

/* setServername(ssl, name): the client's SNI. */
static void js_set_servername(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  tls_conn *t = arg_conn(c, 0);
  if (!t) return;
  char *name = nr__arg_string(c, 1, "name");
  if (!name) return;
  int ok = SSL_set_tlsext_host_name(t->ssl, name);
  free(name);
  if (ok != 1) nr__crypto_throw(env, "Invalid server name");
}

/* setALPN(ssl, wire): the client's protocols. */
static void js_set_alpn(v8c_call *c) {
  tls_conn *t = arg_conn(c, 0);
  const uint8_t *data;
  size_t len;
  if (!t || !nr__crypto_arg_bytes(c, 1, "protocols", &data, &len)) return;
  SSL_set_alpn_protos(t->ssl, data, (unsigned)len);
}

/* setSession(ssl, der): resumes a session from getSession(). */
static void js_set_session(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  tls_conn *t = arg_conn(c, 0);
  const uint8_t *data;
  size_t len;
  if (!t || !nr__crypto_arg_bytes(c, 1, "session", &data, &len)) return;
  ERR_clear_error();
  SSL_SESSION *s = d2i_SSL_SESSION(NULL, &data, (long)len);
  if (!s) {
    nr__crypto_throw(env, "Bad session");
    return;
  }
  int ok = SSL_set_session(t->ssl, s);
  SSL_SESSION_free(s);
  if (ok != 1) nr__crypto_throw(env, "Bad session");
}

/* setContext(ssl, ctx): the context an SNICallback chose. */
static void js_set_context(v8c_call *c) {
  tls_conn *t = arg_conn(c, 0);
  tls_ctx *ctx = t ? arg_ctx(c, 1) : NULL;
  if (!ctx) return;
  SSL_set_SSL_CTX(t->ssl, ctx->ctx);
  copy_alpn(t, ctx);
}

/* Everything the SSL has to send, as an ArrayBuffer (undefined when
 * nothing). */
static v8c_value drain_out(v8c_env *env, tls_conn *t) {
  size_t n = BIO_ctrl_pending(t->out);
  if (!n) return v8c_undefined(env);
  void *data;
  v8c_value ab = v8c_arraybuffer(env, n, &data);
  if (!ab) return NULL;
  BIO_read(t->out, data, (int)n);
  return ab;
}

/* Flags of cycle()'s result. */
enum {
  CYCLE_HANDSHAKE = 1,   /* the handshake completed in this cycle */
  CYCLE_EOF = 2,         /* the peer's close_notify arrived */
  CYCLE_ERROR = 4,       /* a fatal error: the connection is dead */
  CYCLE_SNI = 8,         /* waiting for setContext (result[3]: the name) */
  CYCLE_SESSION = 16,    /* a new session is there for getSession() */
};

/* cycle(ssl[, encrypted]) -> [flags, cleartext, out, error|servername]:
 * takes what the transport read, advances the handshake, decrypts what it
 * can. cleartext and out are ArrayBuffers or undefined. */
static void js_cycle(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  tls_conn *t = arg_conn(c, 0);
  if (!t) return;
  v8c_value in = v8c_arg(c, 1);
  if (!v8c_is(in, V8C_UNDEFINED)) {
    const uint8_t *data;
    size_t len;
    if (!nr__crypto_arg_bytes(c, 1, "data", &data, &len)) return;
    if (len && BIO_write(t->in, data, (int)len) != (int)len) {
      v8c_throw_error(env, V8C_ERROR, NULL, "Out of memory");
      return;
    }
  }
  ERR_clear_error();
  int flags = 0;
  unsigned long err = 0;
  char *sni_name = NULL;
  if (!t->handshake_done && !t->sni_pending) {
    int r = SSL_do_handshake(t->ssl);
    if (r == 1) {
      t->handshake_done = true;
      flags |= CYCLE_HANDSHAKE;
    } else {
      int e = SSL_get_error(t->ssl, r);
      if (e == SSL_ERROR_WANT_CLIENT_HELLO_CB) {
        flags |= CYCLE_SNI;
        sni_name = hello_servername(t->ssl);
        t->sni_done = true;
      } else if (e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE) {
        flags |= CYCLE_ERROR;
        err = ERR_peek_last_error();
      }
    }
  }
  if (flags & CYCLE_SNI) t->sni_pending = false;

  /* Decrypt everything buffered, in one ArrayBuffer. */
  uint8_t *clear = NULL;
  size_t clear_len = 0, cap = 0;
  while (t->handshake_done && !(flags & (CYCLE_ERROR | CYCLE_EOF))) {
    if (cap - clear_len < 16384) {
      size_t ncap = cap ? cap * 2 : 16384 + BIO_ctrl_pending(t->in);
      uint8_t *p = realloc(clear, ncap);
      if (!p) break;
      clear = p;
      cap = ncap;
    }
    size_t got = 0;
    int r = SSL_read_ex(t->ssl, clear + clear_len, cap - clear_len, &got);
    if (r == 1) {
      clear_len += got;
      continue;
    }
    int e = SSL_get_error(t->ssl, r);
    if (e == SSL_ERROR_ZERO_RETURN) {
      flags |= CYCLE_EOF;
    } else if (e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE) {
      flags |= CYCLE_ERROR;
      err = ERR_peek_last_error();
    }
    break;
  }
  if (t->new_session) {
    t->new_session = false;
    flags |= CYCLE_SESSION;
  }

  v8c_value res = v8c_array(env, 4);
  v8c_value clear_v = clear_len ? nr__crypto_take_bytes(env, clear, clear_len)
                                : (free(clear), v8c_undefined(env));
  v8c_value out = drain_out(env, t);
  v8c_value extra = v8c_undefined(env);
  if (flags & CYCLE_ERROR) {
    extra = nr__crypto_error(env, err, "TLS error");
  } else if (sni_name) {
    extra = v8c_string(env, sni_name, strlen(sni_name));
  }
  free(sni_name);
  ERR_clear_error();
  if (!res || !clear_v || !out || !extra) return;
  v8c_set_index(env, res, 0, v8c_int32(env, flags));
  v8c_set_index(env, res, 1, clear_v);
  v8c_set_index(env, res, 2, out);
  v8c_set_index(env, res, 3, extra);
  v8c_return(c, res);
}

/* write(ssl, data) -> ArrayBuffer: data as TLS records. The handshake
 * must be done. */
static void js_write(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  tls_conn *t = arg_conn(c, 0);
  const uint8_t *data;
  size_t len;
  char *owned;
  if (!t || !arg_data(c, 1, "data", &data, &len, &owned)) return;
  if (!t->handshake_done) {
    free(owned);
    v8c_throw_error(env, V8C_ERROR, "ERR_TLS_INVALID_STATE",
                    "TLS socket connection must be securely established");
    return;
  }
  ERR_clear_error();
  size_t done = 0;
  while (done < len) {
    size_t n = 0;
    if (SSL_write_ex(t->ssl, data + done, len - done, &n) != 1) {
      free(owned);
      nr__crypto_throw(env, "TLS write failed");
      return;
    }
    done += n;
  }
  free(owned);
  v8c_value out = drain_out(env, t);
  if (out) v8c_return(c, out);
}

/* shutdown(ssl) -> ArrayBuffer|undefined: our close_notify. */
static void js_shutdown(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  tls_conn *t = arg_conn(c, 0);
  if (!t) return;
  if (t->handshake_done) SSL_shutdown(t->ssl);
  ERR_clear_error();
  v8c_value out = drain_out(env, t);
  if (out) v8c_return(c, out);
}

/* free(ssl): releases the SSL now (the object stays, unusable). */
static void js_free(v8c_call *c) {
  tls_conn *t = v8c_unwrap(v8c_call_env(c), v8c_arg(c, 0), &conn_tag);
  if (t) conn_free_ssl(t);
}

/* ---- What a connection negotiated ------------------------------------ */

static v8c_value str(v8c_env *env, const char *s) {
  return s ? v8c_string(env, s, strlen(s)) : v8c_undefined(env);
}

static void js_get_protocol(v8c_call *c) {
  tls_conn *t = arg_conn(c, 0);
  if (t && t->handshake_done)
    v8c_return(c, str(v8c_call_env(c), SSL_get_version(t->ssl)));
  else if (t)
    v8c_return(c, v8c_null(v8c_call_env(c)));
}

/* getCipher(ssl) -> { name, standardName, version } | undefined */
static void js_get_cipher(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  tls_conn *t = arg_conn(c, 0);
  if (!t) return;
  const SSL_CIPHER *ci = SSL_get_current_cipher(t->ssl);
  if (!ci) return;
  v8c_value o = v8c_object(env);
  if (!o) return;
  v8c_set_named(env, o, "name", str(env, SSL_CIPHER_get_name(ci)));
  v8c_set_named(env, o, "standardName",
                str(env, SSL_CIPHER_standard_name(ci)));
  v8c_set_named(env, o, "version", str(env, SSL_CIPHER_get_version(ci)));
  v8c_return(c, o);
}

/* getALPN(ssl) -> the protocol chosen, or false. */
static void js_get_alpn(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  tls_conn *t = arg_conn(c, 0);
  if (!t) return;
  const uint8_t *p;
  unsigned n;
  SSL_get0_alpn_selected(t->ssl, &p, &n);
  if (!n) return v8c_return_bool(c, false);
  v8c_return(c, v8c_string(env, (const char *)p, n));
}

/* getServername(ssl) -> the SNI name (asked for by the client), or false. */
static void js_get_servername(v8c_call *c) {
  tls_conn *t = arg_conn(c, 0);
  if (!t) return;
  const char *s = SSL_get_servername(t->ssl, TLSEXT_NAMETYPE_host_name);
  if (!s) return v8c_return_bool(c, false);
  v8c_return(c, str(v8c_call_env(c), s));
}

/* Node's names of X509 verification results. */
static const struct {
  int err;
  const char *code;
} verify_codes[] = {
#define V(name) {X509_V_ERR_##name, #name}
    V(UNABLE_TO_GET_ISSUER_CERT), V(UNABLE_TO_GET_CRL),
    V(UNABLE_TO_DECRYPT_CERT_SIGNATURE), V(UNABLE_TO_DECRYPT_CRL_SIGNATURE),
    V(UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY), V(CERT_SIGNATURE_FAILURE),
    V(CRL_SIGNATURE_FAILURE), V(CERT_NOT_YET_VALID), V(CERT_HAS_EXPIRED),
    V(CRL_NOT_YET_VALID), V(CRL_HAS_EXPIRED),
    V(ERROR_IN_CERT_NOT_BEFORE_FIELD), V(ERROR_IN_CERT_NOT_AFTER_FIELD),
    V(ERROR_IN_CRL_LAST_UPDATE_FIELD), V(ERROR_IN_CRL_NEXT_UPDATE_FIELD),
    V(OUT_OF_MEM), V(DEPTH_ZERO_SELF_SIGNED_CERT),
    V(SELF_SIGNED_CERT_IN_CHAIN), V(UNABLE_TO_GET_ISSUER_CERT_LOCALLY),
    V(UNABLE_TO_VERIFY_LEAF_SIGNATURE), V(CERT_CHAIN_TOO_LONG),
    V(CERT_REVOKED), V(INVALID_CA), V(PATH_LENGTH_EXCEEDED),
    V(INVALID_PURPOSE), V(CERT_UNTRUSTED), V(CERT_REJECTED),
    V(HOSTNAME_MISMATCH),
#undef V
};

/* verifyError(ssl) -> [code, message] | null: how the peer's certificate
 * failed verification (no certificate at all counts as
 * UNABLE_TO_GET_ISSUER_CERT, as in Node). */
static void js_verify_error(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  tls_conn *t = arg_conn(c, 0);
  if (!t) return;
  X509 *peer = SSL_get1_peer_certificate(t->ssl);
  long err = peer ? SSL_get_verify_result(t->ssl)
                  : X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT;
  X509_free(peer);
  if (err == X509_V_OK) return v8c_return(c, v8c_null(env));
  const char *code = "UNSPECIFIED";
  for (size_t i = 0; i < sizeof verify_codes / sizeof verify_codes[0]; i++)
    if (verify_codes[i].err == err) code = verify_codes[i].code;
  v8c_value a = v8c_array(env, 2);
  if (!a) return;
  v8c_set_index(env, a, 0, str(env, code));
  v8c_set_index(env, a, 1, str(env, X509_verify_cert_error_string(err)));
  v8c_return(c, a);
}

/* getSession(ssl) -> ArrayBuffer (DER) | undefined */
static void js_get_session(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  tls_conn *t = arg_conn(c, 0);
  if (!t) return;
  if (t->session) {
    void *data;
    v8c_value ab = v8c_arraybuffer(env, t->session_len, &data);
    if (!ab) return;
    memcpy(data, t->session, t->session_len);
    return v8c_return(c, ab);
  }
  SSL_SESSION *s = SSL_get_session(t->ssl);
  int n = s ? i2d_SSL_SESSION(s, NULL) : 0;
  if (n <= 0) return;
  void *data;
  v8c_value ab = v8c_arraybuffer(env, (size_t)n, &data);
  if (!ab) return;
  uint8_t *p = data;
  i2d_SSL_SESSION(s, &p);
  v8c_return(c, ab);
}

/* getTLSTicket(ssl) -> the session ticket the server gave, or undefined. */
static void js_get_tls_ticket(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  tls_conn *t = arg_conn(c, 0);
  if (!t) return;
  SSL_SESSION *s = SSL_get_session(t->ssl);
  const uint8_t *tick = NULL;
  size_t n = 0;
  if (s) SSL_SESSION_get0_ticket(s, &tick, &n);
  if (!tick || !n) return;
  void *data;
  v8c_value ab = v8c_arraybuffer(env, n, &data);
  if (!ab) return;
  memcpy(data, tick, n);
  v8c_return(c, ab);
}

/* setMaxSendFragment(ssl, size) -> whether OpenSSL took it (512..16384). */
static void js_set_max_send_fragment(v8c_call *c) {
  tls_conn *t = arg_conn(c, 0);
  int64_t size;
  if (!t || !nr__arg_int(c, 1, "size", 0, 0x7fffffff, &size)) return;
  v8c_return_bool(c, SSL_set_max_send_fragment(t->ssl, (long)size) == 1);
}

/* getFinished(ssl, peer) -> the Finished message sent (or, with peer,
 * received) in the last handshake, or undefined before one. */
static void js_get_finished(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  tls_conn *t = arg_conn(c, 0);
  if (!t) return;
  bool peer = v8c_to_bool(env, v8c_arg(c, 1));
  uint8_t buf[EVP_MAX_MD_SIZE];
  size_t n = peer ? SSL_get_peer_finished(t->ssl, buf, sizeof buf)
                  : SSL_get_finished(t->ssl, buf, sizeof buf);
  if (!n) return;
  if (n > sizeof buf) n = sizeof buf;
  void *data;
  v8c_value ab = v8c_arraybuffer(env, n, &data);
  if (!ab) return;
  memcpy(data, buf, n);
  v8c_return(c, ab);
}

/* exportKeyingMaterial(ssl, length, label[, context]) -> ArrayBuffer
 * (RFC 5705). */
static void js_export_keying_material(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  tls_conn *t = arg_conn(c, 0);
  int64_t len;
  if (!t || !nr__arg_int(c, 1, "length", 1, 1 << 30, &len)) return;
  char *label = nr__arg_string(c, 2, "label");
  if (!label) return;
  const uint8_t *ctx = NULL;
  size_t ctx_len = 0;
  bool use_ctx = !v8c_is(v8c_arg(c, 3), V8C_UNDEFINED);
  if (use_ctx && !nr__crypto_arg_bytes(c, 3, "context", &ctx, &ctx_len)) {
    free(label);
    return;
  }
  void *data;
  v8c_value ab = v8c_arraybuffer(env, (size_t)len, &data);
  if (ab && SSL_export_keying_material(t->ssl, data, (size_t)len, label,
                                       strlen(label), ctx, ctx_len,
                                       use_ctx) != 1) {
    ab = NULL;
    nr__crypto_throw(env, "Key export failed");
  }
  free(label);
  if (ab) v8c_return(c, ab);
}

/* getEphemeralKeyInfo(ssl) -> { type, name, size } of the peer's
 * temporary key, or {} when there is none (a client's question). */
static void js_get_ephemeral_key_info(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  tls_conn *t = arg_conn(c, 0);
  if (!t) return;
  v8c_value o = v8c_object(env);
  if (!o) return;
  EVP_PKEY *key = NULL;
  if (t->is_server || SSL_get_peer_tmp_key(t->ssl, &key) != 1 || !key) {
    ERR_clear_error();
    return v8c_return(c, o);
  }
  int id = EVP_PKEY_get_id(key);
  int bits = EVP_PKEY_get_bits(key);
  if (id == EVP_PKEY_DH) {
    v8c_set_named(env, o, "type", str(env, "DH"));
    v8c_set_named(env, o, "size", v8c_int32(env, bits));
  } else if (id == EVP_PKEY_EC || id == EVP_PKEY_X25519 ||
             id == EVP_PKEY_X448) {
    const char *name = NULL;
    char group[80];
    size_t glen = 0;
    if (id == EVP_PKEY_EC) {
      if (EVP_PKEY_get_utf8_string_param(key, "group", group, sizeof group,
                                         &glen) == 1) {
        int nid = OBJ_sn2nid(group);
        if (nid == NID_undef) nid = EC_curve_nist2nid(group);
        const char *nist = nid != NID_undef ? EC_curve_nid2nist(nid) : NULL;
        name = nist ? nist : group;
      }
    } else {
      name = id == EVP_PKEY_X25519 ? "X25519" : "X448";
    }
    v8c_set_named(env, o, "type", str(env, "ECDH"));
    if (name) v8c_set_named(env, o, "name", str(env, name));
    v8c_set_named(env, o, "size", v8c_int32(env, bits));
  }
  EVP_PKEY_free(key);
  ERR_clear_error();
  v8c_return(c, o);
}

/* getSharedSigalgs(ssl) -> ['RSA-PSS+SHA256', 'ECDSA+SHA256', ...] */
static void js_get_shared_sigalgs(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  tls_conn *t = arg_conn(c, 0);
  if (!t) return;
  v8c_value a = v8c_array(env, 0);
  if (!a) return;
  int n = SSL_get_shared_sigalgs(t->ssl, 0, NULL, NULL, NULL, NULL, NULL);
  for (int i = 0; i < n; i++) {
    int sign = 0, hash = 0;
    SSL_get_shared_sigalgs(t->ssl, i, &sign, &hash, NULL, NULL, NULL);
    const char *s = NULL;
    switch (sign) {
      case EVP_PKEY_RSA: s = "RSA"; break;
      case EVP_PKEY_RSA_PSS: s = "RSA-PSS"; break;
      case EVP_PKEY_DSA: s = "DSA"; break;
      case EVP_PKEY_EC: s = "ECDSA"; break;
      case NID_ED25519: s = "Ed25519"; break;
      case NID_ED448: s = "Ed448"; break;
      default: s = OBJ_nid2sn(sign); break;
    }
    char buf[128];
    const char *h = hash != NID_undef ? OBJ_nid2sn(hash) : NULL;
    if (h && sign != NID_ED25519 && sign != NID_ED448)
      snprintf(buf, sizeof buf, "%s+%s", s ? s : "UNDEF", h);
    else
      snprintf(buf, sizeof buf, "%s", s ? s : "UNDEF");
    v8c_set_index(env, a, (uint32_t)i, str(env, buf));
  }
  v8c_return(c, a);
}

static void js_is_session_reused(v8c_call *c) {
  tls_conn *t = arg_conn(c, 0);
  if (t) v8c_return_bool(c, SSL_session_reused(t->ssl) == 1);
}

/* ---- Certificates as objects ------------------------------------------ */

/* The text OpenSSL prints through f into a memory BIO, as a string. */
static v8c_value bio_string(v8c_env *env, BIO *b) {
  char *p;
  long n = BIO_get_mem_data(b, &p);
  return v8c_string(env, p, n > 0 ? (size_t)n : 0);
}

static v8c_value hex_colons(v8c_env *env, const uint8_t *md, unsigned n) {
  char buf[EVP_MAX_MD_SIZE * 3 + 1];
  static const char hex[] = "0123456789ABCDEF";
  size_t k = 0;
  for (unsigned i = 0; i < n; i++) {
    if (i) buf[k++] = ':';
    buf[k++] = hex[md[i] >> 4];
    buf[k++] = hex[md[i] & 15];
  }
  return v8c_string(env, buf, k);
}

/* { C: 'US', CN: 'x', OU: ['a', 'b'] } with a null prototype. */
static v8c_value name_object(v8c_env *env, X509_NAME *name) {
  v8c_value o = v8c_object(env);
  if (!o || !v8c_set_prototype(env, o, v8c_null(env))) return NULL;
  for (int i = 0; i < X509_NAME_entry_count(name); i++) {
    X509_NAME_ENTRY *e = X509_NAME_get_entry(name, i);
    ASN1_OBJECT *obj = X509_NAME_ENTRY_get_object(e);
    int nid = OBJ_obj2nid(obj);
    char key[128];
    if (nid != NID_undef) {
      snprintf(key, sizeof key, "%s", OBJ_nid2sn(nid));
    } else {
      OBJ_obj2txt(key, sizeof key, obj, 1);
    }
    uint8_t *u8 = NULL;
    int n = ASN1_STRING_to_UTF8(&u8, X509_NAME_ENTRY_get_data(e));
    v8c_value val = v8c_string(env, n > 0 ? (char *)u8 : "",
                               n > 0 ? (size_t)n : 0);
    OPENSSL_free(u8);
    v8c_value k = str(env, key);
    if (!val || !k) return NULL;
    v8c_value prev = v8c_get(env, o, k);
    if (!prev) return NULL;
    if (v8c_is(prev, V8C_UNDEFINED)) {
      v8c_set(env, o, k, val);
    } else if (v8c_is(prev, V8C_ARRAY)) {
      v8c_set_index(env, prev, v8c_array_length(prev), val);
    } else {
      v8c_value a = v8c_array(env, 2);
      if (!a) return NULL;
      v8c_set_index(env, a, 0, prev);
      v8c_set_index(env, a, 1, val);
      v8c_set(env, o, k, a);
    }
  }
  return o;
}

static void set_bytes(v8c_env *env, v8c_value o, const char *key,
                      const uint8_t *data, size_t len) {
  void *p;
  v8c_value ab = v8c_arraybuffer(env, len, &p);
  if (!ab) return;
  memcpy(p, data, len);
  v8c_set_named(env, o, key, ab);
}

/* Appends a name of an altname entry; names with characters that could
 * be mistaken for separators or that are not printable are quoted the
 * way JSON quotes strings, as Node does. */
static void append_name(BIO *b, const char *prefix, const uint8_t *p,
                        int len) {
  bool quote = false;
  for (int i = 0; i < len; i++)
    if (p[i] < 0x20 || p[i] >= 0x7f || p[i] == '"' || p[i] == '\\' ||
        p[i] == ',')
      quote = true;
  BIO_puts(b, prefix);
  if (!quote) {
    BIO_write(b, p, len);
    return;
  }
  BIO_puts(b, "\"");
  for (int i = 0; i < len; i++) {
    if (p[i] == '"' || p[i] == '\\') BIO_printf(b, "\\%c", p[i]);
    else if (p[i] < 0x20 || p[i] >= 0x7f) BIO_printf(b, "\\u%04x", p[i]);
    else BIO_write(b, p + i, 1);
  }
  BIO_puts(b, "\"");
}

/* subjectaltname: "DNS:a.com, IP Address:1.2.3.4, URI:...", or NULL when
 * the certificate has none. */
static v8c_value altnames_text(v8c_env *env, X509 *x) {
  GENERAL_NAMES *names = X509_get_ext_d2i(x, NID_subject_alt_name, NULL,
                                          NULL);
  if (!names) {
    ERR_clear_error();
    return NULL;
  }
  BIO *b = BIO_new(BIO_s_mem());
  v8c_value v = NULL;
  for (int i = 0; b && i < sk_GENERAL_NAME_num(names); i++) {
    GENERAL_NAME *g = sk_GENERAL_NAME_value(names, i);
    if (i) BIO_puts(b, ", ");
    ASN1_STRING *str = NULL;
    const char *prefix = NULL;
    if (g->type == GEN_DNS) {
      str = g->d.dNSName;
      prefix = "DNS:";
    } else if (g->type == GEN_URI) {
      str = g->d.uniformResourceIdentifier;
      prefix = "URI:";
    } else if (g->type == GEN_EMAIL) {
      str = g->d.rfc822Name;
      prefix = "email:";
    }
    if (str) {
      append_name(b, prefix, ASN1_STRING_get0_data(str),
                  ASN1_STRING_length(str));
    } else {
      GENERAL_NAME_print(b, g);
    }
  }
  if (b) v = bio_string(env, b);
  BIO_free(b);
  GENERAL_NAMES_free(names);
  ERR_clear_error();
  return v;
}

/* infoAccess: { 'OCSP - URI': [url], 'CA Issuers - URI': [url] } */
static void set_info_access(v8c_env *env, v8c_value o, X509 *x) {
  AUTHORITY_INFO_ACCESS *aia = X509_get_ext_d2i(x, NID_info_access, NULL,
                                                NULL);
  if (!aia) return;
  v8c_value info = v8c_object(env);
  if (info && v8c_set_prototype(env, info, v8c_null(env))) {
    for (int i = 0; i < sk_ACCESS_DESCRIPTION_num(aia); i++) {
      ACCESS_DESCRIPTION *ad = sk_ACCESS_DESCRIPTION_value(aia, i);
      if (ad->location->type != GEN_URI) continue;
      char method[96], key[128];
      i2t_ASN1_OBJECT(method, sizeof method, ad->method);
      snprintf(key, sizeof key, "%s - URI", method);
      ASN1_IA5STRING *uri = ad->location->d.uniformResourceIdentifier;
      v8c_value k = str(env, key);
      v8c_value list = v8c_get(env, info, k);
      if (!list) break;
      if (v8c_is(list, V8C_UNDEFINED)) {
        list = v8c_array(env, 0);
        v8c_set(env, info, k, list);
      }
      v8c_set_index(env, list, v8c_array_length(list),
                    v8c_string(env, (const char *)ASN1_STRING_get0_data(uri),
                               (size_t)ASN1_STRING_length(uri)));
    }
    v8c_set_named(env, o, "infoAccess", info);
  }
  AUTHORITY_INFO_ACCESS_free(aia);
}

static void set_key_info(v8c_env *env, v8c_value o, X509 *x) {
  EVP_PKEY *pkey = X509_get0_pubkey(x);
  if (!pkey) return;
  int id = EVP_PKEY_get_base_id(pkey);
  if (id == EVP_PKEY_RSA) {
    BIGNUM *n = NULL, *e = NULL;
    EVP_PKEY_get_bn_param(pkey, "n", &n);
    EVP_PKEY_get_bn_param(pkey, "e", &e);
    if (n) {
      char *hex = BN_bn2hex(n);
      if (hex) v8c_set_named(env, o, "modulus", str(env, hex));
      OPENSSL_free(hex);
    }
    v8c_set_named(env, o, "bits", v8c_int32(env, EVP_PKEY_get_bits(pkey)));
    if (e) {
      char *hex = BN_bn2hex(e);
      if (hex) {
        /* Node's form: "0x10001", lower case, no leading zeros. */
        char buf[80];
        const char *p = hex;
        while (*p == '0' && p[1]) p++;
        size_t k = 0;
        buf[k++] = '0';
        buf[k++] = 'x';
        for (; *p && k + 1 < sizeof buf; p++)
          buf[k++] = (char)(*p >= 'A' && *p <= 'F' ? *p + 32 : *p);
        buf[k] = 0;
        v8c_set_named(env, o, "exponent", str(env, buf));
      }
      OPENSSL_free(hex);
    }
    BN_free(n);
    BN_free(e);
  } else if (id == EVP_PKEY_EC) {
    v8c_set_named(env, o, "bits", v8c_int32(env, EVP_PKEY_get_bits(pkey)));
    char group[80];
    size_t glen = 0;
    if (EVP_PKEY_get_utf8_string_param(pkey, "group", group, sizeof group,
                                       &glen) == 1) {
      int nid = OBJ_sn2nid(group);
      if (nid == NID_undef) nid = EC_curve_nist2nid(group);
      if (nid != NID_undef) {
        v8c_set_named(env, o, "asn1Curve", str(env, OBJ_nid2sn(nid)));
        const char *nist = EC_curve_nid2nist(nid);
        if (nist) v8c_set_named(env, o, "nistCurve", str(env, nist));
      }
    }
  }
  if (id == EVP_PKEY_EC) {
    /* An EC key's pubkey is its point, uncompressed. */
    uint8_t point[256];
    size_t plen = 0;
    if (EVP_PKEY_get_octet_string_param(pkey, "encoded-pub-key", point,
                                        sizeof point, &plen) == 1)
      set_bytes(env, o, "pubkey", point, plen);
    ERR_clear_error();
    return;
  }
  int n = i2d_PUBKEY(pkey, NULL);
  if (n > 0) {
    uint8_t *der = malloc((size_t)n), *p = der;
    if (der) {
      i2d_PUBKEY(pkey, &p);
      set_bytes(env, o, "pubkey", der, (size_t)n);
      free(der);
    }
  }
  ERR_clear_error();
}

static void set_time(v8c_env *env, v8c_value o, const char *key,
                     const ASN1_TIME *tm) {
  BIO *b = BIO_new(BIO_s_mem());
  if (!b) return;
  if (ASN1_TIME_print(b, tm) == 1) v8c_set_named(env, o, key,
                                                 bio_string(env, b));
  BIO_free(b);
}

static void set_fingerprint(v8c_env *env, v8c_value o, const char *key,
                            X509 *x, const EVP_MD *md) {
  uint8_t buf[EVP_MAX_MD_SIZE];
  unsigned n = 0;
  if (X509_digest(x, md, buf, &n) == 1)
    v8c_set_named(env, o, key, hex_colons(env, buf, n));
}

/* A certificate as Node's getPeerCertificate() gives it; pubkey and raw
 * are ArrayBuffers that JS makes Buffers. */
static v8c_value cert_object(v8c_env *env, X509 *x) {
  v8c_value o = v8c_object(env);
  if (!o) return NULL;
  v8c_value subject = name_object(env, X509_get_subject_name(x));
  v8c_value issuer = name_object(env, X509_get_issuer_name(x));
  if (!subject || !issuer) return NULL;
  v8c_set_named(env, o, "subject", subject);
  v8c_set_named(env, o, "issuer", issuer);
  v8c_value san = altnames_text(env, x);
  if (san) v8c_set_named(env, o, "subjectaltname", san);
  set_info_access(env, o, x);
  v8c_set_named(env, o, "ca", v8c_bool(env, X509_check_ca(x) == 1));
  set_key_info(env, o, x);
  set_time(env, o, "valid_from", X509_get0_notBefore(x));
  set_time(env, o, "valid_to", X509_get0_notAfter(x));
  set_fingerprint(env, o, "fingerprint", x, EVP_sha1());
  set_fingerprint(env, o, "fingerprint256", x, EVP_sha256());
  set_fingerprint(env, o, "fingerprint512", x, EVP_sha512());
  EXTENDED_KEY_USAGE *eku = X509_get_ext_d2i(x, NID_ext_key_usage, NULL,
                                             NULL);
  if (eku) {
    v8c_value a = v8c_array(env, 0);
    for (int i = 0; a && i < sk_ASN1_OBJECT_num(eku); i++) {
      char oid[96];
      OBJ_obj2txt(oid, sizeof oid, sk_ASN1_OBJECT_value(eku, i), 1);
      v8c_set_index(env, a, (uint32_t)i, str(env, oid));
    }
    if (a) v8c_set_named(env, o, "ext_key_usage", a);
    EXTENDED_KEY_USAGE_free(eku);
  }
  BIGNUM *serial = ASN1_INTEGER_to_BN(X509_get0_serialNumber(x), NULL);
  if (serial) {
    char *hex = BN_bn2hex(serial);
    if (hex) v8c_set_named(env, o, "serialNumber", str(env, hex));
    OPENSSL_free(hex);
    BN_free(serial);
  }
  int n = i2d_X509(x, NULL);
  if (n > 0) {
    uint8_t *der = malloc((size_t)n), *p = der;
    if (der) {
      i2d_X509(x, &p);
      set_bytes(env, o, "raw", der, (size_t)n);
      free(der);
    }
  }
  ERR_clear_error();
  return o;
}

/* getPeerCertificates(ssl) -> [leaf, issuer, ...]: the verified chain
 * when verification built one (it ends at the trusted root), else what
 * the peer sent. Empty when the peer sent no certificate. */
static void js_get_peer_certificates(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  tls_conn *t = arg_conn(c, 0);
  if (!t) return;
  v8c_value a = v8c_array(env, 0);
  if (!a) return;
  X509 *leaf = SSL_get1_peer_certificate(t->ssl);
  if (!leaf) return v8c_return(c, a);
  STACK_OF(X509) *chain = SSL_get0_verified_chain(t->ssl);
  if (!chain || sk_X509_num(chain) == 0)
    chain = SSL_get_peer_cert_chain(t->ssl);
  uint32_t k = 0;
  v8c_value o = cert_object(env, leaf);
  if (o) v8c_set_index(env, a, k++, o);
  for (int i = 0; o && chain && i < sk_X509_num(chain); i++) {
    X509 *x = sk_X509_value(chain, i);
    if (X509_cmp(x, leaf) == 0) continue;
    if (!(o = cert_object(env, x))) break;
    v8c_set_index(env, a, k++, o);
  }
  X509_free(leaf);
  if (o) v8c_return(c, a);
}

/* getCertificate(ssl) -> this side's own certificate, or undefined. */
static void js_get_certificate(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  tls_conn *t = arg_conn(c, 0);
  if (!t) return;
  X509 *x = SSL_get_certificate(t->ssl);
  if (!x) return;
  v8c_value o = cert_object(env, x);
  if (o) v8c_return(c, o);
}

/* ---- Module-wide ------------------------------------------------------ */

/* rootCertificates() -> the system's trusted roots as PEM strings. */
static void js_root_certificates(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  const char *file = getenv(X509_get_default_cert_file_env());
  if (!file) file = X509_get_default_cert_file();
  v8c_value a = v8c_array(env, 0);
  if (!a) return;
  BIO *in = BIO_new_file(file, "r");
  uint32_t k = 0;
  X509 *x;
  while (in && (x = PEM_read_bio_X509(in, NULL, pass_cb, NULL))) {
    BIO *out = BIO_new(BIO_s_mem());
    if (out && PEM_write_bio_X509(out, x) == 1)
      v8c_set_index(env, a, k++, bio_string(env, out));
    BIO_free(out);
    X509_free(x);
  }
  BIO_free(in);
  ERR_clear_error();
  v8c_return(c, a);
}

/* getCiphers() -> the names of the TLS ciphers, lower case. */
static void js_get_ciphers(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  SSL_CTX *ctx = SSL_CTX_new(TLS_method());
  SSL *ssl = ctx ? SSL_new(ctx) : NULL;
  if (!ssl) {
    SSL_CTX_free(ctx);
    nr__crypto_throw(env, "SSL_new failed");
    return;
  }
  STACK_OF(SSL_CIPHER) *list = SSL_get_ciphers(ssl);
  nr__name_list names = {0};
  for (int i = 0; i < sk_SSL_CIPHER_num(list); i++) {
    char name[128];
    snprintf(name, sizeof name, "%s",
             SSL_CIPHER_get_name(sk_SSL_CIPHER_value(list, i)));
    for (char *p = name; *p; p++)
      if (*p >= 'A' && *p <= 'Z') *p = (char)(*p + 32);
    nr__name_list_add(&names, name);
  }
  SSL_free(ssl);
  SSL_CTX_free(ctx);
  v8c_value a = nr__name_list_take(env, &names);
  if (a) v8c_return(c, a);
}

static const nr__method methods[] = {
    {"contextAddCA", js_context_add_ca},
    {"contextCreate", js_context_create},
    {"contextGetTicketKeys", js_context_get_ticket_keys},
    {"contextSetALPN", js_context_set_alpn},
    {"contextSetCert", js_context_set_cert},
    {"contextSetCiphers", js_context_set_ciphers},
    {"contextSetECDHCurve", js_context_set_ecdh_curve},
    {"contextSetKey", js_context_set_key},
    {"contextSetOptions", js_context_set_options},
    {"contextSetSessionIdContext", js_context_set_session_id_context},
    {"contextSetSigalgs", js_context_set_sigalgs},
    {"contextSetTicketKeys", js_context_set_ticket_keys},
    {"contextUseRoots", js_context_use_roots},
    {"create", js_create},
    {"cycle", js_cycle},
    {"exportKeyingMaterial", js_export_keying_material},
    {"free", js_free},
    {"getALPN", js_get_alpn},
    {"getCertificate", js_get_certificate},
    {"getCipher", js_get_cipher},
    {"getCiphers", js_get_ciphers},
    {"getEphemeralKeyInfo", js_get_ephemeral_key_info},
    {"getFinished", js_get_finished},
    {"getPeerCertificates", js_get_peer_certificates},
    {"getProtocol", js_get_protocol},
    {"getServername", js_get_servername},
    {"getSession", js_get_session},
    {"getSharedSigalgs", js_get_shared_sigalgs},
    {"getTLSTicket", js_get_tls_ticket},
    {"isSessionReused", js_is_session_reused},
    {"rootCertificates", js_root_certificates},
    {"setALPN", js_set_alpn},
    {"setContext", js_set_context},
    {"setMaxSendFragment", js_set_max_send_fragment},
    {"setServername", js_set_servername},
    {"setSession", js_set_session},
    {"setVerify", js_set_verify},
    {"shutdown", js_shutdown},
    {"verifyError", js_verify_error},
    {"write", js_write},
    {NULL, NULL},
};

static const nr__constant constants[] = {
    {"TLS1_VERSION", TLS1_VERSION},
    {"TLS1_1_VERSION", TLS1_1_VERSION},
    {"TLS1_2_VERSION", TLS1_2_VERSION},
    {"TLS1_3_VERSION", TLS1_3_VERSION},
    {"SSL_OP_CIPHER_SERVER_PREFERENCE", SSL_OP_CIPHER_SERVER_PREFERENCE},
    {"CYCLE_HANDSHAKE", CYCLE_HANDSHAKE},
    {"CYCLE_EOF", CYCLE_EOF},
    {"CYCLE_ERROR", CYCLE_ERROR},
    {"CYCLE_SNI", CYCLE_SNI},
    {"CYCLE_SESSION", CYCLE_SESSION},
    {NULL, 0},
};

bool nr__binding_tls_wrap(nr_runtime *rt, v8c_value target) {
  return nr__set_methods(rt->env, target, methods, NULL) &&
         nr__set_constants(rt->env, target, constants);
}
