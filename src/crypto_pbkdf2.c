/* crypto_pbkdf2.c — PBKDF2-HMAC (RFC 8018) for SHA-1 and SHA-2, used by
 * binding 'crypto_kdf' in place of OpenSSL's PKCS5_PBKDF2_HMAC (not a
 * binding itself).
 *
 * Why: OpenSSL 3's PBKDF2 runs every iteration through EVP_MAC and the
 * provider's HMAC, which duplicates two digest contexts (a malloc and a
 * free each) and makes a dozen indirect calls around two compressions of
 * one block. HMAC's inner and outer states after the key block never
 * change, so here they are computed once; an iteration then copies a plain
 * state struct and runs exactly one compression for the inner hash and
 * one for the outer, on blocks whose padding is written once too.
 *
 * The compressions are OpenSSL's own (SHA1_Transform, SHA256_Transform,
 * SHA512_Transform: the same assembly the EVP digests use, with SHA-NI or
 * AVX2 where the CPU has them). Those low-level functions are deprecated
 * in OpenSSL 3.0 but present in libcrypto, and EVP has no way to run one
 * compression on a saved state; so this file, and only this file,
 * silences the deprecation. */
#define OPENSSL_SUPPRESS_DEPRECATED 1

#include <stdint.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/obj_mac.h>
#include <openssl/sha.h>

#include "internal.h"

typedef union sha_state {
  SHA_CTX sha1;
  SHA256_CTX sha256;
  SHA512_CTX sha512;
} sha_state;

static void put32(uint8_t *p, uint32_t v) {
  p[0] = (uint8_t)(v >> 24);
  p[1] = (uint8_t)(v >> 16);
  p[2] = (uint8_t)(v >> 8);
  p[3] = (uint8_t)v;
}

static void put64(uint8_t *p, uint64_t v) {
  put32(p, (uint32_t)(v >> 32));
  put32(p + 4, (uint32_t)v);
}

static uint32_t get32(const uint8_t *p) {
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 |
         p[3];
}

static uint64_t get64(const uint8_t *p) {
  return (uint64_t)get32(p) << 32 | get32(p + 4);
}

/* The iterations 2..iter of one output block, for each family: u holds
 * U_1 (then U_j) and h the inner digest, each at the start of a block
 * that already holds its padding; t receives U_1 ^ ... ^ U_iter. The sum
 * is kept as state words so that no iteration reads back the bytes it
 * just stored. `words`: the digest's size in state words. */
static void sha1_iterate(const sha_state *in, const sha_state *out,
                         uint8_t *u, uint8_t *h, uint64_t iter, uint8_t *t) {
  SHA_CTX s;
  uint32_t sum[5];
  for (int i = 0; i < 5; i++) sum[i] = get32(u + 4 * i);
  for (uint64_t j = 1; j < iter; j++) {
    s = in->sha1;
    SHA1_Transform(&s, u);
    put32(h, s.h0), put32(h + 4, s.h1), put32(h + 8, s.h2);
    put32(h + 12, s.h3), put32(h + 16, s.h4);
    s = out->sha1;
    SHA1_Transform(&s, h);
    put32(u, s.h0), put32(u + 4, s.h1), put32(u + 8, s.h2);
    put32(u + 12, s.h3), put32(u + 16, s.h4);
    sum[0] ^= s.h0, sum[1] ^= s.h1, sum[2] ^= s.h2;
    sum[3] ^= s.h3, sum[4] ^= s.h4;
  }
  for (int i = 0; i < 5; i++) put32(t + 4 * i, sum[i]);
  OPENSSL_cleanse(&s, sizeof s);
  OPENSSL_cleanse(sum, sizeof sum);
}

static void sha256_iterate(const sha_state *in, const sha_state *out,
                           uint8_t *u, uint8_t *h, uint64_t iter, uint8_t *t,
                           int words) {
  SHA256_CTX s;
  uint32_t sum[8];
  for (int i = 0; i < words; i++) sum[i] = get32(u + 4 * i);
  for (uint64_t j = 1; j < iter; j++) {
    s = in->sha256;
    SHA256_Transform(&s, u);
    for (int i = 0; i < words; i++) put32(h + 4 * i, s.h[i]);
    s = out->sha256;
    SHA256_Transform(&s, h);
    for (int i = 0; i < words; i++) put32(u + 4 * i, s.h[i]);
    for (int i = 0; i < words; i++) sum[i] ^= s.h[i];
  }
  for (int i = 0; i < words; i++) put32(t + 4 * i, sum[i]);
  OPENSSL_cleanse(&s, sizeof s);
  OPENSSL_cleanse(sum, sizeof sum);
}

static void sha512_iterate(const sha_state *in, const sha_state *out,
                           uint8_t *u, uint8_t *h, uint64_t iter, uint8_t *t,
                           int words) {
  SHA512_CTX s;
  uint64_t sum[8];
  for (int i = 0; i < words; i++) sum[i] = get64(u + 8 * i);
  for (uint64_t j = 1; j < iter; j++) {
    s = in->sha512;
    SHA512_Transform(&s, u);
    for (int i = 0; i < words; i++) put64(h + 8 * i, s.h[i]);
    s = out->sha512;
    SHA512_Transform(&s, h);
    for (int i = 0; i < words; i++) put64(u + 8 * i, s.h[i]);
    for (int i = 0; i < words; i++) sum[i] ^= s.h[i];
  }
  for (int i = 0; i < words; i++) put64(t + 8 * i, sum[i]);
  OPENSSL_cleanse(&s, sizeof s);
  OPENSSL_cleanse(sum, sizeof sum);
}

/* One digest: its sizes, and the streaming functions used for the key
 * and for U_1 of each output block. */
typedef struct sha_kind {
  int nid;
  size_t out_len;   /* digest size */
  size_t block_len; /* compression block size */
  void (*init)(sha_state *s);
  void (*update)(sha_state *s, const void *p, size_t n);
  void (*final)(sha_state *s, uint8_t *out);
} sha_kind;

static void sha1_init(sha_state *s) { SHA1_Init(&s->sha1); }
static void sha1_update(sha_state *s, const void *p, size_t n) {
  SHA1_Update(&s->sha1, p, n);
}
static void sha1_final(sha_state *s, uint8_t *out) {
  SHA1_Final(out, &s->sha1);
}

static void sha224_init(sha_state *s) { SHA224_Init(&s->sha256); }
static void sha256_init(sha_state *s) { SHA256_Init(&s->sha256); }
static void sha256_update(sha_state *s, const void *p, size_t n) {
  SHA256_Update(&s->sha256, p, n);
}
/* SHA256_Final writes md_len bytes: 28 after SHA224_Init, 32 else. */
static void sha256_final(sha_state *s, uint8_t *out) {
  SHA256_Final(out, &s->sha256);
}

static void sha384_init(sha_state *s) { SHA384_Init(&s->sha512); }
static void sha512_init(sha_state *s) { SHA512_Init(&s->sha512); }
static void sha512_update(sha_state *s, const void *p, size_t n) {
  SHA512_Update(&s->sha512, p, n);
}
/* SHA512_Final writes md_len bytes: 48 after SHA384_Init, 64 else. */
static void sha512_final(sha_state *s, uint8_t *out) {
  SHA512_Final(out, &s->sha512);
}

static const sha_kind kinds[] = {
    {NID_sha1, 20, 64, sha1_init, sha1_update, sha1_final},
    {NID_sha224, 28, 64, sha224_init, sha256_update, sha256_final},
    {NID_sha256, 32, 64, sha256_init, sha256_update, sha256_final},
    {NID_sha384, 48, 128, sha384_init, sha512_update, sha512_final},
    {NID_sha512, 64, 128, sha512_init, sha512_update, sha512_final},
};

/* The largest block and digest of the kinds above. */
#define MAX_BLOCK 128
#define MAX_OUT 64

/* A block holding a digest-sized message part at its start and the
 * padding of a message of block_len + out_len bytes after it: the one
 * block every iteration compresses, for the inner and the outer hash
 * alike (each hashes a key block and then one digest). The bit count
 * ends the block (SHA-384/512's is 16 bytes; its high half stays 0). */
static void padded_block(const sha_kind *k, uint8_t *b) {
  memset(b, 0, k->block_len);
  b[k->out_len] = 0x80;
  put64(b + k->block_len - 8, (uint64_t)(k->block_len + k->out_len) * 8);
}

int nr__crypto_pbkdf2_sha(int nid, const uint8_t *pass,
                          size_t pass_len, const uint8_t *salt,
                          size_t salt_len, uint64_t iter, uint8_t *out,
                          size_t out_len) {
  const sha_kind *k = NULL;
  for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
    if (kinds[i].nid == nid) k = &kinds[i];
  if (!k) return UV_ENOTSUP;

  /* HMAC's key block: the password, or its digest when longer than a
   * block, padded with zeros; then the states after the key block
   * xor'ed with ipad (inner) and with opad (outer). */
  uint8_t key[MAX_BLOCK] = {0}, pad[MAX_BLOCK];
  sha_state inner, outer, s;
  if (pass_len > k->block_len) {
    k->init(&s);
    k->update(&s, pass, pass_len);
    k->final(&s, key);
  } else if (pass_len) {
    memcpy(key, pass, pass_len);
  }
  for (size_t i = 0; i < k->block_len; i++) pad[i] = key[i] ^ 0x36;
  k->init(&inner);
  k->update(&inner, pad, k->block_len);
  for (size_t i = 0; i < k->block_len; i++) pad[i] = key[i] ^ 0x5c;
  k->init(&outer);
  k->update(&outer, pad, k->block_len);

  /* u: U_j at its start, padded for the inner compression; h: the inner
   * digest, padded for the outer one. */
  uint8_t u[MAX_BLOCK], h[MAX_BLOCK], t[MAX_OUT];
  padded_block(k, u);
  padded_block(k, h);
  for (uint32_t n = 1; out_len; n++) {
    /* U_1 = HMAC(password, salt || INT(n)), through the streaming
     * functions: the salt has any length. */
    uint8_t be[4];
    put32(be, n);
    s = inner;
    k->update(&s, salt, salt_len);
    k->update(&s, be, 4);
    k->final(&s, h);
    s = outer;
    k->update(&s, h, k->out_len);
    k->final(&s, u);
    /* final() wrote only the digest, so both blocks keep their padding. */
    if (k->block_len == 128)
      sha512_iterate(&inner, &outer, u, h, iter, t, (int)k->out_len / 8);
    else if (k->out_len == 20)
      sha1_iterate(&inner, &outer, u, h, iter, t);
    else
      sha256_iterate(&inner, &outer, u, h, iter, t, (int)k->out_len / 4);
    size_t take = out_len < k->out_len ? out_len : k->out_len;
    memcpy(out, t, take);
    out += take;
    out_len -= take;
  }

  /* Everything above derives from the password. */
  OPENSSL_cleanse(key, sizeof key);
  OPENSSL_cleanse(pad, sizeof pad);
  OPENSSL_cleanse(&inner, sizeof inner);
  OPENSSL_cleanse(&outer, sizeof outer);
  OPENSSL_cleanse(&s, sizeof s);
  OPENSSL_cleanse(u, sizeof u);
  OPENSSL_cleanse(h, sizeof h);
  OPENSSL_cleanse(t, sizeof t);
  return 0;
}
