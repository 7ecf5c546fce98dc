'use strict';

// stream.compose(...streams): one Duplex that writes into the first stream
// and reads from the last, with pipeline() joining them in between. An
// error anywhere destroys them all, the Duplex included; destroying the
// Duplex destroys them all too.

const {
  AbortError,
  codes: {
    ERR_INVALID_ARG_VALUE,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const {
  isNodeStream,
  isReadable,
  isWritable,
} = require('internal/streams/utils');
const { destroyer } = require('internal/streams/destroy');
const eos = require('internal/streams/end-of-stream');
const { pipelineImpl } = require('internal/streams/pipeline');
const Duplex = require('internal/streams/duplex');

function compose(...streams) {
  if (streams.length === 0) throw new ERR_MISSING_ARGS('streams');
  if (streams.length === 1) return Duplex.from(streams[0]);

  const given = [...streams];
  const last = streams.length - 1;
  // A function at either end becomes a stream of its own (an async
  // generator function a transform, an async function a writable);
  // functions in between are pipeline's transforms.
  if (typeof streams[0] === 'function') streams[0] = Duplex.from(streams[0]);
  if (typeof streams[last] === 'function') {
    streams[last] = Duplex.from(streams[last]);
  }
  for (let i = 0; i < streams.length; i++) {
    if (!isNodeStream(streams[i])) continue;
    if (i < last && !isReadable(streams[i])) {
      throw new ERR_INVALID_ARG_VALUE(`streams[${i}]`, given[i],
                                      'must be readable');
    }
    if (i > 0 && !isWritable(streams[i])) {
      throw new ERR_INVALID_ARG_VALUE(`streams[${i}]`, given[i],
                                      'must be writable');
    }
  }

  // Callbacks of the Duplex waiting on the inner streams.
  let onDrain = null;     // a write, waiting for the head to drain
  let onFinal = null;     // _final, waiting for the tail to be done
  let onReadable = null;  // _read, waiting for the tail to have data
  let onClose = null;     // _destroy, waiting for the pipeline to stop
  let running = true;
  let composed;

  // The pipeline's callback: it has finished, or failed and destroyed
  // every stream in it.
  function onPipelineDone(err) {
    running = false;
    const close = onClose;
    onClose = null;
    if (close !== null) {
      close(err);
    } else if (err) {
      composed.destroy(err);
    } else if (!readable && !writable) {
      // Nothing to read or write: the Duplex only reports the end.
      composed.destroy();
    }
  }

  const head = streams[0];
  const tail = pipelineImpl(streams, onPipelineDone);
  const writable = isNodeStream(head) && !!isWritable(head);
  const readable = isNodeStream(tail) && !!isReadable(tail);

  composed = new Duplex({
    writableObjectMode: !!(head && head.writableObjectMode),
    readableObjectMode: !!(tail && tail.readableObjectMode),
    writable,
    readable,
  });

  if (writable) {
    composed._write = function(chunk, encoding, callback) {
      if (head.write(chunk, encoding)) {
        callback();
      } else {
        onDrain = callback;
      }
    };
    composed._final = function(callback) {
      head.end();
      onFinal = callback;
    };
    // The Duplex has finished once the tail is all done (closed, for a
    // stream that emits 'close'). Errors take the pipeline's path.
    eos(tail, (err) => {
      if (onFinal !== null && !err) {
        const callback = onFinal;
        onFinal = null;
        callback();
      }
    });
    head.on('drain', () => {
      if (onDrain !== null) {
        const callback = onDrain;
        onDrain = null;
        callback();
      }
    });
  }

  if (readable) {
    tail.on('readable', () => {
      if (onReadable !== null) {
        const read = onReadable;
        onReadable = null;
        read();
      }
    });
    tail.on('end', () => {
      composed.push(null);
    });
    composed._read = function() {
      for (;;) {
        const chunk = tail.read();
        if (chunk === null) {
          onReadable = composed._read;
          return;
        }
        if (!composed.push(chunk)) return;
      }
    };
  }

  composed._destroy = function(err, callback) {
    // Destroyed while data still flows: the inner streams are aborted.
    if (!err && running) err = new AbortError();
    onReadable = null;
    onDrain = null;
    onFinal = null;
    if (!running) {
      callback(err);
    } else {
      onClose = callback;
      destroyer(tail, err);
    }
  };

  return composed;
}

module.exports = compose;
