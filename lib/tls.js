'use strict';

// The public tls module: TLS sockets and servers (lib/_tls_wrap.js) over
// secure contexts (lib/_tls_common.js), both on OpenSSL through the
// tls_wrap binding (src/tls_wrap.c).

const tlsWrap = require('_tls_wrap');
const { createSecureContext, SecureContext } = require('_tls_common');
const binding = internalBinding('tls_wrap');

let rootCerts = null;

// Node's default cipher list (TLS 1.3 suites first).
const DEFAULT_CIPHERS =
  'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:' +
  'TLS_AES_128_GCM_SHA256:ECDHE-RSA-AES128-GCM-SHA256:' +
  'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:' +
  'ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:' +
  'ECDHE-RSA-AES128-SHA256:DHE-RSA-AES128-SHA256:' +
  'ECDHE-RSA-AES256-SHA384:DHE-RSA-AES256-SHA384:' +
  'ECDHE-RSA-AES256-SHA256:DHE-RSA-AES256-SHA256:HIGH:!aNULL:' +
  '!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK:!SRP:!CAMELLIA';

module.exports = {
  CLIENT_RENEG_LIMIT: 3,
  CLIENT_RENEG_WINDOW: 600,
  DEFAULT_CIPHERS,
  DEFAULT_ECDH_CURVE: 'auto',
  DEFAULT_MIN_VERSION: 'TLSv1.2',
  DEFAULT_MAX_VERSION: 'TLSv1.3',
  getCiphers: tlsWrap.getCiphers,
  convertALPNProtocols(protocols, out) {
    out.ALPNProtocols = tlsWrap.convertALPNProtocols(protocols);
  },
  checkServerIdentity: tlsWrap.checkServerIdentity,
  createSecureContext,
  SecureContext,
  TLSSocket: tlsWrap.TLSSocket,
  Server: tlsWrap.Server,
  createServer: tlsWrap.createServer,
  connect: tlsWrap.connect,
};

// The trusted roots (the system's, as OpenSSL finds them), read on first
// use: a frozen array of PEM strings.
Object.defineProperty(module.exports, 'rootCertificates', {
  __proto__: null,
  configurable: false,
  enumerable: true,
  get() {
    if (rootCerts === null) {
      // Node's strings end without a newline.
      rootCerts = Object.freeze(
        binding.rootCertificates().map((pem) => pem.trimEnd()));
    }
    return rootCerts;
  },
});
