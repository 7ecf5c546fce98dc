/* buffer.c — binding 'buffer': the byte work behind lib/buffer.js and
 * lib/string_decoder.js.
 *
 * Strings become bytes (write, fill, indexOfString) and bytes become
 * strings (decode) in the encodings Buffer knows; the encoding is passed as
 * a small integer (the k* constants of this binding). Comparison, search and
 * fill work on the bytes of any ArrayBufferView.
 *
 * lib/buffer.js checks arguments and throws Node's errors for users; the
 * natives check again, because anything may call them with anything: every
 * offset is bounded against the view's current length (zero once its
 * buffer is detached), so no call reads or writes outside the view.
 */
#define _GNU_SOURCE  /* memmem, memrchr */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#if defined(__x86_64__)
#include <immintrin.h>

/* The SIMD paths below are compiled for their instruction sets and taken
 * only where the CPU has them (SSE2 is part of x86-64 itself). */
static bool have_ssse3(void) {
  static int known = -1;
  if (known < 0) known = __builtin_cpu_supports("ssse3") ? 1 : 0;
  return known;
}

static bool have_avx2(void) {
  static int known = -1;
  if (known < 0) known = __builtin_cpu_supports("avx2") ? 1 : 0;
  return known;
}
#endif

enum {
  ENC_UTF8 = 0,
  ENC_UCS2 = 1,
  ENC_LATIN1 = 2,
  ENC_ASCII = 3,
  ENC_BASE64 = 4,
  ENC_BASE64URL = 5,
  ENC_HEX = 6,
  ENC_COUNT = 7
};

/* V8's limit on the length of a string (2 ** 29 - 24 on 64-bit hosts). */
#define MAX_STRING_LENGTH ((size_t)536870888)
/* Node's limit on the size of a Buffer (2 ** 32). */
#define MAX_LENGTH ((int64_t)4294967296LL)

/* ---- Arguments -------------------------------------------------------- */

/* The bytes of the view in argument i; throws ERR_INVALID_ARG_TYPE when it
 * is not an ArrayBufferView. A detached view has length 0. */
static bool arg_view(v8c_call *c, int i, const char *name, uint8_t **data,
                     size_t *len) {
  v8c_value v = v8c_arg(c, i);
  void *p = NULL;
  if (!v8c_is(v, V8C_ARRAY_BUFFER_VIEW) || !v8c_bytes(v, &p, len)) {
    v8c_throw_error(v8c_call_env(c), V8C_TYPE_ERROR, "ERR_INVALID_ARG_TYPE",
                    "The \"%s\" argument must be an instance of Buffer or "
                    "Uint8Array.", name);
    return false;
  }
  if (!p) *len = 0;
  *data = p;
  return true;
}

static bool arg_encoding(v8c_call *c, int i, int *enc) {
  int64_t e;
  if (!nr__arg_int(c, i, "encoding", 0, ENC_COUNT - 1, &e)) return false;
  *enc = (int)e;
  return true;
}

/* An index argument in [min, max]. Search offsets may be any integer (they
 * count from the end when negative), so those use a wide range. */
static bool arg_index(v8c_call *c, int i, const char *name, int64_t min,
                      int64_t max, int64_t *out) {
  return nr__arg_int(c, i, name, min, max, out);
}

static v8c_value throw_oom(v8c_env *env) {
  return v8c_throw_error(env, V8C_RANGE_ERROR, "ERR_MEMORY_ALLOCATION_FAILED",
                         "Failed to allocate memory");
}

static v8c_value throw_too_long(v8c_env *env) {
  return v8c_throw_error(env, V8C_ERROR, "ERR_STRING_TOO_LONG",
                         "Cannot create a string longer than 0x1fffffe8 "
                         "characters");
}

/* ---- Strings as UTF-16 ------------------------------------------------ */

/* The UTF-16 units of a string as a malloc'd array (*n units), or NULL
 * with an exception pending. */
static uint16_t *string_units(v8c_env *env, v8c_value str, size_t *n) {
  size_t len = v8c_string_length(str);
  uint16_t *out = malloc((len + 1) * sizeof *out);
  if (!out) return throw_oom(env), NULL;
  *n = v8c_string_write_utf16(env, str, out, 0, len);
  return out;
}

/* ---- One-byte strings as UTF-8 ----------------------------------------- */

/* Strings are read CHUNK units at a time into a stack buffer: no heap copy
 * of a large string, and each piece is still in L1 when it is used. Even,
 * so that hex pairs never straddle two pieces. */
#define CHUNK 8192

/* How many bytes of s[0..n) are 0x80 or above. */
static size_t count_high(const uint8_t *s, size_t n) {
  size_t count = 0, i = 0;
#if defined(__x86_64__)
  /* Per-byte counters (a byte >= 0x80 compares below zero, giving -1) are
   * summed into 64-bit lanes before they can wrap. */
  const __m128i zero = _mm_setzero_si128();
  while (n - i >= 16) {
    __m128i acc = zero;
    size_t end = n - i >= 255 * 16 ? i + 255 * 16 : i + (n - i) / 16 * 16;
    for (; i < end; i += 16) {
      __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
      acc = _mm_sub_epi8(acc, _mm_cmplt_epi8(v, zero));
    }
    __m128i sums = _mm_sad_epu8(acc, zero);
    count += (size_t)_mm_cvtsi128_si64(sums) +
             (size_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums));
  }
#endif
  for (; n - i >= 8; i += 8) {
    uint64_t w;
    memcpy(&w, s + i, 8);
    w = (w >> 7) & UINT64_C(0x0101010101010101);
    count += (size_t)((w * UINT64_C(0x0101010101010101)) >> 56);
  }
  for (; i < n; i++) count += s[i] >> 7;
  return count;
}

/* Latin-1 s[0..n) as UTF-8 at out (up to 2n bytes); returns the end.
 * Runs of ASCII are copied 16 (or 8) bytes a step. */
static uint8_t *latin1_to_utf8(const uint8_t *s, size_t n, uint8_t *out) {
  size_t i = 0;
  while (i < n) {
#if defined(__x86_64__)
    while (n - i >= 16) {
      __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
      if (_mm_movemask_epi8(v)) break;
      _mm_storeu_si128((__m128i *)out, v);
      i += 16;
      out += 16;
    }
#endif
    while (n - i >= 8) {
      uint64_t w;
      memcpy(&w, s + i, 8);
      if (w & UINT64_C(0x8080808080808080)) break;
      memcpy(out, &w, 8);
      i += 8;
      out += 8;
    }
    /* Byte by byte up to the next 8-aligned run (or the end). */
    size_t stop = n - i > 8 ? i + 8 : n;
    for (; i < stop; i++) {
      uint8_t b = s[i];
      if (b < 0x80) {
        *out++ = b;
      } else {
        *out++ = (uint8_t)(0xC0 | b >> 6);
        *out++ = (uint8_t)(0x80 | (b & 0x3F));
      }
    }
  }
  return out;
}

/* The UTF-8 length of a one-byte string of n units: one byte per unit and
 * one more for each unit above 0x7F. */
static size_t one_byte_utf8_length(v8c_env *env, v8c_value str, size_t n) {
  uint8_t buf[CHUNK];
  size_t total = n;
  for (size_t off = 0; off < n; off += CHUNK) {
    size_t m = n - off < CHUNK ? n - off : CHUNK;
    v8c_string_write_latin1(env, str, buf, off, m);
    total += count_high(buf, m);
  }
  return total;
}

/* Writes a one-byte string of n units as UTF-8 (utf8_len bytes, as
 * one_byte_utf8_length measured) to out. */
static void one_byte_write_utf8(v8c_env *env, v8c_value str, size_t n,
                                size_t utf8_len, uint8_t *out) {
  if (utf8_len == n) {  /* all ASCII: the bytes as they are */
    v8c_string_write_latin1(env, str, out, 0, n);
    return;
  }
  uint8_t buf[CHUNK];
  for (size_t off = 0; off < n; off += CHUNK) {
    size_t m = n - off < CHUNK ? n - off : CHUNK;
    v8c_string_write_latin1(env, str, buf, off, m);
    out = latin1_to_utf8(buf, m, out);
  }
}

/* ---- Encoding strings ------------------------------------------------- */

static const char b64_std[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static const char b64_url[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/* Lookup tables, filled once: the value of each byte as a base64
 * character of either alphabet and as a hex digit (-1 for anything else),
 * and the two hex digits of each byte value as they lie in memory. */
static int8_t b64_table[256];
static int8_t hex_table[256];
static uint16_t hex_pairs[256];
static uv_once_t tables_once = UV_ONCE_INIT;

static void tables_fill(void) {
  static const char digits[] = "0123456789abcdef";
  for (int ch = 0; ch < 256; ch++) {
    int v = -1;
    if (ch >= 'A' && ch <= 'Z') v = ch - 'A';
    else if (ch >= 'a' && ch <= 'z') v = ch - 'a' + 26;
    else if (ch >= '0' && ch <= '9') v = ch - '0' + 52;
    else if (ch == '+' || ch == '-') v = 62;
    else if (ch == '/' || ch == '_') v = 63;
    b64_table[ch] = (int8_t)v;
    v = -1;
    if (ch >= '0' && ch <= '9') v = ch - '0';
    else if (ch >= 'a' && ch <= 'f') v = ch - 'a' + 10;
    else if (ch >= 'A' && ch <= 'F') v = ch - 'A' + 10;
    hex_table[ch] = (int8_t)v;
    char pair[2] = {digits[ch >> 4], digits[ch & 15]};
    memcpy(&hex_pairs[ch], pair, 2);
  }
}

/* Lenient base64 as Node reads it: both alphabets, characters outside them
 * skipped, decoding ends at the first '='. Leftover bits of a final group
 * of 2 or 3 characters make 1 or 2 bytes; a lone final character none.
 * The text comes in pieces; the state carries a group across them. */
typedef struct b64_state {
  uint32_t acc;  /* the 6-bit values of a group so far */
  int have;      /* how many */
  bool ended;    /* an '=' was seen */
} b64_state;

#if defined(__x86_64__)
/* Whether c - lo lies in [0, n] for each byte: a mask. */
__attribute__((target("ssse3")))
static inline __m128i in_range(__m128i c, char lo, char n, __m128i *off) {
  *off = _mm_sub_epi8(c, _mm_set1_epi8(lo));
  return _mm_cmpeq_epi8(_mm_min_epu8(*off, _mm_set1_epi8(n)), *off);
}

/* Base64 with SSSE3, 16 characters to 12 bytes a step, either alphabet;
 * stops before the first step holding anything else ('=', whitespace)
 * and where a 16-byte store would pass cap. Returns the characters done,
 * a multiple of 16 (12 bytes written for each 16). */
__attribute__((target("ssse3")))
static size_t b64_decode_ssse3(const uint8_t *s, size_t len, uint8_t *out,
                               size_t cap) {
  size_t i = 0, n = 0;
  for (; len - i >= 16 && cap - n >= 16; i += 16, n += 12) {
    __m128i c = _mm_loadu_si128((const __m128i *)(s + i));
    __m128i upper, lower, digit;
    __m128i is_upper = in_range(c, 'A', 25, &upper);
    __m128i is_lower = in_range(c, 'a', 25, &lower);
    __m128i is_digit = in_range(c, '0', 9, &digit);
    __m128i is62 = _mm_or_si128(_mm_cmpeq_epi8(c, _mm_set1_epi8('+')),
                                _mm_cmpeq_epi8(c, _mm_set1_epi8('-')));
    __m128i is63 = _mm_or_si128(_mm_cmpeq_epi8(c, _mm_set1_epi8('/')),
                                _mm_cmpeq_epi8(c, _mm_set1_epi8('_')));
    __m128i ok = _mm_or_si128(_mm_or_si128(is_upper, is_lower),
                              _mm_or_si128(is_digit,
                                           _mm_or_si128(is62, is63)));
    if (_mm_movemask_epi8(ok) != 0xFFFF) break;
    __m128i v = _mm_or_si128(
        _mm_or_si128(_mm_and_si128(is_upper, upper),
                     _mm_and_si128(is_lower,
                                   _mm_add_epi8(lower, _mm_set1_epi8(26)))),
        _mm_or_si128(
            _mm_and_si128(is_digit, _mm_add_epi8(digit, _mm_set1_epi8(52))),
            _mm_or_si128(_mm_and_si128(is62, _mm_set1_epi8(62)),
                         _mm_and_si128(is63, _mm_set1_epi8(63)))));
    /* Four 6-bit values per 32-bit lane, first character highest: two
     * multiply-adds join them into 24 bits, a shuffle puts the three
     * bytes in order and the lanes together. */
    __m128i pairs = _mm_maddubs_epi16(v, _mm_set1_epi32(0x01400140));
    __m128i groups = _mm_madd_epi16(pairs, _mm_set1_epi32(0x00011000));
    __m128i bytes = _mm_shuffle_epi8(
        groups, _mm_setr_epi8(2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1,
                              -1, -1));
    _mm_storeu_si128((__m128i *)(out + n), bytes);
  }
  return i;
}
#endif

/* Decodes s[0..len) into out (cap bytes at most); returns bytes written. */
static size_t b64_decode_piece(b64_state *st, const uint8_t *s, size_t len,
                               uint8_t *out, size_t cap) {
  size_t n = 0, i = 0;
  while (i < len && n < cap && !st->ended) {
    /* Whole groups of four valid characters, the common case, go straight
     * through; anything else a character at a time until a group is
     * complete again. */
    if (st->have == 0) {
#if defined(__x86_64__)
      if (have_ssse3()) {
        size_t done = b64_decode_ssse3(s + i, len - i, out + n, cap - n);
        i += done;
        n += done / 16 * 12;
      }
#endif
      while (i + 4 <= len && n + 3 <= cap) {
        int a = b64_table[s[i]], b = b64_table[s[i + 1]];
        int c = b64_table[s[i + 2]], d = b64_table[s[i + 3]];
        if ((a | b | c | d) < 0) break;
        uint32_t v = (uint32_t)a << 18 | (uint32_t)b << 12 |
                     (uint32_t)c << 6 | (uint32_t)d;
        out[n++] = (uint8_t)(v >> 16);
        out[n++] = (uint8_t)(v >> 8);
        out[n++] = (uint8_t)v;
        i += 4;
      }
    }
    for (; i < len && n < cap; i++) {
      if (s[i] == '=') {
        st->ended = true;
        break;
      }
      int v = b64_table[s[i]];
      if (v < 0) continue;
      st->acc = st->acc << 6 | (uint32_t)v;
      if (++st->have == 4) {
        out[n++] = (uint8_t)(st->acc >> 16);
        if (n < cap) out[n++] = (uint8_t)(st->acc >> 8);
        if (n < cap) out[n++] = (uint8_t)st->acc;
        st->acc = 0;
        st->have = 0;
        i++;
        break;
      }
    }
  }
  return n;
}

/* The bytes of a final partial group. */
static size_t b64_decode_end(b64_state *st, uint8_t *out, size_t cap) {
  size_t n = 0;
  if (st->have >= 2 && n < cap) {
    uint32_t acc = st->acc << 6 * (4 - st->have);
    out[n++] = (uint8_t)(acc >> 16);
    if (st->have == 3 && n < cap) out[n++] = (uint8_t)(acc >> 8);
  }
  return n;
}

#if defined(__x86_64__)
/* The values of 16 hex digits, in *out; false when any is not one. */
__attribute__((target("ssse3")))
static inline bool hex_values16(__m128i c, __m128i *out) {
  __m128i digit = _mm_sub_epi8(c, _mm_set1_epi8('0'));
  __m128i is_digit = _mm_cmpeq_epi8(_mm_min_epu8(digit, _mm_set1_epi8(9)),
                                    digit);
  __m128i letter = _mm_sub_epi8(_mm_or_si128(c, _mm_set1_epi8(0x20)),
                                _mm_set1_epi8('a'));
  __m128i is_letter = _mm_cmpeq_epi8(
      _mm_min_epu8(letter, _mm_set1_epi8(5)), letter);
  if (_mm_movemask_epi8(_mm_or_si128(is_digit, is_letter)) != 0xFFFF)
    return false;
  *out = _mm_or_si128(
      _mm_and_si128(is_digit, digit),
      _mm_and_si128(is_letter, _mm_add_epi8(letter, _mm_set1_epi8(10))));
  return true;
}

/* Hex with SSSE3, 32 digits to 16 bytes a step, up to n bytes; stops
 * before the first step holding anything but digits (the scalar loop
 * then finds where exactly). Returns the bytes done. */
__attribute__((target("ssse3")))
static size_t hex_decode_ssse3(const uint8_t *s, size_t n, uint8_t *out) {
  /* Each 16-bit lane holds (high digit, low digit): high * 16 + low. */
  const __m128i weights = _mm_set1_epi16(0x0110);
  size_t i = 0;
  for (; n - i >= 16; i += 16) {
    __m128i a, b;
    if (!hex_values16(_mm_loadu_si128((const __m128i *)(s + 2 * i)), &a) ||
        !hex_values16(_mm_loadu_si128((const __m128i *)(s + 2 * i + 16)),
                      &b))
      break;
    __m128i bytes = _mm_packus_epi16(_mm_maddubs_epi16(a, weights),
                                     _mm_maddubs_epi16(b, weights));
    _mm_storeu_si128((__m128i *)(out + i), bytes);
  }
  return i;
}
#endif

/* Hex pairs until the first pair that is not one (Node stops there). */
static size_t hex_decode(const uint8_t *s, size_t len, uint8_t *out,
                         size_t cap) {
  size_t n = len / 2 < cap ? len / 2 : cap;
  size_t i = 0;
  uv_once(&tables_once, tables_fill);
#if defined(__x86_64__)
  if (have_ssse3()) i = hex_decode_ssse3(s, n, out);
#endif
  for (; i < n; i++) {
    int hi = hex_table[s[2 * i]], lo = hex_table[s[2 * i + 1]];
    if ((hi | lo) < 0) return i;
    out[i] = (uint8_t)(hi << 4 | lo);
  }
  return n;
}

/* Writes string `str` in encoding `enc` into dest (cap bytes at most).
 * UTF-8 never ends with part of a character; UCS-2 writes whole units.
 * Returns the bytes written, or -1 with an exception pending. */
static int64_t write_string(v8c_env *env, v8c_value str, int enc,
                            uint8_t *dest, size_t cap) {
  if (cap == 0) return 0;
  size_t len = v8c_string_length(str);
  if (enc == ENC_UTF8) return (int64_t)v8c_string_write_utf8(
      env, str, (char *)dest, cap);

  if (enc == ENC_LATIN1 || enc == ENC_ASCII) {
    return (int64_t)v8c_string_write_latin1(env, str, dest, 0, cap);
  }
  if (enc == ENC_UCS2) {
    size_t n = cap / 2 < len ? cap / 2 : len;  /* whole units only */
    uint16_t *u = string_units(env, str, &len);
    if (!u) return -1;
    if (n > len) n = len;
    for (size_t i = 0; i < n; i++) {
      dest[2 * i] = (uint8_t)u[i];
      dest[2 * i + 1] = (uint8_t)(u[i] >> 8);
    }
    free(u);
    return (int64_t)(2 * n);
  }

  /* hex and base64 read each UTF-16 unit's low byte, as Node does (U+0130
   * counts as '0'); a latin1 write truncates units just so. */
  uint8_t buf[CHUNK];
  size_t n = 0;
  uv_once(&tables_once, tables_fill);
  if (enc == ENC_HEX) {
    for (size_t off = 0; off + 1 < len && n < cap; off += CHUNK) {
      size_t m = len - off < CHUNK ? len - off : CHUNK;
      v8c_string_write_latin1(env, str, buf, off, m);
      size_t pairs = hex_decode(buf, m, dest + n, cap - n);
      n += pairs;
      if (pairs < m / 2) break;  /* a bad pair, or dest is full */
    }
    return (int64_t)n;
  }
  b64_state st = {0, 0, false};
  for (size_t off = 0; off < len && n < cap && !st.ended; off += CHUNK) {
    size_t m = len - off < CHUNK ? len - off : CHUNK;
    v8c_string_write_latin1(env, str, buf, off, m);
    n += b64_decode_piece(&st, buf, m, dest + n, cap - n);
  }
  return (int64_t)(n + b64_decode_end(&st, dest + n, cap - n));
}

/* The most bytes `str` can take in encoding enc. */
static size_t encoded_max(v8c_env *env, v8c_value str, int enc) {
  size_t len = v8c_string_length(str);
  switch (enc) {
    case ENC_UTF8: return v8c_string_utf8_length(env, str);
    case ENC_UCS2: return 2 * len;
    case ENC_HEX: return len / 2;
    case ENC_BASE64:
    case ENC_BASE64URL: return len / 4 * 3 + 3;
    default: return len;
  }
}

/* The whole of `str` encoded, malloc'd (*out, *n bytes); false with an
 * exception pending. */
static bool encode_whole(v8c_env *env, v8c_value str, int enc, uint8_t **out,
                         size_t *n) {
  size_t max = encoded_max(env, str, enc);
  *out = malloc(max ? max : 1);
  if (!*out) return throw_oom(env), false;
  int64_t w = write_string(env, str, enc, *out, max);
  if (w < 0) {
    free(*out);
    return false;
  }
  *n = (size_t)w;
  return true;
}

/* byteLengthUtf8(string) -> number */
static void byte_length_utf8(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_value str = v8c_arg(c, 0);
  if (!v8c_is(str, V8C_STRING)) {
    nr__throw_arg_type(env, "string", "string");
    return;
  }
  /* V8 measures a unit at a time; a one-byte string is quicker counted. */
  size_t n = v8c_string_length(str);
  size_t len = v8c_string_is_one_byte(str) ? one_byte_utf8_length(env, str, n)
                                            : v8c_string_utf8_length(env, str);
  v8c_return_double(c, (double)len);
}

/* A one-byte string of n units (n > CHUNK) whose first CHUNK units,
 * already in `head`, are ASCII: most likely it all is, so it goes straight
 * into a buffer of n bytes, checked there. When it is not after all, that
 * buffer is expanded into one of the right size. */
static v8c_value one_byte_likely_ascii(v8c_env *env, v8c_value str, size_t n,
                                       const uint8_t *head) {
  uint8_t *data;
  v8c_value ab = v8c_arraybuffer_uninit(env, n, (void **)&data);
  if (!ab) return NULL;
  memcpy(data, head, CHUNK);
  v8c_string_write_latin1(env, str, data + CHUNK, CHUNK, n - CHUNK);
  size_t high = count_high(data + CHUNK, n - CHUNK);
  if (high == 0) return ab;
  uint8_t *out;
  v8c_value wide = v8c_arraybuffer_uninit(env, n + high, (void **)&out);
  if (!wide) return NULL;
  memcpy(out, data, CHUNK);
  latin1_to_utf8(data + CHUNK, n - CHUNK, out + CHUNK);
  return wide;
}

/* fromUtf8(string) -> ArrayBuffer of the string's UTF-8, exactly as long;
 * for strings too long for the pool (lib/buffer.js wraps it). The memory
 * is not cleared first: every byte is written. */
static void from_utf8(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_value str = v8c_arg(c, 0);
  if (!v8c_is(str, V8C_STRING)) {
    nr__throw_arg_type(env, "string", "string");
    return;
  }
  size_t n = v8c_string_length(str);
  v8c_value ab;
  void *data;
  if (v8c_string_is_one_byte(str)) {
    uint8_t head[CHUNK];
    size_t m = n < CHUNK ? n : CHUNK;
    v8c_string_write_latin1(env, str, head, 0, m);
    size_t high = count_high(head, m);
    if (high == 0 && n > m) {
      ab = one_byte_likely_ascii(env, str, n, head);
    } else {
      size_t len = n > m ? one_byte_utf8_length(env, str, n) : n + high;
      ab = v8c_arraybuffer_uninit(env, len, &data);
      if (ab) one_byte_write_utf8(env, str, n, len, data);
    }
  } else {
    size_t len = v8c_string_utf8_length(env, str);
    ab = v8c_arraybuffer_uninit(env, len, &data);
    if (ab && len) v8c_string_write_utf8(env, str, data, len);
  }
  if (ab) v8c_return(c, ab);
}

/* write(view, string, offset, length, encoding) -> bytes written. At most
 * `length` bytes go to the view from `offset`, both clamped to the view. */
static void write_native(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  uint8_t *data;
  size_t len;
  int64_t offset, max;
  int enc;
  if (!arg_view(c, 0, "buffer", &data, &len)) return;
  v8c_value str = v8c_arg(c, 1);
  if (!v8c_is(str, V8C_STRING)) {
    nr__throw_arg_type(env, "string", "string");
    return;
  }
  if (!arg_index(c, 2, "offset", 0, MAX_LENGTH, &offset) ||
      !arg_index(c, 3, "length", 0, MAX_LENGTH, &max) ||
      !arg_encoding(c, 4, &enc))
    return;
  if ((size_t)offset > len) {
    v8c_throw_error(env, V8C_RANGE_ERROR, "ERR_BUFFER_OUT_OF_BOUNDS",
                    "\"offset\" is outside of buffer bounds");
    return;
  }
  size_t cap = len - (size_t)offset;
  if ((size_t)max < cap) cap = (size_t)max;
  int64_t n = write_string(env, str, enc, data + offset, cap);
  if (n >= 0) v8c_return_double(c, (double)n);
}

/* ---- Decoding bytes --------------------------------------------------- */

/* Text up to this long is built on the stack, then copied by V8. */
#define SMALL_TEXT 256
/* Text from this long on becomes an external string. */
#define EXTERNAL_TEXT ((size_t)1 << 20)

/* For each 12-bit value, its two base64 characters as they lie in memory,
 * one table per alphabet, made once per process. */
static uint16_t b64_tables[2][4096];
static uv_once_t b64_pairs_once = UV_ONCE_INIT;

static void b64_make_tables(void) {
  for (int url = 0; url < 2; url++) {
    const char *abc = url ? b64_url : b64_std;
    for (unsigned v = 0; v < 4096; v++) {
      uint8_t two[2] = {(uint8_t)abc[v >> 6], (uint8_t)abc[v & 63]};
      memcpy(&b64_tables[url][v], two, 2);
    }
  }
}

static const uint16_t *b64_pairs(bool url) {
  uv_once(&b64_pairs_once, b64_make_tables);
  return b64_tables[url];
}

#if defined(__x86_64__)
/* Base64 of whole 3-byte groups with SSSE3, 12 bytes to 16 characters a
 * step: a shuffle spreads each group over a 32-bit lane, two multiplies
 * move its four 6-bit values into bytes, and a 16-entry table gives the
 * offset that turns each value into its character. Returns the groups
 * done (it stops where a 16-byte load would pass the end). */
__attribute__((target("ssse3")))
static size_t b64_encode_ssse3(const uint8_t *s, size_t full, char *p,
                               bool url) {
  const __m128i spread = _mm_setr_epi8(1, 0, 2, 1, 4, 3, 5, 4, 7, 6, 8, 7,
                                       10, 9, 11, 10);
  /* By range of the value: 0-25 'A', 26-51 'a' - 26, 52-61 '0' - 52, then
   * the two alphabet-specific ones. */
  const __m128i offsets = _mm_setr_epi8(
      'a' - 26, '0' - 52, '0' - 52, '0' - 52, '0' - 52, '0' - 52, '0' - 52,
      '0' - 52, '0' - 52, '0' - 52, '0' - 52, (url ? '-' : '+') - 62,
      (url ? '_' : '/') - 63, 'A', 0, 0);
  size_t g = 0;
  for (; full - g >= 6; g += 4, s += 12, p += 16) {  /* 18 bytes left */
    __m128i in = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)s),
                                  spread);
    __m128i hi = _mm_mulhi_epu16(_mm_and_si128(in, _mm_set1_epi32(0x0fc0fc00)),
                                 _mm_set1_epi32(0x04000040));
    __m128i lo = _mm_mullo_epi16(_mm_and_si128(in, _mm_set1_epi32(0x003f03f0)),
                                 _mm_set1_epi32(0x01000010));
    __m128i v = _mm_or_si128(hi, lo);
    __m128i range = _mm_subs_epu8(v, _mm_set1_epi8(51));
    __m128i upper = _mm_cmpgt_epi8(_mm_set1_epi8(26), v);
    range = _mm_or_si128(range, _mm_and_si128(upper, _mm_set1_epi8(13)));
    v = _mm_add_epi8(_mm_shuffle_epi8(offsets, range), v);
    _mm_storeu_si128((__m128i *)p, v);
  }
  return g;
}


/* The same with AVX2, 24 bytes to 32 characters a step: each 128-bit half
 * takes 12 bytes and does what the SSSE3 loop does. Stops where the
 * second half's 16-byte load would pass the end. */
__attribute__((target("avx2")))
static size_t b64_encode_avx2(const uint8_t *s, size_t full, char *p,
                              bool url) {
  const __m256i spread = _mm256_setr_epi8(
      1, 0, 2, 1, 4, 3, 5, 4, 7, 6, 8, 7, 10, 9, 11, 10,
      1, 0, 2, 1, 4, 3, 5, 4, 7, 6, 8, 7, 10, 9, 11, 10);
  const __m256i offsets = _mm256_setr_epi8(
      'a' - 26, '0' - 52, '0' - 52, '0' - 52, '0' - 52, '0' - 52, '0' - 52,
      '0' - 52, '0' - 52, '0' - 52, '0' - 52, (url ? '-' : '+') - 62,
      (url ? '_' : '/') - 63, 'A', 0, 0,
      'a' - 26, '0' - 52, '0' - 52, '0' - 52, '0' - 52, '0' - 52, '0' - 52,
      '0' - 52, '0' - 52, '0' - 52, '0' - 52, (url ? '-' : '+') - 62,
      (url ? '_' : '/') - 63, 'A', 0, 0);
  size_t g = 0;
  for (; full - g >= 10; g += 8, s += 24, p += 32) {  /* 30 bytes left */
    __m256i in = _mm256_inserti128_si256(
        _mm256_castsi128_si256(_mm_loadu_si128((const __m128i *)s)),
        _mm_loadu_si128((const __m128i *)(s + 12)), 1);
    in = _mm256_shuffle_epi8(in, spread);
    __m256i hi = _mm256_mulhi_epu16(
        _mm256_and_si256(in, _mm256_set1_epi32(0x0fc0fc00)),
        _mm256_set1_epi32(0x04000040));
    __m256i lo = _mm256_mullo_epi16(
        _mm256_and_si256(in, _mm256_set1_epi32(0x003f03f0)),
        _mm256_set1_epi32(0x01000010));
    __m256i v = _mm256_or_si256(hi, lo);
    __m256i range = _mm256_subs_epu8(v, _mm256_set1_epi8(51));
    __m256i upper = _mm256_cmpgt_epi8(_mm256_set1_epi8(26), v);
    range = _mm256_or_si256(range,
                            _mm256_and_si256(upper, _mm256_set1_epi8(13)));
    v = _mm256_add_epi8(_mm256_shuffle_epi8(offsets, range), v);
    _mm256_storeu_si256((__m256i *)p, v);
  }
  return g;
}
#endif

static v8c_value b64_encode(v8c_env *env, const uint8_t *s, size_t len,
                            bool url) {
  const char *abc = url ? b64_url : b64_std;
  size_t full = len / 3, rest = len % 3;
  size_t out_len = full * 4 + (rest ? (url ? rest + 1 : 4) : 0);
  if (out_len > MAX_STRING_LENGTH) return throw_too_long(env);
  /* Short results are made on the stack: no malloc per call. */
  char small[SMALL_TEXT];
  char *out = out_len <= sizeof small ? small : malloc(out_len);
  if (!out) return throw_oom(env);
  char *p = out;
  /* Two characters per lookup in a table of every 12-bit value, four
   * stored at once (single char stores may alias and force reloads). */
  const uint16_t *pairs = b64_pairs(url);
  size_t i = 0;
#if defined(__x86_64__)
  if (have_avx2()) {
    i = b64_encode_avx2(s, full, p, url);
    s += 3 * i;
    p += 4 * i;
  }
  if (have_ssse3()) {
    size_t done = b64_encode_ssse3(s, full - i, p, url);
    i += done;
    s += 3 * done;
    p += 4 * done;
  }
#endif
  /* Six bytes per step through one unaligned 8-byte load. */
  for (; i + 3 <= full; i += 2, s += 6, p += 8) {
    uint64_t w;
    memcpy(&w, s, 8);
    w = __builtin_bswap64(w);
    uint64_t q = (uint64_t)pairs[w >> 52] |
                 (uint64_t)pairs[w >> 40 & 0xFFF] << 16 |
                 (uint64_t)pairs[w >> 28 & 0xFFF] << 32 |
                 (uint64_t)pairs[w >> 16 & 0xFFF] << 48;
    memcpy(p, &q, 8);
  }
  for (; i < full; i++, s += 3, p += 4) {
    uint32_t v = (uint32_t)s[0] << 16 | (uint32_t)s[1] << 8 | s[2];
    uint16_t q[2] = {pairs[v >> 12], pairs[v & 0xFFF]};
    memcpy(p, q, 4);
  }
  if (rest) {
    uint32_t v = (uint32_t)s[0] << 16 | (rest == 2 ? (uint32_t)s[1] << 8 : 0);
    *p++ = abc[v >> 18];
    *p++ = abc[v >> 12 & 63];
    if (rest == 2) *p++ = abc[v >> 6 & 63];
    if (!url) {
      if (rest == 1) *p++ = '=';
      *p++ = '=';
    }
  }
  if (out == small) return v8c_string_latin1(env, out, out_len);
  return v8c_string_latin1_owned(env, out, out_len);
}

/* A copy of s[0..len) as a one-byte string: a large one as an external
 * string over malloc'd memory, which V8 neither moves nor copies again. */
static v8c_value latin1_copy(v8c_env *env, const uint8_t *s, size_t len) {
  if (len < EXTERNAL_TEXT) return v8c_string_latin1(env, (const char *)s, len);
  char *t = malloc(len);
  if (!t) return throw_oom(env);
  memcpy(t, s, len);
  return v8c_string_latin1_owned(env, t, len);
}

/* The length of the ASCII prefix of s[0..len): 32 bytes a step while
 * there are that many (two 16-byte checks per branch), then 8. */
static size_t ascii_prefix(const uint8_t *s, size_t len) {
  size_t i = 0;
#if defined(__x86_64__)
  for (; len - i >= 32; i += 32) {
    __m128i a = _mm_loadu_si128((const __m128i *)(s + i));
    __m128i b = _mm_loadu_si128((const __m128i *)(s + i + 16));
    if (_mm_movemask_epi8(_mm_or_si128(a, b))) break;
  }
#endif
  for (; len - i >= 8; i += 8) {
    uint64_t w;
    memcpy(&w, s + i, 8);
    if (w & UINT64_C(0x8080808080808080)) break;
  }
  while (i < len && s[i] < 0x80) i++;
  return i;
}

/* UTF-8 bytes whose characters are all below U+0100 (ASCII, and the
 * two-byte forms C2/C3 xx) as a one-byte string; NULL for anything else,
 * with nothing pending, or when V8 fails (then the caller's call fails the
 * same way). */
static v8c_value utf8_as_latin1(v8c_env *env, const uint8_t *s, size_t len) {
  size_t i = ascii_prefix(s, len);
  if (i == len) return latin1_copy(env, s, len);
  uint8_t small[SMALL_TEXT];
  uint8_t *out = len <= sizeof small ? small : malloc(len);
  if (!out) return NULL;
  memcpy(out, s, i);
  size_t n = i;
  while (i < len) {
    uint8_t b = s[i];
    if (b < 0x80) {
      out[n++] = b;
      i++;
    } else if ((b == 0xC2 || b == 0xC3) && i + 1 < len &&
               (s[i + 1] & 0xC0) == 0x80) {
      out[n++] = (uint8_t)((b & 0x03) << 6 | (s[i + 1] & 0x3F));
      i += 2;
    } else {
      break;
    }
  }
  if (i < len) {
    if (out != small) free(out);
    return NULL;
  }
  if (out == small) return v8c_string_latin1(env, (const char *)out, n);
  return v8c_string_latin1_owned(env, (char *)out, n);
}

/* The bytes s[0..len) as a string in encoding enc, or NULL (exception
 * pending). */
static v8c_value decode_bytes(v8c_env *env, const uint8_t *s, size_t len,
                              int enc) {
  switch (enc) {
    case ENC_UTF8: {
      if (len > 3 * MAX_STRING_LENGTH) return throw_too_long(env);
      /* Most text is ASCII or Latin-1; it becomes a one-byte string here,
       * faster than V8's UTF-8 decoder. */
      v8c_value str = utf8_as_latin1(env, s, len);
      if (str) return str;
      /* V8 replaces malformed input as the WHATWG decoder does, which is
       * what Node prints too. */
      return v8c_string(env, (const char *)s, len);
    }
    case ENC_LATIN1:
      if (len > MAX_STRING_LENGTH) return throw_too_long(env);
      return latin1_copy(env, s, len);
    case ENC_ASCII: {
      if (len > MAX_STRING_LENGTH) return throw_too_long(env);
      size_t i = ascii_prefix(s, len);
      if (i == len) return latin1_copy(env, s, len);
      char *t = malloc(len);
      if (!t) return throw_oom(env);
      for (i = 0; i < len; i++) t[i] = (char)(s[i] & 0x7F);
      return v8c_string_latin1_owned(env, t, len);
    }
    case ENC_UCS2: {
      size_t n = len / 2;
      if (n > MAX_STRING_LENGTH) return throw_too_long(env);
      uint16_t *u = malloc((n ? n : 1) * sizeof *u);
      if (!u) return throw_oom(env);
      for (size_t i = 0; i < n; i++)
        u[i] = (uint16_t)(s[2 * i] | s[2 * i + 1] << 8);
      v8c_value str = v8c_string_utf16(env, u, n);
      free(u);
      return str;
    }
    case ENC_HEX: {
      if (len > MAX_STRING_LENGTH / 2) return throw_too_long(env);
      char small[SMALL_TEXT];
      char *t = 2 * len <= sizeof small ? small : malloc(2 * len);
      if (!t) return throw_oom(env);
      uv_once(&tables_once, tables_fill);
      size_t i = 0;
      for (; len - i >= 4; i += 4) {  /* one 8-byte store per 4 bytes */
        uint16_t q[4] = {hex_pairs[s[i]], hex_pairs[s[i + 1]],
                         hex_pairs[s[i + 2]], hex_pairs[s[i + 3]]};
        memcpy(t + 2 * i, q, 8);
      }
      for (; i < len; i++) memcpy(t + 2 * i, &hex_pairs[s[i]], 2);
      if (t == small) return v8c_string_latin1(env, t, 2 * len);
      return v8c_string_latin1_owned(env, t, 2 * len);
    }
    default:
      return b64_encode(env, s, len, enc == ENC_BASE64URL);
  }
}

/* decode(view, encoding[, start, end]) -> string of bytes [start, end),
 * both clamped to the view; all of it without them (the common call,
 * which then checks two arguments fewer). */
static void decode(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  uint8_t *data;
  size_t len;
  int enc;
  int64_t start = 0, end = MAX_LENGTH;
  if (!arg_view(c, 0, "buffer", &data, &len) || !arg_encoding(c, 1, &enc))
    return;
  if (v8c_argc(c) != 2 &&
      (!arg_index(c, 2, "start", 0, MAX_LENGTH, &start) ||
       !arg_index(c, 3, "end", 0, MAX_LENGTH, &end)))
    return;
  if ((size_t)end > len) end = (int64_t)len;
  if (start > end) start = end;
  v8c_value str = decode_bytes(env, data + start, (size_t)(end - start), enc);
  if (str) v8c_return(c, str);
}

/* ---- Comparing -------------------------------------------------------- */

static int compare_bytes(const uint8_t *a, size_t alen, const uint8_t *b,
                         size_t blen) {
  size_t n = alen < blen ? alen : blen;
  int r = n ? memcmp(a, b, n) : 0;
  if (r) return r < 0 ? -1 : 1;
  return alen < blen ? -1 : alen > blen ? 1 : 0;
}

/* compare(a, b) -> -1, 0 or 1 */
static void compare(v8c_call *c) {
  uint8_t *a, *b;
  size_t alen, blen;
  if (!arg_view(c, 0, "buf1", &a, &alen) || !arg_view(c, 1, "buf2", &b, &blen))
    return;
  v8c_return_int(c, compare_bytes(a, alen, b, blen));
}

/* compareOffset(source, target, targetStart, sourceStart, targetEnd,
 * sourceEnd) -> -1, 0 or 1: source[sourceStart, sourceEnd) against
 * target[targetStart, targetEnd), the ends clamped to each view. */
static void compare_offset(v8c_call *c) {
  uint8_t *src, *dst;
  size_t slen, dlen;
  int64_t ts, ss, te, se;
  if (!arg_view(c, 0, "source", &src, &slen) ||
      !arg_view(c, 1, "target", &dst, &dlen) ||
      !arg_index(c, 2, "targetStart", 0, MAX_LENGTH, &ts) ||
      !arg_index(c, 3, "sourceStart", 0, MAX_LENGTH, &ss) ||
      !arg_index(c, 4, "targetEnd", 0, MAX_LENGTH, &te) ||
      !arg_index(c, 5, "sourceEnd", 0, MAX_LENGTH, &se))
    return;
  if ((size_t)te > dlen) te = (int64_t)dlen;
  if ((size_t)se > slen) se = (int64_t)slen;
  if (ts > te) ts = te;
  if (ss > se) ss = se;
  v8c_return_int(c, compare_bytes(src + ss, (size_t)(se - ss), dst + ts,
                                  (size_t)(te - ts)));
}

/* ---- Searching -------------------------------------------------------- */

/* Finds needle in hay the way Buffer#indexOf does. A negative offset
 * counts from the end. An empty needle is found at the offset, clamped to
 * the buffer. Forward searches start at offset; backward ones at the last
 * place the needle fits at or before offset. With `wide` (UCS-2) both are
 * read as 16-bit units, so matches start at even byte positions only.
 * Returns the byte index of the match or -1. */
static int64_t search(const uint8_t *hay, size_t hlen, const uint8_t *needle,
                      size_t nlen, int64_t offset, bool forward, bool wide) {
  int64_t len = (int64_t)hlen;
  if (offset < 0) offset += len;
  if (nlen == 0) return offset < 0 ? 0 : offset > len ? len : offset;
  if (offset < 0) {
    if (!forward) return -1;
    offset = 0;
  }
  int64_t step = 1;
  if (wide) {
    if (hlen < 2 || nlen < 2) return -1;
    /* Whole units only: an odd trailing byte of either never matches. */
    len &= ~(int64_t)1;
    nlen &= ~(size_t)1;
    offset &= ~(int64_t)1;
    step = 2;
  }
  int64_t last = len - (int64_t)nlen;  /* last position the needle fits */
  if (last < 0) return -1;
  if (forward) {
    int64_t pos = offset;
    while (pos <= last) {
      const uint8_t *p = memmem(hay + pos, (size_t)(len - pos), needle, nlen);
      if (!p) return -1;
      pos = p - hay;
      if (pos % step == 0) return pos;
      pos++;
    }
    return -1;
  }
  int64_t pos = offset < last ? offset : last;
  if (wide) pos &= ~(int64_t)1;
  for (; pos >= 0; pos -= step) {
    if (hay[pos] == needle[0] && memcmp(hay + pos, needle, nlen) == 0)
      return pos;
  }
  return -1;
}

/* Reads the common (offset, encoding, forward) arguments of the searches,
 * starting at argument i. */
static bool search_args(v8c_call *c, int i, int64_t *offset, int *enc,
                        bool *forward) {
  if (!arg_index(c, i, "byteOffset", -MAX_LENGTH * 2, MAX_LENGTH * 2, offset) ||
      !arg_encoding(c, i + 1, enc))
    return false;
  *forward = v8c_to_bool(v8c_call_env(c), v8c_arg(c, i + 2));
  return true;
}

/* indexOfString(view, string, byteOffset, encoding, forward) -> index */
static void index_of_string(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  uint8_t *hay, *needle;
  size_t hlen, nlen;
  int64_t offset;
  int enc;
  bool forward;
  if (!arg_view(c, 0, "buffer", &hay, &hlen)) return;
  v8c_value str = v8c_arg(c, 1);
  if (!v8c_is(str, V8C_STRING)) {
    nr__throw_arg_type(env, "value", "string");
    return;
  }
  if (!search_args(c, 2, &offset, &enc, &forward) ||
      !encode_whole(env, str, enc, &needle, &nlen))
    return;
  /* Encoding may run JS (never today, but cheap to be safe): read the
   * haystack's bytes again afterwards. */
  if (!arg_view(c, 0, "buffer", &hay, &hlen)) {
    free(needle);
    return;
  }
  int64_t r = search(hay, hlen, needle, nlen, offset, forward,
                     enc == ENC_UCS2);
  free(needle);
  v8c_return_double(c, (double)r);
}

/* indexOfBuffer(view, needleView, byteOffset, encoding, forward) -> index */
static void index_of_buffer(v8c_call *c) {
  uint8_t *hay, *needle;
  size_t hlen, nlen;
  int64_t offset;
  int enc;
  bool forward;
  if (!arg_view(c, 0, "buffer", &hay, &hlen) ||
      !arg_view(c, 1, "value", &needle, &nlen) ||
      !search_args(c, 2, &offset, &enc, &forward))
    return;
  v8c_return_double(c, (double)search(hay, hlen, needle, nlen, offset,
                                      forward, enc == ENC_UCS2));
}

/* indexOfNumber(view, byte, byteOffset, forward) -> index */
static void index_of_number(v8c_call *c) {
  uint8_t *hay;
  size_t hlen;
  int64_t byte, offset;
  if (!arg_view(c, 0, "buffer", &hay, &hlen) ||
      !arg_index(c, 1, "value", 0, 255, &byte) ||
      !arg_index(c, 2, "byteOffset", -MAX_LENGTH * 2, MAX_LENGTH * 2, &offset))
    return;
  bool forward = v8c_to_bool(v8c_call_env(c), v8c_arg(c, 3));
  int64_t len = (int64_t)hlen;
  if (offset < 0) offset += len;
  const uint8_t *p = NULL;
  if (forward) {
    if (offset < 0) offset = 0;
    if (offset < len) p = memchr(hay + offset, (int)byte, (size_t)(len - offset));
  } else if (offset >= 0 && len > 0) {
    if (offset >= len) offset = len - 1;
    p = memrchr(hay, (int)byte, (size_t)offset + 1);
  }
  v8c_return_double(c, p ? (double)(p - hay) : -1);
}

/* ---- Filling ---------------------------------------------------------- */

/* Repeats pattern (plen > 0 bytes) over dest[0, len). */
static void repeat_fill(uint8_t *dest, size_t len, const uint8_t *pattern,
                        size_t plen) {
  if (len == 0) return;
  size_t done = plen < len ? plen : len;
  memcpy(dest, pattern, done);
  /* Double the filled part until the end: few large copies. */
  while (done < len) {
    size_t n = done < len - done ? done : len - done;
    memcpy(dest + done, dest, n);
    done += n;
  }
}

/* fill(view, value, start, end, encoding) -> undefined, or -1 when the
 * value has no bytes (the caller throws). value is a number (its low byte),
 * a string in `encoding`, or an ArrayBufferView whose bytes repeat. */
static void fill_native(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  uint8_t *data;
  size_t len;
  int64_t start, end;
  int enc;
  if (!arg_view(c, 0, "buffer", &data, &len) ||
      !arg_index(c, 2, "offset", 0, MAX_LENGTH, &start) ||
      !arg_index(c, 3, "end", 0, MAX_LENGTH, &end) ||
      !arg_encoding(c, 4, &enc))
    return;
  if ((size_t)end > len || start > end) {
    v8c_throw_error(env, V8C_RANGE_ERROR, "ERR_BUFFER_OUT_OF_BOUNDS",
                    "Attempt to access memory outside buffer bounds");
    return;
  }
  v8c_value value = v8c_arg(c, 1);
  size_t n = (size_t)(end - start);
  if (v8c_is(value, V8C_NUMBER)) {
    int64_t b = v8c_value_int64(value);
    if (n) memset(data + start, (int)(b & 255), n);
    return;
  }
  uint8_t *pattern;
  size_t plen;
  if (v8c_is(value, V8C_STRING)) {
    if (!encode_whole(env, value, enc, &pattern, &plen)) return;
  } else if (v8c_is(value, V8C_ARRAY_BUFFER_VIEW)) {
    uint8_t *src;
    if (!arg_view(c, 1, "value", &src, &plen)) return;
    /* The source may overlap the target: copy it first. */
    pattern = malloc(plen ? plen : 1);
    if (!pattern) {
      throw_oom(env);
      return;
    }
    if (plen) memcpy(pattern, src, plen);
  } else {
    v8c_throw_error(env, V8C_TYPE_ERROR, "ERR_INVALID_ARG_TYPE",
                    "The \"value\" argument must be of type number or string "
                    "or an instance of Buffer or Uint8Array.");
    return;
  }
  if (plen == 0) {
    free(pattern);
    v8c_return_int(c, -1);
    return;
  }
  repeat_fill(data + start, n, pattern, plen);
  free(pattern);
}

/* ---- Registration ----------------------------------------------------- */

static const nr__method methods[] = {
    {"byteLengthUtf8", byte_length_utf8},
    {"fromUtf8", from_utf8},
    {"write", write_native},
    {"decode", decode},
    {"compare", compare},
    {"compareOffset", compare_offset},
    {"indexOfString", index_of_string},
    {"indexOfBuffer", index_of_buffer},
    {"indexOfNumber", index_of_number},
    {"fill", fill_native},
    {NULL, NULL},
};

static const nr__constant constants[] = {
    {"kUtf8", ENC_UTF8}, {"kUcs2", ENC_UCS2}, {"kLatin1", ENC_LATIN1},
    {"kAscii", ENC_ASCII}, {"kBase64", ENC_BASE64},
    {"kBase64Url", ENC_BASE64URL}, {"kHex", ENC_HEX},
    {"kMaxLength", MAX_LENGTH}, {"kStringMaxLength", MAX_STRING_LENGTH},
    {NULL, 0},
};

bool nr__binding_buffer(nr_runtime *rt, v8c_value target) {
  /* zeroFill: lib/buffer.js clears it around its unsafe allocations. */
  v8c_value zero_fill = v8c_zero_fill_field(rt->env);
  return zero_fill && v8c_set_named(rt->env, target, "zeroFill", zero_fill) &&
         nr__set_methods(rt->env, target, methods, NULL) &&
         nr__set_constants(rt->env, target, constants);
}
