'use strict';
// domain: errors thrown in callbacks that a domain carried (timers,
// nextTick, immediates, promises), emitted by its emitters, or passed to
// intercept() go to its 'error' listeners; nested domains pass on what
// they do not handle; without a domain errors stay uncaught.
const common = require('../common');
const { assert } = common;
const EventEmitter = require('events');

assert.strictEqual(process.domain, null);
const domain = require('domain');
assert.strictEqual(EventEmitter.usingDomains, true);
assert.throws(() => process.setUncaughtExceptionCaptureCallback(() => {}), {
  code: 'ERR_DOMAIN_CANNOT_SET_UNCAUGHT_EXCEPTION_CAPTURE',
});

const steps = [];

// A timer scheduled in a domain runs in it; what it throws goes there.
{
  const d = domain.create();
  d.on('error', common.mustCall((err) => {
    assert.strictEqual(err.message, 'from timer');
    assert.strictEqual(err.domain, d);
    assert.strictEqual(err.domainThrown, true);
    steps.push('timer');
  }));
  d.run(() => {
    assert.strictEqual(process.domain, d);
    assert.strictEqual(domain.active, d);
    setTimeout(() => {
      assert.strictEqual(process.domain, d);
      throw new Error('from timer');
    }, 1);
  });
  assert.notStrictEqual(process.domain, d);
  // Scheduled outside any domain: runs in none, even after the throw.
  setTimeout(common.mustCall(() => {
    assert.ok(!process.domain);
    steps.push('plain timer');
  }), 1);
}

// nextTick and promise callbacks carry the domain too.
{
  const d = domain.create();
  const errors = [];
  d.on('error', (err) => errors.push(err.message));
  d.run(() => {
    process.nextTick(() => {
      assert.strictEqual(process.domain, d);
      throw new Error('tick');
    });
    Promise.resolve().then(common.mustCall(() => {
      assert.strictEqual(process.domain, d);
    }));
    // An unhandled rejection made in the domain becomes its error.
    Promise.reject(new Error('rejected'));
  });
  setTimeout(common.mustCall(() => {
    assert.deepStrictEqual(errors.sort(), ['rejected', 'tick']);
  }), 20);
}

// Emitters made in a domain belong to it; an 'error' no one listens to
// goes to the domain.
{
  const d = domain.create();
  let ee;
  d.run(() => { ee = new EventEmitter(); });
  assert.strictEqual(ee.domain, d);
  d.on('error', common.mustCall((err) => {
    assert.strictEqual(err.domainEmitter, ee);
    assert.strictEqual(err.domainThrown, false);
    assert.strictEqual(err.domain, d);
  }));
  assert.strictEqual(ee.emit('error', new Error('emitted')), false);
  ee.on('data', common.mustCall(() => assert.strictEqual(process.domain, d)));
  ee.emit('data');

  // add() and remove() move explicit members.
  const other = new EventEmitter();
  assert.strictEqual(other.domain, null);
  d.add(other);
  assert.strictEqual(other.domain, d);
  assert.deepStrictEqual(d.members, [other]);
  d.remove(other);
  assert.strictEqual(other.domain, null);
  assert.deepStrictEqual(d.members, []);
}

// bind() and intercept().
{
  const d = domain.create();
  const seen = [];
  d.on('error', (err) => seen.push(err.message));
  const bound = d.bind(function(a, b) {
    assert.strictEqual(process.domain, d);
    return [this, a + b];
  });
  assert.strictEqual(bound.domain, d);
  const self = {};
  assert.deepStrictEqual(bound.call(self, 1, 2), [self, 3]);
  const intercepted = d.intercept(common.mustCall((x) => {
    assert.strictEqual(x, 'ok');
  }));
  intercepted(null, 'ok');
  intercepted(new Error('passed'));
  assert.deepStrictEqual(seen, ['passed']);
}

// Nested: an inner domain without listeners passes what is thrown while
// both are entered to the outer one.
{
  const outer = domain.create();
  const inner = domain.create();
  outer.on('error', common.mustCall((err) => {
    assert.strictEqual(err.message, 'inner');
    steps.push('nested');
  }));
  setTimeout(() => {
    outer.run(() => inner.run(() => { throw new Error('inner'); }));
  }, 10);
}

// A domain without listeners leaves the error uncaught.
{
  const d = domain.create();
  process.once('uncaughtException', common.mustCall((err) => {
    assert.strictEqual(err.message, 'nobody');
    steps.push('uncaught');
  }));
  setTimeout(() => {
    d.run(() => setImmediate(() => { throw new Error('nobody'); }));
  }, 30);
}

process.on('exit', () => {
  assert.deepStrictEqual(steps.sort(),
                         ['nested', 'plain timer', 'timer', 'uncaught']);
});
