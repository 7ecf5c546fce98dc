'use strict';

// The primary's half of cluster: forking workers, their life cycle events,
// and the servers they share (round-robin or shared handles).

const EventEmitter = require('events');
const path = require('path');
const { fork } = require('child_process');
const Worker = require('internal/cluster/worker');
const RoundRobinHandle = require('internal/cluster/round_robin_handle');
const SharedHandle = require('internal/cluster/shared_handle');
const { sendHelper, internal } = require('internal/cluster/utils');
const { validateFunction } = require('internal/validators');

const SCHED_NONE = 1;
const SCHED_RR = 2;

const cluster = new EventEmitter();
const handles = new Map();  // server key -> RoundRobinHandle | SharedHandle
let ids = 0;
let initialized = false;

cluster.isWorker = false;
cluster.isMaster = true;
cluster.isPrimary = true;
cluster.Worker = Worker;
cluster.workers = {};
cluster.settings = {};
cluster.SCHED_NONE = SCHED_NONE;
cluster.SCHED_RR = SCHED_RR;

const policyFromEnv = process.env.NODE_CLUSTER_SCHED_POLICY;
cluster.schedulingPolicy = policyFromEnv === 'none' ? SCHED_NONE :
  policyFromEnv === 'rr' ? SCHED_RR : SCHED_RR;

cluster.setupPrimary = function setupPrimary(options) {
  const settings = {
    args: process.argv.slice(2),
    exec: process.argv[1],
    execArgv: process.execArgv,
    silent: false,
    ...cluster.settings,
    ...options,
  };
  cluster.settings = settings;
  if (!initialized) {
    initialized = true;
    // The policy is fixed from the first set-up on.
    if (cluster.schedulingPolicy !== SCHED_NONE &&
        cluster.schedulingPolicy !== SCHED_RR) {
      const { ERR_INVALID_ARG_VALUE } = require('internal/errors').codes;
      throw new ERR_INVALID_ARG_VALUE('cluster.schedulingPolicy',
                                      cluster.schedulingPolicy);
    }
  }
  process.nextTick(() => cluster.emit('setup', settings));
};
cluster.setupMaster = cluster.setupPrimary;

function createWorkerProcess(id, env) {
  const settings = cluster.settings;
  const exec = path.resolve(settings.exec);
  return fork(exec, settings.args, {
    cwd: settings.cwd,
    env: { ...process.env, ...env, NODE_UNIQUE_ID: `${id}` },
    execArgv: settings.execArgv,
    execPath: settings.execPath,
    gid: settings.gid,
    serialization: settings.serialization,
    silent: settings.silent,
    stdio: settings.stdio,
    uid: settings.uid,
    windowsHide: settings.windowsHide,
  });
}

function removeWorker(worker) {
  delete cluster.workers[worker.id];
  if (Object.keys(cluster.workers).length === 0) {
    // Nothing can use the shared servers any more.
    for (const handle of handles.values()) handle.remove(worker);
    handles.clear();
  }
}

function removeHandlesForWorker(worker) {
  for (const [key, handle] of handles) {
    if (handle.remove(worker)) handles.delete(key);
  }
}

cluster.fork = function(env) {
  cluster.setupPrimary();
  const id = ++ids;
  const workerProcess = createWorkerProcess(id, env);
  const worker = new Worker({ id, process: workerProcess });

  worker.on('message', function(message, handle) {
    cluster.emit('message', this, message, handle);
  });

  worker.process.once('exit', (exitCode, signalCode) => {
    // A worker that never disconnected cleanly is cleaned up here.
    if (!worker.isConnected()) {
      removeHandlesForWorker(worker);
      removeWorker(worker);
    }
    worker.exitedAfterDisconnect = !!worker.exitedAfterDisconnect;
    worker.state = 'dead';
    worker.emit('exit', exitCode, signalCode);
    cluster.emit('exit', worker, exitCode, signalCode);
  });

  worker.process.once('disconnect', () => {
    removeHandlesForWorker(worker);
    if (worker.isDead()) removeWorker(worker);
    worker.exitedAfterDisconnect = !!worker.exitedAfterDisconnect;
    worker.state = 'disconnected';
    worker.emit('disconnect');
    cluster.emit('disconnect', worker);
  });

  worker.process.on('internalMessage', internal(worker, onMessage));
  process.nextTick(() => cluster.emit('fork', worker));
  cluster.workers[worker.id] = worker;
  return worker;
};

cluster.disconnect = function(cb) {
  const workers = Object.keys(cluster.workers);
  if (workers.length === 0) {
    if (cb) process.nextTick(cb);
    return;
  }
  for (const id of workers) cluster.workers[id].disconnect();
  if (typeof cb === 'function') {
    validateFunction(cb, 'callback');
    let left = workers.length;
    cluster.on('disconnect', function onDisconnect() {
      if (--left === 0) {
        cluster.removeListener('disconnect', onDisconnect);
        cb();
      }
    });
  }
};

// Messages from a worker: `this` is the worker.
function onMessage(message, handle) {
  const worker = this;
  switch (message.act) {
    case 'online': return online(worker);
    case 'queryServer': return queryServer(worker, message);
    case 'listening': return listening(worker, message);
    case 'exitedAfterDisconnect': return exitedAfterDisconnect(worker, message);
    case 'close': return close(worker, message);
  }
}

function online(worker) {
  worker.state = 'online';
  worker.emit('online');
  cluster.emit('online', worker);
}

function exitedAfterDisconnect(worker, message) {
  worker.exitedAfterDisconnect = true;
  send(worker, { ack: message.seq });
}

function queryServer(worker, message) {
  if (worker.exitedAfterDisconnect) return;  // going away: no new server
  const { address, port, addressType, fd, index } = message;
  const key = `${address}:${port}:${addressType}:${fd}:${index}`;
  let handle = handles.get(key);
  if (handle === undefined) {
    // TCP and pipe servers go round-robin unless the user chose
    // SCHED_NONE; a UDP socket has no connections to hand out.
    const udp = addressType === 'udp4' || addressType === 'udp6';
    const Kind = cluster.schedulingPolicy === SCHED_RR && !udp ?
      RoundRobinHandle : SharedHandle;
    handle = new Kind(key, address, message);
    handles.set(key, handle);
  }
  handle.add(worker, (errno, reply, sharedHandle) => {
    const { data } = handle;
    if (errno) handles.delete(key);
    send(worker, { errno, key, ack: message.seq, data, ...reply },
         sharedHandle);
  });
}

function listening(worker, message) {
  const info = {
    addressType: message.addressType,
    address: message.address,
    port: message.port,
    fd: message.fd,
  };
  worker.state = 'listening';
  worker.emit('listening', info);
  cluster.emit('listening', worker, info);
}

// A worker closed its server: it gets no more of its connections.
function close(worker, message) {
  const handle = handles.get(message.key);
  if (handle && handle.remove(worker)) handles.delete(message.key);
}

function send(worker, message, handle, cb) {
  return sendHelper(worker.process, message, handle, cb);
}

Worker.prototype.disconnect = function() {
  this.exitedAfterDisconnect = true;
  send(this, { act: 'disconnect' });
  removeHandlesForWorker(this);
  removeWorker(this);
  return this;
};

// As in Node 18, the signal goes at once: a killed worker did not leave
// on purpose (exitedAfterDisconnect stays false).
Worker.prototype.destroy = function(signal) {
  this.process.kill(signal || 'SIGTERM');
};
Worker.prototype.kill = Worker.prototype.destroy;

module.exports = cluster;
