'use strict';

// Agent: the pool of client connections, per "host:port:localAddress".
// Requests beyond maxSockets wait in `requests`; a socket whose response
// completed is 'free': it serves the next waiting request, or (keepAlive)
// rests in `freeSockets` until reused, timed out or closed by the peer.

const net = require('net');
const { adoptClass } = require('_http_common');
const EventEmitter = require('events');
const {
  codes: {
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');
const { validateNumber, validateOneOf } = require('internal/validators');

const kRequestOptions = Symbol('requestOptions');

function freeSocketErrorListener(err) {
  const socket = this;
  socket.destroy();
  socket.emit('agentRemove');
}

// An old-style constructor, as Node's (see _http_server.js's Server).
function Agent(options) {
  if (!(this instanceof Agent)) return new Agent(options);
  EventEmitter.call(this);
  this.defaultPort = 80;
  this.protocol = 'http:';
  this.options = { __proto__: null, ...options };
  if (this.options.noDelay === undefined) this.options.noDelay = true;
  // The path option is for sockets on Unix domain sockets only.
  this.options.path = null;
  this.requests = Object.create(null);
  this.sockets = Object.create(null);
  this.freeSockets = Object.create(null);
  this.keepAliveMsecs = this.options.keepAliveMsecs || 1000;
  this.keepAlive = this.options.keepAlive || false;
  this.maxSockets = this.options.maxSockets || Agent.defaultMaxSockets;
  this.maxFreeSockets = this.options.maxFreeSockets || 256;
  this.scheduling = this.options.scheduling || 'lifo';
  this.maxTotalSockets = this.options.maxTotalSockets;
  this.totalSocketCount = 0;

  validateOneOf(this.scheduling, 'scheduling', ['fifo', 'lifo']);

  if (this.maxTotalSockets !== undefined) {
    validateNumber(this.maxTotalSockets, 'maxTotalSockets');
    if (this.maxTotalSockets <= 0 || Number.isNaN(this.maxTotalSockets)) {
      throw new ERR_OUT_OF_RANGE('maxTotalSockets', '> 0',
                                 this.maxTotalSockets);
    }
  } else {
    this.maxTotalSockets = Infinity;
  }

  this.on('free', (socket, options) => onFree(this, socket, options));
}

class HTTPAgent extends EventEmitter {
  createConnection(...args) {
    return net.createConnection(...args);
  }

  getName(options = {}) {
    let name = options.host || 'localhost';
    name += ':';
    if (options.port) name += options.port;
    name += ':';
    if (options.localAddress) name += options.localAddress;
    // Sockets of different address families do not mix.
    if (options.family === 4 || options.family === 6) {
      name += `:${options.family}`;
    }
    if (options.socketPath) name += `:${options.socketPath}`;
    return name;
  }

  addRequest(req, options, port, localAddress) {
    // The legacy signature addRequest(req, host, port, localAddress).
    if (typeof options === 'string') {
      options = { __proto__: null, host: options, port, localAddress };
    }
    options = { __proto__: null, ...options, ...this.options };
    if (options.socketPath) options.path = options.socketPath;
    normalizeServerName(options, req);

    const name = this.getName(options);
    if (!this.sockets[name]) this.sockets[name] = [];

    const freeSockets = this.freeSockets[name];
    let socket;
    if (freeSockets) {
      while (freeSockets.length && freeSockets[0].destroyed) {
        freeSockets.shift();
      }
      socket = this.scheduling === 'fifo' ? freeSockets.shift() :
        freeSockets.pop();
      if (!freeSockets.length) delete this.freeSockets[name];
    }

    const freeLen = freeSockets ? freeSockets.length : 0;
    const sockLen = freeLen + this.sockets[name].length;

    if (socket) {
      socket.removeListener('error', freeSocketErrorListener);
      this.reuseSocket(socket, req);
      setRequestSocket(this, req, socket);
      this.sockets[name].push(socket);
    } else if (sockLen < this.maxSockets &&
               this.totalSocketCount < this.maxTotalSockets) {
      this.createSocket(req, options, (err, socket) => {
        if (err) {
          req.onSocket(socket, err);
        } else {
          setRequestSocket(this, req, socket);
        }
      });
    } else {
      if (!this.requests[name]) this.requests[name] = [];
      req[kRequestOptions] = options;
      this.requests[name].push(req);
    }
  }

  createSocket(req, options, cb) {
    options = { __proto__: null, ...options, ...this.options };
    if (options.socketPath) options.path = options.socketPath;
    normalizeServerName(options, req);
    const name = this.getName(options);
    options._agentKey = name;
    options.encoding = null;
    if (this.keepAlive) {
      // TCP keep-alive probes for sockets meant to last.
      options.keepAlive = true;
      options.keepAliveInitialDelay = this.keepAliveMsecs;
    }

    let called = false;
    const oncreate = (err, s) => {
      if (called) return;
      called = true;
      if (err) return cb(err);
      if (!this.sockets[name]) this.sockets[name] = [];
      this.sockets[name].push(s);
      installListeners(this, s, options);
      cb(null, s);
    };
    this.totalSocketCount++;
    let newSocket;
    try {
      newSocket = this.createConnection(options, oncreate);
    } catch (err) {
      this.totalSocketCount--;
      called = true;
      throw err;
    }
    if (newSocket) oncreate(null, newSocket);
  }

  removeSocket(s, options) {
    const name = this.getName(options);
    for (const sockets of [this.sockets, this.freeSockets]) {
      if (sockets[name]) {
        const index = sockets[name].indexOf(s);
        if (index !== -1) {
          sockets[name].splice(index, 1);
          if (sockets[name].length === 0) delete sockets[name];
        }
      }
    }

    let req;
    if (this.requests[name] && this.requests[name].length) {
      req = this.requests[name][0];
    } else {
      // Under maxTotalSockets, a request of another origin may be the one
      // waiting for this socket's place (the first origin that has no
      // socket at all).
      for (const other of Object.keys(this.requests)) {
        if (this.sockets[other] && this.sockets[other].length) break;
        req = this.requests[other][0];
        options = req[kRequestOptions];
        break;
      }
    }
    if (req && options) {
      // A new connection takes the place of the one that went away.
      this.createSocket(req, options, (err, socket) => {
        if (err) {
          req.onSocket(socket, err);
        } else {
          socket.emit('free');
        }
      });
    }
  }

  keepSocketAlive(socket) {
    socket.setKeepAlive(true, this.keepAliveMsecs);
    socket.unref();
    const agentTimeout = this.options.timeout || 0;
    if (socket.timeout !== agentTimeout) socket.setTimeout(agentTimeout);
    return true;
  }

  reuseSocket(socket, req) {
    req.reusedSocket = true;
    socket.ref();
  }

  destroy() {
    for (const set of [this.freeSockets, this.sockets]) {
      for (const key of Object.keys(set)) {
        for (const socket of set[key]) socket.destroy();
      }
    }
  }
}

adoptClass(Agent, HTTPAgent);
Agent.defaultMaxSockets = Infinity;

function normalizeServerName(options, req) {
  if (!options.servername && options.servername !== '') {
    const host = options.host || '';
    options.servername = host;
  }
}

function onFree(agent, socket, options) {
  const name = agent.getName(options);
  if (!socket.writable) {
    socket.destroy();
    return;
  }

  const requests = agent.requests[name];
  if (requests && requests.length) {
    const req = requests.shift();
    setRequestSocket(agent, req, socket);
    if (requests.length === 0) delete agent.requests[name];
    return;
  }

  // No request waits: keep the socket only if it may serve another.
  const req = socket._httpMessage;
  if (!req || !req.shouldKeepAlive || !agent.keepAlive) {
    socket.destroy();
    return;
  }

  const freeSockets = agent.freeSockets[name] || [];
  const freeLen = freeSockets.length;
  let count = freeLen;
  if (agent.sockets[name]) count += agent.sockets[name].length;

  if (agent.totalSocketCount > agent.maxTotalSockets ||
      count > agent.maxSockets || freeLen >= agent.maxFreeSockets ||
      !agent.keepSocketAlive(socket)) {
    socket.destroy();
    return;
  }

  agent.freeSockets[name] = freeSockets;
  socket._httpMessage = null;
  agent.removeSocket(socket, options);
  socket.once('error', freeSocketErrorListener);
  freeSockets.push(socket);
}

function installListeners(agent, s, options) {
  function onFreeSocket() {
    agent.emit('free', s, options);
  }
  s.on('free', onFreeSocket);

  function onClose() {
    agent.totalSocketCount--;
    agent.removeSocket(s, options);
  }
  s.on('close', onClose);

  function onTimeout() {
    // An idle pooled socket that times out is closed; a busy one belongs
    // to its request's timeout handling.
    const sockets = agent.freeSockets;
    if (Object.keys(sockets).some((name) => sockets[name].includes(s))) {
      s.destroy();
    }
  }
  s.on('timeout', onTimeout);

  function onRemove() {
    agent.totalSocketCount--;
    agent.removeSocket(s, options);
    s.removeListener('close', onClose);
    s.removeListener('free', onFreeSocket);
    s.removeListener('timeout', onTimeout);
    s.removeListener('agentRemove', onRemove);
  }
  s.on('agentRemove', onRemove);
}

function setRequestSocket(agent, req, socket) {
  req.onSocket(socket);
  const agentTimeout = agent.options.timeout || 0;
  if (req.timeout === undefined || req.timeout === agentTimeout) return;
  socket.setTimeout(req.timeout);
}

const globalAgent = new Agent();

module.exports = {
  Agent,
  globalAgent,
};
