/* module_wrap.c — binding 'module_wrap': ES modules for the loader in
 * lib/internal/modules/esm/. It hands v8c's module functions to JS and
 * routes V8's two host hooks, import() and import.meta, to the JS
 * functions the loader registers. */
#include "internal.h"

/* Argument 0 must be a module object; false after throwing otherwise. */
static bool arg_module(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  if (v8c_module_status(env, v8c_arg(c, 0)) >= 0) return true;
  nr__throw_arg_type(env, "module", "ModuleWrap");
  return false;
}

/* compileModule(source, url) -> module */
static void compile_module(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_value src = v8c_arg(c, 0), url = v8c_arg(c, 1);
  if (!v8c_is(src, V8C_STRING))
    return (void)nr__throw_arg_type(env, "source", "string");
  if (!v8c_is(url, V8C_STRING))
    return (void)nr__throw_arg_type(env, "url", "string");
  v8c_return(c, v8c_module_compile(env, src, url));
}

/* createSyntheticModule(url, exportNames, evaluate) -> module */
static void create_synthetic(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_value url = v8c_arg(c, 0), names = v8c_arg(c, 1), fn = v8c_arg(c, 2);
  if (!v8c_is(url, V8C_STRING))
    return (void)nr__throw_arg_type(env, "url", "string");
  if (!v8c_is(names, V8C_ARRAY))
    return (void)nr__throw_arg_type(env, "exportNames", "Array");
  if (!v8c_is(fn, V8C_FUNCTION))
    return (void)nr__throw_arg_type(env, "evaluate", "function");
  v8c_return(c, v8c_module_synthetic(env, url, names, fn));
}

/* setExport(module, name, value) */
static void set_export(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  if (!arg_module(c)) return;
  if (!v8c_is(v8c_arg(c, 1), V8C_STRING))
    return (void)nr__throw_arg_type(env, "name", "string");
  v8c_module_set_export(env, v8c_arg(c, 0), v8c_arg(c, 1), v8c_arg(c, 2));
}

/* getRequests(module) -> [{ specifier, assert }] */
static void get_requests(v8c_call *c) {
  if (!arg_module(c)) return;
  v8c_return(c, v8c_module_requests(v8c_call_env(c), v8c_arg(c, 0)));
}

/* Resolves an import during instantiate() by calling the JS resolver
 * (data points at it, alive on the stack of instantiate()). */
static v8c_value resolve_in_js(v8c_env *env, void *data, v8c_value specifier,
                               v8c_value assertions, v8c_value referrer) {
  v8c_value fn = *(v8c_value *)data;
  v8c_value argv[3] = {specifier, assertions, referrer};
  return v8c_call_fn(env, fn, v8c_undefined(env), 3, argv);
}

/* instantiate(module, resolve(specifier, assert, referrer) -> module) */
static void instantiate(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  if (!arg_module(c)) return;
  v8c_value fn = v8c_arg(c, 1);
  if (!v8c_is(fn, V8C_FUNCTION))
    return (void)nr__throw_arg_type(env, "resolve", "function");
  v8c_module_instantiate(env, v8c_arg(c, 0), resolve_in_js, &fn);
}

/* evaluate(module) -> promise */
static void evaluate(v8c_call *c) {
  if (!arg_module(c)) return;
  v8c_return(c, v8c_module_evaluate(v8c_call_env(c), v8c_arg(c, 0)));
}

/* getNamespace(module) -> namespace object */
static void get_namespace(v8c_call *c) {
  if (!arg_module(c)) return;
  v8c_return(c, v8c_module_namespace(v8c_call_env(c), v8c_arg(c, 0)));
}

/* getStatus(value) -> kUninstantiated .. kErrored, or -1 for a non-module */
static void get_status(v8c_call *c) {
  v8c_return_int(c, v8c_module_status(v8c_call_env(c), v8c_arg(c, 0)));
}

/* getException(module) -> what an errored module threw */
static void get_exception(v8c_call *c) {
  if (!arg_module(c)) return;
  v8c_return(c, v8c_module_exception(v8c_call_env(c), v8c_arg(c, 0)));
}

/* getArrow(error) -> the "file:line\nsource\n   ^\n" text saved on an
 * error (a link error of instantiate()), or undefined. */
static void get_arrow(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  v8c_value err = v8c_arg(c, 0);
  if (!v8c_is(err, V8C_OBJECT)) return;
  v8c_return(c, v8c_exception_arrow(env, err));
}

/* setArrow(error, text): the place the error shows when it ends the
 * process (the loader points some errors at the user's code). */
static void set_arrow(v8c_call *c) {
  v8c_env *env = v8c_call_env(c);
  if (!v8c_is(v8c_arg(c, 0), V8C_OBJECT))
    return (void)nr__throw_arg_type(env, "error", "object");
  if (!v8c_is(v8c_arg(c, 1), V8C_STRING))
    return (void)nr__throw_arg_type(env, "arrow", "string");
  v8c_exception_set_arrow(env, v8c_arg(c, 0), v8c_arg(c, 1));
}

/* import(specifier) anywhere: calls the registered JS function with
 * (specifier, referrer name, assertions); it returns a promise. */
static v8c_value on_import(v8c_env *env, void *data, v8c_value specifier,
                           v8c_value referrer, v8c_value assertions) {
  nr_runtime *rt = data;
  v8c_value fn = v8c_ref_get(env, rt->import_cb);
  if (!fn) {
    return v8c_throw_error(env, V8C_TYPE_ERROR,
                           "ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING",
                           "A dynamic import callback was not specified.");
  }
  v8c_value argv[3] = {specifier, referrer, assertions};
  return v8c_call_fn(env, fn, v8c_undefined(env), 3, argv);
}

/* import.meta's first read: the registered function fills it. */
static void on_import_meta(v8c_env *env, void *data, v8c_value module,
                           v8c_value meta) {
  nr_runtime *rt = data;
  v8c_value fn = v8c_ref_get(env, rt->import_meta_cb);
  if (!fn) return;
  v8c_value argv[2] = {meta, module};
  v8c_call_fn(env, fn, v8c_undefined(env), 2, argv);
}

/* Replaces the function behind a host hook. */
static void set_hook(v8c_call *c, v8c_ref **slot) {
  v8c_env *env = v8c_call_env(c);
  v8c_value fn = v8c_arg(c, 0);
  if (!v8c_is(fn, V8C_FUNCTION))
    return (void)nr__throw_arg_type(env, "callback", "function");
  v8c_ref_free(*slot);
  *slot = v8c_ref_new(env, fn);
}

/* setImportModuleDynamicallyCallback(fn(specifier, referrer, assert)) */
static void set_import_cb(v8c_call *c) {
  set_hook(c, &nr__rt(c)->import_cb);
}

/* setInitializeImportMetaObjectCallback(fn(meta, module)) */
static void set_import_meta_cb(v8c_call *c) {
  set_hook(c, &nr__rt(c)->import_meta_cb);
}

static const nr__method methods[] = {
    {"compileModule", compile_module},
    {"createSyntheticModule", create_synthetic},
    {"setExport", set_export},
    {"getRequests", get_requests},
    {"instantiate", instantiate},
    {"evaluate", evaluate},
    {"getNamespace", get_namespace},
    {"getStatus", get_status},
    {"getException", get_exception},
    {"getArrow", get_arrow},
    {"setArrow", set_arrow},
    {"setImportModuleDynamicallyCallback", set_import_cb},
    {"setInitializeImportMetaObjectCallback", set_import_meta_cb},
    {NULL, NULL},
};

static const nr__constant constants[] = {
    {"kUninstantiated", V8C_MODULE_UNINSTANTIATED},
    {"kInstantiating", V8C_MODULE_INSTANTIATING},
    {"kInstantiated", V8C_MODULE_INSTANTIATED},
    {"kEvaluating", V8C_MODULE_EVALUATING},
    {"kEvaluated", V8C_MODULE_EVALUATED},
    {"kErrored", V8C_MODULE_ERRORED},
    {NULL, 0},
};

bool nr__binding_module_wrap(nr_runtime *rt, v8c_value target) {
  v8c_env *env = rt->env;
  /* The hooks go to V8 once; they call JS only after the loader set it. */
  v8c_on_dynamic_import(env, on_import, rt);
  v8c_on_import_meta(env, on_import_meta, rt);
  return nr__set_methods(env, target, methods, NULL) &&
         nr__set_constants(env, target, constants);
}
