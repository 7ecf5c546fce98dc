'use strict';

// The public https module: http's client and server over TLS sockets. The
// server is a tls.Server whose secure connections get http's connection
// listener; the Agent pools TLS connections, keyed by the TLS options too
// (two requests share a socket only when they would have made the same
// one), and remembers sessions to resume them.

const tls = require('tls');
const { Agent: HttpAgent } = require('_http_agent');
const { ClientRequest } = require('_http_client');
const {
  Server: HttpServer,
  _connectionListener,
  kConnections,
  setupConnectionsTracking,
  storeHTTPOptions,
} = require('_http_server');
const { isURL } = require('internal/url');
const { validateObject } = require('internal/validators');

// ---------------------------------------------------------------------------
// Server

function Server(opts, requestListener) {
  if (!(this instanceof Server)) return new Server(opts, requestListener);
  if (typeof opts === 'function') {
    requestListener = opts;
    opts = {};
  } else if (opts === undefined || opts === null) {
    opts = {};
  } else {
    validateObject(opts, 'options');
  }
  opts = { ...opts };
  if (!opts.ALPNProtocols) opts.ALPNProtocols = ['http/1.1'];
  storeHTTPOptions.call(this, opts);
  tls.Server.call(this, {
    noDelay: true,
    // http decides on half-open connections itself.
    allowHalfOpen: true,
    ...opts,
  }, _connectionListener);
  this.httpAllowHalfOpen = false;
  if (requestListener) this.on('request', requestListener);
  // A failed handshake is the http server's 'clientError'.
  this.on('tlsClientError', function onTlsClientError(err, conn) {
    if (!this.emit('clientError', err, conn)) conn.destroy(err);
  });
  this.timeout = 0;
  this.maxHeadersCount = null;
  this.maxRequestsPerSocket = 0;
  this.keepAliveTimeout = 5000;
  if (opts.keepAliveTimeout !== undefined) {
    this.keepAliveTimeout = opts.keepAliveTimeout;
  }
  this[kConnections] = new Set();
  this.on('listening', setupConnectionsTracking);
}
Object.setPrototypeOf(Server.prototype, tls.Server.prototype);
Object.setPrototypeOf(Server, tls.Server);

for (const name of ['close', 'closeAllConnections', 'closeIdleConnections',
  'setTimeout']) {
  Object.defineProperty(Server.prototype, name, {
    __proto__: null,
    configurable: true,
    writable: true,
    enumerable: false,
    value: HttpServer.prototype[name],
  });
}

function createServer(opts, requestListener) {
  return new Server(opts, requestListener);
}

// ---------------------------------------------------------------------------
// Agent

// The TLS options that make a connection different, in the order they go
// into the pool key.
const KEY_OPTIONS = [
  'ca', 'cert', 'clientCertEngine', 'ciphers', 'key', 'pfx',
  'rejectUnauthorized', 'servername', 'minVersion', 'maxVersion',
  'secureProtocol', 'crl', 'honorCipherOrder', 'ecdhCurve', 'dhparam',
  'secureOptions', 'sessionIdContext', 'sigalgs', 'privateKeyIdentifier',
  'privateKeyEngine',
];

function Agent(options) {
  if (!(this instanceof Agent)) return new Agent(options);
  HttpAgent.call(this, options);
  this.defaultPort = 443;
  this.protocol = 'https:';
  this.maxCachedSessions = this.options.maxCachedSessions;
  if (this.maxCachedSessions === undefined) this.maxCachedSessions = 100;
  this._sessionCache = { map: {}, list: [] };
}
Object.setPrototypeOf(Agent.prototype, HttpAgent.prototype);
Object.setPrototypeOf(Agent, HttpAgent);

Agent.prototype.createConnection = function createConnection(port, host,
                                                             options) {
  if (port !== null && typeof port === 'object') {
    options = port;
  } else if (host !== null && typeof host === 'object') {
    options = { ...host };
  } else if (options === null || typeof options !== 'object') {
    options = {};
  } else {
    options = { ...options };
  }
  if (typeof port === 'number') options.port = port;
  if (typeof host === 'string') options.host = host;

  if (options._agentKey) {
    const session = this._getSession(options._agentKey);
    if (session) options = { session, ...options };
  }
  const socket = tls.connect(options);
  if (options._agentKey) {
    socket.on('session', (session) => {
      this._cacheSession(options._agentKey, session);
    });
    // A failed connection's session is not worth resuming.
    socket.once('close', (hadError) => {
      if (hadError) this._evictSession(options._agentKey);
    });
  }
  return socket;
};

Agent.prototype.getName = function getName(options = {}) {
  let name = HttpAgent.prototype.getName.call(this, options);
  for (const key of KEY_OPTIONS) {
    name += ':';
    if (options[key] !== undefined && options[key] !== null) {
      name += key === 'sigalgs' ? JSON.stringify(options[key]) : options[key];
    }
  }
  return name;
};

Agent.prototype._getSession = function _getSession(key) {
  return this._sessionCache.map[key];
};

Agent.prototype._cacheSession = function _cacheSession(key, session) {
  if (this.maxCachedSessions === 0) return;
  const cache = this._sessionCache;
  if (cache.map[key]) {
    cache.map[key] = session;
    return;
  }
  if (cache.list.length >= this.maxCachedSessions) {
    const oldest = cache.list.shift();
    delete cache.map[oldest];
  }
  cache.list.push(key);
  cache.map[key] = session;
};

Agent.prototype._evictSession = function _evictSession(key) {
  const cache = this._sessionCache;
  const i = cache.list.indexOf(key);
  if (i === -1) return;
  cache.list.splice(i, 1);
  delete cache.map[key];
};

const globalAgent = new Agent();

// ---------------------------------------------------------------------------
// Client

function request(input, options, cb) {
  if (typeof input === 'string' || isURL(input)) {
    if (typeof options === 'function') {
      cb = options;
      options = {};
    } else {
      options = { ...options };
    }
    options._defaultAgent = module.exports.globalAgent;
    return new ClientRequest(input, options, cb);
  }
  cb = options;
  options = { ...input, _defaultAgent: module.exports.globalAgent };
  return new ClientRequest(options, cb);
}

function get(input, options, cb) {
  const req = request(input, options, cb);
  req.end();
  return req;
}

module.exports = {
  Agent,
  globalAgent,
  Server,
  createServer,
  get,
  request,
};
