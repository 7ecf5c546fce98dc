'use strict';
// fs.watch (FSWatcher), fs.watchFile/unwatchFile (StatWatcher) and
// fs.promises.watch.
const { assert, mustCall, mustCallAtLeast, tmpdir } = require('../common');
const fs = require('fs');
const path = require('path');

tmpdir.refresh();
const dir = tmpdir.resolve('w');
fs.mkdirSync(dir);

assert.throws(() => fs.watch(dir, { recursive: true }), {
  code: 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM',
  message: 'The feature watch recursively is unavailable on the current ' +
           'platform, which is being used to run Node.js',
});
assert.throws(() => fs.watch(tmpdir.resolve('none')), {
  code: 'ENOENT',
  syscall: 'watch',
});

// A new file in a watched directory: 'rename' with its name.
const watcher = fs.watch(dir, mustCallAtLeast((eventType, filename) => {
  if (filename !== 'new.txt') return;
  assert.ok(eventType === 'rename' || eventType === 'change');
  watcher.close();
  watcher.close();
}, 1));
assert.ok(watcher instanceof require('events'));
watcher.on('close', mustCall(() => {
  // Then a watched file: 'change' when it is written to.
  const file = path.join(dir, 'new.txt');
  const w2 = fs.watch(file, { encoding: 'buffer' },
                      mustCallAtLeast((eventType, name) => {
                        assert.strictEqual(eventType, 'change');
                        assert.ok(Buffer.isBuffer(name));
                        w2.close();
                      }, 1));
  fs.appendFileSync(file, 'more');
}));
fs.writeFileSync(path.join(dir, 'new.txt'), 'x');

// An unref'd watcher does not keep the process alive.
fs.watch(dir).unref();

// watchFile: 'change' with (curr, prev) Stats.
const polled = tmpdir.resolve('polled.txt');
fs.writeFileSync(polled, 'a');
const listener = mustCallAtLeast((curr, prev) => {
  assert.ok(curr instanceof fs.Stats);
  if (curr.size !== 3) return;
  assert.strictEqual(prev.size, 1);
  fs.unwatchFile(polled, listener);
}, 1);
const sw = fs.watchFile(polled, { interval: 10 }, listener);
sw.on('stop', mustCall());
setTimeout(() => fs.writeFileSync(polled, 'abc'), 50);
assert.throws(() => fs.watchFile(polled), { code: 'ERR_INVALID_ARG_TYPE' });

// fs.promises.watch, stopped by its signal.
(async () => {
  const ac = new AbortController();
  const iter = fs.promises.watch(dir, { signal: ac.signal });
  setTimeout(() => fs.writeFileSync(path.join(dir, 'p.txt'), 'p'), 20);
  await assert.rejects(async () => {
    for await (const { eventType, filename } of iter) {
      assert.strictEqual(typeof eventType, 'string');
      if (filename === 'p.txt') ac.abort();
    }
  }, { name: 'AbortError' });
})().then(mustCall());
