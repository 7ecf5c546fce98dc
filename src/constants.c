/* constants.c — binding 'constants': signal numbers, errno values,
 * scheduling priorities and dlopen flags, for os.constants and for
 * process.kill / process.on(signal). Each table lists its names in the
 * order Node shows them. */
#define _GNU_SOURCE /* RTLD_DEEPBIND */
#include <dlfcn.h>
#include <errno.h>
#include <signal.h>

#include "internal.h"

#define ENTRY(X) {#X, X}
static const nr__constant signals[] = {
    ENTRY(SIGHUP), ENTRY(SIGINT), ENTRY(SIGQUIT), ENTRY(SIGILL), ENTRY(SIGTRAP),
    ENTRY(SIGABRT), ENTRY(SIGIOT), ENTRY(SIGBUS), ENTRY(SIGFPE),
    ENTRY(SIGKILL), ENTRY(SIGUSR1), ENTRY(SIGSEGV), ENTRY(SIGUSR2),
    ENTRY(SIGPIPE), ENTRY(SIGALRM), ENTRY(SIGTERM), ENTRY(SIGCHLD),
    ENTRY(SIGSTKFLT), ENTRY(SIGCONT), ENTRY(SIGSTOP), ENTRY(SIGTSTP),
    ENTRY(SIGTTIN), ENTRY(SIGTTOU), ENTRY(SIGURG), ENTRY(SIGXCPU),
    ENTRY(SIGXFSZ), ENTRY(SIGVTALRM), ENTRY(SIGPROF), ENTRY(SIGWINCH),
    ENTRY(SIGIO), ENTRY(SIGPOLL), ENTRY(SIGPWR), ENTRY(SIGSYS),
    {NULL, 0},
};

static const nr__constant errnos[] = {
    ENTRY(E2BIG), ENTRY(EACCES), ENTRY(EADDRINUSE), ENTRY(EADDRNOTAVAIL),
    ENTRY(EAFNOSUPPORT), ENTRY(EAGAIN), ENTRY(EALREADY), ENTRY(EBADF),
    ENTRY(EBADMSG), ENTRY(EBUSY), ENTRY(ECANCELED), ENTRY(ECHILD),
    ENTRY(ECONNABORTED), ENTRY(ECONNREFUSED), ENTRY(ECONNRESET), ENTRY(EDEADLK),
    ENTRY(EDESTADDRREQ), ENTRY(EDOM), ENTRY(EDQUOT), ENTRY(EEXIST),
    ENTRY(EFAULT), ENTRY(EFBIG), ENTRY(EHOSTUNREACH), ENTRY(EIDRM),
    ENTRY(EILSEQ), ENTRY(EINPROGRESS), ENTRY(EINTR), ENTRY(EINVAL), ENTRY(EIO),
    ENTRY(EISCONN), ENTRY(EISDIR), ENTRY(ELOOP), ENTRY(EMFILE), ENTRY(EMLINK),
    ENTRY(EMSGSIZE), ENTRY(EMULTIHOP), ENTRY(ENAMETOOLONG), ENTRY(ENETDOWN),
    ENTRY(ENETRESET), ENTRY(ENETUNREACH), ENTRY(ENFILE), ENTRY(ENOBUFS),
    ENTRY(ENODATA), ENTRY(ENODEV), ENTRY(ENOENT), ENTRY(ENOEXEC), ENTRY(ENOLCK),
    ENTRY(ENOLINK), ENTRY(ENOMEM), ENTRY(ENOMSG), ENTRY(ENOPROTOOPT),
    ENTRY(ENOSPC), ENTRY(ENOSR), ENTRY(ENOSTR), ENTRY(ENOSYS), ENTRY(ENOTCONN),
    ENTRY(ENOTDIR), ENTRY(ENOTEMPTY), ENTRY(ENOTSOCK), ENTRY(ENOTSUP),
    ENTRY(ENOTTY), ENTRY(ENXIO), ENTRY(EOPNOTSUPP), ENTRY(EOVERFLOW),
    ENTRY(EPERM), ENTRY(EPIPE), ENTRY(EPROTO), ENTRY(EPROTONOSUPPORT),
    ENTRY(EPROTOTYPE), ENTRY(ERANGE), ENTRY(EROFS), ENTRY(ESPIPE), ENTRY(ESRCH),
    ENTRY(ESTALE), ENTRY(ETIME), ENTRY(ETIMEDOUT), ENTRY(ETXTBSY),
    ENTRY(EWOULDBLOCK), ENTRY(EXDEV),
    {NULL, 0},
};

/* os.setPriority() levels, as libuv defines them for this system. */
static const nr__constant priorities[] = {
    {"PRIORITY_LOW", UV_PRIORITY_LOW},
    {"PRIORITY_BELOW_NORMAL", UV_PRIORITY_BELOW_NORMAL},
    {"PRIORITY_NORMAL", UV_PRIORITY_NORMAL},
    {"PRIORITY_ABOVE_NORMAL", UV_PRIORITY_ABOVE_NORMAL},
    {"PRIORITY_HIGH", UV_PRIORITY_HIGH},
    {"PRIORITY_HIGHEST", UV_PRIORITY_HIGHEST},
    {NULL, 0},
};

/* Flags of process.dlopen(). */
static const nr__constant dlopen_flags[] = {
    ENTRY(RTLD_LAZY), ENTRY(RTLD_NOW), ENTRY(RTLD_GLOBAL), ENTRY(RTLD_LOCAL),
#ifdef RTLD_DEEPBIND
    ENTRY(RTLD_DEEPBIND),
#endif
    {NULL, 0},
};
#undef ENTRY

/* A new object holding a table's name/value pairs; NULL on exception. */
static v8c_value table_object(v8c_env *env, const nr__constant *t) {
  v8c_value o = v8c_object(env);
  return nr__set_constants(env, o, t) ? o : NULL;
}

static const nr__constant udp[] = {
    {"UV_UDP_REUSEADDR", UV_UDP_REUSEADDR},
    {NULL, 0},
};

bool nr__binding_constants(nr_runtime *rt, v8c_value target) {
  v8c_env *env = rt->env;
  v8c_value sig = table_object(env, signals);
  v8c_value err = sig ? table_object(env, errnos) : NULL;
  v8c_value prio = err ? table_object(env, priorities) : NULL;
  v8c_value dl = prio ? table_object(env, dlopen_flags) : NULL;
  return dl && v8c_set_named(env, target, "signals", sig) &&
         v8c_set_named(env, target, "errno", err) &&
         v8c_set_named(env, target, "priority", prio) &&
         v8c_set_named(env, target, "dlopen", dl) &&
         nr__set_constants(env, target, udp);
}
