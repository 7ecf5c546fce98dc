// MessageChannel, MessagePort and MessageEvent. A port is a NodeEventTarget
// over a native handle (src/messaging.c): messages are serialized with V8's
// structured clone and arrive on the loop, one callback each.
'use strict';

const binding = internalBinding('messaging');
const {
  NodeEventTarget, Event, kCreateEvent, kNewListener, kRemoveListener,
  defineEventHandler,
} = require('internal/event_target');
const { transferList, rethrow } = require('internal/structured_clone');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_THIS, ERR_MISSING_ARGS },
} = require('internal/errors');

const kHandle = Symbol('kHandle');
const kPort = Symbol('kPort');
const kRefed = Symbol('kRefed');
const kConstructing = Symbol('kConstructing');

class MessageEvent extends Event {
  #data;
  #ports;

  constructor(type, options = {}) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    super(type, options);
    this.#data = options?.data ?? null;
    this.#ports = options?.ports ?? [];
  }

  get data() { return this.#data; }
  get origin() { return ''; }
  get lastEventId() { return ''; }
  get source() { return null; }
  get ports() { return this.#ports; }
}

// C calls these with `this` = the port's handle.
function onmessage(value, isError) {
  const port = this[kPort];
  if (port !== undefined) port.emit(isError ? 'messageerror' : 'message', value);
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
    super();
    this[kHandle] = null;
    this[kRefed] = false;
  }

  postMessage(value, transfer) {
    checkPort(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('message');
    const list = Array.isArray(transfer) ? transferList({ transfer }) :
      transferList(transfer);
    if (this[kHandle] === null) return;
    try {
      binding.postMessage(this[kHandle], value, list);
    } catch (err) {
      rethrow(err);
    }
  }

  start() {
    checkPort(this);
    if (this[kHandle] !== null) binding.start(this[kHandle]);
  }

  close() {
    checkPort(this);
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
    if (type === 'message' && size === 0) this.unref();
  }

  [kCreateEvent](value, type) {
    return new MessageEvent(type, { data: value });
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

class MessageChannel {
  constructor() {
    const [h1, h2] = binding.createChannel(onmessage, onclose);
    this.port1 = newPort(h1);
    this.port2 = newPort(h2);
  }
}

function receiveMessageOnPort(port) {
  if (!(port instanceof MessagePort)) {
    throw new ERR_INVALID_ARG_TYPE('port', 'MessagePort', port);
  }
  if (port[kHandle] === null) return undefined;
  const box = binding.receiveMessage(port[kHandle]);
  return box === undefined ? undefined : { message: box[0] };
}

module.exports = {
  MessageChannel,
  MessagePort,
  MessageEvent,
  receiveMessageOnPort,
};
