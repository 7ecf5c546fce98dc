'use strict';
// vm contexts with microtaskMode 'afterEvaluate' drain their own microtask
// queue when each evaluation ends, inside its timeout; the first-line caret
// of a vm error ignores columnOffset; a context's global lists symbols.
require('../common');
const assert = require('assert');
const vm = require('vm');

const log = [];
const own = vm.createContext({ log }, { microtaskMode: 'afterEvaluate' });
vm.runInContext('Promise.resolve().then(() => log.push("micro")); ' +
                'log.push("sync")', own);
log.push('after');
const shared = vm.createContext({ log });
vm.runInContext('Promise.resolve().then(() => log.push("micro2"))', shared);
log.push('after2');
setImmediate(() => {
  assert.deepStrictEqual(log, ['sync', 'micro', 'after', 'after2', 'micro2']);
});

assert.throws(() => vm.createContext({}, { microtaskMode: 'x' }), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The property 'options.microtaskMode' must be one of: " +
           "'afterEvaluate', undefined. Received 'x'",
});

// A microtask that loops forever is stopped by the timeout too.
assert.throws(() => {
  vm.runInNewContext('Promise.resolve().then(() => { while (true); })', {},
                     { timeout: 20, microtaskMode: 'afterEvaluate' });
}, { code: 'ERR_SCRIPT_EXECUTION_TIMEOUT',
     message: 'Script execution timed out after 20ms' });

assert.throws(() => {
  vm.runInContext(' throw new Error()', vm.createContext(), {
    filename: 'f.js', lineOffset: 32, columnOffset: 123,
  });
}, (err) => /^f\.js:33\n throw new Error\(\)\n \^\n/.test(err.stack));

// Not an object at all vs. an object that is not a context.
assert.throws(() => vm.runInContext('1', 1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: /^The "object" argument must be of type object/,
});
assert.throws(() => vm.runInContext('1', {}), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: /^The "contextifiedObject" argument must be an vm\.Context/,
});

const global = vm.runInContext('this', vm.createContext());
const sym = Symbol('s');
Object.defineProperty(global, sym, { value: 1, configurable: true,
                                     enumerable: true, writable: true });
assert.ok(Object.getOwnPropertySymbols(global).includes(sym));
