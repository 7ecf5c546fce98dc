// What C calls into (src/runtime.c): starting the program the command line
// names, the end of the loop ('beforeExit', 'exit'), evaluation for an
// embedding host, and exceptions that nothing caught.
'use strict';

const path = require('path');
const { Module, makeEvalModule } = require('internal/modules/cjs/loader');
const { runInThisContext } = internalBinding('contextify');
const binding = internalBinding('process_methods');
const stdio = internalBinding('stdio');
const { kEnhanceStackBeforeInspector } = require('internal/errors');

const help = `Usage: noderun [options] [ script.js ] [arguments]
       noderun [options] -e "script" [arguments]
       noderun [options] - [arguments]   (the script from stdin)

A Node.js-compatible JavaScript runtime (Node ${process.version} API).

Options:
  -e, --eval script          evaluate script
  -p, --print [script]       evaluate script and print the result
  -c, --check                check the script's syntax without running it
  -r, --require module       preload a module at start-up (repeatable)
  -i, --interactive          read the program from stdin even on a terminal
  -v, --version              print the Node.js API version
  -h, --help                 print this help
  --unhandled-rejections=mode  throw (default), strict, warn, none,
                             warn-with-error-code
  --no-warnings              silence process warnings
  --trace-warnings           print the stack of each warning
  --no-deprecation, --throw-deprecation, --trace-deprecation
  --title=title              set process.title
  --input-type=type          how -e and stdin code runs: "commonjs" or
                             "module"
  --expose-gc, --jitless, --stack-size=n, --max-old-space-size=n,
  --stack-trace-limit=n, --harmony-*   handed to V8
  --                         end of options

noderun ${process.versions.noderun}, V8 ${process.versions.v8}, libuv ${process.versions.uv}
`;

function exitCodeOf(code) {
  return code === undefined || code === null ? 0 : Number(code) | 0;
}

// In -e, -p and stdin programs the builtin modules are globals too, as in
// Node: `noderun -p "os.cpus().length"`.
function exposeBuiltinsAsGlobals(require) {
  for (const id of Module.builtinModules) {
    if (id.includes('/') || id.startsWith('_') || id in globalThis) continue;
    Object.defineProperty(globalThis, id, {
      get() {
        const value = require(id);
        Object.defineProperty(globalThis, id, {
          value, writable: true, enumerable: false, configurable: true,
        });
        return value;
      },
      set(value) {
        Object.defineProperty(globalThis, id, {
          value, writable: true, enumerable: false, configurable: true,
        });
      },
      enumerable: false,
      configurable: true,
    });
  }
}

function evalScript(name, source, print, builtinGlobals = true) {
  const { module, require } = makeEvalModule(name);
  globalThis.module = module;
  globalThis.require = require;
  globalThis.exports = module.exports;
  globalThis.__filename = name;
  globalThis.__dirname = '.';
  if (builtinGlobals) exposeBuiltinsAsGlobals(require);
  const result = runInThisContext(source, name);
  if (print) console.log(result);
  return result;
}

// -e / stdin code run as an ES module (--input-type=module).
function evalModule(source, print) {
  if (print) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_EVAL_ESM_CANNOT_PRINT();
  }
  require('internal/modules/esm/loader').evalModule(source);
}

function checkSyntax(source, filename) {
  const { compileFunction } = internalBinding('contextify');
  compileFunction(source.replace(/^#!.*/, ''), filename,
                  ['exports', 'require', 'module', '__filename', '__dirname']);
}

function readStdin() {
  return internalBinding('fs').readFileUtf8(0);
}

function markMilestone(name) {
  require('internal/bootstrap/realm').milestones[name] =
    process.hrtime.bigint();
}

function runMain() {
  // The loop starts when the main program has run (the finally below).
  try {
    runMainProgram();
  } finally {
    markMilestone('loopStart');
  }
}

// A child made by fork() finds its end of the IPC channel in the
// environment (the variables are its parent's business, not the program's).
function setupChildChannel() {
  const fd = Number.parseInt(process.env.NODE_CHANNEL_FD, 10);
  delete process.env.NODE_CHANNEL_FD;
  const serialization = process.env.NODE_CHANNEL_SERIALIZATION_MODE || 'json';
  delete process.env.NODE_CHANNEL_SERIALIZATION_MODE;
  if (!(fd >= 0)) return;
  const pipe = internalBinding('pipe_wrap');
  const handle = pipe.create(true);
  if (pipe.open(handle, fd) !== 0) {
    pipe.close(handle);
    return;
  }
  require('internal/child_process/channel').setupChannel(process, handle,
                                                         serialization);
}

function runMainProgram() {
  if (process.env.NODE_CHANNEL_FD !== undefined) setupChildChannel();
  if (process.env.NODE_UNIQUE_ID !== undefined) {
    // A cluster worker: its half of cluster is loaded before the variable
    // goes, so the worker's own children are not taken for workers.
    require('cluster')._setupWorker();
    delete process.env.NODE_UNIQUE_ID;
  }
  const opts = binding.getOptions();
  if (opts.help) {
    stdio.writeSync(1, help);
    return;
  }
  runPreloads(opts);
  if (opts.eval !== undefined) {
    if (opts.inputType === 'module') evalModule(opts.eval, opts.print);
    else evalScript('[eval]', opts.eval, opts.print);
    if (opts.interactive) startRepl();
  } else if (opts.script !== undefined) {
    if (opts.inputType !== undefined) {
      const { codes } = require('internal/errors');
      throw new codes.ERR_INPUT_TYPE_NOT_ALLOWED();
    }
    const filename = path.resolve(opts.script);
    if (opts.check) {
      const resolved = Module._resolveFilename(filename, null, true);
      checkSyntax(internalBinding('fs').readFileUtf8(resolved), resolved);
      return;
    }
    runFile(filename);
  } else if (!opts.forceStdin &&
             (opts.interactive || stdio.guessHandleType(0) === 'TTY')) {
    // No script on a terminal (or -i): the REPL.
    if (opts.inputType !== undefined) {
      stdio.writeSync(2, 'Cannot specify --input-type for REPL\n');
      process.exit(1);
    }
    startRepl();
  } else {
    // No script, stdin not a terminal: stdin is the program.
    const source = readStdin();
    if (opts.check) checkSyntax(source, '[stdin]');
    else if (opts.inputType === 'module') evalModule(source, opts.print);
    else evalScript('[stdin]', source, opts.print);
  }
}

function startRepl() {
  require('internal/repl').startCliRepl();
}

function runFile(file) {
  const filename = path.resolve(file);
  process.argv[1] = filename;
  Module.runMain(filename);
}

// The result goes back to the host as JSON text, when it asks for it;
// a value with no JSON form (a function, a cycle, a BigInt) gives none.
function evalForHost(source, name, wantResult) {
  const result = evalScript(name, source, false, false);
  if (!wantResult) return undefined;
  try {
    return JSON.stringify(result);
  } catch {
    return undefined;
  }
}

function emitBeforeExit() {
  process.emit('beforeExit', exitCodeOf(process.exitCode));
}

function emitExit() {
  markMilestone('loopExit');
  if (!process._exiting) {
    process._exiting = true;
    process.emit('exit', exitCodeOf(process.exitCode));
  }
  return exitCodeOf(process.exitCode);
}

// How Node prints an exception that ends the process.
function formatFatal(err, arrow) {
  const { inspect } = require('internal/util/inspect');
  const footer = `\n\nNode.js ${process.version}\n`;
  if (err !== null && (typeof err === 'object' || typeof err === 'function')) {
    // Node shows more depth here than console.log does, and no custom
    // inspection; an 'error' event names where it was emitted.
    let text = inspect(err, {
      customInspect: false,
      depth: Math.max(inspect.defaultOptions.depth, 5),
    });
    const enhance = err[kEnhanceStackBeforeInspector];
    if (typeof enhance === 'function') {
      try {
        text = enhance.call(err);
      } catch {
        // Keep the plain text.
      }
    }
    // An error whose stack already starts with the place (vm's syntax
    // errors) is not given it twice.
    if (arrow && typeof err.stack === 'string' && err.stack.startsWith(arrow))
      arrow = undefined;
    return (arrow ? `${arrow}\n` : '') + text + footer;
  }
  return `\n${arrow || ''}` +
    (typeof err === 'string' ? err : inspect(err)) + footer;
}

// process.setUncaughtExceptionCaptureCallback(): one function that takes
// every uncaught exception in place of 'uncaughtException' listeners.
let captureFn = null;

function setUncaughtExceptionCaptureCallback(fn) {
  if (fn === null) {
    captureFn = null;
    return;
  }
  if (typeof fn !== 'function') {
    const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
    throw new ERR_INVALID_ARG_TYPE('fn', ['Function', 'null'], fn);
  }
  if (captureFn !== null) {
    const { ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET } =
      require('internal/errors').codes;
    throw new ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET();
  }
  captureFn = fn;
}

function hasUncaughtExceptionCaptureCallback() {
  return captureFn !== null;
}

// The domain module's handler, asked first; true when a domain took the
// error.
let domainHandler = null;

function setDomainHandler(fn) {
  domainHandler = fn;
}

// An exception nothing caught: a capture callback or 'uncaughtException'
// listeners may take it (true). Otherwise 'exit' runs, the error is printed
// and the exit code is returned (Node's order); with
// --abort-on-uncaught-exception the process aborts after printing.
function onFatal(err, arrow, fromPromise, unwound) {
  const isWorker = !internalBinding('worker').isMainThread;
  // Node aborts at once, before any listener (a rejection is not thrown, so
  // it takes the ordinary path); never for a worker's error.
  if (!fromPromise && captureFn === null && !isWorker &&
      binding.getOptions().abortOnUncaughtException) {
    stdio.writeSync(2, fatalText(err, arrow));
    process.abort();
  }
  // process._fatalException decides whether something took the error; a
  // program may replace it (Node exits with 6 when it is not a function;
  // a worker just ends with 6).
  const handler = process._fatalException;
  if (typeof handler !== 'function') {
    if (!isWorker) stdio.writeSync(2, fatalText(err, arrow));
    return 6;
  }
  // The callbacks the error ended left their async contexts entered (a
  // domain's among them, for its handler): once it is handled, leave them.
  const handled = () => {
    if (unwound) require('internal/async_hooks').leaveAll();
    // The callback that threw left its ticks for later: an immediate
    // makes sure there is a later, as Node does.
    require('timers').setImmediate(() => {});
    return true;
  };
  if (!isWorker) {
    if (handler(err, fromPromise)) return handled();
  } else {
    try {
      if (handler(err, fromPromise)) return handled();
    } catch (thrown) {
      // A worker whose handler threw ends with 1, reporting what it threw.
      err = thrown;
    }
  }
  try {
    if (!process._exiting) {
      process._exiting = true;
      process.exitCode = 1;
      process.emit('exit', 1);
    }
  } catch {
    // An 'exit' listener that throws cannot stop the exit.
  }
  if (isWorker) {
    // A worker's error becomes an 'error' event on its Worker.
    require('internal/worker/main').reportFatal(err);
    return fatalExitCode();
  }
  stdio.writeSync(2, fatalText(err, arrow));
  return fatalExitCode();
}

// An uncaught exception ends the process with process.exitCode when it is
// an integer (an 'exit' listener may have set it), else with 1, even when
// the exception came from an 'exit' listener itself.
function fatalExitCode() {
  const code = process.exitCode;
  return Number.isInteger(code) && code === (code | 0) ? code : 1;
}

// The default process._fatalException: true when the capture callback or
// 'uncaughtException' listeners took the error.
function fatalException(err, fromPromise) {
  const origin = fromPromise ? 'unhandledRejection' : 'uncaughtException';
  process.emit('uncaughtExceptionMonitor', err, origin);
  if (domainHandler !== null && domainHandler(err)) {
    return true;
  }
  if (captureFn !== null) {
    captureFn(err);
    return true;
  }
  if (process.listenerCount('uncaughtException') > 0) {
    process.emit('uncaughtException', err, origin);
    return true;
  }
  return false;
}

function fatalText(err, arrow) {
  try {
    return formatFatal(err, arrow);
  } catch {
    return `${arrow || ''}\n${String(err && err.stack || err)}\n`;
  }
}

// -r modules (and NODE_OPTIONS' ones), on every thread as in Node.
function runPreloads(opts) {
  if (opts.requires.length > 0) {
    // Preloads resolve from the current directory.
    const { require } = makeEvalModule('internal/preload', 'noop');
    for (const id of opts.requires) require(id);
  }
}

// A worker thread's program (src/worker.c): a file or `eval` source.
function runWorker() {
  const start = require('internal/worker/main').setup();
  if (start === undefined) return;
  runPreloads(binding.getOptions());
  if (start.isEval) evalScript('[worker eval]', start.filename, false, false);
  else runFile(start.filename);
}

module.exports = {
  fatalException,
  setUncaughtExceptionCaptureCallback,
  hasUncaughtExceptionCaptureCallback,
  setDomainHandler,
  runMain,
  runFile,
  evalForHost,
  emitBeforeExit,
  emitExit,
  onFatal,
  runWorker,
};
