'use strict';

// A worker's half of cluster: cluster.worker, and servers that listen
// through the primary (net.Server.listen calls cluster._getServer).

const EventEmitter = require('events');
const Worker = require('internal/cluster/worker');
const { sendHelper, internal } = require('internal/cluster/utils');

const cluster = new EventEmitter();
const handles = new Map();  // key -> the handle a server of ours listens on
const indexes = new Map();  // server address -> how many we made so far

cluster.isWorker = true;
cluster.isMaster = false;
cluster.isPrimary = false;
cluster.worker = null;
cluster.Worker = Worker;

cluster._setupWorker = function() {
  const worker = new Worker({
    id: +process.env.NODE_UNIQUE_ID | 0,
    process,
    state: 'online',
  });
  cluster.worker = worker;

  process.once('disconnect', () => {
    worker.emit('disconnect');
    if (!worker.exitedAfterDisconnect) {
      // The primary went away without asking: nothing to work for.
      process.exit(0);
    }
  });

  process.on('internalMessage', internal(worker, onMessage));
  send({ act: 'online' });

  function onMessage(message, handle) {
    if (message.act === 'newconn') onConnection(message, handle);
    else if (message.act === 'disconnect') worker._disconnect(true);
  }
};

// Asks the primary for the server `obj` wants; cb(errno, handle).
cluster._getServer = function(obj, options, cb) {
  let address = options.address;
  // Several servers of one worker on the same port+address (port 0 among
  // them) are told apart by their index.
  if (options.port < 0 && typeof address === 'string' &&
      process.platform !== 'win32') {
    address = require('path').resolve(address);
  }
  const indexesKey = [address, options.port, options.addressType,
                      options.fd].join(':');
  let index = indexes.get(indexesKey);
  index = index === undefined ? 0 : index + 1;
  indexes.set(indexesKey, index);

  const message = {
    act: 'queryServer',
    index,
    data: null,
    ...options,
    address,
  };
  send(message, (reply, handle) => {
    const got = handle ? shared(reply, handle, indexesKey, index, cb) :
      rr(reply, indexesKey, index, cb);
    if (got) got.owner = obj;
  });

  obj.once('listening', () => {
    cluster.worker.state = 'listening';
    const addr = obj.address();
    send({
      act: 'listening',
      port: addr && addr.port || options.port,
      address: addr && addr.address !== undefined ? addr.address : address,
      addressType: options.addressType,
      fd: options.fd,
    });
  });
};

function removeIndexesKey(indexesKey, index) {
  if (indexes.get(indexesKey) === index) indexes.delete(indexesKey);
}

// SCHED_NONE: we listen on the primary's handle ourselves.
function shared(message, handle, indexesKey, index, cb) {
  const { key } = message;
  const close = handle.close;
  handle.close = function() {
    send({ act: 'close', key });
    handles.delete(key);
    removeIndexesKey(indexesKey, index);
    return close.apply(handle, arguments);
  };
  handles.set(key, handle);
  cb(message.errno, handle);
  return handle;
}

// SCHED_RR: a stand-in handle; the primary accepts and sends us each
// connection ('newconn').
function rr(message, indexesKey, index, cb) {
  if (message.errno) return cb(message.errno, null);
  let key = message.key;
  const handle = {
    onconnection: null,
    listen() { return 0; },
    close() {
      if (key === undefined) return;
      send({ act: 'close', key });
      handles.delete(key);
      removeIndexesKey(indexesKey, index);
      key = undefined;
    },
    getsockname(out) {
      if (message.sockname) Object.assign(out, message.sockname);
      return 0;
    },
    ref() {},
    unref() {},
    hasRef() { return false; },
  };
  handles.set(key, handle);
  cb(0, handle);
  return handle;
}

// A connection the primary handed us: it becomes one of our server's.
function onConnection(message, handle) {
  const server = handles.get(message.key);
  const accepted = server !== undefined && server.onconnection !== null;
  send({ ack: message.seq, accepted });
  if (accepted) server.onconnection(0, handle);
  else if (handle) handle.close();
}

function send(message, cb) {
  return sendHelper(process, message, null, cb);
}

Worker.prototype.disconnect = function() {
  if (this.state !== 'disconnecting' && this.state !== 'destroying') {
    this.state = 'disconnecting';
    this._disconnect();
  }
  return this;
};

// Closes our servers, then the channel; the primary learns that this was
// on purpose first, so it does not count the exit as a crash.
Worker.prototype._disconnect = function(primaryInitiated) {
  this.exitedAfterDisconnect = true;
  let waiting = handles.size + 1;
  const checkWaiting = () => {
    if (--waiting === 0) {
      if (primaryInitiated) process.disconnect();
      else send({ act: 'exitedAfterDisconnect' }, () => process.disconnect());
    }
  };
  for (const handle of [...handles.values()]) {
    // Closing the server or UDP socket (not just its handle) gives it its
    // 'close'.
    const { owner } = handle;
    const udp = handle.native !== undefined;  // a dgram SharedUDP
    if (owner && (udp || owner._handle === handle)) owner.close();
    else handle.close();
    checkWaiting();
  }
  handles.clear();
  checkWaiting();
};

Worker.prototype.destroy = function() {
  if (this.state === 'destroying') return;
  this.exitedAfterDisconnect = true;
  if (!this.isConnected()) {
    process.exit(0);
  } else {
    this.state = 'destroying';
    send({ act: 'exitedAfterDisconnect' }, () => process.disconnect());
    process.once('disconnect', () => process.exit(0));
  }
};
Worker.prototype.kill = Worker.prototype.destroy;

module.exports = cluster;
