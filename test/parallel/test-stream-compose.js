'use strict';
// stream.compose() and readable.compose(): the Duplex they make, how data,
// ends, errors and destroy() travel through it, and their argument errors,
// in the order Node 18.20 has them.

const { assert, mustCall } = require('../common');
const {
  compose, Duplex, PassThrough, Readable, Transform, Writable, pipeline,
} = require('stream');

const upper = () => new Transform({
  transform(chunk, encoding, callback) {
    callback(null, String(chunk).toUpperCase());
  },
});
const sink = (got, options) => new Writable({
  ...options,
  write(chunk, encoding, callback) {
    got.push(String(chunk));
    setImmediate(callback);
  },
});

// Records the events of some streams; resolves once `last` has fired on
// `stream`.
function record(streams, stream, last) {
  const log = [];
  const done = new Promise((resolve) => {
    for (const [name, s, events] of streams) {
      for (const event of events) {
        s.on(event, (arg) => {
          let shown = '';
          if (event === 'data') shown = ` ${arg}`;
          if (event === 'error') shown = ` ${arg.message}`;
          log.push(`${name} ${event}${shown}`);
          if (s === stream && event === last) setImmediate(resolve, log);
        });
      }
    }
  });
  return done;
}
const all = ['data', 'end', 'prefinish', 'finish', 'error', 'close'];

const scenarios = [];
function scenario(name, fn) {
  scenarios.push([name, fn]);
}

scenario('data flows from the first stream to the last', async () => {
  const t1 = upper();
  const t2 = new PassThrough();
  const d = compose(t1, t2);
  const events = record([['d', d, all], ['t1', t1, ['end', 'finish', 'close']],
                         ['t2', t2, ['end', 'finish', 'close']]], d, 'close');
  assert.strictEqual(d.write('a'), true);
  assert.strictEqual(d.write('b'), true);
  d.end('c');
  assert.deepStrictEqual(await events, [
    'd data ABC', 't1 end', 't1 finish', 't2 end', 't2 finish', 't1 close',
    'd end', 'd prefinish', 't2 close', 'd finish', 'd close',
  ]);
});

scenario('a readable head makes a read-only Duplex', async () => {
  const d = compose(Readable.from(['a', 'b']), upper());
  assert.strictEqual(d.readable, true);
  assert.strictEqual(d.writable, false);
  const events = record([['d', d, all]], d, 'close');
  assert.deepStrictEqual(await events, ['d data AB', 'd end', 'd close']);
});

scenario('a writable tail makes a write-only Duplex', async () => {
  const got = [];
  const tail = sink(got);
  const d = compose(upper(), tail);
  assert.strictEqual(d.readable, false);
  assert.strictEqual(d.writable, true);
  const events = record([['d', d, all], ['sink', tail, ['finish', 'close']]],
                        d, 'close');
  d.write('x');
  d.end('y');
  // The Duplex finishes once the tail is done, closed included.
  assert.deepStrictEqual(await events, [
    'sink finish', 'd prefinish', 'sink close', 'd finish', 'd close',
  ]);
  assert.deepStrictEqual(got, ['X', 'Y']);
});

scenario('a tail that never closes finishes the Duplex at its finish',
         async () => {
           const got = [];
           const tail = sink(got, { autoDestroy: false });
           const d = compose(upper(), tail);
           const events = record([['d', d, all],
                                  ['sink', tail, ['finish', 'close']]],
                                 d, 'close');
           d.end('y');
           assert.deepStrictEqual(await events, [
             'd prefinish', 'sink finish', 'd finish', 'd close',
           ]);
         });

scenario('neither readable nor writable: only close', async () => {
  const got = [];
  const d = compose(Readable.from(['a', 'b']), sink(got));
  assert.strictEqual(d.readable, false);
  assert.strictEqual(d.writable, false);
  const events = record([['d', d, all]], d, 'close');
  assert.deepStrictEqual(await events, ['d close']);
  assert.deepStrictEqual(got, ['a', 'b']);
});

scenario('an error inside destroys everything', async () => {
  const bad = new Transform({
    transform(chunk, encoding, callback) {
      if (String(chunk) === 'b') callback(new Error('boom'));
      else callback(null, chunk);
    },
  });
  const t1 = new PassThrough();
  const t3 = new PassThrough();
  const d = compose(t1, bad, t3);
  const events = record([['d', d, all]], d, 'close');
  d.write('a');
  d.write('b');
  d.write('c');
  assert.deepStrictEqual(await events,
                         ['d data a', 'd error boom', 'd close']);
  for (const s of [t1, bad, t3, d]) {
    assert.strictEqual(s.destroyed, true);
    assert.strictEqual(s.errored.message, 'boom');
  }
});

scenario('destroy() aborts the inner streams', async () => {
  const t1 = new PassThrough();
  const t2 = new PassThrough();
  const d = compose(t1, t2);
  const events = record([['d', d, all], ['t1', t1, ['error', 'close']],
                         ['t2', t2, ['error', 'close']]], d, 'close');
  d.write('a');
  d.destroy();
  const aborted = 'The operation was aborted';
  assert.deepStrictEqual(await events, [
    `t2 error ${aborted}`, 't2 close', `t1 error ${aborted}`, 't1 close',
    `d error ${aborted}`, 'd close',
  ]);
  assert.strictEqual(d.errored.name, 'AbortError');
  assert.strictEqual(t1.errored.name, 'AbortError');
});

scenario('destroy(err) passes err on', async () => {
  const t1 = new PassThrough();
  const t2 = new PassThrough();
  const d = compose(t1, t2);
  const events = record([['d', d, all], ['t1', t1, ['error', 'close']],
                         ['t2', t2, ['error', 'close']]], d, 'close');
  d.destroy(new Error('x'));
  assert.deepStrictEqual(await events, [
    't2 error x', 't2 close', 't1 error x', 't1 close', 'd error x',
    'd close',
  ]);
});

scenario('an inner stream destroyed reaches the Duplex', async () => {
  const t1 = new PassThrough();
  const t2 = new PassThrough();
  const d = compose(t1, t2);
  const events = record([['d', d, all]], d, 'close');
  t2.destroy(new Error('tail err'));
  assert.deepStrictEqual(await events, ['d error tail err', 'd close']);

  const t3 = new PassThrough();
  const d2 = compose(t3, new PassThrough());
  const events2 = record([['d', d2, all]], d2, 'close');
  t3.destroy();
  assert.deepStrictEqual(await events2, ['d error Premature close',
                                         'd close']);
});

scenario('async generator functions are transforms', async () => {
  const d = compose(
    new PassThrough(),
    async function* (source) {
      for await (const chunk of source) yield String(chunk).toUpperCase();
    },
    new PassThrough());
  const events = record([['d', d, all]], d, 'close');
  d.write('a');
  d.end('b');
  assert.deepStrictEqual(await events, [
    'd data AB', 'd end', 'd prefinish', 'd finish', 'd close',
  ]);

  // At the ends too, in object mode.
  const d2 = compose(async function* (source) {
    for await (const n of source) yield n * 2;
  }, async function* (source) {
    for await (const n of source) yield n + 1;
  });
  assert.strictEqual(d2.writableObjectMode, true);
  assert.strictEqual(d2.readableObjectMode, true);
  const events2 = record([['d', d2, all]], d2, 'close');
  d2.write(1);
  d2.write(2);
  d2.end();
  assert.deepStrictEqual(await events2, [
    'd data 3', 'd data 5', 'd end', 'd prefinish', 'd finish', 'd close',
  ]);
});

scenario('an async function at the end consumes', async () => {
  let seen = '';
  const d = compose(new PassThrough(), async function(source) {
    for await (const chunk of source) seen += chunk;
  });
  assert.strictEqual(d.readable, false);
  const events = record([['d', d, all]], d, 'close');
  d.write('a');
  d.end('b');
  assert.deepStrictEqual(await events, ['d prefinish', 'd finish',
                                        'd close']);
  assert.strictEqual(seen, 'ab');
});

scenario('backpressure: writes wait for the head to drain', async () => {
  const got = [];
  const head = new PassThrough({ highWaterMark: 2 });
  const d = compose(head, sink(got, { highWaterMark: 2 }));
  for (let i = 0; i < 8; i++) assert.strictEqual(d.write(`${i}`), true);
  const events = record([['d', d, ['finish', 'close']]], d, 'close');
  d.end();
  assert.deepStrictEqual(await events, ['d finish', 'd close']);
  assert.strictEqual(got.join(''), '01234567');
});

scenario('a composed stream inside a pipeline', async () => {
  const got = [];
  await new Promise((resolve) => {
    pipeline(Readable.from(['a', 'b']), compose(upper(), new PassThrough()),
             sink(got), mustCall((err) => {
               assert.strictEqual(err, undefined);
               resolve();
             }));
  });
  assert.strictEqual(got.join(''), 'AB');
});

scenario('readable.compose()', async () => {
  const composed = Readable.from(['a', 'b']).compose(async function* (src) {
    for await (const chunk of src) yield `${chunk}!`;
  });
  assert.ok(composed instanceof Readable);
  assert.deepStrictEqual(await composed.toArray(), ['a!', 'b!']);

  const ac = new AbortController();
  const r = Readable.from(['a', 'b', 'c'])
    .compose(new PassThrough({ objectMode: true }), { signal: ac.signal });
  const events = record([['r', r, ['data', 'error', 'close']]], r, 'close');
  ac.abort();
  assert.deepStrictEqual(await events,
                         ['r error The operation was aborted', 'r close']);
});

// The Duplex's modes come from the head (writable side) and the tail
// (readable side).
function modes(d) {
  return [d.readable, d.writable, d.readableObjectMode, d.writableObjectMode,
          d.readableHighWaterMark, d.writableHighWaterMark];
}
assert.deepStrictEqual(modes(compose(new PassThrough(), new PassThrough())),
                       [true, true, false, false, 16384, 16384]);
assert.deepStrictEqual(modes(compose(
  new PassThrough({ objectMode: true }),
  new PassThrough({ readableObjectMode: false, writableObjectMode: true }))),
                       [true, true, false, true, 16384, 16]);
assert.deepStrictEqual(modes(compose([1, 2], new PassThrough({
  objectMode: true }))), [true, false, true, false, 16, 16384]);
assert.strictEqual(Object.getPrototypeOf(compose(new PassThrough(),
                                                 new PassThrough())),
                   Duplex.prototype);
// One argument: Duplex.from().
{
  const pt = new PassThrough();
  assert.strictEqual(compose(pt), pt);
  assert.strictEqual(compose(async function* (s) {
    yield* s;
  }).constructor.name, 'Duplexify');
}

// Argument errors.
assert.throws(() => compose(), {
  name: 'TypeError',
  code: 'ERR_MISSING_ARGS',
  message: 'The "streams" argument must be specified',
});
for (const args of [[5], [5, new PassThrough()], [new PassThrough(), 5],
                    [null, new PassThrough()]]) {
  assert.throws(() => compose(...args), {
    name: 'TypeError',
    code: 'ERR_INVALID_ARG_TYPE',
    message: /^The "body" argument must be of type function or an instance /,
  });
}
const mustBe = (index, what) => ({
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_VALUE',
  message: new RegExp(`^The argument 'streams\\[${index}\\]' must be ${what}`),
});
assert.throws(() => compose(new Writable(), new PassThrough()),
              mustBe(0, 'readable'));
assert.throws(() => compose(new PassThrough(), Readable.from([1])),
              mustBe(1, 'writable'));
assert.throws(() => compose(new PassThrough(), new Writable(),
                            new PassThrough()), mustBe(1, 'readable'));
assert.throws(() => compose(async function() {}, new PassThrough()), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'streams[0]' must be readable. Received " +
    '[AsyncFunction (anonymous)]',
});
assert.throws(() => compose(new PassThrough(), async function(s) {},
                            new PassThrough()), {
  name: 'TypeError',
  code: 'ERR_INVALID_RETURN_VALUE',
  message: 'Expected AsyncIterable to be returned from the "transform[0]" ' +
    'function but got an instance of Promise.',
});
const readable = Readable.from(['a']);
assert.throws(() => readable.compose(new Readable()), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: /^The argument 'stream' must be writable/,
});
assert.throws(() => readable.compose(new PassThrough(), 5), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options" argument must be of type object. ' +
    'Received type number (5)',
});
assert.throws(() => readable.compose(new PassThrough(), { signal: 5 }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.signal" property must be an instance of ' +
    'AbortSignal. Received type number (5)',
});
assert.strictEqual(compose.length, 0);
assert.strictEqual(Readable.prototype.compose.length, 2);

(async () => {
  for (const [name, fn] of scenarios) {
    try {
      await fn();
    } catch (err) {
      err.message = `${name}: ${err.message}`;
      throw err;
    }
  }
})().then(mustCall());
