/*
 * v8c — a small C ABI over V8, written for noderun.
 *
 * Everything above this header is C; v8c.cc is the only C++ in the tree.
 *
 * Conventions
 * - v8c_value is a V8 Local<Value> passed through as a pointer: free to copy,
 *   valid until the handle scope it was made in closes. Every call from JS
 *   into a v8c_native runs in its own handle scope; C code that runs from the
 *   event loop opens one with v8c_scope_open().
 * - v8c_ref is a persistent handle (strong or weak) that outlives scopes.
 * - A function that can throw returns NULL (or false) and leaves the JS
 *   exception pending; the C caller returns at once so that it propagates.
 * - One v8c_env is one isolate plus one context, used by one thread at a
 *   time. Several envs may live in one process (one per thread).
 */
#ifndef V8C_H
#define V8C_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct v8c_value_s *v8c_value;
typedef struct v8c_ref v8c_ref;
typedef struct v8c_env v8c_env;
typedef struct v8c_call v8c_call;

/* A native function callable from JS. */
typedef void (*v8c_native)(v8c_call *c);
/* Called once when a wrapped object or external buffer is collected. */
typedef void (*v8c_finalizer)(void *ptr, void *hint);

/* ---- Process-wide set-up ---------------------------------------------- */

/* Runs the foreground tasks V8 has posted for this isolate and that are
 * due (FinalizationRegistry cleanup callbacks among them); the default
 * platform runs none by itself. True when at least one ran. */
bool v8c_run_platform_tasks(v8c_env *env);

/* Starts V8 and its platform once per process (later calls only apply
 * `flags`, V8 command-line flags such as "--expose-gc"; may be NULL). */
int v8c_init(const char *flags);
/* Pairs with v8c_init. V8 cannot start again once stopped, so it stays up
 * for the life of the process. */
void v8c_shutdown(void);
/* The V8 version string, e.g. "10.2.154.26-node.36". */
const char *v8c_version(void);
/* Applies V8 flags (e.g. "--stack-size=500"); call before creating envs. */
void v8c_set_flags(const char *flags);
/* Applies one V8 flag ("--no-opt", "--max-lazy=1"); false when V8 does not
 * know it. */
bool v8c_set_flag(const char *arg);

/* ---- Environments ----------------------------------------------------- */

/* Creates an isolate and a context, enters both on the calling thread, and
 * attaches `data` (the embedder's pointer). Returns NULL on failure. */
v8c_env *v8c_env_new(void *data);
/* Disposes the context and the isolate. No handles may be used after. */
void v8c_env_free(v8c_env *env);
void *v8c_env_data(v8c_env *env);
/* The context's global object. */
v8c_value v8c_global(v8c_env *env);

/* A handle scope kept on the C stack. */
typedef struct v8c_scope {
  void *opaque[4];
} v8c_scope;
void v8c_scope_open(v8c_env *env, v8c_scope *s);
void v8c_scope_close(v8c_scope *s);

/* A try/catch kept on the C stack: between begin and end, exceptions
 * thrown by JS stop here instead of propagating. */
typedef struct v8c_trycatch {
  void *opaque[12];
} v8c_trycatch;
void v8c_try_begin(v8c_env *env, v8c_trycatch *tc);
bool v8c_try_caught(v8c_trycatch *tc);
/* True when execution was terminated (v8c_terminate) rather than thrown. */
bool v8c_try_terminated(v8c_trycatch *tc);
v8c_value v8c_try_exception(v8c_trycatch *tc);
/* Returns the "file:line\nsource line\n    ^^^\n" text of where the caught
 * exception was thrown (or the one saved on it earlier), saving it on the
 * exception object so a rethrow keeps it. NULL when unknown. */
v8c_value v8c_try_arrow(v8c_env *env, v8c_trycatch *tc);
void v8c_try_rethrow(v8c_trycatch *tc);
void v8c_try_reset(v8c_trycatch *tc);
void v8c_try_end(v8c_trycatch *tc);

/* The arrow text saved on an exception by v8c_try_arrow; else, for an error
 * object, the place where it was created; else the JS running now. */
v8c_value v8c_exception_arrow(v8c_env *env, v8c_value exception);

/* Stops running JS as soon as possible (from any thread), and lets it run
 * again. */
void v8c_terminate(v8c_env *env);
void v8c_cancel_terminate(v8c_env *env);
bool v8c_is_terminating(v8c_env *env);

/* ---- Native calls ----------------------------------------------------- */

int v8c_argc(v8c_call *c);
/* Argument i, or undefined past the end. */
v8c_value v8c_arg(v8c_call *c, int i);
/* Argument i as a double when it is a number (false otherwise): one call
 * for the check natives make most often. */
bool v8c_arg_number(v8c_call *c, int i, double *out);
v8c_value v8c_this(v8c_call *c);
v8c_value v8c_new_target(v8c_call *c);
/* The data pointer given to v8c_function(). */
void *v8c_data(v8c_call *c);
v8c_env *v8c_call_env(v8c_call *c);
void v8c_return(v8c_call *c, v8c_value v);
void v8c_return_double(v8c_call *c, double d);
void v8c_return_int(v8c_call *c, int32_t i);
void v8c_return_bool(v8c_call *c, bool b);

/* ---- Values ----------------------------------------------------------- */

v8c_value v8c_undefined(v8c_env *env);
v8c_value v8c_null(v8c_env *env);
v8c_value v8c_bool(v8c_env *env, bool b);
v8c_value v8c_number(v8c_env *env, double d);
v8c_value v8c_int32(v8c_env *env, int32_t i);
v8c_value v8c_uint32(v8c_env *env, uint32_t u);
v8c_value v8c_bigint_i64(v8c_env *env, int64_t i);
v8c_value v8c_bigint_u64(v8c_env *env, uint64_t u);
/* Strings from UTF-8 / Latin-1 / UTF-16; len may be (size_t)-1 for a
 * NUL-terminated string. NULL (exception pending) when too long. */
v8c_value v8c_string(v8c_env *env, const char *utf8, size_t len);
v8c_value v8c_string_latin1(v8c_env *env, const char *s, size_t len);
v8c_value v8c_string_utf16(v8c_env *env, const uint16_t *s, size_t len);
/* Latin-1 text in malloc'd memory, given to the string: large ones are
 * used in place (freed when collected), small ones copied and freed now.
 * Always takes s, even on failure. */
v8c_value v8c_string_latin1_owned(v8c_env *env, char *s, size_t len);
/* A string over static ASCII data that is never freed nor copied. */
v8c_value v8c_string_static(v8c_env *env, const char *ascii, size_t len);
v8c_value v8c_object(v8c_env *env);
v8c_value v8c_array(v8c_env *env, uint32_t len);
/* An array holding values[0..len) (none NULL): one call, where setting
 * elements one by one costs a call into V8 each. */
v8c_value v8c_array_of(v8c_env *env, const v8c_value *values, uint32_t len);
v8c_value v8c_symbol(v8c_env *env, const char *description);

/* An ordinary object whose named properties JS functions serve (a
 * Proxy is not ordinary: structuredClone refuses one). handlers has
 * get(key) (undefined: not there, the prototype answers), set(key, value),
 * query(key) -> boolean, delete(key), keys() -> array of names, and
 * define(key, descriptor); all called with handlers as `this`, their
 * exceptions propagate. */
v8c_value v8c_intercepted_object(v8c_env *env, v8c_value handlers);

/* Type tests (never throw). */
typedef enum v8c_type {
  V8C_UNDEFINED, V8C_NULL, V8C_NULL_OR_UNDEFINED, V8C_BOOLEAN, V8C_NUMBER,
  V8C_INT32, V8C_UINT32, V8C_BIGINT, V8C_STRING, V8C_SYMBOL, V8C_OBJECT,
  V8C_FUNCTION, V8C_ARRAY, V8C_EXTERNAL, V8C_DATE, V8C_ARGUMENTS,
  V8C_BIGINT_OBJECT, V8C_BOOLEAN_OBJECT, V8C_NUMBER_OBJECT,
  V8C_STRING_OBJECT, V8C_SYMBOL_OBJECT, V8C_NATIVE_ERROR, V8C_REGEXP,
  V8C_ASYNC_FUNCTION, V8C_GENERATOR_FUNCTION, V8C_GENERATOR_OBJECT,
  V8C_PROMISE, V8C_MAP, V8C_SET, V8C_MAP_ITERATOR, V8C_SET_ITERATOR,
  V8C_WEAK_MAP, V8C_WEAK_SET, V8C_ARRAY_BUFFER, V8C_SHARED_ARRAY_BUFFER,
  V8C_ARRAY_BUFFER_VIEW, V8C_TYPED_ARRAY, V8C_UINT8_ARRAY,
  V8C_UINT8_CLAMPED_ARRAY, V8C_INT8_ARRAY, V8C_UINT16_ARRAY,
  V8C_INT16_ARRAY, V8C_UINT32_ARRAY, V8C_INT32_ARRAY, V8C_FLOAT32_ARRAY,
  V8C_FLOAT64_ARRAY, V8C_BIGINT64_ARRAY, V8C_BIGUINT64_ARRAY,
  V8C_DATA_VIEW, V8C_PROXY, V8C_MODULE_NAMESPACE, V8C_TYPE_COUNT
} v8c_type;
bool v8c_is(v8c_value v, v8c_type t);

/* Conversions. The to_* forms run JS coercion and can throw; the
 * value_* forms read a value already of that type (no coercion). */
bool v8c_to_double(v8c_env *env, v8c_value v, double *out);
bool v8c_to_int64(v8c_env *env, v8c_value v, int64_t *out);
bool v8c_to_bool(v8c_env *env, v8c_value v);
v8c_value v8c_to_string(v8c_env *env, v8c_value v);
/* V8's own description of a value, running no JS (no toString or getter
 * of the value is called): "#<Foo>", "[object Array]", a function's
 * source, an error's "Name: message". */
v8c_value v8c_to_detail_string(v8c_env *env, v8c_value v);
double v8c_value_double(v8c_value v);
int64_t v8c_value_int64(v8c_value v);
uint64_t v8c_bigint_value_u64(v8c_value v, bool *lossless);
/* UTF-8 of a value (coerced to string): a malloc'd NUL-terminated copy,
 * its length in *len when len is not NULL; NULL if coercion threw. */
char *v8c_to_utf8(v8c_env *env, v8c_value v, size_t *len);
/* Length in UTF-8 bytes / UTF-16 units of a string value. */
size_t v8c_string_utf8_length(v8c_env *env, v8c_value str);
size_t v8c_string_length(v8c_value str);
/* Writes a string's UTF-8 into buf (no NUL); returns bytes written. */
size_t v8c_string_write_utf8(v8c_env *env, v8c_value str, char *buf,
                             size_t cap);
/* Copies UTF-16 units [start, start + n) of a string (clamped to its
 * length) into buf; returns the units copied. */
size_t v8c_string_write_utf16(v8c_env *env, v8c_value str, uint16_t *buf,
                              size_t start, size_t n);
/* The same as bytes: each unit's low 8 bits (Latin-1 for one-byte
 * strings). */
size_t v8c_string_write_latin1(v8c_env *env, v8c_value str, uint8_t *buf,
                               size_t start, size_t n);
/* True when every unit of the string is below 256. */
bool v8c_string_is_latin1(v8c_value str);
/* True when V8 holds the string as one byte per unit: its units are all
 * below 256, known without reading them (a two-byte string may hold only
 * such units too). */
bool v8c_string_is_one_byte(v8c_value str);
/* True when both are the same value under ===. */
bool v8c_strict_equals(v8c_value a, v8c_value b);

/* ---- Objects ---------------------------------------------------------- */

v8c_value v8c_get(v8c_env *env, v8c_value obj, v8c_value key);
v8c_value v8c_get_named(v8c_env *env, v8c_value obj, const char *name);
v8c_value v8c_get_index(v8c_env *env, v8c_value obj, uint32_t i);
bool v8c_set(v8c_env *env, v8c_value obj, v8c_value key, v8c_value v);
bool v8c_set_named(v8c_env *env, v8c_value obj, const char *name,
                   v8c_value v);
bool v8c_set_index(v8c_env *env, v8c_value obj, uint32_t i, v8c_value v);
/* Defines a read-only, non-enumerable property. */
bool v8c_define_hidden(v8c_env *env, v8c_value obj, const char *name,
                       v8c_value v);
/* Fails (false, no exception) when the key is absent; -1 on exception. */
int v8c_has(v8c_env *env, v8c_value obj, v8c_value key);
bool v8c_delete(v8c_env *env, v8c_value obj, v8c_value key);
uint32_t v8c_array_length(v8c_value arr);
/* Own property names; filter as V8's PropertyFilter (0 all, 2 only
 * enumerable, 16 skip symbols...); skip_indices drops array indices. */
v8c_value v8c_own_keys(v8c_env *env, v8c_value obj, int filter,
                       bool skip_indices);
v8c_value v8c_get_prototype(v8c_env *env, v8c_value obj);
bool v8c_set_prototype(v8c_env *env, v8c_value obj, v8c_value proto);
/* The name V8 gives the object's constructor ("Object", "Foo"...). */
v8c_value v8c_constructor_name(v8c_env *env, v8c_value obj);

/* ---- Functions -------------------------------------------------------- */

/* A JS function running `fn`, with `data` for v8c_data(). Functions made
 * with a non-NULL data pointer keep a small record until the env is freed,
 * so make them once (when a binding is set up), not per call. */
v8c_value v8c_function(v8c_env *env, const char *name, v8c_native fn,
                       void *data);
v8c_value v8c_call_fn(v8c_env *env, v8c_value fn, v8c_value recv, int argc,
                      v8c_value *argv);
v8c_value v8c_new_instance(v8c_env *env, v8c_value ctor, int argc,
                           v8c_value *argv);

/* ---- Wrapped C structs ------------------------------------------------ */

/* A new object carrying `ptr`, tagged with `tag` (the address of a static
 * int, one per C type; both pointers must be at least 2-byte aligned). `fin`, when not NULL, runs once the object is collected
 * unless v8c_unwrap_clear() ran first. */
v8c_value v8c_wrap(v8c_env *env, const void *tag, void *ptr, v8c_finalizer fin,
                   void *hint);
/* The pointer wrapped in `obj` with the same tag, or NULL (no exception)
 * when obj is anything else: JS cannot make C read a wrong struct. */
void *v8c_unwrap(v8c_env *env, v8c_value obj, const void *tag);
/* Detaches the pointer (future unwraps give NULL) and drops its finalizer. */
void v8c_unwrap_clear(v8c_env *env, v8c_value obj);

/* ---- Persistent references -------------------------------------------- */

v8c_ref *v8c_ref_new(v8c_env *env, v8c_value v);
/* The value, or NULL when a weak reference's target was collected. */
v8c_value v8c_ref_get(v8c_env *env, v8c_ref *r);
void v8c_ref_weak(v8c_ref *r, bool weak);
void v8c_ref_free(v8c_ref *r);

/* ---- Binary data ------------------------------------------------------ */

/* A new ArrayBuffer of `len` zeroed bytes; *data gets its memory. */
v8c_value v8c_arraybuffer(v8c_env *env, size_t len, void **data);
/* The same with uninitialized bytes, for a caller that writes them all. */
v8c_value v8c_arraybuffer_uninit(v8c_env *env, size_t len, void **data);
/* An ArrayBuffer over memory the caller gives away: `fin(data, hint)` frees
 * it once JS no longer uses it (fin may be NULL for static memory). */
v8c_value v8c_arraybuffer_external(v8c_env *env, void *data, size_t len,
                                   v8c_finalizer fin, void *hint);
v8c_value v8c_uint8array(v8c_env *env, v8c_value arraybuffer, size_t offset,
                         size_t len);
/* The bytes of an ArrayBuffer, SharedArrayBuffer or view; false when v is
 * none of those. */
bool v8c_bytes(v8c_value v, void **data, size_t *len);
/* Like v8c_bytes, and keeps those bytes alive and in place until
 * v8c_pin_release, whatever happens to the JS object or the env: for
 * memory another thread reads or writes. NULL when v holds no bytes or
 * memory ran out. Any thread may release the pin. */
typedef struct v8c_pin v8c_pin;
v8c_pin *v8c_bytes_pin(v8c_value v, void **data, size_t *len);
void v8c_pin_release(v8c_pin *pin);
/* A Uint8Array over one byte of the env's ArrayBuffer allocator: while JS
 * holds it at 0, new ArrayBuffers get uninitialized memory (for
 * Buffer.allocUnsafe, whose bytes are all overwritten or are documented
 * as arbitrary); 1, the default, zero-fills. */
v8c_value v8c_zero_fill_field(v8c_env *env);

/* ---- Errors ----------------------------------------------------------- */

typedef enum v8c_error_kind {
  V8C_ERROR, V8C_TYPE_ERROR, V8C_RANGE_ERROR, V8C_SYNTAX_ERROR
} v8c_error_kind;
/* A new error object; `code`, when not NULL, becomes its `code` property. */
v8c_value v8c_error(v8c_env *env, v8c_error_kind kind, const char *code,
                    const char *message);
/* Throws `v`; returns NULL so natives can `return v8c_throw(...)`-style. */
v8c_value v8c_throw(v8c_env *env, v8c_value v);
/* Throws a new error built from a printf-style message; returns NULL. */
v8c_value v8c_throw_error(v8c_env *env, v8c_error_kind kind, const char *code,
                          const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* ---- Compiling and running -------------------------------------------- */

/* Compiles `source` as the body of a function taking `params` (the way a
 * CommonJS wrapper is made), with `filename` in stack traces. On a syntax
 * error the exception is left pending, with its arrow text saved on it. */
v8c_value v8c_compile_function(v8c_env *env, v8c_value source,
                               v8c_value filename, int nparams,
                               const char *const *params);
/* Like v8c_compile_function, with a code cache made earlier by
 * v8c_code_cache for the same source. V8 checks that the cache fits this
 * source, V8 version and flags; when it does not, *rejected is set and the
 * source is compiled as usual. */
v8c_value v8c_compile_function_cached(v8c_env *env, v8c_value source,
                                      v8c_value filename, int nparams,
                                      const char *const *params,
                                      const uint8_t *cache, size_t cache_len,
                                      bool *rejected);
/* The code cache of a function made by v8c_compile_function, including the
 * inner functions that have run so far: a malloc'd buffer in *data. */
bool v8c_code_cache(v8c_env *env, v8c_value fn, uint8_t **data, size_t *len);

/* Compiles and runs a classic script. */
v8c_value v8c_run_script(v8c_env *env, v8c_value source, v8c_value filename);

/* ---- Contexts (the vm module) ----------------------------------------- */

/* Gives `sandbox` its own context whose global object reflects it: reads
 * of globals find the sandbox's properties first, writes and definitions
 * go to the sandbox (vm.createContext). The sandbox keeps the context
 * alive; nothing in C does. With own_microtasks the context has its own
 * microtask queue, drained at the end of each v8c_script_run in it (vm's
 * microtaskMode: 'afterEvaluate'); the queue lives as long as the env. */
bool v8c_contextify(v8c_env *env, v8c_value sandbox, bool own_microtasks);
/* True when v was given a context by v8c_contextify (vm.isContext). */
bool v8c_is_contextified(v8c_env *env, v8c_value v);
/* A compiled script not tied to a context (vm.Script), as an object. */
v8c_value v8c_script_compile(v8c_env *env, v8c_value source,
                             v8c_value filename, int line_offset,
                             int column_offset);
/* Runs a script from v8c_script_compile in the context of `sandbox`, or
 * in the main context when sandbox is NULL. */
v8c_value v8c_script_run(v8c_env *env, v8c_value script, v8c_value sandbox);

/* ---- REPL evaluation -------------------------------------------------- */

/* Evaluates `source` the way a debugger console does (V8's REPL mode), in
 * the context of `sandbox` (a v8c_contextify'd object) or in the main
 * context when sandbox is NULL. The code may use top-level `await`, and
 * top-level `let`, `const` and `class` declarations persist from one call to
 * the next (and may be declared again). The result is always a promise that
 * resolves to an object whose property ".repl_result" holds the completion
 * value, or rejects with what the code threw (the promise is marked as
 * handled: reporting that is the caller's job); a syntax error is thrown at
 * once (NULL returned). With `no_side_effects`, V8 throws an EvalError
 * instead of running anything that could change state visible outside the
 * evaluation (assignments to globals, calls of unknown functions ...):
 * what an editor's preview needs. */
v8c_value v8c_eval_repl(v8c_env *env, v8c_value source, v8c_value sandbox,
                        bool no_side_effects);

/* ---- Promises and microtasks ------------------------------------------ */

/* Microtasks run only when asked (Node's policy). */
void v8c_microtasks_run(v8c_env *env);
void v8c_microtask_enqueue(v8c_env *env, v8c_value fn);

typedef enum v8c_promise_event {
  V8C_PROMISE_REJECT_NO_HANDLER = 0,
  V8C_PROMISE_HANDLER_ADDED_AFTER_REJECT = 1,
  V8C_PROMISE_REJECT_AFTER_RESOLVED = 2,
  V8C_PROMISE_RESOLVE_AFTER_RESOLVED = 3
} v8c_promise_event;
typedef void (*v8c_promise_reject_cb)(v8c_env *env, v8c_promise_event ev,
                                      v8c_value promise, v8c_value value);
void v8c_on_promise_reject(v8c_env *env, v8c_promise_reject_cb cb);
/* Exceptions V8 reports instead of throwing to a caller (those thrown by
 * FinalizationRegistry cleanup callbacks run by v8c_run_platform_tasks):
 * cb gets each one, with the arrow text as for a caught exception. */
typedef void (*v8c_reported_exception_cb)(v8c_env *env, v8c_value exception);
void v8c_on_reported_exception(v8c_env *env, v8c_reported_exception_cb cb);

/* Sets the context's promise hooks (V8's Context::SetPromiseHooks): JS
 * functions called as init(promise, parent), before(promise),
 * after(promise) and resolve(promise); NULL or undefined leaves one unset.
 * All NULL turns them off. */
void v8c_set_promise_hooks(v8c_env *env, v8c_value init, v8c_value before,
                           v8c_value after, v8c_value resolve);

/* A new pending promise and its resolver. */
v8c_value v8c_promise(v8c_env *env, v8c_value *resolver);
bool v8c_promise_settle(v8c_env *env, v8c_value resolver, bool fulfil,
                        v8c_value v);
/* 0 pending, 1 fulfilled, 2 rejected; *result gets the value when settled. */
int v8c_promise_state(v8c_value promise, v8c_value *result);

/* ---- Introspection (for util.inspect) --------------------------------- */

/* Target and handler of a proxy; false when v is not a proxy. */
bool v8c_proxy_details(v8c_value v, v8c_value *target, v8c_value *handler);
/* The entries of a Map, Set, their iterators, WeakMap or WeakSet as a flat
 * array; *is_key_value tells whether they come in key/value pairs. */
v8c_value v8c_preview_entries(v8c_env *env, v8c_value v, bool *is_key_value);

/* ---- Structured clone -------------------------------------------------- */

/* A value serialized by V8's ValueSerializer (the HTML structured clone
 * algorithm), with the ArrayBuffer contents it moved and the
 * SharedArrayBuffers it shares. It holds no V8 handle, so it may be handed
 * to another env, on another thread, and read there. */
typedef struct v8c_serialized v8c_serialized;

/* Serializes v; `transfer` (NULL or an array) lists ArrayBuffers whose
 * memory moves into the result (they are detached here). NULL with an
 * exception pending (an Error named DataCloneError) when v cannot be
 * cloned. */
v8c_serialized *v8c_serialize(v8c_env *env, v8c_value v, v8c_value transfer);
/* Rebuilds the value in env, once: moved ArrayBuffer memory goes to this
 * reader. The serialized form must still be freed. NULL with an exception
 * pending on failure. */
v8c_value v8c_deserialize(v8c_env *env, v8c_serialized *s);
void v8c_serialized_free(v8c_serialized *s);
/* The size in bytes of the serialized data. */
size_t v8c_serialized_size(const v8c_serialized *s);

/* ---- Serializer objects (the v8 module) -------------------------------- */

/* V8's ValueSerializer and ValueDeserializer driven step by step. The
 * `self` object given to the write/read calls is asked, the way Node's
 * v8.Serializer is, for what V8 leaves to the embedder: its
 * _writeHostObject(obj), _getSharedArrayBufferId(sab) and
 * _getDataCloneError(message) methods (serializer), _readHostObject()
 * (deserializer). */
typedef struct v8c_serializer v8c_serializer;
typedef struct v8c_deserializer v8c_deserializer;

v8c_serializer *v8c_serializer_new(v8c_env *env);
void v8c_serializer_free(v8c_serializer *s);
void v8c_serializer_write_header(v8c_serializer *s);
/* False with an exception pending when v cannot be serialized. */
bool v8c_serializer_write_value(v8c_env *env, v8c_serializer *s,
                                v8c_value self, v8c_value v);
/* The bytes written so far, malloc'd (the caller frees them); the
 * serializer starts over empty. */
uint8_t *v8c_serializer_release(v8c_serializer *s, size_t *len);
bool v8c_serializer_transfer_array_buffer(v8c_serializer *s, uint32_t id,
                                          v8c_value arraybuffer);
void v8c_serializer_write_uint32(v8c_serializer *s, uint32_t v);
void v8c_serializer_write_uint64(v8c_serializer *s, uint64_t v);
void v8c_serializer_write_double(v8c_serializer *s, double v);
void v8c_serializer_write_raw(v8c_serializer *s, const void *data,
                              size_t len);
void v8c_serializer_views_as_host_objects(v8c_serializer *s, bool on);

/* Reads a copy of data[0, len). */
v8c_deserializer *v8c_deserializer_new(v8c_env *env, const void *data,
                                       size_t len);
void v8c_deserializer_free(v8c_deserializer *d);
bool v8c_deserializer_read_header(v8c_env *env, v8c_deserializer *d,
                                  v8c_value self);
v8c_value v8c_deserializer_read_value(v8c_env *env, v8c_deserializer *d,
                                      v8c_value self);
/* An ArrayBuffer or SharedArrayBuffer for transfer id `id`. */
bool v8c_deserializer_transfer_array_buffer(v8c_deserializer *d, uint32_t id,
                                            v8c_value buffer);
uint32_t v8c_deserializer_wire_format_version(v8c_deserializer *d);
bool v8c_deserializer_read_uint32(v8c_deserializer *d, uint32_t *out);
bool v8c_deserializer_read_uint64(v8c_deserializer *d, uint64_t *out);
bool v8c_deserializer_read_double(v8c_deserializer *d, double *out);
/* The offset, in the data given to _new, of the next len raw bytes. */
bool v8c_deserializer_read_raw(v8c_deserializer *d, size_t len,
                               size_t *offset);

/* V8's code cache version tag (v8.cachedDataVersionTag()). */
uint32_t v8c_cached_data_version_tag(void);

typedef struct v8c_heap_space_stats {
  const char *name;
  size_t size, used, available, physical;
} v8c_heap_space_stats;
/* Fills up to max entries; returns how many spaces there are. */
size_t v8c_heap_space_statistics(v8c_env *env, v8c_heap_space_stats *out,
                                 size_t max);
/* More of V8's heap statistics, as v8.getHeapStatistics() lists them. */
typedef struct v8c_heap_stats_full {
  size_t total_heap_size, total_heap_size_executable, total_physical_size,
      total_available_size, used_heap_size, heap_size_limit,
      malloced_memory, peak_malloced_memory, does_zap_garbage,
      number_of_native_contexts, number_of_detached_contexts,
      total_global_handles_size, used_global_handles_size, external_memory;
} v8c_heap_stats_full;
void v8c_heap_statistics_full(v8c_env *env, v8c_heap_stats_full *out);
/* V8's code statistics (v8.getHeapCodeStatistics()). */
typedef struct v8c_heap_code_stats {
  size_t code_and_metadata_size, bytecode_and_metadata_size,
      external_script_source_size, cpu_profiler_metadata_size;
} v8c_heap_code_stats;
void v8c_heap_code_statistics(v8c_env *env, v8c_heap_code_stats *out);

/* ---- JSON and the heap ------------------------------------------------ */

v8c_value v8c_json_parse(v8c_env *env, v8c_value str);
v8c_value v8c_json_stringify(v8c_env *env, v8c_value v);

typedef struct v8c_heap_stats {
  size_t total_heap_size;
  size_t used_heap_size;
  size_t heap_size_limit;
  size_t external_memory;
  size_t malloced_memory;
} v8c_heap_stats;
void v8c_heap_statistics(v8c_env *env, v8c_heap_stats *out);
/* Bytes of ArrayBuffer backing stores that this env allocated and has not
 * yet freed. */
size_t v8c_arraybuffer_bytes(v8c_env *env);
/* Tells V8 the time zone changed (process.env.TZ was set): Date forgets
 * its cached zone. */
void v8c_timezone_changed(v8c_env *env);
/* Asks V8 to collect garbage now (for tests and teardown). */
void v8c_gc(v8c_env *env);

/* ---- ES modules --------------------------------------------------------- */

/* A module is a JS object made by v8c (properties may be put on it); the
 * v8c_module_* functions throw a TypeError when handed anything else. A
 * module lives as long as its object: keep the object while the module is
 * in use (a loader's module map does). */

/* Compiles `source` as an ES module named `url` (its import.meta and stack
 * traces show it). On a syntax error the exception is left pending with its
 * arrow text saved on it. */
v8c_value v8c_module_compile(v8c_env *env, v8c_value source, v8c_value url);
/* A synthetic module exporting `names` (an array of strings; duplicates are
 * dropped). When it is evaluated, `evaluate` (a JS function) is called
 * with the module as `this` and as its argument; it sets the exports with
 * v8c_module_set_export. What it throws fails the evaluation. */
v8c_value v8c_module_synthetic(v8c_env *env, v8c_value url, v8c_value names,
                               v8c_value evaluate);
/* Sets export `name` of a synthetic module, at any time (importers see the
 * new value: the binding is live). */
bool v8c_module_set_export(v8c_env *env, v8c_value module, v8c_value name,
                           v8c_value value);
/* What a module imports, in source order: an array of
 * { specifier, assert } where assert holds the import assertions
 * ({ type: 'json' }). Empty for a synthetic module. */
v8c_value v8c_module_requests(v8c_env *env, v8c_value module);

/* Answers one import of `referrer` while a module graph is instantiated:
 * returns the module for `specifier`, or NULL with an exception pending. */
typedef v8c_value (*v8c_module_resolve_cb)(v8c_env *env, void *data,
                                           v8c_value specifier,
                                           v8c_value assertions,
                                           v8c_value referrer);
/* Links the module and everything it imports (ModuleDeclarationInstantiation)
 * asking `resolve` for each import. False with an exception pending on
 * failure (a missing export is a SyntaxError with its arrow saved). */
bool v8c_module_instantiate(v8c_env *env, v8c_value module,
                            v8c_module_resolve_cb resolve, void *data);
/* Runs an instantiated module graph. Returns a promise that settles when
 * the module (and any top-level await in it) is done; NULL with an
 * exception pending when it could not start. */
v8c_value v8c_module_evaluate(v8c_env *env, v8c_value module);
/* The module namespace object; the module must be instantiated. */
v8c_value v8c_module_namespace(v8c_env *env, v8c_value module);

typedef enum v8c_module_state {
  V8C_MODULE_UNINSTANTIATED, V8C_MODULE_INSTANTIATING,
  V8C_MODULE_INSTANTIATED, V8C_MODULE_EVALUATING, V8C_MODULE_EVALUATED,
  V8C_MODULE_ERRORED
} v8c_module_state;
/* The module's status, or -1 when v is not a module (never throws). */
int v8c_module_status(v8c_env *env, v8c_value v);
/* The exception of an errored module; NULL (and a TypeError) otherwise. */
v8c_value v8c_module_exception(v8c_env *env, v8c_value module);

/* Saves `arrow` (a string) as the place an exception shows when it ends
 * the process (what v8c_try_arrow and v8c_exception_arrow give), for an
 * error the host rethrows on behalf of other code. False (no exception)
 * when exception is not an object or arrow not a string. */
bool v8c_exception_set_arrow(v8c_env *env, v8c_value exception,
                             v8c_value arrow);

/* import() of `specifier` from the script or module named `referrer` (its
 * file name or URL): returns a promise for the namespace, or NULL with an
 * exception pending. */
typedef v8c_value (*v8c_import_cb)(v8c_env *env, void *data,
                                   v8c_value specifier, v8c_value referrer,
                                   v8c_value assertions);
/* Fills the import.meta object of `module` the first time it is read. */
typedef void (*v8c_import_meta_cb)(v8c_env *env, void *data,
                                   v8c_value module, v8c_value meta);
/* Sets the env's import() host (NULL: import() rejects) and its
 * import.meta initializer. */
void v8c_on_dynamic_import(v8c_env *env, v8c_import_cb cb, void *data);
void v8c_on_import_meta(v8c_env *env, v8c_import_meta_cb cb, void *data);

/* ---- Workers (worker_threads) ------------------------------------------- */

/* Heap and stack limits of a worker's isolate, in MiB (0: V8's default).
 * total_memory (bytes, 0 to skip) sizes V8's defaults the way it does for a
 * machine with that much memory. The stack limit is counted from the
 * calling thread's current position. */
typedef struct v8c_env_limits {
  double max_young_mb, max_old_mb, code_range_mb, stack_mb;
  uint64_t total_memory;
} v8c_env_limits;
v8c_env *v8c_env_new_limited(void *data, const v8c_env_limits *limits);
/* The young and old generation sizes V8 picks for that much memory. */
void v8c_env_default_limits(uint64_t total_memory, double *young_mb,
                            double *old_mb);
/* Called (during a GC, on the env's thread) when the heap nears its limit;
 * V8 then gets some more room so the callback can terminate the env. */
typedef void (*v8c_heap_limit_cb)(v8c_env *env);
void v8c_on_heap_limit(v8c_env *env, v8c_heap_limit_cb cb);
/* A plain object with internal fields: the serializer treats it as a host
 * object (below), so classes built on it (MessagePort) are transferred,
 * never copied. */
v8c_value v8c_host_object(v8c_env *env);
/* v8c_serialize / v8c_deserialize with host objects: each object of
 * `hosts` found in the value is written as its index; the reader puts its
 * own hosts[index] there. A host object not in the list is a
 * DataCloneError. */
v8c_serialized *v8c_serialize_host(v8c_env *env, v8c_value v,
                                   v8c_value transfer, uint32_t n,
                                   const v8c_value *hosts);
v8c_value v8c_deserialize_host(v8c_env *env, v8c_serialized *s, uint32_t n,
                               const v8c_value *hosts);

#ifdef __cplusplus
}
#endif
#endif /* V8C_H */
