'use strict';

// readline.emitKeypressEvents(stream[, interface]): makes `stream` emit
// 'keypress' events for the data it receives, as long as someone listens
// for them.

const { createDecoder } = require('internal/streams/chunk');
const { KeyParser } = require('internal/readline/keypress');
const {
  kEscape, charLengthAt, kSawKeyPress,
} = require('internal/readline/utils');

const kKeypressDecoder = Symbol('keypress-decoder');
const kEscapeDecoder = Symbol('escape-decoder');

// How long a lone ESC waits for the rest of a sequence.
const kDefaultEscapeCodeTimeout = 500;

let timers;
function lazyTimers() {
  if (timers === undefined) timers = require('timers');
  return timers;
}

function emitKeypressEvents(stream, iface = {}) {
  if (stream[kKeypressDecoder]) return;

  stream[kKeypressDecoder] = createDecoder('utf8');
  const newParser = () =>
    new KeyParser((str, key) => stream.emit('keypress', str, key));
  stream[kEscapeDecoder] = newParser();

  const { escapeCodeTimeout = kDefaultEscapeCodeTimeout } = iface;
  let escapeTimer;
  // Nothing followed a trailing ESC: it was the escape key.
  const flushEscape = () => stream[kEscapeDecoder].feed('');

  function onData(input) {
    if (stream.listenerCount('keypress') === 0) {
      // Nobody listens any more: stop decoding until someone does.
      stream.removeListener('data', onData);
      stream.on('newListener', onNewListener);
      return;
    }
    const text = stream[kKeypressDecoder].write(input);
    if (!text) return;
    lazyTimers().clearTimeout(escapeTimer);
    // A chunk holding one key was typed; more is a paste or a script.
    iface[kSawKeyPress] = charLengthAt(text, 0) === text.length;
    // Tab completes only when the tab ends the chunk, not inside a paste.
    iface.isCompletionEnabled = false;
    let seen = 0;
    for (const ch of text) {
      seen += ch.length;
      const last = seen === text.length;
      if (last) iface.isCompletionEnabled = true;
      try {
        stream[kEscapeDecoder].feed(ch);
      } catch (err) {
        // A listener threw: start the next key from a clean state.
        stream[kEscapeDecoder] = newParser();
        throw err;
      }
      if (last && ch === kEscape) {
        escapeTimer = lazyTimers().setTimeout(flushEscape, escapeCodeTimeout);
      }
    }
  }

  function onNewListener(event) {
    if (event === 'keypress') {
      stream.on('data', onData);
      stream.removeListener('newListener', onNewListener);
    }
  }

  if (stream.listenerCount('keypress') > 0) {
    stream.on('data', onData);
  } else {
    stream.on('newListener', onNewListener);
  }
}

module.exports = emitKeypressEvents;
