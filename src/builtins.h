/* builtins.h — the table of lib/ sources that tools/js2c.py generates. */
#ifndef NR_BUILTINS_H
#define NR_BUILTINS_H

#include <stddef.h>

typedef struct nr__builtin {
  const char *id;     /* "internal/errors" */
  const char *source;
  size_t length;
  int ascii;          /* 1: may be used in place as a one-byte string */
} nr__builtin;

/* Sorted by id (strcmp order). */
extern const nr__builtin nr__builtins[];
extern const size_t nr__builtins_count;

/* V8 code caches of the builtins, made at build time by src/mkcodecache.c:
 * entry i belongs to nr__builtins[i] (length 0: none). The table is empty
 * in mkcodecache itself. */
typedef struct nr__code_cache {
  const unsigned char *data;
  size_t length;
} nr__code_cache;
extern const nr__code_cache nr__code_caches[];
extern const size_t nr__code_caches_count;

/* Set by mkcodecache: keep every compiled builtin function (see
 * nr__builtin_function) so that its cache can be written. */
extern int nr__keep_builtins;

#endif
