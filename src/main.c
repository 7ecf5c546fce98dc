/* main.c — the noderun command: one client of the embedding API. */
#include <signal.h>

#include "noderun.h"

int main(int argc, char **argv) {
  /* As Node does: a write to a closed pipe is an EPIPE error for the
   * stream, not a signal that kills the process. */
  signal(SIGPIPE, SIG_IGN);
  /* Likewise a write beyond RLIMIT_FSIZE fails with EFBIG instead of
   * killing the process with SIGXFSZ. */
  signal(SIGXFSZ, SIG_IGN);
  nr_options opts = {.argc = argc, .argv = argv, .loop = NULL};
  int code;
  nr_runtime *rt = nr_runtime_new(&opts, &code);
  if (!rt) return code;
  if (nr_run_main(rt) == 0) nr_loop_run(rt, NR_RUN_DEFAULT);
  return nr_runtime_free(rt);
}
