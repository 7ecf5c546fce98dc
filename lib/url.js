'use strict';

// The url module: the WHATWG URL API (from internal/url) plus Node's
// legacy API: url.parse(), url.format(), url.resolve(),
// url.resolveObject() and the Url class they use.

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_URL,
  },
} = require('internal/errors');
const {
  URL,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,
  fileURLToPath,
  formatURL,
  isURLInstance,
  legacyHostToASCII,
  pathToFileURL,
  urlToHttpOptions,
} = require('internal/url');
const querystring = require('querystring');

// Protocols that never have a host (javascript:) and so are never
// escaped either.
const kHostless = new Set(['javascript', 'javascript:']);
const kUnsafe = new Set(['javascript', 'javascript:']);
// Protocols whose URLs always have '//' and a path.
const kSlashed = new Set([
  'http', 'http:', 'https', 'https:', 'ftp', 'ftp:', 'gopher', 'gopher:',
  'file', 'file:', 'ws', 'ws:', 'wss', 'wss:',
]);

const kProtocol = /^[a-z0-9.+-]+:/i;
const kPort = /:[0-9]*$/;
const kAuthority = /^\/\/[^@/]+@[^@/]+/;
// A path-only URL, which needs none of the work below.
const kSimplePath = /^(\/\/?(?!\/)[^?\s]*)(\?[^\s]*)?$/;
// Code points trimmed from both ends of the input.
const kTrim = /^[\0-\x20\xA0\uFEFF]+|[\0-\x20\xA0\uFEFF]+$/g;
// Characters a host can never hold (RFC 2396): the host ends there.
const kNotHost = /[ "%';<>\\^`{|}#/?]/;
// After IDNA processing, hostnames with these are refused.
const kForbiddenHost = /[\0\t\n\r #%/:<>?@[\\\]^|]/;
const kForbiddenIPv6Host = /[\0\t\n\r #%/<>?@\\^|]/;
const kTabNewline = /[\t\n\r]/g;
// Escaped in the rest of the URL (outside javascript: URLs).
const kAutoEscape = /[\t\n\r "'<>\\^`{|}]/g;
const kAutoEscapes = {
  '\t': '%09', '\n': '%0A', '\r': '%0D', ' ': '%20', '"': '%22', '\'': '%27',
  '<': '%3C', '>': '%3E', '\\': '%5C', '^': '%5E', '`': '%60', '{': '%7B',
  '|': '%7C', '}': '%7D',
};

function isIPv6Hostname(hostname) {
  return hostname.startsWith('[') && hostname.endsWith(']');
}

function Url() {
  this.protocol = null;
  this.slashes = null;
  this.auth = null;
  this.host = null;
  this.port = null;
  this.hostname = null;
  this.hash = null;
  this.search = null;
  this.query = null;
  this.pathname = null;
  this.path = null;
  this.href = null;
}

function urlParse(url, parseQueryString, slashesDenoteHost) {
  if (url instanceof Url) return url;
  const result = new Url();
  result.parse(url, parseQueryString, slashesDenoteHost);
  return result;
}

// Backslashes before the query or fragment count as slashes.
function normalizeSlashes(str) {
  const end = str.search(/[?#]/);
  if (end === -1) return str.replace(/\\/g, '/');
  return str.slice(0, end).replace(/\\/g, '/') + str.slice(end);
}

Url.prototype.parse = function parse(url, parseQueryString,
                                     slashesDenoteHost) {
  if (typeof url !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('url', 'string', url);
  }
  let rest = normalizeSlashes(url.replace(kTrim, ''));

  // A path-only URL takes a shortcut, unless it has a fragment or an '@'
  // before its query (which may make it //user@host).
  const queryStart = rest.indexOf('?');
  const beforeQuery = queryStart === -1 ? rest : rest.slice(0, queryStart);
  if (!slashesDenoteHost && !rest.includes('#') &&
      !beforeQuery.includes('@')) {
    const simple = kSimplePath.exec(rest);
    if (simple !== null) {
      this.path = rest;
      this.href = rest;
      this.pathname = simple[1];
      if (simple[2]) {
        this.search = simple[2];
        this.query = parseQueryString ?
          querystring.parse(this.search.slice(1)) : this.search.slice(1);
      } else if (parseQueryString) {
        this.search = null;
        this.query = { __proto__: null };
      }
      return this;
    }
  }

  let lowerProto = '';
  const protoMatch = kProtocol.exec(rest);
  let proto;
  if (protoMatch !== null) {
    proto = protoMatch[0];
    lowerProto = proto.toLowerCase();
    this.protocol = lowerProto;
    rest = rest.slice(proto.length);
  }

  // '//' starts a host after a protocol, when asked to, or when the URL
  // looks like //user@host.
  let slashes;
  if (slashesDenoteHost || proto || kAuthority.test(rest)) {
    slashes = rest.startsWith('//');
    if (slashes && !(proto && kHostless.has(lowerProto))) {
      rest = rest.slice(2);
      this.slashes = true;
    }
  }

  if (!kHostless.has(lowerProto) &&
      (slashes || (proto && !kSlashed.has(proto)))) {
    rest = parseAuthority(this, rest, url);
  }

  if (!kUnsafe.has(lowerProto)) {
    rest = rest.replace(kAutoEscape, (c) => kAutoEscapes[c]);
  }

  // The fragment runs from the first '#'; the query from the first '?'
  // before it.
  let pathEnd = rest.length;
  const hashAt = rest.indexOf('#');
  if (hashAt !== -1) {
    this.hash = rest.slice(hashAt);
    pathEnd = hashAt;
  }
  const queryAt = rest.slice(0, pathEnd).indexOf('?');
  if (queryAt !== -1) {
    this.search = rest.slice(queryAt, pathEnd);
    this.query = rest.slice(queryAt + 1, pathEnd);
    if (parseQueryString) this.query = querystring.parse(this.query);
    pathEnd = queryAt;
  } else if (parseQueryString) {
    this.search = null;
    this.query = { __proto__: null };
  }
  if (pathEnd > 0) this.pathname = rest.slice(0, pathEnd);
  if (kSlashed.has(lowerProto) && this.hostname && !this.pathname) {
    this.pathname = '/';
  }

  if (this.pathname || this.search) {
    this.path = (this.pathname || '') + (this.search || '');
  }
  this.href = this.format();
  return this;
};

// Read [auth@]host[:port] off the front of rest; return what follows.
// Tabs and newlines before the first '/', '?' or '#' are dropped.
function parseAuthority(self, rest, url) {
  // The host ends at the first '/', '?' or '#'; the auth part ends at
  // the last '@' before that.
  let endMatch = /[#/?]/.exec(rest);
  let authorityEnd = endMatch === null ? rest.length : endMatch.index;
  rest = rest.slice(0, authorityEnd).replace(kTabNewline, '') +
    rest.slice(authorityEnd);
  endMatch = /[#/?]/.exec(rest);
  authorityEnd = endMatch === null ? rest.length : endMatch.index;
  const atSign = authorityEnd === 0 ? -1 :
    rest.lastIndexOf('@', authorityEnd - 1);
  if (atSign !== -1) {
    self.auth = decodeURIComponent(rest.slice(0, atSign));
    rest = rest.slice(atSign + 1);
  }
  const notHost = kNotHost.exec(rest);
  const hostEnd = notHost === null ? rest.length : notHost.index;
  self.host = rest.slice(0, hostEnd);
  rest = rest.slice(hostEnd);
  self.parseHost();
  if (typeof self.hostname !== 'string') self.hostname = '';

  const hostname = self.hostname;
  const ipv6 = isIPv6Hostname(hostname);
  if (!ipv6) {
    // A ':' left in the hostname ends it; the rest joins the path.
    const colon = hostname.indexOf(':');
    if (colon !== -1) {
      self.hostname = hostname.slice(0, colon);
      rest = `/${hostname.slice(colon)}${rest}`;
    }
  }

  if (self.hostname.length > 255) {
    self.hostname = '';
  } else {
    self.hostname = self.hostname.toLowerCase();
  }
  if (self.hostname !== '') {
    if (ipv6) {
      if (kForbiddenIPv6Host.test(self.hostname)) {
        throw new ERR_INVALID_URL(url);
      }
    } else {
      const ascii = legacyHostToASCII(self.hostname);
      if (ascii === null || kForbiddenHost.test(ascii)) {
        throw new ERR_INVALID_URL(url);
      }
      self.hostname = ascii;
    }
  }

  self.host = self.hostname + (self.port ? `:${self.port}` : '');
  if (ipv6) {
    self.hostname = self.hostname.slice(1, -1);
    if (rest[0] !== '/') rest = `/${rest}`;
  }
  return rest;
}

// Characters kept as they are in the auth part by format().
const kAuthNoEscape = /[A-Za-z0-9\-_.!~*'():]/;

function escapeAuth(auth) {
  if (typeof auth !== 'string') return auth;
  let out = '';
  for (const ch of auth) {
    out += kAuthNoEscape.test(ch) ? ch : encodeURIComponent(ch);
  }
  return out;
}

Url.prototype.format = function format() {
  let auth = this.auth || '';
  if (auth) auth = escapeAuth(auth) + '@';

  let protocol = this.protocol || '';
  let pathname = this.pathname || '';
  let hash = this.hash || '';
  let host = '';
  let query = '';

  if (this.host) {
    host = auth + this.host;
  } else if (this.hostname) {
    host = auth + (this.hostname.includes(':') &&
      !isIPv6Hostname(this.hostname) ? `[${this.hostname}]` : this.hostname);
    if (this.port) host += `:${this.port}`;
  }

  if (this.query !== null && typeof this.query === 'object') {
    query = querystring.stringify(this.query);
  }
  let search = this.search || (query && `?${query}`) || '';

  // The fields are used as strings; other values fail as in Node.
  if (protocol && protocol.charCodeAt(protocol.length - 1) !== 0x3A) {
    protocol += ':';
  }

  if (typeof pathname === 'string') {
    pathname = pathname.replace(/[#?]/g, (c) => (c === '#' ? '%23' : '%3F'));
  }

  // Only protocols that use them get '//' (not mailto: and the like),
  // unless the URL had them to begin with.
  if (this.slashes || kSlashed.has(protocol)) {
    if (this.slashes || host) {
      if (pathname && pathname.charCodeAt(0) !== 0x2F) {
        pathname = `/${pathname}`;
      }
      host = `//${host}`;
    } else if (protocol.length >= 4 && protocol.startsWith('file')) {
      host = '//';
    }
  }

  search = search.replace(/#/g, '%23');
  if (hash && hash.charCodeAt(0) !== 0x23) hash = `#${hash}`;
  if (search && search.charCodeAt(0) !== 0x3F) search = `?${search}`;
  return protocol + host + pathname + search + hash;
};

function urlFormat(urlObject, options) {
  if (typeof urlObject === 'string') {
    urlObject = urlParse(urlObject);
  } else if (typeof urlObject !== 'object' || urlObject === null) {
    throw new ERR_INVALID_ARG_TYPE('urlObject', ['Object', 'string'],
                                   urlObject);
  } else if (isURLInstance(urlObject)) {
    let fragment = true;
    let unicode = false;
    let search = true;
    let auth = true;
    if (options) {
      if (typeof options !== 'object' || Array.isArray(options)) {
        throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
      }
      fragment = options.fragment ?? true;
      unicode = !!options.unicode;
      search = options.search ?? true;
      auth = options.auth ?? true;
    }
    return formatURL(urlObject, fragment, unicode, search, auth);
  }
  return Url.prototype.format.call(urlObject);
}

function urlResolve(source, relative) {
  return urlParse(source, false, true).resolve(relative);
}

Url.prototype.resolve = function resolve(relative) {
  return this.resolveObject(urlParse(relative, false, true)).format();
};

function urlResolveObject(source, relative) {
  if (!source) return relative;
  return urlParse(source, false, true).resolveObject(relative);
}

function finish(result) {
  result.href = result.format();
  return result;
}

function setPath(result) {
  if (result.pathname !== null || result.search !== null) {
    result.path = (result.pathname || '') + (result.search || '');
  }
}

// A host written in front of the path ("user@host") of a URL without
// slashes: split off the auth part.
function splitAuthFromHost(result) {
  const host = result.host;
  if (host && host.indexOf('@') > 0) {
    const parts = host.split('@');
    result.auth = parts[0];
    result.host = result.hostname = parts[1];
  }
}

// Resolve a reference whose protocol differs from the base's.
function resolveOtherProtocol(result, relative) {
  // Unknown protocols are absolute: the reference is the result.
  if (!kSlashed.has(relative.protocol)) {
    for (const key of Object.keys(relative)) result[key] = relative[key];
    return finish(result);
  }
  result.protocol = relative.protocol;
  let host = relative.host;
  let hostname = relative.hostname;
  if (!host && !/^file:?$/.test(relative.protocol) &&
      !kHostless.has(relative.protocol)) {
    // A known protocol must have a host: take the first non-empty path
    // segment.
    const segments = (relative.pathname || '').split('/');
    host = '';
    while (segments.length > 0 && !host) host = segments.shift();
    if (!host) host = '';
    if (!hostname) hostname = '';
    if (segments[0] !== '') segments.unshift('');
    if (segments.length < 2) segments.unshift('');
    result.pathname = segments.join('/');
  } else {
    result.pathname = relative.pathname;
  }
  result.search = relative.search;
  result.query = relative.query;
  result.host = host || '';
  result.auth = relative.auth;
  result.hostname = hostname || host;
  result.port = relative.port;
  if (result.pathname || result.search) {
    result.path = (result.pathname || '') + (result.search || '');
  }
  result.slashes = result.slashes || relative.slashes;
  return finish(result);
}

// Remove '.' segments and apply '..' ones, right to left. Returns how
// many '..' went above the first segment.
function removeDotSegments(segments) {
  let up = 0;
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i];
    if (segment === '.') {
      segments.splice(i, 1);
    } else if (segment === '..') {
      segments.splice(i, 1);
      up++;
    } else if (up > 0) {
      segments.splice(i, 1);
      up--;
    }
  }
  return up;
}

Url.prototype.resolveObject = function resolveObject(relative) {
  if (typeof relative === 'string') {
    const parsed = new Url();
    parsed.parse(relative, false, true);
    relative = parsed;
  }

  const result = new Url();
  for (const key of Object.keys(this)) result[key] = this[key];
  // The fragment always comes from the reference.
  result.hash = relative.hash;
  if (relative.href === '') return finish(result);

  // A scheme-relative reference (//host/path) keeps only the protocol.
  if (relative.slashes && !relative.protocol) {
    for (const key of Object.keys(relative)) {
      if (key !== 'protocol') result[key] = relative[key];
    }
    if (kSlashed.has(result.protocol) && result.hostname &&
        !result.pathname) {
      result.path = result.pathname = '/';
    }
    return finish(result);
  }

  if (relative.protocol && relative.protocol !== result.protocol) {
    return resolveOtherProtocol(result, relative);
  }

  let relHost = relative.host;
  let relHostname = relative.hostname;
  const isSourceAbs = Boolean(result.pathname) &&
    result.pathname[0] === '/';
  const isRelAbs = relHost ||
    (Boolean(relative.pathname) && relative.pathname[0] === '/');
  let mustEndAbs = isRelAbs || isSourceAbs ||
    (result.host && relative.pathname);
  const removeAllDots = mustEndAbs;
  let srcPath = result.pathname ? result.pathname.split('/') : [];
  const relPath = relative.pathname ? relative.pathname.split('/') : [];
  // Without slashes (mailto: and the like) the host is the first path
  // segment, so '..' can climb into it.
  const noLeadingSlashes = result.protocol &&
    !kSlashed.has(result.protocol);

  if (noLeadingSlashes) {
    result.hostname = '';
    result.port = null;
    if (result.host) {
      if (srcPath[0] === '') {
        srcPath[0] = result.host;
      } else {
        srcPath.unshift(result.host);
      }
    }
    result.host = '';
    if (relative.protocol) {
      // The reference brings its own host (and auth) in its path.
      result.auth = null;
      relHostname = null;
      if (relHost) {
        if (relPath[0] === '') {
          relPath[0] = relHost;
        } else {
          relPath.unshift(relHost);
        }
      }
      relHost = null;
    }
    mustEndAbs = mustEndAbs && (relPath[0] === '' || srcPath[0] === '');
  }

  if (isRelAbs) {
    // An absolute path (or a host) replaces the base's.
    if (relHost || relHost === '') {
      if (result.host !== relHost) result.auth = null;
      result.host = relHost;
      result.port = relative.port;
    }
    if (relHostname || relHostname === '') {
      if (result.hostname !== relHostname) result.auth = null;
      result.hostname = relHostname;
    }
    result.search = relative.search;
    result.query = relative.query;
    srcPath = relPath;
  } else if (relPath.length > 0) {
    // A relative path replaces the base's last segment.
    srcPath.pop();
    srcPath = srcPath.concat(relPath);
    result.search = relative.search;
    result.query = relative.query;
  } else if (relative.search !== null && relative.search !== undefined) {
    // Only a query: keep the base's path.
    if (noLeadingSlashes) {
      result.hostname = result.host = srcPath.shift();
      splitAuthFromHost(result);
    }
    result.search = relative.search;
    result.query = relative.query;
    setPath(result);
    return finish(result);
  }

  if (srcPath.length === 0) {
    result.pathname = null;
    result.path = result.search ? `/${result.search}` : null;
    return finish(result);
  }

  // A path ending in '.', '..' or '/' keeps a trailing slash.
  let last = srcPath[srcPath.length - 1];
  const hasTrailingSlash =
    ((result.host || relHost || srcPath.length > 1) &&
     (last === '.' || last === '..')) || last === '';

  let up = removeDotSegments(srcPath);
  // A relative result keeps the '..' that went above its start.
  if (!mustEndAbs && !removeAllDots) {
    while (up-- > 0) srcPath.unshift('..');
  }
  if (mustEndAbs && srcPath[0] !== '' &&
      (!srcPath[0] || srcPath[0][0] !== '/')) {
    srcPath.unshift('');
  }
  if (hasTrailingSlash && !srcPath.join('/').endsWith('/')) {
    srcPath.push('');
  }
  const isAbsolute = srcPath[0] === '' ||
    (Boolean(srcPath[0]) && srcPath[0][0] === '/');

  // Put the host back in front for URLs without slashes.
  if (noLeadingSlashes) {
    last = isAbsolute ? '' : (srcPath.length > 0 ? srcPath.shift() : '');
    result.hostname = result.host = last;
    splitAuthFromHost(result);
  }

  mustEndAbs = mustEndAbs || (result.host && srcPath.length);
  if (mustEndAbs && !isAbsolute) srcPath.unshift('');

  if (srcPath.length > 0) {
    result.pathname = srcPath.join('/');
  } else {
    result.pathname = null;
    result.path = null;
  }
  setPath(result);
  result.auth = relative.auth || result.auth;
  result.slashes = result.slashes || relative.slashes;
  return finish(result);
};

// Split this.host into hostname and port.
Url.prototype.parseHost = function parseHost() {
  let host = this.host;
  const port = kPort.exec(host);
  if (port !== null) {
    if (port[0] !== ':') this.port = port[0].slice(1);
    host = host.slice(0, host.length - port[0].length);
  }
  if (host) this.hostname = host;
};

module.exports = {
  // Legacy API.
  Url,
  parse: urlParse,
  resolve: urlResolve,
  resolveObject: urlResolveObject,
  format: urlFormat,

  // WHATWG API.
  URL,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,

  // Utilities.
  pathToFileURL,
  fileURLToPath,
  urlToHttpOptions,
};
