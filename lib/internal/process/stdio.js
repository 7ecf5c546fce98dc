// process.stdout, process.stderr and process.stdin, made on first use.
// Output is written synchronously (see src/stdio.c), so nothing is lost
// when the process exits right after a write.
'use strict';

const binding = internalBinding('stdio');

function colorDepth(env = process.env) {
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    return { '': 4, 1: 4, true: 4, 2: 8, 3: 24, 0: 1, false: 1 }[force] ?? 4;
  }
  if (env.NODE_DISABLE_COLORS !== undefined || env.NO_COLOR !== undefined ||
      env.TERM === 'dumb') {
    return 1;
  }
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 24;
  if (env.TERM && /-256(color)?$/i.test(env.TERM)) return 8;
  return 4;
}

function makeWritable(fd) {
  const { Writable } = require('stream');
  const type = binding.guessHandleType(fd);
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
  if (type === 'TTY') {
    stream.isTTY = true;
    stream.getWindowSize = () => binding.getWindowSize(fd) || [80, 24];
    Object.defineProperty(stream, 'columns', {
      get: () => stream.getWindowSize()[0], enumerable: true,
      configurable: true,
    });
    Object.defineProperty(stream, 'rows', {
      get: () => stream.getWindowSize()[1], enumerable: true,
      configurable: true,
    });
    // 'resize' when the terminal's size changes (SIGWINCH), watched only
    // while someone listens (readline redraws on it).
    const onWinch = () => stream.emit('resize');
    stream.on('newListener', (event) => {
      if (event === 'resize' && stream.listenerCount('resize') === 0)
        process.on('SIGWINCH', onWinch);
    });
    stream.on('removeListener', (event) => {
      if (event === 'resize' && stream.listenerCount('resize') === 0)
        process.off('SIGWINCH', onWinch);
    });
    stream.getColorDepth = (env) => colorDepth(env);
    stream.hasColors = (count = 16, env) => {
      if (typeof count === 'object') {
        env = count;
        count = 16;
      }
      return count <= 2 ** colorDepth(env);
    };
  }
  return stream;
}

function makeStdin() {
  const { Readable } = require('stream');
  const type = binding.guessHandleType(0);
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
  if (type === 'TTY') {
    stream.isTTY = true;
    stream.isRaw = false;
    stream.setRawMode = (flag) => {
      if (handle === null) handle = binding.createReader(0, onread);
      binding.setRawMode(handle, !!flag);
      stream.isRaw = !!flag;
      return stream;
    };
  }
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
