// mocha's CLI with --parallel: workers are child processes (workerpool,
// child_process.fork with IPC).
process.argv[2] = 'parallel';
require('./mocha.js');
