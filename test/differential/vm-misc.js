// vm contexts, scripts, errors and compileFunction, as printed.
'use strict';
const vm = require('vm');
const ctx = vm.createContext({ x: 2, console });
console.log(vm.runInContext('var y = x * 21; y', ctx), ctx.y, vm.isContext(ctx), vm.isContext({}));
const s = new vm.Script('z = typeof require + typeof x', { filename: 'my.vm' });
console.log(s.runInNewContext({ x: 1 }), s.runInThisContext === undefined);
console.log(vm.runInNewContext('this.constructor.name + Object.keys(this)', { a: 1, b: 2 }));
try { vm.runInNewContext('throw new TypeError("inner")'); } catch (e) { console.log(e instanceof TypeError, e.name, e.message); }
try { new vm.Script('let let = 1', { filename: 'bad.js' }); } catch (e) { console.log(e.name, e.message, e.stack.split('\n').slice(0, 3)); }
try { vm.runInNewContext('while (true) {}', {}, { timeout: 10 }); } catch (e) { console.log(e.code, e.message); }
const f = vm.compileFunction('return a + b', ['a', 'b'], { contextExtensions: undefined });
console.log(f(1, 2), f.length, f.name);
console.log(vm.runInThisContext('typeof globalThis.process'), vm.runInNewContext('typeof process'));
console.log(vm.runInNewContext('[1,2].map(n => n * 2)'), vm.runInNewContext('({a: 1})'));
