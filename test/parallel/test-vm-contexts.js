'use strict';
// vm: scripts in the main context and in contexts of their own.
const { assert } = require('../common');
const vm = require('vm');

// A context reflects its sandbox: reads, writes, var and function
// declarations, deletes.
const sandbox = { a: 1, b: 2 };
assert.strictEqual(vm.createContext(sandbox), sandbox);
assert.strictEqual(vm.isContext(sandbox), true);
assert.strictEqual(vm.isContext({}), false);
assert.strictEqual(vm.runInContext('a + b', sandbox), 3);
vm.runInContext('var c = 5; this.d = 6; e = 7; function f() { return a; }',
                sandbox);
// Function declarations are hoisted: f is defined first.
assert.deepStrictEqual(Object.keys(sandbox), ['a', 'b', 'f', 'c', 'd', 'e']);
assert.strictEqual(sandbox.f(), 1);
sandbox.a = 10;
assert.strictEqual(vm.runInContext('f()', sandbox), 10);
vm.runInContext('delete globalThis.e', sandbox);
assert.strictEqual('e' in sandbox, false);

// Its builtins are its own: another realm.
const arr = vm.runInNewContext('[1, 2]');
assert.strictEqual(arr instanceof Array, false);
assert.strictEqual(Array.isArray(arr), true);
assert.strictEqual(vm.runInNewContext('typeof require'), 'undefined');
assert.strictEqual(vm.runInThisContext('typeof require'), 'undefined');
globalThis.vmSeen = 42;
assert.strictEqual(vm.runInThisContext('vmSeen'), 42);
assert.strictEqual(vm.runInNewContext('typeof vmSeen'), 'undefined');

// One compiled Script runs in many contexts.
const script = new vm.Script('count = (typeof count === "number" ? count : 0) + 1');
const c1 = vm.createContext({});
const c2 = vm.createContext({ count: 10 });
script.runInContext(c1);
script.runInContext(c1);
script.runInContext(c2);
assert.strictEqual(c1.count, 2);
assert.strictEqual(c2.count, 11);

// Errors: syntax errors show their place at the top of the stack; errors
// thrown inside come from the context's own constructors.
assert.throws(() => new vm.Script('let x = ;', { filename: 'f.js' }), (err) => {
  assert.strictEqual(err.name, 'SyntaxError');
  assert.ok(err.stack.startsWith('f.js:1\nlet x = ;\n        ^\n\nSyntaxError'),
            err.stack);
  return true;
});
assert.throws(() => vm.runInNewContext('throw new TypeError("t")'), (err) => {
  assert.strictEqual(err instanceof TypeError, false);
  assert.strictEqual(err.name, 'TypeError');
  return true;
});
assert.throws(() => vm.runInContext('1', {}), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "contextifiedObject" argument must be an vm.Context. ' +
    'Received an instance of Object',
});
assert.throws(() => vm.createContext(1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "object" argument must be of type object. ' +
    'Received type number (1)',
});
// A timeout stops even an endless loop, and the program goes on.
assert.throws(() => vm.runInNewContext('for (;;) {}', {}, { timeout: 50 }), {
  code: 'ERR_SCRIPT_EXECUTION_TIMEOUT',
  message: 'Script execution timed out after 50ms',
});
assert.strictEqual(vm.runInNewContext('6 * 7', {}, { timeout: 1000 }), 42);
assert.throws(() => vm.runInThisContext('1', { timeout: -1 }),
              { code: 'ERR_OUT_OF_RANGE' });
// Options that are not implemented say so instead of being ignored.
assert.throws(() => vm.runInNewContext('1', {}, { breakOnSigint: true }),
              { code: 'ERR_METHOD_NOT_IMPLEMENTED' });

// compileFunction in the main context.
const fn = vm.compileFunction('return a + b', ['a', 'b']);
assert.strictEqual(fn(2, 3), 5);

// Promises in a context run with the same microtask queue.
vm.runInNewContext('Promise.resolve(5).then((v) => done(v))', {
  done: (v) => { assert.strictEqual(v, 5); globalThis.vmPromiseDone = true; },
});
process.on('exit', () => assert.strictEqual(globalThis.vmPromiseDone, true));

// Contexts are collected with their sandbox.
for (let i = 0; i < 200; i++) vm.runInNewContext('var big = new Array(1000).fill(1)', {});
