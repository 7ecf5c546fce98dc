'use strict';

// What the builtin classes with a [util.inspect.custom] method share.
// internal/util/inspect is loaded on first use only: it is large, and the
// classes load during bootstrap, long before anything is printed.

let inspectFn;
function inspect(value, options) {
  if (inspectFn === undefined) {
    inspectFn = require('internal/util/inspect').inspect;
  }
  return inspectFn(value, options);
}

// The options of a nested inspect() call made by a custom inspector.
function nestedOptions(options) {
  return {
    ...options,
    depth: options.depth == null ? options.depth : options.depth - 1,
  };
}

// Prints self as "Name { ...fields }", the way Node prints its
// AbortSignal, AbortController and perf_hooks classes.
function inspectAs(self, fields, depth, options) {
  // Past the depth, inspect prints it the usual way: [Name].
  if (depth < 0) return self;
  return `${self.constructor.name} ${inspect(fields, nestedOptions(options))}`;
}

module.exports = { inspect, inspectAs, nestedOptions };
