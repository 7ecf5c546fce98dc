/* encoding.c — binding 'encoding' (being written). */
#include "internal.h"

bool nr__binding_encoding(nr_runtime *rt, v8c_value target) {
  (void)rt;
  (void)target;
  return true;
}
