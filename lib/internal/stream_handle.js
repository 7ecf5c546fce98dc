'use strict';

// The handles under net.Socket and net.Server: a TCP socket (tcp_wrap) or a
// pipe / Unix domain socket (pipe_wrap), given methods the way Node's
// handles have them (handle.readStart(), handle.writeBuffer(buf, cb) ...).
// The native object calls back through its `onread` and `onconnection`
// properties; these forward to the wrapper's own `onread(handle, chunk)`
// and `onconnection(err, clientHandle)` set by the owner.

const tcpBinding = internalBinding('tcp_wrap');
const pipeBinding = internalBinding('pipe_wrap');

const kNative = Symbol('kNative');
const ownerSymbol = Symbol('owner_symbol');

function nativeOnRead(chunk) {
  const handle = this.handle;
  if (handle !== undefined && handle.onread !== null) handle.onread(chunk);
}

function nativeOnConnection(status, native) {
  const handle = this.handle;
  if (handle === undefined || handle.onconnection === null) return;
  const client = native === undefined ? undefined :
    new handle.constructor(native);
  handle.onconnection(status, client);
}

class StreamHandle {
  constructor(binding, native) {
    this.binding = binding;
    this[kNative] = native;
    this[ownerSymbol] = null;
    this.reading = false;
    // An HTTP parser takes the reads in C (onread then sees only the end
    // and errors).
    this._consumed = false;
    this.onread = null;
    this.onconnection = null;
    native.handle = this;
    native.onread = nativeOnRead;
    native.onconnection = nativeOnConnection;
  }

  readStart() {
    const err = this.binding.readStart(this[kNative]);
    if (err === 0) this.reading = true;
    return err;
  }

  readStop() {
    this.reading = false;
    return this.binding.readStop(this[kNative]);
  }

  // Later reads land in `view`; onread then gets the byte count.
  useUserBuffer(view) {
    this.binding.useUserBuffer(this[kNative], view);
  }

  // Each write returns 0 when done at once (cb not called), 1 when queued
  // (cb(status) follows), or a negative error.
  writeBuffer(buf, cb) {
    return this.binding.writeBuffer(this[kNative], buf, cb);
  }

  writeUtf8String(s, cb) {
    return this.binding.writeUtf8String(this[kNative], s, cb);
  }

  writeLatin1String(s, cb) {
    return this.binding.writeLatin1String(this[kNative], s, cb);
  }

  writev(chunks, cb) {
    return this.binding.writev(this[kNative], chunks, cb);
  }

  // chunks holds a chunk then its kind, alternately: 0 a view or a UTF-8
  // string, 1 a Latin-1 string.
  writevPairs(chunks, cb) {
    return this.binding.writev(this[kNative], chunks, cb, true);
  }

  shutdown(cb) {
    return this.binding.shutdown(this[kNative], cb);
  }

  listen(backlog) {
    return this.binding.listen(this[kNative], backlog);
  }

  close(cb) {
    this.reading = false;
    this.binding.close(this[kNative], cb);
  }

  ref() {
    this.binding.ref(this[kNative], true);
  }

  unref() {
    this.binding.ref(this[kNative], false);
  }

  hasRef() {
    return this.binding.hasRef(this[kNative]);
  }

  get fd() {
    return this.binding.fileno(this[kNative]);
  }

  get writeQueueSize() {
    return this.binding.writeQueueSize(this[kNative]);
  }

  open(fd) {
    return this.binding.open(this[kNative], fd);
  }
}

class TCP extends StreamHandle {
  constructor(native = tcpBinding.create()) {
    super(tcpBinding, native);
  }

  bind(address, port, ipv6Only = false) {
    return tcpBinding.bind(this[kNative], address, port, ipv6Only);
  }

  connect(address, port, cb) {
    return tcpBinding.connect(this[kNative], address, port, cb);
  }

  getsockname(out) {
    return tcpBinding.getsockname(this[kNative], out);
  }

  getpeername(out) {
    return tcpBinding.getpeername(this[kNative], out);
  }

  setNoDelay(enable) {
    return tcpBinding.setNoDelay(this[kNative], enable);
  }

  setKeepAlive(enable, delaySeconds) {
    return tcpBinding.setKeepAlive(this[kNative], enable, delaySeconds);
  }

  // The next close() sends a RST.
  lingerZero() {
    return tcpBinding.lingerZero(this[kNative]);
  }
}

class Pipe extends StreamHandle {
  constructor(native = pipeBinding.create()) {
    super(pipeBinding, native);
  }

  bind(path) {
    return pipeBinding.bind(this[kNative], path);
  }

  connect(path, cb) {
    return pipeBinding.connect(this[kNative], path, cb);
  }

  // flags: 1 readable, 2 writable by everyone.
  fchmod(flags) {
    return pipeBinding.chmod(this[kNative], flags);
  }
}

// The native object under a handle (what an IPC channel sends along).
function nativeOf(handle) {
  return handle[kNative];
}

module.exports = { Pipe, StreamHandle, TCP, nativeOf, ownerSymbol };
