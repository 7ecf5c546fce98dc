// spawn+exit of 200 `true` processes, one after another, for
// tools/bench/http. Prints "spawn-true N procs/s".
'use strict';
const { spawn } = require('child_process');
const COUNT = 200;
let left = COUNT;
const start = process.hrtime.bigint();
function next() {
  if (left-- === 0) {
    const secs = Number(process.hrtime.bigint() - start) / 1e9;
    console.log('spawn-true ' + (COUNT / secs).toFixed(1) + ' procs/s');
    return;
  }
  const child = spawn('true', [], { stdio: 'ignore' });
  child.on('exit', (code) => {
    if (code !== 0) throw new Error('true exited with ' + code);
    next();
  });
}
next();
