// GET/SET round trips per second through node-redis 3 against REDIS_URL:
// one command at a time (each awaited), and pipelined (batches sent
// without waiting, the client writing them back to back).
const redis = require('redis');
const client = redis.createClient(process.env.REDIS_URL);
const seconds = +(process.env.BENCH_SECONDS || 3);
const cmd = (name, ...args) => new Promise((resolve, reject) =>
  client[name](...args, (err, v) => (err ? reject(err) : resolve(v))));

async function oneAtATime() {
  let n = 0;
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    for (let i = 0; i < 100; i++, n += 2) {
      await cmd('set', 'k' + (i & 15), 'v' + i);
      await cmd('get', 'k' + (i & 15));
    }
  }
  return n / seconds;
}

async function pipelined() {
  let n = 0;
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    const batch = [];
    for (let i = 0; i < 1000; i++) {
      batch.push(cmd('set', 'p' + (i & 255), 'v' + i), cmd('get', 'p' + (i & 255)));
    }
    await Promise.all(batch);
    n += batch.length;
  }
  return n / seconds;
}

(async () => {
  await cmd('flushdb');
  console.log(`redis-one-at-a-time ${(await oneAtATime()).toFixed(0)} cmds/s`);
  console.log(`redis-pipelined ${(await pipelined()).toFixed(0)} cmds/s`);
  await cmd('flushdb');
  client.quit();
})();
