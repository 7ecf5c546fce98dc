// A WebSocket server and client talking, text and binary, ping and close.
const { WebSocketServer, WebSocket } = require('ws');
const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
wss.on('connection', (sock, req) => {
  console.log('server: connection', req.url);
  sock.on('message', (data, isBinary) => {
    console.log('server got', isBinary ? [...data] : data.length);
    const s = isBinary ? data : String(data);
    sock.send(isBinary ? data : 'echo:' + (s.length > 100 ? s.length : s), { binary: isBinary });
  });
  sock.on('close', (code, reason) => {
    console.log('server: close', code, reason.toString());
    wss.close(() => console.log('server closed'));
  });
});
wss.on('listening', () => {
  const ws = new WebSocket(`ws://127.0.0.1:${wss.address().port}/chat?x=1`);
  let n = 0;
  ws.on('open', () => { console.log('client: open', ws.protocol === ''); ws.send('hello'); });
  ws.on('message', (data, isBinary) => {
    console.log('client got', isBinary ? [...data] : data.toString());
    if (++n === 1) ws.send(Buffer.from([1, 2, 3]));
    else if (n === 2) ws.ping('p');
  });
  ws.on('pong', (d) => { console.log('client: pong', d.toString()); ws.send('x'.repeat(70000)); ws.close(4000, 'bye'); });
  ws.on('close', (code, reason) => console.log('client: close', code, reason.toString()));
});
