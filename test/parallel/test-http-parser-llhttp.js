'use strict';
// The llhttp binding through _http_common's HTTPParser: heads in one call,
// bodies as views, trailers, byte-at-a-time input, Node's error codes, and
// the requests a strict parser must refuse.

const common = require('../common');
const assert = require('assert');
const { HTTPParser, methods } = require('_http_common');

const {
  kOnHeaders, kOnHeadersComplete, kOnBody, kOnMessageComplete,
} = HTTPParser;

// Parses `chunks` (strings) and returns what the callbacks saw.
function parse(type, chunks, options = {}) {
  const parser = new HTTPParser();
  parser.initialize(type, {}, options.maxHeaderSize || 0,
                    options.lenient || 0);
  const seen = { heads: [], body: '', complete: 0, trailers: [], results: [] };
  parser[kOnHeadersComplete] = (major, minor, headers, method, url, status,
                                message, upgrade, keepAlive) => {
    seen.heads.push({ major, minor, headers, method, url, status, message,
                      upgrade, keepAlive });
    return options.skipBody ? 1 : 0;
  };
  parser[kOnBody] = (chunk) => {
    assert(Buffer.isBuffer(chunk));
    seen.body += chunk.toString('latin1');
  };
  parser[kOnHeaders] = (headers, url) => {
    seen.trailers.push(...headers);
    assert.strictEqual(url, '');
  };
  parser[kOnMessageComplete] = () => seen.complete++;
  for (const c of chunks) {
    const buf = Buffer.from(c, 'latin1');
    const r = parser.execute(buf, 0, buf.length);
    seen.results.push(r);
    if (r instanceof Error) break;
  }
  seen.parser = parser;
  return seen;
}

function lastError(seen) {
  const r = seen.results[seen.results.length - 1];
  assert(r instanceof Error, `expected an error, got ${r}`);
  return r;
}

// A request in one piece.
{
  const req = 'POST /a?b=c HTTP/1.1\r\nHost: x\r\nX-A: 1\r\nX-A: 2\r\n' +
              'Content-Length: 5\r\n\r\nhello';
  const seen = parse(HTTPParser.REQUEST, [req]);
  assert.strictEqual(seen.heads.length, 1);
  const h = seen.heads[0];
  assert.strictEqual(methods[h.method], 'POST');
  assert.strictEqual(h.url, '/a?b=c');
  assert.strictEqual(h.major, 1);
  assert.strictEqual(h.minor, 1);
  assert.deepStrictEqual(h.headers, ['Host', 'x', 'X-A', '1', 'X-A', '2',
                                     'Content-Length', '5']);
  assert.strictEqual(h.keepAlive, true);
  assert.strictEqual(seen.body, 'hello');
  assert.strictEqual(seen.complete, 1);
  assert.strictEqual(seen.results[0], req.length);
}

// The same, one byte per call: the head still arrives whole.
{
  const req = 'PUT /x HTTP/1.1\r\nA: b c\r\nEmpty:\r\n' +
              'Transfer-Encoding: chunked\r\n\r\n' +
              '3\r\nabc\r\n2;ext=1\r\nde\r\n0\r\nT-One: 1\r\n\r\n';
  const seen = parse(HTTPParser.REQUEST, req.split(''));
  assert.strictEqual(seen.heads.length, 1);
  assert.deepStrictEqual(seen.heads[0].headers,
                         ['A', 'b c', 'Empty', '', 'Transfer-Encoding',
                          'chunked']);
  assert.strictEqual(seen.heads[0].url, '/x');
  assert.strictEqual(seen.body, 'abcde');
  assert.deepStrictEqual(seen.trailers, ['T-One', '1']);
  assert.strictEqual(seen.complete, 1);
}

// Responses: status line, body to the end of the connection, finish().
{
  const seen = parse(HTTPParser.RESPONSE,
                     ['HTTP/1.0 404 Not Here\r\nServer: s\r\n\r\nabc', 'de']);
  const h = seen.heads[0];
  assert.strictEqual(h.status, 404);
  assert.strictEqual(h.message, 'Not Here');
  assert.strictEqual(h.method, undefined);
  assert.strictEqual(h.url, undefined);
  assert.strictEqual(seen.complete, 0);
  assert.strictEqual(seen.parser.finish(), undefined);
  assert.strictEqual(seen.complete, 1);
  assert.strictEqual(seen.body, 'abcde');
}

// A HEAD response: the callback says there is no body.
{
  const seen = parse(HTTPParser.RESPONSE,
                     ['HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n' +
                      'HTTP/1.1 204 No Content\r\n\r\n'],
                     { skipBody: true });
  assert.strictEqual(seen.heads.length, 2);
  assert.strictEqual(seen.complete, 2);
  assert.strictEqual(seen.body, '');
}

// Pipelined requests in one buffer.
{
  const one = 'GET /1 HTTP/1.1\r\nHost: a\r\n\r\n';
  const seen = parse(HTTPParser.REQUEST, [one + one.replace('/1', '/2')]);
  assert.deepStrictEqual(seen.heads.map((h) => h.url), ['/1', '/2']);
  assert.strictEqual(seen.complete, 2);
}

// An upgrade stops parsing after the head: execute returns where the new
// protocol starts.
{
  const head = 'GET /ws HTTP/1.1\r\nConnection: Upgrade\r\n' +
               'Upgrade: websocket\r\n\r\n';
  const seen = parse(HTTPParser.REQUEST, [head + '\x00\x01binary']);
  assert.strictEqual(seen.heads[0].upgrade, true);
  assert.strictEqual(seen.results[0], head.length);
}

// Errors carry Node's codes, the reason and the bytes parsed.
{
  let e = lastError(parse(HTTPParser.REQUEST, ['FOO@ / HTTP/1.1\r\n\r\n']));
  assert.strictEqual(e.code, 'HPE_INVALID_METHOD');
  assert.strictEqual(e.message, `Parse Error: ${e.reason}`);
  assert.strictEqual(typeof e.bytesParsed, 'number');

  e = lastError(parse(HTTPParser.REQUEST,
                      ['GET / HTTP/1.1\r\nA: ' + 'x'.repeat(200) + '\r\n\r\n'],
                      { maxHeaderSize: 100 }));
  assert.strictEqual(e.code, 'HPE_HEADER_OVERFLOW');
  assert.strictEqual(e.message, 'Parse Error: Header overflow');

  // The limit counts across calls too.
  const big = ['GET / HTTP/1.1\r\n'];
  for (let i = 0; i < 40; i++) big.push(`H${i}: ${'v'.repeat(20)}\r\n`);
  e = lastError(parse(HTTPParser.REQUEST, big, { maxHeaderSize: 500 }));
  assert.strictEqual(e.code, 'HPE_HEADER_OVERFLOW');
}

// Request smuggling vectors are refused.
{
  const bad = [
    // Content-Length and Transfer-Encoding together.
    'POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n' +
      '\r\n0\r\n\r\n',
    // Two different lengths.
    'POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd',
    // A final encoding other than chunked.
    'POST / HTTP/1.1\r\nTransfer-Encoding: chunked, gzip\r\n\r\n',
    // A space before the colon.
    'GET / HTTP/1.1\r\nTransfer-Encoding : chunked\r\n\r\n',
    // A value folded onto the next line.
    'GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n , identity\r\n\r\n',
    // Control characters in a value.
    'GET / HTTP/1.1\r\nA: b\x01c\r\n\r\n',
    // A bare CR taken for a line end would hide a header.
    'GET / HTTP/1.1\r\nx:\rTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
    // A bare LF inside the request line.
    'GET /a\nb HTTP/1.1\r\n\r\n',
    // A chunk size that is not hex.
    'POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
  ];
  for (const req of bad) {
    const seen = parse(HTTPParser.REQUEST, [req]);
    const e = lastError(seen);
    assert.match(e.code, /^HPE_/, JSON.stringify(req));
    assert.strictEqual(seen.complete, 0, JSON.stringify(req));
  }
  // The same split at every byte is refused as well.
  for (const req of bad.slice(3, 5)) {
    const e = lastError(parse(HTTPParser.REQUEST, req.split('')));
    assert.strictEqual(e.code, 'HPE_INVALID_HEADER_TOKEN');
  }
  // So is the bare CR, at every split.
  const bareCr = 'GET / HTTP/1.1\r\nx:\rTransfer-Encoding: chunked\r\n\r\n';
  for (let i = 1; i < bareCr.length; i++) {
    const seen = parse(HTTPParser.REQUEST,
                       [bareCr.slice(0, i), bareCr.slice(i)]);
    assert.strictEqual(seen.heads.length, 0, `split at ${i}`);
  }
  // A header value cut between two reads is not a fold.
  const seen = parse(HTTPParser.REQUEST,
                     ['GET / HTTP/1.1\r\nA: abc', 'def\r\n\r\n']);
  assert.deepStrictEqual(seen.heads[0].headers, ['A', 'abcdef']);
  // The lenient mode (insecureHTTPParser) lets the fold through.
  const lenient = parse(HTTPParser.REQUEST,
                        ['GET / HTTP/1.1\r\nA: b\r\n c\r\n\r\n'],
                        { lenient: HTTPParser.kLenientAll });
  assert.strictEqual(lenient.complete, 1);
}

// An exception in a callback comes out of execute().
{
  const parser = new HTTPParser();
  parser.initialize(HTTPParser.REQUEST, {});
  parser[kOnHeadersComplete] = () => {
    throw new Error('from the callback');
  };
  assert.throws(() => parser.execute(Buffer.from('GET / HTTP/1.1\r\n\r\n')),
                { message: 'from the callback' });
  // After initialize() it parses again.
  parser.initialize(HTTPParser.REQUEST, {});
  parser[kOnHeadersComplete] = common.mustCall();
  parser[kOnMessageComplete] = common.mustCall();
  assert.strictEqual(parser.execute(Buffer.from('GET / HTTP/1.1\r\n\r\n')),
                     18);
  parser[kOnMessageComplete] = null;
  // Data given to the parser from inside its own callback is parsed once
  // the outer call is done (llhttp is not reentrant).
  const urls = [];
  parser[kOnHeadersComplete] = common.mustCall((maj, min, h, m, url) => {
    urls.push(url);
    if (urls.length === 1) {
      const two = Buffer.from('GET /two HTTP/1.1\r\n\r\n');
      assert.strictEqual(parser.execute(two), 0);
      assert.deepStrictEqual(urls, ['/one']);
    }
  }, 2);
  parser.execute(Buffer.from('GET /one HTTP/1.1\r\n\r\n'));
  assert.deepStrictEqual(urls, ['/one', '/two']);
  // Freed from a callback, it finishes the call safely.
  parser[kOnHeadersComplete] = common.mustCall(() => parser.free());
  parser.execute(Buffer.from('GET / HTTP/1.1\r\n\r\n'));
}

// Wrong receivers and arguments throw instead of crashing.
{
  const parser = new HTTPParser();
  parser.initialize(HTTPParser.REQUEST, {});
  assert.throws(() => parser.execute.call({}, Buffer.from('GET')),
                TypeError);
  assert.throws(() => parser.execute('GET / HTTP/1.1'),
                { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => parser.execute(Buffer.from('abc'), 5),
                { code: 'ERR_OUT_OF_RANGE' });
  assert.throws(() => parser.initialize(7, {}),
                { code: 'ERR_OUT_OF_RANGE' });
}
