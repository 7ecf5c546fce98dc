// express serving files (express.static, res.sendFile, res.download with
// ranges and conditional requests) and a gzip stream piped to the response.
const express = require('express');
const fs = require('fs'), os = require('os'), path = require('path');
const zlib = require('zlib');
const http = require('http');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nr-express-'));
fs.writeFileSync(path.join(dir, 'index.html'), '<h1>home</h1>');
fs.writeFileSync(path.join(dir, 'data.txt'), 'x'.repeat(100000));
const mtime = new Date('2020-01-01T00:00:00Z');
for (const f of ['index.html', 'data.txt']) fs.utimesSync(path.join(dir, f), mtime, mtime);
const app = express();
app.use('/static', express.static(dir, { etag: false }));
app.get('/file', (req, res) => res.sendFile(path.join(dir, 'data.txt'), { lastModified: false, etag: false }));
app.get('/dl', (req, res) => res.download(path.join(dir, 'index.html'), 'home.html'));
app.get('/gz', (req, res) => {
  res.set('content-encoding', 'gzip');
  fs.createReadStream(path.join(dir, 'data.txt')).pipe(zlib.createGzip()).pipe(res);
});
const server = app.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  const get = (p, headers = {}) => new Promise((resolve) => {
    http.get({ port, host: '127.0.0.1', path: p, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const h = res.headers;
        resolve([res.statusCode, h['content-type'], h['content-length'], h['content-range'],
          h['content-disposition'], h['last-modified'],
          h['content-encoding'] === 'gzip' ? zlib.gunzipSync(body).length : body.length]);
      });
    });
  });
  console.log(await get('/static/'));
  console.log(await get('/static/data.txt', { range: 'bytes=10-19' }));
  console.log(await get('/static/data.txt', { 'if-modified-since': mtime.toUTCString() }));
  console.log(await get('/static/nope'));
  console.log(await get('/file'));
  console.log(await get('/dl'));
  console.log(await get('/gz'));
  server.close();
  fs.rmSync(dir, { recursive: true });
});
