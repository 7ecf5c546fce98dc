/* http_parser.c — binding 'http_parser': llhttp, Node's HTTP/1 parser, as
 * parser handles driven from lib/_http_common.js.
 *
 * A parser handle is a wrapped C struct. JS feeds it bytes with
 * execute(handle, owner, buffer, start, length); while llhttp runs, the
 * binding calls back into the owner object, whose integer-keyed properties
 * hold the callbacks (the layout Node's parsers have):
 *   owner[0]() message begins
 *   owner[1](headers, url) trailers, just before the message completes
 *   owner[2](major, minor, headers, method, url, statusCode, statusMessage,
 *            upgrade, shouldKeepAlive) headers complete; its result tells
 *            llhttp to expect a body (0), none (1), or an upgrade (2)
 *   owner[3](chunk) a piece of the body: a view into `buffer`, no copy
 *   owner[4]() the message completes
 * The request line, the status line and the headers are copied as they
 * arrive (they may span several reads) and handed over in one array of
 * [name, value, name, value, ...] strings, so a message costs a few calls
 * into JS, not one per header.
 *
 * consume(handle, owner, stream, bufferPrototype) lets the parser take a
 * socket's reads in C instead, as Node's server does: no JS Buffer per
 * read, no 'data' event; owner[5](result, nread) follows each read, and
 * body chunks are copies.
 *
 * execute returns the number of bytes consumed, or an Error carrying
 * Node's `code` ('HPE_INVALID_METHOD', ...), `reason` and `bytesParsed`.
 * An exception thrown by a callback stops parsing and propagates to the
 * caller of execute. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "llhttp.h"

enum {
  CB_MESSAGE_BEGIN = 0,
  CB_HEADERS = 1,
  CB_HEADERS_COMPLETE = 2,
  CB_BODY = 3,
  CB_MESSAGE_COMPLETE = 4,
  CB_EXECUTE = 5,
  CB_TIMEOUT = 6,
};

/* Node's default --max-http-header-size. */
#define DEFAULT_MAX_HEADER_SIZE 16384
/* Chunk extensions are never used by us; a peer may not make us buffer
 * or scan unbounded amounts of them (Node's limit). */
#define MAX_CHUNK_EXTENSIONS_SIZE 16384

typedef struct span {
  uint32_t off, len;
} span;

typedef struct parser {
  llhttp_t ll;
  v8c_env *env;
  /* Valid only while execute() runs: */
  v8c_value owner;       /* the object holding the callbacks */
  v8c_value buffer;      /* the view being parsed */
  const char *data;      /* its bytes */
  v8c_value ab;          /* its ArrayBuffer, fetched on the first body */
  size_t ab_off;         /* the view's byteOffset */
  /* The text of the current head: request line, status line, headers. */
  char *text;
  size_t text_len, text_cap;
  span url, status;
  span *hdr;             /* alternating names and values */
  uint32_t nhdr, hdr_cap;
  bool in_field, in_value;
  uint32_t header_nread, max_header_size;
  uint32_t ext_nread;
  uint32_t lenient;      /* LENIENT_* flags */
  /* For the server's headersTimeout and requestTimeout: whether a message
   * is being read, since when (loop time, ms; the first one counts from
   * initialize), and whether its head is complete. */
  bool in_message, head_done;
  uint64_t msg_start;
  /* Where the next piece of a header value must start to be the same
   * line; anything else is an obs-fold continuation line. */
  const char *value_next;
  const char *exec_end;  /* end of the last buffer parsed */
  const char *begin;     /* start of the buffer being parsed */
  char tail[2];          /* the last two bytes of the buffer before it */
  int executing;         /* llhttp is running (it is not reentrant) */
  bool free_pending;     /* free() came while executing */
  bool threw;            /* a callback threw: its exception is pending */
  /* consume(): a stream whose reads come here from C, with no JS in
   * between; the owner and handle objects are held meanwhile. */
  nr_runtime *rt;
  nr__stream_consumer consumer;
  nr__stream_wrap *consumed;
  v8c_ref *consume_owner, *consume_handle;
  v8c_ref *buffer_proto;  /* body chunks are copied into Buffers */
} parser;

static const int parser_tag = 0;

static void stop_consuming(parser *p) {
  if (p->consumed) nr__stream_consume(p->consumed, NULL);
  p->consumed = NULL;
  v8c_ref_free(p->consume_owner);
  v8c_ref_free(p->consume_handle);
  v8c_ref_free(p->buffer_proto);
  p->consume_owner = p->consume_handle = p->buffer_proto = NULL;
}

/* (A parser being consumed holds its own handle: it is not collected
 * then, and stop_consuming never runs from a finalizer.) */
static void parser_free(parser *p) {
  stop_consuming(p);
  free(p->text);
  free(p->hdr);
  free(p);
}

static void finalize(void *ptr, void *hint) {
  (void)hint;
  parser_free(ptr);
}

static void start_message(parser *p) {
  p->in_message = true;
  p->head_done = false;
  p->msg_start = uv_now(p->rt->loop);
}

static void reset_head(parser *p) {
  p->text_len = 0;
  p->url = (span){0, 0};
  p->status = (span){0, 0};
  p->nhdr = 0;
  p->in_field = p->in_value = false;
  p->header_nread = 0;
}

/* Fails the parse with a Node error code kept in the reason text
 * ("HPE_X:reason"); execute() splits it again. */
static int fail(parser *p, const char *code_and_reason) {
  llhttp_set_error_reason(&p->ll, code_and_reason);
  return HPE_USER;
}

/* Counts head bytes against the limit (431 for a server). */
static int track(parser *p, size_t len) {
  p->header_nread += (uint32_t)len;
  if (p->header_nread >= p->max_header_size)
    return fail(p, "HPE_HEADER_OVERFLOW:Header overflow");
  return 0;
}

static int append(parser *p, span *s, const char *at, size_t len) {
  if (p->text_len + len > p->text_cap) {
    size_t cap = p->text_cap ? p->text_cap : 256;
    while (cap < p->text_len + len) cap *= 2;
    char *t = realloc(p->text, cap);
    if (!t) return fail(p, "HPE_INTERNAL:Out of memory");
    p->text = t;
    p->text_cap = cap;
  }
  /* A span grows only while it is the last one written. */
  if (s->len == 0) s->off = (uint32_t)p->text_len;
  memcpy(p->text + p->text_len, at, len);
  p->text_len += len;
  s->len += (uint32_t)len;
  return 0;
}

static span *push_span(parser *p) {
  if (p->nhdr == p->hdr_cap) {
    uint32_t cap = p->hdr_cap ? p->hdr_cap * 2 : 32;
    span *h = realloc(p->hdr, cap * sizeof *h);
    if (!h) return NULL;
    p->hdr = h;
    p->hdr_cap = cap;
  }
  span *s = &p->hdr[p->nhdr++];
  *s = (span){(uint32_t)p->text_len, 0};
  return s;
}

/* owner[index] when it is a function, else NULL. */
static v8c_value callback_of(parser *p, uint32_t index) {
  v8c_value fn = v8c_get_index(p->env, p->owner, index);
  if (!fn) {
    p->threw = true;
    return NULL;
  }
  return v8c_is(fn, V8C_FUNCTION) ? fn : NULL;
}

static v8c_value call(parser *p, v8c_value fn, int argc, v8c_value *argv) {
  v8c_value r = v8c_call_fn(p->env, fn, p->owner, argc, argv);
  if (!r) p->threw = true;
  return r;
}

static v8c_value span_string(parser *p, span s) {
  return v8c_string_latin1(p->env, p->text + s.off, s.len);
}

/* The collected headers as [name, value, ...]; NULL on exception. */
static v8c_value headers_array(parser *p) {
  v8c_env *env = p->env;
  uint32_t n = p->nhdr & ~1u;
  v8c_value local[64];
  v8c_value *vals = n <= 64 ? local : malloc(n * sizeof *vals);
  if (!vals) {
    v8c_throw_error(env, V8C_RANGE_ERROR, "ERR_MEMORY_ALLOCATION_FAILED",
                    "Failed to allocate memory");
    return NULL;
  }
  v8c_value arr = NULL;
  uint32_t i;
  for (i = 0; i < n; i++) {
    span sp = p->hdr[i];
    /* llhttp keeps the whitespace that ends a value; it is not part of it
     * (RFC 9110 OWS). */
    if (i & 1) {
      while (sp.len > 0 && (p->text[sp.off + sp.len - 1] == ' ' ||
                            p->text[sp.off + sp.len - 1] == '\t'))
        sp.len--;
    }
    if (!(vals[i] = span_string(p, sp))) break;
  }
  if (i == n) arr = v8c_array_of(env, vals, n);
  if (vals != local) free(vals);
  return arr;
}

/* A Buffer holding a copy of [at, at + len) (consume mode); NULL on
 * exception. */
static v8c_value copy_buffer(parser *p, const char *at, size_t len) {
  v8c_env *env = p->env;
  void *data;
  v8c_value ab = v8c_arraybuffer_uninit(env, len, &data);
  if (!ab) return NULL;
  memcpy(data, at, len);
  v8c_value view = v8c_uint8array(env, ab, 0, len);
  v8c_value proto = p->buffer_proto ? v8c_ref_get(env, p->buffer_proto)
                                    : NULL;
  if (view && proto && !v8c_set_prototype(env, view, proto)) return NULL;
  return view;
}

/* ---- llhttp callbacks ------------------------------------------------- */

static int on_message_begin(llhttp_t *ll) {
  parser *p = ll->data;
  reset_head(p);
  p->ext_nread = 0;
  start_message(p);
  v8c_value fn = callback_of(p, CB_MESSAGE_BEGIN);
  if (fn && !call(p, fn, 0, NULL)) return -1;
  return p->threw ? -1 : 0;
}

static int on_url(llhttp_t *ll, const char *at, size_t len) {
  parser *p = ll->data;
  int r = track(p, len);
  return r ? r : append(p, &p->url, at, len);
}

static int on_status(llhttp_t *ll, const char *at, size_t len) {
  parser *p = ll->data;
  int r = track(p, len);
  return r ? r : append(p, &p->status, at, len);
}

/* RFC 9110 token characters: what a header name is made of. */
static bool is_tchar(unsigned char c) {
  if (c >= 'a' && c <= 'z') return true;
  if (c >= 'A' && c <= 'Z') return true;
  if (c >= '0' && c <= '9') return true;
  return c != 0 && strchr("!#$%&'*+-.^_`|~", c) != NULL;
}

/* The byte `back` places before `at`, looking into the previous buffer
 * when needed (two bytes are kept of it). */
static char byte_before(parser *p, const char *at, size_t back) {
  size_t here = (size_t)(at - p->begin);
  if (back <= here) return at[-(ptrdiff_t)back];
  back -= here;
  return back <= 2 ? p->tail[2 - back] : 0;
}

static int on_header_field(llhttp_t *ll, const char *at, size_t len) {
  parser *p = ll->data;
  int r = track(p, len);
  if (r) return r;
  /* This llhttp takes a CR followed by any byte as a line end ("x:\rTran
   * sfer-Encoding" makes a header "ransfer-Encoding"): a name must start
   * a line that the previous one ended with CRLF. */
  if (!p->in_field && !(p->lenient & LENIENT_HEADERS) &&
      (byte_before(p, at, 2) != '\r' || byte_before(p, at, 1) != '\n'))
    return fail(p, "HPE_LF_EXPECTED:Missing expected LF after header value");
  /* This llhttp lets spaces and separators into names ("Host : x"), a
   * request smuggling vector; newer ones, as Node 20's, reject them. */
  if (!(p->lenient & LENIENT_HEADERS)) {
    for (size_t i = 0; i < len; i++) {
      if (!is_tchar((unsigned char)at[i]))
        return fail(p, "HPE_INVALID_HEADER_TOKEN:Invalid header token");
    }
  }
  if (!p->in_field) {
    if (!push_span(p)) return fail(p, "HPE_INTERNAL:Out of memory");
    p->in_field = true;
  }
  return append(p, &p->hdr[p->nhdr - 1], at, len);
}

static int on_header_field_complete(llhttp_t *ll) {
  parser *p = ll->data;
  p->in_field = false;
  p->in_value = false;
  return 0;
}

static int on_header_value(llhttp_t *ll, const char *at, size_t len) {
  parser *p = ll->data;
  int r = track(p, len);
  if (r) return r;
  if (!p->in_value) {
    if (!push_span(p)) return fail(p, "HPE_INTERNAL:Out of memory");
    p->in_value = true;
  } else if (at != p->value_next && !(p->lenient & LENIENT_HEADERS)) {
    /* A value continued on the next line (obs-fold): RFC 9112 lets a
     * server reject it, and Node does, so that no two parsers disagree
     * about what the headers say. */
    return fail(p, "HPE_INVALID_HEADER_TOKEN:Invalid header value char");
  }
  p->value_next = at + len;
  return append(p, &p->hdr[p->nhdr - 1], at, len);
}

static int on_header_value_complete(llhttp_t *ll) {
  parser *p = ll->data;
  /* An empty value produces no data callback: keep names and values
   * paired. */
  if (!p->in_value && !push_span(p))
    return fail(p, "HPE_INTERNAL:Out of memory");
  p->in_value = false;
  return 0;
}

static int on_headers_complete(llhttp_t *ll) {
  parser *p = ll->data;
  v8c_env *env = p->env;
  p->head_done = true;
  v8c_value fn = callback_of(p, CB_HEADERS_COMPLETE);
  int ret = 0;
  if (fn) {
    bool request = ll->type == HTTP_REQUEST;
    v8c_value undef = v8c_undefined(env);
    v8c_value argv[9];
    argv[0] = v8c_int32(env, ll->http_major);
    argv[1] = v8c_int32(env, ll->http_minor);
    argv[2] = headers_array(p);
    if (!argv[2]) {
      p->threw = true;
      return -1;
    }
    argv[3] = request ? v8c_int32(env, ll->method) : undef;
    argv[4] = request ? span_string(p, p->url) : undef;
    argv[5] = request ? undef : v8c_int32(env, ll->status_code);
    argv[6] = request ? undef : span_string(p, p->status);
    argv[7] = v8c_bool(env, ll->upgrade != 0);
    argv[8] = v8c_bool(env, llhttp_should_keep_alive(ll) != 0);
    if (!argv[4] || !argv[6]) {
      p->threw = true;
      return -1;
    }
    v8c_value r = call(p, fn, 9, argv);
    if (!r) return -1;
    if (v8c_is(r, V8C_NUMBER)) {
      double d = v8c_value_double(r);
      ret = d == 1 ? 1 : d == 2 ? 2 : 0;
    } else if (v8c_is(r, V8C_BOOLEAN)) {
      ret = v8c_to_bool(env, r) ? 1 : 0;
    }
  }
  /* Trailers, if any, are collected afresh. */
  reset_head(p);
  return ret;
}

static int on_body(llhttp_t *ll, const char *at, size_t len) {
  parser *p = ll->data;
  v8c_env *env = p->env;
  v8c_value fn = callback_of(p, CB_BODY);
  if (!fn) return p->threw ? -1 : 0;
  if (!p->buffer) {
    /* Consumed: the bytes are in a buffer reused after this read. */
    v8c_value chunk = copy_buffer(p, at, len);
    if (!chunk || !call(p, fn, 1, &chunk)) {
      p->threw = true;
      return -1;
    }
    return 0;
  }
  if (!p->ab) {
    p->ab = v8c_get_named(env, p->buffer, "buffer");
    v8c_value off = v8c_get_named(env, p->buffer, "byteOffset");
    if (!p->ab || !off || !v8c_is(p->ab, V8C_ARRAY_BUFFER) ||
        !v8c_is(off, V8C_NUMBER)) {
      p->ab = NULL;
      if (off) v8c_throw_error(env, V8C_TYPE_ERROR, "ERR_INVALID_ARG_TYPE",
                               "The parsed buffer has no ArrayBuffer");
      p->threw = true;
      return -1;
    }
    p->ab_off = (size_t)v8c_value_double(off);
  }
  /* A view on the bytes being parsed, of the same class (Buffer). */
  v8c_value chunk = v8c_uint8array(env, p->ab,
                                   p->ab_off + (size_t)(at - p->data), len);
  v8c_value proto = chunk ? v8c_get_prototype(env, p->buffer) : NULL;
  if (!proto || !v8c_set_prototype(env, chunk, proto) ||
      !call(p, fn, 1, &chunk)) {
    p->threw = true;
    return -1;
  }
  return 0;
}

static int on_message_complete(llhttp_t *ll) {
  parser *p = ll->data;
  v8c_env *env = p->env;
  p->in_message = false;
  if (p->nhdr >= 2) {
    v8c_value fn = callback_of(p, CB_HEADERS);
    if (fn) {
      v8c_value argv[2] = {headers_array(p), v8c_string_static(env, "", 0)};
      if (!argv[0] || !call(p, fn, 2, argv)) return -1;
    }
    reset_head(p);
  }
  v8c_value fn = callback_of(p, CB_MESSAGE_COMPLETE);
  if (fn && !call(p, fn, 0, NULL)) return -1;
  return p->threw ? -1 : 0;
}

static int on_chunk_extension(llhttp_t *ll, const char *at, size_t len) {
  parser *p = ll->data;
  (void)at;
  p->ext_nread += (uint32_t)len;
  if (p->ext_nread > MAX_CHUNK_EXTENSIONS_SIZE)
    return fail(p, "HPE_CHUNK_EXTENSIONS_OVERFLOW:Chunk extensions overflow");
  return 0;
}

static int on_chunk_header(llhttp_t *ll) {
  parser *p = ll->data;
  p->ext_nread = 0;
  return 0;
}

static const llhttp_settings_t settings = {
    .on_message_begin = on_message_begin,
    .on_url = on_url,
    .on_status = on_status,
    .on_header_field = on_header_field,
    .on_header_value = on_header_value,
    .on_chunk_extension_name = on_chunk_extension,
    .on_chunk_extension_value = on_chunk_extension,
    .on_headers_complete = on_headers_complete,
    .on_body = on_body,
    .on_message_complete = on_message_complete,
    .on_header_field_complete = on_header_field_complete,
    .on_header_value_complete = on_header_value_complete,
    .on_chunk_header = on_chunk_header,
};

/* ---- Natives ---------------------------------------------------------- */

static parser *this_parser(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  parser *p = v8c_unwrap(env, v8c_arg(c, 0), &parser_tag);
  if (!p)
    v8c_throw_error(env, V8C_TYPE_ERROR, "ERR_INVALID_THIS",
                    "Value of \"this\" must be of type HTTPParser");
  return p;
}

/* The parser of a call that feeds it (execute, finish): NULL when it is
 * gone, about to be freed, or already running (that throws), as a parser
 * may not be re-entered from its own callbacks. */
static parser *idle_parser(v8c_call *c) {
  parser *p = this_parser(c);
  if (!p || p->free_pending) return NULL;
  if (p->executing) {
    v8c_throw_error(v8c_call_env(c), V8C_ERROR, "ERR_INVALID_STATE",
                    "Invalid state: the parser is executing");
    return NULL;
  }
  return p;
}

static void apply_lenient(parser *p, int64_t flags) {
  p->lenient = (uint32_t)flags;
  llhttp_set_lenient_headers(&p->ll, (flags & LENIENT_HEADERS) != 0);
  llhttp_set_lenient_chunked_length(&p->ll,
                                    (flags & LENIENT_CHUNKED_LENGTH) != 0);
  llhttp_set_lenient_keep_alive(&p->ll, (flags & LENIENT_KEEP_ALIVE) != 0);
}

/* create() -> handle, not yet initialized (a request parser). */
static void create(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  parser *p = calloc(1, sizeof *p);
  if (!p) {
    v8c_throw_error(env, V8C_RANGE_ERROR, "ERR_MEMORY_ALLOCATION_FAILED",
                    "Failed to allocate memory");
    return;
  }
  p->env = env;
  p->rt = nr__rt(c);
  p->max_header_size = DEFAULT_MAX_HEADER_SIZE;
  llhttp_init(&p->ll, HTTP_REQUEST, &settings);
  p->ll.data = p;
  v8c_value obj = v8c_wrap(env, &parser_tag, p, finalize, NULL);
  if (!obj) {
    parser_free(p);
    return;
  }
  v8c_return(c, obj);
}

/* initialize(handle, type, maxHeaderSize, lenientFlags): starts afresh
 * for requests (1) or responses (2); maxHeaderSize 0 keeps the default. */
static void initialize(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  parser *p = this_parser(c);
  if (!p) return;
  int64_t type, max, lenient;
  if (!nr__arg_int(c, 1, "type", HTTP_REQUEST, HTTP_RESPONSE, &type) ||
      !nr__arg_int(c, 2, "maxHeaderSize", 0, UINT32_MAX, &max) ||
      !nr__arg_int(c, 3, "lenient", 0, 0xff, &lenient))
    return;
  if (p->executing) {
    v8c_throw_error(env, V8C_ERROR, "ERR_INVALID_STATE",
                    "Invalid state: the parser is executing");
    return;
  }
  llhttp_init(&p->ll, (llhttp_type_t)type, &settings);
  p->ll.data = p;
  apply_lenient(p, lenient);
  p->max_header_size = max ? (uint32_t)max : DEFAULT_MAX_HEADER_SIZE;
  reset_head(p);
  p->ext_nread = 0;
  start_message(p);
}

/* The Error Node gives for a parse failure, or NULL on exception. */
static v8c_value parse_error(parser *p, llhttp_errno_t err, size_t nread) {
  v8c_env *env = p->env;
  const char *reason = llhttp_get_error_reason(&p->ll);
  const char *code = llhttp_errno_name(err);
  char codebuf[64];
  if (err == HPE_USER && reason && strncmp(reason, "HPE_", 4) == 0) {
    const char *colon = strchr(reason, ':');
    size_t n = colon ? (size_t)(colon - reason) : strlen(reason);
    if (n >= sizeof codebuf) n = sizeof codebuf - 1;
    memcpy(codebuf, reason, n);
    codebuf[n] = '\0';
    code = codebuf;
    reason = colon ? colon + 1 : "";
  }
  if (!reason) reason = "";
  size_t len = strlen(reason) + sizeof "Parse Error: ";
  char *msg = malloc(len);
  if (!msg) return NULL;
  snprintf(msg, len, "Parse Error: %s", reason);
  v8c_value e = v8c_error(env, V8C_ERROR, code, msg);
  free(msg);
  if (!e) return NULL;
  v8c_value r = v8c_string(env, reason, (size_t)-1);
  if (!r || !v8c_set_named(env, e, "reason", r) ||
      !v8c_set_named(env, e, "bytesParsed", v8c_number(env, (double)nread)))
    return NULL;
  return e;
}

/* Runs llhttp over [data, data + len) and turns the outcome into
 * execute's result in *result: bytes consumed, or an Error (NULL after
 * finish). False when JS threw (the exception is pending). */
static bool run(parser *p, const char *data, size_t len, bool finish,
                v8c_value *result) {
  *result = NULL;
  p->executing++;
  llhttp_errno_t err = finish ? llhttp_finish(&p->ll)
                              : llhttp_execute(&p->ll, data, len);
  p->executing--;
  size_t nread = len;
  if (err != HPE_OK && !finish) {
    const char *pos = llhttp_get_error_pos(&p->ll);
    if (pos && pos >= data && pos <= data + len) nread = (size_t)(pos - data);
  }
  bool threw = p->threw;
  p->threw = false;
  /* The parser cannot go on after a callback failed halfway. */
  if (threw) return false;
  if (err == HPE_PAUSED_UPGRADE) {
    /* What follows the head belongs to the new protocol: the caller takes
     * it from the returned offset. */
    llhttp_resume_after_upgrade(&p->ll);
  } else if (err != HPE_OK && err != HPE_PAUSED) {
    return (*result = parse_error(p, err, nread)) != NULL;
  }
  if (!finish) *result = v8c_number(p->env, (double)nread);
  return true;
}

/* Parses [begin, begin + len) for `owner`; `buf` is the view the bytes
 * are in (starting at `bytes`), or NULL when they are in a buffer of our
 * own (consume mode). As run(). */
static bool feed(parser *p, v8c_value owner, v8c_value buf,
                 const char *bytes, const char *begin, size_t len,
                 v8c_value *result) {
  p->owner = owner;
  p->buffer = buf;
  p->data = bytes;
  p->ab = NULL;
  /* A value cut at the end of the last buffer goes on at this one's
   * start. */
  p->value_next = p->value_next == p->exec_end ? begin : NULL;
  p->exec_end = begin + len;
  p->begin = begin;
  bool ok = run(p, begin, len, false, result);
  if (len >= 2) {
    p->tail[0] = begin[len - 2];
    p->tail[1] = begin[len - 1];
  } else if (len == 1) {
    p->tail[0] = p->tail[1];
    p->tail[1] = begin[0];
  }
  p->owner = p->buffer = p->ab = NULL;
  p->data = NULL;
  return ok;
}

/* The parser was freed from a callback: do it now that llhttp is done. */
static void settle_free(v8c_env *env, v8c_value handle, parser *p) {
  if (p->executing == 0 && p->free_pending) {
    v8c_unwrap_clear(env, handle);
    parser_free(p);
  }
}

/* execute(handle, owner, buffer[, start[, length]]) -> bytes | Error */
static void execute(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  parser *p = idle_parser(c);
  if (!p) return;
  v8c_value owner = v8c_arg(c, 1), buf = v8c_arg(c, 2);
  if (!v8c_is(owner, V8C_OBJECT)) {
    nr__throw_arg_type(env, "owner", "object");
    return;
  }
  void *bytes;
  size_t size;
  if (!v8c_is(buf, V8C_ARRAY_BUFFER_VIEW) || !v8c_bytes(buf, &bytes, &size)) {
    nr__throw_arg_type(env, "buffer", "an instance of Buffer or Uint8Array");
    return;
  }
  int64_t start = 0, len = (int64_t)size;
  if (!v8c_is(v8c_arg(c, 3), V8C_UNDEFINED) &&
      !nr__arg_int(c, 3, "start", 0, (int64_t)size, &start))
    return;
  if (!v8c_is(v8c_arg(c, 4), V8C_UNDEFINED) &&
      !nr__arg_int(c, 4, "length", 0, (int64_t)size - start, &len))
    return;
  if (v8c_is(v8c_arg(c, 4), V8C_UNDEFINED)) len = (int64_t)size - start;
  v8c_value r;
  if (feed(p, owner, buf, bytes, (const char *)bytes + start, (size_t)len,
           &r) && r)
    v8c_return(c, r);
  settle_free(env, v8c_arg(c, 0), p);
}

/* finish(handle, owner) -> undefined | Error: the peer closed; a body
 * delimited by the end of the connection completes now. */
static void finish(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  parser *p = idle_parser(c);
  if (!p) return;
  v8c_value owner = v8c_arg(c, 1);
  if (!v8c_is(owner, V8C_OBJECT)) {
    nr__throw_arg_type(env, "owner", "object");
    return;
  }
  p->owner = owner;
  v8c_value r;
  if (run(p, NULL, 0, true, &r) && r) v8c_return(c, r);
  p->owner = NULL;
  settle_free(env, v8c_arg(c, 0), p);
}

/* ---- Consuming a stream ----------------------------------------------- */

/* A read of the consumed stream: parsed at once, then owner[kOnExecute]
 * (result, bytes read) is called, as a callback from the loop. */
static void on_stream_data(nr__stream_consumer *sc, const char *data,
                           size_t len) {
  parser *p = (parser *)((char *)sc - offsetof(parser, consumer));
  nr_runtime *rt = p->rt;
  v8c_env *env = p->env;
  /* llhttp is never running here: reads come from the loop, not JS. */
  if (rt->stopping || p->executing || p->free_pending) return;
  v8c_scope scope;
  v8c_scope_open(env, &scope);
  v8c_value owner = v8c_ref_get(env, p->consume_owner);
  v8c_value handle = v8c_ref_get(env, p->consume_handle);
  if (owner && handle) {
    v8c_trycatch tc;
    nr__callback_begin(rt, &tc);
    v8c_value r;
    bool ok = feed(p, owner, NULL, data, data, len, &r);
    if (ok && !p->free_pending) {
      /* The bytes stay readable (getCurrentBuffer) while it runs. */
      p->data = data;
      p->exec_end = data + len;
      v8c_value fn = v8c_get_index(env, owner, CB_EXECUTE);
      ok = fn != NULL;
      if (ok && v8c_is(fn, V8C_FUNCTION)) {
        v8c_value argv[2] = {r, v8c_number(env, (double)len)};
        ok = v8c_call_fn(env, fn, owner, 2, argv) != NULL;
      }
      p->data = NULL;
    }
    nr__callback_end(rt, &tc, ok);
    settle_free(env, handle, p);
  }
  v8c_scope_close(&scope);
}

static void on_stream_detach(nr__stream_consumer *sc) {
  parser *p = (parser *)((char *)sc - offsetof(parser, consumer));
  p->consumed = NULL;
  stop_consuming(p);
}

/* consume(handle, owner, stream, bufferPrototype) -> bool: the stream's
 * reads go through the parser from C; owner[kOnExecute](result, nread)
 * follows each one. False when the stream is closed or taken. */
static void consume(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  parser *p = idle_parser(c);
  if (!p) return;
  v8c_value owner = v8c_arg(c, 1), proto = v8c_arg(c, 3);
  if (!v8c_is(owner, V8C_OBJECT)) {
    nr__throw_arg_type(env, "owner", "object");
    return;
  }
  if (!v8c_is(proto, V8C_OBJECT)) {
    nr__throw_arg_type(env, "bufferPrototype", "object");
    return;
  }
  nr__stream_wrap *w = nr__stream_unwrap(env, v8c_arg(c, 2));
  if (!w || (w->consumer && w->consumer != &p->consumer)) {
    v8c_return_bool(c, false);
    return;
  }
  stop_consuming(p);
  p->consume_owner = v8c_ref_new(env, owner);
  p->consume_handle = v8c_ref_new(env, v8c_arg(c, 0));
  p->buffer_proto = v8c_ref_new(env, proto);
  if (!p->consume_owner || !p->consume_handle || !p->buffer_proto) {
    stop_consuming(p);
    return;
  }
  p->consumer.on_data = on_stream_data;
  p->consumer.detach = on_stream_detach;
  p->consumed = w;
  nr__stream_consume(w, &p->consumer);
  v8c_return_bool(c, true);
}

/* unconsume(handle): the stream's reads go to JS again. */
static void unconsume(v8c_call *c) {
  parser *p = this_parser(c);
  if (p) stop_consuming(p);
}

/* getCurrentBuffer(handle) -> Buffer | undefined: a copy of the bytes a
 * consumed stream's read brought, while kOnExecute runs. */
static void get_current_buffer(v8c_call *c) {
  parser *p = this_parser(c);
  if (!p || !p->data || p->buffer) return;
  v8c_value b = copy_buffer(p, p->data, (size_t)(p->exec_end - p->data));
  if (b) v8c_return(c, b);
}

/* messageAge(handle) -> ms since the message being read began (the first
 * one: since initialize), or -1 between messages. */
static void message_age(v8c_call *c) {
  parser *p = this_parser(c);
  if (!p) return;
  if (!p->in_message) return v8c_return_int(c, -1);
  v8c_return_double(c, (double)(uv_now(p->rt->loop) - p->msg_start));
}

/* headersComplete(handle) -> whether the current message's head is in. */
static void headers_complete(v8c_call *c) {
  parser *p = this_parser(c);
  if (p) v8c_return_bool(c, p->head_done);
}

/* pause(handle) / resume(handle): stop and restart the callbacks. */
static void pause_parser(v8c_call *c) {
  parser *p = this_parser(c);
  if (p && !p->free_pending) llhttp_pause(&p->ll);
}

static void resume_parser(v8c_call *c) {
  parser *p = this_parser(c);
  if (p && !p->free_pending) llhttp_resume(&p->ll);
}

/* free(handle): releases the parser now rather than at collection. */
static void free_parser(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  parser *p = this_parser(c);
  if (!p) return;
  p->free_pending = true;
  settle_free(env, v8c_arg(c, 0), p);
}

static const nr__method methods[] = {
    {"consume", consume},
    {"create", create},
    {"execute", execute},
    {"finish", finish},
    {"free", free_parser},
    {"getCurrentBuffer", get_current_buffer},
    {"headersComplete", headers_complete},
    {"initialize", initialize},
    {"messageAge", message_age},
    {"pause", pause_parser},
    {"resume", resume_parser},
    {"unconsume", unconsume},
    {NULL, NULL},
};

static const nr__constant constants[] = {
    {"REQUEST", HTTP_REQUEST},
    {"RESPONSE", HTTP_RESPONSE},
    {"kOnMessageBegin", CB_MESSAGE_BEGIN},
    {"kOnHeaders", CB_HEADERS},
    {"kOnHeadersComplete", CB_HEADERS_COMPLETE},
    {"kOnBody", CB_BODY},
    {"kOnMessageComplete", CB_MESSAGE_COMPLETE},
    {"kOnExecute", CB_EXECUTE},
    {"kOnTimeout", CB_TIMEOUT},
    {"kLenientNone", 0},
    {"kLenientHeaders", LENIENT_HEADERS},
    {"kLenientChunkedLength", LENIENT_CHUNKED_LENGTH},
    {"kLenientKeepAlive", LENIENT_KEEP_ALIVE},
    {"kLenientAll",
     LENIENT_HEADERS | LENIENT_CHUNKED_LENGTH | LENIENT_KEEP_ALIVE},
    {NULL, 0},
};

bool nr__binding_http_parser(nr_runtime *rt, v8c_value target) {
  v8c_env *env = rt->env;
  static const char *const names[] = {
#define NAME(num, name, string) #string,
      HTTP_METHOD_MAP(NAME)
#undef NAME
  };
  uint32_t n = sizeof names / sizeof names[0];
  v8c_value list = v8c_array(env, n);
  if (!list) return false;
  for (uint32_t i = 0; i < n; i++) {
    v8c_value s = v8c_string_static(env, names[i], strlen(names[i]));
    if (!s || !v8c_set_index(env, list, i, s)) return false;
  }
  return v8c_set_named(env, target, "methods", list) &&
         nr__set_methods(env, target, methods, NULL) &&
         nr__set_constants(env, target, constants);
}
