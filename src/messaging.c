/* messaging.c — binding 'messaging' (being written). */
#include "internal.h"

bool nr__binding_messaging(nr_runtime *rt, v8c_value target) {
  (void)rt;
  (void)target;
  return true;
}
