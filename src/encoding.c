/* encoding.c — binding 'encoding': the byte work behind TextEncoder and
 * TextDecoder (lib/internal/encoding.js).
 *
 * Encoding to UTF-8 is V8's own writer, straight into the new buffer.
 * Decoding follows the WHATWG Encoding Standard: every malformed sequence
 * becomes one U+FFFD per maximal subpart (or, when the caller asks for
 * `fatal`, a TypeError). Streaming (a character split across calls) is
 * handled in JS, which hands only whole sequences here except at the end
 * of a stream.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define REPLACEMENT 0xFFFD

static v8c_value throw_not_bytes(v8c_env *env, const char *name) {
  return v8c_throw_error(env, V8C_TYPE_ERROR, "ERR_INVALID_ARG_TYPE",
                         "The \"%s\" argument must be an instance of "
                         "SharedArrayBuffer, ArrayBuffer or ArrayBufferView.",
                         name);
}

static v8c_value throw_no_memory(v8c_env *env) {
  return v8c_throw_error(env, V8C_RANGE_ERROR, "ERR_MEMORY_ALLOCATION_FAILED",
                         "Failed to allocate memory");
}

/* The bytes of the decoders' first argument, `input`; false with an
 * exception pending when it is not an ArrayBuffer, SharedArrayBuffer or
 * view. */
static bool input_bytes(v8c_call *c, const uint8_t **s, size_t *len) {
  void *data;
  if (!v8c_bytes(v8c_arg(c, 0), &data, len)) {
    throw_not_bytes(v8c_call_env(c), "input");
    return false;
  }
  *s = data;
  return true;
}

static v8c_value throw_invalid_data(v8c_env *env, const char *encoding) {
  return v8c_throw_error(env, V8C_TYPE_ERROR,
                         "ERR_ENCODING_INVALID_ENCODED_DATA",
                         "The encoded data was not valid for encoding %s",
                         encoding);
}

/* ---- Encoding --------------------------------------------------------- */

/* encodeUtf8(string) -> Uint8Array. The length is measured first so that
 * V8 writes once into the final buffer; lone surrogates come out as the
 * three bytes of U+FFFD (which the measured length already counts). */
static void encode_utf8(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_value str = v8c_arg(c, 0);
  if (!v8c_is(str, V8C_STRING)) {
    nr__throw_arg_type(env, "input", "string");
    return;
  }
  size_t len = v8c_string_utf8_length(env, str);
  void *data = NULL;
  v8c_value ab = v8c_arraybuffer(env, len, &data);
  if (!ab) return;
  if (len) v8c_string_write_utf8(env, str, data, len);
  v8c_value u8 = v8c_uint8array(env, ab, 0, len);
  if (u8) v8c_return(c, u8);
}

/* encodeInto(string, Uint8Array, Uint32Array results): results[0] gets
 * how many UTF-16 units were read, results[1] how many bytes written (an
 * array for the pair would cost more than the work on short strings). V8's
 * writer stops before a character that does not fit, so the destination
 * never holds part of one. Each sequence in the output stands for one
 * unit, except four-byte ones, which stand for a surrogate pair (a lone
 * surrogate was written as the three bytes of U+FFFD). */
static void encode_into(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_value str = v8c_arg(c, 0);
  v8c_value dest = v8c_arg(c, 1);
  v8c_value results = v8c_arg(c, 2);
  if (!v8c_is(str, V8C_STRING)) {
    nr__throw_arg_type(env, "src", "string");
    return;
  }
  void *data;
  size_t cap;
  if (!v8c_is(dest, V8C_UINT8_ARRAY) || !v8c_bytes(dest, &data, &cap)) {
    v8c_throw_error(env, V8C_TYPE_ERROR, "ERR_INVALID_ARG_TYPE",
                    "The \"dest\" argument must be an instance of Uint8Array");
    return;
  }
  void *out;
  size_t out_len;
  if (!v8c_is(results, V8C_UINT32_ARRAY) ||
      !v8c_bytes(results, &out, &out_len) || out_len < 2 * sizeof(uint32_t)) {
    v8c_throw_error(env, V8C_TYPE_ERROR, "ERR_INVALID_ARG_TYPE",
                    "The \"results\" argument must be a Uint32Array of two "
                    "elements");
    return;
  }
  size_t written = cap ? v8c_string_write_utf8(env, str, data, cap) : 0;
  const uint8_t *p = data;
  size_t read = 0;
  for (size_t i = 0; i < written; i++) {
    if ((p[i] & 0xC0) != 0x80) read += p[i] >= 0xF0 ? 2 : 1;
  }
  /* A string has fewer than 2^30 units and V8 writes at most 3 bytes per
   * unit, so both counts fit. */
  uint32_t pair[2] = {(uint32_t)read, (uint32_t)written};
  memcpy(out, pair, sizeof pair);
}

/* ---- UTF-8 decoding --------------------------------------------------- */

/* Length of the ASCII prefix of s, looked at eight bytes at a time. */
static size_t ascii_prefix(const uint8_t *s, size_t len) {
  size_t i = 0;
  for (; i + 8 <= len; i += 8) {
    uint64_t w;
    memcpy(&w, s + i, 8);
    if (w & UINT64_C(0x8080808080808080)) break;
  }
  while (i < len && s[i] < 0x80) i++;
  return i;
}

/* Whether s is well-formed UTF-8, checked the way the WHATWG decoder reads
 * it: shortest forms only, no surrogates, nothing above U+10FFFF. */
static bool utf8_valid(const uint8_t *s, size_t len) {
  size_t i = 0;
  while (i < len) {
    uint8_t b = s[i++];
    if (b < 0x80) continue;
    int needed;
    uint8_t lower = 0x80, upper = 0xBF;  /* range of the second byte */
    if (b >= 0xC2 && b <= 0xDF) {
      needed = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
      /* E0 would be an overlong form below A0; ED above 9F a surrogate. */
      if (b == 0xE0) lower = 0xA0;
      if (b == 0xED) upper = 0x9F;
      needed = 2;
    } else if (b >= 0xF0 && b <= 0xF4) {
      /* F0 is overlong below 90; F4 beyond U+10FFFF above 8F. */
      if (b == 0xF0) lower = 0x90;
      if (b == 0xF4) upper = 0x8F;
      needed = 3;
    } else {
      return false;
    }
    if (len - i < (size_t)needed) return false;
    if (s[i] < lower || s[i] > upper) return false;
    for (int k = 1; k < needed; k++) {
      if ((s[i + k] & 0xC0) != 0x80) return false;
    }
    i += needed;
  }
  return true;
}

/* decodeUtf8(bytes, ignoreBOM, fatal) -> string. `bytes` is an
 * ArrayBuffer, SharedArrayBuffer or view. A leading BOM is dropped unless
 * ignoreBOM. V8's UTF-8 reader replaces malformed input the way the
 * standard asks (one U+FFFD per maximal subpart: test-whatwg-encoding-
 * decoder-invalid.js holds it to that), so it does all the decoding; the
 * check here serves `fatal`. */
static void decode_utf8(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  const uint8_t *s;
  size_t len;
  if (!input_bytes(c, &s, &len)) return;
  bool ignore_bom = v8c_to_bool(env, v8c_arg(c, 1));
  bool fatal = v8c_to_bool(env, v8c_arg(c, 2));
  if (!ignore_bom && len >= 3 && s[0] == 0xEF && s[1] == 0xBB &&
      s[2] == 0xBF) {
    s += 3;
    len -= 3;
  }
  size_t ascii = ascii_prefix(s, len);
  v8c_value str;
  if (ascii == len) {
    /* Plain ASCII: a one-byte string without decoding. */
    str = v8c_string_latin1(env, (const char *)s, len);
  } else if (fatal && !utf8_valid(s + ascii, len - ascii)) {
    throw_invalid_data(env, "utf-8");
    return;
  } else {
    str = v8c_string(env, (const char *)s, len);
  }
  if (str) v8c_return(c, str);
}

/* ---- UTF-16 decoding -------------------------------------------------- */

/* decodeUtf16(bytes, ignoreBOM, fatal, bigEndian) -> string. Unpaired
 * surrogates, and an odd byte at the end, are errors; a lead surrogate
 * followed only by that odd byte makes one error, not two. */
static void decode_utf16(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  const uint8_t *s;
  size_t len;
  if (!input_bytes(c, &s, &len)) return;
  bool ignore_bom = v8c_to_bool(env, v8c_arg(c, 1));
  bool fatal = v8c_to_bool(env, v8c_arg(c, 2));
  bool be = v8c_to_bool(env, v8c_arg(c, 3));
  int hi = be ? 0 : 1;  /* index of the high byte within a unit */
  if (!ignore_bom && len >= 2 && s[hi] == 0xFE && s[1 - hi] == 0xFF) {
    s += 2;
    len -= 2;
  }
  size_t units = len / 2;
  bool odd = len % 2;
  uint16_t *out = malloc((units + 1) * sizeof *out);
  if (!out) {
    throw_no_memory(env);
    return;
  }
  size_t n = 0;
  size_t i = 0;
  while (i < units) {
    uint16_t u = (uint16_t)(s[2 * i + hi] << 8 | s[2 * i + 1 - hi]);
    i++;
    if (u < 0xD800 || u > 0xDFFF) {
      out[n++] = u;
      continue;
    }
    if (u <= 0xDBFF && i < units) {
      uint16_t next = (uint16_t)(s[2 * i + hi] << 8 | s[2 * i + 1 - hi]);
      if (next >= 0xDC00 && next <= 0xDFFF) {
        out[n++] = u;
        out[n++] = next;
        i++;
        continue;
      }
    }
    /* An unpaired surrogate. When it is a lead surrogate in the last unit
     * and an odd byte follows, the standard reports the two as one error. */
    if (fatal) goto invalid;
    out[n++] = REPLACEMENT;
    if (u <= 0xDBFF && i == units) odd = false;
  }
  if (odd) {
    if (fatal) goto invalid;
    out[n++] = REPLACEMENT;
  }
  v8c_value str = v8c_string_utf16(env, out, n);
  free(out);
  if (str) v8c_return(c, str);
  return;

invalid:
  free(out);
  throw_invalid_data(env, be ? "utf-16be" : "utf-16le");
}

/* ---- windows-1252 ----------------------------------------------------- */

/* What bytes 0x80-0x9F mean in windows-1252 (the Encoding Standard's
 * index); every other byte is the code point of the same value. */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

/* decodeLatin1(bytes, windows1252) -> string. With windows1252 false each
 * byte is the code point of its value (ISO-8859-1 proper). */
static void decode_latin1(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  const uint8_t *s;
  size_t len;
  if (!input_bytes(c, &s, &len)) return;
  bool w1252 = v8c_to_bool(env, v8c_arg(c, 1));
  size_t i = 0;
  if (w1252) {
    while (i < len && (s[i] < 0x80 || s[i] > 0x9F)) i++;
  }
  v8c_value str;
  if (i == len || !w1252) {
    /* No byte needs the table: V8 takes the bytes as they are. */
    str = v8c_string_latin1(env, (const char *)s, len);
  } else {
    uint16_t *out = malloc(len * sizeof *out);
    if (!out) {
      throw_no_memory(env);
      return;
    }
    for (size_t j = 0; j < len; j++) {
      out[j] = s[j] >= 0x80 && s[j] <= 0x9F ? cp1252_high[s[j] - 0x80] : s[j];
    }
    str = v8c_string_utf16(env, out, len);
    free(out);
  }
  if (str) v8c_return(c, str);
}

static const nr__method methods[] = {
    {"encodeUtf8", encode_utf8},
    {"encodeInto", encode_into},
    {"decodeUtf8", decode_utf8},
    {"decodeUtf16", decode_utf16},
    {"decodeLatin1", decode_latin1},
    {NULL, NULL},
};

bool nr__binding_encoding(nr_runtime *rt, v8c_value target) {
  return nr__set_methods(rt->env, target, methods, NULL);
}
