'use strict';
// A REPL served over a TCP socket, as a program offers one to remote
// users: each connection gets its own REPLServer and context.
const { assert, mustCall } = require('../common');
const net = require('net');
const repl = require('repl');

let sessions = 0;
const server = net.createServer((socket) => {
  sessions++;
  const r = repl.start({ prompt: 'net> ', input: socket, output: socket,
                         terminal: false, useGlobal: false });
  r.context.session = sessions;
  r.on('exit', mustCall(() => socket.end()));
});

function talk(port, lines) {
  return new Promise((resolve) => {
    const client = net.connect(port);
    let text = '';
    let next = 0;
    client.setEncoding('utf8');
    client.on('data', (chunk) => {
      text += chunk;
      // One line per prompt, then .exit.
      if (text.endsWith('net> ')) {
        if (next < lines.length) client.write(`${lines[next++]}\n`);
        else if (next === lines.length) {
          next++;
          client.write('.exit\n');
        }
      }
    });
    client.on('end', () => resolve(text));
  });
}

server.listen(0, '127.0.0.1', mustCall(async () => {
  const { port } = server.address();
  const [a, b] = await Promise.all([
    talk(port, ['let x = 20 + session', 'x * 2', 'await Promise.resolve(x)']),
    talk(port, ['typeof x', 'session']),
  ]);
  const byFirst = a.includes('\'undefined\'') ? [b, a] : [a, b];
  assert.match(byFirst[0], /^net> undefined\nnet> 4[24]\nnet> 2[12]\nnet> $/);
  assert.match(byFirst[1], /^net> 'undefined'\nnet> [12]\nnet> $/);
  server.close();
}));
