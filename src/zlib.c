/* zlib.c — binding 'zlib': one compression context per JS handle, on
 * zlib (deflate/inflate/gzip/gunzip/raw/unzip) or brotli (encode/decode).
 *
 * lib/zlib.js drives a context with write(): it hands the native an input
 * range and an output range of its own buffers; the native runs the codec
 * until the input is consumed or the output is full, then stores what is
 * left of each ([availOut, availIn]) in the handle's state array. Without a
 * callback the write runs on the calling thread; with one it runs on the
 * threadpool (kind zlib) and the callback gets the outcome on the loop.
 *
 * While a write is on a pool thread the context holds strong references to
 * its handle and to both buffers, so none can be collected under the
 * thread. If the runtime is torn down meanwhile, the context waits for the
 * thread to leave the buffers before the references go, and is freed by
 * whichever comes last: the completion or the handle's finalizer. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <brotli/decode.h>
#include <brotli/encode.h>
#include <zlib.h>

#include "internal.h"

/* Node's mode numbers (zlib.constants.DEFLATE ...). */
enum {
  MODE_NONE, MODE_DEFLATE, MODE_INFLATE, MODE_GZIP, MODE_GUNZIP,
  MODE_DEFLATERAW, MODE_INFLATERAW, MODE_UNZIP, MODE_BROTLI_DECODE,
  MODE_BROTLI_ENCODE, MODE_COUNT
};

/* Brotli parameters a context keeps, so reset() can apply them again. */
enum { MAX_BROTLI_PARAMS = 16 };

typedef struct zctx {
  nr__work work;
  nr__handle_wrap wrap;    /* in the runtime's list while a write is out */
  nr_runtime *rt;
  int mode;
  bool ready;              /* the codec state exists */
  bool busy;               /* a write is queued or running */
  bool thread_done;        /* the pool thread left the buffers */
  bool close_pending;      /* close() came during a write */
  bool finalized;          /* the JS handle is gone */
  uv_mutex_t lock;
  uv_cond_t cond;

  z_stream strm;
  int level, window_bits, mem_level, strategy;
  uint8_t *dict;
  size_t dict_len;
  int unzip_magic;         /* unzip: gzip magic bytes matched so far */
  bool unzip_gzip;         /* unzip: the input turned out to be gzip */

  BrotliEncoderState *enc;
  BrotliDecoderState *dec;
  uint32_t params[MAX_BROTLI_PARAMS][2];
  int nparams;

  /* The write in progress. */
  int flush;
  const uint8_t *in;
  size_t in_len;
  uint8_t *out;
  size_t out_len;
  int err;                 /* 0, or the errno of the failure */
  const char *msg, *code;
  char code_buf[64];

  uint32_t *state;         /* [availOut, availIn], owned by state_ref */
  v8c_ref *state_ref, *self, *cb, *in_ref, *out_ref;
} zctx;

static const int tag;

/* ---- The codecs, on any thread ---------------------------------------- */

static void set_error(zctx *z, int err, const char *msg, const char *code) {
  z->err = err;
  z->msg = msg;
  z->code = code;
}

static const char *zlib_code(int err) {
  switch (err) {
    case Z_NEED_DICT: return "Z_NEED_DICT";
    case Z_ERRNO: return "Z_ERRNO";
    case Z_STREAM_ERROR: return "Z_STREAM_ERROR";
    case Z_DATA_ERROR: return "Z_DATA_ERROR";
    case Z_MEM_ERROR: return "Z_MEM_ERROR";
    case Z_BUF_ERROR: return "Z_BUF_ERROR";
    case Z_VERSION_ERROR: return "Z_VERSION_ERROR";
    default: return "Z_UNKNOWN";
  }
}

static bool is_inflate(int mode) {
  return mode == MODE_INFLATE || mode == MODE_GUNZIP ||
         mode == MODE_INFLATERAW || mode == MODE_UNZIP;
}

/* Unzip reads gzip when the input starts with the gzip magic (1f 8b); its
 * inflate state detects the header itself, this only decides whether
 * concatenated members are read on, as gunzip does. */
static void unzip_peek(zctx *z) {
  static const uint8_t magic[2] = {0x1f, 0x8b};
  const uint8_t *p = z->strm.next_in;
  unsigned n = z->strm.avail_in;
  while (n > 0 && z->unzip_magic >= 0 && z->unzip_magic < 2) {
    if (*p != magic[z->unzip_magic]) {
      z->unzip_magic = -1;
      break;
    }
    z->unzip_magic++;
    p++;
    n--;
  }
  if (z->unzip_magic == 2) z->unzip_gzip = true;
}

static void zlib_write(zctx *z) {
  z_stream *s = &z->strm;
  int r;
  if (!is_inflate(z->mode)) {
    r = deflate(s, z->flush);
  } else {
    if (z->mode == MODE_UNZIP && !z->unzip_gzip) unzip_peek(z);
    r = inflate(s, z->flush);
    if (r == Z_NEED_DICT && z->dict) {
      r = inflateSetDictionary(s, z->dict, (uInt)z->dict_len);
      if (r == Z_OK) {
        r = inflate(s, z->flush);
      } else if (r == Z_DATA_ERROR) {
        /* The stream names a dictionary other than ours. */
        r = Z_NEED_DICT;
      }
    }
    /* Concatenated gzip members read as one; zero bytes after a member
     * are padding, not another member. */
    bool multi = z->mode == MODE_GUNZIP ||
                 (z->mode == MODE_UNZIP && z->unzip_gzip);
    while (multi && r == Z_STREAM_END && s->avail_in > 0 &&
           s->next_in[0] != 0) {
      inflateReset(s);
      r = inflate(s, z->flush);
    }
  }
  switch (r) {
    case Z_OK:
    case Z_BUF_ERROR:
      if (s->avail_out != 0 && z->flush == Z_FINISH) {
        set_error(z, Z_BUF_ERROR, "unexpected end of file", "Z_BUF_ERROR");
      }
      break;
    case Z_STREAM_END:
      break;
    case Z_NEED_DICT:
      set_error(z, Z_NEED_DICT,
                z->dict ? "Bad dictionary" : "Missing dictionary",
                "Z_NEED_DICT");
      break;
    default:
      set_error(z, r, s->msg ? s->msg : "Zlib error", zlib_code(r));
      break;
  }
}

static void brotli_write(zctx *z) {
  size_t avail_in = z->strm.avail_in, avail_out = z->strm.avail_out;
  const uint8_t *next_in = z->strm.next_in;
  uint8_t *next_out = z->strm.next_out;
  if (z->mode == MODE_BROTLI_ENCODE) {
    BrotliEncoderOperation op = (BrotliEncoderOperation)z->flush;
    if (!BrotliEncoderCompressStream(z->enc, op, &avail_in, &next_in,
                                     &avail_out, &next_out, NULL)) {
      set_error(z, -1, "Compression failed", "ERR_BROTLI_COMPRESSION_FAILED");
    }
  } else {
    BrotliDecoderResult r = BrotliDecoderDecompressStream(
        z->dec, &avail_in, &next_in, &avail_out, &next_out, NULL);
    if (r == BROTLI_DECODER_RESULT_ERROR) {
      int e = BrotliDecoderGetErrorCode(z->dec);
      snprintf(z->code_buf, sizeof z->code_buf, "ERR_%s",
               BrotliDecoderErrorString((BrotliDecoderErrorCode)e));
      set_error(z, e, "Decompression failed", z->code_buf);
    } else if (r == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT &&
               z->flush == BROTLI_OPERATION_FINISH) {
      set_error(z, Z_BUF_ERROR, "unexpected end of file", "Z_BUF_ERROR");
    }
  }
  z->strm.avail_in = (uInt)avail_in;
  z->strm.avail_out = (uInt)avail_out;
  z->strm.next_in = (Bytef *)next_in;
  z->strm.next_out = next_out;
}

/* One write: the codec runs until the input is used up or the output is
 * full (or an error); z_stream's fields carry the ranges for both. */
static void run_write(zctx *z) {
  z->err = 0;
  z->msg = z->code = NULL;
  z->strm.next_in = (Bytef *)z->in;
  z->strm.avail_in = (uInt)z->in_len;
  z->strm.next_out = z->out;
  z->strm.avail_out = (uInt)z->out_len;
  if (z->mode == MODE_BROTLI_ENCODE || z->mode == MODE_BROTLI_DECODE)
    brotli_write(z);
  else
    zlib_write(z);
}

/* ---- Codec set-up and teardown, on the loop thread -------------------- */

static void codec_end(zctx *z) {
  if (!z->ready) return;
  z->ready = false;
  if (z->enc) BrotliEncoderDestroyInstance(z->enc);
  if (z->dec) BrotliDecoderDestroyInstance(z->dec);
  z->enc = NULL;
  z->dec = NULL;
  if (z->mode == MODE_BROTLI_ENCODE || z->mode == MODE_BROTLI_DECODE) return;
  if (is_inflate(z->mode)) inflateEnd(&z->strm);
  else deflateEnd(&z->strm);
}

/* Starts the zlib state from the context's settings; a zlib error code. */
static int zlib_start(zctx *z) {
  memset(&z->strm, 0, sizeof z->strm);
  int wb = z->window_bits, r;
  switch (z->mode) {
    case MODE_GZIP: case MODE_GUNZIP: wb += 16; break;
    case MODE_UNZIP: wb += 32; break;
    case MODE_DEFLATERAW: case MODE_INFLATERAW: wb = -wb; break;
  }
  /* zlib refuses a raw deflate window of 2^8; 2^9 is what it would use. */
  if (z->mode == MODE_DEFLATERAW && wb == -8) wb = -9;
  if (is_inflate(z->mode)) {
    r = inflateInit2(&z->strm, wb);
  } else {
    r = deflateInit2(&z->strm, z->level, Z_DEFLATED, wb, z->mem_level,
                     z->strategy);
  }
  if (r != Z_OK) return r;
  z->ready = true;
  z->unzip_magic = 0;
  z->unzip_gzip = false;
  /* A dictionary goes in at once for deflate and raw inflate; inflate
   * takes it when the stream asks (Z_NEED_DICT). gzip has none. */
  if (z->dict && (z->mode == MODE_DEFLATE || z->mode == MODE_DEFLATERAW)) {
    r = deflateSetDictionary(&z->strm, z->dict, (uInt)z->dict_len);
  } else if (z->dict && z->mode == MODE_INFLATERAW) {
    r = inflateSetDictionary(&z->strm, z->dict, (uInt)z->dict_len);
  }
  return r;
}

/* Starts the brotli state; -1, or the index of a parameter it refused. */
static int brotli_start(zctx *z) {
  if (z->mode == MODE_BROTLI_ENCODE) {
    z->enc = BrotliEncoderCreateInstance(NULL, NULL, NULL);
    if (!z->enc) return -2;
  } else {
    z->dec = BrotliDecoderCreateInstance(NULL, NULL, NULL);
    if (!z->dec) return -2;
  }
  z->ready = true;
  memset(&z->strm, 0, sizeof z->strm);
  for (int i = 0; i < z->nparams; i++) {
    bool ok = z->enc ? BrotliEncoderSetParameter(
                           z->enc, (BrotliEncoderParameter)z->params[i][0],
                           z->params[i][1])
                     : BrotliDecoderSetParameter(
                           z->dec, (BrotliDecoderParameter)z->params[i][0],
                           z->params[i][1]);
    if (!ok) return i;
  }
  return -1;
}

static void ctx_free(zctx *z) {
  codec_end(z);
  free(z->dict);
  v8c_ref_free(z->state_ref);
  uv_cond_destroy(&z->cond);
  uv_mutex_destroy(&z->lock);
  free(z);
}

/* Drops what a finished (or abandoned) write held. */
static void write_release(zctx *z) {
  v8c_ref_free(z->self);
  v8c_ref_free(z->cb);
  v8c_ref_free(z->in_ref);
  v8c_ref_free(z->out_ref);
  z->self = z->cb = z->in_ref = z->out_ref = NULL;
}

/* Blocks until the pool thread of the current write is out of the JS
 * buffers (a write is bounded by its output size). */
static void wait_thread(zctx *z) {
  uv_mutex_lock(&z->lock);
  while (!z->thread_done) uv_cond_wait(&z->cond, &z->lock);
  uv_mutex_unlock(&z->lock);
}

/* The handle was collected, or the environment is going away (a write may
 * still be out then: its completion frees the context). The references go
 * now, while their environment exists. */
static void ctx_finalize(void *ptr, void *hint) {
  (void)hint;
  zctx *z = ptr;
  z->finalized = true;
  if (z->busy) wait_thread(z);
  write_release(z);
  v8c_ref_free(z->state_ref);
  z->state_ref = NULL;
  z->state = NULL;
  if (!z->busy) ctx_free(z);
}

/* Teardown during a write: the environment goes, so the references go
 * first, once the thread no longer needs the buffers they keep. */
static void ctx_orphan(nr__handle_wrap *w) {
  zctx *z = (zctx *)((char *)w - offsetof(zctx, wrap));
  wait_thread(z);
  write_release(z);
}

/* ---- Natives ---------------------------------------------------------- */

static zctx *arg_ctx(v8c_call *c, int i) {
  v8c_env *env = v8c_call_env(c);
  zctx *z = v8c_unwrap(env, v8c_arg(c, i), &tag);
  if (!z) nr__throw_arg_type(env, "handle", "zlib handle");
  return z;
}

/* A usable context: made, started and not busy; else throws. */
static zctx *arg_ready(v8c_call *c, int i) {
  zctx *z = arg_ctx(c, i);
  if (!z) return NULL;
  v8c_env *env = v8c_call_env(c);
  if (z->busy) {
    v8c_throw_error(env, V8C_ERROR, "ERR_INVALID_STATE",
                    "Invalid state: a write is in progress");
    return NULL;
  }
  if (!z->ready) {
    v8c_throw_error(env, V8C_ERROR, "ERR_INVALID_STATE",
                    "Invalid state: zlib binding closed");
    return NULL;
  }
  return z;
}

/* create(mode, state) -> handle; state is a Uint32Array of 2 that every
 * write fills with [availOut, availIn]. */
static void js_create(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  int64_t mode;
  void *data;
  size_t len;
  if (!nr__arg_int(c, 0, "mode", MODE_DEFLATE, MODE_COUNT - 1, &mode)) return;
  v8c_value state = v8c_arg(c, 1);
  if (!v8c_is(state, V8C_UINT32_ARRAY) || !v8c_bytes(state, &data, &len) ||
      len < 2 * sizeof(uint32_t)) {
    nr__throw_arg_type(env, "state", "Uint32Array");
    return;
  }
  zctx *z = calloc(1, sizeof *z);
  if (!z || uv_mutex_init(&z->lock)) {
    free(z);
    v8c_throw_error(env, V8C_ERROR, "ERR_MEMORY_ALLOCATION_FAILED",
                    "Failed to allocate memory");
    return;
  }
  uv_cond_init(&z->cond);
  z->rt = nr__rt(c);
  z->mode = (int)mode;
  z->state = data;
  z->state_ref = v8c_ref_new(env, state);
  v8c_value h = v8c_wrap(env, &tag, z, ctx_finalize, NULL);
  if (!h) {
    ctx_free(z);
    return;
  }
  v8c_return(c, h);
}

/* initZlib(handle, level, windowBits, memLevel, strategy, dictionary?)
 * -> 0, or the zlib error code when zlib refused. */
static void js_init_zlib(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  zctx *z = arg_ctx(c, 0);
  int64_t level, wb, mem, strategy;
  if (!z) return;
  if (z->ready || z->busy || z->mode >= MODE_BROTLI_DECODE) {
    v8c_throw_error(env, V8C_ERROR, "ERR_INVALID_STATE",
                    "Invalid state: handle cannot be initialized");
    return;
  }
  if (!nr__arg_int(c, 1, "level", -1, 9, &level) ||
      !nr__arg_int(c, 2, "windowBits", 0, 15, &wb) ||
      !nr__arg_int(c, 3, "memLevel", 1, 9, &mem) ||
      !nr__arg_int(c, 4, "strategy", 0, 4, &strategy))
    return;
  v8c_value d = v8c_arg(c, 5);
  void *data = NULL;
  size_t len = 0;
  if (!v8c_is(d, V8C_NULL_OR_UNDEFINED) &&
      (!v8c_is(d, V8C_ARRAY_BUFFER_VIEW) || !v8c_bytes(d, &data, &len))) {
    nr__throw_arg_type(env, "dictionary", "ArrayBufferView");
    return;
  }
  z->level = (int)level;
  z->window_bits = (int)wb;
  z->mem_level = (int)mem;
  z->strategy = (int)strategy;
  free(z->dict);
  z->dict = NULL;
  z->dict_len = 0;
  if (data && z->mode != MODE_GZIP && z->mode != MODE_GUNZIP) {
    z->dict = malloc(len ? len : 1);
    if (!z->dict) {
      v8c_throw_error(env, V8C_ERROR, "ERR_MEMORY_ALLOCATION_FAILED",
                      "Failed to allocate memory");
      return;
    }
    memcpy(z->dict, data, len);
    z->dict_len = len;
  }
  int r = zlib_start(z);
  if (r != Z_OK) codec_end(z);
  v8c_return_int(c, r);
}

/* initBrotli(handle, params) -> -1, or the index of the [key, value] pair
 * brotli refused (-2 when out of memory); params is a Uint32Array of
 * key, value pairs. */
static void js_init_brotli(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  zctx *z = arg_ctx(c, 0);
  if (!z) return;
  if (z->ready || z->busy || z->mode < MODE_BROTLI_DECODE) {
    v8c_throw_error(env, V8C_ERROR, "ERR_INVALID_STATE",
                    "Invalid state: handle cannot be initialized");
    return;
  }
  v8c_value p = v8c_arg(c, 1);
  void *data;
  size_t len;
  if (!v8c_is(p, V8C_UINT32_ARRAY) || !v8c_bytes(p, &data, &len)) {
    nr__throw_arg_type(env, "params", "Uint32Array");
    return;
  }
  size_t n = len / (2 * sizeof(uint32_t));
  if (n > MAX_BROTLI_PARAMS) {
    v8c_throw_error(env, V8C_RANGE_ERROR, "ERR_OUT_OF_RANGE",
                    "Too many Brotli parameters");
    return;
  }
  if (n) memcpy(z->params, data, n * 2 * sizeof(uint32_t));
  z->nparams = (int)n;
  int r = brotli_start(z);
  if (r != -1) codec_end(z);
  v8c_return_int(c, r);
}

/* The outcome of the last write: undefined, or [message, errno, code]. */
static v8c_value write_outcome(v8c_env *env, zctx *z) {
  z->state[0] = z->strm.avail_out;
  z->state[1] = z->strm.avail_in;
  if (!z->err) return v8c_undefined(env);
  v8c_value a = v8c_array(env, 3);
  if (!a ||
      !v8c_set_index(env, a, 0, v8c_string(env, z->msg, strlen(z->msg))) ||
      !v8c_set_index(env, a, 1, v8c_int32(env, z->err)) ||
      !v8c_set_index(env, a, 2, v8c_string(env, z->code, strlen(z->code))))
    return NULL;
  return a;
}

static void work_run(nr__work *w) {
  zctx *z = (zctx *)((char *)w - offsetof(zctx, work));
  run_write(z);
  uv_mutex_lock(&z->lock);
  z->thread_done = true;
  uv_cond_signal(&z->cond);
  uv_mutex_unlock(&z->lock);
}

static void work_after(nr__work *w, int status) {
  zctx *z = (zctx *)((char *)w - offsetof(zctx, work));
  bool orphaned = !z->wrap.rt;
  nr__wrap_untrack(&z->wrap);
  z->busy = false;
  if (z->finalized) {
    ctx_free(z);
    return;
  }
  if (z->close_pending) codec_end(z);
  if (orphaned || z->rt->stopping) {
    write_release(z);
    return;
  }
  v8c_env *env = z->rt->env;
  v8c_scope scope;
  v8c_scope_open(env, &scope);
  v8c_value fn = v8c_ref_get(env, z->cb);
  v8c_value self = v8c_ref_get(env, z->self);
  if (status == UV_ECANCELED) set_error(z, status, "cancelled", "ECANCELED");
  v8c_value outcome = write_outcome(env, z);
  write_release(z);
  if (fn && outcome) nr__callback(z->rt, fn, self, 1, &outcome);
  v8c_scope_close(&scope);
}

/* A byte range [off, off + len) of a view argument; false after throwing. */
static bool arg_range(v8c_call *c, int i, const char *name, uint8_t **p,
                      size_t *len) {
  v8c_env *env = v8c_call_env(c);
  v8c_value v = v8c_arg(c, i);
  void *data;
  size_t size;
  int64_t off, n;
  if (!v8c_is(v, V8C_ARRAY_BUFFER_VIEW) || !v8c_bytes(v, &data, &size)) {
    nr__throw_arg_type(env, name, "ArrayBufferView");
    return false;
  }
  if (!nr__arg_int(c, i + 1, "offset", 0, (int64_t)size, &off) ||
      !nr__arg_int(c, i + 2, "length", 0, (int64_t)size - off, &n))
    return false;
  if (n > UINT32_MAX) {
    v8c_throw_error(env, V8C_RANGE_ERROR, "ERR_OUT_OF_RANGE",
                    "The range is too large");
    return false;
  }
  *p = (uint8_t *)data + off;
  *len = (size_t)n;
  return true;
}

/* write(handle, flush, in, inOff, inLen, out, outOff, outLen, cb?)
 * Without cb: runs now and returns the outcome (undefined, or
 * [message, errno, code]). With cb: runs on the threadpool, then calls
 * cb(outcome) with the handle as `this`. */
static void js_write(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  zctx *z = arg_ready(c, 0);
  int64_t flush;
  uint8_t *in, *out;
  size_t in_len, out_len;
  if (!z) return;
  int max_flush = z->mode >= MODE_BROTLI_DECODE ? BROTLI_OPERATION_EMIT_METADATA
                                                : Z_BLOCK;
  if (!nr__arg_int(c, 1, "flush", 0, max_flush, &flush) ||
      !arg_range(c, 2, "in", &in, &in_len) ||
      !arg_range(c, 5, "out", &out, &out_len))
    return;
  v8c_value cb = v8c_arg(c, 8);
  if (!v8c_is(cb, V8C_UNDEFINED) && !v8c_is(cb, V8C_FUNCTION)) {
    nr__throw_arg_type(env, "callback", "function");
    return;
  }
  z->flush = (int)flush;
  z->in = in;
  z->in_len = in_len;
  z->out = out;
  z->out_len = out_len;
  if (v8c_is(cb, V8C_UNDEFINED)) {
    run_write(z);
    v8c_value r = write_outcome(env, z);
    if (r) v8c_return(c, r);
    return;
  }
  z->self = v8c_ref_new(env, v8c_arg(c, 0));
  z->cb = v8c_ref_new(env, cb);
  z->in_ref = v8c_ref_new(env, v8c_arg(c, 2));
  z->out_ref = v8c_ref_new(env, v8c_arg(c, 5));
  z->thread_done = false;
  z->close_pending = false;
  int r = nr__work_queue(z->rt, &z->work, NR_WORK_ZLIB, work_run, work_after);
  if (r) {
    write_release(z);
    nr__throw_uv(env, r, "zlib", NULL, NULL);
    return;
  }
  z->busy = true;
  nr__wrap_track(z->rt, &z->wrap, ctx_orphan);
}

/* params(handle, level, strategy) -> zlib status (deflate only). The
 * caller flushed first, so there is no pending output to lose. */
static void js_params(v8c_call *c) {
  zctx *z = arg_ready(c, 0);
  int64_t level, strategy;
  if (!z || !nr__arg_int(c, 1, "level", -1, 9, &level) ||
      !nr__arg_int(c, 2, "strategy", 0, 4, &strategy))
    return;
  if (z->mode != MODE_DEFLATE && z->mode != MODE_GZIP &&
      z->mode != MODE_DEFLATERAW) {
    v8c_return_int(c, Z_OK);
    return;
  }
  uint8_t scratch[64];
  z->strm.next_in = NULL;
  z->strm.avail_in = 0;
  z->strm.next_out = scratch;
  z->strm.avail_out = sizeof scratch;
  int r = deflateParams(&z->strm, (int)level, (int)strategy);
  if (r == Z_OK) {
    z->level = (int)level;
    z->strategy = (int)strategy;
  }
  v8c_return_int(c, r);
}

/* reset(handle) -> 0, or an error code: starts the stream over with the
 * same settings. */
static void js_reset(v8c_call *c) {
  zctx *z = arg_ready(c, 0);
  if (!z) return;
  int r;
  if (z->mode >= MODE_BROTLI_DECODE) {
    codec_end(z);
    r = brotli_start(z) == -1 ? 0 : -1;
  } else if (is_inflate(z->mode)) {
    r = inflateReset(&z->strm);
    z->unzip_magic = 0;
    z->unzip_gzip = false;
    if (r == Z_OK && z->dict && z->mode == MODE_INFLATERAW)
      r = inflateSetDictionary(&z->strm, z->dict, (uInt)z->dict_len);
  } else {
    r = deflateReset(&z->strm);
    if (r == Z_OK && z->dict)
      r = deflateSetDictionary(&z->strm, z->dict, (uInt)z->dict_len);
  }
  v8c_return_int(c, r);
}

/* close(handle): frees the codec state now, or after the write in
 * progress. */
static void js_close(v8c_call *c) {
  zctx *z = arg_ctx(c, 0);
  if (!z) return;
  if (z->busy) z->close_pending = true;
  else codec_end(z);
}

bool nr__binding_zlib(nr_runtime *rt, v8c_value target) {
  static const nr__method methods[] = {
      {"create", js_create},         {"initZlib", js_init_zlib},
      {"initBrotli", js_init_brotli}, {"write", js_write},
      {"params", js_params},         {"reset", js_reset},
      {"close", js_close},           {NULL, NULL}};
  /* Node's zlib.constants, with the values of the libraries we link. */
  static const nr__constant constants[] = {
      {"Z_NO_FLUSH", Z_NO_FLUSH},
      {"Z_PARTIAL_FLUSH", Z_PARTIAL_FLUSH},
      {"Z_SYNC_FLUSH", Z_SYNC_FLUSH},
      {"Z_FULL_FLUSH", Z_FULL_FLUSH},
      {"Z_FINISH", Z_FINISH},
      {"Z_BLOCK", Z_BLOCK},
      {"Z_OK", Z_OK},
      {"Z_STREAM_END", Z_STREAM_END},
      {"Z_NEED_DICT", Z_NEED_DICT},
      {"Z_ERRNO", Z_ERRNO},
      {"Z_STREAM_ERROR", Z_STREAM_ERROR},
      {"Z_DATA_ERROR", Z_DATA_ERROR},
      {"Z_MEM_ERROR", Z_MEM_ERROR},
      {"Z_BUF_ERROR", Z_BUF_ERROR},
      {"Z_VERSION_ERROR", Z_VERSION_ERROR},
      {"Z_NO_COMPRESSION", Z_NO_COMPRESSION},
      {"Z_BEST_SPEED", Z_BEST_SPEED},
      {"Z_BEST_COMPRESSION", Z_BEST_COMPRESSION},
      {"Z_DEFAULT_COMPRESSION", Z_DEFAULT_COMPRESSION},
      {"Z_FILTERED", Z_FILTERED},
      {"Z_HUFFMAN_ONLY", Z_HUFFMAN_ONLY},
      {"Z_RLE", Z_RLE},
      {"Z_FIXED", Z_FIXED},
      {"Z_DEFAULT_STRATEGY", Z_DEFAULT_STRATEGY},
      {"ZLIB_VERNUM", ZLIB_VERNUM},
      {"DEFLATE", MODE_DEFLATE},
      {"INFLATE", MODE_INFLATE},
      {"GZIP", MODE_GZIP},
      {"GUNZIP", MODE_GUNZIP},
      {"DEFLATERAW", MODE_DEFLATERAW},
      {"INFLATERAW", MODE_INFLATERAW},
      {"UNZIP", MODE_UNZIP},
      {"BROTLI_DECODE", MODE_BROTLI_DECODE},
      {"BROTLI_ENCODE", MODE_BROTLI_ENCODE},
      {"Z_MIN_WINDOWBITS", 8},
      {"Z_MAX_WINDOWBITS", 15},
      {"Z_DEFAULT_WINDOWBITS", 15},
      {"Z_MIN_CHUNK", 64},
      {"Z_DEFAULT_CHUNK", 16384},
      {"Z_MIN_MEMLEVEL", 1},
      {"Z_MAX_MEMLEVEL", 9},
      {"Z_DEFAULT_MEMLEVEL", 8},
      {"Z_MIN_LEVEL", -1},
      {"Z_MAX_LEVEL", 9},
      {"Z_DEFAULT_LEVEL", Z_DEFAULT_COMPRESSION},
      {"BROTLI_OPERATION_PROCESS", BROTLI_OPERATION_PROCESS},
      {"BROTLI_OPERATION_FLUSH", BROTLI_OPERATION_FLUSH},
      {"BROTLI_OPERATION_FINISH", BROTLI_OPERATION_FINISH},
      {"BROTLI_OPERATION_EMIT_METADATA", BROTLI_OPERATION_EMIT_METADATA},
      {"BROTLI_PARAM_MODE", BROTLI_PARAM_MODE},
      {"BROTLI_MODE_GENERIC", BROTLI_MODE_GENERIC},
      {"BROTLI_MODE_TEXT", BROTLI_MODE_TEXT},
      {"BROTLI_MODE_FONT", BROTLI_MODE_FONT},
      {"BROTLI_DEFAULT_MODE", BROTLI_DEFAULT_MODE},
      {"BROTLI_PARAM_QUALITY", BROTLI_PARAM_QUALITY},
      {"BROTLI_MIN_QUALITY", BROTLI_MIN_QUALITY},
      {"BROTLI_MAX_QUALITY", BROTLI_MAX_QUALITY},
      {"BROTLI_DEFAULT_QUALITY", BROTLI_DEFAULT_QUALITY},
      {"BROTLI_PARAM_LGWIN", BROTLI_PARAM_LGWIN},
      {"BROTLI_MIN_WINDOW_BITS", BROTLI_MIN_WINDOW_BITS},
      {"BROTLI_MAX_WINDOW_BITS", BROTLI_MAX_WINDOW_BITS},
      {"BROTLI_LARGE_MAX_WINDOW_BITS", BROTLI_LARGE_MAX_WINDOW_BITS},
      {"BROTLI_DEFAULT_WINDOW", BROTLI_DEFAULT_WINDOW},
      {"BROTLI_PARAM_LGBLOCK", BROTLI_PARAM_LGBLOCK},
      {"BROTLI_MIN_INPUT_BLOCK_BITS", BROTLI_MIN_INPUT_BLOCK_BITS},
      {"BROTLI_MAX_INPUT_BLOCK_BITS", BROTLI_MAX_INPUT_BLOCK_BITS},
      {"BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING",
       BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING},
      {"BROTLI_PARAM_SIZE_HINT", BROTLI_PARAM_SIZE_HINT},
      {"BROTLI_PARAM_LARGE_WINDOW", BROTLI_PARAM_LARGE_WINDOW},
      {"BROTLI_PARAM_NPOSTFIX", BROTLI_PARAM_NPOSTFIX},
      {"BROTLI_PARAM_NDIRECT", BROTLI_PARAM_NDIRECT},
      {"BROTLI_DECODER_RESULT_ERROR", BROTLI_DECODER_RESULT_ERROR},
      {"BROTLI_DECODER_RESULT_SUCCESS", BROTLI_DECODER_RESULT_SUCCESS},
      {"BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT",
       BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT},
      {"BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT",
       BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT},
      {"BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION",
       BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION},
      {"BROTLI_DECODER_PARAM_LARGE_WINDOW", BROTLI_DECODER_PARAM_LARGE_WINDOW},
      {"BROTLI_DECODER_NO_ERROR", BROTLI_DECODER_NO_ERROR},
      {"BROTLI_DECODER_SUCCESS", BROTLI_DECODER_SUCCESS},
      {"BROTLI_DECODER_NEEDS_MORE_INPUT", BROTLI_DECODER_NEEDS_MORE_INPUT},
      {"BROTLI_DECODER_NEEDS_MORE_OUTPUT", BROTLI_DECODER_NEEDS_MORE_OUTPUT},
      {"BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_NIBBLE",
       BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_NIBBLE},
      {"BROTLI_DECODER_ERROR_FORMAT_RESERVED",
       BROTLI_DECODER_ERROR_FORMAT_RESERVED},
      {"BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_META_NIBBLE",
       BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_META_NIBBLE},
      {"BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_ALPHABET",
       BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_ALPHABET},
      {"BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_SAME",
       BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_SAME},
      {"BROTLI_DECODER_ERROR_FORMAT_CL_SPACE",
       BROTLI_DECODER_ERROR_FORMAT_CL_SPACE},
      {"BROTLI_DECODER_ERROR_FORMAT_HUFFMAN_SPACE",
       BROTLI_DECODER_ERROR_FORMAT_HUFFMAN_SPACE},
      {"BROTLI_DECODER_ERROR_FORMAT_CONTEXT_MAP_REPEAT",
       BROTLI_DECODER_ERROR_FORMAT_CONTEXT_MAP_REPEAT},
      {"BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_1",
       BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_1},
      {"BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_2",
       BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_2},
      {"BROTLI_DECODER_ERROR_FORMAT_TRANSFORM",
       BROTLI_DECODER_ERROR_FORMAT_TRANSFORM},
      {"BROTLI_DECODER_ERROR_FORMAT_DICTIONARY",
       BROTLI_DECODER_ERROR_FORMAT_DICTIONARY},
      {"BROTLI_DECODER_ERROR_FORMAT_WINDOW_BITS",
       BROTLI_DECODER_ERROR_FORMAT_WINDOW_BITS},
      {"BROTLI_DECODER_ERROR_FORMAT_PADDING_1",
       BROTLI_DECODER_ERROR_FORMAT_PADDING_1},
      {"BROTLI_DECODER_ERROR_FORMAT_PADDING_2",
       BROTLI_DECODER_ERROR_FORMAT_PADDING_2},
      {"BROTLI_DECODER_ERROR_FORMAT_DISTANCE",
       BROTLI_DECODER_ERROR_FORMAT_DISTANCE},
      {"BROTLI_DECODER_ERROR_DICTIONARY_NOT_SET",
       BROTLI_DECODER_ERROR_DICTIONARY_NOT_SET},
      {"BROTLI_DECODER_ERROR_INVALID_ARGUMENTS",
       BROTLI_DECODER_ERROR_INVALID_ARGUMENTS},
      {"BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MODES",
       BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MODES},
      {"BROTLI_DECODER_ERROR_ALLOC_TREE_GROUPS",
       BROTLI_DECODER_ERROR_ALLOC_TREE_GROUPS},
      {"BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MAP",
       BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MAP},
      {"BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_1",
       BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_1},
      {"BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_2",
       BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_2},
      {"BROTLI_DECODER_ERROR_ALLOC_BLOCK_TYPE_TREES",
       BROTLI_DECODER_ERROR_ALLOC_BLOCK_TYPE_TREES},
      {"BROTLI_DECODER_ERROR_UNREACHABLE", BROTLI_DECODER_ERROR_UNREACHABLE},
      {NULL, 0}};
  v8c_env *env = rt->env;
  v8c_value k = v8c_object(env);
  return k && nr__set_methods(env, target, methods, NULL) &&
         nr__set_constants(env, k, constants) &&
         v8c_set_named(env, target, "constants", k);
}
