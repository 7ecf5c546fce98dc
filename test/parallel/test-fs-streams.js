'use strict';
// fs.ReadStream and fs.WriteStream: options, events, counters,
// backpressure, fds, custom fs functions, FileHandle streams.
const { assert, mustCall, mustNotCall, tmpdir } = require('../common');
const fs = require('fs');

tmpdir.refresh();
const file = tmpdir.resolve('s.txt');
fs.writeFileSync(file, '0123456789');

// start/end (inclusive), encoding, events and counters.
{
  const events = [];
  const rs = fs.createReadStream(file, { start: 2, end: 5, encoding: 'utf8' });
  assert.ok(rs instanceof fs.ReadStream);
  assert.strictEqual(rs.pending, true);
  assert.strictEqual(rs.path, file);
  let text = '';
  rs.on('open', mustCall((fd) => {
    assert.strictEqual(typeof fd, 'number');
    events.push('open');
  }));
  rs.on('ready', mustCall(() => events.push('ready')));
  rs.on('data', (chunk) => {
    assert.strictEqual(typeof chunk, 'string');
    text += chunk;
  });
  rs.on('end', mustCall(() => events.push('end')));
  rs.on('close', mustCall(() => {
    events.push('close');
    assert.strictEqual(text, '2345');
    assert.strictEqual(rs.bytesRead, 4);
    assert.deepStrictEqual(events, ['open', 'ready', 'end', 'close']);
  }));
}

// Small highWaterMark: many chunks.
{
  const chunks = [];
  fs.createReadStream(file, { highWaterMark: 3 })
    .on('data', (c) => chunks.push(c.length))
    .on('end', mustCall(() => assert.deepStrictEqual(chunks, [3, 3, 3, 1])));
}

// Errors.
fs.createReadStream(tmpdir.resolve('none')).on('error', mustCall((err) => {
  assert.strictEqual(err.code, 'ENOENT');
  assert.strictEqual(err.syscall, 'open');
}));
assert.throws(() => fs.createReadStream(file, { start: 5, end: 2 }), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "start" is out of range. It must be <= "end" ' +
           '(here: 2). Received 5',
});
assert.throws(() => fs.createReadStream(file, { start: '1' }),
              { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => fs.createReadStream(file, { fs: { open: 1 } }),
              { code: 'ERR_INVALID_ARG_TYPE' });

// Writing: backpressure, bytesWritten, 'finish' then 'close'.
{
  const out = tmpdir.resolve('w.txt');
  const ws = fs.createWriteStream(out, { highWaterMark: 4 });
  assert.strictEqual(ws.pending, true);
  ws.on('ready', mustCall(() => assert.strictEqual(ws.pending, false)));
  assert.strictEqual(ws.write('ab'), true);
  assert.strictEqual(ws.write('cdef'), false);
  ws.once('drain', mustCall(() => {
    ws.end('!');
  }));
  ws.on('finish', mustCall(() => assert.strictEqual(ws.bytesWritten, 7)));
  ws.on('close', mustCall(() => {
    assert.strictEqual(fs.readFileSync(out, 'utf8'), 'abcdef!');
    // start with flags r+ writes in place.
    const ws2 = fs.createWriteStream(out, { flags: 'r+', start: 1 });
    ws2.end('XY', mustCall(() => {
      ws2.on('close', mustCall(() => {
        assert.strictEqual(fs.readFileSync(out, 'utf8'), 'aXYdef!');
      }));
    }));
  }));
}

// An fd, kept open with autoClose: false.
{
  const fd = fs.openSync(file, 'r');
  const rs = fs.createReadStream(null, { fd, autoClose: false, start: 8 });
  let text = '';
  rs.on('data', (c) => { text += c; });
  rs.on('end', mustCall(() => {
    assert.strictEqual(text, '89');
    setImmediate(mustCall(() => {
      assert.strictEqual(fs.fstatSync(fd).size, 10);
      fs.closeSync(fd);
    }));
  }));
  rs.on('close', mustNotCall());
}

// Custom fs functions are used instead of fs's.
{
  let reads = 0;
  const rs = fs.createReadStream(file, {
    fs: {
      open: fs.open,
      read: (...args) => {
        reads++;
        fs.read(...args);
      },
      close: fs.close,
    },
  });
  rs.resume();
  rs.on('close', mustCall(() => assert.ok(reads >= 2)));
}

// Streams of a FileHandle; readLines.
(async () => {
  fs.writeFileSync(tmpdir.resolve('lines.txt'), 'one\ntwo\nthree\n');
  const fh = await fs.promises.open(tmpdir.resolve('lines.txt'));
  const lines = [];
  for await (const line of fh.readLines()) lines.push(line);
  assert.deepStrictEqual(lines, ['one', 'two', 'three']);
  const fw = await fs.promises.open(tmpdir.resolve('fh.txt'), 'w');
  const ws = fw.createWriteStream();
  ws.end('via handle');
  await new Promise((resolve) => ws.on('close', resolve));
  assert.strictEqual(fw.fd, -1);
  assert.strictEqual(fs.readFileSync(tmpdir.resolve('fh.txt'), 'utf8'),
                     'via handle');
})().then(mustCall());
