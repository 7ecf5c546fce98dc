'use strict';
// dgram: UDP sockets (udp4, udp6) on internalBinding('udp_wrap'), libuv's
// UDP handles. Host names go through dns.lookup (or the socket's `lookup`
// option) before the natives see a numeric address. In a cluster worker,
// a bind that is not `exclusive` asks the primary for a shared handle.

const EventEmitter = require('events');
const { Buffer } = require('buffer');
const dns = require('dns');
const { isArrayBufferView } = internalBinding('types');
const { deprecate } = require('util');
const {
  codes: {
    ERR_BUFFER_OUT_OF_BOUNDS,
    ERR_INVALID_ARG_TYPE,
    ERR_MISSING_ARGS,
    ERR_SOCKET_ALREADY_BOUND,
    ERR_SOCKET_BAD_BUFFER_SIZE,
    ERR_SOCKET_BAD_TYPE,
    ERR_SOCKET_BUFFER_SIZE,
    ERR_SOCKET_DGRAM_IS_CONNECTED,
    ERR_SOCKET_DGRAM_NOT_CONNECTED,
    ERR_SOCKET_DGRAM_NOT_RUNNING,
  },
  errnoException,
  exceptionWithHostPort,
  uvErrmapGet,
} = require('internal/errors');
const {
  validateAbortSignal,
  validateFunction,
  validateNumber,
  validatePort,
  validateString,
} = require('internal/validators');

const binding = internalBinding('udp_wrap');
const { UV_UDP_IPV6ONLY, UV_UDP_REUSEADDR } = binding;

const kState = Symbol('state');

const BIND_STATE_UNBOUND = 0;
const BIND_STATE_BINDING = 1;
const BIND_STATE_BOUND = 2;

const CONNECT_STATE_DISCONNECTED = 0;
const CONNECT_STATE_CONNECTING = 1;
const CONNECT_STATE_CONNECTED = 2;

let cluster;  // loaded on the first bind: most programs never need it

function noop() {}

// A lookup for the socket's family; an empty address means the loopback
// one, as in Node.
function familyLookup(type, lookup) {
  const family = type === 'udp4' ? 4 : 6;
  const fallback = type === 'udp4' ? '127.0.0.1' : '::1';
  return (address, callback) => lookup(address || fallback, family, callback);
}

function newHandle(type, lookup) {
  if (lookup === undefined) {
    lookup = dns.lookup;
  } else {
    validateFunction(lookup, 'lookup');
  }
  if (type !== 'udp4' && type !== 'udp6') throw new ERR_SOCKET_BAD_TYPE();
  const handle = binding.create();
  handle.lookup = familyLookup(type, lookup);
  return handle;
}

// A UDP handle shared between processes: the cluster primary makes one
// per address and sends it to each worker that binds there, and a
// dgram.Socket sent with a message arrives as one.
class SharedUDP {
  constructor(native) {
    this.native = native;
  }

  close() {
    if (this.native === null) return;
    binding.close(this.native);
    this.native = null;
  }
}

// The primary's handle for its workers (see internal/cluster/primary.js):
// bound to address:port, or over fd; a negative errno when that fails.
function createSocketHandle(address, port, addressType, fd, flags) {
  const native = binding.create();
  let err;
  if (typeof fd === 'number' && fd > 0) {
    err = binding.open(native, fd);
  } else {
    err = binding.bind(native, address, port || 0, flags | 0);
  }
  if (err) {
    binding.close(native);
    return err;
  }
  return new SharedUDP(native);
}

// The native handle to send over an IPC channel, or undefined when h is
// not a UDP socket.
function nativeOf(h) {
  if (h instanceof Socket) return h[kState].handle || undefined;
  if (h instanceof SharedUDP) return h.native || undefined;
  return undefined;
}

// Node's built-in diagnostics channel of dgram: every new socket.
const udpSocketChannel = require('diagnostics_channel').channel('udp.socket');

class Socket extends EventEmitter {
  constructor(type, listener) {
    super();
    let options;
    let lookup;
    if (type !== null && typeof type === 'object') {
      options = type;
      type = options.type;
      lookup = options.lookup;
    }
    const handle = newHandle(type, lookup);
    this.type = type;
    if (typeof listener === 'function') this.on('message', listener);
    this[kState] = {
      handle,
      receiving: false,
      bindState: BIND_STATE_UNBOUND,
      connectState: CONNECT_STATE_DISCONNECTED,
      queue: undefined,
      shared: null,  // a SharedUDP the handle came from
      reuseAddr: options && options.reuseAddr,
      ipv6Only: options && options.ipv6Only,
      recvBufferSize: options && options.recvBufferSize,
      sendBufferSize: options && options.sendBufferSize,
    };
    if (options && options.signal !== undefined) {
      const { signal } = options;
      validateAbortSignal(signal, 'options.signal');
      const onAborted = () => {
        if (this[kState].handle) this.close();
      };
      if (signal.aborted) {
        onAborted();
      } else {
        signal.addEventListener('abort', onAborted);
        this.once('close', () => {
          signal.removeEventListener('abort', onAborted);
        });
      }
    }
    if (udpSocketChannel.hasSubscribers) {
      udpSocketChannel.publish({ socket: this });
    }
  }

  bind(port_, address_ /* , callback */) {
    let port = port_;
    healthCheck(this);
    const state = this[kState];
    if (state.bindState !== BIND_STATE_UNBOUND) {
      throw new ERR_SOCKET_ALREADY_BOUND();
    }
    state.bindState = BIND_STATE_BINDING;

    const cb = arguments.length && arguments[arguments.length - 1];
    if (typeof cb === 'function') {
      const removeListeners = () => {
        this.removeListener('error', removeListeners);
        this.removeListener('listening', onListening);
      };
      const onListening = () => {
        removeListeners();
        cb.call(this);
      };
      this.on('error', removeListeners);
      this.on('listening', onListening);
    }

    if (port instanceof SharedUDP) {
      adoptHandle(this, port);
      return this;
    }
    if (port !== null && typeof port === 'object' &&
        Number.isInteger(port.fd) && port.fd > 0) {
      const err = binding.open(state.handle, port.fd);
      if (err) throw errnoException(err, 'open');
      startListening(this);
      return this;
    }

    let address;
    let exclusive;
    if (port !== null && typeof port === 'object') {
      address = port.address || '';
      exclusive = !!port.exclusive;
      port = port.port;
    } else {
      address = typeof address_ === 'function' ? '' : address_;
      exclusive = false;
    }
    if (!address) address = this.type === 'udp4' ? '0.0.0.0' : '::';
    // As Node: no validation, the number taken as a 16-bit port.
    port = typeof port === 'function' ? 0 : (Number(port) >>> 0) & 0xffff;

    state.handle.lookup(address, (lookupError, ip) => {
      if (lookupError) {
        state.bindState = BIND_STATE_UNBOUND;
        this.emit('error', lookupError);
        return;
      }
      let flags = 0;
      if (state.reuseAddr) flags |= UV_UDP_REUSEADDR;
      if (state.ipv6Only) flags |= UV_UDP_IPV6ONLY;

      if (!cluster) cluster = require('cluster');
      if (cluster.isWorker && !exclusive) {
        bindInCluster(this, ip, port, flags);
        return;
      }
      if (!state.handle) return;  // closed meanwhile
      const err = binding.bind(state.handle, ip, port, flags);
      if (err) {
        state.bindState = BIND_STATE_UNBOUND;
        this.emit('error', exceptionWithHostPort(err, 'bind', ip, port));
        return;
      }
      startListening(this);
    });
    return this;
  }

  connect(port, address, callback) {
    port = validatePort(port, 'Port', false);
    if (typeof address === 'function') {
      callback = address;
      address = '';
    } else if (address === undefined) {
      address = '';
    }
    validateString(address, 'address');
    const state = this[kState];
    if (state.connectState !== CONNECT_STATE_DISCONNECTED) {
      throw new ERR_SOCKET_DGRAM_IS_CONNECTED();
    }
    state.connectState = CONNECT_STATE_CONNECTING;
    if (state.bindState === BIND_STATE_UNBOUND) {
      this.bind({ port: 0, exclusive: true }, null);
    }
    if (state.bindState !== BIND_STATE_BOUND) {
      enqueue(this, () => doConnect(this, port, address, callback));
      return;
    }
    doConnect(this, port, address, callback);
  }

  disconnect() {
    healthCheck(this);
    const state = this[kState];
    if (state.connectState !== CONNECT_STATE_CONNECTED) {
      throw new ERR_SOCKET_DGRAM_NOT_CONNECTED();
    }
    const err = binding.disconnect(state.handle);
    if (err) throw errnoException(err, 'connect');
    state.connectState = CONNECT_STATE_DISCONNECTED;
  }

  send(buffer, offset, length, port, address, callback) {
    const state = this[kState];
    const connected = state.connectState === CONNECT_STATE_CONNECTED;
    if (!connected) {
      if (address || (port && typeof port !== 'function')) {
        buffer = sliceBuffer(buffer, offset, length);
      } else {
        callback = port;
        port = offset;
        address = length;
      }
    } else {
      if (typeof length === 'number') {
        buffer = sliceBuffer(buffer, offset, length);
        if (typeof port === 'function') {
          callback = port;
          port = null;
        } else {
          callback = address;
        }
      } else {
        callback = offset;
      }
      if (port || address) throw new ERR_SOCKET_DGRAM_IS_CONNECTED();
    }

    let list;
    if (Array.isArray(buffer)) {
      list = fixBufferList(buffer);
      if (!list) {
        throw new ERR_INVALID_ARG_TYPE('buffer list arguments',
                                       ['Buffer', 'TypedArray', 'DataView',
                                        'string'], buffer);
      }
    } else if (typeof buffer === 'string') {
      list = [Buffer.from(buffer)];
    } else if (isArrayBufferView(buffer)) {
      list = [buffer];
    } else {
      throw new ERR_INVALID_ARG_TYPE('buffer',
                                     ['Buffer', 'TypedArray', 'DataView',
                                      'string'], buffer);
    }

    if (!connected) port = validatePort(port, 'Port', false);
    if (typeof callback !== 'function') callback = undefined;
    if (typeof address === 'function') {
      callback = address;
      address = undefined;
    } else if (address !== undefined && address !== null &&
               typeof address !== 'string') {
      throw new ERR_INVALID_ARG_TYPE('address', 'string', address);
    }

    healthCheck(this);
    if (state.bindState === BIND_STATE_UNBOUND) {
      this.bind({ port: 0, exclusive: true }, null);
    }
    if (list.length === 0) list.push(Buffer.alloc(0));
    if (state.bindState !== BIND_STATE_BOUND) {
      enqueue(this, () => this.send(list, port, address, callback));
      return;
    }
    const afterLookup = (err, ip) => {
      doSend(err, this, ip, list, address, port, callback);
    };
    if (connected) {
      afterLookup(null, undefined);
    } else {
      state.handle.lookup(address, afterLookup);
    }
  }

  close(callback) {
    const state = this[kState];
    if (typeof callback === 'function') this.on('close', callback);
    if (state.queue !== undefined) {
      state.queue.push(() => this.close());
      return this;
    }
    healthCheck(this);
    stopReceiving(this);
    if (state.shared) {
      state.shared.close();  // tells the cluster primary too
      state.shared = null;
    } else {
      binding.close(state.handle);
    }
    state.handle = null;
    process.nextTick(() => this.emit('close'));
    return this;
  }

  address() {
    healthCheck(this);
    const out = {};
    const err = binding.getsockname(this[kState].handle, out);
    if (err) throw errnoException(err, 'getsockname');
    return out;
  }

  remoteAddress() {
    healthCheck(this);
    const state = this[kState];
    if (state.connectState !== CONNECT_STATE_CONNECTED) {
      throw new ERR_SOCKET_DGRAM_NOT_CONNECTED();
    }
    const out = {};
    const err = binding.getpeername(state.handle, out);
    if (err) throw errnoException(err, 'getpeername');
    return out;
  }

  setBroadcast(arg) {
    healthCheck(this);
    const err = binding.setBroadcast(this[kState].handle, !!arg);
    if (err) throw errnoException(err, 'setBroadcast');
  }

  setTTL(ttl) {
    validateNumber(ttl, 'ttl');
    healthCheck(this);
    const err = binding.setTTL(this[kState].handle, ttl | 0);
    if (err) throw errnoException(err, 'setTTL');
    return ttl;
  }

  setMulticastTTL(ttl) {
    validateNumber(ttl, 'ttl');
    healthCheck(this);
    const err = binding.setMulticastTTL(this[kState].handle, ttl | 0);
    if (err) throw errnoException(err, 'setMulticastTTL');
    return ttl;
  }

  setMulticastLoopback(arg) {
    healthCheck(this);
    const err = binding.setMulticastLoopback(this[kState].handle, !!arg);
    if (err) throw errnoException(err, 'setMulticastLoopback');
    return arg;
  }

  setMulticastInterface(interfaceAddress) {
    healthCheck(this);
    validateString(interfaceAddress, 'interfaceAddress');
    const err = binding.setMulticastInterface(this[kState].handle,
                                              interfaceAddress);
    if (err) throw errnoException(err, 'setMulticastInterface');
  }

  addMembership(multicastAddress, interfaceAddress) {
    membership(this, multicastAddress, interfaceAddress, true);
  }

  dropMembership(multicastAddress, interfaceAddress) {
    membership(this, multicastAddress, interfaceAddress, false);
  }

  addSourceSpecificMembership(sourceAddress, groupAddress, interfaceAddress) {
    sourceMembership(this, sourceAddress, groupAddress, interfaceAddress,
                     true);
  }

  dropSourceSpecificMembership(sourceAddress, groupAddress,
                               interfaceAddress) {
    sourceMembership(this, sourceAddress, groupAddress, interfaceAddress,
                     false);
  }

  setRecvBufferSize(size) {
    bufferSize(this, size, true);
  }

  setSendBufferSize(size) {
    bufferSize(this, size, false);
  }

  getRecvBufferSize() {
    return bufferSize(this, 0, true);
  }

  getSendBufferSize() {
    return bufferSize(this, 0, false);
  }

  getSendQueueSize() {
    const { handle } = this[kState];
    return handle ? binding.sendQueue(handle)[0] : 0;
  }

  getSendQueueCount() {
    const { handle } = this[kState];
    return handle ? binding.sendQueue(handle)[1] : 0;
  }

  ref() {
    const { handle } = this[kState];
    if (handle) binding.ref(handle, true);
    return this;
  }

  unref() {
    const { handle } = this[kState];
    if (handle) binding.ref(handle, false);
    return this;
  }

  // Closes the socket (if open); resolves once it has.
  [Symbol.asyncDispose]() {
    if (!this[kState].handle) return Promise.resolve();
    return new Promise((resolve) => this.close(resolve));
  }

  // Deprecated (DEP0112): send() with every argument given.
  sendto(buffer, offset, length, port, address, callback) {
    validateNumber(offset, 'offset');
    validateNumber(length, 'length');
    validateNumber(port, 'port');
    validateString(address, 'address');
    this.send(buffer, offset, length, port, address, callback);
  }
}

// Old internals that code still reaches for, deprecated in Node (DEP0112).
const deprecatedState = {
  _handle: 'handle',
  _receiving: 'receiving',
  _bindState: 'bindState',
  _queue: 'queue',
  _reuseAddr: 'reuseAddr',
};
for (const [name, key] of Object.entries(deprecatedState)) {
  const message = `Socket.prototype.${name} is deprecated`;
  Object.defineProperty(Socket.prototype, name, {
    get: deprecate(function() { return this[kState][key]; }, message,
                   'DEP0112'),
    set: deprecate(function(value) { this[kState][key] = value; }, message,
                   'DEP0112'),
    configurable: true,
  });
}
Socket.prototype._healthCheck = deprecate(function() {
  healthCheck(this);
}, 'Socket.prototype._healthCheck() is deprecated', 'DEP0112');
Socket.prototype._stopReceiving = deprecate(function() {
  stopReceiving(this);
}, 'Socket.prototype._stopReceiving() is deprecated', 'DEP0112');

function healthCheck(socket) {
  if (!socket[kState].handle) throw new ERR_SOCKET_DGRAM_NOT_RUNNING();
}

function startListening(socket) {
  const state = socket[kState];
  state.handle.onmessage = (nread, buf, rinfo) => {
    onMessage(socket, nread, buf, rinfo);
  };
  const err = binding.recvStart(state.handle);
  if (err) throw errnoException(err, 'recvStart');
  state.receiving = true;
  state.bindState = BIND_STATE_BOUND;
  if (state.recvBufferSize) bufferSize(socket, state.recvBufferSize, true);
  if (state.sendBufferSize) bufferSize(socket, state.sendBufferSize, false);
  socket.emit('listening');
}

function stopReceiving(socket) {
  const state = socket[kState];
  if (!state.receiving) return;
  binding.recvStop(state.handle);
  state.receiving = false;
}

function onMessage(socket, nread, buf, rinfo) {
  if (nread < 0) {
    socket.emit('error', errnoException(nread, 'recvmsg'));
    return;
  }
  rinfo.size = buf.length;
  socket.emit('message', Buffer.from(buf.buffer, buf.byteOffset, buf.length),
              rinfo);
}

// A worker's bind: the primary binds (or reuses) a handle for this
// address and sends it over; every worker then reads from the same socket.
function bindInCluster(socket, ip, port, flags) {
  const state = socket[kState];
  cluster._getServer(socket, {
    address: ip,
    port,
    addressType: socket.type,
    fd: -1,
    flags,
  }, (err, handle) => {
    if (err) {
      const ex = exceptionWithHostPort(err, 'bind', ip, port);
      state.bindState = BIND_STATE_UNBOUND;
      socket.emit('error', ex);
      return;
    }
    if (!state.handle) {  // closed meanwhile
      handle.close();
      return;
    }
    adoptHandle(socket, handle);
  });
}

// The socket reads from a shared handle instead of its own.
function adoptHandle(socket, shared) {
  const state = socket[kState];
  const { lookup } = state.handle;
  binding.close(state.handle);
  state.handle = shared.native;
  state.handle.lookup = lookup;
  state.shared = shared;
  startListening(socket);
}

// Calls queued before the implicit bind finished run once it has (or are
// dropped when it fails).
function enqueue(socket, fn) {
  const state = socket[kState];
  if (state.queue === undefined) {
    state.queue = [];
    const onListenError = () => {
      socket.removeListener('listening', onListenSuccess);
      state.queue = undefined;
    };
    const onListenSuccess = () => {
      socket.removeListener(EventEmitter.errorMonitor, onListenError);
      const queue = state.queue;
      state.queue = undefined;
      for (const queued of queue) queued();
    };
    socket.once(EventEmitter.errorMonitor, onListenError);
    socket.once('listening', onListenSuccess);
  }
  state.queue.push(fn);
}

function doConnect(socket, port, address, callback) {
  const state = socket[kState];
  if (callback) socket.once('connect', callback);
  state.handle.lookup(address, (lookupError, ip) => {
    if (!state.handle) return;
    let ex = lookupError;
    if (!ex) {
      const err = binding.connect(state.handle, ip, port);
      if (err) ex = exceptionWithHostPort(err, 'connect', address, port);
    }
    if (ex) {
      state.connectState = CONNECT_STATE_DISCONNECTED;
      process.nextTick(() => {
        if (callback) {
          socket.removeListener('connect', callback);
          callback(ex);
        } else {
          socket.emit('error', ex);
        }
      });
      return;
    }
    state.connectState = CONNECT_STATE_CONNECTED;
    process.nextTick(() => socket.emit('connect'));
  });
}

function doSend(lookupError, socket, ip, list, address, port, callback) {
  const state = socket[kState];
  if (lookupError) {
    if (callback) {
      process.nextTick(callback, lookupError);
    } else {
      process.nextTick(() => socket.emit('error', lookupError));
    }
    return;
  }
  if (!state.handle) return;
  const oncomplete = callback ? (status, sent) => {
    if (status) {
      callback(exceptionWithHostPort(status, 'send', address, port));
    } else {
      callback(null, sent);
    }
  } : noop;
  const err = binding.send(state.handle, list, ip, port, oncomplete);
  if (err && callback) {
    const ex = exceptionWithHostPort(err, 'send', address, port);
    process.nextTick(callback, ex);
  }
}

function sliceBuffer(buffer, offset, length) {
  if (typeof buffer === 'string') {
    buffer = Buffer.from(buffer);
  } else if (!isArrayBufferView(buffer)) {
    throw new ERR_INVALID_ARG_TYPE('buffer',
                                   ['Buffer', 'TypedArray', 'DataView',
                                    'string'], buffer);
  }
  offset = offset >>> 0;
  length = length >>> 0;
  if (offset > buffer.byteLength) {
    throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
  }
  if (offset + length > buffer.byteLength) {
    throw new ERR_BUFFER_OUT_OF_BOUNDS('length');
  }
  return Buffer.from(buffer.buffer, buffer.byteOffset + offset, length);
}

function fixBufferList(list) {
  const fixed = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (typeof item === 'string') {
      fixed[i] = Buffer.from(item);
    } else if (isArrayBufferView(item)) {
      fixed[i] = item;
    } else {
      return null;
    }
  }
  return fixed;
}

function membership(socket, multicastAddress, interfaceAddress, join) {
  healthCheck(socket);
  if (!multicastAddress) throw new ERR_MISSING_ARGS('multicastAddress');
  validateString(multicastAddress, 'multicastAddress');
  if (interfaceAddress !== undefined && interfaceAddress !== null) {
    validateString(interfaceAddress, 'interfaceAddress');
  }
  const err = binding.membership(socket[kState].handle, multicastAddress,
                                 interfaceAddress, join);
  if (err) {
    throw errnoException(err, join ? 'addMembership' : 'dropMembership');
  }
}

function sourceMembership(socket, source, group, interfaceAddress, join) {
  healthCheck(socket);
  validateString(source, 'sourceAddress');
  validateString(group, 'groupAddress');
  if (interfaceAddress !== undefined && interfaceAddress !== null) {
    validateString(interfaceAddress, 'interfaceAddress');
  }
  const err = binding.sourceMembership(socket[kState].handle, source, group,
                                       interfaceAddress, join);
  if (err) {
    throw errnoException(err, join ? 'addSourceSpecificMembership'
                                   : 'dropSourceSpecificMembership');
  }
}

// Gets (size 0) or sets a kernel buffer size; Node reports failures as a
// SystemError naming the libuv call.
function bufferSize(socket, size, receive) {
  if (size >>> 0 !== size) throw new ERR_SOCKET_BAD_BUFFER_SIZE();
  healthCheck(socket);
  const result = binding.bufferSize(socket[kState].handle, size, receive);
  if (result < 0) {
    const [code, message] = uvErrmapGet(result) || ['UNKNOWN', 'unknown error'];
    throw new ERR_SOCKET_BUFFER_SIZE({
      errno: result,
      code,
      message,
      syscall: receive ? 'uv_recv_buffer_size' : 'uv_send_buffer_size',
    });
  }
  return result;
}

function createSocket(type, listener) {
  return new Socket(type, listener);
}

module.exports = {
  createSocket,
  Socket,
  _createSocketHandle: createSocketHandle,
  _nativeOf: nativeOf,
  _sharedHandle: (native) => new SharedUDP(native),
};
