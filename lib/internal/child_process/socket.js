'use strict';

// A Duplex over a pipe_wrap handle: the stdin, stdout and stderr of a child
// process. It covers what child_process needs of net.Socket (reading,
// writing, end, destroy, ref/unref, bufferSize); net.Socket can take its
// place once net exists.

const { Duplex } = require('stream');
const { errnoException } = require('internal/errors');
const { Buffer } = require('buffer');

const pipeBinding = internalBinding('pipe_wrap');

const kHandle = Symbol('kHandle');
const UV_EOF = -4095;
const UV_ENOTCONN = -107;

function writeDone(socket, callback) {
  return (status) => {
    if (status < 0) callback(errnoException(status, 'write'));
    else callback();
  };
}

// Passes the result of a write native on: done now, queued, or failed.
function afterWrite(socket, result, callback) {
  if (result < 0) callback(errnoException(result, 'write'));
  else if (result === 0) callback();
  // 1: queued, the native calls back.
}

class Socket extends Duplex {
  // options: { handle, readable, writable }
  constructor(options) {
    const { handle, readable = true, writable = true } = options;
    super({
      readable,
      writable,
      allowHalfOpen: true,
      decodeStrings: false,
    });
    this[kHandle] = handle;
    this._handle = handle;
    this.connecting = false;
    handle.onread = (chunk) => this._onread(chunk);
  }

  _onread(chunk) {
    if (chunk === null) {
      this.push(null);
    } else if (chunk instanceof Error) {
      // A pipe whose writer went away reports a reset: that is its end.
      if (chunk.errno === UV_EOF) this.push(null);
      else this.destroy(chunk);
    } else {
      const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
      if (!this.push(buf) && this._handle !== null) {
        pipeBinding.readStop(this._handle);
      }
    }
  }

  _read() {
    if (this._handle === null) return;
    const err = pipeBinding.readStart(this._handle);
    // A pipe that was never opened (the child did not start) has no data.
    if (err === UV_ENOTCONN) this.push(null);
    else if (err < 0) this.destroy(errnoException(err, 'read'));
  }

  _write(chunk, encoding, callback) {
    if (this._handle === null) {
      callback(errnoException(-9, 'write'));
      return;
    }
    const done = writeDone(this, callback);
    let result;
    if (typeof chunk === 'string') {
      if (encoding === 'utf8' || encoding === 'utf-8') {
        result = pipeBinding.writeUtf8String(this._handle, chunk, done);
      } else {
        result = pipeBinding.writeBuffer(this._handle,
                                         Buffer.from(chunk, encoding), done);
      }
    } else {
      result = pipeBinding.writeBuffer(this._handle, chunk, done);
    }
    afterWrite(this, result, callback);
  }

  _writev(chunks, callback) {
    if (this._handle === null) {
      callback(errnoException(-9, 'write'));
      return;
    }
    const list = chunks.map(({ chunk, encoding }) => {
      if (typeof chunk !== 'string' || encoding === 'utf8' ||
          encoding === 'utf-8') {
        return chunk;
      }
      return Buffer.from(chunk, encoding);
    });
    const result = pipeBinding.writev(this._handle, list,
                                      writeDone(this, callback));
    afterWrite(this, result, callback);
  }

  _final(callback) {
    if (this._handle === null) {
      callback();
      return;
    }
    const err = pipeBinding.shutdown(this._handle, (status) => {
      if (status < 0 && status !== UV_ENOTCONN) {
        callback(errnoException(status, 'shutdown'));
      } else {
        callback();
      }
    });
    if (err < 0) callback(err === UV_ENOTCONN ? undefined :
      errnoException(err, 'shutdown'));
  }

  _destroy(err, callback) {
    const handle = this._handle;
    if (handle === null) {
      callback(err);
      return;
    }
    this._handle = null;
    pipeBinding.close(handle, () => callback(err));
  }

  get bufferSize() {
    if (this._handle === null) return undefined;
    return this.writableLength + pipeBinding.writeQueueSize(this._handle);
  }

  get pending() {
    return this._handle === null;
  }

  ref() {
    if (this._handle !== null) pipeBinding.ref(this._handle, true);
    return this;
  }

  unref() {
    if (this._handle !== null) pipeBinding.ref(this._handle, false);
    return this;
  }
}

module.exports = { Socket };
