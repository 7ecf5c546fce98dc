/* v8.c — binding 'v8': V8's value serializer step by step (v8.Serializer,
 * v8.Deserializer), heap statistics, the code cache tag and V8 flags. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static const int serializer_tag = 0;
static const int deserializer_tag = 0;

static void free_serializer(void *ptr, void *hint) {
  (void)hint;
  v8c_serializer_free(ptr);
}

static void free_deserializer(void *ptr, void *hint) {
  (void)hint;
  v8c_deserializer_free(ptr);
}

static v8c_serializer *arg_ser(v8c_call *c) {
  v8c_serializer *s = v8c_unwrap(v8c_call_env(c), v8c_arg(c, 0),
                                 &serializer_tag);
  if (!s) nr__throw_arg_type(v8c_call_env(c), "serializer", "Serializer");
  return s;
}

static v8c_deserializer *arg_des(v8c_call *c) {
  v8c_deserializer *d = v8c_unwrap(v8c_call_env(c), v8c_arg(c, 0),
                                   &deserializer_tag);
  if (!d) nr__throw_arg_type(v8c_call_env(c), "deserializer", "Deserializer");
  return d;
}

static void free_bytes(void *data, void *hint) {
  (void)hint;
  free(data);
}

/* ---- Serializer ------------------------------------------------------ */

static void ser_new(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_serializer *s = v8c_serializer_new(env);
  v8c_value obj = v8c_wrap(env, &serializer_tag, s, free_serializer, NULL);
  if (!obj) return v8c_serializer_free(s);
  v8c_return(c, obj);
}

static void ser_write_header(v8c_call *c) {
  v8c_serializer *s = arg_ser(c);
  if (s) v8c_serializer_write_header(s);
}

/* serWriteValue(h, self, value) -> true, or throws */
static void ser_write_value(v8c_call *c) {
  v8c_serializer *s = arg_ser(c);
  if (s && v8c_serializer_write_value(v8c_call_env(c), s, v8c_arg(c, 1),
                                      v8c_arg(c, 2)))
    v8c_return_bool(c, true);
}

/* serRelease(h) -> Uint8Array over the bytes written */
static void ser_release(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_serializer *s = arg_ser(c);
  if (!s) return;
  size_t len;
  uint8_t *data = v8c_serializer_release(s, &len);
  v8c_value ab = data ? v8c_arraybuffer_external(env, data, len, free_bytes,
                                                 NULL)
                      : v8c_arraybuffer(env, 0, (void **)&data);
  if (ab) v8c_return(c, v8c_uint8array(env, ab, 0, len));
}

static void ser_transfer(v8c_call *c) {
  int64_t id;
  v8c_serializer *s = arg_ser(c);
  if (!s || !nr__arg_int(c, 1, "id", 0, UINT32_MAX, &id)) return;
  if (!v8c_serializer_transfer_array_buffer(s, (uint32_t)id, v8c_arg(c, 2)))
    nr__throw_arg_type(v8c_call_env(c), "arrayBuffer", "ArrayBuffer");
}

static void ser_write_uint32(v8c_call *c) {
  int64_t v;
  v8c_serializer *s = arg_ser(c);
  if (s && nr__arg_int(c, 1, "value", 0, UINT32_MAX, &v))
    v8c_serializer_write_uint32(s, (uint32_t)v);
}

/* serWriteUint64(h, hi, lo) */
static void ser_write_uint64(v8c_call *c) {
  int64_t hi, lo;
  v8c_serializer *s = arg_ser(c);
  if (s && nr__arg_int(c, 1, "hi", 0, UINT32_MAX, &hi) &&
      nr__arg_int(c, 2, "lo", 0, UINT32_MAX, &lo))
    v8c_serializer_write_uint64(s, ((uint64_t)hi << 32) | (uint64_t)lo);
}

static void ser_write_double(v8c_call *c) {
  v8c_serializer *s = arg_ser(c);
  if (!s) return;
  if (!v8c_is(v8c_arg(c, 1), V8C_NUMBER)) {
    nr__throw_arg_type(v8c_call_env(c), "value", "number");
    return;
  }
  v8c_serializer_write_double(s, v8c_value_double(v8c_arg(c, 1)));
}

static void ser_write_raw(v8c_call *c) {
  v8c_serializer *s = arg_ser(c);
  if (!s) return;
  void *data;
  size_t len;
  if (!v8c_is(v8c_arg(c, 1), V8C_ARRAY_BUFFER_VIEW) ||
      !v8c_bytes(v8c_arg(c, 1), &data, &len)) {
    nr__throw_arg_type(v8c_call_env(c), "source",
                       "an instance of Buffer, TypedArray, or DataView");
    return;
  }
  v8c_serializer_write_raw(s, data, len);
}

static void ser_views_as_host(v8c_call *c) {
  v8c_serializer *s = arg_ser(c);
  if (s)
    v8c_serializer_views_as_host_objects(
        s, v8c_to_bool(v8c_call_env(c), v8c_arg(c, 1)));
}

/* ---- Deserializer ---------------------------------------------------- */

/* desNew(view) -> a deserializer over a copy of the view's bytes */
static void des_new(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  void *data;
  size_t len;
  if (!v8c_is(v8c_arg(c, 0), V8C_ARRAY_BUFFER_VIEW) ||
      !v8c_bytes(v8c_arg(c, 0), &data, &len)) {
    nr__throw_arg_type(env, "buffer",
                       "an instance of Buffer, TypedArray, or DataView");
    return;
  }
  v8c_deserializer *d = v8c_deserializer_new(env, data, len);
  if (!d) return;
  v8c_value obj = v8c_wrap(env, &deserializer_tag, d, free_deserializer,
                           NULL);
  if (!obj) return v8c_deserializer_free(d);
  v8c_return(c, obj);
}

static void des_read_header(v8c_call *c) {
  v8c_deserializer *d = arg_des(c);
  if (d && v8c_deserializer_read_header(v8c_call_env(c), d, v8c_arg(c, 1)))
    v8c_return_bool(c, true);
}

static void des_read_value(v8c_call *c) {
  v8c_deserializer *d = arg_des(c);
  if (!d) return;
  v8c_value v = v8c_deserializer_read_value(v8c_call_env(c), d,
                                            v8c_arg(c, 1));
  if (v) v8c_return(c, v);
}

static void des_transfer(v8c_call *c) {
  int64_t id;
  v8c_deserializer *d = arg_des(c);
  if (!d || !nr__arg_int(c, 1, "id", 0, UINT32_MAX, &id)) return;
  if (!v8c_deserializer_transfer_array_buffer(d, (uint32_t)id,
                                              v8c_arg(c, 2)))
    nr__throw_arg_type(v8c_call_env(c), "arrayBuffer",
                       "ArrayBuffer or SharedArrayBuffer");
}

static void des_wire_version(v8c_call *c) {
  v8c_deserializer *d = arg_des(c);
  if (d) v8c_return_double(c, v8c_deserializer_wire_format_version(d));
}

static void read_failed(v8c_call *c) {
  v8c_throw_error(v8c_call_env(c), V8C_ERROR, NULL, "ReadUint32() failed");
}

static void des_read_uint32(v8c_call *c) {
  uint32_t v;
  v8c_deserializer *d = arg_des(c);
  if (!d) return;
  if (!v8c_deserializer_read_uint32(d, &v)) return read_failed(c);
  v8c_return_double(c, v);
}

/* desReadUint64(h) -> [hi, lo] */
static void des_read_uint64(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  uint64_t v;
  v8c_deserializer *d = arg_des(c);
  if (!d) return;
  if (!v8c_deserializer_read_uint64(d, &v)) {
    v8c_throw_error(env, V8C_ERROR, NULL, "ReadUint64() failed");
    return;
  }
  v8c_value arr = v8c_array(env, 2);
  v8c_set_index(env, arr, 0, v8c_uint32(env, (uint32_t)(v >> 32)));
  v8c_set_index(env, arr, 1, v8c_uint32(env, (uint32_t)v));
  v8c_return(c, arr);
}

static void des_read_double(v8c_call *c) {
  double v;
  v8c_deserializer *d = arg_des(c);
  if (!d) return;
  if (!v8c_deserializer_read_double(d, &v)) {
    v8c_throw_error(v8c_call_env(c), V8C_ERROR, NULL, "ReadDouble() failed");
    return;
  }
  v8c_return_double(c, v);
}

/* desReadRaw(h, length) -> offset of the bytes in the input */
static void des_read_raw(v8c_call *c) {
  int64_t len;
  size_t offset;
  v8c_deserializer *d = arg_des(c);
  if (!d || !nr__arg_int(c, 1, "length", 0, INT32_MAX, &len)) return;
  if (!v8c_deserializer_read_raw(d, (size_t)len, &offset)) {
    v8c_throw_error(v8c_call_env(c), V8C_ERROR, NULL,
                    "ReadRawBytes() failed");
    return;
  }
  v8c_return_double(c, (double)offset);
}

/* ---- The rest -------------------------------------------------------- */

static void cached_data_version_tag(v8c_call *c) {
  v8c_return_double(c, v8c_cached_data_version_tag());
}

static void set_flags(v8c_call *c) {
  char *flags = nr__arg_string(c, 0, "flags");
  if (!flags) return;
  v8c_set_flags(flags);
  free(flags);
}

static bool set_num(v8c_env *env, v8c_value o, const char *k, double v) {
  return v8c_set_named(env, o, k, v8c_number(env, v));
}

static void heap_statistics(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_heap_stats_full h;
  v8c_heap_statistics_full(env, &h);
  v8c_value o = v8c_object(env);
  if (!set_num(env, o, "total_heap_size", h.total_heap_size) ||
      !set_num(env, o, "total_heap_size_executable",
               h.total_heap_size_executable) ||
      !set_num(env, o, "total_physical_size", h.total_physical_size) ||
      !set_num(env, o, "total_available_size", h.total_available_size) ||
      !set_num(env, o, "used_heap_size", h.used_heap_size) ||
      !set_num(env, o, "heap_size_limit", h.heap_size_limit) ||
      !set_num(env, o, "malloced_memory", h.malloced_memory) ||
      !set_num(env, o, "peak_malloced_memory", h.peak_malloced_memory) ||
      !set_num(env, o, "does_zap_garbage", h.does_zap_garbage) ||
      !set_num(env, o, "number_of_native_contexts",
               h.number_of_native_contexts) ||
      !set_num(env, o, "number_of_detached_contexts",
               h.number_of_detached_contexts) ||
      !set_num(env, o, "total_global_handles_size",
               h.total_global_handles_size) ||
      !set_num(env, o, "used_global_handles_size",
               h.used_global_handles_size) ||
      !set_num(env, o, "external_memory", h.external_memory))
    return;
  v8c_return(c, o);
}

static void heap_code_statistics(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_heap_code_stats h;
  v8c_heap_code_statistics(env, &h);
  v8c_value o = v8c_object(env);
  if (!set_num(env, o, "code_and_metadata_size", h.code_and_metadata_size) ||
      !set_num(env, o, "bytecode_and_metadata_size",
               h.bytecode_and_metadata_size) ||
      !set_num(env, o, "external_script_source_size",
               h.external_script_source_size) ||
      !set_num(env, o, "cpu_profiler_metadata_size",
               h.cpu_profiler_metadata_size))
    return;
  v8c_return(c, o);
}

static void heap_space_statistics(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_heap_space_stats spaces[32];
  size_t n = v8c_heap_space_statistics(env, spaces, 32);
  if (n > 32) n = 32;
  v8c_value arr = v8c_array(env, (uint32_t)n);
  for (size_t i = 0; i < n; i++) {
    v8c_value o = v8c_object(env);
    if (!v8c_set_named(env, o, "space_name",
                       v8c_string(env, spaces[i].name, (size_t)-1)) ||
        !set_num(env, o, "space_size", spaces[i].size) ||
        !set_num(env, o, "space_used_size", spaces[i].used) ||
        !set_num(env, o, "space_available_size", spaces[i].available) ||
        !set_num(env, o, "physical_space_size", spaces[i].physical) ||
        !v8c_set_index(env, arr, (uint32_t)i, o))
      return;
  }
  v8c_return(c, arr);
}

static const nr__method methods[] = {
    {"cachedDataVersionTag", cached_data_version_tag},
    {"desNew", des_new},
    {"desReadDouble", des_read_double},
    {"desReadHeader", des_read_header},
    {"desReadRaw", des_read_raw},
    {"desReadUint32", des_read_uint32},
    {"desReadUint64", des_read_uint64},
    {"desReadValue", des_read_value},
    {"desTransfer", des_transfer},
    {"desWireVersion", des_wire_version},
    {"heapCodeStatistics", heap_code_statistics},
    {"heapSpaceStatistics", heap_space_statistics},
    {"heapStatistics", heap_statistics},
    {"serNew", ser_new},
    {"serRelease", ser_release},
    {"serTransfer", ser_transfer},
    {"serViewsAsHost", ser_views_as_host},
    {"serWriteDouble", ser_write_double},
    {"serWriteHeader", ser_write_header},
    {"serWriteRaw", ser_write_raw},
    {"serWriteUint32", ser_write_uint32},
    {"serWriteUint64", ser_write_uint64},
    {"serWriteValue", ser_write_value},
    {"setFlagsFromString", set_flags},
    {NULL, NULL},
};

bool nr__binding_v8(nr_runtime *rt, v8c_value target) {
  return nr__set_methods(rt->env, target, methods, NULL);
}
