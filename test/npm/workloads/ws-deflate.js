// WebSocket with permessage-deflate (zlib streams under ws) and many
// messages in flight both ways.
const { WebSocketServer, WebSocket } = require('ws');
const wss = new WebSocketServer({ host: '127.0.0.1', port: 0,
  perMessageDeflate: { threshold: 0 } });
wss.on('connection', (sock) => {
  sock.on('message', (data) => sock.send(data.toString().toUpperCase()));
});
wss.on('listening', () => {
  const ws = new WebSocket(`ws://127.0.0.1:${wss.address().port}`,
    { perMessageDeflate: true });
  const got = [];
  ws.on('open', () => {
    console.log('extensions', ws.extensions);
    for (let i = 0; i < 200; i++) ws.send(`message ${i} ` + 'abc'.repeat(i * 10));
  });
  ws.on('message', (data) => {
    got.push(data.toString());
    if (got.length === 200) {
      console.log(got.length, got[0], got[199].length, got.every((m, i) => m.startsWith(`MESSAGE ${i} `)));
      ws.close();
      wss.close(() => console.log('closed'));
    }
  });
});
