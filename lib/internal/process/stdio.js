// process.stdout, process.stderr and process.stdin, made on first use.
// Output is written synchronously (see src/stdio.c; on a terminal a
// tty.WriteStream with blocking writes), so nothing is lost when the
// process exits right after a write.
'use strict';

const binding = internalBinding('stdio');

const { getColorDepth: colorDepth } = require('internal/tty');

// Destroying a stdio stream never closes the descriptor: it belongs to the
// process. The stream stays usable, and 'close' is still emitted.
function stdioDestroy(err, callback) {
  callback(err);
  this._undestroy();
  if (!this._writableState.emitClose)
    process.nextTick(() => this.emit('close'));
}

// A terminal: a tty.WriteStream, whose size follows SIGWINCH.
function makeTTYWritable(fd) {
  const tty = require('tty');
  const stream = new tty.WriteStream(fd);
  stream.fd = fd;
  stream._type = 'tty';
  stream._isStdio = true;
  stream.destroySoon = stream.destroy;
  stream._destroy = stdioDestroy;
  process.on('SIGWINCH', () => stream._refreshSize());
  return stream;
}

function makeWritable(fd) {
  const { Writable } = require('stream');
  const type = binding.guessHandleType(fd);
  if (type === 'TTY') return makeTTYWritable(fd);
  const stream = new Writable({
    decodeStrings: false,
    write(chunk, encoding, callback) {
      try {
        binding.writeSync(fd, chunk);
      } catch (err) {
        // Node writes to pipes and terminals through sockets, whose errors
        // read "write EPIPE"; files keep the fs form.
        callback(typeof err.errno === 'number' && type !== 'FILE' ?
          require('internal/errors').errnoException(err.errno, 'write') :
          err);
        return;
      }
      callback();
    },
    // The descriptor belongs to the process: ending the stream never
    // closes it.
    destroy(err, callback) {
      callback(err);
    },
  });
  stream.fd = fd;
  stream._type = type.toLowerCase();
  stream._isStdio = true;
  stream.destroySoon = stream.destroy;
  return stream;
}

function makeStdin() {
  const { Readable } = require('stream');
  const type = binding.guessHandleType(0);
  if (type === 'TTY') return makeTTYStdin();
  let handle = null;
  const stream = new Readable({
    read() {
      if (handle === null) handle = binding.createReader(0, onread);
      binding.readStart(handle);
    },
    destroy(err, callback) {
      if (handle !== null) {
        binding.close(handle);
        handle = null;
      }
      callback(err);
    },
  });
  function onread(chunk) {
    if (chunk === null) {
      stream.push(null);
    } else if (chunk instanceof Error) {
      stream.destroy(chunk);
    } else if (!stream.push(chunk) && handle !== null) {
      binding.readStop(handle);
    }
  }
  // Pausing stops reading, so a paused stdin does not keep the process up.
  stream.on('pause', () => {
    if (handle !== null) process.nextTick(() => {
      if (handle !== null && stream.isPaused()) binding.readStop(handle);
    });
  });
  stream.fd = 0;
  return stream;
}

// A terminal: a tty.ReadStream that reads only while someone reads.
function makeTTYStdin() {
  const tty = require('tty');
  const stream = new tty.ReadStream(0);
  stream.fd = 0;
  const handle = stream._handle;
  handle.reading = false;
  stream._readableState.reading = false;
  handle.readStop();
  // Pausing stops reading (on the next tick: a pause followed at once by a
  // resume keeps reading), so a paused stdin does not keep the process up.
  stream.on('pause', () => process.nextTick(() => {
    const h = stream._handle;
    if (h && h.reading && !stream.readableFlowing) {
      stream._readableState.reading = false;
      h.reading = false;
      h.readStop();
    }
  }));
  return stream;
}

function setup(process) {
  const lazy = (name, make) => {
    let value;
    Object.defineProperty(process, name, {
      get() {
        if (value === undefined) value = make();
        return value;
      },
      set(v) {
        value = v;
      },
      enumerable: true,
      configurable: true,
    });
  };
  lazy('stdout', () => makeWritable(1));
  lazy('stderr', () => makeWritable(2));
  lazy('stdin', makeStdin);
  // The old way to read stdin (still used by old programs): flowing stdin.
  process.openStdin = function openStdin() {
    process.stdin.resume();
    return process.stdin;
  };
}

module.exports = { setup, colorDepth };
