/* crypto_cipher.c — binding 'crypto_cipher': symmetric ciphers (EVP_CIPHER)
 * as wrapped OpenSSL contexts, with the authenticated modes (GCM, CCM, OCB,
 * ChaCha20-Poly1305). lib/internal/crypto/cipher.js builds Node's Cipheriv
 * and Decipheriv on them; the state rules Node enforces (when setAAD,
 * setAuthTag, getAuthTag and setAutoPadding may be called) are kept here,
 * next to the context they protect. */
#include <stdlib.h>
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>

#include "internal.h"

static const int cipher_tag = 0;

typedef enum cipher_state {
  ST_INIT,     /* made; no data yet */
  ST_UPDATED,  /* update() was called */
  ST_FINAL     /* final() was called: the context is spent */
} cipher_state;

typedef struct cipher {
  EVP_CIPHER_CTX *ctx;
  bool encrypt;
  int mode;              /* EVP_CIPH_*_MODE */
  bool aead;             /* GCM, CCM, OCB or ChaCha20-Poly1305 */
  int tag_len;           /* the auth tag length, or -1 until known */
  uint8_t tag[16];       /* encrypt: after final; decrypt: set by JS */
  bool tag_set;          /* decrypt: setAuthTag was called */
  bool tag_ready;        /* encrypt: final made the tag */
  bool ccm_len_set;      /* CCM: the message length went to OpenSSL */
  bool auth_failed;      /* CCM: update failed to authenticate */
  size_t iv_len;
  cipher_state state;
} cipher;

static void cipher_fin(void *ptr, void *hint) {
  (void)hint;
  cipher *x = ptr;
  EVP_CIPHER_CTX_free(x->ctx);
  free(x);
}

static bool is_chacha_poly(const EVP_CIPHER *c) {
  return EVP_CIPHER_get_nid(c) == NID_chacha20_poly1305;
}

/* Node's errors, as its native layer throws them (no [code] in the
 * name). */
static void throw_coded(v8c_env *env, v8c_error_kind kind, const char *code,
                        const char *msg) {
  v8c_value e = v8c_error(env, kind, code, msg);
  if (e) v8c_throw(env, e);
}

static void throw_bad_tag_len(v8c_env *env, int64_t len) {
  v8c_throw_error(env, V8C_TYPE_ERROR, "ERR_CRYPTO_INVALID_AUTH_TAG",
                  "Invalid authentication tag length: %lld", (long long)len);
}

/* Tag lengths each mode allows: GCM 4, 8 and 12-16; CCM even 4-16; OCB
 * and ChaCha20-Poly1305 1-16. */
static bool tag_len_ok(const cipher *x, const EVP_CIPHER *c, int64_t len) {
  if (x->mode == EVP_CIPH_GCM_MODE)
    return len == 4 || len == 8 || (len >= 12 && len <= 16);
  if (x->mode == EVP_CIPH_CCM_MODE)
    return len >= 4 && len <= 16 && len % 2 == 0;
  (void)c;
  return len >= 1 && len <= 16;
}

/* IV lengths: the cipher's own, or any the AEAD mode takes. */
static bool iv_len_ok(const cipher *x, const EVP_CIPHER *c, size_t len) {
  if (x->mode == EVP_CIPH_GCM_MODE) return len > 0;
  if (x->mode == EVP_CIPH_CCM_MODE) return len >= 7 && len <= 13;
  if (x->mode == EVP_CIPH_OCB_MODE) return len >= 1 && len <= 15;
  if (is_chacha_poly(c)) return len >= 1 && len <= 12;
  return len == (size_t)EVP_CIPHER_get_iv_length(c);
}

/* cipherNew(name, key, iv|null, encrypt, authTagLength|-1) -> handle */
static void js_cipher_new(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  const uint8_t *key, *iv = NULL;
  size_t key_len, iv_len = 0;
  int64_t tag_len;
  char *name = nr__arg_string(c, 0, "cipher");
  if (!name) return;
  EVP_CIPHER *ciph = EVP_CIPHER_fetch(NULL, name, NULL);
  ERR_clear_error();
  if (!nr__crypto_arg_bytes(c, 1, "key", &key, &key_len) ||
      (!v8c_is(v8c_arg(c, 2), V8C_NULL) &&
       !nr__crypto_arg_bytes(c, 2, "iv", &iv, &iv_len)) ||
      !nr__arg_int(c, 4, "authTagLength", -1, 4294967295, &tag_len)) {
    EVP_CIPHER_free(ciph);
    free(name);
    return;
  }
  if (!ciph) {
    throw_coded(env, V8C_ERROR, "ERR_CRYPTO_UNKNOWN_CIPHER", "Unknown cipher");
    free(name);
    return;
  }
  cipher *x = calloc(1, sizeof *x);
  if (!x || !(x->ctx = EVP_CIPHER_CTX_new())) {
    EVP_CIPHER_free(ciph);
    free(name);
    if (x) cipher_fin(x, NULL);
    nr__crypto_throw(env, "Failed to allocate memory");
    return;
  }
  x->encrypt = v8c_to_bool(env, v8c_arg(c, 3));
  x->mode = EVP_CIPHER_get_mode(ciph);
  x->aead = (EVP_CIPHER_get_flags(ciph) & EVP_CIPH_FLAG_AEAD_CIPHER) != 0;
  x->tag_len = -1;
  x->iv_len = iv_len;
  const char *fail = NULL;
  v8c_error_kind kind = V8C_TYPE_ERROR;
  const char *code = NULL;
  int expect_iv = EVP_CIPHER_get_iv_length(ciph);
  /* A cipher without an IV (ECB) takes null or an empty one. */
  if ((iv || expect_iv > 0) && !iv_len_ok(x, ciph, iv_len) &&
      !(expect_iv == 0 && iv_len == 0)) {
    fail = "Invalid initialization vector";
    code = "ERR_CRYPTO_INVALID_IV";
  } else if (!iv && expect_iv > 0) {
    fail = "Invalid initialization vector";
    code = "ERR_CRYPTO_INVALID_IV";
  }
  if (!fail && x->aead) {
    if (tag_len >= 0 && !tag_len_ok(x, ciph, tag_len)) {
      throw_bad_tag_len(env, tag_len);
      goto out;
    }
    if (tag_len < 0 && (x->mode == EVP_CIPH_CCM_MODE ||
                        x->mode == EVP_CIPH_OCB_MODE)) {
      v8c_throw_error(env, V8C_TYPE_ERROR, "ERR_CRYPTO_INVALID_AUTH_TAG",
                      "authTagLength required for %s", name);
      goto out;
    }
    x->tag_len = tag_len >= 0 ? (int)tag_len : 16;
  }
  if (!fail) {
    int enc = x->encrypt ? 1 : 0;
    bool ok = EVP_CipherInit_ex(x->ctx, ciph, NULL, NULL, NULL, enc) == 1;
    /* Always: a CCM context's own default (7) differs from the length
     * the cipher reports (12). */
    if (ok && x->aead)
      ok = EVP_CIPHER_CTX_ctrl(x->ctx, EVP_CTRL_AEAD_SET_IVLEN, (int)iv_len,
                               NULL) == 1;
    /* CCM and OCB fix the tag length before the key goes in. */
    if (ok && (x->mode == EVP_CIPH_CCM_MODE || x->mode == EVP_CIPH_OCB_MODE))
      ok = EVP_CIPHER_CTX_ctrl(x->ctx, EVP_CTRL_AEAD_SET_TAG, x->tag_len,
                               NULL) == 1;
    if (ok && key_len != (size_t)EVP_CIPHER_get_key_length(ciph) &&
        EVP_CIPHER_CTX_set_key_length(x->ctx, (int)key_len) != 1) {
      ERR_clear_error();
      fail = "Invalid key length";
      kind = V8C_RANGE_ERROR;
      code = "ERR_CRYPTO_INVALID_KEYLEN";
    } else if (ok) {
      ok = EVP_CipherInit_ex(x->ctx, NULL, NULL, key, iv, enc) == 1;
    }
    if (!ok && !fail) {
      nr__crypto_throw(env, "Failed to initialize cipher");
      goto out;
    }
  }
  if (fail) {
    v8c_value e = v8c_error(env, kind, code, fail);
    if (e) v8c_throw(env, e);
    goto out;
  }
  EVP_CIPHER_free(ciph);
  free(name);
  v8c_value o = v8c_wrap(env, &cipher_tag, x, cipher_fin, NULL);
  if (!o) cipher_fin(x, NULL);
  else v8c_return(c, o);
  return;
out:
  EVP_CIPHER_free(ciph);
  free(name);
  cipher_fin(x, NULL);
}

static cipher *arg_cipher(v8c_call *c) {
  cipher *x = v8c_unwrap(v8c_call_env(c), v8c_arg(c, 0), &cipher_tag);
  if (!x) nr__throw_arg_type(v8c_call_env(c), "cipher", "Cipher handle");
  return x;
}

static void throw_state(v8c_env *env, const char *op) {
  v8c_throw_error(env, V8C_ERROR, "ERR_CRYPTO_INVALID_STATE",
                  "Invalid state for operation %s", op);
}

/* CCM's length field has 15 - ivLength bytes: longer messages cannot be
 * encrypted. Throws Node's error. */
static bool ccm_len_ok(v8c_env *env, const cipher *x, size_t len) {
  size_t bits = 8 * (15 - x->iv_len);
  if (bits >= 8 * sizeof(size_t) || len <= ((size_t)1 << bits) - 1)
    return true;
  v8c_value e = v8c_error(env, V8C_RANGE_ERROR, "ERR_CRYPTO_INVALID_MESSAGELEN",
                          "Invalid message length");
  if (e) v8c_throw(env, e);
  return false;
}

/* CCM needs the whole message length before any AAD or data. */
static bool ccm_set_len(cipher *x, size_t len) {
  int n;
  if (x->ccm_len_set) return true;
  x->ccm_len_set = true;
  return EVP_CipherUpdate(x->ctx, NULL, &n, NULL, (int)len) == 1;
}

/* cipherUpdate(handle, bytes) -> ArrayBuffer or Uint8Array */
static void js_cipher_update(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  const uint8_t *data;
  size_t len;
  cipher *x = arg_cipher(c);
  if (!x || !nr__crypto_arg_bytes(c, 1, "data", &data, &len)) return;
  /* OpenSSL counts in ints: the output (input plus a block) must fit. */
  if (x->state == ST_FINAL ||
      len > (size_t)INT32_MAX - EVP_MAX_BLOCK_LENGTH) {
    v8c_throw_error(env, V8C_ERROR, NULL,
                    "Trying to add data in unsupported state");
    return;
  }
  if (x->mode == EVP_CIPH_CCM_MODE && !x->encrypt && !x->tag_set) {
    /* OpenSSL needs the expected tag before CCM decrypts anything. */
    v8c_throw_error(env, V8C_ERROR, NULL,
                    "Trying to add data in unsupported state");
    return;
  }
  if (x->mode == EVP_CIPH_CCM_MODE && !ccm_len_ok(env, x, len)) return;
  x->state = ST_UPDATED;
  /* The output goes straight into a fresh ArrayBuffer that JS will own,
   * not zeroed first (that took a sixth of the CPU time of AES-GCM in
   * 64 KiB updates); bytes past the output are zeroed after. A cipher of
   * block size 1 (GCM, CTR, ChaCha20...) puts out exactly what goes in,
   * so its buffer has just that size, as in Node; others get room for
   * what a block (or a key wrap's padding and IV) adds. */
  size_t cap = len;
  if (EVP_CIPHER_CTX_get_block_size(x->ctx) != 1 ||
      x->mode == EVP_CIPH_WRAP_MODE)
    cap += 2 * EVP_MAX_BLOCK_LENGTH;
  void *mem;
  v8c_value ab = v8c_arraybuffer_uninit(env, cap, &mem);
  if (!ab) return;
  /* Never NULL either: an AEAD cipher takes a NULL output for AAD. */
  uint8_t none[1];
  uint8_t *out = cap ? mem : none;
  int n = 0;
  bool ok = true;
  if (x->mode == EVP_CIPH_CCM_MODE) ok = ccm_set_len(x, len);
  /* Never NULL: with no input pointer, OpenSSL takes a CCM update for
   * AAD or the length, not for (empty) data. */
  static const uint8_t empty[1];
  if (ok)
    ok = EVP_CipherUpdate(x->ctx, out, &n, len ? data : empty, (int)len) == 1;
  if (!ok) {
    if (x->mode == EVP_CIPH_CCM_MODE && !x->encrypt) {
      /* A CCM message that fails to authenticate yields nothing; final()
       * reports it. */
      ERR_clear_error();
      x->auth_failed = true;
      n = 0;
    } else {
      nr__crypto_throw(env, "Trying to add data in unsupported state");
      return;
    }
  }
  /* An output that fills its buffer is returned as that ArrayBuffer: one
   * object less to make per update (JS wraps either in a Buffer). */
  if ((size_t)n == cap) {
    v8c_return(c, ab);
    return;
  }
  memset(out + n, 0, cap - (size_t)n);
  v8c_value view = v8c_uint8array(env, ab, 0, (size_t)n);
  if (view) v8c_return(c, view);
}

/* cipherFinal(handle) -> ArrayBuffer; throws when a padded block or an
 * authenticated message does not check out. */
static void js_cipher_final(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  cipher *x = arg_cipher(c);
  if (!x) return;
  if (x->state == ST_FINAL) {
    throw_coded(env, V8C_ERROR, "ERR_CRYPTO_INVALID_STATE", "Invalid state");
    return;
  }
  x->state = ST_FINAL;
  uint8_t out[EVP_MAX_BLOCK_LENGTH];
  int n = 0;
  bool ok;
  if (x->mode == EVP_CIPH_CCM_MODE && x->encrypt) {
    /* A CCM message never updated has no tag: OpenSSL says so ("tag not
     * set"), and so does Node. */
    if (EVP_CipherFinal_ex(x->ctx, out, &n) != 1) {
      nr__crypto_throw(env, "Unsupported state");
      return;
    }
    ok = true;
  } else if (x->mode == EVP_CIPH_CCM_MODE) {
    /* CCM decryption authenticated (or not) in update. */
    ok = !x->auth_failed && x->tag_set && x->ccm_len_set;
  } else if (x->aead && !x->encrypt && !x->tag_set) {
    ok = false; /* nothing to authenticate against */
  } else {
    ok = EVP_CipherFinal_ex(x->ctx, out, &n) == 1;
  }
  if (!ok) {
    if (x->aead) {
      ERR_clear_error();
      v8c_throw_error(env, V8C_ERROR, NULL,
                      "Unsupported state or unable to authenticate data");
    } else {
      nr__crypto_throw(env, "Unsupported state");
    }
    return;
  }
  if (x->aead && x->encrypt) {
    if (EVP_CIPHER_CTX_ctrl(x->ctx, EVP_CTRL_AEAD_GET_TAG, x->tag_len,
                            x->tag) != 1) {
      nr__crypto_throw(env, "Failed to get the authentication tag");
      return;
    }
    x->tag_ready = true;
  }
  uint8_t *copy = malloc(n ? (size_t)n : 1);
  if (!copy) {
    nr__crypto_throw(env, "Failed to allocate memory");
    return;
  }
  memcpy(copy, out, (size_t)n);
  v8c_value ab = nr__crypto_take_bytes(env, copy, (size_t)n);
  if (ab) v8c_return(c, ab);
}

/* cipherSetAutoPadding(handle, bool) */
static void js_cipher_set_auto_padding(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  cipher *x = arg_cipher(c);
  if (!x) return;
  if (x->state == ST_FINAL) {
    throw_state(env, "setAutoPadding");
    return;
  }
  EVP_CIPHER_CTX_set_padding(x->ctx, v8c_to_bool(env, v8c_arg(c, 1)));
}

/* cipherSetAAD(handle, bytes, plaintextLength|-1) */
static void js_cipher_set_aad(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  const uint8_t *data;
  size_t len;
  int64_t plain_len;
  cipher *x = arg_cipher(c);
  if (!x || !nr__crypto_arg_bytes(c, 1, "buffer", &data, &len) ||
      !nr__arg_int(c, 2, "plaintextLength", -1, INT32_MAX, &plain_len))
    return;
  if (!x->aead || x->state != ST_INIT || len > INT32_MAX) {
    throw_state(env, "setAAD");
    return;
  }
  if (x->mode == EVP_CIPH_CCM_MODE) {
    if (plain_len < 0) {
      v8c_throw_error(env, V8C_TYPE_ERROR, "ERR_MISSING_ARGS",
                      "options.plaintextLength required for CCM mode with "
                      "AAD");
      return;
    }
    if (!ccm_len_ok(env, x, (size_t)plain_len)) return;
    if (!ccm_set_len(x, (size_t)plain_len)) {
      nr__crypto_throw(env, "Invalid state for operation setAAD");
      return;
    }
  }
  /* Empty AAD adds nothing; passed on, a NULL pointer would read as
   * CCM's length call. */
  int n;
  if (len && EVP_CipherUpdate(x->ctx, NULL, &n, data, (int)len) != 1)
    nr__crypto_throw(env, "Invalid state for operation setAAD");
}

/* cipherGetAuthTag(handle) -> ArrayBuffer (encrypt, after final) */
static void js_cipher_get_auth_tag(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  cipher *x = arg_cipher(c);
  if (!x) return;
  if (!x->encrypt || !x->tag_ready) {
    throw_state(env, "getAuthTag");
    return;
  }
  uint8_t *out = malloc((size_t)x->tag_len);
  if (!out) {
    nr__crypto_throw(env, "Failed to allocate memory");
    return;
  }
  memcpy(out, x->tag, (size_t)x->tag_len);
  v8c_value ab = nr__crypto_take_bytes(env, out, (size_t)x->tag_len);
  if (ab) v8c_return(c, ab);
}

/* cipherSetAuthTag(handle, bytes, fixedLength) (decrypt, once, before
 * final); fixedLength: authTagLength was given, the tag must match it. */
static void js_cipher_set_auth_tag(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  const uint8_t *tag;
  size_t len;
  cipher *x = arg_cipher(c);
  if (!x || !nr__crypto_arg_bytes(c, 1, "buffer", &tag, &len)) return;
  if (!x->aead || x->encrypt || x->tag_set || x->state == ST_FINAL) {
    throw_state(env, "setAuthTag");
    return;
  }
  bool fixed = v8c_to_bool(env, v8c_arg(c, 2)) ||
               x->mode == EVP_CIPH_CCM_MODE || x->mode == EVP_CIPH_OCB_MODE;
  const EVP_CIPHER *ciph = EVP_CIPHER_CTX_get0_cipher(x->ctx);
  if (len > 16 || !tag_len_ok(x, ciph, (int64_t)len) ||
      (fixed && (int)len != x->tag_len)) {
    throw_bad_tag_len(env, (int64_t)len);
    return;
  }
  x->tag_len = (int)len;
  memcpy(x->tag, tag, len);
  x->tag_set = true;
  if (EVP_CIPHER_CTX_ctrl(x->ctx, EVP_CTRL_AEAD_SET_TAG, (int)len,
                          x->tag) != 1)
    nr__crypto_throw(env, "Invalid state for operation setAuthTag");
}

/* bytesToKey(cipher, password) -> [key, iv]: the key and IV the old
 * createCipher(cipher, password) derives (OpenSSL's EVP_BytesToKey with
 * MD5, one round, no salt). */
static void js_bytes_to_key(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  const uint8_t *pass;
  size_t pass_len;
  char *name = nr__arg_string(c, 0, "cipher");
  if (!name) return;
  const EVP_CIPHER *ciph = EVP_get_cipherbyname(name);
  free(name);
  if (!nr__crypto_arg_bytes(c, 1, "password", &pass, &pass_len)) return;
  if (!ciph) {
    throw_coded(env, V8C_ERROR, "ERR_CRYPTO_UNKNOWN_CIPHER", "Unknown cipher");
    return;
  }
  if (pass_len > INT32_MAX) {
    nr__crypto_throw(env, "Invalid password");
    return;
  }
  uint8_t key[EVP_MAX_KEY_LENGTH], iv[EVP_MAX_IV_LENGTH];
  int key_len = EVP_BytesToKey(ciph, EVP_md5(), NULL, pass, (int)pass_len, 1,
                               key, iv);
  if (key_len <= 0) {
    nr__crypto_throw(env, "Failed to derive the key");
    return;
  }
  size_t iv_len = (size_t)EVP_CIPHER_get_iv_length(ciph);
  uint8_t *k = malloc((size_t)key_len), *i = malloc(iv_len ? iv_len : 1);
  if (!k || !i) {
    free(k);
    free(i);
    nr__crypto_throw(env, "Failed to allocate memory");
    return;
  }
  memcpy(k, key, (size_t)key_len);
  memcpy(i, iv, iv_len);
  OPENSSL_cleanse(key, sizeof key);
  v8c_value kv = nr__crypto_take_bytes(env, k, (size_t)key_len);
  v8c_value iv_v = kv ? nr__crypto_take_bytes(env, i, iv_len) : (free(i), NULL);
  v8c_value arr = iv_v ? v8c_array(env, 2) : NULL;
  if (arr && v8c_set_index(env, arr, 0, kv) && v8c_set_index(env, arr, 1, iv_v))
    v8c_return(c, arr);
}

/* ---- getCiphers / getCipherInfo ------------------------------------- */

/* Names that fetch to a working implementation (the legacy-only ones such
 * as "bf-cbc" do not without the legacy provider). */
static void each_cipher(const EVP_CIPHER *ciph, const char *from,
                        const char *to, void *arg) {
  (void)to;
  const EVP_CIPHER *m = ciph ? ciph : EVP_get_cipherbyname(from);
  if (!m) return;
  EVP_CIPHER *fetched = EVP_CIPHER_fetch(NULL, EVP_CIPHER_get0_name(m), NULL);
  if (!fetched) {
    ERR_clear_error();
    return;
  }
  EVP_CIPHER_free(fetched);
  nr__name_list_add(arg, from);
}

/* getCiphers() -> the sorted names, without upper-case duplicates. */
static void js_get_ciphers(v8c_call *c) {
  nr__name_list l = {0};
  EVP_CIPHER_do_all_sorted(each_cipher, &l);
  v8c_value arr = nr__name_list_take(v8c_call_env(c), &l);
  if (arr) v8c_return(c, arr);
}

static const char *mode_name(int mode) {
  switch (mode) {
    case EVP_CIPH_CBC_MODE: return "cbc";
    case EVP_CIPH_CCM_MODE: return "ccm";
    case EVP_CIPH_CFB_MODE: return "cfb";
    case EVP_CIPH_CTR_MODE: return "ctr";
    case EVP_CIPH_ECB_MODE: return "ecb";
    case EVP_CIPH_GCM_MODE: return "gcm";
    case EVP_CIPH_OCB_MODE: return "ocb";
    case EVP_CIPH_OFB_MODE: return "ofb";
    case EVP_CIPH_STREAM_CIPHER: return "stream";
    case EVP_CIPH_WRAP_MODE: return "wrap";
    case EVP_CIPH_XTS_MODE: return "xts";
    default: return NULL;
  }
}

/* getCipherInfo(nameOrNid) -> { name, nid, blockSize, ivLength,
 * keyLength, mode } or undefined. */
static void js_get_cipher_info(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_value a = v8c_arg(c, 0);
  const EVP_CIPHER *ciph = NULL;
  if (v8c_is(a, V8C_STRING)) {
    char *name = v8c_to_utf8(env, a, NULL);
    if (!name) return;
    ciph = EVP_get_cipherbyname(name);
    free(name);
  } else if (v8c_is(a, V8C_INT32)) {
    ciph = EVP_get_cipherbynid((int)v8c_value_int64(a));
  }
  if (!ciph) return;
  EVP_CIPHER *fetched = EVP_CIPHER_fetch(NULL, EVP_CIPHER_get0_name(ciph),
                                         NULL);
  ERR_clear_error();
  if (!fetched) return;
  EVP_CIPHER_free(fetched);
  v8c_value o = v8c_object(env);
  if (!o) return;
  int nid = EVP_CIPHER_get_nid(ciph);
  const char *mode = mode_name(EVP_CIPHER_get_mode(ciph));
  /* Node reports the short name in lower case. */
  char lname[80];
  snprintf(lname, sizeof lname, "%s", OBJ_nid2sn(nid));
  for (char *p = lname; *p; p++)
    if (*p >= 'A' && *p <= 'Z') *p = (char)(*p - 'A' + 'a');
  if ((mode && !v8c_set_named(env, o, "mode", v8c_string(env, mode, -1))) ||
      !v8c_set_named(env, o, "name", v8c_string(env, lname, -1)) ||
      !v8c_set_named(env, o, "nid", v8c_int32(env, nid)) ||
      (EVP_CIPHER_get_mode(ciph) != EVP_CIPH_STREAM_CIPHER &&
       !v8c_set_named(env, o, "blockSize",
                      v8c_int32(env, EVP_CIPHER_get_block_size(ciph)))) ||
      (EVP_CIPHER_get_iv_length(ciph) &&
       !v8c_set_named(env, o, "ivLength",
                      v8c_int32(env, EVP_CIPHER_get_iv_length(ciph)))) ||
      !v8c_set_named(env, o, "keyLength",
                     v8c_int32(env, EVP_CIPHER_get_key_length(ciph))))
    return;
  v8c_return(c, o);
}

bool nr__binding_crypto_cipher(nr_runtime *rt, v8c_value target) {
  static const nr__method methods[] = {
      {"bytesToKey", js_bytes_to_key},
      {"cipherFinal", js_cipher_final},
      {"cipherGetAuthTag", js_cipher_get_auth_tag},
      {"cipherNew", js_cipher_new},
      {"cipherSetAAD", js_cipher_set_aad},
      {"cipherSetAuthTag", js_cipher_set_auth_tag},
      {"cipherSetAutoPadding", js_cipher_set_auto_padding},
      {"cipherUpdate", js_cipher_update},
      {"getCipherInfo", js_get_cipher_info},
      {"getCiphers", js_get_ciphers},
      {NULL, NULL}};
  return nr__set_methods(rt->env, target, methods, NULL);
}
