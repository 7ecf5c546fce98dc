'use strict';

// Secure contexts: what a TLS endpoint is configured with (its key and
// certificate, the CAs it trusts, ciphers, protocol versions), made once
// and shared by every connection that uses it. The native part is an
// SSL_CTX in src/tls_wrap.c.

const binding = internalBinding('tls_wrap');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_TLS_INVALID_PROTOCOL_METHOD,
    ERR_TLS_INVALID_PROTOCOL_VERSION,
    ERR_TLS_PROTOCOL_VERSION_CONFLICT,
  },
} = require('internal/errors');
const { validateInteger, validateObject, validateString } =
  require('internal/validators');

const VERSIONS = {
  __proto__: null,
  'TLSv1': binding.TLS1_VERSION,
  'TLSv1.1': binding.TLS1_1_VERSION,
  'TLSv1.2': binding.TLS1_2_VERSION,
  'TLSv1.3': binding.TLS1_3_VERSION,
};

// The legacy secureProtocol names and the versions they stand for.
const METHODS = {
  __proto__: null,
  TLS_method: [null, null],
  TLS_client_method: [null, null],
  TLS_server_method: [null, null],
  SSLv23_method: [null, null],
  SSLv23_client_method: [null, null],
  SSLv23_server_method: [null, null],
  TLSv1_method: ['TLSv1', 'TLSv1'],
  TLSv1_client_method: ['TLSv1', 'TLSv1'],
  TLSv1_server_method: ['TLSv1', 'TLSv1'],
  TLSv1_1_method: ['TLSv1.1', 'TLSv1.1'],
  TLSv1_1_client_method: ['TLSv1.1', 'TLSv1.1'],
  TLSv1_1_server_method: ['TLSv1.1', 'TLSv1.1'],
  TLSv1_2_method: ['TLSv1.2', 'TLSv1.2'],
  TLSv1_2_client_method: ['TLSv1.2', 'TLSv1.2'],
  TLSv1_2_server_method: ['TLSv1.2', 'TLSv1.2'],
};

function toVersion(v, which) {
  if (typeof v !== 'string' || VERSIONS[v] === undefined) {
    throw new ERR_TLS_INVALID_PROTOCOL_VERSION(v, which);
  }
  return VERSIONS[v];
}

function SecureContext(secureProtocol, secureOptions, minVersion,
                       maxVersion) {
  if (!(this instanceof SecureContext)) {
    return new SecureContext(secureProtocol, secureOptions, minVersion,
                             maxVersion);
  }
  const tls = require('tls');
  if (secureProtocol) {
    validateString(secureProtocol, 'secureProtocol');
    // Either a method or versions, never both.
    if (minVersion != null) {
      throw new ERR_TLS_PROTOCOL_VERSION_CONFLICT(minVersion, secureProtocol);
    }
    if (maxVersion != null) {
      throw new ERR_TLS_PROTOCOL_VERSION_CONFLICT(maxVersion, secureProtocol);
    }
    if (/^SSLv[23]_/.test(secureProtocol)) {
      throw new ERR_TLS_INVALID_PROTOCOL_METHOD(
        `${secureProtocol.slice(0, 5)} methods disabled`);
    }
    const range = METHODS[secureProtocol];
    if (range === undefined) {
      throw new ERR_TLS_INVALID_PROTOCOL_METHOD(
        `Unknown method: ${secureProtocol}`);
    }
    if (range[0] !== null) {
      minVersion = range[0];
      maxVersion = range[1];
    }
  }
  const min = toVersion(minVersion == null ? tls.DEFAULT_MIN_VERSION :
    minVersion, 'minimum');
  const max = toVersion(maxVersion == null ? tls.DEFAULT_MAX_VERSION :
    maxVersion, 'maximum');
  this.context = binding.contextCreate(min, max);
  if (secureOptions) {
    validateInteger(secureOptions, 'secureOptions');
    binding.contextSetOptions(this.context, secureOptions >>> 0);
  }
}

function isSecureContext(v) {
  return v instanceof SecureContext;
}

// A PEM text or a list of them (strings or bytes), each handed to fn.
function eachPem(value, name, fn) {
  const list = Array.isArray(value) ? value : [value];
  for (const item of list) {
    if (typeof item !== 'string' && !ArrayBuffer.isView(item)) {
      throw new ERR_INVALID_ARG_TYPE(name,
                                     ['string', 'Buffer', 'TypedArray',
                                      'DataView'], item);
    }
    fn(item);
  }
}

// OpenSSL's errors of the SSL library are ERR_SSL_* in Node.
function sslCode(err) {
  if (err && typeof err.code === 'string' &&
      err.code.startsWith('ERR_OSSL_SSL_')) {
    err.code = 'ERR_SSL_' + err.code.slice(13);
  }
  return err;
}

function createSecureContext(options) {
  try {
    return makeSecureContext(options);
  } catch (err) {
    throw sslCode(err);
  }
}

function makeSecureContext(options) {
  if (options === undefined) options = {};
  validateObject(options, 'options');
  const {
    ca, cert, key, passphrase, ciphers, ecdhCurve, honorCipherOrder,
    sessionIdContext, pfx,
  } = options;
  if (ciphers !== undefined && ciphers !== null) {
    validateString(ciphers, 'options.ciphers');
  }
  if (passphrase !== undefined && passphrase !== null) {
    validateString(passphrase, 'options.passphrase');
  }
  if (ecdhCurve !== undefined) validateString(ecdhCurve, 'options.ecdhCurve');
  let secureOptions = options.secureOptions || 0;
  // A server prefers its own cipher order unless told otherwise.
  if (honorCipherOrder !== false) {
    secureOptions |= binding.SSL_OP_CIPHER_SERVER_PREFERENCE;
  }
  const c = new SecureContext(options.secureProtocol, secureOptions,
                              options.minVersion, options.maxVersion);
  const ctx = c.context;

  if (ca) {
    eachPem(ca, 'options.ca', (pem) => binding.contextAddCA(ctx, pem));
  } else {
    binding.contextUseRoots(ctx);
  }

  if (cert) {
    eachPem(cert, 'options.cert', (pem) => binding.contextSetCert(ctx, pem));
  }

  if (key) {
    const list = Array.isArray(key) ? key : [key];
    for (const item of list) {
      let pem = item;
      let pass = passphrase;
      if (item !== null && typeof item === 'object' &&
          !ArrayBuffer.isView(item)) {
        pem = item.pem;
        if (item.passphrase !== undefined) pass = item.passphrase;
      }
      if (typeof pem !== 'string' && !ArrayBuffer.isView(pem)) {
        throw new ERR_INVALID_ARG_TYPE('options.key',
                                       ['string', 'Buffer', 'TypedArray',
                                        'DataView'], pem);
      }
      if (pass !== undefined && pass !== null) {
        validateString(pass, 'options.passphrase');
      } else {
        pass = undefined;
      }
      binding.contextSetKey(ctx, pem, pass);
    }
  }

  if (pfx !== undefined && pfx !== null) {
    throw new ERR_INVALID_ARG_VALUE('options.pfx', '[pfx]',
                                    'is not supported by noderun yet');
  }

  const cipherList = ciphers === undefined || ciphers === null ?
    require('tls').DEFAULT_CIPHERS : ciphers;
  validateString(cipherList, 'options.ciphers');
  // TLS 1.3 suites (TLS_*) and the older cipher list are set apart.
  const parts = cipherList.split(':');
  const suites = parts.filter((p) => p.startsWith('TLS_')).join(':');
  const legacy = parts.filter((p) => p && !p.startsWith('TLS_')).join(':');
  if (cipherList !== '' && suites === '' && legacy === '') {
    throw new ERR_INVALID_ARG_VALUE('options.ciphers', cipherList);
  }
  binding.contextSetCiphers(ctx, legacy, suites);

  if (ecdhCurve !== undefined) {
    validateString(ecdhCurve, 'options.ecdhCurve');
    binding.contextSetECDHCurve(ctx, ecdhCurve);
  } else {
    binding.contextSetECDHCurve(ctx, require('tls').DEFAULT_ECDH_CURVE);
  }

  if (options.sigalgs !== undefined) {
    validateString(options.sigalgs, 'options.sigalgs');
    if (options.sigalgs === '') {
      throw new ERR_INVALID_ARG_VALUE('options.sigalgs', options.sigalgs);
    }
    binding.contextSetSigalgs(ctx, options.sigalgs);
  }

  if (sessionIdContext !== undefined) {
    validateString(sessionIdContext, 'options.sessionIdContext');
    binding.contextSetSessionIdContext(ctx, sessionIdContext);
  }
  return c;
}

// Certificates from the native side carry ArrayBuffers: made Buffers here.
function certFromNative(c) {
  if (c.pubkey instanceof ArrayBuffer) c.pubkey = Buffer.from(c.pubkey);
  if (c.raw instanceof ArrayBuffer) c.raw = Buffer.from(c.raw);
  return c;
}

// The peer's certificates as getPeerCertificate(detailed) shows them:
// with detailed, each links to its issuer, a self-signed root to itself.
function translatePeerCertificates(list, detailed) {
  if (list.length === 0) return {};
  const certs = list.map(certFromNative);
  if (!detailed) return certs[0];
  for (let i = 0; i < certs.length; i++) {
    const next = certs[i + 1];
    if (next !== undefined) {
      certs[i].issuerCertificate = next;
    } else if (certs[i].raw && isSelfIssued(certs[i])) {
      certs[i].issuerCertificate = certs[i];
    }
  }
  return certs[0];
}

function isSelfIssued(c) {
  const a = c.subject;
  const b = c.issuer;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length &&
    ka.every((k) => String(a[k]) === String(b[k]));
}

module.exports = {
  SecureContext,
  createSecureContext,
  isSecureContext,
  certFromNative,
  translatePeerCertificates,
};
