// fs/promises (also fs.promises): the callback forms of lib/fs.js, each
// returning a promise, and open() with a small FileHandle.
'use strict';

const fs = require('fs');
const binding = internalBinding('fs');
const { validateString } = require('internal/validators');

// A promise form of fs[name]: the callback goes last; a validation error
// thrown by the callback form becomes a rejection, as in Node.
function promised(name) {
  const fn = fs[name];
  const wrapper = {
    [name](...args) {
      return new Promise((resolve, reject) => {
        fn(...args, (err, value) => (err ? reject(err) : resolve(value)));
      });
    },
  };
  return wrapper[name];
}

// Unlike fs.realpath, this one is the system's realpath in one call (as in
// Node), so its errors name the syscall 'realpath'.
function realpath(path, options) {
  return new Promise((resolve, reject) => {
    if (path !== null && typeof path === 'object' && path.protocol === 'file:')
      path = decodeURIComponent(path.pathname);
    validateString(path, 'path');
    binding.realpath(path, (err, p) => (err ? reject(err) : resolve(p)));
  });
}

// An open file: its methods work on the descriptor. It is not closed for
// you when collected (Node does that with a warning); call close().
class FileHandle {
  #fd;
  constructor(fd) {
    this.#fd = fd;
  }
  get fd() {
    return this.#fd;
  }
  #call(name, ...args) {
    return new Promise((resolve, reject) => {
      fs[name](this.#fd, ...args, (err, ...values) => {
        if (err) reject(err);
        else resolve(values);
      });
    });
  }
  async read(buffer, offset, length, position) {
    if (buffer === undefined || (!ArrayBuffer.isView(buffer) &&
                                 typeof buffer === 'object')) {
      const [bytesRead, buf] = await this.#call('read', buffer || {});
      return { bytesRead, buffer: buf };
    }
    const [bytesRead, buf] = await this.#call('read', buffer, offset ?? 0,
      length ?? buffer.byteLength - (offset ?? 0), position ?? null);
    return { bytesRead, buffer: buf };
  }
  async write(data, ...rest) {
    const [bytesWritten, buf] = await this.#call('write', data, ...rest);
    return { bytesWritten, buffer: buf };
  }
  async readFile(options) {
    return (await this.#call('readFile', options ?? {}))[0];
  }
  async writeFile(data, options) {
    await this.#call('writeFile', data, options ?? {});
  }
  async appendFile(data, options) {
    await this.#call('writeFile', data, options ?? {});
  }
  async stat() {
    return (await this.#call('fstat'))[0];
  }
  async close() {
    if (this.#fd === -1) return;
    const fd = this.#fd;
    this.#fd = -1;
    await new Promise((resolve, reject) => {
      fs.close(fd, (err) => (err ? reject(err) : resolve()));
    });
  }
}

async function open(path, flags, mode) {
  const fd = await new Promise((resolve, reject) => {
    fs.open(path, flags, mode, (err, value) => {
      if (err) reject(err);
      else resolve(value);
    });
  });
  return new FileHandle(fd);
}

module.exports = {
  open,
  readFile: promised('readFile'),
  writeFile: promised('writeFile'),
  appendFile: promised('appendFile'),
  stat: promised('stat'),
  lstat: promised('lstat'),
  readdir: promised('readdir'),
  mkdir: promised('mkdir'),
  rm: promised('rm'),
  rmdir: promised('rmdir'),
  unlink: promised('unlink'),
  rename: promised('rename'),
  access: promised('access'),
  realpath,
  constants: fs.constants,
};
