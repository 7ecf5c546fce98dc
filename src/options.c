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
  bool in_env;       /* allowed in NODE_OPTIONS */
} opt;

static const opt options[] = {
    {"--eval", "-e", OPT_VALUE, false},
    {"--print", "-p", OPT_BOOL, false},  /* takes the script as its value, see below */
    {"--check", "-c", OPT_BOOL, false},
    {"--require", "-r", OPT_VALUE, true},
    {"--interactive", "-i", OPT_BOOL, false},
    {"--version", "-v", OPT_BOOL, false},
    {"--help", "-h", OPT_BOOL, false},
    {"--unhandled-rejections", NULL, OPT_VALUE, true},
    {"--title", NULL, OPT_VALUE, true},
    {"--no-warnings", NULL, OPT_BOOL, true},
    {"--trace-warnings", NULL, OPT_BOOL, true},
    {"--no-deprecation", NULL, OPT_BOOL, true},
    {"--throw-deprecation", NULL, OPT_BOOL, true},
    {"--trace-deprecation", NULL, OPT_BOOL, true},
    {"--pending-deprecation", NULL, OPT_BOOL, true},
    {"--expose-internals", NULL, OPT_BOOL, false},
    {"--abort-on-uncaught-exception", NULL, OPT_BOOL, true},
    /* Read by lib/ through internal/options.js. */
    {"--max-http-header-size", NULL, OPT_VALUE, true},
    {"--insecure-http-parser", NULL, OPT_BOOL, true},
    {"--dns-result-order", NULL, OPT_VALUE, true},
    {"--enable-network-family-autoselection", NULL, OPT_BOOL, true},
    {"--zero-fill-buffers", NULL, OPT_BOOL, true},
    {"--input-type", NULL, OPT_VALUE, true},
    /* node:test; all but --test are read by lib/ from process.execArgv
     * (so not taken from NODE_OPTIONS yet). */
    {"--test", NULL, OPT_BOOL, false},
    {"--test-only", NULL, OPT_BOOL, false},
    {"--test-name-pattern", NULL, OPT_VALUE, false},
    {"--test-reporter", NULL, OPT_VALUE, false},
    {"--test-reporter-destination", NULL, OPT_VALUE, false},
    /* Features Node 18 once had behind these flags are always on. */
    {"--experimental-json-modules", NULL, OPT_BOOL, true},
    {"--experimental-top-level-await", NULL, OPT_BOOL, true},
    /* import.meta.resolve's second argument (parentURL). */
    {"--experimental-import-meta-resolve", NULL, OPT_BOOL, true},
    {"--experimental-vm-modules", NULL, OPT_BOOL, true},
    /* Handed to V8 as they are. */
    {"--stack-size", NULL, OPT_V8_VALUE, false},
    {"--stack-trace-limit", NULL, OPT_V8_VALUE, true},
    {"--max-old-space-size", NULL, OPT_V8_VALUE, true},
    {"--max-semi-space-size", NULL, OPT_V8_VALUE, true},
    {NULL, NULL, OPT_BOOL, false},
};

/* The V8 flags Node takes from NODE_OPTIONS besides those above. */
static const char *const v8_env_flags[] = {
    "--disallow-code-generation-from-strings",
    "--huge-max-old-generation-size",
    "--interpreted-frames-native-stack",
    "--jitless",
    "--perf-basic-prof",
    "--perf-basic-prof-only-functions",
    "--perf-prof",
    "--perf-prof-unwinding-info",
    NULL,
};

static bool v8_env_flag(const char *arg, size_t len) {
  for (int i = 0; v8_env_flags[i]; i++)
    if (strlen(v8_env_flags[i]) == len && strncmp(v8_env_flags[i], arg, len) == 0)
      return true;
  return false;
}

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

/* The first len characters of arg may not be in NODE_OPTIONS: -9. */
static int not_in_env(const char *arg, size_t len) {
  fprintf(stderr, "noderun: %.*s is not allowed in NODE_OPTIONS\n", (int)len,
          arg);
  return -9;
}

static int bad(const char *argv0, const char *what, const char *arg) {
  (void)argv0;
  fprintf(stderr, "noderun: %s%s\n", what, arg);
  return 9;
}

/* Parses the options in argv[first..argc): those of the command line, or
 * (env) the words of NODE_OPTIONS, which must all be options allowed
 * there. Returns the index of the first argument that is not an option,
 * or -exit_code after printing why. */
static int parse_options(nr__cli *cli, int argc, char **argv, int first,
                         bool env) {
  int i = first;
  for (; i < argc; i++) {
    char *arg = argv[i];
    if (env && strcmp(arg, "--") == 0) return not_in_env(arg, 2);
    /* Node ignores NODE_OPTIONS from its first word that is no option. */
    if (env && (arg[0] != '-' || arg[1] == '\0')) break;
    if (strcmp(arg, "--") == 0) {  /* not part of execArgv, as in Node */
      i++;
      break;
    }
    if (strcmp(arg, "-") == 0) {
      cli->force_stdin = true;
      break;
    }
    if (arg[0] != '-') break;  /* the script */
    if (!env) cli->exec_argv[cli->exec_argc++] = arg;
    /* "-pe" is Node's shorthand for "-p -e". */
    if (strcmp(arg, "-pe") == 0 || strcmp(arg, "-ep") == 0) arg = "-p";
    const char *eq = arg[1] == '-' ? strchr(arg, '=') : NULL;
    size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
    const opt *o = find_option(arg, len);
    /* NODE_OPTIONS takes fewer options than the command line. */
    if (env && !(o ? o->in_env : v8_env_flag(arg, len)))
      return not_in_env(arg, eq ? len + 1 : len);
    /* Anything else V8 knows is a V8 flag, as in Node. (V8's flags are
     * the process's: a worker's execArgv cannot change them.) */
    if (!o && arg[1] == '-' && (cli->worker || v8c_set_flag(arg))) {
      /* Kept too: v8c_init applies it again after its own defaults. */
      add_v8_flag(cli, arg);
      continue;
    }
    if (!o) return -bad(argv[0], "bad option: ", arg);
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
        return -9;
      }
      value = argv[++i];
      if (!env) cli->exec_argv[cli->exec_argc++] = (char *)value;
    } else if (!wants_value && value) {
      return -bad(argv[0], "bad option: ", arg);
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
        return -9;
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
        return -9;
      }
      cli->input_type = value;
    } else if (strcmp(o->name, "--expose-internals") == 0) {
      cli->expose_internals = true;
    } else if (strcmp(o->name, "--test") == 0) {
      cli->test = true;
    }
  }
  return i;
}

/* Splits NODE_OPTIONS into words at spaces; "double quotes" group, and a
 * backslash in them takes the next character as it is. The words share
 * one block, kept in cli->env_words. Returns the count, or -1 after
 * printing why. */
static int split_env(nr__cli *cli, const char *text, char ***words) {
  size_t len = strlen(text);
  char *buf = malloc(len + 1);
  char **list = malloc((len / 2 + 2) * sizeof *list);
  if (!buf || !list) {
    free(buf);
    free(list);
    return -1;
  }
  int n = 0;
  char *out = buf;
  const char *p = text;
  while (*p) {
    while (*p == ' ') p++;
    if (!*p) break;
    list[n++] = out;
    bool quoted = false;
    for (; *p && (quoted || *p != ' '); p++) {
      if (*p == '"') {
        quoted = !quoted;
      } else if (quoted && *p == '\\' && p[1]) {
        *out++ = *++p;
      } else {
        *out++ = *p;
      }
    }
    if (quoted) {
      fprintf(stderr, "noderun: invalid value for NODE_OPTIONS "
                      "(unterminated string)\n");
      free(buf);
      free(list);
      return -1;
    }
    *out++ = '\0';
  }
  cli->env_words = buf;
  *words = list;
  return n;
}

int nr__cli_parse(nr__cli *cli, int argc, char **argv, bool worker) {
  memset(cli, 0, sizeof *cli);
  cli->worker = worker;
  const char *env = getenv("NODE_OPTIONS");
  char **words = NULL;
  int nwords = 0;
  if (env && *env && (nwords = split_env(cli, env, &words)) < 0) return 9;
  cli->node_options = words;
  cli->node_optionc = nwords;
  cli->exec_argv = calloc((size_t)argc + 1, sizeof(char *));
  cli->requires = calloc((size_t)(argc + nwords) + 1, sizeof(char *));
  if (!cli->exec_argv || !cli->requires) return 9;
  /* NODE_OPTIONS first: the command line can override it. (Its options
   * stay out of process.execArgv, as in Node.) */
  int i = nwords ? parse_options(cli, nwords, words, 0, true) : 0;
  if (i >= 0) i = parse_options(cli, argc, argv, 1, false);
  if (i < 0) return -i;
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
  free(cli->node_options);
  free(cli->env_words);
  free(cli->exec_argv);
  free(cli->requires);
  free(cli->v8_flags);
  memset(cli, 0, sizeof *cli);
}
