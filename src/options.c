/* options.c — noderun's command line, parsed the way Node parses its own:
 * options first, then the script (or "-" for stdin) and its arguments. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

enum opt_kind { OPT_BOOL, OPT_VALUE, OPT_V8_VALUE };

typedef struct opt {
  const char *name;  /* "--eval" */
  const char *alias; /* "-e" or NULL */
  enum opt_kind kind;
} opt;

static const opt options[] = {
    {"--eval", "-e", OPT_VALUE},
    {"--print", "-p", OPT_BOOL},  /* takes the script as its value, see below */
    {"--check", "-c", OPT_BOOL},
    {"--require", "-r", OPT_VALUE},
    {"--interactive", "-i", OPT_BOOL},
    {"--version", "-v", OPT_BOOL},
    {"--help", "-h", OPT_BOOL},
    {"--unhandled-rejections", NULL, OPT_VALUE},
    {"--title", NULL, OPT_VALUE},
    {"--no-warnings", NULL, OPT_BOOL},
    {"--trace-warnings", NULL, OPT_BOOL},
    {"--no-deprecation", NULL, OPT_BOOL},
    {"--throw-deprecation", NULL, OPT_BOOL},
    {"--trace-deprecation", NULL, OPT_BOOL},
    {"--pending-deprecation", NULL, OPT_BOOL},
    {"--expose-internals", NULL, OPT_BOOL},
    {"--abort-on-uncaught-exception", NULL, OPT_BOOL},
    /* Read by lib/_http_common.js from process.execArgv. */
    {"--max-http-header-size", NULL, OPT_VALUE},
    {"--insecure-http-parser", NULL, OPT_BOOL},
    /* Read by lib/internal/dns/utils.js and lib/net.js the same way. */
    {"--dns-result-order", NULL, OPT_VALUE},
    {"--enable-network-family-autoselection", NULL, OPT_BOOL},
    {"--input-type", NULL, OPT_VALUE},
    /* node:test; all but --test are read by lib/ from process.execArgv. */
    {"--test", NULL, OPT_BOOL},
    {"--test-only", NULL, OPT_BOOL},
    {"--test-name-pattern", NULL, OPT_VALUE},
    {"--test-reporter", NULL, OPT_VALUE},
    {"--test-reporter-destination", NULL, OPT_VALUE},
    /* Read by lib/buffer.js from process.execArgv. */
    {"--zero-fill-buffers", NULL, OPT_BOOL},
    /* Features Node 18 once had behind these flags are always on. */
    {"--experimental-json-modules", NULL, OPT_BOOL},
    {"--experimental-top-level-await", NULL, OPT_BOOL},
    /* import.meta.resolve's second argument (parentURL). */
    {"--experimental-import-meta-resolve", NULL, OPT_BOOL},
    {"--experimental-vm-modules", NULL, OPT_BOOL},
    /* Handed to V8 as they are. */
    {"--stack-size", NULL, OPT_V8_VALUE},
    {"--stack-trace-limit", NULL, OPT_V8_VALUE},
    {"--max-old-space-size", NULL, OPT_V8_VALUE},
    {"--max-semi-space-size", NULL, OPT_V8_VALUE},
    {NULL, NULL, OPT_BOOL},
};

static const opt *find_option(const char *arg, size_t len) {
  for (const opt *o = options; o->name; o++) {
    if ((strlen(o->name) == len && strncmp(o->name, arg, len) == 0) ||
        (o->alias && strlen(o->alias) == len && strncmp(o->alias, arg, len) == 0))
      return o;
  }
  return NULL;
}

static void add_v8_flag(nr__cli *cli, const char *flag) {
  size_t old = cli->v8_flags ? strlen(cli->v8_flags) : 0;
  char *s = realloc(cli->v8_flags, old + strlen(flag) + 2);
  if (!s) return;
  if (old) s[old++] = ' ';
  strcpy(s + old, flag);
  cli->v8_flags = s;
}

static int bad(const char *argv0, const char *what, const char *arg) {
  (void)argv0;
  fprintf(stderr, "noderun: %s%s\n", what, arg);
  return 9;
}

int nr__cli_parse(nr__cli *cli, int argc, char **argv) {
  memset(cli, 0, sizeof *cli);
  cli->exec_argv = calloc((size_t)argc + 1, sizeof(char *));
  cli->requires = calloc((size_t)argc + 1, sizeof(char *));
  if (!cli->exec_argv || !cli->requires) return 9;
  int i = 1;
  for (; i < argc; i++) {
    char *arg = argv[i];
    if (strcmp(arg, "--") == 0) {  /* not part of execArgv, as in Node */
      i++;
      break;
    }
    if (strcmp(arg, "-") == 0) {
      cli->force_stdin = true;
      break;
    }
    if (arg[0] != '-') break;  /* the script */
    cli->exec_argv[cli->exec_argc++] = arg;
    /* "-pe" is Node's shorthand for "-p -e". */
    if (strcmp(arg, "-pe") == 0 || strcmp(arg, "-ep") == 0) arg = "-p";
    const char *eq = arg[1] == '-' ? strchr(arg, '=') : NULL;
    size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
    const opt *o = find_option(arg, len);
    /* Anything else V8 knows is a V8 flag, as in Node. */
    if (!o && arg[1] == '-' && v8c_set_flag(arg)) {
      add_v8_flag(cli, arg);
      continue;
    }
    if (!o) return bad(argv[0], "bad option: ", arg);
    const char *value = eq ? eq + 1 : NULL;
    bool wants_value = o->kind == OPT_VALUE || o->kind == OPT_V8_VALUE;
    if (strcmp(o->name, "--print") == 0) {
      /* -p takes the script text when one follows, like -e. */
      cli->print = true;
      if (!value && i + 1 < argc && argv[i + 1][0] != '-') {
        value = argv[++i];
        cli->exec_argv[cli->exec_argc++] = (char *)value;
      }
      if (value) cli->eval = value;
      continue;
    }
    if (wants_value && !value) {
      if (i + 1 >= argc) {
        fprintf(stderr, "noderun: %s requires an argument\n", arg);
        return 9;
      }
      value = argv[++i];
      cli->exec_argv[cli->exec_argc++] = (char *)value;
    } else if (!wants_value && value) {
      return bad(argv[0], "bad option: ", arg);
    }
    if (o->kind == OPT_V8_VALUE) {
      char flag[256];
      snprintf(flag, sizeof flag, "%s=%s", o->name, value);
      add_v8_flag(cli, flag);
    } else if (strcmp(o->name, "--eval") == 0) {
      cli->eval = value;
    } else if (strcmp(o->name, "--check") == 0) {
      cli->check = true;
    } else if (strcmp(o->name, "--require") == 0) {
      cli->requires[cli->nrequires++] = value;
    } else if (strcmp(o->name, "--interactive") == 0) {
      cli->interactive = true;
    } else if (strcmp(o->name, "--version") == 0) {
      cli->version = true;
    } else if (strcmp(o->name, "--help") == 0) {
      cli->help = true;
    } else if (strcmp(o->name, "--unhandled-rejections") == 0) {
      static const char *const modes[] = {"throw", "strict", "warn", "none",
                                          "warn-with-error-code", NULL};
      bool ok = false;
      for (int m = 0; modes[m]; m++) ok |= strcmp(value, modes[m]) == 0;
      if (!ok) {
        fprintf(stderr, "noderun: invalid value for --unhandled-rejections\n");
        return 9;
      }
      cli->unhandled_rejections = value;
    } else if (strcmp(o->name, "--title") == 0) {
      cli->title = value;
    } else if (strcmp(o->name, "--no-warnings") == 0) {
      cli->no_warnings = true;
    } else if (strcmp(o->name, "--trace-warnings") == 0) {
      cli->trace_warnings = true;
    } else if (strcmp(o->name, "--no-deprecation") == 0) {
      cli->no_deprecation = true;
    } else if (strcmp(o->name, "--throw-deprecation") == 0) {
      cli->throw_deprecation = true;
    } else if (strcmp(o->name, "--trace-deprecation") == 0) {
      cli->trace_deprecation = true;
    } else if (strcmp(o->name, "--pending-deprecation") == 0) {
      cli->pending_deprecation = true;
    } else if (strcmp(o->name, "--experimental-import-meta-resolve") == 0) {
      cli->experimental_import_meta_resolve = true;
    } else if (strcmp(o->name, "--abort-on-uncaught-exception") == 0) {
      cli->abort_on_uncaught = true;
    } else if (strcmp(o->name, "--experimental-vm-modules") == 0) {
      cli->experimental_vm_modules = true;
    } else if (strcmp(o->name, "--input-type") == 0) {
      if (strcmp(value, "module") != 0 && strcmp(value, "commonjs") != 0) {
        fprintf(stderr,
                "noderun: --input-type must be \"module\" or \"commonjs\"\n");
        return 9;
      }
      cli->input_type = value;
    } else if (strcmp(o->name, "--expose-internals") == 0) {
      cli->expose_internals = true;
    } else if (strcmp(o->name, "--test") == 0) {
      cli->test = true;
    }
  }
  /* What is left: the script and its arguments. With -e/-p or "-" there is
   * no script path, and all of it goes to process.argv after argv[0]. */
  cli->script_argv = argv + i;
  cli->script_argc = argc - i;
  if (cli->force_stdin) {
    /* "-" stays in process.argv, as in Node. */
  } else if (cli->test) {
    /* The arguments are test files (or none: search for them). */
  } else if (!cli->eval && cli->script_argc > 0) {
    cli->script = cli->script_argv[0];
  }
  if (cli->test && (cli->check || cli->interactive || cli->eval)) {
    fprintf(stderr, "noderun: either --test or --%s can be used, not both\n",
            cli->check ? "check" : cli->interactive ? "interactive" : "eval");
    return 9;
  }
  if (cli->check && !cli->script && !cli->force_stdin && cli->eval) {
    fprintf(stderr, "noderun: either --check or --eval can be used, not both\n");
    return 9;
  }
  return 0;
}

void nr__cli_free(nr__cli *cli) {
  free(cli->exec_argv);
  free(cli->requires);
  free(cli->v8_flags);
  memset(cli, 0, sizeof *cli);
}
