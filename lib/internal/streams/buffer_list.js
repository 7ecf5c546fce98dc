'use strict';

// The queue behind readable._readableState.buffer: a singly linked list
// of chunks with the few operations Readable needs. `length` counts
// chunks, not bytes.

const { concat, slice } = require('internal/streams/chunk');

class BufferList {
  constructor() {
    this.head = null;
    this.tail = null;
    this.length = 0;
  }

  push(v) {
    const node = { data: v, next: null };
    if (this.tail === null) this.head = node;
    else this.tail.next = node;
    this.tail = node;
    this.length++;
  }

  unshift(v) {
    this.head = { data: v, next: this.head };
    if (this.tail === null) this.tail = this.head;
    this.length++;
  }

  shift() {
    if (this.head === null) return undefined;
    const v = this.head.data;
    this.head = this.head.next;
    if (this.head === null) this.tail = null;
    this.length--;
    return v;
  }

  first() {
    return this.head === null ? undefined : this.head.data;
  }

  clear() {
    this.head = this.tail = null;
    this.length = 0;
  }

  join(sep) {
    const parts = [];
    for (let p = this.head; p !== null; p = p.next) parts.push(String(p.data));
    return parts.join(sep);
  }

  // All chunks as one; `n` is their total size.
  concat(n) {
    const list = [];
    for (let p = this.head; p !== null; p = p.next) list.push(p.data);
    return concat(list, n);
  }

  // Take exactly n units (bytes or characters) off the front.
  consume(n, hasStrings) {
    const first = this.head.data;
    if (n < first.length) {
      this.head.data = slice(first, n);
      return slice(first, 0, n);
    }
    if (n === first.length) return this.shift();
    const taken = [];
    let left = n;
    while (left > 0 && this.head !== null) {
      const data = this.head.data;
      if (data.length <= left) {
        taken.push(data);
        left -= data.length;
        this.shift();
      } else {
        taken.push(slice(data, 0, left));
        this.head.data = slice(data, left);
        left = 0;
      }
    }
    return hasStrings ? taken.join('') : concat(taken, n);
  }

  *[Symbol.iterator]() {
    for (let p = this.head; p !== null; p = p.next) yield p.data;
  }
}

module.exports = { BufferList };
