const async = require('async');
const delay = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
(async () => {
  console.log(await async.mapLimit([30, 10, 20], 2, async (ms) => delay(ms, ms * 2)));
  const order = [];
  await async.eachSeries([3, 1, 2], async (n) => { await delay(n * 5); order.push(n); });
  console.log(order);
  console.log(await async.parallel({ a: (cb) => setTimeout(cb, 10, null, 1), b: (cb) => cb(null, 2) }));
  console.log(await async.waterfall([(cb) => cb(null, 1), (x, cb) => cb(null, x + 1), async (x) => x * 10]));
  const q = async.queue((task, cb) => { order.push('q' + task); setImmediate(cb); }, 2);
  q.push([1, 2, 3, 4]);
  await q.drain();
  console.log(order);
  try { await async.series([(cb) => cb(new Error('boom'))]); } catch (e) { console.log(e.message); }
  console.log(await async.retry({ times: 3, interval: 1 }, async () => {
    if (order.push('try') < 10) throw new Error('again'); return 'ok'; }));
})();
