// A small keep-alive HTTP load generator (used when wrk is not installed):
// load.js PORT SECONDS CONNECTIONS; prints "requests N".
const http = require('http');
const [port, seconds, conns] = process.argv.slice(2).map(Number);
const agent = new http.Agent({ keepAlive: true, maxSockets: conns });
const end = Date.now() + seconds * 1000;
let done = 0, live = conns;
function one() {
  if (Date.now() >= end) { if (--live === 0) { console.log(`requests ${done}`); agent.destroy(); } return; }
  http.get({ port, host: '127.0.0.1', path: '/', agent }, (res) => {
    res.resume();
    res.on('end', () => { done++; one(); });
  }).on('error', (e) => { console.error(e.message); process.exit(1); });
}
for (let i = 0; i < conns; i++) one();
