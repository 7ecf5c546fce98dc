/* fs.c — binding 'fs': synchronous file system calls (libuv's uv_fs_* in
 * their blocking form). The module loader stands on these; the threadpool
 * forms and the rest of Node's fs come with the fs issue. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Runs after a synchronous uv_fs call: throws Node's error when it failed. */
static bool fs_ok(v8c_env *env, uv_fs_t *req, int r, const char *syscall,
                  const char *path) {
  if (r >= 0) return true;
  nr__throw_uv(env, r, syscall, path, NULL);
  uv_fs_req_cleanup(req);
  return false;
}

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

/* readFileBytes(path | fd) -> Uint8Array over the file's bytes (the memory
 * read into is handed to JS, not copied). */
static void read_file_bytes(v8c_call *c) {
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

/* stat(path) / lstat(path) -> array of fields (see stat_array) */
static void stat_common(v8c_call *c, bool link) {
  v8c_env *env = v8c_call_env(c);
  char *path = nr__arg_string(c, 0, "path");
  if (!path) return;
  uv_fs_t req;
  int r = link ? uv_fs_lstat(NULL, &req, path, NULL)
               : uv_fs_stat(NULL, &req, path, NULL);
  if (fs_ok(env, &req, r, link ? "lstat" : "stat", path)) {
    v8c_return(c, stat_array(env, &req.statbuf));
    uv_fs_req_cleanup(&req);
  }
  free(path);
}
static void stat_(v8c_call *c) { stat_common(c, false); }
static void lstat_(v8c_call *c) { stat_common(c, true); }

/* realpath(path) -> string */
static void realpath_(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  char *path = nr__arg_string(c, 0, "path");
  if (!path) return;
  uv_fs_t req;
  int r = uv_fs_realpath(NULL, &req, path, NULL);
  if (fs_ok(env, &req, r, "realpath", path)) {
    v8c_return(c, v8c_string(env, req.ptr, (size_t)-1));
    uv_fs_req_cleanup(&req);
  }
  free(path);
}

/* readdir(path) -> [names] */
static void readdir_(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  char *path = nr__arg_string(c, 0, "path");
  if (!path) return;
  uv_fs_t req;
  int r = uv_fs_scandir(NULL, &req, path, 0, NULL);
  if (fs_ok(env, &req, r, "scandir", path)) {
    v8c_value arr = v8c_array(env, (uint32_t)r);
    uv_dirent_t ent;
    uint32_t i = 0;
    while (uv_fs_scandir_next(&req, &ent) != UV_EOF)
      v8c_set_index(env, arr, i++, v8c_string(env, ent.name, (size_t)-1));
    uv_fs_req_cleanup(&req);
    v8c_return(c, arr);
  }
  free(path);
}

/* access(path, mode) */
static void access_(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  char *path = nr__arg_string(c, 0, "path");
  int64_t mode;
  if (path && nr__arg_int(c, 1, "mode", 0, 7, &mode)) {
    uv_fs_t req;
    int r = uv_fs_access(NULL, &req, path, (int)mode, NULL);
    if (fs_ok(env, &req, r, "access", path)) uv_fs_req_cleanup(&req);
  }
  free(path);
}

/* mkdir(path, mode) */
static void mkdir_(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  char *path = nr__arg_string(c, 0, "path");
  int64_t mode;
  if (path && nr__arg_int(c, 1, "mode", 0, 07777, &mode)) {
    uv_fs_t req;
    int r = uv_fs_mkdir(NULL, &req, path, (int)mode, NULL);
    if (fs_ok(env, &req, r, "mkdir", path)) uv_fs_req_cleanup(&req);
  }
  free(path);
}

/* unlink(path) / rmdir(path) */
static void path_op(v8c_call *c, bool dir) {
  v8c_env *env = v8c_call_env(c);
  char *path = nr__arg_string(c, 0, "path");
  if (!path) return;
  uv_fs_t req;
  int r = dir ? uv_fs_rmdir(NULL, &req, path, NULL)
              : uv_fs_unlink(NULL, &req, path, NULL);
  if (fs_ok(env, &req, r, dir ? "rmdir" : "unlink", path))
    uv_fs_req_cleanup(&req);
  free(path);
}
static void unlink_(v8c_call *c) { path_op(c, false); }
static void rmdir_(v8c_call *c) { path_op(c, true); }

static const nr__method methods[] = {
    {"internalModuleStat", internal_module_stat},
    {"readFileUtf8", read_file_utf8},
    {"readFileBytes", read_file_bytes},
    {"writeFile", write_file},
    {"stat", stat_},
    {"lstat", lstat_},
    {"realpath", realpath_},
    {"readdir", readdir_},
    {"access", access_},
    {"mkdir", mkdir_},
    {"unlink", unlink_},
    {"rmdir", rmdir_},
    {NULL, NULL},
};

bool nr__binding_fs(nr_runtime *rt, v8c_value target) {
  v8c_env *env = rt->env;
  return nr__set_methods(env, target, methods, NULL) &&
         nr__set_int(env, target, "O_RDONLY", UV_FS_O_RDONLY) &&
         nr__set_int(env, target, "O_WRONLY", UV_FS_O_WRONLY) &&
         nr__set_int(env, target, "O_RDWR", UV_FS_O_RDWR) &&
         nr__set_int(env, target, "O_CREAT", UV_FS_O_CREAT) &&
         nr__set_int(env, target, "O_TRUNC", UV_FS_O_TRUNC) &&
         nr__set_int(env, target, "O_APPEND", UV_FS_O_APPEND) &&
         nr__set_int(env, target, "O_EXCL", UV_FS_O_EXCL) &&
         nr__set_int(env, target, "F_OK", 0) && nr__set_int(env, target, "R_OK", 4) &&
         nr__set_int(env, target, "W_OK", 2) && nr__set_int(env, target, "X_OK", 1);
}
