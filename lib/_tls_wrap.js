'use strict';

// TLSSocket and tls.Server. A TLSSocket is a net.Socket whose handle is a
// TLSHandle: the handle interface net.Socket drives (readStart, writeBuffer,
// shutdown, close ...) implemented over a transport Duplex (a net.Socket of
// its own or any stream given as `socket`) and a native TLS connection of
// src/tls_wrap.c that turns the transport's bytes into cleartext and back.
// So everything net.Socket does (backpressure, end/half-close, timeouts,
// byte counts) holds for TLS too, and the records never cross into JS byte
// by byte: each transport chunk is one native call.

const net = require('net');
const { isIP } = require('internal/net');
const binding = internalBinding('tls_wrap');
const {
  SecureContext,
  createSecureContext,
  isSecureContext,
  certFromNative,
  translatePeerCertificates,
} = require('_tls_common');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_MULTIPLE_CALLBACK,
    ERR_SOCKET_CLOSED,
    ERR_TLS_HANDSHAKE_TIMEOUT,
    ERR_TLS_INVALID_CONTEXT,
    ERR_TLS_INVALID_STATE,
    ERR_TLS_REQUIRED_SERVER_NAME,
    ERR_TLS_SNI_FROM_SERVER,
  },
} = require('internal/errors');
const {
  validateBuffer,
  validateFunction,
  validateInt32,
  validateNumber,
  validateObject,
  validateString,
  validateUint32,
} = require('internal/validators');

const {
  CYCLE_HANDSHAKE, CYCLE_EOF, CYCLE_ERROR, CYCLE_SNI, CYCLE_SESSION,
} = binding;
const UV_EBADF = -9;

const kTransport = Symbol('transport');
const kServer = Symbol('server');
const kHandshakeTimer = Symbol('handshakeTimer');
const kErrorEmitted = Symbol('errorEmitted');
const kPendingSession = Symbol('pendingSession');
const kStarted = Symbol('started');

function connResetException(msg) {
  const err = new Error(msg);
  err.code = 'ECONNRESET';
  return err;
}

// OpenSSL's errors of the SSL library are ERR_SSL_* in Node (not
// ERR_OSSL_SSL_*).
function tlsError(err) {
  if (err && typeof err.code === 'string' &&
      err.code.startsWith('ERR_OSSL_SSL_')) {
    err.code = 'ERR_SSL_' + err.code.slice(13);
  }
  return err;
}

// ALPNProtocols as an array of strings or bytes, or one Buffer already in
// wire format; the wire format (length-prefixed names) comes back.
function convertALPNProtocols(protocols) {
  if (Array.isArray(protocols)) {
    const parts = [];
    for (const p of protocols) {
      const b = typeof p === 'string' ? Buffer.from(p) : Buffer.from(p);
      if (b.length > 255) {
        throw new ERR_INVALID_ARG_TYPE('protocols', 'an array of strings ' +
                                       'of at most 255 bytes', protocols);
      }
      parts.push(Buffer.from([b.length]), b);
    }
    return Buffer.concat(parts);
  }
  if (ArrayBuffer.isView(protocols)) {
    return Buffer.from(protocols.buffer, protocols.byteOffset,
                       protocols.byteLength);
  }
  throw new ERR_INVALID_ARG_TYPE('protocols', ['Array', 'Buffer',
                                               'TypedArray'], protocols);
}

// ---------------------------------------------------------------------------
// The handle

class TLSHandle {
  constructor(owner, transport, ssl) {
    this.owner = owner;
    this[kTransport] = transport;
    this.ssl = ssl;
    this.reading = false;
    this.onread = null;
    this.secure = false;
    this.closed = false;
    this.sniWaiting = null;     // input held while SNICallback runs
    this.pendingClear = [];     // cleartext that arrived while paused
    this.pendingEOF = false;
    this.eofDelivered = false;
    this.pendingWrites = [];    // [chunks, cb] written before the handshake
    this.pendingShutdown = null;
    this.transportClosed = false;
    this.transportEnded = false;

    transport.on('data', (chunk) => this.feed(chunk));
    transport.on('end', () => this.onTransportEnd());
    transport.on('error', (err) => this.onTransportError(err));
    transport.on('close', () => this.onTransportClose());
    // The TLS socket reads when asked to, like any net.Socket.
    if (typeof transport.pause === 'function') transport.pause();
  }

  // --- the transport's side

  feed(chunk) {
    if (this.closed) return;
    if (typeof chunk === 'string') chunk = Buffer.from(chunk);
    if (this.sniWaiting !== null) {
      this.sniWaiting.push(chunk);
      return;
    }
    this.cycle(chunk);
  }

  // Runs the native side on input (or none, to start a client's
  // handshake) and acts on what it reports.
  cycle(input) {
    if (this.closed) return;
    let res;
    try {
      res = binding.cycle(this.ssl, input);
    } catch (err) {
      this.owner._tlsError(err);
      return;
    }
    const flags = res[0];
    // A client that rejects the server's certificate must not send its
    // Finished: the records go out only after the verdict.
    if (flags & CYCLE_HANDSHAKE) {
      this.secure = true;
      if (!this.owner._verifyHandshake()) return;
    }
    if (res[2] !== undefined) this.send(Buffer.from(res[2]));
    if (flags & CYCLE_ERROR) {
      if (res[1] !== undefined) this.deliver(Buffer.from(res[1]));
      this.owner._tlsError(tlsError(res[3]));
      return;
    }
    if (flags & CYCLE_SNI) {
      this.sniWaiting = [];
      this.owner._onSNI(res[3]);
      return;
    }
    if (flags & CYCLE_HANDSHAKE) {
      this.owner._emitSecure();
      if (this.closed) return;
      this.flushPendingWrites();
    }
    if (res[1] !== undefined) this.deliver(Buffer.from(res[1]));
    if (flags & CYCLE_SESSION) this.owner._onNewSession();
    if (flags & CYCLE_EOF) this.deliverEOF();
  }

  // The context an SNICallback chose (or null to keep the current one).
  resumeAfterSNI(context) {
    if (this.closed || this.sniWaiting === null) return;
    if (context) binding.setContext(this.ssl, context.context);
    const held = this.sniWaiting;
    this.sniWaiting = null;
    this.cycle(held.length ? Buffer.concat(held) : undefined);
  }

  send(buf, cb) {
    const t = this[kTransport];
    if (this.transportClosed || t.destroyed || t.writableEnded) {
      if (cb) process.nextTick(cb, 0);
      return;
    }
    if (cb) {
      t.write(buf, (err) => {
        cb(err ? (typeof err.errno === 'number' ? err.errno : UV_EBADF) : 0);
      });
    } else {
      t.write(buf);
    }
  }

  deliver(buf) {
    if (this.reading && this.onread !== null && !this.pendingClear.length) {
      this.onread(buf);
    } else {
      this.pendingClear.push(buf);
    }
  }

  deliverEOF() {
    if (this.eofDelivered) return;
    if (this.reading && this.onread !== null && !this.pendingClear.length) {
      this.eofDelivered = true;
      this.onread(null);
    } else {
      this.pendingEOF = true;
    }
  }

  flushRead() {
    while (this.reading && this.onread !== null && this.pendingClear.length) {
      this.onread(this.pendingClear.shift());
    }
    if (this.reading && this.onread !== null && this.pendingEOF &&
        !this.pendingClear.length && !this.eofDelivered) {
      this.eofDelivered = true;
      this.onread(null);
    }
  }

  onTransportEnd() {
    this.transportEnded = true;
    if (this.closed) return;
    if (!this.secure) {
      this.owner._onConnectEnd();
      return;
    }
    this.deliverEOF();
  }

  onTransportError(err) {
    if (this.closed) return;
    this.owner._transportError(err);
  }

  onTransportClose() {
    this.transportClosed = true;
    if (this.closed) return;
    if (!this.transportEnded && !this.owner.destroyed) {
      if (!this.secure) this.owner._onConnectEnd();
      else this.deliverEOF();
    }
  }

  // --- what net.Socket calls

  readStart() {
    if (this.closed) return UV_EBADF;
    this.reading = true;
    const t = this[kTransport];
    if (typeof t.resume === 'function' && !this.transportEnded) t.resume();
    if (this.pendingClear.length || this.pendingEOF) {
      process.nextTick(() => this.flushRead());
    }
    return 0;
  }

  readStop() {
    this.reading = false;
    const t = this[kTransport];
    if (!this.closed && typeof t.pause === 'function') t.pause();
    return 0;
  }

  writeBuffer(buf, cb) {
    return this.writeChunks([buf], cb);
  }

  writeUtf8String(s, cb) {
    return this.writeChunks([Buffer.from(s, 'utf8')], cb);
  }

  writeLatin1String(s, cb) {
    return this.writeChunks([Buffer.from(s, 'latin1')], cb);
  }

  writev(list, cb) {
    const chunks = list.map((c) => (typeof c === 'string' ?
      Buffer.from(c, 'utf8') : c));
    return this.writeChunks(chunks, cb);
  }

  // Returns 1: cb(status) follows once the transport took the records.
  writeChunks(chunks, cb) {
    if (this.closed) return UV_EBADF;
    if (!this.secure) {
      this.pendingWrites.push([chunks, cb]);
      return 1;
    }
    const out = [];
    try {
      for (const c of chunks) {
        if (c.length === 0) continue;
        const records = binding.write(this.ssl, c);
        if (records !== undefined) out.push(Buffer.from(records));
      }
    } catch (err) {
      process.nextTick(() => {
        this.owner.destroy(tlsError(err));
        cb(0);
      });
      return 1;
    }
    if (out.length === 0) {
      process.nextTick(cb, 0);
    } else {
      for (let i = 0; i < out.length - 1; i++) this.send(out[i]);
      this.send(out[out.length - 1], cb);
    }
    return 1;
  }

  flushPendingWrites() {
    const list = this.pendingWrites;
    this.pendingWrites = [];
    for (const [chunks, cb] of list) this.writeChunks(chunks, cb);
    if (this.pendingShutdown !== null) {
      const cb = this.pendingShutdown;
      this.pendingShutdown = null;
      this.shutdown(cb);
    }
  }

  get writeQueueSize() {
    const t = this[kTransport];
    return t.writableLength || 0;
  }

  // Sends close_notify, then ends the transport.
  shutdown(cb) {
    if (this.closed) return UV_EBADF;
    if (!this.secure) {
      this.pendingShutdown = cb;
      return 0;
    }
    let alert;
    try {
      alert = binding.shutdown(this.ssl);
    } catch {
      alert = undefined;
    }
    if (alert !== undefined) this.send(Buffer.from(alert));
    const t = this[kTransport];
    if (this.transportClosed || t.destroyed || t.writableEnded) {
      process.nextTick(cb, 0);
    } else {
      let called = false;
      const done = () => {
        if (!called) {
          called = true;
          cb(0);
        }
      };
      t.end(done);
      // A transport destroyed before it finished never calls back.
      t.once('close', done);
    }
    return 0;
  }

  close(cb) {
    if (this.closed) {
      if (typeof cb === 'function') process.nextTick(cb);
      return;
    }
    this.closed = true;
    this.reading = false;
    this.pendingWrites = [];
    binding.free(this.ssl);
    const t = this[kTransport];
    if (typeof cb === 'function') {
      // 'close' comes once the transport's own handle closed, unless it
      // came already or never will.
      // (After the I/O phase, as a libuv handle's close callback runs:
      // the 'error' of a destroy(err) comes first.)
      if (this.transportClosed || t.closed ||
          (t._writableState && t._writableState.emitClose === false)) {
        setImmediate(cb);
      } else {
        t.once('close', () => cb());
      }
    }
    if (!t.destroyed) t.destroy();
  }

  getpeername(out) {
    const h = this[kTransport]._handle;
    if (h && typeof h.getpeername === 'function') return h.getpeername(out);
    return UV_EBADF;
  }

  getsockname(out) {
    const h = this[kTransport]._handle;
    if (h && typeof h.getsockname === 'function') return h.getsockname(out);
    return UV_EBADF;
  }

  setNoDelay(enable) {
    const t = this[kTransport];
    if (typeof t.setNoDelay === 'function') t.setNoDelay(enable);
    return 0;
  }

  setKeepAlive(enable, delaySeconds) {
    const t = this[kTransport];
    if (typeof t.setKeepAlive === 'function') {
      t.setKeepAlive(enable, delaySeconds * 1000);
    }
    return 0;
  }

  ref() {
    const t = this[kTransport];
    if (typeof t.ref === 'function') t.ref();
  }

  unref() {
    const t = this[kTransport];
    if (typeof t.unref === 'function') t.unref();
  }

  hasRef() {
    const h = this[kTransport]._handle;
    return Boolean(h && typeof h.hasRef === 'function' && h.hasRef());
  }

  get fd() {
    const h = this[kTransport]._handle;
    return h ? h.fd : -1;
  }
}

// ---------------------------------------------------------------------------
// TLSSocket

function TLSSocket(socket, opts) {
  if (!(this instanceof TLSSocket)) return new TLSSocket(socket, opts);
  const tlsOptions = { ...opts };
  this._tlsOptions = tlsOptions;
  this._secureEstablished = false;
  this._securePending = false;
  this._newSessionPending = false;
  this._controlReleased = false;
  this.secureConnecting = true;
  this._SNICallback = null;
  this.servername = null;
  this.alpnProtocol = null;
  this.authorized = false;
  this.authorizationError = null;
  this.encrypted = true;
  this[kServer] = tlsOptions.server || null;
  this[kHandshakeTimer] = null;
  this[kErrorEmitted] = false;
  this[kPendingSession] = null;

  if (tlsOptions.ALPNProtocols !== undefined &&
      tlsOptions.ALPNProtocols !== null) {
    tlsOptions.ALPNProtocols =
      convertALPNProtocols(tlsOptions.ALPNProtocols);
  }

  let context = tlsOptions.secureContext;
  if (context === undefined || context === null) {
    context = createSecureContext(tlsOptions);
  } else if (!isSecureContext(context)) {
    throw new ERR_TLS_INVALID_CONTEXT('context');
  }
  this.ssl = null;

  let transport = socket;
  const wrapped = transport !== undefined && transport !== null;
  if (!wrapped) {
    transport = new net.Socket({
      allowHalfOpen: true,
      noDelay: tlsOptions.noDelay,
      keepAlive: tlsOptions.keepAlive,
      keepAliveInitialDelay: tlsOptions.keepAliveInitialDelay,
    });
  } else {
    // Around a given stream the TLS socket's allowHalfOpen is the
    // stream's (Node ignores the option then); a net.Socket's own writable
    // side ends when the TLS layer says so.
    tlsOptions.allowHalfOpen = Boolean(transport.allowHalfOpen);
    if (transport instanceof net.Socket) transport.allowHalfOpen = true;
  }
  this[kTransport] = transport;

  const isServer = Boolean(tlsOptions.isServer);
  const sni = isServer && typeof tlsOptions.SNICallback === 'function';
  // A tls.Server's context has its ALPN protocols already; connections
  // copy them when they are made.
  if (isServer && tlsOptions.ALPNProtocols &&
      (!tlsOptions.server || tlsOptions.server._sharedCreds !== context)) {
    binding.contextSetALPN(context.context, tlsOptions.ALPNProtocols);
  }
  const ssl = binding.create(context.context, isServer, sni);
  const handle = new TLSHandle(this, transport, ssl);
  this._SNICallback = sni ? tlsOptions.SNICallback : null;

  net.Socket.call(this, {
    handle,
    allowHalfOpen: tlsOptions.allowHalfOpen,
    highWaterMark: tlsOptions.highWaterMark,
    pauseOnCreate: tlsOptions.pauseOnConnect,
    manualStart: true,
  });
  this.ssl = ssl;
  if (transport.connecting) {
    this.connecting = true;
    transport.once('connect', () => this._onTransportConnect());
  }

  if (isServer) {
    binding.setVerify(ssl, Boolean(tlsOptions.requestCert),
                      tlsOptions.rejectUnauthorized !== false);
  }
  if (tlsOptions.ALPNProtocols && !isServer) {
    binding.setALPN(ssl, tlsOptions.ALPNProtocols);
  }
  if (!isServer && tlsOptions.session) {
    validateBuffer(tlsOptions.session, 'options.session');
    binding.setSession(ssl, tlsOptions.session);
  }

  // A net.Socket not connected yet starts once it is (connect() may come
  // later). Otherwise a server side starts now, a client side when
  // tls.connect() (or the owner) calls _start().
  if (wrapped && !transport.connecting) {
    if (transport instanceof net.Socket && transport._handle === null &&
        !transport.destroyed) {
      this.connecting = true;
      transport.once('connect', () => this._onTransportConnect());
    } else if (isServer) {
      process.nextTick(() => this._start());
    }
  }
  this.read(0);
}
Object.setPrototypeOf(TLSSocket.prototype, net.Socket.prototype);
Object.setPrototypeOf(TLSSocket, net.Socket);

// connect(): the transport connects, then the handshake starts (for a
// socket made without one, or around a net.Socket not connected yet).
TLSSocket.prototype.connect = function(...args) {
  const transport = this[kTransport];
  if (!(transport instanceof net.Socket)) {
    return net.Socket.prototype.connect.apply(this, args);
  }
  const normalized = net._normalizeArgs(args);
  const cb = normalized[1];
  if (cb) this.once('connect', cb);
  normalized[1] = null;
  if (!this.connecting) {
    this.connecting = true;
    transport.once('connect', () => this._onTransportConnect());
  }
  if (normalized[0].host) this._tlsOptions.host = normalized[0].host;
  transport.connect(normalized);
  return this;
};

TLSSocket.prototype._onTransportConnect = function() {
  if (this.destroyed) return;
  this.connecting = false;
  this.emit('connect');
  this._start();
};

TLSSocket.prototype._start = function() {
  if (this.destroyed || !this._handle || this[kStarted]) return;
  this[kStarted] = true;
  const server = this[kServer];
  if (this._tlsOptions.isServer) {
    const ms = server && server[kHandshakeTimeout] !== undefined ?
      server[kHandshakeTimeout] : 120000;
    if (ms > 0) {
      this[kHandshakeTimer] = setTimeout(() => {
        this._tlsError(new ERR_TLS_HANDSHAKE_TIMEOUT());
      }, ms);
      this[kHandshakeTimer].unref();
    }
    if (!this.readableFlowing && !this.isPaused()) this.read(0);
    else this._handle[kTransport].resume();
    return;
  }
  this._handle.cycle(undefined);
  if (!this._handle) return;
  // The handshake needs the transport read even before the user reads.
  this._handle[kTransport].resume();
};

TLSSocket.prototype._clearHandshakeTimer = function() {
  if (this[kHandshakeTimer] !== null) {
    clearTimeout(this[kHandshakeTimer]);
    this[kHandshakeTimer] = null;
  }
};

TLSSocket.prototype._onSNI = function(servername) {
  this.servername = servername || null;
  // Without a name there is nothing to choose.
  if (!servername) {
    this._handle.resumeAfterSNI(null);
    return;
  }
  const cb = this._SNICallback;
  let called = false;
  cb(servername || '', (err, context) => {
    if (called) {
      this._tlsError(new ERR_MULTIPLE_CALLBACK());
      return;
    }
    called = true;
    if (this.destroyed || !this._handle) return;
    if (err) {
      this._tlsError(err);
      return;
    }
    if (context !== undefined && context !== null &&
        !isSecureContext(context)) {
      this._tlsError(new Error('Invalid SNI context'));
      return;
    }
    this._handle.resumeAfterSNI(context || null);
  });
};

// The handshake completed: checks the peer's certificate. False when the
// socket was destroyed for it.
TLSSocket.prototype._verifyHandshake = function() {
  this._clearHandshakeTimer();
  this._secureEstablished = true;
  this.secureConnecting = false;
  this.alpnProtocol = binding.getALPN(this.ssl);
  this.servername = binding.getServername(this.ssl);
  const opts = this._tlsOptions;
  if (opts.isServer) {
    if (opts.requestCert) {
      const err = this._verifyError();
      if (err) {
        this.authorizationError = err.code;
        if (opts.rejectUnauthorized !== false) {
          this.destroy();
          return false;
        }
      } else {
        this.authorized = true;
      }
    }
    return true;
  }
  let verifyError = this._verifyError();
  if (!verifyError && !this.isSessionReused()) {
    const hostname = opts.servername || opts.host ||
      (opts.socket && opts.socket._host) || 'localhost';
    const cert = this.getPeerCertificate(true);
    const check = opts.checkServerIdentity ||
      require('tls').checkServerIdentity;
    verifyError = check(hostname, cert);
  }
  if (verifyError) {
    this.authorized = false;
    this.authorizationError = verifyError.code || verifyError.message;
    // (tls.connect() defaults it to true; a TLSSocket made by hand
    // verifies only when asked to.)
    if (opts.rejectUnauthorized) {
      this.destroy(verifyError);
      return false;
    }
  } else {
    this.authorized = true;
  }
  return true;
};

TLSSocket.prototype._emitSecure = function() {
  this._controlReleased = true;
  if (this._tlsOptions.isServer) {
    this.emit('secure');
    if (this[kServer] && !this.destroyed) {
      this[kServer].emit('secureConnection', this);
    }
    return;
  }
  this.emit('secureConnect');
  if (this[kPendingSession] !== null) {
    const s = this[kPendingSession];
    this[kPendingSession] = null;
    this.emit('session', s);
  }
};

TLSSocket.prototype._onNewSession = function() {
  if (this._tlsOptions.isServer) return;
  const s = this.getSession();
  if (s === undefined) return;
  // A session that arrives with the handshake is announced after it.
  if (!this._controlReleased) this[kPendingSession] = s;
  else this.emit('session', s);
};

TLSSocket.prototype._verifyError = function() {
  const v = binding.verifyError(this.ssl);
  if (v === null) return null;
  const err = new Error(v[1]);
  err.code = v[0];
  return err;
};

// An error of the TLS layer: a client socket gets it as 'error'; a server
// socket whose handshake failed is destroyed and the server told with
// 'tlsClientError'.
TLSSocket.prototype._tlsError = function(err) {
  this._clearHandshakeTimer();
  if (this.destroyed) return;
  const server = this[kServer];
  if (this._tlsOptions.isServer && !this._controlReleased) {
    if (this[kErrorEmitted]) return;
    this[kErrorEmitted] = true;
    this._hadError = true;
    this.destroy();
    if (server) server.emit('tlsClientError', err, this);
    return;
  }
  this.destroy(err);
};

TLSSocket.prototype._transportError = function(err) {
  this._tlsError(err);
};

// The transport ended before the handshake completed.
TLSSocket.prototype._onConnectEnd = function() {
  if (this.destroyed) return;
  if (this._tlsOptions.isServer) {
    this._tlsError(connResetException('socket hang up'));
    return;
  }
  const opts = this._tlsOptions;
  const err = connResetException('Client network socket disconnected ' +
                                 'before secure TLS connection was ' +
                                 'established');
  err.path = opts.path;
  err.host = opts.host;
  err.port = opts.port;
  err.localAddress = opts.localAddress;
  this.destroy(err);
};

TLSSocket.prototype._destroy = function(err, cb) {
  this._clearHandshakeTimer();
  net.Socket.prototype._destroy.call(this, err, cb);
};

TLSSocket.prototype._read = function(n) {
  if (this._handle && !this.connecting && !this._handle.reading) {
    this._handle.readStart();
    return;
  }
  net.Socket.prototype._read.call(this, n);
};

TLSSocket.prototype.getPeerCertificate = function(detailed) {
  if (!this.ssl || !this._handle) return null;
  return translatePeerCertificates(binding.getPeerCertificates(this.ssl),
                                   detailed);
};

TLSSocket.prototype.getCertificate = function() {
  if (!this.ssl || !this._handle) return null;
  const c = binding.getCertificate(this.ssl);
  return c === undefined ? {} : certFromNative(c);
};

TLSSocket.prototype.getProtocol = function() {
  if (!this.ssl || !this._handle) return null;
  return binding.getProtocol(this.ssl);
};

TLSSocket.prototype.getCipher = function() {
  if (!this.ssl || !this._handle) return undefined;
  return binding.getCipher(this.ssl);
};

TLSSocket.prototype.getSession = function() {
  if (!this.ssl || !this._handle) return undefined;
  const s = binding.getSession(this.ssl);
  return s === undefined ? undefined : Buffer.from(s);
};

TLSSocket.prototype.isSessionReused = function() {
  if (!this.ssl || !this._handle) return false;
  return binding.isSessionReused(this.ssl);
};

TLSSocket.prototype.setServername = function(name) {
  validateString(name, 'name');
  if (this._tlsOptions.isServer) throw new ERR_TLS_SNI_FROM_SERVER();
  if (!this.ssl || !this._handle) throw new ERR_SOCKET_CLOSED();
  binding.setServername(this.ssl, name);
};

TLSSocket.prototype.setSession = function(session) {
  if (typeof session === 'string') session = Buffer.from(session, 'latin1');
  validateBuffer(session, 'session');
  if (!this.ssl || !this._handle) throw new ERR_SOCKET_CLOSED();
  binding.setSession(this.ssl, session);
};

TLSSocket.prototype.getFinished = function() {
  if (!this.ssl || !this._handle) return undefined;
  const f = binding.getFinished(this.ssl, false);
  return f === undefined ? undefined : Buffer.from(f);
};

TLSSocket.prototype.getPeerFinished = function() {
  if (!this.ssl || !this._handle) return undefined;
  const f = binding.getFinished(this.ssl, true);
  return f === undefined ? undefined : Buffer.from(f);
};

TLSSocket.prototype.exportKeyingMaterial = function(length, label, context) {
  validateUint32(length, 'length', true);
  validateString(label, 'label');
  if (context !== undefined) validateBuffer(context, 'context');
  if (!this._secureEstablished) throw new ERR_TLS_INVALID_STATE();
  return Buffer.from(binding.exportKeyingMaterial(this.ssl, length, label,
                                                  context));
};

TLSSocket.prototype.getEphemeralKeyInfo = function() {
  if (!this.ssl || !this._handle || this._tlsOptions.isServer) return null;
  return binding.getEphemeralKeyInfo(this.ssl);
};

TLSSocket.prototype.getSharedSigalgs = function() {
  if (!this.ssl || !this._handle) return null;
  return binding.getSharedSigalgs(this.ssl);
};

// Renegotiation is off in every context (SSL_OP_NO_RENEGOTIATION).
TLSSocket.prototype.disableRenegotiation = function() {};

TLSSocket.prototype.getTLSTicket = function() {
  if (!this.ssl || !this._handle) return undefined;
  const t = binding.getTLSTicket(this.ssl);
  return t === undefined ? undefined : Buffer.from(t);
};

TLSSocket.prototype.setMaxSendFragment = function(size) {
  validateInt32(size, 'size');
  if (!this.ssl || !this._handle) return false;
  return binding.setMaxSendFragment(this.ssl, size);
};

// ---------------------------------------------------------------------------
// checkServerIdentity

// Does a certificate name (possibly with a wildcard in its first label)
// cover the host name? Both in lower case, the host without a final dot.
function nameMatches(host, pattern) {
  pattern = pattern.toLowerCase();
  if (pattern.endsWith('.')) pattern = pattern.slice(0, -1);
  if (pattern === host) return true;
  const hostLabels = host.split('.');
  const labels = pattern.split('.');
  if (labels.length !== hostLabels.length || labels.length < 3) return false;
  for (let i = 1; i < labels.length; i++) {
    if (labels[i] !== hostLabels[i] || labels[i].includes('*')) return false;
  }
  const first = labels[0];
  const star = first.indexOf('*');
  if (star === -1 || first.indexOf('*', star + 1) !== -1) return false;
  // No wildcard inside an IDN label.
  if (first.startsWith('xn--')) return false;
  const prefix = first.slice(0, star);
  const suffix = first.slice(star + 1);
  const h = hostLabels[0];
  return h.length >= prefix.length + suffix.length &&
    h.startsWith(prefix) && h.endsWith(suffix) && h.length > 0;
}

// The entries of a subjectaltname string: "DNS:a, IP Address:1.2.3.4".
function splitAltNames(altNames) {
  const out = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < altNames.length; i++) {
    const ch = altNames[i];
    if (ch === '"') {
      quoted = !quoted;
      cur += ch;
    } else if (ch === ',' && !quoted && altNames[i + 1] === ' ') {
      out.push(cur);
      cur = '';
      i++;
    } else {
      cur += ch;
    }
  }
  if (cur) out.push(cur);
  return out;
}

function canonicalIP(ip) {
  const family = isIP(ip);
  if (family === 4) return ip;
  if (family !== 6) return null;
  // Expand to eight groups, lower case, no leading zeros.
  let [head, tail] = ip.toLowerCase().split('::');
  if (ip.includes('.')) return ip.toLowerCase();
  const h = head ? head.split(':') : [];
  const t = tail !== undefined ? (tail ? tail.split(':') : []) : [];
  const zeros = tail !== undefined ? 8 - h.length - t.length : 0;
  const groups = [...h, ...new Array(zeros).fill('0'), ...t];
  return groups.map((g) => g.replace(/^0+(?=.)/, '')).join(':');
}

function checkServerIdentity(hostname, cert) {
  const subject = cert.subject;
  const altNames = cert.subjectaltname;
  const dnsNames = [];
  const ips = [];
  hostname = '' + hostname;
  if (altNames) {
    for (const name of splitAltNames(altNames)) {
      if (name.startsWith('DNS:')) {
        dnsNames.push(name.slice(4));
      } else if (name.startsWith('IP Address:')) {
        // (Only addresses: a range like 8.8.8.0/24 names no host.)
        const ip = canonicalIP(name.slice(11));
        if (ip !== null) ips.push(ip);
      }
    }
  }
  let valid = false;
  let reason = 'Unknown reason';
  if (isIP(hostname)) {
    valid = ips.includes(canonicalIP(hostname));
    if (!valid) {
      reason = `IP: ${hostname} is not in the cert's list: ` + ips.join(', ');
    }
  } else {
    let host = hostname.toLowerCase();
    if (host.endsWith('.')) host = host.slice(0, -1);
    const cn = subject ? subject.CN : undefined;
    if (dnsNames.length > 0) {
      valid = dnsNames.some((n) => nameMatches(host, n));
      if (!valid) {
        reason = `Host: ${hostname}. is not in the cert's altnames: ` +
          altNames;
      }
    } else if (cn) {
      if (Array.isArray(cn)) valid = cn.some((n) => nameMatches(host, n));
      else valid = nameMatches(host, cn);
      if (!valid) reason = `Host: ${hostname}. is not cert's CN: ${cn}`;
    } else {
      reason = 'Cert does not contain a DNS name';
    }
  }
  if (!valid) {
    const { ERR_TLS_CERT_ALTNAME_INVALID } = require('internal/errors').codes;
    return new ERR_TLS_CERT_ALTNAME_INVALID(reason, hostname, cert);
  }
}

// ---------------------------------------------------------------------------
// Server

const kHandshakeTimeout = Symbol('handshakeTimeout');
const kSNICallback = Symbol('SNICallback');

function Server(options, listener) {
  if (!(this instanceof Server)) return new Server(options, listener);
  if (typeof options === 'function') {
    listener = options;
    options = {};
  } else if (options === undefined || options === null) {
    options = {};
  } else {
    validateObject(options, 'options');
  }
  net.Server.call(this, options);
  this._contexts = [];
  this.requestCert = options.requestCert === true;
  this.rejectUnauthorized = options.rejectUnauthorized !== false;
  const timeout = options.handshakeTimeout === undefined ? 120000 :
    options.handshakeTimeout;
  validateNumber(timeout, 'options.handshakeTimeout');
  this[kHandshakeTimeout] = timeout;
  if (options.ALPNProtocols !== undefined && options.ALPNProtocols !== null) {
    this.ALPNProtocols = convertALPNProtocols(options.ALPNProtocols);
  }
  if (options.SNICallback !== undefined) {
    validateFunction(options.SNICallback, 'options.SNICallback');
  }
  this[kSNICallback] = options.SNICallback;
  if (options.sessionTimeout !== undefined) {
    validateInt32(options.sessionTimeout, 'options.sessionTimeout');
  }
  if (options.ticketKeys !== undefined) {
    validateBuffer(options.ticketKeys, 'options.ticketKeys');
    if (options.ticketKeys.byteLength !== 48) {
      throw new ERR_INVALID_ARG_VALUE('options.ticketKeys',
                                      options.ticketKeys.byteLength,
                                      'must be exactly 48 bytes');
    }
  }
  this.setSecureContext(options);
  if (options.ticketKeys !== undefined) this.setTicketKeys(options.ticketKeys);
  if (listener) this.on('secureConnection', listener);
  this.on('connection', tlsConnectionListener);
}
Object.setPrototypeOf(Server.prototype, net.Server.prototype);
Object.setPrototypeOf(Server, net.Server);

Server.prototype.setSecureContext = function(options) {
  validateObject(options, 'options');
  this._sharedCreds = createSecureContext(options);
  if (this.ALPNProtocols) {
    binding.contextSetALPN(this._sharedCreds.context, this.ALPNProtocols);
  }
};

Server.prototype.addContext = function(servername, context) {
  if (!servername) throw new ERR_TLS_REQUIRED_SERVER_NAME();
  const pattern = new RegExp('^' + servername
    .replace(/([.^$+?\-\\[\]{}])/g, '\\$1')
    .replaceAll('*', '[^.]*') + '$', 'i');
  const ctx = isSecureContext(context) ? context :
    createSecureContext(context);
  if (this.ALPNProtocols) {
    binding.contextSetALPN(ctx.context, this.ALPNProtocols);
  }
  this._contexts.push([pattern, ctx]);
};

// The default SNICallback: the last context added for a matching name.
function defaultSNICallback(server) {
  return (servername, cb) => {
    let found = null;
    for (const [re, ctx] of server._contexts) {
      if (re.test(servername)) found = ctx;
    }
    cb(null, found);
  };
}

Server.prototype.getTicketKeys = function() {
  return Buffer.from(binding.contextGetTicketKeys(this._sharedCreds.context));
};

Server.prototype.setTicketKeys = function(keys) {
  validateBuffer(keys, 'keys');
  if (keys.byteLength !== 48) {
    const err = new TypeError('Session ticket keys must be a 48-byte buffer');
    err.code = 'ERR_INVALID_ARG_VALUE';
    throw err;
  }
  binding.contextSetTicketKeys(this._sharedCreds.context, keys);
};

function tlsConnectionListener(rawSocket) {
  const server = this;
  let sni = server[kSNICallback];
  if (!sni && server._contexts.length) sni = defaultSNICallback(server);
  const socket = new TLSSocket(rawSocket, {
    secureContext: server._sharedCreds,
    isServer: true,
    server,
    requestCert: server.requestCert,
    rejectUnauthorized: server.rejectUnauthorized,
    ALPNProtocols: server.ALPNProtocols,
    SNICallback: sni,
    allowHalfOpen: server.allowHalfOpen,
    pauseOnConnect: server.pauseOnConnect,
  });
  // Errors before the handshake are the server's 'tlsClientError'.
  socket._start();
}

// ---------------------------------------------------------------------------
// connect

function normalizeConnectArgs(args) {
  const list = net._normalizeArgs(args);
  const options = list[0];
  const cb = list[1];
  if (args[1] !== null && typeof args[1] === 'object') {
    Object.assign(options, args[1]);
  } else if (args[2] !== null && typeof args[2] === 'object') {
    Object.assign(options, args[2]);
  }
  return cb ? [options, cb] : [options];
}

function allowUnauthorized() {
  return process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0';
}

function connect(...args) {
  const normalized = normalizeConnectArgs(args);
  let options = normalized[0];
  const cb = normalized[1];
  options = {
    rejectUnauthorized: !allowUnauthorized(),
    ciphers: require('tls').DEFAULT_CIPHERS,
    checkServerIdentity: require('tls').checkServerIdentity,
    minDHSize: 1024,
    ...options,
  };
  if (!options.keepAlive) options.singleUse = true;
  validateFunction(options.checkServerIdentity,
                   'options.checkServerIdentity');
  validateNumber(options.minDHSize, 'options.minDHSize', 1);

  const context = options.secureContext || createSecureContext(options);
  const tlssock = new TLSSocket(options.socket, {
    ...options,
    secureContext: context,
    isServer: false,
  });
  if (cb) tlssock.once('secureConnect', cb);

  // SNI only when asked for (http's Agent asks with the host name), never
  // for an IP address.
  const host = options.host || 'localhost';
  tlssock._tlsOptions.host = options.host;
  const servername = options.servername;
  if (servername) {
    validateString(servername, 'options.servername');
    if (!isIP(servername)) tlssock.setServername(servername);
  }
  tlssock._tlsOptions.servername = servername;

  if (options.socket && !tlssock.connecting) {
    process.nextTick(() => tlssock._start());
  }
  if (!options.socket) {
    const connectOpts = {
      path: options.path,
      port: options.port,
      host: options.path ? undefined : host,
      family: options.family,
      localAddress: options.localAddress,
      localPort: options.localPort,
      lookup: options.lookup,
      hints: options.hints,
    };
    if (connectOpts.path === undefined) delete connectOpts.path;
    if (options.timeout) tlssock.setTimeout(options.timeout);
    const transport = tlssock[kTransport];
    tlssock.connecting = true;
    transport.once('connect', () => tlssock._onTransportConnect());
    transport.connect(connectOpts);
    tlssock._host = host;
  }
  return tlssock;
}

function getCiphers() {
  return binding.getCiphers();
}

function createServer(options, listener) {
  return new Server(options, listener);
}

module.exports = {
  TLSSocket,
  Server,
  createServer,
  connect,
  checkServerIdentity,
  convertALPNProtocols,
  getCiphers,
  SecureContext,
};
