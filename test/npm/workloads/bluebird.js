const Promise = require('bluebird');
const fs = Promise.promisifyAll(require('fs'));
(async () => {
  console.log(await Promise.map([1, 2, 3], (x) => Promise.delay(10 * (4 - x)).return(x * x), { concurrency: 2 }));
  console.log(await Promise.props({ a: Promise.resolve(1), b: 2 }));
  console.log((await fs.readFileAsync(__filename, 'utf8')).split('\n')[0]);
  await Promise.reject(new TypeError('t')).catch(TypeError, (e) => console.log('caught', e.message));
  console.log(await Promise.all([1, Promise.delay(5, 2)]).spread((a, b) => a + b));
  try { await Promise.delay(100).timeout(10); } catch (e) { console.log(e instanceof Promise.TimeoutError); }
  const r = await Promise.reduce([1, 2, 3], (acc, x) => acc + x, 0);
  console.log(r, await Promise.each([1, 2], (x) => x), Promise.resolve(1).isFulfilled());
  await Promise.using(Promise.resolve('res').disposer(() => console.log('disposed')), (r) => console.log('using', r));
  const p = new Promise((res, rej, onCancel) => { onCancel && onCancel(() => {}); setTimeout(res, 5, 'done'); });
  console.log(await p.finally(() => console.log('finally')));
})();
