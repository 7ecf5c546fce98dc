// Cache-aside with ioredis: a slow lookup is cached as JSON, hits and misses
// counted; pipelines and pub/sub besides.
const Redis = require('ioredis');
const url = process.env.REDIS_URL + '/2';
const stats = { hits: 0, misses: 0 };
const slowLookup = (id) => new Promise((r) => setTimeout(r, 20, { id, square: id * id }));
async function cached(redis, id) {
  const hit = await redis.get(`sq:${id}`);
  if (hit !== null) { stats.hits++; return JSON.parse(hit); }
  stats.misses++;
  const v = await slowLookup(id);
  await redis.set(`sq:${id}`, JSON.stringify(v), 'EX', 60);
  return v;
}
(async () => {
  const redis = new Redis(url, { lazyConnect: true });
  await redis.connect();
  await redis.flushdb();
  for (const id of [5, 6, 5, 5, 7, 6]) console.log(await cached(redis, id));
  console.log(stats);
  console.log(await redis.pipeline().set('a', 1).incr('a').get('a').exec());
  const sub = new Redis(url);
  await sub.subscribe('news');
  // The message and the publish reply come on two connections, in either
  // order (under node as well): print them in one.
  let published;
  sub.on('message', async (ch, msg) => {
    console.log('message', ch, msg);
    console.log('published to', await published);
    await redis.flushdb();
    sub.disconnect(); await redis.quit();
    console.log('done');
  });
  published = redis.publish('news', 'hello');
})();
