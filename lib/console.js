'use strict';

// The global console: a Console writing to process.stdout and
// process.stderr, which are looked up on first use (they are created
// lazily). Its methods are bound, so `const { log } = console` works.

const {
  Console,
  kBindStreamsLazy,
  kBindProperties,
} = require('internal/console/constructor');

const globalConsole = Object.create({});

for (const key of Reflect.ownKeys(Console.prototype)) {
  if (key === 'constructor') continue;
  const desc = Reflect.getOwnPropertyDescriptor(Console.prototype, key);
  if (typeof desc.value === 'function') {
    desc.value = desc.value.bind(globalConsole);
    if (typeof key === 'string') {
      Reflect.defineProperty(desc.value, 'name', { value: key });
    }
  }
  Reflect.defineProperty(globalConsole, key, desc);
}

globalConsole[kBindStreamsLazy](process);
globalConsole[kBindProperties](true, 'auto');
globalConsole.Console = Console;

module.exports = globalConsole;
