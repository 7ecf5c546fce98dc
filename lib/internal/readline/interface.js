'use strict';

// The readline Interface shared by 'readline' and 'readline/promises'.
//
// It reads lines from `input`. Without a terminal the input is split on
// line endings. With a terminal, the input is decoded into keypresses
// (emitKeypressEvents) and the interface edits a line the way a shell
// does, redrawing it on `output` with ANSI sequences.
//
// Methods that other modules (readline's legacy Interface, the REPL) may
// reach or replace are keyed by the symbols exported at the bottom.

const EventEmitter = require('events');
const {
  codes: {
    ERR_INVALID_ARG_VALUE,
    ERR_USE_AFTER_CLOSE,
  },
} = require('internal/errors');
const {
  validateAbortSignal,
  validateArray,
  validateString,
  validateUint32,
} = require('internal/validators');
const {
  inspect,
  getStringWidth,
  stripVTControlCharacters,
} = require('internal/util/inspect');
const { createDecoder } = require('internal/streams/chunk');
const emitKeypressEvents = require('internal/readline/emitKeypressEvents');
const {
  cursorTo,
  moveCursor,
  clearScreenDown,
} = require('internal/readline/callbacks');
const {
  kSawKeyPress,
  charLengthAt,
  charLengthLeft,
  commonPrefix,
  kWordForwardDelete,
  wordLengthBefore,
  wordLengthAfter,
} = require('internal/readline/utils');

const kHistorySize = 30;
const kMinCrlfDelay = 100;
const kDefaultEscapeCodeTimeout = 500;
const kDefaultTabSize = 8;
const kMaxUndoRedoStackSize = 2048;
const kMaxLengthOfKillRing = 32;

// A line ends at \n, \r\n or a lone \r.
const kLineEnding = /\r?\n|\r(?!\n)/;

const kNoKey = Object.freeze({ __proto__: null });

// Symbols of the internal state and of the methods the legacy Interface
// also exposes under '_name'.
const kAddHistory = Symbol('_addHistory');
const kBeforeEdit = Symbol('_beforeEdit');
const kDecoder = Symbol('_decoder');
const kDeleteLeft = Symbol('_deleteLeft');
const kDeleteLineLeft = Symbol('_deleteLineLeft');
const kDeleteLineRight = Symbol('_deleteLineRight');
const kDeleteRight = Symbol('_deleteRight');
const kDeleteWordLeft = Symbol('_deleteWordLeft');
const kDeleteWordRight = Symbol('_deleteWordRight');
const kGetDisplayPos = Symbol('_getDisplayPos');
const kHistoryNext = Symbol('_historyNext');
const kHistoryPrev = Symbol('_historyPrev');
const kInsertString = Symbol('_insertString');
const kKillRing = Symbol('_killRing');
const kKillRingCursor = Symbol('_killRingCursor');
const kLine = Symbol('_line');
const kLine_buffer = Symbol('_line_buffer');
const kLineObjectStream = Symbol('line object stream');
const kMoveCursor = Symbol('_moveCursor');
const kNormalWrite = Symbol('_normalWrite');
const kOldPrompt = Symbol('_oldPrompt');
const kOnLine = Symbol('_onLine');
const kPreviousKey = Symbol('_previousKey');
const kPrompt = Symbol('_prompt');
const kPushToKillRing = Symbol('_pushToKillRing');
const kPushToUndoStack = Symbol('_pushToUndoStack');
const kQuestion = Symbol('_question');
const kQuestionCallback = Symbol('_questionCallback');
const kQuestionCancel = Symbol('kQuestionCancel');
const kRedo = Symbol('_redo');
const kRedoStack = Symbol('_redoStack');
const kRefreshLine = Symbol('_refreshLine');
const kSawReturnAt = Symbol('_sawReturnAt');
const kSetRawMode = Symbol('_setRawMode');
const kSubstringSearch = Symbol('kSubstringSearch');
const kTabComplete = Symbol('_tabComplete');
const kTabCompleter = Symbol('_tabCompleter');
const kTtyWrite = Symbol('_ttyWrite');
const kUndo = Symbol('_undo');
const kUndoStack = Symbol('_undoStack');
const kWordLeft = Symbol('_wordLeft');
const kWordRight = Symbol('_wordRight');
const kWriteToOutput = Symbol('_writeToOutput');
const kYank = Symbol('_yank');
const kYankPop = Symbol('_yankPop');
const kYanking = Symbol('_yanking');

// The constructor proper. It is a plain function (called by the class
// below and by readline's legacy Interface, which may be called without
// `new`) so that the instance gets its fields in Node's order.
function InterfaceConstructor(input, output, completer, terminal) {
  this[kSawReturnAt] = 0;
  // Cleared by emitKeypressEvents while a pasted chunk is being replayed,
  // so that a tab inside it is inserted rather than completed.
  this.isCompletionEnabled = true;
  this[kSawKeyPress] = false;
  this[kPreviousKey] = null;
  this.escapeCodeTimeout = kDefaultEscapeCodeTimeout;
  this.tabSize = kDefaultTabSize;

  EventEmitter.call(this);

  let history;
  let historySize;
  let removeHistoryDuplicates = false;
  let crlfDelay;
  let prompt = '> ';
  let signal;

  if (input && input.input) {
    // createInterface(options)
    const options = input;
    output = options.output;
    completer = options.completer;
    terminal = options.terminal;
    history = options.history;
    historySize = options.historySize;
    signal = options.signal;
    const { tabSize } = options;
    if (tabSize !== undefined) {
      validateUint32(tabSize, 'tabSize', true);
      this.tabSize = tabSize;
    }
    removeHistoryDuplicates = options.removeHistoryDuplicates;
    if (options.prompt !== undefined) prompt = options.prompt;
    const { escapeCodeTimeout } = options;
    if (escapeCodeTimeout !== undefined) {
      if (!Number.isFinite(escapeCodeTimeout)) {
        // Node names the option this way and shows the current value.
        throw new ERR_INVALID_ARG_VALUE('input.escapeCodeTimeout',
                                        this.escapeCodeTimeout);
      }
      this.escapeCodeTimeout = escapeCodeTimeout;
    }
    if (signal) validateAbortSignal(signal, 'options.signal');
    crlfDelay = options.crlfDelay;
    input = options.input;
  }

  if (completer !== undefined && typeof completer !== 'function')
    throw new ERR_INVALID_ARG_VALUE('completer', completer);

  if (history === undefined) history = [];
  else validateArray(history, 'history');

  if (historySize === undefined) historySize = kHistorySize;
  if (typeof historySize !== 'number' || Number.isNaN(historySize) ||
      historySize < 0) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('historySize', historySize);
  }

  // A terminal unless told otherwise when the output is one.
  if (terminal === undefined && output != null) terminal = !!output.isTTY;

  this.line = '';
  this[kSubstringSearch] = null;
  this.output = output;
  this.input = input;
  this[kUndoStack] = [];
  this[kRedoStack] = [];
  this.history = history;
  this.historySize = historySize;
  this[kKillRing] = [];
  this[kKillRingCursor] = 0;
  this.removeHistoryDuplicates = !!removeHistoryDuplicates;
  this.crlfDelay = crlfDelay ?
    Math.max(kMinCrlfDelay, crlfDelay) : kMinCrlfDelay;
  this.completer = completer;
  this.setPrompt(prompt);
  this.terminal = !!terminal;
  this[kLineObjectStream] = undefined;

  const self = this;

  function onerror(err) {
    self.emit('error', err);
  }

  function ondata(data) {
    self[kNormalWrite](data);
  }

  function onend() {
    // The last line needs no line ending.
    const rest = self[kLine_buffer];
    if (typeof rest === 'string' && rest.length > 0) self.emit('line', rest);
    self.close();
  }

  function ontermend() {
    if (typeof self.line === 'string' && self.line.length > 0)
      self.emit('line', self.line);
    self.close();
  }

  function onkeypress(s, key) {
    self[kTtyWrite](s, key);
    // An astral character typed by halves (a surrogate per event) shows
    // only once both are in: redraw.
    if (key && key.sequence) {
      const code = key.sequence.codePointAt(0);
      if (code >= 0xd800 && code <= 0xdfff) self[kRefreshLine]();
    }
  }

  function onresize() {
    self[kRefreshLine]();
  }

  function onSelfCloseWithoutTerminal() {
    input.removeListener('data', ondata);
    input.removeListener('error', onerror);
    input.removeListener('end', onend);
  }

  function onSelfCloseWithTerminal() {
    input.removeListener('keypress', onkeypress);
    input.removeListener('error', onerror);
    input.removeListener('end', ontermend);
    if (output != null) output.removeListener('resize', onresize);
  }

  input.on('error', onerror);

  if (!this.terminal) {
    input.on('data', ondata);
    input.on('end', onend);
    this.once('close', onSelfCloseWithoutTerminal);
    this[kDecoder] = createDecoder('utf8');
  } else {
    emitKeypressEvents(input, this);
    input.on('keypress', onkeypress);
    input.on('end', ontermend);
    this[kSetRawMode](true);
    this.terminal = true;
    this.cursor = 0;
    this.historyIndex = -1;
    if (output != null) output.on('resize', onresize);
    this.once('close', onSelfCloseWithTerminal);
  }

  if (signal) {
    const onAborted = () => self.close();
    if (signal.aborted) {
      process.nextTick(onAborted);
    } else {
      signal.addEventListener('abort', onAborted, { once: true });
      self.once('close', () => signal.removeEventListener('abort', onAborted));
    }
  }

  input.resume();
}

Object.setPrototypeOf(InterfaceConstructor.prototype, EventEmitter.prototype);
Object.setPrototypeOf(InterfaceConstructor, EventEmitter);

// --- key bindings -------------------------------------------------------
// Each table maps a key name to what the key does; keys without an entry
// insert their text (when they have any).

function suspend(rl) {
  if (process.platform === 'win32') return;
  if (rl.listenerCount('SIGTSTP') > 0) {
    rl.emit('SIGTSTP');
    return;
  }
  process.once('SIGCONT', () => {
    // Nothing to report when the interface was paused (or closed) before.
    if (!rl.paused) {
      rl.pause();
      rl.emit('SIGCONT');
    }
    // The shell took the terminal out of raw mode while we were stopped.
    rl[kSetRawMode](true);
    rl[kRefreshLine]();
  });
  rl[kSetRawMode](false);
  process.kill(process.pid, 'SIGTSTP');
}

const kCtrlShiftKeys = {
  __proto__: null,
  backspace: (rl) => rl[kDeleteLineLeft](),
  delete: (rl) => rl[kDeleteLineRight](),
};

const kCtrlKeys = {
  __proto__: null,
  c(rl) {
    if (rl.listenerCount('SIGINT') > 0) rl.emit('SIGINT');
    else rl.close();
  },
  h: (rl) => rl[kDeleteLeft](),
  d(rl) {
    // End of input on an empty line; otherwise delete under the cursor.
    if (rl.cursor === 0 && rl.line.length === 0) rl.close();
    else if (rl.cursor < rl.line.length) rl[kDeleteRight]();
  },
  u: (rl) => rl[kDeleteLineLeft](),
  k: (rl) => rl[kDeleteLineRight](),
  a: (rl) => rl[kMoveCursor](-Infinity),
  e: (rl) => rl[kMoveCursor](+Infinity),
  b: (rl) => rl[kMoveCursor](-charLengthLeft(rl.line, rl.cursor)),
  f: (rl) => rl[kMoveCursor](+charLengthAt(rl.line, rl.cursor)),
  l(rl) {
    cursorTo(rl.output, 0, 0);
    clearScreenDown(rl.output);
    rl[kRefreshLine]();
  },
  n: (rl) => rl[kHistoryNext](),
  p: (rl) => rl[kHistoryPrev](),
  y: (rl) => rl[kYank](),
  z: suspend,
  w: (rl) => rl[kDeleteWordLeft](),
  backspace: (rl) => rl[kDeleteWordLeft](),
  delete: (rl) => rl[kDeleteWordRight](),
  left: (rl) => rl[kWordLeft](),
  right: (rl) => rl[kWordRight](),
};

const kMetaKeys = {
  __proto__: null,
  b: (rl) => rl[kWordLeft](),
  f: (rl) => rl[kWordRight](),
  d: (rl) => rl[kDeleteWordRight](),
  delete: (rl) => rl[kDeleteWordRight](),
  backspace: (rl) => rl[kDeleteWordLeft](),
  y: (rl) => rl[kYankPop](),
  // Alt with an arrow, as terminals send it ("\x1b[1;3D"): words, like
  // ctrl with an arrow.
  left: (rl) => rl[kWordLeft](),
  right: (rl) => rl[kWordRight](),
};

const kPlainKeys = {
  __proto__: null,
  backspace: (rl) => rl[kDeleteLeft](),
  delete: (rl) => rl[kDeleteRight](),
  left: (rl) => rl[kMoveCursor](-charLengthLeft(rl.line, rl.cursor)),
  right: (rl) => rl[kMoveCursor](+charLengthAt(rl.line, rl.cursor)),
  home: (rl) => rl[kMoveCursor](-Infinity),
  end: (rl) => rl[kMoveCursor](+Infinity),
  up: (rl) => rl[kHistoryPrev](),
  down: (rl) => rl[kHistoryNext](),
};

// Whether history entry `index` is a place to stop while searching.
function historyFits(rl, index, search) {
  const entry = rl.history[index];
  return entry.startsWith(search) && entry !== rl.line;
}

// Insert typed or pasted text; each line ending in it submits the line.
function insertText(rl, text) {
  // A fresh pattern per call: submitting a line runs listeners, which may
  // insert text themselves.
  const ending = /\r?\n|\r(?!\n)/g;
  let from = 0;
  let match;
  while ((match = ending.exec(text)) !== null) {
    rl[kInsertString](text.slice(from, match.index));
    from = ending.lastIndex;
    rl[kLine]();
  }
  rl[kInsertString](text.slice(from));
}

class Interface extends InterfaceConstructor {
  // eslint-disable-next-line no-useless-constructor
  constructor(input, output, completer, terminal) {
    super(input, output, completer, terminal);
  }

  get columns() {
    if (this.output && this.output.columns) return this.output.columns;
    return Infinity;
  }

  setPrompt(prompt) {
    this[kPrompt] = prompt;
  }

  getPrompt() {
    return this[kPrompt];
  }

  [kSetRawMode](mode) {
    const wasInRawMode = this.input.isRaw;
    if (typeof this.input.setRawMode === 'function')
      this.input.setRawMode(mode);
    return wasInRawMode;
  }

  // Show the prompt (and the line being edited) and wait for input.
  prompt(preserveCursor) {
    if (this.paused) this.resume();
    if (this.terminal && process.env.TERM !== 'dumb') {
      if (!preserveCursor) this.cursor = 0;
      this[kRefreshLine]();
    } else {
      this[kWriteToOutput](this[kPrompt]);
    }
  }

  [kQuestion](query, cb) {
    if (this.closed) throw new ERR_USE_AFTER_CLOSE('readline');
    if (this[kQuestionCallback]) {
      // One question at a time: just show the pending one again.
      this.prompt();
    } else {
      this[kOldPrompt] = this[kPrompt];
      this.setPrompt(query);
      this[kQuestionCallback] = cb;
      this.prompt();
    }
  }

  question(query, cb) {
    this[kQuestion](query, cb);
  }

  // An aborted question: forget it and start a fresh line.
  [kQuestionCancel]() {
    if (this[kQuestionCallback]) {
      this[kQuestionCallback] = null;
      this.setPrompt(this[kOldPrompt]);
      this.clearLine();
    }
  }

  // A finished line goes to the pending question, else to 'line'.
  [kOnLine](line) {
    const answer = this[kQuestionCallback];
    if (answer) {
      this[kQuestionCallback] = null;
      this.setPrompt(this[kOldPrompt]);
      answer(line);
    } else {
      this.emit('line', line);
    }
  }

  [kBeforeEdit](oldText, oldCursor) {
    this[kPushToUndoStack](oldText, oldCursor);
  }

  [kWriteToOutput](stringToWrite) {
    validateString(stringToWrite, 'stringToWrite');
    if (this.output != null) this.output.write(stringToWrite);
  }

  // Put the current line at the head of the history; returns the line.
  [kAddHistory]() {
    if (this.line.length === 0) return '';
    // Blank lines and a zero-sized history are not recorded.
    if (this.historySize === 0) return this.line;
    if (this.line.trim().length === 0) return this.line;

    if (this.history.length === 0 || this.history[0] !== this.line) {
      if (this.removeHistoryDuplicates) {
        const at = this.history.indexOf(this.line);
        if (at !== -1) this.history.splice(at, 1);
      }
      this.history.unshift(this.line);
      if (this.history.length > this.historySize) this.history.pop();
    }
    this.historyIndex = -1;
    const line = this.history[0];
    this.emit('history', this.history);
    return line;
  }

  // Redraw prompt and line from the start of the prompt, then put the
  // cursor back.
  [kRefreshLine]() {
    const text = this[kPrompt] + this.line;
    const end = this[kGetDisplayPos](text);
    const cursor = this.getCursorPos();

    // Up to the row the prompt starts on, then to its first column.
    const prevRows = this.prevRows || 0;
    if (prevRows > 0) moveCursor(this.output, 0, -prevRows);
    cursorTo(this.output, 0);
    clearScreenDown(this.output);

    this[kWriteToOutput](text);
    // Text filling the last column exactly leaves the terminal's cursor
    // there; a space makes it take the new row.
    if (end.cols === 0) this[kWriteToOutput](' ');

    cursorTo(this.output, cursor.cols);
    const rowsBelow = end.rows - cursor.rows;
    if (rowsBelow > 0) moveCursor(this.output, 0, -rowsBelow);
    this.prevRows = cursor.rows;
  }

  close() {
    if (this.closed) return;
    this.pause();
    if (this.terminal) this[kSetRawMode](false);
    this.closed = true;
    this.emit('close');
  }

  pause() {
    if (this.paused) return;
    this.input.pause();
    this.paused = true;
    this.emit('pause');
    return this;
  }

  resume() {
    if (!this.paused) return;
    this.input.resume();
    this.paused = false;
    this.emit('resume');
    return this;
  }

  // Feed data as if it came from the input; `key` describes a keypress
  // in terminal mode.
  write(d, key) {
    if (this.paused) this.resume();
    if (this.terminal) this[kTtyWrite](d, key);
    else this[kNormalWrite](d);
  }

  // Split input without a terminal into lines.
  [kNormalWrite](chunk) {
    if (chunk === undefined) return;
    let text = this[kDecoder].write(chunk);

    // A \r ended the last chunk; a \n starting this one, soon enough, is
    // the rest of the same \r\n.
    if (this[kSawReturnAt] &&
        Date.now() - this[kSawReturnAt] <= this.crlfDelay) {
      if (text.codePointAt(0) === 10) text = text.slice(1);
      this[kSawReturnAt] = 0;
    }

    if (!kLineEnding.test(text)) {
      if (text) {
        const held = this[kLine_buffer];
        this[kLine_buffer] = held ? held + text : text;
      }
      return;
    }

    const held = this[kLine_buffer];
    if (held) {
      text = held + text;
      this[kLine_buffer] = null;
    }
    this[kSawReturnAt] = text.endsWith('\r') ? Date.now() : 0;

    const lines = text.split(kLineEnding);
    // The part after the last ending waits for the rest of its line.
    this[kLine_buffer] = lines.pop();
    for (let i = 0; i < lines.length; i++) this[kOnLine](lines[i]);
  }

  [kInsertString](c) {
    this[kBeforeEdit](this.line, this.cursor);
    if (this.cursor < this.line.length) {
      this.line = this.line.slice(0, this.cursor) + c +
        this.line.slice(this.cursor);
      this.cursor += c.length;
      this[kRefreshLine]();
      return;
    }
    // Appending: echo the text unless it wraps onto a new row.
    const before = this.getCursorPos();
    this.line += c;
    this.cursor += c.length;
    const after = this.getCursorPos();
    if (before.rows < after.rows) this[kRefreshLine]();
    else this[kWriteToOutput](c);
  }

  // Ask the completer (which may return a promise) about the text left of
  // the cursor.
  async [kTabComplete](lastKeypressWasTab) {
    this.pause();
    const text = this.line.slice(0, this.cursor);
    let value;
    try {
      value = await this.completer(text);
    } catch (err) {
      this[kWriteToOutput](`Tab completion error: ${inspect(err)}`);
      return;
    } finally {
      this.resume();
    }
    this[kTabCompleter](lastKeypressWasTab, value);
  }

  // Apply a completer's answer: [completions, the text they complete].
  [kTabCompleter](lastKeypressWasTab, { 0: completions, 1: completeOn }) {
    if (!completions || completions.length === 0) return;

    // Complete as far as all candidates agree.
    const prefix = commonPrefix(completions.filter((c) => c !== ''));
    if (prefix.startsWith(completeOn) && prefix.length > completeOn.length) {
      this[kInsertString](prefix.slice(completeOn.length));
      return;
    }
    if (!completeOn.startsWith(prefix)) {
      // The candidates replace the word rather than extend it.
      this.line = this.line.slice(0, this.cursor - completeOn.length) +
        prefix + this.line.slice(this.cursor);
      this.cursor = this.cursor - completeOn.length + prefix.length;
      this[kRefreshLine]();
      return;
    }
    // Nothing to add: a second tab lists the candidates.
    if (!lastKeypressWasTab) return;
    this[kBeforeEdit](this.line, this.cursor);
    this[kWriteToOutput](formatCompletions(completions, this.columns));
    this[kRefreshLine]();
  }

  [kWordLeft]() {
    if (this.cursor > 0)
      this[kMoveCursor](-wordLengthBefore(this.line, this.cursor));
  }

  [kWordRight]() {
    if (this.cursor < this.line.length)
      this[kMoveCursor](wordLengthAfter(this.line, this.cursor));
  }

  [kDeleteLeft]() {
    if (this.cursor > 0 && this.line.length > 0) {
      this[kBeforeEdit](this.line, this.cursor);
      const size = charLengthLeft(this.line, this.cursor);
      this.line = this.line.slice(0, this.cursor - size) +
        this.line.slice(this.cursor);
      this.cursor -= size;
      this[kRefreshLine]();
    }
  }

  [kDeleteRight]() {
    if (this.cursor < this.line.length) {
      this[kBeforeEdit](this.line, this.cursor);
      const size = charLengthAt(this.line, this.cursor);
      this.line = this.line.slice(0, this.cursor) +
        this.line.slice(this.cursor + size);
      this[kRefreshLine]();
    }
  }

  [kDeleteWordLeft]() {
    if (this.cursor > 0) {
      this[kBeforeEdit](this.line, this.cursor);
      const start = this.cursor - wordLengthBefore(this.line, this.cursor);
      this.line = this.line.slice(0, start) + this.line.slice(this.cursor);
      this.cursor = start;
      this[kRefreshLine]();
    }
  }

  [kDeleteWordRight]() {
    if (this.cursor < this.line.length) {
      this[kBeforeEdit](this.line, this.cursor);
      const size = wordLengthAfter(this.line, this.cursor, kWordForwardDelete);
      this.line = this.line.slice(0, this.cursor) +
        this.line.slice(this.cursor + size);
      this[kRefreshLine]();
    }
  }

  [kDeleteLineLeft]() {
    this[kBeforeEdit](this.line, this.cursor);
    const removed = this.line.slice(0, this.cursor);
    this.line = this.line.slice(this.cursor);
    this.cursor = 0;
    this[kPushToKillRing](removed);
    this[kRefreshLine]();
  }

  [kDeleteLineRight]() {
    this[kBeforeEdit](this.line, this.cursor);
    const removed = this.line.slice(this.cursor);
    this.line = this.line.slice(0, this.cursor);
    this[kPushToKillRing](removed);
    this[kRefreshLine]();
  }

  // Text cut by ctrl+U / ctrl+K, newest first, for ctrl+Y and meta+Y.
  [kPushToKillRing](text) {
    if (!text || text === this[kKillRing][0]) return;
    this[kKillRing].unshift(text);
    this[kKillRingCursor] = 0;
    if (this[kKillRing].length > kMaxLengthOfKillRing)
      this[kKillRing].length = kMaxLengthOfKillRing;
  }

  [kYank]() {
    if (this[kKillRing].length > 0) {
      this[kYanking] = true;
      this[kInsertString](this[kKillRing][this[kKillRingCursor]]);
    }
  }

  // Right after a yank: replace the yanked text by the next older one.
  [kYankPop]() {
    if (!this[kYanking] || this[kKillRing].length < 2) return;
    const ring = this[kKillRing];
    const previous = ring[this[kKillRingCursor]];
    this[kKillRingCursor] = (this[kKillRingCursor] + 1) % ring.length;
    const next = ring[this[kKillRingCursor]];
    const head = this.line.slice(0, this.cursor - previous.length);
    this.line = head + next + this.line.slice(this.cursor);
    this.cursor = head.length + next.length;
    this[kRefreshLine]();
  }

  clearLine() {
    this[kMoveCursor](+Infinity);
    this[kWriteToOutput]('\r\n');
    this.line = '';
    this.cursor = 0;
    this.prevRows = 0;
  }

  // Submit the line being edited.
  [kLine]() {
    const line = this[kAddHistory]();
    this[kUndoStack] = [];
    this[kRedoStack] = [];
    this.clearLine();
    this[kOnLine](line);
  }

  [kPushToUndoStack](text, cursor) {
    const size = this[kUndoStack].push({ text, cursor });
    if (size > kMaxUndoRedoStackSize) this[kUndoStack].shift();
  }

  [kUndo]() {
    if (this[kUndoStack].length === 0) return;
    this[kRedoStack].push({ text: this.line, cursor: this.cursor });
    const { text, cursor } = this[kUndoStack].pop();
    this.line = text;
    this.cursor = cursor;
    this[kRefreshLine]();
  }

  [kRedo]() {
    if (this[kRedoStack].length === 0) return;
    this[kUndoStack].push({ text: this.line, cursor: this.cursor });
    const { text, cursor } = this[kRedoStack].pop();
    this.line = text;
    this.cursor = cursor;
    this[kRefreshLine]();
  }

  // History moves skip entries equal to the current line and, while
  // searching (up/down pressed after typing), entries that do not start
  // with the text that was typed.
  [kHistoryNext]() {
    if (this.historyIndex < 0) return;
    this[kBeforeEdit](this.line, this.cursor);
    const search = this[kSubstringSearch] || '';
    let index = this.historyIndex - 1;
    while (index >= 0 && !historyFits(this, index, search)) index--;
    this.line = index === -1 ? search : this.history[index];
    this.historyIndex = index;
    this.cursor = this.line.length;
    this[kRefreshLine]();
  }

  [kHistoryPrev]() {
    const size = this.history.length;
    if (this.historyIndex >= size || size === 0) return;
    this[kBeforeEdit](this.line, this.cursor);
    const search = this[kSubstringSearch] || '';
    let index = this.historyIndex + 1;
    while (index < size && !historyFits(this, index, search)) index++;
    this.line = index === size ? search : this.history[index];
    this.historyIndex = index;
    this.cursor = this.line.length;
    this[kRefreshLine]();
  }

  // Rows and columns `str` takes on the terminal, starting at column 0.
  [kGetDisplayPos](str) {
    const width = this.columns;
    let offset = 0;
    let rows = 0;
    for (const ch of stripVTControlCharacters(str)) {
      if (ch === '\n') {
        // A newline always starts a row, even in an empty line.
        rows += Math.ceil(offset / width) || 1;
        offset = 0;
      } else if (ch === '\t') {
        offset += this.tabSize - (offset % this.tabSize);
      } else {
        const w = getStringWidth(ch, false);
        // A wide character does not split over the last column.
        if (w === 2 && (offset + 1) % width === 0) offset++;
        offset += w;
      }
    }
    const cols = offset % width;
    rows += (offset - cols) / width;
    return { cols, rows };
  }

  // Where the cursor is, relative to the start of the prompt.
  getCursorPos() {
    const before = this[kPrompt] + this.line.slice(0, this.cursor);
    return this[kGetDisplayPos](before);
  }

  [kMoveCursor](dx) {
    if (dx === 0) return;
    const from = this.getCursorPos();
    this.cursor = Math.min(Math.max(this.cursor + dx, 0), this.line.length);
    const to = this.getCursorPos();
    if (from.rows === to.rows) {
      moveCursor(this.output, to.cols - from.cols, 0);
    } else {
      this[kRefreshLine]();
    }
  }

  // One keypress in terminal mode.
  [kTtyWrite](s, key) {
    const previousKey = this[kPreviousKey];
    key = key || kNoKey;
    this[kPreviousKey] = key;

    // meta+Y only cycles right after a yank.
    if (!key.meta || key.name !== 'y') this[kYanking] = false;

    // Up and down search the history for lines starting with the text
    // left of the cursor when the first of them was pressed.
    if ((key.name === 'up' || key.name === 'down') &&
        !key.ctrl && !key.meta && !key.shift) {
      if (this[kSubstringSearch] === null)
        this[kSubstringSearch] = this.line.slice(0, this.cursor);
    } else if (this[kSubstringSearch] !== null) {
      this[kSubstringSearch] = null;
      // Left past the oldest entry: the next move starts afresh.
      if (this.history.length === this.historyIndex) this.historyIndex = -1;
    }

    // ctrl+_ undoes, ctrl+^ redoes.
    if (typeof key.sequence === 'string') {
      const code = key.sequence.codePointAt(0);
      if (code === 0x1f) {
        this[kUndo]();
        return;
      }
      if (code === 0x1e) {
        this[kRedo]();
        return;
      }
    }

    // A lone escape does nothing.
    if (key.name === 'escape') return;

    let bindings;
    if (key.ctrl && key.shift) bindings = kCtrlShiftKeys;
    else if (key.ctrl) bindings = kCtrlKeys;
    else if (key.meta) bindings = kMetaKeys;
    if (bindings !== undefined) {
      const action = bindings[key.name];
      if (action !== undefined) action(this);
      return;
    }

    // A \r remembered to pair with a \n right after it.
    if (this[kSawReturnAt] && key.name !== 'enter') this[kSawReturnAt] = 0;

    switch (key.name) {
      case 'return':
        this[kSawReturnAt] = Date.now();
        this[kLine]();
        return;
      case 'enter':
        // The \n of a \r\n has been handled with the \r.
        if (this[kSawReturnAt] === 0 ||
            Date.now() - this[kSawReturnAt] > this.crlfDelay) {
          this[kLine]();
        }
        this[kSawReturnAt] = 0;
        return;
      case 'tab':
        if (typeof this.completer === 'function' && this.isCompletionEnabled) {
          this[kTabComplete](!!previousKey && previousKey.name === 'tab');
          return;
        }
        break;
      default: {
        const action = kPlainKeys[key.name];
        if (action !== undefined) {
          action(this);
          return;
        }
      }
    }
    if (typeof s === 'string' && s) insertText(this, s);
  }

  // for await (const line of rl): lines are queued in an object-mode
  // Readable; the interface pauses while the queue is full and resumes
  // when the loop reads. Lines emitted before the first iteration are
  // not seen.
  [Symbol.asyncIterator]() {
    if (this[kLineObjectStream] === undefined) {
      const { Readable } = require('stream');
      const onLine = (line) => {
        if (!readable.push(line)) this.pause();
      };
      const onClose = () => {
        readable.push(null);
      };
      const onError = (err) => {
        readable.destroy(err);
      };
      const readable = new Readable({
        objectMode: true,
        read: () => {
          this.resume();
        },
        destroy: (err, cb) => {
          this.off('line', onLine);
          this.off('close', onClose);
          this.close();
          cb(err);
        },
      });
      this.on('error', onError);
      this.on('line', onLine);
      this.on('close', onClose);
      this[kLineObjectStream] = readable;
    }
    return this[kLineObjectStream][Symbol.asyncIterator]();
  }
}

// The listing shown on a second tab: candidates in columns as wide as the
// widest one plus two spaces, a '' entry starting a new group.
function formatCompletions(completions, columns) {
  const widths = completions.map((c) => getStringWidth(c));
  const width = Math.max(...widths) + 2;
  let perRow = Math.floor(columns / width) || 1;
  if (perRow === Infinity) perRow = 1;
  let out = '\r\n';
  let inRow = 0;
  let pad = 0;
  for (let i = 0; i < completions.length; i++) {
    const entry = completions[i];
    if (entry === '' || inRow === perRow) {
      out += '\r\n';
      inRow = 0;
      pad = 0;
    } else {
      out += ' '.repeat(pad);
    }
    if (entry === '') {
      out += '\r\n';
    } else {
      out += entry;
      pad = width - widths[i];
      inRow++;
    }
  }
  if (inRow !== 0) out += '\r\n\r\n';
  return out;
}

module.exports = {
  Interface,
  InterfaceConstructor,
  kAddHistory,
  kBeforeEdit,
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
  kSubstringSearch,
  kTabComplete,
  kTabCompleter,
  kTtyWrite,
  kWordLeft,
  kWordRight,
  kWriteToOutput,
};
