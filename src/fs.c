/* fs.c — binding 'fs': file system calls on libuv's uv_fs_*. Most natives
 * take an optional last argument, a callback (err, result): without it the
 * call blocks and returns (or throws); with it the call runs on libuv's
 * threadpool and the callback gets the outcome on a later loop turn. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

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

/* Reads all of a file (a path, or an open fd) into *out; false with an
 * exception pending. */
static bool read_whole(v8c_call *c, char **out, size_t *len) {
  v8c_env *env = v8c_call_env(c);
  v8c_value a = v8c_arg(c, 0);
  char *path = NULL;
  int fd;
  uv_fs_t req;
  if (v8c_is(a, V8C_INT32) && v8c_value_int64(a) >= 0) {
    fd = (int)v8c_value_int64(a);
  } else {
    if (!(path = nr__arg_string(c, 0, "path"))) return false;
    fd = uv_fs_open(NULL, &req, path, UV_FS_O_RDONLY, 0, NULL);
    uv_fs_req_cleanup(&req);
    if (fd < 0) {
      nr__throw_uv(env, fd, "open", path, NULL);
      free(path);
      return false;
    }
  }
  int r = read_all(fd, out, len);
  if (path) {
    uv_fs_close(NULL, &req, fd, NULL);
    uv_fs_req_cleanup(&req);
  }
  if (r < 0) nr__throw_uv(env, r, "read", path, NULL);
  free(path);
  return r >= 0;
}

/* readFileUtf8(path | fd) -> string */
static void read_file_utf8(v8c_call *c) {
  char *buf;
  size_t len;
  if (!read_whole(c, &buf, &len)) return;
  v8c_return(c, v8c_string(v8c_call_env(c), buf, len));
  free(buf);
}

/* The sync form of readFileBytes (see below). */
static void read_file_bytes_sync(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  char *buf;
  size_t len;
  if (!read_whole(c, &buf, &len)) return;
  v8c_value ab = v8c_arraybuffer_external(env, buf, len, free_bytes, NULL);
  if (ab) v8c_return(c, v8c_uint8array(env, ab, 0, len));
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
      nr__throw_uv(env, fd, "open", path, NULL);
    } else {
      size_t off = 0;
      while (off < len) {
        uv_buf_t b = uv_buf_init((char *)data + off, (unsigned)(len - off));
        int r = uv_fs_write(NULL, &req, fd, &b, 1, -1, NULL);
        uv_fs_req_cleanup(&req);
        if (r < 0) { nr__throw_uv(env, r, "write", path, NULL); break; }
        off += (size_t)r;
      }
      uv_fs_close(NULL, &req, fd, NULL);
      uv_fs_req_cleanup(&req);
    }
  }
  free(copy);
  free(path);
}

/* The fields of a stat result, in the order lib/fs.js reads them. */
static v8c_value stat_array(v8c_env *env, const uv_stat_t *s) {
  double f[] = {
      (double)s->st_dev, (double)s->st_mode, (double)s->st_nlink,
      (double)s->st_uid, (double)s->st_gid, (double)s->st_rdev,
      (double)s->st_blksize, (double)s->st_ino, (double)s->st_size,
      (double)s->st_blocks,
      s->st_atim.tv_sec * 1e3 + s->st_atim.tv_nsec / 1e6,
      s->st_mtim.tv_sec * 1e3 + s->st_mtim.tv_nsec / 1e6,
      s->st_ctim.tv_sec * 1e3 + s->st_ctim.tv_nsec / 1e6,
      s->st_birthtim.tv_sec * 1e3 + s->st_birthtim.tv_nsec / 1e6};
  uint32_t n = sizeof f / sizeof f[0];
  v8c_value arr = v8c_array(env, n);
  for (uint32_t i = 0; i < n; i++) v8c_set_index(env, arr, i, v8c_number(env, f[i]));
  return arr;
}

/* ---- Requests, blocking or on the threadpool -------------------------- */

/* What a request does; each kind is one uv_fs_* call. */
typedef enum fs_op {
  OP_OPEN, OP_CLOSE, OP_READ, OP_WRITE, OP_STAT, OP_LSTAT, OP_FSTAT,
  OP_SCANDIR, OP_MKDIR, OP_RMDIR, OP_UNLINK, OP_RENAME, OP_ACCESS,
  OP_REALPATH
} fs_op;

/* One file system request. A blocking call keeps it for the length of the
 * call; an asynchronous one owns it from the native until its completion,
 * which frees everything. While one is in flight it sits in the runtime's
 * list of wraps, so teardown can drop its JS references before the V8
 * environment goes away (the threadpool work itself cannot be stopped; the
 * completion then frees only C memory). */
typedef struct fs_req {
  uv_fs_t req;
  uv_work_t work;        /* readFileBytes: the whole read on one thread */
  nr__handle_wrap wrap;  /* wrap.rt is NULL once teardown took the refs */
  nr_runtime *rt;
  fs_op op;
  const char *syscall;
  v8c_ref *cb;           /* the callback, strong until completion */
  v8c_ref *target;       /* read: the view to copy the bytes into */
  size_t target_off;     /* read: where in the view's bytes */
  char *path, *dest;     /* our copies */
  int fd, flags, mode;
  int64_t position;
  char *buf;             /* read: scratch; write: a copy of the bytes */
  size_t len;
  bool own_buf;          /* buf is ours to free */
  int result;            /* readFileBytes */
  char *bytes;           /* readFileBytes: the file's contents */
  size_t nbytes;
} fs_req;

static fs_req *req_new(fs_op op, const char *syscall) {
  fs_req *r = calloc(1, sizeof *r);
  if (r) {
    r->op = op;
    r->syscall = syscall;
    r->fd = -1;
  }
  return r;
}

static void req_free(fs_req *r) {
  nr__wrap_untrack(&r->wrap);
  v8c_ref_free(r->cb);
  v8c_ref_free(r->target);
  if (r->own_buf) free(r->buf);
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

/* Issues the uv_fs_* call of r; blocking when cb is NULL. */
static int req_start(fs_req *r, uv_loop_t *loop, uv_fs_cb cb) {
  uv_fs_t *q = &r->req;
  uv_buf_t b = uv_buf_init(r->buf, (unsigned)r->len);
  switch (r->op) {
    case OP_OPEN: return uv_fs_open(loop, q, r->path, r->flags, r->mode, cb);
    case OP_CLOSE: return uv_fs_close(loop, q, r->fd, cb);
    case OP_READ: return uv_fs_read(loop, q, r->fd, &b, 1, r->position, cb);
    case OP_WRITE: return uv_fs_write(loop, q, r->fd, &b, 1, r->position, cb);
    case OP_STAT: return uv_fs_stat(loop, q, r->path, cb);
    case OP_LSTAT: return uv_fs_lstat(loop, q, r->path, cb);
    case OP_FSTAT: return uv_fs_fstat(loop, q, r->fd, cb);
    case OP_SCANDIR: return uv_fs_scandir(loop, q, r->path, 0, cb);
    case OP_MKDIR: return uv_fs_mkdir(loop, q, r->path, r->mode, cb);
    case OP_RMDIR: return uv_fs_rmdir(loop, q, r->path, cb);
    case OP_UNLINK: return uv_fs_unlink(loop, q, r->path, cb);
    case OP_RENAME: return uv_fs_rename(loop, q, r->path, r->dest, cb);
    case OP_ACCESS: return uv_fs_access(loop, q, r->path, r->mode, cb);
    case OP_REALPATH: return uv_fs_realpath(loop, q, r->path, cb);
  }
  return UV_EINVAL;
}

/* The JS value of a finished request: the error (*failed set), or its
 * result. NULL with an exception pending when a value cannot be made. */
static v8c_value req_result(v8c_env *env, fs_req *r, bool *failed) {
  ssize_t res = r->req.result;
  *failed = res < 0;
  if (res < 0) return nr__uv_error(env, (int)res, r->syscall, r->path, r->dest);
  switch (r->op) {
    case OP_OPEN: case OP_WRITE: return v8c_number(env, (double)res);
    case OP_READ: {
      /* An async read went to scratch memory; copy it into the view. */
      void *data;
      size_t len;
      v8c_value view = r->target ? v8c_ref_get(env, r->target) : NULL;
      if (r->own_buf && view && v8c_bytes(view, &data, &len) &&
          r->target_off + (size_t)res <= len)
        memcpy((char *)data + r->target_off, r->buf, (size_t)res);
      return v8c_number(env, (double)res);
    }
    case OP_STAT: case OP_LSTAT: case OP_FSTAT:
      return stat_array(env, &r->req.statbuf);
    case OP_REALPATH: return v8c_string(env, r->req.ptr, (size_t)-1);
    case OP_SCANDIR: {
      v8c_value arr = v8c_array(env, (uint32_t)res);
      uv_dirent_t ent;
      uint32_t i = 0;
      while (uv_fs_scandir_next(&r->req, &ent) != UV_EOF) {
        v8c_value name = v8c_string(env, ent.name, (size_t)-1);
        if (!name) return NULL;
        v8c_set_index(env, arr, i++, name);
      }
      return arr;
    }
    default: return v8c_undefined(env);
  }
}

/* Calls the request's callback with (err) or (null, result). */
static void req_deliver(fs_req *r, v8c_value value, bool failed) {
  v8c_env *env = r->rt->env;
  v8c_value fn = v8c_ref_get(env, r->cb);
  if (!fn) return;
  v8c_value argv[2] = {failed ? value : v8c_null(env), value};
  nr__callback(r->rt, fn, v8c_undefined(env), failed ? 1 : 2, argv);
}

/* Completion of an asynchronous uv_fs_* call, on the loop thread. */
static void req_done(uv_fs_t *q) {
  fs_req *r = q->data;
  if (r->wrap.rt && !r->rt->stopping) {
    v8c_env *env = r->rt->env;
    v8c_scope scope;
    v8c_scope_open(env, &scope);
    bool failed;
    v8c_value v = req_result(env, r, &failed);
    if (!v) {
      /* Only when a result could not be made (out of memory, a name
       * too long for V8): hand the callback an error rather than drop
       * it. */
      v = nr__uv_error(env, UV_ENOMEM, r->syscall, r->path, r->dest);
      failed = true;
    }
    if (v) req_deliver(r, v, failed);
    v8c_scope_close(&scope);
  }
  uv_fs_req_cleanup(q);
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
    int err = req_start(r, NULL, NULL);
    (void)err;  /* also in r->req.result */
    bool failed;
    v8c_value v = req_result(env, r, &failed);
    if (v && failed) v8c_throw(env, v);
    else if (v) v8c_return(c, v);
    uv_fs_req_cleanup(&r->req);
    req_free(r);
    return;
  }
  r->rt = rt;
  r->cb = v8c_ref_new(env, cb);
  r->req.data = r;
  int err = req_start(r, rt->loop, req_done);
  if (err < 0) {
    nr__throw_uv(env, err, r->syscall, r->path, r->dest);
    uv_fs_req_cleanup(&r->req);
    req_free(r);
    return;
  }
  nr__wrap_track(rt, &r->wrap, req_orphan);
}

/* Allocates a request or throws. */
static fs_req *req_alloc(v8c_env *env, fs_op op, const char *syscall) {
  fs_req *r = req_new(op, syscall);
  if (!r) v8c_throw_error(env, V8C_ERROR, "ERR_MEMORY_ALLOCATION_FAILED",
                          "Failed to allocate memory");
  return r;
}

/* ---- Natives ---------------------------------------------------------- */

/* The natives of one path argument: stat, lstat, readdir, rmdir, unlink,
 * realpath (path, cb?). */
static void path_native(v8c_call *c, fs_op op, const char *syscall) {
  v8c_value cb;
  char *path = nr__arg_string(c, 0, "path");
  if (!path) return;
  fs_req *r = NULL;
  if (arg_callback(c, 1, &cb) &&
      (r = req_alloc(v8c_call_env(c), op, syscall))) {
    r->path = path;
    req_run(c, r, cb);
  } else {
    free(path);
  }
}
static void stat_(v8c_call *c) { path_native(c, OP_STAT, "stat"); }
static void lstat_(v8c_call *c) { path_native(c, OP_LSTAT, "lstat"); }
static void readdir_(v8c_call *c) { path_native(c, OP_SCANDIR, "scandir"); }
static void rmdir_(v8c_call *c) { path_native(c, OP_RMDIR, "rmdir"); }
static void unlink_(v8c_call *c) { path_native(c, OP_UNLINK, "unlink"); }
static void realpath_(v8c_call *c) { path_native(c, OP_REALPATH, "realpath"); }

/* The natives of a path and a mode: mkdir(path, mode, cb?),
 * access(path, mode, cb?). */
static void path_mode_native(v8c_call *c, fs_op op, const char *syscall,
                             int64_t max) {
  v8c_value cb;
  int64_t mode;
  char *path = nr__arg_string(c, 0, "path");
  if (!path) return;
  fs_req *r = NULL;
  if (nr__arg_int(c, 1, "mode", 0, max, &mode) && arg_callback(c, 2, &cb) &&
      (r = req_alloc(v8c_call_env(c), op, syscall))) {
    r->path = path;
    r->mode = (int)mode;
    req_run(c, r, cb);
  } else {
    free(path);
  }
}
static void mkdir_(v8c_call *c) {
  path_mode_native(c, OP_MKDIR, "mkdir", 07777);
}
static void access_(v8c_call *c) {
  path_mode_native(c, OP_ACCESS, "access", 7);
}

/* rename(from, to, cb?) */
static void rename_(v8c_call *c) {
  v8c_value cb;
  char *from = nr__arg_string(c, 0, "oldPath");
  if (!from) return;
  char *to = nr__arg_string(c, 1, "newPath");
  fs_req *r = NULL;
  if (to && arg_callback(c, 2, &cb) &&
      (r = req_alloc(v8c_call_env(c), OP_RENAME, "rename"))) {
    r->path = from;
    r->dest = to;
    req_run(c, r, cb);
  } else {
    free(from);
    free(to);
  }
}

/* open(path, flags, mode, cb?) -> fd */
static void open_(v8c_call *c) {
  v8c_value cb;
  int64_t flags, mode;
  char *path = nr__arg_string(c, 0, "path");
  if (!path) return;
  fs_req *r = NULL;
  if (nr__arg_int(c, 1, "flags", 0, INT32_MAX, &flags) &&
      nr__arg_int(c, 2, "mode", 0, 07777, &mode) && arg_callback(c, 3, &cb) &&
      (r = req_alloc(v8c_call_env(c), OP_OPEN, "open"))) {
    r->path = path;
    r->flags = (int)flags;
    r->mode = (int)mode;
    req_run(c, r, cb);
  } else {
    free(path);
  }
}

/* The natives of one fd: close(fd, cb?), fstat(fd, cb?). */
static void fd_native(v8c_call *c, fs_op op, const char *syscall) {
  v8c_value cb;
  int64_t fd;
  fs_req *r;
  if (nr__arg_int(c, 0, "fd", 0, INT32_MAX, &fd) && arg_callback(c, 1, &cb) &&
      (r = req_alloc(v8c_call_env(c), op, syscall))) {
    r->fd = (int)fd;
    req_run(c, r, cb);
  }
}
static void close_(v8c_call *c) { fd_native(c, OP_CLOSE, "close"); }
static void fstat_(v8c_call *c) { fd_native(c, OP_FSTAT, "fstat"); }

/* read(fd, view, offset, length, position, cb?) -> bytes read, and
 * write(fd, view, offset, length, position, cb?) -> bytes written.
 * position -1 means the file's current position. An asynchronous request
 * works on memory of its own (a copy of what is written, scratch for what
 * is read, copied into the view on completion): the view's memory may be
 * gone at teardown while the threadpool still uses the request's. */
static void rw_native(v8c_call *c, fs_op op) {
  v8c_env *env = v8c_call_env(c);
  const char *what = op == OP_READ ? "read" : "write";
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
  fs_req *r = req_alloc(env, op, what);
  if (!r) return;
  r->fd = (int)fd;
  r->position = pos;
  r->len = (size_t)n;
  r->buf = (char *)data + off;
  if (cb) {
    r->own_buf = true;
    r->buf = malloc(n ? (size_t)n : 1);
    if (!r->buf) {
      r->own_buf = false;
      req_free(r);
      v8c_throw_error(env, V8C_ERROR, "ERR_MEMORY_ALLOCATION_FAILED",
                      "Failed to allocate memory");
      return;
    }
    if (op == OP_WRITE) memcpy(r->buf, (char *)data + off, (size_t)n);
    else r->target = v8c_ref_new(env, view);
    r->target_off = (size_t)off;
  }
  req_run(c, r, cb);
}
static void read_(v8c_call *c) { rw_native(c, OP_READ); }
static void write_(v8c_call *c) { rw_native(c, OP_WRITE); }

/* readFileBytes on the threadpool: open, read all, close, in one go. */
static void read_file_work(uv_work_t *w) {
  fs_req *r = w->data;
  uv_fs_t q;
  int fd = r->fd;
  r->syscall = "read";
  if (r->path) {
    fd = uv_fs_open(NULL, &q, r->path, UV_FS_O_RDONLY, 0, NULL);
    uv_fs_req_cleanup(&q);
    if (fd < 0) {
      r->result = fd;
      r->syscall = "open";
      return;
    }
  }
  r->result = read_all(fd, &r->bytes, &r->nbytes);
  if (r->path) {
    uv_fs_close(NULL, &q, fd, NULL);
    uv_fs_req_cleanup(&q);
  }
}

static void read_file_done(uv_work_t *w, int status) {
  fs_req *r = w->data;
  if (status < 0) r->result = status;
  if (r->wrap.rt && !r->rt->stopping) {
    v8c_env *env = r->rt->env;
    v8c_scope scope;
    v8c_scope_open(env, &scope);
    v8c_value v;
    if (r->result < 0) {
      v = nr__uv_error(env, r->result, r->syscall, r->path, NULL);
    } else {
      /* The memory is handed to the ArrayBuffer. */
      v8c_value ab = v8c_arraybuffer_external(env, r->bytes, r->nbytes,
                                              free_bytes, NULL);
      r->bytes = NULL;
      v = ab ? v8c_uint8array(env, ab, 0, r->nbytes) : NULL;
    }
    if (v) req_deliver(r, v, r->result < 0);
    v8c_scope_close(&scope);
  }
  req_free(r);
}

/* readFileBytes(path | fd, cb?) -> Uint8Array over the file's bytes (the
 * memory read into is handed to JS, not copied). */
static void read_file_bytes(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_value a = v8c_arg(c, 0), cb;
  char *path = NULL;
  int fd = -1;
  if (v8c_is(a, V8C_INT32) && v8c_value_int64(a) >= 0) {
    fd = (int)v8c_value_int64(a);
  } else if (!(path = nr__arg_string(c, 0, "path"))) {
    return;
  }
  if (!arg_callback(c, 1, &cb)) {
    free(path);
    return;
  }
  if (!cb) {
    free(path);
    read_file_bytes_sync(c);
    return;
  }
  fs_req *r = req_alloc(env, OP_READ, "read");
  if (!r) {
    free(path);
    return;
  }
  nr_runtime *rt = nr__rt(c);
  r->rt = rt;
  r->path = path;
  r->fd = fd;
  r->cb = v8c_ref_new(env, cb);
  r->work.data = r;
  int err = uv_queue_work(rt->loop, &r->work, read_file_work, read_file_done);
  if (err < 0) {
    nr__throw_uv(env, err, "read", path, NULL);
    req_free(r);
    return;
  }
  nr__wrap_track(rt, &r->wrap, req_orphan);
}

static const nr__method methods[] = {
    {"internalModuleStat", internal_module_stat},
    {"readFileUtf8", read_file_utf8},
    {"readFileBytes", read_file_bytes},
    {"writeFile", write_file},
    {"open", open_},
    {"close", close_},
    {"read", read_},
    {"write", write_},
    {"stat", stat_},
    {"lstat", lstat_},
    {"fstat", fstat_},
    {"rename", rename_},
    {"realpath", realpath_},
    {"readdir", readdir_},
    {"access", access_},
    {"mkdir", mkdir_},
    {"unlink", unlink_},
    {"rmdir", rmdir_},
    {NULL, NULL},
};

static const nr__constant constants[] = {
    {"O_RDONLY", UV_FS_O_RDONLY}, {"O_WRONLY", UV_FS_O_WRONLY},
    {"O_RDWR", UV_FS_O_RDWR}, {"O_CREAT", UV_FS_O_CREAT},
    {"O_TRUNC", UV_FS_O_TRUNC}, {"O_APPEND", UV_FS_O_APPEND},
    {"O_EXCL", UV_FS_O_EXCL}, {"F_OK", 0}, {"R_OK", 4}, {"W_OK", 2},
    {"X_OK", 1}, {NULL, 0},
};

bool nr__binding_fs(nr_runtime *rt, v8c_value target) {
  return nr__set_methods(rt->env, target, methods, NULL) &&
         nr__set_constants(rt->env, target, constants);
}
