/* types.c — binding 'types': the type checks behind util.types. Each is
 * the same native reading which check to make from its data pointer. */
#include "internal.h"

static void check(v8c_call *c) {
  v8c_type t = (v8c_type)(intptr_t)v8c_data(c);
  v8c_return_bool(c, v8c_is(v8c_arg(c, 0), t));
}

static void is_boxed_primitive(v8c_call *c) {
  v8c_value v = v8c_arg(c, 0);
  v8c_return_bool(c, v8c_is(v, V8C_NUMBER_OBJECT) ||
                         v8c_is(v, V8C_STRING_OBJECT) ||
                         v8c_is(v, V8C_BOOLEAN_OBJECT) ||
                         v8c_is(v, V8C_BIGINT_OBJECT) ||
                         v8c_is(v, V8C_SYMBOL_OBJECT));
}

static void is_any_array_buffer(v8c_call *c) {
  v8c_value v = v8c_arg(c, 0);
  v8c_return_bool(c, v8c_is(v, V8C_ARRAY_BUFFER) ||
                         v8c_is(v, V8C_SHARED_ARRAY_BUFFER));
}

static const struct { const char *name; v8c_type type; } checks[] = {
    {"isExternal", V8C_EXTERNAL}, {"isDate", V8C_DATE},
    {"isArgumentsObject", V8C_ARGUMENTS},
    {"isBigIntObject", V8C_BIGINT_OBJECT},
    {"isBooleanObject", V8C_BOOLEAN_OBJECT},
    {"isNumberObject", V8C_NUMBER_OBJECT},
    {"isStringObject", V8C_STRING_OBJECT},
    {"isSymbolObject", V8C_SYMBOL_OBJECT},
    {"isNativeError", V8C_NATIVE_ERROR}, {"isRegExp", V8C_REGEXP},
    {"isAsyncFunction", V8C_ASYNC_FUNCTION},
    {"isGeneratorFunction", V8C_GENERATOR_FUNCTION},
    {"isGeneratorObject", V8C_GENERATOR_OBJECT},
    {"isPromise", V8C_PROMISE}, {"isMap", V8C_MAP}, {"isSet", V8C_SET},
    {"isMapIterator", V8C_MAP_ITERATOR}, {"isSetIterator", V8C_SET_ITERATOR},
    {"isWeakMap", V8C_WEAK_MAP}, {"isWeakSet", V8C_WEAK_SET},
    {"isArrayBuffer", V8C_ARRAY_BUFFER}, {"isDataView", V8C_DATA_VIEW},
    {"isSharedArrayBuffer", V8C_SHARED_ARRAY_BUFFER},
    {"isProxy", V8C_PROXY}, {"isModuleNamespaceObject", V8C_MODULE_NAMESPACE},
    {"isArrayBufferView", V8C_ARRAY_BUFFER_VIEW},
    {"isTypedArray", V8C_TYPED_ARRAY}, {"isUint8Array", V8C_UINT8_ARRAY},
    {"isUint8ClampedArray", V8C_UINT8_CLAMPED_ARRAY},
    {"isUint16Array", V8C_UINT16_ARRAY}, {"isUint32Array", V8C_UINT32_ARRAY},
    {"isInt8Array", V8C_INT8_ARRAY}, {"isInt16Array", V8C_INT16_ARRAY},
    {"isInt32Array", V8C_INT32_ARRAY}, {"isFloat32Array", V8C_FLOAT32_ARRAY},
    {"isFloat64Array", V8C_FLOAT64_ARRAY},
    {"isBigInt64Array", V8C_BIGINT64_ARRAY},
    {"isBigUint64Array", V8C_BIGUINT64_ARRAY},
};

static const nr__method methods[] = {
    {"isBoxedPrimitive", is_boxed_primitive},
    {"isAnyArrayBuffer", is_any_array_buffer},
    {NULL, NULL},
};

bool nr__binding_types(nr_runtime *rt, v8c_value target) {
  v8c_env *env = rt->env;
  for (size_t i = 0; i < sizeof checks / sizeof checks[0]; i++) {
    v8c_value fn = v8c_function(env, checks[i].name, check,
                                (void *)(intptr_t)checks[i].type);
    if (!fn || !v8c_set_named(env, target, checks[i].name, fn)) return false;
  }
  return nr__set_methods(env, target, methods, NULL);
}
