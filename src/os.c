/* os.c — binding 'os' (being written). */
#include "internal.h"

bool nr__binding_os(nr_runtime *rt, v8c_value target) {
  (void)rt;
  (void)target;
  return true;
}
