'use strict';

// SCHED_RR: the primary listens itself and hands each new connection to
// the next free worker, sending the socket's handle over the worker's IPC
// channel; a worker that cannot take it (its server closed meanwhile) says
// so and the connection goes to another.

const net = require('net');
const { sendHelper } = require('internal/cluster/utils');

class RoundRobinHandle {
  constructor(key, address, { port, fd, flags, backlog }) {
    this.key = key;
    this.all = new Map();   // worker id -> worker
    this.free = new Map();  // idle workers, in the order they became idle
    this.pending = [];      // connections no worker took yet
    this.handle = null;
    this.server = net.createServer(() => {});
    if (fd >= 0) {
      this.server.listen({ fd, backlog });
    } else if (port >= 0) {
      this.server.listen({ port, host: address, ipv6Only: !!(flags & 1),
                           backlog });
    } else {
      this.server.listen({ path: address, backlog });  // a Unix socket
    }
    this.server.once('listening', () => {
      // The primary keeps the listening handle; its connections are
      // distributed instead of becoming sockets here.
      this.handle = this.server._handle;
      this.handle.onconnection = (err, handle) => this.distribute(err, handle);
      this.server._handle = null;
      this.server = null;
    });
  }

  // Adds a worker; send(errno, reply, handle) answers its query once the
  // primary listens (or failed to).
  add(worker, send) {
    this.all.set(worker.id, worker);
    const done = () => {
      if (this.handle.getsockname) {
        const out = {};
        this.handle.getsockname(out);
        send(null, { sockname: out }, null);
      } else {
        send(null, null, null);  // a Unix socket
      }
      this.handoff(worker);  // in case connections are waiting
    };
    if (this.server === null) return done();
    this.server.once('listening', done);
    this.server.once('error', (err) => {
      send(err.errno, null);
    });
  }

  // Drops a worker; true when none is left and the handle was closed.
  remove(worker) {
    if (!this.all.delete(worker.id)) return false;
    this.free.delete(worker.id);
    if (this.all.size !== 0) return false;
    for (const handle of this.pending) handle.close();
    this.pending = [];
    if (this.handle) this.handle.close();
    else if (this.server) this.server.close();
    this.handle = null;
    return true;
  }

  distribute(err, handle) {
    if (err) return;  // an accept error: nothing to hand out
    this.pending.push(handle);
    const [worker] = this.free.values();
    if (worker) this.handoff(worker);
  }

  handoff(worker) {
    if (!this.all.has(worker.id)) return;  // gone meanwhile
    const handle = this.pending.shift();
    if (handle === undefined) {
      this.free.set(worker.id, worker);  // nothing to do: now idle
      return;
    }
    this.free.delete(worker.id);
    const message = { act: 'newconn', key: this.key };
    sendHelper(worker.process, message, handle, (reply) => {
      if (reply.accepted) handle.close();  // the worker has its own copy
      else this.distribute(0, handle);     // give it to someone else
      this.handoff(worker);
    });
  }
}

module.exports = RoundRobinHandle;
