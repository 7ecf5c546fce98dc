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

#endif
