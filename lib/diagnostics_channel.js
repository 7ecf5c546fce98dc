// diagnostics_channel: named channels that publishers send messages to
// and subscribers listen on. A channel with no subscriber and no bound
// store costs one check to publish on; it is held weakly, so unused
// channels can be collected, as in Node.
'use strict';

const {
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const { validateFunction } = require('internal/validators');

const channels = new Map();       // name -> WeakRef(channel)
const active = new Set();         // channels held strongly while in use

function validateName(name, what) {
  if (typeof name !== 'string' && typeof name !== 'symbol')
    throw new ERR_INVALID_ARG_TYPE(what, ['string', 'symbol'], name);
}

// A channel whose subscribers or stores throw reports the error as an
// uncaught exception, on the next tick, and goes on with the others.
function reportLater(err) {
  process.nextTick(() => {
    throw err;
  });
}

class Channel {
  constructor(name) {
    this._subscribers = undefined;
    this._stores = undefined;
    this.name = name;
  }

  static [Symbol.hasInstance](obj) {
    const proto = obj === null || typeof obj !== 'object' ? null :
      Object.getPrototypeOf(obj);
    return proto === Channel.prototype || proto === ActiveChannel.prototype;
  }

  subscribe(subscription) {
    validateFunction(subscription, 'subscription');
    activate(this);
    this.subscribe(subscription);
  }

  unsubscribe() {
    return false;
  }

  bindStore(store, transform) {
    activate(this);
    this.bindStore(store, transform);
  }

  unbindStore() {
    return false;
  }

  get hasSubscribers() {
    return false;
  }

  publish() {}

  runStores(data, fn, thisArg, ...args) {
    return Reflect.apply(fn, thisArg, args);
  }
}

// The prototype of a channel while it has subscribers or stores.
class ActiveChannel {
  subscribe(subscription) {
    validateFunction(subscription, 'subscription');
    this._subscribers = [...this._subscribers, subscription];
  }

  unsubscribe(subscription) {
    const i = this._subscribers.indexOf(subscription);
    if (i === -1) return false;
    const next = this._subscribers.slice();
    next.splice(i, 1);
    this._subscribers = next;
    deactivateIfIdle(this);
    return true;
  }

  bindStore(store, transform) {
    const had = this._stores.has(store);
    this._stores.set(store, transform);
    return !had;
  }

  unbindStore(store) {
    if (!this._stores.has(store)) return false;
    this._stores.delete(store);
    deactivateIfIdle(this);
    return true;
  }

  get hasSubscribers() {
    return true;
  }

  publish(data) {
    for (const fn of this._subscribers) {
      try {
        fn(data, this.name);
      } catch (err) {
        reportLater(err);
      }
    }
  }

  runStores(data, fn, thisArg, ...args) {
    let run = () => {
      this.publish(data);
      return Reflect.apply(fn, thisArg, args);
    };
    for (const [store, transform] of this._stores) {
      let value = data;
      if (transform !== undefined) {
        try {
          value = transform(data);
        } catch (err) {
          reportLater(err);
          continue;
        }
      }
      const inner = run;
      run = () => store.run(value, inner);
    }
    return run();
  }
}

function activate(channel) {
  Object.setPrototypeOf(channel, ActiveChannel.prototype);
  channel._subscribers = [];
  channel._stores = new Map();
  active.add(channel);
}

function deactivateIfIdle(channel) {
  if (channel._subscribers.length > 0 || channel._stores.size > 0) return;
  Object.setPrototypeOf(channel, Channel.prototype);
  channel._subscribers = undefined;
  channel._stores = undefined;
  active.delete(channel);
}

function channel(name) {
  const ref = channels.get(name);
  const existing = ref === undefined ? undefined : ref.deref();
  if (existing !== undefined) return existing;
  validateName(name, 'channel');
  const ch = new Channel(name);
  channels.set(name, new WeakRef(ch));
  return ch;
}

function subscribe(name, subscription) {
  channel(name).subscribe(subscription);
}

function unsubscribe(name, subscription) {
  const ref = channels.get(name);
  const ch = ref === undefined ? undefined : ref.deref();
  return ch === undefined ? false : ch.unsubscribe(subscription);
}

function hasSubscribers(name) {
  const ref = channels.get(name);
  const ch = ref === undefined ? undefined : ref.deref();
  return ch === undefined ? false : ch.hasSubscribers;
}

// ---- Tracing channels: five channels around one operation --------------

const kEvents = ['start', 'end', 'asyncStart', 'asyncEnd', 'error'];

class TracingChannel {
  constructor(nameOrChannels) {
    if (typeof nameOrChannels === 'string') {
      for (const ev of kEvents)
        this[ev] = channel(`tracing:${nameOrChannels}:${ev}`);
    } else if (nameOrChannels !== null && typeof nameOrChannels === 'object') {
      for (const ev of kEvents) {
        const ch = nameOrChannels[ev];
        if (!(ch instanceof Channel)) {
          throw new ERR_INVALID_ARG_TYPE(`nameOrChannels.${ev}`, 'Channel',
                                         ch);
        }
        this[ev] = ch;
      }
    } else {
      throw new ERR_INVALID_ARG_TYPE('nameOrChannels',
                                     ['string', 'object', 'Channel'],
                                     nameOrChannels);
    }
  }

  subscribe(handlers) {
    for (const ev of kEvents)
      if (handlers[ev]) this[ev].subscribe(handlers[ev]);
  }

  unsubscribe(handlers) {
    let done = true;
    for (const ev of kEvents) {
      if (handlers[ev] && !this[ev].unsubscribe(handlers[ev])) done = false;
    }
    return done;
  }

  traceSync(fn, context = {}, thisArg, ...args) {
    const { start, end, error } = this;
    return start.runStores(context, () => {
      try {
        const result = Reflect.apply(fn, thisArg, args);
        context.result = result;
        return result;
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }

  tracePromise(fn, context = {}, thisArg, ...args) {
    const { start, end, asyncStart, asyncEnd, error } = this;
    const reject = (err) => {
      context.error = err;
      error.publish(context);
      asyncStart.publish(context);
      asyncEnd.publish(context);
      return Promise.reject(err);
    };
    const resolve = (result) => {
      context.result = result;
      asyncStart.publish(context);
      asyncEnd.publish(context);
      return result;
    };
    return start.runStores(context, () => {
      try {
        let promise = Reflect.apply(fn, thisArg, args);
        if (!(promise instanceof Promise)) promise = Promise.resolve(promise);
        return promise.then(resolve, reject);
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }

  traceCallback(fn, position = -1, context = {}, thisArg, ...args) {
    const { start, end, asyncStart, asyncEnd, error } = this;
    const callback = args.at(position);
    validateFunction(callback, 'callback');
    const wrapped = function(err, res) {
      if (err) {
        context.error = err;
        error.publish(context);
      } else {
        context.result = res;
      }
      return asyncStart.runStores(context, () => {
        try {
          return Reflect.apply(callback, this, arguments);
        } finally {
          asyncEnd.publish(context);
        }
      });
    };
    args.splice(position, 1, wrapped);
    return start.runStores(context, () => {
      try {
        return Reflect.apply(fn, thisArg, args);
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }
}

function tracingChannel(nameOrChannels) {
  return new TracingChannel(nameOrChannels);
}

module.exports = {
  channel,
  hasSubscribers,
  subscribe,
  tracingChannel,
  unsubscribe,
  Channel,
};
