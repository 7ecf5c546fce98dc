/* fs.c — binding 'fs': file system calls on libuv's uv_fs_*, plus the
 * watchers of fs.watch (uv_fs_event) and fs.watchFile (uv_fs_poll).
 *
 * Most natives take an optional last argument, a callback (err, result):
 * without it the call blocks and returns (or throws); with it the blocking
 * call runs on libuv's threadpool through nr__work_queue (kind fs, so
 * noderun:threadpool counts it) and the callback gets the outcome on a
 * later loop turn (a read the page cache serves is done at once on the
 * loop thread instead: req_try). lib/fs.js checks arguments the way Node
 * does; the natives check them again only so that no JS value can crash
 * C. */
#define _GNU_SOURCE /* O_DIRECT, O_NOATIME */
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include "internal.h"

/* internalModuleStat(path) -> 0 file, 1 directory, < 0 error: the loader's
 * probe, which must not throw. */
static void internal_module_stat(v8c_call *c) {
  char *path = nr__arg_string(c, 0, "path");
  if (!path) return;
  uv_fs_t req;
  int r = uv_fs_stat(NULL, &req, path, NULL);
  if (r == 0) r = S_ISDIR(req.statbuf.st_mode) ? 1 : 0;
  uv_fs_req_cleanup(&req);
  free(path);
  v8c_return_int(c, r);
}

/* Reads all of fd into a malloc'd buffer. */
static int read_all(int fd, char **out, size_t *len) {
  size_t cap = 65536, n = 0;
  char *buf = malloc(cap);
  if (!buf) return UV_ENOMEM;
  for (;;) {
    if (n == cap) {
      char *nb = realloc(buf, cap *= 2);
      if (!nb) { free(buf); return UV_ENOMEM; }
      buf = nb;
    }
    uv_fs_t req;
    uv_buf_t b = uv_buf_init(buf + n, (unsigned)(cap - n));
    int r = uv_fs_read(NULL, &req, fd, &b, 1, -1, NULL);
    uv_fs_req_cleanup(&req);
    if (r < 0) { free(buf); return r; }
    if (r == 0) break;
    n += (size_t)r;
  }
  *out = buf;
  *len = n;
  return 0;
}

static void free_bytes(void *data, void *hint) {
  (void)hint;
  free(data);
}

/* read_file's result for a regular file over 2 GiB (what a Buffer can
 * hold), with its size in *len: not a libuv code. */
enum { FILE_TOO_LARGE = -100000 };

/* Opens path (unless fd >= 0 is given) and reads all of it; on failure
 * *syscall names the call that failed. */
static int read_file(const char *path, int fd, char **out, size_t *len,
                     const char **syscall) {
  uv_fs_t req;
  *syscall = "read";
  if (path) {
    fd = uv_fs_open(NULL, &req, path, O_RDONLY | O_CLOEXEC, 0,
                    NULL);
    uv_fs_req_cleanup(&req);
    if (fd < 0) {
      *syscall = "open";
      return fd;
    }
  }
  int r = uv_fs_fstat(NULL, &req, fd, NULL);
  if (r == 0 && S_ISREG(req.statbuf.st_mode) &&
      req.statbuf.st_size > INT32_MAX) {
    *len = (size_t)req.statbuf.st_size;
    r = FILE_TOO_LARGE;
  } else {
    r = read_all(fd, out, len);
  }
  uv_fs_req_cleanup(&req);
  if (path) {
    uv_fs_close(NULL, &req, fd, NULL);
    uv_fs_req_cleanup(&req);
  }
  return r;
}

/* Argument 0 of the readFile natives: an fd (a non-negative int32) or a
 * path (malloc'd in *path). False with an exception pending. */
static bool arg_file(v8c_call *c, char **path, int *fd) {
  v8c_value a = v8c_arg(c, 0);
  *path = NULL;
  *fd = -1;
  if (v8c_is(a, V8C_INT32) && v8c_value_int64(a) >= 0) {
    *fd = (int)v8c_value_int64(a);
    return true;
  }
  return (*path = nr__arg_string(c, 0, "path")) != NULL;
}

/* Node's RangeError for a file too large to read whole: thrown, or
 * returned when `throw_it` is false. */
static v8c_value too_large(v8c_env *env, size_t size, bool throw_it) {
  char msg[80];
  snprintf(msg, sizeof msg, "File size (%zu) is greater than 2 GiB", size);
  v8c_value e = v8c_error(env, V8C_RANGE_ERROR, "ERR_FS_FILE_TOO_LARGE", msg);
  return e && throw_it ? v8c_throw(env, e) : e;
}

/* readFileUtf8(path | fd) -> string */
static void read_file_utf8(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  char *path, *buf;
  int fd;
  size_t len;
  const char *syscall;
  if (!arg_file(c, &path, &fd)) return;
  int r = read_file(path, fd, &buf, &len, &syscall);
  if (r == FILE_TOO_LARGE) {
    too_large(env, len, true);
  } else if (r < 0) {
    nr__throw_uv_sync(env, r, syscall, path, NULL);
  } else {
    v8c_value s = v8c_string(env, buf, len);
    if (s) v8c_return(c, s);
    free(buf);
  }
  free(path);
}

/* writeFile(path, string | ArrayBufferView, flags, mode): a string is
 * written as UTF-8, a view as its bytes. */
static void write_file(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  char *path = nr__arg_string(c, 0, "path");
  if (!path) return;
  v8c_value v = v8c_arg(c, 1);
  char *copy = NULL;  /* UTF-8 of a string, ours to free */
  void *data = NULL;
  size_t len = 0;
  int64_t flags, mode;
  if (v8c_is(v, V8C_STRING)) {
    data = copy = v8c_to_utf8(env, v, &len);
  } else if (!v8c_is(v, V8C_ARRAY_BUFFER_VIEW) || !v8c_bytes(v, &data, &len)) {
    nr__throw_arg_type(env, "data", "string or an instance of Buffer");
    data = NULL;
  }
  if (data && nr__arg_int(c, 2, "flags", 0, INT32_MAX, &flags) &&
      nr__arg_int(c, 3, "mode", 0, 07777, &mode)) {
    uv_fs_t req;
    int fd = uv_fs_open(NULL, &req, path, (int)flags, (int)mode, NULL);
    uv_fs_req_cleanup(&req);
    if (fd < 0) {
      nr__throw_uv_sync(env, fd, "open", path, NULL);
    } else {
      size_t off = 0;
      while (off < len) {
        uv_buf_t b = uv_buf_init((char *)data + off, (unsigned)(len - off));
        int r = uv_fs_write(NULL, &req, fd, &b, 1, -1, NULL);
        uv_fs_req_cleanup(&req);
        if (r < 0) {
          nr__throw_uv_sync(env, r, "write", path, NULL);
          break;
        }
        off += (size_t)r;
      }
      uv_fs_close(NULL, &req, fd, NULL);
      uv_fs_req_cleanup(&req);
    }
  }
  free(copy);
  free(path);
}

/* The fields of a stat result, in the order lib/internal/fs/utils.js reads
 * them; times as seconds and nanoseconds, so the bigint form is exact. */
enum { STAT_FIELDS = 18 };
static v8c_value stat_array(v8c_env *env, const uv_stat_t *s) {
  double f[STAT_FIELDS] = {
      (double)s->st_dev, (double)s->st_mode, (double)s->st_nlink,
      (double)s->st_uid, (double)s->st_gid, (double)s->st_rdev,
      (double)s->st_blksize, (double)s->st_ino, (double)s->st_size,
      (double)s->st_blocks,
      (double)s->st_atim.tv_sec, (double)s->st_atim.tv_nsec,
      (double)s->st_mtim.tv_sec, (double)s->st_mtim.tv_nsec,
      (double)s->st_ctim.tv_sec, (double)s->st_ctim.tv_nsec,
      (double)s->st_birthtim.tv_sec, (double)s->st_birthtim.tv_nsec};
  v8c_value arr = v8c_array(env, STAT_FIELDS);
  for (uint32_t i = 0; arr && i < STAT_FIELDS; i++)
    if (!v8c_set_index(env, arr, i, v8c_number(env, f[i]))) return NULL;
  return arr;
}

/* ---- Requests, blocking or on the threadpool -------------------------- */

/* What a request does; each is one uv_fs_* call (readFile: open, read all,
 * close). */
typedef enum fs_op {
  OP_ACCESS, OP_CHMOD, OP_CHOWN, OP_CLOSE, OP_COPYFILE, OP_FCHMOD,
  OP_FCHOWN, OP_FDATASYNC, OP_FSTAT, OP_FSYNC, OP_FTRUNCATE, OP_FUTIMES,
  OP_LCHOWN, OP_LINK, OP_LSTAT, OP_LUTIMES, OP_MKDIR, OP_MKDTEMP, OP_OPEN,
  OP_READ, OP_READDIR, OP_READFILE, OP_READLINK, OP_READV, OP_REALPATH,
  OP_RENAME, OP_RMDIR, OP_STAT, OP_STATFS, OP_SYMLINK, OP_UNLINK, OP_UTIMES,
  OP_WRITE, OP_WRITEV, OP_OPENDIR, OP_DIRREAD, OP_DIRCLOSE, OP_COUNT
} fs_op;

/* Each op's syscall name (as errors show it) and the kinds of its
 * arguments before the callback: P a path (the first is the path, the
 * second the dest), F an fd, I an int32 or uint32 (a mode, flags, an id;
 * -1 allowed), L a non-negative integer up to 2^53, D a number, B a
 * boolean. read, write, readv, writev and readFile parse their own. */
static const struct {
  const char *syscall, *args;
} op_info[OP_COUNT] = {
    [OP_ACCESS] = {"access", "PI"},    [OP_CHMOD] = {"chmod", "PI"},
    [OP_CHOWN] = {"chown", "PII"},     [OP_CLOSE] = {"close", "F"},
    [OP_COPYFILE] = {"copyfile", "PPI"}, [OP_FCHMOD] = {"fchmod", "FI"},
    [OP_FCHOWN] = {"fchown", "FII"},   [OP_FDATASYNC] = {"fdatasync", "F"},
    [OP_FSTAT] = {"fstat", "F"},       [OP_FSYNC] = {"fsync", "F"},
    [OP_FTRUNCATE] = {"ftruncate", "FL"}, [OP_FUTIMES] = {"futime", "FDD"},
    [OP_LCHOWN] = {"lchown", "PII"},   [OP_LINK] = {"link", "PP"},
    [OP_LSTAT] = {"lstat", "P"},       [OP_LUTIMES] = {"lutime", "PDD"},
    [OP_MKDIR] = {"mkdir", "PI"},      [OP_MKDTEMP] = {"mkdtemp", "P"},
    [OP_OPEN] = {"open", "PII"},       [OP_READ] = {"read", NULL},
    [OP_READDIR] = {"scandir", "PB"},  [OP_READFILE] = {"read", NULL},
    [OP_READLINK] = {"readlink", "P"}, [OP_READV] = {"read", NULL},
    [OP_REALPATH] = {"realpath", "P"}, [OP_RENAME] = {"rename", "PP"},
    [OP_RMDIR] = {"rmdir", "P"},       [OP_STAT] = {"stat", "P"},
    [OP_STATFS] = {"statfs", "P"},     [OP_SYMLINK] = {"symlink", "PPI"},
    [OP_UNLINK] = {"unlink", "P"},     [OP_UTIMES] = {"utime", "PDD"},
    [OP_WRITE] = {"write", NULL},      [OP_WRITEV] = {"write", NULL},
    [OP_OPENDIR] = {"opendir", "P"},   [OP_DIRREAD] = {"readdir", NULL},
    [OP_DIRCLOSE] = {"closedir", NULL},
};

/* An open directory of fs.opendir, read DIR_BATCH entries at a time. The
 * JS Dir holds it (wrapped, no finalizer: like an fd, it stays open until
 * closed, or until teardown). At most one read or close is in flight. */
enum { DIR_BATCH = 32 };
typedef struct dir_wrap {
  uv_dir_t *dir;
  uv_dirent_t ents[DIR_BATCH];
  nr__handle_wrap wrap;
  bool busy;      /* a read or the close is in flight */
  bool orphaned;  /* teardown came during a read: the read frees it */
} dir_wrap;

static const int dir_tag = 1;

static void dir_free(dir_wrap *w) {
  uv_fs_t q;
  uv_fs_closedir(NULL, &q, w->dir, NULL);
  uv_fs_req_cleanup(&q);
  free(w);
}

/* Teardown with the directory still open. */
static void dir_teardown(nr__handle_wrap *hw) {
  dir_wrap *w = (dir_wrap *)((char *)hw - offsetof(dir_wrap, wrap));
  if (w->busy) w->orphaned = true;
  else dir_free(w);
}

/* One file system request. A blocking call keeps it for the length of the
 * call; an asynchronous one owns it from the native until its completion,
 * which frees everything. While one is in flight it sits in the runtime's
 * list of wraps, so teardown can drop its JS references before the V8
 * environment goes away (the threadpool work itself cannot be stopped; the
 * completion then frees only C memory). */
typedef struct fs_req {
  nr__work work;
  uv_fs_t req;
  nr__handle_wrap wrap;  /* wrap.rt is NULL once teardown took the refs */
  nr_runtime *rt;
  fs_op op;
  const char *syscall;   /* readFile: the call that failed */
  v8c_ref *cb;           /* the callback, strong until completion */
  v8c_ref *target;       /* readv: the views to copy the bytes into */
  v8c_pin *pin;          /* read/write: keeps the view's bytes (buf) alive */
  char *path, *dest;     /* our copies */
  int fd;
  int64_t n[2];          /* the I, L and B arguments, in order */
  double d[2];           /* the D arguments */
  int64_t position;
  char *buf;             /* read/write: the bytes */
  size_t len;
  size_t done;           /* read: bytes read at once, before the pool */
  bool own_buf;          /* buf is ours to free */
  dir_wrap *dirw;        /* the directory read or closed */
  char *bytes;           /* readFile: the file's contents */
  size_t nbytes;
} fs_req;

static void req_free(fs_req *r) {
  nr__wrap_untrack(&r->wrap);
  v8c_ref_free(r->cb);
  v8c_ref_free(r->target);
  uv_fs_req_cleanup(&r->req);  /* before the dir goes: it frees names */
  if (r->op == OP_DIRREAD && r->dirw) {
    r->dirw->busy = false;
    if (r->dirw->orphaned) dir_free(r->dirw);
  } else if (r->op == OP_DIRCLOSE) {
    free(r->dirw);
  } else if (r->op == OP_OPENDIR && r->req.result == 0 && r->req.ptr) {
    /* Opened, but no Dir was made of it (teardown, out of memory). */
    uv_fs_t q;
    uv_fs_closedir(NULL, &q, r->req.ptr, NULL);
    uv_fs_req_cleanup(&q);
  }
  if (r->own_buf) free(r->buf);
  v8c_pin_release(r->pin);
  free(r->bytes);
  free(r->path);
  free(r->dest);
  free(r);
}

/* Teardown while the request is in flight: the env is about to go, so the
 * JS references go now; the completion sees wrap.rt == NULL. */
static void req_orphan(nr__handle_wrap *w) {
  fs_req *r = (fs_req *)((char *)w - offsetof(fs_req, wrap));
  v8c_ref_free(r->cb);
  v8c_ref_free(r->target);
  r->cb = r->target = NULL;
}

/* Closing fds 0-2 would let the next open() reuse a number libuv and the
 * stdio streams still use as the process's stdin/out/err; like Node, which
 * keeps them valid, the slot is pointed at /dev/null instead. */
static int close_stdio(int fd) {
  int null = open("/dev/null", O_RDWR | O_CLOEXEC);
  if (null < 0) return uv_translate_sys_error(errno);
  int r = dup2(null, fd) < 0 ? uv_translate_sys_error(errno) : 0;
  close(null);
  return r;
}

/* Does the work of r, blocking; the outcome is in r->req.result. Runs on a
 * pool thread for asynchronous requests. */
static void req_execute(fs_req *r) {
  uv_fs_t *q = &r->req;
  uv_buf_t b = uv_buf_init(r->buf, (unsigned)r->len);
  const char *p = r->path, *d = r->dest;
  int fd = r->fd, n0 = (int)r->n[0], n1 = (int)r->n[1];
  switch (r->op) {
    case OP_ACCESS: uv_fs_access(NULL, q, p, n0, NULL); break;
    case OP_CHMOD: uv_fs_chmod(NULL, q, p, n0, NULL); break;
    case OP_CHOWN:
      uv_fs_chown(NULL, q, p, (uv_uid_t)n0, (uv_gid_t)n1, NULL);
      break;
    case OP_CLOSE:
      if (fd <= 2) q->result = close_stdio(fd);
      else uv_fs_close(NULL, q, fd, NULL);
      break;
    case OP_COPYFILE: uv_fs_copyfile(NULL, q, p, d, n0, NULL); break;
    case OP_FCHMOD: uv_fs_fchmod(NULL, q, fd, n0, NULL); break;
    case OP_FCHOWN:
      uv_fs_fchown(NULL, q, fd, (uv_uid_t)n0, (uv_gid_t)n1, NULL);
      break;
    case OP_FDATASYNC: uv_fs_fdatasync(NULL, q, fd, NULL); break;
    case OP_FSTAT: uv_fs_fstat(NULL, q, fd, NULL); break;
    case OP_FSYNC: uv_fs_fsync(NULL, q, fd, NULL); break;
    case OP_FTRUNCATE: uv_fs_ftruncate(NULL, q, fd, r->n[0], NULL); break;
    case OP_FUTIMES: uv_fs_futime(NULL, q, fd, r->d[0], r->d[1], NULL); break;
    case OP_LCHOWN:
      uv_fs_lchown(NULL, q, p, (uv_uid_t)n0, (uv_gid_t)n1, NULL);
      break;
    case OP_LINK: uv_fs_link(NULL, q, p, d, NULL); break;
    case OP_LSTAT: uv_fs_lstat(NULL, q, p, NULL); break;
    case OP_LUTIMES: uv_fs_lutime(NULL, q, p, r->d[0], r->d[1], NULL); break;
    case OP_MKDIR: uv_fs_mkdir(NULL, q, p, n0, NULL); break;
    case OP_MKDTEMP: uv_fs_mkdtemp(NULL, q, p, NULL); break;
    case OP_OPEN: uv_fs_open(NULL, q, p, n0, n1, NULL); break;
    case OP_READ: case OP_READV:
      /* What the loop thread read at once is kept: a read that then
       * fails returns it, as read(2) does. */
      b = uv_buf_init(r->buf + r->done, (unsigned)(r->len - r->done));
      uv_fs_read(NULL, q, fd, &b, 1,
                 r->position < 0 ? -1 : r->position + (int64_t)r->done,
                 NULL);
      if (r->done)
        q->result = q->result < 0 ? (ssize_t)r->done
                                  : q->result + (ssize_t)r->done;
      break;
    case OP_READDIR: uv_fs_scandir(NULL, q, p, 0, NULL); break;
    case OP_READFILE:
      q->result = read_file(p, fd, &r->bytes, &r->nbytes, &r->syscall);
      break;
    case OP_READLINK: uv_fs_readlink(NULL, q, p, NULL); break;
    case OP_REALPATH: uv_fs_realpath(NULL, q, p, NULL); break;
    case OP_RENAME: uv_fs_rename(NULL, q, p, d, NULL); break;
    case OP_RMDIR: uv_fs_rmdir(NULL, q, p, NULL); break;
    case OP_STAT: uv_fs_stat(NULL, q, p, NULL); break;
    case OP_STATFS: uv_fs_statfs(NULL, q, p, NULL); break;
    case OP_SYMLINK: uv_fs_symlink(NULL, q, p, d, n0, NULL); break;
    case OP_UNLINK: uv_fs_unlink(NULL, q, p, NULL); break;
    case OP_UTIMES: uv_fs_utime(NULL, q, p, r->d[0], r->d[1], NULL); break;
    case OP_WRITE: case OP_WRITEV:
      uv_fs_write(NULL, q, fd, &b, 1, r->position, NULL);
      break;
    case OP_OPENDIR: uv_fs_opendir(NULL, q, p, NULL); break;
    case OP_DIRREAD:
      r->dirw->dir->dirents = r->dirw->ents;
      r->dirw->dir->nentries = DIR_BATCH;
      uv_fs_readdir(NULL, q, r->dirw->dir, NULL);
      break;
    case OP_DIRCLOSE: uv_fs_closedir(NULL, q, r->dirw->dir, NULL); break;
    case OP_COUNT: q->result = UV_EINVAL; break;
  }
}

/* The entries of a finished scandir: names, or [names, types]. */
static v8c_value dir_entries(v8c_env *env, fs_req *r, bool with_types) {
  uint32_t count = (uint32_t)r->req.result;
  v8c_value names = v8c_array(env, count);
  v8c_value types = with_types ? v8c_array(env, count) : NULL;
  if (!names || (with_types && !types)) return NULL;
  uv_dirent_t ent;
  for (uint32_t i = 0; uv_fs_scandir_next(&r->req, &ent) != UV_EOF; i++) {
    v8c_value name = v8c_string(env, ent.name, (size_t)-1);
    if (!name || !v8c_set_index(env, names, i, name)) return NULL;
    if (types && !v8c_set_index(env, types, i, v8c_int32(env, ent.type)))
      return NULL;
  }
  if (!types) return names;
  v8c_value pair = v8c_array(env, 2);
  if (!pair || !v8c_set_index(env, pair, 0, names) ||
      !v8c_set_index(env, pair, 1, types))
    return NULL;
  return pair;
}

/* Copies what an asynchronous readv put in scratch memory into the views
 * it was for, bounds-checked against their sizes now. */
static void scatter(v8c_env *env, fs_req *r, size_t got) {
  v8c_value t = r->target ? v8c_ref_get(env, r->target) : NULL;
  void *data;
  size_t len, done = 0;
  if (!t) return;
  uint32_t count = v8c_array_length(t);
  for (uint32_t i = 0; i < count && done < got; i++) {
    v8c_value v = v8c_get_index(env, t, i);
    if (!v || !v8c_is(v, V8C_ARRAY_BUFFER_VIEW) || !v8c_bytes(v, &data, &len))
      continue;
    size_t n = got - done < len ? got - done : len;
    memcpy(data, r->buf + done, n);
    done += n;
  }
}

/* The Dir handle of a finished opendir; it owns the uv_dir_t from now. */
static v8c_value dir_wrap_new(v8c_env *env, fs_req *r) {
  dir_wrap *w = calloc(1, sizeof *w);
  if (!w) return NULL;
  v8c_value obj = v8c_wrap(env, &dir_tag, w, NULL, NULL);
  if (!obj) {
    free(w);
    return NULL;
  }
  w->dir = r->req.ptr;
  r->req.ptr = NULL;
  nr__wrap_track((nr_runtime *)v8c_env_data(env), &w->wrap, dir_teardown);
  return obj;
}

/* A batch of a directory read: [names, types], or null at the end. */
static v8c_value dir_batch(v8c_env *env, fs_req *r) {
  uint32_t n = (uint32_t)r->req.result;
  if (n == 0) return v8c_null(env);
  v8c_value names = v8c_array(env, n), types = v8c_array(env, n);
  v8c_value pair = v8c_array(env, 2);
  if (!names || !types || !pair) return NULL;
  for (uint32_t i = 0; i < n; i++) {
    const uv_dirent_t *e = &r->dirw->ents[i];
    v8c_value name = v8c_string(env, e->name, (size_t)-1);
    if (!name || !v8c_set_index(env, names, i, name) ||
        !v8c_set_index(env, types, i, v8c_int32(env, e->type)))
      return NULL;
  }
  if (!v8c_set_index(env, pair, 0, names) ||
      !v8c_set_index(env, pair, 1, types))
    return NULL;
  return pair;
}

/* The JS value of a finished request: the error (*failed set), or its
 * result. NULL with an exception pending when a value cannot be made.
 * `sync`: the error is thrown by a synchronous call (Node's order of its
 * properties differs, see nr__uv_error_sync). */
static v8c_value req_result(v8c_env *env, fs_req *r, bool sync,
                            bool *failed) {
  ssize_t res = r->req.result;
  *failed = res < 0;
  if (r->op == OP_READFILE && res == FILE_TOO_LARGE)
    return too_large(env, r->nbytes, false);
  if (res < 0) {
    const char *syscall = r->op == OP_READFILE ? r->syscall
                                               : op_info[r->op].syscall;
    return sync ? nr__uv_error_sync(env, (int)res, syscall, r->path, r->dest)
                : nr__uv_error(env, (int)res, syscall, r->path, r->dest);
  }
  switch (r->op) {
    case OP_OPEN: case OP_WRITE: case OP_WRITEV:
      return v8c_number(env, (double)res);
    case OP_READ: case OP_READV:
      if (r->own_buf) scatter(env, r, (size_t)res);
      return v8c_number(env, (double)res);
    case OP_STAT: case OP_LSTAT: case OP_FSTAT:
      return stat_array(env, &r->req.statbuf);
    case OP_MKDTEMP: return v8c_string(env, r->req.path, (size_t)-1);
    case OP_READLINK: case OP_REALPATH:
      return v8c_string(env, r->req.ptr, (size_t)-1);
    case OP_READDIR: return dir_entries(env, r, r->n[0] != 0);
    case OP_OPENDIR: return dir_wrap_new(env, r);
    case OP_DIRREAD: return dir_batch(env, r);
    case OP_READFILE: {
      /* The memory read into is handed to JS, not copied. */
      v8c_value ab = v8c_arraybuffer_external(env, r->bytes, r->nbytes,
                                              free_bytes, NULL);
      if (!ab) return NULL;
      r->bytes = NULL;
      return v8c_uint8array(env, ab, 0, r->nbytes);
    }
    case OP_STATFS: {
      const uv_statfs_t *s = r->req.ptr;
      double f[] = {(double)s->f_type, (double)s->f_bsize,
                    (double)s->f_blocks, (double)s->f_bfree,
                    (double)s->f_bavail, (double)s->f_files,
                    (double)s->f_ffree};
      v8c_value arr = v8c_array(env, 7);
      for (uint32_t i = 0; arr && i < 7; i++)
        if (!v8c_set_index(env, arr, i, v8c_number(env, f[i]))) return NULL;
      return arr;
    }
    default: return v8c_undefined(env);
  }
}

/* Once a directory read's entries are JS values, the directory is free
 * for the next operation, which JS may start from the callback. */
static void req_release_dir(fs_req *r) {
  if (r->op != OP_DIRREAD || !r->dirw) return;
  uv_fs_req_cleanup(&r->req);
  r->dirw->busy = false;
  r->dirw = NULL;
}

/* The most a read does at once on the loop thread: a copy from the page
 * cache of this size takes well under a millisecond. */
enum { READ_AT_ONCE_MAX = 1 << 20 };

/* Tries an asynchronous read on the loop thread, with RWF_NOWAIT: the
 * kernel then serves it from the page cache or refuses (EAGAIN), never
 * waiting for the disk or a lock. A read served whole (or up to the end
 * of the file) skips the threadpool and its two thread hand-offs; one
 * served in part leaves the rest to the pool, which must not turn into a
 * short read where read(2) would have read it all. Anything else (not
 * cached, unsupported, an error) goes to the pool unchanged. */
static bool req_try(nr__work *w) {
  fs_req *r = (fs_req *)((char *)w - offsetof(fs_req, work));
  if ((r->op != OP_READ && r->op != OP_READV) || r->len == 0 ||
      r->len > READ_AT_ONCE_MAX)
    return false;
  /* A direct read (O_DIRECT) goes to the device even with RWF_NOWAIT. */
  int fl = fcntl(r->fd, F_GETFL);
  if (fl < 0 || (fl & O_DIRECT)) return false;
  struct iovec iov = {r->buf, r->len};
  /* Position -1: the file's own, which moves on, as with read(2). */
  ssize_t n = preadv2(r->fd, &iov, 1, r->position, RWF_NOWAIT);
  /* EAGAIN: not all cached; EOPNOTSUPP: a file system or file without
   * nowait reads (tmpfs, FUSE, NFS, procfs); errors: the pool reports
   * them. */
  if (n < 0) return false;
  if (n == 0 || (size_t)n == r->len) {
    r->req.result = n;
    return true;
  }
  /* A short read: the end of a regular file, or what a pipe, socket or
   * character device had (read(2) returns no more); else the rest was
   * not cached. */
  struct stat st;
  bool whole = false;
  if (fstat(r->fd, &st) == 0) {
    if (S_ISREG(st.st_mode)) {
      off_t at = r->position >= 0 ? (off_t)(r->position + n)
                                  : lseek(r->fd, 0, SEEK_CUR);
      whole = at >= st.st_size;
    } else {
      whole = S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode) ||
              S_ISCHR(st.st_mode);
    }
  }
  if (whole) {
    r->req.result = n;
    return true;
  }
  r->done = (size_t)n;
  return false;
}

/* Runs on a pool thread. */
static void req_work(nr__work *w) {
  req_execute((fs_req *)((char *)w - offsetof(fs_req, work)));
}

/* Completion of an asynchronous request, on the loop thread: calls its
 * callback with (err) or (null, result), unless the runtime is going. */
static void req_after(nr__work *w, int status) {
  fs_req *r = (fs_req *)((char *)w - offsetof(fs_req, work));
  if (status < 0) r->req.result = status;
  if (r->wrap.rt && !r->rt->stopping) {
    v8c_env *env = r->rt->env;
    v8c_scope scope;
    v8c_scope_open(env, &scope);
    bool failed;
    v8c_value v = req_result(env, r, false, &failed);
    if (!v) {
      /* Only when a result could not be made (out of memory, a name
       * too long for V8): hand the callback an error rather than drop
       * it. */
      v = nr__uv_error(env, UV_ENOMEM, op_info[r->op].syscall, r->path,
                       r->dest);
      failed = true;
    }
    req_release_dir(r);
    v8c_value fn = v8c_ref_get(env, r->cb);
    if (v && fn) {
      v8c_value argv[2] = {failed ? v : v8c_null(env), v};
      nr__callback(r->rt, fn, v8c_undefined(env), failed ? 1 : 2, argv);
    }
    v8c_scope_close(&scope);
  }
  req_free(r);
}

/* Argument i, the optional callback: *cb stays NULL when it is undefined
 * (a blocking call); anything else but a function throws. */
static bool arg_callback(v8c_call *c, int i, v8c_value *cb) {
  v8c_value v = v8c_arg(c, i);
  *cb = NULL;
  if (v8c_is(v, V8C_UNDEFINED)) return true;
  if (v8c_is(v, V8C_FUNCTION)) {
    *cb = v;
    return true;
  }
  nr__throw_arg_type(v8c_call_env(c), "callback", "function");
  return false;
}

/* Runs r, whose arguments are all checked: blocking without cb (returns or
 * throws), else queued with cb. Takes ownership of r in every case. */
static void req_run(v8c_call *c, fs_req *r, v8c_value cb) {
  v8c_env *env = v8c_call_env(c);
  nr_runtime *rt = nr__rt(c);
  if (!cb) {
    req_execute(r);
    bool failed;
    v8c_value v = req_result(env, r, true, &failed);
    req_release_dir(r);
    if (v && failed) v8c_throw(env, v);
    else if (v) v8c_return(c, v);
    req_free(r);
    return;
  }
  r->rt = rt;
  r->cb = v8c_ref_new(env, cb);
  int err = nr__work_queue_try(rt, &r->work, NR_WORK_FS, req_try, req_work,
                               req_after);
  if (err < 0) {
    nr__throw_uv(env, err, op_info[r->op].syscall, r->path, r->dest);
    req_free(r);
    return;
  }
  nr__wrap_track(rt, &r->wrap, req_orphan);
}

/* A new request, or NULL with an exception pending. */
static fs_req *req_alloc(v8c_env *env, fs_op op) {
  fs_req *r = calloc(1, sizeof *r);
  if (!r) {
    v8c_throw_error(env, V8C_ERROR, "ERR_MEMORY_ALLOCATION_FAILED",
                    "Failed to allocate memory");
    return NULL;
  }
  r->op = op;
  r->fd = -1;
  return r;
}

/* The natives whose arguments op_info describes: parses them into a new
 * request and runs it. */
static void op_native(v8c_call *c, fs_op op) {
  v8c_env *env = v8c_call_env(c);
  const char *kinds = op_info[op].args;
  fs_req *r = req_alloc(env, op);
  if (!r) return;
  int i = 0, ni = 0, nd = 0;
  for (; kinds[i]; i++) {
    v8c_value v = v8c_arg(c, i);
    int64_t x;
    switch (kinds[i]) {
      case 'P': {
        char *s = nr__arg_string(c, i, r->path ? "dest" : "path");
        if (!s) goto fail;
        if (r->path) r->dest = s;
        else r->path = s;
        break;
      }
      case 'F':
        if (!nr__arg_int(c, i, "fd", 0, INT32_MAX, &x)) goto fail;
        r->fd = (int)x;
        break;
      case 'I':
        if (!nr__arg_int(c, i, "value", -1, UINT32_MAX, &x)) goto fail;
        r->n[ni++] = x;
        break;
      case 'L':
        if (!nr__arg_int(c, i, "len", 0, INT64_C(9007199254740991), &x))
          goto fail;
        r->n[ni++] = x;
        break;
      case 'D':
        if (!v8c_is(v, V8C_NUMBER)) {
          nr__throw_arg_type(env, "time", "number");
          goto fail;
        }
        r->d[nd++] = v8c_value_double(v);
        break;
      case 'B': r->n[ni++] = v8c_to_bool(env, v); break;
    }
  }
  v8c_value cb;
  if (!arg_callback(c, i, &cb)) goto fail;
  req_run(c, r, cb);
  return;
fail:
  req_free(r);
}

#define OP_NATIVE(name, op) \
  static void name(v8c_call *c) { op_native(c, op); }
OP_NATIVE(access_, OP_ACCESS)
OP_NATIVE(chmod_, OP_CHMOD)
OP_NATIVE(chown_, OP_CHOWN)
OP_NATIVE(close_, OP_CLOSE)
OP_NATIVE(copyfile_, OP_COPYFILE)
OP_NATIVE(fchmod_, OP_FCHMOD)
OP_NATIVE(fchown_, OP_FCHOWN)
OP_NATIVE(fdatasync_, OP_FDATASYNC)
OP_NATIVE(fstat_, OP_FSTAT)
OP_NATIVE(fsync_, OP_FSYNC)
OP_NATIVE(ftruncate_, OP_FTRUNCATE)
OP_NATIVE(futimes_, OP_FUTIMES)
OP_NATIVE(lchown_, OP_LCHOWN)
OP_NATIVE(link_, OP_LINK)
OP_NATIVE(lstat_, OP_LSTAT)
OP_NATIVE(lutimes_, OP_LUTIMES)
OP_NATIVE(mkdir_, OP_MKDIR)
OP_NATIVE(mkdtemp_, OP_MKDTEMP)
OP_NATIVE(open_, OP_OPEN)
OP_NATIVE(opendir_, OP_OPENDIR)
OP_NATIVE(readdir_, OP_READDIR)
OP_NATIVE(readlink_, OP_READLINK)
OP_NATIVE(realpath_, OP_REALPATH)
OP_NATIVE(rename_, OP_RENAME)
OP_NATIVE(rmdir_, OP_RMDIR)
OP_NATIVE(stat_, OP_STAT)
OP_NATIVE(statfs_, OP_STATFS)
OP_NATIVE(symlink_, OP_SYMLINK)
OP_NATIVE(unlink_, OP_UNLINK)
OP_NATIVE(utimes_, OP_UTIMES)
#undef OP_NATIVE

/* A scratch block of n bytes for an asynchronous read or write, owned by
 * r; false with an exception pending. */
static bool own_scratch(v8c_env *env, fs_req *r, size_t n) {
  r->buf = malloc(n ? n : 1);
  if (!r->buf) {
    v8c_throw_error(env, V8C_ERROR, "ERR_MEMORY_ALLOCATION_FAILED",
                    "Failed to allocate memory");
    return false;
  }
  r->own_buf = true;
  r->len = n;
  return true;
}

/* read(fd, view, offset, length, position, cb?) -> bytes read, and
 * write(fd, view, offset, length, position, cb?) -> bytes written.
 * position -1 means the file's current position. An asynchronous request
 * works on the view's memory in place, as Node does, pinned so that it
 * outlives the view (and the env, at teardown) while the threadpool uses
 * it. */
static void rw_native(v8c_call *c, fs_op op) {
  v8c_env *env = v8c_call_env(c);
  v8c_value view = v8c_arg(c, 1), cb;
  void *data;
  size_t len;
  int64_t fd, off, n, pos;
  if (!nr__arg_int(c, 0, "fd", 0, INT32_MAX, &fd)) return;
  if (!v8c_is(view, V8C_ARRAY_BUFFER_VIEW) || !v8c_bytes(view, &data, &len)) {
    nr__throw_arg_type(env, "buffer", "an instance of Buffer, TypedArray, "
                       "or DataView");
    return;
  }
  if (!nr__arg_int(c, 2, "offset", 0, (int64_t)len, &off) ||
      !nr__arg_int(c, 3, "length", 0, (int64_t)len - off, &n) ||
      !nr__arg_int(c, 4, "position", -1, INT64_C(9007199254740991), &pos) ||
      !arg_callback(c, 5, &cb))
    return;
  fs_req *r = req_alloc(env, op);
  if (!r) return;
  r->fd = (int)fd;
  r->position = pos;
  r->len = (size_t)n;
  r->buf = (char *)data + off;
  if (cb) {
    r->pin = v8c_bytes_pin(view, &data, &len);
    if (!r->pin) {
      v8c_throw_error(env, V8C_ERROR, "ERR_MEMORY_ALLOCATION_FAILED",
                      "Failed to allocate memory");
      req_free(r);
      return;
    }
    r->buf = (char *)data + off;
  }
  req_run(c, r, cb);
}
static void read_(v8c_call *c) { rw_native(c, OP_READ); }
static void write_(v8c_call *c) { rw_native(c, OP_WRITE); }

/* readv(fd, views, position, cb?) and writev(fd, views, position, cb?):
 * the views are read or written as one block (gathered before a write,
 * scattered after a read), which is what the vectored calls do too. */
static void rwv_native(v8c_call *c, fs_op op) {
  v8c_env *env = v8c_call_env(c);
  v8c_value views = v8c_arg(c, 1), cb;
  int64_t fd, pos;
  if (!nr__arg_int(c, 0, "fd", 0, INT32_MAX, &fd)) return;
  if (!v8c_is(views, V8C_ARRAY)) {
    nr__throw_arg_type(env, "buffers", "an instance of Array");
    return;
  }
  if (!nr__arg_int(c, 2, "position", -1, INT64_C(9007199254740991), &pos) ||
      !arg_callback(c, 3, &cb))
    return;
  uint32_t count = v8c_array_length(views);
  size_t total = 0;
  void *data;
  size_t len;
  for (uint32_t i = 0; i < count; i++) {
    v8c_value v = v8c_get_index(env, views, i);
    if (!v) return;
    if (!v8c_is(v, V8C_ARRAY_BUFFER_VIEW) || !v8c_bytes(v, &data, &len)) {
      nr__throw_arg_type(env, "buffers", "an ArrayBufferView[]");
      return;
    }
    total += len;
  }
  if (total > INT32_MAX) total = INT32_MAX;
  fs_req *r = req_alloc(env, op);
  if (!r) return;
  r->fd = (int)fd;
  r->position = pos;
  if (!own_scratch(env, r, total)) {
    req_free(r);
    return;
  }
  if (op == OP_WRITEV) {
    size_t at = 0;
    for (uint32_t i = 0; i < count && at < total; i++) {
      v8c_value v = v8c_get_index(env, views, i);
      if (!v || !v8c_bytes(v, &data, &len)) continue;
      if (len > total - at) len = total - at;
      memcpy(r->buf + at, data, len);
      at += len;
    }
  } else {
    r->target = v8c_ref_new(env, views);
  }
  req_run(c, r, cb);
}
static void readv_(v8c_call *c) { rwv_native(c, OP_READV); }
static void writev_(v8c_call *c) { rwv_native(c, OP_WRITEV); }

/* The Dir handle of argument 0, idle; NULL with an exception pending. */
static dir_wrap *arg_dir(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  dir_wrap *w = v8c_unwrap(env, v8c_arg(c, 0), &dir_tag);
  if (!w) {
    v8c_throw_error(env, V8C_ERROR, "ERR_DIR_CLOSED",
                    "Directory handle was closed");
  } else if (w->busy) {
    v8c_throw_error(env, V8C_ERROR, "ERR_DIR_CONCURRENT_OPERATION",
                    "Cannot do synchronous work on directory handle with "
                    "concurrent asynchronous operations");
    w = NULL;
  }
  return w;
}

/* dirRead(handle, cb?) -> [names, types] of the next entries, or null. */
static void dir_read(v8c_call *c) {
  v8c_value cb;
  dir_wrap *w = arg_dir(c);
  fs_req *r;
  if (!w || !arg_callback(c, 1, &cb) ||
      !(r = req_alloc(v8c_call_env(c), OP_DIRREAD)))
    return;
  w->busy = true;
  r->dirw = w;
  req_run(c, r, cb);
}

/* dirClose(handle, cb?): the handle is unusable from now on. */
static void dir_close(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_value cb;
  dir_wrap *w = arg_dir(c);
  fs_req *r;
  if (!w || !arg_callback(c, 1, &cb) || !(r = req_alloc(env, OP_DIRCLOSE)))
    return;
  v8c_unwrap_clear(env, v8c_arg(c, 0));
  nr__wrap_untrack(&w->wrap);
  w->busy = true;
  r->dirw = w;
  req_run(c, r, cb);
}

/* readFileBytes(path | fd, cb?) -> Uint8Array over the file's bytes (the
 * memory read into is handed to JS, not copied). */
static void read_file_bytes(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  char *path;
  int fd;
  v8c_value cb;
  if (!arg_file(c, &path, &fd)) return;
  fs_req *r = NULL;
  if (!arg_callback(c, 1, &cb) || !(r = req_alloc(env, OP_READFILE))) {
    free(path);
    return;
  }
  r->path = path;
  r->fd = fd;
  req_run(c, r, cb);
}

/* ---- Watchers --------------------------------------------------------- */

/* An fs.watch (uv_fs_event) or fs.watchFile (uv_fs_poll) handle, owned by
 * a JS object made by watch()/watchFile(). It holds its JS callback
 * strongly while open; it is freed from the uv_close callback, started by
 * close() or by teardown. */
typedef struct watcher {
  union {
    uv_handle_t handle;
    uv_fs_event_t event;
    uv_fs_poll_t poll;
  } h;
  nr__handle_wrap wrap;
  nr_runtime *rt;
  v8c_ref *cb;
} watcher;

static const int watcher_tag = 1;

static void watcher_closed(uv_handle_t *h) {
  watcher *w = h->data;
  v8c_ref_free(w->cb);
  free(w);
}

/* Starts closing; the struct goes in the close callback. */
static void watcher_close(watcher *w) {
  nr__wrap_untrack(&w->wrap);
  uv_close(&w->h.handle, watcher_closed);
}

static void watcher_teardown(nr__handle_wrap *hw) {
  watcher *w = (watcher *)((char *)hw - offsetof(watcher, wrap));
  v8c_ref_free(w->cb);
  w->cb = NULL;
  uv_close(&w->h.handle, watcher_closed);
}

/* Calls the watcher's JS callback with argv, from the loop. */
static void watcher_call(watcher *w, int argc, v8c_value *argv) {
  v8c_env *env = w->rt->env;
  v8c_value fn = w->cb ? v8c_ref_get(env, w->cb) : NULL;
  if (fn) nr__callback(w->rt, fn, v8c_undefined(env), argc, argv);
}

static void on_fs_event(uv_fs_event_t *h, const char *filename, int events,
                        int status) {
  watcher *w = h->data;
  if (w->rt->stopping) return;
  v8c_env *env = w->rt->env;
  v8c_scope scope;
  v8c_scope_open(env, &scope);
  v8c_value argv[3];
  if (status < 0) {
    argv[0] = nr__uv_error(env, status, "watch", NULL, NULL);
    argv[1] = argv[2] = v8c_undefined(env);
  } else {
    argv[0] = v8c_null(env);
    argv[1] = v8c_string_static(env,
                                events & UV_RENAME ? "rename" : "change", 6);
    argv[2] = filename ? v8c_string(env, filename, (size_t)-1)
                       : v8c_null(env);
  }
  if (argv[0] && argv[1] && argv[2]) watcher_call(w, 3, argv);
  v8c_scope_close(&scope);
}

static void on_fs_poll(uv_fs_poll_t *h, int status, const uv_stat_t *prev,
                       const uv_stat_t *curr) {
  watcher *w = h->data;
  if (w->rt->stopping) return;
  v8c_env *env = w->rt->env;
  v8c_scope scope;
  v8c_scope_open(env, &scope);
  v8c_value argv[3] = {
      status < 0 ? nr__uv_error(env, status, "stat", NULL, NULL)
                 : v8c_null(env),
      stat_array(env, curr), stat_array(env, prev)};
  if (argv[0] && argv[1] && argv[2]) watcher_call(w, 3, argv);
  v8c_scope_close(&scope);
}

/* The shared start of both watchers: argument 0 the path, 1 persistent
 * (a boolean; false unrefs the handle), the callback last at `cb_at`.
 * Returns the wrapper object, or NULL with an exception pending. */
static void watcher_start(v8c_call *c, bool poll) {
  v8c_env *env = v8c_call_env(c);
  nr_runtime *rt = nr__rt(c);
  int cb_at = poll ? 3 : 2;
  int64_t interval = 0;
  v8c_value cb = v8c_arg(c, cb_at);
  if (!v8c_is(v8c_arg(c, 1), V8C_BOOLEAN)) {
    nr__throw_arg_type(env, "persistent", "boolean");
    return;
  }
  if (poll && !nr__arg_int(c, 2, "interval", 1, UINT32_MAX, &interval))
    return;
  if (!v8c_is(cb, V8C_FUNCTION)) {
    nr__throw_arg_type(env, "listener", "function");
    return;
  }
  char *path = nr__arg_string(c, 0, "filename");
  if (!path) return;
  watcher *w = calloc(1, sizeof *w);
  if (!w) {
    free(path);
    v8c_throw_error(env, V8C_ERROR, "ERR_MEMORY_ALLOCATION_FAILED",
                    "Failed to allocate memory");
    return;
  }
  int err = poll ? uv_fs_poll_init(rt->loop, &w->h.poll)
                 : uv_fs_event_init(rt->loop, &w->h.event);
  if (err < 0) {
    free(w);
    free(path);
    nr__throw_uv_sync(env, err, "watch", NULL, NULL);
    return;
  }
  w->h.handle.data = w;
  w->rt = rt;
  err = poll ? uv_fs_poll_start(&w->h.poll, on_fs_poll, path,
                                (unsigned)interval)
             : uv_fs_event_start(&w->h.event, on_fs_event, path, 0);
  if (err < 0) {
    uv_close(&w->h.handle, watcher_closed);
    nr__throw_uv_sync(env, err, "watch", path, NULL);
    free(path);
    return;
  }
  free(path);
  if (!v8c_to_bool(env, v8c_arg(c, 1))) uv_unref(&w->h.handle);
  w->cb = v8c_ref_new(env, cb);
  nr__wrap_track(rt, &w->wrap, watcher_teardown);
  v8c_value obj = v8c_wrap(env, &watcher_tag, w, NULL, NULL);
  if (!obj) {
    watcher_close(w);
    return;
  }
  v8c_return(c, obj);
}

/* watchStart(path, persistent, cb(err, eventType, filename)) -> handle */
static void watch_start(v8c_call *c) { watcher_start(c, false); }
/* watchFileStart(path, persistent, interval, cb(err, curr, prev))
 * -> handle; curr and prev are stat arrays. */
static void watch_file_start(v8c_call *c) { watcher_start(c, true); }

/* The watcher of argument 0, or NULL (already closed, or not one). */
static watcher *arg_watcher(v8c_call *c) {
  return v8c_unwrap(v8c_call_env(c), v8c_arg(c, 0), &watcher_tag);
}

/* watcherClose(handle): stops it; no callback runs after. */
static void watcher_close_(v8c_call *c) {
  watcher *w = arg_watcher(c);
  if (!w) return;
  v8c_unwrap_clear(v8c_call_env(c), v8c_arg(c, 0));
  v8c_ref_free(w->cb);
  w->cb = NULL;
  watcher_close(w);
}

/* watcherRef(handle, ref): whether it keeps the loop alive. */
static void watcher_ref(v8c_call *c) {
  watcher *w = arg_watcher(c);
  if (!w) return;
  if (v8c_to_bool(v8c_call_env(c), v8c_arg(c, 1))) uv_ref(&w->h.handle);
  else uv_unref(&w->h.handle);
}

/* ---- The binding ------------------------------------------------------ */

static const nr__method methods[] = {
    {"internalModuleStat", internal_module_stat},
    {"readFileUtf8", read_file_utf8},
    {"readFileBytes", read_file_bytes},
    {"writeFile", write_file},
    {"access", access_},
    {"chmod", chmod_},
    {"chown", chown_},
    {"close", close_},
    {"copyFile", copyfile_},
    {"fchmod", fchmod_},
    {"fchown", fchown_},
    {"fdatasync", fdatasync_},
    {"fstat", fstat_},
    {"fsync", fsync_},
    {"ftruncate", ftruncate_},
    {"futimes", futimes_},
    {"lchown", lchown_},
    {"link", link_},
    {"lstat", lstat_},
    {"lutimes", lutimes_},
    {"mkdir", mkdir_},
    {"mkdtemp", mkdtemp_},
    {"open", open_},
    {"read", read_},
    {"readdir", readdir_},
    {"readlink", readlink_},
    {"readv", readv_},
    {"realpath", realpath_},
    {"rename", rename_},
    {"rmdir", rmdir_},
    {"stat", stat_},
    {"statfs", statfs_},
    {"symlink", symlink_},
    {"unlink", unlink_},
    {"utimes", utimes_},
    {"write", write_},
    {"writev", writev_},
    {"opendir", opendir_},
    {"dirRead", dir_read},
    {"dirClose", dir_close},
    {"watchStart", watch_start},
    {"watchFileStart", watch_file_start},
    {"watcherClose", watcher_close_},
    {"watcherRef", watcher_ref},
    {NULL, NULL},
};

/* fs.constants: the open flags, modes and copyfile flags of this system,
 * and the dirent types of readdir(path, true). */
static const nr__constant constants[] = {
    {"UV_FS_SYMLINK_DIR", UV_FS_SYMLINK_DIR},
    {"UV_FS_SYMLINK_JUNCTION", UV_FS_SYMLINK_JUNCTION},
    {"O_RDONLY", O_RDONLY}, {"O_WRONLY", O_WRONLY}, {"O_RDWR", O_RDWR},
    {"UV_DIRENT_UNKNOWN", UV_DIRENT_UNKNOWN},
    {"UV_DIRENT_FILE", UV_DIRENT_FILE}, {"UV_DIRENT_DIR", UV_DIRENT_DIR},
    {"UV_DIRENT_LINK", UV_DIRENT_LINK}, {"UV_DIRENT_FIFO", UV_DIRENT_FIFO},
    {"UV_DIRENT_SOCKET", UV_DIRENT_SOCKET},
    {"UV_DIRENT_CHAR", UV_DIRENT_CHAR}, {"UV_DIRENT_BLOCK", UV_DIRENT_BLOCK},
    {"S_IFMT", S_IFMT}, {"S_IFREG", S_IFREG}, {"S_IFDIR", S_IFDIR},
    {"S_IFCHR", S_IFCHR}, {"S_IFBLK", S_IFBLK}, {"S_IFIFO", S_IFIFO},
    {"S_IFLNK", S_IFLNK}, {"S_IFSOCK", S_IFSOCK},
    {"O_CREAT", O_CREAT}, {"O_EXCL", O_EXCL},
    {"UV_FS_O_FILEMAP", UV_FS_O_FILEMAP}, {"O_NOCTTY", O_NOCTTY},
    {"O_TRUNC", O_TRUNC}, {"O_APPEND", O_APPEND},
    {"O_DIRECTORY", O_DIRECTORY}, {"O_NOATIME", O_NOATIME},
    {"O_NOFOLLOW", O_NOFOLLOW}, {"O_SYNC", O_SYNC}, {"O_DSYNC", O_DSYNC},
    {"O_DIRECT", O_DIRECT}, {"O_NONBLOCK", O_NONBLOCK},
    {"S_IRWXU", S_IRWXU}, {"S_IRUSR", S_IRUSR}, {"S_IWUSR", S_IWUSR},
    {"S_IXUSR", S_IXUSR}, {"S_IRWXG", S_IRWXG}, {"S_IRGRP", S_IRGRP},
    {"S_IWGRP", S_IWGRP}, {"S_IXGRP", S_IXGRP}, {"S_IRWXO", S_IRWXO},
    {"S_IROTH", S_IROTH}, {"S_IWOTH", S_IWOTH}, {"S_IXOTH", S_IXOTH},
    {"F_OK", F_OK}, {"R_OK", R_OK}, {"W_OK", W_OK}, {"X_OK", X_OK},
    {"UV_FS_COPYFILE_EXCL", UV_FS_COPYFILE_EXCL},
    {"COPYFILE_EXCL", UV_FS_COPYFILE_EXCL},
    {"UV_FS_COPYFILE_FICLONE", UV_FS_COPYFILE_FICLONE},
    {"COPYFILE_FICLONE", UV_FS_COPYFILE_FICLONE},
    {"UV_FS_COPYFILE_FICLONE_FORCE", UV_FS_COPYFILE_FICLONE_FORCE},
    {"COPYFILE_FICLONE_FORCE", UV_FS_COPYFILE_FICLONE_FORCE},
    {NULL, 0},
};

bool nr__binding_fs(nr_runtime *rt, v8c_value target) {
  return nr__set_methods(rt->env, target, methods, NULL) &&
         nr__set_constants(rt->env, target, constants);
}
