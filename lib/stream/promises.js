'use strict';

// Promise versions of pipeline() and finished().

const { pipelineImpl } = require('internal/streams/pipeline');
const { finished } = require('internal/streams/end-of-stream');
const { isIterable, isNodeStream } = require('internal/streams/utils');

// pipeline(...streams[, options]) -> Promise of the last step's value.
// A trailing plain object is { signal, end }.
function pipeline(...streams) {
  return new Promise((resolve, reject) => {
    let signal;
    let end;
    const lastArg = streams[streams.length - 1];
    if (lastArg && typeof lastArg === 'object' &&
        !isNodeStream(lastArg) && !isIterable(lastArg)) {
      const options = streams.pop();
      signal = options.signal;
      end = options.end;
    }

    pipelineImpl(streams, (err, value) => {
      if (err) reject(err);
      else resolve(value);
    }, { signal, end });
  });
}

module.exports = { finished, pipeline };
