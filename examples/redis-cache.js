// The founding notes' Redis cache with node-redis 3 (`npm install redis@3`),
// verbatim but for the server's URL, which comes from REDIS_URL, and the
// notes' typos (unclosed quotes, 'solors', `client.` left out). The last
// line is ours: the notes leave the connection open, so the process would
// never end. See README.md ("Real packages") for how to run it.
const redis = require('redis');
const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const client = redis.createClient(redisUrl);
client.set('hi', 'there');
client.get('hi', (err, value) => console.log(value));

client.hset('spanish', 'red', 'rojo');
client.hget('spanish', 'red', (err, value) => console.log(value));

client.set('colors', JSON.stringify({ red: 'rojo' }));

client.flushall();

client.quit();
