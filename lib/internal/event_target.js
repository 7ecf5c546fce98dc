'use strict';

// Event, CustomEvent and EventTarget as Node 18 has them: the DOM's event
// model restricted to a single target (no tree, so no capture or bubble
// phases: every listener runs at the target). NodeEventTarget adds an
// EventEmitter-like face for internal objects.

const {
  codes: {
    ERR_EVENT_RECURSION,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_THIS,
    ERR_MISSING_ARGS,
  },
  genericNodeError,
} = require('internal/errors');
const { validateObject, validateString } = require('internal/validators');
const { now } = require('internal/perf/utils');
const EventEmitter = require('events');
const {
  inspect,
  nestedOptions,
} = require('internal/util/inspect_helpers');

const { isPromise } = internalBinding('types');
const {
  kMaxEventTargetListeners,
  kMaxEventTargetListenersWarned,
} = EventEmitter;

const kEvents = Symbol('kEvents');
const kHandlers = Symbol('kHandlers');
// Hooks a subclass may define, called after a listener is added or removed:
// this[kNewListener](size, type, listener, once, capture, passive) and
// this[kRemoveListener](size, type, listener, capture).
const kNewListener = Symbol('kNewListener');
const kRemoveListener = Symbol('kRemoveListener');
// Option key that makes an event trusted (only the runtime sets it).
const kTrustEvent = Symbol('kTrustEvent');
// An internal listener option: the listener runs even after an earlier
// one called stopImmediatePropagation() (events.once's abort listener).
const kResistStopPropagation = Symbol('kResistStopPropagation');
// this[kCreateEvent](value, type) makes the Event that EventTarget-style
// listeners receive when a NodeEventTarget emits a plain value.
const kCreateEvent = Symbol('kCreateEvent');

const customInspect = Symbol.for('nodejs.util.inspect.custom');

// ---- Event ------------------------------------------------------------------

// Internal access to an event's private state, set up inside the class.
let isEvent;
let startDispatch;
let endDispatch;
let isDispatching;
let immediateStopped;

class Event {
  #type;
  #bubbles;
  #cancelable;
  #composed;
  #trusted;
  #timeStamp;
  #defaultPrevented = false;
  #propagationStopped = false;
  #immediateStopped = false;
  #dispatching = false;
  #target = null;
  #currentTarget = null;

  constructor(type, options = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    if (options !== undefined) validateObject(options, 'options');
    this.#bubbles = !!options?.bubbles;
    this.#cancelable = !!options?.cancelable;
    this.#composed = !!options?.composed;
    this.#trusted = !!options?.[kTrustEvent];
    this.#type = `${type}`;
    this.#timeStamp = now();
  }

  stopImmediatePropagation() {
    checkEvent(this);
    // Node 18 leaves cancelBubble alone here.
    this.#immediateStopped = true;
  }

  preventDefault() {
    checkEvent(this);
    // Node 18 honours it even in a passive listener.
    this.#defaultPrevented = true;
  }

  get target() {
    checkEvent(this);
    return this.#target;
  }

  get currentTarget() {
    checkEvent(this);
    return this.#currentTarget;
  }

  get srcElement() {
    checkEvent(this);
    return this.#target;
  }

  get type() {
    checkEvent(this);
    return this.#type;
  }

  get cancelable() {
    checkEvent(this);
    return this.#cancelable;
  }

  get defaultPrevented() {
    checkEvent(this);
    return this.#cancelable && this.#defaultPrevented;
  }

  get timeStamp() {
    checkEvent(this);
    return this.#timeStamp;
  }

  composedPath() {
    checkEvent(this);
    return this.#dispatching ? [this.#currentTarget] : [];
  }

  get returnValue() {
    checkEvent(this);
    return !this.defaultPrevented;
  }

  get bubbles() {
    checkEvent(this);
    return this.#bubbles;
  }

  get composed() {
    checkEvent(this);
    return this.#composed;
  }

  get eventPhase() {
    checkEvent(this);
    return this.#dispatching ? Event.AT_TARGET : Event.NONE;
  }

  get cancelBubble() {
    checkEvent(this);
    return this.#propagationStopped;
  }

  set cancelBubble(value) {
    checkEvent(this);
    if (value) this.#propagationStopped = true;
  }

  stopPropagation() {
    checkEvent(this);
    this.#propagationStopped = true;
  }

  // Answers for any object, as in Node 18.
  get isTrusted() {
    return isEvent(this) && this.#trusted;
  }

  [customInspect](depth, options) {
    const name = this.constructor.name;
    if (depth < 0) return name;
    return `${name} ${inspect({
      type: this.#type,
      defaultPrevented: this.defaultPrevented,
      cancelable: this.#cancelable,
      timeStamp: this.#timeStamp,
    }, nestedOptions(options))}`;
  }

  static {
    isEvent = (value) =>
      value !== null && typeof value === 'object' && #type in value;
    startDispatch = (event, target) => {
      event.#target = target;
      event.#currentTarget = target;
      event.#dispatching = true;
    };
    // Node 18 leaves currentTarget set once the dispatch is over.
    endDispatch = (event) => {
      event.#dispatching = false;
    };
    isDispatching = (event) => event.#dispatching;
    immediateStopped = (event) => event.#immediateStopped;
  }
}

function checkEvent(self) {
  if (!isEvent(self)) throw new ERR_INVALID_THIS('Event');
}

// Web IDL makes attributes and operations enumerable; isTrusted is
// unforgeable, so it cannot be reconfigured either.
function makeEnumerable(proto, names) {
  for (const name of names) {
    Object.defineProperty(proto, name, { enumerable: true });
  }
}

makeEnumerable(Event.prototype, [
  'stopImmediatePropagation', 'preventDefault', 'target', 'currentTarget',
  'srcElement', 'type', 'cancelable', 'defaultPrevented', 'timeStamp',
  'composedPath', 'returnValue', 'bubbles', 'composed', 'eventPhase',
  'cancelBubble', 'stopPropagation', 'isTrusted',
]);
Object.defineProperty(Event.prototype, 'isTrusted', { configurable: false });
Object.defineProperty(Event.prototype, Symbol.toStringTag, {
  value: 'Event', writable: false, enumerable: false, configurable: true,
});
for (const [name, value] of [['NONE', 0], ['CAPTURING_PHASE', 1],
  ['AT_TARGET', 2], ['BUBBLING_PHASE', 3]]) {
  Object.defineProperty(Event, name, {
    value, writable: true, enumerable: true, configurable: true,
  });
}

let isCustomEvent;

class CustomEvent extends Event {
  #detail;

  constructor(type, options = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    super(type, options);
    this.#detail = options?.detail ?? null;
  }

  get detail() {
    if (!isCustomEvent(this)) throw new ERR_INVALID_THIS('CustomEvent');
    return this.#detail;
  }

  static {
    isCustomEvent = (value) =>
      value !== null && typeof value === 'object' && #detail in value;
  }
}

makeEnumerable(CustomEvent.prototype, ['detail']);
Object.defineProperty(CustomEvent.prototype, Symbol.toStringTag, {
  value: 'CustomEvent', writable: false, enumerable: false,
  configurable: true,
});

// ---- Listeners --------------------------------------------------------------

// One registration. `callback` is what the user passed: a function or an
// object with handleEvent. `nodeStyle` listeners (NodeEventTarget's on())
// get the emitted value instead of an Event.
class Listener {
  constructor(callback, once, capture, passive, nodeStyle, resist) {
    this.callback = callback;
    this.once = once;
    this.resistStopPropagation = resist;
    this.capture = capture;
    this.passive = passive;
    this.nodeStyle = nodeStyle;
    this.removed = false;
    this.signal = undefined;
    this.onAbort = undefined;
    this.prev = null;
    this.next = null;
  }
}

// The listeners of one type, in registration order, as a linked list: a
// dispatch walks it while listeners come and go. A removed listener keeps
// its `next`, so that a walk standing on it can go on.
class ListenerList {
  constructor() {
    this.head = null;
    this.tail = null;
    this.size = 0;
  }

  append(listener) {
    listener.prev = this.tail;
    if (this.tail === null) {
      this.head = listener;
    } else {
      this.tail.next = listener;
    }
    this.tail = listener;
    this.size++;
  }

  unlink(listener) {
    if (listener.prev === null) {
      this.head = listener.next;
    } else {
      listener.prev.next = listener.next;
    }
    if (listener.next === null) {
      this.tail = listener.prev;
    } else {
      listener.next.prev = listener.prev;
    }
    this.size--;
  }

  find(callback, capture) {
    for (let l = this.head; l !== null; l = l.next) {
      if (l.callback === callback && l.capture === capture) return l;
    }
    return undefined;
  }

  callbacks() {
    const out = [];
    for (let l = this.head; l !== null; l = l.next) out.push(l.callback);
    return out;
  }
}

function isEventTarget(obj) {
  return obj !== null && typeof obj === 'object' &&
    obj[kEvents] instanceof Map;
}

// Makes `self` an event target; for objects built without the EventTarget
// constructor (whose prototype chain leads to EventTarget.prototype).
function initEventTarget(self) {
  self[kEvents] = new Map();
  self[kMaxEventTargetListeners] = EventEmitter.defaultMaxListeners;
  self[kMaxEventTargetListenersWarned] = false;
}

function checkTarget(self) {
  if (!isEventTarget(self)) throw new ERR_INVALID_THIS('EventTarget');
}

function checkListener(listener) {
  if (typeof listener === 'function' ||
      (listener !== null && typeof listener === 'object')) {
    return true;
  }
  if (listener == null) return false;
  throw new ERR_INVALID_ARG_TYPE('listener', 'EventListener', listener);
}

// addEventListener's third argument: a capture boolean, or a dictionary.
function addOptions(options) {
  if (typeof options === 'boolean') {
    return { once: false, capture: options, passive: false,
             signal: undefined, resist: false };
  }
  if (options == null) {
    return { once: false, capture: false, passive: false,
             signal: undefined, resist: false };
  }
  validateObject(options, 'options', { allowArray: true,
                                       allowFunction: true });
  return {
    once: !!options.once,
    capture: !!options.capture,
    passive: !!options.passive,
    signal: options.signal,
    resist: !!options[kResistStopPropagation],
  };
}

// Node 18 takes only a dictionary's `capture: true` here: a bare boolean
// or a truthy non-boolean means no capture.
function removeCapture(options) {
  return options?.capture === true;
}

// An event type as a string; symbols are refused, as Node 18 does.
function toType(type) {
  if (typeof type === 'symbol') throw new ERR_INVALID_ARG_VALUE('value', type);
  return `${type}`;
}

function addListener(target, type, callback, options, nodeStyle) {
  const { once, capture, passive, signal, resist } = options;
  if (signal != null && signal.aborted) return;
  type = toType(type);
  let list = target[kEvents].get(type);
  if (list === undefined) {
    list = new ListenerList();
    target[kEvents].set(type, list);
  }
  // The same callback with the same capture flag is registered once.
  if (list.find(callback, capture) !== undefined) return;
  const listener = new Listener(callback, once, capture, passive, nodeStyle,
                                !!resist);
  if (signal != null) {
    listener.signal = signal;
    listener.onAbort = () => {
      listener.onAbort = undefined;
      removeListener(target, type, listener);
    };
    signal.addEventListener('abort', listener.onAbort, { once: true });
  }
  list.append(listener);
  target[kNewListener](list.size, type, callback, once, capture, passive);
}

// Unregisters one Listener record.
function removeListener(target, type, listener) {
  const list = target[kEvents].get(type);
  if (list === undefined || listener.removed) return;
  list.unlink(listener);
  listener.removed = true;
  if (list.size === 0) target[kEvents].delete(type);
  // Unlike Node 18, which leaves it until the signal is collected, drop
  // the signal's hook now: a long-lived signal would otherwise gather one
  // per registration (and warn about a leak).
  if (listener.onAbort !== undefined) {
    listener.signal.removeEventListener('abort', listener.onAbort);
    listener.onAbort = undefined;
  }
  target[kRemoveListener](list.size, type, listener.callback,
                          listener.capture);
}

function findListener(target, type, callback, capture) {
  return target[kEvents].get(type)?.find(callback, capture);
}

// Errors thrown by listeners do not stop the dispatch: each is reported as
// an uncaught exception once the current operation has finished.
function emitUncaught(err) {
  process.nextTick(() => { throw err; });
}

function callListener(target, listener, arg) {
  const callback = listener.callback;
  let result;
  try {
    if (typeof callback === 'function') {
      result = Reflect.apply(callback, target, [arg]);
    } else {
      const handleEvent = callback.handleEvent;
      if (handleEvent === undefined) return;
      result = Reflect.apply(handleEvent, callback, [arg]);
    }
  } catch (err) {
    emitUncaught(err);
    return;
  }
  // An async listener's rejection counts as thrown too.
  if (result !== undefined && isPromise(result)) {
    result.then(undefined, emitUncaught);
  }
}

// Runs the listeners of `type`: those added with NodeEventTarget's on()
// get `value`, the others `event`, made from `value` on first need when a
// NodeEventTarget emits (`event` undefined).
function dispatch(target, type, event, value) {
  const list = target[kEvents].get(type);
  if (event !== undefined) startDispatch(event, target);
  try {
    if (list === undefined) return;
    // As in Node 18, the next listener is taken before calling one: so
    // removed listeners are skipped, and one added meanwhile runs too
    // unless it was added while the last listener ran.
    let next;
    for (let listener = list.head; listener !== null; listener = next) {
      next = listener.next;
      if (listener.removed) continue;
      if (event !== undefined && immediateStopped(event) &&
          !listener.resistStopPropagation) {
        continue;
      }
      if (listener.once) removeListener(target, type, listener);
      if (listener.nodeStyle) {
        callListener(target, listener, value);
      } else {
        if (event === undefined) {
          event = target[kCreateEvent](value, type);
          startDispatch(event, target);
        }
        callListener(target, listener, event);
      }
    }
  } finally {
    if (event !== undefined) endDispatch(event);
  }
}

// ---- EventTarget ------------------------------------------------------------

class EventTarget {
  constructor() {
    initEventTarget(this);
  }

  [kNewListener](size, type, listener, once, capture, passive) {
    const max = this[kMaxEventTargetListeners];
    if (max > 0 && size > max && !this[kMaxEventTargetListenersWarned]) {
      this[kMaxEventTargetListenersWarned] = true;
      process.emitWarning(genericNodeError(
        'Possible EventTarget memory leak detected. ' +
        `${size} ${type} listeners added to ` +
        `${inspect(this, { depth: -1 })}. Use ` +
        'events.setMaxListeners() to increase limit',
        { name: 'MaxListenersExceededWarning', target: this, type,
          count: size }));
    }
  }

  [kRemoveListener](size, type, listener, capture) {}

  addEventListener(type, listener, options = undefined) {
    checkTarget(this);
    if (arguments.length < 2) {
      throw new ERR_MISSING_ARGS('type', 'listener');
    }
    const opts = addOptions(options);
    if (!checkListener(listener)) {
      process.emitWarning(
        `addEventListener called with ${listener} which has no effect.`,
        'AddEventListenerArgumentTypeWarning');
      return;
    }
    addListener(this, type, listener, opts, false);
  }

  removeEventListener(type, listener, options = undefined) {
    checkTarget(this);
    if (arguments.length < 2) {
      throw new ERR_MISSING_ARGS('type', 'listener');
    }
    if (!checkListener(listener)) return;
    type = toType(type);
    const found = findListener(this, type, listener, removeCapture(options));
    if (found !== undefined) removeListener(this, type, found);
  }

  dispatchEvent(event) {
    checkTarget(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('event');
    if (!isEvent(event)) {
      throw new ERR_INVALID_ARG_TYPE('event', 'Event', event);
    }
    if (isDispatching(event)) throw new ERR_EVENT_RECURSION(event.type);
    // Listeners added with NodeEventTarget's on() get the event too.
    dispatch(this, event.type, event, event);
    return event.defaultPrevented !== true;
  }

  [kCreateEvent](value, type) {
    return new CustomEvent(type, { detail: value });
  }

  [customInspect](depth, options) {
    const name = this.constructor.name;
    if (depth < 0) return name;
    return `${name} ${inspect({}, nestedOptions(options))}`;
  }
}

makeEnumerable(EventTarget.prototype, [
  'addEventListener', 'removeEventListener', 'dispatchEvent',
]);
Object.defineProperty(EventTarget.prototype, Symbol.toStringTag, {
  value: 'EventTarget', writable: false, enumerable: false,
  configurable: true,
});

// The listeners of `type` as the user registered them (functions or
// handleEvent objects), for events.getEventListeners().
function getListeners(target, type) {
  return target[kEvents].get(String(type))?.callbacks() ?? [];
}

// ---- NodeEventTarget -------------------------------------------------------

// An EventTarget that internal objects (message ports and the like) expose
// with EventEmitter's method names. Listeners added with on()/once() get
// the emitted value itself; those added with addEventListener() get an
// Event (see kCreateEvent).
class NodeEventTarget extends EventTarget {
  setMaxListeners(n) {
    checkNodeTarget(this);
    EventEmitter.setMaxListeners(n, this);
  }

  getMaxListeners() {
    checkNodeTarget(this);
    return this[kMaxEventTargetListeners];
  }

  eventNames() {
    checkNodeTarget(this);
    return [...this[kEvents].keys()];
  }

  listenerCount(type) {
    checkNodeTarget(this);
    return this[kEvents].get(String(type))?.size ?? 0;
  }

  off(type, listener, options) {
    checkNodeTarget(this);
    this.removeEventListener(type, listener, options);
    return this;
  }

  removeListener(type, listener, options) {
    checkNodeTarget(this);
    this.removeEventListener(type, listener, options);
    return this;
  }

  on(type, listener) {
    checkNodeTarget(this);
    addNodeListener(this, type, listener, false);
    return this;
  }

  addListener(type, listener) {
    checkNodeTarget(this);
    addNodeListener(this, type, listener, false);
    return this;
  }

  once(type, listener) {
    checkNodeTarget(this);
    addNodeListener(this, type, listener, true);
    return this;
  }

  emit(type, arg) {
    checkNodeTarget(this);
    validateString(type, 'type');
    const had = this.listenerCount(type) > 0;
    dispatch(this, type, undefined, arg);
    return had;
  }

  removeAllListeners(type) {
    checkNodeTarget(this);
    const types = type === undefined ? [...this[kEvents].keys()] :
      [String(type)];
    for (const t of types) {
      const list = this[kEvents].get(t);
      for (let l = list?.head ?? null; l !== null; l = l.next) {
        removeListener(this, t, l);
      }
    }
    return this;
  }
}

// NodeEventTarget's emit() for internal callers that know `target` is one
// and `type` a string (a MessagePort delivering a message).
function emitValue(target, type, value) {
  dispatch(target, type, undefined, value);
}

function checkNodeTarget(self) {
  if (!isEventTarget(self) || !(self instanceof NodeEventTarget)) {
    throw new ERR_INVALID_THIS('NodeEventTarget');
  }
}

function addNodeListener(target, type, listener, once) {
  if (!checkListener(listener)) return;
  addListener(target, type, listener,
              { once, capture: false, passive: false, signal: undefined },
              true);
}

// ---- Event handler attributes (onabort, onmessage ...) ----------------------

// Defines `on${type}` on `obj` (usually a prototype): assigning a value
// registers it as a listener at that point of the order; later assignments
// replace it in place; null removes it.
function defineEventHandler(obj, type, name = type) {
  Object.defineProperty(obj, `on${name}`, {
    get() {
      return this[kHandlers]?.get(type)?.handler ?? null;
    },
    set(value) {
      checkTarget(this);
      if (this[kHandlers] === undefined) this[kHandlers] = new Map();
      let slot = this[kHandlers].get(type);
      if (value == null) {
        if (slot !== undefined) {
          this.removeEventListener(type, slot.listener);
          this[kHandlers].delete(type);
        }
        return;
      }
      if (slot === undefined) {
        slot = { handler: value, listener: undefined };
        slot.listener = function(event) {
          const handler = slot.handler;
          if (typeof handler === 'function') {
            return Reflect.apply(handler, this, [event]);
          }
        };
        this[kHandlers].set(type, slot);
        this.addEventListener(type, slot.listener);
      } else {
        slot.handler = value;
      }
    },
    enumerable: true,
    configurable: true,
  });
}

module.exports = {
  CustomEvent,
  Event,
  EventTarget,
  NodeEventTarget,
  defineEventHandler,
  emitValue,
  getListeners,
  initEventTarget,
  isEventTarget,
  kCreateEvent,
  kEvents,
  kNewListener,
  kRemoveListener,
  kTrustEvent,
  kResistStopPropagation,
};
