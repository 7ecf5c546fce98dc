'use strict';

// cluster.Worker: the primary's view of a worker process, and a worker's
// view of itself (cluster.worker).

const EventEmitter = require('events');

class Worker extends EventEmitter {
  constructor(options = {}) {
    super();
    this.exitedAfterDisconnect = undefined;
    this.state = options.state || 'none';
    this.id = options.id | 0;
    if (options.process) {
      this.process = options.process;
      this.process.on('error', (err) => this.emit('error', err));
      this.process.on('message', (msg, handle) =>
        this.emit('message', msg, handle));
    }
  }

  send(...args) {
    return this.process.send(...args);
  }

  isDead() {
    return this.process.exitCode != null || this.process.signalCode != null;
  }

  isConnected() {
    return this.process.connected;
  }
}

module.exports = Worker;
