'use strict';

// The 'readline/promises' module: an Interface whose question() returns a
// promise and whose completer may return one, and the Readline class of
// queued cursor actions.

const { AbortError } = require('internal/errors');
const { validateAbortSignal } = require('internal/validators');
const {
  Interface: InterfaceBase,
  kQuestion,
  kQuestionCancel,
} = require('internal/readline/interface');
const { Readline } = require('internal/readline/promises');

class Interface extends InterfaceBase {
  // eslint-disable-next-line no-useless-constructor
  constructor(input, output, completer, terminal) {
    super(input, output, completer, terminal);
  }

  // Resolves with the answer; rejects with an AbortError when
  // options.signal aborts first (the question is then withdrawn).
  question(query, options = {}) {
    return new Promise((resolve, reject) => {
      let cb = resolve;
      const signal = options?.signal;
      if (signal) {
        validateAbortSignal(signal, 'options.signal');
        if (signal.aborted) {
          reject(new AbortError(undefined, { cause: signal.reason }));
          return;
        }
        const onAbort = () => {
          this[kQuestionCancel]();
          reject(new AbortError(undefined, { cause: signal.reason }));
        };
        signal.addEventListener('abort', onAbort, { once: true });
        cb = (answer) => {
          signal.removeEventListener('abort', onAbort);
          resolve(answer);
        };
      }
      this[kQuestion](query, cb);
    });
  }
}

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

module.exports = {
  Interface,
  Readline,
  createInterface,
};
