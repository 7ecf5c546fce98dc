'use strict';
// stream.finished() and stream.addAbortSignal() with web streams: finished
// takes no lock and reports close, error and abort; an aborted signal
// errors the stream with an AbortError whose cause is the reason.
const common = require('../common');
const assert = require('assert');
const { finished, addAbortSignal } = require('stream');
const { finished: finishedPromise } = require('stream/promises');

{
  let controller;
  const rs = new ReadableStream({ start(c) { controller = c; } });
  finished(rs, common.mustCall(function(err) {
    assert.strictEqual(err, undefined);
    assert.strictEqual(this, rs);
  }));
  assert.strictEqual(rs.locked, false);
  controller.close();
}

{
  const rs = new ReadableStream({ start(c) { c.error(new Error('boom')); } });
  finished(rs, common.mustCall((err) => assert.strictEqual(err.message, 'boom')));
}

{
  const ws = new WritableStream();
  finishedPromise(ws).then(common.mustCall());
  ws.getWriter().close();
}

{
  const ws = new WritableStream({ write() { throw new Error('sink'); } });
  finishedPromise(ws).then(common.mustNotCall(), common.mustCall((err) => {
    assert.strictEqual(err.message, 'sink');
  }));
  ws.getWriter().write('x').catch(common.mustCall());
}

{
  const ac = new AbortController();
  const rs = addAbortSignal(ac.signal, new ReadableStream());
  const reader = rs.getReader();
  ac.abort('why');
  reader.read().then(common.mustNotCall(), common.mustCall((err) => {
    assert.strictEqual(err.name, 'AbortError');
    assert.strictEqual(err.code, 'ABORT_ERR');
    assert.strictEqual(err.cause, 'why');
  }));
}

{
  const ac = new AbortController();
  ac.abort();
  const ws = addAbortSignal(ac.signal, new WritableStream());
  ws.getWriter().write(1).then(common.mustNotCall(), common.mustCall((err) => {
    assert.strictEqual(err.name, 'AbortError');
  }));
}

assert.throws(() => finished({}, () => {}), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => addAbortSignal(new AbortController().signal, {}),
              { code: 'ERR_INVALID_ARG_TYPE' });
