'use strict';

// The Console class behind the global console and require('console').Console.
// Every call writes its whole output with one stream.write(text + '\n').

const {
  codes: {
    ERR_CONSOLE_WRITABLE_STREAM,
    ERR_INCOMPATIBLE_OPTION_PAIR,
    ERR_INVALID_ARG_VALUE,
  },
} = require('internal/errors');
const {
  validateArray,
  validateInteger,
  validateObject,
} = require('internal/validators');
const {
  inspect,
  formatWithOptions,
  getStringWidth,
} = require('internal/util/inspect');
const { previewEntries } = internalBinding('util');
const {
  isMap,
  isMapIterator,
  isSet,
  isSetIterator,
} = internalBinding('types');

const kCounts = Symbol('counts');
const kColorMode = Symbol('kColorMode');
const kIsConsole = Symbol('kIsConsole');
const kGroupIndent = Symbol('kGroupIndent');
const kGroupIndentationWidth = Symbol('kGroupIndentWidth');
const kBindStreamsEager = Symbol('kBindStreamsEager');
const kBindStreamsLazy = Symbol('kBindStreamsLazy');
const kBindProperties = Symbol('kBindProperties');
const kWriteToConsole = Symbol('kWriteToConsole');
const kGetInspectOptions = Symbol('kGetInspectOptions');
const kFormatForStdout = Symbol('kFormatForStdout');
const kFormatForStderr = Symbol('kFormatForStderr');

const kUseStdout = true;
const kUseStderr = false;
const kMaxGroupIndentation = 1000;

// Inspect options per Console instance, from `inspectOptions`.
const optionsMap = new WeakMap();

const kColorInspectOptions = { colors: true };
const kNoColorInspectOptions = {};

// Internal state lives in non-enumerable properties.
const hiddenProp = { writable: true, enumerable: false, configurable: true };

function noop() {}

function isStackOverflowError(err) {
  return err instanceof RangeError &&
    err.message === 'Maximum call stack size exceeded';
}

function Console(options /* or: stdout, stderr, ignoreErrors = true */) {
  // Calling Console() without new still makes an instance.
  if (new.target === undefined) return Reflect.construct(Console, arguments);

  if (!options || typeof options.write === 'function') {
    options = {
      stdout: options,
      stderr: arguments[1],
      ignoreErrors: arguments[2],
    };
  }
  const {
    stdout,
    stderr = stdout,
    ignoreErrors = true,
    colorMode = 'auto',
    inspectOptions,
    groupIndentation,
  } = options;

  if (!stdout || typeof stdout.write !== 'function') {
    throw new ERR_CONSOLE_WRITABLE_STREAM('stdout');
  }
  if (!stderr || typeof stderr.write !== 'function') {
    throw new ERR_CONSOLE_WRITABLE_STREAM('stderr');
  }
  if (typeof colorMode !== 'boolean' && colorMode !== 'auto') {
    throw new ERR_INVALID_ARG_VALUE('colorMode', colorMode);
  }
  if (groupIndentation !== undefined) {
    validateInteger(groupIndentation, 'groupIndentation', 0,
                    kMaxGroupIndentation);
  }
  if (inspectOptions !== undefined) {
    validateObject(inspectOptions, 'options.inspectOptions');
    if (inspectOptions.colors !== undefined &&
        options.colorMode !== undefined) {
      throw new ERR_INCOMPATIBLE_OPTION_PAIR(
        'options.inspectOptions.color', 'colorMode');
    }
    optionsMap.set(this, inspectOptions);
  }

  // Methods are bound so they can be passed around (arr.forEach(c.log)).
  for (const key of Object.keys(Console.prototype)) {
    this[key] = this[key].bind(this);
    Object.defineProperty(this[key], 'name', { value: key });
  }

  this[kBindStreamsEager](stdout, stderr);
  this[kBindProperties](ignoreErrors, colorMode, groupIndentation);
}

// The global console is not built by `new Console`, yet is one.
Object.defineProperty(Console, Symbol.hasInstance, {
  value(instance) {
    return instance != null && instance[kIsConsole] === true;
  },
});

// Write errors on the streams are dropped rather than crashing the process
// (with ignoreErrors): an 'error' listener is added only when none exists.
function createWriteErrorHandler(instance, useStdout) {
  return (err) => {
    const stream = useStdout ? instance._stdout : instance._stderr;
    if (err !== null && stream !== undefined &&
        !(stream._writableState && stream._writableState.errorEmitted)) {
      if (typeof stream.listenerCount === 'function' &&
          stream.listenerCount('error') === 0) {
        stream.once('error', noop);
      }
    }
  };
}

const consoleMethods = {
  [kBindStreamsEager](stdout, stderr) {
    Object.defineProperties(this, {
      _stdout: { ...hiddenProp, value: stdout },
      _stderr: { ...hiddenProp, value: stderr },
    });
  },

  // The global console reads process.stdout/stderr on first use only: they
  // may be getters that open the streams.
  [kBindStreamsLazy](object) {
    let stdout;
    let stderr;
    Object.defineProperties(this, {
      _stdout: {
        enumerable: false,
        configurable: true,
        get() {
          if (!stdout) stdout = object.stdout;
          return stdout;
        },
        set(value) {
          stdout = value;
        },
      },
      _stderr: {
        enumerable: false,
        configurable: true,
        get() {
          if (!stderr) stderr = object.stderr;
          return stderr;
        },
        set(value) {
          stderr = value;
        },
      },
    });
  },

  [kBindProperties](ignoreErrors, colorMode, groupIndentation = 2) {
    Object.defineProperties(this, {
      _stdoutErrorHandler: {
        ...hiddenProp,
        value: createWriteErrorHandler(this, kUseStdout),
      },
      _stderrErrorHandler: {
        ...hiddenProp,
        value: createWriteErrorHandler(this, kUseStderr),
      },
      _ignoreErrors: { ...hiddenProp, value: Boolean(ignoreErrors) },
      _times: { ...hiddenProp, value: new Map() },
      [kCounts]: { ...hiddenProp, value: new Map() },
      [kColorMode]: { ...hiddenProp, value: colorMode },
      [kIsConsole]: { ...hiddenProp, value: true },
      [kGroupIndent]: { ...hiddenProp, value: '' },
      [kGroupIndentationWidth]: { ...hiddenProp, value: groupIndentation },
      [Symbol.toStringTag]: {
        writable: false,
        enumerable: false,
        configurable: true,
        value: 'console',
      },
    });
  },

  [kWriteToConsole](useStdout, string) {
    const ignoreErrors = this._ignoreErrors;
    const groupIndent = this[kGroupIndent];
    const stream = useStdout ? this._stdout : this._stderr;
    const errorHandler = useStdout ?
      this._stdoutErrorHandler : this._stderrErrorHandler;

    if (groupIndent.length !== 0) {
      if (string.includes('\n')) {
        string = string.replace(/\n/g, `\n${groupIndent}`);
      }
      string = groupIndent + string;
    }
    string += '\n';

    if (ignoreErrors === false) return stream.write(string);

    // Errors may come synchronously (files, TTYs) or later (pipes); a
    // temporary no-op listener keeps a synchronous one from being thrown.
    const canListen = typeof stream.listenerCount === 'function' &&
      typeof stream.removeListener === 'function';
    try {
      if (canListen && stream.listenerCount('error') === 0) {
        stream.once('error', noop);
      }
      stream.write(string, errorHandler);
    } catch (err) {
      // Swallowing is fine for a debugging aid, except when the stack is
      // exhausted: hiding that would hide the real problem.
      if (isStackOverflowError(err)) throw err;
    } finally {
      if (canListen) stream.removeListener('error', noop);
    }
  },

  [kGetInspectOptions](stream) {
    let color = this[kColorMode];
    if (color === 'auto') {
      color = !!(stream && stream.isTTY) &&
        (typeof stream.getColorDepth === 'function' ?
          stream.getColorDepth() > 2 : true);
    }
    const options = optionsMap.get(this);
    if (options) {
      if (options.colors === undefined) options.colors = color;
      return options;
    }
    return color ? kColorInspectOptions : kNoColorInspectOptions;
  },

  [kFormatForStdout](args) {
    const opts = this[kGetInspectOptions](this._stdout);
    return formatWithOptions(opts, ...args);
  },

  [kFormatForStderr](args) {
    const opts = this[kGetInspectOptions](this._stderr);
    return formatWithOptions(opts, ...args);
  },
};

// The public methods, in Node's order (it shows in Object.keys(console)).
const publicMethods = {
  log(...args) {
    this[kWriteToConsole](kUseStdout, this[kFormatForStdout](args));
  },

  warn(...args) {
    this[kWriteToConsole](kUseStderr, this[kFormatForStderr](args));
  },

  dir(object, options) {
    this[kWriteToConsole](kUseStdout, inspect(object, {
      customInspect: false,
      ...this[kGetInspectOptions](this._stdout),
      ...options,
    }));
  },

  time(label = 'default') {
    label = `${label}`;
    if (this._times.has(label)) {
      process.emitWarning(`Label '${label}' already exists for console.time()`);
      return;
    }
    this._times.set(label, process.hrtime());
  },

  timeEnd(label = 'default') {
    label = `${label}`;
    if (timeLogImpl(this, 'timeEnd', label)) this._times.delete(label);
  },

  timeLog(label = 'default', ...data) {
    label = `${label}`;
    timeLogImpl(this, 'timeLog', label, data);
  },

  trace: function trace(...args) {
    const err = {
      name: 'Trace',
      message: this[kFormatForStderr](args),
    };
    // Frames from this method down are left out.
    Error.captureStackTrace(err, trace);
    this.error(err.stack);
  },

  assert(expression, ...args) {
    if (!expression) {
      args[0] = `Assertion failed${args.length === 0 ? '' : `: ${args[0]}`}`;
      Reflect.apply(this.warn, this, args);
    }
  },

  // Only a terminal is cleared: move home, then erase to the end.
  clear() {
    if (this._stdout.isTTY && process.env.TERM !== 'dumb') {
      this._stdout.write('\u001b[1;1H');
      this._stdout.write('\u001b[0J');
    }
  },

  count(label = 'default') {
    label = `${label}`;
    const counts = this[kCounts];
    let count = counts.get(label);
    count = count === undefined ? 1 : count + 1;
    counts.set(label, count);
    this.log(`${label}: ${count}`);
  },

  countReset(label = 'default') {
    const counts = this[kCounts];
    if (!counts.has(label)) {
      process.emitWarning(`Count for '${label}' does not exist`);
      return;
    }
    counts.delete(`${label}`);
  },

  group(...data) {
    if (data.length > 0) Reflect.apply(this.log, this, data);
    this[kGroupIndent] += ' '.repeat(this[kGroupIndentationWidth]);
  },

  groupEnd() {
    this[kGroupIndent] = this[kGroupIndent].slice(
      0, this[kGroupIndent].length - this[kGroupIndentationWidth]);
  },

  table(tabularData, properties) {
    if (properties !== undefined) validateArray(properties, 'properties');
    if (tabularData === null || typeof tabularData !== 'object') {
      return this.log(tabularData);
    }
    return this.log(buildTable(this, tabularData, properties));
  },
};

const kSecond = 1000;
const kMinute = 60 * kSecond;
const kHour = 60 * kMinute;

function pad(value) {
  return `${value}`.padStart(2, '0');
}

// "1.234ms", "1.500s", "1:02.500 (m:ss.mmm)", "1:02:03.004 (h:mm:ss.mmm)".
function formatTime(ms) {
  let hours = 0;
  let minutes = 0;
  let seconds = 0;
  if (ms >= kSecond) {
    if (ms >= kMinute) {
      if (ms >= kHour) {
        hours = Math.floor(ms / kHour);
        ms %= kHour;
      }
      minutes = Math.floor(ms / kMinute);
      ms %= kMinute;
    }
    seconds = ms / kSecond;
  }
  if (hours !== 0 || minutes !== 0) {
    const [whole, fraction] = seconds.toFixed(3).split('.');
    const res = hours !== 0 ? `${hours}:${pad(minutes)}` : minutes;
    return `${res}:${pad(whole)}.${fraction} ` +
      `(${hours !== 0 ? 'h:m' : ''}m:ss.mmm)`;
  }
  if (seconds !== 0) return `${seconds.toFixed(3)}s`;
  return `${Number(ms.toFixed(3))}ms`;
}

function timeLogImpl(self, name, label, data) {
  const time = self._times.get(label);
  if (time === undefined) {
    process.emitWarning(`No such label '${label}' for console.${name}()`);
    return false;
  }
  const duration = process.hrtime(time);
  const ms = duration[0] * 1000 + duration[1] / 1e6;
  const formatted = formatTime(ms);
  if (data === undefined) {
    self.log('%s: %s', label, formatted);
  } else {
    self.log('%s: %s', label, formatted, ...data);
  }
  return true;
}

/*
 * console.table
 */

const kIndexKey = '(index)';
const kIterationKey = '(iteration index)';
const kKeyKey = 'Key';
const kValuesKey = 'Values';

// Cells are centered; a column is as wide as its widest cell plus a space
// on each side.
function renderRow(row, columnWidths) {
  let out = '│ ';
  for (let i = 0; i < row.length; i++) {
    const cell = row[i];
    const needed = (columnWidths[i] - getStringWidth(cell)) / 2;
    out += ' '.repeat(Math.floor(needed)) + cell +
      ' '.repeat(Math.ceil(needed));
    if (i !== row.length - 1) out += ' │ ';
  }
  return `${out} │`;
}

function renderTable(head, columns) {
  const rows = [];
  const columnWidths = head.map((h) => getStringWidth(h));
  const longestColumn = Math.max(...columns.map((c) => c.length));
  for (let i = 0; i < head.length; i++) {
    const column = columns[i];
    for (let j = 0; j < longestColumn; j++) {
      if (rows[j] === undefined) rows[j] = [];
      const value = Object.prototype.hasOwnProperty.call(column, j) ?
        column[j] : '';
      rows[j][i] = value;
      columnWidths[i] = Math.max(columnWidths[i] || 0, getStringWidth(value));
    }
  }
  const divider = columnWidths.map((w) => '─'.repeat(w + 2));
  let result = `┌${divider.join('┬')}┐\n` +
    `${renderRow(head, columnWidths)}\n` +
    `├${divider.join('┼')}┤\n`;
  for (const row of rows) result += `${renderRow(row, columnWidths)}\n`;
  result += `└${divider.join('┴')}┘`;
  return result;
}

function buildTable(self, data, properties) {
  // Cells are short one-line previews.
  const cell = (v) => {
    const depth = v !== null && typeof v === 'object' && !Array.isArray(v) &&
      Object.keys(v).length > 2 ? -1 : 0;
    return inspect(v, {
      depth,
      maxArrayLength: 3,
      breakLength: Infinity,
      ...self[kGetInspectOptions](self._stdout),
    });
  };
  const indexColumn = (length) =>
    Array.from({ length }, (_, i) => cell(i));

  const mapIter = isMapIterator(data);
  let isKeyValue = false;
  if (mapIter) {
    const res = previewEntries(data, true);
    data = res[0];
    isKeyValue = res[1];
  }

  if (isKeyValue || isMap(data)) {
    const keys = [];
    const values = [];
    if (mapIter) {
      for (let i = 0; i < data.length / 2; i++) {
        keys.push(cell(data[i * 2]));
        values.push(cell(data[i * 2 + 1]));
      }
    } else {
      for (const { 0: k, 1: v } of data) {
        keys.push(cell(k));
        values.push(cell(v));
      }
    }
    return renderTable([kIterationKey, kKeyKey, kValuesKey],
                       [indexColumn(keys.length), keys, values]);
  }

  const setIter = isSetIterator(data);
  if (setIter) data = previewEntries(data);
  if (setIter || mapIter || isSet(data)) {
    const values = [];
    for (const v of data) values.push(cell(v));
    return renderTable([kIterationKey, kValuesKey],
                       [indexColumn(values.length), values]);
  }

  // One row per own key; one column per key found in the rows (or per
  // requested property), plus "Values" for rows that are primitives.
  const map = Object.create(null);
  let hasPrimitives = false;
  const valuesColumn = [];
  const indexKeys = Object.keys(data);
  for (let i = 0; i < indexKeys.length; i++) {
    const item = data[indexKeys[i]];
    const primitive = item === null ||
      (typeof item !== 'function' && typeof item !== 'object');
    if (properties === undefined && primitive) {
      hasPrimitives = true;
      valuesColumn[i] = cell(item);
    } else {
      const keys = properties || Object.keys(item);
      for (const key of keys) {
        if (map[key] === undefined) map[key] = [];
        if ((primitive && properties) ||
            !Object.prototype.hasOwnProperty.call(item, key)) {
          map[key][i] = '';
        } else {
          map[key][i] = cell(item[key]);
        }
      }
    }
  }
  const head = Object.keys(map);
  const columns = Object.values(map);
  if (hasPrimitives) {
    head.push(kValuesKey);
    columns.push(valuesColumn);
  }
  head.unshift(kIndexKey);
  columns.unshift(indexKeys);
  return renderTable(head, columns);
}

// Internal methods first (symbol keys), then the public ones, then aliases.
for (const key of Reflect.ownKeys(consoleMethods)) {
  Object.defineProperty(Console.prototype, key, {
    value: consoleMethods[key],
    writable: true,
    enumerable: false,
    configurable: true,
  });
}
for (const key of Object.keys(publicMethods)) {
  Object.defineProperty(Console.prototype, key, {
    value: publicMethods[key],
    writable: true,
    enumerable: true,
    configurable: true,
  });
}
Console.prototype.debug = Console.prototype.log;
Console.prototype.info = Console.prototype.log;
Console.prototype.dirxml = Console.prototype.log;
Console.prototype.error = Console.prototype.warn;
Console.prototype.groupCollapsed = Console.prototype.group;

module.exports = {
  Console,
  kBindStreamsLazy,
  kBindProperties,
  kWriteToConsole,
};
