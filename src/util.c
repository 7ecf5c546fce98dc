/* util.c — binding 'util': what util.inspect needs to see inside values
 * (promise state, proxy parts, collection entries, own keys). */
#include "internal.h"

/* getPromiseDetails(promise) -> [state] or [state, result] */
static void get_promise_details(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_value result = NULL;
  int state = v8c_promise_state(v8c_arg(c, 0), &result);
  if (state < 0) return;
  v8c_value arr = v8c_array(env, state ? 2 : 1);
  v8c_set_index(env, arr, 0, v8c_int32(env, state));
  if (state) v8c_set_index(env, arr, 1, result);
  v8c_return(c, arr);
}

/* getProxyDetails(value, full = true) -> [target, handler] | target */
static void get_proxy_details(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_value target, handler;
  if (!v8c_proxy_details(v8c_arg(c, 0), &target, &handler)) return;
  if (v8c_argc(c) > 1 && !v8c_to_bool(env, v8c_arg(c, 1))) {
    v8c_return(c, target);
    return;
  }
  v8c_value arr = v8c_array(env, 2);
  v8c_set_index(env, arr, 0, target);
  v8c_set_index(env, arr, 1, handler);
  v8c_return(c, arr);
}

/* previewEntries(obj, isIterator) -> entries | [entries, isKeyValue] */
static void preview_entries(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_value obj = v8c_arg(c, 0);
  if (!v8c_is(obj, V8C_OBJECT)) return;
  bool kv = false;
  v8c_value entries = v8c_preview_entries(env, obj, &kv);
  if (!entries) return;
  if (!v8c_to_bool(env, v8c_arg(c, 1))) {
    v8c_return(c, entries);
    return;
  }
  v8c_value arr = v8c_array(env, 2);
  v8c_set_index(env, arr, 0, entries);
  v8c_set_index(env, arr, 1, v8c_bool(env, kv));
  v8c_return(c, arr);
}

/* getOwnNonIndexProperties(obj, filter) -> keys */
static void get_own_non_index_properties(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_value obj = v8c_arg(c, 0);
  if (!v8c_is(obj, V8C_OBJECT)) return;
  int64_t filter;
  if (!nr__arg_int(c, 1, "filter", 0, 31, &filter)) return;
  v8c_return(c, v8c_own_keys(env, obj, (int)filter, true));
}

/* getConstructorName(obj) -> string */
static void get_constructor_name(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_value obj = v8c_arg(c, 0);
  if (!v8c_is(obj, V8C_OBJECT)) {
    nr__throw_arg_type(env, "object", "object");
    return;
  }
  v8c_return(c, v8c_constructor_name(env, obj));
}

/* noSideEffectsToString(value) -> string: V8's description of any value,
 * running none of its code (for reporting values that may misbehave). */
static void no_side_effects_to_string(v8c_call *c) {
  v8c_value s = v8c_to_detail_string(v8c_call_env(c), v8c_arg(c, 0));
  if (s) v8c_return(c, s);
}

static const nr__method methods[] = {
    {"getPromiseDetails", get_promise_details},
    {"getProxyDetails", get_proxy_details},
    {"previewEntries", preview_entries},
    {"getOwnNonIndexProperties", get_own_non_index_properties},
    {"getConstructorName", get_constructor_name},
    {"noSideEffectsToString", no_side_effects_to_string},
    {NULL, NULL},
};

static const nr__constant constants[] = {
    {"kPending", 0}, {"kFulfilled", 1}, {"kRejected", 2},
    {"ALL_PROPERTIES", 0}, {"ONLY_ENUMERABLE", 2},
    {NULL, 0},
};

bool nr__binding_util(nr_runtime *rt, v8c_value target) {
  v8c_env *env = rt->env;
  v8c_value k = v8c_object(env);
  return nr__set_methods(env, target, methods, NULL) &&
         nr__set_constants(env, k, constants) &&
         v8c_set_named(env, target, "constants", k);
}
