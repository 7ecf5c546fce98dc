// process.getActiveResourcesInfo(): what keeps the event loop alive, by
// Node's names: requests in flight first, then handles, then one
// 'Timeout' per ref'd timer and one 'Immediate' per ref'd immediate.
'use strict';

const threadpool = internalBinding('threadpool');
const { activeCounts } = require('internal/timers');

// Threadpool work of this thread by kind (fs, crypto, zlib, dns), named as
// the request objects that carry it. Node 18 itself lists fs and dns
// requests only; noderun lists zlib and crypto work too, which also keeps
// the loop alive.
const workNames = ['FSReqCallback', 'CryptoJob', 'ZlibWrap',
                   'GetAddrInfoReqWrap'];

function getActiveResourcesInfo() {
  const names = [];
  const work = threadpool.active();
  for (let kind = 0; kind < workNames.length; kind++) {
    for (let i = 0; i < work[kind]; i++) names.push(workNames[kind]);
  }
  names.push(...threadpool.loopHandles());
  const [timers, immediates] = activeCounts();
  for (let i = 0; i < timers; i++) names.push('Timeout');
  for (let i = 0; i < immediates; i++) names.push('Immediate');
  return names;
}

module.exports = { getActiveResourcesInfo };
