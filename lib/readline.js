'use strict';

// The 'readline' module: the callback-style Interface, the cursor helpers
// and emitKeypressEvents. The editing engine lives in
// internal/readline/interface.js; this file adds what the classic API
// has on top of it: a constructor callable without `new`, completers
// that answer through a callback, question() with an AbortSignal, and the
// '_name' methods and fields older code (and the REPL) reach into.

const { AbortError } = require('internal/errors');
const { validateAbortSignal } = require('internal/validators');
const { inspect } = require('internal/util/inspect');
const { promisify } = require('util');
const {
  clearLine,
  clearScreenDown,
  cursorTo,
  moveCursor,
} = require('internal/readline/callbacks');
const emitKeypressEvents = require('internal/readline/emitKeypressEvents');
const {
  Interface: InterfaceBase,
  InterfaceConstructor,
  kAddHistory,
  kDecoder,
  kDeleteLeft,
  kDeleteLineLeft,
  kDeleteLineRight,
  kDeleteRight,
  kDeleteWordLeft,
  kDeleteWordRight,
  kGetDisplayPos,
  kHistoryNext,
  kHistoryPrev,
  kInsertString,
  kLine,
  kLine_buffer,
  kMoveCursor,
  kNormalWrite,
  kOldPrompt,
  kOnLine,
  kPreviousKey,
  kPrompt,
  kQuestion,
  kQuestionCallback,
  kQuestionCancel,
  kRefreshLine,
  kSawKeyPress,
  kSawReturnAt,
  kSetRawMode,
  kTabComplete,
  kTabCompleter,
  kTtyWrite,
  kWordLeft,
  kWordRight,
  kWriteToOutput,
} = require('internal/readline/interface');
const promises = require('readline/promises');

// A completer taking one argument answers by returning; wrap it into the
// (line, callback) form the classic Interface calls.
function callbackCompleter(completer) {
  return (v, cb) => cb(null, completer(v));
}

function Interface(input, output, completer, terminal) {
  if (!(this instanceof Interface))
    return new Interface(input, output, completer, terminal);

  if (input && input.input && typeof input.completer === 'function' &&
      input.completer.length !== 2) {
    // Node rewrites the option in the caller's object; so do we.
    input.completer = callbackCompleter(input.completer);
  } else if (typeof completer === 'function' && completer.length !== 2) {
    completer = callbackCompleter(completer);
  }

  InterfaceConstructor.call(this, input, output, completer, terminal);

  // A dumb terminal gets no line editing, only echo.
  if (process.env.TERM === 'dumb') this._ttyWrite = ttyWriteDumb.bind(this);
}

Object.setPrototypeOf(Interface.prototype, InterfaceBase.prototype);
Object.setPrototypeOf(Interface, InterfaceBase);

// question(query[, options], callback)
Interface.prototype.question = function(query, options, cb) {
  cb = typeof options === 'function' ? options : cb;
  if (options !== null && typeof options === 'object') {
    const { signal } = options;
    if (signal) {
      validateAbortSignal(signal, 'options.signal');
      if (signal.aborted) return;
      const onAbort = () => this[kQuestionCancel]();
      signal.addEventListener('abort', onAbort, { once: true });
      const cleanup = () => signal.removeEventListener('abort', onAbort);
      const answer = cb;
      cb = typeof answer === 'function' ? (line) => {
        cleanup();
        return answer(line);
      } : cleanup;
    }
  }
  if (typeof cb === 'function') this[kQuestion](query, cb);
};

// util.promisify(rl.question) resolves with the answer and rejects with
// an AbortError when the signal fires.
Interface.prototype.question[promisify.custom] = function question(query,
                                                                   options) {
  if (options === null || typeof options !== 'object') options = {};
  const { signal } = options;
  if (signal && signal.aborted) {
    return Promise.reject(new AbortError(undefined, { cause: signal.reason }));
  }
  return new Promise((resolve, reject) => {
    let cb = resolve;
    if (signal) {
      const onAbort = () => {
        reject(new AbortError(undefined, { cause: signal.reason }));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      cb = (answer) => {
        signal.removeEventListener('abort', onAbort);
        resolve(answer);
      };
    }
    this.question(query, options, cb);
  });
};

// The classic completion: the completer calls back with
// [completions, completeOn].
function tabComplete(lastKeypressWasTab) {
  this.pause();
  const text = this.line.slice(0, this.cursor);
  this.completer(text, (err, value) => {
    this.resume();
    if (err) {
      this._writeToOutput(`Tab completion error: ${inspect(err)}`);
      return;
    }
    this[kTabCompleter](lastKeypressWasTab, value);
  });
}

// Keys on a dumb terminal: no cursor movement, just text and line ends.
function ttyWriteDumb(s, key) {
  key = key || {};
  if (key.name === 'escape') return;
  if (this[kSawReturnAt] && key.name !== 'enter') this[kSawReturnAt] = 0;
  if (key.ctrl) {
    if (key.name === 'c') {
      if (this.listenerCount('SIGINT') > 0) this.emit('SIGINT');
      else this.close();
      return;
    }
    if (key.name === 'd') {
      this.close();
      return;
    }
  }
  switch (key.name) {
    case 'return':
      this[kSawReturnAt] = Date.now();
      this._line();
      break;
    case 'enter':
      if (this[kSawReturnAt] === 0 ||
          Date.now() - this[kSawReturnAt] > this.crlfDelay) {
        this._line();
      }
      this[kSawReturnAt] = 0;
      break;
    default:
      if (typeof s === 'string' && s) {
        this.line += s;
        this.cursor += s.length;
        this._writeToOutput(s);
      }
  }
}

// Internal state readable and writable as '_name'.
const fields = {
  _decoder: kDecoder,
  _line_buffer: kLine_buffer,
  _oldPrompt: kOldPrompt,
  _previousKey: kPreviousKey,
  _prompt: kPrompt,
  _questionCallback: kQuestionCallback,
  _sawKeyPress: kSawKeyPress,
  _sawReturnAt: kSawReturnAt,
};
for (const name of Object.keys(fields)) {
  const key = fields[name];
  Object.defineProperty(Interface.prototype, name, {
    get() { return this[key]; },
    set(value) { this[key] = value; },
    enumerable: false,
    configurable: false,
  });
}

// Methods exposed as '_name'. The engine calls them through their symbol;
// here the symbol reads '_name', so that replacing rl._name (as the REPL
// does with _ttyWrite) changes what the interface does.
const methods = {
  _setRawMode: kSetRawMode,
  _onLine: kOnLine,
  _writeToOutput: kWriteToOutput,
  _addHistory: kAddHistory,
  _refreshLine: kRefreshLine,
  _normalWrite: kNormalWrite,
  _insertString: kInsertString,
  _tabComplete: kTabComplete,
  _wordLeft: kWordLeft,
  _wordRight: kWordRight,
  _deleteLeft: kDeleteLeft,
  _deleteRight: kDeleteRight,
  _deleteWordLeft: kDeleteWordLeft,
  _deleteWordRight: kDeleteWordRight,
  _deleteLineLeft: kDeleteLineLeft,
  _deleteLineRight: kDeleteLineRight,
  _line: kLine,
  _historyNext: kHistoryNext,
  _historyPrev: kHistoryPrev,
  _getDisplayPos: kGetDisplayPos,
  _getCursorPos: null,
  _moveCursor: kMoveCursor,
  _ttyWrite: kTtyWrite,
};
for (const name of Object.keys(methods)) {
  const key = methods[name];
  if (key === null) {
    Interface.prototype[name] = InterfaceBase.prototype.getCursorPos;
    continue;
  }
  Interface.prototype[name] = key === kTabComplete ? tabComplete :
    InterfaceBase.prototype[key];
  Object.defineProperty(Interface.prototype, key, {
    get() { return this[name]; },
    set(value) {
      Object.defineProperty(this, key, {
        value, writable: true, enumerable: true, configurable: true,
      });
    },
    enumerable: false,
    configurable: true,
  });
}

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

module.exports = {
  Interface,
  clearLine,
  clearScreenDown,
  createInterface,
  cursorTo,
  emitKeypressEvents,
  moveCursor,
  promises,
};
