'use strict';

// The IPC channel between a parent and a forked child: a libuv pipe opened
// in IPC mode on both sides. Each message is JSON text ending in '\n' (the
// framing Node uses, so noderun and node processes can talk); a socket or
// server sent along travels as a NODE_HANDLE message with its handle passed
// by the pipe itself (uv_write2), and is rebuilt on arrival. Messages whose
// `cmd` starts with 'NODE_' are the runtime's own (cluster uses them) and
// arrive as 'internalMessage' instead of 'message'.
//
// The channel keeps the loop alive only while someone listens for
// 'message' or 'disconnect', as in Node: a child with no listener exits
// when its work is done even though its parent is still connected.

const { StringDecoder } = require('string_decoder');
const {
  codes: {
    ERR_IPC_CHANNEL_CLOSED,
    ERR_IPC_DISCONNECTED,
    ERR_MISSING_ARGS,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_HANDLE_TYPE,
  },
  errnoException,
} = require('internal/errors');
const { validateFunction } = require('internal/validators');

const pipeBinding = internalBinding('pipe_wrap');

function isInternal(message) {
  return message !== null && typeof message === 'object' &&
    typeof message.cmd === 'string' && message.cmd.length > 5 &&
    message.cmd.startsWith('NODE_');
}

// The object Node exposes as process.channel / subprocess.channel.
class Control {
  #handle;
  #refs = 0;
  #refExplicitlySet = false;

  constructor(handle) {
    this.#handle = handle;
    pipeBinding.ref(handle, false);
  }

  get fd() {
    return this.#handle ? pipeBinding.fileno(this.#handle) : undefined;
  }

  // Listeners count as references; ref()/unref() override them.
  refCounted() {
    if (++this.#refs === 1 && !this.#refExplicitlySet) this.#setRef(true);
  }

  unrefCounted() {
    if (--this.#refs === 0 && !this.#refExplicitlySet) this.#setRef(false);
  }

  ref() {
    this.#refExplicitlySet = true;
    this.#setRef(true);
  }

  unref() {
    this.#refExplicitlySet = true;
    this.#setRef(false);
  }

  #setRef(on) {
    if (this.#handle) pipeBinding.ref(this.#handle, on);
  }

  _closed() {
    this.#handle = null;
  }
}

// What can travel with a message: a net.Socket, a net.Server, a
// dgram.Socket, or a bare TCP/Pipe/UDP handle; its kind for the receiver
// and its native handle.
function describeHandle(h) {
  const net = require('net');
  const { StreamHandle, nativeOf } = require('internal/stream_handle');
  let type;
  let handle;
  if (h instanceof net.Socket) {
    type = 'net.Socket';
    handle = h._handle;
  } else if (h instanceof net.Server) {
    type = 'net.Server';
    handle = h._handle;
  } else if (h instanceof StreamHandle) {
    type = 'net.Native';
    handle = h;
  } else {
    const dgram = require('dgram');
    const native = dgram._nativeOf(h);
    if (native !== undefined) {
      return { type: h instanceof dgram.Socket ? 'dgram.Socket' :
        'dgram.Native', native };
    }
  }
  if (!(handle instanceof StreamHandle)) throw new ERR_INVALID_HANDLE_TYPE();
  return { type, native: nativeOf(handle) };
}

// Turns `target` (a ChildProcess, or process in the child) into one end of
// the channel over pipe handle `handle`. With serialization 'advanced'
// each message is a 4-byte big-endian length then the bytes of
// v8.serialize (Buffers, Maps, Sets, Dates, BigInts, typed arrays ...).
function setupChannel(target, handle, serialization = 'json') {
  const advanced = serialization === 'advanced';
  let bytesPending = null;
  const control = new Control(handle);
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let queued = 0;          // writes the kernel did not take at once
  let disconnecting = false;

  target.channel = control;
  target._channel = control;
  target.connected = true;

  const counted = (type) => type === 'message' || type === 'disconnect';
  target.on('newListener', (type) => {
    if (counted(type)) control.refCounted();
  });
  target.on('removeListener', (type) => {
    if (counted(type)) control.unrefCounted();
  });
  for (const type of ['message', 'disconnect']) {
    for (let i = target.listenerCount(type); i > 0; i--) control.refCounted();
  }

  const received = [];  // handles that came along, oldest first

  // Sockets of a server sent to the other side stay that server's
  // connections until they close there: the sender's server.close() asks
  // (NODE_SOCKET_NOTIFY_CLOSE) and waits for NODE_SOCKET_ALL_CLOSED, so
  // its 'close' comes after theirs, as in Node.
  const sentFor = new Map();      // server -> its tracker on this channel
  const waiting = new Map();      // key -> callbacks of tracker.close()
  const receivedSockets = new Map();  // key -> { open: Set, notify }
  let nextKey = 0;

  function trackerFor(server) {
    let tracker = sentFor.get(server);
    if (tracker !== undefined) return tracker;
    const key = `${process.pid}:${nextKey++}`;
    tracker = {
      key,
      close(cb) {
        const done = () => {
          const i = server._workers.indexOf(tracker);
          if (i !== -1) server._workers.splice(i, 1);
          sentFor.delete(server);
          cb();
        };
        if (!target.connected) return process.nextTick(done);
        let list = waiting.get(key);
        if (list === undefined) waiting.set(key, list = []);
        list.push(done);
        target.send({ cmd: 'NODE_SOCKET_NOTIFY_CLOSE', key });
      },
    };
    sentFor.set(server, tracker);
    server._usingWorkers = true;
    server._workers.push(tracker);
    return tracker;
  }

  function answerWaiting(key) {
    const list = waiting.get(key);
    if (list === undefined) return;
    waiting.delete(key);
    for (const done of list) done();
  }

  function allClosed(key) {
    receivedSockets.delete(key);
    if (target.connected) target.send({ cmd: 'NODE_SOCKET_ALL_CLOSED', key });
  }

  function trackReceived(key, socket) {
    let entry = receivedSockets.get(key);
    if (entry === undefined) {
      receivedSockets.set(key, entry = { open: new Set(), notify: false });
    }
    entry.open.add(socket);
    socket.once('close', () => {
      entry.open.delete(socket);
      if (entry.notify && entry.open.size === 0) allClosed(key);
    });
  }

  target.on('internalMessage', (message) => {
    if (message.cmd === 'NODE_SOCKET_NOTIFY_CLOSE') {
      const entry = receivedSockets.get(message.key);
      if (entry === undefined || entry.open.size === 0) {
        allClosed(message.key);
      } else {
        entry.notify = true;
      }
    } else if (message.cmd === 'NODE_SOCKET_ALL_CLOSED') {
      answerWaiting(message.key);
    }
  });


  function emitMessage(message, sendHandle) {
    target.emit(isInternal(message) ? 'internalMessage' : 'message',
                message, sendHandle);
  }

  function deliver(text, parse = JSON.parse) {
    let message;
    try {
      message = parse(text);
    } catch (err) {
      target.emit('error', err);
      return;
    }
    if (message !== null && typeof message === 'object' &&
        message.cmd === 'NODE_HANDLE' && received.length > 0) {
      const { native, kind } = received.shift();
      receiveHandle(message, native, kind);
      return;
    }
    emitMessage(message);
  }

  // A handle arrived with a NODE_HANDLE message: it becomes what was sent.
  function receiveHandle(message, native, kind) {
    if (kind === 'udp') {
      const dgram = require('dgram');
      const shared = dgram._sharedHandle(native);
      if (message.type === 'dgram.Socket') {
        const socket = dgram.createSocket(message.dgramType || 'udp4');
        socket.bind(shared, () => {
          emitMessage(message.msg, socket);
        });
      } else {
        emitMessage(message.msg, shared);
      }
      return;
    }
    const { TCP, Pipe } = require('internal/stream_handle');
    const wrapped = kind === 'tcp' ? new TCP(native) : new Pipe(native);
    const net = require('net');
    if (message.type === 'net.Server') {
      const server = new net.Server();
      server.listen(wrapped, () => emitMessage(message.msg, server));
    } else if (message.type === 'net.Socket') {
      const socket = new net.Socket({ handle: wrapped, readable: true,
                                      writable: true });
      if (message.key !== undefined) trackReceived(message.key, socket);
      emitMessage(message.msg, socket);
    } else {
      emitMessage(message.msg, wrapped);
    }
  }

  handle.onread = (chunk, native, kind) => {
    if (native !== undefined) received.push({ native, kind });
    if (chunk === null || typeof chunk !== 'object' ||
        !(chunk instanceof Uint8Array)) {
      // The other end went away (or the read failed): disconnected.
      finishDisconnect();
      return;
    }
    if (advanced) {
      readFrames(chunk);
      return;
    }
    pending += decoder.write(chunk);
    let nl;
    while (target.connected && (nl = pending.indexOf('\n')) !== -1) {
      const text = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      deliver(text);
    }
  };
  pipeBinding.readStart(handle);

  function readFrames(chunk) {
    const { Buffer } = require('buffer');
    const chunkBuf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    bytesPending = bytesPending === null ? chunkBuf :
      Buffer.concat([bytesPending, chunkBuf]);
    while (target.connected && bytesPending !== null &&
           bytesPending.length >= 4) {
      const size = bytesPending.readUInt32BE(0);
      if (bytesPending.length < 4 + size) break;
      const body = bytesPending.subarray(4, 4 + size);
      bytesPending = bytesPending.length === 4 + size ? null :
        bytesPending.subarray(4 + size);
      deliver(body, require('v8').deserialize);
    }
  }

  function finishDisconnect() {
    if (handle === null) return;
    const h = handle;
    handle = null;
    control._closed();
    target.connected = false;
    // A side that goes away has closed all it had.
    for (const key of [...waiting.keys()]) answerWaiting(key);
    pipeBinding.close(h);
    process.nextTick(() => target.emit('disconnect'));
  }

  target.send = function send(message, sendHandle, options, callback) {
    if (typeof sendHandle === 'function') {
      callback = sendHandle;
      sendHandle = undefined;
      options = undefined;
    } else if (typeof options === 'function') {
      callback = options;
      options = undefined;
    }
    if (callback !== undefined) validateFunction(callback, 'callback');
    if (message === undefined) throw new ERR_MISSING_ARGS('message');
    if (typeof message !== 'string' && typeof message !== 'object' &&
        typeof message !== 'number' && typeof message !== 'boolean') {
      throw new ERR_INVALID_ARG_TYPE(
        'message', ['string', 'object', 'number', 'boolean'], message);
    }
    let native;
    let sent;  // the socket to close once its handle went, unless kept
    if (sendHandle !== undefined && sendHandle !== null) {
      const handleInfo = describeHandle(sendHandle);
      native = handleInfo.native;
      message = { cmd: 'NODE_HANDLE', type: handleInfo.type, msg: message };
      if (handleInfo.type === 'dgram.Socket') {
        message.dgramType = sendHandle.type;
      }
      if (handleInfo.type === 'net.Socket' &&
          !(options && options.keepOpen)) {
        sent = sendHandle;
        if (sendHandle.server) message.key = trackerFor(sendHandle.server).key;
      }
    }
    if (!target.connected || disconnecting) {
      const err = new ERR_IPC_CHANNEL_CLOSED();
      if (callback) process.nextTick(callback, err);
      else process.nextTick(() => target.emit('error', err));
      return false;
    }
    let frame;
    if (advanced) {
      if (native !== undefined) {
        throw new ERR_INVALID_ARG_TYPE(
          'sendHandle', 'undefined with serialization \'advanced\'',
          sendHandle);
      }
      const { Buffer } = require('buffer');
      const body = require('v8').serialize(message);
      frame = Buffer.allocUnsafe(4 + body.length);
      frame.writeUInt32BE(body.length, 0);
      body.copy(frame, 4);
    } else {
      frame = `${JSON.stringify(message)}\n`;
    }
    const done = (status) => {
      if (status < 0) {
        const err = errnoException(status, 'write');
        if (callback) callback(err);
        else target.emit('error', err);
      } else if (callback) {
        callback(null);
      }
    };
    const onwritten = (status) => {
      queued--;
      if (sent !== undefined && status === 0) sent.destroy();
      done(status);
      if (queued === 0 && disconnecting) finishDisconnect();
    };
    const r = advanced ? pipeBinding.writeBuffer(handle, frame, onwritten) :
      pipeBinding.writeUtf8String(handle, frame, onwritten, native);
    if (r === 1) {
      queued++;
    } else {
      process.nextTick(done, r);
    }
    // false asks the sender to slow down, as Node does once writes queue.
    return queued === 0 || queued < 1000;
  };

  target.disconnect = function disconnect() {
    if (!target.connected) {
      target.emit('error', new ERR_IPC_DISCONNECTED());
      return;
    }
    // Messages already sent still go out first.
    target.connected = false;
    disconnecting = true;
    if (queued === 0) finishDisconnect();
  };

  target._disconnect = target.disconnect;
  return control;
}

module.exports = { setupChannel };
