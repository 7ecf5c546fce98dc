/* process_methods.c — binding 'process_methods': the natives behind
 * process.cwd(), hrtime(), memoryUsage(), kill(), exit(), env ... */
#include <dlfcn.h>
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"

extern char **environ;

static void cwd(v8c_call *c) {
  char buf[4096];
  size_t len = sizeof buf;
  int err = uv_cwd(buf, &len);
  if (err) return (void)nr__throw_uv(v8c_call_env(c), err, "uv_cwd", NULL, NULL);
  v8c_return(c, v8c_string(v8c_call_env(c), buf, len));
}

static void chdir_(v8c_call *c) {
  char *dir = nr__arg_string(c, 0, "directory");
  if (!dir) return;
  int err = uv_chdir(dir);
  if (err) {
    /* Node names the directory it was in as the path, the target as dest. */
    char cwd[4096];
    size_t len = sizeof cwd;
    if (uv_cwd(cwd, &len) != 0) cwd[0] = 0;
    nr__throw_uv(v8c_call_env(c), err, "chdir", cwd, dir);
  }
  free(dir);
}

/* umask() reads without changing; umask(mask) sets. Returns the old mask. */
static void umask_(v8c_call *c) {
  mode_t old;
  if (v8c_is(v8c_arg(c, 0), V8C_UNDEFINED)) {
    old = umask(0);
    umask(old);
  } else {
    int64_t mask;
    if (!nr__arg_int(c, 0, "mask", 0, 0777, &mask)) return;
    old = umask((mode_t)mask);
  }
  v8c_return_int(c, (int32_t)old);
}

/* hrtime() -> BigInt nanoseconds from an arbitrary fixed point. */
static void hrtime(v8c_call *c) {
  v8c_return(c, v8c_bigint_u64(v8c_call_env(c), uv_hrtime()));
}

static void uptime(v8c_call *c) {
  v8c_return_double(c, (double)(uv_hrtime() - nr__rt(c)->start_ns) / 1e9);
}

static void rss(v8c_call *c) {
  size_t r = 0;
  int err = uv_resident_set_memory(&r);
  if (err) return (void)nr__throw_uv(v8c_call_env(c), err, "uv_resident_set_memory", NULL, NULL);
  v8c_return_double(c, (double)r);
}

/* memoryUsage() -> [rss, heapTotal, heapUsed, external, arrayBuffers] */
static void memory_usage(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  size_t r = 0;
  uv_resident_set_memory(&r);
  v8c_heap_stats hs;
  v8c_heap_statistics(env, &hs);
  size_t ab = v8c_arraybuffer_bytes(env);
  double vals[5] = {(double)r, (double)hs.total_heap_size,
                    (double)hs.used_heap_size,
                    (double)(hs.external_memory + ab), (double)ab};
  v8c_value arr = v8c_array(env, 5);
  for (uint32_t i = 0; i < 5; i++)
    v8c_set_index(env, arr, i, v8c_number(env, vals[i]));
  v8c_return(c, arr);
}

/* cpuUsage() -> [user µs, system µs] */
static void cpu_usage(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  uv_rusage_t ru;
  int err = uv_getrusage(&ru);
  if (err) return (void)nr__throw_uv(env, err, "uv_getrusage", NULL, NULL);
  v8c_value arr = v8c_array(env, 2);
  v8c_set_index(env, arr, 0, v8c_number(env, ru.ru_utime.tv_sec * 1e6 + ru.ru_utime.tv_usec));
  v8c_set_index(env, arr, 1, v8c_number(env, ru.ru_stime.tv_sec * 1e6 + ru.ru_stime.tv_usec));
  v8c_return(c, arr);
}

/* resourceUsage() -> getrusage()'s fields, in the order of the object
 * process.resourceUsage() makes of them (times in µs, maxRSS in KiB). */
static void resource_usage(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  uv_rusage_t ru;
  int err = uv_getrusage(&ru);
  if (err) return (void)nr__throw_uv(env, err, "uv_getrusage", NULL, NULL);
  double vals[] = {
      ru.ru_utime.tv_sec * 1e6 + ru.ru_utime.tv_usec,
      ru.ru_stime.tv_sec * 1e6 + ru.ru_stime.tv_usec,
      (double)ru.ru_maxrss, (double)ru.ru_ixrss, (double)ru.ru_idrss,
      (double)ru.ru_isrss, (double)ru.ru_minflt, (double)ru.ru_majflt,
      (double)ru.ru_nswap, (double)ru.ru_inblock, (double)ru.ru_oublock,
      (double)ru.ru_msgsnd, (double)ru.ru_msgrcv, (double)ru.ru_nsignals,
      (double)ru.ru_nvcsw, (double)ru.ru_nivcsw,
  };
  uint32_t n = sizeof vals / sizeof vals[0];
  v8c_value arr = v8c_array(env, n);
  for (uint32_t i = 0; arr && i < n; i++)
    if (!v8c_set_index(env, arr, i, v8c_number(env, vals[i]))) return;
  if (arr) v8c_return(c, arr);
}

/* kill(pid, signal) -> 0 or a negative libuv error */
static void kill_(v8c_call *c) {
  int64_t pid, sig;
  if (!nr__arg_int(c, 0, "pid", INT32_MIN, INT32_MAX, &pid) ||
      !nr__arg_int(c, 1, "signal", 0, 64, &sig))
    return;
  v8c_return_int(c, uv_kill((int)pid, (int)sig));
}

/* reallyExit(code): stops the runtime; the 'exit' event already ran. */
static void really_exit(v8c_call *c) {
  nr_runtime *rt = nr__rt(c);
  int64_t code = 0;
  v8c_value v = v8c_arg(c, 0);
  if (v8c_is(v, V8C_NUMBER)) code = v8c_value_int64(v);
  rt->exit_emitted = true;
  nr__stop(rt, (int)(code & 0xff));
}

static void ids(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_value arr = v8c_array(env, 4);
  v8c_set_index(env, arr, 0, v8c_uint32(env, getuid()));
  v8c_set_index(env, arr, 1, v8c_uint32(env, geteuid()));
  v8c_set_index(env, arr, 2, v8c_uint32(env, getgid()));
  v8c_set_index(env, arr, 3, v8c_uint32(env, getegid()));
  v8c_return(c, arr);
}

static void getgroups_(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  gid_t groups[257];
  int n = getgroups(256, groups);
  if (n < 0) return (void)nr__throw_uv(env, -errno, "getgroups", NULL, NULL);
  /* As in Node, the effective gid is always one of them, even when the
   * supplementary list leaves it out. */
  gid_t egid = getegid();
  int i = 0;
  while (i < n && groups[i] != egid) i++;
  if (i == n) groups[n++] = egid;
  v8c_value arr = v8c_array(env, (uint32_t)n);
  for (int i = 0; i < n; i++) v8c_set_index(env, arr, (uint32_t)i, v8c_uint32(env, groups[i]));
  v8c_return(c, arr);
}

/* ---- Credentials ------------------------------------------------------ */

/* The user (group when `group`) that v names: a uint32 id or a name, looked
 * up either way as Node does. False with ERR_UNKNOWN_CREDENTIAL thrown
 * when there is no such one (types are checked by the JS first). */
static bool credential_id(v8c_env *env, v8c_value v, bool group,
                          uint32_t *out) {
  char *name = NULL;
  char num[16];
  uint32_t id = 0;
  if (v8c_is(v, V8C_NUMBER)) {
    double d = v8c_value_double(v);
    if (!(d >= 0 && d <= 4294967295.0) || d != (double)(uint32_t)d) {
      nr__throw_arg_type(env, "id", "number or string");
      return false;
    }
    id = (uint32_t)d;
    snprintf(num, sizeof num, "%u", id);
  } else if (v8c_is(v, V8C_STRING)) {
    if (!(name = v8c_to_utf8(env, v, NULL))) return false;
  } else {
    nr__throw_arg_type(env, "id", "number or string");
    return false;
  }
  char buf[16384];
  bool found;
  if (group) {
    struct group gr, *res = NULL;
    if (name) getgrnam_r(name, &gr, buf, sizeof buf, &res);
    else getgrgid_r((gid_t)id, &gr, buf, sizeof buf, &res);
    found = res != NULL;
    if (found) id = (uint32_t)res->gr_gid;
  } else {
    struct passwd pw, *res = NULL;
    if (name) getpwnam_r(name, &pw, buf, sizeof buf, &res);
    else getpwuid_r((uid_t)id, &pw, buf, sizeof buf, &res);
    found = res != NULL;
    if (found) id = (uint32_t)res->pw_uid;
  }
  if (!found) {
    v8c_throw_error(env, V8C_ERROR, "ERR_UNKNOWN_CREDENTIAL",
                    "%s identifier does not exist: %s",
                    group ? "Group" : "User", name ? name : num);
  }
  free(name);
  *out = id;
  return found;
}

/* Node's legacy error of a failed credential call: "EPERM, Operation not
 * permitted", with errno, code and syscall. */
static void throw_errno(v8c_env *env, int err, const char *syscall) {
  char msg[256];
  const char *code = uv_err_name(-err);
  snprintf(msg, sizeof msg, "%s, %s", code, strerror(err));
  v8c_value e = v8c_error(env, V8C_ERROR, NULL, msg);
  v8c_value code_v = v8c_string(env, code, (size_t)-1);
  v8c_value syscall_v = v8c_string(env, syscall, (size_t)-1);
  if (!e || !code_v || !syscall_v) return;
  v8c_set_named(env, e, "errno", v8c_int32(env, -err));
  v8c_set_named(env, e, "code", code_v);
  v8c_set_named(env, e, "syscall", syscall_v);
  v8c_throw(env, e);
}

/* setCredential(which, id): 0 setuid, 1 setgid, 2 seteuid, 3 setegid. */
static void set_credential(v8c_call *c) {
  static const char *const names[] = {"setuid", "setgid", "seteuid",
                                      "setegid"};
  v8c_env *env = v8c_call_env(c);
  int64_t which;
  if (!nr__arg_int(c, 0, "which", 0, 3, &which)) return;
  uint32_t id;
  if (!credential_id(env, v8c_arg(c, 1), which & 1, &id)) return;
  int r;
  switch (which) {
    case 0: r = setuid((uid_t)id); break;
    case 1: r = setgid((gid_t)id); break;
    case 2: r = seteuid((uid_t)id); break;
    default: r = setegid((gid_t)id); break;
  }
  if (r != 0) throw_errno(env, errno, names[which]);
}

/* setgroups(groups): each a gid or a group name. */
static void setgroups_(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_value arr = v8c_arg(c, 0);
  if (!v8c_is(arr, V8C_ARRAY)) {
    nr__throw_arg_type(env, "groups", "Array");
    return;
  }
  uint32_t n = v8c_array_length(arr);
  if (n > 65536) n = 65536;  /* more than any system allows */
  gid_t *gids = malloc((n ? n : 1) * sizeof *gids);
  if (!gids) return;
  for (uint32_t i = 0; i < n; i++) {
    v8c_value item = v8c_get_index(env, arr, i);
    uint32_t id;
    if (!item || !credential_id(env, item, true, &id)) {
      free(gids);
      return;
    }
    gids[i] = (gid_t)id;
  }
  if (setgroups(n, gids) != 0) throw_errno(env, errno, "setgroups");
  free(gids);
}

static void ppid(v8c_call *c) { v8c_return_int(c, (int32_t)uv_os_getppid()); }

static void get_title(v8c_call *c) {
  char buf[512];
  if (uv_get_process_title(buf, sizeof buf) != 0) strcpy(buf, "noderun");
  v8c_return(c, v8c_string(v8c_call_env(c), buf, (size_t)-1));
}

static void set_title(v8c_call *c) {
  char *t = nr__arg_string(c, 0, "title");
  if (!t) return;
  uv_set_process_title(t);
  free(t);
}

/* ---- Environment variables ------------------------------------------- */

static void env_get(v8c_call *c) {
  char *name = nr__arg_string(c, 0, "name");
  if (!name) return;
  const char *v = getenv(name);
  free(name);
  if (v) v8c_return(c, v8c_string(v8c_call_env(c), v, (size_t)-1));
}

/* Setting TZ changes the zone of Dates from then on, as in Node. */
static void after_env_change(v8c_call *c, const char *name) {
  if (strcmp(name, "TZ") != 0) return;
  tzset();
  v8c_timezone_changed(v8c_call_env(c));
}

static void env_set(v8c_call *c) {
  char *name = nr__arg_string(c, 0, "name");
  char *value = name ? nr__arg_string(c, 1, "value") : NULL;
  if (value && *name && !strchr(name, '=')) {
    setenv(name, value, 1);
    after_env_change(c, name);
  }
  free(name);
  free(value);
}

static void env_delete(v8c_call *c) {
  char *name = nr__arg_string(c, 0, "name");
  if (!name) return;
  if (*name && !strchr(name, '=')) {
    unsetenv(name);
    after_env_change(c, name);
  }
  free(name);
}

static void env_keys(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  uint32_t n = 0;
  for (char **e = environ; e && *e; e++) n++;
  v8c_value arr = v8c_array(env, n);
  uint32_t i = 0;
  for (char **e = environ; e && *e; e++) {
    const char *eq = strchr(*e, '=');
    size_t len = eq ? (size_t)(eq - *e) : strlen(*e);
    v8c_set_index(env, arr, i++, v8c_string(env, *e, len));
  }
  v8c_return(c, arr);
}

/* ---- Options of the command line -------------------------------------- */

static void set_str(v8c_env *env, v8c_value o, const char *k, const char *v) {
  v8c_set_named(env, o, k, v ? v8c_string(env, v, (size_t)-1) : v8c_undefined(env));
}

/* getOptions() -> what the command line asked for. */
static void get_options(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  nr__cli *cli = &nr__rt(c)->cli;
  v8c_value o = v8c_object(env);
  set_str(env, o, "eval", cli->eval);
  set_str(env, o, "script", cli->script);
  set_str(env, o, "unhandledRejections", cli->unhandled_rejections);
  set_str(env, o, "title", cli->title);
  set_str(env, o, "inputType", cli->input_type);
  struct { const char *k; bool v; } flags[] = {
      {"print", cli->print}, {"check", cli->check},
      {"interactive", cli->interactive}, {"forceStdin", cli->force_stdin},
      {"help", cli->help}, {"noWarnings", cli->no_warnings},
      {"traceWarnings", cli->trace_warnings},
      {"noDeprecation", cli->no_deprecation},
      {"throwDeprecation", cli->throw_deprecation},
      {"traceDeprecation", cli->trace_deprecation},
      {"pendingDeprecation", cli->pending_deprecation},
      {"exposeInternals", cli->expose_internals},
      {"abortOnUncaughtException", cli->abort_on_uncaught},
      {"test", cli->test},
      {"experimentalVmModules", cli->experimental_vm_modules},
      {"experimentalImportMetaResolve",
       cli->experimental_import_meta_resolve}};
  for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++)
    v8c_set_named(env, o, flags[i].k, v8c_bool(env, flags[i].v));
  v8c_value req = v8c_array(env, (uint32_t)cli->nrequires);
  for (int i = 0; i < cli->nrequires; i++)
    v8c_set_index(env, req, (uint32_t)i, v8c_string(env, cli->requires[i], (size_t)-1));
  v8c_set_named(env, o, "requires", req);
  v8c_value words = v8c_array(env, (uint32_t)cli->node_optionc);
  for (int i = 0; i < cli->node_optionc; i++)
    v8c_set_index(env, words, (uint32_t)i,
                  v8c_string(env, cli->node_options[i], (size_t)-1));
  v8c_set_named(env, o, "nodeOptions", words);
  v8c_return(c, o);
}

/* dlopen(filename, flags): process.dlopen(). noderun cannot run Node's
 * addons (they need Node's C++ ABI or Node-API, which it does not have), so
 * it resolves every symbol at once (RTLD_NOW for RTLD_LAZY): an addon then
 * fails here with dlerror()'s text ("undefined symbol: napi_...") instead
 * of crashing on first call. A library that loads is closed again: nothing
 * in it registered a module ("Module did not self-register", as in Node). */
static void dlopen_(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  int64_t flags;
  if (!nr__arg_int(c, 1, "flags", INT32_MIN, INT32_MAX, &flags)) return;
  char *filename = nr__arg_string(c, 0, "filename");
  if (!filename) return;
  int mode = (int)flags;
  if (mode & (RTLD_LAZY | RTLD_NOW)) mode = (mode & ~RTLD_LAZY) | RTLD_NOW;
  void *lib = dlopen(filename, mode);
  if (!lib) {
    const char *why = dlerror();
    v8c_throw_error(env, V8C_ERROR, "ERR_DLOPEN_FAILED", "%s",
                    why ? why : "dlopen failed");
  } else {
    dlclose(lib);
    v8c_throw_error(env, V8C_ERROR, "ERR_DLOPEN_FAILED",
                    "Module did not self-register: '%s'.", filename);
  }
  free(filename);
}

/* envObject(handlers) -> process.env: an ordinary object whose properties
 * the handlers (lib/internal/process/per_thread.js) serve from environ. */
static void env_object(v8c_call *c) {
  v8c_value obj = v8c_intercepted_object(v8c_call_env(c), v8c_arg(c, 0));
  if (obj) v8c_return(c, obj);
}

static const nr__method methods[] = {
    {"cwd", cwd},
    {"dlopen", dlopen_},
    {"chdir", chdir_},
    {"umask", umask_},
    {"hrtime", hrtime},
    {"uptime", uptime},
    {"rss", rss},
    {"memoryUsage", memory_usage},
    {"cpuUsage", cpu_usage},
    {"resourceUsage", resource_usage},
    {"kill", kill_},
    {"reallyExit", really_exit},
    {"ids", ids},
    {"getgroups", getgroups_},
    {"setCredential", set_credential},
    {"setgroups", setgroups_},
    {"ppid", ppid},
    {"getTitle", get_title},
    {"setTitle", set_title},
    {"envGet", env_get},
    {"envSet", env_set},
    {"envDelete", env_delete},
    {"envKeys", env_keys},
    {"envObject", env_object},
    {"getOptions", get_options},
    {NULL, NULL},
};

bool nr__binding_process_methods(nr_runtime *rt, v8c_value target) {
  return nr__set_methods(rt->env, target, methods, NULL);
}
