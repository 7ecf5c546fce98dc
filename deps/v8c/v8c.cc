// v8c — the C ABI over V8 described in v8c.h. The only C++ in noderun.
//
// A v8c_value is the pointer inside a v8::Local<Value>; the two convert with
// memcpy, so passing values through C costs nothing.

#include "v8c.h"

#include <libplatform/libplatform.h>
#include <v8.h>

#include <algorithm>
#include <atomic>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <new>
#include <string>
#include <vector>

using v8::ArrayBuffer;
using v8::Context;
using v8::External;
using v8::Function;
using v8::FunctionCallbackInfo;
using v8::Global;
using v8::HandleScope;
using v8::Isolate;
using v8::Local;
using v8::MaybeLocal;
using v8::Object;
using v8::String;
using v8::Value;

namespace {

// ---- Conversions between Local<T> and v8c_value -------------------------

static_assert(sizeof(Local<Value>) == sizeof(v8c_value), "Local is a pointer");

inline v8c_value V(Local<Value> l) {
  v8c_value v;
  memcpy(&v, &l, sizeof v);
  return v;
}
template <typename T>
inline v8c_value V(MaybeLocal<T> m) {
  Local<T> l;
  return m.ToLocal(&l) ? V(l.template As<Value>()) : nullptr;
}
inline Local<Value> L(v8c_value v) {
  Local<Value> l;
  memcpy(static_cast<void *>(&l), &v, sizeof v);
  return l;
}
template <typename T>
inline Local<T> LA(v8c_value v) {
  return L(v).As<T>();
}

// ---- Allocator: counts live ArrayBuffer bytes for memoryUsage() ---------

class CountingAllocator : public ArrayBuffer::Allocator {
 public:
  std::atomic<size_t> live{0};
  // JS sets this to 0 around an allocation whose bytes it will overwrite
  // anyway (Buffer.allocUnsafe): see v8c_zero_fill_field.
  uint8_t zero_fill = 1;
  void *Allocate(size_t n) override {
    if (!zero_fill) return AllocateUninitialized(n);
    void *p = calloc(n ? n : 1, 1);
    if (p) live += n;
    return p;
  }
  void *AllocateUninitialized(size_t n) override {
    void *p = malloc(n ? n : 1);
    if (p) live += n;
    return p;
  }
  void Free(void *p, size_t n) override {
    free(p);
    live -= n;
  }
};

// A native function's C pointer and data; owned by the env (see v8c.h).
struct FnRecord {
  v8c_native fn;
  void *data;
  FnRecord *next;
};

// A wrapped object with a finalizer; linked into the env so that teardown
// can run the finalizers V8 never got to.
struct WrapRecord {
  v8c_env *env;
  Global<Object> handle;
  void *ptr;
  v8c_finalizer fin;
  void *hint;
  WrapRecord *prev, *next;
};

// Read-only ASCII data that V8 may use in place.
class StaticString : public String::ExternalOneByteStringResource {
 public:
  StaticString(const char *d, size_t n) : data_(d), len_(n) {}
  const char *data() const override { return data_; }
  size_t length() const override { return len_; }

 private:
  const char *data_;
  size_t len_;
};

// Latin-1 text in malloc'd memory that the string owns: freed when V8
// disposes of the string. Its size counts as external memory, so the GC
// feels the pressure of many large strings.
class OwnedString : public String::ExternalOneByteStringResource {
 public:
  OwnedString(Isolate *iso, char *d, size_t n)
      : isolate_(iso), data_(d), len_(n) {
    isolate_->AdjustAmountOfExternalAllocatedMemory((int64_t)n);
  }
  ~OwnedString() override {
    isolate_->AdjustAmountOfExternalAllocatedMemory(-(int64_t)len_);
    free(data_);
  }
  const char *data() const override { return data_; }
  size_t length() const override { return len_; }

 private:
  Isolate *isolate_;
  char *data_;
  size_t len_;
};

std::mutex g_mutex;
std::unique_ptr<v8::Platform> g_platform;

}  // namespace

struct v8c_ref {
  Isolate *isolate;
  Global<Value> handle;
};

// The ES module state of an env (see the ES modules section).
struct ModuleState;
static void FreeModuleState(v8c_env *env);

struct v8c_env {
  Isolate *isolate;
  CountingAllocator *allocator;
  // Backing stores keep the allocator alive past the isolate: memory moved
  // or shared to another thread's isolate is freed by whoever holds it last.
  std::shared_ptr<CountingAllocator> allocator_owner;
  Global<Context> context;
  Global<v8::ObjectTemplate> wrap_template;
  Global<v8::Private> arrow_key;
  Global<v8::Private> context_key;  // sandbox -> its context's global
  Global<v8::Private> intercepted_key;  // marks v8c_intercepted_object()s
  Global<v8::Function> promise_hooks[4];  // as v8c_set_promise_hooks set them
  FnRecord *fns;
  WrapRecord *wraps;
  v8c_promise_reject_cb on_reject;
  v8c_reported_exception_cb on_reported;
  ModuleState *modules;  // created on first use
  v8c_heap_limit_cb on_heap_limit;  // see the Workers section
  void *data;
  // Microtask queues of vm contexts that have their own; they must outlive
  // those contexts, so they go with the isolate.
  std::vector<std::unique_ptr<v8::MicrotaskQueue>> queues;
};

static void ApplyLimits(Isolate::CreateParams *params,
                        const v8c_env_limits *lim);

static inline v8c_env *EnvOf(Isolate *iso) {
  return static_cast<v8c_env *>(iso->GetData(0));
}
static inline Local<Context> Ctx(v8c_env *env) {
  return env->context.Get(env->isolate);
}
static inline const FunctionCallbackInfo<Value> &Info(v8c_call *c) {
  return *reinterpret_cast<const FunctionCallbackInfo<Value> *>(c);
}

// ---- Process-wide set-up -------------------------------------------------

extern "C" int v8c_init(const char *flags) {
  std::lock_guard<std::mutex> lock(g_mutex);
  // import ... assert { type: 'json' } and its newer form with `with`, as
  // Node 18 has them (before the caller's flags, which may turn them off).
  if (!g_platform) {
    v8::V8::SetFlagsFromString("--harmony-import-assertions");
    v8::V8::SetFlagsFromString("--harmony-import-attributes");
  }
  if (flags) v8::V8::SetFlagsFromString(flags);
  if (g_platform) return 0;
  g_platform = v8::platform::NewDefaultPlatform(4);
  v8::V8::InitializePlatform(g_platform.get());
  return v8::V8::Initialize() ? 0 : -1;
}

extern "C" bool v8c_run_platform_tasks(v8c_env *env) {
  bool ran = false;
  while (v8::platform::PumpMessageLoop(
      g_platform.get(), env->isolate,
      v8::platform::MessageLoopBehavior::kDoNotWait)) {
    ran = true;
  }
  return ran;
}

// V8 cannot be initialized again once disposed, and a host may create
// runtimes one after another, so V8 and its platform stay up for the life of
// the process once started; this only exists to pair with v8c_init.
extern "C" void v8c_shutdown(void) {}

extern "C" const char *v8c_version(void) { return v8::V8::GetVersion(); }

extern "C" void v8c_set_flags(const char *flags) {
  v8::V8::SetFlagsFromString(flags);
}

extern "C" bool v8c_set_flag(const char *arg) {
  // V8 takes the flags it knows out of argv and leaves the others.
  std::string copy(arg);
  char *argv[] = {const_cast<char *>("v8"), &copy[0], nullptr};
  int argc = 2;
  v8::V8::SetFlagsFromCommandLine(&argc, argv, true);
  return argc == 1;
}

// ---- Environments ---------------------------------------------------------

static void OnPromiseReject(v8::PromiseRejectMessage msg) {
  Local<v8::Promise> promise = msg.GetPromise();
  Isolate *iso = promise->GetIsolate();
  v8c_env *env = EnvOf(iso);
  if (!env || !env->on_reject) return;
  Local<Value> value = msg.GetValue();
  if (value.IsEmpty()) value = v8::Undefined(iso);
  env->on_reject(env, static_cast<v8c_promise_event>(msg.GetEvent()),
                 V(promise.As<Value>()), V(value));
}

static v8c_env *EnvNew(void *data, const v8c_env_limits *lim) {
  v8c_env *env = new (std::nothrow) v8c_env();
  if (!env) return nullptr;
  env->allocator_owner = std::make_shared<CountingAllocator>();
  env->allocator = env->allocator_owner.get();
  Isolate::CreateParams params;
  params.array_buffer_allocator_shared = env->allocator_owner;
  if (lim) ApplyLimits(&params, lim);
  Isolate *iso = Isolate::New(params);
  env->isolate = iso;
  env->data = data;
  iso->SetData(0, env);
  iso->SetMicrotasksPolicy(v8::MicrotasksPolicy::kExplicit);
  iso->SetPromiseRejectCallback(OnPromiseReject);
  iso->Enter();
  HandleScope scope(iso);
  Local<Context> ctx = Context::New(iso);
  env->context.Reset(iso, ctx);
  ctx->Enter();
  Local<v8::ObjectTemplate> tpl = v8::ObjectTemplate::New(iso);
  tpl->SetInternalFieldCount(3);  // tag, pointer, WrapRecord or null
  env->wrap_template.Reset(iso, tpl);
  env->arrow_key.Reset(
      iso, v8::Private::New(iso, String::NewFromUtf8Literal(iso, "v8c:arrow")));
  env->context_key.Reset(
      iso,
      v8::Private::New(iso, String::NewFromUtf8Literal(iso, "v8c:context")));
  env->intercepted_key.Reset(
      iso, v8::Private::New(iso, String::NewFromUtf8Literal(iso, "v8c:icpt")));
  return env;
}

extern "C" v8c_env *v8c_env_new(void *data) { return EnvNew(data, nullptr); }

extern "C" void v8c_env_free(v8c_env *env) {
  if (!env) return;
  Isolate *iso = env->isolate;
  // Finalizers V8 did not run yet: their C memory must still be released.
  while (WrapRecord *w = env->wraps) {
    env->wraps = w->next;
    w->handle.Reset();
    if (w->fin) w->fin(w->ptr, w->hint);
    delete w;
  }
  FreeModuleState(env);
  {
    HandleScope scope(iso);
    Ctx(env)->Exit();
  }
  env->context.Reset();
  env->wrap_template.Reset();
  env->arrow_key.Reset();
  env->context_key.Reset();
  env->intercepted_key.Reset();
  for (auto &hook : env->promise_hooks) hook.Reset();
  iso->Exit();
  iso->Dispose();
  env->queues.clear();
  for (FnRecord *f = env->fns; f;) {
    FnRecord *next = f->next;
    delete f;
    f = next;
  }
  env->allocator_owner.reset();
  delete env;
}

extern "C" void *v8c_env_data(v8c_env *env) { return env->data; }

extern "C" v8c_value v8c_global(v8c_env *env) {
  return V(Ctx(env)->Global().As<Value>());
}

static_assert(sizeof(HandleScope) <= sizeof(v8c_scope), "v8c_scope size");
static_assert(sizeof(v8::TryCatch) <= sizeof(v8c_trycatch), "trycatch size");

extern "C" void v8c_scope_open(v8c_env *env, v8c_scope *s) {
  // HandleScope forbids operator new; the global placement form puts it in
  // the caller's stack storage, where V8 expects handle scopes to live.
  ::new (static_cast<void *>(s->opaque)) HandleScope(env->isolate);
}

extern "C" void v8c_scope_close(v8c_scope *s) {
  reinterpret_cast<HandleScope *>(s->opaque)->~HandleScope();
}

static inline v8::TryCatch *TC(v8c_trycatch *tc) {
  return reinterpret_cast<v8::TryCatch *>(tc->opaque);
}

extern "C" void v8c_try_begin(v8c_env *env, v8c_trycatch *tc) {
  ::new (static_cast<void *>(tc->opaque)) v8::TryCatch(env->isolate);
}
extern "C" bool v8c_try_caught(v8c_trycatch *tc) {
  return TC(tc)->HasCaught();
}
extern "C" bool v8c_try_terminated(v8c_trycatch *tc) {
  return TC(tc)->HasTerminated();
}
extern "C" v8c_value v8c_try_exception(v8c_trycatch *tc) {
  return V(TC(tc)->Exception());
}
extern "C" void v8c_try_rethrow(v8c_trycatch *tc) { TC(tc)->ReThrow(); }
extern "C" void v8c_try_reset(v8c_trycatch *tc) { TC(tc)->Reset(); }
extern "C" void v8c_try_end(v8c_trycatch *tc) { TC(tc)->~TryCatch(); }

// Builds "file:line\n<source line>\n<spaces>^^^\n" from a message, the way
// Node shows where an uncaught exception was thrown.
static Local<Value> ArrowFromMessage(v8c_env *env, Local<v8::Message> msg) {
  Isolate *iso = env->isolate;
  Local<Context> ctx = Ctx(env);
  String::Utf8Value file(iso, msg->GetScriptResourceName());
  int line = msg->GetLineNumber(ctx).FromMaybe(0);
  Local<String> src_line;
  if (!msg->GetSourceLine(ctx).ToLocal(&src_line)) return Local<Value>();
  String::Utf8Value src(iso, src_line);
  int start = msg->GetStartColumn(ctx).FromMaybe(0);
  int end = msg->GetEndColumn(ctx).FromMaybe(start + 1);
  // On a script's first line, columns include its column offset (vm's
  // columnOffset); the caret is drawn under the line as written.
  v8::ScriptOrigin origin = msg->GetScriptOrigin();
  if (line == origin.LineOffset() + 1) {
    start -= origin.ColumnOffset();
    end -= origin.ColumnOffset();
  }
  const char *s = *src ? *src : "";
  size_t slen = strlen(s);
  if (start < 0) start = 0;
  if (end <= start) end = start + 1;
  size_t cap = strlen(*file ? *file : "") + slen + 64 + 2 * (size_t)end;
  char *buf = static_cast<char *>(malloc(cap));
  if (!buf) return Local<Value>();
  int n = snprintf(buf, cap, "%s:%d\n%s\n", *file ? *file : "<anonymous>",
                   line, s);
  // Columns count UTF-16 units; close enough for the ASCII prefix that
  // nearly all source lines have. Tabs are kept so the caret lines up.
  for (int i = 0; i < start; i++)
    buf[n++] = ((size_t)i < slen && s[i] == '\t') ? '\t' : ' ';
  for (int i = start; i < end; i++) buf[n++] = '^';
  buf[n++] = '\n';
  Local<Value> out =
      String::NewFromUtf8(iso, buf, v8::NewStringType::kNormal, n)
          .FromMaybe(Local<String>());
  free(buf);
  return out;
}

static v8c_value SavedArrow(v8c_env *env, Local<Value> exc) {
  if (exc.IsEmpty() || !exc->IsObject()) return nullptr;
  Local<Value> saved;
  if (!exc.As<Object>()
           ->GetPrivate(Ctx(env), env->arrow_key.Get(env->isolate))
           .ToLocal(&saved) ||
      !saved->IsString())
    return nullptr;
  return V(saved);
}

extern "C" v8c_value v8c_exception_arrow(v8c_env *env, v8c_value exception) {
  Local<Value> exc = L(exception);
  if (v8c_value saved = SavedArrow(env, exc)) return saved;
  // An error object remembers where it was made; other values point at the
  // JS running now.
  v8::TryCatch inner(env->isolate);
  Local<v8::Message> msg = v8::Exception::CreateMessage(env->isolate, exc);
  if (msg.IsEmpty()) return nullptr;
  Local<Value> arrow = ArrowFromMessage(env, msg);
  return arrow.IsEmpty() ? nullptr : V(arrow);
}

extern "C" v8c_value v8c_try_arrow(v8c_env *env, v8c_trycatch *tc) {
  v8::TryCatch *t = TC(tc);
  Local<Value> exc = t->Exception();
  if (v8c_value saved = SavedArrow(env, exc)) return saved;
  Local<v8::Message> msg = t->Message();
  if (msg.IsEmpty()) return nullptr;
  Local<Value> arrow = ArrowFromMessage(env, msg);
  if (arrow.IsEmpty()) return nullptr;
  if (exc->IsObject()) {
    // Saving must not disturb the exception being handled.
    v8::TryCatch inner(env->isolate);
    if (exc.As<Object>()
            ->SetPrivate(Ctx(env), env->arrow_key.Get(env->isolate), arrow)
            .IsNothing())
      return V(arrow);
  }
  return V(arrow);
}

extern "C" void v8c_terminate(v8c_env *env) {
  env->isolate->TerminateExecution();
}
extern "C" void v8c_cancel_terminate(v8c_env *env) {
  env->isolate->CancelTerminateExecution();
}
extern "C" bool v8c_is_terminating(v8c_env *env) {
  return env->isolate->IsExecutionTerminating();
}

// ---- Native calls ----------------------------------------------------------

extern "C" int v8c_argc(v8c_call *c) { return Info(c).Length(); }
extern "C" v8c_value v8c_arg(v8c_call *c, int i) { return V(Info(c)[i]); }
extern "C" bool v8c_arg_number(v8c_call *c, int i, double *out) {
  Local<Value> v = Info(c)[i];
  if (!v->IsNumber()) return false;
  *out = v.As<v8::Number>()->Value();
  return true;
}
extern "C" v8c_value v8c_this(v8c_call *c) {
  return V(Info(c).This().As<Value>());
}
extern "C" v8c_value v8c_new_target(v8c_call *c) {
  return V(Info(c).NewTarget());
}
extern "C" void *v8c_data(v8c_call *c) {
  return static_cast<FnRecord *>(Info(c).Data().As<External>()->Value())->data;
}
extern "C" v8c_env *v8c_call_env(v8c_call *c) {
  return EnvOf(Info(c).GetIsolate());
}
extern "C" void v8c_return(v8c_call *c, v8c_value v) {
  if (v) Info(c).GetReturnValue().Set(L(v));
}
extern "C" void v8c_return_double(v8c_call *c, double d) {
  Info(c).GetReturnValue().Set(d);
}
extern "C" void v8c_return_int(v8c_call *c, int32_t i) {
  Info(c).GetReturnValue().Set(i);
}
extern "C" void v8c_return_bool(v8c_call *c, bool b) {
  Info(c).GetReturnValue().Set(b);
}

// ---- Values ------------------------------------------------------------------

extern "C" v8c_value v8c_undefined(v8c_env *env) {
  return V(v8::Undefined(env->isolate).As<Value>());
}
extern "C" v8c_value v8c_null(v8c_env *env) {
  return V(v8::Null(env->isolate).As<Value>());
}
extern "C" v8c_value v8c_bool(v8c_env *env, bool b) {
  return V(v8::Boolean::New(env->isolate, b).As<Value>());
}
extern "C" v8c_value v8c_number(v8c_env *env, double d) {
  return V(v8::Number::New(env->isolate, d).As<Value>());
}
extern "C" v8c_value v8c_int32(v8c_env *env, int32_t i) {
  return V(v8::Integer::New(env->isolate, i).As<Value>());
}
extern "C" v8c_value v8c_uint32(v8c_env *env, uint32_t u) {
  return V(v8::Integer::NewFromUnsigned(env->isolate, u).As<Value>());
}
extern "C" v8c_value v8c_bigint_i64(v8c_env *env, int64_t i) {
  return V(v8::BigInt::New(env->isolate, i).As<Value>());
}
extern "C" v8c_value v8c_bigint_u64(v8c_env *env, uint64_t u) {
  return V(v8::BigInt::NewFromUnsigned(env->isolate, u).As<Value>());
}

static bool LengthFits(size_t len) { return len <= (size_t)String::kMaxLength; }

static v8c_value TooLong(v8c_env *env) {
  return v8c_throw_error(env, V8C_ERROR, "ERR_STRING_TOO_LONG",
                         "Cannot create a string longer than 0x%x characters",
                         String::kMaxLength);
}

extern "C" v8c_value v8c_string(v8c_env *env, const char *s, size_t len) {
  if (len == (size_t)-1) len = strlen(s);
  if (!LengthFits(len)) return TooLong(env);
  return V(String::NewFromUtf8(env->isolate, s, v8::NewStringType::kNormal,
                               (int)len));
}
extern "C" v8c_value v8c_string_latin1(v8c_env *env, const char *s,
                                       size_t len) {
  if (len == (size_t)-1) len = strlen(s);
  if (!LengthFits(len)) return TooLong(env);
  return V(String::NewFromOneByte(env->isolate,
                                  reinterpret_cast<const uint8_t *>(s),
                                  v8::NewStringType::kNormal, (int)len));
}
extern "C" v8c_value v8c_string_utf16(v8c_env *env, const uint16_t *s,
                                      size_t len) {
  if (len == (size_t)-1) {
    len = 0;
    while (s[len]) len++;
  }
  if (!LengthFits(len)) return TooLong(env);
  return V(String::NewFromTwoByte(env->isolate, s, v8::NewStringType::kNormal,
                                  (int)len));
}
extern "C" v8c_value v8c_string_static(v8c_env *env, const char *s,
                                       size_t len) {
  if (len < 16) return v8c_string_latin1(env, s, len);
  return V(String::NewExternalOneByte(env->isolate, new StaticString(s, len)));
}
extern "C" v8c_value v8c_string_latin1_owned(v8c_env *env, char *s,
                                             size_t len) {
  // Below 1 MiB a copy costs less than the external string's bookkeeping.
  if (len < (1u << 20) || !LengthFits(len)) {
    v8c_value v = v8c_string_latin1(env, s, len);
    free(s);
    return v;
  }
  auto *res = new OwnedString(env->isolate, s, len);
  v8::Local<String> str;
  if (!String::NewExternalOneByte(env->isolate, res).ToLocal(&str)) {
    delete res;
    return nullptr;
  }
  return V(str.As<Value>());
}
extern "C" v8c_value v8c_object(v8c_env *env) {
  return V(Object::New(env->isolate).As<Value>());
}
extern "C" v8c_value v8c_array(v8c_env *env, uint32_t len) {
  return V(v8::Array::New(env->isolate, (int)len).As<Value>());
}
extern "C" v8c_value v8c_array_of(v8c_env *env, const v8c_value *values,
                                  uint32_t len) {
  static_assert(sizeof(Local<Value>) == sizeof(v8c_value), "same layout");
  Local<Value> *elements = reinterpret_cast<Local<Value> *>(
      const_cast<v8c_value *>(values));
  return V(v8::Array::New(env->isolate, elements, len).As<Value>());
}
extern "C" v8c_value v8c_symbol(v8c_env *env, const char *desc) {
  Local<String> d;
  if (desc && !String::NewFromUtf8(env->isolate, desc).ToLocal(&d))
    return nullptr;
  return V(v8::Symbol::New(env->isolate, d).As<Value>());
}

extern "C" bool v8c_is(v8c_value vv, v8c_type t) {
  if (!vv) return false;
  Local<Value> v = L(vv);
  switch (t) {
    case V8C_UNDEFINED: return v->IsUndefined();
    case V8C_NULL: return v->IsNull();
    case V8C_NULL_OR_UNDEFINED: return v->IsNullOrUndefined();
    case V8C_BOOLEAN: return v->IsBoolean();
    case V8C_NUMBER: return v->IsNumber();
    case V8C_INT32: return v->IsInt32();
    case V8C_UINT32: return v->IsUint32();
    case V8C_BIGINT: return v->IsBigInt();
    case V8C_STRING: return v->IsString();
    case V8C_SYMBOL: return v->IsSymbol();
    case V8C_OBJECT: return v->IsObject();
    case V8C_FUNCTION: return v->IsFunction();
    case V8C_ARRAY: return v->IsArray();
    case V8C_EXTERNAL: return v->IsExternal();
    case V8C_DATE: return v->IsDate();
    case V8C_ARGUMENTS: return v->IsArgumentsObject();
    case V8C_BIGINT_OBJECT: return v->IsBigIntObject();
    case V8C_BOOLEAN_OBJECT: return v->IsBooleanObject();
    case V8C_NUMBER_OBJECT: return v->IsNumberObject();
    case V8C_STRING_OBJECT: return v->IsStringObject();
    case V8C_SYMBOL_OBJECT: return v->IsSymbolObject();
    case V8C_NATIVE_ERROR: return v->IsNativeError();
    case V8C_REGEXP: return v->IsRegExp();
    case V8C_ASYNC_FUNCTION: return v->IsAsyncFunction();
    case V8C_GENERATOR_FUNCTION: return v->IsGeneratorFunction();
    case V8C_GENERATOR_OBJECT: return v->IsGeneratorObject();
    case V8C_PROMISE: return v->IsPromise();
    case V8C_MAP: return v->IsMap();
    case V8C_SET: return v->IsSet();
    case V8C_MAP_ITERATOR: return v->IsMapIterator();
    case V8C_SET_ITERATOR: return v->IsSetIterator();
    case V8C_WEAK_MAP: return v->IsWeakMap();
    case V8C_WEAK_SET: return v->IsWeakSet();
    case V8C_ARRAY_BUFFER: return v->IsArrayBuffer();
    case V8C_SHARED_ARRAY_BUFFER: return v->IsSharedArrayBuffer();
    case V8C_ARRAY_BUFFER_VIEW: return v->IsArrayBufferView();
    case V8C_TYPED_ARRAY: return v->IsTypedArray();
    case V8C_UINT8_ARRAY: return v->IsUint8Array();
    case V8C_UINT8_CLAMPED_ARRAY: return v->IsUint8ClampedArray();
    case V8C_INT8_ARRAY: return v->IsInt8Array();
    case V8C_UINT16_ARRAY: return v->IsUint16Array();
    case V8C_INT16_ARRAY: return v->IsInt16Array();
    case V8C_UINT32_ARRAY: return v->IsUint32Array();
    case V8C_INT32_ARRAY: return v->IsInt32Array();
    case V8C_FLOAT32_ARRAY: return v->IsFloat32Array();
    case V8C_FLOAT64_ARRAY: return v->IsFloat64Array();
    case V8C_BIGINT64_ARRAY: return v->IsBigInt64Array();
    case V8C_BIGUINT64_ARRAY: return v->IsBigUint64Array();
    case V8C_DATA_VIEW: return v->IsDataView();
    case V8C_PROXY: return v->IsProxy();
    case V8C_MODULE_NAMESPACE: return v->IsModuleNamespaceObject();
    case V8C_TYPE_COUNT: break;
  }
  return false;
}

extern "C" bool v8c_to_double(v8c_env *env, v8c_value v, double *out) {
  return L(v)->NumberValue(Ctx(env)).To(out);
}
extern "C" bool v8c_to_int64(v8c_env *env, v8c_value v, int64_t *out) {
  return L(v)->IntegerValue(Ctx(env)).To(out);
}
extern "C" bool v8c_to_bool(v8c_env *env, v8c_value v) {
  return L(v)->BooleanValue(env->isolate);
}
extern "C" v8c_value v8c_to_string(v8c_env *env, v8c_value v) {
  return V(L(v)->ToString(Ctx(env)));
}
extern "C" v8c_value v8c_to_detail_string(v8c_env *env, v8c_value v) {
  return V(L(v)->ToDetailString(Ctx(env)));
}
extern "C" double v8c_value_double(v8c_value v) {
  Local<Value> l = L(v);
  return l->IsNumber() ? l.As<v8::Number>()->Value() : 0;
}
extern "C" int64_t v8c_value_int64(v8c_value v) {
  Local<Value> l = L(v);
  if (l->IsInt32()) return l.As<v8::Int32>()->Value();
  if (!l->IsNumber()) return 0;
  double d = l.As<v8::Number>()->Value();
  if (!(d >= -9.2e18 && d <= 9.2e18)) return 0;
  return (int64_t)d;
}
extern "C" uint64_t v8c_bigint_value_u64(v8c_value v, bool *lossless) {
  Local<Value> l = L(v);
  if (!l->IsBigInt()) {
    if (lossless) *lossless = false;
    return 0;
  }
  return l.As<v8::BigInt>()->Uint64Value(lossless);
}

extern "C" char *v8c_to_utf8(v8c_env *env, v8c_value v, size_t *len) {
  Local<String> s;
  if (!L(v)->ToString(Ctx(env)).ToLocal(&s)) return nullptr;
  size_t n = s->Utf8Length(env->isolate);
  char *buf = static_cast<char *>(malloc(n + 1));
  if (!buf) {
    v8c_throw_error(env, V8C_RANGE_ERROR, "ERR_MEMORY_ALLOCATION_FAILED",
                    "Failed to allocate memory");
    return nullptr;
  }
  s->WriteUtf8(env->isolate, buf, (int)n, nullptr,
               String::NO_NULL_TERMINATION | String::REPLACE_INVALID_UTF8);
  buf[n] = 0;
  if (len) *len = n;
  return buf;
}
extern "C" size_t v8c_string_utf8_length(v8c_env *env, v8c_value str) {
  return LA<String>(str)->Utf8Length(env->isolate);
}
extern "C" size_t v8c_string_length(v8c_value str) {
  return LA<String>(str)->Length();
}
extern "C" size_t v8c_string_write_utf8(v8c_env *env, v8c_value str,
                                        char *buf, size_t cap) {
  if (cap > INT32_MAX) cap = INT32_MAX;
  return LA<String>(str)->WriteUtf8(
      env->isolate, buf, (int)cap, nullptr,
      String::NO_NULL_TERMINATION | String::REPLACE_INVALID_UTF8);
}
static size_t ClampUnits(Local<String> s, size_t start, size_t n) {
  size_t len = (size_t)s->Length();
  if (start >= len) return 0;
  if (n > len - start) n = len - start;
  return n > INT32_MAX ? INT32_MAX : n;
}

extern "C" size_t v8c_string_write_utf16(v8c_env *env, v8c_value str,
                                         uint16_t *buf, size_t start,
                                         size_t n) {
  if (!str || !L(str)->IsString()) return 0;
  Local<String> s = LA<String>(str);
  n = ClampUnits(s, start, n);
  if (n == 0) return 0;
  return (size_t)s->Write(env->isolate, buf, (int)start, (int)n,
                          String::NO_NULL_TERMINATION);
}

extern "C" size_t v8c_string_write_latin1(v8c_env *env, v8c_value str,
                                          uint8_t *buf, size_t start,
                                          size_t n) {
  if (!str || !L(str)->IsString()) return 0;
  Local<String> s = LA<String>(str);
  n = ClampUnits(s, start, n);
  if (n == 0) return 0;
  return (size_t)s->WriteOneByte(env->isolate, buf, (int)start, (int)n,
                                 String::NO_NULL_TERMINATION);
}

extern "C" bool v8c_string_is_latin1(v8c_value str) {
  return str && L(str)->IsString() && LA<String>(str)->ContainsOnlyOneByte();
}

extern "C" bool v8c_string_is_one_byte(v8c_value str) {
  return str && L(str)->IsString() && LA<String>(str)->IsOneByte();
}

extern "C" bool v8c_strict_equals(v8c_value a, v8c_value b) {
  return L(a)->StrictEquals(L(b));
}

// ---- Objects -----------------------------------------------------------------

static Local<Object> Obj(v8c_value v) { return LA<Object>(v); }

static Local<String> Name(v8c_env *env, const char *name) {
  return String::NewFromUtf8(env->isolate, name, v8::NewStringType::kInternalized)
      .ToLocalChecked();
}

// Every object call first checks that the receiver is an object: C code must
// never be able to crash V8 by passing a primitive where it expects one.
#define NEED_OBJECT(env, o, ret)                                         \
  do {                                                                   \
    if (!(o) || !L(o)->IsObject()) {                                     \
      v8c_throw_error((env), V8C_TYPE_ERROR, "ERR_INVALID_ARG_TYPE",     \
                      "The receiver must be an object");                 \
      return ret;                                                        \
    }                                                                    \
  } while (0)

extern "C" v8c_value v8c_get(v8c_env *env, v8c_value obj, v8c_value key) {
  NEED_OBJECT(env, obj, nullptr);
  return V(Obj(obj)->Get(Ctx(env), L(key)));
}
extern "C" v8c_value v8c_get_named(v8c_env *env, v8c_value obj,
                                   const char *name) {
  NEED_OBJECT(env, obj, nullptr);
  return V(Obj(obj)->Get(Ctx(env), Name(env, name)));
}
extern "C" v8c_value v8c_get_index(v8c_env *env, v8c_value obj, uint32_t i) {
  NEED_OBJECT(env, obj, nullptr);
  return V(Obj(obj)->Get(Ctx(env), i));
}
extern "C" bool v8c_set(v8c_env *env, v8c_value obj, v8c_value key,
                        v8c_value v) {
  NEED_OBJECT(env, obj, false);
  return Obj(obj)->Set(Ctx(env), L(key), L(v)).FromMaybe(false);
}
extern "C" bool v8c_set_named(v8c_env *env, v8c_value obj, const char *name,
                              v8c_value v) {
  NEED_OBJECT(env, obj, false);
  return Obj(obj)->Set(Ctx(env), Name(env, name), L(v)).FromMaybe(false);
}
extern "C" bool v8c_set_index(v8c_env *env, v8c_value obj, uint32_t i,
                              v8c_value v) {
  NEED_OBJECT(env, obj, false);
  return Obj(obj)->Set(Ctx(env), i, L(v)).FromMaybe(false);
}
extern "C" bool v8c_define_hidden(v8c_env *env, v8c_value obj,
                                  const char *name, v8c_value v) {
  NEED_OBJECT(env, obj, false);
  return Obj(obj)
      ->DefineOwnProperty(
          Ctx(env), Name(env, name), L(v),
          static_cast<v8::PropertyAttribute>(v8::ReadOnly | v8::DontEnum))
      .FromMaybe(false);
}
extern "C" int v8c_has(v8c_env *env, v8c_value obj, v8c_value key) {
  NEED_OBJECT(env, obj, -1);
  v8::Maybe<bool> r = Obj(obj)->Has(Ctx(env), L(key));
  return r.IsNothing() ? -1 : r.FromJust();
}
extern "C" bool v8c_delete(v8c_env *env, v8c_value obj, v8c_value key) {
  NEED_OBJECT(env, obj, false);
  return Obj(obj)->Delete(Ctx(env), L(key)).FromMaybe(false);
}
extern "C" uint32_t v8c_array_length(v8c_value arr) {
  Local<Value> a = L(arr);
  return a->IsArray() ? a.As<v8::Array>()->Length() : 0;
}
extern "C" v8c_value v8c_own_keys(v8c_env *env, v8c_value obj, int filter,
                                  bool skip_indices) {
  NEED_OBJECT(env, obj, nullptr);
  return V(Obj(obj)->GetPropertyNames(
      Ctx(env), v8::KeyCollectionMode::kOwnOnly,
      static_cast<v8::PropertyFilter>(filter),
      skip_indices ? v8::IndexFilter::kSkipIndices
                   : v8::IndexFilter::kIncludeIndices,
      v8::KeyConversionMode::kConvertToString));
}
extern "C" v8c_value v8c_get_prototype(v8c_env *env, v8c_value obj) {
  NEED_OBJECT(env, obj, nullptr);
  return V(Obj(obj)->GetPrototype());
}
extern "C" bool v8c_set_prototype(v8c_env *env, v8c_value obj,
                                  v8c_value proto) {
  NEED_OBJECT(env, obj, false);
  if (!proto || !(L(proto)->IsObject() || L(proto)->IsNull())) {
    v8c_throw_error(env, V8C_TYPE_ERROR, "ERR_INVALID_ARG_TYPE",
                    "Object prototype may only be an Object or null");
    return false;
  }
  v8::Maybe<bool> r = v8::Nothing<bool>();
  {
    v8::TryCatch tc(env->isolate);
    r = Obj(obj)->SetPrototype(Ctx(env), L(proto));
    if (tc.HasCaught()) {
      tc.ReThrow();
      return false;
    }
  }
  // V8 answers false, without an exception, for a cycle or a
  // non-extensible object: report it the way Object.setPrototypeOf does.
  if (!r.FromMaybe(false)) {
    v8c_throw_error(env, V8C_TYPE_ERROR, NULL,
                    "Cyclic __proto__ value or object not extensible");
    return false;
  }
  return true;
}
extern "C" v8c_value v8c_constructor_name(v8c_env *env, v8c_value obj) {
  NEED_OBJECT(env, obj, nullptr);
  return V(Obj(obj)->GetConstructorName().As<Value>());
}

// ---- Functions ---------------------------------------------------------------

static void Trampoline(const FunctionCallbackInfo<Value> &info) {
  FnRecord *rec = static_cast<FnRecord *>(info.Data().As<External>()->Value());
  rec->fn(reinterpret_cast<v8c_call *>(
      const_cast<FunctionCallbackInfo<Value> *>(&info)));
}

extern "C" v8c_value v8c_function(v8c_env *env, const char *name,
                                  v8c_native fn, void *data) {
  FnRecord *rec = new FnRecord{fn, data, env->fns};
  env->fns = rec;
  Local<Function> f;
  if (!Function::New(Ctx(env), Trampoline, External::New(env->isolate, rec))
           .ToLocal(&f))
    return nullptr;
  if (name) f->SetName(Name(env, name));
  return V(f.As<Value>());
}

extern "C" v8c_value v8c_call_fn(v8c_env *env, v8c_value fn, v8c_value recv,
                                 int argc, v8c_value *argv) {
  if (!fn || !L(fn)->IsFunction()) {
    return v8c_throw_error(env, V8C_TYPE_ERROR, "ERR_INVALID_ARG_TYPE",
                           "The callee must be a function");
  }
  static_assert(sizeof(Local<Value>) == sizeof(v8c_value), "");
  return V(LA<Function>(fn)->Call(Ctx(env),
                                  recv ? L(recv)
                                       : v8::Undefined(env->isolate).As<Value>(),
                                  argc, reinterpret_cast<Local<Value> *>(argv)));
}

extern "C" v8c_value v8c_new_instance(v8c_env *env, v8c_value ctor, int argc,
                                      v8c_value *argv) {
  if (!ctor || !L(ctor)->IsFunction()) {
    return v8c_throw_error(env, V8C_TYPE_ERROR, "ERR_INVALID_ARG_TYPE",
                           "The constructor must be a function");
  }
  return V(LA<Function>(ctor)->NewInstance(
      Ctx(env), argc, reinterpret_cast<Local<Value> *>(argv)));
}

// ---- Wrapped C structs -------------------------------------------------------

static void WrapSecondPass(const v8::WeakCallbackInfo<WrapRecord> &info) {
  WrapRecord *w = info.GetParameter();
  v8c_env *env = w->env;
  if (w->prev) w->prev->next = w->next; else env->wraps = w->next;
  if (w->next) w->next->prev = w->prev;
  v8c_finalizer fin = w->fin;
  void *ptr = w->ptr, *hint = w->hint;
  delete w;
  if (fin) fin(ptr, hint);
}

static void WrapFirstPass(const v8::WeakCallbackInfo<WrapRecord> &info) {
  info.GetParameter()->handle.Reset();
  info.SetSecondPassCallback(WrapSecondPass);
}

extern "C" v8c_value v8c_wrap(v8c_env *env, const void *tag, void *ptr,
                              v8c_finalizer fin, void *hint) {
  // V8 keeps aligned pointers only; an odd address would abort the process.
  if ((reinterpret_cast<uintptr_t>(tag) | reinterpret_cast<uintptr_t>(ptr)) &
      1) {
    return v8c_throw_error(env, V8C_ERROR, "ERR_INVALID_ARG_VALUE",
                           "v8c_wrap needs aligned pointers");
  }
  Local<Object> obj;
  if (!env->wrap_template.Get(env->isolate)->NewInstance(Ctx(env)).ToLocal(&obj))
    return nullptr;
  obj->SetAlignedPointerInInternalField(0, const_cast<void *>(tag));
  obj->SetAlignedPointerInInternalField(1, ptr);
  WrapRecord *w = nullptr;
  if (fin) {
    w = new WrapRecord();
    w->env = env;
    w->ptr = ptr;
    w->fin = fin;
    w->hint = hint;
    w->handle.Reset(env->isolate, obj);
    w->handle.SetWeak(w, WrapFirstPass, v8::WeakCallbackType::kParameter);
    w->next = env->wraps;
    if (env->wraps) env->wraps->prev = w;
    env->wraps = w;
  }
  obj->SetAlignedPointerInInternalField(2, w);
  return V(obj.As<Value>());
}

static bool IsWrap(Local<Value> v) {
  return v->IsObject() && v.As<Object>()->InternalFieldCount() == 3;
}

extern "C" void *v8c_unwrap(v8c_env *env, v8c_value obj, const void *tag) {
  (void)env;
  if (!obj || !IsWrap(L(obj))) return nullptr;
  Local<Object> o = Obj(obj);
  if (o->GetAlignedPointerFromInternalField(0) != tag) return nullptr;
  return o->GetAlignedPointerFromInternalField(1);
}

extern "C" void v8c_unwrap_clear(v8c_env *env, v8c_value obj) {
  if (!obj || !IsWrap(L(obj))) return;
  Local<Object> o = Obj(obj);
  WrapRecord *w =
      static_cast<WrapRecord *>(o->GetAlignedPointerFromInternalField(2));
  if (w) {
    if (w->prev) w->prev->next = w->next; else env->wraps = w->next;
    if (w->next) w->next->prev = w->prev;
    w->handle.Reset();
    delete w;
  }
  o->SetAlignedPointerInInternalField(1, nullptr);
  o->SetAlignedPointerInInternalField(2, nullptr);
}

// ---- Persistent references ---------------------------------------------------

extern "C" v8c_ref *v8c_ref_new(v8c_env *env, v8c_value v) {
  v8c_ref *r = new v8c_ref();
  r->isolate = env->isolate;
  r->handle.Reset(env->isolate, L(v));
  return r;
}
extern "C" v8c_value v8c_ref_get(v8c_env *env, v8c_ref *r) {
  if (!r || r->handle.IsEmpty()) return nullptr;
  return V(r->handle.Get(env->isolate));
}
extern "C" void v8c_ref_weak(v8c_ref *r, bool weak) {
  if (r->handle.IsEmpty()) return;
  if (weak)
    r->handle.SetWeak();
  else
    r->handle.ClearWeak();
}
extern "C" void v8c_ref_free(v8c_ref *r) {
  if (!r) return;
  r->handle.Reset();
  delete r;
}

// ---- Binary data ---------------------------------------------------------

extern "C" v8c_value v8c_arraybuffer(v8c_env *env, size_t len, void **data) {
  std::unique_ptr<v8::BackingStore> bs =
      ArrayBuffer::NewBackingStore(env->isolate, len);
  if (!bs || (len && !bs->Data())) {
    return v8c_throw_error(env, V8C_RANGE_ERROR, "ERR_MEMORY_ALLOCATION_FAILED",
                           "Array buffer allocation failed");
  }
  if (data) *data = bs->Data();
  return V(ArrayBuffer::New(env->isolate, std::move(bs)).As<Value>());
}

extern "C" v8c_value v8c_arraybuffer_uninit(v8c_env *env, size_t len,
                                            void **data) {
  uint8_t saved = env->allocator->zero_fill;
  env->allocator->zero_fill = 0;
  v8c_value ab = v8c_arraybuffer(env, len, data);
  env->allocator->zero_fill = saved;
  return ab;
}

struct ExternalFree {
  v8c_finalizer fin;
  void *hint;
};

static void ExternalDeleter(void *data, size_t, void *arg) {
  ExternalFree *ef = static_cast<ExternalFree *>(arg);
  if (ef->fin) ef->fin(data, ef->hint);
  delete ef;
}

extern "C" v8c_value v8c_arraybuffer_external(v8c_env *env, void *data,
                                              size_t len, v8c_finalizer fin,
                                              void *hint) {
  std::unique_ptr<v8::BackingStore> bs = ArrayBuffer::NewBackingStore(
      data, len, ExternalDeleter, new ExternalFree{fin, hint});
  return V(ArrayBuffer::New(env->isolate, std::move(bs)).As<Value>());
}

extern "C" v8c_value v8c_uint8array(v8c_env *env, v8c_value ab, size_t off,
                                    size_t len) {
  Local<Value> a = L(ab);
  if (!a->IsArrayBuffer()) {
    return v8c_throw_error(env, V8C_TYPE_ERROR, "ERR_INVALID_ARG_TYPE",
                           "The buffer must be an ArrayBuffer");
  }
  if (off + len > a.As<ArrayBuffer>()->ByteLength() || off + len < off) {
    return v8c_throw_error(env, V8C_RANGE_ERROR, "ERR_OUT_OF_RANGE",
                           "The view does not fit in the ArrayBuffer");
  }
  return V(v8::Uint8Array::New(a.As<ArrayBuffer>(), off, len).As<Value>());
}

extern "C" v8c_value v8c_zero_fill_field(v8c_env *env) {
  std::unique_ptr<v8::BackingStore> bs = ArrayBuffer::NewBackingStore(
      &env->allocator->zero_fill, 1, v8::BackingStore::EmptyDeleter, nullptr);
  Local<ArrayBuffer> ab = ArrayBuffer::New(env->isolate, std::move(bs));
  return V(v8::Uint8Array::New(ab, 0, 1).As<Value>());
}

struct v8c_pin {
  std::shared_ptr<v8::BackingStore> store;
};

extern "C" v8c_pin *v8c_bytes_pin(v8c_value v, void **data, size_t *len) {
  if (!v) return nullptr;
  Local<Value> l = L(v);
  std::shared_ptr<v8::BackingStore> store;
  size_t off = 0, n;
  if (l->IsArrayBufferView()) {
    // Buffer() moves a small view's bytes off the heap first, so they stay
    // where they are from now on.
    Local<v8::ArrayBufferView> view = l.As<v8::ArrayBufferView>();
    store = view->Buffer()->GetBackingStore();
    off = view->ByteOffset();
    n = view->ByteLength();
  } else if (l->IsArrayBuffer()) {
    store = l.As<ArrayBuffer>()->GetBackingStore();
    n = store->ByteLength();
  } else if (l->IsSharedArrayBuffer()) {
    store = l.As<v8::SharedArrayBuffer>()->GetBackingStore();
    n = store->ByteLength();
  } else {
    return nullptr;
  }
  v8c_pin *p = new (std::nothrow) v8c_pin{std::move(store)};
  if (!p) return nullptr;
  *data = static_cast<char *>(p->store->Data()) + off;
  *len = n;
  return p;
}

extern "C" void v8c_pin_release(v8c_pin *p) { delete p; }

extern "C" bool v8c_bytes(v8c_value v, void **data, size_t *len) {
  if (!v) return false;
  Local<Value> l = L(v);
  // Data() is the cheap way: no BackingStore shared_ptr per call, which
  // matters for the many small Buffers that pass through natives.
  if (l->IsArrayBufferView()) {
    Local<v8::ArrayBufferView> view = l.As<v8::ArrayBufferView>();
    *data = static_cast<char *>(view->Buffer()->Data()) + view->ByteOffset();
    *len = view->ByteLength();
    return true;
  }
  if (l->IsArrayBuffer()) {
    Local<ArrayBuffer> ab = l.As<ArrayBuffer>();
    *data = ab->Data();
    *len = ab->ByteLength();
    return true;
  }
  if (l->IsSharedArrayBuffer()) {
    Local<v8::SharedArrayBuffer> sab = l.As<v8::SharedArrayBuffer>();
    *data = sab->Data();
    *len = sab->ByteLength();
    return true;
  }
  return false;
}

// ---- Errors --------------------------------------------------------------

extern "C" v8c_value v8c_error(v8c_env *env, v8c_error_kind kind,
                               const char *code, const char *message) {
  Isolate *iso = env->isolate;
  Local<String> msg;
  if (!String::NewFromUtf8(iso, message ? message : "").ToLocal(&msg))
    msg = String::Empty(iso);
  Local<Value> err;
  switch (kind) {
    case V8C_TYPE_ERROR: err = v8::Exception::TypeError(msg); break;
    case V8C_RANGE_ERROR: err = v8::Exception::RangeError(msg); break;
    case V8C_SYNTAX_ERROR: err = v8::Exception::SyntaxError(msg); break;
    default: err = v8::Exception::Error(msg); break;
  }
  if (code) {
    Local<String> c;
    if (String::NewFromUtf8(iso, code).ToLocal(&c))
      if (err.As<Object>()->Set(Ctx(env), Name(env, "code"), c).IsNothing())
        return nullptr;
  }
  return V(err);
}

extern "C" v8c_value v8c_throw(v8c_env *env, v8c_value v) {
  env->isolate->ThrowException(L(v));
  return nullptr;
}

extern "C" v8c_value v8c_throw_error(v8c_env *env, v8c_error_kind kind,
                                     const char *code, const char *fmt, ...) {
  char small[1024];
  va_list ap, ap2;
  va_start(ap, fmt);
  va_copy(ap2, ap);
  int n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  char *buf = small;
  // Messages carry paths and values of any length: never cut them.
  if (n >= (int)sizeof small && (buf = static_cast<char *>(malloc(n + 1))))
    vsnprintf(buf, (size_t)n + 1, fmt, ap2);
  va_end(ap2);
  v8c_value e = v8c_error(env, kind, code, buf ? buf : small);
  if (buf && buf != small) free(buf);
  return e ? v8c_throw(env, e) : nullptr;
}

// ---- Compiling and running -----------------------------------------------

// Compile errors keep their arrow text on the exception (see v8c_try_arrow)
// so that the place of a syntax error survives being rethrown by JS.
static v8c_value SaveArrowAndRethrow(v8c_env *env, v8::TryCatch &tc) {
  if (tc.HasCaught() && !tc.HasTerminated()) {
    v8c_try_arrow(env, reinterpret_cast<v8c_trycatch *>(&tc));
  }
  tc.ReThrow();
  return nullptr;
}

extern "C" v8c_value v8c_compile_function(v8c_env *env, v8c_value source,
                                          v8c_value filename, int nparams,
                                          const char *const *params) {
  return v8c_compile_function_cached(env, source, filename, nparams, params,
                                     nullptr, 0, nullptr);
}

extern "C" v8c_value v8c_compile_function_cached(
    v8c_env *env, v8c_value source, v8c_value filename, int nparams,
    const char *const *params, const uint8_t *cache, size_t cache_len,
    bool *rejected) {
  Isolate *iso = env->isolate;
  if (!source || !L(source)->IsString()) {
    return v8c_throw_error(env, V8C_TYPE_ERROR, "ERR_INVALID_ARG_TYPE",
                           "The source must be a string");
  }
  Local<String> names[16];
  if (nparams < 0 || nparams > 16) {
    return v8c_throw_error(env, V8C_RANGE_ERROR, "ERR_OUT_OF_RANGE",
                           "Too many parameters");
  }
  for (int i = 0; i < nparams; i++) names[i] = Name(env, params[i]);
  v8::ScriptOrigin origin(iso, filename ? L(filename) : Local<Value>());
  // The cache stays owned by the caller (BufferNotOwned); Source frees
  // only the CachedData record.
  v8::ScriptCompiler::CachedData *cached =
      cache ? new v8::ScriptCompiler::CachedData(
                  cache, (int)cache_len,
                  v8::ScriptCompiler::CachedData::BufferNotOwned)
            : nullptr;
  v8::ScriptCompiler::Source src(LA<String>(source), origin, cached);
  v8::TryCatch tc(iso);
  Local<Function> fn;
  if (!v8::ScriptCompiler::CompileFunction(
           Ctx(env), &src, nparams, names, 0, nullptr,
           cached ? v8::ScriptCompiler::kConsumeCodeCache
                  : v8::ScriptCompiler::kNoCompileOptions)
           .ToLocal(&fn))
    return SaveArrowAndRethrow(env, tc);
  if (rejected) *rejected = cached && src.GetCachedData()->rejected;
  return V(fn.As<Value>());
}

extern "C" bool v8c_code_cache(v8c_env *env, v8c_value fn, uint8_t **data,
                               size_t *len) {
  (void)env;
  if (!fn || !L(fn)->IsFunction()) return false;
  std::unique_ptr<v8::ScriptCompiler::CachedData> cd(
      v8::ScriptCompiler::CreateCodeCacheForFunction(LA<Function>(fn)));
  if (!cd || cd->length <= 0) return false;
  *data = static_cast<uint8_t *>(malloc((size_t)cd->length));
  if (!*data) return false;
  memcpy(*data, cd->data, (size_t)cd->length);
  *len = (size_t)cd->length;
  return true;
}

extern "C" v8c_value v8c_run_script(v8c_env *env, v8c_value source,
                                    v8c_value filename) {
  Isolate *iso = env->isolate;
  if (!source || !L(source)->IsString()) {
    return v8c_throw_error(env, V8C_TYPE_ERROR, "ERR_INVALID_ARG_TYPE",
                           "The source must be a string");
  }
  v8::ScriptOrigin origin(iso, filename ? L(filename) : Local<Value>());
  v8::ScriptCompiler::Source src(LA<String>(source), origin);
  Local<v8::Script> script;
  {
    v8::TryCatch tc(iso);
    if (!v8::ScriptCompiler::Compile(Ctx(env), &src).ToLocal(&script))
      return SaveArrowAndRethrow(env, tc);
  }
  return V(script->Run(Ctx(env)));
}

// ---- Contexts (the vm module) ---------------------------------------------

// The embedder data slot of a vm context that holds its sandbox.
static const int kSandboxSlot = 1;

// The sandbox behind the global object an interceptor was called for.
template <typename T>
static bool SandboxOf(const v8::PropertyCallbackInfo<T> &info,
                      Local<Context> *ctx, Local<Object> *sandbox) {
  if (!info.Holder()->GetCreationContext().ToLocal(ctx)) return false;
  Local<Value> s = (*ctx)->GetEmbedderData(kSandboxSlot);
  if (s.IsEmpty() || !s->IsObject()) return false;
  *sandbox = s.As<Object>();
  return true;
}

static void VmGet(Local<v8::Name> name,
                  const v8::PropertyCallbackInfo<Value> &info) {
  Local<Context> ctx;
  Local<Object> sandbox;
  if (!SandboxOf(info, &ctx, &sandbox)) return;
  Local<Value> v;
  // Not on the sandbox: the global's own properties (Array, ...) answer.
  if (sandbox->GetRealNamedProperty(ctx, name).ToLocal(&v))
    info.GetReturnValue().Set(v);
}

static void VmSet(Local<v8::Name> name, Local<Value> value,
                  const v8::PropertyCallbackInfo<Value> &info) {
  Local<Context> ctx;
  Local<Object> sandbox;
  if (!SandboxOf(info, &ctx, &sandbox)) return;
  if (sandbox->Set(ctx, name, value).IsNothing()) return;
  info.GetReturnValue().Set(value);
}

static void VmQuery(Local<v8::Name> name,
                    const v8::PropertyCallbackInfo<v8::Integer> &info) {
  Local<Context> ctx;
  Local<Object> sandbox;
  if (!SandboxOf(info, &ctx, &sandbox)) return;
  if (!sandbox->HasRealNamedProperty(ctx, name).FromMaybe(false)) return;
  v8::PropertyAttribute attrs;
  if (sandbox->GetRealNamedPropertyAttributes(ctx, name).To(&attrs))
    info.GetReturnValue().Set(static_cast<int32_t>(attrs));
}

static void VmDelete(Local<v8::Name> name,
                     const v8::PropertyCallbackInfo<v8::Boolean> &info) {
  Local<Context> ctx;
  Local<Object> sandbox;
  if (!SandboxOf(info, &ctx, &sandbox)) return;
  if (!sandbox->HasOwnProperty(ctx, name).FromMaybe(false)) return;
  bool ok;
  if (sandbox->Delete(ctx, name).To(&ok)) info.GetReturnValue().Set(ok);
}

static void VmEnumerate(const v8::PropertyCallbackInfo<v8::Array> &info) {
  Local<Context> ctx;
  Local<Object> sandbox;
  if (!SandboxOf(info, &ctx, &sandbox)) return;
  Local<v8::Array> names;
  // The global's own keys are the sandbox's own keys, symbols and
  // non-enumerable ones included (the query callback gives attributes).
  if (sandbox
          ->GetPropertyNames(ctx, v8::KeyCollectionMode::kOwnOnly,
                             v8::ALL_PROPERTIES,
                             v8::IndexFilter::kIncludeIndices)
          .ToLocal(&names))
    info.GetReturnValue().Set(names);
}

static void VmDefine(Local<v8::Name> name, const v8::PropertyDescriptor &desc,
                     const v8::PropertyCallbackInfo<Value> &info) {
  Local<Context> ctx;
  Local<Object> sandbox;
  if (!SandboxOf(info, &ctx, &sandbox)) return;
  Isolate *iso = info.GetIsolate();
  // Definitions (var, function, Object.defineProperty on globalThis) land
  // on the sandbox, with the same attributes.
  std::unique_ptr<v8::PropertyDescriptor> d;
  if (desc.has_get() || desc.has_set()) {
    d.reset(new v8::PropertyDescriptor(
        desc.has_get() ? desc.get() : v8::Undefined(iso).As<Value>(),
        desc.has_set() ? desc.set() : v8::Undefined(iso).As<Value>()));
  } else if (desc.has_value()) {
    d.reset(desc.has_writable()
                ? new v8::PropertyDescriptor(desc.value(), desc.writable())
                : new v8::PropertyDescriptor(desc.value()));
  } else {
    d.reset(new v8::PropertyDescriptor());
  }
  if (desc.has_enumerable()) d->set_enumerable(desc.enumerable());
  if (desc.has_configurable()) d->set_configurable(desc.configurable());
  if (sandbox->DefineProperty(ctx, name, *d).IsNothing()) return;
  info.GetReturnValue().Set(name);
}

static void VmDescriptor(Local<v8::Name> name,
                         const v8::PropertyCallbackInfo<Value> &info) {
  Local<Context> ctx;
  Local<Object> sandbox;
  if (!SandboxOf(info, &ctx, &sandbox)) return;
  if (!sandbox->HasOwnProperty(ctx, name).FromMaybe(false)) return;
  Local<Value> d;
  if (sandbox->GetOwnPropertyDescriptor(ctx, name).ToLocal(&d))
    info.GetReturnValue().Set(d);
}

// ---- Objects whose named properties JS functions serve ---------------------

// Calls handlers[name](args...) for an intercepted object; an empty handle
// when the handler is missing or threw (the exception stays pending).
template <typename T>
static Local<Value> CallHandler(const v8::PropertyCallbackInfo<T> &info,
                                const char *name, int argc,
                                Local<Value> *argv) {
  Isolate *iso = info.GetIsolate();
  Local<Context> ctx = iso->GetCurrentContext();
  Local<Object> handlers = info.Data().template As<Object>();
  Local<Value> fn;
  if (!handlers->Get(ctx, v8::String::NewFromUtf8(iso, name)
                              .ToLocalChecked())
           .ToLocal(&fn) ||
      !fn->IsFunction())
    return Local<Value>();
  Local<Value> r;
  if (!fn.As<v8::Function>()->Call(ctx, handlers, argc, argv).ToLocal(&r))
    return Local<Value>();
  return r;
}

// get(key): undefined leaves the lookup to the object and its prototype.
static void HandledGet(Local<v8::Name> name,
                       const v8::PropertyCallbackInfo<Value> &info) {
  Local<Value> argv[1] = {name};
  Local<Value> r = CallHandler(info, "get", 1, argv);
  if (!r.IsEmpty() && !r->IsUndefined()) info.GetReturnValue().Set(r);
}

static void HandledSet(Local<v8::Name> name, Local<Value> value,
                       const v8::PropertyCallbackInfo<Value> &info) {
  Local<Value> argv[2] = {name, value};
  if (!CallHandler(info, "set", 2, argv).IsEmpty())
    info.GetReturnValue().Set(value);
}

// query(key): true for a property the handlers have (a plain writable,
// enumerable, configurable one).
static void HandledQuery(Local<v8::Name> name,
                         const v8::PropertyCallbackInfo<v8::Integer> &info) {
  Local<Value> argv[1] = {name};
  Local<Value> r = CallHandler(info, "query", 1, argv);
  if (!r.IsEmpty() && r->IsTrue())
    info.GetReturnValue().Set(static_cast<int32_t>(v8::None));
}

static void HandledDelete(Local<v8::Name> name,
                          const v8::PropertyCallbackInfo<v8::Boolean> &info) {
  Local<Value> argv[1] = {name};
  if (!CallHandler(info, "delete", 1, argv).IsEmpty())
    info.GetReturnValue().Set(true);
}

static void HandledKeys(const v8::PropertyCallbackInfo<v8::Array> &info) {
  Local<Value> r = CallHandler(info, "keys", 0, nullptr);
  if (!r.IsEmpty() && r->IsArray()) info.GetReturnValue().Set(r.As<v8::Array>());
}

// define(key, descriptor object): the handlers store (or refuse) it.
static void HandledDefine(Local<v8::Name> name,
                          const v8::PropertyDescriptor &desc,
                          const v8::PropertyCallbackInfo<Value> &info) {
  Isolate *iso = info.GetIsolate();
  Local<Context> ctx = iso->GetCurrentContext();
  Local<Object> d = Object::New(iso);
  auto put = [&](const char *k, Local<Value> v) {
    return d->Set(ctx, v8::String::NewFromUtf8(iso, k).ToLocalChecked(), v)
        .FromMaybe(false);
  };
  if ((desc.has_value() && !put("value", desc.value())) ||
      (desc.has_get() && !put("get", desc.get())) ||
      (desc.has_set() && !put("set", desc.set())) ||
      (desc.has_writable() &&
       !put("writable", v8::Boolean::New(iso, desc.writable()))) ||
      (desc.has_enumerable() &&
       !put("enumerable", v8::Boolean::New(iso, desc.enumerable()))) ||
      (desc.has_configurable() &&
       !put("configurable", v8::Boolean::New(iso, desc.configurable()))))
    return;
  Local<Value> argv[2] = {name, d};
  if (!CallHandler(info, "define", 2, argv).IsEmpty())
    info.GetReturnValue().Set(name);
}

static void HandledDescriptor(Local<v8::Name> name,
                              const v8::PropertyCallbackInfo<Value> &info) {
  Isolate *iso = info.GetIsolate();
  Local<Context> ctx = iso->GetCurrentContext();
  Local<Value> argv[1] = {name};
  Local<Value> r = CallHandler(info, "get", 1, argv);
  if (r.IsEmpty() || r->IsUndefined()) return;
  Local<Object> d = Object::New(iso);
  Local<v8::Boolean> yes = v8::True(iso);
  auto put = [&](const char *k, Local<Value> v) {
    return d->Set(ctx, v8::String::NewFromUtf8(iso, k).ToLocalChecked(), v)
        .FromMaybe(false);
  };
  if (put("value", r) && put("writable", yes) && put("enumerable", yes) &&
      put("configurable", yes))
    info.GetReturnValue().Set(d);
}

extern "C" v8c_value v8c_intercepted_object(v8c_env *env,
                                            v8c_value handlers) {
  NEED_OBJECT(env, handlers, nullptr);
  Isolate *iso = env->isolate;
  Local<v8::ObjectTemplate> t = v8::ObjectTemplate::New(iso);
  t->SetHandler(v8::NamedPropertyHandlerConfiguration(
      HandledGet, HandledSet, HandledQuery, HandledDelete, HandledKeys,
      HandledDefine, HandledDescriptor, L(handlers)));
  Local<Object> obj;
  if (!t->NewInstance(Ctx(env)).ToLocal(&obj) ||
      obj->SetPrivate(Ctx(env), env->intercepted_key.Get(iso), v8::True(iso))
          .IsNothing())
    return nullptr;
  return V(obj);
}

// The context of a contextified sandbox, or an empty handle.
static Local<Context> ContextOf(v8c_env *env, Local<Value> v) {
  if (v.IsEmpty() || !v->IsObject()) return Local<Context>();
  Local<Value> global;
  if (!v.As<Object>()
           ->GetPrivate(Ctx(env), env->context_key.Get(env->isolate))
           .ToLocal(&global) ||
      !global->IsObject())
    return Local<Context>();
  return global.As<Object>()->GetCreationContext().FromMaybe(Local<Context>());
}

// The context code runs in: the sandbox's, or the main one without a
// sandbox. False (ERR_INVALID_ARG_TYPE thrown) for an object that is not a
// contextified sandbox.
static bool TargetContext(v8c_env *env, v8c_value sandbox,
                          Local<Context> *out) {
  *out = sandbox ? ContextOf(env, L(sandbox)) : Ctx(env);
  if (!out->IsEmpty()) return true;
  v8c_throw_error(env, V8C_TYPE_ERROR, "ERR_INVALID_ARG_TYPE",
                  "The \"contextifiedObject\" argument must be an "
                  "vm.Context");
  return false;
}

extern "C" bool v8c_contextify(v8c_env *env, v8c_value sandbox,
                               bool own_microtasks) {
  Isolate *iso = env->isolate;
  NEED_OBJECT(env, sandbox, false);
  if (!ContextOf(env, L(sandbox)).IsEmpty()) return true;
  Local<v8::ObjectTemplate> global = v8::ObjectTemplate::New(iso);
  // The reading interceptors only read (a getter on the sandbox is JS,
  // checked on its own): the REPL's side-effect-free evaluation may use
  // the context's globals.
  global->SetHandler(v8::NamedPropertyHandlerConfiguration(
      VmGet, VmSet, VmQuery, VmDelete, VmEnumerate, VmDefine, VmDescriptor,
      Local<Value>(), v8::PropertyHandlerFlags::kHasNoSideEffect));
  v8::MicrotaskQueue *queue = nullptr;
  if (own_microtasks) {
    env->queues.push_back(
        v8::MicrotaskQueue::New(iso, v8::MicrotasksPolicy::kExplicit));
    queue = env->queues.back().get();
  }
  Local<Context> ctx = Context::New(iso, nullptr, global, Local<Value>(),
                                    v8::DeserializeInternalFieldsCallback(),
                                    queue);
  if (ctx.IsEmpty()) {
    v8c_throw_error(env, V8C_ERROR, "ERR_MEMORY_ALLOCATION_FAILED",
                    "Could not create a context");
    return false;
  }
  ctx->SetSecurityToken(Ctx(env)->GetSecurityToken());
  ctx->SetEmbedderData(kSandboxSlot, L(sandbox));
  return Obj(sandbox)
      ->SetPrivate(Ctx(env), env->context_key.Get(iso), ctx->Global())
      .FromMaybe(false);
}

extern "C" bool v8c_is_contextified(v8c_env *env, v8c_value v) {
  return v && !ContextOf(env, L(v)).IsEmpty();
}

struct ScriptRecord {
  Global<v8::UnboundScript> script;
};

static void FreeScript(void *ptr, void *) {
  ScriptRecord *r = static_cast<ScriptRecord *>(ptr);
  r->script.Reset();
  delete r;
}

static const int script_tag = 0;

extern "C" v8c_value v8c_script_compile(v8c_env *env, v8c_value source,
                                        v8c_value filename, int line_offset,
                                        int column_offset) {
  Isolate *iso = env->isolate;
  if (!source || !L(source)->IsString()) {
    return v8c_throw_error(env, V8C_TYPE_ERROR, "ERR_INVALID_ARG_TYPE",
                           "The source must be a string");
  }
  v8::ScriptOrigin origin(iso, filename ? L(filename) : Local<Value>(),
                          line_offset, column_offset);
  v8::ScriptCompiler::Source src(LA<String>(source), origin);
  Local<v8::UnboundScript> unbound;
  {
    v8::TryCatch tc(iso);
    if (!v8::ScriptCompiler::CompileUnboundScript(iso, &src).ToLocal(&unbound))
      return SaveArrowAndRethrow(env, tc);
  }
  ScriptRecord *r = new ScriptRecord();
  r->script.Reset(iso, unbound);
  v8c_value obj = v8c_wrap(env, &script_tag, r, FreeScript, nullptr);
  if (!obj) FreeScript(r, nullptr);
  return obj;
}

extern "C" v8c_value v8c_script_run(v8c_env *env, v8c_value script,
                                    v8c_value sandbox) {
  Isolate *iso = env->isolate;
  ScriptRecord *r =
      static_cast<ScriptRecord *>(v8c_unwrap(env, script, &script_tag));
  if (!r) {
    return v8c_throw_error(env, V8C_TYPE_ERROR, "ERR_INVALID_ARG_TYPE",
                           "The script must be a compiled script");
  }
  Local<Context> ctx;
  if (!TargetContext(env, sandbox, &ctx)) return nullptr;
  v8::Context::Scope scope(ctx);
  Local<v8::Script> bound = r->script.Get(iso)->BindToCurrentContext();
  Local<Value> result;
  if (!bound->Run(ctx).ToLocal(&result)) return nullptr;
  // A context with its own queue runs its microtasks right away, still
  // inside the caller's time limit.
  v8::MicrotaskQueue *queue = ctx->GetMicrotaskQueue();
  if (queue && queue != Ctx(env)->GetMicrotaskQueue()) {
    v8::TryCatch tc(iso);
    queue->PerformCheckpoint(iso);
    if (tc.HasTerminated()) return nullptr;
    if (tc.HasCaught()) {
      tc.ReThrow();
      return nullptr;
    }
  }
  return V(result);
}

// ---- REPL evaluation -------------------------------------------------------

// V8's own console evaluation, the entry point of its inspector. It is
// exported by libv8 but declared only in V8's internal debug-interface.h,
// which Debian does not ship; this declaration matches V8 10.2's.
namespace v8 {
namespace debug {
enum class EvaluateGlobalMode {
  kDefault,
  kDisableBreaks,
  kDisableBreaksAndThrowOnSideEffect
};
MaybeLocal<Value> EvaluateGlobal(Isolate *isolate, Local<String> source,
                                 EvaluateGlobalMode mode, bool repl_mode);
}  // namespace debug
}  // namespace v8

static void ApplyPromiseHooks(v8c_env *env, bool on);

extern "C" v8c_value v8c_eval_repl(v8c_env *env, v8c_value source,
                                   v8c_value sandbox, bool no_side_effects) {
  if (!source || !L(source)->IsString()) {
    return v8c_throw_error(env, V8C_TYPE_ERROR, "ERR_INVALID_ARG_TYPE",
                           "The source must be a string");
  }
  Local<Context> ctx;
  if (!TargetContext(env, sandbox, &ctx)) return nullptr;
  v8::Context::Scope scope(ctx);
  v8::debug::EvaluateGlobalMode mode =
      no_side_effects
          ? v8::debug::EvaluateGlobalMode::kDisableBreaksAndThrowOnSideEffect
          : v8::debug::EvaluateGlobalMode::kDisableBreaks;
  v8::TryCatch tc(env->isolate);
  Local<Value> result;
  // Promise hooks are JS calls, which a side-effect-free evaluation
  // refuses; the REPL-mode result is a promise, so they are off for it.
  bool hooks_off = no_side_effects && ctx == Ctx(env);
  if (hooks_off) ApplyPromiseHooks(env, false);
  bool ok =
      v8::debug::EvaluateGlobal(env->isolate, LA<String>(source), mode, true)
          .ToLocal(&result);
  if (hooks_off) ApplyPromiseHooks(env, true);
  if (!ok) {
    // What throws at once is a syntax error (or, with no_side_effects, the
    // refusal): keep its place for the message, as compile errors do.
    return SaveArrowAndRethrow(env, tc);
  }
  // The caller reports what the input threw; a rejection is not an
  // unhandled one for the runtime. (The promise may be rejected already,
  // with the runtime told so: a handler, unlike MarkAsHandled, tells it
  // that the rejection is handled after all.)
  if (result->IsPromise()) {
    Local<Function> ignore;
    if (Function::New(ctx, [](const FunctionCallbackInfo<Value> &) {})
            .ToLocal(&ignore)) {
      v8::MaybeLocal<v8::Promise> derived =
          result.As<v8::Promise>()->Catch(ctx, ignore);
      (void)derived;
    }
    tc.Reset();  // nothing to report if that failed (out of memory)
  }
  return V(result);
}

// ---- Promises and microtasks -----------------------------------------------

extern "C" void v8c_microtasks_run(v8c_env *env) {
  env->isolate->PerformMicrotaskCheckpoint();
}
extern "C" void v8c_microtask_enqueue(v8c_env *env, v8c_value fn) {
  if (fn && L(fn)->IsFunction())
    env->isolate->EnqueueMicrotask(LA<Function>(fn));
}
extern "C" void v8c_on_promise_reject(v8c_env *env, v8c_promise_reject_cb cb) {
  env->on_reject = cb;
}
// No TryCatch of ours is verbose, so V8 calls message listeners only for
// exceptions it caught itself and reports (a task's verbose TryCatch).
static void OnReportedMessage(v8::Local<v8::Message> message,
                              Local<Value> error) {
  v8c_env *env = EnvOf(message->GetIsolate());
  if (env && env->on_reported) env->on_reported(env, V(error));
}
extern "C" void v8c_on_reported_exception(v8c_env *env,
                                          v8c_reported_exception_cb cb) {
  if (!env->on_reported) {
    env->isolate->AddMessageListenerWithErrorLevel(
        OnReportedMessage, Isolate::kMessageError);
  }
  env->on_reported = cb;
}
extern "C" v8c_value v8c_promise(v8c_env *env, v8c_value *resolver) {
  Local<v8::Promise::Resolver> r;
  if (!v8::Promise::Resolver::New(Ctx(env)).ToLocal(&r)) return nullptr;
  *resolver = V(r.As<Value>());
  return V(r->GetPromise().As<Value>());
}
extern "C" bool v8c_promise_settle(v8c_env *env, v8c_value resolver,
                                   bool fulfil, v8c_value v) {
  // A resolver is a promise object to V8; anything else is refused.
  if (!resolver || !L(resolver)->IsPromise()) {
    v8c_throw_error(env, V8C_TYPE_ERROR, "ERR_INVALID_ARG_TYPE",
                    "The resolver must be a promise resolver");
    return false;
  }
  Local<v8::Promise::Resolver> r = LA<v8::Promise::Resolver>(resolver);
  return (fulfil ? r->Resolve(Ctx(env), L(v)) : r->Reject(Ctx(env), L(v)))
      .FromMaybe(false);
}
extern "C" int v8c_promise_state(v8c_value promise, v8c_value *result) {
  Local<Value> p = L(promise);
  if (!p->IsPromise()) return -1;
  Local<v8::Promise> pr = p.As<v8::Promise>();
  switch (pr->State()) {
    case v8::Promise::kPending: return 0;
    case v8::Promise::kFulfilled:
      if (result) *result = V(pr->Result());
      return 1;
    case v8::Promise::kRejected:
      if (result) *result = V(pr->Result());
      return 2;
  }
  return -1;
}

// ---- Introspection ---------------------------------------------------------

extern "C" bool v8c_proxy_details(v8c_value v, v8c_value *target,
                                  v8c_value *handler) {
  Local<Value> l = L(v);
  if (!l->IsProxy()) return false;
  Local<v8::Proxy> p = l.As<v8::Proxy>();
  if (target) *target = V(p->GetTarget());
  if (handler) *handler = V(p->GetHandler());
  return true;
}

extern "C" v8c_value v8c_preview_entries(v8c_env *env, v8c_value v,
                                         bool *is_key_value) {
  NEED_OBJECT(env, v, nullptr);
  bool kv = false;
  v8c_value out = V(Obj(v)->PreviewEntries(&kv));
  if (is_key_value) *is_key_value = kv;
  return out;
}

// ---- Promise hooks -----------------------------------------------------------

static Local<v8::Function> HookFn(v8c_value v) {
  if (!v || !L(v)->IsFunction()) return Local<v8::Function>();
  return LA<v8::Function>(v);
}

// Sets the main context's hooks from env->promise_hooks (or none).
static void ApplyPromiseHooks(v8c_env *env, bool on) {
  Isolate *iso = env->isolate;
  Local<Function> f[4];
  for (int i = 0; on && i < 4; i++) f[i] = env->promise_hooks[i].Get(iso);
  Ctx(env)->SetPromiseHooks(f[0], f[1], f[2], f[3]);
}

extern "C" void v8c_set_promise_hooks(v8c_env *env, v8c_value init,
                                      v8c_value before, v8c_value after,
                                      v8c_value resolve) {
  v8c_value given[4] = {init, before, after, resolve};
  for (int i = 0; i < 4; i++) {
    Local<Function> fn = HookFn(given[i]);
    if (fn.IsEmpty()) env->promise_hooks[i].Reset();
    else env->promise_hooks[i].Reset(env->isolate, fn);
  }
  ApplyPromiseHooks(env, true);
}

// ---- Structured clone --------------------------------------------------------

struct v8c_serialized {
  uint8_t *data = nullptr;
  size_t size = 0;
  // The value is the one ArrayBuffer of the transfer list (postMessage(buf,
  // [buf])): no bytes were written, moved[0] is the whole message. What
  // V8's deserializer would make of it is exactly ArrayBuffer::New over
  // the moved memory, so it is made that way, without the serializers.
  bool bare_buffer = false;
  std::vector<std::shared_ptr<v8::BackingStore>> moved;   // transferred
  std::vector<std::shared_ptr<v8::BackingStore>> shared;  // SharedArrayBuffers
};

// V8 reports what cannot be cloned through this; Node's name for it is
// DataCloneError.
static void ThrowDataClone(Isolate *iso, Local<String> message) {
  Local<Value> err = v8::Exception::Error(message);
  Local<Context> ctx = iso->GetCurrentContext();
  if (err.As<Object>()
          ->Set(ctx, String::NewFromUtf8Literal(iso, "name"),
                String::NewFromUtf8Literal(iso, "DataCloneError"))
          .IsNothing() ||
      err.As<Object>()
          ->Set(ctx, String::NewFromUtf8Literal(iso, "code"),
                v8::Integer::New(iso, 25))
          .IsNothing())
    return;
  iso->ThrowException(err);
}

namespace {

// The host-object tag of a copied intercepted object (host objects are
// otherwise indices into the list of transferred ports).
constexpr uint32_t kInterceptedCopy = 0xFFFFFFFFu;

class SerializeDelegate : public v8::ValueSerializer::Delegate {
 public:
  SerializeDelegate(Isolate *iso, v8c_serialized *out)
      : iso_(iso), out_(out) {}
  void ThrowDataCloneError(Local<String> message) override {
    ThrowDataClone(iso_, message);
  }
  v8::Maybe<uint32_t> GetSharedArrayBufferId(
      Isolate *, Local<v8::SharedArrayBuffer> sab) override {
    std::shared_ptr<v8::BackingStore> bs = sab->GetBackingStore();
    for (size_t i = 0; i < out_->shared.size(); i++)
      if (out_->shared[i] == bs) return v8::Just((uint32_t)i);
    out_->shared.push_back(bs);
    return v8::Just((uint32_t)(out_->shared.size() - 1));
  }
  void *ReallocateBufferMemory(void *old, size_t size,
                               size_t *actual) override {
    *actual = size;
    return realloc(old, size);
  }
  void FreeBufferMemory(void *buffer) override { free(buffer); }
  // Objects with internal fields (MessagePorts) travel as their index in
  // the host list (see the Workers section).
  v8::Maybe<bool> WriteHostObject(Isolate *iso, Local<Object> obj) override {
    // An intercepted object (process.env) travels as a plain copy of its
    // properties, after a tag no host index takes.
    Local<Context> ctx = iso->GetCurrentContext();
    if (intercepted_ != nullptr &&
        obj->HasPrivate(ctx, intercepted_->Get(iso)).FromMaybe(false)) {
      Local<v8::Array> keys;
      Local<Object> copy = Object::New(iso);
      if (!obj->GetOwnPropertyNames(ctx).ToLocal(&keys))
        return v8::Nothing<bool>();
      for (uint32_t i = 0; i < keys->Length(); i++) {
        Local<Value> k, v;
        if (!keys->Get(ctx, i).ToLocal(&k) || !obj->Get(ctx, k).ToLocal(&v) ||
            copy->Set(ctx, k, v).IsNothing())
          return v8::Nothing<bool>();
      }
      ser_->WriteUint32(kInterceptedCopy);
      return ser_->WriteValue(ctx, copy);
    }
    for (size_t i = 0; hosts_ && i < hosts_->size(); i++) {
      if ((*hosts_)[i] == obj) {
        ser_->WriteUint32((uint32_t)i);
        return v8::Just(true);
      }
    }
    Local<String> name = obj->GetConstructorName();
    String::Utf8Value n(iso, name);
    ThrowDataClone(iso, String::NewFromUtf8(
                            iso, *n && !strcmp(*n, "MessagePort")
                                     ? "Object that needs transfer was found "
                                       "in message but not listed in "
                                       "transferList"
                                     : "Value could not be cloned")
                            .ToLocalChecked());
    return v8::Nothing<bool>();
  }

  const std::vector<Local<Object>> *hosts_ = nullptr;
  v8::ValueSerializer *ser_ = nullptr;
  const Global<v8::Private> *intercepted_ = nullptr;

 private:
  Isolate *iso_;
  v8c_serialized *out_;
};

class DeserializeDelegate : public v8::ValueDeserializer::Delegate {
 public:
  explicit DeserializeDelegate(v8c_serialized *in) : in_(in) {}
  v8::MaybeLocal<v8::SharedArrayBuffer> GetSharedArrayBufferFromId(
      Isolate *iso, uint32_t id) override {
    if (id >= in_->shared.size()) return {};
    return v8::SharedArrayBuffer::New(iso, in_->shared[id]);
  }
  v8::MaybeLocal<Object> ReadHostObject(Isolate *iso) override {
    uint32_t i;
    if (des_ && des_->ReadUint32(&i) && i == kInterceptedCopy) {
      Local<Value> v;
      if (!des_->ReadValue(iso->GetCurrentContext()).ToLocal(&v) ||
          !v->IsObject())
        return {};
      return v.As<Object>();
    }
    if (!des_ || !hosts_ || i >= hosts_->size()) {
      ThrowDataClone(iso, String::NewFromUtf8Literal(
                              iso, "Unable to deserialize cloned data."));
      return {};
    }
    return (*hosts_)[i];
  }

  const std::vector<Local<Object>> *hosts_ = nullptr;
  v8::ValueDeserializer *des_ = nullptr;

 private:
  v8c_serialized *in_;
};

}  // namespace

static v8c_serialized *Serialize(v8c_env *env, v8c_value v,
                                 v8c_value transfer,
                                 const std::vector<Local<Object>> *hosts) {
  Isolate *iso = env->isolate;
  Local<Context> ctx = Ctx(env);
  std::unique_ptr<v8c_serialized> out(new v8c_serialized());
  std::vector<Local<ArrayBuffer>> moving;
  if (transfer && !L(transfer)->IsNullOrUndefined()) {
    if (!L(transfer)->IsArray()) {
      v8c_throw_error(env, V8C_TYPE_ERROR, "ERR_INVALID_ARG_TYPE",
                      "The transfer list must be an Array");
      return nullptr;
    }
    Local<v8::Array> list = LA<v8::Array>(transfer);
    for (uint32_t i = 0; i < list->Length(); i++) {
      Local<Value> item;
      if (!list->Get(ctx, i).ToLocal(&item)) return nullptr;
      if (!item->IsArrayBuffer() || !item.As<ArrayBuffer>()->IsDetachable() ||
          std::find(moving.begin(), moving.end(), item.As<ArrayBuffer>()) !=
              moving.end()) {
        ThrowDataClone(iso, String::NewFromUtf8Literal(
                                iso, "Value not transferable"));
        return nullptr;
      }
      moving.push_back(item.As<ArrayBuffer>());
    }
  }
  if (moving.size() == 1 && (!hosts || hosts->empty()) &&
      L(v) == moving[0].As<Value>()) {
    out->bare_buffer = true;
  } else {
    SerializeDelegate delegate(iso, out.get());
    v8::ValueSerializer ser(iso, &delegate);
    delegate.hosts_ = hosts;
    delegate.ser_ = &ser;
    delegate.intercepted_ = &env->intercepted_key;
    ser.WriteHeader();
    for (size_t i = 0; i < moving.size(); i++)
      ser.TransferArrayBuffer((uint32_t)i, moving[i]);
    if (!ser.WriteValue(ctx, L(v)).FromMaybe(false)) return nullptr;
    std::pair<uint8_t *, size_t> bytes = ser.Release();
    out->data = bytes.first;
    out->size = bytes.second;
  }
  // The moved memory now belongs to the clone; the originals are emptied.
  for (Local<ArrayBuffer> ab : moving) {
    out->moved.push_back(ab->GetBackingStore());
    ab->Detach();
  }
  return out.release();
}

extern "C" v8c_serialized *v8c_serialize(v8c_env *env, v8c_value v,
                                         v8c_value transfer) {
  return Serialize(env, v, transfer, nullptr);
}

static v8c_value Deserialize(v8c_env *env, v8c_serialized *s,
                             const std::vector<Local<Object>> *hosts) {
  Isolate *iso = env->isolate;
  Local<Context> ctx = Ctx(env);
  if (!s) {
    return v8c_throw_error(env, V8C_TYPE_ERROR, "ERR_INVALID_ARG_TYPE",
                           "Nothing to deserialize");
  }
  if (s->bare_buffer) {
    if (s->moved.empty()) {
      ThrowDataClone(iso, String::NewFromUtf8Literal(
                              iso, "Unable to deserialize cloned data."));
      return nullptr;
    }
    Local<ArrayBuffer> ab = ArrayBuffer::New(iso, s->moved[0]);
    s->moved.clear();  // moved memory has exactly one owner
    return V(ab.As<Value>());
  }
  DeserializeDelegate delegate(s);
  v8::ValueDeserializer des(iso, s->data, s->size, &delegate);
  delegate.hosts_ = hosts;
  delegate.des_ = &des;
  if (!des.ReadHeader(ctx).FromMaybe(false)) return nullptr;
  for (size_t i = 0; i < s->moved.size(); i++)
    des.TransferArrayBuffer((uint32_t)i, ArrayBuffer::New(iso, s->moved[i]));
  s->moved.clear();  // moved memory has exactly one owner
  return V(des.ReadValue(ctx));
}

extern "C" v8c_value v8c_deserialize(v8c_env *env, v8c_serialized *s) {
  return Deserialize(env, s, nullptr);
}

extern "C" void v8c_serialized_free(v8c_serialized *s) {
  if (!s) return;
  free(s->data);
  delete s;
}

extern "C" size_t v8c_serialized_size(const v8c_serialized *s) {
  return s ? s->size : 0;
}

// ---- Serializer objects -----------------------------------------------------

namespace {

// Calls self[name](args...) when it is a function; sets *missing when not.
MaybeLocal<Value> CallSelf(Isolate *iso, Local<Object> self, const char *name,
                           int argc, Local<Value> *argv, bool *missing) {
  Local<Context> ctx = iso->GetCurrentContext();
  *missing = false;
  Local<Value> fn;
  if (!self->Get(ctx, String::NewFromUtf8(iso, name).ToLocalChecked())
           .ToLocal(&fn))
    return {};
  if (!fn->IsFunction()) {
    *missing = true;
    return {};
  }
  return fn.As<v8::Function>()->Call(ctx, self, argc, argv);
}

class JsSerializerDelegate : public v8::ValueSerializer::Delegate {
 public:
  explicit JsSerializerDelegate(Isolate *iso) : iso_(iso) {}
  void ThrowDataCloneError(Local<String> message) override {
    // Node's Serializer names the error class to throw.
    Local<Value> ctor;
    Local<Value> arg = message;
    Local<Context> ctx = iso_->GetCurrentContext();
    if (!self_.IsEmpty() &&
        self_->Get(ctx, String::NewFromUtf8Literal(iso_, "_getDataCloneError"))
            .ToLocal(&ctor) && ctor->IsFunction()) {
      Local<Object> err;
      if (ctor.As<v8::Function>()->NewInstance(ctx, 1, &arg).ToLocal(&err))
        iso_->ThrowException(err);
      return;
    }
    iso_->ThrowException(v8::Exception::Error(message));
  }
  v8::Maybe<bool> WriteHostObject(Isolate *iso, Local<Object> obj) override {
    bool missing;
    Local<Value> arg = obj;
    if (self_.IsEmpty()) return v8::Nothing<bool>();
    if (CallSelf(iso, self_, "_writeHostObject", 1, &arg, &missing)
            .IsEmpty()) {
      if (missing) {
        Local<String> tag;
        if (!obj->ObjectProtoToString(iso->GetCurrentContext()).ToLocal(&tag))
          return v8::Nothing<bool>();
        String::Utf8Value text(iso, tag);
        std::string m = std::string(*text ? *text : "object") +
                        " could not be cloned.";
        ThrowDataCloneError(
            String::NewFromUtf8(iso, m.c_str()).ToLocalChecked());
      }
      return v8::Nothing<bool>();
    }
    return v8::Just(true);
  }
  v8::Maybe<uint32_t> GetSharedArrayBufferId(
      Isolate *iso, Local<v8::SharedArrayBuffer> sab) override {
    bool missing;
    Local<Value> arg = sab;
    Local<Value> r;
    if (self_.IsEmpty() ||
        !CallSelf(iso, self_, "_getSharedArrayBufferId", 1, &arg, &missing)
             .ToLocal(&r)) {
      if (!self_.IsEmpty() && missing) {
        String::Utf8Value text(iso, sab);
        std::string m = std::string(*text ? *text : "object") +
                        " could not be cloned.";
        ThrowDataCloneError(
            String::NewFromUtf8(iso, m.c_str()).ToLocalChecked());
      }
      return v8::Nothing<uint32_t>();
    }
    return r->Uint32Value(iso->GetCurrentContext());
  }
  void *ReallocateBufferMemory(void *old, size_t size,
                               size_t *actual) override {
    *actual = size;
    return realloc(old, size);
  }
  void FreeBufferMemory(void *buffer) override { free(buffer); }

  Local<Object> self_;

 private:
  Isolate *iso_;
};

class JsDeserializerDelegate : public v8::ValueDeserializer::Delegate {
 public:
  MaybeLocal<Object> ReadHostObject(Isolate *iso) override {
    // V8 forbids JS while it deserializes; the embedder's hook may run it.
    Isolate::AllowJavascriptExecutionScope allow_js(iso);
    bool missing;
    Local<Value> r;
    if (self_.IsEmpty() ||
        !CallSelf(iso, self_, "_readHostObject", 0, nullptr, &missing)
             .ToLocal(&r)) {
      if (!self_.IsEmpty() && missing)
        iso->ThrowException(v8::Exception::Error(String::NewFromUtf8Literal(
            iso, "Unable to deserialize cloned data.")));
      return {};
    }
    if (!r->IsObject()) {
      iso->ThrowException(v8::Exception::TypeError(String::NewFromUtf8Literal(
          iso, "_readHostObject must return an object")));
      return {};
    }
    return r.As<Object>();
  }
  Local<Object> self_;
};

}  // namespace

struct v8c_serializer {
  explicit v8c_serializer(Isolate *iso) : delegate(iso), ser(iso, &delegate) {}
  JsSerializerDelegate delegate;
  v8::ValueSerializer ser;
};

struct v8c_deserializer {
  v8c_deserializer(Isolate *iso, uint8_t *d, size_t n)
      : data(d), des(iso, d, n, &delegate) {}
  ~v8c_deserializer() { free(data); }
  uint8_t *data;
  JsDeserializerDelegate delegate;
  v8::ValueDeserializer des;
};

extern "C" v8c_serializer *v8c_serializer_new(v8c_env *env) {
  return new v8c_serializer(env->isolate);
}
extern "C" void v8c_serializer_free(v8c_serializer *s) { delete s; }
extern "C" void v8c_serializer_write_header(v8c_serializer *s) {
  s->ser.WriteHeader();
}
extern "C" bool v8c_serializer_write_value(v8c_env *env, v8c_serializer *s,
                                           v8c_value self, v8c_value v) {
  s->delegate.self_ = L(self)->IsObject() ? L(self).As<Object>()
                                          : Local<Object>();
  bool ok = s->ser.WriteValue(Ctx(env), L(v)).FromMaybe(false);
  s->delegate.self_ = Local<Object>();
  return ok;
}
extern "C" uint8_t *v8c_serializer_release(v8c_serializer *s, size_t *len) {
  std::pair<uint8_t *, size_t> r = s->ser.Release();
  *len = r.second;
  return r.first;
}
extern "C" bool v8c_serializer_transfer_array_buffer(v8c_serializer *s,
                                                     uint32_t id,
                                                     v8c_value ab) {
  if (!L(ab)->IsArrayBuffer()) return false;
  s->ser.TransferArrayBuffer(id, LA<ArrayBuffer>(ab));
  return true;
}
extern "C" void v8c_serializer_write_uint32(v8c_serializer *s, uint32_t v) {
  s->ser.WriteUint32(v);
}
extern "C" void v8c_serializer_write_uint64(v8c_serializer *s, uint64_t v) {
  s->ser.WriteUint64(v);
}
extern "C" void v8c_serializer_write_double(v8c_serializer *s, double v) {
  s->ser.WriteDouble(v);
}
extern "C" void v8c_serializer_write_raw(v8c_serializer *s, const void *data,
                                         size_t len) {
  s->ser.WriteRawBytes(data, len);
}
extern "C" void v8c_serializer_views_as_host_objects(v8c_serializer *s,
                                                     bool on) {
  s->ser.SetTreatArrayBufferViewsAsHostObjects(on);
}

extern "C" v8c_deserializer *v8c_deserializer_new(v8c_env *env,
                                                  const void *data,
                                                  size_t len) {
  uint8_t *copy = static_cast<uint8_t *>(malloc(len ? len : 1));
  if (!copy) return nullptr;
  if (len) memcpy(copy, data, len);
  return new v8c_deserializer(env->isolate, copy, len);
}
extern "C" void v8c_deserializer_free(v8c_deserializer *d) { delete d; }
extern "C" bool v8c_deserializer_read_header(v8c_env *env,
                                             v8c_deserializer *d,
                                             v8c_value self) {
  d->delegate.self_ = L(self)->IsObject() ? L(self).As<Object>()
                                          : Local<Object>();
  bool ok = d->des.ReadHeader(Ctx(env)).FromMaybe(false);
  d->delegate.self_ = Local<Object>();
  return ok;
}
extern "C" v8c_value v8c_deserializer_read_value(v8c_env *env,
                                                 v8c_deserializer *d,
                                                 v8c_value self) {
  d->delegate.self_ = L(self)->IsObject() ? L(self).As<Object>()
                                          : Local<Object>();
  v8c_value v = V(d->des.ReadValue(Ctx(env)));
  d->delegate.self_ = Local<Object>();
  return v;
}
extern "C" bool v8c_deserializer_transfer_array_buffer(v8c_deserializer *d,
                                                       uint32_t id,
                                                       v8c_value buf) {
  if (L(buf)->IsArrayBuffer()) {
    d->des.TransferArrayBuffer(id, LA<ArrayBuffer>(buf));
    return true;
  }
  if (L(buf)->IsSharedArrayBuffer()) {
    d->des.TransferSharedArrayBuffer(id, LA<v8::SharedArrayBuffer>(buf));
    return true;
  }
  return false;
}
extern "C" uint32_t v8c_deserializer_wire_format_version(
    v8c_deserializer *d) {
  return d->des.GetWireFormatVersion();
}
extern "C" bool v8c_deserializer_read_uint32(v8c_deserializer *d,
                                             uint32_t *out) {
  return d->des.ReadUint32(out);
}
extern "C" bool v8c_deserializer_read_uint64(v8c_deserializer *d,
                                             uint64_t *out) {
  return d->des.ReadUint64(out);
}
extern "C" bool v8c_deserializer_read_double(v8c_deserializer *d,
                                             double *out) {
  return d->des.ReadDouble(out);
}
extern "C" bool v8c_deserializer_read_raw(v8c_deserializer *d, size_t len,
                                          size_t *offset) {
  const void *p;
  if (!d->des.ReadRawBytes(len, &p)) return false;
  *offset = static_cast<const uint8_t *>(p) - d->data;
  return true;
}

extern "C" uint32_t v8c_cached_data_version_tag(void) {
  return v8::ScriptCompiler::CachedDataVersionTag();
}

extern "C" size_t v8c_heap_space_statistics(v8c_env *env,
                                            v8c_heap_space_stats *out,
                                            size_t max) {
  size_t n = env->isolate->NumberOfHeapSpaces();
  for (size_t i = 0; i < n && i < max; i++) {
    v8::HeapSpaceStatistics hs;
    env->isolate->GetHeapSpaceStatistics(&hs, i);
    out[i].name = hs.space_name();
    out[i].size = hs.space_size();
    out[i].used = hs.space_used_size();
    out[i].available = hs.space_available_size();
    out[i].physical = hs.physical_space_size();
  }
  return n;
}

extern "C" void v8c_heap_statistics_full(v8c_env *env,
                                         v8c_heap_stats_full *out) {
  v8::HeapStatistics hs;
  env->isolate->GetHeapStatistics(&hs);
  out->total_heap_size = hs.total_heap_size();
  out->total_heap_size_executable = hs.total_heap_size_executable();
  out->total_physical_size = hs.total_physical_size();
  out->total_available_size = hs.total_available_size();
  out->used_heap_size = hs.used_heap_size();
  out->heap_size_limit = hs.heap_size_limit();
  out->malloced_memory = hs.malloced_memory();
  out->peak_malloced_memory = hs.peak_malloced_memory();
  out->does_zap_garbage = hs.does_zap_garbage();
  out->number_of_native_contexts = hs.number_of_native_contexts();
  out->number_of_detached_contexts = hs.number_of_detached_contexts();
  out->total_global_handles_size = hs.total_global_handles_size();
  out->used_global_handles_size = hs.used_global_handles_size();
  out->external_memory = hs.external_memory();
}

extern "C" void v8c_heap_code_statistics(v8c_env *env,
                                         v8c_heap_code_stats *out) {
  v8::HeapCodeStatistics hs;
  env->isolate->GetHeapCodeAndMetadataStatistics(&hs);
  out->code_and_metadata_size = hs.code_and_metadata_size();
  out->bytecode_and_metadata_size = hs.bytecode_and_metadata_size();
  out->external_script_source_size = hs.external_script_source_size();
  out->cpu_profiler_metadata_size = hs.cpu_profiler_metadata_size();
}

// ---- JSON and the heap -----------------------------------------------------

extern "C" v8c_value v8c_json_parse(v8c_env *env, v8c_value str) {
  if (!str || !L(str)->IsString()) {
    return v8c_throw_error(env, V8C_TYPE_ERROR, "ERR_INVALID_ARG_TYPE",
                           "JSON text must be a string");
  }
  return V(v8::JSON::Parse(Ctx(env), LA<String>(str)));
}
extern "C" v8c_value v8c_json_stringify(v8c_env *env, v8c_value v) {
  return V(v8::JSON::Stringify(Ctx(env), L(v)));
}

extern "C" void v8c_heap_statistics(v8c_env *env, v8c_heap_stats *out) {
  v8::HeapStatistics hs;
  env->isolate->GetHeapStatistics(&hs);
  out->total_heap_size = hs.total_heap_size();
  out->used_heap_size = hs.used_heap_size();
  out->heap_size_limit = hs.heap_size_limit();
  out->external_memory = hs.external_memory();
  out->malloced_memory = hs.malloced_memory();
}

extern "C" size_t v8c_arraybuffer_bytes(v8c_env *env) {
  return env->allocator->live.load();
}

extern "C" void v8c_timezone_changed(v8c_env *env) {
  env->isolate->DateTimeConfigurationChangeNotification(
      Isolate::TimeZoneDetection::kRedetect);
}

extern "C" void v8c_gc(v8c_env *env) { env->isolate->LowMemoryNotification(); }

// ---- ES modules ---------------------------------------------------------------
//
// A module's JS object comes from a template of its own with four internal
// fields: a tag, its ModuleRecord, and the v8::Module itself, so that the
// object keeps the module alive inside the JS heap (a module whose code
// refers back to its object is still collectable). V8 hands callbacks a
// Local<Module> only, so each env keeps its records in a table keyed by
// the module's identity hash, holding both weakly; a record goes when its
// object is collected, or at teardown.

#include <unordered_map>

namespace {

enum { kModuleTagField, kModuleRecordField, kModuleField, kModuleFields = 4 };

struct ModuleRecord {
  v8c_env *env;
  int hash;
  Global<v8::Module> module;  // weak: the object's internal field owns it
  Global<Object> object;      // weak
};

}  // namespace

struct ModuleState {
  std::unordered_multimap<int, ModuleRecord *> records;
  Global<v8::ObjectTemplate> tpl;
  Global<v8::Private> evaluate_key;  // synthetic modules' evaluation steps
  // The resolver of the v8c_module_instantiate call running now.
  v8c_module_resolve_cb resolve = nullptr;
  void *resolve_data = nullptr;
  v8c_import_cb import_cb = nullptr;
  void *import_data = nullptr;
  v8c_import_meta_cb meta_cb = nullptr;
  void *meta_data = nullptr;
};

static const int module_tag = 0;

static ModuleState *Modules(v8c_env *env) {
  if (!env->modules) {
    Isolate *iso = env->isolate;
    ModuleState *ms = new ModuleState();
    Local<v8::ObjectTemplate> tpl = v8::ObjectTemplate::New(iso);
    tpl->SetInternalFieldCount(kModuleFields);
    ms->tpl.Reset(iso, tpl);
    ms->evaluate_key.Reset(
        iso, v8::Private::New(
                 iso, String::NewFromUtf8Literal(iso, "v8c:module-evaluate")));
    env->modules = ms;
  }
  return env->modules;
}

static void DeleteModuleRecord(ModuleRecord *r) {
  r->module.Reset();
  r->object.Reset();
  delete r;
}

static void FreeModuleState(v8c_env *env) {
  ModuleState *ms = env->modules;
  if (!ms) return;
  for (auto &entry : ms->records) DeleteModuleRecord(entry.second);
  ms->tpl.Reset();
  ms->evaluate_key.Reset();
  delete ms;
  env->modules = nullptr;
}

// The object was collected: forget its record.
static void ModuleObjectGone(const v8::WeakCallbackInfo<ModuleRecord> &info) {
  ModuleRecord *r = info.GetParameter();
  if (ModuleState *ms = r->env->modules) {
    auto range = ms->records.equal_range(r->hash);
    for (auto it = range.first; it != range.second; ++it) {
      if (it->second == r) {
        ms->records.erase(it);
        break;
      }
    }
  }
  DeleteModuleRecord(r);
}

// Makes the JS object of a new module and files its record.
static v8c_value NewModuleObject(v8c_env *env, Local<v8::Module> m,
                                 Local<Function> evaluate) {
  Isolate *iso = env->isolate;
  ModuleState *ms = Modules(env);
  Local<Object> obj;
  if (!ms->tpl.Get(iso)->NewInstance(Ctx(env)).ToLocal(&obj)) return nullptr;
  if (!evaluate.IsEmpty() &&
      obj->SetPrivate(Ctx(env), ms->evaluate_key.Get(iso), evaluate)
          .IsNothing())
    return nullptr;
  ModuleRecord *r = new ModuleRecord();
  r->env = env;
  r->hash = m->GetIdentityHash();
  r->module.Reset(iso, m);
  r->module.SetWeak();
  r->object.Reset(iso, obj);
  r->object.SetWeak(r, ModuleObjectGone, v8::WeakCallbackType::kParameter);
  obj->SetAlignedPointerInInternalField(kModuleTagField,
                                        const_cast<int *>(&module_tag));
  obj->SetAlignedPointerInInternalField(kModuleRecordField, r);
  // V8 10.2 marks this for Node.js core only; it is the one way to let a JS
  // object own a module (so that both can be collected), and a runtime
  // that does Node's job needs exactly that.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
  obj->SetInternalFieldForNodeCore(kModuleField, m);
#pragma GCC diagnostic pop
  ms->records.emplace(r->hash, r);
  return V(obj.As<Value>());
}

static ModuleRecord *RecordOf(v8c_env *env, Local<v8::Module> m) {
  if (!env->modules) return nullptr;
  auto range = env->modules->records.equal_range(m->GetIdentityHash());
  for (auto it = range.first; it != range.second; ++it) {
    if (it->second->module.Get(env->isolate) == m) return it->second;
  }
  return nullptr;
}

// The JS object of a module, or an empty handle when it is gone.
static Local<Value> ObjectOf(v8c_env *env, Local<v8::Module> m) {
  ModuleRecord *r = RecordOf(env, m);
  if (!r || r->object.IsEmpty()) return Local<Value>();
  return r->object.Get(env->isolate).As<Value>();
}

// The module behind a module object; false when v is anything else.
static bool ModuleOf(v8c_value v, Local<v8::Module> *out) {
  if (!v || !L(v)->IsObject()) return false;
  Local<Object> o = LA<Object>(v);
  if (o->InternalFieldCount() != kModuleFields ||
      o->GetAlignedPointerFromInternalField(kModuleTagField) != &module_tag)
    return false;
  *out = o->GetInternalField(kModuleField).As<v8::Module>();
  return true;
}

// Like ModuleOf, after throwing a TypeError when v is not a module object.
static bool NeedModule(v8c_env *env, v8c_value v, Local<v8::Module> *out) {
  if (ModuleOf(v, out)) return true;
  v8c_throw_error(env, V8C_TYPE_ERROR, "ERR_INVALID_ARG_TYPE",
                  "The module must be a module object");
  return false;
}

// Import assertions as an object: `stride` is 3 for V8's [key, value,
// offset] triples, 2 for dynamic import()'s [key, value] pairs.
static Local<Object> AssertionsObject(v8c_env *env, Local<v8::FixedArray> a,
                                      int stride) {
  Local<Context> ctx = Ctx(env);
  Local<Object> obj = Object::New(env->isolate);
  for (int i = 0; !a.IsEmpty() && i + 1 < a->Length(); i += stride) {
    Local<Value> k = a->Get(ctx, i).As<Value>();
    Local<Value> v = a->Get(ctx, i + 1).As<Value>();
    if (obj->CreateDataProperty(ctx, k.As<v8::Name>(), v).IsNothing()) break;
  }
  return obj;
}

extern "C" v8c_value v8c_module_compile(v8c_env *env, v8c_value source,
                                        v8c_value url) {
  Isolate *iso = env->isolate;
  if (!source || !L(source)->IsString() || !url || !L(url)->IsString()) {
    return v8c_throw_error(env, V8C_TYPE_ERROR, "ERR_INVALID_ARG_TYPE",
                           "The source and url must be strings");
  }
  v8::ScriptOrigin origin(iso, L(url), 0, 0, false, -1, Local<Value>(),
                          false, false, true);
  v8::ScriptCompiler::Source src(LA<String>(source), origin);
  Local<v8::Module> m;
  {
    v8::TryCatch tc(iso);
    if (!v8::ScriptCompiler::CompileModule(iso, &src).ToLocal(&m))
      return SaveArrowAndRethrow(env, tc);
  }
  return NewModuleObject(env, m, Local<Function>());
}

static MaybeLocal<Value> SyntheticSteps(Local<Context> ctx,
                                        Local<v8::Module> m) {
  Isolate *iso = ctx->GetIsolate();
  v8c_env *env = EnvOf(iso);
  Local<Value> obj = ObjectOf(env, m);
  Local<Value> fn;
  if (obj.IsEmpty() ||
      !obj.As<Object>()
           ->GetPrivate(ctx, Modules(env)->evaluate_key.Get(iso))
           .ToLocal(&fn) ||
      !fn->IsFunction()) {
    iso->ThrowException(v8::Exception::Error(
        String::NewFromUtf8Literal(iso, "The module object is gone")));
    return MaybeLocal<Value>();
  }
  Local<Value> argv[1] = {obj};
  {
    // V8 wants the exception pending (not scheduled) when the steps fail:
    // a rethrow from a TryCatch leaves it so.
    v8::TryCatch tc(iso);
    if (fn.As<Function>()->Call(ctx, obj, 1, argv).IsEmpty()) {
      if (tc.HasCaught() && !tc.HasTerminated()) tc.ReThrow();
      return MaybeLocal<Value>();
    }
  }
  // V8 wants a settled promise for the evaluation's completion.
  Local<v8::Promise::Resolver> done;
  if (!v8::Promise::Resolver::New(ctx).ToLocal(&done) ||
      done->Resolve(ctx, v8::Undefined(iso)).IsNothing())
    return MaybeLocal<Value>();
  return done->GetPromise();
}

extern "C" v8c_value v8c_module_synthetic(v8c_env *env, v8c_value url,
                                          v8c_value names,
                                          v8c_value evaluate) {
  Isolate *iso = env->isolate;
  Local<Context> ctx = Ctx(env);
  if (!url || !L(url)->IsString() || !names || !L(names)->IsArray() ||
      !evaluate || !L(evaluate)->IsFunction()) {
    return v8c_throw_error(env, V8C_TYPE_ERROR, "ERR_INVALID_ARG_TYPE",
                           "A synthetic module needs a url string, an array "
                           "of export names and a function");
  }
  Local<v8::Array> arr = LA<v8::Array>(names);
  std::vector<Local<String>> exports;
  for (uint32_t i = 0; i < arr->Length(); i++) {
    Local<Value> n;
    if (!arr->Get(ctx, i).ToLocal(&n)) return nullptr;
    if (!n->IsString()) {
      return v8c_throw_error(env, V8C_TYPE_ERROR, "ERR_INVALID_ARG_TYPE",
                             "Export names must be strings");
    }
    // V8 requires distinct names.
    bool seen = false;
    for (const Local<String> &e : exports) {
      if (e->StringEquals(n.As<String>())) {
        seen = true;
        break;
      }
    }
    if (!seen) exports.push_back(n.As<String>());
  }
  Local<v8::Module> m = v8::Module::CreateSyntheticModule(
      iso, LA<String>(url), exports, SyntheticSteps);
  return NewModuleObject(env, m, LA<Function>(evaluate));
}

extern "C" bool v8c_module_set_export(v8c_env *env, v8c_value module,
                                      v8c_value name, v8c_value value) {
  Local<v8::Module> m;
  if (!NeedModule(env, module, &m)) return false;
  Isolate *iso = env->isolate;
  if (!m->IsSyntheticModule() || !name || !L(name)->IsString()) {
    v8c_throw_error(env, V8C_TYPE_ERROR, "ERR_INVALID_ARG_TYPE",
                    "Exports can be set on synthetic modules only, by name");
    return false;
  }
  return m->SetSyntheticModuleExport(iso, LA<String>(name),
                                     value ? L(value) : v8::Undefined(iso).As<Value>())
      .FromMaybe(false);
}

extern "C" v8c_value v8c_module_requests(v8c_env *env, v8c_value module) {
  Local<v8::Module> m;
  if (!NeedModule(env, module, &m)) return nullptr;
  Isolate *iso = env->isolate;
  Local<Context> ctx = Ctx(env);
  Local<v8::Array> out = v8::Array::New(iso);
  if (!m->IsSourceTextModule()) return V(out.As<Value>());
  Local<v8::FixedArray> reqs = m->GetModuleRequests();
  for (int i = 0; i < reqs->Length(); i++) {
    Local<v8::ModuleRequest> req = reqs->Get(ctx, i).As<v8::ModuleRequest>();
    Local<Object> entry = Object::New(iso);
    if (entry
            ->Set(ctx, String::NewFromUtf8Literal(iso, "specifier"),
                  req->GetSpecifier())
            .IsNothing() ||
        entry
            ->Set(ctx, String::NewFromUtf8Literal(iso, "assert"),
                  AssertionsObject(env, req->GetImportAssertions(), 3))
            .IsNothing() ||
        out->Set(ctx, (uint32_t)i, entry).IsNothing())
      return nullptr;
  }
  return V(out.As<Value>());
}

static MaybeLocal<v8::Module> ResolveCallback(
    Local<Context> ctx, Local<String> specifier,
    Local<v8::FixedArray> assertions, Local<v8::Module> referrer) {
  Isolate *iso = ctx->GetIsolate();
  v8c_env *env = EnvOf(iso);
  ModuleState *ms = Modules(env);
  Local<Value> ref = ObjectOf(env, referrer);
  if (!ms->resolve || ref.IsEmpty()) {
    v8c_throw_error(env, V8C_ERROR, "ERR_VM_MODULE_LINK_FAILURE",
                    "No module resolver is active");
    return MaybeLocal<v8::Module>();
  }
  v8c_value result = ms->resolve(
      env, ms->resolve_data, V(specifier.As<Value>()),
      V(AssertionsObject(env, assertions, 3).As<Value>()), V(ref));
  if (!result) return MaybeLocal<v8::Module>();
  Local<v8::Module> m;
  if (!ModuleOf(result, &m)) {
    v8c_throw_error(env, V8C_TYPE_ERROR, "ERR_VM_MODULE_LINK_FAILURE",
                    "The resolver must return a module object");
    return MaybeLocal<v8::Module>();
  }
  return m;
}

extern "C" bool v8c_module_instantiate(v8c_env *env, v8c_value module,
                                       v8c_module_resolve_cb resolve,
                                       void *data) {
  Local<v8::Module> m;
  if (!NeedModule(env, module, &m)) return false;
  if (!resolve) {
    v8c_throw_error(env, V8C_TYPE_ERROR, "ERR_INVALID_ARG_TYPE",
                    "A resolver is needed");
    return false;
  }
  ModuleState *ms = Modules(env);
  // A resolver may itself instantiate another graph: restore the outer one.
  v8c_module_resolve_cb outer = ms->resolve;
  void *outer_data = ms->resolve_data;
  ms->resolve = resolve;
  ms->resolve_data = data;
  v8::TryCatch tc(env->isolate);
  bool ok = m->InstantiateModule(Ctx(env), ResolveCallback).FromMaybe(false);
  ms->resolve = outer;
  ms->resolve_data = outer_data;
  if (!ok) {
    if (tc.HasCaught()) SaveArrowAndRethrow(env, tc);
    return false;
  }
  return true;
}

extern "C" v8c_value v8c_module_evaluate(v8c_env *env, v8c_value module) {
  Local<v8::Module> m;
  if (!NeedModule(env, module, &m)) return nullptr;
  if (m->GetStatus() < v8::Module::kInstantiated) {
    return v8c_throw_error(env, V8C_ERROR, "ERR_MODULE_NOT_INSTANTIATED",
                           "Module must be instantiated before evaluation");
  }
  return V(m->Evaluate(Ctx(env)));
}

extern "C" v8c_value v8c_module_namespace(v8c_env *env, v8c_value module) {
  Local<v8::Module> m;
  if (!NeedModule(env, module, &m)) return nullptr;
  if (m->GetStatus() < v8::Module::kInstantiated) {
    return v8c_throw_error(env, V8C_ERROR, "ERR_MODULE_NOT_INSTANTIATED",
                           "Module must be instantiated to have a namespace");
  }
  return V(m->GetModuleNamespace());
}

extern "C" int v8c_module_status(v8c_env *env, v8c_value v) {
  (void)env;
  Local<v8::Module> m;
  if (!ModuleOf(v, &m)) return -1;
  return (int)m->GetStatus();
}

extern "C" v8c_value v8c_module_exception(v8c_env *env, v8c_value module) {
  Local<v8::Module> m;
  if (!NeedModule(env, module, &m)) return nullptr;
  if (m->GetStatus() != v8::Module::kErrored) {
    return v8c_throw_error(env, V8C_TYPE_ERROR, "ERR_MODULE_NOT_ERRORED",
                           "The module has no exception: it did not fail");
  }
  return V(m->GetException());
}

static MaybeLocal<v8::Promise> ImportCallback(
    Local<Context> ctx, Local<v8::Data> host_defined_options,
    Local<Value> resource_name, Local<String> specifier,
    Local<v8::FixedArray> assertions) {
  (void)host_defined_options;
  Isolate *iso = ctx->GetIsolate();
  v8c_env *env = EnvOf(iso);
  ModuleState *ms = Modules(env);
  Local<Value> referrer =
      resource_name.IsEmpty() ? v8::Undefined(iso).As<Value>() : resource_name;
  v8c_value p;
  Local<Value> error;
  {
    v8::TryCatch tc(iso);
    if (ms->import_cb) {
      p = ms->import_cb(env, ms->import_data, V(specifier.As<Value>()),
                        V(referrer),
                        V(AssertionsObject(env, assertions, 2).As<Value>()));
    } else {
      p = v8c_throw_error(env, V8C_TYPE_ERROR,
                          "ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING",
                          "A dynamic import callback was not specified.");
    }
    if (!p) {
      if (!tc.HasCaught() || tc.HasTerminated()) {
        if (tc.HasCaught()) tc.ReThrow();
        return MaybeLocal<v8::Promise>();
      }
      error = tc.Exception();
    }
  }
  if (p && L(p)->IsPromise()) return LA<v8::Promise>(p);
  // import() never throws: a host that threw rejects the promise, and a
  // value that is not a promise fulfils one.
  Local<v8::Promise::Resolver> res;
  if (!v8::Promise::Resolver::New(ctx).ToLocal(&res) ||
      (p ? res->Resolve(ctx, L(p)) : res->Reject(ctx, error)).IsNothing())
    return MaybeLocal<v8::Promise>();
  return res->GetPromise();
}

static void ImportMetaCallback(Local<Context> ctx, Local<v8::Module> m,
                               Local<Object> meta) {
  v8c_env *env = EnvOf(ctx->GetIsolate());
  ModuleState *ms = Modules(env);
  Local<Value> obj = ObjectOf(env, m);
  if (!ms->meta_cb || obj.IsEmpty()) return;
  ms->meta_cb(env, ms->meta_data, V(obj), V(meta.As<Value>()));
}

extern "C" void v8c_on_dynamic_import(v8c_env *env, v8c_import_cb cb,
                                      void *data) {
  ModuleState *ms = Modules(env);
  ms->import_cb = cb;
  ms->import_data = data;
  env->isolate->SetHostImportModuleDynamicallyCallback(ImportCallback);
}

extern "C" void v8c_on_import_meta(v8c_env *env, v8c_import_meta_cb cb,
                                   void *data) {
  ModuleState *ms = Modules(env);
  ms->meta_cb = cb;
  ms->meta_data = data;
  env->isolate->SetHostInitializeImportMetaObjectCallback(ImportMetaCallback);
}

extern "C" bool v8c_exception_set_arrow(v8c_env *env, v8c_value exception,
                                        v8c_value arrow) {
  if (!exception || !L(exception)->IsObject() || !arrow ||
      !L(arrow)->IsString())
    return false;
  v8::TryCatch inner(env->isolate);
  return Obj(exception)
      ->SetPrivate(Ctx(env), env->arrow_key.Get(env->isolate), L(arrow))
      .FromMaybe(false);
}


// ---- Workers (worker_threads) ------------------------------------------------
//
// What a worker thread's runtime needs beyond an ordinary env: heap limits
// chosen by the parent and read back, a hook when the heap nears its limit,
// and host objects (MessagePorts) inside structured clones.

static void ApplyLimits(Isolate::CreateParams *params,
                        const v8c_env_limits *lim) {
  v8::ResourceConstraints &rc = params->constraints;
  if (lim->total_memory) rc.ConfigureDefaults(lim->total_memory, 0);
  const size_t mb = 1024 * 1024;
  if (lim->max_young_mb > 0)
    rc.set_max_young_generation_size_in_bytes(
        (size_t)(lim->max_young_mb * mb));
  if (lim->max_old_mb > 0)
    rc.set_max_old_generation_size_in_bytes((size_t)(lim->max_old_mb * mb));
  if (lim->code_range_mb > 0)
    rc.set_code_range_size_in_bytes((size_t)(lim->code_range_mb * mb));
  if (lim->stack_mb > 0) {
    // The limit is an address: this far below where the thread is now,
    // keeping a margin for C frames below V8's.
    uintptr_t here = reinterpret_cast<uintptr_t>(&rc);
    size_t bytes = (size_t)(lim->stack_mb * mb);
    size_t margin = 192 * 1024;
    size_t usable = bytes > 2 * margin ? bytes - margin : bytes / 2;
    rc.set_stack_limit(reinterpret_cast<uint32_t *>(here - usable));
  }
}

extern "C" v8c_env *v8c_env_new_limited(void *data,
                                         const v8c_env_limits *limits) {
  return EnvNew(data, limits);
}

extern "C" void v8c_env_default_limits(uint64_t total_memory, double *young_mb,
                                       double *old_mb) {
  v8::ResourceConstraints rc;
  rc.ConfigureDefaults(total_memory, 0);
  *young_mb = (double)rc.max_young_generation_size_in_bytes() / (1024 * 1024);
  *old_mb = (double)rc.max_old_generation_size_in_bytes() / (1024 * 1024);
}

static size_t OnNearHeapLimit(void *data, size_t current, size_t initial) {
  (void)initial;
  v8c_env *env = static_cast<v8c_env *>(data);
  if (env->on_heap_limit) env->on_heap_limit(env);
  // Room to unwind the JS that is terminating; the env stops anyway.
  return current + current / 2 + 16 * 1024 * 1024;
}

extern "C" void v8c_on_heap_limit(v8c_env *env, v8c_heap_limit_cb cb) {
  env->on_heap_limit = cb;
  env->isolate->AddNearHeapLimitCallback(OnNearHeapLimit, env);
}

extern "C" v8c_value v8c_host_object(v8c_env *env) {
  Local<Object> obj;
  if (!env->wrap_template.Get(env->isolate)->NewInstance(Ctx(env)).ToLocal(&obj))
    return nullptr;
  for (int i = 0; i < 3; i++) obj->SetAlignedPointerInInternalField(i, nullptr);
  return V(obj.As<Value>());
}

static bool HostList(v8c_env *env, uint32_t n, const v8c_value *objs,
                     std::vector<Local<Object>> *out) {
  for (uint32_t i = 0; i < n; i++) {
    if (!objs[i] || !L(objs[i])->IsObject()) {
      v8c_throw_error(env, V8C_TYPE_ERROR, "ERR_INVALID_ARG_TYPE",
                      "Host objects must be objects");
      return false;
    }
    out->push_back(LA<Object>(objs[i]));
  }
  return true;
}

extern "C" v8c_serialized *v8c_serialize_host(v8c_env *env, v8c_value v,
                                              v8c_value transfer, uint32_t n,
                                              const v8c_value *hosts) {
  std::vector<Local<Object>> list;
  if (!HostList(env, n, hosts, &list)) return nullptr;
  return Serialize(env, v, transfer, &list);
}

extern "C" v8c_value v8c_deserialize_host(v8c_env *env, v8c_serialized *s,
                                          uint32_t n, const v8c_value *hosts) {
  std::vector<Local<Object>> list;
  if (!HostList(env, n, hosts, &list)) return nullptr;
  return Deserialize(env, s, &list);
}
