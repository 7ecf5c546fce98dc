// MessageChannel, MessagePort, MessageEvent and BroadcastChannel. A port is
// a NodeEventTarget over a native handle (src/messaging.c): messages are
// serialized with V8's structured clone and arrive on the loop, one
// callback each. A MessagePort object is built on a host object (one with
// internal fields), so that the serializer moves it when it is listed in a
// transfer list (and refuses to copy it otherwise).
'use strict';

const binding = internalBinding('messaging');
const {
  NodeEventTarget, EventTarget, Event, kCreateEvent, kNewListener,
  kRemoveListener, defineEventHandler, emitValue, initEventTarget,
} = require('internal/event_target');
const {
  transferList, rethrow, kUntransferable,
} = require('internal/structured_clone');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_THIS, ERR_MISSING_ARGS },
} = require('internal/errors');

const kHandle = Symbol('kHandle');
const kPort = Symbol('kPort');
const kRefed = Symbol('kRefed');
const kPorts = Symbol('kPorts');
const kConstructing = Symbol('kConstructing');

class MessageEvent extends Event {
  #data;
  #ports;

  #origin;
  #lastEventId;
  #source;

  constructor(type, options = {}) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    super(type, options);
    const {
      data = null, origin = '', lastEventId = '', source = null, ports = [],
    } = options ?? {};
    if (source !== null && !(source instanceof MessagePort)) {
      throw new ERR_INVALID_ARG_TYPE('init.source', 'MessagePort', source);
    }
    const list = [...ports];
    list.forEach((port, i) => {
      if (!(port instanceof MessagePort)) {
        throw new ERR_INVALID_ARG_TYPE(`init.ports[${i}]`, 'MessagePort',
                                       port);
      }
    });
    this.#data = data;
    this.#origin = `${origin}`;
    this.#lastEventId = `${lastEventId}`;
    this.#source = source;
    this.#ports = list;
  }

  get data() { return this.#data; }
  get origin() { return this.#origin; }
  get lastEventId() { return this.#lastEventId; }
  get source() { return this.#source; }
  get ports() { return this.#ports; }
}

// C calls these with `this` = the port's handle. `ports` is undefined when
// none came with the message.
function onmessage(value, isError, ports) {
  const port = this[kPort];
  if (port === undefined) return;
  if (isError) {
    emitValue(port, 'messageerror', value);
    return;
  }
  // Listeners added with on() get the value; the others a MessageEvent,
  // made on demand (kCreateEvent), which also lists the ports that came.
  if (ports === undefined) {
    emitValue(port, 'message', value);
    return;
  }
  port[kPorts] = ports;
  try {
    emitValue(port, 'message', value);
  } finally {
    port[kPorts] = undefined;
  }
}

function onclose() {
  const port = this[kPort];
  if (port === undefined) return;
  port[kHandle] = null;
  port.emit('close');
}

let constructing = false;

class MessagePort extends NodeEventTarget {
  constructor(token) {
    if (token !== kConstructing || !constructing) {
      const err = new TypeError('Illegal constructor');
      err.code = 'ERR_CONSTRUCT_CALL_INVALID';
      throw err;
    }
    // Not `super()`: the object is a host object made in C, given the
    // event target's state here.
    const self = binding.hostObject();
    Object.setPrototypeOf(self, new.target.prototype);
    initEventTarget(self);
    self[kHandle] = null;
    self[kRefed] = false;
    return self;
  }

  postMessage(value, transfer) {
    checkPort(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('message');
    if (this[kHandle] === null) return;
    postTo(this[kHandle], value, transfer);
  }

  start() {
    checkPort(this);
    if (this[kHandle] !== null) binding.start(this[kHandle]);
  }

  close(callback) {
    checkPort(this);
    if (typeof callback === 'function') this.once('close', callback);
    if (this[kHandle] !== null) binding.close(this[kHandle]);
  }

  ref() {
    checkPort(this);
    this[kRefed] = true;
    if (this[kHandle] !== null) binding.ref(this[kHandle], true);
    return this;
  }

  unref() {
    checkPort(this);
    this[kRefed] = false;
    if (this[kHandle] !== null) binding.ref(this[kHandle], false);
    return this;
  }

  hasRef() {
    checkPort(this);
    return this[kRefed];
  }

  // A 'message' listener starts delivery and keeps the process alive, as
  // in Node; without listeners the port no longer does.
  [kNewListener](size, type, ...rest) {
    super[kNewListener](size, type, ...rest);
    if (type === 'message' && size === 1) {
      this.start();
      this.ref();
    }
  }

  [kRemoveListener](size, type, ...rest) {
    super[kRemoveListener](size, type, ...rest);
    if (type === 'message' && size === 0) {
      // Messages wait in the queue for the next listener.
      if (this[kHandle] !== null) binding.stop(this[kHandle]);
      this.unref();
    }
  }

  [kCreateEvent](value, type) {
    if (type !== 'message' && type !== 'messageerror')
      return super[kCreateEvent](value, type);
    return new MessageEvent(type, { data: value, ports: this[kPorts] ?? [] });
  }
}

const kMissing = 'Object that needs transfer was found in message but not ' +
  'listed in transferList';

// Node reports a port left out of the transfer list with its own code.
function rethrowClone(err) {
  if (err !== null && typeof err === 'object' && err.message === kMissing) {
    const e = new TypeError(kMissing);
    e.code = 'ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST';
    throw e;
  }
  rethrow(err);
}

// Splits a transfer list into ArrayBuffers (their memory moves) and
// MessagePorts (they move to the receiver's thread), then posts.
function postTo(handle, value, transfer) {
  const list = transfer === undefined || transfer === null ? undefined :
    Array.isArray(transfer) || typeof transfer !== 'object' ||
    typeof transfer[Symbol.iterator] === 'function' ?
      transferList({ transfer }, 'transferList', true) :
      transferList(transfer, 'options.transfer', true, 'options.transfer');
  let buffers, ports, handles;
  if (list !== undefined) {
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      if (item instanceof MessagePort) {
        if (ports === undefined) {
          ports = [];
          handles = [];
        }
        ports.push(item);
        handles.push(item[kHandle]);
      } else if (!item[kUntransferable]) {
        if (buffers === undefined) buffers = [];
        buffers.push(item);
      }
    }
  }
  try {
    binding.postMessage(handle, value, buffers, ports, handles);
  } catch (err) {
    rethrowClone(err);
  }
  if (ports !== undefined) {
    for (const port of ports) port[kHandle] = null;
  }
}
defineEventHandler(MessagePort.prototype, 'message');
defineEventHandler(MessagePort.prototype, 'messageerror');

function checkPort(port) {
  if (!(port instanceof MessagePort)) {
    throw new ERR_INVALID_THIS('MessagePort');
  }
}

function newPort(handle) {
  constructing = true;
  let port;
  try {
    port = new MessagePort(kConstructing);
  } finally {
    constructing = false;
  }
  port[kHandle] = handle;
  handle[kPort] = port;
  return port;
}

binding.setup(onmessage, onclose, newPort);

class MessageChannel {
  constructor() {
    const [h1, h2] = binding.createChannel();
    this.port1 = newPort(h1);
    this.port2 = newPort(h2);
  }
}

function receiveMessageOnPort(port) {
  if (port instanceof BroadcastChannel) port = port[kPort] ?? port;
  if (!(port instanceof MessagePort)) {
    throw new ERR_INVALID_ARG_TYPE('port', 'MessagePort', port);
  }
  if (port[kHandle] === null) return undefined;
  const box = binding.receiveMessage(port[kHandle]);
  return box === undefined ? undefined : { message: box[0] };
}

// ---- BroadcastChannel ------------------------------------------------------

const kName = Symbol('kName');

class BroadcastChannel extends EventTarget {
  constructor(name) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    const text = `${name}`;
    super();
    this[kName] = text;
    const handle = binding.broadcastOpen(this[kName]);
    const port = newPort(handle);
    port.on('message', (data) => {
      this.dispatchEvent(new MessageEvent('message', { data }));
    });
    port.on('messageerror', (data) => {
      this.dispatchEvent(new MessageEvent('messageerror', { data }));
    });
    this[kPort] = port;
  }

  get name() {
    checkBroadcast(this);
    return this[kName];
  }

  close() {
    checkBroadcast(this);
    const port = this[kPort];
    if (port === undefined) return;
    this[kPort] = undefined;
    port.close();
  }

  postMessage(message) {
    checkBroadcast(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('message');
    const port = this[kPort];
    if (port === undefined) {
      const { DOMException } = require('internal/per_context/domexception');
      throw new DOMException('BroadcastChannel is closed.',
                             'InvalidStateError');
    }
    try {
      binding.broadcastPost(port[kHandle], message);
    } catch (err) {
      rethrowClone(err);
    }
  }

  ref() {
    checkBroadcast(this);
    this[kPort]?.ref();
    return this;
  }

  unref() {
    checkBroadcast(this);
    this[kPort]?.unref();
    return this;
  }
}
defineEventHandler(BroadcastChannel.prototype, 'message');
defineEventHandler(BroadcastChannel.prototype, 'messageerror');

function checkBroadcast(self) {
  if (!(self instanceof BroadcastChannel) || !(kName in self)) {
    throw new ERR_INVALID_THIS('BroadcastChannel');
  }
}

// An ArrayBuffer so marked is copied, never moved, even when listed in a
// transfer list (Node 18's behaviour).
const { markAsUntransferable } = require('internal/worker/untransferable');

module.exports = {
  BroadcastChannel,
  MessageChannel,
  MessagePort,
  MessageEvent,
  kHandle,
  markAsUntransferable,
  newPort,
  postTo,
  receiveMessageOnPort,
};
