// An express app answering node's http client and curl.
const express = require('express');
const http = require('http');
const { execFile } = require('child_process');
const app = express();
app.use(express.json());
app.get('/', (req, res) => res.send('hello world'));
app.get('/users/:id', (req, res) => res.json({ id: +req.params.id, q: req.query }));
app.post('/echo', (req, res) => res.status(201).json({ got: req.body }));
app.get('/fail', () => { throw new Error('nope'); });
app.use((err, req, res, next) => res.status(500).type('text').send('error: ' + err.message));
const server = app.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  const get = (path, method = 'GET', body) => new Promise((resolve, reject) => {
    const req = http.request({ port, path, method, host: '127.0.0.1',
      headers: body ? { 'content-type': 'application/json' } : {} }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (c) => data += c);
      res.on('end', () => resolve([res.statusCode, res.headers['content-type'],
        res.headers['x-powered-by'], res.headers.etag, data]));
    });
    req.on('error', reject);
    req.end(body && JSON.stringify(body));
  });
  console.log(await get('/'));
  console.log(await get('/users/7?sort=asc&x=1'));
  console.log(await get('/echo', 'POST', { a: [1, 2] }));
  console.log(await get('/fail'));
  console.log(await get('/missing'));
  execFile('curl', ['-s', '-i', '-H', 'Connection: close', `http://127.0.0.1:${port}/users/3`],
    (err, out) => {
      if (err) console.log('curl failed', err.code);
      else console.log(out.replace(/^Date: .*\r\n/m, '').replace(/\r/g, ''));
      server.close(() => console.log('closed'));
    });
});
