// noderun:threadpool — what libuv's threadpool is doing, beyond Node.
// Every piece of work noderun puts on the pool (fs, crypto, zlib, dns)
// goes through one instrumented path (src/threadpool.c); this module
// reports its counts and timings. Reachable only as
// require('noderun:threadpool').
'use strict';

const binding = internalBinding('threadpool');

const kinds = ['fs', 'crypto', 'zlib', 'dns'];

// stats() -> {
//   size,                        threads in the pool (UV_THREADPOOL_SIZE)
//   queued, running, completed,  over all kinds, process-wide
//   fs | crypto | zlib | dns: {
//     queued, running, completed,
//     wait: { count, mean, p50, p90, p99, max },  queue wait, ms
//     run:  { count, mean, p50, p90, p99, max },  run time, ms
//   }
// }
function stats() {
  return binding.stats();
}

// active() -> { fs, crypto, zlib, dns }: this thread's work queued or
// running (what keeps its event loop alive).
function active() {
  const counts = binding.active();
  const result = {};
  for (let i = 0; i < kinds.length; i++) result[kinds[i]] = counts[i];
  return result;
}

module.exports = { stats, active };
