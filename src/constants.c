/* constants.c — binding 'constants': signal numbers and errno values, for
 * os.constants and for process.kill / process.on(signal). */
#include <errno.h>
#include <signal.h>

#include "internal.h"

#define SIG(X) {#X, X}
static const struct { const char *name; int value; } signals[] = {
    SIG(SIGHUP), SIG(SIGINT), SIG(SIGQUIT), SIG(SIGILL), SIG(SIGTRAP),
    SIG(SIGABRT), {"SIGIOT", SIGIOT}, SIG(SIGBUS), SIG(SIGFPE), SIG(SIGKILL),
    SIG(SIGUSR1), SIG(SIGSEGV), SIG(SIGUSR2), SIG(SIGPIPE), SIG(SIGALRM),
    SIG(SIGTERM), SIG(SIGCHLD), SIG(SIGSTKFLT), SIG(SIGCONT), SIG(SIGSTOP),
    SIG(SIGTSTP), SIG(SIGTTIN), SIG(SIGTTOU), SIG(SIGURG), SIG(SIGXCPU),
    SIG(SIGXFSZ), SIG(SIGVTALRM), SIG(SIGPROF), SIG(SIGWINCH), SIG(SIGIO),
    SIG(SIGPOLL), SIG(SIGPWR), SIG(SIGSYS),
};

static const struct { const char *name; int value; } errnos[] = {
    SIG(E2BIG), SIG(EACCES), SIG(EADDRINUSE), SIG(EADDRNOTAVAIL),
    SIG(EAFNOSUPPORT), SIG(EAGAIN), SIG(EALREADY), SIG(EBADF), SIG(EBUSY),
    SIG(ECANCELED), SIG(ECHILD), SIG(ECONNABORTED), SIG(ECONNREFUSED),
    SIG(ECONNRESET), SIG(EDEADLK), SIG(EDESTADDRREQ), SIG(EDOM), SIG(EEXIST),
    SIG(EFAULT), SIG(EFBIG), SIG(EHOSTUNREACH), SIG(EINTR), SIG(EINVAL),
    SIG(EIO), SIG(EISCONN), SIG(EISDIR), SIG(ELOOP), SIG(EMFILE), SIG(EMLINK),
    SIG(EMSGSIZE), SIG(ENAMETOOLONG), SIG(ENETDOWN), SIG(ENETUNREACH),
    SIG(ENFILE), SIG(ENOBUFS), SIG(ENODEV), SIG(ENOENT), SIG(ENOEXEC),
    SIG(ENOMEM), SIG(ENOSPC), SIG(ENOSYS), SIG(ENOTCONN), SIG(ENOTDIR),
    SIG(ENOTEMPTY), SIG(ENOTSOCK), SIG(ENOTSUP), SIG(ENOTTY), SIG(ENXIO),
    SIG(EOPNOTSUPP), SIG(EPERM), SIG(EPIPE), SIG(ERANGE), SIG(EROFS),
    SIG(ESPIPE), SIG(ESRCH), SIG(ETIMEDOUT), SIG(ETXTBSY), SIG(EXDEV),
};
#undef SIG

bool nr__binding_constants(nr_runtime *rt, v8c_value target) {
  v8c_env *env = rt->env;
  v8c_value sig = v8c_object(env), err = v8c_object(env);
  for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++)
    if (!nr__set_int(env, sig, signals[i].name, signals[i].value)) return false;
  for (size_t i = 0; i < sizeof errnos / sizeof errnos[0]; i++)
    if (!nr__set_int(env, err, errnos[i].name, errnos[i].value)) return false;
  return v8c_set_named(env, target, "signals", sig) &&
         v8c_set_named(env, target, "errno", err);
}
