/* os.c — binding 'os': what lib/os.js asks of the operating system (host
 * name, users, CPUs, memory, network interfaces, scheduling priority),
 * over libuv.
 *
 * Natives that can fail the way Node reports with ERR_SYSTEM_ERROR take a
 * context object as their last argument. On failure they fill it with
 * { errno, code, message, syscall } and return undefined; lib/os.js turns
 * it into the SystemError. The context is required: a call without one
 * throws before doing anything, so a stray call (the bad-input test) cannot
 * reach the system call, least of all uv_os_setpriority. */
#define _GNU_SOURCE /* sched_getaffinity, for libuv older than 1.44 */
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

/* ---- Helpers ---------------------------------------------------------- */

/* Argument i, which must be an object to receive the error context; NULL
 * (with ERR_INVALID_ARG_TYPE thrown) otherwise. */
static v8c_value ctx_arg(v8c_call *c, int i) {
  v8c_value v = v8c_arg(c, i);
  if (!v8c_is(v, V8C_OBJECT)) {
    nr__throw_arg_type(v8c_call_env(c), "ctx", "object");
    return NULL;
  }
  return v;
}

static bool set_str(v8c_env *env, v8c_value o, const char *k, const char *v) {
  v8c_value s = v8c_string(env, v, (size_t)-1);
  return s && v8c_set_named(env, o, k, s);
}

static bool set_num(v8c_env *env, v8c_value o, const char *k, double v) {
  return v8c_set_named(env, o, k, v8c_number(env, v));
}

/* Records libuv error `err` of `syscall` on ctx, for lib/os.js to throw. */
static void fill_ctx(v8c_env *env, v8c_value ctx, int err,
                     const char *syscall) {
  /* Stop at the first failure: a throwing setter leaves its exception. */
  if (v8c_set_named(env, ctx, "errno", v8c_int32(env, err)) &&
      set_str(env, ctx, "code", uv_err_name(err)) &&
      set_str(env, ctx, "message", uv_strerror(err)))
    set_str(env, ctx, "syscall", syscall);
}

/* ---- Host and user ---------------------------------------------------- */

/* getHostname(ctx) -> string */
static void get_hostname(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_value ctx = ctx_arg(c, 0);
  if (!ctx) return;
  char buf[UV_MAXHOSTNAMESIZE];
  size_t len = sizeof buf;
  int err = uv_os_gethostname(buf, &len);
  if (err) {
    fill_ctx(env, ctx, err, "uv_os_gethostname");
    return;
  }
  v8c_return(c, v8c_string(env, buf, len));
}

/* getHomeDirectory(ctx) -> string: $HOME, else the passwd entry. */
static void get_home_directory(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_value ctx = ctx_arg(c, 0);
  if (!ctx) return;
  char buf[4096];
  size_t len = sizeof buf;
  int err = uv_os_homedir(buf, &len);
  if (err) {
    fill_ctx(env, ctx, err, "uv_os_homedir");
    return;
  }
  v8c_return(c, v8c_string(env, buf, len));
}

/* A passwd field as a string (UTF-8) or, when `bytes`, as a Uint8Array of
 * its raw bytes so JS can apply another encoding. NULL fields are null. */
static v8c_value passwd_field(v8c_env *env, const char *s, bool bytes) {
  if (s == NULL) return v8c_null(env);
  if (!bytes) return v8c_string(env, s, (size_t)-1);
  size_t len = strlen(s);
  void *data;
  v8c_value ab = v8c_arraybuffer(env, len, &data);
  if (!ab) return NULL;
  memcpy(data, s, len);
  return v8c_uint8array(env, ab, 0, len);
}

/* getUserInfo(bytes, ctx) -> { uid, gid, username, homedir, shell } for the
 * effective user; the strings are Uint8Arrays when `bytes` is true. */
static void get_user_info(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_value ctx = ctx_arg(c, 1);
  if (!ctx) return;
  bool bytes = v8c_is(v8c_arg(c, 0), V8C_BOOLEAN) &&
               v8c_to_bool(env, v8c_arg(c, 0));
  uv_passwd_t pw;
  int err = uv_os_get_passwd(&pw);
  if (err) {
    fill_ctx(env, ctx, err, "uv_os_get_passwd");
    return;
  }
  v8c_value o = v8c_object(env);
  v8c_value name = passwd_field(env, pw.username, bytes);
  v8c_value home = name ? passwd_field(env, pw.homedir, bytes) : NULL;
  v8c_value shell = home ? passwd_field(env, pw.shell, bytes) : NULL;
  bool ok = shell && set_num(env, o, "uid", (double)pw.uid) &&
            set_num(env, o, "gid", (double)pw.gid) &&
            v8c_set_named(env, o, "username", name) &&
            v8c_set_named(env, o, "homedir", home) &&
            v8c_set_named(env, o, "shell", shell);
  uv_os_free_passwd(&pw);
  if (ok) v8c_return(c, o);
}

/* getOSInformation(ctx) -> [sysname, version, release, machine] */
static void get_os_information(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_value ctx = ctx_arg(c, 0);
  if (!ctx) return;
  uv_utsname_t u;
  int err = uv_os_uname(&u);
  if (err) {
    fill_ctx(env, ctx, err, "uv_os_uname");
    return;
  }
  const char *fields[4] = {u.sysname, u.version, u.release, u.machine};
  v8c_value arr = v8c_array(env, 4);
  for (uint32_t i = 0; i < 4; i++) {
    v8c_value s = v8c_string(env, fields[i], (size_t)-1);
    if (!s || !v8c_set_index(env, arr, i, s)) return;
  }
  v8c_return(c, arr);
}

/* ---- Processors, memory, load ----------------------------------------- */

/* getCPUs() -> [{ model, speed, times: { user, nice, sys, idle, irq } }],
 * times in milliseconds; undefined when libuv cannot tell. */
static void get_cpus(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  uv_cpu_info_t *cpus;
  int n;
  if (uv_cpu_info(&cpus, &n) != 0) return;
  v8c_value arr = v8c_array(env, (uint32_t)n);
  bool ok = true;
  for (int i = 0; ok && i < n; i++) {
    const struct uv_cpu_times_s *t = &cpus[i].cpu_times;
    v8c_value o = v8c_object(env), times = v8c_object(env);
    ok = set_str(env, o, "model", cpus[i].model ? cpus[i].model : "") &&
         set_num(env, o, "speed", cpus[i].speed) &&
         set_num(env, times, "user", (double)t->user) &&
         set_num(env, times, "nice", (double)t->nice) &&
         set_num(env, times, "sys", (double)t->sys) &&
         set_num(env, times, "idle", (double)t->idle) &&
         set_num(env, times, "irq", (double)t->irq) &&
         v8c_set_named(env, o, "times", times) &&
         v8c_set_index(env, arr, (uint32_t)i, o);
  }
  uv_free_cpu_info(cpus, n);
  if (ok) v8c_return(c, arr);
}

static void get_total_mem(v8c_call *c) {
  v8c_return_double(c, (double)uv_get_total_memory());
}

static void get_free_mem(v8c_call *c) {
  v8c_return_double(c, (double)uv_get_free_memory());
}

/* getLoadAvg() -> [1, 5, 15 minute load averages] */
static void get_load_avg(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  double avg[3];
  uv_loadavg(avg);
  v8c_value arr = v8c_array(env, 3);
  for (uint32_t i = 0; i < 3; i++)
    if (!v8c_set_index(env, arr, i, v8c_number(env, avg[i]))) return;
  v8c_return(c, arr);
}

/* getUptime(ctx) -> seconds since boot */
static void get_uptime(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_value ctx = ctx_arg(c, 0);
  if (!ctx) return;
  double up;
  int err = uv_uptime(&up);
  if (err) {
    fill_ctx(env, ctx, err, "uv_uptime");
    return;
  }
  v8c_return_double(c, up);
}

/* getAvailableParallelism() -> how many threads may run at once: the CPUs
 * this process may use, at least 1. */
static void get_available_parallelism(v8c_call *c) {
#if UV_VERSION_HEX >= 0x012c00
  v8c_return_double(c, (double)uv_available_parallelism());
#else
  long n = 0;
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0) n = CPU_COUNT(&set);
  if (n < 1) n = sysconf(_SC_NPROCESSORS_ONLN);
  v8c_return_double(c, (double)(n < 1 ? 1 : n));
#endif
}

/* ---- Network interfaces ----------------------------------------------- */

/* One address as Node lists it (cidr is added by lib/os.js). */
static v8c_value interface_address(v8c_env *env,
                                   const uv_interface_address_t *a) {
  char addr[INET6_ADDRSTRLEN], mask[INET6_ADDRSTRLEN], mac[18];
  bool v6 = a->address.address4.sin_family == AF_INET6;
  if (v6) {
    uv_ip6_name(&a->address.address6, addr, sizeof addr);
    uv_ip6_name(&a->netmask.netmask6, mask, sizeof mask);
  } else {
    uv_ip4_name(&a->address.address4, addr, sizeof addr);
    uv_ip4_name(&a->netmask.netmask4, mask, sizeof mask);
  }
  const unsigned char *p = (const unsigned char *)a->phys_addr;
  snprintf(mac, sizeof mac, "%02x:%02x:%02x:%02x:%02x:%02x", p[0], p[1],
           p[2], p[3], p[4], p[5]);
  v8c_value o = v8c_object(env);
  bool ok = set_str(env, o, "address", addr) &&
            set_str(env, o, "netmask", mask) &&
            set_str(env, o, "family", v6 ? "IPv6" : "IPv4") &&
            set_str(env, o, "mac", mac) &&
            v8c_set_named(env, o, "internal",
                          v8c_bool(env, a->is_internal != 0));
  if (ok && v6)
    ok = set_num(env, o, "scopeid", a->address.address6.sin6_scope_id);
  return ok ? o : NULL;
}

/* getInterfaceAddresses() -> [name, address, name, address ...] in the
 * system's order; undefined when libuv cannot list them. */
static void get_interface_addresses(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  uv_interface_address_t *list;
  int n;
  if (uv_interface_addresses(&list, &n) != 0) return;
  v8c_value arr = v8c_array(env, 0);
  uint32_t j = 0;
  bool ok = true;
  for (int i = 0; ok && i < n; i++) {
    int family = list[i].address.address4.sin_family;
    if (family != AF_INET && family != AF_INET6) continue;
    v8c_value name = v8c_string(env, list[i].name, (size_t)-1);
    v8c_value o = name ? interface_address(env, &list[i]) : NULL;
    ok = o && v8c_set_index(env, arr, j++, name) &&
         v8c_set_index(env, arr, j++, o);
  }
  uv_free_interface_addresses(list, n);
  if (ok) v8c_return(c, arr);
}

/* ---- Scheduling priority ---------------------------------------------- */

/* getPriority(pid, ctx) -> the nice value of process pid (0: this one). */
static void get_priority(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  int64_t pid;
  if (!nr__arg_int(c, 0, "pid", INT32_MIN, INT32_MAX, &pid)) return;
  v8c_value ctx = ctx_arg(c, 1);
  if (!ctx) return;
  int prio;
  int err = uv_os_getpriority((uv_pid_t)pid, &prio);
  if (err) {
    fill_ctx(env, ctx, err, "uv_os_getpriority");
    return;
  }
  v8c_return_int(c, prio);
}

/* setPriority(pid, priority, ctx) -> 0. Every argument is checked before
 * the call: a bad one throws and changes nothing. */
static void set_priority(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  int64_t pid, prio;
  if (!nr__arg_int(c, 0, "pid", INT32_MIN, INT32_MAX, &pid) ||
      !nr__arg_int(c, 1, "priority", -20, 19, &prio))
    return;
  v8c_value ctx = ctx_arg(c, 2);
  if (!ctx) return;
  int err = uv_os_setpriority((uv_pid_t)pid, (int)prio);
  if (err) {
    fill_ctx(env, ctx, err, "uv_os_setpriority");
    return;
  }
  v8c_return_int(c, 0);
}

static const nr__method methods[] = {
    {"getHostname", get_hostname},
    {"getHomeDirectory", get_home_directory},
    {"getUserInfo", get_user_info},
    {"getOSInformation", get_os_information},
    {"getCPUs", get_cpus},
    {"getTotalMem", get_total_mem},
    {"getFreeMem", get_free_mem},
    {"getLoadAvg", get_load_avg},
    {"getUptime", get_uptime},
    {"getAvailableParallelism", get_available_parallelism},
    {"getInterfaceAddresses", get_interface_addresses},
    {"getPriority", get_priority},
    {"setPriority", set_priority},
    {NULL, NULL},
};

bool nr__binding_os(nr_runtime *rt, v8c_value target) {
  return nr__set_methods(rt->env, target, methods, NULL);
}
