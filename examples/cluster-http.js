// An http server on every core: the primary forks one worker per CPU and
// restarts any worker that dies; the workers share one listening port
// through the primary (round-robin).
//
//   PORT=8000 noderun examples/cluster-http.js
//
// PORT=0 picks a free port: the primary prints it once all workers
// listen ("primary <pid> listening on port <n>"). WORKERS overrides the
// number of workers. SIGINT or SIGTERM stops the workers, then the primary.
'use strict';
const cluster = require('cluster');
const http = require('http');
const os = require('os');

const port = Number(process.env.PORT === undefined ? 8000 : process.env.PORT);

if (cluster.isPrimary) {
  const cores = typeof os.availableParallelism === 'function' ?
    os.availableParallelism() : os.cpus().length;
  const count = Number(process.env.WORKERS) || cores;
  let stopping = false;
  let announced = false;
  const listening = new Set();

  console.log(`primary ${process.pid} is running, starting ${count} workers`);
  for (let i = 0; i < count; i++) cluster.fork();

  cluster.on('listening', (worker, address) => {
    console.log(`worker ${worker.process.pid} listening on port ` +
                `${address.port}`);
    listening.add(worker.id);
    if (!announced && listening.size === count) {
      announced = true;
      console.log(`primary ${process.pid} listening on port ${address.port}`);
    }
  });

  cluster.on('exit', (worker, code, signal) => {
    listening.delete(worker.id);
    if (stopping) return;
    console.log(`worker ${worker.process.pid} died (${signal || code}), ` +
                'restarting');
    cluster.fork();
  });

  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`primary ${process.pid} got ${signal}, stopping workers`);
    cluster.disconnect(() => {
      console.log(`primary ${process.pid} done`);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} else {
  http.createServer((req, res) => {
    res.end(`hello from worker ${process.pid}\n`);
  }).listen(port);
  console.log(`worker ${process.pid} started`);
}
