// TCP echo throughput for tools/bench/http: a net echo server in this
// process, driven by a client (this same script, run as a child process
// of the same runtime) that writes 64 KiB chunks for a few seconds and
// counts the bytes that come back. Prints "tcp-echo N MiB/s".
'use strict';
const net = require('net');
const { spawn } = require('child_process');
const SECONDS = Number(process.env.BENCH_SECONDS || 3);

if (process.argv[2] === 'client') {
  const port = Number(process.argv[3]);
  const chunk = Buffer.alloc(64 * 1024, 'e');
  const sock = net.connect(port, '127.0.0.1');
  let received = 0;
  let start = 0;
  let done = false;
  const pump = () => {
    while (!done && sock.write(chunk));
  };
  sock.on('connect', () => {
    start = process.hrtime.bigint();
    pump();
    setTimeout(() => {
      done = true;
      const secs = Number(process.hrtime.bigint() - start) / 1e9;
      console.log('tcp-echo ' + (received / secs / (1 << 20)).toFixed(1) +
                  ' MiB/s');
      sock.destroy();
    }, SECONDS * 1000);
  });
  sock.on('drain', pump);
  sock.on('data', (d) => { received += d.length; });
  sock.on('error', () => {});
} else {
  const server = net.createServer((s) => {
    s.pipe(s);
    s.on('error', () => {});
  });
  server.listen(0, '127.0.0.1', () => {
    const child = spawn(process.execPath,
                        [__filename, 'client', server.address().port],
                        { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (code) => {
      server.close();
      process.exitCode = code;
    });
  });
}
