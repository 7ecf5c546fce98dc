'use strict';

// SCHED_NONE: the primary makes the listening handle once and sends it to
// every worker that asks; the workers accept on it themselves (the kernel
// picks which one gets each connection). UDP sockets are always shared so:
// every worker reads datagrams from the one socket.

const net = require('net');

class SharedHandle {
  constructor(key, address, { port, addressType, fd, flags }) {
    this.key = key;
    this.workers = new Map();
    this.handle = null;
    this.errno = 0;
    const udp = addressType === 'udp4' || addressType === 'udp6';
    const rval = udp ?
      require('dgram')._createSocketHandle(address, port, addressType, fd,
                                           flags) :
      net._createServerHandle(address, port, addressType, fd, flags);
    if (typeof rval === 'number') this.errno = rval;
    else this.handle = rval;
  }

  add(worker, send) {
    this.workers.set(worker.id, worker);
    send(this.errno, null, this.handle);
  }

  remove(worker) {
    if (!this.workers.delete(worker.id)) return false;
    if (this.workers.size !== 0) return false;
    if (this.handle) this.handle.close();
    this.handle = null;
    return true;
  }
}

module.exports = SharedHandle;
