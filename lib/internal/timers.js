// Timers and immediates. All timers live in one binary min-heap ordered by
// expiry (then by creation), under a single libuv timer that C arms for the
// earliest one; immediates live in a FIFO that C's check handle drains once
// per loop turn.
'use strict';

const binding = internalBinding('timers');
const { runNextTicks } = require('internal/process/task_queues');
const {
  initResource, enterResource, leave, emitDestroy, kAsyncId: kAsyncIdOf,
} = require('internal/async_hooks');

const TIMEOUT_MAX = 2 ** 31 - 1;
const kRefed = Symbol('refed');
const kHeapIndex = Symbol('heapIndex');
const kExpiry = Symbol('expiry');
const kSeq = Symbol('seq');
// Where the timer sits in the heap: its expiry and seq when it was put
// there. A refresh only moves kExpiry / kSeq later and leaves the timer in
// place (sockets refresh theirs on every read and write); the heap puts it
// right once it comes to the top (settleTop). Key <= actual, always.
const kKeyExpiry = Symbol('keyExpiry');
const kKeySeq = Symbol('keySeq');
const kId = Symbol('asyncId');
const kHasPrimitive = Symbol('kHasPrimitive');
const kList = Symbol('list');

let seq = 0;
let timerRefCount = 0;
const knownTimersById = { __proto__: null };

// ---- The heap --------------------------------------------------------------

const heap = [];

function before(a, b) {
  return a[kKeyExpiry] < b[kKeyExpiry] ||
    (a[kKeyExpiry] === b[kKeyExpiry] && a[kKeySeq] < b[kKeySeq]);
}

function place(t, i) {
  heap[i] = t;
  t[kHeapIndex] = i;
}

function siftUp(i) {
  const t = heap[i];
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(t, heap[parent])) break;
    place(heap[parent], i);
    i = parent;
  }
  place(t, i);
}

function siftDown(i) {
  const t = heap[i];
  const n = heap.length;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= n) break;
    if (child + 1 < n && before(heap[child + 1], heap[child])) child++;
    if (!before(heap[child], t)) break;
    place(heap[child], i);
    i = child;
  }
  place(t, i);
}

function heapRemove(t) {
  const i = t[kHeapIndex];
  if (!(i >= 0)) return;  // not in the heap (-1, or never was)
  t[kHeapIndex] = -1;
  const last = heap.pop();
  if (last !== t) {
    place(last, i);
    siftDown(i);
    siftUp(last[kHeapIndex]);
  }
}

// Moves the timers whose refresh the heap has not seen yet from the top to
// their places, so that heap[0] is the timer due first.
function settleTop() {
  while (heap.length > 0) {
    const t = heap[0];
    if (t[kKeyExpiry] === t[kExpiry] && t[kKeySeq] === t[kSeq]) return;
    t[kKeyExpiry] = t[kExpiry];
    t[kKeySeq] = t[kSeq];
    siftDown(0);
  }
}

function heapInsert(t) {
  t[kHeapIndex] = heap.length;
  heap.push(t);
  siftUp(heap.length - 1);
}

// ---- Ref counting: the libuv timer keeps the loop alive only while some
// ref'd timer is pending. ----------------------------------------------------

function incRef() {
  if (timerRefCount++ === 0) binding.toggleTimerRef(true);
}

function decRef() {
  if (--timerRefCount === 0) binding.toggleTimerRef(false);
}

// Puts t in the heap, due `t._idleTimeout` ms from the loop's now.
function insert(t, start) {
  // Whole milliseconds, as Node: timers of 1 and 1.8 ms are due together
  // and run in the order they were made.
  const msecs = Math.trunc(t._idleTimeout);
  t._idleStart = start;
  t[kExpiry] = t[kKeyExpiry] = start + msecs;
  t[kSeq] = t[kKeySeq] = seq++;
  heapInsert(t);
  if (heap[0] === t) binding.scheduleTimer(msecs);
}

class Timeout {
  constructor(callback, after, args, isRepeat, isRefed) {
    after *= 1;
    if (!(after >= 1 && after <= TIMEOUT_MAX)) {
      if (after > TIMEOUT_MAX) {
        process.emitWarning(`${after} does not fit into a 32-bit signed ` +
                            'integer.\nTimeout duration was set to 1.',
                            'TimeoutOverflowWarning');
      }
      after = 1;
    }
    this._idleTimeout = after;
    this._idlePrev = this;
    this._idleNext = this;
    this._idleStart = null;
    this._onTimeout = callback;
    this._timerArgs = args;
    this._repeat = isRepeat ? after : null;
    this._destroyed = false;
    this[kRefed] = isRefed;
    this[kHasPrimitive] = false;
    this[kId] = initResource(this, 'Timeout');
    this[kHeapIndex] = -1;
    this[kExpiry] = this[kKeyExpiry] = 0;
    this[kSeq] = this[kKeySeq] = 0;
    if (isRefed) incRef();
    insert(this, binding.getLibuvNow());
  }

  refresh() {
    if (this._destroyed) return this;
    const now = binding.getLibuvNow();
    const expiry = now + Math.trunc(this._idleTimeout);
    if (this[kHeapIndex] >= 0 && expiry >= this[kKeyExpiry]) {
      // Later than where the heap has it: settleTop moves it when due.
      this._idleStart = now;
      this[kExpiry] = expiry;
      this[kSeq] = seq++;
      return this;
    }
    heapRemove(this);
    insert(this, now);
    return this;
  }

  unref() {
    if (this[kRefed]) {
      this[kRefed] = false;
      if (!this._destroyed) decRef();
    }
    return this;
  }

  ref() {
    if (!this[kRefed]) {
      this[kRefed] = true;
      if (!this._destroyed) incRef();
    }
    return this;
  }

  hasRef() {
    return this[kRefed];
  }

  close() {
    clearTimeout(this);
    return this;
  }

  [Symbol.toPrimitive]() {
    const id = this[kId];
    if (!this[kHasPrimitive]) {
      this[kHasPrimitive] = true;
      knownTimersById[id] = this;
    }
    return id;
  }
}

function unenroll(t) {
  if (t._destroyed) return;
  t._destroyed = true;
  if (t[kId] !== undefined) emitDestroy(t[kId]);
  if (t[kHasPrimitive]) delete knownTimersById[t[kId]];
  if (t[kRefed]) decRef();
  heapRemove(t);
}

function clearTimeout(timer) {
  if (timer && timer._onTimeout) {
    timer._onTimeout = null;
    unenroll(timer);
    return;
  }
  if (typeof timer === 'number' || typeof timer === 'string') {
    const t = knownTimersById[timer];
    if (t !== undefined) {
      t._onTimeout = null;
      unenroll(t);
    }
  }
}

// ---- The legacy API: any object with _idleTimeout and _onTimeout can be
// a timer (timers.enroll/active/_unrefActive/unenroll, deprecated in Node
// but still used by old code). It joins the same heap as Timeouts. ------------

// (Re)starts item's countdown of item._idleTimeout ms; nothing when the
// item was never enrolled or was unenrolled.
function activate(item, refed) {
  const ms = item._idleTimeout;
  if (typeof ms !== 'number' || ms < 0) return;
  if (item[kHeapIndex] >= 0) {
    heapRemove(item);
    if (item[kRefed]) decRef();
  }
  item._destroyed = false;
  item[kRefed] = refed;
  if (refed) incRef();
  insert(item, binding.getLibuvNow());
}

function unenrollItem(item) {
  if (item[kHeapIndex] >= 0) {
    heapRemove(item);
    if (item[kRefed]) decRef();
  }
  item._destroyed = true;
  item._idleTimeout = -1;
}

// Called by C when the libuv timer fires. Returns the next expiry (ms on
// the loop's clock), negated when no ref'd timer remains, or 0 for none.
function processTimers(now) {
  let ranOne = false;
  for (;;) {
    settleTop();
    if (heap.length === 0) break;
    const t = heap[0];
    // Only what was due when the pass began, as in Node: a timer that
    // comes due while callbacks run waits for the next turn (after the
    // immediates a callback set).
    if (t[kExpiry] > now) break;
    heapRemove(t);
    if (ranOne) runNextTicks();
    else ranOne = true;
    // The ticks and microtasks just run may have cleared or refreshed it.
    if (t._destroyed || t[kHeapIndex] !== -1) continue;
    let threw = true;
    const isTimeout = t[kId] !== undefined;
    if (isTimeout) enterResource(t);
    try {
      const args = t._timerArgs;
      if (args === undefined) t._onTimeout();
      else t._onTimeout(...args);
      threw = false;
    } finally {
      // One that threw stays entered for the uncaught-exception handler.
      if (isTimeout && !threw) leave(t[kId]);
      // Unless the callback refreshed or cleared it, an interval goes
      // round again and a timeout is done.
      if (!t._destroyed && t[kHeapIndex] === -1) {
        if (t._repeat) {
          t._idleTimeout = t._repeat;
          insert(t, binding.getLibuvNow());
        } else {
          t._destroyed = true;
          if (t[kHasPrimitive]) delete knownTimersById[t[kId]];
          if (t[kRefed]) decRef();
          if (isTimeout) emitDestroy(t[kId]);
        }
      }
      if (threw && heap.length > 0) binding.scheduleTimer(1);
    }
  }
  settleTop();
  if (heap.length === 0) return 0;
  const next = heap[0][kExpiry];
  return timerRefCount > 0 ? next : -next;
}

// ---- Immediates -------------------------------------------------------------

const immediateInfo = binding.setup(processTimers, processImmediate);
const kCount = 0;
const kRefCount = 1;

// Doubly linked FIFO lists: the queue being filled, and what is left of
// one whose run was cut short by an exception.
class ImmediateList {
  constructor() {
    this.head = null;
    this.tail = null;
  }
  append(item) {
    item[kList] = this;
    if (this.tail !== null) {
      this.tail._idleNext = item;
      item._idlePrev = this.tail;
    } else {
      this.head = item;
    }
    this.tail = item;
  }
  remove(item) {
    if (item._idleNext !== null) item._idleNext._idlePrev = item._idlePrev;
    if (item._idlePrev !== null) item._idlePrev._idleNext = item._idleNext;
    if (item === this.head) this.head = item._idleNext;
    if (item === this.tail) this.tail = item._idlePrev;
    item._idleNext = item._idlePrev = null;
  }
}

let immediateQueue = new ImmediateList();
let outstandingQueue = new ImmediateList();

function immediateIncRef() {
  if (immediateInfo[kRefCount]++ === 0) binding.toggleImmediateRef(true);
}

function immediateDecRef() {
  if (--immediateInfo[kRefCount] === 0) binding.toggleImmediateRef(false);
}

class Immediate {
  constructor(callback, args) {
    this._idleNext = null;
    this._idlePrev = null;
    this._onImmediate = callback;
    this._argv = args;
    this._destroyed = false;
    this[kRefed] = false;
    initResource(this, 'Immediate');
    this.ref();
    immediateInfo[kCount]++;
    immediateQueue.append(this);
  }

  ref() {
    if (!this[kRefed]) {
      this[kRefed] = true;
      if (!this._destroyed) immediateIncRef();
    }
    return this;
  }

  unref() {
    if (this[kRefed]) {
      this[kRefed] = false;
      if (!this._destroyed) immediateDecRef();
    }
    return this;
  }

  hasRef() {
    return this[kRefed];
  }
}

function finishImmediate(imm) {
  imm._destroyed = true;
  immediateInfo[kCount]--;
  if (imm[kRefed]) immediateDecRef();
}

// Called by C once per loop turn while immediates are pending. Runs the
// ones queued before it started; those queued meanwhile wait a turn. The
// list being run is `outstandingQueue`, so that, should a callback throw,
// C's next call goes on with the rest.
function processImmediate() {
  const queue = outstandingQueue.head !== null ?
    outstandingQueue : immediateQueue;
  if (queue === immediateQueue) immediateQueue = new ImmediateList();
  outstandingQueue = queue;
  let ranOne = false;
  let imm;
  while ((imm = queue.head) !== null) {
    queue.remove(imm);
    if (imm._destroyed) continue;
    if (ranOne) runNextTicks();
    else ranOne = true;
    // The ticks and microtasks just run may have cleared it.
    if (imm._destroyed) continue;
    finishImmediate(imm);
    const id = imm[kAsyncIdOf];
    enterResource(imm);
    const args = imm._argv;
    if (args === undefined) imm._onImmediate();
    else imm._onImmediate(...args);
    leave(id);  // not when it threw: see processTicksAndRejections
    emitDestroy(id);
  }
}

function clearImmediate(imm) {
  if (!(imm instanceof Immediate) || imm._destroyed) return;
  finishImmediate(imm);
  emitDestroy(imm[kAsyncIdOf]);
  imm._onImmediate = null;
  imm[kList].remove(imm);
}

// [ref'd timers pending, ref'd immediates pending], for
// process.getActiveResourcesInfo().
function activeCounts() {
  return [timerRefCount, immediateInfo[kRefCount]];
}

// `using` declarations (and explicit calls) clear them, as in Node.
Timeout.prototype[Symbol.dispose] = function() {
  clearTimeout(this);
};
Immediate.prototype[Symbol.dispose] = function() {
  clearImmediate(this);
};

module.exports = {
  activate,
  activeCounts,
  unenrollItem,
  Timeout,
  Immediate,
  clearTimeout,
  clearImmediate,
  TIMEOUT_MAX,
  kRefed,
};
