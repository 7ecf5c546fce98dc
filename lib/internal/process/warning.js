// process.emitWarning and the default printing of 'warning' events.
'use strict';

const {
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');

let printedHint = false;

function writeOut(text) {
  // A worker's stderr goes through its parent (worker.stderr).
  if (!internalBinding('worker').isMainThread) process.stderr.write(text);
  else internalBinding('stdio').writeSync(2, text);
}

// The default 'warning' listener: one line per warning, like Node.
function onWarning(warning) {
  // Only errors are printed ('warning' may be emitted with anything).
  if (!(warning instanceof Error)) return;
  const options = internalBinding('process_methods').getOptions();
  const isDeprecation = warning.name === 'DeprecationWarning';
  if (isDeprecation && process.noDeprecation) return;
  const trace = options.traceWarnings ||
    (isDeprecation && process.traceDeprecation);
  let msg = `(node:${process.pid}) `;
  if (warning.code) msg += `[${warning.code}] `;
  if (trace && warning.stack) {
    msg += warning.stack;
  } else {
    msg += typeof warning.toString === 'function' ?
      warning.toString() : Error.prototype.toString.call(warning);
  }
  if (typeof warning.detail === 'string') msg += `\n${warning.detail}`;
  if (!trace && !printedHint) {
    printedHint = true;
    const flag = isDeprecation ? '--trace-deprecation' : '--trace-warnings';
    msg += `\n(Use \`noderun ${flag} ...\` to show where the warning ` +
      'was created)';
  }
  writeOut(`${msg}\n`);
}

function emitWarning(warning, type, code, ctor) {
  let detail;
  if (type !== null && typeof type === 'object' && !Array.isArray(type)) {
    ctor = type.ctor;
    code = type.code;
    if (typeof type.detail === 'string') detail = type.detail;
    type = type.type || 'Warning';
  } else if (typeof type === 'function') {
    ctor = type;
    code = undefined;
    type = 'Warning';
  }
  if (type !== undefined && typeof type !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('type', 'string', type);
  }
  if (typeof code === 'function') {
    ctor = code;
    code = undefined;
  } else if (code !== undefined && typeof code !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('code', 'string', code);
  }
  if (typeof warning === 'string') {
    const limit = Error.stackTraceLimit;
    if (process.throwDeprecation) Error.stackTraceLimit = 0;
    warning = new Error(warning);
    Error.stackTraceLimit = limit;
    warning.name = String(type || 'Warning');
    if (code !== undefined) warning.code = code;
    if (detail !== undefined) warning.detail = detail;
    Error.captureStackTrace(warning, ctor || process.emitWarning);
  } else if (!(warning instanceof Error)) {
    throw new ERR_INVALID_ARG_TYPE('warning', ['Error', 'string'], warning);
  }
  if (warning.name === 'DeprecationWarning') {
    if (process.noDeprecation) return;
    // Thrown from the next tick: an uncaught exception, not an error the
    // caller of emitWarning() could catch.
    if (process.throwDeprecation) {
      process.nextTick(() => { throw warning; });
      return;
    }
  }
  process.nextTick(() => process.emit('warning', warning));
}

// Node prints warnings through a listener installed at start-up, so that
// it runs before the listeners of the program.
function setup(process) {
  process.on('warning', onWarning);
}

module.exports = { emitWarning, setup };
