// Cache-aside with node-redis 4 (promises): a slow lookup is cached as JSON,
// hits and misses counted.
const { createClient } = require('redis4');
const stats = { hits: 0, misses: 0, lookups: 0 };
const slowLookup = (id) => new Promise((resolve) => setTimeout(() => {
  stats.lookups++;
  resolve({ id, name: `user${id}`, tags: ['a', id % 2 ? 'odd' : 'even'] });
}, 20));
async function cached(client, id) {
  const key = `user:${id}`;
  const hit = await client.get(key);
  if (hit !== null) { stats.hits++; return JSON.parse(hit); }
  stats.misses++;
  const value = await slowLookup(id);
  await client.set(key, JSON.stringify(value), { EX: 60 });
  return value;
}
(async () => {
  const client = createClient({ url: process.env.REDIS_URL, database: 1 });
  client.on('error', (e) => console.log('client error', e.message));
  await client.connect();
  await client.flushDb();
  for (const id of [1, 2, 1, 3, 2, 1]) console.log(await cached(client, id));
  console.log(await Promise.all([4, 4, 1].map((id) => cached(client, id))));
  console.log(stats);
  await client.hSet('spanish', { red: 'rojo', blue: 'azul' });
  console.log(await client.hGetAll('spanish'), await client.ttl('user:1') > 0);
  const [a, b] = await client.multi().incr('n').incrBy('n', 5).exec();
  console.log(a, b, await client.keys('user:*').then((k) => k.sort()));
  await client.flushDb();
  await client.quit();
})();
