// axios against a local http server.
const axios = require('axios');
const http = require('http');
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => body += c);
  req.on('end', () => {
    if (req.url === '/redirect') { res.writeHead(302, { location: '/json' }); return res.end(); }
    if (req.url === '/404') { res.writeHead(404); return res.end('no'); }
    if (req.url === '/slow') return setTimeout(() => res.end('late'), 500);
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ method: req.method, url: req.url, body, ua: req.headers['user-agent'],
      ct: req.headers['content-type'] || null, x: req.headers['x-test'] || null }));
  });
});
server.listen(0, '127.0.0.1', async () => {
  const api = axios.create({ baseURL: `http://127.0.0.1:${server.address().port}`, headers: { 'x-test': 'yes' } });
  const r = await api.get('/json', { params: { a: 1, b: 'x y' } });
  console.log(r.status, r.data);
  console.log((await api.post('/post', { hello: 'world' })).data);
  console.log((await api.get('/redirect')).data.url);
  try { await api.get('/404'); } catch (e) { console.log(e.response.status, e.message); }
  try { await api.get('/slow', { timeout: 50 }); } catch (e) { console.log(e.code, e.message); }
  const ac = new AbortController();
  const p = api.get('/slow', { signal: ac.signal }); ac.abort();
  try { await p; } catch (e) { console.log(axios.isCancel(e), e.code); }
  console.log((await api.put('/put', 'raw text', { headers: { 'content-type': 'text/plain' } })).data);
  server.close(); server.closeAllConnections();
});
