'use strict';
// Peers nobody here wrote: OpenSSL's own s_server and s_client talking to
// our TLS client and server. Skipped (exit 77) without the openssl tool.

const common = require('../common');
const assert = require('assert');
const net = require('net');
const tls = require('tls');
const { spawn, spawnSync } = require('child_process');

const probe = spawnSync('openssl', ['version']);
if (probe.error || probe.status !== 0) {
  console.log('1..0 # Skipped: the openssl tool is not installed');
  process.exit(77);
}

const fixture = (name) => common.fixtures.path('tls', name);

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

// Our client against `openssl s_server -rev` (which answers each line
// reversed), TLS 1.3 and then TLS 1.2.
async function againstServer(version) {
  const port = await freePort();
  const server = spawn('openssl', [
    's_server', '-accept', String(port), '-naccept', '1', '-rev',
    '-cert', fixture('server-cert.pem'), '-key', fixture('server-key.pem'),
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  server.stdout.on('data', (d) => { out += d; });
  await new Promise((resolve, reject) => {
    const check = () => (out.includes('ACCEPT') ? resolve() :
      setTimeout(check, 10));
    check();
    server.on('exit', () => reject(new Error(`s_server exited: ${out}`)));
  });
  const client = tls.connect({
    port, host: '127.0.0.1', servername: 'localhost',
    ca: require('fs').readFileSync(fixture('ca-cert.pem')),
    minVersion: version, maxVersion: version,
  });
  await new Promise((resolve) => client.on('secureConnect', resolve));
  assert.strictEqual(client.authorized, true);
  assert.strictEqual(client.getProtocol(), version);
  client.write('hello openssl\n');
  let reply = '';
  client.setEncoding('utf8');
  await new Promise((resolve) => {
    client.on('data', (d) => {
      reply += d;
      if (reply.includes('\n')) resolve();
    });
  });
  assert.strictEqual(reply.trim(), 'lssnepo olleh');
  client.destroy();
  await new Promise((resolve) => server.on('close', resolve));
}

// `openssl s_client` against our server, verifying our certificate.
async function againstClient() {
  const server = tls.createServer({
    key: require('fs').readFileSync(fixture('server-key.pem')),
    cert: require('fs').readFileSync(fixture('server-cert.pem')),
  }, (socket) => {
    socket.once('data', (d) => socket.end(`pong ${d.toString().trim()}\n`));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const child = spawn('openssl', [
    's_client', '-connect', `127.0.0.1:${server.address().port}`,
    '-servername', 'localhost', '-CAfile', fixture('ca-cert.pem'),
    '-verify_return_error', '-quiet',
  ], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { err += d; });
  child.stdin.write('ping\n');
  const code = await new Promise((resolve) => child.on('close', resolve));
  assert.strictEqual(out, 'pong ping\n', err);
  assert.strictEqual(code, 0, err);
  child.stdin.destroy();
  server.close();
}

(async () => {
  await againstServer('TLSv1.3');
  await againstServer('TLSv1.2');
  await againstClient();
})().then(common.mustCall());
