'use strict';
// A REPL over PassThrough streams for tests: type() feeds input and
// resolves with what the REPL printed once it shows a prompt again.

const { PassThrough } = require('stream');
const repl = require('repl');

function startRepl(options = {}) {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.setEncoding('utf8');
  output.on('data', (chunk) => { text += chunk; });
  const server = repl.start({
    prompt: '> ', input, output, terminal: false, useColors: false,
    ...options,
  });
  const prompts = [server._initialPrompt || '> ', '... '];

  // Resolves with the output that follows `data`, up to and including
  // the next prompt (or after `ms` when none comes).
  function type(data, ms = 2000) {
    const from = text.length;
    input.write(data);
    return new Promise((resolve, reject) => {
      const started = Date.now();
      (function poll() {
        const out = text.slice(from);
        const shown = out.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
        if (prompts.some((p) => shown.endsWith(p)) || server.closed) {
          resolve(out);
        } else if (Date.now() - started > ms) {
          reject(new Error(`no prompt after ${JSON.stringify(data)}; ` +
                           `got ${JSON.stringify(out)}`));
        } else {
          setTimeout(poll, 2);
        }
      })();
    });
  }
  return { server, input, output, type, all: () => text };
}

module.exports = { startRepl };
