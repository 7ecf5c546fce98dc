'use strict';

// The REPL of the `noderun` command (no script on a terminal, or -i): a
// REPLServer over stdin and stdout in the main context, with the history
// file of NODE_REPL_HISTORY, that survives errors thrown later by timers
// and promises and ends the process when it closes.

const { REPLServer, REPL_MODE_SLOPPY, REPL_MODE_STRICT } = require('repl');
const { historyOptions } = require('internal/repl/history');

function startCliRepl() {
  const env = process.env;
  const { file, size } = historyOptions(env);
  const mode = env.NODE_REPL_MODE === 'strict' ? REPL_MODE_STRICT :
    REPL_MODE_SLOPPY;
  process.stdout.write(
    `Welcome to noderun ${process.versions.noderun} ` +
    `(Node.js ${process.version} API).\n` +
    'Type ".help" for more information.\n');
  const repl = new REPLServer({
    prompt: '> ',
    input: process.stdin,
    output: process.stdout,
    terminal: process.stdin.isTTY && process.stdout.isTTY &&
      env.NODE_NO_READLINE === undefined ? undefined : false,
    useGlobal: true,
    breakEvalOnSigint: true,
    ignoreUndefined: false,
    replMode: mode,
    historySize: size,
  });
  if (file !== null && repl.terminal) {
    repl.setupHistory(file, (err) => {
      if (err) {
        process.stdout.write(
          `\nError: Could not open history file ${file}: ${err.message}\n` +
          'REPL session history will not be persisted.\n');
        repl.displayPrompt();
      }
    });
  }
  // What user code throws later (a timer, an event) or leaves rejected is
  // reported and the session goes on, as in Node.
  process.on('uncaughtException', (err) => {
    repl.clearLine();
    repl.printError(err);
    repl.displayPrompt();
  });
  process.on('unhandledRejection', (reason) => {
    repl.clearLine();
    repl.printError(reason);
    repl.displayPrompt();
  });
  repl.on('exit', () => {
    process.exit();
  });
  return repl;
}

module.exports = { startCliRepl };
