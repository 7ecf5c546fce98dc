'use strict';

// readline/promises Readline: cursor actions on a writable stream,
// queued until commit() (or written on the next tick with autoCommit).

const {
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const {
  validateBoolean,
  validateInteger,
} = require('internal/validators');
const { isWritable } = require('internal/streams/utils');
const {
  CSI,
  kClearScreenDown,
} = require('internal/readline/utils');
const { relativeMove, clearLineCode } = require('internal/readline/callbacks');

class Readline {
  #stream;
  #pending = [];
  #autoCommit = false;

  constructor(stream, options = undefined) {
    if (!isWritable(stream))
      throw new ERR_INVALID_ARG_TYPE('stream', 'Writable', stream);
    this.#stream = stream;
    if (options?.autoCommit != null) {
      validateBoolean(options.autoCommit, 'options.autoCommit');
      this.#autoCommit = options.autoCommit;
    }
  }

  #add(data) {
    if (this.#autoCommit) {
      process.nextTick(() => this.#stream.write(data));
    } else {
      this.#pending.push(data);
    }
    return this;
  }

  cursorTo(x, y = undefined) {
    validateInteger(x, 'x');
    if (y != null) validateInteger(y, 'y');
    return this.#add(y == null ? CSI(`${x + 1}G`) : CSI(`${y + 1};${x + 1}H`));
  }

  moveCursor(dx, dy) {
    // Nothing to move: no validation either, as in Node.
    if (!dx && !dy) return this;
    validateInteger(dx, 'dx');
    validateInteger(dy, 'dy');
    return this.#add(relativeMove(dx, dy));
  }

  clearLine(dir) {
    validateInteger(dir, 'dir', -1, 1);
    return this.#add(clearLineCode(dir));
  }

  clearScreenDown() {
    return this.#add(kClearScreenDown);
  }

  // Write everything queued in one go; resolves once the stream took it.
  commit() {
    return new Promise((resolve) => {
      const data = this.#pending.join('');
      this.#pending = [];
      this.#stream.write(data, resolve);
    });
  }

  rollback() {
    this.#pending = [];
    return this;
  }
}

module.exports = { Readline };
