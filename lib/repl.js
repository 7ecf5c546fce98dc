'use strict';

// The 'repl' module: an interactive shell on any pair of streams, built on
// readline's Interface. `noderun` on a terminal runs one over stdin and
// stdout (lib/internal/repl.js); a program may serve one over a socket.
//
// Evaluation goes through V8's own console mode (internalBinding
// ('contextify').evalRepl, see deps/v8c): top-level `await` works and
// `let`, `const` and `class` declarations persist from one input to the
// next. The same mode with side effects forbidden lets tab completion look
// at the value of an expression without running anything that changes
// state.

const { Interface } = require('readline');
const { inspect } = require('internal/util/inspect');
const vm = require('vm');
const fs = require('fs');
const path = require('path');
const { Console } = require('console');
const { Module, makeEvalModule } = require('internal/modules/cjs/loader');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_REPL_EVAL_CONFIG,
    ERR_INVALID_REPL_INPUT,
    ERR_SCRIPT_EXECUTION_INTERRUPTED,
  },
} = require('internal/errors');
const { validateFunction } = require('internal/validators');
const {
  extractExpression,
  isIdentifier,
  isRecoverableError,
  kKeywords,
  lexicalNames,
  propertyGroups,
  trimStack,
} = require('internal/repl/utils');
const {
  loadHistory,
  saveHistory,
} = require('internal/repl/history');

const { evalRepl, decorateErrorStack } = internalBinding('contextify');
const { getPromiseDetails } = internalBinding('util');
const kFulfilled = 1;
const kRejected = 2;

const REPL_MODE_SLOPPY = Symbol('repl-sloppy');
const REPL_MODE_STRICT = Symbol('repl-strict');

// Builtin modules a user may require, without the internal-looking ones.
const builtinModules = Module.builtinModules.filter(
  (id) => !id.startsWith('_'));

// The default writer, with its options (Node exposes them as
// repl.writer.options).
const writer = (obj) => inspect(obj, writer.options);
writer.options = { ...inspect.defaultOptions, showProxy: true };

// The error a custom eval gives for input that continues on the next line.
class Recoverable extends SyntaxError {
  constructor(err) {
    super();
    this.err = err;
  }
}

let replCount = 0;  // numbers the inputs of all REPLs: REPL1, REPL2 ...

// Input starting with `{` and ending with `}` reads as an object literal,
// not a block (what a user typing `{ a: 1 }` means).
function wrapObjectLiteral(code) {
  const trimmed = code.trim().replace(/;$/, '');
  if (/^\{/.test(trimmed) && /\}$/.test(trimmed)) return `(${trimmed})\n`;
  return null;
}

const kHelp = 'Press Ctrl+C to abort current expression, Ctrl+D to exit ' +
  'the REPL';

function defineDefaultCommands(repl) {
  repl.defineCommand('break', {
    help: 'Sometimes you get stuck, this gets you out',
    action() {
      this.clearBufferedCommand();
      this.displayPrompt();
    },
  });
  repl.defineCommand('clear', {
    help: repl.useGlobal ? 'Alias for .break' :
      'Break, and also clear the local context',
    action() {
      this.clearBufferedCommand();
      if (!this.useGlobal) {
        this.output.write('Clearing context...\n');
        this.resetContext();
      }
      this.displayPrompt();
    },
  });
  repl.defineCommand('exit', {
    help: 'Exit the REPL',
    action() {
      this.queue = [];
      this.close();
    },
  });
  repl.defineCommand('help', {
    help: 'Print this help message',
    action() {
      const names = Object.keys(this.commands).sort();
      const width = Math.max(...names.map((n) => n.length)) + 3;
      for (const name of names) {
        const cmd = this.commands[name];
        const help = cmd.help || '';
        const line = `.${name.padEnd(width)}${help}`.trimEnd();
        this.output.write(`${line}\n`);
      }
      this.output.write(`\n${kHelp}\n`);
      this.displayPrompt();
    },
  });
  repl.defineCommand('save', {
    help: 'Save all evaluated commands in this REPL session to a file',
    action(file) {
      try {
        fs.writeFileSync(file, this.lines.join('\n'));
        this.output.write(`Session saved to: ${file}\n`);
      } catch {
        this.output.write(`Failed to save: ${file}\n`);
      }
      this.displayPrompt();
    },
  });
  repl.defineCommand('load', {
    help: 'Load JS from a file into the REPL session',
    action(file) {
      let code;
      try {
        if (!fs.statSync(file).isFile()) throw new Error('not a file');
        code = fs.readFileSync(file, 'utf8');
      } catch {
        this.output.write(`Failed to load: ${file}\n`);
        this.displayPrompt();
        return;
      }
      code = code.replace(/\n*$/, '');
      // On a terminal the file shows as if it had been typed.
      if (this.terminal) this.output.write(`${code}\n\n`);
      this.runInput(code, false);
    },
  });
  // Editing a block needs a terminal: Node offers it only there.
  if (!repl.terminal) return;
  repl.defineCommand('editor', {
    help: 'Enter editor mode',
    action() {
      this.editorMode = true;
      this.output.write(
        '// Entering editor mode (Ctrl+D to finish, Ctrl+C to cancel)\n');
      this.editorLines = [];
      this.setPrompt('');
      this.prompt();
    },
  });
}

// new REPLServer(options) or (prompt, stream, eval, useGlobal,
// ignoreUndefined, replMode), as in Node.
function REPLServer(prompt, stream, eval_, useGlobal, ignoreUndefined,
                    replMode) {
  if (!(this instanceof REPLServer)) {
    return new REPLServer(prompt, stream, eval_, useGlobal, ignoreUndefined,
                          replMode);
  }
  let options;
  if (prompt !== null && typeof prompt === 'object') {
    options = { ...prompt };
    stream = options.stream || options.socket;
    eval_ = options.eval;
    useGlobal = options.useGlobal;
    ignoreUndefined = options.ignoreUndefined;
    prompt = options.prompt;
    replMode = options.replMode;
  } else {
    options = {};
  }
  if (eval_ !== undefined) validateFunction(eval_, 'options.eval');
  if (options.breakEvalOnSigint && eval_) {
    // Node allows it only with the default eval.
    throw new ERR_INVALID_REPL_EVAL_CONFIG();
  }

  const input = options.input || (stream ? stream : process.stdin);
  const output = options.output || (stream ? stream : process.stdout);
  if (input === null || typeof input.on !== 'function')
    throw new ERR_INVALID_ARG_TYPE('options.input', 'stream.Readable', input);
  const terminal = options.terminal === undefined ? !!output.isTTY :
    !!options.terminal;

  this.useGlobal = !!useGlobal;
  this.ignoreUndefined = !!ignoreUndefined;
  this.replMode = replMode || REPL_MODE_SLOPPY;
  this.underscoreAssigned = false;
  this.underscoreErrAssigned = false;
  this.last = undefined;
  this.lastError = undefined;
  this.breakEvalOnSigint = !!options.breakEvalOnSigint;
  this.editorMode = false;
  this.editorLines = [];
  this.bufferedCommand = '';
  this.lines = [];
  this.commands = { __proto__: null };
  this._initialPrompt = prompt === undefined ? '> ' : String(prompt);
  this.historyFile = null;
  this.declared = [];   // let/const/class names, for completion
  this.pending = null;  // the evaluation being awaited
  this.queue = [];      // lines that came in meanwhile
  this.exitWhenIdle = false;

  let useColors = options.useColors;
  if (useColors === undefined) {
    useColors = terminal && process.env.NODE_DISABLE_COLORS === undefined &&
      (typeof output.hasColors === 'function' ? output.hasColors() : true);
  }
  this.useColors = !!useColors;
  if (options.writer !== undefined) {
    this.writer = options.writer;
  } else if (this.useColors) {
    this.writer = (obj) => inspect(obj, { ...writer.options, colors: true });
  } else {
    this.writer = writer;
  }

  this.eval = eval_ || defaultEval;
  // What evaluated code leaves running (timers, ticks, promises) throws
  // into this REPL's domain: shown, and the session goes on, as in Node.
  this._domain = options.domain || require('domain').create();
  replDomains.add(this._domain);
  installListenerGuard();
  this._domain.on('error', (err) => {
    // The domain's marks are not part of what the user threw.
    if (err !== null && typeof err === 'object' && err.domainThrown) {
      delete err.domain;
      delete err.domainThrown;
    }
    if (this.terminal) this.clearLine();
    this.printError(err);
    this.displayPrompt();
  });
  const completer = options.completer ||
    ((text, cb) => this.complete(text, cb));

  Interface.call(this, {
    input,
    output,
    completer,
    terminal,
    historySize: options.historySize,
    prompt: this._initialPrompt,
  });

  this.resetContext();
  defineDefaultCommands(this);

  this.on('line', (line) => this.onLine(line));
  this.on('SIGINT', () => this.onSigint());
  // The end of the input (or .exit, ctrl+D) ends the REPL once the
  // inputs already read have run; an unfinished multi-line input is
  // dropped, as Node does.
  this.once('close', () => {
    if (this.terminal) this.output.write('\n');
    if (this.pending === null && this.queue.length === 0) this.emit('exit');
    else this.exitWhenIdle = true;
  });

  this.displayPrompt();
}

Object.setPrototypeOf(REPLServer.prototype, Interface.prototype);
Object.setPrototypeOf(REPLServer, Interface);

// ---- Context ---------------------------------------------------------

REPLServer.prototype.createContext = function createContext() {
  let context;
  if (this.useGlobal) {
    context = globalThis;
  } else {
    context = vm.createContext();
    // The new context has its own language builtins; everything else the
    // main context offers (process, Buffer, timers ...) is shared.
    for (const name of Object.getOwnPropertyNames(globalThis)) {
      if (name === 'console' || name === 'global' || name in context) continue;
      const desc = Object.getOwnPropertyDescriptor(globalThis, name);
      if (desc) Object.defineProperty(context, name, desc);
    }
    context.global = context;
    const console = new Console(this.output);
    Object.defineProperty(context, 'console', {
      configurable: true, writable: true, value: console,
    });
  }
  const { module, require } = makeEvalModule('<repl>');
  // As in Node: no file (relative requires start at the current directory,
  // require stacks say '<repl>'), node_modules lookups from ./repl.
  module.filename = null;
  module.paths = Module._nodeModulePaths(path.join(process.cwd(), 'repl'));
  this.module = module;
  Object.defineProperty(context, 'module', {
    configurable: true, writable: true, value: module,
  });
  Object.defineProperty(context, 'require', {
    configurable: true, writable: true, value: require,
  });
  Object.defineProperty(context, 'exports', {
    configurable: true, writable: true, value: module.exports,
  });
  addBuiltinModules(context, require);
  return context;
};

// Builtin modules are globals in the REPL, loaded on first use.
function addBuiltinModules(context, require) {
  for (const id of builtinModules) {
    if (id.includes('/') || Object.prototype.hasOwnProperty.call(context, id))
      continue;
    Object.defineProperty(context, id, {
      get() {
        const value = require(id);
        Object.defineProperty(context, id, {
          value, writable: true, enumerable: false, configurable: true,
        });
        return value;
      },
      set(value) {
        Object.defineProperty(context, id, {
          value, writable: true, enumerable: false, configurable: true,
        });
      },
      enumerable: false,
      configurable: true,
    });
  }
}

REPLServer.prototype.resetContext = function resetContext() {
  this.context = this.createContext();
  this.underscoreAssigned = false;
  this.underscoreErrAssigned = false;
  this.lines = [];
  this.declared = [];
  const repl = this;
  Object.defineProperty(this.context, '_', {
    configurable: true,
    get: () => repl.last,
    set(value) {
      repl.last = value;
      if (!repl.underscoreAssigned) {
        repl.underscoreAssigned = true;
        repl.output.write('Expression assignment to _ now disabled.\n');
      }
    },
  });
  Object.defineProperty(this.context, '_error', {
    configurable: true,
    get: () => repl.lastError,
    set(value) {
      repl.lastError = value;
      if (!repl.underscoreErrAssigned) {
        repl.underscoreErrAssigned = true;
        repl.output.write('Expression assignment to _error now disabled.\n');
      }
    },
  });
  this.emit('reset', this.context);
};

// ---- Evaluation ------------------------------------------------------

// The default eval: V8's console mode in the REPL's context. Calls back
// with (err, result); a syntax error that means "not finished yet" comes
// as a Recoverable.
function defaultEval(code, context, file, cb) {
  const sandbox = context === globalThis ? null : context;
  const strict = this && this.replMode === REPL_MODE_STRICT ?
    '\'use strict\'; ' : '';
  const suffix = `\n//# sourceURL=${file}`;
  let promise;
  const breakOnSigint = !!(this && this.breakEvalOnSigint);
  const attempt = (source) => {
    if (!breakOnSigint) return evalRepl(strict + source + suffix, sandbox);
    // A terminal passes ctrl+C as SIGINT only out of raw mode.
    const raw = this.terminal && this.input.isRaw;
    if (raw) this._setRawMode(false);
    try {
      return evalRepl(strict + source + suffix, sandbox, false, true);
    } catch (err) {
      // The terminal echoed ^C: the message goes on a line of its own.
      if (raw && err && err.code === 'ERR_SCRIPT_EXECUTION_INTERRUPTED')
        this.output.write('\n');
      throw err;
    } finally {
      if (raw) this._setRawMode(true);
    }
  };
  try {
    const wrapped = wrapObjectLiteral(code);
    if (wrapped !== null) {
      try {
        promise = attempt(wrapped);
      } catch (err) {
        // Not an object literal after all; anything else (ctrl+C) stands.
        if (!err || err.name !== 'SyntaxError') throw err;
        promise = undefined;
      }
    }
    if (promise === undefined) promise = attempt(code);
  } catch (err) {
    if (isRecoverableError(err, code)) {
      cb(new Recoverable(err));
      return;
    }
    if (err && err.name === 'SyntaxError') decorateErrorStack(err);
    cb(err);
    return;
  }
  if (this && this.declared) this.declared.push(...lexicalNames(code));
  // Input that does not wait has finished already: its result is given at
  // once, as Node's synchronous evaluation gives it.
  const [state, value] = getPromiseDetails(promise);
  if (state === kFulfilled) cb(null, value['.repl_result']);
  else if (state === kRejected) cb(value);
  else promise.then((r) => cb(null, r['.repl_result']), (err) => cb(err));
}

// Runs a complete input (one line, a block recalled from history, the
// editor's buffer or a loaded file) or buffers an incomplete one.
REPLServer.prototype.runInput = function runInput(text, fromLine = true) {
  const code = this.bufferedCommand + text;
  const file = `REPL${++replCount}`;
  const token = {};
  this.pending = token;
  let called = false;
  const finish = (err, result) => {
    if (called) return;
    called = true;
    if (this.pending !== token) return;  // abandoned with Ctrl+C
    this.pending = null;
    if (err instanceof Recoverable && fromLine) {
      this.bufferedCommand = `${code}\n`;
      this.displayPrompt();
      return;
    }
    this.clearBufferedCommand();
    this.lines.push(...code.split('\n'));
    if (fromLine) this.addHistoryEntry(code);
    if (err) {
      this.printError(err instanceof Recoverable ? err.err : err);
    } else {
      this.printResult(result);
    }
    this.displayPrompt();
    this.runQueue();
  };
  try {
    this._domain.run(() => {
      this.eval(`${code}\n`, this.context, file, finish);
    });
  } catch (err) {
    this._domain.exit();
    finish(err);
  }
};

// Input may not take the errors the REPL itself reports: code running in
// a REPL's domain cannot listen for 'uncaughtException'.
const replDomains = new WeakSet();
let listenerGuard = null;
function installListenerGuard() {
  if (listenerGuard !== null) return;
  listenerGuard = (event) => {
    if (event === 'uncaughtException' && process.domain &&
        replDomains.has(process.domain)) {
      throw new ERR_INVALID_REPL_INPUT(
        'Listeners for `uncaughtException` cannot be used in the REPL');
    }
  };
  process.on('newListener', listenerGuard);
}

REPLServer.prototype.printResult = function printResult(result) {
  if (result === undefined && this.ignoreUndefined) return;
  if (!this.underscoreAssigned) this.last = result;
  this.output.write(`${this.writer(result)}\n`);
};

REPLServer.prototype.printError = function printError(err) {
  if (!this.underscoreErrAssigned) this.lastError = err;
  let text;
  if (err && err.code === 'ERR_SCRIPT_EXECUTION_INTERRUPTED') {
    this.output.write(`Uncaught Error [${err.code}]: ${err.message}\n`);
    return;
  }
  if (err !== null && typeof err === 'object' && err instanceof Error ||
      err && typeof err.stack === 'string' && typeof err.message === 'string') {
    try {
      // A syntax error of a required file shows its place.
      if (err.name === 'SyntaxError' && typeof err.stack === 'string' &&
          err.stack.startsWith(err.name)) {
        decorateErrorStack(err);
      }
      if (typeof err.stack === 'string') {
        const stack = trimStack(err.stack);
        Object.defineProperty(err, 'stack', {
          value: stack, writable: true, configurable: true,
        });
      }
    } catch {
      // A frozen error keeps its stack.
    }
    const syntax = err.name === 'SyntaxError' &&
      /^[^\n]*:\d+\n[^\n]*\n *\^/.test(err.stack);
    if (syntax) {
      // The source line and caret first, then a blank line, as Node shows.
      const at = err.stack.indexOf('SyntaxError');
      text = `${err.stack.slice(0, at).replace(/^REPL\d+:\d+\n/, '')}` +
        `Uncaught ${err.stack.slice(at)}`;
    } else {
      // An error is shown by its stack (in brackets when no frame is
      // left, which goes); one with more properties in full.
      const stack = String(err.stack);
      const bare = inspect(err);
      const plainStack = bare === stack || bare === `[${stack}]`;
      text = plainStack ? stack : inspect(err, { colors: this.useColors });
      // An error line too long for one line of output starts on its own.
      const first = text.split('\n', 1)[0];
      text = first.length > writer.options.breakLength ?
        `Uncaught:\n${text}` : `Uncaught ${text}`;
    }
  } else {
    // Other thrown values that take several lines start on a line of
    // their own.
    text = inspect(err, { colors: this.useColors });
    text = text.includes('\n') ? `Uncaught:\n${text}` : `Uncaught ${text}`;
  }
  this.output.write(`${text}\n`);
};

REPLServer.prototype.onLine = function onLine(line) {
  this.sawSigint = false;
  if (this.editorMode) {
    this.editorLines.push(line);
    return;
  }
  if (this.pending !== null) {
    // Lines read while an input is awaited (pasted, piped) run after it.
    this.queue.push(line);
    return;
  }
  const trimmed = line.trim();
  // .command [arguments]; a line like `.5 + 1` or `..` is code.
  if (this.bufferedCommand === '' || trimmed.startsWith('.')) {
    const match = /^\.([^\s.\d][^\s]*)(?:\s+([\s\S]*))?$/.exec(trimmed);
    if (match !== null && !line.includes('\n')) {
      const cmd = this.commands[match[1]];
      if (cmd !== undefined) {
        this.addHistoryEntry(trimmed);
        cmd.action.call(this, match[2] === undefined ? '' : match[2].trim());
        return;
      }
      if (this.bufferedCommand === '') {
        this.output.write('Invalid REPL keyword\n');
        this.displayPrompt();
        return;
      }
    }
  }
  if (this.bufferedCommand === '' && trimmed === '') {
    this.displayPrompt();
    return;
  }
  this.runInput(line);
};

REPLServer.prototype.onSigint = function onSigint() {
  if (this.editorMode) {
    this.editorMode = false;
    this.editorLines = [];
    this.clearLine();
    this.clearBufferedCommand();
    this.displayPrompt();
    return;
  }
  if (this.pending !== null) {
    // Stop waiting for the result: the promise may never settle.
    this.pending = null;
    this.queue = [];
    this.clearBufferedCommand();
    if (this.line.length > 0) this.clearLine();
    this.printError(new ERR_SCRIPT_EXECUTION_INTERRUPTED());
    this.displayPrompt();
    return;
  }
  const empty = this.line.length === 0 && this.bufferedCommand === '';
  this.clearLine();
  if (empty) {
    if (this.sawSigint) {
      this.close();
      this.sawSigint = false;
      return;
    }
    this.output.write(
      '(To exit, press Ctrl+C again or Ctrl+D or type .exit)\n');
    this.sawSigint = true;
  } else {
    this.sawSigint = false;
  }
  this.clearBufferedCommand();
  this.displayPrompt();
};

REPLServer.prototype.clearBufferedCommand = function clearBufferedCommand() {
  this.bufferedCommand = '';
};

REPLServer.prototype.displayPrompt = function displayPrompt(preserveCursor) {
  const prompt = this.bufferedCommand.length > 0 ? '... ' :
    this._initialPrompt;
  this.setPrompt(prompt);
  if (!this.closed) this.prompt(preserveCursor);
  else if (!this.terminal) this.output.write(prompt);
};

// After an input ran: the next line read meanwhile, or the exit the end
// of the input asked for.
REPLServer.prototype.runQueue = function runQueue() {
  while (this.pending === null && this.queue.length > 0)
    this.onLine(this.queue.shift());
  if (this.pending === null && this.queue.length === 0 && this.exitWhenIdle) {
    this.exitWhenIdle = false;
    this.emit('exit');
  }
};

// Node's REPL sets the prompt for later inputs through setPrompt too.
REPLServer.prototype.setPrompt = function setPrompt(prompt) {
  Interface.prototype.setPrompt.call(this, prompt);
};

REPLServer.prototype.defineCommand = function defineCommand(keyword, cmd) {
  if (typeof cmd === 'function') cmd = { action: cmd };
  else validateFunction(cmd && cmd.action, 'cmd.action');
  this.commands[keyword] = cmd;
};

// ---- History ---------------------------------------------------------

// Lines join the history when their input is complete: a multi-line
// input is one entry, recalled as one block.
REPLServer.prototype._addHistory = function _addHistory() {
  this.historyIndex = -1;
  return this.line;
};

REPLServer.prototype.addHistoryEntry = function addHistoryEntry(entry) {
  if (!this.terminal || this.historySize === 0) return;
  if (entry.trim() === '') return;
  const history = this.history;
  if (history[0] !== entry) {
    const at = history.indexOf(entry);
    if (this.removeHistoryDuplicates && at !== -1) history.splice(at, 1);
    history.unshift(entry);
    if (history.length > this.historySize) history.length = this.historySize;
  }
  this.historyIndex = -1;
  this.emit('history', history);
  if (this.historyFile !== null) {
    try {
      saveHistory(this.historyFile, history);
    } catch (err) {
      // Said once; the session goes on without saving.
      this.output.write(`\nError: Could not save history data to ` +
                        `${this.historyFile}: ${err.message}\n`);
      this.historyFile = null;
    }
  }
};

// setupHistory(file, callback): loads the file's entries and saves each
// new entry to it.
REPLServer.prototype.setupHistory = function setupHistory(file, cb) {
  if (typeof cb !== 'function') cb = () => {};
  if (typeof file !== 'string' || file.trim() === '') {
    process.nextTick(cb, null, this);
    return;
  }
  try {
    const entries = loadHistory(file, this.historySize);
    this.history.splice(0, this.history.length, ...entries);
    this.historyFile = file;
  } catch (err) {
    process.nextTick(cb, err, this);
    return;
  }
  process.nextTick(cb, null, this);
};

// ---- Keys: editor mode and reverse search -----------------------------

const kSearch = Symbol('reverse search');

REPLServer.prototype._ttyWrite = function _ttyWrite(s, key) {
  key = key || {};
  if (this.editorMode) {
    if (key.ctrl && key.name === 'd') {
      // The editor's buffer runs as one input.
      const code = [...this.editorLines, this.line].join('\n')
        .replace(/\n+$/, '');
      this.editorMode = false;
      this.editorLines = [];
      this.line = '';
      this.cursor = 0;
      this.output.write('\n');
      this.runInput(code, false);
      this.addHistoryEntry(code);
      return;
    }
    if (!(key.ctrl && key.name === 'c') && key.name === 'tab') {
      Interface.prototype._insertString.call(this, '  ');
      return;
    }
    Interface.prototype._ttyWrite.call(this, s, key);
    return;
  }
  if (this[kSearch]) {
    if (searchKey(this, s, key)) return;
  } else if (key.ctrl && key.name === 'r' && !key.meta) {
    startSearch(this);
    return;
  }
  Interface.prototype._ttyWrite.call(this, s, key);
};

function searchPrompt(repl) {
  const search = repl[kSearch];
  return `(${search.failed ? 'failed ' : ''}reverse-i-search)\`` +
    `${search.query}': `;
}

function startSearch(repl) {
  repl[kSearch] = {
    query: '',
    index: -1,
    failed: false,
    prompt: repl.getPrompt(),
    line: repl.line,
    cursor: repl.cursor,
  };
  repl.setPrompt(searchPrompt(repl));
  repl._refreshLine();
}

// Finds the newest entry at or after `from` holding the query.
function searchFrom(repl, from) {
  const search = repl[kSearch];
  if (search.query === '') {
    search.failed = false;
    return;
  }
  for (let i = Math.max(from, 0); i < repl.history.length; i++) {
    const at = repl.history[i].lastIndexOf(search.query);
    if (at !== -1) {
      search.index = i;
      search.failed = false;
      repl.line = repl.history[i];
      repl.cursor = at;
      return;
    }
  }
  search.failed = true;
}

function endSearch(repl, restore) {
  const search = repl[kSearch];
  repl[kSearch] = null;
  repl.setPrompt(search.prompt);
  if (restore) {
    repl.line = search.line;
    repl.cursor = search.cursor;
  }
  repl._refreshLine();
}

// A key while searching; false when the key is left to the normal
// editing (after the search ended, keeping the line found).
function searchKey(repl, s, key) {
  const search = repl[kSearch];
  if (key.ctrl && key.name === 'r') {
    searchFrom(repl, search.index + 1);
  } else if (key.ctrl && (key.name === 'c' || key.name === 'g') ||
             key.name === 'escape') {
    endSearch(repl, true);
    return true;
  } else if (key.name === 'backspace') {
    search.query = search.query.slice(0, -1);
    searchFrom(repl, 0);
  } else if (key.name === 'return' || key.name === 'enter') {
    endSearch(repl, false);
    return false;
  } else if (typeof s === 'string' && s.length > 0 && !key.ctrl &&
             !key.meta && (key.name === undefined || s.length === 1 &&
             s >= ' ') && !/[\r\n\t\x1b]/.test(s)) {
    search.query += s;
    searchFrom(repl, Math.max(search.index, 0));
  } else {
    endSearch(repl, false);
    return false;
  }
  repl.setPrompt(searchPrompt(repl));
  repl._refreshLine();
  return true;
}

// ---- Completion ------------------------------------------------------

REPLServer.prototype.complete = function complete(line, callback) {
  this.completeAsync(line).then((r) => callback(null, r),
                                (err) => callback(err));
};

// Values of an expression for completion: without side effects, or (for a
// plain name or property path, as Node does) by evaluating it.
REPLServer.prototype.completionValue = async function completionValue(expr) {
  const sandbox = this.context === globalThis ? null : this.context;
  try {
    // An expression may loop forever without side effects: a time limit.
    const r = await evalRepl(`(${expr})`, sandbox, true, false, 250);
    return { ok: true, value: r['.repl_result'] };
  } catch {
    // Not side-effect free.
  }
  if (!/^[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*)*$/.test(expr))
    return { ok: false };
  try {
    const r = await evalRepl(expr, sandbox, false, false, 250);
    return { ok: true, value: r['.repl_result'] };
  } catch {
    return { ok: false };
  }
};

function flattenGroups(groups, filter, prefix = '') {
  const out = [];
  for (const group of groups) {
    const matching = group.filter((n) => n.startsWith(filter));
    if (matching.length === 0) continue;
    if (out.length > 0) out.push('');
    for (const name of matching) out.push(prefix + name);
  }
  return out;
}

REPLServer.prototype.completeAsync = async function completeAsync(line) {
  // REPL commands.
  if (this.bufferedCommand === '' && /^\s*\.\w*$/.test(line)) {
    const word = line.trim().slice(1);
    const names = Object.keys(this.commands).sort()
      .filter((n) => n.startsWith(word));
    return [names, word];
  }

  // Module names inside require('...').
  const req = /\brequire\s*\(\s*['"`]([\w@./:-]*)$/.exec(line);
  if (req !== null) {
    const partial = req[1];
    let names = [];
    if (/^\.{0,2}\//.test(partial)) {
      const dir = partial.slice(0, partial.lastIndexOf('/') + 1);
      try {
        for (const entry of fs.readdirSync(path.resolve(dir))) {
          if (entry.startsWith('.') && !partial.slice(dir.length)
            .startsWith('.')) continue;
          let full = dir + entry;
          try {
            if (fs.statSync(path.resolve(full)).isDirectory()) full += '/';
          } catch {
            // A dangling link is still a name.
          }
          names.push(full);
        }
      } catch {
        // An unreadable directory offers nothing.
      }
    } else {
      names = partial.startsWith('node:') ?
        Module.builtinModules.map((id) => `node:${id}`) :
        builtinModules.slice();
    }
    return [names.filter((n) => n.startsWith(partial)).sort(), partial];
  }

  const word = /[A-Za-z_$][\w$]*$|$/.exec(line)[0];
  const before = line.slice(0, line.length - word.length);

  // Properties after a dot.
  const dot = /(\??\.)\s*$/.exec(before);
  if (dot !== null) {
    const expr = extractExpression(before.slice(0, dot.index).trimEnd());
    if (expr === '') return [[], word];
    // A name path shows as the whole path (`process.version`), as Node
    // does; other expressions show the property names.
    const simple = /^[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*)*$/.test(expr);
    const prefix = simple ? `${expr}${dot[1]}` : '';
    const { ok, value } = await this.completionValue(expr);
    if (!ok) return [[], prefix + word];
    // The furthest prototype first, own properties last (Node's order).
    const groups = propertyGroups(value).reverse();
    return [flattenGroups(groups, word, prefix), prefix + word];
  }

  // A name: globals of the context, declarations, keywords.
  if (/[\w$]$/.test(before)) return [[], word];
  const groups = propertyGroups(this.context);
  const declared = [...new Set([...this.declared,
                                ...lexicalNames(this.lines.join('\n'))])]
    .filter(isIdentifier).sort();
  groups.unshift(declared);
  groups.push(kKeywords.slice());
  return [flattenGroups(groups, word), word];
};

// ---- The module ------------------------------------------------------

function start(prompt, source, eval_, useGlobal, ignoreUndefined,
               replMode) {
  return new REPLServer(prompt, source, eval_, useGlobal, ignoreUndefined,
                        replMode);
}

module.exports = {
  start,
  writer,
  REPLServer,
  REPL_MODE_SLOPPY,
  REPL_MODE_STRICT,
  Recoverable,
  builtinModules,
};
