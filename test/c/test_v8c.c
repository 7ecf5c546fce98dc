/*
 * test_v8c.c — unit tests of deps/v8c, the C ABI over V8.
 *
 * Each test is one function in the table at the end. Most run in this
 * process, each with a fresh env, so the suite also checks that envs come
 * and go cleanly many times in one process. Tests that hand v8c a value of
 * the wrong kind run in a child process (this program re-run with --run),
 * so that a crash shows up as one failed test instead of ending the suite.
 *
 *   test_v8c              runs everything; last line "N passed, N failed"
 *   test_v8c --run NAME   runs one test in this process
 */
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "v8c.h"

extern char **environ;

/* ---- Harness ---------------------------------------------------------- */

static const char *current;  /* name of the running test */
static int failures;         /* failed CHECKs in the running test */

static void fail_at(const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void fail_at(const char *file, int line, const char *fmt, ...) {
  va_list ap;
  fprintf(stderr, "  %s: %s:%d: ", current, file, line);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  failures++;
}

/* A failed check ends the test: what follows usually depends on it. */
#define CHECK(cond)                                                   \
  do {                                                                \
    if (!(cond)) {                                                    \
      fail_at(__FILE__, __LINE__, "CHECK(%s) failed", #cond);         \
      return;                                                         \
    }                                                                 \
  } while (0)

#define CHECK_STR(actual, expected)                                   \
  do {                                                                \
    const char *a_ = (actual), *e_ = (expected);                      \
    if (!a_ || strcmp(a_, e_) != 0) {                                 \
      fail_at(__FILE__, __LINE__, "%s is \"%s\", expected \"%s\"",    \
              #actual, a_ ? a_ : "(null)", e_);                       \
      return;                                                         \
    }                                                                 \
  } while (0)

/* Runs `expr` (true when the v8c call reported failure) inside a trycatch
 * and checks that it threw an error named `name` ("TypeError"...; NULL
 * for any exception). */
#define CHECK_THROWS(env, expr, name)                                 \
  do {                                                                \
    v8c_trycatch tc_;                                                 \
    v8c_try_begin((env), &tc_);                                       \
    bool failed_ = (expr);                                            \
    bool caught_ = v8c_try_caught(&tc_);                              \
    v8c_value exc_ = caught_ ? v8c_try_exception(&tc_) : NULL;        \
    v8c_try_end(&tc_);                                                \
    if (!failed_ || !caught_) {                                       \
      fail_at(__FILE__, __LINE__, "%s: %s", #expr,                    \
              !failed_ ? "did not report failure" : "did not throw"); \
      return;                                                         \
    }                                                                 \
    if ((name) != NULL)                                               \
      CHECK_STR(prop(env, exc_, "name"), (const char *)(name));       \
  } while (0)

/* The UTF-8 of a value, in one of a few static slots so that tests can
 * compare several at once without freeing. "(null)" for a NULL value. */
static const char *S(v8c_env *env, v8c_value v) {
  static char slots[8][4096];
  static int next;
  char *out = slots[next++ % 8];
  if (!v) return NULL;
  v8c_trycatch tc;
  v8c_try_begin(env, &tc);
  size_t len = 0;
  char *s = v8c_to_utf8(env, v, &len);
  v8c_try_end(&tc);
  if (!s) return NULL;
  if (len >= sizeof slots[0]) len = sizeof slots[0] - 1;
  memcpy(out, s, len);
  out[len] = '\0';
  free(s);
  return out;
}

/* A property of an object as text (NULL when absent or not an object). */
static const char *prop(v8c_env *env, v8c_value obj, const char *name) {
  if (!v8c_is(obj, V8C_OBJECT)) return NULL;
  v8c_trycatch tc;
  v8c_try_begin(env, &tc);
  v8c_value v = v8c_get_named(env, obj, name);
  v8c_try_end(&tc);
  return v && !v8c_is(v, V8C_UNDEFINED) ? S(env, v) : NULL;
}

static v8c_value str(v8c_env *env, const char *s) {
  return v8c_string(env, s, (size_t)-1);
}

/* Runs a script; NULL when it threw (the harness reports an exception that
 * a test did not expect). */
static v8c_value run(v8c_env *env, const char *src) {
  return v8c_run_script(env, str(env, src), str(env, "test.js"));
}

/* Runs a script and gives its result as text. */
static const char *run_str(v8c_env *env, const char *src) {
  return S(env, run(env, src));
}

/* ---- Environments ----------------------------------------------------- */

static void test_version(v8c_env *env) {
  (void)env;
  const char *v = v8c_version();
  CHECK(v && strncmp(v, "10.", 3) == 0);
}

/* Two envs one after the other in one process, each fully usable. */
static void test_env_twice(v8c_env *unused) {
  (void)unused;
  int marker[2];
  for (int i = 0; i < 2; i++) {
    v8c_env *env = v8c_env_new(&marker[i]);
    CHECK(env != NULL);
    bool data_ok = v8c_env_data(env) == &marker[i];
    v8c_scope s;
    v8c_scope_open(env, &s);
    v8c_value r = run(env, "globalThis.n = (globalThis.n || 0) + 1; n");
    /* Nothing leaks from the previous env's global object. */
    double n = r ? v8c_value_double(r) : -1;
    bool global_ok = v8c_is(v8c_global(env), V8C_OBJECT);
    v8c_scope_close(&s);
    v8c_env_free(env);
    CHECK(data_ok);
    CHECK(n == 1);
    CHECK(global_ok);
  }
}

/* Envs nested on one thread: the inner one is freed first and the outer
 * one still works afterwards. */
static void test_env_nested(v8c_env *unused) {
  (void)unused;
  v8c_env *a = v8c_env_new(NULL);
  CHECK(a != NULL);
  v8c_scope sa;
  v8c_scope_open(a, &sa);
  run(a, "globalThis.who = 'a'");
  v8c_env *b = v8c_env_new(NULL);
  bool b_ok = false;
  if (b) {
    v8c_scope sb;
    v8c_scope_open(b, &sb);
    const char *w = run_str(b, "typeof globalThis.who");
    b_ok = w && strcmp(w, "undefined") == 0;
    v8c_scope_close(&sb);
    v8c_env_free(b);
  }
  const char *w = run_str(a, "who");
  bool a_ok = w && strcmp(w, "a") == 0;
  v8c_scope_close(&sa);
  v8c_env_free(a);
  CHECK(b_ok);
  CHECK(a_ok);
}

/* Values made in an inner scope are gone after it closes; values of the
 * outer scope stay valid. */
static void test_scopes(v8c_env *env) {
  v8c_value outer = str(env, "outer");
  for (int i = 0; i < 1000; i++) {
    v8c_scope s;
    v8c_scope_open(env, &s);
    for (int j = 0; j < 100; j++) v8c_number(env, j + 0.5);
    v8c_scope_close(&s);
  }
  CHECK_STR(S(env, outer), "outer");
}

/* ---- Values and conversions ------------------------------------------- */

static void test_numbers(v8c_env *env) {
  v8c_value d = v8c_number(env, 1.5);
  CHECK(v8c_is(d, V8C_NUMBER) && !v8c_is(d, V8C_INT32));
  CHECK(v8c_value_double(d) == 1.5);
  v8c_value i = v8c_int32(env, -5);
  CHECK(v8c_is(i, V8C_INT32) && !v8c_is(i, V8C_UINT32));
  CHECK(v8c_value_int64(i) == -5);
  v8c_value u = v8c_uint32(env, 4000000000u);
  CHECK(v8c_is(u, V8C_UINT32) && !v8c_is(u, V8C_INT32));
  CHECK(v8c_value_int64(u) == 4000000000);
  CHECK(v8c_value_int64(v8c_number(env, -2.75)) == -2);
  /* value_* read without coercion: a string is not a number. */
  CHECK(v8c_value_double(str(env, "12")) == 0);

  double out = 0;
  CHECK(v8c_to_double(env, str(env, "12.5"), &out) && out == 12.5);
  CHECK(v8c_to_double(env, v8c_undefined(env), &out) && out != out);
  int64_t i64 = 0;
  CHECK(v8c_to_int64(env, str(env, "42"), &i64) && i64 == 42);
  CHECK(v8c_to_int64(env, v8c_number(env, -7.9), &i64) && i64 == -7);
  CHECK(v8c_to_int64(env, v8c_number(env, 1e15), &i64) &&
        i64 == 1000000000000000);
  /* Coercion runs JS and can throw. */
  CHECK_THROWS(env, !v8c_to_double(env, run(env, "Symbol()"), &out),
               "TypeError");
  CHECK_THROWS(env,
               !v8c_to_double(env, run(env,
                   "({valueOf() { throw new RangeError('no'); }})"), &out),
               "RangeError");

  CHECK(!v8c_to_bool(env, str(env, "")));
  CHECK(v8c_to_bool(env, str(env, "0")));
  CHECK(!v8c_to_bool(env, v8c_number(env, 0)));
  CHECK(v8c_to_bool(env, v8c_object(env)));
  CHECK(!v8c_to_bool(env, v8c_null(env)));
  CHECK(v8c_is(v8c_bool(env, true), V8C_BOOLEAN));
  CHECK(v8c_to_bool(env, v8c_bool(env, true)));

  CHECK_STR(S(env, v8c_to_string(env, v8c_number(env, 123))), "123");
  CHECK_STR(S(env, v8c_to_string(env, v8c_null(env))), "null");
  CHECK_THROWS(env, v8c_to_string(env, run(env, "Symbol('s')")) == NULL,
               "TypeError");
  CHECK(v8c_strict_equals(v8c_number(env, 3), run(env, "1 + 2")));
  CHECK(!v8c_strict_equals(v8c_number(env, 3), str(env, "3")));
}

static void test_bigint(v8c_env *env) {
  bool lossless = false;
  v8c_value b = v8c_bigint_u64(env, UINT64_MAX);
  CHECK(v8c_is(b, V8C_BIGINT) && !v8c_is(b, V8C_NUMBER));
  CHECK(v8c_bigint_value_u64(b, &lossless) == UINT64_MAX && lossless);
  CHECK_STR(S(env, b), "18446744073709551615");
  v8c_value n = v8c_bigint_i64(env, -5);
  CHECK_STR(S(env, n), "-5");
  /* A negative BigInt does not fit a uint64 without loss. */
  lossless = true;
  CHECK(v8c_bigint_value_u64(n, &lossless) == UINT64_MAX - 4);
  CHECK(!lossless);
  lossless = true;
  CHECK(v8c_bigint_value_u64(v8c_number(env, 5), &lossless) == 0);
  CHECK(!lossless);
  CHECK(v8c_strict_equals(v8c_bigint_i64(env, 5), run(env, "5n")));
  CHECK(v8c_is(run(env, "2n ** 64n"), V8C_BIGINT));
  lossless = true;
  v8c_bigint_value_u64(run(env, "2n ** 64n"), &lossless);
  CHECK(!lossless);
}

static void test_strings(v8c_env *env) {
  size_t len = 0;
  char *s;

  /* UTF-8 in, with an embedded NUL, non-ASCII and an astral character. */
  static const char u8[] = "a\0\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80";
  v8c_value v = v8c_string(env, u8, sizeof u8 - 1);
  CHECK(v && v8c_is(v, V8C_STRING));
  /* a, NUL, é, € and a surrogate pair: six UTF-16 units. */
  CHECK(v8c_string_length(v) == 6);
  CHECK(v8c_string_utf8_length(env, v) == sizeof u8 - 1);
  s = v8c_to_utf8(env, v, &len);
  CHECK(s != NULL);
  bool same = len == sizeof u8 - 1 && memcmp(s, u8, len) == 0 && !s[len];
  free(s);
  CHECK(same);
  v8c_value js = run(env, "'a\\0\\u00e9\\u20ac\\u{1f600}'");
  CHECK(v8c_strict_equals(v, js));

  /* NUL-terminated form. */
  CHECK_STR(S(env, v8c_string(env, "h\xc3\xa9llo", (size_t)-1)),
            "h\xc3\xa9llo");
  CHECK(v8c_string_length(v8c_string(env, "", (size_t)-1)) == 0);
  /* Invalid UTF-8 becomes U+FFFD. */
  v8c_value bad = v8c_string(env, "\xff", 1);
  CHECK(v8c_strict_equals(bad, run(env, "'\\ufffd'")));

  /* Latin-1: each byte one character, é is one byte in, two out. */
  v8c_value l1 = v8c_string_latin1(env, "caf\xe9\0x", 6);
  CHECK(v8c_string_length(l1) == 6);
  CHECK(v8c_strict_equals(l1, run(env, "'caf\\u00e9\\0x'")));
  s = v8c_to_utf8(env, l1, &len);
  CHECK(s != NULL);
  same = len == 7 && memcmp(s, "caf\xc3\xa9\0x", 7) == 0;
  free(s);
  CHECK(same);
  CHECK(v8c_string_length(v8c_string_latin1(env, "abc", (size_t)-1)) == 3);

  /* UTF-16, with an embedded NUL and a surrogate pair. */
  static const uint16_t u16[] = {'H', 0, 0x00e9, 0xd83d, 0xde00};
  v8c_value w = v8c_string_utf16(env, u16, 5);
  CHECK(v8c_string_length(w) == 5);
  CHECK(v8c_string_utf8_length(env, w) == 1 + 1 + 2 + 4);
  CHECK(v8c_strict_equals(w, run(env, "'H\\0\\u00e9\\ud83d\\ude00'")));
  static const uint16_t z16[] = {'o', 'k', 0};
  CHECK_STR(S(env, v8c_string_utf16(env, z16, (size_t)-1)), "ok");
  /* A lone surrogate comes out as U+FFFD, with the length to match. */
  static const uint16_t lone[] = {'x', 0xd800};
  v8c_value lv = v8c_string_utf16(env, lone, 2);
  s = v8c_to_utf8(env, lv, &len);
  CHECK(s != NULL);
  same = len == 4 && memcmp(s, "x\xef\xbf\xbd", 4) == 0;
  free(s);
  CHECK(same);
  CHECK(v8c_string_utf8_length(env, lv) == 4);

  /* write_utf8 never splits a character and writes no NUL. */
  char buf[8];
  memset(buf, '#', sizeof buf);
  v8c_value he = v8c_string(env, "h\xc3\xa9", (size_t)-1);
  CHECK(v8c_string_write_utf8(env, he, buf, 2) == 1);
  CHECK(buf[0] == 'h' && buf[1] == '#');
  CHECK(v8c_string_write_utf8(env, he, buf, sizeof buf) == 3);
  CHECK(memcmp(buf, "h\xc3\xa9#", 4) == 0);

  /* Static strings, short (copied) and long (used in place). */
  static const char longtext[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  v8c_value st = v8c_string_static(env, longtext, sizeof longtext - 1);
  CHECK_STR(S(env, st), longtext);
  CHECK_STR(S(env, v8c_string_static(env, "short", 5)), "short");
  v8c_set_named(env, v8c_global(env), "st", st);
  CHECK_STR(run_str(env, "st.toUpperCase().slice(0, 3) + st.length"),
            "ABC36");

  /* Owned Latin-1 text: small copied, large used in place; both freed
   * (LeakSanitizer checks the large one is freed at teardown). */
  char *small = strdup("caf\xe9");
  CHECK_STR(S(env, v8c_string_latin1_owned(env, small, 4)), "caf\xc3\xa9");
  size_t big_len = (size_t)3 << 20;
  char *big = malloc(big_len);
  CHECK(big != NULL);
  memset(big, 'x', big_len);
  big[big_len - 1] = '\xff';
  v8c_value bs = v8c_string_latin1_owned(env, big, big_len);
  v8c_set_named(env, v8c_global(env), "bs", bs);
  CHECK_STR(run_str(env, "bs.length + ':' + bs.charCodeAt(bs.length - 1)"),
            "3145728:255");

  /* Coercion of non-strings. */
  CHECK_STR(S(env, v8c_number(env, 0.5)), "0.5");
  CHECK_STR(S(env, run(env, "[1, [2, 3]]")), "1,2,3");
  CHECK_THROWS(env, v8c_to_utf8(env, run(env, "Symbol()"), NULL) == NULL,
               "TypeError");
  v8c_value sym = v8c_symbol(env, "desc");
  CHECK(v8c_is(sym, V8C_SYMBOL));
  v8c_set_named(env, v8c_global(env), "sym", sym);
  CHECK_STR(run_str(env, "sym.description"), "desc");
  CHECK(v8c_is(v8c_symbol(env, NULL), V8C_SYMBOL));
}

/* v8c_is over a matrix: every value against every type. */
#define B(t) (1ull << (t))
static void test_is(v8c_env *env) {
  static const struct {
    const char *src;
    uint64_t types;
  } rows[] = {
    {"undefined", B(V8C_UNDEFINED) | B(V8C_NULL_OR_UNDEFINED)},
    {"null", B(V8C_NULL) | B(V8C_NULL_OR_UNDEFINED)},
    {"false", B(V8C_BOOLEAN)},
    {"1.5", B(V8C_NUMBER)},
    {"-1", B(V8C_NUMBER) | B(V8C_INT32)},
    {"7", B(V8C_NUMBER) | B(V8C_INT32) | B(V8C_UINT32)},
    {"4294967295", B(V8C_NUMBER) | B(V8C_UINT32)},
    {"NaN", B(V8C_NUMBER)},
    {"1n", B(V8C_BIGINT)},
    {"'s'", B(V8C_STRING)},
    {"Symbol()", B(V8C_SYMBOL)},
    {"({})", B(V8C_OBJECT)},
    {"(() => 1)", B(V8C_OBJECT) | B(V8C_FUNCTION)},
    {"[]", B(V8C_OBJECT) | B(V8C_ARRAY)},
    {"new Date(0)", B(V8C_OBJECT) | B(V8C_DATE)},
    {"(function() { return arguments; })()",
     B(V8C_OBJECT) | B(V8C_ARGUMENTS)},
    {"Object(1n)", B(V8C_OBJECT) | B(V8C_BIGINT_OBJECT)},
    {"new Boolean(false)", B(V8C_OBJECT) | B(V8C_BOOLEAN_OBJECT)},
    {"new Number(1)", B(V8C_OBJECT) | B(V8C_NUMBER_OBJECT)},
    {"new String('')", B(V8C_OBJECT) | B(V8C_STRING_OBJECT)},
    {"Object(Symbol())", B(V8C_OBJECT) | B(V8C_SYMBOL_OBJECT)},
    {"new TypeError('x')", B(V8C_OBJECT) | B(V8C_NATIVE_ERROR)},
    {"/x/g", B(V8C_OBJECT) | B(V8C_REGEXP)},
    {"(async () => {})",
     B(V8C_OBJECT) | B(V8C_FUNCTION) | B(V8C_ASYNC_FUNCTION)},
    {"(function* () {})",
     B(V8C_OBJECT) | B(V8C_FUNCTION) | B(V8C_GENERATOR_FUNCTION)},
    {"(function* () {})()", B(V8C_OBJECT) | B(V8C_GENERATOR_OBJECT)},
    {"Promise.resolve()", B(V8C_OBJECT) | B(V8C_PROMISE)},
    {"new Map()", B(V8C_OBJECT) | B(V8C_MAP)},
    {"new Set()", B(V8C_OBJECT) | B(V8C_SET)},
    {"new Map().keys()", B(V8C_OBJECT) | B(V8C_MAP_ITERATOR)},
    {"new Set().values()", B(V8C_OBJECT) | B(V8C_SET_ITERATOR)},
    {"new WeakMap()", B(V8C_OBJECT) | B(V8C_WEAK_MAP)},
    {"new WeakSet()", B(V8C_OBJECT) | B(V8C_WEAK_SET)},
    {"new ArrayBuffer(1)", B(V8C_OBJECT) | B(V8C_ARRAY_BUFFER)},
    {"new SharedArrayBuffer(1)",
     B(V8C_OBJECT) | B(V8C_SHARED_ARRAY_BUFFER)},
#define TA(ctor, t)                                                   \
    {"new " ctor "(1)", B(V8C_OBJECT) | B(V8C_ARRAY_BUFFER_VIEW) |    \
                            B(V8C_TYPED_ARRAY) | B(t)}
    TA("Uint8Array", V8C_UINT8_ARRAY),
    TA("Uint8ClampedArray", V8C_UINT8_CLAMPED_ARRAY),
    TA("Int8Array", V8C_INT8_ARRAY),
    TA("Uint16Array", V8C_UINT16_ARRAY),
    TA("Int16Array", V8C_INT16_ARRAY),
    TA("Uint32Array", V8C_UINT32_ARRAY),
    TA("Int32Array", V8C_INT32_ARRAY),
    TA("Float32Array", V8C_FLOAT32_ARRAY),
    TA("Float64Array", V8C_FLOAT64_ARRAY),
    TA("BigInt64Array", V8C_BIGINT64_ARRAY),
    TA("BigUint64Array", V8C_BIGUINT64_ARRAY),
#undef TA
    {"new DataView(new ArrayBuffer(1))",
     B(V8C_OBJECT) | B(V8C_ARRAY_BUFFER_VIEW) | B(V8C_DATA_VIEW)},
    {"new Proxy({}, {})", B(V8C_OBJECT) | B(V8C_PROXY)},
    {"new Proxy(function() {}, {})",
     B(V8C_OBJECT) | B(V8C_FUNCTION) | B(V8C_PROXY)},
  };
  for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
    v8c_value v = run(env, rows[r].src);
    CHECK(v != NULL);
    for (int t = 0; t < V8C_TYPE_COUNT; t++) {
      bool want = (rows[r].types >> t) & 1;
      if (v8c_is(v, (v8c_type)t) != want) {
        fail_at(__FILE__, __LINE__, "v8c_is(%s, %d) is %s", rows[r].src, t,
                want ? "false" : "true");
        return;
      }
    }
  }
  /* NULL (a failed call's result) is no type at all. */
  for (int t = 0; t < V8C_TYPE_COUNT; t++) CHECK(!v8c_is(NULL, (v8c_type)t));
  CHECK(!v8c_is(v8c_number(env, 1), V8C_TYPE_COUNT));
}
#undef B

/* ---- Objects ---------------------------------------------------------- */

static void test_objects(v8c_env *env) {
  v8c_value o = v8c_object(env);
  CHECK(v8c_set_named(env, o, "a", v8c_number(env, 1)));
  CHECK(v8c_set(env, o, str(env, "b"), str(env, "two")));
  CHECK(v8c_set_index(env, o, 3, v8c_bool(env, true)));
  v8c_value sym = v8c_symbol(env, "k");
  CHECK(v8c_set(env, o, sym, v8c_number(env, 9)));
  CHECK(v8c_define_hidden(env, o, "hidden", v8c_number(env, 5)));

  CHECK(v8c_value_double(v8c_get_named(env, o, "a")) == 1);
  CHECK_STR(S(env, v8c_get(env, o, str(env, "b"))), "two");
  CHECK(v8c_to_bool(env, v8c_get_index(env, o, 3)));
  CHECK(v8c_value_double(v8c_get(env, o, sym)) == 9);
  CHECK(v8c_is(v8c_get_named(env, o, "none"), V8C_UNDEFINED));

  CHECK(v8c_has(env, o, str(env, "a")) == 1);
  CHECK(v8c_has(env, o, str(env, "3")) == 1);
  CHECK(v8c_has(env, o, sym) == 1);
  CHECK(v8c_has(env, o, str(env, "none")) == 0);
  CHECK(v8c_has(env, o, str(env, "hidden")) == 1);
  CHECK(v8c_delete(env, o, str(env, "a")));
  CHECK(v8c_has(env, o, str(env, "a")) == 0);
  CHECK(v8c_delete(env, o, str(env, "never")));  /* absent: still true */

  /* The hidden property is read-only and not enumerable. */
  v8c_set_named(env, v8c_global(env), "o", o);
  CHECK_STR(run_str(env, "o.hidden = 6; o.hidden"), "5");
  CHECK_STR(run_str(env, "Object.keys(o).join()"), "3,b");

  /* own_keys: all keys, only enumerable, without symbols, without
   * indices. */
  v8c_value k = v8c_own_keys(env, o, 0, false);
  CHECK(v8c_is(k, V8C_ARRAY) && v8c_array_length(k) == 4);
  CHECK_STR(S(env, v8c_own_keys(env, o, 2 | 16, false)), "3,b");
  CHECK_STR(S(env, v8c_own_keys(env, o, 16, true)), "b,hidden");
  v8c_value ks = v8c_own_keys(env, o, 2, true);
  CHECK(v8c_array_length(ks) == 2);
  CHECK(v8c_strict_equals(v8c_get_index(env, ks, 1), sym));
  /* Hidden is not non-configurable: it can be deleted. A frozen object's
   * properties cannot (false, no exception: sloppy-mode delete). */
  CHECK(v8c_delete(env, o, str(env, "hidden")));
  CHECK(v8c_has(env, o, str(env, "hidden")) == 0);
  CHECK(!v8c_delete(env, run(env, "Object.freeze({a: 1})"), str(env, "a")));
  /* Keys of an array come back as strings. */
  CHECK(v8c_is(v8c_get_index(env, v8c_own_keys(env, run(env, "[7]"), 2,
                                              false), 0), V8C_STRING));

  /* Prototypes. */
  v8c_value proto = run(env, "({greet() { return 'hi ' + this.who; }})");
  v8c_value p = v8c_object(env);
  CHECK(v8c_strict_equals(v8c_get_prototype(env, p),
                          run(env, "Object.prototype")));
  CHECK(v8c_set_prototype(env, p, proto));
  CHECK(v8c_strict_equals(v8c_get_prototype(env, p), proto));
  v8c_set_named(env, p, "who", str(env, "you"));
  v8c_set_named(env, v8c_global(env), "p", p);
  CHECK_STR(run_str(env, "p.greet()"), "hi you");
  CHECK(v8c_set_prototype(env, p, v8c_null(env)));
  CHECK(v8c_is(v8c_get_prototype(env, p), V8C_NULL));
  /* A cycle is refused with a TypeError, as in JS. */
  v8c_value q = v8c_object(env);
  v8c_set_prototype(env, q, proto);
  CHECK_THROWS(env, !v8c_set_prototype(env, proto, q), "TypeError");

  CHECK_STR(S(env, v8c_constructor_name(env, v8c_object(env))), "Object");
  CHECK_STR(S(env, v8c_constructor_name(env,
                run(env, "class Foo {}; new Foo()"))), "Foo");
  CHECK_STR(S(env, v8c_constructor_name(env, run(env, "new Map()"))), "Map");

  /* Arrays. */
  v8c_value arr = v8c_array(env, 3);
  CHECK(v8c_array_length(arr) == 3);
  CHECK(v8c_set_index(env, arr, 5, v8c_number(env, 1)));
  CHECK(v8c_array_length(arr) == 6);
  CHECK(v8c_array_length(v8c_object(env)) == 0);

  /* A getter that throws: the get fails and the error is the getter's. */
  v8c_value g = run(env, "({get x() { throw new SyntaxError('getter'); }})");
  CHECK_THROWS(env, v8c_get_named(env, g, "x") == NULL, "SyntaxError");
  v8c_value fz = run(env, "Object.freeze({a: 1})");
  /* Setting on a frozen object fails quietly, as sloppy-mode JS does. */
  CHECK(!v8c_set_named(env, fz, "a", v8c_number(env, 2)) ||
        v8c_value_double(v8c_get_named(env, fz, "a")) == 1);
  CHECK(v8c_value_double(v8c_get_named(env, fz, "a")) == 1);
}

/* ---- Functions -------------------------------------------------------- */

struct counter {
  int calls;
  v8c_env *env;
};

/* sum(...numbers): counts calls in its data and adds its arguments. */
static void fn_sum(v8c_call *c) {
  struct counter *k = v8c_data(c);
  k->calls++;
  if (v8c_call_env(c) != k->env) {
    v8c_throw_error(v8c_call_env(c), V8C_ERROR, NULL, "wrong env");
    return;
  }
  double total = 0;
  for (int i = 0; i < v8c_argc(c); i++) {
    double d;
    if (!v8c_to_double(v8c_call_env(c), v8c_arg(c, i), &d)) return;
    total += d;
  }
  v8c_return_double(c, total);
}

/* describe(...): "argc|typeof arg[argc]|this.name|new.target?" */
static void fn_describe(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  char out[256];
  int n = v8c_argc(c);
  v8c_value past = v8c_arg(c, n);
  v8c_value self = v8c_this(c);
  const char *name = prop(env, self, "name");
  snprintf(out, sizeof out, "%d|%s|%s|%s", n,
           v8c_is(past, V8C_UNDEFINED) ? "undefined" : "defined",
           name ? name : "-",
           v8c_is(v8c_new_target(c), V8C_UNDEFINED) ? "call" : "new");
  v8c_return(c, str(env, out));
}

static void fn_int(v8c_call *c) { v8c_return_int(c, -42); }
static void fn_bool(v8c_call *c) { v8c_return_bool(c, true); }
static void fn_nothing(v8c_call *c) { (void)c; }
static void fn_self(v8c_call *c) { v8c_return(c, v8c_this(c)); }
/* Returning NULL (a failed call's result) leaves the return value alone. */
static void fn_return_null(v8c_call *c) { v8c_return(c, NULL); }

/* A native constructor that fills `this`. */
static void fn_ctor(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_set_named(env, v8c_this(c), "made", v8c_arg(c, 0));
}

static void test_functions(v8c_env *env) {
  struct counter k = {0, env};
  v8c_value g = v8c_global(env);
  v8c_value sum = v8c_function(env, "sum", fn_sum, &k);
  CHECK(v8c_is(sum, V8C_FUNCTION));
  v8c_set_named(env, g, "sum", sum);
  v8c_set_named(env, g, "describe",
                v8c_function(env, "describe", fn_describe, NULL));
  v8c_set_named(env, g, "int", v8c_function(env, "int", fn_int, NULL));
  v8c_set_named(env, g, "bool", v8c_function(env, "bool", fn_bool, NULL));
  v8c_set_named(env, g, "nothing",
                v8c_function(env, "nothing", fn_nothing, NULL));
  v8c_set_named(env, g, "self", v8c_function(env, "self", fn_self, NULL));
  v8c_set_named(env, g, "retnull",
                v8c_function(env, "retnull", fn_return_null, NULL));
  v8c_set_named(env, g, "Ctor", v8c_function(env, "Ctor", fn_ctor, NULL));

  CHECK_STR(run_str(env, "sum.name + sum(1, 2, '3.5')"), "sum6.5");
  CHECK_STR(run_str(env, "sum()"), "0");
  CHECK(k.calls == 2);
  CHECK_STR(run_str(env, "describe(1, 'x')"), "2|undefined|-|call");
  CHECK_STR(run_str(env,
      "var obj = {name: 'obj', describe}; obj.describe()"),
      "0|undefined|obj|call");
  CHECK_STR(run_str(env, "describe.call({name: 'other'}, 1, 2, 3)"),
            "3|undefined|other|call");
  CHECK_STR(run_str(env, "typeof new describe()"), "object");
  CHECK_STR(run_str(env, "int() + '|' + bool() + '|' + nothing() + '|' +"
                         " retnull()"), "-42|true|undefined|undefined");
  CHECK_STR(run_str(env, "self.call(obj) === obj"), "true");
  CHECK_STR(run_str(env, "new Ctor(7).made"), "7");

  /* From C into JS: receiver and arguments. */
  v8c_value f = run(env, "(function(a, b) { return this.x + a * b; })");
  v8c_value recv = run(env, "({x: 100})");
  v8c_value argv[2] = {v8c_number(env, 6), v8c_number(env, 7)};
  v8c_value r = v8c_call_fn(env, f, recv, 2, argv);
  CHECK(r && v8c_value_double(r) == 142);
  /* A NULL receiver is undefined (globalThis in sloppy code). */
  r = v8c_call_fn(env, run(env, "(function() { 'use strict'; return this; })"),
                  NULL, 0, NULL);
  CHECK(v8c_is(r, V8C_UNDEFINED));
  /* C calling C through JS. */
  r = v8c_call_fn(env, sum, NULL, 2, argv);
  CHECK(r && v8c_value_double(r) == 13 && k.calls == 3);

  v8c_value cls = run(env, "(class P { constructor(a) { this.a = a; } })");
  v8c_value inst = v8c_new_instance(env, cls, 1, argv);
  CHECK_STR(S(env, v8c_constructor_name(env, inst)), "P");
  CHECK(v8c_value_double(v8c_get_named(env, inst, "a")) == 6);
  CHECK_THROWS(env, v8c_new_instance(env, run(env, "(() => 1)"), 0, NULL)
                    == NULL, "TypeError");
  CHECK_THROWS(env, v8c_call_fn(env, run(env,
                   "(function() { throw new RangeError('in js'); })"),
                   NULL, 0, NULL) == NULL, "RangeError");
}

/* thrower(): throws a RangeError with a code and a formatted message. */
static void fn_thrower(v8c_call *c) {
  v8c_throw_error(v8c_call_env(c), V8C_RANGE_ERROR, "ERR_TEST_CODE",
                  "bad %s: %d (%.1f)", "value", 42, 2.5);
}

/* readx(obj): reads obj.x; a failing get returns at once, leaving the
 * getter's exception to propagate. */
static void fn_readx(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_value v = v8c_get_named(env, v8c_arg(c, 0), "x");
  if (!v) return;
  v8c_return(c, v);
}

/* throwval(v): throws v itself, whatever it is. */
static void fn_throwval(v8c_call *c) {
  v8c_throw(v8c_call_env(c), v8c_arg(c, 0));
}

/* longmsg(n): an error whose message is n 'x' characters. */
static void fn_longmsg(v8c_call *c) {
  int64_t n = 0;
  v8c_to_int64(v8c_call_env(c), v8c_arg(c, 0), &n);
  char *s = malloc((size_t)n + 1);
  memset(s, 'x', (size_t)n);
  s[n] = '\0';
  v8c_throw_error(v8c_call_env(c), V8C_ERROR, "ERR_LONG", "%s", s);
  free(s);
}

static void test_native_throws(v8c_env *env) {
  v8c_value g = v8c_global(env);
  v8c_set_named(env, g, "thrower",
                v8c_function(env, "thrower", fn_thrower, NULL));
  v8c_set_named(env, g, "readx", v8c_function(env, "readx", fn_readx, NULL));
  v8c_set_named(env, g, "throwval",
                v8c_function(env, "throwval", fn_throwval, NULL));
  v8c_set_named(env, g, "longmsg",
                v8c_function(env, "longmsg", fn_longmsg, NULL));

  CHECK_STR(run_str(env,
      "try { thrower(); 'no throw'; } catch (e) {"
      "  [e instanceof RangeError, e.name, e.code, e.message].join('|'); }"),
      "true|RangeError|ERR_TEST_CODE|bad value: 42 (2.5)");
  /* The stack of an error made in C starts at the JS that called it. */
  CHECK_STR(run_str(env,
      "function outer() { thrower(); }\n"
      "try { outer(); } catch (e) { /at outer/.test(e.stack); }"), "true");
  /* A getter's exception passes through C untouched. */
  CHECK_STR(run_str(env,
      "try { readx({get x() { throw new Error('from getter'); }}); }"
      " catch (e) { e.message; }"), "from getter");
  CHECK_STR(run_str(env, "readx({x: 'plain'})"), "plain");
  /* readx on a primitive: v8c_get_named throws, not crashes. */
  CHECK_STR(run_str(env, "try { readx(5); } catch (e) { e.code; }"),
            "ERR_INVALID_ARG_TYPE");
  CHECK_STR(run_str(env,
      "try { throwval('str'); } catch (e) { typeof e + ':' + e; }"),
      "string:str");
  CHECK_STR(run_str(env, "try { throwval(undefined); } catch (e) { '' + e; }"),
            "undefined");
  /* Finally blocks run and the rest of the script continues. */
  CHECK_STR(run_str(env,
      "var log = []; try { try { thrower(); } finally { log.push('f'); } }"
      " catch (e) { log.push(e.code); } log.join()"), "f,ERR_TEST_CODE");
  /* A message longer than any fixed buffer arrives whole. */
  CHECK_STR(run_str(env,
      "try { longmsg(5000); } catch (e) { e.code + ':' + e.message.length; }"),
      "ERR_LONG:5000");
}

static void test_errors(v8c_env *env) {
  static const struct {
    v8c_error_kind kind;
    const char *name;
  } kinds[] = {{V8C_ERROR, "Error"}, {V8C_TYPE_ERROR, "TypeError"},
               {V8C_RANGE_ERROR, "RangeError"},
               {V8C_SYNTAX_ERROR, "SyntaxError"}};
  for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
    v8c_value e = v8c_error(env, kinds[i].kind, "ERR_X", "msg");
    CHECK(v8c_is(e, V8C_NATIVE_ERROR));
    CHECK_STR(prop(env, e, "name"), kinds[i].name);
    CHECK_STR(prop(env, e, "code"), "ERR_X");
    CHECK_STR(prop(env, e, "message"), "msg");
  }
  v8c_value e = v8c_error(env, V8C_ERROR, NULL, "no code");
  CHECK(prop(env, e, "code") == NULL);
  CHECK(v8c_has(env, e, str(env, "code")) == 0);
  CHECK_STR(S(env, e), "Error: no code");
  /* Non-ASCII messages survive. */
  e = v8c_error(env, V8C_ERROR, NULL, "caf\xc3\xa9");
  CHECK_STR(prop(env, e, "message"), "caf\xc3\xa9");

  v8c_value exc = NULL;
  v8c_trycatch tc;
  v8c_try_begin(env, &tc);
  v8c_value r = v8c_throw(env, v8c_number(env, 7));
  bool caught = v8c_try_caught(&tc);
  if (caught) exc = v8c_try_exception(&tc);
  v8c_try_end(&tc);
  CHECK(r == NULL && caught && v8c_value_double(exc) == 7);
}

/* ---- Try/catch and arrows --------------------------------------------- */

static void test_trycatch(v8c_env *env) {
  v8c_trycatch tc;
  v8c_try_begin(env, &tc);
  bool before = v8c_try_caught(&tc);
  v8c_value r = run(env, "throw new TypeError('t1')");
  bool caught = v8c_try_caught(&tc);
  bool term = v8c_try_terminated(&tc);
  const char *msg = prop(env, v8c_try_exception(&tc), "message");
  v8c_try_reset(&tc);
  bool after_reset = v8c_try_caught(&tc);
  /* After a reset the same trycatch catches the next one. */
  run(env, "throw 'second'");
  const char *second = S(env, v8c_try_exception(&tc));
  v8c_try_end(&tc);
  CHECK(!before && r == NULL && caught && !term && !after_reset);
  CHECK_STR(msg, "t1");
  CHECK_STR(second, "second");

  /* Nothing thrown: nothing caught. */
  v8c_try_begin(env, &tc);
  r = run(env, "1");
  caught = v8c_try_caught(&tc);
  v8c_try_end(&tc);
  CHECK(r && !caught);

  /* JS catching its own exception leaves the C trycatch empty. */
  v8c_try_begin(env, &tc);
  r = run(env, "try { throw 1 } catch (e) { 2 }");
  caught = v8c_try_caught(&tc);
  v8c_try_end(&tc);
  CHECK(r && v8c_value_double(r) == 2 && !caught);
}

/* Compiles `src` as file `file` and runs it in a trycatch; returns the
 * arrow of what it threw and the exception in *exc. */
static const char *arrow_of(v8c_env *env, const char *src, const char *file,
                            v8c_value *exc) {
  v8c_trycatch tc;
  v8c_try_begin(env, &tc);
  v8c_value r = v8c_run_script(env, str(env, src), str(env, file));
  v8c_value a = r ? NULL : v8c_try_arrow(env, &tc);
  if (exc) *exc = r ? NULL : v8c_try_exception(&tc);
  v8c_try_end(&tc);
  return a ? S(env, a) : NULL;
}

/* True when `a` starts with `head` followed by one or more carets and a
 * newline, and nothing else. */
static bool arrow_shape_tabs(const char *a, const char *head) {
  size_t n = strlen(head);
  if (!a || strncmp(a, head, n) != 0 || a[n] != '^') return false;
  a += n;
  while (*a == '^') a++;
  return strcmp(a, "\n") == 0;
}

static void test_arrow_thrown(v8c_env *env) {
  v8c_value exc;
  const char *a = arrow_of(env,
      "function f() {\n"
      "  throw new Error('boom');\n"
      "}\n"
      "f();\n", "/tmp/thrown.js", &exc);
  CHECK_STR(a, "/tmp/thrown.js:2\n  throw new Error('boom');\n  ^\n");
  /* The arrow was saved on the exception: exception_arrow finds it. */
  CHECK_STR(S(env, v8c_exception_arrow(env, exc)), a);
  /* A thrown primitive has an arrow too (nothing to save it on). */
  a = arrow_of(env, "var x = 1;\nthrow 'str';\n", "prim.js", NULL);
  CHECK_STR(a, "prim.js:2\nthrow 'str';\n^\n");
  /* A thrown error not made where it was thrown. */
  a = arrow_of(env, "var e = new Error('x');\n\n  throw e;", "made.js", &exc);
  CHECK_STR(a, "made.js:3\n  throw e;\n  ^\n");
  /* Tabs are kept in the indentation so that the caret lines up (under
   * the property that could not be read). */
  a = arrow_of(env, "if (true) {\n\t\tnull.x;\n}", "tab.js", NULL);
  CHECK(arrow_shape_tabs(a, "tab.js:2\n\t\tnull.x;\n\t\t     "));
  /* An error never thrown points to where it was created. */
  v8c_value e = run(env, "\n\nnew RangeError('made here')");
  const char *ea = S(env, v8c_exception_arrow(env, e));
  static const char head[] = "test.js:3\nnew RangeError('made here')\n";
  CHECK(ea && strncmp(ea, head, sizeof head - 1) == 0);
  CHECK(strchr(ea + sizeof head - 1, '^') != NULL);
}

/* The arrow's shape: "file:line\n" source line "\n" spaces then carets
 * "\n", the carets starting at column `col`. */
static bool arrow_shape(const char *a, const char *head, const char *line,
                        int col) {
  if (!a) return false;
  size_t hl = strlen(head), ll = strlen(line);
  if (strncmp(a, head, hl) != 0 || a[hl] != '\n') return false;
  a += hl + 1;
  if (strncmp(a, line, ll) != 0 || a[ll] != '\n') return false;
  a += ll + 1;
  for (int i = 0; i < col; i++)
    if (*a++ != ' ') return false;
  if (*a != '^') return false;
  while (*a == '^') a++;
  return strcmp(a, "\n") == 0;
}

static void test_arrow_syntax(v8c_env *env) {
  static const char *const params[] = {"a", "b"};
  v8c_trycatch outer;
  v8c_trycatch inner;
  v8c_try_begin(env, &outer);
  v8c_try_begin(env, &inner);
  v8c_value fn = v8c_compile_function(env, str(env, "let ok = 1;\nreturn a +;"),
                                      str(env, "bad.js"), 2, params);
  bool caught = v8c_try_caught(&inner);
  v8c_value exc = v8c_try_exception(&inner);
  v8c_value a1 = v8c_try_arrow(env, &inner);
  v8c_try_rethrow(&inner);
  v8c_try_end(&inner);
  bool outer_caught = v8c_try_caught(&outer);
  v8c_value exc2 = v8c_try_exception(&outer);
  v8c_value a2 = v8c_try_arrow(env, &outer);
  v8c_try_end(&outer);
  CHECK(fn == NULL && caught && outer_caught);
  CHECK(v8c_strict_equals(exc, exc2));
  CHECK_STR(prop(env, exc, "name"), "SyntaxError");
  const char *s1 = S(env, a1);
  CHECK(arrow_shape(s1, "bad.js:2", "return a +;", 10));
  CHECK_STR(S(env, a2), s1);
  CHECK_STR(S(env, v8c_exception_arrow(env, exc2)), s1);

  /* A syntax error thrown out of JS later (here: rethrown by JS code that
   * caught it) keeps the arrow of the original place. */
  v8c_set_named(env, v8c_global(env), "saved", exc);
  v8c_value exc3;
  const char *a3 = arrow_of(env, "\n\nthrow saved;", "rethrow.js", &exc3);
  CHECK_STR(a3, s1);

  /* Syntax errors of scripts are saved the same way. */
  v8c_try_begin(env, &outer);
  v8c_try_begin(env, &inner);
  v8c_value r = v8c_run_script(env, str(env, "var x = {;"),
                               str(env, "script.js"));
  v8c_value a4 = v8c_try_arrow(env, &inner);
  v8c_try_rethrow(&inner);
  v8c_try_end(&inner);
  v8c_value exc4 = v8c_try_exception(&outer);
  v8c_try_end(&outer);
  CHECK(r == NULL);
  CHECK(arrow_shape(S(env, a4), "script.js:1", "var x = {;", 9));
  CHECK_STR(S(env, v8c_exception_arrow(env, exc4)), S(env, a4));

  /* Without a trycatch of its own in between, the caller's still gets
   * the saved arrow. */
  v8c_try_begin(env, &outer);
  fn = v8c_compile_function(env, str(env, ")"), str(env, "paren.js"), 0,
                            NULL);
  v8c_value a5 = v8c_try_arrow(env, &outer);
  v8c_try_end(&outer);
  CHECK(fn == NULL);
  CHECK(arrow_shape(S(env, a5), "paren.js:1", ")", 0));
}

/* ---- Compiling and running -------------------------------------------- */

static void test_compile(v8c_env *env) {
  static const char *const params[] = {"a", "b", "c"};
  v8c_value fn = v8c_compile_function(env,
      str(env, "return a + b * (c === undefined ? 1 : c);"),
      str(env, "cf.js"), 3, params);
  CHECK(v8c_is(fn, V8C_FUNCTION));
  v8c_value argv[2] = {v8c_number(env, 2), v8c_number(env, 5)};
  v8c_value r = v8c_call_fn(env, fn, NULL, 2, argv);
  CHECK(r && v8c_value_double(r) == 7);

  /* The file name shows in stack traces; line 1 is the body's first. */
  fn = v8c_compile_function(env, str(env, "\nreturn new Error('x').stack;"),
                            str(env, "/abs/where.js"), 0, NULL);
  CHECK(fn != NULL);
  const char *stack = S(env, v8c_call_fn(env, fn, NULL, 0, NULL));
  CHECK(stack && strstr(stack, "/abs/where.js:2") != NULL);

  /* The body is a function: `return` is fine, and its variables stay in
   * it. */
  fn = v8c_compile_function(env, str(env, "var inner = 1; return this;"),
                            str(env, "scope.js"), 0, NULL);
  CHECK(fn != NULL);
  v8c_value recv = v8c_object(env);
  r = v8c_call_fn(env, fn, recv, 0, NULL);
  CHECK(r && v8c_strict_equals(r, recv));
  CHECK_STR(run_str(env, "typeof inner"), "undefined");

  /* Too many parameters, a non-string source. */
  static const char *const many[17] = {
      "p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8",
      "p9", "p10", "p11", "p12", "p13", "p14", "p15", "p16"};
  CHECK_THROWS(env, v8c_compile_function(env, str(env, ""), str(env, "m.js"),
                                         17, many) == NULL, "RangeError");
  fn = v8c_compile_function(env, str(env, "return p15"), str(env, "m.js"),
                            16, many);
  CHECK(v8c_is(fn, V8C_FUNCTION));
  CHECK_THROWS(env, v8c_compile_function(env, v8c_number(env, 1),
                                         str(env, "n.js"), 0, NULL) == NULL,
               "TypeError");

  /* Scripts: the result of the last expression, globals shared. */
  r = v8c_run_script(env, str(env, "var shared = 40; shared + 2"),
                     str(env, "s1.js"));
  CHECK(r && v8c_value_double(r) == 42);
  CHECK_STR(run_str(env, "shared"), "40");
  CHECK(v8c_is(run(env, "var nothing;"), V8C_UNDEFINED));
  const char *st = run_str(env, "(function() { return new Error().stack; })()");
  CHECK(st && strstr(st, "\n    at test.js:1:") != NULL);
  CHECK_THROWS(env, v8c_run_script(env, v8c_null(env), str(env, "x.js"))
                    == NULL, "TypeError");
  /* Runtime errors come out with the NULL convention. */
  CHECK_THROWS(env, run(env, "undefinedName") == NULL, "ReferenceError");
}

/* ---- Termination ------------------------------------------------------ */

static void fn_stop(v8c_call *c) { v8c_terminate(v8c_call_env(c)); }

static void test_terminate(v8c_env *env) {
  v8c_set_named(env, v8c_global(env), "stop",
                v8c_function(env, "stop", fn_stop, NULL));
  v8c_trycatch tc;
  v8c_try_begin(env, &tc);
  v8c_value r = run(env, "var i = 0; stop(); while (true) { i++; }");
  bool caught = v8c_try_caught(&tc);
  bool terminated = v8c_try_terminated(&tc);
  bool terminating = v8c_is_terminating(env);
  v8c_try_end(&tc);
  v8c_cancel_terminate(env);
  bool after = v8c_is_terminating(env);
  CHECK(r == NULL && caught && terminated && terminating);
  CHECK(!after);
  /* JS runs again once cancelled. */
  CHECK_STR(run_str(env, "'alive'"), "alive");
}

/* Terminates `env` from another thread after a short delay. */
static void *terminator(void *arg) {
  nanosleep(&(struct timespec){0, 50 * 1000 * 1000}, NULL);
  v8c_terminate(arg);
  return NULL;
}

static void test_terminate_thread(v8c_env *env) {
  pthread_t th;
  CHECK(pthread_create(&th, NULL, terminator, env) == 0);
  v8c_trycatch tc;
  v8c_try_begin(env, &tc);
  v8c_value r = run(env, "for (;;) {}");
  bool terminated = v8c_try_terminated(&tc);
  v8c_try_end(&tc);
  pthread_join(th, NULL);
  v8c_cancel_terminate(env);
  CHECK(r == NULL && terminated);
  CHECK_STR(run_str(env, "'alive'"), "alive");
}

/* ---- Promises and microtasks ------------------------------------------ */

static void test_microtasks(v8c_env *env) {
  CHECK_STR(run_str(env,
      "var log = [];"
      "Promise.resolve().then(() => log.push('then'));"
      "Promise.reject().catch(() => log.push('queued'));"
      "log.length"), "0");
  /* Still nothing: microtasks only run when asked. */
  CHECK_STR(run_str(env, "log.join()"), "");
  v8c_microtasks_run(env);
  CHECK_STR(run_str(env, "log.join()"), "then,queued");

  v8c_value fn = run(env, "(function() { log.push('enqueued'); })");
  v8c_microtask_enqueue(env, fn);
  v8c_microtask_enqueue(env, v8c_number(env, 1));  /* ignored */
  CHECK_STR(run_str(env, "log.length"), "2");
  v8c_microtasks_run(env);
  CHECK_STR(run_str(env, "log.join()"), "then,queued,enqueued");
  /* Reactions queued by reactions run in the same checkpoint. */
  run(env, "Promise.resolve().then(() => Promise.resolve())"
           ".then(() => log.push('chain'))");
  v8c_microtasks_run(env);
  CHECK_STR(run_str(env, "log[log.length - 1]"), "chain");
}

/* Evaluates in REPL mode, runs microtasks, and gives the settled value as
 * text: the completion value, or "rejected: <message>". */
static const char *repl_str(v8c_env *env, const char *src, v8c_value sandbox,
                            bool no_side_effects) {
  v8c_trycatch tc;
  v8c_try_begin(env, &tc);
  v8c_value p = v8c_eval_repl(env, str(env, src), sandbox, no_side_effects);
  v8c_value exc = v8c_try_caught(&tc) ? v8c_try_exception(&tc) : NULL;
  v8c_try_end(&tc);
  if (!p) return exc ? S(env, exc) : "no exception";
  if (!v8c_is(p, V8C_PROMISE)) return "not a promise";
  v8c_microtasks_run(env);
  v8c_value r;
  int state = v8c_promise_state(p, &r);
  if (state == 0) return "pending";
  if (state == 2) {
    static char buf[256];
    snprintf(buf, sizeof buf, "rejected: %s", S(env, r));
    return buf;
  }
  return prop(env, r, ".repl_result") ? prop(env, r, ".repl_result")
                                       : "undefined";
}

/* V8's console evaluation: completion values, declarations that persist
 * (and can be made again), top-level await, syntax errors thrown at once,
 * a vm context, and the side-effect-free mode for previews. */
static void test_eval_repl(v8c_env *env) {
  CHECK_STR(repl_str(env, "1 + 1", NULL, false), "2");
  CHECK_STR(repl_str(env, "let a = 40; const b = 2", NULL, false),
            "undefined");
  CHECK_STR(repl_str(env, "a + b", NULL, false), "42");
  CHECK_STR(repl_str(env, "let a = 1; a", NULL, false), "1");
  CHECK_STR(repl_str(env, "class K {}; typeof K", NULL, false), "function");
  CHECK_STR(repl_str(env, "await Promise.resolve(7)", NULL, false), "7");
  CHECK_STR(repl_str(env, "throw new TypeError('t')", NULL, false),
            "rejected: TypeError: t");
  CHECK_STR(repl_str(env, "let x = {", NULL, false),
            "SyntaxError: Unexpected end of input");
  /* No side effects: reads and pure calls run, writes do not. */
  run(env, "var g = [1, 2, 3]; var counter = 0;"
           "function bump() { return ++counter; }");
  CHECK_STR(repl_str(env, "g.length + Math.max(...g)", NULL, true), "6");
  CHECK_STR(repl_str(env, "'abc'.slice(1) + [3, 1].sort()", NULL, true),
            "bc1,3");
  const char *r = repl_str(env, "bump()", NULL, true);
  CHECK(strncmp(r, "rejected: EvalError", 19) == 0 ||
        strncmp(r, "EvalError", 9) == 0);
  r = repl_str(env, "g.push(4)", NULL, true);
  CHECK(strstr(r, "EvalError") != NULL);
  CHECK_STR(run_str(env, "counter + ',' + g.length"), "0,3");
  /* In a vm context. */
  v8c_value sandbox = run(env, "({ inside: 5 })");
  CHECK(v8c_contextify(env, sandbox, false));
  CHECK_STR(repl_str(env, "let y = inside * 2; y", sandbox, false), "10");
  CHECK_STR(repl_str(env, "y + 1", sandbox, false), "11");
  CHECK_STR(repl_str(env, "typeof y", NULL, false), "undefined");
  CHECK_THROWS(env, !v8c_eval_repl(env, str(env, "1"), v8c_number(env, 1),
                                    false), "TypeError");
  CHECK_THROWS(env, !v8c_eval_repl(env, v8c_number(env, 1), NULL, false),
               "TypeError");
}

static struct {
  int n;
  v8c_promise_event ev[8];
  double value[8];
} rejects;

/* Records each event; the promise goes to globalThis.lastEvent so that JS
 * can compare it (the callback may run before the script stores it). */
static void on_reject(v8c_env *env, v8c_promise_event ev, v8c_value promise,
                      v8c_value value) {
  if (rejects.n >= 8) return;
  rejects.ev[rejects.n] = ev;
  rejects.value[rejects.n] =
      v8c_is(value, V8C_NUMBER) ? v8c_value_double(value) : -1;
  v8c_set_named(env, v8c_global(env), "lastEvent", promise);
  rejects.n++;
}

static void test_promise_reject_events(v8c_env *env) {
  memset(&rejects, 0, sizeof rejects);
  v8c_on_promise_reject(env, on_reject);
  run(env, "var p = Promise.reject(42);");
  CHECK(rejects.n == 1);
  CHECK(rejects.ev[0] == V8C_PROMISE_REJECT_NO_HANDLER);
  CHECK(rejects.value[0] == 42);
  CHECK_STR(run_str(env, "lastEvent === p"), "true");
  run(env, "lastEvent = null; p.catch(() => {});");
  CHECK(rejects.n == 2);
  CHECK(rejects.ev[1] == V8C_PROMISE_HANDLER_ADDED_AFTER_REJECT);
  CHECK_STR(run_str(env, "lastEvent === p"), "true");
  v8c_microtasks_run(env);
  /* A rejection with a handler already there says nothing. */
  run(env, "var rej; p = new Promise((res, r) => { rej = r; });"
           "p.catch(() => {}); rej(1);");
  v8c_microtasks_run(env);
  CHECK(rejects.n == 2);
  /* Settling twice is reported too. */
  run(env, "p = new Promise((res, rej) => { res(1); rej(7); });");
  CHECK(rejects.n == 3);
  CHECK(rejects.ev[2] == V8C_PROMISE_REJECT_AFTER_RESOLVED);
  CHECK(rejects.value[2] == 7);
  run(env, "p = new Promise((res) => { res(1); res(8); });");
  CHECK(rejects.n == 4);
  CHECK(rejects.ev[3] == V8C_PROMISE_RESOLVE_AFTER_RESOLVED);
  /* An async function that throws rejects its promise with no handler. */
  run(env, "p = (async () => { throw 5; })();");
  CHECK(rejects.n == 5 && rejects.ev[4] == V8C_PROMISE_REJECT_NO_HANDLER);
  CHECK(rejects.value[4] == 5);
  /* With no callback, nothing is called. */
  v8c_on_promise_reject(env, NULL);
  run(env, "Promise.reject(0)");
  CHECK(rejects.n == 5);
}

static void test_promises(v8c_env *env) {
  memset(&rejects, 0, sizeof rejects);
  v8c_on_promise_reject(env, on_reject);
  v8c_value res = NULL;
  v8c_value p = v8c_promise(env, &res);
  CHECK(v8c_is(p, V8C_PROMISE) && res != NULL);
  v8c_value result = NULL;
  CHECK(v8c_promise_state(p, &result) == 0 && result == NULL);
  v8c_set_named(env, v8c_global(env), "cp", p);
  run(env, "var got; cp.then((v) => { got = v; });");
  CHECK(v8c_promise_settle(env, res, true, v8c_number(env, 7)));
  CHECK(v8c_promise_state(p, &result) == 1);
  CHECK(result && v8c_value_double(result) == 7);
  CHECK_STR(run_str(env, "typeof got"), "undefined");
  v8c_microtasks_run(env);
  CHECK_STR(run_str(env, "got"), "7");
  /* A second settle changes nothing. */
  v8c_promise_settle(env, res, false, v8c_number(env, 8));
  CHECK(v8c_promise_state(p, &result) == 1 && v8c_value_double(result) == 7);

  /* Rejected with an error and no handler: the reject hook hears it. */
  v8c_value p2 = v8c_promise(env, &res);
  rejects.n = 0;
  CHECK(v8c_promise_settle(env, res, false,
                           v8c_error(env, V8C_ERROR, "ERR_P", "rejected")));
  CHECK(v8c_promise_state(p2, &result) == 2);
  CHECK_STR(prop(env, result, "code"), "ERR_P");
  CHECK(rejects.n == 1 && rejects.ev[0] == V8C_PROMISE_REJECT_NO_HANDLER);

  /* Resolving with a thenable adopts its state (after microtasks). */
  v8c_value p3 = v8c_promise(env, &res);
  CHECK(v8c_promise_settle(env, res, true, run(env, "Promise.resolve('x')")));
  CHECK(v8c_promise_state(p3, NULL) == 0);
  v8c_microtasks_run(env);
  CHECK(v8c_promise_state(p3, &result) == 1);
  CHECK_STR(S(env, result), "x");
  /* JS promises too; and not-a-promise gives -1. */
  CHECK(v8c_promise_state(run(env, "Promise.reject(1).catch(() => 2)"),
                          NULL) == 0);
  CHECK(v8c_promise_state(v8c_object(env), NULL) == -1);
  v8c_on_promise_reject(env, NULL);
}

/* ---- Wrapped C structs ------------------------------------------------ */

static const int tag_point = 0;  /* one unique address per C type */
static const int tag_other = 0;

struct point {
  int x, y;
};

static struct {
  int runs;
  void *ptr, *hint;
} fins;

static void on_fin(void *ptr, void *hint) {
  fins.runs++;
  fins.ptr = ptr;
  fins.hint = hint;
}

static void test_wrap_tags(v8c_env *env) {
  struct point pt = {3, 4};
  v8c_value w = v8c_wrap(env, &tag_point, &pt, NULL, NULL);
  CHECK(v8c_is(w, V8C_OBJECT));
  CHECK(v8c_unwrap(env, w, &tag_point) == &pt);
  CHECK(v8c_unwrap(env, w, &tag_other) == NULL);
  CHECK(v8c_unwrap(env, v8c_object(env), &tag_point) == NULL);
  CHECK(v8c_unwrap(env, run(env, "[1, 2]"), &tag_point) == NULL);
  CHECK(v8c_unwrap(env, v8c_number(env, 1), &tag_point) == NULL);
  CHECK(v8c_unwrap(env, str(env, "s"), &tag_point) == NULL);
  CHECK(v8c_unwrap(env, NULL, &tag_point) == NULL);
  /* JS may use the object and hand it back; objects derived from it in
   * JS are not wraps. */
  v8c_set_named(env, v8c_global(env), "w", w);
  CHECK_STR(run_str(env, "w.extra = 1; Object.keys(w).join()"), "extra");
  CHECK(v8c_unwrap(env, run(env, "w"), &tag_point) == &pt);
  CHECK(v8c_unwrap(env, run(env, "Object.create(w)"), &tag_point) == NULL);
  CHECK(v8c_unwrap(env, run(env, "({...w})"), &tag_point) == NULL);
  CHECK(v8c_unwrap(env, run(env, "new Proxy(w, {})"), &tag_point) == NULL);
  /* No exception from any of these. */
  v8c_unwrap_clear(env, w);
  CHECK(v8c_unwrap(env, w, &tag_point) == NULL);
  v8c_unwrap_clear(env, w);  /* twice is harmless */
  v8c_unwrap_clear(env, v8c_object(env));
  v8c_unwrap_clear(env, v8c_number(env, 1));
  /* A NULL pointer may be wrapped. */
  v8c_value wn = v8c_wrap(env, &tag_point, NULL, NULL, NULL);
  CHECK(wn && v8c_unwrap(env, wn, &tag_point) == NULL);
}

/* Makes a wrapped object that nothing references once this returns. */
static void wrap_garbage(v8c_env *env, void *ptr, void *hint) {
  v8c_scope s;
  v8c_scope_open(env, &s);
  v8c_value w = v8c_wrap(env, &tag_point, ptr, on_fin, hint);
  v8c_set_named(env, w, "payload", v8c_array(env, 100));
  v8c_scope_close(&s);
}

static void test_wrap_gc(v8c_env *env) {
  memset(&fins, 0, sizeof fins);
  struct point pt = {1, 2};
  int hint;
  {
    /* Referenced from JS only (no handle of ours once the scope closes). */
    v8c_scope s;
    v8c_scope_open(env, &s);
    v8c_set_named(env, v8c_global(env), "kept",
                  v8c_wrap(env, &tag_point, &pt, on_fin, &hint));
    v8c_scope_close(&s);
  }
  wrap_garbage(env, &pt, &hint);
  v8c_gc(env);
  CHECK(fins.runs == 1 && fins.ptr == &pt && fins.hint == &hint);
  /* The one still referenced is untouched. */
  v8c_gc(env);
  CHECK(fins.runs == 1);
  {
    v8c_scope s;
    v8c_scope_open(env, &s);
    void *p = v8c_unwrap(env, v8c_get_named(env, v8c_global(env), "kept"),
                         &tag_point);
    v8c_scope_close(&s);
    CHECK(p == &pt);
  }
  /* A cleared wrap's finalizer never runs. */
  {
    v8c_scope s;
    v8c_scope_open(env, &s);
    v8c_value w = v8c_wrap(env, &tag_point, &pt, on_fin, &hint);
    v8c_unwrap_clear(env, w);
    v8c_scope_close(&s);
  }
  v8c_gc(env);
  CHECK(fins.runs == 1);
  /* Many at once. */
  for (int i = 0; i < 200; i++) wrap_garbage(env, &pt, NULL);
  v8c_gc(env);
  CHECK(fins.runs == 201);
  /* Dropping the last reference from JS. */
  run(env, "kept = null");
  v8c_gc(env);
  CHECK(fins.runs == 202);
}

/* Finalizers of objects still alive run when the env goes. */
static void test_wrap_env_free(v8c_env *unused) {
  (void)unused;
  memset(&fins, 0, sizeof fins);
  struct point pt = {5, 6};
  int hint;
  v8c_env *env = v8c_env_new(NULL);
  CHECK(env != NULL);
  v8c_scope s;
  v8c_scope_open(env, &s);
  v8c_value w = v8c_wrap(env, &tag_point, &pt, on_fin, &hint);
  v8c_set_named(env, v8c_global(env), "w", w);
  v8c_value cleared = v8c_wrap(env, &tag_point, &pt, on_fin, &hint);
  v8c_set_named(env, v8c_global(env), "cleared", cleared);
  v8c_unwrap_clear(env, cleared);
  v8c_gc(env);
  int before = fins.runs;
  v8c_scope_close(&s);
  v8c_env_free(env);
  CHECK(before == 0);
  CHECK(fins.runs == 1 && fins.ptr == &pt && fins.hint == &hint);
}

/* Tags and pointers must be 2-aligned (V8 keeps only aligned pointers in
 * internal fields): an odd one is refused with an exception, never an
 * abort. */
static void test_wrap_unaligned(v8c_env *env) {
  static const char tags[4] = "abc";
  static char bytes[8];
  static const int good_tag = 0;
  const void *tag = ((uintptr_t)&tags[0] & 1) ? &tags[0] : &tags[1];
  void *ptr = ((uintptr_t)&bytes[0] & 1) ? &bytes[0] : &bytes[1];
  CHECK_THROWS(env, v8c_wrap(env, tag, &bytes[2], NULL, NULL) == NULL,
               "Error");
  CHECK_THROWS(env, v8c_wrap(env, &good_tag, ptr, NULL, NULL) == NULL,
               "Error");
  static int slot, other_tag;
  v8c_value w = v8c_wrap(env, &good_tag, &slot, NULL, NULL);
  CHECK(w != NULL);
  CHECK(v8c_unwrap(env, w, &good_tag) == &slot);
  CHECK(v8c_unwrap(env, w, &other_tag) == NULL);
}

/* ---- References ------------------------------------------------------- */

/* A ref to a new object holding {id}, which only the ref keeps. */
static v8c_ref *ref_garbage(v8c_env *env, int id, bool weak) {
  v8c_scope s;
  v8c_scope_open(env, &s);
  v8c_value o = v8c_object(env);
  v8c_set_named(env, o, "id", v8c_int32(env, id));
  v8c_set_named(env, o, "payload", v8c_array(env, 1000));
  v8c_ref *r = v8c_ref_new(env, o);
  if (weak) v8c_ref_weak(r, true);
  v8c_scope_close(&s);
  return r;
}

static void test_refs(v8c_env *env) {
  v8c_ref *strong = ref_garbage(env, 1, false);
  v8c_ref *weak = ref_garbage(env, 2, true);
  v8c_ref *back = ref_garbage(env, 3, true);
  v8c_ref_weak(back, false);  /* strong again before any gc */
  v8c_gc(env);
  v8c_value s = v8c_ref_get(env, strong);
  v8c_value w = v8c_ref_get(env, weak);
  v8c_value b = v8c_ref_get(env, back);
  bool s_ok = s && v8c_value_int64(v8c_get_named(env, s, "id")) == 1;
  bool b_ok = b && v8c_value_int64(v8c_get_named(env, b, "id")) == 3;
  v8c_ref_free(strong);
  v8c_ref_free(weak);
  v8c_ref_free(back);
  CHECK(s_ok);
  CHECK(w == NULL);
  CHECK(b_ok);

  /* A weak ref whose target is still referenced stays valid. */
  v8c_value o = v8c_object(env);
  v8c_set_named(env, v8c_global(env), "target", o);
  v8c_ref *r = v8c_ref_new(env, o);
  v8c_ref_weak(r, true);
  v8c_gc(env);
  v8c_value got = v8c_ref_get(env, r);
  bool same = got && v8c_strict_equals(got, o);
  /* Refs to primitives work as well. */
  v8c_ref *pr = v8c_ref_new(env, str(env, "text"));
  v8c_gc(env);
  const char *text = S(env, v8c_ref_get(env, pr));
  bool text_ok = text && strcmp(text, "text") == 0;
  v8c_ref_free(r);
  v8c_ref_free(pr);
  v8c_ref_free(NULL);
  CHECK(same);
  CHECK(text_ok);
  CHECK(v8c_ref_get(env, NULL) == NULL);
}

/* ---- Binary data ------------------------------------------------------ */

static atomic_int ext_frees;
static int ext_hint;

/* Frees an external buffer's memory; a hint other than NULL or &ext_hint
 * means v8c passed the wrong one. */
static void on_ext_free(void *data, void *hint) {
  free(data);
  if (hint == NULL || hint == &ext_hint) atomic_fetch_add(&ext_frees, 1);
}

static void test_arraybuffer(v8c_env *env) {
  void *data = NULL;
  size_t before = v8c_arraybuffer_bytes(env);
  v8c_value ab = v8c_arraybuffer(env, 16, &data);
  CHECK(v8c_is(ab, V8C_ARRAY_BUFFER) && data != NULL);
  CHECK(v8c_arraybuffer_bytes(env) >= before + 16);
  unsigned char *bytes = data;
  bool zeroed = true;
  for (int i = 0; i < 16; i++) zeroed = zeroed && bytes[i] == 0;
  CHECK(zeroed);
  bytes[0] = 7;
  v8c_set_named(env, v8c_global(env), "ab", ab);
  CHECK_STR(run_str(env, "var u = new Uint8Array(ab); u[1] = 9; u[0]"), "7");
  CHECK(bytes[1] == 9);

  void *d = NULL;
  size_t len = 0;
  CHECK(v8c_bytes(ab, &d, &len) && d == data && len == 16);

  /* A view: bytes are the view's window. */
  v8c_value view = v8c_uint8array(env, ab, 4, 8);
  CHECK(v8c_is(view, V8C_UINT8_ARRAY));
  CHECK(v8c_bytes(view, &d, &len) && d == bytes + 4 && len == 8);
  v8c_value whole = v8c_uint8array(env, ab, 0, 16);
  CHECK(whole && v8c_bytes(whole, &d, &len) && len == 16);
  v8c_value empty = v8c_uint8array(env, ab, 16, 0);
  CHECK(empty && v8c_bytes(empty, &d, &len) && len == 0);
  CHECK_THROWS(env, v8c_uint8array(env, ab, 10, 8) == NULL, "RangeError");
  CHECK_THROWS(env, v8c_uint8array(env, ab, 17, 0) == NULL, "RangeError");
  CHECK_THROWS(env, v8c_uint8array(env, ab, SIZE_MAX, 2) == NULL,
               "RangeError");
  CHECK_THROWS(env, v8c_uint8array(env, ab, 2, SIZE_MAX) == NULL,
               "RangeError");
  CHECK_THROWS(env, v8c_uint8array(env, v8c_object(env), 0, 0) == NULL,
               NULL);

  /* Other kinds of buffers and views; a non-buffer is refused. */
  CHECK(v8c_bytes(run(env, "new DataView(ab, 2, 3)"), &d, &len) &&
        d == bytes + 2 && len == 3);
  CHECK(v8c_bytes(run(env, "new Float64Array(ab, 8, 1)"), &d, &len) &&
        d == bytes + 8 && len == 8);
  CHECK(v8c_bytes(run(env, "var sab = new SharedArrayBuffer(5); sab"), &d,
                  &len) && len == 5);
  CHECK(!v8c_bytes(run(env, "[1, 2]"), &d, &len));
  CHECK(!v8c_bytes(str(env, "abc"), &d, &len));
  CHECK(!v8c_bytes(NULL, &d, &len));
  /* An empty buffer. */
  v8c_value ab0 = v8c_arraybuffer(env, 0, NULL);
  CHECK(ab0 && v8c_bytes(ab0, &d, &len) && len == 0);
}

static void test_arraybuffer_external(v8c_env *unused) {
  (void)unused;
  atomic_store(&ext_frees, 0);
  static const char fixed[] = "static bytes";
  v8c_env *env = v8c_env_new(NULL);
  CHECK(env != NULL);
  v8c_scope s;
  v8c_scope_open(env, &s);
  /* One kept alive until the env goes, one unreachable. */
  char *kept = malloc(32);
  memcpy(kept, "hello", 6);
  v8c_value ab = v8c_arraybuffer_external(env, kept, 32, on_ext_free,
                                          &ext_hint);
  v8c_set_named(env, v8c_global(env), "ab", ab);
  const char *seen = run_str(env, "String.fromCharCode(...new Uint8Array(ab,"
                                  " 0, 5))");
  bool seen_ok = seen && strcmp(seen, "hello") == 0;
  void *d = NULL;
  size_t len = 0;
  bool bytes_ok = v8c_bytes(ab, &d, &len) && d == kept && len == 32;
  {
    v8c_scope inner;
    v8c_scope_open(env, &inner);
    v8c_arraybuffer_external(env, malloc(64), 64, on_ext_free, &ext_hint);
    /* Static memory: no finalizer. */
    v8c_arraybuffer_external(env, (void *)fixed, sizeof fixed, NULL, NULL);
    v8c_scope_close(&inner);
  }
  v8c_gc(env);
  int after_gc = atomic_load(&ext_frees);
  v8c_scope_close(&s);
  v8c_env_free(env);
  CHECK(seen_ok);
  CHECK(bytes_ok);
  CHECK(after_gc <= 1);
  CHECK(atomic_load(&ext_frees) == 2);
}

/* The count of live ArrayBuffer bytes falls once they are collected. */
static void test_arraybuffer_bytes(v8c_env *env) {
  size_t base = v8c_arraybuffer_bytes(env);
  {
    v8c_scope s;
    v8c_scope_open(env, &s);
    for (int i = 0; i < 4; i++) v8c_arraybuffer(env, 1 << 20, NULL);
    run(env, "new ArrayBuffer(1 << 20)");
    v8c_scope_close(&s);
  }
  CHECK(v8c_arraybuffer_bytes(env) >= base + (5u << 20));
  v8c_gc(env);
  CHECK(v8c_arraybuffer_bytes(env) <= base);
}

/* A view keeps its external buffer alive after the buffer's own handle is
 * gone; once the view goes too, the memory is freed exactly once. */
static void test_arraybuffer_view_keeps(v8c_env *unused) {
  (void)unused;
  atomic_store(&ext_frees, 0);
  v8c_env *env = v8c_env_new(NULL);
  CHECK(env != NULL);
  v8c_scope s;
  v8c_scope_open(env, &s);
  char *mem = malloc(8);
  memcpy(mem, "abcdefgh", 8);
  {
    v8c_scope inner;
    v8c_scope_open(env, &inner);
    v8c_value ab = v8c_arraybuffer_external(env, mem, 8, on_ext_free, NULL);
    v8c_set_named(env, v8c_global(env), "view",
                  v8c_uint8array(env, ab, 2, 3));
    v8c_scope_close(&inner);
  }
  v8c_gc(env);
  int alive_frees = atomic_load(&ext_frees);
  const char *r = run_str(env, "String.fromCharCode(...view)");
  bool r_ok = r && strcmp(r, "cde") == 0;
  run(env, "view = null");
  v8c_gc(env);
  v8c_scope_close(&s);
  v8c_env_free(env);
  CHECK(alive_frees == 0);
  CHECK(r_ok);
  CHECK(atomic_load(&ext_frees) == 1);
}

/* ---- JSON, heap, introspection ---------------------------------------- */

static void test_json(v8c_env *env) {
  v8c_value v = v8c_json_parse(env, str(env,
      "{\"a\": [1, 2.5, \"s\\u00e9\"], \"b\": {\"c\": null}, \"t\": true}"));
  CHECK(v8c_is(v, V8C_OBJECT));
  CHECK(v8c_array_length(v8c_get_named(env, v, "a")) == 3);
  CHECK_STR(S(env, v8c_json_stringify(env, v)),
            "{\"a\":[1,2.5,\"s\xc3\xa9\"],\"b\":{\"c\":null},\"t\":true}");
  CHECK(v8c_value_double(v8c_json_parse(env, str(env, "42"))) == 42);
  CHECK_STR(S(env, v8c_json_stringify(env, str(env, "q\"\n"))),
            "\"q\\\"\\n\"");
  CHECK_THROWS(env, v8c_json_parse(env, str(env, "{bad")) == NULL,
               "SyntaxError");
  CHECK_THROWS(env, v8c_json_parse(env, v8c_number(env, 1)) == NULL,
               "TypeError");
  CHECK_THROWS(env, v8c_json_stringify(env, run(env,
                   "var cyc = {}; cyc.self = cyc; cyc")) == NULL,
               "TypeError");
  CHECK_THROWS(env, v8c_json_stringify(env, v8c_bigint_i64(env, 1)) == NULL,
               "TypeError");
  /* toJSON runs, and can throw. */
  CHECK_STR(S(env, v8c_json_stringify(env,
                run(env, "({toJSON() { return [1]; }})"))), "[1]");
  CHECK_THROWS(env, v8c_json_stringify(env,
                   run(env, "({toJSON() { throw new RangeError('j'); }})"))
                    == NULL, "RangeError");
}

static void test_heap(v8c_env *env) {
  v8c_heap_stats hs;
  memset(&hs, 0, sizeof hs);
  v8c_heap_statistics(env, &hs);
  CHECK(hs.total_heap_size > 0);
  CHECK(hs.used_heap_size > 0);
  CHECK(hs.used_heap_size <= hs.total_heap_size);
  CHECK(hs.heap_size_limit >= hs.total_heap_size);
  CHECK(hs.malloced_memory > 0);
  /* Allocating grows the used heap. */
  run(env, "var big = []; for (let i = 0; i < 100000; i++) big.push({i});");
  v8c_heap_stats after;
  v8c_heap_statistics(env, &after);
  CHECK(after.used_heap_size > hs.used_heap_size);
}

static void test_proxy(v8c_env *env) {
  v8c_value target = run(env, "var t = {a: 1}; t");
  v8c_value handler = run(env, "var h = {get: () => 2}; h");
  v8c_value px = run(env, "new Proxy(t, h)");
  v8c_value gt = NULL, gh = NULL;
  CHECK(v8c_proxy_details(px, &gt, &gh));
  CHECK(gt && v8c_strict_equals(gt, target));
  CHECK(gh && v8c_strict_equals(gh, handler));
  CHECK(v8c_proxy_details(px, NULL, NULL));
  CHECK(!v8c_proxy_details(target, &gt, &gh));
  CHECK(!v8c_proxy_details(v8c_number(env, 1), &gt, &gh));
  /* A revoked proxy has null for both. */
  v8c_value rv = run(env, "var r = Proxy.revocable({}, {}); r.revoke();"
                          " r.proxy");
  CHECK(v8c_proxy_details(rv, &gt, &gh));
  CHECK(v8c_is(gt, V8C_NULL) && v8c_is(gh, V8C_NULL));
}

static void test_preview(v8c_env *env) {
  bool kv = false;
  v8c_value e = v8c_preview_entries(env,
      run(env, "new Map([['k1', 1], [{}, 'v2']])"), &kv);
  CHECK(v8c_is(e, V8C_ARRAY) && kv);
  CHECK(v8c_array_length(e) == 4);
  CHECK_STR(S(env, v8c_get_index(env, e, 0)), "k1");
  CHECK(v8c_value_double(v8c_get_index(env, e, 1)) == 1);
  CHECK(v8c_is(v8c_get_index(env, e, 2), V8C_OBJECT));
  CHECK_STR(S(env, v8c_get_index(env, e, 3)), "v2");

  kv = true;
  e = v8c_preview_entries(env, run(env, "new Set(['a', 'b', 'c'])"), &kv);
  CHECK(e && !kv);
  CHECK_STR(S(env, e), "a,b,c");
  /* An iterator shows what is left of it. */
  e = v8c_preview_entries(env,
      run(env, "var it = new Map([[1, 2], [3, 4]]).keys(); it.next(); it"),
      &kv);
  CHECK(e);
  CHECK_STR(S(env, e), "3");
  e = v8c_preview_entries(env,
      run(env, "var wk = {}; var wm = new WeakMap([[wk, 'w']]); wm"), &kv);
  CHECK(e && kv && v8c_array_length(e) == 2);
  /* Anything else: no preview (NULL, no crash). */
  v8c_trycatch tc;
  v8c_try_begin(env, &tc);
  e = v8c_preview_entries(env, v8c_object(env), &kv);
  v8c_try_end(&tc);
  CHECK(e == NULL || v8c_array_length(e) == 0);
}

/* ---- Primitives where an object is expected --------------------------- */

/* Each of these runs in a child process: a v8c function that trusts its
 * argument's type would crash here. Every one must throw a TypeError (or
 * report failure where it documents no exception) with the env still
 * usable afterwards. */

static v8c_value prim(v8c_env *env, int i) {
  switch (i) {
    case 0: return v8c_number(env, 1);
    case 1: return str(env, "text");
    case 2: return v8c_undefined(env);
    case 3: return v8c_null(env);
    case 4: return v8c_bool(env, true);
    case 5: return v8c_symbol(env, "s");
    default: return v8c_bigint_i64(env, 1);
  }
}
#define NPRIM 7

#define FOR_PRIMS(env, p) \
  for (int pi_ = 0; pi_ < NPRIM; pi_++) \
    for (v8c_value p = prim((env), pi_); p; p = NULL)

static void still_usable(v8c_env *env) {
  CHECK_STR(run_str(env, "[1, 2].map((x) => x * 2).join()"), "2,4");
}

static void test_prim_get(v8c_env *env) {
  FOR_PRIMS(env, p) {
    CHECK_THROWS(env, v8c_get(env, p, str(env, "k")) == NULL, "TypeError");
    CHECK_THROWS(env, v8c_get_named(env, p, "k") == NULL, "TypeError");
    CHECK_THROWS(env, v8c_get_index(env, p, 0) == NULL, "TypeError");
  }
  CHECK_THROWS(env, v8c_get_named(env, NULL, "k") == NULL, "TypeError");
  still_usable(env);
}

static void test_prim_set(v8c_env *env) {
  v8c_value one = v8c_number(env, 1);
  FOR_PRIMS(env, p) {
    CHECK_THROWS(env, !v8c_set(env, p, str(env, "k"), one), "TypeError");
    CHECK_THROWS(env, !v8c_set_named(env, p, "k", one), "TypeError");
    CHECK_THROWS(env, !v8c_set_index(env, p, 0, one), "TypeError");
    CHECK_THROWS(env, !v8c_define_hidden(env, p, "k", one), "TypeError");
  }
  still_usable(env);
}

static void test_prim_has_delete(v8c_env *env) {
  FOR_PRIMS(env, p) {
    CHECK_THROWS(env, v8c_has(env, p, str(env, "k")) == -1, "TypeError");
    CHECK_THROWS(env, !v8c_delete(env, p, str(env, "k")), "TypeError");
  }
  still_usable(env);
}

static void test_prim_keys_proto(v8c_env *env) {
  FOR_PRIMS(env, p) {
    CHECK_THROWS(env, v8c_own_keys(env, p, 0, false) == NULL, "TypeError");
    CHECK_THROWS(env, v8c_get_prototype(env, p) == NULL, "TypeError");
    CHECK_THROWS(env, !v8c_set_prototype(env, p, v8c_object(env)),
                 "TypeError");
    CHECK_THROWS(env, v8c_constructor_name(env, p) == NULL, "TypeError");
    CHECK_THROWS(env, v8c_preview_entries(env, p, NULL) == NULL,
                 "TypeError");
  }
  still_usable(env);
}

/* A primitive as the new prototype: JS throws a TypeError for that. */
static void test_prim_as_prototype(v8c_env *env) {
  for (int i = 0; i < NPRIM; i++) {
    if (i == 3) continue;  /* null is a valid prototype */
    CHECK_THROWS(env, !v8c_set_prototype(env, v8c_object(env), prim(env, i)),
                 "TypeError");
  }
  still_usable(env);
}

static void test_prim_call(v8c_env *env) {
  FOR_PRIMS(env, p) {
    CHECK_THROWS(env, v8c_call_fn(env, p, NULL, 0, NULL) == NULL,
                 "TypeError");
    CHECK_THROWS(env, v8c_new_instance(env, p, 0, NULL) == NULL,
                 "TypeError");
  }
  CHECK_THROWS(env, v8c_call_fn(env, v8c_object(env), NULL, 0, NULL) == NULL,
               "TypeError");
  CHECK_THROWS(env, v8c_call_fn(env, NULL, NULL, 0, NULL) == NULL,
               "TypeError");
  still_usable(env);
}

/* Functions documented to answer "no" rather than throw. */
static void test_prim_queries(v8c_env *env) {
  v8c_value t, h, r;
  void *d;
  size_t len;
  bool kv;
  (void)kv;
  FOR_PRIMS(env, p) {
    CHECK(v8c_unwrap(env, p, &tag_point) == NULL);
    v8c_unwrap_clear(env, p);
    CHECK(!v8c_proxy_details(p, &t, &h));
    CHECK(!v8c_bytes(p, &d, &len));
    CHECK(v8c_promise_state(p, &r) == -1);
    CHECK(v8c_array_length(p) == 0);
  }
  still_usable(env);
}

/* A primitive where a resolver is expected. */
static void test_prim_settle(v8c_env *env) {
  FOR_PRIMS(env, p) {
    CHECK_THROWS(env, !v8c_promise_settle(env, p, true, v8c_number(env, 1)),
                 "TypeError");
  }
  /* Nor is a plain object. */
  CHECK_THROWS(env, !v8c_promise_settle(env, v8c_object(env), true,
                                        v8c_number(env, 1)), "TypeError");
  still_usable(env);
}

/* Sources, buffers and JSON texts of the wrong type. */
static void test_prim_sources(v8c_env *env) {
  FOR_PRIMS(env, p) {
    if (v8c_is(p, V8C_STRING)) continue;
    CHECK_THROWS(env, v8c_run_script(env, p, str(env, "f.js")) == NULL,
                 "TypeError");
    CHECK_THROWS(env, v8c_compile_function(env, p, str(env, "f.js"), 0, NULL)
                      == NULL, "TypeError");
    CHECK_THROWS(env, v8c_json_parse(env, p) == NULL, "TypeError");
    CHECK_THROWS(env, v8c_uint8array(env, p, 0, 0) == NULL, NULL);
  }
  still_usable(env);
}

/* ---- Test table and runner -------------------------------------------- */

#define OWN_ENV 1 /* the test makes and frees its own envs */
#define ALONE 2   /* run in a child process: a bug may crash it */

static const struct test {
  const char *name;
  void (*fn)(v8c_env *env);
  int flags;
} tests[] = {
  {"version", test_version, 0},
  {"env_twice", test_env_twice, OWN_ENV},
  {"env_nested", test_env_nested, OWN_ENV},
  {"scopes", test_scopes, 0},
  {"numbers", test_numbers, 0},
  {"bigint", test_bigint, 0},
  {"strings", test_strings, 0},
  {"is", test_is, 0},
  {"objects", test_objects, 0},
  {"functions", test_functions, 0},
  {"native_throws", test_native_throws, 0},
  {"errors", test_errors, 0},
  {"trycatch", test_trycatch, 0},
  {"arrow_thrown", test_arrow_thrown, 0},
  {"arrow_syntax", test_arrow_syntax, 0},
  {"compile", test_compile, 0},
  {"terminate", test_terminate, 0},
  {"terminate_thread", test_terminate_thread, 0},
  {"microtasks", test_microtasks, 0},
  {"eval_repl", test_eval_repl, 0},
  {"promise_reject_events", test_promise_reject_events, 0},
  {"promises", test_promises, 0},
  {"wrap_tags", test_wrap_tags, 0},
  {"wrap_gc", test_wrap_gc, 0},
  {"wrap_env_free", test_wrap_env_free, OWN_ENV},
  {"wrap_unaligned", test_wrap_unaligned, ALONE},
  {"refs", test_refs, 0},
  {"arraybuffer", test_arraybuffer, 0},
  {"arraybuffer_bytes", test_arraybuffer_bytes, 0},
  {"arraybuffer_external", test_arraybuffer_external, OWN_ENV},
  {"arraybuffer_view_keeps", test_arraybuffer_view_keeps, OWN_ENV},
  {"json", test_json, 0},
  {"heap", test_heap, 0},
  {"proxy", test_proxy, 0},
  {"preview", test_preview, 0},
  {"prim_get", test_prim_get, ALONE},
  {"prim_set", test_prim_set, ALONE},
  {"prim_has_delete", test_prim_has_delete, ALONE},
  {"prim_keys_proto", test_prim_keys_proto, ALONE},
  {"prim_as_prototype", test_prim_as_prototype, ALONE},
  {"prim_call", test_prim_call, ALONE},
  {"prim_queries", test_prim_queries, ALONE},
  {"prim_settle", test_prim_settle, ALONE},
  {"prim_sources", test_prim_sources, ALONE},
};
#define NTESTS (sizeof tests / sizeof tests[0])

/* Runs one test here; true when it passed. The harness's own trycatch
 * reports an exception that the test let escape. */
static bool run_here(const struct test *t) {
  current = t->name;
  failures = 0;
  if (t->flags & OWN_ENV) {
    t->fn(NULL);
    return failures == 0;
  }
  v8c_env *env = v8c_env_new(NULL);
  if (!env) {
    fail_at(__FILE__, __LINE__, "v8c_env_new failed");
    return false;
  }
  v8c_scope s;
  v8c_scope_open(env, &s);
  v8c_trycatch tc;
  v8c_try_begin(env, &tc);
  t->fn(env);
  if (v8c_try_caught(&tc)) {
    v8c_value e = v8c_try_exception(&tc);
    const char *stack = prop(env, e, "stack");
    fail_at(__FILE__, __LINE__, "uncaught exception: %s",
            stack ? stack : S(env, e));
  }
  v8c_try_end(&tc);
  v8c_scope_close(&s);
  v8c_env_free(env);
  return failures == 0;
}

/* Runs one test as this program in a child, with a time limit. */
static bool run_alone(const struct test *t, const char *self) {
  char *argv[] = {(char *)self, "--run", (char *)t->name, NULL};
  pid_t pid;
  fflush(stdout);
  fflush(stderr);
  if (posix_spawn(&pid, self, NULL, NULL, argv, environ) != 0) {
    fprintf(stderr, "  %s: could not start %s\n", t->name, self);
    return false;
  }
  int status = 0;
  for (int waited = 0;; waited++) {
    pid_t r = waitpid(pid, &status, WNOHANG);
    if (r == pid) break;
    if (waited >= 6000) {  /* 60 s */
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      fprintf(stderr, "  %s: timed out\n", t->name);
      return false;
    }
    nanosleep(&(struct timespec){0, 10 * 1000 * 1000}, NULL);
  }
  if (WIFSIGNALED(status)) {
    fprintf(stderr, "  %s: crashed (signal %d)\n", t->name, WTERMSIG(status));
    return false;
  }
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

int main(int argc, char **argv) {
  if (v8c_init(NULL) != 0) {
    fprintf(stderr, "v8c_init failed\n");
    return 1;
  }
  if (argc == 3 && strcmp(argv[1], "--run") == 0) {
    for (size_t i = 0; i < NTESTS; i++)
      if (strcmp(tests[i].name, argv[2]) == 0)
        return run_here(&tests[i]) ? 0 : 1;
    fprintf(stderr, "no test named %s\n", argv[2]);
    return 2;
  }
  int passed = 0, failed = 0;
  for (size_t i = 0; i < NTESTS; i++) {
    const struct test *t = &tests[i];
    bool ok = (t->flags & ALONE) ? run_alone(t, "/proc/self/exe")
                                 : run_here(t);
    printf("%s %s\n", ok ? "ok  " : "FAIL", t->name);
    fflush(stdout);
    if (ok) passed++; else failed++;
  }
  v8c_shutdown();
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
